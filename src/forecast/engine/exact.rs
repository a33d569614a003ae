//! Exactness checks for `Decimal`: rust_decimal rounds silently when a
//! result needs more than its 96 bits, so each sum and product is checked
//! for digits it dropped.
//!
//! Digits dropped beyond the 18th decimal place are let go: measured rates
//! with twelve places (what `roi pilot` writes) multiply into products of
//! forty places, which no decimal holds, yet what is lost lies below 5·10⁻¹⁹,
//! ten orders of magnitude under the 8 places of a printed ratio and sixteen
//! under a kopeck. What is refused is rounding that reaches the figures a
//! person reads: a 27-digit average check times 0.123456789 keeps 2 places.

use super::Limit;
use rust_decimal::Decimal;

/// Rounding at or beyond this decimal place is let go (see the module's note).
pub const GUARD_PLACES: u32 = 18;

/// The largest mantissa a decimal holds, 2⁹⁶ − 1.
const MAX_MANTISSA: u128 = (1 << 96) - 1;

/// `a + b`, refused when the result had to be rounded.
///
/// The common case is settled in i128 without rust_decimal: two non-zero
/// terms whose scales differ by at most 9 places align within 2¹²⁶, and
/// when their sum fits 96 bits it is the exact sum, which is also what
/// rust_decimal returns (at the larger scale, a zero sum unsigned); so is a
/// sum with a zero term, which rust_decimal returns as the other term.
/// Everything else — a wider scale gap, a sum past 96 bits — takes the full
/// check.
#[inline(always)]
pub(super) fn add(a: Decimal, b: Decimal) -> Result<Decimal, Limit> {
    let (ma, mb) = (a.mantissa(), b.mantissa());
    // rust_decimal looks at the first term first: 0 + b is b as it is.
    if ma == 0 {
        return Ok(b);
    }
    if mb == 0 {
        return Ok(a);
    }
    let (sa, sb) = (a.scale(), b.scale());
    if sa.abs_diff(sb) <= 9 {
        // 10⁹ < 2³⁰, so the aligned term stays below 2¹²⁶ and the sum in i128.
        let (ma, mb, scale) = if sa >= sb {
            (ma, mb * 10i128.pow(sa - sb), sa)
        } else {
            (ma * 10i128.pow(sb - sa), mb, sb)
        };
        let sum = ma + mb;
        if sum.unsigned_abs() <= MAX_MANTISSA {
            return Ok(from_mantissa(sum.unsigned_abs(), sum < 0, scale));
        }
    }
    add_checked(a, b)
}

/// `a + b` by rust_decimal, then checked for digits it dropped (kept out of
/// line, so the fast path inlines small into every checked step). A sum is
/// computed at the larger scale of its terms; when that does not fit,
/// rust_decimal drops `k` trailing digits, which loses nothing only if they
/// were all zeros.
#[inline(never)]
fn add_checked(a: Decimal, b: Decimal) -> Result<Decimal, Limit> {
    let r = a.checked_add(b).ok_or(Limit::Magnitude)?;
    let scale = a.scale().max(b.scale());
    if r.scale() >= scale.min(GUARD_PLACES) {
        return Ok(r);
    }
    // The last k digits of the exact sum's mantissa at `scale`, from each
    // term's last digits: every figure stays below 10^28, well inside i128.
    let k = scale - r.scale();
    let last = |d: Decimal| {
        let shift = scale - d.scale();
        if shift >= k {
            0
        } else {
            d.mantissa().rem_euclid(10i128.pow(k - shift)) * 10i128.pow(shift)
        }
    };
    if (last(a) + last(b)).rem_euclid(10i128.pow(k)) == 0 {
        Ok(r)
    } else {
        Err(Limit::Digits)
    }
}

