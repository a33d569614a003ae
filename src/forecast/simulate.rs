//! Monte Carlo over a scenario's ranges: every trial samples each range and
//! runs the same engine as `calc`, in `f64` for speed. Trials are cut into
//! fixed chunks, each with its own ChaCha8 stream of the seed, so the same
//! seed gives the same numbers whatever the thread count or machine.

use crate::forecast::engine::{self, Inputs, Schedule};
use crate::forecast::scenario::value::{self, Form, Written};
use crate::forecast::scenario::{Dist, Draft, Key, Uncertain, Z_975};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, LogNormal, Normal, Pert, Triangular, Uniform};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use std::sync::atomic::{AtomicU64, Ordering};

/// Trials when `--trials` is not given.
pub const DEFAULT_TRIALS: u64 = 100_000;
/// Seed when `--seed` is not given: the article's date, 2025-01-01.
pub const DEFAULT_SEED: u64 = 20_250_101;
/// The most trials one run takes: each keeps its results (about 60 bytes),
/// so ten million stay near 600 MB.
pub const MAX_TRIALS: u64 = 10_000_000;
/// Trials per random stream; fixed, so results do not depend on threads.
const CHUNK: usize = 8192;
/// The percentiles reported.
pub const PERCENTILES: [u32; 7] = [5, 10, 25, 50, 75, 90, 95];

/// How one key gets its value in a trial.
#[derive(Debug, Clone)]
enum Source {
    /// Drawn from a range.
    Drawn(Sampler),
    /// A fixed change from a baseline that is itself drawn.
    Fixed(f64),
}

#[derive(Debug, Clone)]
enum Sampler {
    Uniform(Uniform<f64>),
    Triangular(Triangular<f64>),
    Pert(Pert<f64>),
    Normal(Normal<f64>),
    /// A lognormal draw less `shift`: 1 for a change, whose multiplier
    /// 1 + change is the lognormal figure, 0 for a plain number.
    LogNormal(LogNormal<f64>, f64),
    Constant(f64),
}

impl Sampler {
    fn new(range: &Uncertain) -> Sampler {
        let f = |w: Written| w.number().to_f64().unwrap_or(0.0);
        let (low, high) = (f(range.low), f(range.high));
        let mode = range.mode.map_or((low + high) / 2.0, f);
        // The ends of a normal or lognormal range are its 2.5th and 97.5th
        // percentiles: Z_975 standard deviations either side of the median.
        let spread = |a: f64, b: f64| ((a + b) / 2.0, (b - a) / (2.0 * Z_975));
        // The scenario checks guarantee low ≤ mode ≤ high; a zero-width range is a constant.
        let made = match range.dist {
            _ if low >= high => None,
            Dist::Uniform => Uniform::new_inclusive(low, high).ok().map(Sampler::Uniform),
            Dist::Triangular => Triangular::new(low, high, mode)
                .ok()
                .map(Sampler::Triangular),
            Dist::Pert => Pert::new(low, high).with_mode(mode).ok().map(Sampler::Pert),
            Dist::Normal => {
                let (mean, sd) = spread(low, high);
                Normal::new(mean, sd).ok().map(Sampler::Normal)
            }
            Dist::LogNormal => {
                // A change's multiplier, through ln_1p to keep small changes' digits.
                let (shift, ln) = match range.low.form() {
                    Form::Relative => (1.0, f64::ln_1p as fn(f64) -> f64),
                    _ => (0.0, f64::ln as fn(f64) -> f64),
                };
                let (mu, sigma) = spread(ln(low), ln(high));
                LogNormal::new(mu, sigma)
                    .ok()
                    .map(|d| Sampler::LogNormal(d, shift))
            }
        };
        made.unwrap_or(Sampler::Constant(mode))
    }

    fn sample(&self, rng: &mut ChaCha8Rng) -> f64 {
        match self {
            Sampler::Uniform(d) => d.sample(rng),
            Sampler::Triangular(d) => d.sample(rng),
            Sampler::Pert(d) => d.sample(rng),
            Sampler::Normal(d) => d.sample(rng),
            Sampler::LogNormal(d, shift) => d.sample(rng) - shift,
            Sampler::Constant(c) => *c,
        }
    }
}

/// One key that changes from trial to trial.
#[derive(Debug, Clone)]
struct Varying {
    key: Key,
    form: Form,
    source: Source,
    /// The lowest and highest figure the key allows, which a draw is
    /// clipped to: a normal's tails reach past any bound, and so may a
    /// fixed change from a normal baseline.
    bounds: (f64, f64),
}

