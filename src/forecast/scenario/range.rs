//! Uncertain values: `"+15%..+40%"`, or `{ low, high, mode, dist }`, each end
//! written in the key's own grammar.

use super::key::Kind;
use super::median;
use super::value::{self, Written};
use crate::i18n::{f, t};
use rust_decimal::Decimal;
use serde::Deserialize;
use std::fmt;
use toml::Spanned;

/// How many standard deviations the 97.5th percentile of a normal lies
/// above its median: a normal range's ends are this far either side of it.
pub const Z_975: f64 = 1.959963984540054;

/// How values spread between the ends of a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dist {
    /// Every value equally likely.
    Uniform,
    /// Likeliest at the mode, falling off linearly to the ends.
    Triangular,
    /// A smooth bump around the mode (beta-PERT), as estimators use.
    Pert,
    /// A bell curve whose central 95% lies between the ends (the low end is
    /// the 2.5th percentile, the high end the 97.5th); its point is the median.
    Normal,
    /// A skewed bell whose logarithm is normal, the ends again its central
    /// 95%: a plain number is lognormal itself, a change `"+N%"` through its
    /// multiplier 1 + change. Its point is the median, the geometric mean.
    LogNormal,
}

impl Dist {
    /// Every dist, in the order the docs list them.
    pub const ALL: [Dist; 5] = [
        Dist::Uniform,
        Dist::Triangular,
        Dist::Pert,
        Dist::Normal,
        Dist::LogNormal,
    ];

    /// The name written in the file.
    pub fn name(self) -> &'static str {
        match self {
            Dist::Uniform => "uniform",
            Dist::Triangular => "triangular",
            Dist::Pert => "pert",
            Dist::Normal => "normal",
            Dist::LogNormal => "lognormal",
        }
    }

    /// The dist a file names, as [`Dist::name`] writes it.
    pub fn from_name(name: &str) -> Option<Dist> {
        Dist::ALL.into_iter().find(|d| d.name() == name)
    }

    /// True when the ends are a central 95% interval rather than the bounds
    /// of every value: draws fall outside them one time in twenty.
    pub fn is_interval(self) -> bool {
        matches!(self, Dist::Normal | Dist::LogNormal)
    }
}

/// A range of values for one key.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Uncertain {
    /// The low end; for a normal or lognormal range, its 2.5th percentile.
    pub low: Written,
    /// The high end; for a normal or lognormal range, its 97.5th percentile.
    pub high: Written,
    /// The likeliest value, if given (never for a normal or lognormal range).
    pub mode: Option<Written>,
    /// The spread between the ends.
    pub dist: Dist,
}

/// Why a range was refused; the message is in the language of messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RangeError {
    /// It is not written as a range is: an end unread, ends out of order or
    /// in different forms, a field missing or unknown.
    Unwritten(String),
    /// It is written well, but its dist does not take it: a mode on a
    /// normal range, a lognormal share, a lognormal end at or below 0.
    Dist(String),
}

