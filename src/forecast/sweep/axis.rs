//! One varied key of a sweep, `KEY=FROM..TO[:STEP]`, read and checked in the
//! key's own grammar before any point is computed.

use super::MAX_POINTS;
use crate::forecast::scenario::value::{self, Written};
use crate::forecast::scenario::{Key, Kind, Location, Problem, unknown_key_message};
use crate::i18n::{f, t};
use rust_decimal::Decimal;

/// Intervals in a range whose step is not given.
const DEFAULT_INTERVALS: u32 = 10;

/// One varied key: `KEY=FROM..TO[:STEP]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    /// The key varied.
    pub key: Key,
    /// The first value, in the form FROM and TO are written in.
    pub from: Written,
    /// The signed step between values, in the same unit as `from`'s number.
    pub step: Decimal,
    /// How many values, FROM included and TO included when the step lands on it.
    pub count: u64,
}

impl Axis {
    /// Reads `--vary KEY=FROM..TO[:STEP]`.
    pub fn parse(arg: &str) -> Result<Axis, Problem> {
        let fail = |key: Option<&str>, value: Option<&str>, message: String| Problem {
            location: Location::Flag("--vary"),
            key: Some(key.unwrap_or(arg).to_string()),
            value: value.map(str::to_string),
            message,
        };
        let Some((path, range)) = arg.split_once('=') else {
            return Err(fail(
                None,
                None,
                t("expected KEY=FROM..TO[:STEP], like after.leads=+0%..+50%:5%").into(),
            ));
        };
        let (path, range) = (path.trim(), range.trim());
        let Some(key) = Key::from_path(path) else {
            let numeric: Vec<&str> = Key::ALL.iter().map(|k| k.path()).collect();
            return Err(fail(
                Some(path),
                Some(range),
                unknown_key_message(path, &numeric),
            ));
        };
        Axis::over(key, range).map_err(|message| fail(Some(path), Some(range), message))
    }

    /// The axis of `key` over `range`, `FROM..TO[:STEP]`; what is wrong with
    /// it is the message alone, which [`Axis::parse`] places at the flag.
    fn over(key: Key, range: &str) -> Result<Axis, String> {
        let Some((from_text, rest)) = range.split_once("..") else {
            return Err(t("expected a range FROM..TO[:STEP], like 20%..30%:1pp").into());
        };
        let (to_text, step_text) = match rest.rsplit_once(':') {
            Some((to, step)) => (to, Some(step)),
            None => (rest, None),
        };
        let from = read(key, t("FROM"), from_text)?;
        let to = read(key, t("TO"), to_text)?;
        if std::mem::discriminant(&from) != std::mem::discriminant(&to) {
            return Err(t(
                "FROM and TO must be written the same way: both numbers, both \"N%\", \
                 both \"+N%\" or both \"+Npp\"",
            )
            .into());
        }
        let Some(span) = to.number().checked_sub(from.number()) else {
            return Err(t("the range is too wide to compute exactly").into());
        };
        if span.is_zero() {
            return Err(
                t("the range is empty (FROM equals TO); use --set for a single value").into(),
            );
        }
        let step = match step_text {
            Some(text) => read_step(key, from, text)?,
            None => default_step(key, span),
        };
        check_step(key, [from.number(), to.number(), step], span)?;
        Ok(Axis {
            key,
            from,
            step,
            count: intervals(span, step)? + 1,
        })
    }

    /// The `i`-th value, exact: FROM + i × STEP.
    pub fn value(&self, i: u64) -> Written {
        // `i` < count ≤ MAX_POINTS, and the last value lies between FROM and TO, so this cannot overflow.
        self.from
            .with_number(self.from.number() + self.step * Decimal::from(i))
    }
}

/// Reads FROM, TO or STEP (`what`) of `key`'s range.
fn read(key: Key, what: &str, text: &str) -> Result<Written, String> {
    value::read_str(text).map_err(|_| {
        f(
            "cannot read {} \"{}\"; write it as the key takes it: {}",
            &[&what, &text, &key.kind().allowed()],
        )
    })
}

/// Reads STEP, in the grammar of FROM: a plain number for plain numbers, a
/// share or points for the others, whose step is then its number.
fn read_step(key: Key, from: Written, text: &str) -> Result<Decimal, String> {
    // A step is a size: "1pp" needs no sign as a change would, and "+2500" may have one.
    let text = if text.ends_with("pp") && !text.starts_with(['+', '-']) {
        format!("+{text}")
    } else if text.ends_with(['%', 'p']) {
        text.to_string()
    } else {
        text.trim_start_matches('+').to_string()
    };
    let step = read(key, t("STEP"), &text)?;
    match (from, step) {
        (Written::Number(_), Written::Number(n)) => Ok(n),
        (Written::Number(_), _) => {
            Err(t("the range is in plain numbers, so the step must be one too").into())
        }
        (_, step) => Ok(step.number()),
    }
}

/// The step when none is given: whole months go one by one, towards TO;
/// any other range is cut into [`DEFAULT_INTERVALS`].
fn default_step(key: Key, span: Decimal) -> Decimal {
    if !matches!(key.kind(), Kind::Months { .. }) {
        return span / Decimal::from(DEFAULT_INTERVALS);
    }
    if span.is_sign_negative() {
        -Decimal::ONE
    } else {
        Decimal::ONE
    }
}

/// The rules FROM, TO and STEP keep together: the step moves, and towards
/// TO; a whole number of months moves by whole months; every value is exact.
fn check_step(key: Key, [from, to, step]: [Decimal; 3], span: Decimal) -> Result<(), String> {
    if step.is_zero() {
        return Err(t("the step is zero; it must move from FROM towards TO").into());
    }
    if matches!(key.kind(), Kind::Months { .. })
        && [from, to, step].iter().any(|n| !n.fract().is_zero())
    {
        return Err(f(
            "{} takes whole months, so FROM, TO and STEP must be whole numbers",
            &[&key.path()],
        ));
    }
    // Every value FROM + i × STEP must be exact: its whole digits and its
    // decimals together must fit in the 28 digits exact arithmetic keeps.
    let magnitude = from.abs().max(to.abs()).trunc();
    let whole_digits = magnitude.to_string().len() as u32;
    let decimals = from.scale().max(to.scale()).max(step.scale());
    if whole_digits + decimals > 28 {
        return Err(t(
            "FROM, TO and STEP together have more digits than exact arithmetic keeps (28); \
                 use fewer decimals",
        )
        .into());
    }
    if step.is_sign_negative() != span.is_sign_negative() {
        return Err(t("the step goes away from TO; give it the sign of TO − FROM").into());
    }
    Ok(())
}

/// How many whole steps of the range there are: one fewer than its values,
/// which must stay under [`MAX_POINTS`].
fn intervals(span: Decimal, step: Decimal) -> Result<u64, String> {
    span.checked_div(step)
        .map(|n| n.floor())
        .and_then(|n| u64::try_from(n).ok())
        .filter(|n| *n < MAX_POINTS)
        .ok_or_else(|| {
            f(
                "the range has more than {} values; use a larger step",
                &[&MAX_POINTS],
            )
        })
}
