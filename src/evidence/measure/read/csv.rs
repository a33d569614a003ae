//! Delimited text, streamed: one reused record, the delimiter sniffed from the
//! first lines, row numbers the line each record starts on.

use std::io::Read;

use super::super::table::{Cell, Kind, Opened, Origin, ReadError, Rows};
use super::text;

/// How many decoded bytes of the start are kept to sniff the delimiter from.
const SNIFF_BYTES: usize = 64 * 1024;
/// How many records the delimiter is judged on.
const SNIFF_RECORDS: usize = 20;

/// Opens `origin`, whose first bytes are `head`, as CSV.
pub(super) fn open(origin: &Origin, head: &[u8]) -> Result<Opened, ReadError> {
    let text = text::detect(origin, head)?;
    let io_error = |e| super::io_error(origin, e);
    let mut decoded = text::decoded(super::source(origin)?, text);
    let start = super::read_up_to(&mut *decoded, SNIFF_BYTES).map_err(io_error)?;
    let delimiter = sniff_delimiter(&start, start.len() < SNIFF_BYTES);
    // The sniffed start is read again by the CSV reader, then the rest follows.
    let input: Box<dyn Read + Send> = Box::new(std::io::Cursor::new(start).chain(decoded));
    let reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .buffer_capacity(64 * 1024)
        .from_reader(QuoteTap::new(input, delimiter));
    Ok(Opened {
        kind: Kind::Csv,
        encoding: Some(text.encoding),
        sheet: None,
        rows: Box::new(CsvRows::spawn(Parser {
            file: origin.name(),
            reader,
            record: ::csv::ByteRecord::new(),
            line: 0,
        })),
    })
}

/// The delimiter among `;`, `,` and tab that splits the first records most
/// consistently: the most records sharing one field count (of at least two),
/// then the wider split, then `;` before `,` before tab. A title line above
/// the header is one outlier, so it cannot outvote the rows under it.
/// `complete`: `start` is the whole input, so its last record is whole too.
pub(crate) fn sniff_delimiter(start: &[u8], complete: bool) -> u8 {
    let mut best = (b',', (0, 0, 0));
    for (preference, delimiter) in [b'\t', b',', b';'].into_iter().enumerate() {
        let mut reader = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(start);
        let mut record = ::csv::ByteRecord::new();
        let mut widths = Vec::new();
        while widths.len() <= SNIFF_RECORDS && reader.read_byte_record(&mut record).unwrap_or(false)
        {
            widths.push(record.len());
        }
        if !complete && widths.len() <= SNIFF_RECORDS {
            // The last record read may be cut off where the sniffed start ends.
            widths.pop();
        }
        widths.truncate(SNIFF_RECORDS);
        let (count, width) = mode(&widths);
        let score = (count, width, preference);
        if width >= 2 && score > best.1 {
            best = (delimiter, score);
        }
    }
    best.0
}

/// The most common value of `widths` and how often it occurs (the wider on a tie).
fn mode(widths: &[usize]) -> (usize, usize) {
    let mut best = (0, 0);
    for &w in widths {
        let count = widths.iter().filter(|&&x| x == w).count();
        best = best.max((count, w));
    }
    best
}

/// Where in a field the [`QuoteTap`] is, following the `csv` crate's parser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// At a field's first byte, where a `"` opens quoting.
    Start,
    /// Inside an unquoted field.
    Unquoted,
    /// Inside a quoted field.
    Quoted,
    /// Just after a `"` inside a quoted field: it closes the quote or doubles it.
    QuoteInQuoted,
}

/// The longest record read: far past any export's row, and short of holding a
/// whole file in one field when a quote is never closed.
pub(crate) const MAX_RECORD: u64 = 1 << 20;

/// The error a [`QuoteTap`] stops the CSV reader with when a record passes
/// [`MAX_RECORD`], told apart from the system's read errors.
#[derive(Debug)]
struct TooLong;

impl std::fmt::Display for TooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("record too long")
    }
}

