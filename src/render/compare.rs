//! `roi compare`: scenarios side by side, each against the first.

use super::Medium;
use super::csv::{Dialect, Rows};
use super::fit::{Grid, narrowest, wrap};
use super::xlsx::{Book, Value};
use crate::forecast::report::Report;
use crate::format::{Fmt, Sign};
use crate::i18n::Lang;
use crate::render::json::{JsonSummary, SCHEMA_VERSION};
use rust_decimal::Decimal;
use serde::Serialize;

/// One row of the comparison: a label and how to show a report's figure.
struct Row {
    label: &'static str,
    show: fn(&Report, Lang) -> Option<Shown>,
}

/// A figure to show, and how its difference from the first column reads.
enum Shown {
    Money(Decimal),
    Ratio(Decimal),
    Months(Decimal),
    Month(u32),
    /// Visits (a count), for the cap's row.
    Count(Decimal),
    Text(String),
}

/// The rows of the table; the NPV row is dropped when no scenario discounts,
/// since NPV then equals net, and the cap's row when no scenario has a cap.
const ROWS: [Row; 11] = [
    Row {
        label: "Horizon",
        show: |r, lang| Some(Shown::Text(lang.months(r.scenario.inputs.months))),
    },
    Row {
        label: "Revenue after, per month",
        show: |r, _| Some(Shown::Money(r.projection.summary.after_revenue)),
    },
    Row {
        label: "Monthly benefit",
        show: |r, _| Some(Shown::Money(r.projection.summary.monthly_benefit)),
    },
    Row {
        label: "First-month ROI",
        show: |r, _| r.projection.summary.first_month_roi.map(Shown::Ratio),
    },
    Row {
        label: "ROI over the horizon",
        show: |r, _| r.projection.summary.roi.map(Shown::Ratio),
    },
    Row {
        label: "Payback, months",
        show: |r, _| r.projection.summary.payback_months.map(Shown::Months),
    },
    Row {
        label: "Break-even month",
        show: |r, _| r.projection.summary.break_even_month.map(Shown::Month),
    },
    Row {
        label: "Net",
        show: |r, _| Some(Shown::Money(r.projection.summary.net)),
    },
    Row {
        label: "NPV",
        show: |r, _| Some(Shown::Money(r.projection.summary.npv)),
    },
    Row {
        label: "Visits turned away over the horizon",
        show: |r, _| {
            r.scenario
                .inputs
                .tables
                .capacity
                .map(|_| Shown::Count(r.projection.summary.turned_away))
        },
    },
    Row {
        label: "Repeat visits over the horizon",
        show: |r, _| {
            r.scenario
                .inputs
                .tables
                .repeat_visits
                .as_ref()
                .map(|_| Shown::Count(r.projection.summary.repeat_visits))
        },
    },
];

/// A cell: the figure, and for later columns its difference from the first
/// (a difference too large for exact arithmetic shows no difference), on the
/// same line or, when `stacked`, on the next.
fn cell(
    shown: Option<Shown>,
    first: Option<&Shown>,
    f: &Fmt<'_>,
    same_currency: bool,
    signed: bool,
    stacked: bool,
) -> String {
    let Some(shown) = shown else {
        return DASH.to_string();
    };
    let sign = if signed { Sign::Explicit } else { Sign::Plain };
    let (value, diff) = match (&shown, first) {
        (Shown::Money(v), Some(Shown::Money(b))) if same_currency => (
            f.money(*v, sign),
            v.checked_sub(*b).map(|d| f.money(d, Sign::Explicit)),
        ),
        (Shown::Money(v), _) => (f.money(*v, sign), None),
        (Shown::Ratio(v), first) => (
            f.percent(*v, Sign::Plain),
            match first {
                Some(Shown::Ratio(b)) => v.checked_sub(*b).map(|d| f.points(d, Sign::Explicit)),
                _ => None,
            },
        ),
        (Shown::Months(v), first) => (
            f.number(*v, 2),
            match first {
                Some(Shown::Months(b)) => v.checked_sub(*b).map(|d| {
                    let sign = if d.is_sign_negative() { "" } else { "+" };
                    format!("{sign}{}", f.number(d, 2))
                }),
                _ => None,
            },
        ),
        (Shown::Month(m), first) => (
            m.to_string(),
            match first {
                Some(Shown::Month(b)) => Some(format!("{:+}", i64::from(*m) - i64::from(*b))),
                _ => None,
            },
        ),
        (Shown::Count(v), first) => (
            f.count(*v, Sign::Plain),
            match first {
                Some(Shown::Count(b)) => v.checked_sub(*b).map(|d| f.count(d, Sign::Explicit)),
                _ => None,
            },
        ),
        (Shown::Text(t), _) => (t.clone(), None),
    };
    match diff {
        Some(d) if stacked => format!("{value}\n({d})"),
        Some(d) => format!("{value} ({d})"),
        None => value,
    }
}

