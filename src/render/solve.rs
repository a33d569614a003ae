//! `roi solve` output: the answer in the key's own terms, for people and for scripts.

use crate::format::{self, Sign, count, money, percent};
use crate::metric::{Metric, Unit};
use crate::render::json::{Exact, Money, Ratio, SCHEMA_VERSION};
use crate::scenario::{Key, Kind, Uncertain};
use crate::solve::{Direction, Method, Range, Solution, Target};
use rust_decimal::Decimal;
use serde::Serialize;

/// What the answer is about.
pub struct Question<'a> {
    /// The scenario's name.
    pub name: &'a str,
    /// Its currency.
    pub currency: &'a str,
    /// The key solved for.
    pub key: Key,
    /// The target.
    pub target: Target,
    /// The baseline an `[after]` key changes from.
    pub baseline: Option<Decimal>,
    /// The months the metric is measured over.
    pub months: u32,
    /// The keys given as ranges, held at their point values.
    pub ranges: &'a [(Key, Uncertain)],
}

/// A value of the key as a person reads it: `23.4%`, `238.1`, `12 months`.
fn key_value(q: &Question<'_>, x: Decimal) -> String {
    match q.key.kind() {
        Kind::Rate | Kind::ChangedRate => percent_2(x),
        Kind::Months { .. } => months(x),
        _ if q.key.is_money() => money(x, q.currency, Sign::Plain),
        _ => count(x, Sign::Plain),
    }
}

/// A share with two decimals of a percent: 0.23456 → `23.46%`.
fn percent_2(x: Decimal) -> String {
    format!(
        "{}%",
        format::round(x * Decimal::ONE_HUNDRED, 2).normalize()
    )
}

/// The change from the baseline, in the key's terms.
fn versus_baseline(q: &Question<'_>, x: Decimal) -> Option<String> {
    let base = q.baseline?;
    Some(match q.key.kind() {
        Kind::ChangedRate => format!(
            "{} vs baseline {}",
            format::points(x - base),
            percent_2(base)
        ),
        _ if base.is_zero() => format!("baseline {}", key_value(q, base)),
        _ => format!(
            "{} vs baseline {}",
            percent((x - base) / base, Sign::Explicit),
            key_value(q, base)
        ),
    })
}

fn metric_value(q: &Question<'_>, v: Option<Decimal>) -> String {
    match v {
        None => "undefined".to_string(),
        Some(v) => match q.target.metric.unit() {
            Unit::Ratio => percent(v, Sign::Plain),
            Unit::Money => money(v, q.currency, Sign::Plain),
            Unit::Months => months(format::round(v, 2)),
        },
    }
}

/// `1 month`, `12 months`.
fn months(n: Decimal) -> String {
    let n = n.normalize();
    format!("{n} month{}", if n == Decimal::ONE { "" } else { "s" })
}

fn metric_words(q: &Question<'_>) -> String {
    let over = if q.key == Key::Months {
        "over the horizon".to_string()
    } else {
        format!("over {}", months(Decimal::from(q.months)))
    };
    match q.target.metric {
        Metric::Roi => format!("ROI {over}"),
        Metric::Payback => "payback".to_string(),
        Metric::Net => format!("net {over}"),
        Metric::Npv => format!("NPV {over}"),
        Metric::Benefit => "monthly benefit".to_string(),
    }
}

fn target_text(q: &Question<'_>) -> String {
    format!(
        "{} {} {}",
        metric_words(q),
        if q.target.metric.higher_is_better() {
            "≥"
        } else {
            "≤"
        },
        metric_value(q, Some(q.target.value))
    )
}

fn range_text(q: &Question<'_>, r: &Range) -> String {
    format!(
        "{} from {} ({} there) to {} ({} there)",
        q.key.path(),
        key_value(q, r.low),
        metric_value(q, r.at_low),
        key_value(q, r.high),
        metric_value(q, r.at_high)
    )
}

