//! Reference values from scipy 1.17.1 and statsmodels 0.15.0, each beside the Python call that produced it.
//!
//! `python3 tests/reference/stats.py` prints them all. In the calls, `stats`
//! is `scipy.stats`, `proportion` and `rates` are `statsmodels.stats.*`, and
//! `ALPHA_Z95 = 2*stats.norm.sf(1.959964)`: the alpha whose two-sided normal
//! quantile is the spec's [`Z_95`], so statsmodels works with the same z.
//! Tolerances are 1e-9 relative where the math is the same (statrs's normal
//! distribution function alone is off by up to 1e-10); where looser, the
//! test says why.

use super::*;

/// Relative tolerance where the math is the same.
const REL: f64 = 1e-9;

/// `actual` within `rel` of `expected`, relatively; equal values (zeros,
/// infinities) always pass.
#[track_caller]
fn close(actual: f64, expected: f64, rel: f64) {
    assert!(
        actual == expected || (actual - expected).abs() <= rel * expected.abs(),
        "{actual:e} is not within {rel:e} of {expected:e}"
    );
}

/// Every figure of an estimate within `rel` of the reference.
#[track_caller]
fn estimate(e: Estimate, point: f64, low: f64, high: f64, p_value: f64, rel: f64) {
    close(e.point, point, rel);
    close(e.low, low, rel);
    close(e.high, high, rel);
    close(e.p_value, p_value, rel);
}

mod means;
mod monthly;
mod proportions;
mod randomisation;
mod rates;
mod sequential;
