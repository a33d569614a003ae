//! A scenario file written from measured figures, which `roi calc` reads as is:
//! the facts in `[baseline]`, with comments saying where each came from.

use crate::evidence::measure::cell::Month;
use crate::evidence::measure::error::Period;
use crate::evidence::measure::funnel::Channel;
use crate::evidence::measure::season::{self, Season};
use crate::evidence::measure::{Baseline, Measured as Export};
use crate::evidence::pilot::{Change, Metric, Pilot};
use crate::forecast::scenario::Scenario;
use crate::format::{Fmt, Sign, round};
use crate::i18n::Lang;
use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive;
use std::fmt::Write;

/// Places kept when a measured ratio does not end: far below any rounding the
/// model's outputs show, and short enough to read.
pub const PLACES: u32 = 12;

/// `num / den` written exactly when the decimal ends (`205.5`), else to
/// [`PLACES`] places, half away from zero; never in exponent form.
pub fn exact_or_rounded(num: Decimal, den: Decimal) -> Option<Decimal> {
    let q = num.checked_div(den)?;
    Some(
        if terminates(num, den) {
            q
        } else {
            round(q, PLACES)
        }
        .normalize(),
    )
}

/// Whether `num / den` has a finite decimal expansion that fits exact
/// arithmetic: reduced, its denominator has no prime factor but 2 and 5.
/// (Multiplying the quotient back is no test: 28 digits of 285 580.5 / 133
/// times 133 round back to 285 580.5.)
fn terminates(num: Decimal, den: Decimal) -> bool {
    fn gcd(a: i128, b: i128) -> i128 {
        if b == 0 { a.abs() } else { gcd(b, a % b) }
    }
    let scaled = |m: i128, scale: u32| 10i128.checked_pow(scale).and_then(|p| m.checked_mul(p));
    let (Some(n), Some(mut d)) = (
        scaled(num.mantissa(), den.scale()),
        scaled(den.mantissa(), num.scale()),
    ) else {
        return false;
    };
    if d == 0 {
        return false;
    }
    d /= gcd(n, d);
    for p in [2, 5] {
        while d % p == 0 {
            d /= p;
        }
    }
    // 28 significant digits at most: a longer exact value is rounded like any other.
    d.abs() == 1 && (num / den).scale() < 28
}

/// The measured baseline as scenario lines: `(key, value, comment)`.
pub struct Measured<'a> {
    /// The period's figures.
    pub baseline: &'a Baseline,
    /// Lines naming the files and row counts, already worded.
    pub sources: Vec<String>,
    /// The scenario's name.
    pub name: String,
    /// ISO currency code.
    pub currency: &'a str,
    /// The rest of the file, already written (`roi pilot --write-scenario`):
    /// `[after]` from the pilot's intervals and the plan's costs.
    pub after: Option<String>,
}

/// The measured baseline as a scenario file, naming the exports it came
/// from; `after` (already written by a pilot) replaces the templates.
pub fn measured(
    m: &Export,
    b: &Baseline,
    period: Period,
    lang: Lang,
    after: Option<String>,
) -> String {
    let count = |n: u64| {
        Fmt {
            lang,
            currency: "RUB",
        }
        .count(n.into(), Sign::Plain)
    };
    let sources = m
        .files
        .iter()
        .map(|file| {
            lang.fill(
                "{} ({}, {}): {}",
                &[
                    &file.path,
                    &super::measure::system_name(m.system),
                    &file.kind.name(),
                    &crate::format::rows(lang, file.rows),
                ],
            )
        })
        .chain(std::iter::once(lang.fill(
            "{} counted, {} repeated IDs, {} left out",
            &[
                &count(m.quality.used),
                &count(m.quality.duplicates),
                &count(m.quality.skipped_rows()),
            ],
        )))
        .collect();
    let stem = m
        .files
        .first()
        .map(|f| {
            std::path::Path::new(&f.path)
                .file_stem()
                .map_or(f.path.clone(), |s| s.to_string_lossy().into_owned())
        })
        .unwrap_or_default();
    let name = lang.fill("{}, measured {}", &[&stem, &period]);
    render(
        &Measured {
            baseline: b,
            sources,
            name,
            currency: "RUB",
            after,
        },
        lang,
    )
}

