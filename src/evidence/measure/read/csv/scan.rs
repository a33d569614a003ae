//! The CSV's records read into batches: the decoded text read 64 KiB at a
//! time, just as the `csv` crate's reader read it (so a refusal falls on
//! the same row as it always did), checked as UTF-8 in one sweep, every
//! whole record in it cut at once straight into the batch (each field a
//! trimmed range of the text, which is copied once), and the line breaks
//! counted in one more sweep.

use std::io::Read;

use super::super::super::cell::{is_trimmed, trimmed};
use super::super::super::table::{ReadError, TextRow};
use super::record::{self, Cut, Fields, Sink};

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
    /// An empty batch.
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

    /// The fields `fields` (a record's, from [`Batch::fields`]) as a row.
    pub fn row(&self, fields: std::ops::Range<usize>) -> TextRow<'_> {
        TextRow {
            text: &self.text,
            cells: self.fields.get(fields).unwrap_or_default(),
        }
    }

    fn start_record(&mut self, line: u64) {
        self.records.push((line, self.fields.len() as u32));
    }

    /// A field whose text is `text[start..end]`.
    #[inline]
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
    /// Where each record cut from the last read starts.
    starts: Vec<usize>,
    /// Scratch for fields of more than one piece, and for bytes not UTF-8.
    joined: String,
    pieces: Pieces,
    /// The longest record let through: [`MAX_RECORD`], or less for a half
    /// of a split file, whose reads fall elsewhere than a whole read's.
    limit: u64,
}

impl Scanner {
    /// Reads `input`, the decoded text of `file` (as named), split by `delimiter`.
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
            starts: Vec::new(),
            joined: String::new(),
            pieces: Pieces::default(),
            limit: MAX_RECORD,
        }
    }

    /// A scanner for a half of a file cut in two ([`super::split`]): any
    /// record near the limit is refused, so that the whole file is read
    /// again on one core, where the limit falls on the reads as it always
    /// has (a half's reads are aligned otherwise). `lines`: the line
    /// breaks before the half; a half after the first has no byte-order mark.
    pub fn half(mut self, lines: u64, first: bool) -> Scanner {
        self.limit = MAX_RECORD - 2 * CHUNK as u64;
        self.newlines = lines;
        self.fresh = first;
        self
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
            if self.passed - self.record_start > self.limit {
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
    /// too) into `batch`, up to the first that is refused. Text checked as
    /// UTF-8 is cut straight into the batch; other bytes record by record.
    fn cut_buffered(&mut self, batch: &mut Batch) -> Result<(), ReadError> {
        let buf = std::mem::take(&mut self.buf);
        let input = &buf[self.pos..self.len];
        let records = batch.records.len();
        let whole = if self.eof {
            input.len()
        } else {
            whole_chars(input)
        };
        let (taken, counted, refused) = match simdutf8::basic::from_utf8(&input[..whole]) {
            Ok(text) => {
                let mut spans = Spans::new(batch, text, std::mem::take(&mut self.joined));
                let (taken, counted) = self.cut_records(input, &mut spans);
                let refused = spans.finish(taken);
                self.joined = spans.joined;
                (taken, counted, refused)
            }
            Err(_) => {
                let mut pieces = std::mem::take(&mut self.pieces);
                pieces.clear();
                let (taken, counted) = self.cut_records(input, &mut pieces);
                let refused = copy_checked(&pieces, input, batch);
                self.pieces = pieces;
                (taken, counted, refused)
            }
        };
        let newlines = memchr::memchr_iter(b'\n', &input[..taken]).count() as u64;
        let mut refused = refused;
        if newlines != counted {
            // Line breaks inside quoted fields, which the lines were counted
            // without: count each record's line again (the refused one's too).
            let given = batch.records.len() - records;
            let mut from = (0, self.newlines);
            for (k, &start) in self.starts.iter().enumerate() {
                from.1 += memchr::memchr_iter(b'\n', &input[from.0..start]).count() as u64;
                from.0 = start;
                match (batch.records.get_mut(records + k), &mut refused) {
                    (Some(record), _) if k < given => record.0 = from.1 + 1,
                    (_, Some(refusal)) if k == given => refusal.0 = from.1 + 1,
                    _ => {}
                }
            }
        }
        self.buf = buf;
        self.pos += taken;
        self.newlines += newlines;
        if let Some(last) = batch.records.last() {
            self.line = last.0;
        }
        match refused {
            Some((line, detail)) => Err(self.error(line, crate::i18n::t(detail).to_owned())),
            None => Ok(()),
        }
    }

    /// Cuts the whole records of `input` (`buf[pos..len]`) into `sink`: how
    /// many bytes they and the blank lines around them take, and how many
    /// `\n` end them or the blank lines. Where each starts goes in `starts`.
    fn cut_records<R: Records>(&mut self, input: &[u8], sink: &mut R) -> (usize, u64) {
        self.starts.clear();
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
                Some(rest) => record::cut(rest, at, self.eof, d, sink),
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
                    self.starts.push(at);
                    if !sink.end_record(self.newlines + newlines + 1, unclosed) {
                        return (at, newlines);
                    }
                    bom = false;
                    at += len;
                    newlines += u64::from(by_newline);
                }
            }
        }
    }
}

