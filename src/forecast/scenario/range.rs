//! Uncertain values: `"+15%..+40%"`, or `{ low, high, mode, dist }`, each end
//! written in the key's own grammar.

use super::value::{self, Written};
use crate::i18n::{f, t};
use rust_decimal::Decimal;
use serde::Deserialize;
use std::fmt;
use toml::Spanned;

/// How values spread between the ends of a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dist {
    /// Every value equally likely.
    Uniform,
    /// Likeliest at the mode, falling off linearly to the ends.
    Triangular,
    /// A smooth bump around the mode (beta-PERT), as estimators use.
    Pert,
}

impl Dist {
    /// The name written in the file.
    pub fn name(self) -> &'static str {
        match self {
            Dist::Uniform => "uniform",
            Dist::Triangular => "triangular",
            Dist::Pert => "pert",
        }
    }
}

/// A range of values for one key.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Uncertain {
    /// The low end.
    pub low: Written,
    /// The high end.
    pub high: Written,
    /// The likeliest value, if given.
    pub mode: Option<Written>,
    /// The spread between the ends.
    pub dist: Dist,
}

/// `{ low, high, mode, dist }`, re-read from the value's own text so that
/// decimals stay exactly as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRange {
    low: Option<Spanned<toml::Value>>,
    high: Option<Spanned<toml::Value>>,
    mode: Option<Spanned<toml::Value>>,
    dist: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Wrapper {
    v: RawRange,
}

impl Uncertain {
    /// Reads a range, or returns `None` when the value is a single number.
    pub fn read(value: &toml::Value, text: &str) -> Option<Result<Uncertain, String>> {
        match value {
            toml::Value::String(s) if s.contains("..") => Some(Uncertain::read_str(s)),
            toml::Value::Table(_) => Some(Uncertain::read_table(text)),
            _ => None,
        }
    }

    fn read_str(s: &str) -> Result<Uncertain, String> {
        let (low, high) = s.split_once("..").unwrap_or((s, ""));
        let end = |what: &'static str, text: &str| {
            value::read_str(text).map_err(|_| f(what, &[&text.trim()]))
        };
        Uncertain::build(
            end("cannot read the range's low end \"{}\"", low)?,
            end("cannot read the range's high end \"{}\"", high)?,
            None,
            Dist::Uniform,
        )
    }

    fn read_table(text: &str) -> Result<Uncertain, String> {
        let raw = toml::from_str::<Wrapper>(&format!("v = {text}"))
            .map_err(|e| {
                f(
                    "a range table takes low, high, mode and dist: {}",
                    &[&e.message()],
                )
            })?
            .v;
        let end = |what: &'static str,
                   v: &Option<Spanned<toml::Value>>,
                   inner: &str|
         -> Result<Option<Written>, String> {
            v.as_ref()
                .map(|v| {
                    let at = v.span();
                    // Spans point into `v = {text}`; shift them back into `text`.
                    let own = inner.get(at.start - 4..at.end - 4).unwrap_or("");
                    value::read(v.get_ref(), own).map_err(|_| f(what, &[&own]))
                })
                .transpose()
        };
        let missing = || t("a range table needs low and high").to_string();
        let low = end("cannot read the range's low end {}", &raw.low, text)?.ok_or_else(missing)?;
        let high =
            end("cannot read the range's high end {}", &raw.high, text)?.ok_or_else(missing)?;
        let mode = end("cannot read the range's mode {}", &raw.mode, text)?;
        let dist = match raw.dist.as_deref() {
            None if mode.is_some() => Dist::Triangular,
            None | Some("uniform") => Dist::Uniform,
            Some("triangular") => Dist::Triangular,
            Some("pert") => Dist::Pert,
            Some(other) => {
                return Err(f(
                    "unknown dist \"{}\"; use \"uniform\", \"triangular\" or \"pert\"",
                    &[&other],
                ));
            }
        };
        Uncertain::build(low, high, mode, dist)
    }

    fn build(
        low: Written,
        high: Written,
        mode: Option<Written>,
        dist: Dist,
    ) -> Result<Uncertain, String> {
        let same =
            |a: Written, b: Written| std::mem::discriminant(&a) == std::mem::discriminant(&b);
        if !same(low, high) || mode.is_some_and(|m| !same(low, m)) {
            return Err(t("the ends of a range must be written the same way: both numbers, both \"N%\", both \"+N%\" or both \"+Npp\"").into());
        }
        if low.number() > high.number() {
            return Err(t("the low end is above the high end").into());
        }
        if mode.is_some_and(|m| m.number() < low.number() || m.number() > high.number()) {
            return Err(t("the mode lies outside the range").into());
        }
        if dist != Dist::Uniform && mode.is_none() {
            return Err(f("a {} range needs a mode", &[&dist.name()]));
        }
        if mode.is_none() && midpoint(low.number(), high.number()).is_none() {
            return Err(t("its midpoint, the value calc uses, has more digits than exact arithmetic keeps at this magnitude; give a mode, as in { low = …, high = …, mode = … }").into());
        }
        Ok(Uncertain {
            low,
            high,
            mode,
            dist,
        })
    }

    /// The single value `calc`, `compare`, `sweep` and `solve` use: the mode
    /// if given, else the midpoint.
    pub fn point(&self) -> Written {
        self.mode.unwrap_or_else(|| {
            let (low, high) = (self.low.number(), self.high.number());
            // Reading refuses a range whose midpoint is not exact, so the
            // fallback (halves added, which cannot overflow) is never taken
            // for a range that came from a file or a flag.
            let mid =
                midpoint(low, high).unwrap_or_else(|| low / Decimal::TWO + high / Decimal::TWO);
            self.low.with_number(mid)
        })
    }
}

