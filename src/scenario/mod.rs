//! Scenario files: TOML as the user wrote it, checked once into a [`Scenario`] the engine can trust.

mod error;
mod raw;
pub mod value;

pub use error::{Problem, ScenarioError};
pub use raw::KEYS;

use crate::engine::{Funnel, Inputs};
use crate::format::{self, Sign};
use raw::{RawFunnel, RawScenario, RawValue};
use rust_decimal::Decimal;
use std::ops::Range;
use value::{ValueError, Written};

/// Longest projection accepted: ten years is already far past what the
/// article's estimates can support.
pub const MAX_MONTHS: u32 = 120;

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
    /// The model's inputs, exact.
    pub inputs: Inputs<Decimal>,
}

impl Scenario {
    /// Reads and checks a scenario; `default_name` names it when the file does not.
    pub fn parse(source: &Source, default_name: &str) -> Result<Scenario, ScenarioError> {
        let fail = |problems| ScenarioError {
            file: source.name.clone(),
            problems,
        };
        let raw = parse_raw(&source.text).map_err(|p| fail(vec![p]))?;
        let document = Document {
            text: &source.text,
            raw: &raw,
            default_name,
        };
        Scenario::try_from(document).map_err(fail)
    }
}

/// A parsed file together with the text its spans point into.
pub struct Document<'a> {
    text: &'a str,
    raw: &'a RawScenario,
    default_name: &'a str,
}

/// Parses TOML into the raw mirror, turning syntax and shape errors into a [`Problem`].
fn parse_raw(text: &str) -> Result<RawScenario, Problem> {
    let blank = text.lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with('#')
    });
    if blank {
        return Err(Problem {
            line: None,
            key: None,
            value: None,
            message: "the file is empty (nothing but blanks and comments); a scenario needs at least [baseline] with leads, \
                      conversion and average_check (`roi init` writes a starter file)"
                .into(),
        });
    }
    let deserializer = toml::Deserializer::parse(text).map_err(|e| Problem {
        line: e.span().map(|s| line_of(text, s.start)),
        key: None,
        value: None,
        message: format!(
            "this is not valid TOML: {}{}",
            e.message().trim_end(),
            e.span()
                .map(|s| format!("\n    {}", line_text(text, s.start)))
                .unwrap_or_default()
        ),
    })?;
    serde_path_to_error::deserialize(deserializer).map_err(|e| shape_problem(text, &e))
}

