//! A salon whose truth is known, and the per-record export it writes: every
//! lead a row with its creation date, its outcome and, for a visit, its
//! amount. The generator counts its own funnel as it writes, so a test can
//! hold `roi measure` to it, and the runner knows the true change each
//! interval should cover.
//!
//! Months are drawn as a gamma-Poisson mixture: a month's mean is
//! `μ · season · (1 + uplift in the pilot)`, with, when `cv > 0`, that mean
//! itself drawn from a gamma of the given coefficient of variation (so a
//! month's count varies by `μ + (μ·cv)²`, φ = 1 + μ·cv², the way a real
//! salon's months swing), and the count Poisson around it. Each lead books
//! with the period's conversion, a booking is a no-show with its rate, and a
//! visit pays a lognormal check.

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Gamma, LogNormal, Poisson};
use std::collections::BTreeMap;
use std::fmt::Write;

/// How the pilot's months differ from the baseline's by the season alone.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Season {
    /// The same expected leads every month.
    Flat,
    /// The pilot falls in December: +26% leads over the baseline's months.
    December,
    /// The pilot falls in the summer trough: −20%.
    SummerTrough,
}

impl Season {
    /// The pilot months' expected leads over the baseline months'.
    pub fn factor(self) -> f64 {
        match self {
            Season::Flat => 1.0,
            Season::December => 1.26,
            Season::SummerTrough => 0.8,
        }
    }

    /// A short name for tables.
    pub fn name(self) -> &'static str {
        match self {
            Season::Flat => "flat",
            Season::December => "December +26%",
            Season::SummerTrough => "summer −20%",
        }
    }
}

/// Everything true about the salon and its pilot.
#[derive(Debug, Clone, PartialEq)]
pub struct Truth {
    /// Baseline months, k0 (1–12).
    pub baseline_months: u32,
    /// Pilot months, k1 (1–6).
    pub pilot_months: u32,
    /// Mean leads per baseline month, μ.
    pub leads: f64,
    /// Coefficient of variation of a month's mean: 0 for Poisson months.
    pub cv: f64,
    /// The pilot months' season against the baseline's.
    pub season: Season,
    /// Whether the export also holds the twelve months before the baseline,
    /// with the same season (so the pilot's seasonal check can be made when k0 + k1 ≤ 12).
    pub history: bool,
    /// The assistant's true effect on leads: 0.3 = +30% in the pilot months.
    pub uplift: f64,
    /// Bookings per lead before the pilot (and in the history).
    pub conversion: f64,
    /// Bookings per lead in the pilot (below `conversion`: the assistant
    /// brings leads that book less, "dilution").
    pub pilot_conversion: f64,
    /// No-shows per booking.
    pub no_show: f64,
    /// The median check, roubles.
    pub check: f64,
    /// σ of the check's logarithm (0.4: the middle half of checks within about ±30%).
    pub check_sigma: f64,
    /// With `Some(share)`, each pilot lead is the assistant's with that
    /// chance and the mapping carries the AI rule (channels `ai`/`other`);
    /// `None`: no rule, only `all`.
    pub ai_share: Option<f64>,
}

impl Truth {
    /// No effect at all: 6 baseline months, a 1-month pilot, 100 Poisson
    /// leads a month, 40% conversion, 10% no-shows, 2 000 ₽ checks, flat season.
    pub fn null() -> Truth {
        Truth {
            baseline_months: 6,
            pilot_months: 1,
            leads: 100.0,
            cv: 0.0,
            season: Season::Flat,
            history: false,
            uplift: 0.0,
            conversion: 0.4,
            pilot_conversion: 0.4,
            no_show: 0.1,
            check: 2000.0,
            check_sigma: 0.4,
            ai_share: None,
        }
    }

