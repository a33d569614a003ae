//! The CSV's records read into batches: the decoded text read 64 KiB at a
//! time, just as the `csv` crate's reader read it (so a refusal falls on
//! the same row as it always did), every whole record in the buffer cut at
//! once, the cut bytes checked as UTF-8 and their line breaks counted in
//! one sweep each, and the fields copied into the batch's one string.

use std::io::Read;

use super::super::super::cell::trimmed;
use super::super::super::table::ReadError;
use super::record::{self, Cut, Fields};

/// The longest record read: far past any export's row, and short of holding a
/// whole file in one field when a quote is never closed.
pub(crate) const MAX_RECORD: u64 = 1 << 20;

/// How much is read at a time: what the `csv` crate's reader read at a time
/// here, so that a record too long is refused at the same read as before.
const CHUNK: usize = 64 * 1024;

/// Records a batch carries between the cores, at least (a batch takes every
/// record of the last read whole), unless its text reaches [`BATCH_TEXT`].
const BATCH: usize = 1024;

/// Bytes of text after which a batch is sent whatever its records.
const BATCH_TEXT: usize = 1 << 20;

/// A UTF-8 byte-order mark, which the `csv` crate drops at the start.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Records for the counter on the other core: their text, where each field
/// is in it (trimmed, as a cell reads), and the error that ended the file,
/// if one did, after them.
pub(super) struct Batch {
    text: String,
    /// Each field's bytes in `text`; [`UNREADABLE`] for a field that is not
    /// UTF-8 on its own (it reads as empty).
    fields: Vec<(u32, u32)>,
    /// Each record's line and its first field in `fields`.
    records: Vec<(u64, u32)>,
    /// What stopped the reading.
    pub error: Option<ReadError>,
}

/// A field whose bytes are not UTF-8 on their own: out of any text's range.
const UNREADABLE: (u32, u32) = (u32::MAX, u32::MAX);

impl Batch {
    pub fn new() -> Batch {
        Batch {
            text: String::new(),
            fields: Vec::new(),
            records: Vec::new(),
            error: None,
        }
    }

    fn clear(&mut self) {
        self.text.clear();
        self.fields.clear();
        self.records.clear();
        self.error = None;
    }

    /// How many records it holds.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// The line record `at` starts on.
    pub fn line(&self, at: usize) -> u64 {
        self.records.get(at).map_or(0, |r| r.0)
    }

    /// Record `at`'s fields: indices for [`Batch::field`].
    pub fn fields(&self, at: usize) -> std::ops::Range<usize> {
        let first = self.records.get(at).map_or(0, |r| r.1 as usize);
        let end = self
            .records
            .get(at + 1)
            .map_or(self.fields.len(), |r| r.1 as usize);
        first..end
    }

    /// Field `k` of the batch, if it is text.
    pub fn field(&self, k: usize) -> Option<&str> {
        let &(start, end) = self.fields.get(k)?;
        self.text.get(start as usize..end as usize)
    }

    fn start_record(&mut self, line: u64) {
        self.records.push((line, self.fields.len() as u32));
    }

    /// A field whose text is `text[start..end]`.
    fn push_span(&mut self, start: usize, end: usize) {
        self.fields.push((start as u32, end as u32));
    }

    fn push_field(&mut self, text: Option<&str>) {
        self.fields.push(match text {
            Some(t) => {
                let start = self.text.len() as u32;
                self.text.push_str(t);
                (start, self.text.len() as u32)
            }
            None => UNREADABLE,
        });
    }
}

/// One record cut from the buffer, before it is copied into a batch.
struct Cutting {
    /// Where it starts in the buffer's unread part.
    start: usize,
    /// Its fields' ends in [`Fields::ends`]: the previous record's end on.
    fields_end: usize,
    /// The line it starts on, counting only the line breaks between records
    /// until the sweep finds none inside quotes.
    line: u64,
    unclosed: bool,
}