/// The answer in words.
pub fn text(q: &Question<'_>, solution: &Solution) -> String {
    let mut out = format!("{}: {} for {}\n", q.name, q.key.path(), target_text(q));
    match solution {
        Solution::Found {
            value,
            direction,
            achieved,
            method,
        } => {
            let relative = versus_baseline(q, *value).map_or(String::new(), |r| format!(" ({r})"));
            let side = match direction {
                Direction::AtLeast => "at this value and above",
                Direction::AtMost => "at this value and below",
            };
            out.push_str(&format!(
                "{} = {}{relative}: the target is met {side}.\n",
                q.key.path(),
                key_value(q, *value)
            ));
            out.push_str(&format!(
                "There, {} = {}.\n",
                metric_words(q),
                metric_value(q, *achieved)
            ));
            out.push_str(&format!(
                "Exact value, for --set {}=…: {}\n",
                q.key.path(),
                exact_text(*value)
            ));
            out.push_str(match method {
                Method::Exact => "Solved exactly: the target is linear in this input.\n",
                Method::Search => "Found by bisection, to far below a kopeck.\n",
                Method::Scan => "Found by trying every whole number of months.\n",
            });
        }
        Solution::Never { range } => out.push_str(&format!(
            "No value meets the target: tried {}.\n",
            range_text(q, range)
        )),
        Solution::Always { range } => out.push_str(&format!(
            "Every value meets the target: tried {}.\n",
            range_text(q, range)
        )),
    }
    for note in super::range_notes(q.ranges) {
        out.push_str(&note);
        out.push('\n');
    }
    out
}

/// The answer to 12 decimal places, trailing zeros dropped: precise enough to
/// reproduce the target through `--set` far past the kopeck.
fn exact_text(x: Decimal) -> String {
    x.round_dp(12).normalize().to_string()
}

/// The metric's value as a JSON number of its kind.
#[derive(Serialize)]
#[serde(untagged)]
enum Figure {
    Money(Money),
    Ratio(Ratio),
}

fn figure(metric: Metric, v: Decimal) -> Figure {
    match metric.unit() {
        Unit::Money => Figure::Money(Money(v)),
        Unit::Ratio | Unit::Months => Figure::Ratio(Ratio(v)),
    }
}

/// `--format json`.
#[derive(Serialize)]
struct JsonSolution {
    /// Layout version, shared with `calc`.
    version: u32,
    /// The key solved for.
    key: &'static str,
    /// The key's value at the boundary (absolute; a fraction for shares), to 12 places; null if none.
    value: Option<Exact>,
    /// The baseline an `[after]` key changes from; null otherwise.
    baseline: Option<Exact>,
    /// `value` relative to `baseline` (fraction) for `[after]` amounts and shares.
    relative: Option<Ratio>,
    /// The metric and its target value.
    target: JsonTarget,
    /// The metric at `value`; null when there is no answer or it is undefined.
    achieved: Option<Figure>,
    /// "at_least" or "at_most": which side of `value` meets the target; null if none.
    direction: Option<&'static str>,
    /// "exact", "search" or "scan"; null if none.
    method: Option<&'static str>,
    /// Why there is no answer: "never" or "always" met within the key's range; null otherwise.
    outcome: &'static str,
}

/// The target as given.
#[derive(Serialize)]
struct JsonTarget {
    /// Metric name.
    metric: &'static str,
    /// Target value (ROI as a fraction, payback in months, money).
    value: Figure,
}

/// The answer as JSON.
pub fn json(q: &Question<'_>, solution: &Solution) -> String {
    let metric = q.target.metric;
    let (value, achieved, direction, method, outcome) = match solution {
        Solution::Found {
            value,
            direction,
            achieved,
            method,
        } => (
            Some(value.round_dp(12)),
            achieved.map(|a| figure(metric, a)),
            Some(match direction {
                Direction::AtLeast => "at_least",
                Direction::AtMost => "at_most",
            }),
            Some(match method {
                Method::Exact => "exact",
                Method::Search => "search",
                Method::Scan => "scan",
            }),
            "found",
        ),
        Solution::Never { .. } => (None, None, None, None, "never"),
        Solution::Always { .. } => (None, None, None, None, "always"),
    };
    let relative = match (value, q.baseline) {
        (Some(v), Some(b)) if !b.is_zero() => match q.key.kind() {
            Kind::ChangedAmount => Some(Ratio((v - b) / b)),
            _ => Some(Ratio(v - b)),
        },
        _ => None,
    };
    let doc = JsonSolution {
        version: SCHEMA_VERSION,
        key: q.key.path(),
        value: value.map(Exact),
        baseline: q.baseline.map(Exact),
        relative,
        target: JsonTarget {
            metric: metric.name(),
            value: figure(metric, q.target.value),
        },
        achieved,
        direction,
        method,
        outcome,
    };
    // Plain numbers and strings always serialise.
    let mut text = serde_json::to_string_pretty(&doc).expect("the JSON answer serialises");
    text.push('\n');
    text
}
