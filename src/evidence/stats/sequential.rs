//! Group-sequential boundaries: a pilot looked at every month, acted on at the first "scale" or "stop", still wrongly says "scale" at most α/2 of the time.
//!
//! Looking at a fixed-sample 5% test every month and acting on the first
//! p < 0.05 raises the false-alarm rate well above 5%. Instead each look j
//! has its own critical value c_j for |z|, set so that the chance of
//! crossing, under no effect, is spent a little at a time: **Lan–DeMets
//! α-spending with the O'Brien–Fleming-type function**, two-sided and
//! symmetric (a "scale" boundary +c_j and a "stop" boundary −c_j, α/2 for
//! each side).
//!
//! Each side spends the one-sided Lan–DeMets (1983) O'Brien–Fleming-type
//! function at its own level α/2, α₁(t) = 2 − 2Φ(z_{1−α/4}/√t), so both
//! sides together spend
//!
//! α(t) = 2·α₁(t) = 4 − 4Φ(z_{1−α/4}/√t) = 4Φ(−z_{1−α/4}/√t),
//!
//! with z_{1−α/4} = Φ⁻¹(1 − α/4) and α(1) = α. It is the spending of
//! gsDesign's `sfLDOF` with `test.type = 2, alpha = α/2` and of rpact's
//! `typeOfDesign = "asOF", sided = 2, alpha = α`; with α = 0.05 and five
//! equally spaced looks its boundaries are the familiar 4.877, 3.357,
//! 2.680, 2.290, 2.031. (Applying the one-sided form 2 − 2Φ(z_{1−α/2}/√t)
//! to |z| instead, as some write the two-sided case, spends far more at the
//! early looks: 4.38 rather than 4.88 at the first of five.)
//!
//! The boundaries come from the recursion of Armitage, McPherson and Rowe
//! (1969), in the form of Jennison and Turnbull (2000, ch. 19): with the
//! score B(t) = Z(t)·√t a Brownian motion (drift θ at full information,
//! independent normal increments), the sub-density of Z_j over the paths
//! that have crossed no boundary yet follows from the one before by one
//! normal convolution, integrated by Simpson's rule; each c_j is then found
//! by bisection so that P(cross at look j, not before | no effect) is the
//! look's increment α(t_j) − α(t_{j−1}). The grid is evenly spaced, at most
//! 0.01 apart in z and finer when looks are close together in information
//! (at most 1/16 of the normal kernel's spread on either side of the look),
//! which keeps every boundary within 1e-8 of its converged value (the tests
//! halve the spacing to check).
//!
//! Everything here is under the normal approximation to the test
//! statistic: the rate ratio's Wald z on ln RR, say, with its information
//! growing as the pilot does ([`information_fractions_rate`]).

use super::normal_p;
use statrs::distribution::{ContinuousCDF, Normal};
use statrs::function::erf::erfc;
use std::ops::Range;

/// The most looks a design may have: three years of monthly looks.
pub const MAX_LOOKS: usize = 36;

/// The smallest share of a look's information that it may add to the look
/// before: (t_j − t_{j−1})/t_j ≥ 1e-5. Closer looks need a grid so fine
/// (its spacing follows √ of this share) that it would take seconds, and
/// such a look spends next to nothing anyway.
pub const MIN_STEP: f64 = 1e-5;

/// The smallest α increment a look may spend. Below it the boundary lies
/// past z ≈ 37, where the normal tail leaves `f64`: only a first look
/// before 0.37% of the information (at α = 0.05) comes to this.
const MIN_INCREMENT: f64 = 1e-300;

/// One look of a design: where it is and where its boundary lies.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Look {
    /// The look's information fraction t_j, in (0, 1].
    pub fraction: f64,
    /// The critical value for the look's two-sided z: z ≥ this crosses the
    /// "scale" boundary, z ≤ −this the "stop" one. Finite and positive.
    pub z: f64,
    /// The nominal two-sided p-value threshold, 2(1 − Φ(z)): the look's
    /// ordinary two-sided p-value at or below it crosses.
    pub p_value: f64,
    /// The two-sided α spent by this look and those before it, α(t_j):
    /// the chance, under no effect, of having crossed either boundary by
    /// now. α itself at t = 1.
    pub spent: f64,
}

/// Why a design has no boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DesignError {
    /// No looks, or more than [`MAX_LOOKS`].
    LookCount,
    /// α is not in (0, 1).
    Alpha,
    /// The information fractions are not all in (0, 1], or not strictly
    /// increasing (NaN included).
    Fractions,
    /// Two looks are closer than [`MIN_STEP`] in information.
    TooClose,
    /// A look spends less than 1e-300 of α: a first look so early that its
    /// boundary is beyond what `f64` can tell apart.
    TooEarly,
}

