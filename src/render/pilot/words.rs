//! The sentences of `roi pilot`'s verdict: the periods in prose, the
//! decision and its reasons, the question it rests on, and the notes that
//! say once, in plain words, what the range, the p-value and the odds mean.
//! The table, the workbook and the page all speak through these.

use super::{change_text, metric_label};
use crate::evidence::measure::error::Period;
use crate::evidence::pilot::{Adjustment, Change, Kind, Metric, Pilot, Reason, Verdict, Why};
use crate::format::{Fmt, Sign};
use crate::i18n::Lang;
use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive;

/// A period as people write it: «июнь — ноябрь 2025», «декабрь 2025 —
/// февраль 2026», «март 2025»; `2025-06..2025-11` is kept for what was typed.
pub fn period_prose(p: Period, l: Lang) -> String {
    let name = |m: u32| {
        let en = crate::render::table::MONTH_NAMES[(m as usize).clamp(1, 12) - 1];
        l.tr(en)
    };
    let dash = match l {
        Lang::Ru => "\u{a0}— ",
        Lang::En => " – ",
    };
    let (a, b) = (p.from, p.to);
    if a == b {
        format!("{}\u{a0}{}", name(a.month), a.year)
    } else if a.year == b.year {
        format!("{}{dash}{}\u{a0}{}", name(a.month), name(b.month), b.year)
    } else {
        format!(
            "{}\u{a0}{}{dash}{}\u{a0}{}",
            name(a.month),
            a.year,
            name(b.month),
            b.year
        )
    }
}

/// The period line both the table and the page open with.
pub fn heading(p: &Pilot, l: Lang) -> String {
    match p.pilot {
        Some(pilot) => l.fill(
            "Pilot: {} ({}); baseline: {} ({})",
            &[
                &period_prose(pilot, l),
                &l.months(pilot.months()),
                &period_prose(p.baseline, l),
                &l.months(p.baseline.months()),
            ],
        ),
        None => l.fill(
            "Planning a pilot: baseline {} ({})",
            &[&period_prose(p.baseline, l), &l.months(p.baseline.months())],
        ),
    }
}

/// The note under a table of changes: what its range means, said once.
pub const RANGE_NOTE: &str = "Range (95%) is the confidence interval: the changes that agree with the data once chance variation is allowed for. A range worked out this way misses the true change about 1 time in 20. If it holds both a rise and a fall, the change could be chance; pp are percentage points.";

/// What a p-value means, said once where the first one stands.
pub const P_VALUE_NOTE: &str = "The p-value is how likely a difference at least this large would be if nothing had really changed; below 0.05 the change is usually taken as clear.";

/// A p-value as shown: three places, and «< 0.001» rather than a 0 that
/// would read as certainty.
pub fn p_text(f: &Fmt<'_>, p: Option<f64>, places: u32) -> String {
    match p.and_then(Decimal::from_f64) {
        None => "—".into(),
        Some(d) if d < Decimal::new(1, 3) => format!("< {}", f.number(Decimal::new(1, 3), 3)),
        Some(d) => f.number(d, places),
    }
}

/// What the range is called beside a change: the 95% one, or a planned
/// look's, which is wider.
fn range_name(p: &Pilot) -> &'static str {
    if p.look.is_some() {
        "range at this look's level"
    } else {
        "95% range"
    }
}

/// A change with its range: `+33.2% (95% range: from +9.0% to +62.7%)`.
fn figures(p: &Pilot, f: &Fmt<'_>, c: &Change) -> String {
    let l = f.lang;
    let show = |x: Option<f64>| match x {
        Some(v) if v.is_finite() => change_text(f, c.metric, v),
        Some(_) => "∞".into(),
        None => "—".into(),
    };
    l.fill(
        "{} ({}: from {} to {})",
        &[
            &show(c.change),
            &l.tr(range_name(p)),
            &show(c.low),
            &show(c.high),
        ],
    )
}

/// How the primary endpoint's change was measured, in a phrase.
fn how_measured(p: &Pilot) -> Option<&'static str> {
    let pr = p.primary.as_ref()?;
    Some(match (pr.net_of_others, pr.adjustment) {
        (true, _) => "net of the other channels' own clear rise (the conservative estimate)",
        (_, Adjustment::YearEarlier) => "against the same months a year earlier",
        (_, Adjustment::PlanSeason) => "against the plan's [seasonality]",
        (_, Adjustment::Unknown) => "not adjusted for the season",
        (_, Adjustment::Randomised) => {
            "on days against off days of the randomised schedule (the season and any trend fall on both alike)"
        }
    })
}

