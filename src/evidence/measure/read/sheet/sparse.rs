//! An XLSX sheet read cell by cell and kept sparse: memory follows the cells
//! a sheet holds, and the workbook's parts are sized before they are unpacked.

use std::io::{Cursor, Read, Seek};
use std::sync::Arc;

use calamine::{Data, Reader, Xlsx};

use super::super::super::table::{Cell, Kind, Opened, ReadError, Rows};
use super::{cell, choose, no_sheet};

/// The most cells a sheet may hold: a million rows of five columns, far past
/// any salon's export, and some 200 MB as calamine keeps them.
const MAX_CELLS: usize = 5_000_000;

/// The most bytes the shared strings may unpack to: calamine holds them all
/// as strings before the first cell is read.
const MAX_SHARED_STRINGS: u64 = 64 << 20;

/// The most bytes a workbook's parts may unpack to in all.
const MAX_UNPACKED: u64 = 1 << 30;

/// Opens the sheet `wanted` (or the first) of the workbook in `bytes`.
pub(super) fn open(
    bytes: Cursor<Arc<[u8]>>,
    file: &str,
    wanted: Option<&str>,
) -> Result<Opened, ReadError> {
    let damaged = |detail: String| ReadError::Damaged {
        file: file.to_owned(),
        kind: Kind::Xlsx,
        detail,
    };
    check_parts(bytes.clone(), &damaged)?;
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(bytes)
        .map_err(|e: calamine::XlsxError| damaged(e.to_string()))?;
    let sheets = book.sheet_names();
    let Some(name) = choose(&sheets, wanted) else {
        return Err(no_sheet(file, Kind::Xlsx, wanted, sheets));
    };
    let cells = read_cells(&mut book, &name, &damaged)?;
    Ok(Opened {
        kind: Kind::Xlsx,
        encoding: None,
        sheet: Some(name),
        rows: Box::new(SparseRows::new(cells)),
    })
}

/// Refuses a workbook whose parts unpack past the limits, by the sizes its
/// zip directory declares, before calamine unpacks any of them.
fn check_parts<R: Read + Seek>(
    bytes: R,
    damaged: &dyn Fn(String) -> ReadError,
) -> Result<(), ReadError> {
    let mut zip = zip::ZipArchive::new(bytes).map_err(|e| damaged(e.to_string()))?;
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(|e| damaged(e.to_string()))?;
        let size = entry.size();
        total = total.saturating_add(size);
        let name = entry
            .name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        if name.ends_with("sharedstrings.xml") && size > MAX_SHARED_STRINGS {
            return Err(damaged(crate::i18n::f(
                "its shared strings unpack to {} MB, more than an export holds (at most {} MB); save the sheet again from Excel, or as CSV",
                &[&(size >> 20), &(MAX_SHARED_STRINGS >> 20)],
            )));
        }
    }
    if total > MAX_UNPACKED {
        return Err(damaged(crate::i18n::f(
            "it unpacks to {} MB, more than an export holds (at most {} MB); save the sheet as CSV",
            &[&(total >> 20), &(MAX_UNPACKED >> 20)],
        )));
    }
    Ok(())
}

/// The sheet's non-empty cells in the file's order (row by row), each with
/// its 0-based row and column.
fn read_cells<RS: Read + Seek>(
    book: &mut Xlsx<RS>,
    name: &str,
    damaged: &dyn Fn(String) -> ReadError,
) -> Result<Vec<(u32, u32, Data)>, ReadError> {
    let mut reader = book
        .worksheet_cells_reader(name)
        .map_err(|e| damaged(e.to_string()))?;
    let mut cells = Vec::new();
    while let Some(c) = reader.next_cell().map_err(|e| damaged(e.to_string()))? {
        let data: Data = c.get_value().clone().into();
        if data == Data::Empty {
            continue;
        }
        if cells.len() == MAX_CELLS {
            return Err(damaged(crate::i18n::f(
                "the sheet holds more than {} cells; export fewer months or save it as CSV",
                &[&MAX_CELLS],
            )));
        }
        let (row, column) = c.get_position();
        cells.push((row, column, data));
    }
    // Excel writes rows in order; a file that does not is put in order.
    if !cells.is_sorted_by_key(|&(r, c, _)| (r, c)) {
        cells.sort_by_key(|&(r, c, _)| (r, c));
    }
    Ok(cells)
}

/// A sheet's cells, walked row by row from its first used row to its last;
/// a row with no cells is an empty row, as the spreadsheet shows it.
struct SparseRows {
    cells: Vec<(u32, u32, Data)>,
    /// The 0-based sheet row of the current row.
    row: Option<u32>,
    /// The current row's cells: `cells[start..end]`.
    start: usize,
    end: usize,
    /// The current row's width up to its last non-empty cell.
    width: usize,
}

impl SparseRows {
    fn new(cells: Vec<(u32, u32, Data)>) -> SparseRows {
        SparseRows {
            cells,
            row: None,
            start: 0,
            end: 0,
            width: 0,
        }
    }

    fn current(&self) -> &[(u32, u32, Data)] {
        &self.cells[self.start..self.end]
    }
}

impl Rows for SparseRows {
    fn advance(&mut self) -> Result<bool, ReadError> {
        let Some(&(first, ..)) = self.cells.first() else {
            return Ok(false);
        };
        let last = self.cells.last().map_or(first, |c| c.0);
        let next = match self.row {
            None => first,
            Some(r) if r >= last => return Ok(false),
            Some(r) => r + 1,
        };
        self.row = Some(next);
        self.start = self.end;
        while self.start < self.cells.len() && self.cells[self.start].0 < next {
            self.start += 1;
        }
        self.end = self.start;
        while self.end < self.cells.len() && self.cells[self.end].0 == next {
            self.end += 1;
        }
        self.width = self
            .current()
            .iter()
            .rev()
            .find(|(_, _, d)| cell(d) != Cell::Empty)
            .map_or(0, |&(_, c, _)| c as usize + 1);
        Ok(true)
    }

    fn number(&self) -> u64 {
        self.row.map_or(0, |r| u64::from(r) + 1)
    }

    fn width(&self) -> usize {
        self.width
    }

    fn cell(&self, i: usize) -> Cell<'_> {
        let row = self.current();
        match row.binary_search_by_key(&i, |&(_, c, _)| c as usize) {
            Ok(at) => cell(&row[at].2),
            Err(_) => Cell::Empty,
        }
    }
}