/// Reads the decoded text into batches.
pub(super) struct Scanner {
    file: String,
    input: Box<dyn Read + Send>,
    delimiter: u8,
    buf: Vec<u8>,
    /// The bytes read and not yet cut are `buf[pos..len]`.
    pos: usize,
    len: usize,
    eof: bool,
    /// Nothing has been cut yet: a leading byte-order mark is dropped.
    fresh: bool,
    /// Bytes read in all.
    passed: u64,
    /// Where the record being read starts in the input, by the line breaks
    /// outside quotes (a dropped byte-order mark is part of the first).
    record_start: u64,
    /// `\n` bytes before `buf[pos]`.
    newlines: u64,
    /// The line of the last record given.
    line: u64,
    fields: Fields,
    cut: Vec<Cutting>,
}

impl Scanner {
    pub fn new(file: String, input: Box<dyn Read + Send>, delimiter: u8) -> Scanner {
        Scanner {
            file,
            input,
            delimiter,
            buf: Vec::new(),
            pos: 0,
            len: 0,
            eof: false,
            fresh: true,
            passed: 0,
            record_start: 0,
            newlines: 0,
            line: 0,
            fields: Fields::default(),
            cut: Vec::new(),
        }
    }

    /// The file as named.
    pub fn file(&self) -> &str {
        &self.file
    }

    fn error(&self, line: u64, detail: String) -> ReadError {
        ReadError::Csv {
            file: self.file.clone(),
            line,
            detail,
        }
    }

    /// Fills `batch` afresh: `true` while the file goes on.
    pub fn fill(&mut self, batch: &mut Batch) -> bool {
        batch.clear();
        while batch.len() < BATCH && batch.text.len() < BATCH_TEXT && !self.eof {
            if let Err(e) = self.read() {
                batch.error = Some(e);
                return false;
            }
            if let Err(e) = self.cut_buffered(batch) {
                batch.error = Some(e);
                return false;
            }
            // One record past the limit: an unclosed quote swallowing the
            // file, or not an export; refused before any more is held.
            if self.passed - self.record_start > MAX_RECORD {
                batch.error = Some(self.error(
                    self.line + 1,
                    crate::i18n::f(
                        "a row runs past {} MB: a quoted field is never closed (a \" is missing), or this is not an export",
                        &[&(MAX_RECORD >> 20)],
                    ),
                ));
                return false;
            }
        }
        !self.eof
    }

    /// Reads the next chunk after the bytes not yet cut (a record begun).
    fn read(&mut self) -> Result<(), ReadError> {
        self.buf.copy_within(self.pos..self.len, 0);
        self.len -= self.pos;
        self.pos = 0;
        if self.buf.len() < self.len + CHUNK {
            self.buf.resize(self.len + CHUNK, 0);
        }
        let n = self
            .input
            .read(&mut self.buf[self.len..self.len + CHUNK])
            .map_err(|error| ReadError::Io {
                file: self.file.clone(),
                error,
            })?;
        self.eof = n == 0;
        self.len += n;
        self.passed += n as u64;
        Ok(())
    }

    /// Cuts every whole record read (at the end of the input, the last one
    /// too) and copies them into `batch`, up to the first that is refused.
    fn cut_buffered(&mut self, batch: &mut Batch) -> Result<(), ReadError> {
        let (taken, counted) = self.cut_records();
        let input = &self.buf[self.pos..self.pos + taken];
        let newlines = memchr::memchr_iter(b'\n', input).count() as u64;
        if newlines != counted {
            // Line breaks inside quoted fields, which the lines were counted
            // without: count each record's line again.
            let mut from = (0, self.newlines);
            for c in &mut self.cut {
                from.1 += memchr::memchr_iter(b'\n', &input[from.0..c.start]).count() as u64;
                from.0 = c.start;
                c.line = from.1 + 1;
            }
        }
        let copied = match simdutf8::basic::from_utf8(input) {
            Ok(text) => copy_text(&self.fields, &self.cut, text, batch),
            Err(_) => copy_checked(&self.fields, &self.cut, input, batch),
        };
        self.pos += taken;
        self.newlines += newlines;
        if let Some(last) = batch.records.last() {
            self.line = last.0;
        }
        copied.map_err(|(line, detail)| self.error(line, crate::i18n::t(detail).to_owned()))
    }

