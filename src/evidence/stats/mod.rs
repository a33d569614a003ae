//! Statistics for a before/after pilot: leads, conversion, average check, pilot length.
//!
//! Pure functions on counts and summaries, in `f64`: these are estimates, not
//! money. Intervals and tests are two-sided, at 95%. Nothing here panics:
//! a figure that cannot be computed is an [`Undefined`] (or `None`) that says
//! why, so the command can turn it into a sentence.
//!
//! The distributions come from `statrs` 0.18, whose limits, measured against
//! scipy, shape the code: its Student's t quantile loses accuracy
//! above about 10⁴ degrees of freedom and never returns near 10⁸ (so
//! [`welch`] bisects the t distribution function instead); and its normal
//! distribution function is good to about 1e-10, relatively.

mod means;
mod monthly;
mod proportions;
pub mod randomisation;
mod rates;
mod sequential;
pub mod survival;

pub use means::{Sample, Welch, welch};
pub use monthly::{
    Monthly, Ratio, Share, YearPair, detectable_rise, quasi_poisson_ratio, season_adjusted_ratio,
    share_dispersion, t_p, t_quantile, t_quantile_95,
};
pub use proportions::{proportion_difference, proportion_difference_dispersed, wilson};
pub use rates::{Dispersion, dispersion};
pub use sequential::{
    DesignError, Look, MAX_LOOKS, MIN_STEP, boundaries, information_fractions_rate,
    obrien_fleming_spending, sequential_power,
};

use statrs::distribution::{ContinuousCDF, Normal};

/// The two-sided 95% normal quantile, to the six decimals the spec fixes
/// (the exact value is 1.959963984540054).
pub const Z_95: f64 = 1.959964;

/// A two-sided 95% estimate: point, interval, p-value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    /// The point estimate.
    pub point: f64,
    /// The interval's lower end.
    pub low: f64,
    /// The interval's upper end; may be `+∞` when the data do not bound it.
    pub high: f64,
    /// The two-sided p-value for "no change", in [0, 1].
    pub p_value: f64,
}

/// Why a statistic cannot be computed (each becomes a sentence for the user later).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Undefined {
    /// The baseline has nothing to compare with: no leads or no months
    /// before the pilot (a channel that did not exist yet), or no trials for
    /// a proportion.
    NoBaseline,
    /// The pilot has nothing to measure: no months, or no trials for a proportion.
    NoPilot,
    /// Nothing in either period.
    NoData,
    /// Welch's test needs at least two values on each side to estimate a variance.
    TooFewValues,
    /// An input is not a number, infinite, or out of its domain (a negative
    /// variance, more successes than trials), or the figures are too large
    /// for `f64`.
    InvalidInput,
}

/// Two-sided p-value of a standard normal statistic, from the lower tail so
/// that tiny p-values keep their digits.
fn normal_p(z: f64) -> f64 {
    (2.0 * Normal::standard().cdf(-z.abs())).min(1.0)
}

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;
