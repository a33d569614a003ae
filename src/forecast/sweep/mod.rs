//! What-if grids: one or two keys varied over ranges written in the keys' own
//! grammar, checked whole before the first byte, then evaluated point by point
//! through the same engine as `calc`, in parallel blocks that stream out in order.

mod axis;
mod bound;
mod fast;

pub use axis::Axis;

use crate::forecast::engine::{self, Benefit, Inputs, Overflow, Schedule, Summary};
use crate::forecast::scenario::value::Written;
use crate::forecast::scenario::{Draft, Key, Location, Problem, Spec};
use crate::i18n::{f, t};
use rust_decimal::Decimal;
use std::io;

/// The largest grid `roi sweep` walks.
pub const MAX_POINTS: u64 = 10_000_000;

/// One or two axes; points are numbered with the last axis varying fastest.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    axes: Vec<Axis>,
}

impl Grid {
    /// Checks the axes together: one or two, distinct keys, at most [`MAX_POINTS`] points.
    pub fn new(axes: Vec<Axis>) -> Result<Grid, Problem> {
        let fail = |message: String| Problem {
            location: Location::Flag("--vary"),
            key: None,
            value: None,
            message,
        };
        match axes.as_slice() {
            [_] => {}
            [a, b] if a.key == b.key => {
                return Err(fail(f(
                    "{} is varied twice; vary two different keys",
                    &[&a.key.path()],
                )));
            }
            [_, _] => {}
            _ => {
                return Err(fail(
                    t("give --vary once for a table or twice for a grid").into(),
                ));
            }
        }
        let points = axes
            .iter()
            .try_fold(1u64, |n, a| n.checked_mul(a.count))
            .filter(|n| *n <= MAX_POINTS);
        if points.is_none() {
            let sizes: Vec<String> = axes.iter().map(|a| a.count.to_string()).collect();
            return Err(fail(f(
                "the grid has {} points; the limit is {}: use larger steps",
                &[&sizes.join(" × "), &MAX_POINTS],
            )));
        }
        Ok(Grid { axes })
    }

    /// The axes, in the order given.
    pub fn axes(&self) -> &[Axis] {
        &self.axes
    }

    /// The number of points.
    pub fn len(&self) -> u64 {
        self.axes.iter().map(|a| a.count).product()
    }

    /// Always false: every axis has at least two values.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Each axis's index for point `n`.
    fn indices(&self, n: u64) -> [u64; 2] {
        match self.axes.as_slice() {
            [_, b] => [n / b.count, n % b.count],
            _ => [n, 0],
        }
    }

    /// The corners of the grid: every check is linear in each key, so if the
    /// corners pass, every point between them does.
    fn corners(&self) -> Vec<u64> {
        let last: Vec<u64> = self.axes.iter().map(|a| a.count - 1).collect();
        let mut corners = match last.as_slice() {
            [a] => vec![0, *a],
            [a, b] => vec![0, *b, a * (b + 1), a * (b + 1) + b],
            _ => vec![],
        };
        corners.dedup();
        corners
    }
}

/// One evaluated point: the values of the varied keys and the summary there.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// The varied keys' values, in axis order (the second unused for one axis).
    pub values: [Written; 2],
    /// The engine's summary at this point.
    pub summary: Summary<Decimal>,
}

