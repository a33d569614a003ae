//! The simulation study of the pilot's client returns (issue 20, item 4):
//! clients drawn from a known truth — new clients by channel, each coming
//! back after an exponential gap unless she is lost, and a steady population
//! of existing clients — judged by `roi`'s returns check, run after run; the
//! 95% intervals' coverage and the rate of "the channels differ" under no
//! difference, and the power when there is one, each with its Monte Carlo
//! error. `examples/retention_study.rs` runs it long (`bench/retention_study.sh`);
//! `tests/retention_study.rs` runs it short.

use chrono::{Days, NaiveDate};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Exp, Poisson};
use roi::evidence::measure::error::Period;
use roi::evidence::pilot::Verdict;
use roi::evidence::pilot::returns::{self, AGE, History};

/// How one group of clients returns.
#[derive(Debug, Clone, Copy)]
pub struct Rhythm {
    /// New clients a month.
    pub per_month: f64,
    /// The chance, after each visit, that she never comes back.
    pub lost: f64,
    /// The mean gap between visits of a client who comes back, in days.
    pub gap: f64,
}

impl Rhythm {
    /// The true share back within `days` of the first visit.
    pub fn returned_by(&self, days: u32) -> f64 {
        (1.0 - self.lost) * (1.0 - (-f64::from(days) / self.gap).exp())
    }
}

/// What the world is like.
#[derive(Debug, Clone, Copy)]
pub struct Truth {
    /// Pilot months.
    pub pilot_months: u32,
    /// Days the export runs past the pilot's end.
    pub tail_days: u64,
    /// The assistant's new clients (only in the pilot).
    pub assistant: Rhythm,
    /// The other channels' new clients (always).
    pub other: Rhythm,
    /// How much more often existing clients come during the pilot (0.2 = +20%).
    pub reminders: f64,
}

impl Truth {
    /// No difference anywhere: 3 pilot months, 60 days after them, 20
    /// assistant's and 60 other new clients a month, 15% lost after each
    /// visit, 45 days between visits.
    pub fn null() -> Truth {
        let rhythm = Rhythm {
            per_month: 60.0,
            lost: 0.15,
            gap: 45.0,
        };
        Truth {
            pilot_months: 3,
            tail_days: 60,
            assistant: Rhythm {
                per_month: 20.0,
                ..rhythm
            },
            other: rhythm,
            reminders: 0.0,
        }
    }
}

/// The pilot starts on this day; the export starts a year before it, and
/// the clients' history two years before it (so the population is steady).
const PILOT_START: (i32, u32) = (2025, 3);
const BASELINE: (&str, &str) = ("2024-12", "2025-02");

fn day(n: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 3, 1).expect("a date") + Days::new(n)
}

/// One drawn world: clients' visits (only those inside the export), the periods, the export's first and last days.
pub struct World {
    /// (first lead through the assistant, visits oldest first).
    pub clients: Vec<(bool, Vec<NaiveDate>)>,
    /// The baseline months.
    pub baseline: Period,
    /// The pilot months.
    pub pilot: Period,
    /// The export's first day.
    pub first_day: NaiveDate,
    /// The export's last day.
    pub end: NaiveDate,
}

fn month_start(year: i32, month: u32, plus: u32) -> NaiveDate {
    let m = month - 1 + plus;
    NaiveDate::from_ymd_opt(year + (m / 12) as i32, m % 12 + 1, 1).expect("a month")
}

