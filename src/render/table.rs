//! The default output: tables a salon owner reads at a glance, with the assumptions that move the answer.

use super::Medium;
use super::fit::{Grid, wrap};
use crate::forecast::engine::FunnelFigures;
use crate::forecast::report::Report;
use crate::format::{Fmt, Sign};
use comfy_table::{Cell, Color};
use rust_decimal::Decimal;
use std::cmp::Ordering;
use std::fmt::Write;

/// The change between two figures with its relative size: `+60 (+30.0%)`.
/// A difference too large for exact arithmetic (only absurd inputs) shows as a dash.
pub fn change(
    f: &Fmt<'_>,
    before: Decimal,
    after: Decimal,
    show: impl Fn(Decimal, Sign) -> String,
) -> String {
    let Some(diff) = after.checked_sub(before) else {
        return "—".to_string();
    };
    if diff.is_zero() {
        return show(diff, Sign::Plain);
    }
    match diff.checked_div(before) {
        Some(relative) if !before.is_zero() => {
            format!(
                "{} ({})",
                show(diff, Sign::Explicit),
                f.percent(relative, Sign::Explicit)
            )
        }
        _ => show(diff, Sign::Explicit),
    }
}

/// `ROI` or a dash when it is undefined (nothing spent).
pub fn roi_cell(f: &Fmt<'_>, roi: Option<Decimal>) -> String {
    roi.map_or_else(|| "—".to_string(), |r| f.percent(r, Sign::Plain))
}

/// Whether a figure is a gain, a loss or neither: terminals colour it, HTML styles it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Neither.
    Plain,
    /// Above zero.
    Gain,
    /// Below zero.
    Loss,
}

/// One cell of a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The text shown.
    pub text: String,
    /// How it is toned.
    pub tone: Tone,
}

impl From<String> for Entry {
    fn from(text: String) -> Entry {
        Entry {
            text,
            tone: Tone::Plain,
        }
    }
}

/// A titled table of the report; the terminal and HTML renderers draw the same sections.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Shown above the table.
    pub title: String,
    /// Column headings; empty for a two-column list.
    pub header: Vec<String>,
    /// The rows.
    pub rows: Vec<Vec<Entry>>,
    /// Columns from this one on hold figures and align right.
    pub right_from: usize,
}

/// The report's title line: the name and what is projected.
pub fn title(report: &Report, f: &Fmt<'_>) -> String {
    format!("{} — {}", report.scenario.name, projection(report, f))
}

/// What is projected, without the name: `24-month projection, RUB`.
pub fn projection(report: &Report, f: &Fmt<'_>) -> String {
    let s = &report.scenario;
    f.lang
        .fill("{}-month projection, {}", &[&s.inputs.months, &s.currency])
}

/// Fractional months as people say them: `0.91 months`, but `2 months`
/// rather than `2.00 months`, so that Russian takes the right plural.
pub fn months_text(f: &Fmt<'_>, m: Decimal) -> String {
    let r = crate::format::round(m, 2);
    if r.fract().is_zero() {
        f.lang.months(r.trunc().normalize())
    } else {
        f.lang.months(f.number(m, 2))
    }
}

/// The funnel, summary, monthly and annual sections, then the cost lines
/// when the scenario has any.
pub fn sections(report: &Report, f: &Fmt<'_>) -> Vec<Section> {
    let mut sections = vec![
        funnel(report, f),
        summary(report, f),
        monthly(report, f),
        annual(report, f),
    ];
    if !report.scenario.inputs.tables.items.is_empty() {
        sections.push(cost_lines(report, f));
    }
    sections
}

/// An amount as it stands.
fn cash(f: &Fmt<'_>, d: Decimal) -> Entry {
    Entry::from(f.money(d, Sign::Plain))
}

/// An amount in a column whose amounts are all `whole` (else each shows kopecks).
fn cash_in(f: &Fmt<'_>, d: Decimal, whole: bool) -> Entry {
    Entry::from(f.money_in(d, Sign::Plain, whole))
}