    /// The true change of a metric of channel `all`, on the scale the pilot
    /// reports it (`RR − 1` for leads, `p1 − p0` for rates, ratio − 1 for the
    /// check and revenue), for a pilot of any length; `None` for a metric it
    /// does not know.
    pub fn true_change(&self, metric: &str) -> Option<f64> {
        let leads = self.season.factor() * (1.0 + self.uplift);
        let visits = |conversion: f64| conversion * (1.0 - self.no_show);
        Some(match metric {
            "leads" => leads - 1.0,
            "conversion" => self.pilot_conversion - self.conversion,
            "no_show_rate" | "average_check" => 0.0,
            "revenue" => leads * visits(self.pilot_conversion) / visits(self.conversion) - 1.0,
            _ => return None,
        })
    }

    /// The assistant's own effect on a metric: [`Truth::true_change`] with
    /// the season taken out, which is what a season-adjusted estimate measures.
    pub fn true_effect(&self, metric: &str) -> Option<f64> {
        Truth {
            season: Season::Flat,
            ..self.clone()
        }
        .true_change(metric)
    }

    /// A one-line description for tables: `k0 6, k1 3, μ 100, CV 15%, +30%, …`.
    pub fn describe(&self) -> String {
        let mut s = format!(
            "k0 {}, k1 {}, μ {}, {}",
            self.baseline_months,
            self.pilot_months,
            self.leads,
            if self.cv > 0.0 {
                format!("CV {:.0}%", self.cv * 100.0)
            } else {
                "Poisson".into()
            }
        );
        if self.uplift != 0.0 {
            let _ = write!(s, ", leads {:+.0}%", self.uplift * 100.0);
        }
        if self.pilot_conversion != self.conversion {
            let _ = write!(
                s,
                ", conv {:.0}→{:.0}%",
                self.conversion * 100.0,
                self.pilot_conversion * 100.0
            );
        }
        if self.season != Season::Flat {
            let _ = write!(s, ", {}", self.season.name());
        }
        if self.history {
            s.push_str(", year before");
        }
        s
    }
}

/// One month of one channel, as the generator counted it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Count {
    /// Records created in the month.
    pub leads: u64,
    /// Visits plus no-shows (every booking is judged by the export's date).
    pub bookings: u64,
    /// Visits (`Won`).
    pub visits: u64,
    /// No-shows.
    pub no_shows: u64,
    /// The visits' amounts, whole roubles.
    pub revenue: u64,
}

/// What the baseline, the pilot and the year before are, as months.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// A month of the year before: `true` when it is a pilot month's twin.
    History(bool),
    Baseline,
    Pilot,
}

/// The pilot's first month, fixed so that a December pilot is a December;
/// the seasons are the truth's, not the calendar's.
const PILOT_START: i32 = 2025 * 12 + 11;

/// `2025-12` for a month index (year · 12 + month − 1).
pub fn month_name(index: i32) -> String {
    format!(
        "{:04}-{:02}",
        index.div_euclid(12),
        index.rem_euclid(12) + 1
    )
}

