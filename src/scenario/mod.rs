//! Scenario files: TOML as the user wrote it, checked once into a [`Scenario`] the engine can trust.

mod draft;
mod error;
mod key;
mod range;
mod raw;
pub mod value;
mod warn;

pub use draft::{Draft, Override, Spec, Variant};
pub use error::{Location, Problem, ScenarioError};
pub use key::{Key, Kind, MAX_MONTHS, TEXT_KEYS, all_paths, nearest, unknown_key_message};
pub use range::{Dist, Uncertain};

use crate::engine::Inputs;
use crate::i18n::{f, t};
use raw::RawScenario;
use rust_decimal::Decimal;

/// A scenario file's text and the name to report it under.
#[derive(Debug, Clone)]
pub struct Source {
    /// The file as the user named it, or `<stdin>`.
    pub name: String,
    /// The whole file, already checked to be UTF-8.
    pub text: String,
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

/// Parses TOML into the raw mirror, turning syntax and shape errors into a [`Problem`].
fn parse_raw(text: &str) -> Result<RawScenario, Problem> {
    let blank = text.lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with('#')
    });
    if blank {
        return Err(Problem::file(t(
            "the file is empty (nothing but blanks and comments); a scenario needs at least [baseline] with leads, conversion and average_check (`roi init` writes a starter file)",
        )));
    }
    let deserializer = toml::Deserializer::parse(text).map_err(|e| Problem {
        location: e
            .span()
            .map_or(Location::File, |s| Location::Line(line_of(text, s.start))),
        key: None,
        value: None,
        message: format!(
            "{}{}",
            f("this is not valid TOML: {}", &[&e.message().trim_end()]),
            e.span()
                .map(|s| format!("\n    {}", line_text(text, s.start)))
                .unwrap_or_default()
        ),
    })?;
    serde_path_to_error::deserialize(deserializer).map_err(|e| shape_problem(text, &e))
}

/// Explains a key or table that does not fit the scenario's shape.
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
    if message.starts_with("unknown field") {
        let (table, name) = match key.rsplit_once('.') {
            Some((table, name)) => (Some(table), name),
            None => (None, key.as_str()),
        };
        let in_variant = table.is_some_and(|t| t.starts_with("variant"));
        let candidates: Vec<&str> = match table {
            Some(_) if in_variant => vec!["name", "set"],
            Some(table) => all_paths()
                .filter_map(|k| k.strip_prefix(table)?.strip_prefix('.'))
                .collect(),
            None => tables(),
        };
        let mut message = t(if table.is_some() {
            "unknown key"
        } else {
            "unknown table (keys belong inside one)"
        })
        .to_string();
        if let Some(near) = nearest(name, candidates.iter().copied()).first() {
            message.push_str(&f("; did you mean `{}`?", &[near]));
        }
        let shown = match table {
            Some(_) if in_variant => t("; [[variant]] takes: name, set").to_string(),
            Some(table) => f("; [{}] takes: {}", &[&table, &candidates.join(", ")]),
            None => f(
                "; the tables are: {}",
                &[&candidates
                    .iter()
                    .map(|t| format!("[{t}]"))
                    .collect::<Vec<_>>()
                    .join(", ")],
            ),
        };
        message.push_str(&shown);
        return Problem {
            location,
            key: Some(key),
            value: None,
            message,
        };
    }
    let value = span.map(|s| text[s].to_string());
    let is_table_error =
        message.starts_with("invalid type") || message.starts_with("invalid length");
    let message = if is_table_error && key == "variant" {
        t("must be a list of tables, each written [[variant]] with a name and a set").to_string()
    } else if is_table_error && key.ends_with(".set") {
        t("must be a table of changes, like set = { \"after.leads\" = \"+15%\" }").to_string()
    } else if is_table_error && !key.contains('.') {
        f(
            "must be a table, written [{}] on a line of its own",
            &[&key],
        )
    } else if message.contains("as i128") {
        // toml reads integers beyond i64 but cannot hand them over as a value.
        t("is too large for a TOML integer; write it with an exponent (1e20) or in quotes (\"99999999999999999999\")").into()
    } else {
        message.to_string()
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
    let mut names: Vec<&str> = all_paths().filter_map(|k| k.split('.').next()).collect();
    names.dedup();
    names.push("variant");
    names
}

/// 1-based line holding the byte at `offset`.
fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The text of the line holding the byte at `offset`, for syntax errors.
fn line_text(text: &str, offset: usize) -> &str {
    text.lines()
        .nth(line_of(text, offset) - 1)
        .unwrap_or("")
        .trim_end()
}