impl fmt::Display for RangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RangeError::Unwritten(m) | RangeError::Dist(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for RangeError {}

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
    pub fn read(value: &toml::Value, text: &str) -> Option<Result<Uncertain, RangeError>> {
        match value {
            toml::Value::String(s) if s.contains("..") => Some(Uncertain::read_str(s)),
            toml::Value::Table(_) => Some(Uncertain::read_table(text)),
            _ => None,
        }
    }

    fn read_str(s: &str) -> Result<Uncertain, RangeError> {
        let (low, high) = s.split_once("..").unwrap_or((s, ""));
        let end = |what: &'static str, text: &str| {
            value::read_str(text).map_err(|_| RangeError::Unwritten(f(what, &[&text.trim()])))
        };
        Uncertain::new(
            end("cannot read the range's low end \"{}\"", low)?,
            end("cannot read the range's high end \"{}\"", high)?,
            None,
            Dist::Uniform,
        )
    }

    fn read_table(text: &str) -> Result<Uncertain, RangeError> {
        let raw = toml::from_str::<Wrapper>(&format!("v = {text}"))
            .map_err(|e| {
                RangeError::Unwritten(f(
                    "a range table takes low, high, mode and dist: {}",
                    &[&crate::input::toml_reason(e.message())],
                ))
            })?
            .v;
        let end = |what: &'static str,
                   v: &Option<Spanned<toml::Value>>,
                   inner: &str|
         -> Result<Option<Written>, RangeError> {
            v.as_ref()
                .map(|v| {
                    let at = v.span();
                    // Spans point into `v = {text}`; shift them back into `text`.
                    let own = inner.get(at.start - 4..at.end - 4).unwrap_or("");
                    value::read(v.get_ref(), own)
                        .map_err(|_| RangeError::Unwritten(f(what, &[&own])))
                })
                .transpose()
        };
        let missing = || RangeError::Unwritten(t("a range table needs low and high").into());
        let low = end("cannot read the range's low end {}", &raw.low, text)?.ok_or_else(missing)?;
        let high =
            end("cannot read the range's high end {}", &raw.high, text)?.ok_or_else(missing)?;
        let mode = end("cannot read the range's mode {}", &raw.mode, text)?;
        let dist = match raw.dist.as_deref() {
            None if mode.is_some() => Dist::Triangular,
            None => Dist::Uniform,
            Some(name) => Dist::from_name(name).ok_or_else(|| {
                RangeError::Unwritten(f(
                    "unknown dist \"{}\"; use \"uniform\", \"triangular\", \"pert\", \"normal\" or \"lognormal\"",
                    &[&name],
                ))
            })?,
        };
        Uncertain::new(low, high, mode, dist)
    }

    /// A range from its parts, checked as a file's is: both ends written the
    /// same way, low ≤ mode ≤ high, a mode for triangular and PERT and none
    /// for normal and lognormal, a lognormal's ends above 0 (or above −100%
    /// for a change), and a point exact arithmetic holds. The key's own
    /// rules wait for the scenario's checks, and [`Uncertain::fits`].
    pub fn new(
        low: Written,
        high: Written,
        mode: Option<Written>,
        dist: Dist,
    ) -> Result<Uncertain, RangeError> {
        let unwritten = |m: &str| Err(RangeError::Unwritten(m.to_string()));
        let same =
            |a: Written, b: Written| std::mem::discriminant(&a) == std::mem::discriminant(&b);
        if !same(low, high) || mode.is_some_and(|m| !same(low, m)) {
            return unwritten(t(
                "the ends of a range must be written the same way: both numbers, both \"N%\", both \"+N%\" or both \"+Npp\"",
            ));
        }
        if low.number() > high.number() {
            return unwritten(t("the low end is above the high end"));
        }
        if mode.is_some_and(|m| m.number() < low.number() || m.number() > high.number()) {
            return unwritten(t("the mode lies outside the range"));
        }
        if matches!(dist, Dist::Triangular | Dist::Pert) && mode.is_none() {
            return unwritten(&f("a {} range needs a mode", &[&dist.name()]));
        }
        // Every value must read back from the text `to_toml` writes. One read
        // from a file always does; one built in code may not: a share below
        // 0 ("-5%" is a change), a percentage whose hundredfold passes 7.9e28.
        if let Some(w) = [Some(low), Some(high), mode]
            .into_iter()
            .flatten()
            .find(|w| value::read_str(&w.to_string()) != Ok(*w))
        {
            return unwritten(&f(
                "{} cannot be written back as a scenario file writes it",
                &[&w],
            ));
        }
        dist_rules(low, high, mode, dist).map_err(|m| RangeError::Dist(m.to_string()))?;
        if mode.is_none()
            && dist == Dist::Uniform
            && midpoint(low.number(), high.number()).is_none()
        {
            return unwritten(t(
                "its midpoint, the value calc uses, has more digits than exact arithmetic keeps at this magnitude; give a mode, as in { low = …, high = …, mode = … }",
            ));
        }
        Ok(Uncertain {
            low,
            high,
            mode,
            dist,
        })
    }

    /// A normal range whose central 95% lies between `low` and `high`.
    pub fn normal(low: Written, high: Written) -> Result<Uncertain, RangeError> {
        Uncertain::new(low, high, None, Dist::Normal)
    }

    /// A lognormal range whose central 95% lies between `low` and `high`:
    /// plain numbers above 0, or changes `"+N%"` above −100%.
    pub fn lognormal(low: Written, high: Written) -> Result<Uncertain, RangeError> {
        Uncertain::new(low, high, None, Dist::LogNormal)
    }

    /// Whether the range suits a key of `kind`, beyond its ends' own checks:
    /// a share written as a plain number (`0.25`) cannot be lognormal, no
    /// more than `"25%"` can.
    pub fn fits(&self, kind: Kind) -> Result<(), String> {
        if self.dist == Dist::LogNormal && kind.is_rate() && matches!(self.low, Written::Number(_))
        {
            return Err(t("a share cannot be lognormal, which has no ceiling at 100%; use dist = \"normal\", which is clipped at 0% and 100%").into());
        }
        Ok(())
    }

    /// The single value `calc`, `compare`, `sweep` and `solve` use: the mode
    /// if given; else the median: the midpoint, or for a lognormal range
    /// the geometric mean of its ends (of 1 + change for a change), rounded
    /// to 12 significant digits and at most 28 places, half away from zero,
    /// and never past an end.
    pub fn point(&self) -> Written {
        if let Some(mode) = self.mode {
            return mode;
        }
        let (low, high) = (self.low.number(), self.high.number());
        if self.dist == Dist::LogNormal {
            return self.low.with_number(self.geometric_median());
        }
        // Reading refuses a range whose midpoint is not exact, so the
        // fallback (halves added, which cannot overflow) is never taken
        // for a range that came from a file or a flag.
        let mid = midpoint(low, high).unwrap_or_else(|| low / Decimal::TWO + high / Decimal::TWO);
        self.low.with_number(mid)
    }

    /// A lognormal range's median, exact, within its ends.
    fn geometric_median(&self) -> Decimal {
        let (low, high) = (self.low.number(), self.high.number());
        if low == high {
            return low;
        }
        let median = match self.low {
            Written::Relative(_) => median::of_changes(low, high),
            _ => median::of_numbers(low, high),
        };
        // Rounding carries the median past an end only when the ends agree
        // to about 12 digits, or near 7.9e28 (then `None`): it stops there.
        // (`max` then `min`, not `clamp`, which would panic on ends built
        // out of order.)
        median.map_or(high, |m| m.max(low).min(high))
    }

    /// The range as a TOML inline table the scenario reads back to an equal
    /// range: `{ low = "+10%", high = "+50%", dist = "lognormal" }`, plain
    /// numbers bare (`{ low = 1400, high = 1700, … }`) unless too long for a
    /// TOML integer, the dist always named.
    pub fn to_toml(&self) -> String {
        let mut out = format!(
            "{{ low = {}, high = {}",
            toml_value(self.low),
            toml_value(self.high)
        );
        if let Some(mode) = self.mode {
            out.push_str(&format!(", mode = {}", toml_value(mode)));
        }
        out.push_str(&format!(", dist = \"{}\" }}", self.dist.name()));
        out
    }
}

