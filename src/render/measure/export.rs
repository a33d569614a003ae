//! The measured months for scripts and spreadsheets: the JSON document with
//! the account of every row, and the CSV of the month × channel rows.

use super::csv_source;
use crate::evidence::measure::error::Period;
use crate::evidence::measure::funnel::{Channel, Figures};
use crate::evidence::measure::quality::{Conflict, Example, Quality, Skip};
use crate::evidence::measure::records::Split;
use crate::evidence::measure::records::{How, StatusUse};
use crate::evidence::measure::{FileInfo, Measured};
use crate::evidence::retention::Retention;
use crate::render::csv::{Dialect, Rows};
use crate::render::json::{Exact, Money, Ratio};
use rust_decimal::Decimal;
use serde::Serialize;

/// Version of the JSON layout; raised on any change that could break a reader.
pub const SCHEMA_VERSION: u32 = 1;

/// One month of one channel, as the JSON and CSV carry it.
#[derive(Debug, Serialize)]
pub struct JsonMonth {
    /// `2025-06`.
    pub month: String,
    /// `all`, `ai` or `other`.
    pub channel: &'static str,
    /// Leads; null when the data has none (booking systems).
    pub leads: Option<u64>,
    /// Booked, visited or no-show.
    pub bookings: Option<u64>,
    /// Bookings / leads (fraction).
    pub conversion: Option<Ratio>,
    /// Came.
    pub visits: Option<u64>,
    /// Did not come; null when no status says so.
    pub no_shows: Option<u64>,
    /// No-shows / (visits + no-shows) (fraction).
    pub no_show_rate: Option<Ratio>,
    /// Sum of the visits' amounts.
    pub revenue: Option<Money>,
    /// Revenue / visits.
    pub average_check: Option<Money>,
}

impl JsonMonth {
    pub(super) fn new(month: String, channel: Channel, f: &Figures) -> JsonMonth {
        JsonMonth {
            month,
            channel: channel.name(),
            leads: f.leads,
            bookings: f.bookings,
            conversion: f.conversion.map(Ratio),
            visits: f.visits,
            no_shows: f.no_shows,
            no_show_rate: f.no_show_rate.map(Ratio),
            revenue: f.revenue.map(Money),
            average_check: f.average_check.map(Money),
        }
    }
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    kind: &'static str,
    encoding: Option<&'static str>,
    sheet: Option<&'a str>,
    header_row: u64,
    rows: u64,
    /// A monthly sheet's headers that were not read.
    unused_columns: &'a [String],
}

impl JsonFile<'_> {
    fn new(f: &FileInfo) -> JsonFile<'_> {
        JsonFile {
            path: &f.path,
            unused_columns: &f.unused,
            kind: f.kind.name(),
            encoding: f.encoding.map(|e| e.name()),
            sheet: f.sheet.as_deref(),
            header_row: f.header_row,
            rows: f.rows,
        }
    }
}

#[derive(Serialize)]
struct JsonStatus<'a> {
    text: &'a str,
    outcome: Option<&'static str>,
    by: Option<&'static str>,
    rows: u64,
}

impl JsonStatus<'_> {
    fn new(s: &StatusUse) -> JsonStatus<'_> {
        JsonStatus {
            text: &s.text,
            outcome: s.outcome.map(|o| o.name()),
            by: s.how.map(How::name),
            rows: s.rows,
        }
    }
}

#[derive(Serialize)]
struct JsonExample<'a> {
    file: &'a str,
    row: u64,
    value: &'a str,
}

impl JsonExample<'_> {
    fn new(e: &Example) -> JsonExample<'_> {
        JsonExample {
            file: &e.file,
            row: e.row,
            value: &e.value,
        }
    }
}

#[derive(Serialize)]
struct JsonSkip<'a> {
    reason: &'static str,
    column: &'a str,
    rows: u64,
    examples: Vec<JsonExample<'a>>,
}

impl JsonSkip<'_> {
    fn new(s: &Skip) -> JsonSkip<'_> {
        JsonSkip {
            reason: s.reason.name(),
            column: &s.column,
            rows: s.rows,
            examples: s.examples.iter().map(JsonExample::new).collect(),
        }
    }
}