/// Whether every amount of a column is whole, so none shows `,00`.
fn whole<T>(rows: &[T], amount: impl Fn(&T) -> Decimal) -> bool {
    !rows.iter().any(|r| crate::format::has_kopecks(amount(r)))
}

/// An amount that can go either way: its sign shown, and toned as the gain
/// or loss it is.
fn signed(f: &Fmt<'_>, d: Decimal) -> Entry {
    signed_in(f, d, !crate::format::has_kopecks(d))
}

/// [`signed`] in a column whose amounts are all `whole` (else each shows kopecks).
fn signed_in(f: &Fmt<'_>, d: Decimal, whole: bool) -> Entry {
    Entry {
        text: f.money_in(d, Sign::Explicit, whole),
        tone: match d.cmp(&Decimal::ZERO) {
            Ordering::Greater => Tone::Gain,
            Ordering::Less => Tone::Loss,
            Ordering::Equal => Tone::Plain,
        },
    }
}

/// A row's label in the reader's language.
fn label(f: &Fmt<'_>, s: &'static str) -> Entry {
    Entry::from(f.lang.tr(s).to_string())
}

/// An ROI cell, a dash where it is undefined.
fn roi(f: &Fmt<'_>, r: Option<Decimal>) -> Entry {
    Entry::from(roi_cell(f, r))
}

/// A funnel row of counts: before, after, and the change with its relative size.
fn counts(f: &Fmt<'_>, name: &'static str, b: Decimal, a: Decimal) -> Vec<Entry> {
    let count = |d: Decimal, sign: Sign| f.count(d, sign);
    vec![
        label(f, name),
        count(b, Sign::Plain).into(),
        count(a, Sign::Plain).into(),
        change(f, b, a, count).into(),
    ]
}

/// A funnel row of rates: before, after, and the change in points, since a
/// relative change of a share reads as a share of a share.
fn rates(f: &Fmt<'_>, name: &'static str, b: Decimal, a: Decimal) -> Vec<Entry> {
    vec![
        label(f, name),
        f.percent(b, Sign::Plain).into(),
        f.percent(a, Sign::Plain).into(),
        a.checked_sub(b)
            .map_or("—".to_string(), |d| f.points(d, Sign::Explicit))
            .into(),
    ]
}

/// A funnel row of amounts: before, after, and the change with its relative size.
fn moneys(f: &Fmt<'_>, name: &'static str, b: Decimal, a: Decimal) -> Vec<Entry> {
    vec![
        label(f, name),
        cash(f, b),
        cash(f, a),
        change(f, b, a, |d, sign| f.money(d, sign)).into(),
    ]
}

/// The funnel per month, step by step, before and after the assistant.
fn funnel(report: &Report, f: &Fmt<'_>) -> Section {
    let l = f.lang;
    let i = &report.scenario.inputs;
    let p = &report.projection;
    let sum = &p.summary;
    let figures = |name: &'static str, get: fn(&FunnelFigures<Decimal>) -> Decimal| {
        counts(f, name, get(&p.baseline), get(&p.after))
    };
    let mut rows = vec![
        counts(f, "Leads", i.baseline.leads, i.after.leads),
        rates(f, "Conversion", i.baseline.conversion, i.after.conversion),
        figures("Bookings", |x| x.bookings),
        rates(
            f,
            "No-show rate",
            i.baseline.no_show_rate,
            i.after.no_show_rate,
        ),
        figures("No-shows", |x| x.no_shows),
        figures("Visits", |x| x.visits),
        moneys(
            f,
            "Average check",
            i.baseline.average_check,
            i.after.average_check,
        ),
        moneys(f, "Revenue", sum.baseline_revenue, sum.after_revenue),
    ];
    if i.tables.capacity.is_some() {
        // Bookings that come, beyond the visits served: what the cap turns away.
        let away = |x: &FunnelFigures<Decimal>| {
            x.bookings
                .checked_sub(x.no_shows)
                .and_then(|d| d.checked_sub(x.visits))
                .unwrap_or_default()
        };
        rows.insert(
            6,
            counts(f, "Turned away", away(&p.baseline), away(&p.after)),
        );
    }
    Section {
        title: l.tr("Funnel per month").into(),
        header: vec![
            String::new(),
            l.tr("Baseline").into(),
            l.tr("After").into(),
            l.tr("Change").into(),
        ],
        rows,
        right_from: 1,
    }
}

