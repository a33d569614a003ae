//! `--format csv`: the monthly projection as RFC 4180 CSV, one row per month, for spreadsheets.

use crate::format::{money_value, ratio_value};
use crate::report::Report;

/// Column names, stable for scripts.
pub const HEADER: [&str; 9] = [
    "month",
    "share",
    "benefit",
    "cost",
    "net",
    "cumulative_benefit",
    "cumulative_cost",
    "cumulative_net",
    "roi",
];

/// The monthly projection; an undefined ROI is an empty cell.
pub fn render(report: &Report) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let rows = report.projection.monthly.iter().map(|m| {
        [
            m.month.to_string(),
            ratio_value(m.share).to_string(),
            money_value(m.benefit).to_string(),
            money_value(m.cost).to_string(),
            money_value(m.net).to_string(),
            money_value(m.cumulative_benefit).to_string(),
            money_value(m.cumulative_cost).to_string(),
            money_value(m.cumulative_net).to_string(),
            m.roi
                .map(|r| ratio_value(r).to_string())
                .unwrap_or_default(),
        ]
    });
    // Writing to a Vec cannot fail, and every record has the header's width.
    w.write_record(HEADER).expect("CSV header");
    for row in rows {
        w.write_record(row).expect("CSV row");
    }
    let bytes = w.into_inner().expect("CSV buffer");
    String::from_utf8(bytes).expect("CSV of ASCII figures is UTF-8")
}