/// A metric's label in a switchback, which counts days.
fn day_label(metric: Metric) -> &'static str {
    match metric {
        Metric::Leads => "Leads a day",
        Metric::Bookings => "Bookings a day",
        Metric::Visits => "Visits a day",
        Metric::Revenue => "Revenue a day",
        m => metric_label(m),
    }
}

/// A change in a sentence: its metric, and how it was measured when that is
/// not the table's plain before/after (so the figures match the row they
/// differ from), then the figures.
fn change_phrase(p: &Pilot, f: &Fmt<'_>, c: &Change) -> String {
    let l = f.lang;
    let randomised = p
        .primary
        .as_ref()
        .is_some_and(|pr| pr.adjustment == Adjustment::Randomised);
    // A switchback counts days, and its table says so.
    let label = l.tr(if randomised {
        day_label(c.metric)
    } else {
        metric_label(c.metric)
    });
    let adjusted = p.primary.as_ref().filter(|pr| {
        pr.change == *c
            && (pr.net_of_others
                || matches!(
                    pr.adjustment,
                    Adjustment::YearEarlier | Adjustment::PlanSeason
                ))
    });
    let label = match (adjusted, how_measured(p)) {
        (Some(_), Some(how)) => l.fill("{} ({})", &[&label, &l.tr(how)]),
        _ => label.to_string(),
    };
    l.fill("{}: {}", &[&label, &figures(p, f, c)])
}

/// The primary endpoint's reason: better, worse, could be chance, the
/// season's, or not measurable.
fn change_reason(p: &Pilot, f: &Fmt<'_>, r: &Reason) -> String {
    let l = f.lang;
    let phrase = |c: &Change| change_phrase(p, f, c);
    match r {
        Reason::Better(c) => l.fill(
            "{} — a clear improvement: the whole range is on the better side.",
            &[&phrase(c)],
        ),
        Reason::Worse(c) => l.fill(
            "{} — a clear change for the worse: the whole range is on the worse side.",
            &[&phrase(c)],
        ),
        Reason::Unclear(c) if c.change.is_none() => unmeasured(f, c),
        Reason::Unclear(c) if c.low.is_none() => l.fill(
            "{}: {} — no range could be worked out, so the change cannot be judged yet.",
            &[
                &l.tr(metric_label(c.metric)),
                &c.change.map_or("—".into(), |x| change_text(f, c.metric, x)),
            ],
        ),
        Reason::Unclear(c) => l.fill(
            "{} — the change could be chance: the range holds both a rise and a fall.",
            &[&phrase(c)],
        ),
        Reason::Season(c) => {
            // The rise as the table measured it, then the same net of the season.
            let raw = p
                .primary
                .as_ref()
                .and_then(|pr| pr.raw.as_ref())
                .filter(|_| c.verdict == Some(Verdict::Unclear));
            match raw {
                Some(raw) => l.fill(
                    "{}: {} — there is a rise, but the season explains it: against the same months a year earlier, the change beyond the usual season is {}, and that could be chance.",
                    &[
                        &l.tr(metric_label(raw.metric)),
                        &figures(p, f, raw),
                        &figures(p, f, c),
                    ],
                ),
                None => l.fill(
                    "The rise as measured is the season's; net of the season: {}.",
                    &[&phrase(c)],
                ),
            }
        }
        Reason::Diluted(c) => l.fill(
            "More leads that book a little less often still bring more bookings: {}.",
            &[&phrase(c)],
        ),
        _ => String::new(),
    }
}

/// A change the data cannot give, and why; with no leads in the data, where
/// the decision can rest instead.
fn unmeasured(f: &Fmt<'_>, c: &Change) -> String {
    let l = f.lang;
    let label = l.tr(metric_label(c.metric));
    let why = l.tr(c.why.map_or("—", |w| w.text()));
    if c.why == Some(Why::NotInData) && c.metric == Metric::Leads {
        l.fill(
            "{}: {}; the decision can rest on bookings or visits instead (--primary bookings).",
            &[&label, &why],
        )
    } else {
        l.fill(
            "{}: {}, so this change cannot be judged yet.",
            &[&label, &why],
        )
    }
}

