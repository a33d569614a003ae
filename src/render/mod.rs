//! Renderers: each turns a [`Report`](crate::report::Report) into text and nothing else.

pub mod compare;
pub mod csv;
pub mod html;
pub mod json;
pub mod sensitivity;
pub mod simulate;
pub mod solve;
pub mod sweep;
pub mod table;

use crate::i18n::Lang;
use crate::scenario::{Key, Uncertain};
use comfy_table::{CellAlignment, ContentArrangement, Table, presets};

/// Says which keys are ranges and which single value the figures use, so a
/// reader never mistakes a midpoint for a certainty.
pub fn range_notes(ranges: &[(Key, Uncertain)], lang: Lang) -> Vec<String> {
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
                &[&key.path(), range, &which, &range.point()],
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