/// The O'Brien–Fleming-type spending function: the cumulative two-sided α
/// spent by information fraction t, α(t) = 4Φ(−z_{1−α/4}/√t) (half of it on
/// each side; see the module's introduction for why this form).
///
/// 0 at t ≤ 0 and exactly α at t ≥ 1 (t is held in [0, 1]). NaN when t is
/// NaN or α is not in (0, 1).
pub fn obrien_fleming_spending(t: f64, alpha: f64) -> f64 {
    if t.is_nan() || !(alpha > 0.0 && alpha < 1.0) {
        return f64::NAN;
    }
    if t <= 0.0 {
        return 0.0;
    }
    if t >= 1.0 {
        // The formula gives α only up to rounding; the last look spends exactly what was promised.
        return alpha;
    }
    let z = -Normal::standard().inverse_cdf(alpha / 4.0);
    4.0 * lower_tail(-z / t.sqrt())
}

/// The boundaries of a two-sided O'Brien–Fleming-type design with looks at
/// the information fractions `fractions` (t_1 < … < t_K ≤ 1) and two-sided
/// level α, one [`Look`] for each.
///
/// Look j's critical value makes the chance of crossing at look j, and at
/// none before, equal to α(t_j) − α(t_{j−1}) when there is no effect; the
/// chance of crossing at some look is then α(t_K), which is α when t_K = 1.
/// A look's boundary depends only on the looks up to it, so a design whose
/// later looks are not yet known can be computed look by look (with t
/// measured against the planned full information).
///
/// # Errors
/// [`DesignError::LookCount`] for no looks or more than [`MAX_LOOKS`];
/// [`DesignError::Alpha`] for α outside (0, 1); [`DesignError::Fractions`]
/// when the fractions are not strictly increasing within (0, 1];
/// [`DesignError::TooClose`] for two looks closer than [`MIN_STEP`];
/// [`DesignError::TooEarly`] for a first look before about 0.4% of the
/// information.
pub fn boundaries(fractions: &[f64], alpha: f64) -> Result<Vec<Look>, DesignError> {
    boundaries_at(fractions, alpha, Resolution::DEFAULT)
}

/// [`boundaries`] on a grid of the given resolution (the tests refine it).
pub(super) fn boundaries_at(
    fractions: &[f64],
    alpha: f64,
    resolution: Resolution,
) -> Result<Vec<Look>, DesignError> {
    check_fractions(fractions)?;
    if !(alpha > 0.0 && alpha < 1.0) {
        return Err(DesignError::Alpha);
    }
    let mut looks = Vec::with_capacity(fractions.len());
    let mut grid = Grid::start();
    let mut spent_before = 0.0;
    for (j, &t) in fractions.iter().enumerate() {
        let spent = obrien_fleming_spending(t, alpha);
        let z = solve(&grid, t, spent - spent_before)?;
        looks.push(Look {
            fraction: t,
            z,
            p_value: normal_p(z),
            spent,
        });
        if j + 1 < fractions.len() {
            grid = grid.next(t, z, 0.0, resolution.step(fractions, j));
        }
        spent_before = spent;
    }
    Ok(looks)
}

/// The information fractions of looks after `looks[j]` months of a pilot
/// against a `k0`-month baseline, for the rate ratio: t_j = I(looks[j]) /
/// I(looks[K]), the last look being the full information.
///
/// ln RR̂ has variance 1/(k0·λ) + 1/(k1·λ) at a common monthly rate λ (no
/// effect), so the information after k1 months is proportional to
/// 1/(1/k0 + 1/k1) = k0·k1/(k0 + k1); λ and any overdispersion φ scale it
/// and cancel in the ratio. Information grows ever more slowly: with a
/// 6-month baseline, looks after 1, 2 and 3 months are at 3/7, 3/4 and 1.
///
/// The helper only maps: looks that are not increasing, a look of 0
/// months or a baseline of 0 months (fractions of 0 or NaN) give fractions
/// that [`boundaries`] refuses. No looks give none.
pub fn information_fractions_rate(k0: u32, looks: &[u32]) -> Vec<f64> {
    let k0 = f64::from(k0);
    let information = |k1: u32| {
        let k1 = f64::from(k1);
        k0 * k1 / (k0 + k1)
    };
    let full = looks.last().map_or(f64::NAN, |&k| information(k));
    looks.iter().map(|&k| information(k) / full).collect()
}

