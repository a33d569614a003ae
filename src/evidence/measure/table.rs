//! A sheet of cells, whatever file it came from: the one shape every reader yields.
//!
//! Readers stream: a caller moves row by row and reads the cells of the current
//! row, so a million-row CSV never sits in memory.

use std::path::PathBuf;

/// One cell of the current row, borrowed from the reader.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<'a> {
    /// Nothing in the cell (or only spaces).
    Empty,
    /// Text as written (CSV and HTML cells are always text; spreadsheet text cells too).
    Text(&'a str),
    /// A spreadsheet number cell, as the spreadsheet stores it.
    Number(f64),
    /// A spreadsheet cell formatted as a date or a date and time.
    DateTime(chrono::NaiveDateTime),
    /// A spreadsheet boolean cell.
    Bool(bool),
}

/// What kind of file the bytes are, decided from the bytes, never from the name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Office Open XML workbook (`PK` zip).
    Xlsx,
    /// OpenDocument spreadsheet (`PK` zip with an OpenDocument mimetype).
    Ods,
    /// Legacy Excel workbook (`D0 CF 11 E0` compound file).
    Xls,
    /// An HTML `<table>` (Bitrix24's "Excel" export, saved as `.xls`).
    Html,
    /// Delimited text.
    Csv,
    /// JSON records (YCLIENTS' and Altegio's API).
    Json,
}

impl Kind {
    /// The name used in JSON and messages: `xlsx`, `ods`, `xls`, `html`, `csv`, `json`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Xlsx => "xlsx",
            Kind::Ods => "ods",
            Kind::Xls => "xls",
            Kind::Html => "html",
            Kind::Csv => "csv",
            Kind::Json => "json",
        }
    }
}

/// The text encoding of a CSV or HTML file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 starting with a byte-order mark.
    Utf8Bom,
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-16 (little- or big-endian) with its byte-order mark, as Excel's "Unicode text" writes.
    Utf16,
    /// Windows-1251, what old self-hosted Bitrix24 portals and a Russian Excel's "CSV" write.
    Windows1251,
}

impl Encoding {
    /// The name used in JSON and messages: `utf-8-bom`, `utf-8`, `utf-16`, `windows-1251`.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8Bom => "utf-8-bom",
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16 => "utf-16",
            Encoding::Windows1251 => "windows-1251",
        }
    }
}

/// Where a file's bytes come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A file on disk, re-readable, so a large CSV can be streamed.
    Path(PathBuf),
    /// Bytes already in memory (standard input), with the name to report them under.
    Bytes {
        /// Shown in messages, like `<stdin>`.
        name: String,
        /// The whole input.
        bytes: std::sync::Arc<[u8]>,
    },
}

impl Origin {
    /// The name a user knows the file by.
    pub fn name(&self) -> String {
        match self {
            Origin::Path(p) => p.display().to_string(),
            Origin::Bytes { name, .. } => name.clone(),
        }
    }
}

/// Rows of cells, read one at a time.
pub trait Rows {
    /// Moves to the next row; `Ok(false)` at the end.
    fn advance(&mut self) -> Result<bool, ReadError>;
    /// The current row's number as the user sees it: the spreadsheet's row
    /// number, the CSV's 1-based line (where the record starts), the HTML table's row.
    fn number(&self) -> u64;
    /// How many cells the current row has (a short row's missing cells are [`Cell::Empty`]).
    fn width(&self) -> usize;
    /// The cell at 0-based column `i` of the current row; `Empty` past the row's end.
    fn cell(&self, i: usize) -> Cell<'_>;
    /// The current row as text and where each cell is in it, for a reader
    /// whose cells are all text (CSV): a caller reads many cells of a row
    /// without a call through the trait for each. `None` otherwise.
    fn text_row(&self) -> Option<TextRow<'_>> {
        None
    }
    /// The rows of the file's second half, to be counted on another core,
    /// when the reader cut the file in two (a big CSV, when asked); these
    /// rows then end where those begin. `None`: the file is read whole here.
    fn split_off(&mut self) -> Option<Box<dyn Rows + Send>> {
        None
    }
}

