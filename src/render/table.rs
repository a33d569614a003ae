//! The default output: tables a salon owner reads at a glance, with the assumptions that move the answer.

use super::{draw, table};
use crate::engine::FunnelFigures;
use crate::format::{Fmt, Sign};
use crate::report::Report;
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

/// Renders every section: funnel, summary, monthly and annual projections, assumptions.
pub fn render(report: &Report, f: &Fmt<'_>, colour: bool) -> String {
    let l = f.lang;
    let s = &report.scenario;
    let i = &s.inputs;
    let p = &report.projection;
    let sum = &p.summary;
    let cur = s.currency.as_str();
    let cash = |d: Decimal| f.money(d, Sign::Plain);
    // Gains green, losses red, when the reader's terminal shows colour.
    let signed = |d: Decimal| {
        let cell = Cell::new(f.money(d, Sign::Explicit));
        match d.cmp(&Decimal::ZERO) {
            _ if !colour => cell,
            Ordering::Greater => cell.fg(Color::Green),
            Ordering::Less => cell.fg(Color::Red),
            Ordering::Equal => cell,
        }
    };
    let horizon = l.months(i.months);
    let mut out = String::new();

    let _ = writeln!(
        out,
        "{}",
        l.fill("{} — {}-month projection, {}", &[&s.name, &i.months, &cur])
    );
    let _ = writeln!(out, "{}\n", headline(report, f, &horizon));

    let _ = writeln!(out, "{}", l.tr("Funnel per month"));
    let mut funnel = table(&["", l.tr("Baseline"), l.tr("After"), l.tr("Change")]);
    let count = |d: Decimal, sign: Sign| f.count(d, sign);
    let counts = |label: &str, b: Decimal, a: Decimal| {
        vec![
            l.tr_dyn(label),
            count(b, Sign::Plain),
            count(a, Sign::Plain),
            change(f, b, a, count),
        ]
    };
    let rates = |label: &str, b: Decimal, a: Decimal| {
        vec![
            l.tr_dyn(label),
            f.percent(b, Sign::Plain),
            f.percent(a, Sign::Plain),
            a.checked_sub(b)
                .map_or("—".into(), |d| f.points(d, Sign::Explicit)),
        ]
    };
    let money_change = |b: Decimal, a: Decimal| change(f, b, a, |d, sign| f.money(d, sign));
    let figures = |label: &str, get: fn(&FunnelFigures<Decimal>) -> Decimal| {
        counts(label, get(&p.baseline), get(&p.after))
    };
    funnel.add_row(counts("Leads", i.baseline.leads, i.after.leads));
    funnel.add_row(rates(
        "Conversion",
        i.baseline.conversion,
        i.after.conversion,
    ));
    funnel.add_row(figures("Bookings", |x| x.bookings));
    funnel.add_row(rates(
        "No-show rate",
        i.baseline.no_show_rate,
        i.after.no_show_rate,
    ));
    funnel.add_row(figures("No-shows", |x| x.no_shows));
    funnel.add_row(figures("Visits", |x| x.visits));
    funnel.add_row(vec![
        l.tr("Average check").to_string(),
        cash(i.baseline.average_check),
        cash(i.after.average_check),
        money_change(i.baseline.average_check, i.after.average_check),
    ]);
    funnel.add_row(vec![
        l.tr("Revenue").to_string(),
        cash(sum.baseline_revenue),
        cash(sum.after_revenue),
        money_change(sum.baseline_revenue, sum.after_revenue),
    ]);
    let _ = writeln!(out, "{}\n", draw(funnel, 1));

    let _ = writeln!(out, "{}", l.tr("Summary"));
    let mut summary = table(&["", ""]);
    if colour {
        summary.enforce_styling();
    }
    let not_within = l.fill("not within {}", &[&horizon]);
    let mut line = |label: String, value: Cell| {
        summary.add_row(vec![Cell::new(label), value]);
    };
    line(
        l.tr("Monthly revenue uplift").into(),
        signed(sum.revenue_uplift),
    );
    line(
        l.tr("Extra profit per month").into(),
        cash(sum.extra_profit).into(),
    );
    line(l.tr("Savings per month").into(), cash(sum.savings).into());
    line(
        l.tr("Monthly benefit at full effect").into(),
        cash(sum.monthly_benefit).into(),
    );
    line(
        l.tr("First-month ROI").into(),
        roi_cell(f, sum.first_month_roi).into(),
    );
    line(
        l.fill("ROI over {}", &[&horizon]),
        roi_cell(f, sum.roi).into(),
    );
    let payback = sum
        .payback_months
        .map_or(not_within.clone(), |m| l.months(f.number(m, 2)));
    line(l.tr("Payback").into(), payback.into());
    let break_even = sum
        .break_even_month
        .map_or(not_within, |m| l.fill("month {}", &[&m]));
    line(l.tr("Break-even month").into(), break_even.into());
    line(l.tr("Total benefit").into(), cash(sum.total_benefit).into());
    line(l.tr("Total cost").into(), cash(sum.total_cost).into());
    line(l.tr("Net").into(), signed(sum.net));
    if !i.discount_rate.is_zero() {
        let rate = f.percent(i.discount_rate, Sign::Plain);
        line(l.fill("NPV at {} a year", &[&rate]), signed(sum.npv));
    }
    let _ = writeln!(out, "{}\n", draw(summary, 1));

    let _ = writeln!(out, "{}", l.tr("Monthly projection"));
    let mut monthly = table(&[
        l.tr("Month"),
        l.tr("Benefit"),
        l.tr("Cost"),
        l.tr("Net"),
        l.tr("Cumulative net"),
        l.tr("ROI to date"),
    ]);
    if colour {
        monthly.enforce_styling();
    }
    for m in &p.monthly {
        monthly.add_row(vec![
            Cell::new(m.month),
            Cell::new(cash(m.benefit)),
            Cell::new(cash(m.cost)),
            signed(m.net),
            signed(m.cumulative_net),
            Cell::new(roi_cell(f, m.roi)),
        ]);
    }
    let _ = writeln!(out, "{}\n", draw(monthly, 0));

    let _ = writeln!(out, "{}", l.tr("Annual projection"));
    let mut annual = table(&[
        l.tr("Year"),
        l.tr("Months"),
        l.tr("Benefit"),
        l.tr("Cost"),
        l.tr("Net"),
        l.tr("ROI to date"),
    ]);
    if colour {
        annual.enforce_styling();
    }
    for y in &p.annual {
        annual.add_row(vec![
            Cell::new(y.year),
            Cell::new(format!("{}–{}", y.first_month, y.last_month)),
            Cell::new(cash(y.benefit)),
            Cell::new(cash(y.cost)),
            signed(y.net),
            Cell::new(roi_cell(f, y.roi)),
        ]);
    }
    let _ = writeln!(out, "{}\n", draw(annual, 0));

    let _ = writeln!(out, "{}", l.tr("Assumptions"));
    for note in assumptions(report, f) {
        let _ = writeln!(out, "- {note}");
    }
    out
}