/// Why a sweep stopped.
#[derive(Debug, thiserror::Error)]
pub enum SweepError {
    /// A point breaks the scenario's rules (checked at the grid's corners first).
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<Problem>),
    /// A point's figures are too large for exact arithmetic.
    #[error(transparent)]
    Overflow(#[from] Overflow),
    /// A grid point's figures are too large for exact arithmetic; `at` names
    /// the varied keys and their values there, like `costs.monthly=1E-21`.
    #[error("{at}: {overflow}")]
    OverflowAt {
        /// `KEY=VALUE` for each varied key, joined by commas.
        at: String,
        /// What overflowed.
        overflow: Overflow,
    },
    /// The output could not be written.
    #[error(transparent)]
    Io(#[from] io::Error),
}

/// A worker's scratch: a copy of the draft for the reference evaluation,
/// and the schedule and benefit it last needed.
struct Scratch {
    draft: Draft,
    schedule: Option<Schedule<Decimal>>,
    benefit: Option<Benefit<Decimal>>,
    /// The fast path's inputs, set point after point in place.
    inputs: Option<Inputs<Decimal>>,
}

impl Scratch {
    fn new(draft: &Draft) -> Scratch {
        Scratch {
            draft: draft.clone(),
            schedule: None,
            benefit: None,
            inputs: None,
        }
    }

    /// The engine's summary, reusing what the last point worked out when it
    /// still fits: unless the horizon, ramp or discount rate is varied, one
    /// schedule serves every point, and unless the inner key moves the
    /// funnel, savings or margin, one benefit serves a whole row.
    fn summarize(&mut self, inputs: &Inputs<Decimal>) -> Result<Summary<Decimal>, Overflow> {
        summarize_in(&mut self.schedule, &mut self.benefit, inputs)
    }
}

/// [`Scratch::summarize`] over the scratch's caches alone, so that the fast
/// path can pass inputs kept in the same scratch. The schedule is replaced
/// in place rather than taken out and put back: it is some 250 bytes, and
/// moving it twice a point showed up as memcpy in the sweep's profile.
fn summarize_in(
    schedule: &mut Option<Schedule<Decimal>>,
    benefit: &mut Option<Benefit<Decimal>>,
    inputs: &Inputs<Decimal>,
) -> Result<Summary<Decimal>, Overflow> {
    let schedule = match schedule {
        Some(s) if s.fits(inputs) => s,
        slot => slot.insert(Schedule::new(inputs)?),
    };
    engine::summarize_cached(schedule, benefit, inputs)
}

/// The varied keys' values at point `n`, in axis order.
fn values_at(grid: &Grid, n: u64) -> [Written; 2] {
    let mut values = [Written::Number(Decimal::ZERO); 2];
    for ((axis, i), slot) in grid.axes.iter().zip(grid.indices(n)).zip(&mut values) {
        *slot = axis.value(i);
    }
    values
}

/// The reference evaluation of point `n`: the varied values set into the
/// draft, which is resolved with every rule, as `calc --set` would.
fn evaluate(grid: &Grid, scratch: &mut Scratch, n: u64) -> Result<Point, SweepError> {
    let values = values_at(grid, n);
    for (axis, value) in grid.axes.iter().zip(values) {
        scratch.draft.set(axis.key, Spec::flag("--vary", value));
    }
    let inputs = scratch
        .draft
        .resolve_inputs()
        .map_err(SweepError::Invalid)?;
    let summary = scratch.summarize(&inputs)?;
    Ok(Point { values, summary })
}

/// A grid checked against a draft: every point is known to compute.
pub struct Plan<'a> {
    grid: &'a Grid,
    draft: &'a Draft,
    base: fast::Base,
    /// Each axis's first values, worked out once (at most [`CACHED_VALUES`]
    /// per axis, so memory stays flat).
    values: Vec<Vec<Written>>,
    /// Whether [`bound`] proved that no point overflows; if not, [`run`]
    /// computes every point once before it writes anything.
    proven: bool,
}

/// Axis values a [`Plan`] keeps at hand; public so the equivalence tests
/// can build a grid past it.
pub const CACHED_VALUES: u64 = 1 << 16;

impl Plan<'_> {
    /// Whether the bound proved that no point overflows, so [`run`] writes
    /// without a first pass (the equivalence tests check which grids are).
    pub fn proven(&self) -> bool {
        self.proven
    }

    /// Evaluates point `n` on the fast path: the varied values set into
    /// inputs resolved once ([`fast`]); the reference evaluation answers for a
    /// point the fast path cannot compute, so its error is the draft's own.
    /// The point is pushed onto `out` rather than returned: a point is some
    /// 300 bytes, and returning it through a `Result` into the block's vector
    /// copied it three times (memcpy in the sweep's profile).
    fn push(&self, scratch: &mut Scratch, n: u64, out: &mut Vec<Point>) -> Result<(), SweepError> {
        let mut values = [Written::Number(Decimal::ZERO); 2];
        for (((axis, cache), i), slot) in (self.grid.axes.iter().zip(&self.values))
            .zip(self.grid.indices(n))
            .zip(&mut values)
        {
            *slot = match cache.get(i as usize) {
                Some(v) => *v,
                None => axis.value(i),
            };
        }
        // The inputs stay in the scratch, borrowed beside its caches: taking
        // them out and back was two copies of some 500 bytes a point.
        let Scratch {
            schedule,
            benefit,
            inputs,
            ..
        } = scratch;
        // A copy of the base once per worker; `at` keeps it right point after point.
        let inputs = inputs.get_or_insert_with(|| self.base.inputs().clone());
        let summary = match self.base.at(&values[..self.grid.axes.len()], inputs) {
            Some(()) => summarize_in(schedule, benefit, inputs),
            None => return evaluate(self.grid, scratch, n).map(|point| out.push(point)),
        };
        match summary {
            Ok(summary) => {
                out.push(Point { values, summary });
                Ok(())
            }
            Err(overflow) => Err(SweepError::OverflowAt {
                at: point_text(self.grid, &values),
                overflow,
            }),
        }
    }
}

