//! Renderers: each turns a [`Report`](crate::report::Report) into text and nothing else.

pub mod compare;
pub mod csv;
pub mod html;
pub mod json;
pub mod measure;
pub mod measure_map;
pub mod scenario_file;
pub mod sensitivity;
pub mod simulate;
pub mod solve;
pub mod sweep;
pub mod table;

use crate::format::{Fmt, Sign};
use crate::scenario::value::Written;
use crate::scenario::{Key, Uncertain};
use comfy_table::{CellAlignment, ContentArrangement, Table, presets};

/// A value in a key's own grammar, written as the reader's language writes
/// numbers: `+27,5 %`, `1 500 ₽`, `+5,0 п.п.`.
pub fn written(f: &Fmt<'_>, key: Key, w: Written) -> String {
    match w {
        Written::Number(n) if key.is_money() => f.money(n, Sign::Plain),
        Written::Number(n) => f.count(n, Sign::Plain),
        Written::Percent(n) => f.percent(n, Sign::Plain),
        // A change keeps its sign even at zero, so "+0%" never reads as a share of zero.
        Written::Relative(n) if n.is_zero() => format!("+{}", f.percent(n, Sign::Plain)),
        Written::Points(n) if n.is_zero() => format!("+{}", f.points(n, Sign::Plain)),
        Written::Relative(n) => f.percent(n, Sign::Explicit),
        Written::Points(n) => f.points(n, Sign::Explicit),
    }
}

/// A range as the reader's language writes it: `+15,0 %…+40,0 % (равномерное)`.
pub fn range_text(f: &Fmt<'_>, key: Key, range: &Uncertain) -> String {
    let l = f.lang;
    let mut text = format!(
        "{} … {} ({}",
        written(f, key, range.low),
        written(f, key, range.high),
        l.tr(range.dist.name())
    );
    if let Some(mode) = range.mode {
        text.push_str(", ");
        text.push_str(&l.fill("mode {}", &[&written(f, key, mode)]));
    }
    text.push(')');
    text
}

/// Says which keys are ranges and which single value the figures use, so a
/// reader never mistakes a midpoint for a certainty.
pub fn range_notes(ranges: &[(Key, Uncertain)], f: &Fmt<'_>) -> Vec<String> {
    let lang = f.lang;
    ranges
        .iter()
        .map(|(key, range)| {
            let which = lang.tr(if range.mode.is_some() {
                "mode"
            } else {
                "midpoint"
            });
            lang.fill(
                "{} is a range, {}; these figures use its {} {} (`roi simulate` shows the spread).",
                &[
                    &key.path(),
                    &range_text(f, *key, range),
                    &which,
                    &written(f, *key, range.point()),
                ],
            )
        })
        .collect()
}

/// A table in the house style: fixed layout, so piped output is deterministic.
pub fn table(header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .force_no_tty();
    if header.iter().any(|h| !h.is_empty()) {
        t.set_header(header.to_vec());
    }
    t
}

/// Draws a filled table with figures right-aligned from column `right_from` on.
/// Colours set on cells show only if the caller asked for them (`--color`).
pub fn draw(mut t: Table, right_from: usize) -> String {
    for column in t.column_iter_mut().skip(right_from) {
        column.set_cell_alignment(CellAlignment::Right);
    }
    t.to_string()
}

/// Prose for a terminal: words wrapped at `width` characters (a word longer
/// than the line keeps its own line).
pub fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = 0;
    for word in text.split(' ') {
        let len = word.chars().count();
        if line > 0 && line + 1 + len > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += len;
    }
    out
}

#[cfg(test)]
mod wrap_tests {
    #[test]
    fn wraps_prose_at_the_width() {
        assert_eq!(super::wrap("aa bb cc dd", 5), "aa bb\ncc dd");
        assert_eq!(
            super::wrap("«Сделка успешна» → пришёл", 16),
            "«Сделка успешна»\n→ пришёл"
        );
        assert_eq!(
            super::wrap("«Сделка успешна» → пришёл", 15),
            "«Сделка\nуспешна» →\nпришёл"
        );
        assert_eq!(
            super::wrap("averyveryverylongword x", 5),
            "averyveryverylongword\nx"
        );
    }
}