/// `[after]` as ranges from a pilot's 95% intervals, clipped to what the
/// scenario rules allow, and the plan's costs, savings and assumptions.
pub fn pilot_after(p: &Pilot, plan: Option<&Scenario>, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "# {}",
        lang.tr("[after]: the pilot's measured changes as ranges (95% intervals), for `roi simulate` and `roi sensitivity`.")
    );
    let _ = writeln!(out, "[after]");
    for c in p.metrics.iter().filter(|c| c.channel == Channel::All) {
        if let Some(line) = after_range(c) {
            let _ = writeln!(out, "{line}");
        }
    }
    if let Some(plan) = plan {
        write_plan(&mut out, plan, lang);
    } else {
        let _ = writeln!(out, "\n# {}", lang.tr("[costs]: what the assistant costs."));
        let _ = writeln!(out, "# [costs]\n# setup = 25000\n# monthly = 10000");
    }
    out
}

/// A share as a percentage to four places: the tables round to one, and a
/// value already rounded to two would round again to another tenth
/// (−14.149 → −14.15 → −14.2).
fn pct(x: f64) -> Option<Decimal> {
    Some(round(Decimal::from_f64(x * 100.0)?, 4).normalize())
}

/// A change with its sign, as a range's end is written: `+12.5`, `-3`.
fn signed(d: Decimal) -> String {
    if d.is_sign_negative() {
        d.to_string()
    } else {
        format!("+{d}")
    }
}

/// One metric's interval as an `[after]` line, clipped so the changed figure
/// stays possible; `None` for revenue (the model works it out) and for an
/// interval with an end missing.
fn after_range(c: &Change) -> Option<String> {
    let (Some(low), Some(high), Some(base)) = (c.low, c.high, c.baseline) else {
        return None;
    };
    match c.metric {
        // A change cannot take leads or a check below zero: −100% at most.
        Metric::Leads | Metric::AverageCheck => {
            let (Some(a), Some(b)) = (pct(low.max(-1.0)), pct(high.min(10.0))) else {
                return None;
            };
            let key = if c.metric == Metric::Leads {
                "leads"
            } else {
                "average_check"
            };
            Some(format!("{key} = \"{}%..{}%\"", signed(a), signed(b)))
        }
        Metric::Conversion | Metric::NoShowRate => {
            // Points keep the share within 0–100%.
            let (Some(a), Some(b)) = (pct(low.max(-base)), pct(high.min(1.0 - base))) else {
                return None;
            };
            let key = if c.metric == Metric::Conversion {
                "conversion"
            } else {
                "no_show_rate"
            };
            Some(format!("{key} = \"{}pp..{}pp\"", signed(a), signed(b)))
        }
        Metric::Revenue => None,
    }
}

/// The plan's costs, savings and assumptions, copied so the file runs as is.
fn write_plan(out: &mut String, plan: &Scenario, lang: Lang) {
    let i = &plan.inputs;
    let _ = writeln!(out);
    let _ = writeln!(out, "# {}", lang.fill("From the plan «{}».", &[&plan.name]));
    let _ = writeln!(
        out,
        "[costs]\nsetup = {}\nmonthly = {}",
        i.setup_cost.normalize(),
        i.monthly_cost.normalize()
    );
    let _ = writeln!(
        out,
        "\n[savings]\nstaff_hours = {}\nhourly_rate = {}\nother = {}",
        i.staff_hours.normalize(),
        i.hourly_rate.normalize(),
        i.other_savings.normalize()
    );
    let _ = writeln!(
        out,
        "\n[assumptions]\ngross_margin = {}\nramp_months = {}\ndiscount_rate = {}",
        i.gross_margin.normalize(),
        i.ramp_months,
        i.discount_rate.normalize()
    );
}

/// The whole file. The caller checks first that leads, conversion and the check were measured.
pub fn render(m: &Measured<'_>, lang: Lang) -> String {
    let b = m.baseline;
    let mut out = String::new();
    write_head(&mut out, m, lang);
    let facts = Facts {
        b,
        f: Fmt {
            lang,
            currency: m.currency,
        },
    };
    facts.leads(&mut out);
    facts.conversion(&mut out);
    facts.no_show_rate(&mut out);
    facts.average_check(&mut out);
    facts.open_bookings(&mut out);
    if let Some(season) = &b.season {
        write_season(&mut out, season, b.period.to.next(), lang);
    }
    if let Some(after) = &m.after {
        out.push_str(after);
        return out;
    }
    write_after_template(&mut out, lang);
    out
}

/// Where the figures came from, then `[scenario]` and the `[baseline]` heading.
fn write_head(out: &mut String, m: &Measured<'_>, l: Lang) {
    let b = m.baseline;
    let _ = writeln!(
        out,
        "# {}",
        l.tr("Baseline measured by `roi measure` from:")
    );
    for s in &m.sources {
        let _ = writeln!(out, "#   {s}");
    }
    let _ = writeln!(
        out,
        "# {}",
        l.fill(
            "Months {} ({}), all channels; each figure is the period's total, not an average of monthly ratios.",
            &[&b.period, &l.months(b.period.months())],
        )
    );
    let _ = writeln!(out);
    let _ = writeln!(out, "[scenario]");
    let _ = writeln!(out, "name = {}", toml::Value::String(m.name.clone()));
    let _ = writeln!(out, "currency = \"{}\"", m.currency);
    let _ = writeln!(out, "months = 12");
    let _ = writeln!(out);
    let _ = writeln!(out, "[baseline]");
}