impl std::error::Error for TooLong {}

/// How many of the latest bytes a [`QuoteTap`] keeps: more than the CSV reader
/// buffers (64 KiB), so the byte a record ended on is always still there.
const RECENT: usize = 1 << 17;

/// Passes the input to the CSV reader unchanged while following it, for two
/// things the `csv` crate does not tell. An unclosed quote: the crate accepts
/// one silently, swallowing the rest of the file into one field, and a damaged
/// export must be refused instead. And the byte each record ended on, to number
/// rows by the line they start on (see [`CsvRows::advance`]).
/// It jumps from one significant byte to the next with `memchr`, so it costs
/// little beside the parse itself.
struct QuoteTap {
    inner: Box<dyn Read + Send>,
    delimiter: u8,
    state: State,
    /// The input has ended.
    ended: bool,
    /// Bytes passed so far.
    passed: u64,
    /// The latest [`RECENT`] bytes passed, byte `n` of the input at `n % RECENT`.
    recent: Vec<u8>,
    /// Where the current record began: just after the last line break outside quotes.
    record_start: u64,
}

impl QuoteTap {
    fn new(inner: Box<dyn Read + Send>, delimiter: u8) -> Self {
        QuoteTap {
            inner,
            delimiter,
            state: State::Start,
            ended: false,
            passed: 0,
            recent: vec![0; RECENT],
            record_start: 0,
        }
    }

    /// Byte `at` of the input, one of the latest [`RECENT`] passed.
    fn byte(&self, at: u64) -> u8 {
        debug_assert!(at < self.passed && self.passed - at <= RECENT as u64);
        self.recent[(at % RECENT as u64) as usize]
    }

    fn keep(&mut self, mut bytes: &[u8]) {
        let mut at = (self.passed % RECENT as u64) as usize;
        while !bytes.is_empty() {
            let n = bytes.len().min(RECENT - at);
            self.recent[at..at + n].copy_from_slice(&bytes[..n]);
            bytes = &bytes[n..];
            at = 0;
        }
    }

    fn follow(&mut self, bytes: &[u8]) {
        let (d, mut i) = (self.delimiter, 0);
        let ends_field = |b: u8| b == d || b == b'\n' || b == b'\r';
        while i < bytes.len() {
            match self.state {
                State::Start | State::QuoteInQuoted => {
                    let b = bytes[i];
                    self.state = match (self.state, b) {
                        (State::Start, b'"') => State::Quoted,
                        (State::QuoteInQuoted, b'"') => State::Quoted,
                        (_, b) if ends_field(b) => State::Start,
                        // After a closing quote the csv crate keeps the bytes as unquoted text.
                        _ => State::Unquoted,
                    };
                    // CRLF, LF, or a Mac's lone CR: each ends a record.
                    if matches!(b, b'\n' | b'\r') && self.state == State::Start {
                        self.record_start = self.passed + i as u64 + 1;
                    }
                    i += 1;
                }
                State::Unquoted => match memchr::memchr3(d, b'\n', b'\r', &bytes[i..]) {
                    Some(at) => {
                        if matches!(bytes[i + at], b'\n' | b'\r') {
                            self.record_start = self.passed + (i + at) as u64 + 1;
                        }
                        i += at + 1;
                        self.state = State::Start;
                    }
                    None => i = bytes.len(),
                },
                State::Quoted => match memchr::memchr(b'"', &bytes[i..]) {
                    Some(at) => {
                        i += at + 1;
                        self.state = State::QuoteInQuoted;
                    }
                    None => i = bytes.len(),
                },
            }
        }
    }

    /// The input ended inside a quoted field.
    fn unclosed(&self) -> bool {
        self.ended && self.state == State::Quoted
    }
}

impl Read for QuoteTap {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n == 0 && !buf.is_empty() {
            self.ended = true;
        }
        self.follow(&buf[..n]);
        self.keep(&buf[..n]);
        self.passed += n as u64;
        // One record past the limit: an unclosed quote swallowing the file,
        // or not an export; stop before the reader holds any more of it.
        if self.passed - self.record_start > MAX_RECORD {
            return Err(std::io::Error::other(TooLong));
        }
        Ok(n)
    }
}