/// What a normal or lognormal range refuses: a mode (its point is its
/// median), and for a lognormal, shares and points, plain numbers at or
/// below 0, changes at or below −100% (the ends are in order, so the low
/// one decides), as well as a normal midpoint exact arithmetic cannot hold.
fn dist_rules(
    low: Written,
    high: Written,
    mode: Option<Written>,
    dist: Dist,
) -> Result<(), &'static str> {
    match (dist, mode, low) {
        (Dist::Normal, Some(_), _) => Err(t(
            "a normal range's point is its median, the middle of the interval; drop mode",
        )),
        (Dist::LogNormal, Some(_), _) => Err(t(
            "a lognormal range's point is its median, the geometric mean of its ends; drop mode",
        )),
        (Dist::LogNormal, _, Written::Percent(_) | Written::Points(_)) => Err(t(
            "a share (\"25%\") or a change in points (\"+5pp\") cannot be lognormal; use dist = \"normal\"",
        )),
        (Dist::LogNormal, _, Written::Number(n)) if n <= Decimal::ZERO => Err(t(
            "a lognormal range's ends must be above 0; use dist = \"normal\" for one that reaches 0",
        )),
        (Dist::LogNormal, _, Written::Relative(r)) if r <= -Decimal::ONE => Err(t(
            "a lognormal change's ends must be above -100%, as the multiplier 1 + change is what is lognormal; use dist = \"normal\"",
        )),
        (Dist::Normal, None, _) if midpoint(low.number(), high.number()).is_none() => Err(t(
            "its midpoint, the median calc uses, has more digits than exact arithmetic keeps at this magnitude; round an end",
        )),
        _ => Ok(()),
    }
}

