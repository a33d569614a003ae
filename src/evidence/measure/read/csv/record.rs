//! One CSV record cut out of the bytes as the `csv` crate's parser reads it
//! (its defaults: `"` quotes, `""` inside quotes is one `"`, a quote inside an
//! unquoted field is a plain byte, text after a closing quote goes on the
//! field, `\r`, `\n` or `\r\n` ends a record), jumping from one significant
//! byte to the next (a word at a time, or with `memchr`) where that parser
//! steps a state machine byte by byte: its stepping was more than half of a
//! big export's parsing.

/// How cutting one record went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cut {
    /// A record `len` bytes long with its terminator, if it had one. A
    /// CRLF's `\n` is left for the next record to skip, as a blank line.
    Record {
        /// Bytes taken.
        len: usize,
        /// It ended at a `\n`.
        by_newline: bool,
        /// The input ended inside a quoted field (only with `eof`).
        unclosed: bool,
    },
    /// The bytes end inside the record: it needs more input.
    More,
}

/// Where a record's fields go as they are cut: each field's text is one or
/// more pieces of the input (more than one where `""` or a closing quote
/// with text after it leave bytes out), given as offsets from where the
/// record was cut plus the `base` given.
pub(super) trait Sink {
    /// The next piece of the current field's text, if not empty.
    fn piece(&mut self, base: usize, from: usize, to: usize);
    /// The current field ends.
    fn end_field(&mut self);
    /// Where a sink is.
    type Mark: Copy;
    /// Where the sink is, to go back to ([`Sink::back`]) when a record is
    /// left for more input.
    fn mark(&self) -> Self::Mark;
    /// Forgets everything after `mark`.
    fn back(&mut self, mark: Self::Mark);
}

/// The fields of the records cut so far, as their pieces.
#[derive(Debug, Default)]
pub(super) struct Fields {
    /// The pieces, in order, as (start, end).
    pub pieces: Vec<(usize, usize)>,
    /// Each field's end in `pieces`.
    pub ends: Vec<usize>,
}

impl Fields {
    /// Forgets every record.
    pub fn clear(&mut self) {
        self.pieces.clear();
        self.ends.clear();
    }
}

impl Sink for Fields {
    type Mark = (usize, usize);

    #[inline]
    fn piece(&mut self, base: usize, from: usize, to: usize) {
        if to > from {
            self.pieces.push((base + from, base + to));
        }
    }

    #[inline]
    fn end_field(&mut self) {
        self.ends.push(self.pieces.len());
    }

    fn mark(&self) -> (usize, usize) {
        (self.pieces.len(), self.ends.len())
    }

    fn back(&mut self, (pieces, ends): (usize, usize)) {
        self.pieces.truncate(pieces);
        self.ends.truncate(ends);
    }
}

/// Cuts the record that starts at `input[0]` (a byte that is no line break:
/// blank lines are skipped before), its fields given to `fields` with
/// offsets plus `base`. `eof`: the input ends where `input` does; without
/// it, a record the bytes do not finish is left for more input
/// ([`Cut::More`], `fields` as it was).
pub(super) fn cut<S: Sink>(
    input: &[u8],
    base: usize,
    eof: bool,
    delimiter: u8,
    fields: &mut S,
) -> Cut {
    let mark = fields.mark();
    let cut = cut_fields(input, base, eof, delimiter, fields);
    if cut == Cut::More {
        fields.back(mark);
    }
    cut
}

fn cut_fields<S: Sink>(input: &[u8], base: usize, eof: bool, d: u8, fields: &mut S) -> Cut {
    let n = input.len();
    let mut i = 0;
    loop {
        // A field starts at `i`.
        if input.get(i) == Some(&b'"') {
            i = match quoted(input, i + 1, base, eof, fields) {
                Ok(after) => after,
                Err(cut) => return cut,
            };
            match input.get(i) {
                None => {
                    fields.end_field();
                    let unclosed = false;
                    return Cut::Record {
                        len: n,
                        by_newline: false,
                        unclosed,
                    };
                }
                Some(&b) if b == d => {
                    fields.end_field();
                    i += 1;
                    continue;
                }
                Some(b'\r' | b'\n') => {
                    fields.end_field();
                    return ended(input, i);
                }
                // Text after the closing quote goes on as an unquoted field's.
                Some(_) => {}
            }
        }
        match memchr::memchr3(d, b'\r', b'\n', &input[i..]) {
            Some(k) => {
                fields.piece(base, i, i + k);
                fields.end_field();
                i += k;
                if input[i] != d {
                    return ended(input, i);
                }
                i += 1;
            }
            None if !eof => return Cut::More,
            None => {
                fields.piece(base, i, n);
                fields.end_field();
                let unclosed = false;
                return Cut::Record {
                    len: n,
                    by_newline: false,
                    unclosed,
                };
            }
        }
    }
}

