//! Goal seeking: the value of one input at which a metric just meets a target.
//!
//! Every evaluation runs the draft checks and the engine, so the answer obeys
//! the same model as `calc`. Most targets are linear in the input once written
//! as a residual (ROI ≥ t ⇔ benefit − (1 + t)·cost ≥ 0), so two evaluations
//! give the exact answer; where the residual is not linear (payback, the
//! discount rate) a bracketed bisection finds it. A capacity bends the
//! residual so that it may rise and fall again (more baseline leads fill the
//! chairs before the assistant does): the whole range is scanned, and every
//! place where being met changes is solved.

use crate::forecast::engine::{self, Summary};
use crate::forecast::metric::Metric;
use crate::forecast::scenario::ModelError;
use crate::forecast::scenario::value::{self, Written};
use crate::forecast::scenario::{Draft, Key, Kind, Location, Problem, Spec};
use crate::i18n::{f, t};
use rust_decimal::Decimal;

/// What to reach: a metric and its value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Target {
    /// The metric.
    pub metric: Metric,
    /// Its value: a fraction for ROI, months for payback, money otherwise.
    pub value: Decimal,
}

impl Target {
    /// Reads `METRIC=VALUE`; a ratio may be written `0.5` or `50%`.
    pub fn parse(arg: &str) -> Result<Target, Problem> {
        let fail = |message: String| Problem {
            location: Location::Flag("--target"),
            key: Some(arg.to_string()),
            value: None,
            message,
        };
        let names: Vec<&str> = Metric::ALL.iter().map(|m| m.name()).collect();
        let Some((name, text)) = arg.split_once('=') else {
            return Err(fail(f(
                "expected METRIC=VALUE with METRIC one of {}",
                &[&names.join(", ")],
            )));
        };
        let Some(metric) = Metric::from_name(name.trim()) else {
            return Err(fail(f(
                "unknown metric; use one of {}",
                &[&names.join(", ")],
            )));
        };
        let value = match value::read_str(text.trim()) {
            Ok(Written::Number(n)) => n,
            Ok(Written::Percent(n)) if metric == Metric::Roi => n,
            _ => {
                let allowed = match metric {
                    Metric::Roi => "a ratio like 0.5 or \"50%\"",
                    Metric::Payback => "a number of months like 3",
                    _ => "an amount like 100000",
                };
                return Err(fail(f(
                    "cannot read the target value; write {}",
                    &[&t(allowed)],
                )));
            }
        };
        if metric == Metric::Payback && value.is_sign_negative() {
            return Err(fail(t("a payback target must be 0 months or more").into()));
        }
        Ok(Target { metric, value })
    }
}

/// Which side of the answer meets the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// The target is met for this value and above.
    AtLeast,
    /// The target is met for this value and below.
    AtMost,
}

/// How the answer was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Solved from a residual that is linear in the input.
    Exact,
    /// Solved exactly on the straight piece of a broken-line residual (a
    /// capacity or a season bends it), found by bisection first.
    Piecewise,
    /// Bracketed bisection, to far below a kopeck.
    Search,
    /// Every whole value tried (months).
    Scan,
}

/// A later place where being met changes, past the first boundary.
#[derive(Debug, Clone, PartialEq)]
pub struct Boundary {
    /// The input's resolved value there.
    pub value: Decimal,
    /// Which side of `value` meets the target, locally: `AtMost` where the
    /// target stops being met above it, `AtLeast` where it is met again.
    pub direction: Direction,
    /// The metric at `value` (`None` only where it is undefined).
    pub achieved: Option<Decimal>,
    /// How it was found.
    pub method: Method,
}

