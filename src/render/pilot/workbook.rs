//! `roi pilot -o pilot.xlsx`: the changes as numbers, the decision, and the
//! plan's months on a sheet of their own.

use super::{PLAN_HEADER, channel_label, metric_label, reason_lines, verdict_word};
use crate::evidence::pilot::{Metric, Pilot};
use crate::format::Fmt;
use crate::render::xlsx::{Book, Value as Cell};
use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive;

/// `--format xlsx`: the changes as numbers (a row per metric and channel),
/// the decision, and the plan's months.
pub fn xlsx(p: &Pilot, f: &Fmt<'_>) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let l = f.lang;
    let mut book = Book::new(l, f.currency);
    let mut sheet = book.sheet(l.tr("Pilot"))?;
    let (headline, lines) = reason_lines(p, f);
    sheet.title(&headline)?;
    for line in lines {
        sheet.note(&line)?;
    }
    sheet.blank();
    let header: Vec<&str> = [
        "Metric",
        "Channel",
        "Baseline period",
        "Pilot",
        "Change",
        "Low (95%)",
        "High (95%)",
        "p-value",
        "Verdict",
    ]
    .iter()
    .map(|h| l.tr(h))
    .collect();
    sheet.header(&header, 2)?;
    let dec = |x: Option<f64>| x.filter(|v| v.is_finite()).and_then(Decimal::from_f64);
    for c in &p.metrics {
        // Leads, the check and revenue change by a share; the two rates by points.
        let change = |x: Option<f64>| match (dec(x), c.metric) {
            (None, _) => Cell::Empty,
            (Some(d), Metric::Conversion | Metric::NoShowRate) => Cell::Points(d),
            (Some(d), _) => Cell::Change(d),
        };
        let level = match c.metric {
            Metric::Leads | Metric::Bookings | Metric::Visits => |d: Decimal| Cell::Count(d),
            Metric::Conversion | Metric::NoShowRate => |d: Decimal| Cell::Ratio(d),
            Metric::AverageCheck | Metric::Revenue => |d: Decimal| Cell::Money(d),
        };
        sheet.row(&[
            Cell::text(l.tr(metric_label(c.metric))),
            Cell::text(l.tr(channel_label(c.channel))),
            dec(c.baseline).map_or(Cell::Empty, level),
            dec(c.pilot).map_or(Cell::Empty, level),
            change(c.change),
            change(c.low),
            change(c.high),
            // Below 0.001 as text: a rounded 0 would read as certainty.
            match c.p_value {
                Some(p) if p < 0.001 => Cell::text(super::p_text(f, Some(p), 3)),
                p => dec(p).map_or(Cell::Empty, Cell::PValue),
            },
            Cell::text(match c.why {
                Some(w) if c.change.is_none() => l.tr(w.text()),
                _ => l.tr(verdict_word(c)),
            }),
        ])?;
    }
    // What the range's ends and the p-value mean, under the table that has them.
    sheet.blank();
    sheet.note(l.tr(super::RANGE_NOTE))?;
    sheet.note(l.tr(super::P_VALUE_NOTE))?;
    book.add(sheet)?;
    if let Some(plan) = &p.plan {
        plan_sheet(&mut book, plan, f)?;
    }
    book.bytes()
}

/// The plan's months, planned and actual, on a sheet of their own.
fn plan_sheet(
    book: &mut Book,
    plan: &crate::evidence::pilot::PlanReport,
    f: &Fmt<'_>,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    let l = f.lang;
    let mut sheet = book.sheet(l.tr("Plan"))?;
    let header: Vec<&str> = PLAN_HEADER.iter().map(|h| l.tr(h)).collect();
    sheet.header(&header, 1)?;
    for m in &plan.months {
        sheet.row(&[
            Cell::text(m.month.to_string()),
            Cell::Count(m.planned[0]),
            m.actual[0].map_or(Cell::Empty, Cell::Count),
            Cell::Money(m.planned[4]),
            m.actual[4].map_or(Cell::Empty, Cell::Money),
            Cell::ratio(m.planned_to_date.roi),
            Cell::ratio(m.actual_to_date.and_then(|t| t.roi)),
        ])?;
    }
    book.add(sheet)
}
