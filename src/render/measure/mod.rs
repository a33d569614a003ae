//! `roi measure`'s output: the measured funnel as tables for people, JSON for
//! scripts and CSV rows for spreadsheets, with the account of every row.
//!
//! One part per output: the `table` with its `notes`, the JSON and CSV
//! `export`, the `workbook`; the words they share are here.

mod export;
mod notes;
pub mod retention;
mod table;
mod workbook;

use crate::evidence::measure::funnel::Channel;
use crate::evidence::measure::profile::System;
use crate::i18n::Lang;

pub use export::{HEADER, JsonMonth, SCHEMA_VERSION, csv, json, month_rows};
pub use table::table_text;
pub use workbook::xlsx;

/// The system's name as people know it.
pub fn system_name(system: System) -> &'static str {
    system.title()
}

/// An outcome in words (catalogue key).
pub fn outcome_word(o: crate::evidence::measure::profile::Outcome) -> &'static str {
    use crate::evidence::measure::profile::Outcome;
    match o {
        Outcome::Lost => "lost",
        Outcome::Open => "in progress",
        Outcome::Booked => "booked",
        Outcome::Visited => "came",
        Outcome::NoShow => "did not come",
    }
}

/// A channel in words (catalogue key).
pub fn channel_word(c: Channel) -> &'static str {
    match c {
        Channel::All => "all",
        Channel::Ai => "assistant",
        Channel::Other => "other",
    }
}

/// The name a value is shown by: itself, «(empty)» for a blank cell, and
/// «other values» for the rest summed.
pub fn source_name(source: &Option<String>, l: Lang) -> String {
    match source {
        Some(s) if s.is_empty() => l.tr("(empty)").to_string(),
        Some(s) => crate::input::clip(s),
        None => l.tr("other values").to_string(),
    }
}

/// A value as a CSV cell: as written; `(empty)` for a blank one and
/// `(other)` for the rest summed, in every language, for scripts.
pub fn csv_source(source: &Option<String>) -> &str {
    match source {
        Some(s) if s.is_empty() => "(empty)",
        Some(s) => s,
        None => "(other)",
    }
}