/// The answer, or why there is none.
#[derive(Debug, Clone, PartialEq)]
pub enum Solution {
    /// The input value at the boundary of the target.
    Found {
        /// The input's resolved value (a fraction for rates, an absolute figure for `[after]` keys).
        value: Decimal,
        /// Which side meets the target.
        direction: Direction,
        /// The metric at `value` (`None` only where it is undefined).
        achieved: Option<Decimal>,
        /// How it was found.
        method: Method,
        /// Further changes, in increasing order of the input, each flipping
        /// the side that meets the target; empty when the first is the only one.
        later: Vec<Boundary>,
    },
    /// No value in the key's valid range meets the target.
    Never {
        /// The range searched.
        range: Range,
    },
    /// Every value in the key's valid range meets the target.
    Always {
        /// The range searched.
        range: Range,
    },
    /// The metric has no value whatever the key: an ROI target on a
    /// scenario without costs (ROI divides by cost), solved for a key that
    /// cannot bring a cost in.
    Undefined,
}

/// The range of values searched, and the metric at its ends.
#[derive(Debug, Clone, PartialEq)]
pub struct Range {
    /// The smallest value tried.
    pub low: Decimal,
    /// The largest value tried.
    pub high: Decimal,
    /// The metric at `low` (`None` where undefined or invalid).
    pub at_low: Option<Decimal>,
    /// The metric at `high`.
    pub at_high: Option<Decimal>,
}

/// Evaluates the scenario with `key` set to `x`.
struct Probe {
    draft: Draft,
    key: Key,
    target: Target,
    /// Set when the engine refused a probe (too large, or too many digits
    /// to compute exactly), as opposed to the value breaking a rule.
    refused: bool,
}

/// Places the solver's own probe values keep. The answer is shown to 12;
/// a probe with 28 would make products with the user's figures too long
/// for exact arithmetic, which would then refuse them.
const PROBE_PLACES: u32 = 20;

impl Probe {
    /// The summary at `x`; `None` when `x` breaks a rule of the scenario.
    fn summary(&mut self, x: Decimal) -> Option<Summary<Decimal>> {
        self.draft
            .set(self.key, Spec::flag("--for", Written::Number(x)));
        let inputs = self.draft.resolve_inputs().ok()?;
        let summary = engine::summarize(&inputs).ok();
        self.refused |= summary.is_none();
        summary
    }

    /// The residual at `x`: ≥ 0 exactly where the target is met. `None` when
    /// `x` is not a valid value; payback that never comes is −∞, written as `Some(None)`.
    fn residual(&mut self, x: Decimal) -> Option<Option<Decimal>> {
        let s = self.summary(x)?;
        let t = self.target.value;
        Some(match self.target.metric {
            Metric::Roi => Decimal::ONE
                .checked_add(t)
                .and_then(|k| k.checked_mul(s.total_cost))
                .and_then(|c| s.total_benefit.checked_sub(c)),
            Metric::Net => s.net.checked_sub(t),
            Metric::Npv => s.npv.checked_sub(t),
            Metric::Benefit => s.monthly_benefit.checked_sub(t),
            Metric::Payback => s.payback_months.and_then(|p| t.checked_sub(p)),
        })
    }

    fn met(&mut self, x: Decimal) -> Option<bool> {
        self.residual(x)
            .map(|r| r.is_some_and(|r| !r.is_sign_negative() || r.is_zero()))
    }
}

