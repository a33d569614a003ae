//! Reading a scenario from a file or standard input: the I/O edge before any parsing.

use crate::i18n::f;
use crate::scenario::Source;
use std::io::{self, Read};
use std::path::Path;

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
    /// Any other failure of the operating system.
    #[error("{}", f("cannot read {}: {}", &[file, error]))]
    Io {
        /// The file as named.
        file: String,
        /// What the system said (shown in the message, so not chained as a source).
        error: io::Error,
    },
}

/// Reads `path`, or standard input when it is `-`.
pub fn read_source(path: &Path) -> Result<Source, InputError> {
    let name = path.display().to_string();
    let bytes = if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|error| InputError::Io {
                file: "<stdin>".into(),
                error,
            })?;
        return decode("<stdin>".into(), bytes);
    } else if path.is_dir() {
        return Err(InputError::Directory(name));
    } else {
        std::fs::read(path).map_err(|error| match error.kind() {
            io::ErrorKind::NotFound => InputError::NotFound(name.clone()),
            _ => InputError::Io {
                file: name.clone(),
                error,
            },
        })?
    };
    decode(name, bytes)
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