/// One value of a range as TOML the scenario reads back: a plain number
/// bare, or quoted when it is whole and past TOML's integers (2⁶³ − 1);
/// the percentage forms in quotes, as the file writes them.
fn toml_value(w: Written) -> String {
    match w {
        Written::Number(n) => {
            let n = n.normalize();
            if n.fract().is_zero() && i64::try_from(n).is_err() {
                format!("\"{n}\"")
            } else {
                n.to_string()
            }
        }
        other => format!("\"{other}\""),
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
        Uncertain::read(&value, text)
            .unwrap()
            .map_err(|e| e.to_string())
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
            ("{ low = 1, high = 2, dist = \"gamma\" }", "unknown dist"),
            (
                "{ low = 1, high = 3, mode = 2, dist = \"normal\" }",
                "normal range's point is its median",
            ),
            (
                "{ low = 1, high = 3, mode = 2, dist = \"lognormal\" }",
                "geometric mean of its ends; drop mode",
            ),
            (
                "{ low = \"25%\", high = \"30%\", dist = \"lognormal\" }",
                "cannot be lognormal",
            ),
            (
                "{ low = \"+1pp\", high = \"+3pp\", dist = \"lognormal\" }",
                "cannot be lognormal",
            ),
            (
                "{ low = 0, high = 3, dist = \"lognormal\" }",
                "must be above 0",
            ),
            (
                "{ low = \"-100%\", high = \"+3%\", dist = \"lognormal\" }",
                "must be above -100%",
            ),
            (
                "{ low = \"0\", high = \"0.0000000000000000000000000001\", dist = \"normal\" }",
                "round an end",
            ),
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

    #[test]
    fn normal_and_lognormal_points_are_medians() {
        // Normal: the midpoint, exactly.
        let r = read("{ low = \"+10%\", high = \"+50%\", dist = \"normal\" }").unwrap();
        assert_eq!(
            (r.dist, r.point()),
            (Dist::Normal, Written::Relative(d("0.30")))
        );
        // Lognormal change: √(1.1 × 1.5) − 1 = 0.2845232578665…, to 12 digits.
        let r = read("{ low = \"+10%\", high = \"+50%\", dist = \"lognormal\" }").unwrap();
        assert_eq!(r.point(), Written::Relative(d("0.284523257867")));
        // Lognormal number: √(1400 × 1700) = 1542.724862054…
        let r = read("{ low = 1400, high = 1700, dist = \"lognormal\" }").unwrap();
        assert_eq!(r.point(), Written::Number(d("1542.72486205")));
        // Zero width: the end itself, unrounded.
        let r =
            read("{ low = 1.0000000000000001, high = 1.0000000000000001, dist = \"lognormal\" }")
                .unwrap();
        assert_eq!(r.point(), Written::Number(d("1.0000000000000001")));
        // Ends that agree to 14 digits: the rounded median would pass high; it stops there.
        let (low, high) = (d("1.00000000000001"), d("1.00000000000002"));
        let r = Uncertain::lognormal(Written::Number(low), Written::Number(high)).unwrap();
        assert!(
            (low..=high).contains(&r.point().number()),
            "{:?}",
            r.point()
        );
        // Past 7.9e28 once rounded: the high end.
        let max = Written::Number(Decimal::MAX);
        assert_eq!(Uncertain::lognormal(max, max).unwrap().point(), max);
        let r = Uncertain::lognormal(Written::Number(d("7e28")), max).unwrap();
        assert!(r.point().number() <= Decimal::MAX);
    }

    #[test]
    fn a_share_written_as_a_number_cannot_be_lognormal() {
        let r = read("{ low = 0.2, high = 0.3, dist = \"lognormal\" }").unwrap();
        assert!(
            r.fits(Kind::Rate)
                .unwrap_err()
                .contains("use dist = \"normal\"")
        );
        assert!(r.fits(Kind::ChangedRate).is_err());
        assert_eq!(r.fits(Kind::Amount), Ok(()));
        assert_eq!(r.fits(Kind::Factor), Ok(()));
        let r = read("{ low = \"+2%\", high = \"+9%\", dist = \"lognormal\" }").unwrap();
        assert_eq!(r.fits(Kind::ChangedRate), Ok(()));
    }

    #[test]
    fn writes_toml_that_reads_back_the_same() {
        for text in [
            "{ low = \"+10%\", high = \"+50%\", dist = \"lognormal\" }",
            "{ low = 1400, high = 1700, dist = \"lognormal\" }",
            "{ low = \"20%\", high = \"30%\", dist = \"normal\" }",
            "{ low = \"-2pp\", high = \"+3.5pp\", dist = \"normal\" }",
            "{ low = 8, high = 20, mode = 12, dist = \"triangular\" }",
            "{ low = 0.1, high = 0.3, mode = 0.2, dist = \"pert\" }",
            "{ low = \"+15%\", high = \"+40%\", dist = \"uniform\" }",
            "{ low = \"10000000000000000000\", high = \"79228162514264337593543950334\", dist = \"normal\" }",
        ] {
            let r = read(text).unwrap();
            assert_eq!(r.to_toml(), text);
            assert_eq!(read(&r.to_toml()), Ok(r));
        }
        // The short form comes back as a table that names its dist.
        let r = read("\"+15%..+40%\"").unwrap();
        assert_eq!(
            r.to_toml(),
            "{ low = \"+15%\", high = \"+40%\", dist = \"uniform\" }"
        );
    }

    /// Any exact decimal of up to 28 places.
    fn decimal() -> impl proptest::strategy::Strategy<Value = Decimal> {
        use proptest::prelude::*;
        (any::<i64>(), 0u32..=28, any::<bool>()).prop_map(|(m, scale, wide)| {
            let m = if wide {
                i128::from(m) * 1_000_000_000
            } else {
                i128::from(m)
            };
            Decimal::try_from_i128_with_scale(m, scale).unwrap_or_default()
        })
    }

    proptest::proptest! {
        #[test]
        fn every_range_made_writes_back_to_itself(
            a in decimal(),
            b in decimal(),
            form in 0usize..4,
            dist in 0usize..5,
        ) {
            let (low, high) = (a.min(b), a.max(b));
            let w = |n: Decimal| match form {
                0 => Written::Number(n),
                1 => Written::Percent(n),
                2 => Written::Relative(n),
                _ => Written::Points(n),
            };
            let dist = Dist::ALL[dist];
            let mode = matches!(dist, Dist::Triangular | Dist::Pert).then(|| w(low));
            // Only what the checks let through need write back.
            if let Ok(r) = Uncertain::new(w(low), w(high), mode, dist) {
                proptest::prop_assert_eq!(read(&r.to_toml()), Ok(r));
                proptest::prop_assert_eq!(read(&r.to_toml()).map(|r| r.point()), Ok(r.point()));
            }
        }
    }
}
