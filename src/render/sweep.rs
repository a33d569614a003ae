//! `roi sweep` output: tidy CSV and JSON streamed block by block, or a table
//! (one key) or a matrix of one metric (two keys) for people.

use super::Medium;
use super::csv::{Dialect, Rows};
use super::fit::{Grid as Table, wrap};
use super::xlsx::{Book, Value};
use crate::forecast::metric::{Metric, Unit};
use crate::forecast::scenario::value::Written;
use crate::forecast::scenario::{Key, Uncertain};
use crate::forecast::sweep::{Axis, Grid, Point};
use crate::format::{Fmt, MONEY_PLACES, RATIO_PLACES, Sign, push_fixed};
use crate::i18n::Lang;
use crate::render::json::{Cell, JsonSummary, SCHEMA_VERSION};
use rust_decimal::Decimal;
use std::fmt::Write;

/// Most rows (one key) or rows × columns (two keys) a table shows; beyond
/// that, CSV or JSON are the right tools.
pub const MAX_TABLE_CELLS: u64 = 2_000;

/// The varied keys' names, in axis order.
fn key_names(grid: &Grid) -> impl Iterator<Item = &'static str> + '_ {
    grid.axes().iter().map(|a| a.key.path())
}

/// The CSV header: one column per varied key, then the summary's fields.
pub fn csv_header(grid: &Grid, dialect: Dialect) -> String {
    let mut rows = Rows::new(dialect, true);
    rows.header(key_names(grid).chain(summary_names()));
    rows.finish()
}

/// The summary's field names, in JSON order.
fn summary_names() -> impl Iterator<Item = &'static str> {
    let zero = crate::forecast::engine::Summary {
        baseline_revenue: Decimal::ZERO,
        after_revenue: Decimal::ZERO,
        revenue_uplift: Decimal::ZERO,
        extra_profit: Decimal::ZERO,
        savings: Decimal::ZERO,
        monthly_benefit: Decimal::ZERO,
        first_month_roi: None,
        roi: None,
        total_benefit: Decimal::ZERO,
        total_cost: Decimal::ZERO,
        net: Decimal::ZERO,
        payback_months: None,
        break_even_month: None,
        npv: Decimal::ZERO,
        turned_away: Decimal::ZERO,
        repeat_visits: Decimal::ZERO,
    };
    JsonSummary::from(&zero)
        .cells()
        .into_iter()
        .map(|(name, _)| name)
}

/// CSV rows for a block of points: the varied keys in their own grammar
/// (`+5%`, `25%`, `5000`), then the summary's figures.
pub fn csv_rows(points: &[Point], keys: usize, dialect: Dialect) -> Vec<u8> {
    let mut rows = Rows::new(dialect, false);
    for p in points {
        for v in &p.values[..keys] {
            rows.figure(v);
        }
        for (_, cell) in JsonSummary::from(&p.summary).cells() {
            rows.cell(cell);
        }
        rows.end();
    }
    rows.bytes()
}

/// The opening of the JSON document: `{"version", "keys", "points": [`.
pub fn json_start(grid: &Grid) -> String {
    let keys: Vec<&str> = key_names(grid).collect();
    // A list of plain strings always serialises.
    let keys = serde_json::to_string(&keys).expect("key names serialise");
    format!("{{\n  \"version\": {SCHEMA_VERSION},\n  \"keys\": {keys},\n  \"points\": [")
}

/// The close of the JSON document.
pub const JSON_END: &str = "\n  ]\n}\n";

/// JSON objects for a block of points starting at grid index `first`:
/// the varied keys as written, then the summary's fields.
pub fn json_points(grid: &Grid, first: u64, points: &[Point]) -> String {
    let keys: Vec<&str> = key_names(grid).collect();
    let mut out = String::with_capacity(points.len() * 400);
    for (i, p) in points.iter().enumerate() {
        out.push_str(if first == 0 && i == 0 {
            "\n    {"
        } else {
            ",\n    {"
        });
        for (key, v) in keys.iter().zip(&p.values) {
            let _ = write!(out, "\"{key}\": \"{v}\", ");
        }
        let cells = JsonSummary::from(&p.summary).cells();
        for (j, (name, cell)) in cells.iter().enumerate() {
            let sep = if j > 0 { ", " } else { "" };
            match cell {
                Cell::Null => {
                    let _ = write!(out, "{sep}\"{name}\": null");
                }
                cell => {
                    let _ = write!(out, "{sep}\"{name}\": {cell}");
                }
            }
        }
        out.push('}');
    }
    out
}