/// The CSV parser: one record at a time in a reused buffer, with the line
/// it starts on.
struct Parser {
    file: String,
    reader: ::csv::Reader<QuoteTap>,
    record: ::csv::ByteRecord,
    line: u64,
}

impl Parser {
    fn error(&self, line: u64, detail: String) -> ReadError {
        ReadError::Csv {
            file: self.file.clone(),
            line,
            detail,
        }
    }
}

impl Parser {
    /// Reads the next record into `record`; `Ok(false)` at the end.
    fn advance(&mut self) -> Result<bool, ReadError> {
        match self.reader.read_byte_record(&mut self.record) {
            Ok(true) => {
                // The `csv` crate numbers a record by where its parser resumed:
                // before any blank lines it skipped, and after a CRLF's `\r` but
                // before its `\n`. So count back from where the record ended
                // instead: the line there, less the line breaks inside its quoted
                // fields, less the `\n` that ended it, if one did.
                let tap = self.reader.get_ref();
                let end = self.reader.position();
                // The record that runs to the end of the input inside quotes is the unclosed one.
                let unclosed = tap.unclosed() && end.byte() >= tap.passed;
                let inside = memchr::memchr_iter(b'\n', self.record.as_slice()).count() as u64;
                let ended_by_newline =
                    !unclosed && end.byte() > 0 && tap.byte(end.byte() - 1) == b'\n';
                self.line = end
                    .line()
                    .saturating_sub(inside + u64::from(ended_by_newline))
                    .max(1);
                if unclosed {
                    return Err(self.error(
                        self.line,
                        crate::i18n::t("a quoted field is never closed (a \" is missing)")
                            .to_owned(),
                    ));
                }
                // The text reaching here is UTF-8 (checked whole, or decoded):
                // a record that is not is a broken file, said as such.
                if simdutf8::basic::from_utf8(self.record.as_slice()).is_err() {
                    return Err(self.error(
                        self.line,
                        crate::i18n::t("the text is not valid UTF-8").to_owned(),
                    ));
                }
                Ok(true)
            }
            Ok(false) => Ok(false),
            Err(e) => {
                let line = e.position().map_or(self.line + 1, |p| p.line());
                match e.into_kind() {
                    ::csv::ErrorKind::Io(error)
                        if error.get_ref().is_some_and(|e| e.is::<TooLong>()) =>
                    {
                        Err(self.error(
                            self.line + 1,
                            crate::i18n::f(
                                "a row runs past {} MB: a quoted field is never closed (a \" is missing), or this is not an export",
                                &[&(MAX_RECORD >> 20)],
                            ),
                        ))
                    }
                    ::csv::ErrorKind::Io(error) => Err(ReadError::Io {
                        file: self.file.clone(),
                        error,
                    }),
                    ::csv::ErrorKind::Utf8 { .. } => Err(self.error(
                        line,
                        crate::i18n::t("the text is not valid UTF-8").to_owned(),
                    )),
                    other => Err(self.error(line, format!("{other:?}"))),
                }
            }
        }
    }
}

/// Records a batch carries between the cores.
const BATCH: usize = 1024;

/// Records parsed on one core for the counter on the other: their lines,
/// and the error that ended the file, if one did, after them.
struct Batch {
    records: Vec<::csv::ByteRecord>,
    lines: Vec<u64>,
    len: usize,
    error: Option<ReadError>,
}

impl Batch {
    fn new() -> Batch {
        Batch {
            records: Vec::with_capacity(BATCH),
            lines: Vec::with_capacity(BATCH),
            len: 0,
            error: None,
        }
    }

