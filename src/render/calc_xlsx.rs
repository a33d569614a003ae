//! `roi calc --format xlsx`: the projection as a workbook an owner opens in
//! Excel or LibreOffice: the summary with a chart of cumulative net cash, the
//! monthly and annual projection, the funnel and the assumptions, one sheet each.

use super::xlsx::{Book, Sheet, Value};
use crate::forecast::engine::Summary;
use crate::forecast::report::Report;
use crate::forecast::scenario::{ItemField, Key};
use crate::format::Fmt;
use crate::i18n::Lang;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Chart, ChartType, XlsxError};

/// The headline figures of a summary, labelled, in the order people read
/// them: shared by every workbook that shows a scenario's results.
pub fn summary_values(s: &Summary<Decimal>) -> Vec<(&'static str, Value)> {
    // No costs, nothing to pay back: the cells stay empty, as the table's dashes.
    let priced = !s.total_cost.is_zero();
    vec![
        (
            "Revenue before, per month",
            Value::Money(s.baseline_revenue),
        ),
        ("Revenue after, per month", Value::Money(s.after_revenue)),
        ("Monthly revenue uplift", Value::Money(s.revenue_uplift)),
        ("Extra profit per month", Value::Money(s.extra_profit)),
        ("Savings per month", Value::Money(s.savings)),
        (
            "Monthly benefit at full effect",
            Value::Money(s.monthly_benefit),
        ),
        ("First-month ROI", Value::ratio(s.first_month_roi)),
        ("ROI over the horizon", Value::ratio(s.roi)),
        (
            "Payback, months",
            Value::months(s.payback_months.filter(|_| priced)),
        ),
        (
            "Break-even month",
            s.break_even_month
                .filter(|_| priced)
                .map_or(Value::Empty, |m| Value::Whole(m.into())),
        ),
        ("Total benefit", Value::Money(s.total_benefit)),
        ("Total cost", Value::Money(s.total_cost)),
        ("Net", Value::Money(s.net)),
        ("NPV", Value::Money(s.npv)),
    ]
}

/// The workbook's bytes.
pub fn render(report: &Report, f: &Fmt<'_>) -> Result<Vec<u8>, XlsxError> {
    let l = f.lang;
    let mut book = Book::new(l, &report.scenario.currency);
    let monthly_name = super::xlsx::sheet_name(l.tr("Monthly projection"));
    let summary = summary_sheet(&book, report, f, &monthly_name)?;
    book.add(summary)?;
    book.add(monthly_sheet(&book, report, l)?)?;
    book.add(annual_sheet(&book, report, l)?)?;
    book.add(funnel_sheet(&book, report, l)?)?;
    book.add(assumptions_sheet(&book, report, f)?)?;
    book.bytes()
}

fn summary_sheet(
    book: &Book,
    report: &Report,
    f: &Fmt<'_>,
    monthly: &str,
) -> Result<Sheet, XlsxError> {
    let l = f.lang;
    let horizon = l.months(report.scenario.inputs.months);
    let mut sheet = book.sheet(l.tr("Summary"))?;
    sheet.title(&super::table::title(report, f))?;
    sheet.note(&super::table::headline(report, f, &horizon))?;
    sheet.blank();
    sheet.header(&[l.tr("Figure"), l.tr("Value")], 0)?;
    let no_discount = report.scenario.inputs.discount_rate.is_zero();
    for (label, value) in summary_values(&report.projection.summary) {
        // NPV equals net without discounting, as calc's table says.
        if label == "NPV" && no_discount {
            continue;
        }
        sheet.row(&[Value::text(l.tr(label)), value])?;
    }
    if report.scenario.inputs.tables.capacity.is_some() {
        let away = report.projection.summary.turned_away;
        sheet.row(&[
            Value::text(l.tr("Visits turned away over the horizon")),
            Value::Count(away),
        ])?;
    }
    if report.scenario.inputs.tables.repeat_visits.is_some() {
        sheet.row(&[
            Value::text(l.tr("Repeat visits over the horizon")),
            Value::Count(report.projection.summary.repeat_visits),
        ])?;
    }
    // A native chart of the monthly sheet's cumulative net, beside the figures.
    let months = report.projection.monthly.len() as u32;
    let mut chart = Chart::new(ChartType::Line);
    chart
        .add_series()
        .set_name(l.tr("Cumulative net"))
        .set_categories((monthly, 1, 0, months, 0))
        .set_values((monthly, 1, CUMULATIVE_NET, months, CUMULATIVE_NET));
    chart.title().set_name(l.tr("Cumulative net cash flow"));
    chart.x_axis().set_name(l.tr("Month"));
    chart.y_axis().set_num_format("#,##0");
    chart.legend().set_hidden();
    chart.set_width(640).set_height(360);
    sheet.worksheet().insert_chart(3, 3, &chart)?;
    Ok(sheet)
}

/// Column of the monthly sheet holding the cumulative net, which the chart draws.
const CUMULATIVE_NET: u16 = 7;