#[derive(Serialize)]
struct JsonConflict<'a> {
    id: &'a str,
    counted: JsonExample<'a>,
    other: JsonExample<'a>,
}

impl JsonConflict<'_> {
    /// The row counted has only its place; the other also says what it held.
    fn new(c: &Conflict) -> JsonConflict<'_> {
        JsonConflict {
            id: &c.id,
            counted: place(&c.counted),
            other: JsonExample {
                file: &c.other.0,
                row: c.other.1,
                value: &c.says,
            },
        }
    }
}

#[derive(Serialize)]
struct JsonQuality<'a> {
    rows: u64,
    used: u64,
    duplicates: u64,
    outside_period: u64,
    skipped: Vec<JsonSkip<'a>>,
    conflicts: u64,
    conflict_examples: Vec<JsonConflict<'a>>,
    unpriced_visits: u64,
    /// Visits among the unpriced whose amount cell could not be read, by reason and column.
    unreadable_amounts: Vec<JsonSkip<'a>>,
    totals_rows: u64,
}

impl JsonQuality<'_> {
    fn new(q: &Quality) -> JsonQuality<'_> {
        JsonQuality {
            rows: q.rows,
            used: q.used,
            duplicates: q.duplicates,
            outside_period: q.outside_period,
            skipped: q.skipped.iter().map(JsonSkip::new).collect(),
            conflicts: q.conflicts,
            conflict_examples: q.conflict_examples.iter().map(JsonConflict::new).collect(),
            unpriced_visits: q.unpriced_visits,
            unreadable_amounts: q.unreadable_amounts.iter().map(JsonSkip::new).collect(),
            totals_rows: q.totals_rows,
        }
    }
}

#[derive(Serialize)]
struct JsonBaseline {
    from: String,
    to: String,
    months: u32,
    leads: Option<Exact>,
    bookings: Option<u64>,
    conversion: Option<Ratio>,
    visits: Option<u64>,
    no_shows: Option<u64>,
    no_show_rate: Option<Ratio>,
    revenue: Option<Money>,
    average_check: Option<Money>,
}

impl JsonBaseline {
    /// The period's totals, all channels; leads as the exact per-month mean
    /// the scenario file takes.
    fn new(m: &Measured, p: Period) -> JsonBaseline {
        let t = m.funnel.period(p.from, p.to, Channel::All);
        let f = t.figures();
        JsonBaseline {
            from: p.from.to_string(),
            to: p.to.to_string(),
            months: p.months(),
            leads: t
                .leads
                .map(|l| Exact(Decimal::from(l) / Decimal::from(p.months()))),
            bookings: f.bookings,
            conversion: f.conversion.map(Ratio),
            visits: f.visits,
            no_shows: f.no_shows,
            no_show_rate: f.no_show_rate.map(Ratio),
            revenue: f.revenue.map(Money),
            average_check: f.average_check.map(Money),
        }
    }
}

#[derive(Serialize)]
struct JsonMeasured<'a> {
    version: u32,
    source: &'static str,
    entity: &'static str,
    files: Vec<JsonFile<'a>>,
    months: Vec<JsonMonth>,
    baseline: Option<JsonBaseline>,
    statuses: Vec<JsonStatus<'a>>,
    quality: JsonQuality<'a>,
    /// The funnel by the `--by` column's values; absent without `--by`.
    #[serde(skip_serializing_if = "Option::is_none")]
    by: Option<JsonBy<'a>>,
    /// Clients coming back; absent without `--retention`.
    #[serde(skip_serializing_if = "Option::is_none")]
    retention: Option<super::retention::JsonRetention<'a>>,
}

/// Every month × channel row, in month order, `all` first.
pub fn month_rows(m: &Measured) -> Vec<JsonMonth> {
    let mut out = Vec::new();
    for (month, tallies) in &m.funnel.months {
        for &channel in m.funnel.channels() {
            out.push(JsonMonth::new(
                month.to_string(),
                channel,
                &tallies[channel as usize].figures(),
            ));
        }
    }
    out
}

/// A row's place without a value (conflicting repeats).
fn place(at: &(String, u64)) -> JsonExample<'_> {
    JsonExample {
        file: &at.0,
        row: at.1,
        value: "",
    }
}

