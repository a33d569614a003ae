//! The default output: tables a salon owner reads at a glance, with the assumptions that move the answer.

use crate::engine::FunnelFigures;
use crate::format::{self, Sign, count, money, percent, points};
use crate::report::Report;
use comfy_table::{CellAlignment, ContentArrangement, Table, presets};
use rust_decimal::Decimal;
use std::fmt::Write;

/// A table in the house style: fixed layout, so piped output is deterministic.
fn table(header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .force_no_tty();
    if header.iter().any(|h| !h.is_empty()) {
        t.set_header(header.to_vec());
    }
    t
}

/// Draws a filled table with figures right-aligned from column `right_from` on.
fn draw(mut t: Table, right_from: usize) -> String {
    for column in t.column_iter_mut().skip(right_from) {
        column.set_cell_alignment(CellAlignment::Right);
    }
    t.to_string()
}

/// The change between two figures with its relative size: `+60 (+30.0%)`.
fn change(before: Decimal, after: Decimal, show: impl Fn(Decimal, Sign) -> String) -> String {
    let diff = after - before;
    if diff.is_zero() {
        return show(diff, Sign::Plain);
    }
    match diff.checked_div(before) {
        Some(relative) if !before.is_zero() => {
            format!(
                "{} ({})",
                show(diff, Sign::Explicit),
                percent(relative, Sign::Explicit)
            )
        }
        _ => show(diff, Sign::Explicit),
    }
}

/// `ROI` or a dash when it is undefined (nothing spent).
fn roi_cell(roi: Option<Decimal>) -> String {
    roi.map_or_else(|| "—".to_string(), |r| percent(r, Sign::Plain))
}

/// Renders every section: funnel, summary, monthly and annual projections, assumptions.
pub fn render(report: &Report) -> String {
    let s = &report.scenario;
    let i = &s.inputs;
    let p = &report.projection;
    let sum = &p.summary;
    let cur = s.currency.as_str();
    let cash = |d: Decimal| money(d, cur, Sign::Plain);
    let horizon = format!("{} month{}", i.months, if i.months == 1 { "" } else { "s" });
    let mut out = String::new();

    let _ = writeln!(out, "{} — {}-month projection, {cur}", s.name, i.months);
    let _ = writeln!(out, "{}\n", headline(report, &horizon));

    out.push_str("Funnel per month\n");
    let mut funnel = table(&["", "Baseline", "After", "Change"]);
    let counts = |label: &str, b: Decimal, a: Decimal| {
        vec![
            label.to_string(),
            count(b, Sign::Plain),
            count(a, Sign::Plain),
            change(b, a, count),
        ]
    };
    funnel.add_row(counts("Leads", i.baseline.leads, i.after.leads));
    funnel.add_row(vec![
        "Conversion".to_string(),
        percent(i.baseline.conversion, Sign::Plain),
        percent(i.after.conversion, Sign::Plain),
        points(i.after.conversion - i.baseline.conversion),
    ]);
    let figures = |label: &str, f: fn(&FunnelFigures<Decimal>) -> Decimal| {
        counts(label, f(&p.baseline), f(&p.after))
    };
    funnel.add_row(figures("Bookings", |f| f.bookings));
    funnel.add_row(vec![
        "No-show rate".to_string(),
        percent(i.baseline.no_show_rate, Sign::Plain),
        percent(i.after.no_show_rate, Sign::Plain),
        points(i.after.no_show_rate - i.baseline.no_show_rate),
    ]);
    funnel.add_row(figures("No-shows", |f| f.no_shows));
    funnel.add_row(figures("Visits", |f| f.visits));
    let money_change = |b: Decimal, a: Decimal| change(b, a, |d, sign| money(d, cur, sign));
    funnel.add_row(vec![
        "Average check".to_string(),
        cash(i.baseline.average_check),
        cash(i.after.average_check),
        money_change(i.baseline.average_check, i.after.average_check),
    ]);
    funnel.add_row(vec![
        "Revenue".to_string(),
        cash(sum.baseline_revenue),
        cash(sum.after_revenue),
        money_change(sum.baseline_revenue, sum.after_revenue),
    ]);
    let _ = writeln!(out, "{}\n", draw(funnel, 1));

    out.push_str("Summary\n");
    let mut summary = table(&["", ""]);
    let not_within = format!("not within {horizon}");
    let mut line = |label: &str, value: String| {
        summary.add_row(vec![label.to_string(), value]);
    };
    line(
        "Monthly revenue uplift",
        money(sum.revenue_uplift, cur, Sign::Explicit),
    );
    line("Extra profit per month", cash(sum.extra_profit));
    line("Savings per month", cash(sum.savings));
    line("Monthly benefit at full effect", cash(sum.monthly_benefit));
    line("First-month ROI", roi_cell(sum.first_month_roi));
    line(&format!("ROI over {horizon}"), roi_cell(sum.roi));
    line(
        "Payback",
        sum.payback_months.map_or(not_within.clone(), |m| {
            format!("{} months", format::round(m, 2))
        }),
    );
    line(
        "Break-even month",
        sum.break_even_month
            .map_or(not_within, |m| format!("month {m}")),
    );
    line("Total benefit", cash(sum.total_benefit));
    line("Total cost", cash(sum.total_cost));
    line("Net", money(sum.net, cur, Sign::Explicit));
    if !i.discount_rate.is_zero() {
        line(
            &format!("NPV at {} a year", percent(i.discount_rate, Sign::Plain)),
            money(sum.npv, cur, Sign::Explicit),
        );
    }
    let _ = writeln!(out, "{}\n", draw(summary, 1));

    out.push_str("Monthly projection\n");
    let mut monthly = table(&[
        "Month",
        "Benefit",
        "Cost",
        "Net",
        "Cumulative net",
        "ROI to date",
    ]);
    for m in &p.monthly {
        monthly.add_row(vec![
            m.month.to_string(),
            cash(m.benefit),
            cash(m.cost),
            money(m.net, cur, Sign::Explicit),
            money(m.cumulative_net, cur, Sign::Explicit),
            roi_cell(m.roi),
        ]);
    }
    let _ = writeln!(out, "{}\n", draw(monthly, 0));

    out.push_str("Annual projection\n");
    let mut annual = table(&["Year", "Months", "Benefit", "Cost", "Net", "ROI to date"]);
    for y in &p.annual {
        annual.add_row(vec![
            y.year.to_string(),
            format!("{}–{}", y.first_month, y.last_month),
            cash(y.benefit),
            cash(y.cost),
            money(y.net, cur, Sign::Explicit),
            roi_cell(y.roi),
        ]);
    }
    let _ = writeln!(out, "{}\n", draw(annual, 0));

    out.push_str("Assumptions\n");
    for note in assumptions(report) {
        let _ = writeln!(out, "- {note}");
    }
    out
}