/// The index of the input's last byte that does not begin a character
/// the input cuts off, so that what comes before is whole characters.
fn whole_chars(input: &[u8]) -> usize {
    let n = input.len();
    for back in 1..=n.min(4) {
        let b = input[n - back];
        if b & 0xC0 != 0x80 {
            // A character's first byte: its length, from its high bits.
            let len = match b {
                0..=0x7F => 1,
                0xF0.. => 4,
                0xE0.. => 3,
                _ => 2,
            };
            return if len > back { n - back } else { n };
        }
    }
    n
}

/// Where the records cut go, each field's pieces first ([`Sink`]).
trait Records: Sink {
    /// The record whose fields were just given ends; it starts on `line`.
    /// `false`: it is refused, and cutting stops.
    fn end_record(&mut self, line: u64, unclosed: bool) -> bool;
}

/// The records cut from bytes that are not all UTF-8: their pieces, to be
/// checked one by one ([`copy_checked`]).
#[derive(Default)]
struct Pieces {
    fields: Fields,
    /// Each record's line, whether it is unclosed, and its fields' end.
    records: Vec<(u64, bool, usize)>,
}

impl Pieces {
    fn clear(&mut self) {
        self.fields.clear();
        self.records.clear();
    }
}

impl Sink for Pieces {
    type Mark = (usize, usize);

    fn piece(&mut self, base: usize, from: usize, to: usize) {
        self.fields.piece(base, from, to);
    }
    fn end_field(&mut self) {
        self.fields.end_field();
    }
    fn mark(&self) -> (usize, usize) {
        self.fields.mark()
    }
    fn back(&mut self, mark: (usize, usize)) {
        self.fields.back(mark);
    }
}

impl Records for Pieces {
    fn end_record(&mut self, line: u64, unclosed: bool) -> bool {
        self.records.push((line, unclosed, self.fields.ends.len()));
        true
    }
}

/// Records cut from text checked as UTF-8, put straight into a batch: the
/// text is copied whole after them ([`Spans::finish`]), and each field is
/// where its bytes are in it, trimmed; a field of more than one piece is
/// joined in `joined`, which goes after the text.
struct Spans<'a> {
    batch: &'a mut Batch,
    text: &'a str,
    /// Where `text` goes in the batch's text.
    base: usize,
    /// The current field's first piece, and where it was joined from when
    /// more followed.
    first: Option<(usize, usize)>,
    joined_from: Option<usize>,
    joined: String,
    /// Fields in `joined`: (field, start, end), placed once it is.
    fixups: Vec<(usize, usize, usize)>,
    /// The first field of the record being cut.
    record_fields: usize,
    /// The line of the record refused: an unclosed quote.
    refused: Option<u64>,
}

impl<'a> Spans<'a> {
    fn new(batch: &'a mut Batch, text: &'a str, mut joined: String) -> Spans<'a> {
        joined.clear();
        let (base, record_fields) = (batch.text.len(), batch.fields.len());
        Spans {
            batch,
            text,
            base,
            first: None,
            joined_from: None,
            joined,
            fixups: Vec::new(),
            record_fields,
            refused: None,
        }
    }

    /// Copies the text cut (`taken` bytes) and the joined fields into the
    /// batch; the refusal of the record after the last, if one was refused.
    fn finish(&mut self, taken: usize) -> Option<(u64, &'static str)> {
        self.batch
            .text
            .push_str(self.text.get(..taken).unwrap_or_default());
        let joined = self.batch.text.len();
        self.batch.text.push_str(&self.joined);
        for &(field, a, b) in &self.fixups {
            self.batch.fields[field] = ((joined + a) as u32, (joined + b) as u32);
        }
        self.refused.map(|line| (line, UNCLOSED))
    }
}

