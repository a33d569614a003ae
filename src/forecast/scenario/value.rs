//! The value grammar shared by every numeric key: `1500`, `0.25`, `"25%"`, `"+30%"`, `"-5pp"`.

use crate::forecast::engine::Number;
use rust_decimal::Decimal;
use std::fmt;

/// What a value says, before it is checked against the key it stands for.
///
/// Percentages are stored as fractions (`"25%"` → 0.25) so that every later rule
/// works in one unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// A plain number: `1500`, `0.25`, `"1500"`.
    Number(Decimal),
    /// An absolute percentage without a sign: `"25%"`.
    Percent(Decimal),
    /// A change relative to the baseline: `"+30%"`, `"-20%"`.
    Relative(Decimal),
    /// A change in percentage points: `"+5pp"`.
    Points(Decimal),
}

/// The form of a written value, without its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A plain number.
    Number,
    /// `"25%"`.
    Percent,
    /// `"+30%"`.
    Relative,
    /// `"+5pp"`.
    Points,
}

/// The value a key takes from a number written in `form`, given its baseline:
/// the one rule for changes, used by the exact checks and by the simulation alike.
pub fn apply<N: Number>(form: Form, n: N, base: N) -> Option<N> {
    match form {
        Form::Number | Form::Percent => Some(n),
        // Exact or refused, as in the engine: "+33.3333%" of a 27-digit
        // baseline would otherwise lose digits silently.
        Form::Relative => base.mul_exact(N::ONE.add_exact(n).ok()?).ok(),
        Form::Points => base.add_exact(n).ok(),
    }
}

impl Written {
    /// The form, without the number.
    pub fn form(self) -> Form {
        match self {
            Written::Number(_) => Form::Number,
            Written::Percent(_) => Form::Percent,
            Written::Relative(_) => Form::Relative,
            Written::Points(_) => Form::Points,
        }
    }

    /// The number inside, whatever its form (a fraction for the percentage forms).
    pub fn number(self) -> Decimal {
        match self {
            Written::Number(n)
            | Written::Percent(n)
            | Written::Relative(n)
            | Written::Points(n) => n,
        }
    }

    /// The same form holding another number.
    pub fn with_number(self, n: Decimal) -> Written {
        match self {
            Written::Number(_) => Written::Number(n),
            Written::Percent(_) => Written::Percent(n),
            Written::Relative(_) => Written::Relative(n),
            Written::Points(_) => Written::Points(n),
        }
    }
}

/// A fraction as a plain percentage number: 0.255 → `25.5`.
struct Hundredfold(Decimal);

impl fmt::Display for Hundredfold {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.checked_mul(Decimal::ONE_HUNDRED) {
            Some(p) => write!(f, "{}", p.normalize()),
            None => write!(f, "{}×100", self.0),
        }
    }
}

/// Writes the value back in the grammar it was read from, so `"+5%"` shows as `+5%`.
impl fmt::Display for Written {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = |n: Decimal| if n.is_sign_negative() { "" } else { "+" };
        // Zero has no sign to show: "-0%" would read back as a change.
        let this = self.with_number(if self.number().is_zero() {
            Decimal::ZERO
        } else {
            self.number()
        });
        match this {
            Written::Number(n) => write!(f, "{}", n.normalize()),
            Written::Percent(n) => write!(f, "{}%", Hundredfold(n)),
            Written::Relative(n) => write!(f, "{}{}%", sign(n), Hundredfold(n)),
            Written::Points(n) => write!(f, "{}{}pp", sign(n), Hundredfold(n)),
        }
    }
}

/// Why a value could not be read; the caller adds the key and the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueError {
    /// The TOML type cannot hold a number (a boolean, a date, an array, a table).
    WrongType(&'static str),
    /// `nan` or `inf`.
    NotFinite,
    /// More digits than exact decimal arithmetic keeps (28 decimal places,
    /// 28–29 significant digits), or a non-zero value below 10⁻²⁸.
    TooPrecise,
    /// A magnitude at or beyond 7.9·10²⁸, the largest exact decimal, such as `1e400`.
    TooLarge,
    /// A non-zero magnitude below 10⁻²⁸, the smallest exact decimal, such as `1e-400`.
    TooSmall,
    /// Text that follows none of the forms.
    Unreadable,
    /// `+15`: a sign announces a change, which needs `%` or `pp`.
    SignedNumber,
    /// `"1,500"`: a thousands separator or a decimal comma, no telling which.
    AmbiguousComma,
}