/// Axis values whose cell text is worked out once: beyond this many, an
/// axis's values are written as they come, so memory stays flat.
const CACHED_VALUES: u64 = 1 << 16;

/// The text of one axis's values, worked out once per value.
struct AxisText {
    /// Each value's CSV cell, for the first [`CACHED_VALUES`] values.
    csv: Vec<Box<[u8]>>,
    /// Each value's `"key": "value", ` JSON member, likewise.
    json: Vec<Box<[u8]>>,
}

/// Writes blocks of sweep points as CSV rows or JSON objects straight into a
/// reused byte buffer: the same text as [`csv_rows`] and [`json_points`]
/// (tests compare them), without formatting machinery or a buffer per cell.
pub struct Writer {
    grid: Grid,
    dialect: Dialect,
    axes: Vec<AxisText>,
}

impl Writer {
    /// A writer for `grid`'s points; `dialect` shapes CSV (JSON ignores it).
    pub fn new(grid: &Grid, dialect: Dialect) -> Writer {
        let axes = grid
            .axes()
            .iter()
            .map(|axis| {
                let values = (0..axis.count.min(CACHED_VALUES)).map(|i| axis.value(i));
                let (csv, json) = values
                    .map(|v| {
                        let (mut csv, mut json) = (Vec::new(), Vec::new());
                        csv_value(&mut csv, v, dialect);
                        json_value(&mut json, axis.key, v);
                        (csv.into_boxed_slice(), json.into_boxed_slice())
                    })
                    .unzip();
                AxisText { csv, json }
            })
            .collect();
        Writer {
            grid: grid.clone(),
            dialect,
            axes,
        }
    }

    /// Appends CSV rows for a block of points starting at grid index `first`.
    pub fn csv(&self, first: u64, points: &[Point], out: &mut Vec<u8>) {
        let delimiter = self.dialect.delimiter();
        let mark = if self.dialect.decimal_comma {
            b','
        } else {
            b'.'
        };
        let mut memos: [Memo; 14] = Default::default();
        for (n, p) in (first..).zip(points) {
            for ((axis, text), (i, v)) in self.axes.iter().enumerate().zip(self.indexed(n, p)) {
                if axis > 0 {
                    out.push(delimiter);
                }
                match text.csv.get(i as usize) {
                    Some(cell) => out.extend_from_slice(cell),
                    None => csv_value(out, v, self.dialect),
                }
            }
            for ((_, cell), memo) in JsonSummary::from(&p.summary)
                .cells()
                .into_iter()
                .zip(&mut memos)
            {
                out.push(delimiter);
                memo.push(out, cell, mark);
            }
            out.extend_from_slice(if self.dialect.excel { b"\r\n" } else { b"\n" });
        }
    }

    /// Appends JSON objects for a block of points starting at grid index `first`.
    pub fn json(&self, first: u64, points: &[Point], out: &mut Vec<u8>) {
        for (n, p) in (first..).zip(points) {
            out.extend_from_slice(if n == 0 { b"\n    {" } else { b",\n    {" });
            for ((text, axis), (i, v)) in self
                .axes
                .iter()
                .zip(self.grid.axes())
                .zip(self.indexed(n, p))
            {
                match text.json.get(i as usize) {
                    Some(member) => out.extend_from_slice(member),
                    None => json_value(out, axis.key, v),
                }
            }
            for (j, (name, cell)) in JsonSummary::from(&p.summary)
                .cells()
                .into_iter()
                .enumerate()
            {
                if j > 0 {
                    out.extend_from_slice(b", ");
                }
                out.push(b'"');
                out.extend_from_slice(name.as_bytes());
                out.extend_from_slice(b"\": ");
                match cell {
                    Cell::Null => out.extend_from_slice(b"null"),
                    cell => push_cell(out, cell, b'.'),
                }
            }
            out.push(b'}');
        }
    }

