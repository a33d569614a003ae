//! Scenario files: TOML as the user wrote it, checked once into a [`Scenario`] the engine can trust.

mod draft;
mod hints;
mod key;
mod loaded;
mod median;
mod range;
mod raw;
mod registry;
mod resolve;
mod spec;
mod tables;
mod unknown;
pub mod value;
mod warn;

pub use crate::input::{Location, Problem, ScenarioError, Source, nearest};
pub use draft::{Draft, Override, Variant};
pub use key::{
    ItemField, ItemId, Key, Kind, MAX_MONTHS, MAX_REPEAT_MONTHS, TEXT_KEYS, all_paths, file_paths,
    table_keys, unknown_key_message,
};
pub use loaded::Loaded;

/// A cost line's name, from the tag its engine line carries.
pub fn item_name(tag: u32) -> &'static str {
    registry::ItemId::from_tag(tag).name()
}
pub use range::{Dist, RangeError, Uncertain, Z_975};
pub use spec::Spec;

use crate::forecast::engine::{Inputs, Overflow};
use crate::i18n::{f, t};
use crate::input::{LineIndex, line_of};
use raw::RawScenario;
use rust_decimal::Decimal;
use serde::Deserialize;

/// Why a scenario could not be run: a value breaks a rule, or the figures
/// are too large for exact arithmetic. Shared by solving and sensitivity.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The scenario, as changed, breaks a rule.
    #[error("the scenario is invalid")]
    Invalid(Vec<Problem>),
    /// The figures are too large to compute exactly.
    #[error(transparent)]
    Overflow(#[from] Overflow),
}

/// A checked scenario: every number is in range and every relative change resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    /// Shown in titles; defaults to the file's stem.
    pub name: String,
    /// ISO 4217 code, upper case.
    pub currency: String,
    /// The model's inputs, exact; a key given as a range is at its point value.
    pub inputs: Inputs<Decimal>,
    /// The keys given as ranges, in key order.
    pub ranges: Vec<(Key, Uncertain)>,
}

impl Scenario {
    /// Reads and checks a scenario file; `default_name` names it when the file does not.
    pub fn parse(source: &Source, default_name: &str) -> Result<Scenario, ScenarioError> {
        Draft::parse(source)?
            .resolve(default_name)
            .map_err(|problems| ScenarioError {
                file: source.name.clone(),
                variant: None,
                problems,
            })
    }
}

/// A file parsed: its serde mirror, the spans of values nested in its
/// variants (which the mirror lacks), and the index of its lines.
struct Parsed {
    raw: RawScenario,
    nested: Vec<draft::NestedSpans>,
    lines: LineIndex,
}

/// Parses TOML into the raw mirror, with every unknown key and table found
/// on the way; a file that is not TOML, or whose shape does not fit, gives
/// every problem found instead (all syntax errors, each with a hint).
fn parse_raw(text: &str) -> Result<(Parsed, Vec<Problem>), Vec<Problem>> {
    let blank = text.lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with('#')
    });
    if blank {
        return Err(vec![Problem::file(t(
            "the file is empty (nothing but blanks and comments); a scenario needs at least [baseline] with leads, conversion and average_check (`roi init` writes a starter file)",
        ))]);
    }
    let (table, errors) = toml::de::DeTable::parse_recoverable(text);
    let lines = LineIndex::new(text);
    if !errors.is_empty() {
        let mut problems: Vec<Problem> = errors
            .iter()
            .map(|e| syntax_problem(text, &lines, e))
            .collect();
        problems.sort_by_key(Problem::line);
        // The parser may trip twice over one slip; one message a line is enough.
        problems.dedup_by_key(|p| p.line());
        return Err(problems);
    }
    let mut problems = Vec::new();
    unknown::check(&lines, table.get_ref(), &mut problems);
    let nested = draft::nested_spans(table.get_ref());
    // The document was parsed once; serde reads it instead of parsing again.
    // Tracking the path of every value costs a tenth of reading a large
    // file, so it is done only to explain a shape that fails, on the text
    // parsed anew.
    let raw = match RawScenario::deserialize(toml::Deserializer::from(table)) {
        Ok(raw) => raw,
        Err(_) => {
            let tracked = toml::Deserializer::parse(text)
                .map_err(|e| vec![syntax_problem(text, &lines, &e)])?;
            match serde_path_to_error::deserialize(tracked) {
                // Both read the same document, so this is not expected; the
                // reading that worked is as good as the other.
                Ok(raw) => raw,
                Err(e) => {
                    problems.push(shape_problem(text, &e));
                    problems.sort_by_key(Problem::line);
                    return Err(problems);
                }
            }
        }
    };
    Ok((Parsed { raw, nested, lines }, problems))
}

