//! Shares such as lead-to-booking conversion: the Wilson interval and the change between two periods.

use super::{Estimate, Undefined, Z_95, normal_p};

/// The Wilson (1927) score interval for x successes in n trials at normal
/// quantile `z` (use [`Z_95`] for 95%).
///
/// Stays within [0, 1], and is exactly 0 at x = 0 and 1 at x = n, where the
/// formula's two terms cancel. `None` when n = 0, x > n, or z is negative or
/// not finite.
pub fn wilson(x: u64, n: u64, z: f64) -> Option<(f64, f64)> {
    if n == 0 || x > n || !z.is_finite() || z < 0.0 {
        return None;
    }
    Some(wilson_f(x as f64, n as f64, z))
}

/// Wilson's interval for a share of `x` in `n` trials, where both may be
/// effective (divided by a dispersion): n > 0, 0 ≤ x ≤ n, z finite and ≥ 0.
fn wilson_f(x: f64, n_f: f64, z: f64) -> (f64, f64) {
    let p = x / n_f;
    let z2 = z * z;
    let denom = 1.0 + z2 / n_f;
    let centre = (p + z2 / (2.0 * n_f)) / denom;
    let half = z * (p * (1.0 - p) / n_f + z2 / (4.0 * n_f * n_f)).sqrt() / denom;
    // At x = 0 (or n) the ends are exactly 0 (or 1); computed, they can land
    // a rounding error outside [0, 1].
    let low = if x == 0.0 { 0.0 } else { centre - half };
    let high = if x == n_f { 1.0 } else { centre + half };
    (low, high)
}

/// The change in a share, d = x1/n1 − x0/n0 (pilot minus baseline), with
/// Newcombe's (1998) hybrid score interval from the two Wilson intervals at
/// [`Z_95`], and the p-value of the pooled two-proportion z test (p = 1 when
/// its standard error is 0, which happens only when all or none of the
/// trials succeeded, so d = 0).
///
/// # Errors
/// [`Undefined::NoData`] when neither period has trials;
/// [`Undefined::NoBaseline`] when the baseline has none; [`Undefined::NoPilot`]
/// when the pilot has none; [`Undefined::InvalidInput`] when x > n on either side.
pub fn proportion_difference(x0: u64, n0: u64, x1: u64, n1: u64) -> Result<Estimate, Undefined> {
    if x0 > n0 || x1 > n1 {
        return Err(Undefined::InvalidInput);
    }
    match (n0, n1) {
        (0, 0) => return Err(Undefined::NoData),
        (0, _) => return Err(Undefined::NoBaseline),
        (_, 0) => return Err(Undefined::NoPilot),
        _ => {}
    }
    Ok(newcombe(x0 as f64, n0 as f64, x1 as f64, n1 as f64))
}

/// [`proportion_difference`] for shares whose months vary more than chance:
/// Newcombe's interval and the pooled z test on the effective counts x/φ and
/// n/φ (the design-effect correction), φ the months' quasi-binomial
/// dispersion ([`super::share_dispersion`], at least 1). The point is the
/// raw difference; with φ = 1 the result equals [`proportion_difference`].
///
/// # Errors
/// As [`proportion_difference`]; a φ below 1 or not finite is
/// [`Undefined::InvalidInput`].
pub fn proportion_difference_dispersed(
    x0: u64,
    n0: u64,
    x1: u64,
    n1: u64,
    phi: f64,
) -> Result<Estimate, Undefined> {
    if !(phi.is_finite() && phi >= 1.0) {
        return Err(Undefined::InvalidInput);
    }
    proportion_difference(x0, n0, x1, n1)?;
    let e = |v: u64| v as f64 / phi;
    Ok(newcombe(e(x0), e(n0), e(x1), e(n1)))
}

/// Newcombe's hybrid score interval and the pooled z test; both n > 0.
fn newcombe(x0: f64, n0: f64, x1: f64, n1: f64) -> Estimate {
    let ((l0, u0), (l1, u1)) = (wilson_f(x0, n0, Z_95), wilson_f(x1, n1, Z_95));
    let (p0, p1) = (x0 / n0, x1 / n1);
    let d = p1 - p0;
    let low = d - ((p1 - l1).powi(2) + (u0 - p0).powi(2)).sqrt();
    let high = d + ((u1 - p1).powi(2) + (p0 - l0).powi(2)).sqrt();

    let pooled = (x0 + x1) / (n0 + n1);
    let se = (pooled * (1.0 - pooled) * (1.0 / n0 + 1.0 / n1)).sqrt();
    let p_value = if se > 0.0 {
        normal_p(d / se)
    } else if d == 0.0 {
        1.0
    } else {
        0.0
    };
    Estimate {
        point: d,
        low,
        high,
        p_value,
    }
}