    /// Fills the batch from `parser`: `true` while the file goes on.
    fn fill(&mut self, parser: &mut Parser) -> bool {
        self.len = 0;
        self.error = None;
        while self.len < BATCH {
            if self.records.len() == self.len {
                self.records.push(::csv::ByteRecord::new());
                self.lines.push(0);
            }
            match parser.advance() {
                Ok(true) => {
                    // The parser reads the next record into the buffers this one had.
                    std::mem::swap(&mut self.records[self.len], &mut parser.record);
                    self.lines[self.len] = parser.line;
                    self.len += 1;
                }
                Ok(false) => return false,
                Err(e) => {
                    self.error = Some(e);
                    return false;
                }
            }
        }
        true
    }
}

/// The rows of a CSV, parsed on another thread: a big export's parsing and
/// its counting take a core each. Batches go back to the parser to be
/// refilled, so memory stays at a few batches whatever the file's size, and
/// the rows arrive in the file's order, as one thread would read them.
struct CsvRows {
    full: std::sync::mpsc::Receiver<Batch>,
    empty: std::sync::mpsc::SyncSender<Batch>,
    parser: Option<std::thread::JoinHandle<()>>,
    batch: Option<Batch>,
    at: usize,
    /// The file as named, for an error of the parser's thread itself.
    file: String,
}

impl CsvRows {
    fn spawn(mut parser: Parser) -> CsvRows {
        let file = parser.file.clone();
        let (full_tx, full) = std::sync::mpsc::sync_channel::<Batch>(2);
        let (empty, empty_rx) = std::sync::mpsc::sync_channel::<Batch>(4);
        let handle = std::thread::spawn(move || {
            loop {
                let mut batch = empty_rx.try_recv().unwrap_or_else(|_| Batch::new());
                let more = batch.fill(&mut parser);
                // The reader stopped early (a refusal, or enough rows read).
                if full_tx.send(batch).is_err() || !more {
                    return;
                }
            }
        });
        CsvRows {
            full,
            empty,
            parser: Some(handle),
            batch: None,
            at: 0,
            file,
        }
    }

    fn current(&self) -> Option<&::csv::ByteRecord> {
        let batch = self.batch.as_ref()?;
        (self.at < batch.len).then(|| &batch.records[self.at])
    }
}

impl Rows for CsvRows {
    fn advance(&mut self) -> Result<bool, ReadError> {
        loop {
            if let Some(batch) = &mut self.batch {
                if self.at + 1 < batch.len {
                    self.at += 1;
                    return Ok(true);
                }
                if let Some(e) = batch.error.take() {
                    return Err(e);
                }
            }
            if let Some(done) = self.batch.take() {
                // Back to the parser; if it has stopped, the batch is dropped.
                let _ = self.empty.try_send(done);
            }
            match self.full.recv() {
                Ok(mut batch) if batch.len == 0 => {
                    if let Some(e) = batch.error.take() {
                        return Err(e);
                    }
                }
                Ok(batch) => {
                    self.batch = Some(batch);
                    self.at = 0;
                    return Ok(true);
                }
                Err(_) => {
                    // The parser has ended; a parser that panicked must not
                    // pass for the end of the file.
                    if let Some(handle) = self.parser.take()
                        && handle.join().is_err()
                    {
                        return Err(ReadError::Io {
                            file: self.file.clone(),
                            error: std::io::Error::other("the CSV reader stopped"),
                        });
                    }
                    return Ok(false);
                }
            }
        }
    }

    fn number(&self) -> u64 {
        match &self.batch {
            Some(b) if self.at < b.len => b.lines[self.at],
            _ => 0,
        }
    }

    fn width(&self) -> usize {
        self.current().map_or(0, ::csv::ByteRecord::len)
    }

    fn cell(&self, i: usize) -> Cell<'_> {
        // Checked as UTF-8 when it was parsed; SIMD makes the second look cheap.
        let field = self.current().and_then(|r| r.get(i));
        let text = field.and_then(|b| simdutf8::basic::from_utf8(b).ok());
        match text.map(crate::evidence::measure::cell::trimmed) {
            None | Some("") => Cell::Empty,
            Some(text) => Cell::Text(text),
        }
    }
}