/// The `[baseline]` keys, each under a comment with the totals it is worked
/// out from and the months it ranged over.
struct Facts<'a> {
    b: &'a Baseline,
    f: Fmt<'a>,
}

impl Facts<'_> {
    fn count(&self, d: Decimal) -> String {
        self.f.count(d, Sign::Plain)
    }

    fn percent(&self, d: Decimal) -> String {
        self.f.percent(d, Sign::Plain)
    }

    fn money(&self, d: Decimal) -> String {
        self.f.money(d, Sign::Plain)
    }

    /// `; lowest … (month), highest … (month)` when the metric's months were
    /// measured apart, so a reader sees how far one month strays.
    fn spread(&self, metric: &str, show: &dyn Fn(Decimal) -> String) -> String {
        let l = self.f.lang;
        self.b
            .ranges
            .iter()
            .find(|s| s.metric == metric)
            .map(|s| {
                l.fill(
                    "; lowest {} ({}), highest {} ({})",
                    &[&show(s.low.1), &s.low.0, &show(s.high.1), &s.high.0],
                )
            })
            .unwrap_or_default()
    }

    /// `leads`: the period's leads over its months, or over the season's
    /// weight of them when the year has a shape.
    fn leads(&self, out: &mut String) {
        let (b, l) = (self.b, self.f.lang);
        let (Some(leads), Some(total)) = (b.leads, b.figures.leads) else {
            return;
        };
        let months = Decimal::from(b.period.months());
        let mut value = exact_or_rounded(Decimal::from(total), months).unwrap_or(leads);
        let _ = writeln!(
            out,
            "# {}{}",
            l.fill(
                "leads per month: {} over {}",
                &[
                    &self.count(Decimal::from(total)),
                    &l.months(b.period.months())
                ]
            ),
            self.spread("leads", &|d| self.count(d))
        );
        // With a season the model multiplies leads by each month's factor, so
        // `leads` is an average month's: the period's leads over the weight its
        // months carry. Then the model gives back exactly the leads measured.
        if let Some(season) = &b.season {
            let weight: Decimal = b
                .period
                .from
                .through(b.period.to)
                .map(|m| season.factor(m))
                .sum();
            if let Some(v) = exact_or_rounded(Decimal::from(total), weight) {
                value = v;
                let _ = writeln!(
                    out,
                    "# {}",
                    l.fill(
                        "an average month of the season: {} over the season's weight of these months, {}",
                        &[&self.count(Decimal::from(total)), &self.f.number(weight, season::PLACES)]
                    )
                );
            }
        }
        let _ = writeln!(out, "leads = {value}");
    }

    /// `conversion`: the period's bookings over its leads.
    fn conversion(&self, out: &mut String) {
        let (fig, l) = (&self.b.figures, self.f.lang);
        if let (Some(bookings), Some(leads)) = (fig.bookings, fig.leads)
            && let Some(v) = exact_or_rounded(bookings.into(), leads.into())
        {
            let _ = writeln!(
                out,
                "# {}{}",
                l.fill(
                    "bookings / leads = {} / {}",
                    &[&self.count(bookings.into()), &self.count(leads.into())]
                ),
                self.spread("conversion", &|d| self.percent(d))
            );
            let _ = writeln!(out, "conversion = {v}");
        }
    }

    /// `no_show_rate`: the period's no-shows over the bookings that ended; a
    /// comment when the data cannot say.
    fn no_show_rate(&self, out: &mut String) {
        let (fig, l) = (&self.b.figures, self.f.lang);
        match (fig.no_shows, fig.visits) {
            (Some(no_shows), Some(visits)) if no_shows + visits > 0 => {
                let v = exact_or_rounded(no_shows.into(), (no_shows + visits).into())
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "# {}{}",
                    l.fill(
                        "no-shows / (visits + no-shows) = {} / {}",
                        &[
                            &self.count(no_shows.into()),
                            &self.count((no_shows + visits).into())
                        ]
                    ),
                    self.spread("no_show_rate", &|d| self.percent(d))
                );
                let _ = writeln!(out, "no_show_rate = {v}");
            }
            _ => {
                let _ = writeln!(
                    out,
                    "# {}",
                    l.tr("no_show_rate: not measured (the data has no no-show status); 0 is assumed unless you set it")
                );
            }
        }
    }

    /// `average_check`: the priced visits' revenue over their number.
    fn average_check(&self, out: &mut String) {
        let (fig, l) = (&self.b.figures, self.f.lang);
        if let (Some(revenue), Some(checks)) = (fig.revenue, fig.checks)
            && let Some(v) = exact_or_rounded(revenue, checks.into())
        {
            let _ = writeln!(
                out,
                "# {}{}",
                l.fill(
                    "revenue / visits = {} / {}",
                    &[&self.money(revenue), &self.count(checks.into())]
                ),
                self.spread("average_check", &|d| self.money(d))
            );
            let _ = writeln!(out, "average_check = {v}");
        }
    }

    /// The model counts every booking as a visit or a no-show; bookings still
    /// open in the export make its revenue higher than the one measured, and
    /// a note says by how much.
    fn open_bookings(&self, out: &mut String) {
        let (b, l) = (self.b, self.f.lang);
        let fig = &b.figures;
        let open = match (fig.bookings, fig.visits, fig.no_shows) {
            (Some(b), Some(v), Some(n)) => b.saturating_sub(v + n),
            (Some(b), Some(v), None) => b.saturating_sub(v),
            _ => 0,
        };
        if open > 0
            && let (Some(revenue), Some(leads), Some(conv), Some(check)) =
                (fig.revenue, b.leads, fig.conversion, fig.average_check)
        {
            let model =
                leads * conv * (Decimal::ONE - fig.no_show_rate.unwrap_or_default()) * check;
            let months = Decimal::from(b.period.months());
            let _ = writeln!(out);
            let _ = writeln!(
                out,
                "# {}",
                l.fill(
                    "Note: {} bookings of these months are still open. The model counts every booking as a visit or a no-show, so its revenue, {} a month, is above the measured {} a month.",
                    &[&self.count(open.into()), &self.money(model.round_dp(0)), &self.money((revenue / months).round_dp(0))],
                )
            );
        }
    }
}