/// `a × b`, refused when the result had to be rounded.
///
/// The common case is settled without rust_decimal: a product with zero is
/// a plain 0 (as rust_decimal makes it), and non-zero factors below 2⁶⁴
/// whose product fits 96 bits at a scale of at most 28 are multiplied
/// exactly in u128, which is what rust_decimal returns too (it rounds only
/// past 96 bits or 28 places). Everything else takes the full check.
#[inline(always)]
pub(super) fn mul(a: Decimal, b: Decimal) -> Result<Decimal, Limit> {
    let (ma, mb) = (a.mantissa(), b.mantissa());
    if ma == 0 || mb == 0 {
        return Ok(Decimal::ZERO);
    }
    let scale = a.scale() + b.scale();
    let (ua, ub) = (ma.unsigned_abs(), mb.unsigned_abs());
    if scale <= 28 && ua <= u128::from(u64::MAX) && ub <= u128::from(u64::MAX) {
        let product = ua * ub;
        if product <= MAX_MANTISSA {
            return Ok(from_mantissa(product, (ma < 0) != (mb < 0), scale));
        }
    }
    mul_checked(a, b)
}

/// `a × b` by rust_decimal, then checked for digits it dropped. The exact
/// product has the scale of both factors together; rust_decimal drops `k`
/// digits when that does not fit, losing nothing only when the product of
/// the mantissas ends in k zeros, that is, when it holds k twos and k fives.
#[inline(never)]
fn mul_checked(a: Decimal, b: Decimal) -> Result<Decimal, Limit> {
    let r = a.checked_mul(b).ok_or(Limit::Magnitude)?;
    if a.is_zero() || b.is_zero() {
        return Ok(r);
    }
    let scale = a.scale() + b.scale();
    if r.scale() >= scale.min(GUARD_PLACES) {
        return Ok(r);
    }
    let k = scale - r.scale();
    let (ma, mb) = (a.mantissa().unsigned_abs(), b.mantissa().unsigned_abs());
    if times_divisible(ma, 2) + times_divisible(mb, 2) >= k
        && times_divisible(ma, 5) + times_divisible(mb, 5) >= k
    {
        Ok(r)
    } else {
        Err(Limit::Digits)
    }
}

/// The decimal `±magnitude / 10^scale`, built from its parts by
/// rust_decimal's inlined constructor (`from_i128_with_scale` stays a call
/// per step). Callers keep `magnitude` within 96 bits and `scale` within 28.
#[inline(always)]
fn from_mantissa(magnitude: u128, negative: bool, scale: u32) -> Decimal {
    debug_assert!(magnitude <= MAX_MANTISSA && scale <= 28);
    Decimal::from_parts(
        magnitude as u32,
        (magnitude >> 32) as u32,
        (magnitude >> 64) as u32,
        negative,
        scale,
    )
}

/// How many times `p` divides `m` (m > 0).
fn times_divisible(mut m: u128, p: u128) -> u32 {
    let mut n = 0;
    while m.is_multiple_of(p) {
        m /= p;
        n += 1;
    }
    n
}