impl Varying {
    fn new(key: Key, form: Form, source: Source) -> Varying {
        let (low, high) = key.kind().bounds();
        let f = |d: Decimal| d.to_f64().unwrap_or(0.0);
        Varying {
            key,
            form,
            source,
            bounds: (f(low), high.map_or(f64::INFINITY, f)),
        }
    }
}

/// A scenario made ready to sample.
#[derive(Debug, Clone)]
pub struct Model {
    point: Inputs<f64>,
    varying: Vec<Varying>,
}

impl Model {
    /// Prepares the draft's ranges; `point` is the checked scenario at its point values.
    pub fn new(draft: &Draft, point: &Inputs<Decimal>) -> Model {
        let mut varying = Vec::new();
        for key in draft.keys() {
            let spec = draft.get(key);
            let base_drawn = key
                .baseline()
                .is_some_and(|b| draft.get(b).is_some_and(|s| s.range.is_some()));
            match (spec, spec.and_then(|s| s.range)) {
                (_, Some(range)) => varying.push(Varying::new(
                    key,
                    range.low.form(),
                    Source::Drawn(Sampler::new(&range)),
                )),
                // An `[after]` key that changes from a drawn baseline follows it.
                (Some(s), None)
                    if base_drawn && matches!(s.written.form(), Form::Relative | Form::Points) =>
                {
                    varying.push(Varying::new(
                        key,
                        s.written.form(),
                        Source::Fixed(s.written.number().to_f64().unwrap_or(0.0)),
                    ))
                }
                // A missing `[after]` key means unchanged: it equals the drawn baseline.
                (None, None) if base_drawn => {
                    varying.push(Varying::new(key, Form::Relative, Source::Fixed(0.0)))
                }
                _ => {}
            }
        }
        Model {
            point: point.map(|d| d.to_f64().unwrap_or(0.0)),
            varying,
        }
    }

    /// The keys that change from trial to trial, in key order.
    pub fn keys(&self) -> impl Iterator<Item = Key> + '_ {
        self.varying.iter().map(|v| v.key)
    }

    /// One trial's inputs; `drawn` receives each varying key's value.
    fn draw(&self, rng: &mut ChaCha8Rng, drawn: &mut Vec<f64>) -> Inputs<f64> {
        let mut inputs = self.point.clone();
        for v in &self.varying {
            let n = match &v.source {
                Source::Drawn(s) => s.sample(rng),
                Source::Fixed(n) => *n,
            };
            // Baseline keys come before `[after]` keys, so a drawn baseline is in place.
            let base = v
                .key
                .baseline()
                .and_then(|b| b.field(&inputs))
                .unwrap_or(0.0);
            // Within the key's bounds: a share past 100%, a count or a change
            // below nothing (−100%) is clipped to the bound, never a nonsense
            // trial. (NaN, from a change the f64 cannot hold, stays NaN.)
            let value = value::apply(v.form, n, base)
                .unwrap_or(f64::NAN)
                .clamp(v.bounds.0, v.bounds.1);
            if let Some(field) = v.key.field_mut(&mut inputs) {
                *field = value;
            }
            drawn.push(value);
        }
        inputs
    }
}

/// One trial's results. Undefined ROI is NaN; payback not within the horizon is +∞.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Outcome {
    /// ROI over the horizon.
    pub roi: f64,
    /// Net over the horizon.
    pub net: f64,
    /// Net present value.
    pub npv: f64,
    /// Payback in months.
    pub payback: f64,
}

/// Every trial's results, in trial order.
#[derive(Debug, Clone)]
pub struct Run {
    /// The seed used.
    pub seed: u64,
    /// Each trial's results.
    pub outcomes: Vec<Outcome>,
    /// Each trial's drawn values, `keys` per trial, when asked for.
    pub drawn: Option<Vec<f64>>,
}

/// A chunk of trials: its stream number, its results and, if kept, its drawn inputs.
type Job<'a> = (usize, &'a mut [Outcome], Option<&'a mut [f64]>);

