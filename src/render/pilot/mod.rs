//! `roi pilot`'s output: the decision first, in words an owner reads without
//! statistics, then the figures behind it; and the JSON contract.
//!
//! One part per output: the `table` for people, the JSON `contract`, the
//! `workbook`; the sentences and rows they and the page share are here.

mod contract;
mod plan_file;
mod table;
mod workbook;

use crate::evidence::measure::funnel::Channel;
use crate::evidence::pilot::{
    Adjustment, Change, Kind, Metric, Pilot, PlanReport, Reason, Verdict,
};
use crate::format::{Fmt, Sign};
use crate::i18n::Lang;
use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive;

pub use contract::{SCHEMA_VERSION, json};
pub use plan_file::plan_file;
pub use table::table;
pub use workbook::xlsx;

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

/// The one question the decision rests on, its answer and how the season
/// was taken into account.
pub fn primary_line(p: &Pilot, f: &Fmt<'_>) -> Option<String> {
    let pr = p.primary.as_ref()?;
    let l = f.lang;
    let how = match (pr.net_of_others, pr.adjustment) {
        (true, _) => "net of the other channels' own clear rise (the conservative estimate)",
        (_, Adjustment::YearEarlier) => "against the same months a year earlier",
        (_, Adjustment::PlanSeason) => "against the plan's [seasonality]",
        (_, Adjustment::Unknown) => "not adjusted for the season",
        (_, Adjustment::Randomised) => {
            "on days against off days of the randomised schedule (the season and any trend fall on both alike)"
        }
    };
    let c = &pr.change;
    if let Some(look) = p.look {
        let boundary = Decimal::from_f64(look.boundary.p_value).unwrap_or_default();
        return Some(l.fill(
            "The question the decision rests on: did {} rise? Measured {}: {}, interval {} at look {} of {} of the pilot plan (it must reach p ≤ {} this month; the looks together keep a false \"scale\" to 5%), p = {}.",
            &[
                &l.tr(endpoint_words(pr.endpoint)),
                &l.tr(how),
                &c.change.map_or("—".into(), |x| change_text(f, c.metric, x)),
                &interval(f, c),
                &look.look,
                &look.of,
                &f.number(boundary, 6),
                &c.p_value.and_then(Decimal::from_f64).map_or("—".into(), |x| f.number(x, 4)),
            ],
        ));
    }
    Some(l.fill(
        "The question the decision rests on: did {} rise? Measured {}: {}, 95% interval {} (the range the true change lies in, 95 times in 100), p = {}.",
        &[
            &l.tr(endpoint_words(pr.endpoint)),
            &l.tr(how),
            &c.change.map_or("—".into(), |x| change_text(f, c.metric, x)),
            &interval(f, c),
            &c.p_value.and_then(Decimal::from_f64).map_or("—".into(), |x| f.number(x, 3)),
        ],
    ))
}

/// One reason in a sentence.
fn reason_text(f: &Fmt<'_>, r: &Reason) -> String {
    let l = f.lang;
    let change = |c: &Change| {
        l.fill(
            "{} {} (from {} to {})",
            &[
                &l.tr(metric_label(c.metric)),
                &c.change.map_or("—".into(), |x| change_text(f, c.metric, x)),
                &c.low.map_or("—".into(), |x| change_text(f, c.metric, x)),
                &c.high.map_or("∞".into(), |x| {
                    if x.is_finite() {
                        change_text(f, c.metric, x)
                    } else {
                        "∞".into()
                    }
                }),
            ],
        )
    };
    match r {
        Reason::Better(c) => l.fill("{}: a real improvement, not chance.", &[&change(c)]),
        Reason::Worse(c) => l.fill("{}: a real change for the worse.", &[&change(c)]),
        Reason::Unclear(c) => l.fill("{}: could be chance — the interval holds no change.", &[&change(c)]),
        Reason::Season(c) => l.fill(
            "The season explains the rise: net of it, {}.",
            &[&change(c)],
        ),
        Reason::SeasonUnknown => l.tr("The season is not accounted for: the data has no record of the same months a year earlier and the plan no [seasonality], so a before/after pilot cannot tell the assistant from the season. To settle it: export the same months a year earlier, add [seasonality] to the plan (--scenario), or run a switchback pilot.").into(),
        Reason::OneMonth => l.tr("One baseline month: how much the months vary on their own cannot be known, so no pilot can be judged against it. A second baseline month would make the figures above decidable.").into(),
        Reason::Diluted(c) => l.fill(
            "More leads that book a little less often still bring more bookings: {}.",
            &[&change(c)],
        ),
        Reason::NoOdds(why) => l.fill(
            "The odds of paying could not be drawn, so the pilot cannot scale on them yet: {}.",
            &[why],
        ),
        Reason::Odds(o) => {
            let pct = |x: Option<f64>| {
                x.and_then(Decimal::from_f64)
                    .map_or("—".into(), |d| f.percent(d, Sign::Plain))
            };
            l.fill(
                "Odds of paying over the plan's {}: ROI above zero in {} of {} simulated futures drawn from what the pilot measured (its uncertainty included); ROI P10 {}, median {}, P90 {}. Scaling needs at least {}.",
                &[
                    &l.months(o.months),
                    &pct(o.roi_positive),
                    &f.count(Decimal::from(o.trials), Sign::Plain),
                    &pct(o.roi[0]),
                    &pct(o.roi[1]),
                    &pct(o.roi[2]),
                    &pct(Some(o.confidence)),
                ],
            )
        }
        Reason::PlanEnded => l.tr("The planned length is over without a clear rise: looking longer now would be peeking. If the assistant is still worth trying, plan a new pilot.").into(),
        Reason::FixLength => l.tr("How much longer must be fixed before looking again, not sized from what was seen: plan it with roi pilot … --plan --save-plan pilot-plan.toml, then judge with --pilot-plan.").into(),
        Reason::Cannibalisation(c) => l.fill(
            "Other channels' leads changed {} while the assistant's appeared: it may be relabelling leads that would have come anyway, so the total is the honest measure.",
            &[&c.change.map_or("—".into(), |x| change_text(f, Metric::Leads, x))],
        ),
        Reason::RealisedRoi(d) => l.fill("ROI to date on the measured revenue and the plan's costs: {}.", &[&f.percent(*d, Sign::Plain)]),
        Reason::ProjectedRoi(d) => l.fill("ROI over the plan's horizon if the pilot's clear changes hold: {}.", &[&f.percent(*d, Sign::Plain)]),
        Reason::NoCosts => l.tr("Whether it pays was not checked: give the plan with --scenario.").into(),
        Reason::PlanDiffers => l.tr("The plan was built on other baseline figures than the data shows (see below).").into(),
        Reason::NotFollowed { ai, leads } => {
            let share = Decimal::from(*ai) / Decimal::from((*leads).max(1));
            l.fill(
                "The schedule was not followed: the assistant brought {} of the {} leads of its off days ({}). The effect measured is a lower bound: with the assistant truly off those days, the difference would be larger.",
                &[ai, leads, &f.percent(share, Sign::Plain)],
            )
        }
    }
}