    /// Each axis's index and value at point `n`.
    fn indexed<'p>(&self, n: u64, p: &'p Point) -> impl Iterator<Item = (u64, Written)> + 'p {
        let (indices, keys) = match self.grid.axes() {
            [_, b] => ([n / b.count, n % b.count], 2),
            _ => ([n, 0], 1),
        };
        indices.into_iter().zip(p.values).take(keys)
    }
}

/// A varied key's value as one CSV cell, exactly as [`Rows::figure`] writes it.
fn csv_value(out: &mut Vec<u8>, v: Written, dialect: Dialect) {
    let mut rows = Rows::new(dialect, false);
    rows.figure(v);
    rows.end();
    let row = rows.bytes();
    let end = if dialect.excel { 2 } else { 1 };
    out.extend_from_slice(&row[..row.len() - end]);
}

/// A varied key's value as a JSON member: `"after.leads": "+5%", `.
fn json_value(out: &mut Vec<u8>, key: Key, v: Written) {
    let _ = std::io::Write::write_fmt(out, format_args!("\"{}\": \"{v}\", ", key.path()));
}

/// One summary column's last figure and where its text is: along a grid's
/// row most columns repeat (with an inner `costs.monthly` axis, the revenue,
/// benefit and total-benefit columns are the same for the whole row), and
/// copying the text is cheaper than formatting it again. Keyed by the
/// figure's exact bits, so a hit writes the very bytes formatting would.
#[derive(Default)]
struct Memo {
    /// The cell kind (1 money, 2 ratio) and the decimal's bits, when cached.
    key: Option<(u8, [u8; 16])>,
    /// Where in the output buffer that figure's text was last written: the
    /// buffer only grows while a block is written, so the text stays there,
    /// and a figure that changes every point costs no copy to remember.
    at: std::ops::Range<usize>,
}

impl Memo {
    /// Appends `cell` to `out` as [`push_cell`] does, copying the last text
    /// when the figure is the same. `out` must only have grown since the
    /// last call on this memo.
    fn push(&mut self, out: &mut Vec<u8>, cell: Cell, mark: u8) {
        let key = match cell {
            Cell::Money(d) => (1, d.serialize()),
            Cell::Ratio(d) => (2, d.serialize()),
            // Month numbers and empty cells cost less to write than to look up.
            cell => return push_cell(out, cell, mark),
        };
        let start = out.len();
        if self.key == Some(key) {
            out.extend_from_within(self.at.clone());
        } else {
            push_cell(out, cell, mark);
            self.key = Some(key);
        }
        self.at = start..out.len();
    }
}

/// A summary figure as CSV and JSON write it: money to 2 places, ratios to
/// 8, months whole; undefined writes nothing (the JSON caller writes `null`).
fn push_cell(out: &mut Vec<u8>, cell: Cell, mark: u8) {
    match cell {
        Cell::Money(d) => push_fixed(out, d, MONEY_PLACES, mark),
        Cell::Ratio(d) => push_fixed(out, d, RATIO_PLACES, mark),
        Cell::Month(m) => out.extend_from_slice(itoa::Buffer::new().format(m).as_bytes()),
        Cell::Null => {}
    }
}

/// A metric's value for people: `210.3%`, `97,500 ₽`, `0.91`; a dash when undefined.
fn shown(metric: Metric, point: &Point, f: &Fmt<'_>) -> String {
    match metric.of(&point.summary) {
        None => DASH.to_string(),
        Some(v) => match metric.unit() {
            Unit::Ratio => f.percent(v, Sign::Plain),
            Unit::Money => f.money(v, Sign::Plain),
            Unit::Months => f.number(v, 2),
        },
    }
}

/// What the sweep is over, for the table's title and notes.
pub struct Sweep<'a> {
    /// The scenario's name.
    pub name: &'a str,
    /// The keys given as ranges and not varied, held at their point values.
    pub ranges: &'a [(Key, Uncertain)],
    /// Whether the scenario discounts (else NPV equals net and is not shown).
    pub discounted: bool,
}