/// Finds the value of `key` at which `target` is just met.
pub fn solve(draft: &Draft, key: Key, target: Target) -> Result<Solution, ModelError> {
    let current = draft.resolve_inputs().map_err(ModelError::Invalid)?;
    let now = engine::summarize(&current)?;
    // ROI = net / cost: with nothing spent it is undefined, and only the
    // cost keys can change that. Searching would call the residual's sign
    // "met" or "not met" and answer found/always about a ratio that does not exist.
    let brings_cost = matches!(key, Key::CostsSetup | Key::CostsMonthly);
    if target.metric == Metric::Roi && now.total_cost.is_zero() && !brings_cost {
        return Ok(Solution::Undefined);
    }
    let mut probe = Probe {
        draft: draft.clone(),
        key,
        target,
        refused: false,
    };
    let achieved =
        |probe: &mut Probe, x: Decimal| probe.summary(x).and_then(|s| target.metric.of(&s));
    if let Kind::Months { min, max } = key.kind() {
        return Ok(scan(&mut probe, min, max, achieved));
    }
    let (lo, hi) = domain(&current, key);
    let range = Range {
        low: lo,
        high: hi,
        at_low: achieved(&mut probe, lo),
        at_high: achieved(&mut probe, hi),
    };
    // Sample the whole range, valid ends included, and note every place
    // where being met changes: with a cap it may change twice.
    let mut previous: Option<(Decimal, bool)> = None;
    let mut brackets = Vec::new();
    for (x, met) in sampled(&mut probe, samples(lo, hi)) {
        if let Some((px, pmet)) = previous
            && pmet != met
        {
            brackets.push((px, x, met));
        }
        previous = Some((x, met));
    }
    let piecewise = piecewise_linear(&current, key, target);
    let bent = bent_by_capacity(&current, key);
    let mut found = Vec::with_capacity(brackets.len());
    for (a, b, met_above) in brackets {
        let (value, method) = boundary(&mut probe, (a, b, met_above), piecewise, bent);
        found.push(Boundary {
            value,
            direction: if met_above {
                Direction::AtLeast
            } else {
                Direction::AtMost
            },
            achieved: achieved(&mut probe, value),
            method,
        });
    }
    let mut found = found.into_iter();
    let Some(first) = found.next() else {
        return Ok(match previous {
            Some((_, true)) => Solution::Always { range },
            _ => Solution::Never { range },
        });
    };
    Ok(Solution::Found {
        value: first.value,
        direction: first.direction,
        achieved: first.achieved,
        method: first.method,
        later: found.collect(),
    })
}

/// The boundary inside the bracket `(a, b, met at b)`, and how it was found.
fn boundary(
    probe: &mut Probe,
    (a, b, met_above): (Decimal, Decimal, bool),
    piecewise: bool,
    bent: bool,
) -> (Decimal, Method) {
    // A residual linear in the input gives the boundary directly; check it.
    // Where a cap bends the residual, that line is only the piece the
    // bracket lies on, and the answer says so rather than "linear".
    if let Some(x) = linear_root(probe, a, b) {
        return (
            x,
            if bent {
                Method::Piecewise
            } else {
                Method::Exact
            },
        );
    }
    let (miss, meet) = bisect(probe, a, b, met_above);
    // A capacity or a season makes the residual piecewise linear: the
    // last bracket lies on one piece, whose root is then exact.
    let narrow = piecewise
        .then(|| linear_root(probe, miss.min(meet), miss.max(meet)))
        .flatten()
        .filter(|x| (miss.min(meet)..=miss.max(meet)).contains(x));
    match narrow {
        Some(x) => (x, Method::Piecewise),
        None => (meet, Method::Search),
    }
}

/// Whether the target is met at each sample, skipping values the scenario
/// refuses. Where the samples step from a refused value to an allowed one
/// (or back) because of a rule — a baseline that must fit the capacity caps
/// its leads — the last allowed value is found by bisection and sampled
/// too: the target may change just inside that end, where no sample lies.
fn sampled(probe: &mut Probe, xs: Vec<Decimal>) -> Vec<(Decimal, bool)> {
    let mut out = Vec::with_capacity(xs.len() + 2);
    // The previous sample, whether it was allowed, and whether the engine
    // (rather than a rule) refused it.
    let mut previous: Option<(Decimal, bool, bool)> = None;
    for x in xs {
        probe.refused = false;
        let met = probe.met(x);
        let refused = probe.refused;
        if let Some((px, pvalid, prefused)) = previous
            && pvalid != met.is_some()
            && !(prefused || refused)
        {
            let (valid, invalid) = if pvalid { (px, x) } else { (x, px) };
            if let Some(edge) = valid_edge(probe, valid, invalid) {
                out.push(edge);
            }
        }
        if let Some(met) = met {
            out.push((x, met));
        }
        previous = Some((x, met.is_some(), refused));
    }
    out.sort_by_key(|s| s.0);
    out.dedup_by(|a, b| a.0 == b.0);
    out
}

