//! `roi compare`: scenarios side by side, each against the first.

use crate::format::{self, Sign, money, percent};
use crate::render::json::{JsonSummary, SCHEMA_VERSION};
use crate::report::Report;
use comfy_table::{CellAlignment, ContentArrangement, Table, presets};
use rust_decimal::Decimal;
use serde::Serialize;

/// One row of the comparison: a label and how to show a report's figure.
struct Row {
    label: &'static str,
    show: fn(&Report) -> Option<Shown>,
}

/// A figure to show, and how its difference from the first column reads.
enum Shown {
    Money(Decimal),
    Ratio(Decimal),
    Months(Decimal),
    Month(u32),
    Text(String),
}

const ROWS: [Row; 9] = [
    Row {
        label: "Horizon",
        show: |r| Some(Shown::Text(format!("{} months", r.scenario.inputs.months))),
    },
    Row {
        label: "Revenue after, per month",
        show: |r| Some(Shown::Money(r.projection.summary.after_revenue)),
    },
    Row {
        label: "Monthly benefit",
        show: |r| Some(Shown::Money(r.projection.summary.monthly_benefit)),
    },
    Row {
        label: "First-month ROI",
        show: |r| r.projection.summary.first_month_roi.map(Shown::Ratio),
    },
    Row {
        label: "ROI over the horizon",
        show: |r| r.projection.summary.roi.map(Shown::Ratio),
    },
    Row {
        label: "Payback, months",
        show: |r| r.projection.summary.payback_months.map(Shown::Months),
    },
    Row {
        label: "Break-even month",
        show: |r| r.projection.summary.break_even_month.map(Shown::Month),
    },
    Row {
        label: "Net",
        show: |r| Some(Shown::Money(r.projection.summary.net)),
    },
    Row {
        label: "NPV",
        show: |r| Some(Shown::Money(r.projection.summary.npv)),
    },
];

/// A cell: the figure, and for later columns its difference from the first.
fn cell(
    shown: Option<Shown>,
    first: Option<&Shown>,
    currency: &str,
    same_currency: bool,
) -> String {
    let Some(shown) = shown else {
        return "—".to_string();
    };
    let (value, diff) = match (&shown, first) {
        (Shown::Money(v), first) => (
            money(*v, currency, Sign::Plain),
            match first {
                Some(Shown::Money(f)) if same_currency => {
                    Some(money(*v - *f, currency, Sign::Explicit))
                }
                _ => None,
            },
        ),
        (Shown::Ratio(v), first) => (
            percent(*v, Sign::Plain),
            match first {
                Some(Shown::Ratio(f)) => Some(format::points(*v - *f)),
                _ => None,
            },
        ),
        (Shown::Months(v), first) => (
            format::round(*v, 2).to_string(),
            match first {
                Some(Shown::Months(f)) => Some(format!(
                    "{}{}",
                    if *v >= *f { "+" } else { "" },
                    format::round(*v - *f, 2)
                )),
                _ => None,
            },
        ),
        (Shown::Month(m), first) => (
            m.to_string(),
            match first {
                Some(Shown::Month(f)) => Some(format!("{:+}", i64::from(*m) - i64::from(*f))),
                _ => None,
            },
        ),
        (Shown::Text(t), _) => (t.clone(), None),
    };
    match diff {
        Some(d) => format!("{value} ({d})"),
        None => value,
    }
}

/// The comparison table: rows are metrics, columns scenarios, differences against the first.
pub fn table(reports: &[Report]) -> String {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .force_no_tty();
    let mut header = vec![String::new()];
    header.extend(reports.iter().map(|r| r.scenario.name.clone()));
    t.set_header(header);
    let first = &reports[0];
    for row in &ROWS {
        let base = (row.show)(first);
        let mut cells = vec![row.label.to_string()];
        for (i, report) in reports.iter().enumerate() {
            let shown = (row.show)(report);
            let same_currency = report.scenario.currency == first.scenario.currency;
            let against = if i == 0 { None } else { base.as_ref() };
            cells.push(cell(
                shown,
                against,
                &report.scenario.currency,
                same_currency,
            ));
        }
        t.add_row(cells);
    }
    for column in t.column_iter_mut().skip(1) {
        column.set_cell_alignment(CellAlignment::Right);
    }
    let mut out = format!(
        "Comparison of {} scenarios; differences are against the first column.\n{t}\n",
        reports.len()
    );
    out.push_str(
        "A dash marks a figure that is undefined (no costs, or no payback within the horizon).\n",
    );
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
    let doc = JsonComparison {
        version: SCHEMA_VERSION,
        scenarios: reports
            .iter()
            .map(|r| JsonScenario {
                name: &r.scenario.name,
                currency: &r.scenario.currency,
                months: r.scenario.inputs.months,
                summary: (&r.projection.summary).into(),
            })
            .collect(),
    };
    // Plain structs of numbers and strings always serialise.
    let mut text = serde_json::to_string_pretty(&doc).expect("the JSON comparison serialises");
    text.push('\n');
    text
}

/// The comparison as CSV: one row per scenario, the summary's fields as columns.
pub fn csv(reports: &[Report]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["name", "currency", "months"];
    let first = JsonSummary::from(&reports[0].projection.summary);
    header.extend(first.cells().iter().map(|(name, _)| *name));
    // Writing to memory cannot fail.
    w.write_record(&header).expect("CSV header");
    for r in reports {
        let mut row = vec![
            r.scenario.name.clone(),
            r.scenario.currency.clone(),
            r.scenario.inputs.months.to_string(),
        ];
        let summary = JsonSummary::from(&r.projection.summary);
        row.extend(summary.cells().iter().map(|(_, cell)| cell.to_string()));
        w.write_record(&row).expect("CSV row");
    }
    String::from_utf8(w.into_inner().expect("CSV buffer")).expect("CSV text is UTF-8")
}
