//! Lead counts per month: their dispersion, the pilot's rate ratio, and the smallest uplift a pilot can detect.

use super::{Estimate, Undefined, Z_95, Z_POWER_80, normal_p};
use statrs::distribution::{Beta, Binomial, Continuous, ContinuousCDF, DiscreteCDF};

/// Month-to-month variation of the baseline's monthly lead counts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Dispersion {
    /// φ = s²/m, at least 1: how many times the counts vary more than a
    /// Poisson process would. 1 when unknown.
    pub phi: f64,
    /// Whether there were at least two months to estimate it from.
    pub known: bool,
}

/// The dispersion of monthly lead counts: φ = max(1, s²/m), with m the mean
/// and s² the sample variance (n − 1 denominator).
///
/// With fewer than two months φ is 1 and not known; with a mean of 0 (no
/// leads in any month) φ is 1. Below 1 (counts steadier than Poisson) it is
/// held at 1, so a lucky calm baseline never narrows the intervals.
pub fn dispersion(monthly_counts: &[u64]) -> Dispersion {
    if monthly_counts.len() < 2 {
        return Dispersion {
            phi: 1.0,
            known: false,
        };
    }
    let months = monthly_counts.len() as f64;
    let mean = monthly_counts.iter().map(|&c| c as f64).sum::<f64>() / months;
    if mean == 0.0 {
        return Dispersion {
            phi: 1.0,
            known: true,
        };
    }
    // Two passes (deviations from the mean), not Σx² − n·m², which cancels
    // badly when the counts are large and steady.
    let variance = monthly_counts
        .iter()
        .map(|&c| (c as f64 - mean).powi(2))
        .sum::<f64>()
        / (months - 1.0);
    Dispersion {
        phi: (variance / mean).max(1.0),
        known: true,
    }
}

/// How [`rate_ratio`] computed its estimate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateMethod {
    /// φ = 1: the exact conditional test (given n = x0 + x1, X1 ~
    /// Binomial(n, k1/(k0 + k1)); the p-value doubles the smaller tail) and
    /// the Clopper–Pearson interval mapped to the rate-ratio scale.
    Exact,
    /// φ > 1: quasi-Poisson, a Wald test and interval on ln RR with the
    /// Poisson standard error widened by √φ.
    Overdispersed {
        /// Whether 0.5 was added to both counts because the pilot had no
        /// leads (Haldane–Anscombe): ln 0 has no standard error.
        corrected: bool,
    },
    /// φ = 1 but more than [`EXACT_MAX_LEADS`] leads, where statrs's
    /// binomial is no longer accurate: the same Wald test and interval with
    /// φ = 1. With thousands of leads on each side it is as good as the
    /// exact test; with only a few pilot leads against such a baseline it is
    /// rougher.
    LargeCounts {
        /// As for [`RateMethod::Overdispersed`].
        corrected: bool,
    },
}

/// The most leads (baseline plus pilot) for which the exact test is used.
/// Beyond it statrs's binomial distribution function loses accuracy near the
/// middle (relative error about 1e-9 at 10⁵ trials, 1e-5 at 3·10⁵, 2e-3 at
/// 10⁶, measured against scipy) and its Beta quantile can fail to return
/// (seen at 10⁸), so larger counts use the Wald interval.
pub const EXACT_MAX_LEADS: u64 = 100_000;

/// φ at or below this counts as 1: a φ computed as 1 may carry rounding.
const PHI_ONE: f64 = 1.0 + 1e-12;

/// The pilot's rate ratio RR = (x1/k1)/(x0/k0) against the baseline: x0
/// leads in k0 months before, x1 leads in k1 months of the pilot; φ is the
/// baseline's [`dispersion`].
///
/// Point and interval are on the ratio scale (the caller subtracts 1 for an
/// uplift); the upper end may be `+∞`. φ at or below 1 + 1e-12 (or below 1)
/// counts as 1 and gives the exact method up to [`EXACT_MAX_LEADS`] leads;
/// above 1, quasi-Poisson (see [`RateMethod`]).
///
/// # Errors
/// [`Undefined::NoData`] when there are no leads at all;
/// [`Undefined::NoBaseline`] when the baseline has no leads or no months (the
/// ratio is infinite, whatever the method); [`Undefined::NoPilot`] when the
/// pilot has no months; [`Undefined::InvalidInput`] when φ is not finite.
pub fn rate_ratio(
    x0: u64,
    k0: u32,
    x1: u64,
    k1: u32,
    phi: f64,
) -> Result<(Estimate, RateMethod), Undefined> {
    if !phi.is_finite() {
        return Err(Undefined::InvalidInput);
    }
    if k0 == 0 {
        return Err(Undefined::NoBaseline);
    }
    if k1 == 0 {
        return Err(Undefined::NoPilot);
    }
    if x0 == 0 && x1 == 0 {
        return Err(Undefined::NoData);
    }
    if x0 == 0 {
        return Err(Undefined::NoBaseline);
    }
    // Saturating: past u64 the total is only compared with the limit.
    let n = x0.saturating_add(x1);
    let corrected = x1 == 0;
    if phi > PHI_ONE {
        let estimate = wald(x0, k0, x1, k1, phi);
        Ok((estimate, RateMethod::Overdispersed { corrected }))
    } else if n > EXACT_MAX_LEADS {
        let estimate = wald(x0, k0, x1, k1, 1.0);
        Ok((estimate, RateMethod::LargeCounts { corrected }))
    } else {
        exact(x1, k0, k1, n).map(|e| (e, RateMethod::Exact))
    }
}