/// (low + high) / 2 exactly, or `None` when it cannot be held: near 7.9·10²⁸
/// the sum overflows (then low + (high − low)/2 is tried), and an odd last
/// digit at the 28th place has no room for its half.
pub fn midpoint(low: Decimal, high: Decimal) -> Option<Decimal> {
    let half = |d: Decimal| {
        let h = d.checked_div(Decimal::TWO)?;
        (h.checked_mul(Decimal::TWO)? == d).then_some(h)
    };
    match low.checked_add(high) {
        Some(sum) => half(sum),
        None => low.checked_add(half(high.checked_sub(low)?)?),
    }
}

impl fmt::Display for Uncertain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{} ({}", self.low, self.high, self.dist.name())?;
        if let Some(mode) = self.mode {
            write!(f, ", mode {mode}")?;
        }
        f.write_str(")")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn read(text: &str) -> Result<Uncertain, String> {
        let value: toml::Value =
            toml::from_str::<toml::Table>(&format!("v = {text}")).unwrap()["v"].clone();
        Uncertain::read(&value, text).unwrap()
    }

    #[test]
    fn reads_both_spellings() {
        let r = read("\"+15%..+40%\"").unwrap();
        assert_eq!(
            (r.low, r.high, r.dist),
            (
                Written::Relative(d("0.15")),
                Written::Relative(d("0.40")),
                Dist::Uniform
            )
        );
        assert_eq!(r.point(), Written::Relative(d("0.275")));
        let r =
            read("{ low = \"+5pp\", high = \"+15pp\", mode = \"+5pp\", dist = \"triangular\" }")
                .unwrap();
        assert_eq!(r.point(), Written::Points(d("0.05")));
        assert_eq!(r.to_string(), "+5pp..+15pp (triangular, mode +5pp)");
        // Decimals in a table stay exact.
        let r = read("{ low = 0.1, high = 0.3, mode = 0.2, dist = \"pert\" }").unwrap();
        assert_eq!(
            (r.low, r.point()),
            (Written::Number(d("0.1")), Written::Number(d("0.2")))
        );
    }

    #[test]
    fn takes_the_midpoint_without_overflow() {
        // 4e28 + 7e28 passes 7.9e28, but the midpoint 5.5e28 does not.
        let r = read("\"4e28..7e28\"").unwrap();
        assert_eq!(
            r.point(),
            Written::Number(d("55000000000000000000000000000"))
        );
        // Both ends at the limit, and a range across zero.
        assert_eq!(midpoint(Decimal::MAX, Decimal::MAX), Some(Decimal::MAX));
        assert_eq!(midpoint(Decimal::MIN, Decimal::MAX), Some(Decimal::ZERO));
        // MAX is odd: its half has a digit after the point that 29 digits cannot hold.
        assert_eq!(midpoint(Decimal::ZERO, Decimal::MAX), None);
        assert_eq!(midpoint(d("1"), d("2")), Some(d("1.5")));
    }

    #[test]
    fn refuses_broken_ranges() {
        for (text, says) in [
            ("\"+15%..40%\"", "written the same way"),
            ("\"40..15\"", "low end is above"),
            ("{ low = 1, high = 2, mode = 3 }", "mode lies outside"),
            ("{ low = 1, high = 2, dist = \"pert\" }", "needs a mode"),
            ("{ low = 1, high = 2, dist = \"normal\" }", "unknown dist"),
            ("{ low = 1 }", "needs low and high"),
            ("{ low = 1, high = 2, spread = 3 }", "takes low, high"),
            ("\"a..b\"", "cannot read"),
            // The midpoint of 0 and 1e-28 is 5e-29, one place too many.
            ("\"0..0.0000000000000000000000000001\"", "midpoint"),
        ] {
            let e = read(text).unwrap_err();
            assert!(e.contains(says), "{text}: {e}");
        }
    }
}
