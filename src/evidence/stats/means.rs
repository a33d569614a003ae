//! Welch's t test for a change in a mean (say, the average check) between baseline and pilot.

use super::{Estimate, Undefined};
use statrs::distribution::{ContinuousCDF, Normal, StudentsT};

/// A summary of one period's values.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sample {
    /// How many values.
    pub n: u64,
    /// Their mean.
    pub mean: f64,
    /// Their sample variance (n − 1 denominator).
    pub variance: f64,
}

/// Welch's test of the pilot's mean against the baseline's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Welch {
    /// The difference of means, pilot − baseline, with its interval and p-value.
    pub diff: Estimate,
    /// Welch–Satterthwaite degrees of freedom, between min(n0, n1) − 1 and
    /// n0 + n1 − 2. With no variation on either side it is n0 + n1 − 2.
    pub df: f64,
}

/// Welch's unequal-variance t test: d = mean1 − mean0, se = √(v0/n0 + v1/n1),
/// Welch–Satterthwaite degrees of freedom, interval d ± t(0.975, df)·se.
///
/// With no variation on either side (se = 0) the difference is certain: the
/// interval is [d, d], p is 1 if d = 0 and 0 otherwise, and df is n0 + n1 − 2
/// (the Satterthwaite formula is 0/0 there; this is its pooled-test value).
///
/// # Errors
/// [`Undefined::TooFewValues`] when either side has fewer than 2 values;
/// [`Undefined::InvalidInput`] for a mean or variance that is not finite, a
/// negative variance, or means whose difference overflows `f64`.
pub fn welch(base: Sample, pilot: Sample) -> Result<Welch, Undefined> {
    if base.n < 2 || pilot.n < 2 {
        return Err(Undefined::TooFewValues);
    }
    let valid = |s: &Sample| s.mean.is_finite() && s.variance.is_finite() && s.variance >= 0.0;
    if !valid(&base) || !valid(&pilot) {
        return Err(Undefined::InvalidInput);
    }
    let (n0, n1) = (base.n as f64, pilot.n as f64);
    let diff = pilot.mean - base.mean;
    let (a0, a1) = (base.variance / n0, pilot.variance / n1);
    // Finite: each share is at most f64::MAX/2, as n ≥ 2.
    let se = (a0 + a1).sqrt();
    if !diff.is_finite() {
        return Err(Undefined::InvalidInput);
    }
    if se == 0.0 {
        let p_value = if diff == 0.0 { 1.0 } else { 0.0 };
        let diff = Estimate {
            point: diff,
            low: diff,
            high: diff,
            p_value,
        };
        return Ok(Welch {
            diff,
            df: n0 + n1 - 2.0,
        });
    }
    // (a0 + a1)²/(a0²/(n0 − 1) + a1²/(n1 − 1)), written with the shares of
    // se² so that huge variances cannot overflow. It is at least 1 in exact
    // arithmetic; the max only guards the last bit.
    let (s0, s1) = (a0 / (a0 + a1), a1 / (a0 + a1));
    let df = (1.0 / (s0 * s0 / (n0 - 1.0) + s1 * s1 / (n1 - 1.0))).max(1.0);
    let t = diff / se;
    let p_value = (2.0 * t_cdf(df, -t.abs())?).min(1.0);
    let half = t_upper_quantile(df)? * se;
    Ok(Welch {
        diff: Estimate {
            point: diff,
            low: diff - half,
            high: diff + half,
            p_value,
        },
        df,
    })
}

/// Beyond this many degrees of freedom the t distribution is taken as
/// normal: statrs's t distribution function drifts there (3e-9 at 10¹⁰,
/// 5e-5 at 10¹², 0.5 at 10¹⁸, absolute), while the normal is off by less
/// than 1e-9.
const DF_NORMAL: f64 = 1e8;

/// P(T ≤ t) for Student's t with `df` ≥ 1 degrees of freedom (t not NaN).
fn t_cdf(df: f64, t: f64) -> Result<f64, Undefined> {
    if df > DF_NORMAL {
        return Ok(Normal::standard().cdf(t));
    }
    StudentsT::new(0.0, 1.0, df)
        .map(|d| d.cdf(t))
        .map_err(|_| Undefined::InvalidInput)
}

/// t(0.975, df) for df ≥ 1, by bisection on [`t_cdf`]'s lower tail.
///
/// Not statrs's `inverse_cdf`: it loses accuracy above about 10⁴ degrees of
/// freedom (3.5e-6 at 10⁵) and loops forever near 10⁸. Bisection on the
/// same function that gives the p-value also keeps the two consistent: p <
/// 0.05 exactly when the interval leaves out 0.
fn t_upper_quantile(df: f64) -> Result<f64, Undefined> {
    // t(0.975, 1) = 12.706…, and the quantile falls as df grows.
    let (mut low, mut high) = (0.0_f64, 13.0_f64);
    // Halving a width of 13 reaches adjacent floats in about 55 steps.
    for _ in 0..100 {
        let mid = 0.5 * (low + high);
        if mid <= low || mid >= high {
            break;
        }
        if t_cdf(df, -mid)? > 0.025 {
            low = mid;
        } else {
            high = mid;
        }
    }
    Ok(0.5 * (low + high))
}
