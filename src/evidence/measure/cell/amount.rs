//! Amounts as Russians write them (spaces, commas, `₽`), the placeholders
//! sheets write for none, and whole counts.

use super::super::table::Cell;
use super::Bad;
use rust_decimal::Decimal;
use std::str::FromStr;

/// An amount: `1500`, `1500.50`, `1 500,50`, `1 500,50 ₽`, `1500 руб.`,
/// `1,500.50`, with ordinary, no-break (U+00A0) or narrow (U+202F) spaces
/// between thousands; a spreadsheet's number cell as it is. Empty is `None`,
/// and so is a placeholder a sheet writes for "no amount" (see [`is_blank`]).
pub fn amount(cell: Cell<'_>) -> Result<Option<Decimal>, Bad> {
    let value = match cell {
        Cell::Empty => return Ok(None),
        // pandas and HTML exports write an empty number as NaN.
        Cell::Number(n) if n.is_nan() => return Ok(None),
        Cell::Number(n) => float(n).ok_or(Bad::Amount)?,
        Cell::Text(text) if is_blank(text) => return Ok(None),
        Cell::Text(text) => match amount_text(text)? {
            Some(d) => d,
            None => return Ok(None),
        },
        Cell::DateTime(_) | Cell::Bool(_) => return Err(Bad::Amount),
    };
    if value.is_sign_negative() && !value.is_zero() {
        return Err(Bad::Negative);
    }
    Ok(Some(value))
}

/// What sheets write in an amount's place for "none": a dash of any
/// length, «н/д», «нет», `n/a`, `nan`, `null`, `none` (any case, spaces around).
pub fn is_blank(text: &str) -> bool {
    let t = super::trimmed(text);
    // Amounts are most cells of a million-row export: digits go straight on.
    if t.is_empty() {
        return true;
    }
    if t.len() > 6 || t.as_bytes()[0].is_ascii_digit() {
        return false;
    }
    matches!(t, "-" | "—" | "–" | "−" | "--")
        || [
            "н/д", "нет", "n/a", "na", "nan", "null", "none", "#н/д", "#n/a",
        ]
        .contains(&t.to_lowercase().as_str())
}

/// A spreadsheet number as the decimal it was typed as: Rust prints the
/// shortest text that reads back to the same double, so 1500.1 stays 1500.1.
fn float(n: f64) -> Option<Decimal> {
    if !n.is_finite() {
        return None;
    }
    Decimal::from_str(&n.to_string())
        .or_else(|_| Decimal::from_scientific(&format!("{n:e}")))
        .ok()
}

/// A plain amount of at most 18 digits (`1500`, `1500.50`), read in one
/// pass: the same mantissa and scale as [`Decimal::from_str_exact`] gives,
/// at a fraction of its cost on a million cells. `None` for anything else.
fn plain(b: &[u8]) -> Option<Decimal> {
    let (mut mantissa, mut digits, mut point) = (0i64, 0u32, None);
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'0'..=b'9' if digits < 18 => {
                mantissa = mantissa * 10 + i64::from(c - b'0');
                digits += 1;
            }
            b'.' if point.is_none() && i > 0 && i + 1 < b.len() => point = Some(b.len() - i - 1),
            _ => return None,
        }
    }
    (digits > 0).then(|| Decimal::new(mantissa, point.unwrap_or(0) as u32))
}

fn amount_text(text: &str) -> Result<Option<Decimal>, Bad> {
    // Most amounts are plain (`1500`, `1500.50`): read without a copy.
    let b = text.as_bytes();
    if let Some(d) = plain(b) {
        return Ok(Some(d));
    }
    let plain = !b.is_empty()
        && b.iter().all(|c| c.is_ascii_digit() || *c == b'.')
        && b.iter().filter(|c| **c == b'.').count() <= 1
        && b[0] != b'.'
        && b[b.len() - 1] != b'.';
    if plain {
        return Decimal::from_str_exact(text)
            .map(Some)
            .map_err(|_| Bad::Amount);
    }
    let mut s: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\''))
        .collect();
    // Currency marks, longest first so "руб." is not left as ".".
    for mark in ["рублей", "руб.", "руб", "р.", "₽", "RUB", "rub"] {
        if let Some(rest) = s.strip_suffix(mark) {
            s = rest.to_string();
            break;
        }
    }
    if let Some(rest) = s.strip_prefix('₽') {
        s = rest.to_string();
    }
    if s.is_empty() {
        return Ok(None);
    }
    let (sign, body) = match s.strip_prefix('-').or_else(|| s.strip_prefix('−')) {
        Some(rest) => ("-", rest),
        None => ("", s.strip_prefix('+').unwrap_or(&s)),
    };
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(Bad::Amount);
    }
    let commas = body.matches(',').count();
    let dots = body.matches('.').count();
    let plain = match (commas, dots) {
        (0, 0) => body.to_string(),
        // 1500.50: a decimal point; 1.500.000: thousands.
        (0, 1) => body.to_string(),
        (0, _) => thousands(body, '.')?,
        (1, 0) => {
            let (int, frac) = body.split_once(',').ok_or(Bad::Amount)?;
            // "1,500" reads as 1.5 to a Russian and as 1500 to an American.
            if frac.len() == 3 && !int.is_empty() && !int.starts_with('0') && int.len() <= 3 {
                return Err(Bad::Ambiguous);
            }
            format!("{int}.{frac}")
        }
        (_, 0) => thousands(body, ',')?,
        _ => {
            // Both marks: the last one is the decimal mark, the other groups thousands.
            let last = body.rfind([',', '.']).ok_or(Bad::Amount)?;
            let (int, frac) = (&body[..last], &body[last + 1..]);
            let mark = body[last..].chars().next().ok_or(Bad::Amount)?;
            let group = if mark == ',' { '.' } else { ',' };
            if int.contains(mark) {
                return Err(Bad::Amount);
            }
            format!("{}.{frac}", thousands(int, group)?)
        }
    };
    if plain.starts_with('.') || plain.ends_with('.') {
        return Err(Bad::Amount);
    }
    Decimal::from_str_exact(&format!("{sign}{plain}"))
        .map(Some)
        .map_err(|_| Bad::Amount)
}