/// A share as «N of 100»: whole, unless rounding would say 0 or 100 of a
/// share that is neither.
fn of_hundred(f: &Fmt<'_>, x: f64) -> String {
    let v = x * 100.0;
    let places = if (v.round() == 0.0 && v > 0.0) || (v.round() == 100.0 && v < 100.0) {
        1
    } else {
        0
    };
    Decimal::from_f64(v).map_or("—".into(), |d| f.number(d, places))
}

/// The odds of paying, in words: how many of 100 simulated futures pay, and
/// the middle and the ends of the ROI they give.
pub fn odds_text(p: &Pilot, f: &Fmt<'_>) -> Option<String> {
    let o = p.odds?;
    let l = f.lang;
    let pct = |x: Option<f64>| {
        x.and_then(Decimal::from_f64)
            .map_or("—".into(), |d| f.percent(d, Sign::Plain))
    };
    Some(l.fill(
        "Odds of paying over the plan's {}: in {} of 100 simulated futures, built from what the pilot measured with its uncertainty, the ROI is above zero. The middle one gives an ROI of {}; 1 in 10 falls below {} and 1 in 10 above {}. Scaling needs at least {} of 100.",
        &[
            &l.months(o.months),
            &o.roi_positive.map_or("—".into(), |x| of_hundred(f, x)),
            &pct(o.roi[1]),
            &pct(o.roi[0]),
            &pct(o.roi[2]),
            &of_hundred(f, o.confidence),
        ],
    ))
}

/// ROI to date, and when it is below zero, why that need not stop the pilot.
fn realised(p: &Pilot, f: &Fmt<'_>, d: Decimal) -> String {
    let l = f.lang;
    let roi = f.percent(d, Sign::Plain);
    if d.is_sign_negative() && !d.is_zero() {
        l.fill(
            "ROI to date on the measured revenue and the plan's costs: {} — over the pilot's {} the costs spent so far (set-up included) have not been earned back yet; whether the assistant pays over the plan's whole period is said next.",
            &[&roi, &l.months(p.pilot.map_or(0, |x| x.months()))],
        )
    } else {
        l.fill(
            "ROI to date on the measured revenue and the plan's costs: {}.",
            &[&roi],
        )
    }
}

