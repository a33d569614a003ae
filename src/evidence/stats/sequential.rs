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
//! independent normal increments), what the paths that have crossed no
//! boundary yet look like at look j follows from look j − 1 by one normal
//! convolution, integrated by Simpson's rule; each c_j is then found by
//! Newton's method so that P(cross at look j, not before | no effect) is
//! the look's increment α(t_j) − α(t_{j−1}). (The recursion carries the
//! chance of no crossing so far given Z_j rather than the sub-density
//! itself, so that the tiny increments of the early looks keep their
//! relative accuracy: see `Grid`.) The grid covers each look's whole
//! continuation region, evenly spaced, at most 0.02 apart in z and finer
//! when looks are close together in information (at most 1/16 of the
//! spread of the normal kernels into and out of the look). Simpson's
//! error falls as the fourth power of the spacing; at this one the
//! boundaries of 36 monthly looks lie within 3e-8 of those on a grid four
//! times finer, and those of five looks within 3e-9 of an independent
//! computation (the tests hold both, to 5e-8 and 1e-7).
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
/// before: (t_j − t_{j−1})/t_j ≥ 1e-5. The grid's spacing follows the
/// square root of this share, and the work its inverse square: a pair of
/// looks this close already takes a second unoptimized when the first is
/// early, and a look so close spends next to nothing anyway.
pub const MIN_STEP: f64 = 1e-5;