/// The allowed value nearest the refused one, between an allowed and a
/// refused value (the rules are linear in one key, so allowed values form
/// one interval), with whether the target is met there; `None` when the
/// edge is the allowed value itself.
fn valid_edge(probe: &mut Probe, valid: Decimal, invalid: Decimal) -> Option<(Decimal, bool)> {
    let (mut v, mut w) = (valid, invalid);
    for _ in 0..200 {
        let mid = ((v + w) / Decimal::TWO).round_dp(PROBE_PLACES);
        if mid == v || mid == w || (w - v).abs() < Decimal::new(1, 20) {
            break;
        }
        if probe.met(mid).is_some() {
            v = mid;
        } else {
            w = mid;
        }
    }
    if v == valid {
        return None;
    }
    probe.met(v).map(|met| (v, met))
}

/// Whole-month keys: try each value in turn.
fn scan(
    probe: &mut Probe,
    min: u32,
    max: u32,
    achieved: impl Fn(&mut Probe, Decimal) -> Option<Decimal>,
) -> Solution {
    let (low, high) = (Decimal::from(min), Decimal::from(max));
    let range = Range {
        low,
        high,
        at_low: achieved(probe, low),
        at_high: achieved(probe, high),
    };
    let mut first: Option<bool> = None;
    let mut last_valid = None;
    for n in min..=max {
        let x = Decimal::from(n);
        let Some(met) = probe.met(x) else { continue };
        match first {
            None => first = Some(met),
            Some(before) if before != met => {
                // The boundary value is the one on the met side.
                let (value, direction) = if met {
                    (x, Direction::AtLeast)
                } else {
                    (last_valid.unwrap_or(x), Direction::AtMost)
                };
                return Solution::Found {
                    value,
                    direction,
                    achieved: achieved(probe, value),
                    method: Method::Scan,
                    later: Vec::new(),
                };
            }
            Some(_) => {}
        }
        last_valid = Some(x);
    }
    match first {
        Some(true) => Solution::Always { range },
        _ => Solution::Never { range },
    }
}

/// The key's range: 0–100% for shares; for amounts, from 0 to well past
/// anything a small business sees (10^15). The capacity starts at the
/// baseline's average-month visits, the least the rules allow (the baseline
/// is what was served); starting at 0 would leave that end unsampled.
fn domain(current: &engine::Inputs<Decimal>, key: Key) -> (Decimal, Decimal) {
    if key.kind().is_rate() {
        return (Decimal::ZERO, Decimal::ONE);
    }
    let high = Decimal::from(1_000_000_000_000_000u64);
    let low = match key {
        // The same figure the rule compares with, so the end is allowed.
        Key::Capacity => current
            .baseline
            .figures()
            .map_or(Decimal::ZERO, |b| b.visits.max(Decimal::ZERO)),
        _ => Decimal::ZERO,
    };
    (low.min(high), high)
}

/// Points to look for the target between: even steps for shares, and a
/// geometric ladder for amounts, which span many orders of magnitude.
fn samples(lo: Decimal, hi: Decimal) -> Vec<Decimal> {
    if hi <= Decimal::ONE {
        return (0..=100)
            .map(|i| lo + (hi - lo) * Decimal::new(i, 2))
            .collect();
    }
    let mut xs = vec![lo];
    let mut x = Decimal::new(1, 2);
    while x < hi {
        // Only the rungs inside the range, so the samples stay in order when
        // the range starts above 0 (the capacity starts at the baseline's visits).
        xs.extend(
            [1, 2, 5]
                .map(|k| x * Decimal::from(k))
                .into_iter()
                .filter(|r| *r > lo && *r < hi),
        );
        x *= Decimal::TEN;
    }
    xs.push(hi);
    xs
}

