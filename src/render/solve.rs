//! `roi solve` output: the answer in the key's own terms, for people and for scripts.

use crate::forecast::metric::{Metric, Unit};
use crate::forecast::scenario::{Key, Kind, Uncertain};
use crate::forecast::solve::{Boundary, Direction, Method, Range, Solution, Target};
use crate::format::{self, Fmt, Sign};
use crate::i18n::Lang;
use crate::render::json::{Exact, Money, Ratio, SCHEMA_VERSION};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

/// What the answer is about.
pub struct Question<'a> {
    /// The scenario's name.
    pub name: &'a str,
    /// How numbers read: the language and the scenario's currency.
    pub fmt: Fmt<'a>,
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

/// A value of the key as a person reads it: `23.46%`, `238.1`, `12 months`.
fn key_value(q: &Question<'_>, x: Decimal) -> String {
    let f = &q.fmt;
    match q.key.kind() {
        Kind::Rate | Kind::ChangedRate => percent_2(f, x),
        Kind::Months { .. } => f.lang.months(x.normalize()),
        _ if q.key.is_money() => f.money(x, Sign::Plain),
        _ => f.count(x, Sign::Plain),
    }
}

/// A share with two decimals of a percent: 0.23456 → `23.46%`.
fn percent_2(f: &Fmt<'_>, x: Decimal) -> String {
    let digits = x.checked_mul(Decimal::ONE_HUNDRED).map_or_else(
        || x.to_string(),
        |p| format::round(p, 2).normalize().to_string(),
    );
    match f.lang {
        Lang::En => format!("{digits}%"),
        Lang::Ru => format!("{}\u{a0}%", digits.replace('.', ",")),
    }
}

/// The change from the baseline, in the key's terms.
fn versus_baseline(q: &Question<'_>, x: Decimal) -> Option<String> {
    let (f, l) = (&q.fmt, q.fmt.lang);
    let base = q.baseline?;
    let diff = x.checked_sub(base)?;
    Some(match q.key.kind() {
        Kind::ChangedRate => l.fill(
            "{} vs baseline {}",
            &[&f.points(diff, Sign::Explicit), &percent_2(f, base)],
        ),
        _ if base.is_zero() => l.fill("baseline {}", &[&key_value(q, base)]),
        _ => match diff.checked_div(base) {
            Some(change) => l.fill(
                "{} vs baseline {}",
                &[&f.percent(change, Sign::Explicit), &key_value(q, base)],
            ),
            // 1e-28 leads to 7e28: a change too large to hold as a share.
            None => l.fill("baseline {}", &[&key_value(q, base)]),
        },
    })
}

fn metric_value(q: &Question<'_>, v: Option<Decimal>) -> String {
    let f = &q.fmt;
    match v {
        None => f.lang.tr("undefined").to_string(),
        Some(v) => match q.target.metric.unit() {
            Unit::Ratio => f.percent(v, Sign::Plain),
            Unit::Money => f.money(v, Sign::Plain),
            Unit::Months => super::table::months_text(f, v),
        },
    }
}

fn metric_words(q: &Question<'_>) -> String {
    let l = q.fmt.lang;
    let over = if q.key == Key::Months {
        l.tr("over the horizon").to_string()
    } else {
        l.fill("over {}", &[&l.months(q.months)])
    };
    match q.target.metric {
        Metric::Roi => l.fill("ROI {}", &[&over]),
        Metric::Payback => l.tr("payback").to_string(),
        Metric::Net => l.fill("net {}", &[&over]),
        Metric::Npv => l.fill("NPV {}", &[&over]),
        Metric::Benefit => l.tr("monthly benefit").to_string(),
    }
}

fn target_text(q: &Question<'_>) -> String {
    let relation = if q.target.metric.higher_is_better() {
        "≥"
    } else {
        "≤"
    };
    format!(
        "{} {relation} {}",
        metric_words(q),
        metric_value(q, Some(q.target.value))
    )
}

