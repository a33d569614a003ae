//! A scenario read but not yet checked as a whole: each value's form and where
//! it came from, open to overrides (`--set`, variants, sweep points) before
//! [`Draft::resolve`] applies every rule at once.

use super::error::ScenarioError;
use super::error::{Location, Problem};
use super::key::{Key, Kind, TEXT_KEYS, all_paths, unknown_key_message};
use super::range::Uncertain;
use super::raw::RawScenario;
use super::value::{self, Form, ValueError, Written};
use super::{Scenario, Source, line_of, parse_raw};
use crate::engine::{Funnel, Inputs};
use crate::format::{Fmt, Sign};
use crate::i18n::{f, t};
use rust_decimal::Decimal;
use toml::Spanned;

/// A value given for a key, and where it was given.
#[derive(Debug, Clone, PartialEq)]
pub struct Spec {
    /// The value's form and number.
    pub written: Written,
    /// The file line or the flag.
    pub location: Location,
    /// The value exactly as written, when it was written (not for generated sweep points).
    pub text: Option<String>,
    /// The range, when the value is uncertain; `written` is then its point value.
    pub range: Option<Uncertain>,
}

impl Spec {
    /// A single value set from the command line or by a sweep or solver.
    pub fn flag(flag: &'static str, written: Written) -> Spec {
        Spec {
            written,
            location: Location::Flag(flag),
            text: None,
            range: None,
        }
    }
}

/// A numeric key's state before resolution.
#[derive(Debug, Clone, PartialEq)]
enum Slot {
    /// Not given: the default applies.
    Missing,
    /// Given but unreadable; already reported.
    Broken,
    /// Given and readable.
    Given(Spec),
}

/// A text key's value and where it was given.
#[derive(Debug, Clone, PartialEq)]
struct Text {
    value: String,
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
    name: Option<Text>,
    currency: Option<Text>,
    slots: [Slot; Key::ALL.len()],
    /// Line of `[baseline]`, where a missing required key is reported.
    baseline_line: Option<usize>,
    /// Problems found while reading, reported with those of resolution.
    problems: Vec<Problem>,
    /// The file's `[[variant]]`s.
    variants: Vec<Variant>,
}

impl Draft {
    /// Parses a scenario file; TOML that cannot be read at all is an error here,
    /// problems with values wait for [`Draft::resolve`] so all are reported together.
    pub fn parse(source: &Source) -> Result<Draft, ScenarioError> {
        let (raw, unknown) = parse_raw(&source.text).map_err(|problems| ScenarioError {
            file: source.name.clone(),
            variant: None,
            problems,
        })?;
        let mut draft = Draft::read(&source.text, &raw);
        // Unknown keys wait, as problems with values do, to be reported with them.
        draft.problems.extend(unknown);
        Ok(draft)
    }