/// The decision's headline and its reasons, one sentence each.
pub fn reason_lines(p: &Pilot, f: &Fmt<'_>) -> (String, Vec<String>) {
    let l = f.lang;
    let d = &p.decision;
    let headline = match d.kind {
        Kind::Scale => l
            .tr("Decision: SCALE — the pilot shows a real rise.")
            .to_string(),
        Kind::Stop => l
            .tr("Decision: STOP — the pilot does not pay its way.")
            .to_string(),
        Kind::Extend => match d.extra_months {
            Some(n) => l.fill(
                "Decision: EXTEND — nothing is clear yet; keep the pilot going {} more.",
                &[&l.months(n)],
            ),
            None => l
                .tr("Decision: EXTEND — the pilot cannot decide yet.")
                .to_string(),
        },
        Kind::Plan => String::new(),
    };
    (
        headline,
        d.reasons.iter().map(|r| reason_text(f, r)).collect(),
    )
}

/// Headings of the table of changes (catalogue keys); `Metric` reads `Channel`
/// in the table by channel.
pub const CHANGE_HEADER: [&str; 6] = [
    "Metric",
    "Before",
    "Pilot",
    "Change",
    "95% interval",
    "Verdict",
];

/// Headings of the plan's months (catalogue keys).
pub const PLAN_HEADER: [&str; 7] = [
    "Month",
    "Leads: plan",
    "actual",
    "Revenue: plan",
    "actual",
    "ROI to date: plan",
    "actual",
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
        .map(|c| {
            change_row(
                f,
                c,
                f.lang
                    .tr(super::measure::channel_word(c.channel))
                    .to_string(),
            )
        })
        .collect()
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

/// One sentence per baseline metric the plan has more than 10% off the data.
pub fn differs_lines(plan: &PlanReport, f: &Fmt<'_>) -> Vec<String> {
    let l = f.lang;
    plan.differs
        .iter()
        .map(|(name, planned, measured)| {
            let show = |d: &Decimal| match *name {
                "conversion" | "no_show_rate" => f.percent(*d, Sign::Plain),
                "average_check" => f.money(*d, Sign::Plain),
                _ => f.number(*d, 1),
            };
            let label = match *name {
                "leads" => metric_label(Metric::Leads),
                "conversion" => metric_label(Metric::Conversion),
                "no_show_rate" => metric_label(Metric::NoShowRate),
                _ => metric_label(Metric::AverageCheck),
            };
            l.fill(
                "The plan's baseline «{}» is {}, the data's {}: more than 10% apart, so the plan was built on other numbers.",
                &[&l.tr(label), &show(planned), &show(measured)],
            )
        })
        .collect()
}

/// The period line both the table and the page open with.
pub fn heading(p: &Pilot, l: Lang) -> String {
    match p.pilot {
        Some(pilot) => l.fill(
            "Pilot {} ({}) against the baseline {} ({})",
            &[
                &pilot,
                &l.months(pilot.months()),
                &p.baseline,
                &l.months(p.baseline.months()),
            ],
        ),
        None => l.fill(
            "Planning a pilot against the baseline {} ({})",
            &[&p.baseline, &l.months(p.baseline.months())],
        ),
    }
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
