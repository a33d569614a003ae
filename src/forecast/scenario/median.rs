//! The median of a lognormal range as an exact decimal: the geometric mean of
//! its ends, correctly rounded to 12 significant digits (half away from zero).

use num_bigint::BigUint;
use rust_decimal::Decimal;

/// Significant digits a lognormal median keeps: far past any business
/// figure's precision, and few enough that the value reads as a number
/// rather than as the tail of a square root.
pub const DIGITS: u32 = 12;

/// Decimal places of the integer root worked out: one past the 28 a
/// decimal keeps, so the rounding digit is always there.
const PLACES: u32 = 29;

/// √(a·b), for a plain number whose ends `a` and `b` are above 0; `None`
/// for an end at or below 0, or a median past 7.9·10²⁸ once rounded.
pub fn of_numbers(a: Decimal, b: Decimal) -> Option<Decimal> {
    let root = Root::new(
        positive(a.mantissa())?,
        a.scale(),
        positive(b.mantissa())?,
        b.scale(),
    );
    round(root.floor, false)
}

/// √((1 + a)(1 + b)) − 1, for a change `"+N%"` whose ends `a` and `b` are
/// above −100%: the multiplier 1 + change is what is lognormal; `None` for
/// an end at or below −100%.
pub fn of_changes(a: Decimal, b: Decimal) -> Option<Decimal> {
    let one_plus = |d: Decimal| {
        // 10^scale ≤ 10^28 and the mantissa < 2^96 both fit in an i128.
        positive(10i128.pow(d.scale()).checked_add(d.mantissa())?)
    };
    let root = Root::new(one_plus(a)?, a.scale(), one_plus(b)?, b.scale());
    let one = BigUint::from(10u32).pow(PLACES);
    // In units of 10^-PLACES the multiplier r lies in [floor, floor + 1).
    if root.floor >= one {
        // r − one lies in [floor − one, floor − one + 1): that is its floor.
        round(root.floor - one, false)
    } else {
        // one − r lies in (one − floor − 1, one − floor]: its floor is
        // one − floor when the root is exact, one − floor − 1 when not.
        let ceiling = if root.exact {
            root.floor
        } else {
            root.floor + 1u32
        };
        round(one - ceiling, true)
    }
}

/// A positive mantissa as a big integer; `None` at or below 0.
fn positive(m: i128) -> Option<BigUint> {
    u128::try_from(m).ok().filter(|m| *m > 0).map(BigUint::from)
}

/// ⌊√(x·y) · 10^PLACES⌋ for x = m / 10^s and y = n / 10^t, and whether the
/// root is exact.
struct Root {
    floor: BigUint,
    exact: bool,
}

impl Root {
    fn new(m: BigUint, s: u32, n: BigUint, t: u32) -> Root {
        // s + t ≤ 56 < 2 × PLACES, so the power is whole and the product an integer.
        let square = m * n * BigUint::from(10u32).pow(2 * PLACES - s - t);
        let floor = square.sqrt();
        let exact = &floor * &floor == square;
        Root { floor, exact }
    }
}

/// A value v ≥ 0 given as ⌊v · 10^PLACES⌋ (the fraction dropped is below
/// one unit), rounded to [`DIGITS`] significant digits and at most 28
/// decimal places, half away from zero, and negated when `negative`.
///
/// The rounding is exact: with `d` digits dropped, v · 10^PLACES lies in
/// [floor, floor + 1), so the dropped part reaches half a unit exactly when
/// floor's last `d` digits do (both sides being whole numbers).
fn round(floor: BigUint, negative: bool) -> Option<Decimal> {
    let digits = if floor == BigUint::ZERO {
        0
    } else {
        floor.to_string().len() as i64
    };
    // The leading digit is at 10^(digits − 1 − PLACES); the last one kept
    // DIGITS − 1 places further right, but never past the 28th place.
    let places = (i64::from(DIGITS + PLACES) - digits).min(28);
    let dropped = u32::try_from(i64::from(PLACES) - places).ok()?;
    let unit = BigUint::from(10u32).pow(dropped);
    let mut kept = &floor / &unit;
    if &floor % &unit >= unit / 2u32 {
        kept += 1u32;
    }
    // At most DIGITS + 1 digits (…999 rounded up), which an i128 holds.
    let kept = i128::try_from(kept).ok()?;
    let kept = if negative { -kept } else { kept };
    let mut value =
        Decimal::try_from_i128_with_scale(kept, u32::try_from(places.max(0)).ok()?).ok()?;
    // A median of 10¹² or more keeps its 12 digits and then zeros.
    for _ in places..0 {
        value = value.checked_mul(Decimal::TEN)?;
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_scientific(s).or_else(|_| s.parse()).unwrap()
    }

    #[test]
    fn rounds_the_geometric_mean_to_twelve_digits() {
        // √(1.1 × 1.5) − 1 = 0.284523257866513…, by hand.
        assert_eq!(of_changes(d("0.10"), d("0.50")), Some(d("0.284523257867")));
        // √(1400 × 1700) = 1542.72486205415…
        assert_eq!(of_numbers(d("1400"), d("1700")), Some(d("1542.72486205")));
        // Exact roots stay exact: √(4 × 9) = 6; (1 − 0.2)(1 + 0.25) = 1, a change of 0.
        assert_eq!(of_numbers(d("4"), d("9")), Some(d("6")));
        assert_eq!(of_changes(d("-0.2"), d("0.25")), Some(d("0")));
        // A fall: √(0.5 × 0.8) − 1 = −0.367544467966324…
        assert_eq!(of_changes(d("-0.5"), d("-0.2")), Some(d("-0.367544467966")));
    }

    #[test]
    fn rounds_half_away_from_zero_exactly() {
        // √(1.000000000005²) is the tie 1.000000000005 itself, 13 digits
        // ending in 5: away from zero, to 1.00000000001.
        let tie = d("1.000000000005");
        assert_eq!(of_numbers(tie, tie), Some(d("1.00000000001")));
        let tie = d("0.1000000000005");
        assert_eq!(of_changes(tie, tie), Some(d("0.100000000001")));
        // Below zero, away from zero is down.
        let tie = d("-0.2499999999995");
        assert_eq!(of_changes(tie, tie), Some(d("-0.250000000000")));
        // One past the tie either way goes the plain way.
        assert_eq!(
            of_numbers(d("1.0000000000049"), d("1.0000000000049")),
            Some(d("1"))
        );
    }

    #[test]
    fn keeps_at_most_28_places_and_refuses_what_is_not_positive() {
        // √(1e-28 × 1e-28) = 1e-28; a change of ±1e-28 each way is −5e-57: 0 at 28 places.
        assert_eq!(of_numbers(d("1e-28"), d("1e-28")), Some(d("1e-28")));
        assert_eq!(of_changes(d("-1e-28"), d("1e-28")), Some(Decimal::ZERO));
        // Large medians keep 12 digits, then zeros; past 7.9e28 once rounded, none.
        assert_eq!(of_numbers(d("1e20"), d("4e20")), Some(d("2e20")));
        assert_eq!(
            of_numbers(d("123456789012345"), d("123456789012345")),
            Some(d("123456789012000"))
        );
        assert_eq!(of_numbers(Decimal::MAX, Decimal::MAX), None);
        assert_eq!(of_numbers(Decimal::ZERO, d("1")), None);
        assert_eq!(of_numbers(d("-1"), d("1")), None);
        assert_eq!(of_changes(d("-1"), d("1")), None);
        assert_eq!(of_changes(d("-2"), d("1")), None);
    }
}