    /// Reads every value of a parsed file into its form, noting unreadable ones.
    pub(super) fn read(text: &str, raw: &RawScenario) -> Draft {
        let mut draft = Draft {
            name: None,
            currency: None,
            slots: std::array::from_fn(|_| Slot::Missing),
            baseline_line: raw.baseline.as_ref().map(|b| line_of(text, b.span().start)),
            problems: Vec::new(),
            variants: Vec::new(),
        };
        let source_text = |v: &Spanned<toml::Value>| text.get(v.span()).unwrap_or("").to_string();
        let meta = raw.scenario.as_ref().map(|m| m.get_ref());
        for (path, value) in [
            (TEXT_KEYS[0], meta.and_then(|m| m.name.as_ref())),
            (TEXT_KEYS[1], meta.and_then(|m| m.currency.as_ref())),
        ] {
            if let Some(v) = value {
                let location = Location::Line(line_of(text, v.span().start));
                draft.set_text(path, v.get_ref(), &source_text(v), location);
            }
        }
        for key in Key::ALL {
            if let Some(v) = raw.value(key) {
                let location = Location::Line(line_of(text, v.span().start));
                draft.set_value(key, v.get_ref(), source_text(v), location);
            }
        }
        for variant in raw.variant.iter().flatten() {
            let line = line_of(text, variant.span().start);
            let v = variant.get_ref();
            let name = match v.name.as_ref().map(|n| n.get_ref()) {
                Some(toml::Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
                _ => {
                    draft.problems.push(Problem {
                        location: Location::Line(line),
                        key: Some("variant.name".into()),
                        value: v.name.as_ref().map(source_text),
                        message: t(
                            "every [[variant]] needs a name in quotes, like name = \"pessimistic\"",
                        )
                        .into(),
                    });
                    continue;
                }
            };
            let mut overrides = Vec::new();
            for (path, value) in v.set.iter().flat_map(|s| s.get_ref()) {
                let location = Location::Line(line_of(text, value.span().start));
                flatten(
                    path,
                    value.get_ref(),
                    &source_text(value),
                    &location,
                    &mut overrides,
                );
            }
            let mut seen = std::collections::HashSet::new();
            for o in &overrides {
                if !seen.insert(o.path.as_str()) {
                    draft.problems.push(Problem {
                        location: o.location.clone(),
                        key: Some(o.path.clone()),
                        value: None,
                        message: f("is set twice in variant \"{}\"; keep one", &[&name]),
                    });
                }
            }
            if draft.variants.iter().any(|v| v.name == name) {
                draft.problems.push(Problem {
                    location: Location::Line(line),
                    key: Some("variant.name".into()),
                    value: Some(format!("\"{name}\"")),
                    message: t("another [[variant]] already has this name; names must differ")
                        .into(),
                });
            }
            draft.variants.push(Variant { name, overrides });
        }
        draft
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
        } else {
            let candidates: Vec<&str> = all_paths().collect();
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
        self.slots[key.index()] = Slot::Given(spec);
    }

    /// The value given for `key`, if any.
    pub fn get(&self, key: Key) -> Option<&Spec> {
        match &self.slots[key.index()] {
            Slot::Given(spec) => Some(spec),
            _ => None,
        }
    }

    fn set_value(&mut self, key: Key, value: &toml::Value, text: String, location: Location) {
        let fail = |message: String| Problem {
            location: location.clone(),
            key: Some(key.path().into()),
            value: Some(text.clone()),
            message,
        };
        if let Some(range) = Uncertain::read(value, &text) {
            self.slots[key.index()] = match range {
                Ok(_) if matches!(key.kind(), Kind::Months { .. }) => {
                    self.problems.push(fail(f(
                        "a whole number of months cannot be a range; it takes {}",
                        &[&key.kind().allowed()],
                    )));
                    Slot::Broken
                }
                Ok(range) => Slot::Given(Spec {
                    written: range.point(),
                    location,
                    text: Some(text),
                    range: Some(range),
                }),
                Err(message) => {
                    self.problems.push(fail(f(
                        "{}; a range is written \"+15%..+40%\" or { low = …, high = …, mode = …, dist = \"triangular\" }",
                        &[&message],
                    )));
                    Slot::Broken
                }
            };
            return;
        }
        self.slots[key.index()] = match value::read(value, &text) {
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

    /// Checks every rule and resolves every change: the scenario, or every problem.
    pub fn resolve(&self, default_name: &str) -> Result<Scenario, Vec<Problem>> {
        let inputs = self.resolve_inputs()?;
        Ok(Scenario {
            name: self
                .name
                .as_ref()
                .map_or_else(|| default_name.to_string(), |t| t.value.clone()),
            currency: self.currency().to_string(),
            inputs,
            ranges: self.ranges().collect(),
        })
    }

    /// The keys given as ranges, in key order.
    pub fn ranges(&self) -> impl Iterator<Item = (Key, Uncertain)> + '_ {
        Key::ALL
            .into_iter()
            .filter_map(|k| Some((k, self.get(k)?.range?)))
    }

    /// The ISO code of the amounts; RUB unless the file or `--set` says otherwise.
    pub fn currency(&self) -> &str {
        self.currency.as_ref().map_or("RUB", |t| t.value.as_str())
    }

    /// The model's inputs alone; allocates nothing when the draft is valid,
    /// which keeps sweeps and solving fast.
    pub fn resolve_inputs(&self) -> Result<Inputs<Decimal>, Vec<Problem>> {
        let mut r = Resolver {
            draft: self,
            ends: [None; Key::ALL.len()],
            part: None,
            problems: Vec::new(),
            missing_table_reported: false,
        };
        let mut value = |key: Key, base: Option<Option<Decimal>>| r.resolve(key, base);
        let months = value(Key::Months, None);
        let b_leads = value(Key::BaselineLeads, None);
        let b_conv = value(Key::BaselineConversion, None);
        let b_check = value(Key::BaselineAverageCheck, None);
        let b_no_show = value(Key::BaselineNoShowRate, None);
        let a_leads = value(Key::AfterLeads, Some(b_leads));
        let a_conv = value(Key::AfterConversion, Some(b_conv));
        let a_check = value(Key::AfterAverageCheck, Some(b_check));
        let a_no_show = value(Key::AfterNoShowRate, Some(b_no_show));
        let setup = value(Key::CostsSetup, None);
        let monthly = value(Key::CostsMonthly, None);
        let hours = value(Key::SavingsStaffHours, None);
        let hourly = value(Key::SavingsHourlyRate, None);
        let other = value(Key::SavingsOther, None);
        let margin = value(Key::GrossMargin, None);
        let ramp = value(Key::RampMonths, None);
        let discount = value(Key::DiscountRate, None);
        let whole = |d: Option<Decimal>| d.and_then(|d| u32::try_from(d.mantissa()).ok());

        let inputs = (|| {
            Some(Inputs {
                months: whole(months)?,
                baseline: Funnel {
                    leads: b_leads?,
                    conversion: b_conv?,
                    average_check: b_check?,
                    no_show_rate: b_no_show?,
                },
                after: Funnel {
                    leads: a_leads?,
                    conversion: a_conv?,
                    average_check: a_check?,
                    no_show_rate: a_no_show?,
                },
                setup_cost: setup?,
                monthly_cost: monthly?,
                staff_hours: hours?,
                hourly_rate: hourly?,
                other_savings: other?,
                gross_margin: margin?,
                ramp_months: whole(ramp)?,
                discount_rate: discount?,
            })
        })();
        let mut problems = r.problems;
        problems.extend(self.problems.iter().cloned());
        match inputs {
            Some(inputs) if problems.is_empty() => Ok(inputs),
            // Every `None` above recorded a problem, so the list is not empty.
            _ => {
                problems.sort_by_key(Problem::line);
                Err(problems)
            }
        }
    }
}

/// Turns `{ after = { leads = "+15%" } }` and `{ "after.leads" = "+15%" }` alike
/// into dotted-path overrides.
fn flatten(
    path: &str,
    value: &toml::Value,
    text: &str,
    location: &Location,
    out: &mut Vec<Override>,
) {
    let is_key = Key::from_path(path).is_some() || TEXT_KEYS.contains(&path);
    // A table under a key is a range; only tables above keys are nesting.
    if let (toml::Value::Table(table), false) = (value, is_key) {
        for (k, v) in table {
            flatten(&format!("{path}.{k}"), v, &v.to_string(), location, out);
        }
    } else {
        out.push(Override {
            path: path.to_string(),
            value: value.clone(),
            text: text.to_string(),
            location: location.clone(),
        });
    }
}

/// Applies every rule to a draft, collecting problems.
struct Resolver<'d> {
    draft: &'d Draft,
    /// Resolved ends of the keys given as ranges, for the `[after]` keys that change from them.
    ends: [Option<(Decimal, Decimal)>; Key::ALL.len()],
    /// Which end of a range is being checked, for the message.
    part: Option<String>,
    problems: Vec<Problem>,
    missing_table_reported: bool,
}

impl Resolver<'_> {
    /// The resolved value of `key`; `base` is the resolved baseline of an
    /// `[after]` key (`Some(None)` when the baseline itself failed). A range
    /// must hold at both ends, and so must a change from a baseline range.
    fn resolve(&mut self, key: Key, base: Option<Option<Decimal>>) -> Option<Decimal> {
        let spec = match &self.draft.slots[key.index()] {
            Slot::Broken => return None,
            Slot::Given(spec) => spec,
            Slot::Missing => {
                if let Some(base) = base {
                    return base;
                }
                if let Some(default) = key.default_value() {
                    return Some(default);
                }
                self.missing(key);
                return None;
            }
        };
        let base_ends = key.baseline().and_then(|b| self.ends[b.index()]);
        let is_change = matches!(spec.written.form(), Form::Relative | Form::Points);
        // The common case, and the one sweeps repeat a million times: a single value.
        if spec.range.is_none() && !(base_ends.is_some() && is_change) {
            return self.resolve_written(key, spec, spec.written, base);
        }
        let ends: Vec<(Written, &str)> = match spec.range {
            Some(r) => vec![(r.low, "low"), (r.high, "high")],
            None if base_ends.is_some() && is_change => vec![(spec.written, "")],
            None => vec![],
        };
        let bases: Vec<(Option<Option<Decimal>>, &str)> = match base_ends {
            Some((low, high)) if is_change => {
                vec![(Some(Some(low)), "low"), (Some(Some(high)), "high")]
            }
            _ => vec![(base, "")],
        };
        // The ends come first: every rule is linear, so if they hold, so does
        // every value between them, the point value included.
        let mut seen: Option<(Decimal, Decimal)> = None;
        for (written, end) in &ends {
            for (base, base_end) in &bases {
                let mut part = Vec::new();
                if !end.is_empty() {
                    part.push(f(
                        if *end == "low" {
                            "at its low end {}"
                        } else {
                            "at its high end {}"
                        },
                        &[written],
                    ));
                }
                if !base_end.is_empty() {
                    part.push(
                        t(if *base_end == "low" {
                            "with the baseline at its low end"
                        } else {
                            "with the baseline at its high end"
                        })
                        .to_string(),
                    );
                }
                self.part = Some(part.join(", "));
                let value = self.resolve_written(key, spec, *written, *base);
                self.part = None;
                let value = value?;
                seen = Some(seen.map_or((value, value), |(lo, hi)| (lo.min(value), hi.max(value))));
            }
        }
        let point = self.resolve_written(key, spec, spec.written, base)?;
        if spec.range.is_some() {
            self.ends[key.index()] = seen;
        }
        Some(point)
    }

