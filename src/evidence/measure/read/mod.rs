//! Opening an export: its kind and text encoding told from the bytes (never the
//! file name, since Bitrix24 saves an HTML table as `.xls`), then the reader for it.

mod csv;

pub use csv::split::{Halves, SplitAt, forcing, last_halves, note_halves, opening};
mod html;
mod json;
mod sheet;
mod text;

use std::io::Read;

use super::table::{Kind, Opened, Origin, ReadError};

/// How many leading bytes tell the kind: enough for a zip's first entry name and
/// the ODS mimetype stored right after it, and for whitespace before an HTML `<`.
const HEAD: usize = 1024;

/// Opens `origin` as a table: sniffs what it is, then streams its rows (CSV) or
/// loads the sheet (spreadsheets, named `sheet` or else the first) or the first
/// `<table>` (HTML).
pub fn open(origin: &Origin, sheet: Option<&str>) -> Result<Opened, ReadError> {
    let head = head(origin)?;
    match sniff_kind(&head) {
        kind @ (Kind::Xlsx | Kind::Ods | Kind::Xls) => sheet::open(origin, kind, sheet),
        Kind::Html => html::open(origin),
        Kind::Json => json::open(origin),
        Kind::Csv => csv::open(origin, &head),
    }
}

/// The kind of file `head` (the first bytes) begins.
pub(crate) fn sniff_kind(head: &[u8]) -> Kind {
    if head.starts_with(b"PK") {
        if is_ods(head) { Kind::Ods } else { Kind::Xlsx }
    } else if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        Kind::Xls
    } else if text::first_char(head) == Some(b'<') {
        Kind::Html
    } else if matches!(text::first_char(head), Some(b'[' | b'{')) {
        Kind::Json
    } else {
        Kind::Csv
    }
}

/// An OpenDocument package's first zip entry is an uncompressed `mimetype` file
/// (the spec requires it there, so that sniffing like this works).
fn is_ods(head: &[u8]) -> bool {
    let u16_at = |i: usize| {
        head.get(i..i + 2)
            .map(|b| u16::from_le_bytes([b[0], b[1]]) as usize)
    };
    if !head.starts_with(b"PK\x03\x04") {
        return false;
    }
    let (Some(name_len), Some(extra_len)) = (u16_at(26), u16_at(28)) else {
        return false;
    };
    let data = 30 + name_len + extra_len;
    head.get(30..30 + name_len) == Some(b"mimetype")
        && head
            .get(data..)
            .is_some_and(|d| d.starts_with(b"application/vnd.oasis.opendocument.spreadsheet"))
}

/// The error for an operating-system failure reading `origin`.
fn io_error(origin: &Origin, error: std::io::Error) -> ReadError {
    ReadError::Io {
        file: origin.name(),
        error,
    }
}

/// A fresh reader over all of `origin`'s bytes, from the start.
fn source(origin: &Origin) -> Result<Box<dyn Read + Send>, ReadError> {
    Ok(match origin {
        Origin::Path(path) => Box::new(std::fs::File::open(path).map_err(|e| io_error(origin, e))?),
        Origin::Bytes { bytes, .. } => Box::new(std::io::Cursor::new(bytes.clone())),
    })
}

/// All of `origin`'s bytes (for formats that need them whole: workbooks, HTML).
fn whole(origin: &Origin) -> Result<std::sync::Arc<[u8]>, ReadError> {
    match origin {
        Origin::Path(path) => std::fs::read(path)
            .map(Into::into)
            .map_err(|e| io_error(origin, e)),
        Origin::Bytes { bytes, .. } => Ok(bytes.clone()),
    }
}

/// Up to `n` bytes from `reader` (fewer only at the end of the input).
fn read_up_to(reader: &mut dyn Read, n: usize) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(n);
    reader.take(n as u64).read_to_end(&mut out)?;
    Ok(out)
}

/// The first [`HEAD`] bytes of `origin`.
fn head(origin: &Origin) -> Result<Vec<u8>, ReadError> {
    match origin {
        Origin::Bytes { bytes, .. } => Ok(bytes[..bytes.len().min(HEAD)].to_vec()),
        Origin::Path(_) => read_up_to(&mut *source(origin)?, HEAD).map_err(|e| io_error(origin, e)),
    }
}

#[cfg(test)]
mod tests;