/// A TOML syntax error, with a hint for the slips people make: a decimal
/// comma outside quotes, a key in Cyrillic.
fn syntax_problem(text: &str, lines: &LineIndex, e: &toml::de::Error) -> Problem {
    let line = e.span().map(|s| lines.text(text, s.start)).unwrap_or("");
    let mut message = f(
        "this is not valid TOML: {}",
        &[&crate::input::toml_reason(e.message())],
    );
    if let Some(hint) = hints::for_line(line) {
        message.push_str("; ");
        message.push_str(&hint);
    }
    if e.span().is_some() {
        message.push_str("\n    ");
        message.push_str(line);
    }
    Problem {
        location: e
            .span()
            .map_or(Location::File, |s| Location::Line(lines.line(s.start))),
        key: None,
        value: None,
        message,
    }
}

/// Explains a value whose shape does not fit (a table written as a number,
/// a list where a table belongs).
fn shape_problem(text: &str, e: &serde_path_to_error::Error<toml::de::Error>) -> Problem {
    // A dotted path as the file reads: `variant[2].set`, counting from 1.
    let mut key = String::new();
    for segment in e.path().iter() {
        match segment {
            serde_path_to_error::Segment::Seq { index } => {
                key.push_str(&format!("[{}]", index + 1))
            }
            serde_path_to_error::Segment::Map { key: name }
                if name.starts_with("$__serde_spanned") => {}
            other => {
                if !key.is_empty() {
                    key.push('.');
                }
                key.push_str(&other.to_string());
            }
        }
    }
    let inner = e.inner();
    let span = inner.span();
    let location = span
        .clone()
        .map_or(Location::File, |s| Location::Line(line_of(text, s.start)));
    let message = inner.message();
    let value = span.map(|s| text[s].to_string());
    let is_table_error =
        message.starts_with("invalid type") || message.starts_with("invalid length");
    let message = if is_table_error && key == "variant" {
        t("must be a list of tables, each written [[variant]] with a name and a set").to_string()
    } else if is_table_error && key == "costs.item" {
        t("must be a list of tables, each written [[costs.item]] with a name").to_string()
    } else if is_table_error && key == "retention.repeat_visits" {
        t("must be a list of repeat visits per new client, month by month from the month after her first visit, like repeat_visits = [0.5, 0.3, 0.2]").to_string()
    } else if is_table_error && key == "seasonality.leads" {
        t("must be a list of twelve factors, January to December, like leads = [0.85, 0.9, 1.25, 1.0, 1.0, 0.9, 0.8, 0.8, 1.0, 1.05, 1.1, 1.35]").to_string()
    } else if is_table_error && key.ends_with(".set") {
        t("must be a table of changes, like set = { \"after.leads\" = \"+15%\" }").to_string()
    } else if is_table_error && !key.contains('.') {
        f(
            "must be a table, written [{}] on a line of its own",
            &[&key],
        )
    } else if message.contains("floating-point number overflowed") {
        // toml turns 1e400 into this; the number is finite, just too large.
        t("is too large: exact decimal arithmetic stops below 7.9e28; check it for extra zeros")
            .into()
    } else if message.contains("as i128") {
        // toml reads integers beyond i64 but cannot hand them over as a value.
        t("is too large for a TOML integer; write it with an exponent (1e20) or in quotes (\"99999999999999999999\")").into()
    } else {
        crate::input::toml_reason(message)
    };
    Problem {
        location,
        key: Some(key),
        value,
        message,
    }
}

/// The table names, in file order.
fn tables() -> Vec<&'static str> {
    let mut names: Vec<&str> = Vec::new();
    for name in file_paths().filter_map(|k| k.split('.').next()) {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names.push("variant");
    names
}
