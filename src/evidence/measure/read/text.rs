//! Text encodings of CSV and HTML exports: told from a byte-order mark, or from
//! whether the whole file is valid UTF-8 (else Windows-1251, what old Bitrix24
//! portals and a Russian Excel write), and decoded to UTF-8 as a stream.

use std::io::Read;

use encoding_rs_io::DecodeReaderBytesBuilder;

use super::super::table::{Encoding, Origin, ReadError};

/// A byte-order mark at the start of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bom {
    Utf8,
    Utf16Le,
    Utf16Be,
}

fn bom(head: &[u8]) -> Option<Bom> {
    if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        Some(Bom::Utf8)
    } else if head.starts_with(&[0xFF, 0xFE]) {
        Some(Bom::Utf16Le)
    } else if head.starts_with(&[0xFE, 0xFF]) {
        Some(Bom::Utf16Be)
    } else {
        None
    }
}

/// The first ASCII character of the text in `head` once a byte-order mark
/// and whitespace are skipped: `<` begins an HTML (or XML) document, `[` or
/// `{` JSON, anything else is read as CSV.
pub(super) fn first_char(head: &[u8]) -> Option<u8> {
    let utf16 = |bytes: &[u8], unit: fn([u8; 2]) -> u16| {
        bytes
            .chunks_exact(2)
            .map(|b| unit([b[0], b[1]]))
            .find(|&u| !char::from_u32(u.into()).is_some_and(char::is_whitespace))
            .and_then(|u| u8::try_from(u).ok())
            .filter(u8::is_ascii)
    };
    match bom(head) {
        Some(Bom::Utf16Le) => utf16(&head[2..], u16::from_le_bytes),
        Some(Bom::Utf16Be) => utf16(&head[2..], u16::from_be_bytes),
        Some(Bom::Utf8) => first_non_space(&head[3..]),
        None => first_non_space(head),
    }
}

fn first_non_space(bytes: &[u8]) -> Option<u8> {
    bytes.iter().copied().find(|b| !b.is_ascii_whitespace())
}

/// A text's encoding as reported, and the decoder that reads it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Text {
    /// As reported to the user.
    pub encoding: Encoding,
    /// The decoder (UTF-16's byte order lives here).
    pub codec: &'static encoding_rs::Encoding,
    /// Valid UTF-8 throughout with no byte-order mark: read as it is, untranscoded.
    pub valid_utf8: bool,
}

/// The encoding of `origin`, whose first bytes are `head`. Without a byte-order
/// mark the whole input is checked for UTF-8, a file streamed in chunks.
/// (A UTF-8 file with a mark is transcoded rather than checked and passed
/// through: measured on a million-row export, one decoding pass beats the two
/// reads of the file a check costs.)
pub(super) fn detect(origin: &Origin, head: &[u8]) -> Result<Text, ReadError> {
    let bom = bom(head);
    if bom.is_some() {
        return Ok(of(bom, false));
    }
    let valid = match origin {
        Origin::Bytes { bytes, .. } => simdutf8::basic::from_utf8(bytes).is_ok(),
        Origin::Path(_) => {
            is_utf8(&mut *super::source(origin)?).map_err(|e| super::io_error(origin, e))?
        }
    };
    Ok(of(bom, valid))
}

/// The encoding of a text held whole.
pub(super) fn detect_in(bytes: &[u8]) -> Text {
    of(bom(bytes), simdutf8::basic::from_utf8(bytes).is_ok())
}

/// The encoding a byte-order mark and the UTF-8 check tell.
fn of(bom: Option<Bom>, valid_utf8: bool) -> Text {
    let (encoding, codec) = match bom {
        Some(Bom::Utf8) => (Encoding::Utf8Bom, encoding_rs::UTF_8),
        Some(Bom::Utf16Le) => (Encoding::Utf16, encoding_rs::UTF_16LE),
        Some(Bom::Utf16Be) => (Encoding::Utf16, encoding_rs::UTF_16BE),
        None if valid_utf8 => (Encoding::Utf8, encoding_rs::UTF_8),
        None => (Encoding::Windows1251, encoding_rs::WINDOWS_1251),
    };
    Text {
        encoding,
        codec,
        valid_utf8: valid_utf8 && encoding == Encoding::Utf8,
    }
}

/// Whether all of `reader` is valid UTF-8, read in chunks so that a large file
/// never sits in memory; a character split across a chunk's end is carried over.
pub(super) fn is_utf8(reader: &mut dyn Read) -> std::io::Result<bool> {
    const CHUNK: usize = 64 * 1024;
    // Room for a chunk after up to 3 carried bytes of an unfinished character.
    let mut buf = vec![0u8; CHUNK + 3];
    let mut carried = 0;
    loop {
        let n = match reader.read(&mut buf[carried..]) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if n == 0 {
            // A character cut off by the end of the file is not UTF-8.
            return Ok(carried == 0);
        }
        let filled = carried + n;
        // SIMD: std's check was a tenth of reading a big export without a mark.
        match simdutf8::compat::from_utf8(&buf[..filled]) {
            Ok(_) => carried = 0,
            // `error_len() == None`: the bytes end inside a character, which may finish in the next chunk.
            Err(e) if e.error_len().is_none() => {
                buf.copy_within(e.valid_up_to()..filled, 0);
                carried = filled - e.valid_up_to();
            }
            Err(_) => return Ok(false),
        }
    }
}

/// `source` as UTF-8 without a byte-order mark. Valid UTF-8 without a mark
/// passes through untouched (the fast path for the common big export); every
/// other text is transcoded, malformed bytes becoming U+FFFD.
pub(super) fn decoded(source: Box<dyn Read + Send>, text: Text) -> Box<dyn Read + Send> {
    if text.valid_utf8 {
        source
    } else {
        Box::new(
            DecodeReaderBytesBuilder::new()
                .encoding(Some(text.codec))
                .strip_bom(true)
                .build(source),
        )
    }
}

/// Like [`decoded`], for bytes from a line's start in the middle of the
/// file: a U+FEFF there is text, as it is to the whole file's reader.
pub(super) fn decoded_from_middle(
    source: Box<dyn Read + Send>,
    text: Text,
) -> Box<dyn Read + Send> {
    if text.valid_utf8 {
        source
    } else {
        Box::new(
            DecodeReaderBytesBuilder::new()
                .encoding(Some(text.codec))
                .strip_bom(false)
                .build(source),
        )
    }
}

/// All of `bytes` decoded as `text`, its byte-order mark dropped.
pub(super) fn decode_whole(bytes: &[u8], text: Text) -> String {
    text.codec.decode_with_bom_removal(bytes).0.into_owned()
}