/// Explains a key or table that does not fit the scenario's shape.
fn shape_problem(text: &str, e: &serde_path_to_error::Error<toml::de::Error>) -> Problem {
    let key = e
        .path()
        .iter()
        .map(ToString::to_string)
        .filter(|s| !s.starts_with("$__serde_spanned"))
        .collect::<Vec<_>>()
        .join(".");
    let inner = e.inner();
    let span = inner.span();
    let line = span.clone().map(|s| line_of(text, s.start));
    let message = inner.message();
    if message.starts_with("unknown field") {
        let (table, name) = match key.rsplit_once('.') {
            Some((table, name)) => (Some(table), name),
            None => (None, key.as_str()),
        };
        let candidates: Vec<&str> = match table {
            Some(table) => KEYS
                .iter()
                .filter_map(|k| k.strip_prefix(table)?.strip_prefix('.'))
                .collect(),
            None => tables(),
        };
        let what = if table.is_some() { "key" } else { "table" };
        let mut message = format!("unknown {what}");
        if let Some(near) = nearest(name, &candidates) {
            message.push_str(&format!("; did you mean `{near}`?"));
        }
        let shown = match table {
            Some(table) => format!(" [{table}] takes: {}", candidates.join(", ")),
            None => format!(
                " the tables are: {}",
                candidates
                    .iter()
                    .map(|t| format!("[{t}]"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        message.push_str(&shown);
        return Problem {
            line,
            key: Some(key),
            value: None,
            message,
        };
    }
    let value = span.map(|s| text[s].to_string());
    let message = if message.starts_with("invalid type") && !key.contains('.') {
        format!("must be a table, written [{key}] on a line of its own")
    } else if message.contains("as i128") {
        // toml reads integers beyond i64 but cannot hand them over as a value.
        "is too large to compute exactly; amounts up to 9223372036854775807 can be written".into()
    } else {
        message.to_string()
    };
    Problem {
        line,
        key: Some(key),
        value,
        message,
    }
}

/// The table names, in file order.
fn tables() -> Vec<&'static str> {
    let mut names: Vec<&str> = KEYS.iter().filter_map(|k| k.split('.').next()).collect();
    names.dedup();
    names
}

/// The closest name, if any is close enough to be a likely typo.
pub fn nearest<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(name, c), *c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
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

/// The kinds of numeric key, each with its own forms and limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A non-negative amount: leads, money, hours.
    Amount,
    /// A share from 0% to 100%.
    Rate,
    /// An `[after]` amount: absolute, or relative to the baseline.
    ChangedAmount,
    /// An `[after]` rate: absolute, relative, or in percentage points.
    ChangedRate,
}

impl Kind {
    /// What the key accepts, for error messages.
    fn allowed(self) -> &'static str {
        match self {
            Kind::Amount => "a number ≥ 0, like 1500 or 1500.50",
            Kind::Rate => "a share from 0% to 100%, like \"25%\" or 0.25",
            Kind::ChangedAmount => {
                "a number ≥ 0, like 260, or a change from the baseline, like \"+30%\" or \"-10%\""
            }
            Kind::ChangedRate => {
                "a share like \"25%\" or 0.25, or a change from the baseline: \
                 \"+5%\" (relative) or \"+5pp\" (percentage points)"
            }
        }
    }
}

/// A value found in the file, with what is needed to report on it.
struct Field<'r> {
    key: &'static str,
    value: &'r toml::Value,
    text: &'r str,
    line: usize,
}

/// Walks the raw document, collecting every problem rather than stopping at the first.
struct Checker<'a> {
    text: &'a str,
    problems: Vec<Problem>,
}

impl<'a> Checker<'a> {
    fn field<'r>(&self, key: &'static str, raw: &'r RawValue) -> Option<Field<'r>>
    where
        'a: 'r,
    {
        raw.as_ref().map(|spanned| {
            let span: Range<usize> = spanned.span();
            Field {
                key,
                value: spanned.get_ref(),
                text: self.text.get(span.clone()).unwrap_or(""),
                line: line_of(self.text, span.start),
            }
        })
    }

    fn report(&mut self, field: &Field<'_>, message: String) {
        self.problems.push(Problem {
            line: Some(field.line),
            key: Some(field.key.to_string()),
            value: Some(field.text.to_string()),
            message,
        });
    }

    /// A key the file must hold; a missing one is reported at its table's line,
    /// unless the whole table is missing (reported once, elsewhere).
    fn required(
        &mut self,
        key: &'static str,
        raw: &RawValue,
        table_line: Option<usize>,
        kind: Kind,
    ) -> Option<Decimal> {
        let Some(field) = self.field(key, raw) else {
            if table_line.is_some() {
                self.problems.push(Problem {
                    line: table_line,
                    key: Some(key.to_string()),
                    value: None,
                    message: format!("is required; it takes {}", kind.allowed()),
                });
            }
            return None;
        };
        match kind {
            Kind::Rate => self.rate(Some(field), Decimal::ZERO),
            _ => self.amount(Some(field), Decimal::ZERO),
        }
    }

    /// Reads a value's form, reporting unreadable ones.
    fn written(&mut self, field: &Field<'_>, kind: Kind) -> Option<Written> {
        match value::read(field.value, field.text) {
            Ok(w) => Some(w),
            Err(e) => {
                let problem = match e {
                    ValueError::WrongType(found) => format!("expected a number, found {found}"),
                    ValueError::NotFinite => "is not a finite number".into(),
                    ValueError::TooPrecise => "has more digits than exact arithmetic keeps \
                         (28 decimal places, magnitude below 7.9e28); round it yourself"
                        .into(),
                    ValueError::Unreadable => "cannot be read as a number".into(),
                };
                self.report(field, format!("{problem}; it takes {}", kind.allowed()));
                None
            }
        }
    }