    /// Applies the key's rules to one written value.
    fn resolve_written(
        &mut self,
        key: Key,
        spec: &Spec,
        written: Written,
        base: Option<Option<Decimal>>,
    ) -> Option<Decimal> {
        let kind = key.kind();
        match (kind, written) {
            (Kind::Months { min, max }, Written::Number(n)) => {
                let whole = n.fract().is_zero();
                if whole && n >= Decimal::from(min) && n <= Decimal::from(max) {
                    return Some(n.trunc());
                }
                let what = if whole {
                    "is out of range"
                } else {
                    "is not a whole number"
                };
                self.report(
                    key,
                    spec,
                    f("{}; it takes {}", &[&t(what), &kind.allowed()]),
                );
                None
            }
            (Kind::Months { .. }, _) => {
                self.report(
                    key,
                    spec,
                    f("is not a number of months; it takes {}", &[&kind.allowed()]),
                );
                None
            }
            (Kind::Amount | Kind::ChangedAmount, Written::Number(n)) => {
                self.non_negative(key, spec, n)
            }
            (Kind::Rate | Kind::ChangedRate, Written::Number(n) | Written::Percent(n)) => {
                self.in_unit_range(key, spec, n, None)
            }
            (Kind::ChangedAmount, Written::Relative(r)) => {
                let base = base.flatten()?;
                let n = self.exact(key, spec, value::apply(Form::Relative, r, base))?;
                if n.is_sign_negative() && !n.is_zero() {
                    let message = f(
                        "would make it negative ({} from {}); a decrease is at most \"-100%\"",
                        &[&n.normalize(), &base.normalize()],
                    );
                    self.report(key, spec, message);
                    return None;
                }
                Some(n)
            }
            (Kind::ChangedRate, Written::Relative(r)) => {
                let base = base.flatten()?;
                let n = self.exact(key, spec, value::apply(Form::Relative, r, base))?;
                let pct = |d: Decimal| Fmt::messages().percent(d, Sign::Plain);
                let how = || {
                    f(
                        "{} ({} {} {} of it)",
                        &[&pct(n), &pct(base), &sign(r), &pct(r.abs())],
                    )
                };
                self.in_unit_range(key, spec, n, Some(&how))
            }
            (Kind::ChangedRate, Written::Points(p)) => {
                let base = base.flatten()?;
                let n = self.exact(key, spec, value::apply(Form::Points, p, base))?;
                let pct = |d: Decimal| Fmt::messages().percent(d, Sign::Plain);
                let how = || {
                    format!(
                        "{} ({} {} {})",
                        pct(n),
                        pct(base),
                        sign(p),
                        Fmt::messages().points(p.abs(), Sign::Plain)
                    )
                };
                self.in_unit_range(key, spec, n, Some(&how))
            }
            (Kind::Amount | Kind::ChangedAmount, Written::Percent(_) | Written::Points(_)) => {
                let message = if kind == Kind::ChangedAmount {
                    "a percentage without a sign is not an amount"
                } else {
                    "is an amount, not a percentage"
                };
                self.report(
                    key,
                    spec,
                    f("{}; it takes {}", &[&t(message), &kind.allowed()]),
                );
                None
            }
            (Kind::Amount | Kind::Rate, Written::Relative(_) | Written::Points(_)) => {
                let message = if key.path().starts_with("baseline.") {
                    f(
                        "a change needs something to change from, and [baseline] holds today's figure; it takes {}",
                        &[&kind.allowed()],
                    )
                } else {
                    f(
                        "a change needs something to change from; only [after] keys change from the baseline; it takes {}",
                        &[&kind.allowed()],
                    )
                };
                self.report(key, spec, message);
                None
            }
        }
    }