fn monthly_sheet(book: &Book, report: &Report, l: Lang) -> Result<Sheet, XlsxError> {
    let mut sheet = book.sheet(l.tr("Monthly projection"))?;
    // Model v2's columns go last, so the chart's column stays where it is;
    // repeat visits after them, as in the CSV.
    let tables = &report.scenario.inputs.tables;
    let (v2, retention) = (tables.is_v2(), tables.repeat_visits.is_some());
    let mut header = vec![
        "Month",
        "Share of the full effect",
        "Benefit",
        "Cost",
        "Net",
        "Cumulative benefit",
        "Cumulative cost",
        "Cumulative net",
        "ROI to date",
    ];
    if v2 {
        header.extend(["Revenue before", "Revenue after", "Turned away"]);
    }
    if retention {
        header.push("Repeat visits");
    }
    let header: Vec<&str> = header.into_iter().map(|h| l.tr(h)).collect();
    sheet.header(&header, 1)?;
    for m in &report.projection.monthly {
        let mut row = vec![
            Value::Whole(m.month.into()),
            Value::Ratio(m.share),
            Value::Money(m.benefit),
            Value::Money(m.cost),
            Value::Money(m.net),
            Value::Money(m.cumulative_benefit),
            Value::Money(m.cumulative_cost),
            Value::Money(m.cumulative_net),
            Value::ratio(m.roi),
        ];
        if v2 {
            row.extend([
                Value::Money(m.revenue_baseline),
                Value::Money(m.revenue_after),
                Value::Count(m.turned_away),
            ]);
        }
        if retention {
            row.push(Value::Count(m.repeat_visits));
        }
        sheet.row(&row)?;
    }
    Ok(sheet)
}

fn annual_sheet(book: &Book, report: &Report, l: Lang) -> Result<Sheet, XlsxError> {
    let mut sheet = book.sheet(l.tr("Annual projection"))?;
    let header = [
        "Year",
        "First month",
        "Last month",
        "Benefit",
        "Cost",
        "Net",
        "ROI to date",
    ]
    .map(|h| l.tr(h));
    sheet.header(&header, 1)?;
    for y in &report.projection.annual {
        sheet.row(&[
            Value::Whole(y.year.into()),
            Value::Whole(y.first_month.into()),
            Value::Whole(y.last_month.into()),
            Value::Money(y.benefit),
            Value::Money(y.cost),
            Value::Money(y.net),
            Value::ratio(y.roi),
        ])?;
    }
    Ok(sheet)
}

fn funnel_sheet(book: &Book, report: &Report, l: Lang) -> Result<Sheet, XlsxError> {
    let i = &report.scenario.inputs;
    let p = &report.projection;
    let mut sheet = book.sheet(l.tr("Funnel per month"))?;
    sheet.header(&["", l.tr("Baseline"), l.tr("After"), l.tr("Change")], 1)?;
    let change = |b: Decimal, a: Decimal| match a.checked_sub(b) {
        Some(d) if !b.is_zero() => d.checked_div(b).map_or(Value::Empty, Value::Change),
        _ => Value::Empty,
    };
    let counts = |label, b: Decimal, a: Decimal| {
        [
            Value::text(l.tr(label)),
            Value::Count(b),
            Value::Count(a),
            change(b, a),
        ]
    };
    let rates = |label, b: Decimal, a: Decimal| {
        [
            Value::text(l.tr(label)),
            Value::Ratio(b),
            Value::Ratio(a),
            a.checked_sub(b).map_or(Value::Empty, Value::Points),
        ]
    };
    let moneys = |label, b: Decimal, a: Decimal| {
        [
            Value::text(l.tr(label)),
            Value::Money(b),
            Value::Money(a),
            change(b, a),
        ]
    };
    for row in [
        counts("Leads", i.baseline.leads, i.after.leads),
        rates("Conversion", i.baseline.conversion, i.after.conversion),
        counts("Bookings", p.baseline.bookings, p.after.bookings),
        rates(
            "No-show rate",
            i.baseline.no_show_rate,
            i.after.no_show_rate,
        ),
        counts("No-shows", p.baseline.no_shows, p.after.no_shows),
        counts("Visits", p.baseline.visits, p.after.visits),
        moneys(
            "Average check",
            i.baseline.average_check,
            i.after.average_check,
        ),
        moneys("Revenue", p.baseline.revenue, p.after.revenue),
    ] {
        sheet.row(&row)?;
    }
    Ok(sheet)
}

fn assumptions_sheet(book: &Book, report: &Report, f: &Fmt<'_>) -> Result<Sheet, XlsxError> {
    let l = f.lang;
    let i = &report.scenario.inputs;
    let mut sheet = book.sheet(l.tr("Assumptions"))?;
    sheet.header(&[l.tr("Input"), l.tr("Value")], 1)?;
    for key in Key::ALL
        .into_iter()
        .chain(crate::forecast::scenario::table_keys(&i.tables))
    {
        let value = match key {
            Key::Months => Value::Whole(i.months.into()),
            Key::RampMonths => Value::Whole(i.ramp_months.into()),
            Key::Item(id, field @ (ItemField::From | ItemField::To)) => {
                let Some(item) = i.tables.items.iter().find(|x| x.tag == id.tag()) else {
                    continue;
                };
                let month = if field == ItemField::From {
                    item.from
                } else {
                    item.to
                };
                Value::Whole(month.into())
            }
            _ => {
                let Some(v) = key.field(i) else { continue };
                if key.kind().is_rate() {
                    Value::Ratio(v)
                } else if key.is_money() {
                    Value::Money(v)
                } else {
                    Value::Count(v)
                }
            }
        };
        sheet.row(&[Value::text(key.path()), value])?;
    }
    sheet.blank();
    for note in super::table::assumptions(report, f, super::Medium::Page) {
        sheet.note(&note)?;
    }
    Ok(sheet)
}
