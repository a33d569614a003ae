//! A scenario read but not yet checked as a whole: each value's form and where
//! it came from, open to overrides (`--set`, variants, sweep points) before
//! [`Draft::resolve`] applies every rule at once.

use super::key::{Key, Kind, TEXT_KEYS, all_paths, unknown_key_message};
use super::range::{RangeError, Uncertain};
use super::raw::RawVariant;
use super::spec::{Slot, Spec};
use super::tables::TablesDraft;
use super::value::{self, ValueError};
use super::{Parsed, Source, parse_raw};
use crate::i18n::{f, t};
use crate::input::LineIndex;
use crate::input::ScenarioError;
use crate::input::{Location, Problem};
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// A text key's value and where it was given.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Text {
    pub(super) value: String,
    location: Location,
}

/// One change to a key, from the command line (`--set KEY=VALUE`) or a variant.
#[derive(Debug, Clone, PartialEq)]
pub struct Override {
    /// Dotted path of the key, checked when applied.
    pub path: String,
    /// The value, as TOML would read it.
    pub value: toml::Value,
    /// The value exactly as written.
    pub text: String,
    /// Where it was written.
    pub location: Location,
}

impl Override {
    /// Reads `KEY=VALUE` as given to `--set`. VALUE is read as a TOML value
    /// (so `0.25`, `15000` and `"x"` mean what they mean in the file) and
    /// otherwise taken as text (`+15%`, `My salon`).
    pub fn from_flag(flag: &'static str, arg: &str) -> Result<Override, Problem> {
        let Some((path, text)) = arg.split_once('=') else {
            return Err(Problem {
                location: Location::Flag(flag),
                key: Some(arg.to_string()),
                value: None,
                message: t("expected KEY=VALUE, like after.leads=+15%").into(),
            });
        };
        let (path, text) = (path.trim(), text.trim());
        let value = toml::from_str::<toml::Table>(&format!("v = {text}"))
            .ok()
            .and_then(|mut t| t.remove("v"))
            .unwrap_or_else(|| toml::Value::String(text.to_string()));
        Ok(Override {
            path: path.to_string(),
            value,
            text: text.to_string(),
            location: Location::Flag(flag),
        })
    }
}

/// A `[[variant]]` of a scenario file.
#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    /// Its name, shown as a column heading.
    pub name: String,
    /// Its changes to the base scenario, in key order.
    pub overrides: Vec<Override>,
}

/// A scenario whose values are read but not yet checked against each other.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub(super) name: Option<Text>,
    currency: Option<Text>,
    pub(super) slots: [Slot; Key::ALL.len()],
    /// Line of `[baseline]`, where a missing required key is reported.
    pub(super) baseline_line: Option<usize>,
    /// Problems found while reading, reported with those of resolution.
    pub(super) problems: Vec<Problem>,
    /// The file's `[[variant]]`s, shared by every copy of the draft: each
    /// variant is resolved on a copy, and copying them all for each would
    /// make a file of many variants quadratic.
    variants: Arc<[Variant]>,
    /// `[capacity]`, `[seasonality]` and `[[costs.item]]`, when the file has them.
    pub(super) tables: TablesDraft,
}

impl Draft {
    /// Parses a scenario file; TOML that cannot be read at all is an error here,
    /// problems with values wait for [`Draft::resolve`] so all are reported together.
    pub fn parse(source: &Source) -> Result<Draft, ScenarioError> {
        let (parsed, unknown) = parse_raw(&source.text).map_err(|problems| ScenarioError {
            file: source.name.clone(),
            variant: None,
            problems,
        })?;
        let mut draft = Draft::read(&source.text, &parsed);
        // Unknown keys wait, as problems with values do, to be reported with them.
        draft.problems.extend(unknown);
        Ok(draft)
    }

    /// Reads every value of a parsed file into its form, noting unreadable
    /// ones. Linear in the file: lines come from the index, variant names
    /// are checked against a set.
    fn read(text: &str, parsed: &Parsed) -> Draft {
        let (raw, lines) = (&parsed.raw, &parsed.lines);
        let mut draft = Draft {
            name: None,
            currency: None,
            slots: std::array::from_fn(|_| Slot::Missing),
            baseline_line: raw.baseline.as_ref().map(|b| lines.line(b.span().start)),
            problems: Vec::new(),
            variants: Arc::from([]),
            tables: TablesDraft::default(),
        };
        let meta = raw.scenario.as_ref().map(|m| m.get_ref());
        for (path, value) in [
            (TEXT_KEYS[0], meta.and_then(|m| m.name.as_ref())),
            (TEXT_KEYS[1], meta.and_then(|m| m.currency.as_ref())),
        ] {
            if let Some(v) = value {
                let location = Location::Line(lines.line(v.span().start));
                draft.set_text(path, v.get_ref(), &source_text(text, v), location);
            }
        }
        for key in Key::ALL {
            if let Some(v) = raw.value(key) {
                let location = Location::Line(lines.line(v.span().start));
                draft.set_value(key, v.get_ref(), source_text(text, v), location);
            }
        }
        tables::read(text, lines, raw, &mut draft);
        draft.variants = draft.read_variants(text, parsed).into();
        draft
    }

