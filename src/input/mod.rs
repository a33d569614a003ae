//! Reading a scenario or mapping from a file or standard input, and what is wrong in one: the I/O edge before any parsing, shared by both halves.

use crate::i18n::f;
use std::io::{self, Read};
use std::path::Path;

mod lines;
mod problem;
mod toml_reason;

pub(crate) use lines::LineIndex;
pub use lines::line_of;
#[cfg(test)]
pub(crate) use lines::scans;
pub use problem::{Location, Problem, QUOTE_CHARS, ScenarioError, clip, nearest};
pub use toml_reason::toml_reason;

/// A scenario's or mapping's text and the name to report it under.
#[derive(Debug, Clone)]
pub struct Source {
    /// The file as the user named it, or `<stdin>`.
    pub name: String,
    /// The whole file, already checked to be UTF-8.
    pub text: String,
}

/// The largest scenario, mapping or plan read: 64 MiB. Such files are a
/// few kilobytes, and 10 000 variants take about a megabyte; anything near
/// the limit is the wrong file (or `/dev/zero`), refused before it fills memory.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// Why a scenario could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The path does not exist.
    #[error("{}", f("{}: no such file", &[.0]))]
    NotFound(String),
    /// The path is a directory.
    #[error("{}", f("{} is a directory; give the path of a scenario file inside it", &[.0]))]
    Directory(String),
    /// The bytes are not UTF-8, as TOML requires.
    #[error("{}", f(
        "{}, line {}: the file is not UTF-8 text (byte 0x{}); save it as UTF-8 (Excel: \"CSV UTF-8\", Notepad: \"UTF-8\")",
        &[file, line, &format!("{byte:02X}")],
    ))]
    NotUtf8 {
        /// The file as named.
        file: String,
        /// 1-based line of the first bad byte.
        line: usize,
        /// The first bad byte.
        byte: u8,
    },
    /// The file (or standard input) holds more than the limit.
    #[error("{}", f(
        "{} is larger than {} MiB, too large for a scenario (those are a few kilobytes); check that this is the right file",
        &[file, &(limit >> 20)],
    ))]
    TooLarge {
        /// The file as named.
        file: String,
        /// The limit in bytes.
        limit: u64,
    },
    /// Any other failure of the operating system.
    #[error("{}", f("cannot read {}: {}", &[file, error]))]
    Io {
        /// The file as named.
        file: String,
        /// What the system said (shown in the message, so not chained as a source).
        error: io::Error,
    },
}

/// Reads `path`, or standard input when it is `-`, refusing more than
/// [`MAX_INPUT_BYTES`].
pub fn read_source(path: &Path) -> Result<Source, InputError> {
    read_limited(path, MAX_INPUT_BYTES)
}

/// [`read_source`] with the limit given, so tests can reach it with small files.
fn read_limited(path: &Path, limit: u64) -> Result<Source, InputError> {
    if path.as_os_str() == "-" {
        let name = "<stdin>".to_string();
        let bytes = read_at_most(io::stdin().lock(), limit, &name)?;
        return decode(name, bytes);
    }
    let name = path.display().to_string();
    if path.is_dir() {
        return Err(InputError::Directory(name));
    }
    let file = std::fs::File::open(path).map_err(|error| match error.kind() {
        io::ErrorKind::NotFound => InputError::NotFound(name.clone()),
        _ => InputError::Io {
            file: name.clone(),
            error,
        },
    })?;
    let bytes = read_at_most(file, limit, &name)?;
    decode(name, bytes)
}

/// Reads everything, but never more than `limit + 1` bytes: one more than
/// allowed is enough to know the input is too large, whatever its size
/// (`/dev/zero` has none).
fn read_at_most(input: impl Read, limit: u64, name: &str) -> Result<Vec<u8>, InputError> {
    let mut bytes = Vec::new();
    input
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|error| InputError::Io {
            file: name.to_string(),
            error,
        })?;
    if bytes.len() as u64 > limit {
        return Err(InputError::TooLarge {
            file: name.to_string(),
            limit,
        });
    }
    Ok(bytes)
}

fn decode(name: String, bytes: Vec<u8>) -> Result<Source, InputError> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Source { name, text }),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            Err(InputError::NotUtf8 {
                line: bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1,
                byte: bytes[at],
                file: name,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{InputError, read_limited};
    use std::io::Write;

    /// A file of exactly the limit is read; one byte more is refused, naming
    /// the file, after reading no more than that byte.
    #[test]
    fn refuses_a_file_one_byte_over_the_limit() {
        let mut file = tempfile::NamedTempFile::new().expect("a temporary file");
        file.write_all(b"# 10 bytes").expect("written");
        let path = file.path();
        assert_eq!(
            read_limited(path, 10).expect("at the limit").text,
            "# 10 bytes"
        );
        match read_limited(path, 9) {
            Err(InputError::TooLarge { file, limit: 9 }) => {
                assert_eq!(file, path.display().to_string())
            }
            other => panic!("expected too large, got {other:?}"),
        }
    }

    /// An endless input ends at the limit: the read stops after it, and the
    /// message says how large a scenario may be.
    #[cfg(unix)]
    #[test]
    fn an_endless_file_is_refused_at_the_limit() {
        let e = read_limited(std::path::Path::new("/dev/zero"), 3 << 20).expect_err("endless");
        assert!(matches!(e, InputError::TooLarge { limit, .. } if limit == 3 << 20));
        assert!(
            e.to_string().starts_with("/dev/zero is larger than 3 MiB"),
            "{e}"
        );
    }
}