/// `1,500,000` with `mark` between groups of three digits → `1500000`.
fn thousands(body: &str, mark: char) -> Result<String, Bad> {
    let mut groups = body.split(mark);
    let first = groups.next().unwrap_or("");
    if first.is_empty() || first.len() > 3 {
        return Err(Bad::Amount);
    }
    let mut out = first.to_string();
    for g in groups {
        if g.len() != 3 {
            return Err(Bad::Amount);
        }
        out.push_str(g);
    }
    Ok(out)
}

/// A whole count ≥ 0 (leads, visits) in a monthly sheet: `96`, `1 200`, a number cell.
pub fn count(cell: Cell<'_>) -> Result<Option<u64>, Bad> {
    match amount(cell) {
        Ok(Some(d)) if d.fract().is_zero() => {
            u64::try_from(d.trunc().mantissa() / 10i128.pow(d.scale()))
                .map(Some)
                .map_err(|_| Bad::Count)
        }
        Ok(Some(_)) | Err(_) => Err(Bad::Count),
        Ok(None) => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_amounts_read_as_from_str_exact_reads_them() {
        for text in [
            "0",
            "0.00",
            "007.50",
            "1500",
            "1060.00",
            "1.5",
            "999999999999999999",
            "0.12345678901234567",
            "123456789.123456789",
            "1000000000000000000",
            "1..5",
            ".5",
            "5.",
            "",
            "1 500",
            "1,5",
            "-5",
            "+5",
        ] {
            let fast = plain(text.as_bytes());
            let exact = Decimal::from_str_exact(text).ok();
            if let Some(f) = fast {
                let e = exact.unwrap();
                assert_eq!(
                    (f.mantissa(), f.scale()),
                    (e.mantissa(), e.scale()),
                    "{text}"
                );
                assert_eq!(f.to_string(), e.to_string(), "{text}");
            }
        }
        assert!(
            plain(b"1000000000000000000").is_none(),
            "19 digits go the long way"
        );
        assert!(plain(b"1..5").is_none() && plain(b".5").is_none() && plain(b"5.").is_none());
    }

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn amt(s: &str) -> Result<Option<Decimal>, Bad> {
        amount(Cell::Text(s))
    }

    #[test]
    fn reads_amounts_as_russians_write_them() {
        for (text, value) in [
            ("1500", "1500"),
            ("1500.50", "1500.50"),
            ("1 500,50", "1500.50"),
            ("1\u{a0}500,50\u{a0}₽", "1500.50"),
            ("1\u{202f}500,50 ₽", "1500.50"),
            ("1500 руб.", "1500"),
            ("1500 руб", "1500"),
            ("1,500.50", "1500.50"),
            ("1.500,50", "1500.50"),
            ("12 000 000", "12000000"),
            ("1,234,567", "1234567"),
            ("0,500", "0.500"),
            ("19999.99", "19999.99"),
            ("2 750,5 р.", "2750.5"),
            ("0", "0"),
        ] {
            assert_eq!(amt(text), Ok(Some(d(value))), "{text}");
        }
        assert_eq!(amt(""), Ok(None));
        assert_eq!(amt(" ₽ "), Ok(None));
        assert_eq!(amount(Cell::Number(1500.1)), Ok(Some(d("1500.1"))));
        assert_eq!(
            amount(Cell::Number(0.1 + 0.2)),
            Ok(Some(d("0.30000000000000004")))
        );
    }

    #[test]
    fn refuses_what_is_not_an_amount() {
        assert_eq!(amt("1,500"), Err(Bad::Ambiguous));
        assert_eq!(amt("-1500"), Err(Bad::Negative));
        for bad in [
            "abc",
            "15o0",
            "1.500.00",
            "1,50,0",
            ".5.",
            "1 500,50,1",
            "1..5",
            "12 34,5.6",
        ] {
            assert!(amt(bad).is_err(), "{bad}");
        }
        assert_eq!(amount(Cell::Number(f64::INFINITY)), Err(Bad::Amount));
        assert_eq!(amount(Cell::Bool(true)), Err(Bad::Amount));
    }

    #[test]
    fn placeholders_are_empty_amounts() {
        for blank in [
            "", " ", "-", "—", "–", "--", "н/д", "Н/Д", "нет", "n/a", "N/A", "nan", "NaN", "null",
            "#Н/Д", " - ",
        ] {
            assert_eq!(amt(blank), Ok(None), "{blank:?}");
        }
        assert_eq!(amount(Cell::Number(f64::NAN)), Ok(None));
        // A dash with digits is a sign, not a placeholder.
        assert_eq!(amt("-5"), Err(Bad::Negative));
        assert_eq!(amt("нет данных"), Err(Bad::Amount));
    }

    #[test]
    fn counts_are_whole() {
        assert_eq!(count(Cell::Text("1 200")), Ok(Some(1200)));
        assert_eq!(count(Cell::Number(96.0)), Ok(Some(96)));
        assert_eq!(count(Cell::Text("9,5")), Err(Bad::Count));
        assert_eq!(count(Cell::Empty), Ok(None));
    }
}