    /// An amount ≥ 0; `default` applies when the key is absent.
    fn amount(&mut self, field: Option<Field<'_>>, default: Decimal) -> Option<Decimal> {
        let Some(field) = field else {
            return Some(default);
        };
        let n = match self.written(&field, Kind::Amount)? {
            Written::Number(n) => n,
            Written::Percent(_) | Written::Points(_) => {
                self.report(
                    &field,
                    format!(
                        "is an amount, not a percentage; it takes {}",
                        Kind::Amount.allowed()
                    ),
                );
                return None;
            }
            Written::Relative(_) => {
                let hint = if field.key.starts_with("baseline.") {
                    "[baseline] holds today's figure"
                } else {
                    "only [after] keys change from the baseline"
                };
                self.report(
                    &field,
                    format!(
                        "a change needs something to change from, and {hint}; it takes {}",
                        Kind::Amount.allowed()
                    ),
                );
                return None;
            }
        };
        self.non_negative(&field, n, Kind::Amount)
    }

    fn non_negative(&mut self, field: &Field<'_>, n: Decimal, kind: Kind) -> Option<Decimal> {
        if n.is_sign_negative() && !n.is_zero() {
            self.report(
                field,
                format!("must not be negative; it takes {}", kind.allowed()),
            );
            return None;
        }
        Some(n)
    }

    /// A share in 0..=1, written as 0.25 or "25%".
    fn rate(&mut self, field: Option<Field<'_>>, default: Decimal) -> Option<Decimal> {
        let Some(field) = field else {
            return Some(default);
        };
        let n = match self.written(&field, Kind::Rate)? {
            Written::Number(n) | Written::Percent(n) => n,
            Written::Relative(_) | Written::Points(_) => {
                self.report(
                    &field,
                    format!(
                        "a change needs something to change from; it takes {}",
                        Kind::Rate.allowed()
                    ),
                );
                return None;
            }
        };
        self.in_unit_range(&field, n, Kind::Rate, None)
    }

    fn in_unit_range(
        &mut self,
        field: &Field<'_>,
        n: Decimal,
        kind: Kind,
        derivation: Option<String>,
    ) -> Option<Decimal> {
        if (Decimal::ZERO..=Decimal::ONE).contains(&n) {
            return Some(n);
        }
        let mut message = match derivation {
            Some(how) => format!("comes out at {how}, outside 0%–100%"),
            None => "is outside 0%–100%".to_string(),
        };
        let as_percent = matches!(field.value, toml::Value::Integer(_) | toml::Value::Float(_))
            && n > Decimal::ONE
            && n <= Decimal::ONE_HUNDRED;
        if as_percent {
            message.push_str(&format!(
                " (a bare number is a fraction; did you mean \"{n}%\"?)"
            ));
        }
        self.report(field, format!("{message}; it takes {}", kind.allowed()));
        None
    }

    /// An `[after]` amount; absent means unchanged from `base`.
    fn changed_amount(
        &mut self,
        field: Option<Field<'_>>,
        base: Option<Decimal>,
    ) -> Option<Decimal> {
        let base = base?;
        let Some(field) = field else {
            return Some(base);
        };
        let kind = Kind::ChangedAmount;
        match self.written(&field, kind)? {
            Written::Number(n) => self.non_negative(&field, n, kind),
            Written::Relative(r) => {
                let n = self.exact(
                    &field,
                    Decimal::ONE
                        .checked_add(r)
                        .and_then(|k| base.checked_mul(k)),
                )?;
                if n.is_sign_negative() && !n.is_zero() {
                    self.report(
                        &field,
                        format!(
                            "would make it negative ({} from {}); a decrease is at most \"-100%\"",
                            n.normalize(),
                            base.normalize()
                        ),
                    );
                    return None;
                }
                Some(n)
            }
            Written::Percent(_) | Written::Points(_) => {
                self.report(
                    &field,
                    format!(
                        "a percentage without a sign is not an amount; it takes {}",
                        kind.allowed()
                    ),
                );
                None
            }
        }
    }

