//! Line numbers for byte offsets, from one pass over the file: a scenario
//! with thousands of variants names thousands of lines, and counting from the
//! top for each would make reading it quadratic in its size.

/// Where each line of a text starts, for finding the line of any byte by
/// binary search.
#[derive(Debug, Clone)]
pub(crate) struct LineIndex {
    /// Byte offset of the start of each line; the first is 0.
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes `text` in one pass.
    pub(crate) fn new(text: &str) -> LineIndex {
        #[cfg(test)]
        scans::add(text.len());
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|at| at + 1))
            .collect();
        LineIndex { starts }
    }

    /// 1-based line holding the byte at `offset`; an offset past the end is
    /// on the last line, as it is for [`line_of`].
    pub(crate) fn line(&self, offset: usize) -> usize {
        // The number of line starts at or before `offset`; never 0, since the first is 0.
        self.starts.partition_point(|&start| start <= offset)
    }

    /// The text of the line holding the byte at `offset`, without its line
    /// break and trailing blanks, for quoting under a syntax error.
    pub(crate) fn text<'t>(&self, text: &'t str, offset: usize) -> &'t str {
        let line = self.line(offset);
        let start = self.starts[line - 1];
        let end = self.starts.get(line).map_or(text.len(), |&next| next);
        text.get(start..end).unwrap_or("").trim_end()
    }
}

/// Bytes scanned for line numbers, counted in tests only, so a test can
/// prove reading stays linear in the file without timing anything.
#[cfg(test)]
pub(crate) mod scans {
    use std::cell::Cell;

    thread_local! {
        static SCANNED: Cell<usize> = const { Cell::new(0) };
    }

    /// Counts `bytes` more scanned on this thread.
    pub(crate) fn add(bytes: usize) {
        SCANNED.with(|s| s.set(s.get() + bytes));
    }

    /// Bytes scanned on this thread so far.
    pub(crate) fn total() -> usize {
        SCANNED.with(Cell::get)
    }
}

#[cfg(test)]
mod tests {
    use super::LineIndex;

    /// Every offset's line, counted by hand from the text's newlines.
    #[test]
    fn finds_the_line_of_every_byte() {
        let text = "a\nbc\n\nd";
        let index = LineIndex::new(text);
        let expected = [1, 1, 2, 2, 2, 3, 4, 4, 4];
        for (offset, line) in expected.into_iter().enumerate() {
            assert_eq!(index.line(offset), line, "offset {offset}");
            assert_eq!(index.line(offset), super::super::line_of(text, offset));
        }
    }

    #[test]
    fn quotes_the_line_of_a_byte() {
        let text = "a = 1\r\nb = ,\n\nc";
        let index = LineIndex::new(text);
        assert_eq!(index.text(text, 0), "a = 1");
        assert_eq!(index.text(text, 11), "b = ,");
        assert_eq!(index.text(text, 13), "");
        assert_eq!(index.text(text, 14), "c");
        assert_eq!(index.text(text, 99), "c");
    }

    #[test]
    fn an_empty_text_is_one_line() {
        assert_eq!(LineIndex::new("").line(0), 1);
        assert_eq!(LineIndex::new("").line(5), 1);
    }
}

/// 1-based line holding the byte at `offset`, counted from the top: for a
/// single error; reading a whole file uses a [`LineIndex`].
pub fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    #[cfg(test)]
    scans::add(end);
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}
