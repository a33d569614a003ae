//! Workbooks (XLSX, XLS, ODS) through `calamine`: one sheet loaded, its cells
//! typed as the spreadsheet stores them, rows and columns numbered as it shows them.
//!
//! An XLSX sheet is read cell by cell and kept sparse, so its memory follows
//! the cells it holds, not the rectangle they span: one cell at XFD1048576
//! would otherwise make a range of 17 billion cells. Its parts are checked
//! before they are opened: a few hundred kilobytes of zip can unpack to
//! gigabytes of shared strings.

use std::io::Cursor;
use std::sync::Arc;

use calamine::{Data, Range, Reader};

use super::super::table::{Cell, Kind, Opened, Origin, ReadError, Rows};

/// Opens the sheet named `wanted` (or the first) of the `kind` workbook `origin`.
pub(super) fn open(origin: &Origin, kind: Kind, wanted: Option<&str>) -> Result<Opened, ReadError> {
    let bytes = Cursor::new(super::whole(origin)?);
    let file = origin.name();
    let (sheet, range) = match kind {
        Kind::Xls => load::<calamine::Xls<_>>(bytes, &file, kind, wanted)?,
        Kind::Ods => load::<calamine::Ods<_>>(bytes, &file, kind, wanted)?,
        _ => return sparse::open(bytes, &file, wanted),
    };
    // The used range may start below row 1 or right of column A (a blank margin).
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    Ok(Opened {
        kind,
        encoding: None,
        sheet: Some(sheet),
        rows: Box::new(SheetRows {
            range,
            first_row,
            first_column: first_column as usize,
            at: None,
            width: 0,
        }),
    })
}

/// The sheet `wanted` names (the exact name, else the one name that differs
/// only in case or surrounding spaces), or the first.
fn choose(sheets: &[String], wanted: Option<&str>) -> Option<String> {
    match wanted {
        Some(wanted) => sheets.iter().find(|s| *s == wanted).cloned().or_else(|| {
            let mut like = sheets
                .iter()
                .filter(|s| s.trim().to_lowercase() == wanted.trim().to_lowercase());
            match (like.next(), like.next()) {
                (Some(one), None) => Some(one.clone()),
                _ => None,
            }
        }),
        None => sheets.first().cloned(),
    }
}

/// The refusal when no sheet is chosen.
fn no_sheet(file: &str, kind: Kind, wanted: Option<&str>, sheets: Vec<String>) -> ReadError {
    match wanted {
        Some(sheet) => ReadError::NoSheet {
            file: file.to_owned(),
            sheet: sheet.to_owned(),
            sheets,
        },
        None => ReadError::Damaged {
            file: file.to_owned(),
            kind,
            detail: crate::i18n::t("the workbook has no sheets").to_owned(),
        },
    }
}

/// The chosen sheet's name and cells.
fn load<W>(
    bytes: Cursor<Arc<[u8]>>,
    file: &str,
    kind: Kind,
    wanted: Option<&str>,
) -> Result<(String, Range<Data>), ReadError>
where
    W: Reader<Cursor<Arc<[u8]>>>,
    W::Error: std::fmt::Display,
{
    let damaged = |detail: String| ReadError::Damaged {
        file: file.to_owned(),
        kind,
        detail,
    };
    let mut book: W =
        calamine::open_workbook_from_rs(bytes).map_err(|e: W::Error| damaged(e.to_string()))?;
    let sheets = book.sheet_names();
    let Some(name) = choose(&sheets, wanted) else {
        return Err(no_sheet(file, kind, wanted, sheets));
    };
    let range = book
        .worksheet_range(&name)
        .map_err(|e| damaged(e.to_string()))?;
    Ok((name, range))
}

/// A loaded sheet, walked row by row.
struct SheetRows {
    range: Range<Data>,
    /// The 0-based sheet row of the range's first row.
    first_row: u32,
    /// The 0-based sheet column of the range's first column: cell `i` is column `i` of the sheet.
    first_column: usize,
    /// The current row within the range.
    at: Option<usize>,
    /// The current row's width up to its last non-empty cell.
    width: usize,
}

impl Rows for SheetRows {
    fn advance(&mut self) -> Result<bool, ReadError> {
        let next = self.at.map_or(0, |r| r + 1);
        if next >= self.range.height() {
            self.at = Some(self.range.height());
            return Ok(false);
        }
        self.at = Some(next);
        self.width = (0..self.range.width())
            .rev()
            .find(|&c| {
                self.range
                    .get((next, c))
                    .is_some_and(|d| cell(d) != Cell::Empty)
            })
            .map_or(0, |last| self.first_column + last + 1);
        Ok(true)
    }

    fn number(&self) -> u64 {
        u64::from(self.first_row) + self.at.map_or(0, |r| r as u64) + 1
    }

    fn width(&self) -> usize {
        self.width
    }

    fn cell(&self, i: usize) -> Cell<'_> {
        match (self.at, i.checked_sub(self.first_column)) {
            (Some(row), Some(column)) => self.range.get((row, column)).map_or(Cell::Empty, cell),
            _ => Cell::Empty,
        }
    }
}

mod sparse;

/// A spreadsheet value as a cell.
fn cell(data: &Data) -> Cell<'_> {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => text(s),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(d) => d
            .as_datetime()
            .map_or(Cell::Number(d.as_f64()), Cell::DateTime),
        // ODS stores dates as ISO text: `2025-01-15` or `2025-01-15T10:30:00`.
        Data::DateTimeIso(s) => s
            .parse::<chrono::NaiveDateTime>()
            .ok()
            .or_else(|| {
                s.parse::<chrono::NaiveDate>()
                    .ok()
                    .map(|d| d.and_time(chrono::NaiveTime::MIN))
            })
            .map_or_else(|| text(s), Cell::DateTime),
        Data::DurationIso(s) => text(s),
        // As the spreadsheet shows it, so the caller reports `#VALUE!` as a bad cell.
        Data::Error(e) => Cell::Text(match e {
            calamine::CellErrorType::Div0 => "#DIV/0!",
            calamine::CellErrorType::NA => "#N/A",
            calamine::CellErrorType::Name => "#NAME?",
            calamine::CellErrorType::Null => "#NULL!",
            calamine::CellErrorType::Num => "#NUM!",
            calamine::CellErrorType::Ref => "#REF!",
            calamine::CellErrorType::Value => "#VALUE!",
            calamine::CellErrorType::GettingData => "#DATA!",
        }),
    }
}

fn text(s: &str) -> Cell<'_> {
    match s.trim() {
        "" => Cell::Empty,
        t => Cell::Text(t),
    }
}