    /// An `[after]` rate; absent means unchanged from `base`.
    fn changed_rate(&mut self, field: Option<Field<'_>>, base: Option<Decimal>) -> Option<Decimal> {
        let base = base?;
        let Some(field) = field else {
            return Some(base);
        };
        let kind = Kind::ChangedRate;
        let pct = |d: Decimal| format::percent(d, Sign::Plain);
        let (n, how) = match self.written(&field, kind)? {
            Written::Number(n) | Written::Percent(n) => (n, None),
            Written::Relative(r) => {
                let n = self.exact(
                    &field,
                    Decimal::ONE
                        .checked_add(r)
                        .and_then(|k| base.checked_mul(k)),
                )?;
                (
                    n,
                    Some(format!(
                        "{} ({} {} {} of it)",
                        pct(n),
                        pct(base),
                        sign(r),
                        pct(r.abs())
                    )),
                )
            }
            Written::Points(p) => {
                let n = self.exact(&field, base.checked_add(p))?;
                let points = format::points(p.abs());
                (
                    n,
                    Some(format!("{} ({} {} {points})", pct(n), pct(base), sign(p))),
                )
            }
        };
        self.in_unit_range(&field, n, kind, how)
    }

    fn exact(&mut self, field: &Field<'_>, result: Option<Decimal>) -> Option<Decimal> {
        if result.is_none() {
            self.report(field, "is too large to compute exactly".into());
        }
        result
    }

    /// A whole number in `range`.
    fn whole(
        &mut self,
        field: Option<Field<'_>>,
        range: std::ops::RangeInclusive<u32>,
        unit: &str,
        default: u32,
    ) -> Option<u32> {
        let Some(field) = field else {
            return Some(default);
        };
        let allowed = format!(
            "a whole number of {unit} from {} to {}",
            range.start(),
            range.end()
        );
        let found = match field.value {
            toml::Value::Integer(i) => u32::try_from(*i).ok().filter(|n| range.contains(n)),
            _ => None,
        };
        if found.is_none() {
            let what = match field.value {
                toml::Value::Integer(_) => "is out of range",
                toml::Value::Float(_) => "is not a whole number",
                _ => "is not a number",
            };
            self.report(&field, format!("{what}; it takes {allowed}"));
        }
        found
    }

    /// A string; `check` may normalise it or explain why it is wrong.
    fn string(
        &mut self,
        field: Option<Field<'_>>,
        default: &str,
        check: impl Fn(&str) -> Result<String, String>,
    ) -> Option<String> {
        let Some(field) = field else {
            return Some(default.to_string());
        };
        let toml::Value::String(s) = field.value else {
            self.report(&field, "must be text in quotes".into());
            return None;
        };
        match check(s) {
            Ok(s) => Some(s),
            Err(message) => {
                self.report(&field, message);
                None
            }
        }
    }
}

fn sign(d: Decimal) -> char {
    if d.is_sign_negative() { '−' } else { '+' }
}

fn currency_code(s: &str) -> Result<String, String> {
    let code = s.trim().to_ascii_uppercase();
    if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(code)
    } else {
        Err("must be a three-letter ISO 4217 code, like \"RUB\", \"USD\" or \"KZT\"".into())
    }
}

impl<'a> TryFrom<Document<'a>> for Scenario {
    type Error = Vec<Problem>;