/// The answer in one sentence: does it pay back, when, and by how much.
pub fn headline(report: &Report, f: &Fmt<'_>, horizon: &str) -> String {
    let l = f.lang;
    let sum = &report.projection.summary;
    let payback = match sum.payback_months {
        Some(m) if m.is_zero() => l.tr("Pays for itself from the first day").to_string(),
        Some(m) => l.fill("Pays back in {}", &[&l.months(f.number(m, 2))]),
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

/// The assumptions that move the answer, in words.
pub fn assumptions(report: &Report, f: &Fmt<'_>) -> Vec<String> {
    let l = f.lang;
    let i = &report.scenario.inputs;
    let mut notes = super::range_notes(&report.scenario.ranges, l);
    notes.push(if i.gross_margin == Decimal::ONE {
        l.tr("Gross margin 100%: all extra revenue is counted as profit, as the article does; set assumptions.gross_margin if materials and wages eat part of it.")
            .to_string()
    } else {
        l.fill(
            "Gross margin {}: only that share of extra revenue is counted as profit.",
            &[&f.percent(i.gross_margin, Sign::Plain)],
        )
    });
    notes.push(if i.ramp_months == 0 {
        l.tr("Full effect from month 1 (no ramp-up).").to_string()
    } else {
        let shares: Vec<String> = (1..=i.ramp_months)
            .map(|m| {
                f.percent(
                    Decimal::from(m) / Decimal::from(i.ramp_months + 1),
                    Sign::Plain,
                )
            })
            .collect();
        l.fill(
            "Ramp-up: months 1–{} reach {} of the full effect.",
            &[&i.ramp_months, &shares.join(", ")],
        )
    });
    notes.push(l.fill(
        "Setup {} is paid in month 1; {} is paid every month.",
        &[
            &f.money(i.setup_cost, Sign::Plain),
            &f.money(i.monthly_cost, Sign::Plain),
        ],
    ));
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