/// A generated export and what it holds.
#[derive(Debug, Clone)]
pub struct Export {
    /// The CSV, header `ID,Created,Stage,Amount,Channel`.
    pub csv: String,
    /// The generator's own funnel, by (`2025-12`, `all`|`ai`|`other`);
    /// `ai` and `other` only with an AI rule.
    pub counts: BTreeMap<(String, &'static str), Count>,
    /// `--baseline`, as the command line takes it.
    pub baseline: String,
}

impl Export {
    /// `--pilot` for the pilot's first `months` months.
    pub fn pilot(months: u32) -> String {
        let last = PILOT_START + months as i32 - 1;
        format!("{}..{}", month_name(PILOT_START), month_name(last))
    }
}

/// The mapping the export is read with: its columns and stages, and the AI
/// rule when `ai` (the Channel column is written either way).
pub fn mapping(ai: bool) -> String {
    let mut map = String::from(
        "[columns]\nid = \"ID\"\ncreated = \"Created\"\nstatus = \"Stage\"\namount = \"Amount\"\n\n\
         [status]\nLost = \"lost\"\nWon = \"visited\"\n\"No-show\" = \"no_show\"\n",
    );
    if ai {
        map.push_str("\n[ai]\ncolumn = \"Channel\"\nequals = \"AI\"\n");
    }
    map
}

/// The months in order, with their roles.
fn calendar(t: &Truth) -> Vec<(i32, Role)> {
    let (k0, k1) = (t.baseline_months as i32, t.pilot_months as i32);
    let start = PILOT_START - k0;
    let mut months = Vec::new();
    if t.history {
        // The twelve months before the baseline: a pilot month's twin is twelve before it.
        for j in 0..12 {
            months.push((start - 12 + j, Role::History(j >= k0 && j < k0 + k1)));
        }
    }
    months.extend((0..k0).map(|j| (start + j, Role::Baseline)));
    months.extend((0..k1).map(|j| (PILOT_START + j, Role::Pilot)));
    months
}

/// A month's leads: gamma-Poisson around `mean` (Poisson when cv is 0).
fn month_leads(rng: &mut ChaCha8Rng, mean: f64, cv: f64) -> u64 {
    let lambda = if cv > 0.0 {
        let shape = 1.0 / (cv * cv);
        Gamma::new(shape, mean / shape)
            .expect("a positive mean and CV")
            .sample(rng)
    } else {
        mean
    };
    if lambda <= 0.0 {
        return 0;
    }
    Poisson::new(lambda).expect("a positive mean").sample(rng) as u64
}

/// Draws the export of `truth` from `seed`.
pub fn generate(truth: &Truth, seed: u64) -> Export {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let check = LogNormal::new(truth.check.ln(), truth.check_sigma).expect("a check spread");
    let mut csv = String::from("ID,Created,Stage,Amount,Channel\n");
    let mut counts: BTreeMap<(String, &'static str), Count> = BTreeMap::new();
    let mut id = 0u64;
    for (index, role) in calendar(truth) {
        let seasonal = matches!(role, Role::Pilot | Role::History(true));
        let mut mean = truth.leads * if seasonal { truth.season.factor() } else { 1.0 };
        let mut conversion = truth.conversion;
        if role == Role::Pilot {
            mean *= 1.0 + truth.uplift;
            conversion = truth.pilot_conversion;
        }
        let name = month_name(index);
        // Every channel of every month is listed, so a month with none shows as zeros.
        let channels: &[&'static str] = match truth.ai_share {
            Some(_) => &["all", "ai", "other"],
            None => &["all"],
        };
        for &c in channels {
            counts.entry((name.clone(), c)).or_default();
        }
        for _ in 0..month_leads(&mut rng, mean, truth.cv) {
            id += 1;
            let ai = role == Role::Pilot && truth.ai_share.is_some_and(|s| rng.random_bool(s));
            let day = rng.random_range(1..=28u32);
            let (stage, amount) = if !rng.random_bool(conversion) {
                ("Lost", None)
            } else if rng.random_bool(truth.no_show) {
                ("No-show", None)
            } else {
                // Whole roubles, at least one, so the exact totals are integers.
                ("Won", Some((check.sample(&mut rng).round() as u64).max(1)))
            };
            let _ = writeln!(
                csv,
                "{id},{name}-{day:02},{stage},{},{}",
                amount.map_or(String::new(), |a| a.to_string()),
                if ai { "AI" } else { "Phone" }
            );
            let split = truth.ai_share.map(|_| if ai { "ai" } else { "other" });
            for c in std::iter::once("all").chain(split) {
                let e = counts.entry((name.clone(), c)).or_default();
                e.leads += 1;
                match stage {
                    "Won" => {
                        e.bookings += 1;
                        e.visits += 1;
                        e.revenue += amount.unwrap_or(0);
                    }
                    "No-show" => {
                        e.bookings += 1;
                        e.no_shows += 1;
                    }
                    _ => {}
                }
            }
        }
    }
    let baseline = format!(
        "{}..{}",
        month_name(PILOT_START - truth.baseline_months as i32),
        month_name(PILOT_START - 1)
    );
    Export {
        csv,
        counts,
        baseline,
    }
}