/// Reads a quoted field's text from `input[i]`, just past its opening
/// quote, up to a quote that is not doubled: where its closing quote ends,
/// or how the record's cut ends when the input does first.
fn quoted<S: Sink>(
    input: &[u8],
    mut i: usize,
    base: usize,
    eof: bool,
    fields: &mut S,
) -> Result<usize, Cut> {
    let n = input.len();
    loop {
        let Some(k) = find_quote(&input[i..]) else {
            if !eof {
                return Err(Cut::More);
            }
            fields.piece(base, i, n);
            fields.end_field();
            let unclosed = true;
            return Err(Cut::Record {
                len: n,
                by_newline: false,
                unclosed,
            });
        };
        let quote = i + k;
        match input.get(quote + 1) {
            // `""`: one quote kept, the second dropped.
            Some(b'"') => {
                fields.piece(base, i, quote + 1);
                i = quote + 2;
            }
            // A last byte that may yet be doubled by the next input.
            None if !eof => return Err(Cut::More),
            _ => {
                fields.piece(base, i, quote);
                return Ok(quote + 1);
            }
        }
    }
}

/// The first `"` in `hay`. A field's text is mostly a few dozen bytes:
/// eight at a time in a word first (the lowest zero byte of `word ^ "…"`
/// found by the carry trick is the first quote), then `memchr` for a long one.
#[inline]
fn find_quote(hay: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mut at = 0;
    for chunk in hay.chunks_exact(8).take(8) {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word) ^ (ONES * u64::from(b'"'));
        let zero = x.wrapping_sub(ONES) & !x & (ONES << 7);
        if zero != 0 {
            return Some(at + zero.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    memchr::memchr(b'"', &hay[at..]).map(|k| at + k)
}

/// The record ended by the line break at `input[at]`.
fn ended(input: &[u8], at: usize) -> Cut {
    Cut::Record {
        len: at + 1,
        by_newline: input[at] == b'\n',
        unclosed: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every record of `input` as the cutter reads it, with the byte each starts at.
    fn records(input: &[u8], d: u8) -> Vec<(usize, Vec<Vec<u8>>)> {
        let mut out = Vec::new();
        let mut at = 0;
        loop {
            while matches!(input.get(at), Some(b'\r' | b'\n')) {
                at += 1;
            }
            if at == input.len() {
                return out;
            }
            let mut fields = Fields::default();
            let Cut::Record { len, .. } = cut(&input[at..], at, true, d, &mut fields) else {
                panic!("a record at the end of the input needs more")
            };
            let mut from = 0;
            let mut record = Vec::new();
            for &end in &fields.ends {
                let bytes = fields.pieces[from..end]
                    .iter()
                    .flat_map(|&(a, b)| input[a..b].iter().copied())
                    .collect();
                record.push(bytes);
                from = end;
            }
            out.push((at, record));
            at += len;
        }
    }

    /// The same records as the `csv` crate reads them.
    fn by_csv(input: &[u8], d: u8) -> Vec<Vec<Vec<u8>>> {
        let mut reader = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(d)
            .from_reader(input);
        reader
            .byte_records()
            .map(|r| r.unwrap().iter().map(<[u8]>::to_vec).collect())
            .collect()
    }

    #[test]
    fn quotes_doubled_and_text_after_a_closing_quote() {
        let input = b"a;\"b\"\"c\";\"d\"e;f\"g\r\n\"\";\n\n;x";
        let got: Vec<_> = records(input, b';').into_iter().map(|r| r.1).collect();
        assert_eq!(got, by_csv(input, b';'));
        assert_eq!(got[0], [&b"a"[..], b"b\"c", b"de", b"f\"g"]);
    }

    #[test]
    fn a_record_the_bytes_do_not_finish_asks_for_more() {
        let mut fields = Fields::default();
        for partial in [&b"a;b"[..], b"\"a\"", b"\"a\r\n", b"a;\"b\"\"", b"a;"] {
            assert_eq!(cut(partial, 0, false, b';', &mut fields), Cut::More);
            assert!(fields.pieces.is_empty() && fields.ends.is_empty());
        }
        let cut = cut(b"\"a\r\n", 0, true, b';', &mut fields);
        let (len, by_newline, unclosed) = (4, false, true);
        assert_eq!(
            cut,
            Cut::Record {
                len,
                by_newline,
                unclosed
            }
        );
    }

    #[test]
    fn a_quote_is_found_wherever_it_is() {
        for len in 0..80 {
            for at in 0..=len {
                let mut hay = vec![0xD0; len];
                if at < len {
                    hay[at] = b'"';
                    // Bytes a carry could mistake for a quote, after it.
                    hay[at + 1..].iter_mut().for_each(|b| *b = b'#');
                }
                assert_eq!(find_quote(&hay), (at < len).then_some(at), "{len} {at}");
            }
        }
    }

    proptest! {
        /// Any bytes of the few that matter split as the `csv` crate splits them.
        #[test]
        fn records_match_the_csv_crate(
            input in proptest::collection::vec(
                prop_oneof![Just(b'"'), Just(b';'), Just(b','), Just(b'\r'), Just(b'\n'),
                            Just(b'a'), Just(b' '), Just(0xD0), Just(0x96)],
                0..40),
            comma in any::<bool>(),
        ) {
            let d = if comma { b',' } else { b';' };
            let got: Vec<_> = records(&input, d).into_iter().map(|r| r.1).collect();
            prop_assert_eq!(got, by_csv(&input, d));
        }
    }
}
