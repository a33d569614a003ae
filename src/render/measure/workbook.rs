//! `roi measure -o funnel.xlsx`: the months as numbers, and the files and the
//! account of every row on a sheet of their own.

use super::{channel_word, source_name};
use crate::evidence::measure::Measured;
use crate::evidence::measure::funnel::Figures;
use crate::evidence::measure::quality::Quality;
use crate::evidence::measure::records::Split;
use crate::i18n::Lang;
use crate::render::xlsx::{Book, Sheet, Value};
use rust_xlsxwriter::XlsxError;

/// `--format xlsx`: the months as numbers (a sheet per channel split in one
/// tidy table), the files and the account of every row.
/// With `retention`, a sheet of its cohorts follows the funnel's.
pub fn xlsx(
    m: &Measured,
    retention: Option<&crate::evidence::retention::Retention>,
    lang: Lang,
) -> Result<Vec<u8>, XlsxError> {
    let mut book = Book::new(lang, "RUB");
    let funnel = funnel_sheet(&book, m, lang)?;
    book.add(funnel)?;
    if let Some(r) = retention {
        let sheet = super::retention::sheet(&book, r, lang)?;
        book.add(sheet)?;
        if let Some(by) = &r.by {
            let sheet = super::retention::by_sheet(&book, by, lang)?;
            book.add(sheet)?;
        }
    }
    if let Some(split) = &m.by {
        let by = by_sheet(&book, split, lang)?;
        book.add(by)?;
    }
    let rows = rows_sheet(&book, m, lang)?;
    book.add(rows)?;
    book.bytes()
}

/// One row per month and channel, every figure a number a formula can use.
fn funnel_sheet(book: &Book, m: &Measured, l: Lang) -> Result<Sheet, XlsxError> {
    let mut funnel = book.sheet(l.tr("Funnel"))?;
    let header: Vec<&str> = ["Month", "Channel"]
        .into_iter()
        .chain(FIGURE_HEADERS)
        .map(|h| l.tr(h))
        .collect();
    funnel.header(&header, 2)?;
    for (month, tallies) in &m.funnel.months {
        for &channel in m.funnel.channels() {
            let f = tallies[channel as usize].figures();
            let mut row = vec![
                Value::text(month.to_string()),
                Value::text(l.tr(channel_word(channel))),
            ];
            row.extend(figure_cells(&f));
            funnel.row(&row)?;
        }
    }
    Ok(funnel)
}

/// The files read, then the account of every row.
fn rows_sheet(book: &Book, m: &Measured, l: Lang) -> Result<Sheet, XlsxError> {
    let mut rows = book.sheet(l.tr("Rows"))?;
    rows.header(
        &[
            l.tr("File"),
            l.tr("Kind"),
            l.tr("Encoding"),
            l.tr("Header row"),
            l.tr("Rows"),
        ],
        1,
    )?;
    for f in &m.files {
        rows.row(&[
            Value::text(f.path.clone()),
            Value::text(f.kind.name()),
            Value::text(f.encoding.map_or("", |e| e.name())),
            Value::Whole(f.header_row),
            Value::Whole(f.rows),
        ])?;
    }
    rows.blank();
    account(&mut rows, &m.quality, l)?;
    Ok(rows)
}

/// Where every row went: read, counted, repeated, outside the period, left
/// out (each reason with its column and first example) and disagreeing IDs.
fn account(rows: &mut Sheet, q: &Quality, l: Lang) -> Result<(), XlsxError> {
    for (label, n) in [
        ("Rows read", q.rows),
        ("Counted", q.used),
        ("Repeated IDs", q.duplicates),
        ("Outside --from/--to", q.outside_period),
        ("Left out", q.skipped_rows()),
        ("IDs that disagree", q.conflicts),
    ] {
        rows.row(&[
            Value::text(l.tr(label)),
            Value::Empty,
            Value::Empty,
            Value::Empty,
            Value::Whole(n),
        ])?;
    }
    for s in &q.skipped {
        let example = s
            .examples
            .first()
            .map(|e| l.fill("{} row {}: «{}»", &[&e.file, &e.row, &e.value]))
            .unwrap_or_default();
        rows.row(&[
            Value::text(l.tr(s.reason.describe())),
            Value::text(s.column.clone()),
            Value::text(example),
            Value::Empty,
            Value::Whole(s.rows),
        ])?;
    }
    Ok(())
}

/// The workbook's sheet of the split: a row per month and value, numbers
/// a formula can use.
fn by_sheet(book: &Book, split: &Split, l: Lang) -> Result<Sheet, XlsxError> {
    let mut sheet = book.sheet(l.tr("By source"))?;
    let column = crate::input::clip(&split.column);
    let mut header: Vec<&str> = vec![l.tr("Month"), &column];
    header.extend(FIGURE_HEADERS.iter().map(|h| l.tr(h)));
    sheet.header(&header, 2)?;
    for (month, tallies) in &split.months {
        for (source, tally) in split.sources.iter().zip(tallies) {
            let f = tally.figures();
            let mut row = vec![
                Value::text(month.to_string()),
                Value::text(source_name(source, l)),
            ];
            row.extend(figure_cells(&f));
            sheet.row(&row)?;
        }
    }
    Ok(sheet)
}

/// The headings of [`figure_cells`].
const FIGURE_HEADERS: [&str; 8] = [
    "Leads",
    "Bookings",
    "Conversion",
    "Visits",
    "No-shows",
    "No-show rate",
    "Revenue",
    "Average check",
];

/// A row's figures as numbers a formula can use, after its labels; an
/// unknown one is an empty cell.
fn figure_cells(f: &Figures) -> [Value; 8] {
    let count = |v: Option<u64>| v.map_or(Value::Empty, Value::Whole);
    [
        count(f.leads),
        count(f.bookings),
        Value::ratio(f.conversion),
        count(f.visits),
        count(f.no_shows),
        Value::ratio(f.no_show_rate),
        Value::money(f.revenue),
        Value::money(f.average_check),
    ]
}