fn range_text(q: &Question<'_>, r: &Range) -> String {
    // «от»/«до» take the genitive: «от 1 месяца до 120 месяцев».
    let end = |x: Decimal| match q.key.kind() {
        Kind::Months { .. } => q.fmt.lang.months_genitive(x.normalize()),
        _ => key_value(q, x),
    };
    // Each end says what it is: "payback 0.08 months", not a bare figure.
    // «окупаемость: нет значения» — a colon keeps the case right for any value.
    let there = |v: Option<Decimal>| match q.fmt.lang {
        Lang::En => format!("{} {}", metric_words(q), metric_value(q, v)),
        Lang::Ru => format!("{}: {}", metric_words(q), metric_value(q, v)),
    };
    q.fmt.lang.fill(
        "{} from {} ({} there) to {} ({} there)",
        &[
            &q.key.path(),
            &end(r.low),
            &there(r.at_low),
            &end(r.high),
            &there(r.at_high),
        ],
    )
}

/// The answer in words, each line wrapped to `width` columns.
pub fn text(q: &Question<'_>, solution: &Solution, width: usize) -> String {
    super::fit::wrap(&lines(q, solution), width, "  ")
}

/// The answer in words, unwrapped: the question, the answer, and which
/// ranges the figures hold at a single value.
fn lines(q: &Question<'_>, solution: &Solution) -> String {
    let l = q.fmt.lang;
    let mut out = l.fill("{}: {} for {}", &[&q.name, &q.key.path(), &target_text(q)]);
    out.push('\n');
    out.push_str(&answer(q, solution));
    for note in super::range_notes(q.ranges, &q.fmt, super::Medium::Terminal) {
        out.push_str(&note);
        out.push('\n');
    }
    out
}

/// What the solution says: the value that meets the target, the several
/// places where being met changes, or why there is no such value.
fn answer(q: &Question<'_>, solution: &Solution) -> String {
    let l = q.fmt.lang;
    let line = |text: String| text + "\n";
    match solution {
        Solution::Found {
            value,
            direction,
            achieved,
            method,
            later,
        } => {
            let first = Boundary {
                value: *value,
                direction: *direction,
                achieved: *achieved,
                method: *method,
            };
            if later.is_empty() {
                one_boundary(q, &first)
            } else {
                boundaries(q, &first, later)
            }
        }
        Solution::Never { range } => line(l.fill(
            "No value meets the target: tried {}.",
            &[&range_text(q, range)],
        )),
        Solution::Always { range } => line(l.fill(
            "Every value meets the target: tried {}.",
            &[&range_text(q, range)],
        )),
        Solution::Undefined => line(l.fill(
            "ROI is undefined here: the scenario has no costs (costs.setup and costs.monthly are 0), and ROI divides by cost, so no value of {} reaches an ROI target. Give a cost, or solve for net or benefit.",
            &[&q.key.path()],
        )),
    }
}

/// The target met on one side of one value: that value against the
/// baseline, the metric there, the exact figure to paste, and how it was found.
fn one_boundary(q: &Question<'_>, b: &Boundary) -> String {
    let l = q.fmt.lang;
    let relative = versus_baseline(q, b.value).map_or(String::new(), |r| format!(" ({r})"));
    let side = l.tr(match b.direction {
        Direction::AtLeast => "at this value and above",
        Direction::AtMost => "at this value and below",
    });
    let mut out = l.fill(
        "{} = {}{}: the target is met {}.",
        &[&q.key.path(), &key_value(q, b.value), &relative, &side],
    );
    out.push('\n');
    out.push_str(&l.fill(
        "There, {} = {}.",
        &[&metric_words(q), &metric_value(q, b.achieved)],
    ));
    out.push('\n');
    out.push_str(&l.fill(
        "Exact value, for --set {}=…: {}",
        &[&q.key.path(), &exact_text(b.value, b.direction)],
    ));
    out.push('\n');
    out.push_str(method_line(l, b.method));
    out
}

