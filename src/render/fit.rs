//! Fitting tables and notes to a width: the terminal's, else `COLUMNS`, else
//! 100 columns when piped, so that no line wraps into noise.
//!
//! A table is drawn as it is if it fits; else with headings broken into
//! words and labels wrapped; else its columns are dealt into several tables,
//! each repeating the leading label columns. Every command draws its tables
//! through [`Grid::draw`] and wraps its prose with [`wrap`].

use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets};

/// The width of piped output when `COLUMNS` is not set.
pub const PIPED_WIDTH: usize = 100;

/// Below this nothing readable fits; a narrower terminal gets this width.
pub const NARROWEST: usize = 40;

/// The width output must fit in: the terminal's when `to_stdout` and
/// standard output is one, else `COLUMNS` when set, else [`PIPED_WIDTH`].
pub fn width(to_stdout: bool) -> usize {
    use std::io::IsTerminal;
    if to_stdout
        && std::io::stdout().is_terminal()
        && let Some((terminal_size::Width(w), _)) = terminal_size::terminal_size()
    {
        return usize::from(w).max(NARROWEST);
    }
    columns_env().unwrap_or(PIPED_WIDTH)
}

/// `COLUMNS`, if it holds a usable width.
fn columns_env() -> Option<usize> {
    let columns = std::env::var("COLUMNS")
        .ok()?
        .trim()
        .parse::<usize>()
        .ok()?;
    (columns > 0).then(|| columns.max(NARROWEST))
}

/// The display width of the widest line, ignoring colour escapes. Every
/// character the tool prints (Latin, Cyrillic, `₽`, box drawing) takes one column.
pub fn widest(text: &str) -> usize {
    text.lines().map(line_width).max().unwrap_or(0)
}

fn line_width(line: &str) -> usize {
    let mut n = 0;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            // CSI: ESC [ parameters final-byte
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            n += 1;
        }
    }
    n
}

/// Wraps prose at ordinary spaces (never at the no-break spaces inside
/// figures) so no line is wider than `width`; continuation lines start with
/// `indent`. A single word wider than the line is left whole.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, paragraph) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        // A unit stays with its figure (`402,200.99 ₽`, `5.0 pp`): the two
        // are placed as one word, so the figure moves down with its unit.
        let mut words: Vec<String> = Vec::new();
        for word in paragraph.split(' ') {
            let unit = GLUED.contains(&word.trim_end_matches(['.', ',', ';', ')']));
            match words.last_mut() {
                Some(last) if unit => {
                    last.push(' ');
                    last.push_str(word);
                }
                _ => words.push(word.to_string()),
            }
        }
        let mut line = 0;
        for (j, word) in words.iter().enumerate() {
            let w = line_width(word);
            if j > 0 {
                if line + 1 + w > width && line > indent.len() {
                    out.push('\n');
                    out.push_str(indent);
                    line = indent.len();
                } else {
                    out.push(' ');
                    line += 1;
                }
            }
            out.push_str(word);
            line += w;
        }
    }
    out
}

/// Words never put at the start of a line: the units after a figure.
const GLUED: [&str; 6] = ["₽", "$", "€", "₸", "pp", "%"];

/// A table before it is drawn, so that it can be drawn again narrower.
#[derive(Debug, Clone)]
pub struct Grid {
    /// Column headings; all empty for a list without headings.
    pub header: Vec<String>,
    /// The rows, cells possibly coloured.
    pub rows: Vec<Vec<Cell>>,
    /// Columns from this one on hold figures: right-aligned, never wrapped.
    pub right_from: usize,
    /// Leading columns repeated in every part when the columns are dealt
    /// into several tables (the labels).
    pub keep: usize,
    /// Draw the cells' colours (only when the user asked for colour).
    pub styled: bool,
}

/// How hard a table is squeezed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Squeeze {
    /// As it is.
    None,
    /// Headings broken into words, label columns wrapped to the width.
    Wrap,
}