/// Draws a world from `truth`.
pub fn generate(truth: &Truth, seed: u64) -> World {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let (y, m) = PILOT_START;
    let pilot_start = month_start(y, m, 0);
    let pilot_end = month_start(y, m, truth.pilot_months);
    let end = pilot_end + Days::new(truth.tail_days) - Days::new(1);
    let first_day = month_start(y - 1, m, 0);
    let to_day = |d: NaiveDate| (d - day(0)).num_days() as u64;
    let (p0, p1, last) = (to_day(pilot_start), to_day(pilot_end), to_day(end));
    let mut clients = Vec::new();
    let mut month = 0;
    loop {
        let start = to_day(month_start(2023, 3, month));
        if start >= p1 {
            break;
        }
        let next = to_day(month_start(2023, 3, month + 1));
        let in_pilot = start >= p0;
        let groups = [(false, truth.other), (true, truth.assistant)];
        for (assistant, rhythm) in groups.into_iter().filter(|g| !g.0 || in_pilot) {
            let n = Poisson::new(rhythm.per_month).map_or(0, |p| p.sample(&mut rng) as u64);
            for _ in 0..n {
                let first = rng.random_range(start..next);
                let visits = visit_days(&mut rng, first, &rhythm, truth, (p0, p1), last);
                let seen: Vec<NaiveDate> = visits
                    .into_iter()
                    .filter(|&d| d >= to_day(first_day))
                    .map(day)
                    .collect();
                if !seen.is_empty() {
                    clients.push((assistant, seen));
                }
            }
        }
        month += 1;
    }
    let period = |a: &str, b: &str| Period {
        from: a.parse().expect("a month"),
        to: b.parse().expect("a month"),
    };
    let pilot_to = month_start(y, m, truth.pilot_months - 1)
        .format("%Y-%m")
        .to_string();
    World {
        clients,
        baseline: period(BASELINE.0, BASELINE.1),
        pilot: period(&pilot_start.format("%Y-%m").to_string(), &pilot_to),
        first_day,
        end,
    }
}

/// A client's visit days up to `last`: after each visit she is lost with
/// `lost`, else returns after an exponential gap (whole days, at least one),
/// shorter by the reminders' lift while an existing client is in the pilot.
fn visit_days(
    rng: &mut ChaCha8Rng,
    first: u64,
    rhythm: &Rhythm,
    truth: &Truth,
    (p0, p1): (u64, u64),
    last: u64,
) -> Vec<u64> {
    let mut visits = vec![first];
    let mut at = first;
    while !rng.random_bool(rhythm.lost) {
        let lift = if first < p0 && (p0..p1).contains(&at) {
            1.0 + truth.reminders
        } else {
            1.0
        };
        let gap = Exp::new(lift / rhythm.gap).map_or(rhythm.gap, |e| e.sample(rng));
        at += (gap.ceil() as u64).max(1);
        if at > last {
            break;
        }
        visits.push(at);
    }
    visits
}

/// What one run found.
#[derive(Debug, Clone, Copy, Default)]
pub struct Run {
    /// Too early to compare the new clients.
    pub too_early: bool,
    /// The assistant's and the others' intervals at 60 days hold the truth.
    pub covers: [bool; 2],
    /// The difference's interval holds the true difference.
    pub difference_covers: bool,
    /// The difference was judged up or down.
    pub differs: bool,
    /// The existing clients' ratio was judged (p < 0.05), and whether its interval holds the truth.
    pub existing: Option<(bool, bool)>,
}

/// Judges one world as the pilot would.
pub fn run(truth: &Truth, seed: u64) -> Run {
    let w = generate(truth, seed);
    let histories: Vec<History<'_>> = w
        .clients
        .iter()
        .map(|(assistant, visits)| History {
            assistant: *assistant,
            visits,
        })
        .collect();
    let r = returns::judge(&histories, w.baseline, w.pilot, w.first_day, w.end);
    let n = &r.new_clients;
    let truths = [
        truth.assistant.returned_by(AGE),
        truth.other.returned_by(AGE),
    ];
    let cohorts = [&n.assistant, &n.other];
    let covers = [0, 1].map(|i| {
        cohorts[i]
            .at_age()
            .and_then(|(_, interval)| interval)
            .is_some_and(|(lo, hi)| lo <= truths[i] && truths[i] <= hi)
    });
    let true_difference = truths[0] - truths[1];
    let existing = r.existing.as_ref().and_then(|e| e.ratio.ok()).map(|ratio| {
        let lift = 1.0 + truth.reminders;
        (
            ratio.estimate.p_value < 0.05,
            ratio.estimate.low <= lift && lift <= ratio.estimate.high,
        )
    });
    Run {
        too_early: n.too_early(),
        covers,
        difference_covers: n
            .difference
            .is_some_and(|d| d.low <= true_difference && true_difference <= d.high),
        differs: matches!(n.verdict(), Some(Verdict::Up | Verdict::Down)),
        existing,
    }
}