/// Runs `trials` trials on `threads` threads; `keep_drawn` keeps each trial's
/// drawn inputs (for `--samples`); `progress` is told how many trials are done.
pub fn run(
    model: &Model,
    trials: u64,
    seed: u64,
    threads: usize,
    keep_drawn: bool,
    progress: &(dyn Fn(u64) + Sync),
) -> Run {
    let n = trials as usize;
    let width = model.varying.len();
    let mut outcomes = vec![Outcome::default(); n];
    let mut drawn = keep_drawn.then(|| vec![0.0; n * width]);
    let done = AtomicU64::new(0);
    let schedule = Schedule::new(&model.point).ok();
    {
        // Chunk i always uses stream i of the seed, whichever thread runs it.
        let mut work: Vec<Vec<Job<'_>>> = (0..threads.max(1)).map(|_| Vec::new()).collect();
        let mut drawn_chunks = drawn.as_mut().map(|d| d.chunks_mut(CHUNK * width.max(1)));
        for (i, chunk) in outcomes.chunks_mut(CHUNK).enumerate() {
            let d = drawn_chunks.as_mut().and_then(Iterator::next);
            work[i % threads.max(1)].push((i, chunk, d));
        }
        std::thread::scope(|scope| {
            for jobs in work {
                let (done, schedule) = (&done, &schedule);
                scope.spawn(move || {
                    let mut values = Vec::with_capacity(width);
                    for (index, chunk, mut keep) in jobs {
                        let mut rng = ChaCha8Rng::seed_from_u64(seed);
                        rng.set_stream(index as u64);
                        for (t, slot) in chunk.iter_mut().enumerate() {
                            values.clear();
                            let inputs = model.draw(&mut rng, &mut values);
                            *slot = outcome(&inputs, schedule.as_ref());
                            if let Some(keep) = keep.as_deref_mut() {
                                keep[t * width..(t + 1) * width].copy_from_slice(&values);
                            }
                        }
                        let total = done.fetch_add(chunk.len() as u64, Ordering::Relaxed);
                        progress(total + chunk.len() as u64);
                    }
                });
            }
        });
    }
    Run {
        seed,
        outcomes,
        drawn,
    }
}

/// Runs the engine on one trial's inputs.
fn outcome(inputs: &Inputs<f64>, schedule: Option<&Schedule<f64>>) -> Outcome {
    let summary = match schedule {
        Some(s) => engine::summarize_with(s, inputs),
        None => engine::summarize(inputs),
    };
    match summary {
        Ok(s) => Outcome {
            roi: s.roi.unwrap_or(f64::NAN),
            net: s.net,
            npv: s.npv,
            payback: s.payback_months.unwrap_or(f64::INFINITY),
        },
        // Only inputs far beyond any business overflow f64; count them as undefined.
        Err(_) => Outcome {
            roi: f64::NAN,
            net: f64::NAN,
            npv: f64::NAN,
            payback: f64::NAN,
        },
    }
}

/// Mean and percentiles of one metric.
#[derive(Debug, Clone, PartialEq)]
pub struct Stats {
    /// The mean; `None` when any trial has no value (undefined ROI, no payback).
    pub mean: Option<f64>,
    /// P5, P10, P25, P50, P75, P90, P95; `None` where the percentile falls on
    /// trials with no value (for payback: not within the horizon).
    pub percentiles: [Option<f64>; 7],
}

impl Stats {
    /// Summarises values; NaN (undefined) and +∞ (never) rank last.
    pub fn of(values: Vec<f64>) -> Stats {
        let mut values = values;
        Stats::of_column(&mut values)
    }

    /// [`Stats::of`] on a buffer the caller reuses for every column; the
    /// buffer's order is scrambled.
    ///
    /// The mean is summed in the order the values come (trial order), which
    /// the trials' fixed chunks make the same whatever the thread count. The
    /// percentiles need only the ranks they fall between, so those ranks are
    /// selected rather than the whole column sorted: a few linear passes
    /// instead of a million-element sort per metric.
    pub fn of_column(values: &mut [f64]) -> Stats {
        let all_finite = values.iter().all(|v| v.is_finite());
        let mean = (all_finite && !values.is_empty())
            .then(|| values.iter().sum::<f64>() / values.len() as f64);
        let mut ranks: Vec<usize> = PERCENTILES
            .iter()
            .flat_map(|&p| {
                let (lo, hi) = ranks_of(values.len(), p);
                [lo, hi]
            })
            .collect();
        ranks.sort_unstable();
        ranks.dedup();
        // NaN ranks with +∞ (both read as "no value"); mapped once here, the
        // selection compares plain floats in total order instead of testing
        // both sides for NaN at each of its tens of millions of comparisons.
        for v in values.iter_mut() {
            *v = sort_key(*v);
        }
        select_ranks(values, &ranks, 0);
        let percentiles = PERCENTILES.map(|p| percentile(values, p));
        Stats { mean, percentiles }
    }
}

/// The order percentiles are taken in: NaN (undefined) with +∞ (never),
/// last; within it, the total order of floats.
fn sort_key(v: f64) -> f64 {
    if v.is_nan() { f64::INFINITY } else { v }
}

