//! Presentation of exact numbers: the only place where anything is rounded.
//!
//! Money is rounded to 2 places and ratios to 8, half away from zero, and
//! only on the way out; the engine never rounds.

use crate::i18n::Lang;
use rust_decimal::{Decimal, RoundingStrategy};

/// Decimal places kept for money in machine output (kopecks, cents).
pub const MONEY_PLACES: u32 = 2;
/// Decimal places kept for ratios (ROI, shares) and fractional months in machine output.
pub const RATIO_PLACES: u32 = 8;

/// Rounds half away from zero to `places`, keeping exactly that many places
/// so that columns of figures line up in CSV and JSON.
pub fn round(d: Decimal, places: u32) -> Decimal {
    let mut r = d.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(places);
    // Rounding may leave a negative zero (-0.001 → -0.00); a reader sees 0.
    if r.is_zero() {
        r.set_sign_positive(true);
    }
    r
}

/// Writes `d` rounded half away from zero to exactly `places` decimals
/// (`-1234.50`), the same text as `round(d, places)` prints, but straight from
/// the mantissa: sweeps write millions of these.
pub fn write_fixed(out: &mut impl std::fmt::Write, d: Decimal, places: u32) -> std::fmt::Result {
    let (mantissa, scale) = (d.mantissa(), d.scale());
    // |mantissa| < 2^96 and places ≤ 8 here, so every product below fits in i128.
    let scaled = if scale > places {
        let divisor = 10i128.pow(scale - places);
        let (q, r) = (mantissa / divisor, mantissa % divisor);
        if r.abs() * 2 >= divisor {
            q + mantissa.signum()
        } else {
            q
        }
    } else {
        mantissa * 10i128.pow(places - scale)
    };
    let mut digits = itoa::Buffer::new();
    let digits = digits.format(scaled.unsigned_abs());
    if scaled < 0 {
        out.write_char('-')?;
    }
    let places = places as usize;
    if places == 0 {
        return out.write_str(digits);
    }
    if digits.len() <= places {
        out.write_str("0.")?;
        for _ in digits.len()..places {
            out.write_char('0')?;
        }
        return out.write_str(digits);
    }
    let (int, frac) = digits.split_at(digits.len() - places);
    out.write_str(int)?;
    out.write_char('.')?;
    out.write_str(frac)
}

/// Powers of ten that fit 64 bits, looked up rather than computed per cell.
const POW10: [u64; 20] = {
    let mut table = [1u64; 20];
    let mut i = 1;
    while i < 20 {
        table[i] = table[i - 1] * 10;
        i += 1;
    }
    table
};

/// [`write_fixed`] straight into bytes, with `point` as the decimal mark:
/// the same text, without the formatting machinery, for the millions of
/// cells a sweep writes. Mantissas and quotients that fit 64 bits (all but
/// figures past 1.8·10¹⁹ units) stay in 64-bit arithmetic.
pub fn push_fixed(out: &mut Vec<u8>, d: Decimal, places: u32, point: u8) {
    let (mantissa, scale) = (d.mantissa(), d.scale());
    let negative = mantissa < 0;
    let magnitude = mantissa.unsigned_abs();
    // Rounded half away from zero to `places`, as a whole number of 10^-places.
    let scaled: u128 = match (u64::try_from(magnitude), scale.checked_sub(places)) {
        // scale ≤ 28, so the divisor fits 64 bits up to 10^19; beyond that
        // the 128-bit path below takes it.
        (Ok(m), Some(drop @ 1..=19)) => {
            let divisor = POW10[drop as usize];
            let (q, r) = (m / divisor, m % divisor);
            u128::from(q + u64::from(r >= divisor - r))
        }
        (_, Some(drop @ 1..)) => {
            let divisor = 10u128.pow(drop);
            let (q, r) = (magnitude / divisor, magnitude % divisor);
            q + u128::from(r >= divisor - r)
        }
        // |mantissa| < 2^96 and places ≤ 28 here, so this fits 128 bits.
        _ => magnitude * 10u128.pow(places - scale.min(places)),
    };
    // A figure that rounds to zero is written without a sign, as `write_fixed` does.
    if negative && scaled != 0 {
        out.push(b'-');
    }
    let mut buffer = itoa::Buffer::new();
    let digits = match u64::try_from(scaled) {
        Ok(small) => buffer.format(small),
        Err(_) => buffer.format(scaled),
    };
    push_digits(out, digits.as_bytes(), places, point);
}