/// `[after]` and `[costs]` commented out, as examples to fill in.
fn write_after_template(out: &mut String, l: Lang) {
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "# {}",
        l.tr("[after]: your plan with the assistant, as changes from the baseline.")
    );
    let _ = writeln!(out, "# [after]");
    let _ = writeln!(out, "# leads = \"+30%\"");
    let _ = writeln!(out, "# conversion = \"+5pp\"");
    let _ = writeln!(out, "# no_show_rate = \"-20%\"");
    let _ = writeln!(out, "# average_check = \"+5%\"");
    let _ = writeln!(out);
    let _ = writeln!(out, "# {}", l.tr("[costs]: what the assistant costs."));
    let _ = writeln!(out, "# [costs]");
    let _ = writeln!(out, "# setup = 25000");
    let _ = writeln!(out, "# monthly = 10000");
}

/// `[seasonality]` from the learnt season, projection month 1 being `start`.
fn write_season(out: &mut String, season: &Season, start: Month, l: Lang) {
    let learnt = Period {
        from: season.from,
        to: season.to,
    };
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "# {}",
        l.fill(
            "[seasonality]: each calendar month's leads over the mean month, learnt from {} ({}); a calendar month seen in two years is averaged.",
            &[&learnt, &l.months(learnt.months())]
        )
    );
    let _ = writeln!(
        out,
        "# {}",
        l.fill(
            "Projection month 1 is {}, the month after the baseline: change start if the assistant starts later.",
            &[&start]
        )
    );
    let _ = writeln!(out, "[seasonality]");
    let _ = writeln!(out, "start = \"{start}\"");
    let factors: Vec<String> = season
        .factors
        .iter()
        .map(|f| f.normalize().to_string())
        .collect();
    let _ = writeln!(out, "# {}", l.tr("January … December"));
    let _ = writeln!(out, "leads = [{}]", factors.join(", "));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn writes_exact_decimals_exactly_and_others_to_twelve_places() {
        assert_eq!(exact_or_rounded(d("1233"), d("6")), Some(d("205.5")));
        assert_eq!(
            exact_or_rounded(d("246"), d("1233")),
            Some(d("0.199513381995"))
        );
        // 2/3 = 0.666…: the twelfth place rounds half away from zero.
        assert_eq!(exact_or_rounded(d("2"), d("3")), Some(d("0.666666666667")));
        assert_eq!(exact_or_rounded(d("1"), d("8")), Some(d("0.125")));
        assert_eq!(exact_or_rounded(d("1"), d("0")), None);
        assert_eq!(
            exact_or_rounded(d("285580.50"), d("133")),
            Some(d("2147.221804511278"))
        );
        assert_eq!(exact_or_rounded(d("37500.5"), d("25")), Some(d("1500.02")));
    }
}