/// Counts over runs.
#[derive(Debug, Clone, Copy, Default)]
pub struct Tally {
    /// Runs.
    pub runs: u64,
    /// Runs too early to compare.
    pub too_early: u64,
    /// Decided runs whose assistant's / others' interval held the truth.
    pub covers: [u64; 2],
    /// Decided runs whose difference interval held the truth.
    pub difference_covers: u64,
    /// Decided runs that said the channels differ.
    pub differs: u64,
    /// Runs with an existing clients' ratio, those with p < 0.05, and those whose interval held the truth.
    pub existing: [u64; 3],
}

impl Tally {
    /// Adds a run.
    pub fn add(&mut self, r: &Run) {
        self.runs += 1;
        if r.too_early {
            self.too_early += 1;
        } else {
            for (c, hit) in self.covers.iter_mut().zip(r.covers) {
                *c += u64::from(hit);
            }
            self.difference_covers += u64::from(r.difference_covers);
            self.differs += u64::from(r.differs);
        }
        if let Some((judged, covers)) = r.existing {
            self.existing[0] += 1;
            self.existing[1] += u64::from(judged);
            self.existing[2] += u64::from(covers);
        }
    }

    /// Decided runs.
    pub fn decided(&self) -> u64 {
        self.runs - self.too_early
    }
}

/// `runs` runs from `seed` (run i uses seed + i).
pub fn study(truth: &Truth, seed: u64, runs: u64) -> Tally {
    let mut t = Tally::default();
    for i in 0..runs {
        t.add(&run(truth, seed.wrapping_add(i)));
    }
    t
}

/// A rate and its Monte Carlo standard error, in percent: "94.8 ± 0.5".
pub fn rate(hits: u64, of: u64) -> String {
    if of == 0 {
        return "—".into();
    }
    let p = hits as f64 / of as f64;
    format!(
        "{:.1} ± {:.1}",
        100.0 * p,
        100.0 * (p * (1.0 - p) / of as f64).sqrt()
    )
}

/// The study's scenarios: (name, truth).
pub fn scenarios() -> Vec<(&'static str, Truth)> {
    let null = Truth::null();
    vec![
        ("no difference, 3 months + 60 days", null),
        (
            "no difference, 3 months, export at the pilot's end",
            Truth {
                tail_days: 0,
                ..null
            },
        ),
        (
            "no difference, 1 month, export at its end",
            Truth {
                pilot_months: 1,
                tail_days: 0,
                ..null
            },
        ),
        (
            "no difference, 5 assistant's clients a month",
            Truth {
                assistant: Rhythm {
                    per_month: 5.0,
                    ..null.assistant
                },
                ..null
            },
        ),
        (
            "assistant's clients lost 35% a visit, not 15%",
            Truth {
                assistant: Rhythm {
                    lost: 0.35,
                    ..null.assistant
                },
                ..null
            },
        ),
        (
            "reminders: existing clients +20%",
            Truth {
                reminders: 0.2,
                ..null
            },
        ),
    ]
}

/// The study as a Markdown table.
pub fn table(seed: u64, runs: u64) -> String {
    let mut out = String::from(
        "| truth | too early | assistant's 95% covers | others' 95% covers | difference covers | \"differ\" | existing: \"changed\" | existing: covers |\n|---|---|---|---|---|---|---|---|\n",
    );
    for (name, truth) in scenarios() {
        let t = study(&truth, seed, runs);
        let d = t.decided();
        out += &format!(
            "| {name} | {} | {} | {} | {} | {} | {} | {} |\n",
            rate(t.too_early, t.runs),
            rate(t.covers[0], d),
            rate(t.covers[1], d),
            rate(t.difference_covers, d),
            rate(t.differs, d),
            rate(t.existing[1], t.existing[0]),
            rate(t.existing[2], t.existing[0]),
        );
    }
    out
}