/// One key: a row per value with the headline metrics. Two keys: a matrix
/// of `metric`, dealt into several tables when its columns do not fit `width`.
pub fn table(
    grid: &Grid,
    points: &[Point],
    metric: Metric,
    sweep: &Sweep<'_>,
    f: &Fmt<'_>,
    width: usize,
) -> String {
    let l = f.lang;
    let (t, title) = match grid.axes() {
        [a] => (one_key(a, points, sweep, f), one_key_title(a, sweep, f)),
        [rows, columns] => {
            let m = Matrix {
                rows,
                columns,
                metric,
                sweep,
            };
            (m.table(points, f), m.title(f))
        }
        _ => (Table::new(Vec::new(), 0), String::new()),
    };
    let drawn = t.draw(width);
    let mut out = format!("{}\n{drawn}\n", wrap(&title, width, ""));
    if drawn.contains(DASH) {
        out.push_str(&wrap(
            l.tr("A dash marks a figure that is undefined (no costs, or no payback within the horizon)."),
            width,
            "",
        ));
        out.push('\n');
    }
    for note in super::range_notes(sweep.ranges, f, Medium::Terminal) {
        out.push_str(&wrap(&note, width, ""));
        out.push('\n');
    }
    out
}

/// One key's table: a row per value of `axis` with the headline metrics,
/// NPV only when the scenario discounts.
fn one_key(axis: &Axis, points: &[Point], sweep: &Sweep<'_>, f: &Fmt<'_>) -> Table {
    let l = f.lang;
    let mut header = vec![
        axis.key.path().to_string(),
        l.tr("ROI").to_string(),
        l.tr("First-month ROI").to_string(),
        l.tr("Payback, months").to_string(),
        l.tr("Break-even month").to_string(),
        l.tr("Net").to_string(),
    ];
    if sweep.discounted {
        header.push(l.tr("NPV").to_string());
    }
    header.push(l.tr("Monthly benefit").to_string());
    // The key's values are figures too; they stay, as labels, in every part.
    let mut t = Table::new(header, 0);
    t.keep = 1;
    for p in points {
        let s = &p.summary;
        let mut row = vec![
            super::written(f, axis.key, p.values[0]),
            shown(Metric::Roi, p, f),
            s.first_month_roi
                .map_or(DASH.into(), |r| f.percent(r, Sign::Plain)),
            shown(Metric::Payback, p, f),
            s.break_even_month.map_or(DASH.into(), |m| m.to_string()),
            shown(Metric::Net, p, f),
        ];
        if sweep.discounted {
            row.push(shown(Metric::Npv, p, f));
        }
        row.push(shown(Metric::Benefit, p, f));
        t.row(row);
    }
    t
}

/// One key's title: the scenario and the key's first and last values.
fn one_key_title(axis: &Axis, sweep: &Sweep<'_>, f: &Fmt<'_>) -> String {
    f.lang.fill(
        "{}: {} from {} to {}",
        &[
            &sweep.name,
            &axis.key.path(),
            &super::written(f, axis.key, axis.value(0)),
            &super::written(f, axis.key, axis.value(axis.count - 1)),
        ],
    )
}

/// Two keys: one metric at every pair of their values.
struct Matrix<'a> {
    /// The key down the side.
    rows: &'a Axis,
    /// The key across the top.
    columns: &'a Axis,
    /// The figure in each cell.
    metric: Metric,
    /// What the sweep is over.
    sweep: &'a Sweep<'a>,
}