    /// The file's `[[variant]]`s, in file order. One without a name is
    /// reported and left out; a key it sets twice, or a name another has
    /// already, is reported.
    fn read_variants(&mut self, text: &str, parsed: &Parsed) -> Vec<Variant> {
        let lines = &parsed.lines;
        let mut variants = Vec::new();
        let mut names = HashSet::new();
        for (i, variant) in parsed.raw.variant.iter().flatten().enumerate() {
            let line = lines.line(variant.span().start);
            let v = variant.get_ref();
            let Some(name) = self.variant_name(text, line, v) else {
                continue;
            };
            let overrides = variant_overrides(v, parsed.nested.get(i), text, lines);
            let mut seen = HashSet::new();
            for o in &overrides {
                if !seen.insert(o.path.as_str()) {
                    self.problems.push(Problem {
                        location: o.location.clone(),
                        key: Some(o.path.clone()),
                        value: None,
                        message: f("is set twice in variant \"{}\"; keep one", &[&name]),
                    });
                }
            }
            if !names.insert(name.clone()) {
                self.problems.push(Problem {
                    location: Location::Line(line),
                    key: Some("variant.name".into()),
                    value: Some(format!("\"{name}\"")),
                    message: t("another [[variant]] already has this name; names must differ")
                        .into(),
                });
            }
            variants.push(Variant { name, overrides });
        }
        variants
    }

    /// A variant's name, trimmed; a missing or blank one is reported at the
    /// variant's `line`.
    fn variant_name(&mut self, text: &str, line: usize, v: &RawVariant) -> Option<String> {
        match v.name.as_ref().map(|n| n.get_ref()) {
            Some(toml::Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
            _ => {
                self.problems.push(Problem {
                    location: Location::Line(line),
                    key: Some("variant.name".into()),
                    value: v.name.as_ref().map(|n| source_text(text, n)),
                    message: t(
                        "every [[variant]] needs a name in quotes, like name = \"pessimistic\"",
                    )
                    .into(),
                });
                None
            }
        }
    }

    /// The file's variants, in file order.
    pub fn variants(&self) -> &[Variant] {
        &self.variants
    }

    /// Applies one change; an unknown key is reported with the nearest valid keys.
    pub fn apply(&mut self, o: &Override) {
        if let Some(key) = Key::from_path(&o.path) {
            self.set_value(key, &o.value, o.text.clone(), o.location.clone());
        } else if TEXT_KEYS.contains(&o.path.as_str()) {
            // On the command line a text key's value is the text itself: --set scenario.name=2025.
            let value = match (&o.location, &o.value) {
                (Location::Flag(_), v) if !v.is_str() => toml::Value::String(o.text.clone()),
                (_, v) => v.clone(),
            };
            self.set_text(&o.path, &value, &o.text, o.location.clone());
        } else if o.path.starts_with("retention.repeat_visits") {
            // A month past the last, or the whole list at once: say how they are named.
            self.problems.push(Problem {
                location: o.location.clone(),
                key: Some(o.path.clone()),
                value: Some(o.text.clone()),
                message: f(
                    "names no month of repeat visits; they are set one month at a time, from retention.repeat_visits.1 (the month after a client's first visit) to retention.repeat_visits.{}",
                    &[&super::key::MAX_REPEAT_MONTHS],
                ),
            });
        } else {
            // The file's own table keys too, so a misspelt cost-line field finds its line.
            let candidates: Vec<&str> = all_paths()
                .chain(self.tables.keys().map(Key::path))
                .collect();
            self.problems.push(Problem {
                location: o.location.clone(),
                key: Some(o.path.clone()),
                value: Some(o.text.clone()),
                message: unknown_key_message(&o.path, &candidates),
            });
        }
    }

    /// Gives `key` a value in a known form: the fast path for sweep points and solving.
    pub fn set(&mut self, key: Key, spec: Spec) {
        match key.index() {
            // The common keys: no table to look for, nothing to clone.
            Some(i) => self.slots[i] = Slot::Given(spec),
            None => {
                let location = spec.location.clone();
                let text = spec.text.clone();
                self.put(key, Slot::Given(spec), &location, text);
            }
        }
    }

    /// The value given for `key`, if any.
    pub fn get(&self, key: Key) -> Option<&Spec> {
        match self.slot(key) {
            Slot::Given(spec) => Some(spec),
            _ => None,
        }
    }

    /// The state of `key`: its own slot, or its table's.
    pub(super) fn slot(&self, key: Key) -> &Slot {
        match key.index() {
            Some(i) => &self.slots[i],
            None => self.tables.slot(key),
        }
    }

    /// Stores a key's state; a table key with no table (or no such cost line)
    /// to hold it is a problem.
    fn put(&mut self, key: Key, slot: Slot, location: &Location, text: Option<String>) {
        match key.index() {
            Some(i) => self.slots[i] = slot,
            None => {
                if let Err(message) = self.tables.put(key, slot, location) {
                    self.problems.push(Problem {
                        location: location.clone(),
                        key: Some(key.path().into()),
                        value: text,
                        message,
                    });
                }
            }
        }
    }

    /// Why `key` cannot be set in this scenario — a factor without
    /// `[seasonality]`, a cost line the file does not have — or `None` when it can.
    pub fn lacks(&self, key: Key) -> Option<String> {
        self.tables.lacks(key)
    }

    /// Every numeric key this scenario has: the common ones, then its tables'.
    pub fn keys(&self) -> impl Iterator<Item = Key> + '_ {
        Key::ALL.into_iter().chain(self.tables.keys())
    }