/// `--format json`, with `retention` when it was asked for.
pub fn json(m: &Measured, baseline: Option<Period>, retention: Option<&Retention>) -> String {
    let doc = JsonMeasured {
        version: SCHEMA_VERSION,
        source: m.system.name(),
        entity: m.entity,
        files: m.files.iter().map(JsonFile::new).collect(),
        months: month_rows(m),
        baseline: baseline.map(|p| JsonBaseline::new(m, p)),
        statuses: m.statuses.iter().map(JsonStatus::new).collect(),
        quality: JsonQuality::new(&m.quality),
        by: m.by.as_ref().map(JsonBy::new),
        retention: retention.map(super::retention::JsonRetention::new),
    };
    let mut text = serde_json::to_string_pretty(&doc).expect("JSON of plain data");
    text.push('\n');
    text
}

/// Column names of the CSV, stable for scripts.
pub const HEADER: [&str; 10] = [
    "month",
    "channel",
    "leads",
    "bookings",
    "conversion",
    "visits",
    "no_shows",
    "no_show_rate",
    "revenue",
    "average_check",
];

/// `--format csv`: the `months` rows; an unknown figure is an empty cell.
/// With `--by`, a `source` column follows `channel`: empty on the channel
/// rows, then a row per month and value (`(other)` for the rest summed).
pub fn csv(m: &Measured, dialect: Dialect) -> String {
    let mut rows = Rows::new(dialect, true);
    let mut header: Vec<&str> = HEADER.to_vec();
    if m.by.is_some() {
        header.insert(2, "source");
    }
    rows.header(header);
    for (month, tallies) in &m.funnel.months {
        for &channel in m.funnel.channels() {
            let f = tallies[channel as usize].figures();
            rows.text(&month.to_string()).text(channel.name());
            if m.by.is_some() {
                rows.text("");
            }
            figures(&mut rows, &f);
            rows.end();
        }
    }
    if let Some(split) = &m.by {
        for (month, tallies) in &split.months {
            for (source, tally) in split.sources.iter().zip(tallies) {
                rows.text(&month.to_string())
                    .text(Channel::All.name())
                    .text(csv_source(source));
                figures(&mut rows, &tally.figures());
                rows.end();
            }
        }
    }
    rows.finish()
}

/// A row's figures after its labels; an unknown one is an empty cell.
fn figures(rows: &mut Rows, f: &Figures) {
    let count = |rows: &mut Rows, v: Option<u64>| {
        match v {
            Some(v) => rows.number(v),
            None => rows.empty(),
        };
    };
    count(rows, f.leads);
    count(rows, f.bookings);
    rows.ratio(f.conversion);
    count(rows, f.visits);
    count(rows, f.no_shows);
    rows.ratio(f.no_show_rate);
    match f.revenue {
        Some(r) => rows.money(r),
        None => rows.empty(),
    };
    match f.average_check {
        Some(a) => rows.money(a),
        None => rows.empty(),
    };
}

/// The split in JSON: the column, its values in order, and a row for each
/// month and value with the funnel's figures.
#[derive(Serialize)]
pub struct JsonBy<'a> {
    /// The column as the user named it.
    column: &'a str,
    /// The values shown, largest first; `null` is every other value summed.
    sources: &'a [Option<String>],
    /// Month × value rows: `source` is the value (`null`: the rest), the
    /// figures as in `months` (`channel` is always `all`).
    months: Vec<JsonByMonth<'a>>,
}

/// One month of one value.
#[derive(Serialize)]
struct JsonByMonth<'a> {
    /// The value, as the file writes it; `null` for every other value summed.
    source: Option<&'a str>,
    #[serde(flatten)]
    funnel: JsonMonth,
}

impl JsonBy<'_> {
    /// The split of `m`, for its JSON document.
    pub fn new(split: &Split) -> JsonBy<'_> {
        let mut months = Vec::new();
        for (month, tallies) in &split.months {
            for (source, tally) in split.sources.iter().zip(tallies) {
                months.push(JsonByMonth {
                    source: source.as_deref(),
                    funnel: JsonMonth::new(month.to_string(), Channel::All, &tally.figures()),
                });
            }
        }
        JsonBy {
            column: &split.column,
            sources: &split.sources,
            months,
        }
    }
}