/// The width below which no table of `columns` columns fits whole: each
/// takes at least its padding and a border, whatever its text.
pub fn narrowest(columns: usize) -> usize {
    3 * columns + 1
}

impl Grid {
    /// A grid with these headings and no rows yet.
    pub fn new(header: Vec<String>, right_from: usize) -> Grid {
        Grid {
            header,
            rows: Vec::new(),
            right_from,
            keep: right_from.max(1),
            styled: false,
        }
    }

    /// Adds a row of plain text.
    pub fn row<S: Into<String>>(&mut self, cells: impl IntoIterator<Item = S>) {
        self.rows
            .push(cells.into_iter().map(|c| Cell::new(c.into())).collect());
    }

    /// Whether the table fits in `width` columns as it is, unsqueezed.
    pub fn fits(&self, width: usize) -> bool {
        let all: Vec<usize> = (0..self.columns()).collect();
        widest(&self.table(&all, Squeeze::None, width)) <= width
    }

    /// Draws the table within `width` columns: as it is, else squeezed, else
    /// dealt into several tables (separated by a blank line) that each fit.
    pub fn draw(&self, width: usize) -> String {
        self.draw_whole(width).unwrap_or_else(|| self.dealt(width))
    }

    /// The table as one piece within `width` columns, as it is or squeezed;
    /// `None` if it only fits dealt into several.
    pub fn draw_whole(&self, width: usize) -> Option<String> {
        // Drawing thousands of columns (`roi compare` on a file of many
        // variants) only to find they cannot fit is slow.
        if narrowest(self.columns()) > width {
            return None;
        }
        let all: Vec<usize> = (0..self.columns()).collect();
        [Squeeze::None, Squeeze::Wrap]
            .into_iter()
            .map(|squeeze| self.table(&all, squeeze, width))
            .find(|text| widest(text) <= width)
    }

    fn columns(&self) -> usize {
        self.header
            .len()
            .max(self.rows.iter().map(Vec::len).max().unwrap_or(0))
    }

    /// The columns after the kept ones, dealt greedily into tables that fit.
    fn dealt(&self, width: usize) -> String {
        let keep: Vec<usize> = (0..self.keep.min(self.columns())).collect();
        let mut parts: Vec<String> = Vec::new();
        let mut group: Vec<usize> = Vec::new();
        let mut drawn: Option<String> = None;
        for column in self.keep..self.columns() {
            let mut trial = group.clone();
            trial.push(column);
            let columns: Vec<usize> = keep.iter().chain(&trial).copied().collect();
            let text = self.table(&columns, Squeeze::Wrap, width);
            if widest(&text) <= width || group.is_empty() {
                group = trial;
                drawn = Some(text);
            } else {
                parts.extend(drawn.take());
                group = vec![column];
                let columns: Vec<usize> = keep.iter().chain(&group).copied().collect();
                drawn = Some(self.table(&columns, Squeeze::Wrap, width));
            }
        }
        parts.extend(drawn);
        parts.join("\n\n")
    }

