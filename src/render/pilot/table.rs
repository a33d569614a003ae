//! `roi pilot`'s table for people: the verdict first, then what changed, the
//! facts behind it and the plan's months.

use super::{
    CHANGE_HEADER, PLAN_HEADER, change_text, channel_rows, differs_lines, heading, headings,
    metric_rows, plan_rows, reason_lines,
};
use crate::evidence::measure::funnel::Channel;
use crate::evidence::pilot::{Attribution, Metric, Pilot, PlanReport};
use crate::format::{Fmt, Sign};
use crate::render::fit::{Grid, wrap};
use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive;

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
    say(&mut out, l.tr("What changed (all leads)"), width);
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
    out.push('\n');
    out
}

/// The facts behind the verdict, a sentence each: the season, the months'
/// variation, the assistant's own records, what a pilot can detect and how
/// long the planned rise needs.
fn facts(p: &Pilot, f: &Fmt<'_>) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(line) = super::primary_line(p, f) {
        lines.push(line);
    }
    if p.pilot.is_some() {
        lines.push(seasonality(p, f));
    }
    lines.push(variation(p, f));
    if !p.open_bookings.is_empty() {
        let l = f.lang;
        let list: Vec<String> = p
            .open_bookings
            .iter()
            .map(|(m, n)| l.fill("{}: {}", &[m, n]))
            .collect();
        lines.push(l.fill(
            "Bookings still open at the export's date (neither came nor marked no-show): {}. Against the plan they count as revenue to come, at the share of the baseline's bookings that came and its average check.",
            &[&list.join(", ")],
        ));
    }
    if let Some(a) = p.attribution {
        lines.push(attributed(p, a, f));
    }
    lines.extend(detectable(p, f));
    lines.push(needed_length(p, f));
    if let Some(why) = p.plan_refused {
        lines.push(
            f.lang
                .fill("No pilot plan is proposed: {}.", &[&f.lang.tr(why)]),
        );
    }
    lines
}

/// The leads' change against the same months a year earlier, or why it was
/// not checked.
fn seasonality(p: &Pilot, f: &Fmt<'_>) -> String {
    let l = f.lang;
    let seasonal = p.find(Metric::Leads, Channel::All).and_then(|c| c.seasonal);
    if let Some(s) = seasonal {
        l.fill(
            "Seasonality: against the same months a year earlier, the leads changed {} (from {} to {}) beyond what the season brings.",
            &[
                &change_text(f, Metric::Leads, s.point - 1.0),
                &change_text(f, Metric::Leads, s.low - 1.0),
                &change_text(f, Metric::Leads, s.high - 1.0),
            ],
        )
    } else {
        l.tr("Seasonality was not checked: the data has no record of the same months a year earlier. A pilot in a busy month (8 March, December) can look like a rise that is only the season.").to_string()
    }
}

/// How much the baseline's months vary beyond chance, which widens the intervals.
fn variation(p: &Pilot, f: &Fmt<'_>) -> String {
    let l = f.lang;
    if p.dispersion.known {
        l.fill(
            "Month-to-month variation of the baseline's leads: φ = {} ({}).",
            &[
                &f.number(Decimal::from_f64(p.dispersion.phi).unwrap_or_default(), 2),
                &l.tr(if p.dispersion.phi > 1.0 {
                    "the months vary more than chance alone would make them; the intervals are widened for it"
                } else {
                    "within what chance alone gives"
                }),
            ],
        )
    } else {
        l.tr("Month-to-month variation is unknown with one baseline month; the intervals assume none beyond chance.").to_string()
    }
}

/// The assistant's own records over the pilot.
fn attributed(p: &Pilot, a: Attribution, f: &Fmt<'_>) -> String {
    let l = f.lang;
    l.fill(
        "The assistant's own records over the pilot's {}: {} leads, {} bookings, {} visits, {} revenue.",
        &[
            &l.months(p.pilot.map_or(0, |x| x.months())),
            &a.leads.map_or("—".into(), |x| x.to_string()),
            &a.bookings.map_or("—".into(), |x| x.to_string()),
            &a.visits.map_or("—".into(), |x| x.to_string()),
            &a.revenue.map_or("—".into(), |x| f.money(x.round_dp(0), Sign::Plain)),
        ],
    )
}

/// The smallest rise each pilot length can tell from chance, when any can.
fn detectable(p: &Pilot, f: &Fmt<'_>) -> Option<String> {
    let l = f.lang;
    let shown: Vec<String> = p
        .detectable
        .iter()
        .filter_map(|d| {
            let u = Decimal::from_f64(d.leads_uplift?)?;
            Some(l.fill(
                "{}: {}",
                &[&l.months(d.months), &f.percent(u, Sign::Explicit)],
            ))
        })
        .collect();
    (!shown.is_empty()).then(|| {
        l.fill(
            "The smallest rise in {} a pilot can tell from chance (80% of the time): {}.",
            &[&l.tr(super::endpoint_words(p.endpoint)), &shown.join(", ")],
        )
    })
}

/// How long a pilot must run for the rise planned for to be seen.
fn needed_length(p: &Pilot, f: &Fmt<'_>) -> String {
    let l = f.lang;
    let (want, need) = p.expect;
    let want_text = f.percent(Decimal::from_f64(want).unwrap_or_default(), Sign::Explicit);
    match (need, p.baseline_leads) {
        (Some(n), Some(m)) => l.fill(
            "With {} leads a month on average, a {} rise needs a pilot of {} to be seen.",
            &[&f.number(Decimal::from_f64(m).unwrap_or_default(), 1), &want_text, &l.months(n)],
        ),
        _ => l.fill("A {} rise cannot be told from chance within three years at this baseline; measure a longer baseline.", &[&want_text]),
    }
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
    for line in differs_lines(plan, f) {
        out.push_str(&wrap(&line, width, ""));
        out.push('\n');
    }
    out
}