    pub(super) fn set_value(
        &mut self,
        key: Key,
        value: &toml::Value,
        text: String,
        location: Location,
    ) {
        let fail = |message: String| Problem {
            location: location.clone(),
            key: Some(key.path().into()),
            value: Some(text.clone()),
            message,
        };
        let at = location.clone();
        let written = text.clone();
        if let Some(range) = Uncertain::read(value, &text) {
            let slot = match range {
                Ok(_) if matches!(key.kind(), Kind::Months { .. }) => {
                    self.problems.push(fail(f(
                        "a whole number of months cannot be a range; it takes {}",
                        &[&key.kind().allowed()],
                    )));
                    Slot::Broken
                }
                Ok(range) => match range.fits(key.kind()) {
                    Ok(()) => Slot::Given(Spec {
                        written: range.point(),
                        location,
                        text: Some(text),
                        range: Some(range),
                    }),
                    Err(message) => {
                        self.problems.push(fail(message));
                        Slot::Broken
                    }
                },
                // What a dist refuses says what to do instead; a range written
                // wrongly is shown how ranges are written.
                Err(RangeError::Dist(message)) => {
                    self.problems.push(fail(message));
                    Slot::Broken
                }
                Err(RangeError::Unwritten(message)) => {
                    self.problems.push(fail(f(
                        "{}; a range is written \"+15%..+40%\" or { low = …, high = …, mode = …, dist = \"triangular\" }",
                        &[&message],
                    )));
                    Slot::Broken
                }
            };
            self.put(key, slot, &at, Some(written));
            return;
        }
        let slot = match value::read(value, &text) {
            Ok(written) => Slot::Given(Spec {
                written,
                location,
                text: Some(text),
                range: None,
            }),
            Err(e) => {
                let problem = match e {
                    ValueError::WrongType(found) => f("expected a number, found {}", &[&t(found)]),
                    ValueError::NotFinite => t("is not a finite number").into(),
                    ValueError::TooPrecise => t("has more digits than exact arithmetic keeps (28 decimal places, magnitude below 7.9e28); round it yourself").into(),
                    ValueError::TooSmall => t("is too small: exact decimal arithmetic keeps 28 decimal places, so the smallest amount above zero is 1e-28; write 0 for nothing").into(),
                    ValueError::TooLarge => t("is too large: exact decimal arithmetic stops below 7.9e28; check it for extra zeros").into(),
                    ValueError::Unreadable => t("cannot be read as a number").into(),
                    ValueError::SignedNumber => t("has a sign, which makes it a change, but no unit: write \"+15%\" (relative) or \"+15pp\" (percentage points) for a change, or the plain number for a value").into(),
                    ValueError::AmbiguousComma => t("could be a thousands separator or a decimal comma; write 1500 for one thousand five hundred, or 1.5 (or \"1,50\") for one and a half").into(),
                };
                self.problems.push(fail(f(
                    "{}; it takes {}",
                    &[&problem, &key.kind().allowed()],
                )));
                Slot::Broken
            }
        };
        self.put(key, slot, &at, Some(written));
    }