/// Whole digits of 10^-places, with the mark placed.
fn push_digits(out: &mut Vec<u8>, digits: &[u8], places: u32, point: u8) {
    let places = places as usize;
    if places == 0 {
        out.extend_from_slice(digits);
    } else if digits.len() <= places {
        out.extend_from_slice(&[b'0', point]);
        out.resize(out.len() + places - digits.len(), b'0');
        out.extend_from_slice(digits);
    } else {
        let (int, frac) = digits.split_at(digits.len() - places);
        out.extend_from_slice(int);
        out.push(point);
        out.extend_from_slice(frac);
    }
}

/// Money for machines: `1234.50`.
pub fn money_value(d: Decimal) -> Decimal {
    round(d, MONEY_PLACES)
}

/// A ratio for machines: `0.07142857`.
pub fn ratio_value(d: Decimal) -> Decimal {
    round(d, RATIO_PLACES)
}

/// The sign of a change, shown explicitly so gains and losses read at a glance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sign {
    /// `-5`, `5`: only negatives carry a sign.
    Plain,
    /// `+5`, `-5`, `0`: a change.
    Explicit,
}

/// The symbol a reader expects for an ISO currency code; unknown codes stay as codes.
pub fn currency_symbol(code: &str) -> &str {
    match code {
        "RUB" => "₽",
        "USD" => "$",
        "EUR" => "€",
        "KZT" => "₸",
        other => other,
    }
}

/// Numbers as a reader of one language expects them: `97,500 ₽` and `7.1%`
/// in English, `97 500 ₽` and `7,1 %` (no-break spaces, decimal comma) in Russian.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fmt<'a> {
    /// The reader's language.
    pub lang: Lang,
    /// ISO code of the amounts.
    pub currency: &'a str,
}

/// Whether an amount, rounded as shown, has kopecks (cents).
pub fn has_kopecks(d: Decimal) -> bool {
    !round(d, MONEY_PLACES).fract().is_zero()
}

/// `1 row`, `5 rows`; `1 строка`, `2 строки`, `5 строк`, the count grouped
/// as the language groups it. Here rather than in [`crate::i18n`], which
/// knows words, not how numbers are written.
pub fn rows(lang: Lang, n: u64) -> String {
    let shown = Fmt {
        lang,
        currency: "RUB",
    }
    .count(n.into(), Sign::Plain);
    lang.counted(n, &shown, ["row", "rows"], ["строка", "строки", "строк"])
}

impl Fmt<'_> {
    /// English with roubles: for messages that are not yet translated.
    pub const EN: Fmt<'static> = Fmt {
        lang: Lang::En,
        currency: "RUB",
    };

    /// The language of messages, for figures quoted in an error.
    pub fn messages() -> Fmt<'static> {
        Fmt {
            lang: crate::i18n::current(),
            currency: "RUB",
        }
    }

    /// `1234567.5` → `1,234,567.50 ₽` (`1 234 567,50 ₽`); whole amounts drop the `.00`.
    /// In English `$` and `€` come first, after the sign (`-$2,500`).
    pub fn money(&self, d: Decimal, sign: Sign) -> String {
        self.money_in(d, sign, !has_kopecks(d))
    }

    /// [`Fmt::money`] with the `.00` dropped only when `whole`: a column
    /// shows kopecks on every amount once one of them has any, so that
    /// `36 855,00 ₽` stands above `67 567,50 ₽`, not `36 855 ₽`.
    pub fn money_in(&self, d: Decimal, sign: Sign, whole: bool) -> String {
        let r = round(d, MONEY_PLACES);
        let places = if whole && r.fract().is_zero() {
            0
        } else {
            MONEY_PLACES
        };
        let digits = self.grouped(r, places, sign);
        let symbol = currency_symbol(self.currency);
        match (self.lang, symbol) {
            (Lang::En, "$" | "€") => match digits.strip_prefix(['-', '+']) {
                Some(rest) => format!("{}{symbol}{rest}", &digits[..1]),
                None => format!("{symbol}{digits}"),
            },
            (Lang::En, _) => format!("{digits} {symbol}"),
            (Lang::Ru, _) => format!("{digits}\u{a0}{symbol}"),
        }
    }

    /// A count (leads, bookings): up to two decimals, only when they are needed.
    pub fn count(&self, d: Decimal, sign: Sign) -> String {
        let r = round(d, MONEY_PLACES).normalize();
        self.grouped(r, r.scale(), sign)
    }

    /// A ratio as a percentage with one decimal: 0.0714 → `7.1%` (`7,1 %`).
    pub fn percent(&self, ratio: Decimal, sign: Sign) -> String {
        let digits = self.hundredfold(ratio, sign);
        match self.lang {
            Lang::En => format!("{digits}%"),
            Lang::Ru => format!("{digits}\u{a0}%"),
        }
    }

    /// A difference of two rates in percentage points: 0.05 → `+5.0 pp` (`+5,0 п. п.`).
    pub fn points(&self, diff: Decimal, sign: Sign) -> String {
        let digits = self.hundredfold(diff, sign);
        match self.lang {
            Lang::En => format!("{digits} pp"),
            Lang::Ru => format!("{digits}\u{a0}п.\u{a0}п."),
        }
    }

    /// A plain number with `places` decimals: `0.91` (`0,91`).
    pub fn number(&self, d: Decimal, places: u32) -> String {
        self.grouped(d, places, Sign::Plain)
    }

    /// `100 × d` with one decimal; a ratio too large to scale (only absurd
    /// inputs make one) is shown as a multiple instead of overflowing.
    fn hundredfold(&self, d: Decimal, sign: Sign) -> String {
        match d.checked_mul(Decimal::ONE_HUNDRED) {
            Some(scaled) => self.grouped(scaled, 1, sign),
            None => format!("{} × 100", self.grouped(d, 0, sign)),
        }
    }

    /// Digits with thousands separators and exactly `places` decimals.
    fn grouped(&self, d: Decimal, places: u32, sign: Sign) -> String {
        // Russian typography writes the minus sign, not a hyphen (`−15,6 %`).
        let (thousands, decimal, minus) = match self.lang {
            Lang::En => (',', '.', '-'),
            Lang::Ru => ('\u{a0}', ',', '−'),
        };
        let r = round(d, places);
        let text = r.abs().to_string();
        let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
        let mut out = String::with_capacity(text.len() + text.len() / 3 + 2);
        if r.is_sign_negative() && !r.is_zero() {
            out.push(minus);
        } else if sign == Sign::Explicit && !r.is_zero() {
            out.push('+');
        }
        for (i, ch) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push(thousands);
            }
            out.push(ch);
        }
        if !frac.is_empty() {
            out.push(decimal);
            out.push_str(frac);
        }
        out
    }
}

