//! `roi pilot`'s table for people: the verdict first, then what changed, the
//! facts behind it and the plan's months.

use super::facts::facts;
use super::{
    CHANGE_HEADER, DIFFERS_HEADER, DIFFERS_NOTE, PLAN_HEADER, RANGE_NOTE, channel_rows,
    differs_rows, heading, headings, metric_rows, plan_rows, reason_lines,
};
use crate::evidence::measure::funnel::Channel;
use crate::evidence::pilot::{Pilot, PlanReport};
use crate::format::Fmt;
use crate::render::fit::{Grid, wrap};

/// The table for people: the verdict, the changes, the facts behind them,
/// and the plan's months.
pub fn table(p: &Pilot, f: &Fmt<'_>, width: usize) -> String {
    let mut out = verdict(p, f, width);
    if p.pilot.is_some() {
        out.push_str(&changes(p, f, width));
    }
    for line in facts(p, f) {
        out.push_str(&wrap(&line, width, ""));
        out.push('\n');
    }
    if let Some(r) = &p.returns {
        out.push('\n');
        out.push_str(f.lang.tr(super::returns::TITLE));
        out.push('\n');
        for line in super::returns::lines(f, r) {
            out.push_str(&wrap(&line, width, ""));
            out.push('\n');
        }
    }
    if let Some(plan) = &p.plan {
        out.push_str(&against_plan(plan, f, width));
    }
    out
}

/// One line of the verdict, indented; a bullet's continuation lines line up
/// under its text.
fn say(out: &mut String, text: &str, width: usize) {
    let indent = if text.starts_with("  •") {
        "    "
    } else {
        "  "
    };
    out.push_str(&wrap(text, width, indent));
    out.push('\n');
}

/// The periods compared, then the decision with its reasons as bullets.
fn verdict(p: &Pilot, f: &Fmt<'_>, width: usize) -> String {
    let mut out = String::new();
    say(&mut out, &heading(p, f.lang), width);
    say(&mut out, "", width);
    let (headline, lines) = reason_lines(p, f);
    if !headline.is_empty() {
        say(&mut out, &headline, width);
        for line in lines {
            say(&mut out, &format!("  • {line}"), width);
        }
        say(&mut out, "", width);
    }
    out
}

/// What changed over all leads, then the leads of each channel when the
/// export tells the assistant's records from the rest.
fn changes(p: &Pilot, f: &Fmt<'_>, width: usize) -> String {
    let l = f.lang;
    let mut out = String::new();
    say(&mut out, l.tr("What changed (all channels)"), width);
    let mut g = Grid::new(headings(&CHANGE_HEADER, l), 1);
    for row in metric_rows(p, f, Channel::All) {
        g.row(row);
    }
    out.push_str(&g.draw(width));
    out.push('\n');
    if p.metrics.iter().any(|c| c.channel != Channel::All) {
        out.push('\n');
        out.push_str(l.tr("Leads per month by channel"));
        out.push('\n');
        let mut header = headings(&CHANGE_HEADER, l);
        header[0] = l.tr("Channel").to_string();
        let mut g = Grid::new(header, 1);
        for row in channel_rows(p, f) {
            g.row(row);
        }
        out.push_str(&g.draw(width));
        out.push('\n');
    }
    // What the range column means, once, under the tables that carry it.
    out.push_str(&wrap(l.tr(RANGE_NOTE), width, ""));
    out.push_str("\n\n");
    out
}

/// The plan's months planned and actual, and the baseline figures it has
/// more than 10% off the data.
fn against_plan(plan: &PlanReport, f: &Fmt<'_>, width: usize) -> String {
    let l = f.lang;
    let mut out = String::from("\n");
    out.push_str(&l.fill("Against the plan «{}»", &[&plan.name]));
    out.push('\n');
    let header = headings(&PLAN_HEADER, l);
    let mut g = Grid::new(header, 1);
    for row in plan_rows(plan, f) {
        g.row(row);
    }
    out.push_str(&g.draw(width));
    out.push('\n');
    let rows = differs_rows(plan, f);
    if !rows.is_empty() {
        out.push('\n');
        out.push_str(l.tr("The plan's baseline figures against the data"));
        out.push('\n');
        let mut g = Grid::new(headings(&DIFFERS_HEADER, l), 1);
        for row in rows {
            g.row(row);
        }
        out.push_str(&g.draw(width));
        out.push('\n');
        out.push_str(&wrap(l.tr(DIFFERS_NOTE), width, ""));
        out.push('\n');
    }
    out
}