    fn set_text(&mut self, path: &str, value: &toml::Value, text: &str, location: Location) {
        let fail = |message: &str| Problem {
            location: location.clone(),
            key: Some(path.to_string()),
            value: Some(text.to_string()),
            message: message.to_string(),
        };
        let toml::Value::String(s) = value else {
            self.problems.push(fail(t("must be text in quotes")));
            return;
        };
        if s.trim().is_empty() {
            self.problems.push(fail(t("must not be empty")));
            return;
        }
        let text = Text {
            value: s.trim().to_string(),
            location: location.clone(),
        };
        if path == TEXT_KEYS[0] {
            self.name = Some(text);
        } else {
            let code = s.trim().to_ascii_uppercase();
            if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) {
                self.currency = Some(Text {
                    value: code,
                    ..text
                });
            } else {
                self.problems.push(fail(t(
                    "must be a three-letter ISO 4217 code, like \"RUB\", \"USD\" or \"KZT\"",
                )));
            }
        }
    }

    /// The keys given as ranges, in key order.
    pub fn ranges(&self) -> impl Iterator<Item = (Key, Uncertain)> + '_ {
        self.keys().filter_map(|k| Some((k, self.get(k)?.range?)))
    }

    /// The ISO code of the amounts; RUB unless the file or `--set` says otherwise.
    pub fn currency(&self) -> &str {
        self.currency.as_ref().map_or("RUB", |t| t.value.as_str())
    }
}

/// A value exactly as the file writes it.
fn source_text(text: &str, v: &Spanned<toml::Value>) -> String {
    text.get(v.span()).unwrap_or("").to_string()
}

/// A variant's `set` as overrides, each keeping its text and line as
/// written, nested (`nested` holds the spans of its inner values) or not.
fn variant_overrides(
    v: &RawVariant,
    nested: Option<&NestedSpans>,
    text: &str,
    lines: &LineIndex,
) -> Vec<Override> {
    let mut overrides = Vec::new();
    for (path, value) in v.set.iter().flat_map(|s| s.get_ref()) {
        let leaf = Leaf {
            value: value.get_ref(),
            span: value.span(),
            exact: true,
        };
        flatten(path, leaf, nested, text, lines, &mut overrides);
    }
    overrides
}

/// The spans of the values nested in a variant's `set`, by dotted path:
/// serde's values keep a span only at the top of `set`.
pub(super) type NestedSpans = HashMap<String, Range<usize>>;

/// [`NestedSpans`] for each `[[variant]]` of the document, in file order,
/// taken before serde consumes the document (which spares keeping a copy).
pub(super) fn nested_spans(doc: &DeTable<'_>) -> Vec<NestedSpans> {
    fn walk(prefix: &str, table: &DeTable<'_>, out: &mut NestedSpans) {
        for (key, value) in table {
            let path = format!("{prefix}.{}", key.get_ref());
            if let DeValue::Table(inner) = value.get_ref() {
                walk(&path, inner, out);
            }
            out.insert(path, value.span());
        }
    }
    let Some(DeValue::Array(variants)) = doc.get("variant").map(|v| v.get_ref()) else {
        return Vec::new();
    };
    variants
        .iter()
        .map(|variant| {
            let mut spans = NestedSpans::new();
            if let Some(DeValue::Table(set)) = variant.get_ref().get("set").map(|s| s.get_ref()) {
                for (key, value) in set {
                    if let DeValue::Table(inner) = value.get_ref() {
                        walk(key.get_ref(), inner, &mut spans);
                    }
                }
            }
            spans
        })
        .collect()
}

/// A value in a variant's `set`, as TOML reads it, and where it is in the file.
struct Leaf<'a> {
    value: &'a toml::Value,
    /// The value's bytes in the file, or its table's when `exact` is false.
    span: Range<usize>,
    exact: bool,
}

/// Turns `{ after = { leads = "+15%" } }` and `{ "after.leads" = "+15%" }` alike
/// into dotted-path overrides. Every value keeps its text exactly as written,
/// nested or not, so `{ costs = { setup = 12345678901234567890.5 } }` is read
/// from its digits, never through a float.
fn flatten(
    path: &str,
    leaf: Leaf<'_>,
    nested: Option<&NestedSpans>,
    text: &str,
    lines: &LineIndex,
    out: &mut Vec<Override>,
) {
    let is_key = Key::from_path(path).is_some() || TEXT_KEYS.contains(&path);
    // A table under a key is a range; only tables above keys are nesting.
    if let (toml::Value::Table(table), false) = (leaf.value, is_key) {
        for (k, v) in table {
            let inner_path = format!("{path}.{k}");
            let span = nested.and_then(|n| n.get(&inner_path));
            let inner = Leaf {
                value: v,
                // Without its span (which the parser always gives), a value
                // is at least placed at its table.
                span: span.map_or_else(|| leaf.span.clone(), Clone::clone),
                exact: span.is_some(),
            };
            flatten(&inner_path, inner, nested, text, lines, out);
        }
    } else {
        let written = match text.get(leaf.span.clone()) {
            Some(written) if leaf.exact => written.to_string(),
            _ => leaf.value.to_string(),
        };
        out.push(Override {
            path: path.to_string(),
            value: leaf.value.clone(),
            text: written,
            location: Location::Line(lines.line(leaf.span.start)),
        });
    }
}

mod tables;
#[cfg(test)]
mod tests;