/// A ratio is shown to 8 places: below 10^20 a decimal has room for them
/// (20 + 8 digits), beyond it they would be silently missing.
pub(super) fn shows_as_ratio(r: Decimal) -> bool {
    r.abs() < Decimal::from_i128_with_scale(100_000_000_000_000_000_000, 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn products_are_exact_or_refused() {
        // The case: 0.123456789 × 123456789012345678901234567 has
        // 36 significant digits; the exact product ends …467.777777777…
        let check = d("123456789012345678901234567");
        assert_eq!(mul(d("0.123456789"), check), Err(Limit::Digits));
        // Trailing zeros dropped lose nothing: 0.5 × 0.2 = 0.10 at any scale.
        assert_eq!(
            mul(
                d("0.5000000000000000000000000000"),
                d("0.2000000000000000000000000000")
            ),
            Ok(d("0.1"))
        );
        // Rounding beyond the 18th place is let go: 1e-40 is zero to 28 places,
        // and two twelve-place rates keep 28 of their 40 places.
        assert_eq!(mul(d("1e-20"), d("1e-20")), Ok(Decimal::ZERO));
        let long = mul(d("0.3837837837840000001"), d("0.2443181818180000001")).unwrap();
        assert_eq!(long.scale(), 28);
        // Exactly 0.09376535626533931210212219656020000001 (Python's decimal).
        assert_eq!(long, d("0.0937653562653393121021221966"));
        // …but not at the 17th: 123456789012.358015678901234567 needs 30 digits.
        assert_eq!(
            mul(d("1000000000000.1"), d("0.12345678901234567")),
            Err(Limit::Digits)
        );
        assert_eq!(mul(Decimal::MAX, d("2")), Err(Limit::Magnitude));
        assert_eq!(mul(d("1.5"), d("2.5")), Ok(d("3.75")));
        assert_eq!(mul(Decimal::ZERO, d("1e-28")), Ok(Decimal::ZERO));
    }

    #[test]
    fn sums_are_exact_or_refused() {
        // 7e28 + 0.5 needs 30 digits; rust_decimal would give 7e28.
        let big = d("70000000000000000000000000000");
        assert_eq!(add(big, d("0.5")), Err(Limit::Digits));
        assert_eq!(add(big, d("-0.5")), Err(Limit::Digits));
        // 7e28 + 0.0 at a long scale loses only zeros.
        assert_eq!(add(big, d("0.000")), Ok(big));
        assert_eq!(add(big, big), Err(Limit::Magnitude));
        assert_eq!(add(d("0.1"), d("0.2")), Ok(d("0.3")));
        assert_eq!(add(d("-1.25"), d("0.25")), Ok(d("-1")));
        // 1e27 + 1e-27 needs 55 digits.
        assert_eq!(add(d("1e27"), d("1e-27")), Err(Limit::Digits));
    }

    /// A decimal as its 16 bytes: equal values at different scales, or zeros
    /// of different signs, print differently, so the fast paths must match
    /// the reference bit for bit, not just in value.
    fn bits(r: Result<Decimal, Limit>) -> Result<[u8; 16], Limit> {
        r.map(|d| d.serialize())
    }

    /// Decimals of every width the engine meets: zeros of both signs, small
    /// counts, 64-bit and full 96-bit mantissas, round figures with trailing
    /// zeros, at every scale.
    fn any_decimal() -> impl Strategy<Value = Decimal> {
        let mantissa = prop_oneof![
            Just(0i128),
            -1000i128..1000,
            any::<i32>().prop_map(i128::from),
            any::<i64>().prop_map(i128::from),
            (-(MAX_MANTISSA as i128)..=MAX_MANTISSA as i128),
            (any::<i32>(), 0u32..20).prop_map(|(m, z)| i128::from(m) * 10i128.pow(z)),
        ];
        (mantissa, 0u32..=28, any::<bool>()).prop_map(|(m, scale, negative_zero)| {
            let d = Decimal::from_i128_with_scale(m, scale);
            if m == 0 && negative_zero { -d } else { d }
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]

        /// The fast paths answer exactly as the full check (the engine's
        /// implementation before them, kept as `add_checked`/`mul_checked`).
        #[test]
        fn fast_paths_agree_with_the_full_check(a in any_decimal(), b in any_decimal()) {
            prop_assert_eq!(bits(add(a, b)), bits(add_checked(a, b)));
            prop_assert_eq!(bits(add(a, -b)), bits(add_checked(a, -b)));
            prop_assert_eq!(bits(mul(a, b)), bits(mul_checked(a, b)));
            // Sums of zero (whose sign and scale rust_decimal chooses), also
            // of the same value written at a longer scale.
            let wide = (a.mantissa().checked_mul(1000))
                .and_then(|m| Decimal::try_from_i128_with_scale(m, a.scale() + 3).ok());
            prop_assert_eq!(bits(add(a, -a)), bits(add_checked(a, -a)));
            if let Some(w) = wide {
                prop_assert_eq!(bits(add(a, -w)), bits(add_checked(a, -w)));
                prop_assert_eq!(bits(add(-w, a)), bits(add_checked(-w, a)));
            }
        }
    }

    #[test]
    fn ratios_need_room_for_eight_places() {
        assert!(shows_as_ratio(d("99999999999999999999.99999999")));
        assert!(!shows_as_ratio(d("100000000000000000000")));
        assert!(!shows_as_ratio(d("-46486815754458160575445816.722")));
    }
}