impl Sink for Spans<'_> {
    /// Fields, fields joined, and bytes joined.
    type Mark = (usize, usize, usize);

    #[inline(always)]
    fn piece(&mut self, base: usize, from: usize, to: usize) {
        if to <= from {
            return;
        }
        let (a, b) = (base + from, base + to);
        let Some((first_a, first_b)) = self.first else {
            self.first = Some((a, b));
            return;
        };
        // Pieces run between quotes, delimiters and line breaks, which are
        // ASCII: each is whole characters of the text.
        if self.joined_from.is_none() {
            self.joined_from = Some(self.joined.len());
            let first = self.text.get(first_a..first_b).unwrap_or_default();
            self.joined.push_str(first);
        }
        self.joined
            .push_str(self.text.get(a..b).unwrap_or_default());
    }

    #[inline(always)]
    fn end_field(&mut self) {
        let Some((a, b)) = self.first.take() else {
            self.batch.push_span(self.base, self.base);
            return;
        };
        if let Some(from) = self.joined_from.take() {
            let (a, b) = trim(&self.joined, from, self.joined.len());
            self.fixups.push((self.batch.fields.len(), a, b));
            self.batch.push_span(0, 0);
            return;
        }
        let (a, b) = match self.text.as_bytes().get(a..b) {
            Some(bytes) if is_trimmed(bytes) => (a, b),
            _ => trim(self.text, a, b),
        };
        self.batch.push_span(self.base + a, self.base + b);
    }

    fn mark(&self) -> Self::Mark {
        (
            self.batch.fields.len(),
            self.fixups.len(),
            self.joined.len(),
        )
    }

    fn back(&mut self, (fields, fixups, joined): Self::Mark) {
        self.batch.fields.truncate(fields);
        self.fixups.truncate(fixups);
        self.joined.truncate(joined);
        (self.first, self.joined_from) = (None, None);
    }
}

impl Records for Spans<'_> {
    fn end_record(&mut self, line: u64, unclosed: bool) -> bool {
        if unclosed {
            let kept = self.record_fields;
            self.batch.fields.truncate(kept);
            self.fixups.retain(|&(field, ..)| field < kept);
            self.refused = Some(line);
            return false;
        }
        self.batch.records.push((line, self.record_fields as u32));
        self.record_fields = self.batch.fields.len();
        true
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

const UNCLOSED: &str = "a quoted field is never closed (a \" is missing)";
const NOT_UTF8: &str = "the text is not valid UTF-8";

/// Copies the records cut from bytes that are not all UTF-8, one by one
/// as the `csv` crate's reader gave them: a record that is not UTF-8 stops
/// the file; a field that is not, on its own, reads empty. The refused
/// record's line and why, if one was refused.
fn copy_checked(pieces: &Pieces, input: &[u8], batch: &mut Batch) -> Option<(u64, &'static str)> {
    let (mut field, mut piece) = (0, 0);
    for &(line, unclosed, fields_end) in &pieces.records {
        if unclosed {
            return Some((line, UNCLOSED));
        }
        let mut contents = Vec::new();
        for &end in &pieces.fields.ends[field..fields_end] {
            let bytes: Vec<u8> = pieces.fields.pieces[piece..end]
                .iter()
                .flat_map(|&(a, b)| input[a..b].iter().copied())
                .collect();
            contents.push(bytes);
            piece = end;
        }
        field = fields_end;
        if simdutf8::basic::from_utf8(&contents.concat()).is_err() {
            return Some((line, NOT_UTF8));
        }
        batch.start_record(line);
        for bytes in &contents {
            batch.push_field(std::str::from_utf8(bytes).ok().map(trimmed));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::super::super::table::Cell;
    use super::*;

    type Scanned = (Vec<(u64, Vec<Option<String>>)>, Option<String>);

    /// Every record read from `input` as (line, fields), and the error after them.
    fn scan(input: Box<dyn Read + Send>) -> Scanned {
        let mut scanner = Scanner::new("x.csv".into(), input, b';');
        let (mut records, mut batch) = (Vec::new(), Batch::new());
        loop {
            let more = scanner.fill(&mut batch);
            for at in 0..batch.len() {
                let row = batch.row(batch.fields(at));
                let fields = (0..row.cells.len()).map(|i| match row.cell(i) {
                    Cell::Text(t) => Some(t.to_owned()),
                    _ => row.cells[i].0.ne(&u32::MAX).then(String::new),
                });
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
