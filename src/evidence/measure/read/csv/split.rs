//! A big CSV file cut in two at a line start near its middle, so that the
//! count takes a core per half (each half parsed and counted on its own,
//! then merged). The cut is only a guess that the line break before it is
//! outside quotes: the first half, read to the cut as a file of its own,
//! ends inside a quoted field when it is not, and is refused, and the
//! caller then reads the whole file again on one core. Only UTF-8 files on
//! disk are cut (standard input and transcoded text are read as before),
//! and only when the caller asks ([`opening`]), for the whole file.

use std::cell::Cell;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use super::super::super::table::{Encoding, Origin};
use super::super::text::{self, Text};
use super::scan::Scanner;

/// Files smaller than this are read on one core: the second thread and the
/// merge would cost about what the half saves.
pub const MIN_SPLIT: u64 = 8 << 20;
/// How far past the middle a line break is looked for.
const LOOK: usize = 1 << 20;

/// Where a file is cut for two cores.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SplitAt {
    /// Not cut: read on one core.
    Never,
    /// At the first line start past the middle, for files of [`MIN_SPLIT`] and more.
    Half,
    /// At the first line start at or after this byte, whatever the file's
    /// size: for the tests that hold the halves' merge to one core's count.
    At(u64),
}

/// What became of the last count that asked for a cut (for tests).
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Halves {
    /// The file was not cut.
    Whole,
    /// Cut, counted in halves and merged.
    Merged,
    /// Cut, but the halves could not be merged exactly (a repeat across
    /// them, a refusal, sums near exact arithmetic's end): read again whole.
    ReadAgain,
}

thread_local! {
    /// The cut the opener makes now: set only while a count opens its file.
    static MODE: Cell<SplitAt> = const { Cell::new(SplitAt::Never) };
    /// The cut a test forces instead of [`SplitAt::Half`].
    static FORCED: Cell<Option<SplitAt>> = const { Cell::new(None) };
    static LAST: Cell<Halves> = const { Cell::new(Halves::Whole) };
}

/// Runs `f` with every cut asked for made as `at` says instead (tests).
#[doc(hidden)]
pub fn forcing<T>(at: SplitAt, f: impl FnOnce() -> T) -> T {
    let before = FORCED.replace(Some(at));
    let out = f();
    FORCED.set(before);
    out
}

/// What became of the last count on this thread that could cut its file.
#[doc(hidden)]
pub fn last_halves() -> Halves {
    LAST.get()
}

/// Notes what became of a count's cut.
pub fn note_halves(h: Halves) {
    LAST.set(h);
}

/// Runs `f` (which opens a count's file) with CSV files cut when `wanted`.
pub fn opening<T>(wanted: bool, f: impl FnOnce() -> T) -> T {
    let mode = match wanted {
        true => FORCED.get().unwrap_or(SplitAt::Half),
        false => SplitAt::Never,
    };
    let before = MODE.replace(mode);
    let out = f();
    MODE.set(before);
    out
}

/// The second half of a file cut in two, not yet read.
pub(super) struct Rest {
    path: PathBuf,
    name: String,
    text: Text,
    delimiter: u8,
    cut: u64,
}

/// The first half's scanner and the rest, when `origin` is to be cut.
pub(super) fn cut(
    origin: &Origin,
    text: Text,
    delimiter: u8,
) -> std::io::Result<Option<(Scanner, Rest)>> {
    let Origin::Path(path) = origin else {
        return Ok(None);
    };
    if !matches!(text.encoding, Encoding::Utf8 | Encoding::Utf8Bom) {
        return Ok(None);
    }
    let size = std::fs::metadata(path)?.len();
    let from = match MODE.get() {
        SplitAt::Never => return Ok(None),
        SplitAt::Half if size < MIN_SPLIT => return Ok(None),
        SplitAt::Half => size / 2,
        SplitAt::At(at) => at,
    };
    let Some(cut) = line_start(path, from, delimiter)?.filter(|&c| c < size) else {
        return Ok(None);
    };
    let first = Box::new(std::fs::File::open(path)?.take(cut));
    // Counted in halves unless the caller reads the file again whole.
    note_halves(Halves::Merged);
    let name = origin.name();
    let scanner = Scanner::new(name.clone(), text::decoded(first, text), delimiter).half(0, true);
    let rest = Rest {
        path: path.clone(),
        name,
        text,
        delimiter,
        cut,
    };
    Ok(Some((scanner, rest)))
}

/// The first byte after a `\n` at or after `from`, within [`LOOK`] bytes,
/// moved on past lines that start as the line before them does: a deal of
/// two products is two rows of one ID (its first column), which a cut
/// between them would put in both halves, and the file would be read again.
fn line_start(path: &Path, from: u64, delimiter: u8) -> std::io::Result<Option<u64>> {
    let mut file = std::fs::File::open(path)?;
    file.seek(SeekFrom::Start(from))?;
    let mut buf = Vec::with_capacity(LOOK);
    file.take(LOOK as u64).read_to_end(&mut buf)?;
    let Some(first) = memchr::memchr(b'\n', &buf).map(|i| i + 1) else {
        return Ok(None);
    };
    let head = |at: usize| {
        let line = &buf[at..];
        let end = memchr::memchr2(delimiter, b'\n', line).unwrap_or(line.len());
        &line[..end]
    };
    let mut at = first;
    for _ in 0..64 {
        let Some(next) = memchr::memchr(b'\n', &buf[at..]).map(|i| at + i + 1) else {
            break;
        };
        if next >= buf.len() {
            break;
        }
        if head(at) != head(next) {
            return Ok(Some(from + next as u64));
        }
        at = next;
    }
    Ok(Some(from + first as u64))
}

impl Rest {
    /// The scanner of the second half, its lines numbered on from the
    /// first's (run on the second half's own thread: it reads the first half).
    pub fn scanner(self) -> std::io::Result<Scanner> {
        let mut file = std::fs::File::open(&self.path)?;
        let mut lines = 0u64;
        let mut buf = vec![0u8; 1 << 20];
        let mut left = self.cut;
        while left > 0 {
            let want = buf.len().min(usize::try_from(left).unwrap_or(usize::MAX));
            let n = file.read(&mut buf[..want])?;
            if n == 0 {
                break;
            }
            lines += memchr::memchr_iter(b'\n', &buf[..n]).count() as u64;
            left -= n as u64;
        }
        file.seek(SeekFrom::Start(self.cut))?;
        let input = text::decoded_from_middle(Box::new(file), self.text);
        Ok(Scanner::new(self.name, input, self.delimiter).half(lines, false))
    }

    /// The file as named.
    pub fn name(&self) -> &str {
        &self.name
    }
}