    /// The table of `columns` (indices into the grid), squeezed as asked.
    ///
    /// Squeezed, figure columns keep their width (their headings wrap to it)
    /// and label columns share what is left, wrapped at spaces and after the
    /// dots of key paths (`assumptions.` / `gross_margin`).
    fn table(&self, columns: &[usize], squeeze: Squeeze, width: usize) -> String {
        let mut t = Table::new();
        t.load_style(presets::UTF8_FULL_CONDENSED)
            .force_no_tty()
            .set_content_arrangement(ContentArrangement::Disabled);
        if self.styled {
            t.enforce_styling();
        }
        let body = |i: usize| {
            self.rows
                .iter()
                .filter_map(|r| r.get(i))
                .map(|c| widest(&c.content()))
                .max()
                .unwrap_or(0)
        };
        let header_of = |i: usize| self.header.get(i).cloned().unwrap_or_default();
        // Each column takes its text, two spaces of padding and a border.
        let mut wraps: Vec<Option<usize>> = vec![None; columns.len()];
        if squeeze == Squeeze::Wrap {
            let figures: usize = columns
                .iter()
                .filter(|&&i| i >= self.right_from)
                .map(|&i| body(i).max(longest_piece(&header_of(i))) + 3)
                .sum();
            let labels: Vec<usize> = columns
                .iter()
                .filter(|&&i| i < self.right_from)
                .map(|&i| body(i).max(widest(&header_of(i))))
                .collect();
            let room = width
                .saturating_sub(1 + figures + 3 * labels.len())
                .max(labels.len() * 8);
            let natural: usize = labels.iter().sum::<usize>().max(1);
            let mut label = 0;
            for (position, &i) in columns.iter().enumerate() {
                wraps[position] = Some(if i >= self.right_from {
                    body(i).max(longest_piece(&header_of(i)))
                } else {
                    let share = (room * labels[label] / natural).max(8);
                    label += 1;
                    share.min(labels[label - 1])
                });
            }
        }
        let header: Vec<String> = columns
            .iter()
            .zip(&wraps)
            .map(|(&i, w)| match w {
                Some(w) => wrap_breaking_paths(&header_of(i), *w),
                None => header_of(i),
            })
            .collect();
        if header.iter().any(|h| !h.is_empty()) {
            t.set_header(header);
        }
        for row in &self.rows {
            t.add_row(columns.iter().zip(&wraps).map(|(&i, w)| {
                let cell = row.get(i).cloned().unwrap_or_else(|| Cell::new(""));
                match w {
                    Some(w) if i < self.right_from => {
                        let text = wrap_breaking_paths(&cell.content(), *w);
                        restyle(&cell, text)
                    }
                    _ => cell,
                }
            }));
        }
        for (position, &i) in columns.iter().enumerate() {
            if let Some(column) = t.column_mut(position)
                && i >= self.right_from
            {
                column.set_cell_alignment(CellAlignment::Right);
            }
        }
        t.to_string()
    }
}

/// A cell with new text and the old one's colour.
fn restyle(old: &Cell, text: String) -> Cell {
    // Only label cells are re-wrapped, and labels are never coloured; a
    // coloured label would lose its colour here, not its text.
    let _ = old;
    Cell::new(text)
}

/// The widest piece of `text` that cannot be broken: a word, or a part of a
/// key path between dots.
fn longest_piece(text: &str) -> usize {
    pieces(text)
        .map(|p| line_width(p.trim_end()))
        .max()
        .unwrap_or(0)
}

/// `text` cut after each space and after each dot that is followed by a
/// letter (`after.` `leads`), so key paths can break where they read well.
fn pieces(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let bytes = rest.as_bytes();
        // A space before a unit (`5,000 ₽`, `5.0 pp`) is no place to cut.
        let unit_follows = |i: usize| {
            let next = &rest[i + 1..];
            let word = next.split(' ').next().unwrap_or("");
            GLUED.contains(&word.trim_end_matches(['.', ',', ';', ')']))
        };
        let cut = (0..bytes.len())
            .find(|&i| {
                (bytes[i] == b' ' && !unit_follows(i))
                    || (bytes[i] == b'.'
                        && bytes.get(i + 1).is_some_and(|b| b.is_ascii_alphabetic()))
            })
            .map_or(rest.len(), |i| i + 1);
        let (piece, tail) = rest.split_at(cut);
        rest = tail;
        Some(piece)
    })
}

