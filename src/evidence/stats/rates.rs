//! Lead counts per month: how much more than chance they vary (the figure a plan shows).

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