    /// Cuts the whole records of `buf[pos..len]` into [`Self::cut`]: how
    /// many bytes they and the blank lines around them take, and how many
    /// `\n` end them or the blank lines.
    fn cut_records(&mut self) -> (usize, u64) {
        self.fields.clear();
        self.cut.clear();
        let input = &self.buf[self.pos..self.len];
        let mut at = 0;
        // The `csv` crate drops a mark that starts its first read.
        let mut bom = std::mem::take(&mut self.fresh) && input.starts_with(BOM);
        if bom {
            at = BOM.len();
        }
        let mut newlines = 0;
        loop {
            while let Some(&b) = input.get(at).filter(|&&b| b == b'\r' || b == b'\n') {
                newlines += u64::from(b == b'\n');
                at += 1;
            }
            // Only the mark so far, before a record the bytes do not finish:
            // it stays, dropped again with that record, which it is part of.
            let only_mark = bom && at == BOM.len();
            if !only_mark {
                self.record_start = self.passed - (input.len() - at) as u64;
            }
            let d = self.delimiter;
            let cut = match input.get(at..).filter(|rest| !rest.is_empty()) {
                None if self.eof => return (at, newlines),
                None => Cut::More,
                Some(rest) => record::cut(rest, at, self.eof, d, &mut self.fields),
            };
            match cut {
                Cut::More if only_mark => {
                    self.fresh = true;
                    return (0, 0);
                }
                Cut::More => return (at, newlines),
                Cut::Record {
                    len,
                    by_newline,
                    unclosed,
                } => {
                    self.cut.push(Cutting {
                        start: at,
                        fields_end: self.fields.ends.len(),
                        line: self.newlines + newlines + 1,
                        unclosed,
                    });
                    bom = false;
                    at += len;
                    newlines += u64::from(by_newline);
                }
            }
        }
    }
}

/// `text[a..b]` without the whitespace around it, as a cell reads: trimmed
/// here, on the reading core, rather than on the counting one at every look.
fn trim(text: &str, a: usize, b: usize) -> (usize, usize) {
    let Some(field) = text.get(a..b) else {
        return (a, b);
    };
    let kept = trimmed(field).len();
    if kept == field.len() {
        return (a, b);
    }
    let start = a + (field.len() - field.trim_start().len());
    (start, start + kept)
}

/// Why a record stops the file: its line and what is wrong (a catalogue key).
type Refusal = (u64, &'static str);

const UNCLOSED: &str = "a quoted field is never closed (a \" is missing)";
const NOT_UTF8: &str = "the text is not valid UTF-8";

/// Each field of `cut` as its pieces of the input.
fn each_field<'a>(
    fields: &'a Fields,
    cut: &'a [Cutting],
) -> impl Iterator<Item = (&'a Cutting, Vec<&'a [(usize, usize)]>)> {
    let mut field = 0;
    let mut piece = 0;
    cut.iter().map(move |c| {
        let ends = &fields.ends[field..c.fields_end];
        field = c.fields_end;
        let record = ends
            .iter()
            .map(|&end| {
                let pieces = &fields.pieces[piece..end];
                piece = end;
                pieces
            })
            .collect();
        (c, record)
    })
}

/// Copies the records cut into `batch`, their text checked as UTF-8: the
/// whole stretch at once, each field where its bytes are in it (a field of
/// more than one piece after it, joined).
fn copy_text(
    fields: &Fields,
    cut: &[Cutting],
    text: &str,
    batch: &mut Batch,
) -> Result<(), Refusal> {
    let base = batch.text.len();
    batch.text.push_str(text);
    let mut piece = 0;
    let mut field = 0;
    for c in cut {
        if c.unclosed {
            return Err((c.line, UNCLOSED));
        }
        batch.start_record(c.line);
        for &end in &fields.ends[field..c.fields_end] {
            match &fields.pieces[piece..end] {
                [] => batch.push_span(base, base),
                &[(a, b)] => {
                    let (a, b) = trim(text, a, b);
                    batch.push_span(base + a, base + b);
                }
                more => {
                    let start = batch.text.len();
                    // Pieces run between quotes, delimiters and line breaks,
                    // which are ASCII: each is whole characters.
                    for &(a, b) in more {
                        batch.text.push_str(text.get(a..b).unwrap_or_default());
                    }
                    let (a, b) = trim(&batch.text, start, batch.text.len());
                    batch.push_span(a, b);
                }
            }
            piece = end;
        }
        field = c.fields_end;
    }
    Ok(())
}

