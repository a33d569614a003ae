//! Randomisation inference for a switchback pilot: the assistant on and off
//! over randomised units (days or weeks), paired so that each pair of
//! units holds one on and one off.
//!
//! The estimate is the rate ratio of a log-linear Poisson model with an
//! effect for each stratum (a weekday within a block: the two days of the
//! same weekday in a pair's two units), whose maximum-likelihood estimate
//! given the strata's totals is `Σ on / Σ off` over the strata whose two
//! days both count. Its p-value is the share of the design's assignments
//! whose estimate is at least as far from no change as the one observed
//! (every assignment when there are at most [`MAX_ENUMERATED`], else that
//! many drawn with a recorded seed), which is exact whatever the days'
//! spread, trend or season (Fisher's sharp null: no effect on any day).
//! The interval inverts the test under a constant multiplicative effect;
//! when the days a washout drops depend on the assignment it cannot, and
//! the quasi-Poisson interval of the same model is given instead.

use super::monthly::t_quantile;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The most assignments counted one by one; a larger design draws this many.
pub const MAX_ENUMERATED: u64 = 100_000;

/// The most pairs a design may have: an assignment is a 63-bit word.
pub const MAX_PAIRS: usize = 63;

/// One day of a switchback: its unit (a day or a week), its stratum (the
/// pair of days, one in each unit of a pair, that the model compares), and
/// what was counted on it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Day {
    /// The unit the day belongs to.
    pub unit: usize,
    /// The stratum: the two days of one weekday in a pair's two units.
    pub stratum: usize,
    /// The day's count (leads, bookings, …) or amount (revenue).
    pub value: f64,
}

/// A design's days in calendar order (consecutive), its pairs of units and
/// its washout. An assignment is a word whose bit `p` set means `pairs[p].0`
/// is on and `pairs[p].1` off.
#[derive(Debug, Clone, Copy)]
pub struct Design<'a> {
    /// Every day, in order, one after another.
    pub days: &'a [Day],
    /// The pairs of units, one on and one off each.
    pub pairs: &'a [(usize, usize)],
    /// Days left out after each switch (the day before the first is off).
    pub washout: u32,
    /// Units in the design.
    pub units: usize,
}

/// The assignments the test runs over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignments {
    /// Every assignment (enumerated) or the draws.
    pub words: Vec<u64>,
    /// Whether they are all the design allows.
    pub enumerated: bool,
    /// The seed of the draws (when drawn).
    pub seed: u64,
    /// How many the design allows: 2^pairs.
    pub possible: u128,
}

/// The sums the estimate is made of, for one assignment.
#[derive(Debug, Clone, PartialEq)]
pub struct Sums {
    /// Σ of the on days of strata whose two days both count.
    pub on: f64,
    /// Σ of their off days.
    pub off: f64,
    /// Each used stratum's (on, off).
    pub strata: Vec<(f64, f64)>,
    /// Which strata were used (both days kept), by stratum number.
    pub used: Vec<bool>,
}

/// The randomisation test and the estimate.
#[derive(Debug, Clone, PartialEq)]
pub struct Test {
    /// Σ on / Σ off over the used strata (`None` when either is zero).
    pub ratio: Option<f64>,
    /// The two-sided p-value.
    pub p_value: f64,
    /// Assignments at least as extreme as the observed one.
    pub extreme: u64,
    /// Assignments counted (the draws, or all).
    pub counted: u64,
    /// Whether every assignment kept the same strata: the interval can then
    /// invert the test.
    pub fixed_strata: bool,
    /// The sums as observed.
    pub sums: Sums,
}