/// The summary: what a month brings at full effect and what the horizon
/// adds up to, with NPV only when it differs from net and the cap only when
/// there is one.
fn summary(report: &Report, f: &Fmt<'_>) -> Section {
    let l = f.lang;
    let i = &report.scenario.inputs;
    let sum = &report.projection.summary;
    let horizon = l.months(i.months);
    let not_within = l.fill("not within {}", &[&horizon]);
    // With no costs there is nothing to pay back: a dash, as the headline says why.
    let (payback, break_even) = if sum.total_cost.is_zero() {
        ("—".to_string(), "—".to_string())
    } else {
        (
            sum.payback_months
                .map_or(not_within.clone(), |m| months_text(f, m)),
            sum.break_even_month
                .map_or(not_within, |m| l.fill("month {}", &[&m])),
        )
    };
    let mut rows = vec![
        vec![
            label(f, "Monthly revenue uplift"),
            signed(f, sum.revenue_uplift),
        ],
        vec![
            label(f, "Extra profit per month"),
            cash(f, sum.extra_profit),
        ],
        vec![label(f, "Savings per month"), cash(f, sum.savings)],
        vec![
            label(f, "Monthly benefit at full effect"),
            cash(f, sum.monthly_benefit),
        ],
        vec![label(f, "First-month ROI"), roi(f, sum.first_month_roi)],
        vec![l.fill("ROI over {}", &[&horizon]).into(), roi(f, sum.roi)],
        vec![label(f, "Payback"), payback.into()],
        vec![label(f, "Break-even month"), break_even.into()],
        vec![label(f, "Total benefit"), cash(f, sum.total_benefit)],
        vec![label(f, "Total cost"), cash(f, sum.total_cost)],
        vec![label(f, "Net"), signed(f, sum.net)],
    ];
    if !i.discount_rate.is_zero() {
        let rate = f.percent(i.discount_rate, Sign::Plain);
        rows.push(vec![
            l.fill("NPV at {} a year", &[&rate]).into(),
            signed(f, sum.npv),
        ]);
    }
    if let Some(cap) = i.tables.capacity {
        rows.push(vec![
            label(f, "Capacity, visits a month"),
            f.count(cap, Sign::Plain).into(),
        ]);
        rows.push(vec![
            l.fill("Visits turned away over {}", &[&horizon]).into(),
            f.count(sum.turned_away, Sign::Plain).into(),
        ]);
    }
    if i.tables.repeat_visits.is_some() {
        rows.push(vec![
            l.fill("Repeat visits over {}", &[&horizon]).into(),
            f.count(sum.repeat_visits, Sign::Plain).into(),
        ]);
    }
    Section {
        title: l.tr("Summary").into(),
        header: Vec::new(),
        rows,
        right_from: 1,
    }
}

