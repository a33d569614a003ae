//! Delimited text, streamed: the delimiter sniffed from the first lines, the
//! records cut on one core and counted on the other, row numbers the line
//! each record starts on.

mod record;
mod scan;
pub mod split;

use std::io::Read;

use super::super::table::{Cell, Kind, Opened, Origin, ReadError, Rows, TextRow};
use super::text;
use scan::{Batch, Scanner};

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
    let rows = match split::cut(origin, text, delimiter).map_err(io_error)? {
        Some((first, rest)) => {
            let mut rows = CsvRows::spawn(first.file().to_owned(), move || Ok(first));
            rows.rest = Some(rest);
            rows
        }
        None => {
            // The sniffed start is read again by the CSV reader, then the rest follows.
            let input: Box<dyn Read + Send> = Box::new(std::io::Cursor::new(start).chain(decoded));
            let scanner = Scanner::new(origin.name(), input, delimiter);
            CsvRows::spawn(origin.name(), move || Ok(scanner))
        }
    };
    Ok(Opened {
        kind: Kind::Csv,
        encoding: Some(text.encoding),
        sheet: None,
        rows: Box::new(rows),
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
    /// The current record's fields in the batch.
    fields: std::ops::Range<usize>,
    /// The file as named, for an error of the parser's thread itself.
    file: String,
    /// The file's second half, when it was cut in two and the counter has
    /// not taken it yet (these rows end where it begins).
    rest: Option<split::Rest>,
}

impl CsvRows {
    /// Rows parsed on a thread of their own by the scanner `make` gives there.
    fn spawn(
        file: String,
        make: impl FnOnce() -> Result<Scanner, ReadError> + Send + 'static,
    ) -> CsvRows {
        let (full_tx, full) = std::sync::mpsc::sync_channel::<Batch>(2);
        let (empty, empty_rx) = std::sync::mpsc::sync_channel::<Batch>(4);
        let handle = std::thread::spawn(move || {
            let mut scanner = match make() {
                Ok(scanner) => scanner,
                Err(e) => {
                    let mut batch = Batch::new();
                    batch.error = Some(e);
                    let _ = full_tx.send(batch);
                    return;
                }
            };
            loop {
                let mut batch = empty_rx.try_recv().unwrap_or_else(|_| Batch::new());
                let more = scanner.fill(&mut batch);
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
            fields: 0..0,
            file,
            rest: None,
        }
    }

    fn current(&self) -> Option<&Batch> {
        self.batch.as_ref().filter(|b| self.at < b.len())
    }
}

impl Rows for CsvRows {
    fn advance(&mut self) -> Result<bool, ReadError> {
        loop {
            if let Some(batch) = &mut self.batch {
                if self.at + 1 < batch.len() {
                    self.at += 1;
                    self.fields = batch.fields(self.at);
                    return Ok(true);
                }
                if let Some(e) = batch.error.take() {
                    return Err(e);
                }
            }
            self.fields = 0..0;
            if let Some(done) = self.batch.take() {
                // Back to the parser; if it has stopped, the batch is dropped.
                let _ = self.empty.try_send(done);
            }
            match self.full.recv() {
                Ok(mut batch) if batch.len() == 0 => {
                    if let Some(e) = batch.error.take() {
                        return Err(e);
                    }
                }
                Ok(batch) => {
                    self.fields = batch.fields(0);
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
                    if self.rest.is_some() {
                        // Never silently half a file: the counter takes the rest.
                        return Err(ReadError::Io {
                            file: self.file.clone(),
                            error: std::io::Error::other("the second half was not read"),
                        });
                    }
                    return Ok(false);
                }
            }
        }
    }

    fn number(&self) -> u64 {
        self.current().map_or(0, |b| b.line(self.at))
    }

    fn width(&self) -> usize {
        self.current().map_or(0, |_| self.fields.len())
    }

    fn cell(&self, i: usize) -> Cell<'_> {
        // Trimmed already, on the reading core.
        self.text_row().map_or(Cell::Empty, |row| row.cell(i))
    }

    fn text_row(&self) -> Option<TextRow<'_>> {
        let batch = self.batch.as_ref()?;
        Some(batch.row(self.fields.clone()))
    }

    fn split_off(&mut self) -> Option<Box<dyn Rows + Send>> {
        let rest = self.rest.take()?;
        let file = rest.name().to_owned();
        let io = file.clone();
        let rows = CsvRows::spawn(file, move || {
            rest.scanner()
                .map_err(|error| ReadError::Io { file: io, error })
        });
        Some(Box::new(rows))
    }
}