/// The target met only in some stretches (a cap can bend it back): where,
/// then each boundary with the metric there and its exact figure, and the
/// least exact way any of them was found.
fn boundaries(q: &Question<'_>, first: &Boundary, later: &[Boundary]) -> String {
    let l = q.fmt.lang;
    let all: Vec<&Boundary> = std::iter::once(first).chain(later).collect();
    let mut out = l.fill(
        "{}: the target is met only {}.",
        &[&q.key.path(), &intervals(q, &all)],
    );
    out.push('\n');
    for b in &all {
        out.push_str(&l.fill(
            "At {} = {}: {} = {}; exact value, for --set: {}",
            &[
                &q.key.path(),
                &key_value(q, b.value),
                &metric_words(q),
                &metric_value(q, b.achieved),
                &exact_text(b.value, b.direction),
            ],
        ));
        out.push('\n');
    }
    // The least exact of the ways the boundaries were found.
    let method = all
        .iter()
        .map(|b| b.method)
        .max_by_key(|m| match m {
            Method::Exact | Method::Scan => 0,
            Method::Piecewise => 1,
            Method::Search => 2,
        })
        .unwrap_or(first.method);
    out.push_str(method_line(l, method));
    out
}

/// How the answer was found, as a line of text.
fn method_line(l: Lang, method: Method) -> &'static str {
    l.tr(match method {
        Method::Exact => "Solved exactly: the target is linear in this input.\n",
        Method::Piecewise => "Solved exactly: near the answer the target is linear in this input (the capacity or a season bends it elsewhere).\n",
        Method::Search => "Found by bisection, to far below a kopeck.\n",
        Method::Scan => "Found by trying every whole number of months.\n",
    })
}

/// Where the target is met, given the places where that changes in
/// increasing order: "between 64.44 and 209.72", "at 10 and below and at 50 and above".
fn intervals(q: &Question<'_>, all: &[&Boundary]) -> String {
    let l = q.fmt.lang;
    let shown = |x: Decimal| {
        let relative = versus_baseline(q, x).map_or(String::new(), |r| format!(" ({r})"));
        format!("{}{relative}", key_value(q, x))
    };
    let mut pieces = Vec::new();
    let mut open: Option<Decimal> = None;
    for b in all {
        match b.direction {
            Direction::AtLeast => open = Some(b.value),
            Direction::AtMost => pieces.push(match open.take() {
                Some(from) => l.fill("between {} and {}", &[&shown(from), &shown(b.value)]),
                None => l.fill("at {} and below", &[&shown(b.value)]),
            }),
        }
    }
    if let Some(from) = open {
        pieces.push(l.fill("at {} and above", &[&shown(from)]));
    }
    pieces.join(l.tr(" and "))
}

/// The answer to 12 decimal places, rounded towards the side that meets the
/// target (up where it is met at and above, down where at and below), so
/// that pasted into `--set` it still meets it; trailing zeros dropped.
pub fn exact(x: Decimal, direction: Direction) -> Decimal {
    let strategy = match direction {
        Direction::AtLeast => RoundingStrategy::ToPositiveInfinity,
        Direction::AtMost => RoundingStrategy::ToNegativeInfinity,
    };
    x.round_dp_with_strategy(12, strategy).normalize()
}

fn exact_text(x: Decimal, direction: Direction) -> String {
    exact(x, direction).to_string()
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
    /// "exact", "piecewise", "search" or "scan"; null if none.
    method: Option<&'static str>,
    /// "found"; or why there is no answer: "never" or "always" met within
    /// the key's range, or "undefined" (an ROI target without costs).
    outcome: &'static str,
    /// The second place where being met changes, when there is one (a cap
    /// can make the target met only between `value` and `until.value`);
    /// left out when `value` is the only boundary.
    #[serde(skip_serializing_if = "Option::is_none")]
    until: Option<JsonBoundary>,
    /// Any places past `until` where being met changes again, in order;
    /// left out when there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    then: Vec<JsonBoundary>,
}

