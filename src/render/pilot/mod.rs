//! `roi pilot`'s output: the decision first, in words an owner reads without
//! statistics, then the figures behind it; and the JSON contract.
//!
//! One part per output: the `table` for people, the JSON `contract`, the
//! `workbook`; the sentences and rows they and the page share are here.

mod contract;
pub mod facts;
mod plan_file;
pub mod returns;
mod table;
mod words;
mod workbook;

use crate::evidence::measure::funnel::Channel;
use crate::evidence::pilot::{Change, Metric, Pilot, PlanReport, Verdict};
use crate::format::{Fmt, Sign};
use crate::i18n::Lang;
use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive;

pub use contract::{SCHEMA_VERSION, json};
pub use plan_file::plan_file;
pub use table::table;
pub use words::{
    P_VALUE_NOTE, RANGE_NOTE, heading, odds_text, p_text, period_prose, primary_line, reason_lines,
};
pub use workbook::xlsx;

/// An estimate for JSON: 8 places, half away from zero; null when not finite.
fn num(x: Option<f64>) -> serde_json::Value {
    x.filter(|v| v.is_finite())
        .and_then(Decimal::from_f64)
        .map_or(serde_json::Value::Null, |d| {
            serde_json::to_value(crate::render::json::Ratio(d)).unwrap_or(serde_json::Value::Null)
        })
}

/// A change in its metric's unit: `+31.2%` or `+4.5 pp`.
fn change_text(f: &Fmt<'_>, metric: Metric, x: f64) -> String {
    let Some(d) = Decimal::from_f64(x) else {
        return "∞".into();
    };
    match metric {
        Metric::Conversion | Metric::NoShowRate => f.points(d, Sign::Explicit),
        _ => f.percent(d, Sign::Explicit),
    }
}

/// A level: leads per month, a rate, a check, revenue per month.
fn level(f: &Fmt<'_>, metric: Metric, x: Option<f64>) -> String {
    let Some(d) = x.and_then(Decimal::from_f64) else {
        return "—".into();
    };
    match metric {
        Metric::Leads | Metric::Bookings | Metric::Visits => f.number(d, 1),
        Metric::Conversion | Metric::NoShowRate => f.percent(d, Sign::Plain),
        Metric::AverageCheck | Metric::Revenue => f.money(d.round_dp(0), Sign::Plain),
    }
}

/// A change's range as a table shows it: `+9.0% … +62.7%`.
fn interval(f: &Fmt<'_>, c: &Change) -> String {
    match (c.low, c.high) {
        (Some(l), Some(h)) => format!(
            "{} … {}",
            change_text(f, c.metric, l),
            if h.is_finite() {
                change_text(f, c.metric, h)
            } else {
                "∞".into()
            }
        ),
        _ => "—".into(),
    }
}

/// The verdict in a table's cell.
fn verdict_word(c: &Change) -> &'static str {
    if c.season_explains {
        return "the season explains it";
    }
    match (c.verdict, c.metric) {
        (Some(Verdict::Up), Metric::NoShowRate) => "clearly up (worse)",
        (Some(Verdict::Down), Metric::NoShowRate) => "clearly down (better)",
        (Some(Verdict::Up), _) => "clearly up",
        (Some(Verdict::Down), _) => "clearly down",
        (Some(Verdict::Unclear), _) => "could be chance",
        (None, _) => "—",
    }
}

/// A metric's row label.
fn metric_label(metric: Metric) -> &'static str {
    match metric {
        Metric::Leads => "Leads per month",
        Metric::Bookings => "Bookings per month",
        Metric::Visits => "Visits per month",
        Metric::Conversion => "Conversion",
        Metric::NoShowRate => "No-show rate",
        Metric::AverageCheck => "Average check",
        Metric::Revenue => "Revenue per month",
    }
}

/// The endpoint in a phrase: "leads", "bookings a month".
pub fn endpoint_words(m: Metric) -> &'static str {
    match m {
        Metric::Bookings => "bookings a month",
        Metric::Visits => "visits a month",
        Metric::Revenue => "revenue a month",
        _ => "the leads",
    }
}

/// Headings of the table of changes (catalogue keys); `Metric` reads `Channel`
/// in the table by channel.
pub const CHANGE_HEADER: [&str; 6] = [
    "Metric",
    "Baseline period",
    "Pilot",
    "Change",
    "Range (95%)",
    "Verdict",
];

/// Headings of the plan's months (catalogue keys).
pub const PLAN_HEADER: [&str; 7] = [
    "Month",
    "Leads, plan",
    "Leads, actual",
    "Revenue, plan",
    "Revenue, actual",
    "ROI to date, plan",
    "ROI to date, actual",
];