/// The answer in one sentence: does it pay back, when, and by how much.
fn headline(report: &Report, horizon: &str) -> String {
    let sum = &report.projection.summary;
    let roi = sum
        .roi
        .map(|r| format!("ROI over {horizon} {}", percent(r, Sign::Plain)));
    let payback = match sum.payback_months {
        Some(m) if m.is_zero() => "Pays for itself from the first day".to_string(),
        Some(m) => format!("Pays back in {} months", format::round(m, 2)),
        None => format!("Does not pay back within {horizon}"),
    };
    let net = money(sum.net, &report.scenario.currency, Sign::Explicit);
    match roi {
        Some(roi) => format!("{payback}; {roi}, net {net}."),
        None => format!("{payback}; net {net} (no costs, so no ROI)."),
    }
}

/// The assumptions that move the answer, in words.
fn assumptions(report: &Report) -> Vec<String> {
    let i = &report.scenario.inputs;
    let cur = report.scenario.currency.as_str();
    let mut notes = super::range_notes(&report.scenario.ranges);
    notes.push(if i.gross_margin == Decimal::ONE {
        "Gross margin 100%: all extra revenue is counted as profit, as the article does; \
         set assumptions.gross_margin if materials and wages eat part of it."
            .to_string()
    } else {
        format!(
            "Gross margin {}: only that share of extra revenue is counted as profit.",
            percent(i.gross_margin, Sign::Plain)
        )
    });
    notes.push(if i.ramp_months == 0 {
        "Full effect from month 1 (no ramp-up).".to_string()
    } else {
        let shares: Vec<String> = (1..=i.ramp_months)
            .map(|m| {
                percent(
                    Decimal::from(m) / Decimal::from(i.ramp_months + 1),
                    Sign::Plain,
                )
            })
            .collect();
        format!(
            "Ramp-up: months 1–{} reach {} of the full effect.",
            i.ramp_months,
            shares.join(", ")
        )
    });
    notes.push(format!(
        "Setup {} is paid in month 1; {} is paid every month.",
        money(i.setup_cost, cur, Sign::Plain),
        money(i.monthly_cost, cur, Sign::Plain)
    ));
    notes.push(if i.discount_rate.is_zero() {
        "No discounting: NPV equals net.".to_string()
    } else {
        format!(
            "NPV discounts each month's cash flow at {} a year ({} a month).",
            percent(i.discount_rate, Sign::Plain),
            percent(i.discount_rate / Decimal::from(12), Sign::Plain)
        )
    });
    notes.push(
        "Payback counts the setup as paid on day one and each month's net flow as arriving evenly."
            .to_string(),
    );
    notes.push(
        "Figures are exact; money is rounded to kopecks (half away from zero) only for display."
            .to_string(),
    );
    notes
}
