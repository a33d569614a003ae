//! The measured funnel for people: months down, the funnel across, the
//! period's average, the assistant's records beside the rest, then the notes.

use super::notes::notes;
use super::source_name;
use super::system_name;
use crate::evidence::measure::Measured;
use crate::evidence::measure::cell::Month;
use crate::evidence::measure::error::Period;
use crate::evidence::measure::funnel::{Channel, Figures};
use crate::evidence::measure::profile::System;
use crate::evidence::measure::records::Split;
use crate::format::{Fmt, Sign};
use crate::i18n::Lang;
use crate::render::fit::{Grid, wrap};
use rust_decimal::Decimal;

/// The funnel's columns after a row's labels, as [`funnel_row`] fills them.
const FUNNEL_COLUMNS: [&str; 6] = [
    "Leads",
    "Bookings (conv.)",
    "Visits",
    "No-shows (rate)",
    "Revenue",
    "Average check",
];

/// `—` for what the data cannot give.
fn dash<T>(v: Option<T>, show: impl Fn(T) -> String) -> String {
    v.map_or_else(|| "—".to_string(), show)
}

fn count_cell(f: &Fmt<'_>, v: Option<u64>) -> String {
    dash(v, |v| f.count(Decimal::from(v), Sign::Plain))
}

/// A count with its rate beside it: `40 (20,0 %)`.
fn with_rate(f: &Fmt<'_>, v: Option<u64>, rate: Option<Decimal>) -> String {
    match (v, rate) {
        (Some(v), Some(r)) => format!(
            "{} ({})",
            f.count(Decimal::from(v), Sign::Plain),
            f.percent(r, Sign::Plain)
        ),
        (v, _) => count_cell(f, v),
    }
}

/// Money to the rouble: a month's revenue reads at a glance; kopecks are in JSON and CSV.
fn money_cell(f: &Fmt<'_>, v: Option<Decimal>) -> String {
    dash(v, |v| {
        f.money(
            v.round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero),
            Sign::Plain,
        )
    })
}

/// One row of the funnel table; `per` divides the counts and revenue (a
/// period's row shows per-month means beside its months, with the rates and
/// the check from the period's totals).
fn funnel_row(f: &Fmt<'_>, label: String, fig: &Figures, per: Option<u32>) -> Vec<String> {
    let mean = |v: Option<u64>| -> Option<Decimal> {
        Some(Decimal::from(v?) / Decimal::from(per.unwrap_or(1)))
    };
    // Leads keep a decimal (the scenario's figure, 92.5); the other means are
    // rounded to whole visits and bookings so the row fits beside the months.
    let count = |v: Option<u64>, places: u32| match per {
        None => count_cell(f, v),
        Some(_) => dash(mean(v), |d| f.number(d, places)),
    };
    let rated = |v: Option<u64>, rate: Option<Decimal>| match (per, rate) {
        (None, _) => with_rate(f, v, rate),
        (Some(_), Some(r)) if v.is_some() => {
            format!("{} ({})", count(v, 0), f.percent(r, Sign::Plain))
        }
        _ => count(v, 0),
    };
    let revenue = fig.revenue.map(|r| r / Decimal::from(per.unwrap_or(1)));
    vec![
        label,
        count(fig.leads, 1),
        rated(fig.bookings, fig.conversion),
        count(fig.visits, 0),
        rated(fig.no_shows, fig.no_show_rate),
        money_cell(f, revenue),
        money_cell(f, fig.average_check),
    ]
}

/// The table for people: months down, the funnel across, the channel split,
/// the period's average, and notes on what the data could not say; then
/// clients coming back, when asked for.
pub fn table_text(
    m: &Measured,
    baseline: Option<Period>,
    retention: Option<&crate::evidence::retention::Retention>,
    f: &Fmt<'_>,
    width: usize,
) -> String {
    let l = f.lang;
    let span = m.funnel.span().map(|(a, b)| Period { from: a, to: b });
    let mut out = wrap(&title(m, span, l), width, "  ");
    out.push_str("\n\n");
    out.push_str(&funnel_table(m, baseline, span, f).draw(width));
    out.push('\n');
    out.push_str(&means_note(baseline, l, width));
    out.push_str(&channel_split(m, f, width));
    if let Some(split) = &m.by {
        out.push_str(&by_table(split, f, width));
    }
    let notes = notes(m, l);
    if !notes.is_empty() {
        out.push('\n');
        for n in notes {
            out.push_str(&wrap(&n, width, ""));
            out.push('\n');
        }
    }
    if let Some(r) = retention {
        out.push_str(&super::retention::table(r, f, width));
    }
    out
}

/// The heading: the system, what its rows are, and the months the data spans.
fn title(m: &Measured, span: Option<Period>, l: Lang) -> String {
    let period_text = span.map(|p| p.prose(l)).unwrap_or_default();
    // A monthly sheet's rows are months: saying so twice reads oddly.
    if m.system == System::Monthly {
        l.fill(
            "Measured funnel — {}, {}",
            &[&l.tr(system_name(m.system)), &period_text],
        )
    } else {
        l.fill(
            "Measured funnel — {} {}, {}",
            &[&l.tr(system_name(m.system)), &l.tr(m.entity), &period_text],
        )
    }
}