/// The projection month by month. Where the season, the cap or returning
/// clients make the months differ, their revenue, what is turned away and the
/// repeat visits get columns to show how.
fn monthly(report: &Report, f: &Fmt<'_>) -> Section {
    let l = f.lang;
    let i = &report.scenario.inputs;
    let seasonal = i.tables.seasons.is_some();
    let turning_away = report.projection.summary.turned_away > Decimal::ZERO;
    let returning = i.tables.repeat_visits.is_some();
    let mut header = vec!["Month"];
    if seasonal {
        header.extend(["Revenue before", "Revenue after"]);
    }
    if turning_away {
        header.push("Turned away");
    }
    if returning {
        header.push("Repeat visits");
    }
    header.extend(["Benefit", "Cost", "Net", "Cumulative net", "ROI to date"]);
    let months = &report.projection.monthly;
    let w = [
        whole(months, |m| m.revenue_baseline),
        whole(months, |m| m.revenue_after),
        whole(months, |m| m.benefit),
        whole(months, |m| m.cost),
        whole(months, |m| m.net),
        whole(months, |m| m.cumulative_net),
    ];
    Section {
        title: l.tr("Monthly projection").into(),
        header: header.into_iter().map(|h| l.tr(h).to_string()).collect(),
        rows: months
            .iter()
            .map(|m| {
                let mut row = vec![m.month.to_string().into()];
                if seasonal {
                    row.extend([
                        cash_in(f, m.revenue_baseline, w[0]),
                        cash_in(f, m.revenue_after, w[1]),
                    ]);
                }
                if turning_away {
                    row.push(f.count(m.turned_away, Sign::Plain).into());
                }
                if returning {
                    row.push(f.count(m.repeat_visits, Sign::Plain).into());
                }
                row.extend([
                    cash_in(f, m.benefit, w[2]),
                    cash_in(f, m.cost, w[3]),
                    signed_in(f, m.net, w[4]),
                    signed_in(f, m.cumulative_net, w[5]),
                    roi(f, m.roi),
                ]);
                row
            })
            .collect(),
        right_from: 0,
    }
}

/// The projection year by year.
fn annual(report: &Report, f: &Fmt<'_>) -> Section {
    let l = f.lang;
    Section {
        title: l.tr("Annual projection").into(),
        header: ["Year", "Months", "Benefit", "Cost", "Net", "ROI to date"]
            .map(|h| l.tr(h).to_string())
            .into(),
        rows: report
            .projection
            .annual
            .iter()
            .map(|y| {
                let years = &report.projection.annual;
                vec![
                    y.year.to_string().into(),
                    format!("{}–{}", y.first_month, y.last_month).into(),
                    cash_in(f, y.benefit, whole(years, |y| y.benefit)),
                    cash_in(f, y.cost, whole(years, |y| y.cost)),
                    signed_in(f, y.net, whole(years, |y| y.net)),
                    roi(f, y.roi),
                ]
            })
            .collect(),
        right_from: 0,
    }
}

/// The cost lines: `[costs]` first, then each `[[costs.item]]`, with when
/// each is paid and how its fee rises.
fn cost_lines(report: &Report, f: &Fmt<'_>) -> Section {
    let l = f.lang;
    let i = &report.scenario.inputs;
    let base = crate::forecast::engine::CostItem {
        tag: u32::MAX,
        setup: i.setup_cost,
        monthly: i.monthly_cost,
        from: 1,
        to: i.months,
        yearly_increase: Decimal::ZERO,
    };
    let rows = std::iter::once((l.tr("Assistant: setup and subscription").to_string(), &base))
        .chain(i.tables.items.iter().map(|item| {
            let name = crate::forecast::scenario::ItemId::from_tag(item.tag)
                .name()
                .to_string();
            (name, item)
        }))
        .map(|(name, item)| {
            vec![
                Entry::from(name),
                f.money(item.setup, Sign::Plain).into(),
                f.money(item.monthly, Sign::Plain).into(),
                if item.from == item.to {
                    item.from.to_string().into()
                } else {
                    format!("{}–{}", item.from, item.to).into()
                },
                f.percent(item.yearly_increase, Sign::Plain).into(),
            ]
        })
        .collect();
    Section {
        title: l.tr("Cost lines").into(),
        header: ["Line", "Setup", "Monthly", "Months", "Yearly increase"]
            .map(|h| l.tr(h).to_string())
            .into(),
        rows,
        right_from: 1,
    }
}