/// The power of a design: the chance that the pilot crosses the "scale"
/// boundary (z ≥ c_j) at some look before it crosses the "stop" one, when
/// the effect makes z at full information (t = 1) have mean `drift`.
///
/// z_j then has mean drift·√t_j. For a pilot measured by ln RR with
/// standard error se(1) at full information, drift = ln RR / se(1); for
/// the rate ratio, se(1)² = φ/m·(1/k1 + 1/k0) as in
/// [`super::minimum_detectable_uplift`]. A one-look design (t = 1, z =
/// 1.959964) at drift 1.959964 + 0.841621 has power 80% (less the tiny
/// chance of "stop"); more looks give a little less at the same drift.
///
/// `None` when `looks` is not a design [`boundaries`] could have made (no
/// looks, too many, fractions out of order or too close, a critical value
/// that is negative or not finite) or `drift` is not finite.
pub fn sequential_power(looks: &[Look], drift: f64) -> Option<f64> {
    let fractions: Vec<f64> = looks.iter().map(|l| l.fraction).collect();
    check_fractions(&fractions).ok()?;
    let valid = drift.is_finite() && looks.iter().all(|l| l.z.is_finite() && l.z >= 0.0);
    if !valid {
        return None;
    }
    let resolution = Resolution::DEFAULT;
    let mut grid = Grid::start();
    let mut power = 0.0;
    for (j, look) in looks.iter().enumerate() {
        let (upper, _lower) = grid.crossing(look.fraction, look.z, drift);
        power += upper;
        if j + 1 < looks.len() {
            grid = grid.next(look.fraction, look.z, drift, resolution.step(&fractions, j));
        }
    }
    Some(power.clamp(0.0, 1.0))
}

/// Between 1 and [`MAX_LOOKS`] fractions, strictly increasing within
/// (0, 1], each at least [`MIN_STEP`] past the one before.
fn check_fractions(fractions: &[f64]) -> Result<(), DesignError> {
    if fractions.is_empty() || fractions.len() > MAX_LOOKS {
        return Err(DesignError::LookCount);
    }
    let mut before = 0.0;
    for &t in fractions {
        if !(t > before && t <= 1.0) {
            return Err(DesignError::Fractions);
        }
        if t - before < MIN_STEP * t {
            return Err(DesignError::TooClose);
        }
        before = t;
    }
    Ok(())
}

/// The critical value c at which P(cross at this look, not before | no
/// effect) is `increment`, by bisection: the crossing chance falls as c
/// grows.
fn solve(grid: &Grid, t: f64, increment: f64) -> Result<f64, DesignError> {
    if !(increment >= MIN_INCREMENT) {
        return Err(DesignError::TooEarly);
    }
    let crossing = |c: f64| {
        let (upper, lower) = grid.crossing(t, c, 0.0);
        upper + lower
    };
    // This look alone crosses with 2Φ(−c), at least the chance of crossing
    // here and not before, so the root lies below the one-look boundary
    // (reached exactly at the first look); the margin absorbs rounding.
    let mut low = 0.0;
    let mut high = -Normal::standard().inverse_cdf(increment / 2.0) + 0.5;
    if !high.is_finite() {
        return Err(DesignError::TooEarly);
    }
    // Down to 1e-13 in z, far below the grid's own error; each halving
    // costs one pass over the grid.
    while high - low > 1e-13 {
        let middle = 0.5 * (low + high);
        if middle <= low || middle >= high {
            break;
        }
        if crossing(middle) > increment {
            low = middle;
        } else {
            high = middle;
        }
    }
    Ok(0.5 * (low + high))
}

/// How finely the sub-densities are laid out.
#[derive(Debug, Clone, Copy)]
pub(super) struct Resolution {
    /// The widest spacing of the grid, in z.
    pub max_step: f64,
    /// How many grid steps at least span one standard deviation of the
    /// normal kernel into and out of a look.
    pub per_sd: f64,
}

impl Resolution {
    /// The resolution [`boundaries`] and [`sequential_power`] use: halving
    /// it moves no boundary by more than 1e-8 in the tests' designs.
    pub const DEFAULT: Resolution = Resolution {
        max_step: 0.01,
        per_sd: 16.0,
    };

    /// The grid spacing at look j (not the last): the kernel that leads
    /// into look j has spread √((t_j − t_{j−1})/t_j) in z_j, the one that
    /// leads out √((t_{j+1} − t_j)/t_j); the sub-density has features as
    /// narrow as the first and is integrated against the second.
    fn step(self, fractions: &[f64], j: usize) -> f64 {
        let t = fractions[j];
        let before = if j == 0 { 0.0 } else { fractions[j - 1] };
        let after = fractions.get(j + 1).copied().unwrap_or(1.0);
        let into = ((t - before) / t).sqrt();
        let out = ((after - t) / t).sqrt();
        (into.min(out) / self.per_sd).min(self.max_step)
    }
}