/// The two ranks the p-th percentile of `n` sorted values lies between;
/// the only places [`percentile`] looks. `n` = 0 gives (0, 0).
fn ranks_of(n: usize, p: u32) -> (usize, usize) {
    let h = n.saturating_sub(1) as f64 * f64::from(p) / 100.0;
    (h.floor() as usize, h.ceil() as usize)
}

/// Puts the value of rank r (in total order, NaN already mapped by
/// [`sort_key`]) at index r for every r in
/// `ranks` (ascending, absolute, `offset` being where `values` starts): the
/// middle rank splits the slice, and each side is left with its own ranks.
fn select_ranks(values: &mut [f64], ranks: &[usize], offset: usize) {
    let Some(&mid) = ranks.get(ranks.len() / 2) else {
        return;
    };
    let at = mid - offset;
    if at >= values.len() {
        return;
    }
    let (left, _, right) = values.select_nth_unstable_by(at, f64::total_cmp);
    let (below, above) = ranks.split_at(ranks.len() / 2);
    select_ranks(left, below, offset);
    select_ranks(right, &above[1..], mid + 1);
}

/// The p-th percentile by linear interpolation between closest ranks
/// (Hyndman–Fan type 7, as spreadsheets' PERCENTILE.INC); `None` if it
/// touches a trial with no value. `values` need only hold the two ranks it
/// reads in place, as a sort or [`select_ranks`] leaves them.
pub fn percentile(values: &[f64], p: u32) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let h = (values.len() - 1) as f64 * f64::from(p) / 100.0;
    let (lo, hi) = ranks_of(values.len(), p);
    let (a, b) = (values[lo], values[hi]);
    if !a.is_finite() || !b.is_finite() {
        return None;
    }
    Some(a + (h - lo as f64) * (b - a))
}

/// The share of trials for which `test` holds.
pub fn share(outcomes: &[Outcome], test: impl Fn(&Outcome) -> bool) -> f64 {
    if outcomes.is_empty() {
        return 0.0;
    }
    outcomes.iter().filter(|o| test(o)).count() as f64 / outcomes.len() as f64
}

/// Everything `roi simulate` reports.
#[derive(Debug, Clone)]
pub struct Report {
    /// Trials run.
    pub trials: u64,
    /// Seed used.
    pub seed: u64,
    /// Horizon in months.
    pub months: u32,
    /// ROI over the horizon.
    pub roi: Stats,
    /// Net over the horizon.
    pub net: Stats,
    /// Net present value.
    pub npv: Stats,
    /// Payback months.
    pub payback: Stats,
    /// P(ROI > 0); `None` when ROI is undefined (no costs).
    pub roi_positive: Option<f64>,
    /// P(payback ≤ 3, 6, 12 months); `None` for a period past the horizon.
    pub payback_within: [Option<f64>; 3],
    /// P(payback within the horizon).
    pub payback_within_horizon: f64,
    /// ROI histogram: (lower edge, upper edge, trials) over the finite values.
    pub histogram: Vec<(f64, f64, u64)>,
}

/// Bins in the ROI histogram.
const BINS: usize = 20;

impl Report {
    /// Summarises a run.
    pub fn new(run: &Run, months: u32) -> Report {
        let o = &run.outcomes;
        // Two metrics per thread, each thread with one column buffer it
        // reuses: the selection is linear, but a million values still take
        // a while, and the trials left both cores free.
        let pair = |a: fn(&Outcome) -> f64, b: fn(&Outcome) -> f64| {
            let mut column = Vec::with_capacity(o.len());
            let mut stats = |f: fn(&Outcome) -> f64| {
                column.clear();
                column.extend(o.iter().map(f));
                Stats::of_column(&mut column)
            };
            (stats(a), stats(b))
        };
        let ((roi, net), (npv, payback)) = std::thread::scope(|s| {
            let first = s.spawn(|| pair(|o| o.roi, |o| o.net));
            let second = pair(|o| o.npv, |o| o.payback);
            // Selecting cannot panic; a panic here is a bug worth surfacing.
            (first.join().expect("ROI and net statistics"), second)
        });
        let within = |m: f64| share(o, |t| t.payback <= m);
        Report {
            trials: o.len() as u64,
            seed: run.seed,
            months,
            roi,
            net,
            npv,
            payback,
            // Without costs ROI is undefined in every trial: no chance to report.
            roi_positive: o
                .iter()
                .any(|t| !t.roi.is_nan())
                .then(|| share(o, |t| t.roi > 0.0)),
            // A period past the horizon cannot be judged from the horizon's months.
            payback_within: [3, 6, 12].map(|m| (m <= months).then(|| within(f64::from(m)))),
            payback_within_horizon: share(o, |t| t.payback.is_finite()),
            histogram: histogram(o.iter().map(|t| t.roi)),
        }
    }
}