impl Design<'_> {
    /// Every unit's arm (on = `true`) under `word`.
    pub fn arms(&self, word: u64) -> Vec<bool> {
        let mut arms = vec![false; self.units];
        for (p, &(a, b)) in self.pairs.iter().enumerate() {
            let on_a = word >> p & 1 == 1;
            if let Some(x) = arms.get_mut(a) {
                *x = on_a;
            }
            if let Some(x) = arms.get_mut(b) {
                *x = !on_a;
            }
        }
        arms
    }

    /// Each day's arm and whether it counts (is not in a washout) under `word`.
    pub fn days_of(&self, word: u64) -> Vec<(bool, bool)> {
        let arms = self.arms(word);
        let mut since_switch = u32::MAX;
        let mut before = false;
        self.days
            .iter()
            .map(|d| {
                let on = arms.get(d.unit).copied().unwrap_or(false);
                since_switch = if on != before {
                    0
                } else {
                    since_switch.saturating_add(1)
                };
                before = on;
                (on, since_switch >= self.washout)
            })
            .collect()
    }

    fn strata(&self) -> usize {
        self.days.iter().map(|d| d.stratum + 1).max().unwrap_or(0)
    }

    /// The estimate's sums under `word` of the days' `values`.
    pub fn sums(&self, word: u64, values: &[f64]) -> Sums {
        let n = self.strata();
        let mut on = vec![None; n];
        let mut off = vec![None; n];
        let mut dropped = vec![false; n];
        for ((d, (arm, kept)), &v) in self.days.iter().zip(self.days_of(word)).zip(values) {
            let slot = if arm { &mut on } else { &mut off };
            if !kept {
                dropped[d.stratum] = true;
            } else if let Some(s) = slot.get_mut(d.stratum) {
                *s = Some(v);
            }
        }
        let mut out = Sums {
            on: 0.0,
            off: 0.0,
            strata: Vec::new(),
            used: vec![false; n],
        };
        for s in 0..n {
            if let (Some(a), Some(b), false) = (on[s], off[s], dropped[s]) {
                out.on += a;
                out.off += b;
                out.strata.push((a, b));
                out.used[s] = true;
            }
        }
        out
    }

    /// The assignments: all of them when the design allows at most
    /// [`MAX_ENUMERATED`], else that many drawn from the design with `seed`.
    pub fn assignments(&self, seed: u64) -> Assignments {
        let p = self.pairs.len().min(MAX_PAIRS);
        let possible = 1u128 << p;
        if possible <= u128::from(MAX_ENUMERATED) {
            return Assignments {
                words: (0..1u64 << p).collect(),
                enumerated: true,
                seed,
                possible,
            };
        }
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let mask = (1u64 << p) - 1;
        Assignments {
            words: (0..MAX_ENUMERATED).map(|_| rng.next_u64() & mask).collect(),
            enumerated: false,
            seed,
            possible,
        }
    }
}

/// `ln(on / off)`, the distance from no change; 0 when both are 0.
fn statistic(on: f64, off: f64) -> f64 {
    if on == off { 0.0 } else { (on / off).ln() }
}

/// At least as far from no change as `observed`, allowing for rounding in
/// sums of amounts (counts' ratios differ far more than this when they differ).
fn as_extreme(t: f64, observed: f64) -> bool {
    let o = observed.abs();
    t.abs() >= o - 1e-9 * o.max(1.0)
}

/// The randomisation test of "no effect on any day" for the observed
/// assignment `word` over `all`, with the days' `values`.
pub fn test(design: &Design<'_>, word: u64, values: &[f64], all: &Assignments) -> Test {
    let sums = design.sums(word, values);
    let observed = statistic(sums.on, sums.off);
    let mut extreme = 0u64;
    let mut fixed = true;
    if design.washout == 0 {
        // Every day counts whatever the assignment: the pairs' sums decide
        // each assignment's estimate in one pass over the pairs.
        let pairs = pair_sums(design, &sums.used, values);
        for &w in &all.words {
            if as_extreme(word_statistic(&pairs, w), observed) {
                extreme += 1;
            }
        }
    } else {
        for &w in &all.words {
            let s = design.sums(w, values);
            fixed &= s.used == sums.used;
            if as_extreme(statistic(s.on, s.off), observed) {
                extreme += 1;
            }
        }
    }
    let counted = all.words.len() as u64;
    // Drawn assignments count the observed one as well, so the p-value is
    // never below what the draws can show (Phipson & Smyth 2010).
    let p_value = if all.enumerated {
        extreme as f64 / counted.max(1) as f64
    } else {
        (extreme + 1) as f64 / (counted + 1) as f64
    };
    Test {
        ratio: (sums.on > 0.0 && sums.off > 0.0).then(|| sums.on / sums.off),
        p_value: p_value.min(1.0),
        extreme,
        counted,
        fixed_strata: fixed,
        sums,
    }
}