/// How far, in standard deviations, the grid reaches from the mean of z,
/// and the kernel from its centre: φ(10) ≈ 8e-23, nothing next to the
/// probabilities that matter.
const REACH: f64 = 10.0;

/// The sub-density of z at one look over the paths that have crossed no
/// boundary yet, at evenly spaced points, each times its Simpson weight:
/// summing it against a function integrates that function over those paths.
struct Grid {
    /// The look's information fraction; 0 at the start, where z is 0 surely.
    t: f64,
    /// The first point.
    first: f64,
    /// The spacing; 0 for the start's single point.
    step: f64,
    /// Density × Simpson weight at each point; empty when no path is left
    /// (a drift far beyond the boundaries).
    mass: Vec<f64>,
}

impl Grid {
    /// Before the first look: all the probability at z = 0.
    fn start() -> Grid {
        Grid {
            t: 0.0,
            first: 0.0,
            step: 0.0,
            mass: vec![1.0],
        }
    }

    fn point(&self, i: usize) -> f64 {
        self.first + self.step * i as f64
    }

    /// The chances of first crossing at the next look, at fraction t with
    /// critical value c: (z ≥ c, z ≤ −c). B(t) = z·√t moves from this look's
    /// B by a normal step of mean drift·Δ and variance Δ = t − self.t.
    fn crossing(&self, t: f64, c: f64, drift: f64) -> (f64, f64) {
        let delta = t - self.t;
        let sd = delta.sqrt();
        let (root, root_before) = (t.sqrt(), self.t.sqrt());
        let (mut upper, mut lower) = (0.0, 0.0);
        for (i, &mass) in self.mass.iter().enumerate() {
            let mean = self.point(i) * root_before + drift * delta;
            upper += mass * lower_tail((mean - c * root) / sd);
            lower += mass * lower_tail((-c * root - mean) / sd);
        }
        (upper, lower)
    }

    /// The next look's grid: fraction t, continuation region (−c, c), spacing at most `step`.
    fn next(&self, t: f64, c: f64, drift: f64, step: f64) -> Grid {
        let delta = t - self.t;
        let sd = delta.sqrt();
        let (root, root_before) = (t.sqrt(), self.t.sqrt());
        // z here has mean drift·√t and variance 1: beyond REACH of it nothing is left.
        let centre = drift * root;
        let (low, high) = ((-c).max(centre - REACH), c.min(centre + REACH));
        if !(low < high) {
            return Grid {
                t,
                first: 0.0,
                step: 0.0,
                mass: Vec::new(),
            };
        }
        // An even number of intervals, for Simpson's rule.
        let intervals = 2 * ((high - low) / (2.0 * step)).ceil().max(1.0) as usize;
        let spacing = (high - low) / intervals as f64;
        let scale = root / (sd * (2.0 * std::f64::consts::PI).sqrt());
        let mass = (0..=intervals)
            .map(|k| {
                let z = low + spacing * k as f64;
                // Where this look's B would have to be for the step to land on z.
                let from = z * root - drift * delta;
                let density: f64 = self
                    .near(from, REACH * sd, root_before)
                    .map(|i| {
                        let u = (from - self.point(i) * root_before) / sd;
                        self.mass[i] * (-0.5 * u * u).exp()
                    })
                    .sum();
                let weight = match k {
                    0 => 1.0,
                    k if k == intervals => 1.0,
                    k if k % 2 == 1 => 4.0,
                    _ => 2.0,
                };
                scale * density * weight * spacing / 3.0
            })
            .collect();
        Grid {
            t,
            first: low,
            step: spacing,
            mass,
        }
    }

    /// The points whose B = z·root lies within `reach` of `b`: the only
    /// ones the kernel sees.
    fn near(&self, b: f64, reach: f64, root: f64) -> Range<usize> {
        let count = self.mass.len();
        if self.step == 0.0 || root == 0.0 {
            return 0..count;
        }
        // Saturating casts: a negative bound becomes 0, a huge one the count.
        let index = |z: f64| ((z - self.first) / self.step).max(0.0);
        let from = index((b - reach) / root).ceil() as usize;
        let to = (index((b + reach) / root).floor() as usize).saturating_add(1);
        from.min(count)..to.min(count)
    }
}

/// Φ(x), from erfc so that the far lower tail keeps its relative accuracy.
fn lower_tail(x: f64) -> f64 {
    0.5 * erfc(-x / std::f64::consts::SQRT_2)
}