/// A row of text cells: their text, and each cell's bytes in it as
/// (start, end). A range that is not in the text (or not on character
/// boundaries) is a cell that could not be read, as is an empty one.
#[derive(Debug, Clone, Copy)]
pub struct TextRow<'a> {
    /// The text the cells are in.
    pub text: &'a str,
    /// Each cell's bytes in `text`, trimmed.
    pub cells: &'a [(u32, u32)],
}

impl<'a> TextRow<'a> {
    /// Cell `i`, as [`Rows::cell`] gives it.
    #[inline]
    pub fn cell(&self, i: usize) -> Cell<'a> {
        let text = self
            .cells
            .get(i)
            .and_then(|&(start, end)| self.text.get(start as usize..end as usize));
        match text {
            None | Some("") => Cell::Empty,
            Some(text) => Cell::Text(text),
        }
    }
}

/// A file opened for reading: what it is and its rows.
pub struct Opened {
    /// The kind sniffed from the bytes.
    pub kind: Kind,
    /// The text encoding, for CSV and HTML.
    pub encoding: Option<Encoding>,
    /// The sheet read, for spreadsheets.
    pub sheet: Option<String>,
    /// The rows, from the file's first row on.
    pub rows: Box<dyn Rows>,
}

/// Why a file could not be read as a table at all (the whole file is refused).
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The operating system could not read it.
    #[error("{}", crate::i18n::f("cannot read {}: {}", &[file, error]))]
    Io {
        /// The file as named.
        file: String,
        /// What the system said.
        error: std::io::Error,
    },
    /// The bytes look like a format but do not parse as it (a damaged workbook, say).
    #[error("{}", crate::i18n::f("{}: not a readable {} file: {}", &[file, &kind.name(), detail]))]
    Damaged {
        /// The file as named.
        file: String,
        /// The kind the bytes claimed to be.
        kind: Kind,
        /// What the parser said.
        detail: String,
    },
    /// `--sheet NAME` names no sheet of the workbook.
    #[error("{}", crate::i18n::f("{}: no sheet named \"{}\"; the sheets are: {}", &[file, sheet, &sheets.join(", ")]))]
    NoSheet {
        /// The file as named.
        file: String,
        /// The name asked for.
        sheet: String,
        /// The workbook's sheets, in order.
        sheets: Vec<String>,
    },
    /// An HTML file with no `<table>` in it.
    #[error("{}", crate::i18n::f("{}: an HTML file with no table in it", &[file]))]
    NoTable {
        /// The file as named.
        file: String,
    },
    /// JSON that is not a list of records: what was found instead, never the value itself.
    #[error("{}", crate::i18n::f("{}: JSON, but not a list of records ({}); roi reads an array of records, {\"data\": [...]} as the YCLIENTS API returns it, or one record per line", &[file, found]))]
    NotRecords {
        /// The file as named.
        file: String,
        /// What the document holds instead.
        found: String,
    },
    /// A CSV that breaks the format midway (an unclosed quote, say).
    #[error("{}", crate::i18n::f("{}, line {}: {}", &[file, line, detail]))]
    Csv {
        /// The file as named.
        file: String,
        /// 1-based line.
        line: u64,
        /// What is wrong.
        detail: String,
    },
    /// A monthly sheet's column whose months add up past what the total is
    /// held in: the sum would wrap around, so the sheet is refused.
    #[error("{}", crate::i18n::f("{} row {} ({}): {} adds up over the months to more than {}, past what its total can hold exactly; a cell of the column has extra digits", &[file, row, month, column, limit]))]
    TooLarge {
        /// The file as named.
        file: String,
        /// The row whose month takes the total past the limit.
        row: u64,
        /// That month.
        month: String,
        /// The column's header, as written («Заявки»).
        column: String,
        /// The limit passed.
        limit: &'static str,
    },
}