/// Reads a TOML value; `text` is the value exactly as written, which keeps
/// `0.1` exact where the parsed `f64` would not be.
pub fn read(value: &toml::Value, text: &str) -> Result<Written, ValueError> {
    match value {
        toml::Value::Integer(_) | toml::Value::Float(_) if text.trim_start().starts_with('+') => {
            Err(ValueError::SignedNumber)
        }
        toml::Value::Integer(i) => Ok(Written::Number(Decimal::from(*i))),
        // TOML reads `1e400` as infinity, but the user wrote a finite number:
        // only `nan` and `inf` themselves are not finite.
        toml::Value::Float(f) if !f.is_finite() && is_nan_or_inf(text) => {
            Err(ValueError::NotFinite)
        }
        toml::Value::Float(_) => number(text.trim()).map(Written::Number),
        toml::Value::String(s) => read_str(s),
        toml::Value::Boolean(_) => Err(ValueError::WrongType("a boolean")),
        toml::Value::Datetime(_) => Err(ValueError::WrongType("a date")),
        toml::Value::Array(_) => Err(ValueError::WrongType("an array")),
        toml::Value::Table(_) => Err(ValueError::WrongType("a table")),
    }
}

/// Reads the string forms: a number, `"25%"`, `"+30%"`, `"+5pp"`, and
/// everything the tool prints, in both languages: spaces and no-break spaces
/// between thousands (`"1 500"`), decimal commas (`"1 500,50"`, `"+5,5%"`),
/// the minus sign `−`, points as `"+5 п.п."` or `"+5 пп"`, a currency sign
/// after or before an amount (`"1 500 ₽"`, `"$1,500"`).
pub fn read_str(s: &str) -> Result<Written, ValueError> {
    let compact: String = s
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c == '−' { '-' } else { c })
        .collect();
    let signed = compact.starts_with(['+', '-']);
    let points = ["pp", "п.п.", "п.п", "пп"]
        .iter()
        .find_map(|unit| compact.strip_suffix(unit));
    if let Some(body) = points {
        if !signed {
            return Err(ValueError::Unreadable);
        }
        return percent(&decimal_point(body)?).map(Written::Points);
    }
    if let Some(body) = compact.strip_suffix('%') {
        let fraction = percent(&decimal_point(body)?)?;
        return Ok(if signed {
            Written::Relative(fraction)
        } else {
            Written::Percent(fraction)
        });
    }
    if is_nan_or_inf(&compact) {
        return Err(ValueError::NotFinite);
    }
    let amount = compact
        .strip_suffix(['₽', '$', '€', '₸'])
        .or_else(|| compact.strip_prefix(['$', '€']))
        .unwrap_or(&compact);
    if signed && amount.starts_with('+') {
        return Err(ValueError::SignedNumber);
    }
    number(&decimal_point(amount)?).map(Written::Number)
}

/// `nan`, `inf` and their signed forms, in any case.
fn is_nan_or_inf(text: &str) -> bool {
    let lowered = text.trim().to_ascii_lowercase();
    let body = lowered.trim_start_matches(['+', '-']);
    body.starts_with("nan") || body.starts_with("inf")
}

/// A number's decimal comma as a point, and thousands separators dropped:
/// `1500,50` → `1500.50`, `1.234,5` → `1234.5`, `1,234.5` → `1234.5`,
/// `1,234,567` → `1234567`. A lone comma before exactly three digits
/// (`1,500`) is one thousand five hundred in English and one and a half in
/// Russian, so it is refused rather than guessed.
fn decimal_point(text: &str) -> Result<String, ValueError> {
    if !text.contains(',') {
        return Ok(text.to_string());
    }
    let exponent = text.find(['e', 'E']).unwrap_or(text.len());
    let (mantissa, exponent) = text.split_at(exponent);
    let commas = mantissa.matches(',').count();
    let fixed = match (mantissa.rfind(','), mantissa.rfind('.')) {
        // 1.234,5: points group thousands, the comma is the decimal mark.
        (Some(c), Some(p)) if c > p => mantissa.replace('.', "").replace(',', "."),
        // 1,234.5: commas group thousands.
        (Some(_), Some(_)) => mantissa.replace(',', ""),
        (Some(c), None) => {
            let after = mantissa.len() - c - 1;
            if commas > 1 {
                mantissa.replace(',', "")
            } else if after == 3 {
                return Err(ValueError::AmbiguousComma);
            } else {
                mantissa.replace(',', ".")
            }
        }
        (None, _) => mantissa.to_string(),
    };
    Ok(fixed + exponent)
}