/// The exact conditional test and the Clopper–Pearson interval (Gu et al.
/// 2008). Needs 0 ≤ x1 < n (the caller has ruled out x0 = 0).
fn exact(x1: u64, k0: u32, k1: u32, n: u64) -> Result<Estimate, Undefined> {
    let (k0, k1) = (f64::from(k0), f64::from(k1));
    // Under RR = 1 each lead falls in the pilot with the pilot's share of the months.
    let null = Binomial::new(k1 / (k0 + k1), n).map_err(|_| Undefined::InvalidInput)?;
    let at_most = null.cdf(x1);
    let at_least = if x1 == 0 { 1.0 } else { null.sf(x1 - 1) };
    let p_value = (2.0 * at_most.min(at_least)).min(1.0);

    // Clopper–Pearson for the pilot's share π of the n leads, as odds
    // π/(1 − π); RR = odds·k0/k1, since π = RR·k1/(k0 + RR·k1). x1 < n, as
    // x0 ≥ 1, so the upper end is finite.
    let odds_low = if x1 == 0 {
        0.0
    } else {
        beta_odds(x1 as f64, (n - x1 + 1) as f64, 0.025)?
    };
    let odds_high = beta_odds((x1 + 1) as f64, (n - x1) as f64, 0.975)?;
    let x0 = (n - x1) as f64;
    Ok(Estimate {
        point: (x1 as f64 / k1) / (x0 / k0),
        low: odds_low * k0 / k1,
        high: odds_high * k0 / k1,
        p_value,
    })
}

/// π/(1 − π) for the q-quantile π of Beta(a, b), a and b at least 1.
///
/// Whichever of π and 1 − π is smaller is computed as a quantile itself
/// (1 − π is the (1 − q)-quantile of Beta(b, a)), never by subtraction from
/// a number near 1, so both ends keep their relative accuracy.
fn beta_odds(a: f64, b: f64, q: f64) -> Result<f64, Undefined> {
    let share = beta_quantile(a, b, q)?;
    if share <= 0.5 {
        Ok(share / (1.0 - share))
    } else {
        let rest = beta_quantile(b, a, 1.0 - q)?;
        Ok((1.0 - rest) / rest)
    }
}

/// The q-quantile of Beta(a, b), a and b at least 1: statrs's estimate, then
/// Newton steps on statrs's own distribution function.
///
/// statrs's inverse (AS 109) stops at an absolute error near 3e-8, which
/// near 0 is a large relative one: 5e-6 for Beta(3, 60761) at 0.025, against
/// scipy. From that close a start Newton converges in two or three steps;
/// the fixed cap and the guards keep it from wandering.
fn beta_quantile(a: f64, b: f64, q: f64) -> Result<f64, Undefined> {
    let beta = Beta::new(a, b).map_err(|_| Undefined::InvalidInput)?;
    let mut x = beta.inverse_cdf(q);
    for _ in 0..4 {
        let density = beta.pdf(x);
        if !(density.is_finite() && density > 0.0) {
            break;
        }
        let next = x - (beta.cdf(x) - q) / density;
        if next == x || !(next > 0.0 && next < 1.0) {
            break;
        }
        x = next;
    }
    Ok(x)
}

/// Wald on ln RR with se = √(φ(1/x1 + 1/x0)); 0.5 added to both counts when
/// the pilot has none (x0 ≥ 1 here). φ is finite and at least 1.
fn wald(x0: u64, k0: u32, x1: u64, k1: u32, phi: f64) -> Estimate {
    let add = if x1 == 0 { 0.5 } else { 0.0 };
    let (a0, a1) = (x0 as f64 + add, x1 as f64 + add);
    let point = (a1 / f64::from(k1)) / (a0 / f64::from(k0));
    let log_ratio = point.ln();
    // May overflow to +∞ for an absurd φ: the interval is then (0, +∞) and p = 1.
    let se = (phi * (1.0 / a1 + 1.0 / a0)).sqrt();
    Estimate {
        point,
        low: (log_ratio - Z_95 * se).exp(),
        high: (log_ratio + Z_95 * se).exp(),
        p_value: normal_p(log_ratio / se),
    }
}