/// Per pair, the sums of its first and second unit's days over the used strata.
pub fn pair_sums(design: &Design<'_>, used: &[bool], values: &[f64]) -> Vec<(f64, f64)> {
    let mut unit_sum = vec![0.0; design.units];
    for (d, &v) in design.days.iter().zip(values) {
        if used.get(d.stratum).copied().unwrap_or(false)
            && let Some(s) = unit_sum.get_mut(d.unit)
        {
            *s += v;
        }
    }
    let at = |u: usize| unit_sum.get(u).copied().unwrap_or(0.0);
    design.pairs.iter().map(|&(a, b)| (at(a), at(b))).collect()
}

/// The statistic of assignment `w` from each pair's sums (first unit, second unit).
fn word_statistic(pairs: &[(f64, f64)], w: u64) -> f64 {
    let (mut on, mut off) = (0.0, 0.0);
    for (p, &(a, b)) in pairs.iter().enumerate() {
        if w >> p & 1 == 1 {
            on += a;
            off += b;
        } else {
            on += b;
            off += a;
        }
    }
    statistic(on, off)
}

/// The p-value of "the effect is `ln_rho` on the log scale", by the
/// assignments, over the pairs' sums (the used strata being fixed).
pub fn p_at(pairs: &[(f64, f64)], word: u64, all: &Assignments, ln_rho: f64) -> f64 {
    let rho = ln_rho.exp();
    // The days' values as they would have been with the assistant off.
    let adjusted: Vec<(f64, f64)> = pairs
        .iter()
        .enumerate()
        .map(|(p, &(a, b))| {
            if word >> p & 1 == 1 {
                (a / rho, b)
            } else {
                (a, b / rho)
            }
        })
        .collect();
    let observed = word_statistic(&adjusted, word);
    let extreme = all
        .words
        .iter()
        .filter(|&&w| as_extreme(word_statistic(&adjusted, w), observed))
        .count() as u64;
    let n = all.words.len() as u64;
    if all.enumerated {
        extreme as f64 / n.max(1) as f64
    } else {
        (extreme + 1) as f64 / (n + 1) as f64
    }
}

/// The interval of the rate ratio at two-sided level `alpha` by inverting
/// the test: every constant effect it does not reject. `None` when the
/// strata used vary with the assignment or the ratio is undefined; an end
/// the assignments cannot bound is infinite.
pub fn inverted_interval(
    design: &Design<'_>,
    word: u64,
    values: &[f64],
    all: &Assignments,
    t: &Test,
    alpha: f64,
) -> Option<(f64, f64)> {
    let ratio = t.ratio?;
    if !t.fixed_strata {
        return None;
    }
    let pairs = pair_sums(design, &t.sums.used, values);
    let centre = ratio.ln();
    let rejects = |x: f64| p_at(&pairs, word, all, x) <= alpha;
    let end = |dir: f64| {
        // Step outwards until rejected, then bisect to 1e-4 on the log scale
        // (a hundredth of a percent: finer than the tables show).
        let mut step = 0.05;
        while !rejects(centre + dir * step) {
            step *= 2.0;
            if step > 40.0 {
                return dir * f64::INFINITY;
            }
        }
        let (mut inside, mut outside) = (0.0, step);
        while outside - inside > 1e-4 {
            let mid = (inside + outside) / 2.0;
            if rejects(centre + dir * mid) {
                outside = mid;
            } else {
                inside = mid;
            }
        }
        centre + dir * outside
    };
    Some((end(-1.0).exp(), end(1.0).exp()))
}

/// The quasi-Poisson fit of the same model: the strata's Pearson dispersion
/// and the interval from Student's t on its degrees of freedom.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QuasiPoisson {
    /// Pearson X² / df as fitted (may be below 1).
    pub pearson: f64,
    /// The dispersion the interval uses: the Pearson one, at least 1
    /// (quasi-Poisson never narrows below Poisson).
    pub phi: f64,
    /// Strata with any count, less one.
    pub df: u32,
    /// The standard error of ln RR.
    pub se: f64,
    /// The interval's ends on the ratio scale.
    pub low: f64,
    /// The upper end.
    pub high: f64,
}