/// The smallest α increment a look may spend. Below it the boundary lies
/// past z ≈ 34, where the products of normal tails that make up a crossing
/// chance start to leave `f64`: only a first look before 0.45% of the
/// information (at α = 0.05) comes to this.
const MIN_INCREMENT: f64 = 1e-250;

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
    /// A look spends less than 1e-250 of α: a first look so early (before
    /// about 0.45% of the information at α = 0.05) that its boundary is
    /// beyond what `f64` can compute.
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
/// [`DesignError::TooEarly`] for a first look before about 0.45% of the
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
    let mut grid: Option<Grid> = None;
    let mut spent_before = 0.0;
    for (j, &t) in fractions.iter().enumerate() {
        let spent = obrien_fleming_spending(t, alpha);
        let z = solve(grid.as_ref(), t, spent - spent_before)?;
        looks.push(Look {
            fraction: t,
            z,
            p_value: normal_p(z),
            spent,
        });
        if j + 1 < fractions.len() {
            grid = Some(Grid::after(
                grid.as_ref(),
                t,
                z,
                resolution.step(fractions, j),
            ));
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
/// the quasi-Poisson test of [`super::quasi_poisson_ratio`]. A one-look design (t = 1, z =
/// 1.959964) at drift 1.959964 + 0.841621 has power 80%; more looks give a
/// little less at the same drift (79.5% with three, 79.0% with five).
/// Under no effect (drift 0) it is α/2, the false-"scale" rate.
///
/// `None` when `looks` is not a design [`boundaries`] could have made (no
/// looks, too many, fractions out of order or too close, a critical value
/// that is negative or not finite) or `drift` is not finite. A critical
/// value above 40 counts as 40: neither is ever crossed in `f64`.
pub fn sequential_power(looks: &[Look], drift: f64) -> Option<f64> {
    let fractions: Vec<f64> = looks.iter().map(|l| l.fraction).collect();
    check_fractions(&fractions).ok()?;
    let valid = drift.is_finite() && looks.iter().all(|l| l.z.is_finite() && l.z >= 0.0);
    if !valid {
        return None;
    }
    let resolution = Resolution::DEFAULT;
    let mut grid: Option<Grid> = None;
    let mut power = 0.0;
    for (j, look) in looks.iter().enumerate() {
        // The grid spans (−z, z): a hand-made z of 1e300 would not fit in memory.
        let z = look.z.min(40.0);
        let (upper, _stop) = crossing(grid.as_ref(), look.fraction, z, drift);
        power += upper;
        if j + 1 < looks.len() {
            let step = resolution.step(&fractions, j);
            grid = Some(Grid::after(grid.as_ref(), look.fraction, z, step));
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
/// effect) is `increment`; `before` is what the earlier looks left (none
/// before the first).
///
/// Newton's method on ln P(c), which is close to a quadratic in c (P is a
/// mixture of normal tails), kept inside a bracket that each evaluation
/// narrows and falling back to bisection when a step leaves it: five or
/// six passes over the grid where bisection would take fifty.
fn solve(before: Option<&Grid>, t: f64, increment: f64) -> Result<f64, DesignError> {
    if increment.is_nan() || increment < MIN_INCREMENT {
        return Err(DesignError::TooEarly);
    }
    // This look alone crosses with 2Φ(−c), at least the chance of crossing
    // here and not before, so the root lies below the one-look boundary
    // (which it is at the first look); the margin absorbs rounding.
    let one_look = -Normal::standard().inverse_cdf(increment / 2.0);
    if !one_look.is_finite() {
        return Err(DesignError::TooEarly);
    }
    let (mut low, mut high) = (0.0, one_look + 0.5);
    let target = increment.ln();
    let mut c = one_look;
    // Down to 1e-12 in z, far below the grid's own error.
    for _ in 0..200 {
        let (chance, slope) = both_sides(before, t, c);
        if chance > increment {
            low = c;
        } else {
            high = c;
        }
        // A chance of 0 or a flat slope makes the step NaN or infinite: bisect.
        let newton = c - (chance.ln() - target) * chance / slope;
        let next = if newton > low && newton < high {
            newton
        } else {
            0.5 * (low + high)
        };
        if (next - c).abs() < 1e-12 || high - low < 1e-12 {
            return Ok(next);
        }
        c = next;
    }
    Ok(c)
}

/// How finely the grids are laid out.
#[derive(Debug, Clone, Copy)]
pub(super) struct Resolution {
    /// The widest spacing of a grid, in z.
    pub max_step: f64,
    /// How many grid steps at least span one standard deviation of the
    /// normal kernels into and out of a look.
    pub per_sd: f64,
}

impl Resolution {
    /// The resolution [`boundaries`] and [`sequential_power`] use. Against
    /// a grid four times finer, the spread of the kernels sets the error at
    /// 36 monthly looks: 8 steps to the sd leave 5e-7 in z, 16 leave 3e-8,
    /// 32 leave 2e-9. With five looks the kernels are wide and the widest
    /// step decides: 0.04 leaves 1.4e-8 against the independent reference,
    /// 0.02 leaves 3e-9, 0.01 no more than the reference's own 2e-9.
    pub const DEFAULT: Resolution = Resolution {
        max_step: 0.02,
        per_sd: 16.0,
    };

    /// The grid spacing at look j (not the last). Given z_{j+1}, z_j is
    /// normal with sd √((t_{j+1} − t_j)/t_{j+1}): the kernel this grid is
    /// summed against. The grid's own function changes over
    /// √((t_j − t_{j−1})/t_j), the kernel that made it.
    fn step(self, fractions: &[f64], j: usize) -> f64 {
        let t = fractions[j];
        let before = if j == 0 { 0.0 } else { fractions[j - 1] };
        let after = fractions.get(j + 1).copied().unwrap_or(1.0);
        let into = ((t - before) / t).sqrt();
        let out = ((after - t) / after).sqrt();
        (into.min(out) / self.per_sd).min(self.max_step)
    }
}

/// How far, in standard deviations, a kernel reaches: e^(−REACH²/2) ≈ 2e-22
/// of its peak is dropped beyond, against a sum of at most 1; and its first
/// term, e^(−50), is far from underflow.
const REACH: f64 = 10.0;

/// What the looks so far leave for the next one, on an evenly spaced grid
/// over the last look's continuation region (−c, c), all of it: the tiny
/// increments of the early looks come from its far ends.
///
/// It holds g(z) = P(no boundary crossed so far | Z = z) rather than the
/// sub-density φ(z)·g(z) of the paths still going: g lies in [0, 1] and
/// changes smoothly, so a kernel sum over it loses nothing in the tails,
/// where φ spans hundreds of orders of magnitude; and the same g serves
/// every drift, whose sub-density is φ(z − drift·√t)·g(z) (the likelihood
/// ratio of a drift depends on the path only through where it is now).
struct Grid {
    /// The look's information fraction.
    t: f64,
    /// The first point, −c.
    first: f64,
    /// The spacing.
    step: f64,
    /// Simpson weight × g at each point.
    weight: Vec<f64>,
}

impl Grid {
    /// The grid of a look at fraction t with critical value c, after the
    /// looks that left `before` (none before the first, where g = 1).
    ///
    /// g at the new look is g at the one before, averaged over where Z was
    /// then given where it is now: Z_{j−1} | Z_j = z is normal with mean
    /// ρz, ρ = √(t_{j−1}/t_j), and variance 1 − ρ², under no effect.
    fn after(before: Option<&Grid>, t: f64, c: f64, step: f64) -> Grid {
        // An even number of intervals, for Simpson's rule.
        let intervals = 2 * (c / step).ceil().max(1.0) as usize;
        let spacing = 2.0 * c / intervals as f64;
        let weight = (0..=intervals)
            .map(|k| {
                let z = -c + spacing * k as f64;
                let g = before.map_or(1.0, |grid| grid.average(z, t));
                let simpson = match k {
                    0 => 1.0,
                    k if k == intervals => 1.0,
                    k if k % 2 == 1 => 4.0,
                    _ => 2.0,
                };
                simpson * spacing / 3.0 * g
            })
            .collect();
        Grid {
            t,
            first: -c,
            step: spacing,
            weight,
        }
    }

    fn point(&self, i: usize) -> f64 {
        self.first + self.step * i as f64
    }

    /// g averaged over Z here given Z = z at the later fraction t: the
    /// Simpson sum of g against the normal density of mean ρz and sd s.
    ///
    /// Only the points within [`REACH`] sd count. Along the evenly spaced
    /// points u = (x − ρz)/s grows by d = step/s each time, so the kernel
    /// follows by two multiplications a point (e^(−u²/2) times
    /// e^(−u·d − d²/2), that factor times e^(−d²)) instead of an exp: the
    /// inner loop of the recursion. d is at most 1/per_sd (the grid is laid
    /// that fine), so the factors stay within e^(±REACH·d) and a few hundred
    /// steps lose only a few units in the last place.
    fn average(&self, z: f64, t: f64) -> f64 {
        let rho = (self.t / t).sqrt();
        let sd = ((t - self.t) / t).sqrt();
        let centre = rho * z;
        let range = self.near(centre, REACH * sd);
        if range.is_empty() {
            return 0.0;
        }
        let d = self.step / sd;
        let u = (self.point(range.start) - centre) / sd;
        let mut kernel = (-0.5 * u * u).exp();
        let mut factor = (-u * d - 0.5 * d * d).exp();
        let shrink = (-d * d).exp();
        let mut sum = self.weight[range.start] * kernel;
        for weight in &self.weight[range.start + 1..range.end] {
            kernel *= factor;
            factor *= shrink;
            sum += weight * kernel;
        }
        sum / (sd * (2.0 * std::f64::consts::PI).sqrt())
    }

    /// The points within `reach` of x.
    fn near(&self, x: f64, reach: f64) -> Range<usize> {
        let count = self.weight.len();
        // Saturating casts: a negative bound becomes 0, a huge one the count.
        let index = |z: f64| ((z - self.first) / self.step).max(0.0);
        let from = index(x - reach).ceil() as usize;
        let to = (index(x + reach).floor() as usize).saturating_add(1);
        from.min(count)..to.min(count)
    }
}

/// The chances of first crossing at a look (fraction t, critical value c)
/// after `before` (none: the first look), when z at t = 1 has mean
/// `drift`: (z ≥ c, z ≤ −c).
///
/// B(t) = z·√t moves from the last look's B by a normal step of mean
/// drift·Δ and variance Δ = t − t_before.
fn crossing(before: Option<&Grid>, t: f64, c: f64, drift: f64) -> (f64, f64) {
    let Some(grid) = before else {
        let mean = drift * t.sqrt();
        return (lower_tail(mean - c), lower_tail(-c - mean));
    };
    let delta = t - grid.t;
    let sd = delta.sqrt();
    let (root, root_before) = (t.sqrt(), grid.t.sqrt());
    let (mut upper, mut lower) = (0.0, 0.0);
    for (i, &weight) in grid.weight.iter().enumerate() {
        let z = grid.point(i);
        let density = weight * normal_density(z - drift * root_before);
        let b = z * root_before + drift * delta;
        upper += density * lower_tail((b - c * root) / sd);
        lower += density * lower_tail((-c * root - b) / sd);
    }
    (upper, lower)
}

/// Under no effect, the chance of first crossing either boundary at a look
/// (fraction t, critical value c) after `before`, and its derivative in c.
fn both_sides(before: Option<&Grid>, t: f64, c: f64) -> (f64, f64) {
    let Some(grid) = before else {
        return (2.0 * lower_tail(-c), -2.0 * normal_density(c));
    };
    let sd = (t - grid.t).sqrt();
    let (root, root_before) = (t.sqrt(), grid.t.sqrt());
    let (mut chance, mut slope) = (0.0, 0.0);
    for (i, &weight) in grid.weight.iter().enumerate() {
        let z = grid.point(i);
        let density = weight * normal_density(z);
        let b = z * root_before;
        let (above, below) = ((b - c * root) / sd, (-c * root - b) / sd);
        chance += density * (lower_tail(above) + lower_tail(below));
        slope -= density * (normal_density(above) + normal_density(below));
    }
    (chance, slope * root / sd)
}

/// φ(x), the standard normal density.
fn normal_density(x: f64) -> f64 {
    (-0.5 * x * x).exp() / (2.0 * std::f64::consts::PI).sqrt()
}

/// Φ(x), from erfc so that the far lower tail keeps its relative accuracy.
fn lower_tail(x: f64) -> f64 {
    0.5 * erfc(-x / std::f64::consts::SQRT_2)
}