/// One change as a row: label, before, pilot, change, interval, verdict.
pub fn change_row(f: &Fmt<'_>, c: &Change, label: String) -> Vec<String> {
    let l = f.lang;
    vec![
        label,
        level(f, c.metric, c.baseline),
        level(f, c.metric, c.pilot),
        c.change.map_or("—".into(), |x| change_text(f, c.metric, x)),
        interval(f, c),
        match c.why {
            Some(w) if c.change.is_none() => l.tr(w.text()).to_string(),
            _ => l.tr(verdict_word(c)).to_string(),
        },
    ]
}

/// The metrics of one channel as rows.
pub fn metric_rows(p: &Pilot, f: &Fmt<'_>, channel: Channel) -> Vec<Vec<String>> {
    p.metrics
        .iter()
        .filter(|c| c.channel == channel)
        .map(|c| change_row(f, c, f.lang.tr(metric_label(c.metric)).to_string()))
        .collect()
}

/// Leads of every channel as rows.
fn channel_rows(p: &Pilot, f: &Fmt<'_>) -> Vec<Vec<String>> {
    p.metrics
        .iter()
        .filter(|c| c.metric == Metric::Leads)
        .map(|c| change_row(f, c, f.lang.tr(channel_label(c.channel)).to_string()))
        .collect()
}

/// A channel's row label, capitalised as every row label is, with the
/// glossary's «другие каналы» (the measure's lower-case words name columns).
pub fn channel_label(channel: Channel) -> &'static str {
    match channel {
        Channel::All => "All channels",
        Channel::Ai => "Assistant",
        Channel::Other => "Other channels",
    }
}

/// Headings in the reader's language.
pub fn headings(keys: &[&'static str], lang: Lang) -> Vec<String> {
    keys.iter().map(|h| lang.tr(h).to_string()).collect()
}

/// The plan's months as rows: month, leads planned and actual, revenue planned
/// and actual, ROI to date planned and actual.
pub fn plan_rows(plan: &PlanReport, f: &Fmt<'_>) -> Vec<Vec<String>> {
    let roi = |r: Option<Decimal>| r.map_or("—".into(), |r| f.percent(r, Sign::Plain));
    plan.months
        .iter()
        .map(|m| {
            vec![
                m.month.to_string(),
                f.count(m.planned[0], Sign::Plain),
                m.actual[0].map_or("—".into(), |x| f.count(x, Sign::Plain)),
                f.money(m.planned[4].round_dp(0), Sign::Plain),
                m.actual[4].map_or("—".into(), |x| f.money(x.round_dp(0), Sign::Plain)),
                roi(m.planned_to_date.roi),
                m.actual_to_date.map_or("—".into(), |t| roi(t.roi)),
            ]
        })
        .collect()
}

/// Headings of the baseline figures the plan has more than 10% off the data.
pub const DIFFERS_HEADER: [&str; 3] = ["Metric", "In the plan", "In the data"];

/// The note under them: what the difference means.
pub const DIFFERS_NOTE: &str =
    "Each differs by more than 10%: the plan was built on other numbers than the data shows.";

/// One row per baseline metric the plan has more than 10% off the data:
/// metric, the plan's figure, the data's.
pub fn differs_rows(plan: &PlanReport, f: &Fmt<'_>) -> Vec<Vec<String>> {
    let l = f.lang;
    plan.differs
        .iter()
        .map(|(name, planned, measured)| {
            let show = |d: &Decimal| match *name {
                "conversion" | "no_show_rate" => f.percent(*d, Sign::Plain),
                "average_check" => f.money(d.round_dp(0), Sign::Plain),
                // Whole leads read whole: «200», not «200,0».
                _ if d.fract().is_zero() => f.number(*d, 0),
                _ => f.number(*d, 1),
            };
            let label = match *name {
                "leads" => metric_label(Metric::Leads),
                "conversion" => metric_label(Metric::Conversion),
                "no_show_rate" => metric_label(Metric::NoShowRate),
                _ => metric_label(Metric::AverageCheck),
            };
            vec![l.tr(label).to_string(), show(planned), show(measured)]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_read_in_their_units() {
        let f = Fmt {
            lang: Lang::En,
            currency: "RUB",
        };
        assert_eq!(change_text(&f, Metric::Leads, 0.312), "+31.2%");
        assert_eq!(change_text(&f, Metric::Conversion, -0.045), "-4.5 pp");
    }
}