/// `"25"` of `"25%"` as the fraction 0.25, exactly.
fn percent(body: &str) -> Result<Decimal, ValueError> {
    let mut n = number(body)?;
    // Dividing by 100 is a shift of the scale, which keeps it exact or fails.
    let scale = n.scale() + 2;
    if scale > Decimal::MAX_SCALE {
        return Err(ValueError::TooPrecise);
    }
    n.set_scale(scale).map_err(|_| ValueError::TooPrecise)?;
    Ok(n)
}

/// Parses a decimal number as TOML writes it (sign, `_` separators, exponent)
/// without ever rounding: a number that does not fit exactly is an error,
/// and the error says why: a malformed number (`_1500`, `1__0`) is
/// unreadable, one past 7.9·10²⁸ (`1e400`) too large, one with digits
/// beyond the 28th decimal place (`1e-400`) too precise; zero is zero
/// whatever its exponent (`0e-400`). The scale is kept as written (`1.50` has two places).
pub fn number(text: &str) -> Result<Decimal, ValueError> {
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(at) => (&text[..at], Some(&text[at + 1..])),
        None => (text, None),
    };
    let unsigned = mantissa.strip_prefix(['+', '-']).unwrap_or(mantissa);
    let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    // TOML's rule: digits with `_` only between two digits; both sides of a point.
    let digits_ok = |part: &str| {
        !part.is_empty()
            && !part.starts_with('_')
            && !part.ends_with('_')
            && !part.contains("__")
            && part.chars().all(|c| c.is_ascii_digit() || c == '_')
    };
    if !digits_ok(int) || (unsigned.contains('.') && !digits_ok(frac)) {
        return Err(ValueError::Unreadable);
    }
    let exponent: i64 = match exponent {
        None => 0,
        Some(e) => {
            let body = e.strip_prefix(['+', '-']).unwrap_or(e);
            if !digits_ok(body) {
                return Err(ValueError::Unreadable);
            }
            // Digits only, so the one failure is size: saturate, as 1e99999999999999999999 is simply huge.
            let magnitude = body.replace('_', "").parse::<i64>().unwrap_or(i64::MAX);
            if e.starts_with('-') {
                -magnitude
            } else {
                magnitude
            }
        }
    };
    let plain = mantissa.replace('_', "");
    let mut n =
        Decimal::from_str_exact(plain.strip_prefix('+').unwrap_or(&plain)).map_err(|_| {
            // The form is checked, so the number has too many digits: before the
            // point that is size, after it precision.
            let whole = int.replace('_', "");
            let zeros_after_point = frac.len() - frac.trim_start_matches(['0', '_']).len();
            if whole.trim_start_matches('0').len() > 28 {
                ValueError::TooLarge
            } else if whole.trim_start_matches('0').is_empty() && zeros_after_point >= 28 {
                ValueError::TooSmall
            } else {
                ValueError::TooPrecise
            }
        })?;
    if n.is_zero() {
        return Ok(n);
    }
    if exponent < 0 {
        // Trailing zeros carry no digits: 1.50e-27 is 1.5e-27.
        let shift = u32::try_from(exponent.unsigned_abs()).unwrap_or(u32::MAX);
        if n.scale().saturating_add(shift) > Decimal::MAX_SCALE {
            n = n.normalize();
        }
        let scale = n.scale().saturating_add(shift);
        if scale > Decimal::MAX_SCALE {
            // Below 10^-28 no digit fits at all; above it, only some do.
            let digits = n.mantissa().unsigned_abs().to_string().len() as u64;
            return Err(if u64::from(scale) >= digits + 28 {
                ValueError::TooSmall
            } else {
                ValueError::TooPrecise
            });
        }
        n.set_scale(scale).map_err(|_| ValueError::TooPrecise)?;
    } else {
        // A non-zero number is at least 10^-28, so past 10^57 it cannot fit.
        if exponent > 57 {
            return Err(ValueError::TooLarge);
        }
        for _ in 0..exponent {
            n = n.checked_mul(Decimal::TEN).ok_or(ValueError::TooLarge)?;
        }
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn reads_every_string_form() {
        assert_eq!(read_str("25%"), Ok(Written::Percent(d("0.25"))));
        assert_eq!(read_str("+30%"), Ok(Written::Relative(d("0.30"))));
        assert_eq!(read_str("-20%"), Ok(Written::Relative(d("-0.20"))));
        assert_eq!(read_str("+5pp"), Ok(Written::Points(d("0.05"))));
        assert_eq!(read_str("-2.5pp"), Ok(Written::Points(d("-0.025"))));
        assert_eq!(read_str("1500"), Ok(Written::Number(d("1500"))));
        assert_eq!(read_str(" 25 % "), Ok(Written::Percent(d("0.25"))));
        assert_eq!(read_str("1_500.5"), Ok(Written::Number(d("1500.5"))));
    }

    #[test]
    fn reads_what_the_tables_print() {
        assert_eq!(read_str("1 500,50"), Ok(Written::Number(d("1500.50"))));
        assert_eq!(
            read_str("1\u{a0}500,50\u{a0}₽"),
            Ok(Written::Number(d("1500.50")))
        );
        assert_eq!(read_str("1,500.50 ₽"), Ok(Written::Number(d("1500.50"))));
        assert_eq!(read_str("$97,500.00"), Ok(Written::Number(d("97500.00"))));
        assert_eq!(read_str("1,234,567"), Ok(Written::Number(d("1234567"))));
        assert_eq!(read_str("1.234,5"), Ok(Written::Number(d("1234.5"))));
        assert_eq!(read_str("+5,5%"), Ok(Written::Relative(d("0.055"))));
        assert_eq!(read_str("25 %"), Ok(Written::Percent(d("0.25"))));
        assert_eq!(read_str("25,0\u{a0}%"), Ok(Written::Percent(d("0.25"))));
        assert_eq!(read_str("+5 п.п."), Ok(Written::Points(d("0.05"))));
        assert_eq!(
            read_str("+5,0\u{a0}п.\u{a0}п."),
            Ok(Written::Points(d("0.05")))
        );
        assert_eq!(read_str("+5 пп"), Ok(Written::Points(d("0.05"))));
        assert_eq!(read_str("+5.0 pp"), Ok(Written::Points(d("0.05"))));
        assert_eq!(read_str("−4,5 п.п."), Ok(Written::Points(d("-0.045"))));
        assert_eq!(read_str("−20 %"), Ok(Written::Relative(d("-0.20"))));
        assert_eq!(read_str("1,500"), Err(ValueError::AmbiguousComma));
        assert_eq!(read_str("5 п.п."), Err(ValueError::Unreadable));
    }

    #[test]
    fn writes_values_back_in_their_own_form() {
        for text in [
            "25%", "+30%", "-20%", "+5pp", "-2.5pp", "1500", "0.25", "-3",
        ] {
            assert_eq!(read_str(text).unwrap().to_string(), text);
        }
        // A negative zero is written as zero, in its own form.
        let minus_zero = -Decimal::ZERO;
        for (w, text) in [
            (Written::Percent(minus_zero), "0%"),
            (Written::Relative(minus_zero), "+0%"),
            (Written::Points(minus_zero), "+0pp"),
            (Written::Number(minus_zero), "0"),
        ] {
            assert_eq!(w.to_string(), text);
            assert_eq!(read_str(text), Ok(w));
        }
    }

    #[test]
    fn rejects_what_is_not_a_value() {
        assert_eq!(read_str("5pp"), Err(ValueError::Unreadable));
        assert_eq!(read_str("abc"), Err(ValueError::Unreadable));
        assert_eq!(read_str(""), Err(ValueError::Unreadable));
        assert_eq!(read_str("%"), Err(ValueError::Unreadable));
        assert_eq!(read_str("1.2.3"), Err(ValueError::Unreadable));
        assert_eq!(read_str("+15"), Err(ValueError::SignedNumber));
        let relative = toml::Value::String("+15%".into());
        assert_eq!(read(&relative, "+15%"), Ok(Written::Relative(d("0.15"))));
        assert_eq!(
            read(&toml::Value::Integer(15), "+15"),
            Err(ValueError::SignedNumber)
        );
        assert_eq!(
            read(&toml::Value::Float(0.05), "+0.05"),
            Err(ValueError::SignedNumber)
        );
        assert_eq!(read_str("NaN"), Err(ValueError::NotFinite));
        assert_eq!(read_str("-inf"), Err(ValueError::NotFinite));
    }

    #[test]
    fn gives_the_right_reason() {
        // Malformed, not long: TOML allows `_` only between digits.
        for text in ["_1500", "1500_", "1__500", "1._5", "1.", ".5", "1e_5", "1e"] {
            assert_eq!(number(text), Err(ValueError::Unreadable), "{text}");
        }
        assert_eq!(read_str("_1500"), Err(ValueError::Unreadable));
        // Zero is zero whatever its exponent.
        assert_eq!(number("0e-400"), Ok(Decimal::ZERO));
        assert_eq!(number("-0.0e400"), Ok(Decimal::ZERO));
        // Too large, not too precise: 10^400 and 10^29 are past 7.9·10^28.
        assert_eq!(number("1e400"), Err(ValueError::TooLarge));
        assert_eq!(number("1e29"), Err(ValueError::TooLarge));
        assert_eq!(
            number("1e99999999999999999999999"),
            Err(ValueError::TooLarge)
        );
        // TOML reads 1e400 as infinity; the text says what the user meant.
        let inf = toml::Value::Float(f64::INFINITY);
        assert_eq!(read(&inf, "1e400"), Err(ValueError::TooLarge));
        assert_eq!(read(&inf, "inf"), Err(ValueError::NotFinite));
        // The largest decimal fits, one more does not; trailing zeros are not digits.
        assert_eq!(number("79228162514264337593543950335"), Ok(Decimal::MAX));
        assert_eq!(
            number("79228162514264337593543950336"),
            Err(ValueError::TooLarge)
        );
        assert_eq!(number("1.50e-27"), Ok(d("0.0000000000000000000000000015")));
        assert_eq!(number("0.000001e30"), Ok(d("1000000000000000000000000")));
        assert_eq!(number("1.50"), Ok(d("1.50")));
        assert_eq!(number("1.50").unwrap().scale(), 2);
    }

    #[test]
    fn changes_are_exact_or_refused() {
        assert_eq!(apply(Form::Relative, d("0.3"), d("200")), Some(d("260")));
        assert_eq!(apply(Form::Points, d("0.05"), d("0.2")), Some(d("0.25")));
        // 1.333333 × 123456789012345678901234567 has 33 digits: refused, not rounded.
        let check = d("123456789012345678901234567");
        assert_eq!(apply(Form::Relative, d("0.333333"), check), None);
        // The f64 simulation keeps its plain arithmetic.
        assert_eq!(apply(Form::Relative, 0.5f64, 2.0), Some(3.0));
    }

    #[test]
    fn keeps_float_literals_exact() {
        let v = toml::Value::Float(0.1);
        assert_eq!(read(&v, "0.1"), Ok(Written::Number(d("0.1"))));
        assert_eq!(read(&v, "1e-1"), Ok(Written::Number(d("0.1"))));
        assert_eq!(number("2.5E3"), Ok(d("2500")));
        assert_eq!(number("+1_000.25"), Ok(d("1000.25")));
    }

    #[test]
    fn refuses_to_round() {
        // The 29th place is past the 28 a decimal keeps.
        assert_eq!(
            number("0.00000000000000000000000000001"),
            Err(ValueError::TooSmall)
        );
        assert_eq!(
            number("0.12345678901234567890123456789"),
            Err(ValueError::TooPrecise)
        );
        assert_eq!(number("1e40"), Err(ValueError::TooLarge));
        assert_eq!(
            number("99999999999999999999999999999999"),
            Err(ValueError::TooLarge)
        );
        assert_eq!(number("1e-400"), Err(ValueError::TooSmall));
        assert_eq!(number("1e-29"), Err(ValueError::TooSmall));
        assert_eq!(number("1e-28"), Ok(d("0.0000000000000000000000000001")));
        assert_eq!(number("1.5e-28"), Err(ValueError::TooPrecise));
        assert_eq!(
            read(&toml::Value::Float(f64::NAN), "nan"),
            Err(ValueError::NotFinite)
        );
        assert_eq!(
            read(&toml::Value::Boolean(true), "true"),
            Err(ValueError::WrongType("a boolean"))
        );
    }
}