/// One reason in a sentence.
fn reason_text(p: &Pilot, f: &Fmt<'_>, r: &Reason) -> String {
    let l = f.lang;
    match r {
        Reason::Better(_) | Reason::Worse(_) | Reason::Unclear(_) | Reason::Season(_) | Reason::Diluted(_) => {
            change_reason(p, f, r)
        }
        Reason::SeasonUnknown => l.tr("The season is not accounted for: the data has no record of the same months a year earlier and the plan no [seasonality], so a before/after pilot cannot tell the assistant from the season. To settle it: export the same months a year earlier, add [seasonality] to the plan (--scenario), or run a switchback pilot.").into(),
        Reason::OneMonth => l.tr("One baseline month: how much the months vary on their own cannot be known, so no pilot can be judged against it. A second baseline month would make the figures above decidable.").into(),
        Reason::NoOdds(why) => l.fill(
            "The odds of paying could not be drawn, so the pilot cannot scale on them yet: {}.",
            &[why],
        ),
        Reason::Odds(_) => odds_text(p, f).unwrap_or_default(),
        // A clear rise whose odds of paying fall short also ends here: say which.
        Reason::PlanEnded if p.primary.as_ref().is_some_and(|pr| pr.change.verdict == Some(Verdict::Up)) => l.tr("The planned length is over: the rise is clear, but not yet likely enough to pay, and looking longer now would be peeking. If the assistant is still worth trying, plan a new pilot.").into(),
        Reason::PlanEnded => l.tr("The planned length is over without a clear rise: looking longer now would be peeking. If the assistant is still worth trying, plan a new pilot.").into(),
        Reason::FixLength => l.tr("How much longer must be fixed before looking again, not sized from what was seen: plan it with roi pilot … --plan --save-plan pilot-plan.toml, then judge with --pilot-plan.").into(),
        Reason::Cannibalisation(c) => l.fill(
            "Other channels' leads fell by {} while the assistant's appeared: the assistant may be taking leads that would have come without it. Judge the effect by the total of leads.",
            &[&c.change.map_or("—".into(), |x| change_text(f, Metric::Leads, x.abs()).trim_start_matches('+').to_string())],
        ),
        Reason::RealisedRoi(d) => realised(p, f, *d),
        Reason::ProjectedRoi(d) => l.fill(
            "ROI over the plan's {} if the pilot's clear changes hold: {}.",
            &[
                &l.months(p.plan.as_ref().map_or(0, |r| r.horizon)),
                &f.percent(*d, Sign::Plain),
            ],
        ),
        Reason::NoCosts => l.tr("Whether it pays was not checked: to see, give the scenario file with the costs (--scenario).").into(),
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
            .tr("Decision: SCALE — the pilot shows a clear rise.")
            .to_string(),
        Kind::Stop => l
            .tr("Decision: STOP — the pilot does not pay its way.")
            .to_string(),
        Kind::Extend => match d.extra_months {
            Some(n) => l.fill(
                "Decision: EXTEND — the result is not clear yet; run the pilot {} more.",
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
        d.reasons.iter().map(|r| reason_text(p, f, r)).collect(),
    )
}

/// The one question the decision rests on, its answer and how the season
/// was taken into account; the p-value's meaning follows it.
pub fn primary_line(p: &Pilot, f: &Fmt<'_>) -> Option<String> {
    let pr = p.primary.as_ref()?;
    let l = f.lang;
    let how = how_measured(p)?;
    let c = &pr.change;
    let words = l.tr(super::endpoint_words(pr.endpoint));
    if c.change.is_none() {
        return Some(l.fill(
            "The question the decision rests on: did {} rise? The data cannot say: {}.",
            &[&words, &l.tr(c.why.map_or("—", |w| w.text()))],
        ));
    }
    let change = c.change.map_or("—".into(), |x| change_text(f, c.metric, x));
    let line = if let Some(look) = p.look {
        let boundary = Decimal::from_f64(look.boundary.p_value).unwrap_or_default();
        l.fill(
            "The question the decision rests on: did {} rise? Measured {}: {}, range {} at look {} of {} of the pilot plan (it must reach a p-value of {} or less this month; the looks together keep a false \"scale\" to 5%), p-value {}.",
            &[
                &words,
                &l.tr(how),
                &change,
                &super::interval(f, c),
                &look.look,
                &look.of,
                &f.number(boundary, 6),
                &p_text(f, c.p_value, 4),
            ],
        )
    } else {
        l.fill(
            "The question the decision rests on: did {} rise? Measured {}: {}, 95% range {}, p-value {}.",
            &[&words, &l.tr(how), &change, &super::interval(f, c), &p_text(f, c.p_value, 3)],
        )
    };
    Some(format!("{line} {}", l.tr(P_VALUE_NOTE)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::measure::cell::Month;

    fn period(a: (i32, u32), b: (i32, u32)) -> Period {
        Period {
            from: Month {
                year: a.0,
                month: a.1,
            },
            to: Month {
                year: b.0,
                month: b.1,
            },
        }
    }

    #[test]
    fn periods_read_as_people_write_them() {
        let ru = |a, b| period_prose(period(a, b), Lang::Ru);
        assert_eq!(
            ru((2025, 12), (2026, 2)),
            "декабрь\u{a0}2025\u{a0}— февраль\u{a0}2026"
        );
        assert_eq!(ru((2025, 6), (2025, 11)), "июнь\u{a0}— ноябрь\u{a0}2025");
        assert_eq!(ru((2025, 3), (2025, 3)), "март\u{a0}2025");
        assert_eq!(
            period_prose(period((2025, 6), (2025, 11)), Lang::En),
            "June – November\u{a0}2025"
        );
    }

    #[test]
    fn odds_read_as_whole_hundredths_unless_that_says_never_or_always() {
        let f = Fmt {
            lang: Lang::En,
            currency: "RUB",
        };
        assert_eq!(of_hundred(&f, 0.558), "56");
        assert_eq!(of_hundred(&f, 0.8), "80");
        // 99.6 of 100 is not "100 of 100", nor 0.3 "0 of 100".
        assert_eq!(of_hundred(&f, 0.996), "99.6");
        assert_eq!(of_hundred(&f, 0.003), "0.3");
        assert_eq!(of_hundred(&f, 1.0), "100");
    }

    #[test]
    fn a_tiny_p_value_is_not_shown_as_zero() {
        let f = Fmt {
            lang: Lang::Ru,
            currency: "RUB",
        };
        assert_eq!(p_text(&f, Some(0.000_77), 3), "< 0,001");
        assert_eq!(p_text(&f, Some(0.0116), 3), "0,012");
        assert_eq!(p_text(&f, None, 3), "—");
    }
}