/// The quasi-Poisson interval of `Σ on / Σ off` at two-sided `alpha`:
/// `ln RR ± t(df)·√(φ(1/Σon + 1/Σoff))`, φ from the strata's Pearson X² of
/// the Poisson model with stratum effects, `Σ (on − n p̂)² / (n p̂ (1 − p̂))`
/// with `p̂ = Σon / (Σon + Σoff)` and `df = strata − 1`.
pub fn quasi_poisson(sums: &Sums, alpha: f64) -> Option<QuasiPoisson> {
    let (on, off) = (sums.on, sums.off);
    if !(on > 0.0 && off > 0.0) {
        return None;
    }
    let p = on / (on + off);
    let live: Vec<&(f64, f64)> = sums.strata.iter().filter(|(a, b)| a + b > 0.0).collect();
    let df = u32::try_from(live.len().checked_sub(1)?).ok()?;
    if df == 0 {
        return None;
    }
    let x2: f64 = live
        .iter()
        .map(|(a, b)| {
            let n = a + b;
            (a - n * p).powi(2) / (n * p * (1.0 - p))
        })
        .sum();
    let pearson = x2 / f64::from(df);
    let phi = pearson.max(1.0);
    let se = (phi * (1.0 / on + 1.0 / off)).sqrt();
    let q = t_quantile(df, 1.0 - alpha / 2.0)?;
    let ln = (on / off).ln();
    Some(QuasiPoisson {
        pearson,
        phi,
        df,
        se,
        low: (ln - q * se).exp(),
        high: (ln + q * se).exp(),
    })
}

/// Days' spread for planning: the Pearson dispersion of baseline days
/// paired as a design pairs them (two days of one weekday a week apart),
/// `Σ (a − b)² / (a + b) / pairs`, at least 1; `None` without pairs.
pub fn paired_dispersion(pairs: &[(f64, f64)]) -> Option<f64> {
    let live: Vec<&(f64, f64)> = pairs.iter().filter(|(a, b)| a + b > 0.0).collect();
    if live.is_empty() {
        return None;
    }
    let x2: f64 = live.iter().map(|(a, b)| (a - b).powi(2) / (a + b)).sum();
    Some((x2 / live.len() as f64).max(1.0))
}

/// Power of the test for a rise `uplift` with `used` days counted (half on,
/// half off, in `used / 2` pairs of strata) at `per_day` a day and
/// dispersion `phi`, at two-sided 5%: `Φ(|ln(1 + u)| / se − t)`, with
/// `se = √(φ(1/(n(1 + u)) + 1/n))`, `n = per_day · used / 2`, and `t` the
/// 97.5% quantile of Student's t on `used / 2 − 1` degrees of freedom: a
/// randomisation test over paired days judges the rise by the pairs' own
/// spread, as a paired t test does, and is as much harder to pass with few
/// pairs. 0 when the design's smallest p-value (`min_p`) cannot reach 5%.
pub fn power(phi: f64, per_day: f64, used: f64, uplift: f64, min_p: f64) -> f64 {
    use statrs::distribution::{ContinuousCDF, Normal};
    if min_p > 0.05 || !(per_day > 0.0 && used >= 4.0 && uplift > -1.0) {
        return 0.0;
    }
    let half = per_day * used / 2.0;
    let se = (phi * (1.0 / (half * (1.0 + uplift)) + 1.0 / half)).sqrt();
    let df = (used / 2.0 - 1.0).floor() as u32;
    let Some(t) = t_quantile(df, 0.975) else {
        return 0.0;
    };
    let z = (1.0 + uplift).ln().abs() / se - t;
    Normal::standard().cdf(z)
}

/// The smallest rise the test sees at 80% power (as [`power`]); `None`
/// when the design cannot reach 5% or the days hold nothing.
pub fn detectable(phi: f64, per_day: f64, used: f64, min_p: f64) -> Option<f64> {
    if min_p > 0.05 || !(per_day > 0.0 && used >= 4.0) {
        return None;
    }
    // Power rises with the uplift: bisect for 80%.
    let (mut lo, mut hi) = (0.0, 1.0);
    while power(phi, per_day, used, hi, min_p) < 0.8 {
        hi *= 2.0;
        if hi > 1e6 {
            return None;
        }
    }
    for _ in 0..60 {
        let mid = (lo + hi) / 2.0;
        if power(phi, per_day, used, mid, min_p) < 0.8 {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Some(hi)
}