/// A later boundary of the target, described as the first one is.
#[derive(Serialize)]
struct JsonBoundary {
    /// The key's value there, to 12 places, rounded towards the side that meets the target.
    value: Exact,
    /// "at_most" where the target stops being met above `value`, "at_least" where it is met again.
    direction: &'static str,
    /// The metric at `value`; null when it is undefined.
    achieved: Option<Figure>,
    /// "exact", "piecewise", "search" or "scan".
    method: &'static str,
}

fn direction_name(direction: Direction) -> &'static str {
    match direction {
        Direction::AtLeast => "at_least",
        Direction::AtMost => "at_most",
    }
}

fn method_name(method: Method) -> &'static str {
    match method {
        Method::Exact => "exact",
        Method::Piecewise => "piecewise",
        Method::Search => "search",
        Method::Scan => "scan",
    }
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
            ..
        } => (
            Some(exact(*value, *direction)),
            achieved.map(|a| figure(metric, a)),
            Some(direction_name(*direction)),
            Some(method_name(*method)),
            "found",
        ),
        Solution::Never { .. } => (None, None, None, None, "never"),
        Solution::Always { .. } => (None, None, None, None, "always"),
        Solution::Undefined => (None, None, None, None, "undefined"),
    };
    let mut later = match solution {
        Solution::Found { later, .. } => later
            .iter()
            .map(|b| JsonBoundary {
                value: Exact(exact(b.value, b.direction)),
                direction: direction_name(b.direction),
                achieved: b.achieved.map(|a| figure(metric, a)),
                method: method_name(b.method),
            })
            .collect(),
        _ => Vec::new(),
    }
    .into_iter();
    let until = later.next();
    let relative = match (value, q.baseline) {
        // Checked: a value and its baseline near ±7.9e28, or a baseline of
        // 1e-28, may give a change no decimal holds; it is then left out.
        (Some(v), Some(b)) if !b.is_zero() => match q.key.kind() {
            Kind::ChangedAmount => v.checked_sub(b).and_then(|d| d.checked_div(b)).map(Ratio),
            _ => v.checked_sub(b).map(Ratio),
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
        until,
        then: later.collect(),
    };
    // Plain numbers and strings always serialise.
    let mut text = serde_json::to_string_pretty(&doc).expect("the JSON answer serialises");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forecast::solve::Boundary;

    /// A target met outside an interval — below one value and again above
    /// another — no capped example reaches yet; the words must still be right.
    #[test]
    fn a_target_met_outside_an_interval_is_said_as_two_pieces() {
        let q = Question {
            name: "Test",
            fmt: Fmt {
                lang: Lang::En,
                currency: "RUB",
            },
            key: Key::AfterLeads,
            target: Target {
                metric: Metric::Net,
                value: Decimal::ZERO,
            },
            baseline: None,
            months: 12,
            ranges: &[],
        };
        let boundary = |value: i64, direction| Boundary {
            value: Decimal::from(value),
            direction,
            achieved: Some(Decimal::ZERO),
            method: Method::Exact,
        };
        let first = boundary(10, Direction::AtMost);
        let solution = Solution::Found {
            value: first.value,
            direction: first.direction,
            achieved: first.achieved,
            method: first.method,
            later: vec![
                boundary(50, Direction::AtLeast),
                boundary(70, Direction::AtMost),
            ],
        };
        let text = lines(&q, &solution);
        assert!(
            text.contains(
                "after.leads: the target is met only at 10 and below and between 50 and 70.\n"
            ),
            "{text}"
        );
        let json: serde_json::Value = serde_json::from_str(&json(&q, &solution)).unwrap();
        assert_eq!(json["direction"], "at_most");
        assert_eq!(json["until"]["value"].to_string(), "50");
        assert_eq!(json["until"]["direction"], "at_least");
        assert_eq!(json["then"][0]["value"].to_string(), "70");
        assert_eq!(json["then"][0]["direction"], "at_most");
    }
}