/// What an undefined figure shows.
const DASH: &str = "—";

/// The comparison table, `width` columns wide at most: rows are metrics,
/// columns scenarios, differences against the first. When that is too wide,
/// each difference goes under its figure, and then the scenarios are dealt
/// into several tables, each with the labels.
pub fn table(reports: &[Report], lang: Lang, width: usize) -> String {
    // Differences beside their figures are tried only if the columns could
    // fit at all, so the cells of thousands of columns are not formatted
    // twice for nothing.
    let whole = narrowest(reports.len() + 1) <= width;
    let drawn = whole
        .then(|| grid(reports, lang, false).draw_whole(width))
        .flatten()
        .unwrap_or_else(|| grid(reports, lang, true).draw(width));
    let mut out = format!(
        "{}\n{drawn}\n",
        wrap(
            &lang.fill(
                "Comparison of {} scenarios; differences are against the first column.",
                &[&reports.len()]
            ),
            width,
            ""
        ),
    );
    out.push_str(&notes(reports, lang, &drawn, width));
    out
}

/// The comparison's grid: a row per metric, a column per scenario, each
/// difference beside its figure or, when `stacked`, under it. NPV is left
/// out when no scenario discounts (it then equals net), the cap's row when
/// no scenario has a cap, and the repeat visits' when none has `[retention]`.
fn grid(reports: &[Report], lang: Lang, stacked: bool) -> Grid {
    let discounted = reports
        .iter()
        .any(|r| !r.scenario.inputs.discount_rate.is_zero());
    let mut header = vec![String::new()];
    header.extend(reports.iter().map(|r| r.scenario.name.clone()));
    let mut grid = Grid::new(header, 1);
    let capped = reports
        .iter()
        .any(|r| r.scenario.inputs.tables.capacity.is_some());
    let returning = reports
        .iter()
        .any(|r| r.scenario.inputs.tables.repeat_visits.is_some());
    let shown = |r: &&Row| match r.label {
        "NPV" => discounted,
        "Visits turned away over the horizon" => capped,
        "Repeat visits over the horizon" => returning,
        _ => true,
    };
    for row in ROWS.iter().filter(shown) {
        grid.row(cells(reports, row, lang, stacked));
    }
    grid
}

/// One metric's row: its label, then each scenario's figure with its
/// difference from the first scenario's.
fn cells(reports: &[Report], row: &Row, lang: Lang, stacked: bool) -> Vec<String> {
    let first = &reports[0];
    let base = (row.show)(first, lang);
    let mut cells = vec![lang.tr(row.label).to_string()];
    for (i, report) in reports.iter().enumerate() {
        let f = Fmt {
            lang,
            currency: &report.scenario.currency,
        };
        let same_currency = report.scenario.currency == first.scenario.currency;
        let against = if i == 0 { None } else { base.as_ref() };
        // Net (and NPV) keep their sign, as calc shows them.
        let signed = matches!(row.label, "Net" | "NPV");
        cells.push(cell(
            (row.show)(report, lang),
            against,
            &f,
            same_currency,
            signed,
            stacked,
        ));
    }
    cells
}