/// Checks the grid's corners, so that a bad range is refused before any
/// output, and prepares the fast path.
///
/// The scenario's rules are linear in each key, so the corners, run through
/// the draft, settle them for every point. Overflow is not linear (ROI
/// divides by the cost, which may come close to zero mid-grid), so the
/// figures are then bounded over the grid's box ([`bound`]); where the bound
/// cannot prove that nothing overflows, [`run`] computes every point once
/// without output first. Either way a sweep that starts printing finishes.
pub fn check<'a>(grid: &'a Grid, draft: &'a Draft) -> Result<Plan<'a>, SweepError> {
    let mut scratch = Scratch::new(draft);
    let mut corners = Vec::new();
    for corner in grid.corners() {
        for (axis, value) in grid.axes.iter().zip(values_at(grid, corner)) {
            scratch.draft.set(axis.key, Spec::flag("--vary", value));
        }
        let inputs = scratch
            .draft
            .resolve_inputs()
            .map_err(SweepError::Invalid)?;
        // A corner that cannot be computed is named like any other point,
        // so the refusal blames the varied values, not the file's.
        scratch
            .summarize(&inputs)
            .map_err(|overflow| SweepError::OverflowAt {
                at: point_text(grid, &values_at(grid, corner)),
                overflow,
            })?;
        corners.push(inputs);
    }
    let keys: Vec<Key> = grid.axes.iter().map(|a| a.key).collect();
    // The first corner is point 0, so `corners` is never empty.
    let base = fast::Base::new(draft, &keys, corners[0].clone());
    Ok(Plan {
        grid,
        draft,
        proven: bound::proven(grid, &base, &corners),
        base,
        values: grid
            .axes
            .iter()
            .map(|a| {
                (0..a.count.min(CACHED_VALUES))
                    .map(|i| a.value(i))
                    .collect()
            })
            .collect(),
    })
}