impl Matrix<'_> {
    /// Money headings drop the currency sign, said once in the title
    /// instead, so a matrix of amounts fits the terminal.
    fn bare(&self) -> bool {
        self.columns.key.is_money()
    }

    /// The matrix: a row per value of the row key, a column per value of
    /// the column key.
    fn table(&self, points: &[Point], f: &Fmt<'_>) -> Table {
        let (rows, columns) = (self.rows, self.columns);
        let mut header = vec![format!("{} \\ {}", rows.key.path(), columns.key.path())];
        let bare = self.bare();
        header.extend((0..columns.count).map(|j| match columns.value(j) {
            crate::forecast::scenario::value::Written::Number(n) if bare => {
                f.count(n, crate::format::Sign::Plain)
            }
            w => super::written(f, columns.key, w),
        }));
        let mut t = Table::new(header, 0);
        t.keep = 1;
        for (i, row) in points.chunks(columns.count as usize).enumerate() {
            let mut cells = vec![super::written(f, rows.key, rows.value(i as u64))];
            cells.extend(row.iter().map(|p| shown(self.metric, p, f)));
            t.row(cells);
        }
        t
    }

    /// The matrix's title: the metric, which key runs which way, and the
    /// currency when the headings left it out.
    fn title(&self, f: &Fmt<'_>) -> String {
        let l = f.lang;
        let (rows, columns) = (self.rows, self.columns);
        if self.bare() {
            l.fill(
                "{}: {} by {} (rows) and {}, {} (columns)",
                &[
                    &self.sweep.name,
                    &l.tr(metric_title(self.metric)),
                    &rows.key.path(),
                    &columns.key.path(),
                    &crate::format::currency_symbol(f.currency),
                ],
            )
        } else {
            l.fill(
                "{}: {} by {} (rows) and {} (columns)",
                &[
                    &self.sweep.name,
                    &l.tr(metric_title(self.metric)),
                    &rows.key.path(),
                    &columns.key.path(),
                ],
            )
        }
    }
}

/// Most grid points a workbook takes: a sheet holds 1,048,576 rows, but a
/// workbook is built in memory, and a million rows of it would take gigabytes.
pub const MAX_XLSX_POINTS: u64 = 100_000;

/// The sweep as a workbook: a row per grid point, the varied keys as
/// numbers (a share or change as a percentage), then the headline figures.
pub fn xlsx(
    grid: &Grid,
    points: &[Point],
    lang: Lang,
    currency: &str,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut book = Book::new(lang, currency);
    let mut sheet = book.sheet(lang.tr("Sweep"))?;
    let keys: Vec<Key> = grid.axes().iter().map(|a| a.key).collect();
    let Some(first) = points.first() else {
        book.add(sheet)?;
        return book.bytes();
    };
    let mut header: Vec<&str> = keys.iter().map(|k| k.path()).collect();
    header.extend(
        super::calc_xlsx::summary_values(&first.summary)
            .iter()
            .map(|(label, _)| lang.tr(label)),
    );
    sheet.header(&header, u16::try_from(keys.len()).unwrap_or(1))?;
    for p in points {
        let mut row: Vec<Value> = keys
            .iter()
            .zip(p.values)
            .map(|(key, w)| Value::key(*key, w))
            .collect();
        row.extend(
            super::calc_xlsx::summary_values(&p.summary)
                .into_iter()
                .map(|(_, v)| v),
        );
        sheet.row(&row)?;
    }
    book.add(sheet)?;
    book.bytes()
}

/// What an undefined figure shows.
const DASH: &str = "—";

fn metric_title(metric: Metric) -> &'static str {
    match metric {
        Metric::Roi => "ROI over the horizon",
        Metric::Payback => "payback in months",
        Metric::Net => "net over the horizon",
        Metric::Npv => "NPV",
        Metric::Benefit => "monthly benefit",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A repeated figure is copied from the memo, a new one formatted: the
    /// texts are worked out by hand, including a rounding, a change of kind
    /// with the same decimal, and a decimal comma.
    #[test]
    fn memo_writes_what_formatting_writes() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        let cells = [
            Cell::Money(d("1.005")),
            Cell::Money(d("1.005")),
            Cell::Money(d("2")),
            Cell::Ratio(d("2")),
            Cell::Null,
            Cell::Month(7),
            Cell::Ratio(d("2")),
            Cell::Money(d("-0.001")),
        ];
        for (mark, expected) in [
            (b'.', "1.01|1.01|2.00|2.00000000||7|2.00000000|0.00|"),
            (b',', "1,01|1,01|2,00|2,00000000||7|2,00000000|0,00|"),
        ] {
            let (mut memo, mut out) = (Memo::default(), Vec::new());
            for cell in cells {
                memo.push(&mut out, cell, mark);
                out.push(b'|');
            }
            assert_eq!(String::from_utf8(out).unwrap(), expected);
        }
    }
}