/// Renders every section for a terminal `width` columns wide: title,
/// answer, tables, assumptions.
pub fn render(report: &Report, f: &Fmt<'_>, colour: bool, width: usize) -> String {
    let l = f.lang;
    let horizon = l.months(report.scenario.inputs.months);
    let mut out = String::new();
    let _ = writeln!(out, "{}", wrap(&title(report, f), width, ""));
    let _ = writeln!(out, "{}\n", wrap(&headline(report, f, &horizon), width, ""));
    for section in sections(report, f) {
        let mut grid = Grid::new(section.header, section.right_from);
        grid.styled = colour;
        for row in section.rows {
            grid.rows.push(
                row.into_iter()
                    .map(|e| {
                        let cell = Cell::new(e.text);
                        match e.tone {
                            _ if !colour => cell,
                            Tone::Gain => cell.fg(Color::Green),
                            Tone::Loss => cell.fg(Color::Red),
                            Tone::Plain => cell,
                        }
                    })
                    .collect(),
            );
        }
        let _ = writeln!(out, "{}\n{}\n", section.title, grid.draw(width));
    }
    let _ = writeln!(out, "{}", l.tr("Assumptions"));
    for note in assumptions(report, f, Medium::Terminal) {
        let _ = writeln!(out, "{}", wrap(&format!("- {note}"), width, "  "));
    }
    out
}

/// The answer in one sentence: does it pay back, when, and by how much.
pub fn headline(report: &Report, f: &Fmt<'_>, horizon: &str) -> String {
    let l = f.lang;
    let sum = &report.projection.summary;
    if sum.total_cost.is_zero() {
        // A scenario `roi measure --scenario` wrote has no costs yet: nothing
        // is spent, so "pays for itself from the first day" would mislead.
        return l.fill(
            "Costs are not set yet (fill in [costs]), so payback and ROI are not worked out; net {}.",
            &[&f.money(sum.net, Sign::Explicit)],
        );
    }
    let payback = match sum.payback_months {
        Some(m) if m.is_zero() => l.tr("Pays for itself from the first day").to_string(),
        Some(m) => l.fill("Pays back in {}", &[&months_text(f, m)]),
        None => l.fill("Does not pay back within {}", &[&horizon]),
    };
    let net = f.money(sum.net, Sign::Explicit);
    match sum.roi {
        Some(roi) => l.fill(
            "{}; ROI over {} {}, net {}.",
            &[&payback, &horizon, &f.percent(roi, Sign::Plain), &net],
        ),
        None => l.fill("{}; net {} (no costs, so no ROI).", &[&payback, &net]),
    }
}

/// The assumptions that move the answer, in words; on a page, without
/// pointers to commands and keys.
pub fn assumptions(report: &Report, f: &Fmt<'_>, medium: Medium) -> Vec<String> {
    let l = f.lang;
    let i = &report.scenario.inputs;
    let mut notes = super::range_notes(&report.scenario.ranges, f, medium);
    let margin = f.percent(i.gross_margin, Sign::Plain);
    notes.push(match (i.gross_margin == Decimal::ONE, medium) {
        (true, Medium::Terminal) => l.fill(
            "Gross margin {}: all extra revenue is counted as profit, as the article does; set assumptions.gross_margin if materials and wages eat part of it.",
            &[&margin],
        ),
        (true, Medium::Page) => l.fill(
            "Gross margin {}: all extra revenue is counted as profit, as the article does; if materials and wages eat part of it, the profit is lower.",
            &[&margin],
        ),
        (false, _) => l.fill(
            "Gross margin {}: only that share of extra revenue is counted as profit.",
            &[&margin],
        ),
    });
    notes.push(match i.ramp_months {
        0 => l.tr("Full effect from month 1 (no ramp-up).").to_string(),
        1 => l.fill(
            "Ramp-up: month 1 reaches {} of the full effect.",
            &[&f.percent(Decimal::new(5, 1), Sign::Plain)],
        ),
        r => {
            let shares: Vec<String> = (1..=r)
                .map(|m| f.percent(Decimal::from(m) / Decimal::from(r + 1), Sign::Plain))
                .collect();
            l.fill(
                "Ramp-up: months 1–{} reach {} of the full effect.",
                &[&r, &shares.join(", ")],
            )
        }
    });
    notes.push(l.fill(
        "Setup {} is paid in month 1; the subscription, {}, every month.",
        &[
            &f.money(i.setup_cost, Sign::Plain),
            &f.money(i.monthly_cost, Sign::Plain),
        ],
    ));
    notes.extend(table_notes(report, f));
    notes.push(if i.discount_rate.is_zero() {
        l.tr("No discounting: NPV equals net.").to_string()
    } else {
        l.fill(
            "NPV discounts each month's cash flow at {} a year ({} a month).",
            &[
                &f.percent(i.discount_rate, Sign::Plain),
                &f.percent(i.discount_rate / Decimal::from(12), Sign::Plain),
            ],
        )
    });
    notes.push(
        l.tr("Payback counts the setup as paid on day one and each month's net flow as arriving evenly.")
            .to_string(),
    );
    notes.push(
        l.tr("Figures are exact; money is rounded to kopecks (half away from zero) only for display.")
            .to_string(),
    );
    notes
}