/// The smallest uplift (as a share, 0.4 = +40%) a pilot of k1 months detects
/// with 80% power in a two-sided 5% test, against a k0-month baseline of
/// `mean_per_month` leads a month with dispersion φ:
/// exp((Z_95 + Z_POWER_80)·√(φ/m·(1/k1 + 1/k0))) − 1.
///
/// The log-scale normal approximation behind the quasi-Poisson test; φ below
/// 1 counts as 1, as in [`rate_ratio`]. `None` when the mean is not a positive
/// finite number, φ is not finite, or either period has no months. May be
/// `+∞` for a vanishing mean.
pub fn minimum_detectable_uplift(phi: f64, mean_per_month: f64, k0: u32, k1: u32) -> Option<f64> {
    let per_month = variance_per_month(phi, mean_per_month, k0)?;
    if k1 == 0 {
        return None;
    }
    Some(mde(per_month, k0, f64::from(k1)))
}

/// φ/m with φ held at 1 or more, or `None` for inputs with no answer.
fn variance_per_month(phi: f64, mean_per_month: f64, k0: u32) -> Option<f64> {
    let valid = phi.is_finite() && mean_per_month.is_finite() && mean_per_month > 0.0 && k0 > 0;
    valid.then(|| phi.max(1.0) / mean_per_month)
}

/// The MDE for a pilot of `k1` months (a float, so any month count fits).
fn mde(per_month: f64, k0: u32, k1: f64) -> f64 {
    let se = (per_month * (1.0 / k1 + 1.0 / f64::from(k0))).sqrt();
    ((Z_95 + Z_POWER_80) * se).exp_m1()
}

/// The shortest pilot, in whole months, whose [`minimum_detectable_uplift`]
/// is at most `uplift` (a share: 0.3 = +30%).
///
/// `None` when the uplift is not positive, no pilot of at most `max_months`
/// reaches it, or the inputs have no MDE. Some uplifts no pilot reaches: the
/// baseline's own noise stays, so as k1 → ∞ the MDE falls only to
/// exp((Z_95 + Z_POWER_80)·√(φ/(m·k0))) − 1; below that only a longer
/// baseline helps.
pub fn months_to_detect(
    phi: f64,
    mean_per_month: f64,
    k0: u32,
    uplift: f64,
    max_months: u32,
) -> Option<u32> {
    let per_month = variance_per_month(phi, mean_per_month, k0)?;
    if uplift.is_nan() || uplift <= 0.0 {
        return None;
    }
    // MDE(k1) ≤ u ⇔ 1/k1 ≤ (ln(1 + u)/c)²·m/φ − 1/k0 =: room; none if room ≤ 0.
    let room = (uplift.ln_1p() / (Z_95 + Z_POWER_80)).powi(2) / per_month - 1.0 / f64::from(k0);
    if room.is_nan() || room <= 0.0 {
        return None;
    }
    // The closed form can miss by one month through rounding; settle it on
    // the very function the caller will show. Clamped so a huge answer
    // stays a number the checks below reject.
    let reaches = |k: u64| mde(per_month, k0, k as f64) <= uplift;
    let limit = u64::from(max_months) + 1;
    let mut months = ((1.0 / room).ceil() as u64).clamp(1, limit);
    if months > 1 && reaches(months - 1) {
        months -= 1;
    }
    if !reaches(months) {
        months += 1;
    }
    if months <= u64::from(max_months) && reaches(months) {
        u32::try_from(months).ok()
    } else {
        None
    }
}

/// The seasonal check: the pilot's leads against what the season alone
/// predicts, `actual / (prev_pilot · base / prev_base)`, where `prev_pilot`
/// and `prev_base` are the same calendar months a year earlier. Its interval
/// is on the log scale with the delta method's
/// `se = √(φ·(1/actual + 1/prev_pilot + 1/base + 1/prev_base))` — four
/// independent counts, each as noisy as the baseline's months are.
///
/// # Errors
/// [`Undefined::NoBaseline`] when a count it divides by is zero (no year-earlier
/// or baseline leads); [`Undefined::NoPilot`] when the pilot has no leads;
/// [`Undefined::InvalidInput`] when φ is not finite.
pub fn seasonal_ratio(
    actual: u64,
    prev_pilot: u64,
    base: u64,
    prev_base: u64,
    phi: f64,
) -> Result<Estimate, Undefined> {
    if !phi.is_finite() {
        return Err(Undefined::InvalidInput);
    }
    if prev_pilot == 0 || base == 0 || prev_base == 0 {
        return Err(Undefined::NoBaseline);
    }
    if actual == 0 {
        return Err(Undefined::NoPilot);
    }
    let [a, p, b, q] = [actual, prev_pilot, base, prev_base].map(|x| x as f64);
    let point = a / (p * b / q);
    let log_ratio = point.ln();
    let se = (phi.max(1.0) * (1.0 / a + 1.0 / p + 1.0 / b + 1.0 / q)).sqrt();
    Ok(Estimate {
        point,
        low: (log_ratio - Z_95 * se).exp(),
        high: (log_ratio + Z_95 * se).exp(),
        p_value: normal_p(log_ratio / se),
    })
}