    fn report(&mut self, key: Key, spec: &Spec, message: String) {
        let message = match &self.part {
            Some(part) => f("{}, {}", &[part, &message]),
            None => message,
        };
        self.problems.push(Problem {
            location: spec.location.clone(),
            key: Some(key.path().to_string()),
            value: Some(
                spec.text
                    .clone()
                    .unwrap_or_else(|| spec.written.to_string()),
            ),
            message,
        });
    }

    fn missing(&mut self, key: Key) {
        match self.draft.baseline_line {
            Some(line) => self.problems.push(Problem {
                location: Location::Line(line),
                key: Some(key.path().to_string()),
                value: None,
                message: f("is required; it takes {}", &[&key.kind().allowed()]),
            }),
            None if !self.missing_table_reported => {
                self.missing_table_reported = true;
                self.problems.push(Problem {
                    location: Location::File,
                    key: Some("baseline".into()),
                    value: None,
                    message: t("the [baseline] table is missing; it holds today's leads, conversion and average_check per month").into(),
                });
            }
            None => {}
        }
    }

    fn non_negative(&mut self, key: Key, spec: &Spec, n: Decimal) -> Option<Decimal> {
        if n.is_sign_negative() && !n.is_zero() {
            let message = f(
                "must not be negative; it takes {}",
                &[&key.kind().allowed()],
            );
            self.report(key, spec, message);
            return None;
        }
        Some(n)
    }