fn histogram(values: impl Iterator<Item = f64> + Clone) -> Vec<(f64, f64, u64)> {
    let finite = values.filter(|v| v.is_finite());
    let (lo, hi) = finite
        .clone()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
    if lo > hi {
        return Vec::new();
    }
    if hi == lo {
        // Every trial gave the same figure: one bar says so.
        return vec![(lo, hi, finite.count() as u64)];
    }
    let width = (hi - lo) / BINS as f64;
    let mut counts = vec![0u64; BINS];
    for v in finite {
        let bin = (((v - lo) / width) as usize).min(BINS - 1);
        counts[bin] += 1;
    }
    counts
        .into_iter()
        .enumerate()
        .map(|(i, c)| (lo + width * i as f64, lo + width * (i + 1) as f64, c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_interpolate_like_spreadsheets() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(percentile(&v, 50), Some(3.0));
        assert_eq!(percentile(&v, 25), Some(2.0));
        assert_eq!(percentile(&v, 10), Some(1.4));
        assert_eq!(percentile(&[1.0, f64::INFINITY], 95), None);
        let s = Stats::of(vec![3.0, f64::INFINITY, 1.0, 2.0]);
        assert_eq!(s.mean, None);
        assert_eq!(s.percentiles[0], Some(1.15));
    }

    /// The old way, kept as the reference: sort the whole column, read the ranks.
    fn sorted_percentiles(values: &[f64]) -> [Option<u64>; 7] {
        let mut sorted = values.to_vec();
        // NaN (undefined) with +∞ (never), last, as the percentiles rank them.
        let key = |v: &f64| if v.is_nan() { f64::INFINITY } else { *v };
        sorted.sort_unstable_by(|a, b| key(a).total_cmp(&key(b)));
        PERCENTILES.map(|p| percentile(&sorted, p).map(f64::to_bits))
    }

    #[test]
    fn the_mean_is_summed_in_trial_order() {
        // 1e16 + 1 rounds back to 1e16 (ties to even), so the order shows:
        // in trial order ((1e16 + 1) − 1e16) + 1 = 1, a mean of 0.25; sorted,
        // ((−1e16 + 1) + 1) + 1e16 = 0.
        let s = Stats::of(vec![1e16, 1.0, -1e16, 1.0]);
        assert_eq!(s.mean, Some(0.25));
        let s = Stats::of(vec![-1e16, 1.0, 1.0, 1e16]);
        assert_eq!(s.mean, Some(0.0));
    }

    #[test]
    fn selected_ranks_are_the_sorted_ones_at_the_edges() {
        for values in [
            vec![],
            vec![7.0],
            vec![2.0, 1.0],
            vec![f64::NAN, 1.0, f64::INFINITY, -0.0, 0.0, 0.0, -5.0],
            vec![f64::NAN; 30],
            (0..101).map(|i| f64::from(100 - i)).collect(),
        ] {
            let picked = Stats::of(values.clone())
                .percentiles
                .map(|p| p.map(f64::to_bits));
            assert_eq!(picked, sorted_percentiles(&values), "{values:?}");
        }
        // 101 values 0..=100: the p-th percentile is p itself.
        let s = Stats::of((0..101).map(f64::from).rev().collect());
        assert_eq!(s.percentiles, PERCENTILES.map(|p| Some(f64::from(p))));
    }

    proptest::proptest! {
        #[test]
        fn selected_percentiles_equal_sorted_ones(
            values in proptest::collection::vec(
                proptest::prop_oneof![
                    8 => -1e6f64..1e6,
                    1 => proptest::sample::select(vec![
                        f64::NAN, f64::INFINITY, 0.0, -0.0, 1.0, 3.5,
                    ]),
                ],
                0..400,
            )
        ) {
            let picked = Stats::of(values.clone()).percentiles.map(|p| p.map(f64::to_bits));
            proptest::prop_assert_eq!(picked, sorted_percentiles(&values));
        }
    }

    #[test]
    fn histogram_counts_every_finite_value() {
        let h = histogram([0.0, 1.0, 2.0, f64::NAN, 10.0].into_iter());
        assert_eq!(h.len(), BINS);
        assert_eq!(h.iter().map(|b| b.2).sum::<u64>(), 4);
        assert_eq!(h[BINS - 1].2, 1);
    }
}