/// A point as `--vary` would write it: `after.leads=+25%, costs.monthly=100`.
fn point_text(grid: &Grid, values: &[Written]) -> String {
    grid.axes
        .iter()
        .zip(values)
        .map(|(a, v)| format!("{}={v}", a.key.path()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Points per block: large enough to amortise a thread hand-off, small enough
/// that memory stays flat.
const BLOCK: u64 = 4096;

/// A worker's reused buffers: its scratch, a block of points and their text.
struct Worker {
    scratch: Scratch,
    points: Vec<Point>,
    text: Vec<u8>,
}

/// Evaluates every point in order, `threads` blocks at a time; `render`
/// appends a block's text to a buffer each worker reuses, and `sink` receives
/// `head` (a header), then the buffers in grid order. Unless the plan's
/// bound proved every point computes, every point is computed once without
/// output first, so `sink` sees either the whole sweep or nothing.
pub fn run(
    plan: &Plan<'_>,
    threads: usize,
    head: &[u8],
    render: impl Fn(u64, &[Point], &mut Vec<u8>) + Sync,
    mut sink: impl FnMut(&[u8]) -> io::Result<()>,
) -> Result<(), SweepError> {
    if !plan.proven {
        blocks(plan, threads, |_, _, _| {}, |_| Ok(()))?;
    }
    sink(head)?;
    blocks(plan, threads, render, sink)
}

/// [`run`]'s one pass over the grid.
fn blocks(
    plan: &Plan<'_>,
    threads: usize,
    render: impl Fn(u64, &[Point], &mut Vec<u8>) + Sync,
    mut sink: impl FnMut(&[u8]) -> io::Result<()>,
) -> Result<(), SweepError> {
    let total = plan.grid.len();
    let threads = threads.max(1) as u64;
    let blocks = total.div_ceil(BLOCK);
    let mut workers: Vec<Worker> = (0..threads)
        .map(|_| Worker {
            scratch: Scratch::new(plan.draft),
            points: Vec::with_capacity(BLOCK as usize),
            text: Vec::new(),
        })
        .collect();
    let mut first_block = 0;
    while first_block < blocks {
        let round: Vec<Result<(), SweepError>> = std::thread::scope(|scope| {
            let handles: Vec<_> = workers
                .iter_mut()
                .zip(first_block..blocks)
                .map(|(worker, block)| {
                    let render = &render;
                    scope.spawn(move || {
                        let start = block * BLOCK;
                        let end = (start + BLOCK).min(total);
                        worker.points.clear();
                        worker.text.clear();
                        for n in start..end {
                            plan.push(&mut worker.scratch, n, &mut worker.points)?;
                        }
                        render(start, &worker.points, &mut worker.text);
                        Ok(())
                    })
                })
                .collect();
            handles
                .into_iter()
                // A worker only panics on a bug; pass the panic on rather than hide it.
                .map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
                .collect()
        });
        for (done, worker) in round.into_iter().zip(&workers) {
            done?;
            sink(&worker.text)?;
        }
        first_block += threads;
    }
    Ok(())
}

/// Every point in order, in memory: for tables, which are small by nature.
pub fn collect(plan: &Plan<'_>) -> Result<Vec<Point>, SweepError> {
    let mut scratch = Scratch::new(plan.draft);
    let mut points = Vec::new();
    for n in 0..plan.grid.len() {
        plan.push(&mut scratch, n, &mut points)?;
    }
    Ok(points)
}

/// Every point in order, each from the draft resolved with every rule: the
/// slow path, kept as the reference the fast one is tested against.
pub fn collect_reference(grid: &Grid, draft: &Draft) -> Result<Vec<Point>, SweepError> {
    let mut scratch = Scratch::new(draft);
    (0..grid.len())
        .map(|n| evaluate(grid, &mut scratch, n))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn reads_ranges_in_each_grammar() {
        let a = Axis::parse("after.conversion=20%..30%:1pp").unwrap();
        assert_eq!(
            (a.key, a.from, a.step, a.count),
            (
                Key::AfterConversion,
                Written::Percent(d("0.2")),
                d("0.01"),
                11
            )
        );
        assert_eq!(a.value(10), Written::Percent(d("0.30")));
        let a = Axis::parse("after.leads=+0%..+50%:5%").unwrap();
        assert_eq!(a.count, 11);
        assert_eq!(a.value(3).to_string(), "+15%");
        let a = Axis::parse("costs.monthly=5000..20000:2500").unwrap();
        assert_eq!(a.count, 7);
        assert_eq!(a.value(6), Written::Number(d("20000")));
        // Default: ten intervals; whole months step by one.
        assert_eq!(Axis::parse("costs.setup=0..1000").unwrap().count, 11);
        assert_eq!(Axis::parse("scenario.months=3..24").unwrap().count, 22);
        // Descending with a negative step; a step that overshoots stops short of TO.
        let a = Axis::parse("costs.monthly=20000..5000:-4000").unwrap();
        assert_eq!((a.count, a.value(3)), (4, Written::Number(d("8000"))));
    }

    #[test]
    fn refuses_bad_ranges() {
        for (arg, says) in [
            ("after.leads=+0%..+0%", "empty"),
            ("after.leads=+0%..+50%:0%", "zero"),
            ("after.leads=+0%..+50%:-5%", "away from TO"),
            ("after.leads=+0%..50", "same way"),
            ("costs.monthly=1..10:5%", "plain numbers"),
            ("after.lead=+0%..+5%", "did you mean `after.leads`"),
            ("after.leads", "KEY=FROM..TO"),
            ("after.leads=+5%", "FROM..TO"),
            ("costs.monthly=0..1e12:0.0001", "more than"),
            ("scenario.months=1..3:0.5", "whole numbers"),
            (
                "costs.monthly=-79228162514264337593543950335..79228162514264337593543950335",
                "too wide",
            ),
            (
                "costs.setup=900000000000000000000..900000000000000000000.0000001:0.00000001",
                "more digits",
            ),
        ] {
            let e = Axis::parse(arg).unwrap_err();
            assert!(e.to_string().contains(says), "{arg}: {e}");
        }
        let big = |arg| Axis::parse(arg).unwrap();
        let e = Grid::new(vec![
            big("costs.monthly=0..5000000:1"),
            big("costs.setup=0..3:1"),
        ])
        .unwrap_err();
        assert!(e.message.contains("the limit is 10000000"), "{e}");
        let e = Grid::new(vec![big("costs.setup=0..3:1"), big("costs.setup=0..5:1")]).unwrap_err();
        assert!(e.message.contains("varied twice"), "{e}");
    }
}