/// The root of the straight line through the residuals at `a` and `b`, if
/// the residual really is that line: it must vanish at the root and lie on
/// the line halfway, up to the last digits of exact arithmetic.
fn linear_root(probe: &mut Probe, a: Decimal, b: Decimal) -> Option<Decimal> {
    let ra = probe.residual(a)??;
    let rb = probe.residual(b)??;
    let slope = rb.checked_sub(ra)?.checked_div(b.checked_sub(a)?)?;
    if slope.is_zero() {
        return None;
    }
    let x = a
        .checked_sub(ra.checked_div(slope)?)?
        .round_dp(PROBE_PLACES);
    let mid = (a + b) / Decimal::TWO;
    let on_line = ra.checked_add(slope.checked_mul(mid - a)?)?;
    let tolerance = ra.abs().max(rb.abs()).max(Decimal::ONE) * Decimal::new(1, 15);
    // Residuals are user magnitudes (up to ±7.9e28): their gap is checked too.
    let linear = probe.residual(mid)??.checked_sub(on_line)?.abs() <= tolerance
        && probe.residual(x)??.abs() <= tolerance;
    linear.then_some(x)
}

/// True when the residual is linear in `key` between the kinks that model v2's
/// tables put in it (a month reaching the capacity): the scenario has the
/// tables, the target is not payback (a quotient) and the key is neither the
/// discount rate nor a yearly increase (powers).
fn piecewise_linear(inputs: &engine::Inputs<Decimal>, key: Key, target: Target) -> bool {
    // Solving for a table's key brings the table in, even when the file
    // has none: `--for capacity.visits` on a scenario without `[capacity]`.
    let brings_table = matches!(
        key,
        Key::Capacity | Key::Season(_) | Key::Item(..) | Key::Repeat(_)
    );
    (!inputs.tables.is_empty() || brings_table)
        && target.metric != Metric::Payback
        && key != Key::DiscountRate
        && !matches!(
            key,
            Key::Item(_, crate::forecast::scenario::ItemField::YearlyIncrease)
        )
}

/// True when a cap bends the residual in `key`: the key sets the visits a
/// month (leads, conversion, no-shows, a season's factor, a month of repeat
/// visits, the cap itself) and the scenario has a cap or the key is the cap. Such a residual is
/// linear only piecewise, so a root found on one piece is not "linear in
/// this input" even when two samples happened to lie on the same piece.
fn bent_by_capacity(inputs: &engine::Inputs<Decimal>, key: Key) -> bool {
    let feeds_visits = matches!(
        key,
        Key::BaselineLeads
            | Key::BaselineConversion
            | Key::BaselineNoShowRate
            | Key::AfterLeads
            | Key::AfterConversion
            | Key::AfterNoShowRate
            | Key::Season(_)
            | Key::Repeat(_)
    );
    key == Key::Capacity || (feeds_visits && inputs.tables.capacity.is_some())
}

/// Bisection between a value that misses the target and one that meets it;
/// returns the last bracket, missing end first, once it is far below any figure shown.
fn bisect(probe: &mut Probe, a: Decimal, b: Decimal, met_above: bool) -> (Decimal, Decimal) {
    let (mut miss, mut meet) = if met_above { (a, b) } else { (b, a) };
    let two = Decimal::TWO;
    for _ in 0..200 {
        let mid = ((miss + meet) / two).round_dp(PROBE_PLACES);
        if mid == miss || mid == meet || (meet - miss).abs() < Decimal::new(1, 20) {
            break;
        }
        probe.refused = false;
        match probe.met(mid) {
            Some(true) => meet = mid,
            Some(false) => miss = mid,
            // The engine cannot compute there exactly: nothing finer can be
            // learnt, and guessing a side would move the answer.
            None if probe.refused => break,
            // An invalid midpoint cannot lie between two valid ones (the rules are
            // linear), but if it did, shrink towards the end that meets.
            None => miss = mid,
        }
    }
    (miss, meet)
}