#[cfg(test)]
mod tests {

    use super::*;

    #[test]
    fn rows_are_counted_in_each_language() {
        assert_eq!(rows(Lang::Ru, 1), "1\u{a0}строка");
        assert_eq!(rows(Lang::Ru, 22), "22\u{a0}строки");
        assert_eq!(rows(Lang::Ru, 111), "111\u{a0}строк");
        assert_eq!(rows(Lang::Ru, 1021), "1\u{a0}021\u{a0}строка");
        assert_eq!(rows(Lang::En, 1), "1 row");
        assert_eq!(rows(Lang::En, 1200), "1,200 rows");
    }

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(money_value(d("0.005")).to_string(), "0.01");
        assert_eq!(money_value(d("-0.005")).to_string(), "-0.01");
        assert_eq!(money_value(d("2.675")).to_string(), "2.68");
        assert_eq!(money_value(d("-0.004")).to_string(), "0.00");
        assert_eq!(money_value(d("37500")).to_string(), "37500.00");
        assert_eq!(ratio_value(d("0.0714285714285")).to_string(), "0.07142857");
    }

    #[test]
    fn fixed_writing_matches_rounded_display() {
        for (text, places) in [
            ("0.005", 2),
            ("-0.005", 2),
            ("-0.4", 2),
            ("-12.345", 2),
            ("37500", 2),
            ("0.0714285714285", 8),
            ("-1", 8),
            ("0.00000000000000000000000000049", 2),
            ("-7922816251426433759354395033.5", 0),
            ("0", 2),
        ] {
            let mut out = String::new();
            write_fixed(&mut out, d(text), places).unwrap();
            assert_eq!(out, round(d(text), places).to_string(), "{text}");
        }
    }

    const EN: Fmt<'static> = Fmt::EN;
    const RU: Fmt<'static> = Fmt {
        lang: Lang::Ru,
        currency: "RUB",
    };

    #[test]
    fn formats_money_for_people() {
        assert_eq!(EN.money(d("97500"), Sign::Plain), "97,500 ₽");
        assert_eq!(EN.money(d("1234.5"), Sign::Plain), "1,234.50 ₽");
        assert_eq!(EN.money(d("999.999"), Sign::Plain), "1,000 ₽");
        assert_eq!(EN.money(d("1234567.891"), Sign::Plain), "1,234,567.89 ₽");
        let usd = Fmt {
            currency: "USD",
            ..EN
        };
        assert_eq!(usd.money(d("-2500"), Sign::Plain), "-$2,500");
        assert_eq!(usd.money(d("2500"), Sign::Explicit), "+$2,500");
        let eur = Fmt {
            currency: "EUR",
            ..EN
        };
        assert_eq!(eur.money(d("37500"), Sign::Plain), "€37,500");
        let gel = Fmt {
            currency: "GEL",
            ..EN
        };
        assert_eq!(gel.money(d("0"), Sign::Explicit), "0 GEL");
    }

    #[test]
    fn formats_money_for_russian_readers() {
        assert_eq!(RU.money(d("97500"), Sign::Plain), "97\u{a0}500\u{a0}₽");
        assert_eq!(RU.money(d("1234.5"), Sign::Plain), "1\u{a0}234,50\u{a0}₽");
        assert_eq!(
            RU.money(d("-1234567.005"), Sign::Plain),
            "−1\u{a0}234\u{a0}567,01\u{a0}₽"
        );
        assert_eq!(RU.money(d("0.004"), Sign::Explicit), "0\u{a0}₽");
        assert_eq!(RU.money(d("0.5"), Sign::Plain), "0,50\u{a0}₽");
        let kzt = Fmt {
            currency: "KZT",
            ..RU
        };
        assert_eq!(
            kzt.money(d("1000000"), Sign::Explicit),
            "+1\u{a0}000\u{a0}000\u{a0}₸"
        );
        let usd = Fmt {
            currency: "USD",
            ..RU
        };
        assert_eq!(usd.money(d("12"), Sign::Plain), "12\u{a0}$");
        assert_eq!(RU.percent(d("0.0714285"), Sign::Plain), "7,1\u{a0}%");
        assert_eq!(RU.percent(d("-0.5"), Sign::Plain), "−50,0\u{a0}%");
        assert_eq!(RU.points(d("0.05"), Sign::Explicit), "+5,0\u{a0}п.\u{a0}п.");
        assert_eq!(RU.count(d("1234.25"), Sign::Plain), "1\u{a0}234,25");
    }

    #[test]
    fn formats_ratios_and_counts() {
        assert_eq!(EN.percent(d("0.0714285"), Sign::Plain), "7.1%");
        assert_eq!(EN.percent(d("2.1034482"), Sign::Plain), "210.3%");
        assert_eq!(EN.percent(d("0.3"), Sign::Explicit), "+30.0%");
        assert_eq!(EN.percent(d("-1"), Sign::Plain), "-100.0%");
        assert_eq!(EN.points(d("0.05"), Sign::Explicit), "+5.0 pp");
        assert_eq!(
            EN.percent(Decimal::MAX, Sign::Plain),
            "79,228,162,514,264,337,593,543,950,335 × 100%"
        );
        assert_eq!(EN.count(d("61.75"), Sign::Plain), "61.75");
        assert_eq!(EN.count(d("65.000"), Sign::Explicit), "+65");
        assert_eq!(EN.count(d("1200"), Sign::Plain), "1,200");
        assert_eq!(EN.number(d("0.909"), 2), "0.91");
    }
    /// `push_fixed` as bytes, with a decimal comma where asked.
    fn pushed(v: Decimal, places: u32, point: u8) -> String {
        let mut out = Vec::new();
        push_fixed(&mut out, v, places, point);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn pushed_fixed_text_at_the_edges() {
        for (text, places, want) in [
            ("0.005", 2, "0.01"),
            ("-0.005", 2, "-0.01"),
            ("-0.004", 2, "0.00"),
            ("2.675", 2, "2.68"),
            ("37500", 2, "37500.00"),
            ("0.0714285714285", 8, "0.07142857"),
            (
                "-79228162514264337593543950335",
                2,
                "-79228162514264337593543950335.00",
            ),
            ("0.0000000000000000000000000005", 8, "0.00000000"),
            ("7.9228162514264337593543950335", 8, "7.92281625"),
            ("18446744073709551615.5", 0, "18446744073709551616"),
            ("12", 0, "12"),
        ] {
            assert_eq!(pushed(d(text), places, b'.'), want, "{text}");
            assert_eq!(
                pushed(d(text), places, b','),
                want.replace('.', ","),
                "{text}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn pushed_fixed_text_is_write_fixeds(
            lo in proptest::prelude::any::<u64>(),
            hi in 0u32..,
            negative in proptest::prelude::any::<bool>(),
            scale in 0u32..=28,
            small in proptest::prelude::any::<bool>(),
            places in proptest::sample::select(vec![0u32, 2, 8]),
        ) {
            // Half the cases keep the mantissa within 64 bits, the fast path.
            let hi = if small { 0 } else { hi };
            let v = Decimal::from_parts(lo as u32, (lo >> 32) as u32, hi, negative, scale);
            let mut expected = String::new();
            write_fixed(&mut expected, v, places).unwrap();
            proptest::prop_assert_eq!(pushed(v, places, b'.'), expected);
        }
    }
}