/// What follows the table: what a dash means, if one was drawn, and each
/// scenario's ranges held at a single value.
fn notes(reports: &[Report], lang: Lang, drawn: &str, width: usize) -> String {
    let mut out = String::new();
    if drawn.contains(DASH) {
        out.push_str(&wrap(
            lang.tr("A dash marks a figure that is undefined (no costs, or no payback within the horizon)."),
            width,
            "",
        ));
        out.push('\n');
    }
    for r in reports {
        let f = Fmt {
            lang,
            currency: &r.scenario.currency,
        };
        for note in super::range_notes(&r.scenario.ranges, &f, Medium::Terminal) {
            out.push_str(&wrap(&format!("{}: {note}", r.scenario.name), width, "  "));
            out.push('\n');
        }
    }
    out
}

/// `--format json`: `{"version", "scenarios": [{"name", "currency", "months", "summary"}]}`.
#[derive(Serialize)]
struct JsonComparison<'a> {
    /// Layout version, shared with `calc`.
    version: u32,
    /// The scenarios in column order.
    scenarios: Vec<JsonScenario<'a>>,
}

/// One compared scenario.
#[derive(Serialize)]
struct JsonScenario<'a> {
    /// Its name (`file name: variant` for variants).
    name: &'a str,
    /// ISO code of its amounts.
    currency: &'a str,
    /// Its horizon in months.
    months: u32,
    /// The same object as `calc`'s `summary`.
    summary: JsonSummary,
}

/// The comparison as JSON.
pub fn json(reports: &[Report]) -> String {
    let doc =
        JsonComparison {
            version: SCHEMA_VERSION,
            scenarios: reports
                .iter()
                .map(|r| JsonScenario {
                    name: &r.scenario.name,
                    currency: &r.scenario.currency,
                    months: r.scenario.inputs.months,
                    summary: JsonSummary {
                        turned_away: r
                            .scenario
                            .inputs
                            .tables
                            .capacity
                            .map(|_| crate::render::json::Visits(r.projection.summary.turned_away)),
                        repeat_visits: r.scenario.inputs.tables.repeat_visits.as_ref().map(|_| {
                            crate::render::json::Visits(r.projection.summary.repeat_visits)
                        }),
                        ..(&r.projection.summary).into()
                    },
                })
                .collect(),
        };
    // Plain structs of numbers and strings always serialise.
    let mut text = serde_json::to_string_pretty(&doc).expect("the JSON comparison serialises");
    text.push('\n');
    text
}

/// The comparison as CSV: one row per scenario, the summary's fields as columns.
pub fn csv(reports: &[Report], dialect: Dialect) -> String {
    let mut rows = Rows::new(dialect, true);
    let first = JsonSummary::from(&reports[0].projection.summary);
    let names = ["name", "currency", "months"]
        .into_iter()
        .chain(first.cells().map(|(name, _)| name));
    rows.header(names);
    for r in reports {
        rows.text(&r.scenario.name)
            .text(&r.scenario.currency)
            .number(r.scenario.inputs.months);
        for (_, cell) in JsonSummary::from(&r.projection.summary).cells() {
            rows.cell(cell);
        }
        rows.end();
    }
    rows.finish()
}

/// The comparison as a workbook: one row per scenario with its headline
/// figures, each amount in its scenario's currency.
pub fn xlsx(reports: &[Report], lang: Lang) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let first = &reports[0];
    let mut book = Book::new(lang, &first.scenario.currency);
    let mut sheet = book.sheet(lang.tr("Comparison"))?;
    let summary = super::calc_xlsx::summary_values(&first.projection.summary);
    let mut header = vec![lang.tr("Scenario"), lang.tr("Currency"), lang.tr("Months")];
    header.extend(summary.iter().map(|(label, _)| lang.tr(label)));
    sheet.header(&header, 1)?;
    for r in reports {
        let mut row = vec![
            Value::text(&r.scenario.name),
            Value::text(&r.scenario.currency),
            Value::Whole(r.scenario.inputs.months.into()),
        ];
        row.extend(
            super::calc_xlsx::summary_values(&r.projection.summary)
                .into_iter()
                .map(|(_, value)| match value {
                    Value::Money(d) => Value::MoneyIn(d, r.scenario.currency.clone()),
                    other => other,
                }),
        );
        sheet.row(&row)?;
    }
    book.add(sheet)?;
    book.bytes()
}