    fn in_unit_range(
        &mut self,
        key: Key,
        spec: &Spec,
        n: Decimal,
        how: Option<&dyn Fn() -> String>,
    ) -> Option<Decimal> {
        if (Decimal::ZERO..=Decimal::ONE).contains(&n) {
            return Some(n);
        }
        // Worked out only on failure: sweeps resolve valid values millions of times.
        let mut message = match how {
            Some(how) => f("comes out at {}, outside 0%–100%", &[&how()]),
            None => t("is outside 0%–100%").to_string(),
        };
        let bare = matches!(spec.written, Written::Number(_));
        if bare && n > Decimal::ONE && n <= Decimal::ONE_HUNDRED {
            message.push_str(&f(
                " (a bare number is a fraction; did you mean \"{}%\"?)",
                &[&n.normalize()],
            ));
        }
        message.push_str(&f("; it takes {}", &[&key.kind().allowed()]));
        self.report(key, spec, message);
        None
    }

    fn exact(&mut self, key: Key, spec: &Spec, result: Option<Decimal>) -> Option<Decimal> {
        if result.is_none() {
            self.report(key, spec, t("is too large to compute exactly").into());
        }
        result
    }
}

fn sign(d: Decimal) -> char {
    if d.is_sign_negative() { '−' } else { '+' }
}
