//! A switchback's judgement for people: the decision first, then how the
//! test was made, what changed on the on days, and whether the switch was
//! followed.

use crate::evidence::measure::funnel::Channel;
use crate::evidence::pilot::Metric;
use crate::evidence::switchback::{Switchback, Unit};
use crate::format::{Fmt, Sign};
use crate::render::fit::{Grid, wrap};
use crate::render::pilot::{RANGE_NOTE, change_row, headings, primary_line, reason_lines};
use rust_decimal::Decimal;

/// Headings of the table of changes (catalogue keys).
pub const HEADER: [&str; 6] = [
    "Metric",
    "Off days",
    "On days",
    "Change",
    "Range (95%)",
    "Verdict",
];

fn label(metric: Metric, channel: Channel) -> &'static str {
    match (metric, channel) {
        (Metric::Leads, Channel::Other) => "Other channels' leads a day",
        (Metric::Leads, _) => "Leads a day",
        (Metric::Bookings, _) => "Bookings a day",
        (Metric::Visits, _) => "Visits a day",
        (Metric::Conversion, _) => "Conversion",
        (Metric::NoShowRate, _) => "No-show rate",
        (Metric::AverageCheck, _) => "Average check",
        (Metric::Revenue, _) => "Revenue a day",
    }
}

fn say(out: &mut String, text: &str, width: usize) {
    let indent = if text.starts_with("  •") {
        "    "
    } else {
        "  "
    };
    out.push_str(&wrap(text, width, indent));
    out.push('\n');
}

/// The opening lines: what was counted, and how much of the schedule the
/// export covers when not all of it.
pub(super) fn title(sb: &Switchback, f: &Fmt<'_>) -> Vec<String> {
    let l = f.lang;
    let s = &sb.schedule;
    let (first, last) = sb.judged_dates();
    let by = match s.plan.unit {
        Unit::Day => l.tr("by days"),
        Unit::Week => l.tr("by weeks"),
    };
    let mut out = vec![l.fill(
        "Switchback pilot {}, {} to {}: {} on days and {} off days counted, {} washout days left out",
        &[&by, &first, &last, &sb.used.0, &sb.used.1, &sb.washout_days],
    )];
    if sb.blocks < s.plan.blocks() {
        out.push(l.fill(
            "The export covers {} of the schedule's {} blocks: judged on those; the rest will count when exported.",
            &[&sb.blocks, &s.plan.blocks()],
        ));
    }
    out
}

/// How the test was made: the question with its p-value, how the p-value
/// was found, and where the range comes from.
pub(super) fn test_lines(sb: &Switchback, f: &Fmt<'_>) -> Vec<String> {
    let l = f.lang;
    let mut out: Vec<String> = primary_line(&sb.pilot, f).into_iter().collect();
    if let Some(t) = sb.tests.iter().find(|t| t.metric == sb.pilot.endpoint) {
        let n = |x: u64| f.count(Decimal::from(x), Sign::Plain);
        out.push(if t.enumerated {
            l.fill(
                "The p-value is exact: of all {} schedules this design could have drawn, {} show a difference at least as large as this one.",
                &[&n(t.counted), &n(t.extreme)],
            )
        } else {
            l.fill(
                "The p-value is by randomisation: of {} schedules drawn from the design's {} (seed {}), {} show a difference at least as large as this one.",
                &[&n(t.counted), &n(u64::try_from(t.possible).unwrap_or(u64::MAX)), &t.seed, &n(t.extreme)],
            )
        });
        out.push(
            if t.inverted {
                l.tr("The range comes from the same test: it holds every steady rise or fall that this test would not call a clear change.")
            } else {
                l.tr("The interval is quasi-Poisson (days paired by weekday within blocks): the washout days move with the schedule, so the test cannot be inverted.")
            }
            .to_string(),
        );
    }
    out
}

/// The changes on the on days as rows.
pub(super) fn rows(sb: &Switchback, f: &Fmt<'_>) -> Vec<Vec<String>> {
    let l = f.lang;
    sb.pilot
        .metrics
        .iter()
        .map(|c| change_row(f, c, l.tr(label(c.metric, c.channel)).to_string()))
        .collect()
}

/// The table for people.
pub fn table(sb: &Switchback, f: &Fmt<'_>, width: usize) -> String {
    let l = f.lang;
    let mut out = String::new();
    for line in title(sb, f) {
        say(&mut out, &line, width);
    }
    say(&mut out, "", width);
    let (headline, lines) = reason_lines(&sb.pilot, f);
    say(&mut out, &headline, width);
    for line in lines {
        say(&mut out, &format!("  • {line}"), width);
    }
    say(&mut out, "", width);
    for line in test_lines(sb, f) {
        say(&mut out, &line, width);
    }
    say(&mut out, "", width);
    say(&mut out, l.tr("What changed on the on days"), width);
    let mut g = Grid::new(headings(&HEADER, l), 1);
    for row in rows(sb, f) {
        g.row(row);
    }
    out.push_str(&g.draw(width));
    out.push('\n');
    say(&mut out, l.tr(RANGE_NOTE), width);
    for line in followed(sb, f) {
        say(&mut out, &line, width);
    }
    out
}

/// Was the switch followed: the assistant's leads on off days, empty days.
pub(super) fn followed(sb: &Switchback, f: &Fmt<'_>) -> Vec<String> {
    let l = f.lang;
    let c = &sb.compliance;
    let mut out = vec![String::new()];
    match c.ai_off {
        Some(ai) => {
            let share = Decimal::from(ai) / Decimal::from(c.off_leads.max(1));
            out.push(l.fill(
                "Was the switch followed: the assistant's leads on off days {} of {} ({}; above 5% the schedule counts as not followed).",
                &[&ai, &c.off_leads, &f.percent(share, Sign::Plain)],
            ));
            if !c.ai_days.is_empty() {
                let days: Vec<String> = c.ai_days.iter().take(10).map(|(d, n)| format!("{d} ({n})")).collect();
                let more = c.ai_days.len().saturating_sub(10);
                let tail = if more > 0 { l.fill(" and {} more", &[&more]) } else { String::new() };
                out.push(l.fill("Off days with the assistant's leads: {}{}.", &[&days.join(", "), &tail]));
            }
        }
        None => out.push(l.tr("Whether the assistant was really off was not checked: give the mapping's [ai] rule (or --ai) to count its leads on off days.").to_string()),
    }
    if !c.empty_days.is_empty() {
        let days: Vec<String> = c
            .empty_days
            .iter()
            .take(10)
            .map(|d| d.to_string())
            .collect();
        let more = c.empty_days.len().saturating_sub(10);
        let tail = if more > 0 {
            l.fill(" and {} more", &[&more])
        } else {
            String::new()
        };
        out.push(l.fill(
            "Days with no records at all: {}{} — closed days, or days the export misses.",
            &[&days.join(", "), &tail],
        ));
    }
    out
}