/// Wraps `text` to `width` at spaces and at the dots of key paths; lines of
/// the text stay lines.
fn wrap_breaking_paths(text: &str, width: usize) -> String {
    let mut out = String::new();
    for (n, paragraph) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let mut line = String::new();
        for piece in pieces(paragraph) {
            let candidate = line_width(&line) + line_width(piece.trim_end());
            if !line.is_empty() && candidate > width {
                out.push_str(line.trim_end());
                out.push('\n');
                line.clear();
            }
            line.push_str(piece);
        }
        out.push_str(line.trim_end());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bound `draw_whole` skips by, `3n + 1` columns for `n` (padding
    /// and borders), is never above the narrowest table of `n` columns: one
    /// of empty cells (comfy-table gives them one column of text each).
    #[test]
    fn no_table_is_narrower_than_the_bound() {
        for n in 1..6 {
            let mut g = Grid::new(vec![String::new(); n], 1);
            g.row(vec![""; n]);
            let drawn = g.draw_whole(100).expect("fits");
            assert_eq!(widest(&drawn), 4 * n + 1, "{drawn}");
            assert!(widest(&drawn) >= narrowest(n));
            assert_eq!(g.draw_whole(narrowest(n) - 1), None);
        }
    }

    fn grid(columns: usize, cell: &str) -> Grid {
        let mut g = Grid::new(
            (0..columns).map(|i| format!("Column number {i}")).collect(),
            1,
        );
        for r in 0..3 {
            g.row((0..columns).map(|c| {
                if c == 0 {
                    format!("a rather long label for row {r}")
                } else {
                    cell.to_string()
                }
            }));
        }
        g
    }

    #[test]
    fn a_table_that_fits_is_drawn_as_it_is() {
        let g = grid(3, "1");
        let text = g.draw(200);
        assert!(text.contains("Column number 1"), "{text}");
        // Borders above, below and under the heading; one line per row.
        assert_eq!(text.lines().count(), 3 + 1 + 3);
    }

    #[test]
    fn every_line_fits_however_many_columns() {
        for columns in [2, 5, 12, 40] {
            for width in [40, 60, 80, 100] {
                let text = grid(columns, "+1,234,567.89 ₽").draw(width);
                assert!(widest(&text) <= width, "{columns} at {width}:\n{text}");
                // Every figure is still there, whole.
                assert_eq!(
                    text.matches("+1,234,567.89 ₽").count(),
                    3 * (columns - 1),
                    "{columns} at {width}"
                );
            }
        }
    }

    #[test]
    fn prose_wraps_at_spaces_but_not_inside_figures() {
        let text = "ROI over 12 months 210,3\u{a0}% and net +305\u{a0}000\u{a0}₽ for the salon";
        let wrapped = wrap(text, 20, "  ");
        assert!(widest(&wrapped) <= 20, "{wrapped}");
        assert!(wrapped.contains("+305\u{a0}000\u{a0}₽"));
        assert_eq!(wrapped.replace("\n  ", " "), text);
    }

    #[test]
    fn a_heading_keeps_its_unit() {
        assert_eq!(wrap_breaking_paths("5,000 ₽", 3), "5,000 ₽");
        assert_eq!(longest_piece("costs 20,000 ₽"), "20,000 ₽".chars().count());
    }

    #[test]
    fn a_unit_takes_its_figure_down_with_it() {
        // "+4.9 pp" would reach column 19: the figure moves with its unit.
        let wrapped = wrap("conversion -7.9 pp … +4.9 pp", 18, "");
        assert_eq!(wrapped, "conversion -7.9 pp\n… +4.9 pp");
        assert!(widest(&wrapped) <= 18);
    }

    #[test]
    fn key_paths_break_after_their_dots() {
        assert_eq!(
            wrap_breaking_paths("assumptions.gross_margin", 14),
            "assumptions.\ngross_margin"
        );
        assert_eq!(wrap_breaking_paths("0.91 months", 5), "0.91\nmonths");
        assert_eq!(longest_piece("after.no_show_rate"), 12);
    }

    #[test]
    fn colour_escapes_take_no_room() {
        assert_eq!(widest("\u{1b}[38;5;9m-5 ₽\u{1b}[39m"), 4);
    }
}