/// Copies the records cut from bytes that are not all UTF-8, one by one
/// as the `csv` crate's reader gave them: a record that is not UTF-8 stops
/// the file; a field that is not, on its own, reads empty.
fn copy_checked(
    fields: &Fields,
    cut: &[Cutting],
    input: &[u8],
    batch: &mut Batch,
) -> Result<(), Refusal> {
    for (c, record) in each_field(fields, cut) {
        if c.unclosed {
            return Err((c.line, UNCLOSED));
        }
        let contents: Vec<Vec<u8>> = record
            .iter()
            .map(|pieces| {
                pieces
                    .iter()
                    .flat_map(|&(a, b)| input[a..b].iter().copied())
                    .collect()
            })
            .collect();
        if simdutf8::basic::from_utf8(&contents.concat()).is_err() {
            return Err((c.line, NOT_UTF8));
        }
        batch.start_record(c.line);
        for bytes in &contents {
            batch.push_field(std::str::from_utf8(bytes).ok().map(trimmed));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    type Scanned = (Vec<(u64, Vec<Option<String>>)>, Option<String>);

    /// Every record read from `input` as (line, fields), and the error after them.
    fn scan(input: Box<dyn Read + Send>) -> Scanned {
        let mut scanner = Scanner::new("x.csv".into(), input, b';');
        let (mut records, mut batch) = (Vec::new(), Batch::new());
        loop {
            let more = scanner.fill(&mut batch);
            for at in 0..batch.len() {
                let fields = batch.fields(at).map(|k| batch.field(k).map(str::to_owned));
                records.push((batch.line(at), fields.collect()));
            }
            if let Some(e) = batch.error.take() {
                return (records, Some(e.to_string()));
            }
            if !more {
                return (records, None);
            }
        }
    }

    fn text(s: &str) -> Option<String> {
        Some(s.to_owned())
    }

    #[test]
    fn bytes_that_are_not_utf8_are_judged_by_record_then_by_field() {
        // A quote between the two bytes of «А» (Cyrillic): the field is whole.
        let (records, error) = scan(Box::new(&b"a;b\n\"\xD0\"\x90;c\n"[..]));
        assert_eq!(records[1], (2, vec![text("\u{410}"), text("c")]));
        assert_eq!(error, None);
        // Halves of «А» in two fields: the record reads, each field is empty.
        let (records, _) = scan(Box::new(&b"a;b\n\xD0;\x90\n"[..]));
        assert_eq!(records[1], (2, vec![None, None]));
        // A record that is not UTF-8 stops the file at its line.
        let (records, error) = scan(Box::new(&b"a;b\r\n\r\nx;\xFF\ny;z\n"[..]));
        assert_eq!(records.len(), 1);
        let error = error.as_deref();
        assert_eq!(error, Some("x.csv, line 3: the text is not valid UTF-8"));
    }

    /// A reader that gives its first `first` bytes at once, then a byte a read.
    struct Trickle(&'static [u8], usize);

    impl Read for Trickle {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.0.len().min(self.1.max(1)).min(buf.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            self.1 = 0;
            Ok(n)
        }
    }

    #[test]
    fn a_mark_is_dropped_only_where_the_first_read_starts_with_it() {
        let input = b"\xEF\xBB\xBFa;\"b\"\n\"\xEF\xBB\xBF\";c";
        // The mark whole in the first read, its record in pieces after it.
        let (records, _) = scan(Box::new(Trickle(input, 3)));
        assert_eq!(records[0], (1, vec![text("a"), text("b")]));
        assert_eq!(records[1], (2, vec![text("\u{feff}"), text("c")]));
        // A first read too short to hold it: the `csv` crate keeps it too.
        let (records, _) = scan(Box::new(Trickle(input, 1)));
        assert_eq!(records[0], (1, vec![text("\u{feff}a"), text("b")]));
    }
}