/// Every month's funnel, then the baseline's (or, without one, all the
/// months') per-month means.
fn funnel_table(m: &Measured, baseline: Option<Period>, span: Option<Period>, f: &Fmt<'_>) -> Grid {
    let l = f.lang;
    let header: Vec<String> = std::iter::once("Month")
        .chain(FUNNEL_COLUMNS)
        .map(|h| l.tr(h).to_string())
        .collect();
    let mut t = Grid::new(header, 1);
    for (month, tallies) in &m.funnel.months {
        t.row(funnel_row(
            f,
            month.to_string(),
            &tallies[0].figures(),
            None,
        ));
    }
    if let Some(p) = baseline.or(span) {
        let total = m.funnel.period(p.from, p.to, Channel::All);
        let label = if baseline.is_some() {
            l.tr("Baseline period").to_string()
        } else {
            l.tr("All months").to_string()
        };
        t.row(funnel_row(f, label, &total.figures(), Some(p.months())));
    }
    t
}

/// What the last row's figures are: means per month, rates from the totals.
fn means_note(baseline: Option<Period>, l: Lang, width: usize) -> String {
    let mut out = String::new();
    if baseline.is_none() {
        out.push_str(&wrap(
            l.tr("All months: per-month means; the rates and the check from the totals."),
            width,
            "",
        ));
        out.push('\n');
    }
    if let Some(p) = baseline {
        out.push_str(&wrap(
            &l.fill(
                "Baseline: per-month means over {}; the rates and the check from the period's totals.",
                &[&p.prose(l)],
            ),
            width,
            "",
        ));
        out.push('\n');
    }
    out
}

/// The assistant's records beside the rest, from its first month; or, when
/// the export is split but nothing matched the rule, a line saying so.
fn channel_split(m: &Measured, f: &Fmt<'_>, width: usize) -> String {
    let l = f.lang;
    let mut out = String::new();
    let first_ai = first_ai_month(m);
    if m.funnel.split && first_ai.is_none() {
        out.push('\n');
        out.push_str(l.tr("No record matches the assistant's rule (--ai or [ai])."));
        out.push('\n');
    }
    if let (true, Some(first_ai)) = (m.funnel.split, first_ai) {
        out.push('\n');
        out.push_str(l.tr("The assistant's records and the rest"));
        out.push('\n');
        out.push_str(&split_table(m, first_ai, f).draw(width));
        out.push('\n');
    }
    out
}

/// The assistant's months only: before its first record the split says nothing.
fn first_ai_month(m: &Measured) -> Option<Month> {
    m.funnel
        .months
        .iter()
        .find(|(_, t)| {
            t[Channel::Ai as usize].leads.unwrap_or(0) > 0
                || t[Channel::Ai as usize].bookings.unwrap_or(0) > 0
        })
        .map(|(month, _)| *month)
}

/// One row a month from `first_ai`: the assistant's leads and their share,
/// its bookings and revenue, and the other channels' leads.
fn split_table(m: &Measured, first_ai: Month, f: &Fmt<'_>) -> Grid {
    let l = f.lang;
    let header: Vec<String> = [
        "Month",
        "AI leads (share)",
        "AI bookings",
        "AI revenue",
        "Other leads",
    ]
    .iter()
    .map(|h| l.tr(h).to_string())
    .collect();
    let mut t = Grid::new(header, 1);
    for (month, tallies) in m.funnel.months.range(first_ai..) {
        let ai = tallies[Channel::Ai as usize].figures();
        let other = tallies[Channel::Other as usize].figures();
        t.row(vec![
            month.to_string(),
            share(f, ai.leads, tallies[0].leads),
            count_cell(f, ai.bookings),
            money_cell(f, ai.revenue),
            count_cell(f, other.leads),
        ]);
    }
    t
}

/// The assistant's leads with their share of all: `12 (10,0 %)`.
fn share(f: &Fmt<'_>, part: Option<u64>, all: Option<u64>) -> String {
    match (part, all) {
        (Some(p), Some(a)) if a > 0 => {
            with_rate(f, Some(p), Some(Decimal::from(p) / Decimal::from(a)))
        }
        (p, _) => count_cell(f, p),
    }
}

/// Months down, each with a row per value: the funnel as the main table
/// shows it, the month named on its first row only so the groups read.
fn by_table(split: &Split, f: &Fmt<'_>, width: usize) -> String {
    let l = f.lang;
    let mut header: Vec<String> =
        vec![l.tr("Month").to_string(), crate::input::clip(&split.column)];
    header.extend(FUNNEL_COLUMNS.iter().map(|h| l.tr(h).to_string()));
    let mut t = Grid::new(header, 2);
    for (month, tallies) in &split.months {
        // A value with no record in a month is left out of its rows here
        // (JSON and CSV keep every month × value).
        let held = split
            .sources
            .iter()
            .zip(tallies)
            .filter(|(_, t)| t.leads.unwrap_or(0) + t.bookings.unwrap_or(0) > 0);
        for (i, (source, tally)) in held.enumerate() {
            let mut row = vec![if i == 0 {
                month.to_string()
            } else {
                String::new()
            }];
            row.extend(funnel_row(
                f,
                source_name(source, l),
                &tally.figures(),
                None,
            ));
            t.row(row);
        }
    }
    let mut out = String::from("\n");
    out.push_str(&l.fill("By «{}»", &[&crate::input::clip(&split.column)]));
    out.push('\n');
    out.push_str(&t.draw(width));
    out.push('\n');
    out
}