/// The notes model v2's tables add: what the cap, the season, the cost lines
/// and returning clients do.
fn table_notes(report: &Report, f: &Fmt<'_>) -> Vec<String> {
    let l = f.lang;
    let i = &report.scenario.inputs;
    let mut notes = Vec::new();
    if let Some(cap) = i.tables.capacity {
        notes.push(l.fill(
            "Capacity {} visits a month: demand above it is turned away, before and after the assistant alike; the summary's monthly figures are for an average month.",
            &[&f.count(cap, Sign::Plain)],
        ));
    }
    if let Some(seasons) = &i.tables.seasons {
        let factors: Vec<String> = seasons.factors.iter().map(|d| f.number(*d, 2)).collect();
        let month = MONTH_NAMES
            .get((seasons.start_month as usize).wrapping_sub(1))
            .map_or("", |m| l.tr(m));
        notes.push(l.fill(
            "Seasons: month 1 is {}; leads are multiplied by the month's factor (January to December: {}).",
            &[&month, &factors.join("; ")],
        ));
    }
    if let Some(curve) = &i.tables.repeat_visits {
        notes.push(retention_note(curve, i.tables.capacity.is_some(), f));
    }
    // Break-even is the first month the cumulative net reaches zero; payback
    // the last time cash turns up for good. A low season or a later setup
    // between them would read as a contradiction without a word.
    let s = &report.projection.summary;
    if let (Some(month), Some(payback)) = (s.break_even_month, s.payback_months)
        && payback > rust_decimal::Decimal::from(month)
    {
        notes.push(l.fill(
            "Cash first reached zero in month {}, then fell below it again (a low season or a later setup); payback counts from the last time it turned up for good: {}.",
            &[&month, &l.months(f.number(payback, 2))],
        ));
    }
    if !i.tables.items.is_empty() {
        notes.push(
            l.tr("Each cost line's setup is paid at the start of its first month, and its fee rises by its yearly increase every 12 months from then; payback is the time after which cash stays at or above zero to the horizon.")
                .to_string(),
        );
    }
    notes
}

/// What `[retention]` does: each month's figure per new client, and where
/// repeat visits stand against the cap.
fn retention_note(curve: &[Decimal], capped: bool, f: &Fmt<'_>) -> String {
    let l = f.lang;
    let months: Vec<String> = curve.iter().map(|r| f.count(*r, Sign::Plain)).collect();
    let mut note = l.fill(
        "Repeat visits per new client (a visit the assistant adds over the baseline) in the 1st, 2nd, … month after her first visit: {}; they are at the after check, counted with the gross margin, and left out of the summary's monthly figures.",
        &[&months.join("; ")],
    );
    if capped {
        note.push(' ');
        note.push_str(l.tr("With the capacity, a month's own visits are served first and repeat visits take the room left; the rest are turned away."));
    }
    note
}

/// Calendar months, for the season's note.
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
