//! Renderers: each turns a [`Report`](crate::report::Report) into text and nothing else.

pub mod compare;
pub mod csv;
pub mod json;
pub mod sensitivity;
pub mod simulate;
pub mod solve;
pub mod sweep;
pub mod table;

use crate::scenario::{Key, Uncertain};

/// Says which keys are ranges and which single value the figures use, so a
/// reader never mistakes a midpoint for a certainty.
pub fn range_notes(ranges: &[(Key, Uncertain)]) -> Vec<String> {
    ranges
        .iter()
        .map(|(key, range)| {
            let which = if range.mode.is_some() { "mode" } else { "midpoint" };
            format!(
                "{} is a range, {range}; these figures use its {which} {} (`roi simulate` shows the spread).",
                key.path(),
                range.point()
            )
        })
        .collect()
}