    fn try_from(doc: Document<'a>) -> Result<Self, Self::Error> {
        let raw = doc.raw;
        let mut c = Checker {
            text: doc.text,
            problems: Vec::new(),
        };
        let empty_funnel = RawFunnel::default();
        let meta = raw.scenario.as_ref().map(|s| s.get_ref());
        let no = &None;
        let name = c.string(
            c.field("scenario.name", meta.map_or(no, |m| &m.name)),
            doc.default_name,
            |s| Ok(s.trim().to_string()),
        );
        let currency = c.string(
            c.field("scenario.currency", meta.map_or(no, |m| &m.currency)),
            "RUB",
            currency_code,
        );
        let months = c.whole(
            c.field("scenario.months", meta.map_or(no, |m| &m.months)),
            1..=MAX_MONTHS,
            "months",
            12,
        );

        let base_line = raw
            .baseline
            .as_ref()
            .map(|b| line_of(doc.text, b.span().start));
        let base = raw.baseline.as_ref().map_or(&empty_funnel, |b| b.get_ref());
        if raw.baseline.is_none() {
            c.problems.push(Problem {
                line: None,
                key: Some("baseline".into()),
                value: None,
                message: "the [baseline] table is missing; it holds today's leads, conversion \
                          and average_check per month"
                    .into(),
            });
        }
        let b_leads = c.required("baseline.leads", &base.leads, base_line, Kind::Amount);
        let b_conv = c.required(
            "baseline.conversion",
            &base.conversion,
            base_line,
            Kind::Rate,
        );
        let b_check = c.required(
            "baseline.average_check",
            &base.average_check,
            base_line,
            Kind::Amount,
        );
        let b_no_show = c.rate(
            c.field("baseline.no_show_rate", &base.no_show_rate),
            Decimal::ZERO,
        );

        let after = raw.after.as_ref().map_or(&empty_funnel, |a| a.get_ref());
        let a_leads = c.changed_amount(c.field("after.leads", &after.leads), b_leads);
        let a_conv = c.changed_rate(c.field("after.conversion", &after.conversion), b_conv);
        let a_check = c.changed_amount(
            c.field("after.average_check", &after.average_check),
            b_check,
        );
        let a_no_show = c.changed_rate(
            c.field("after.no_show_rate", &after.no_show_rate),
            b_no_show,
        );

        let costs = raw.costs.as_ref().map(|t| t.get_ref());
        let setup = c.amount(
            c.field("costs.setup", costs.map_or(no, |t| &t.setup)),
            Decimal::ZERO,
        );
        let monthly = c.amount(
            c.field("costs.monthly", costs.map_or(no, |t| &t.monthly)),
            Decimal::ZERO,
        );

        let savings = raw.savings.as_ref().map(|t| t.get_ref());
        let hours = c.amount(
            c.field(
                "savings.staff_hours",
                savings.map_or(no, |t| &t.staff_hours),
            ),
            Decimal::ZERO,
        );
        let hourly = c.amount(
            c.field(
                "savings.hourly_rate",
                savings.map_or(no, |t| &t.hourly_rate),
            ),
            Decimal::ZERO,
        );
        let other = c.amount(
            c.field("savings.other", savings.map_or(no, |t| &t.other)),
            Decimal::ZERO,
        );

        let assumptions = raw.assumptions.as_ref().map(|t| t.get_ref());
        let margin = c.rate(
            c.field(
                "assumptions.gross_margin",
                assumptions.map_or(no, |t| &t.gross_margin),
            ),
            Decimal::ONE,
        );
        let ramp = c.whole(
            c.field(
                "assumptions.ramp_months",
                assumptions.map_or(no, |t| &t.ramp_months),
            ),
            0..=MAX_MONTHS,
            "months",
            0,
        );
        let discount = c.rate(
            c.field(
                "assumptions.discount_rate",
                assumptions.map_or(no, |t| &t.discount_rate),
            ),
            Decimal::ZERO,
        );

        let mut problems = c.problems;
        problems.sort_by_key(|p| p.line.unwrap_or(0));
        let built = (|| {
            Some(Scenario {
                name: name?,
                currency: currency?,
                inputs: Inputs {
                    months: months?,
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
                    ramp_months: ramp?,
                    discount_rate: discount?,
                },
            })
        })();
        match built {
            Some(scenario) if problems.is_empty() => Ok(scenario),
            // Every `None` above pushed a problem, so this list is not empty.
            _ => Err(problems),
        }
    }
}
