//! A proof, made before the first byte, that no point of a grid overflows
//! exact arithmetic: every figure the engine computes is bounded over the
//! grid's box, and the bounds are compared with the limit of `Decimal`.
//!
//! It is sufficient, not necessary: when it cannot prove a grid safe, the
//! sweep computes every point once without output instead (the dearer way to
//! the same promise). It follows the model as the engine computes it; a new
//! input or formula in the engine needs its term here, and the proptest in
//! `equivalence` checks that whatever this proves safe does compute.

use super::Grid;
use super::fast::Base;
use crate::forecast::engine::Inputs;
use crate::forecast::scenario::Key;
use crate::forecast::scenario::value::{Form, Written};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// The largest magnitude `Decimal` holds, 2^96 − 1 ≈ 7.9·10²⁸.
const LIMIT: f64 = 7.9e28;

/// A ratio shown to 8 places must stay below this (the engine refuses it otherwise).
const RATIO_LIMIT: f64 = 1e20;

/// Sums and products may round past this decimal place: the engine's own
/// guard (`engine::exact::GUARD_PLACES`, private to it), which lets it go.
const GUARD_PLACES: u32 = 18;

/// How far below [`LIMIT`] every bound must stay: covers the `f64` rounding
/// of the bounds themselves many times over.
const MARGIN: f64 = 100.0;

/// True when no point of `grid` can overflow. `corners` are the inputs
/// resolved at the grid's corners: every input is linear in each varied key
/// (a change is base × (1 + r), linear in each), so its largest magnitude
/// over the box is at a corner.
pub(super) fn proven(grid: &Grid, base: &Base, corners: &[Inputs<Decimal>]) -> bool {
    // Capacity, seasons and cost lines are not bounded here yet: such a grid
    // is checked point by point instead.
    if corners.iter().any(|i| !i.tables.is_empty())
        || grid.axes().iter().any(|a| a.key.index().is_none())
    {
        return false;
    }
    let f = |d: Decimal| d.to_f64().map_or(f64::INFINITY, f64::abs);
    let most = |get: fn(&Inputs<Decimal>) -> Decimal| {
        corners.iter().map(|i| f(get(i))).fold(0.0, f64::max)
    };
    let leads = most(|i| i.baseline.leads).max(most(|i| i.after.leads));
    let check = most(|i| i.baseline.average_check).max(most(|i| i.after.average_check));
    let hours = most(|i| i.staff_hours).max(1.0);
    let rate = most(|i| i.hourly_rate).max(1.0);
    let horizon = corners.iter().map(|i| i.months).max().unwrap_or(0);
    let horizon = f64::from(horizon);
    // Shares (conversion, no-shows, margin, discount) are within 0..=1, so
    // revenue ≤ leads × check, the uplift and the extra profit ≤ twice that,
    // the monthly benefit ≤ that plus the savings; every sum over months,
    // cumulative, NPV, or month × (month + 1) before halving, is at most the
    // horizon × (horizon + 1) times the largest monthly figure, and the
    // engine's other divisions (by 12, 1 + r/12, the ramp's R + 1, 2) divide
    // by at least 1. The 1 inside covers the month numbers themselves.
    let monthly = 2.0 * leads * check.max(1.0)
        + hours * rate
        + most(|i| i.other_savings)
        + most(|i| i.monthly_cost)
        + most(|i| i.setup_cost)
        + 1.0;
    let figures = monthly * horizon * (horizon + 1.0);
    if !safe(figures) {
        return false;
    }
    // Sums and products of the inputs are exact or refused, rounding past
    // the 18th decimal place let go: each has at most `scale` + 1 places (the
    // + 1 for halves: R/2, a triangle of months), so when figures at that
    // scale fit, none is refused.
    let scale = path_scale(grid, base) + 1;
    if !safe(figures * 10f64.powi(scale.min(GUARD_PLACES) as i32)) {
        return false;
    }
    // ROI divides net (≤ 2 × figures) by a cumulative cost, monthly × m +
    // setup, which when not zero is at least the smaller of the two's
    // smallest non-zero values on the grid; a ratio must stay below 10²⁰
    // to show 8 places.
    let cost = [Key::CostsMonthly, Key::CostsSetup]
        .into_iter()
        .filter_map(|key| smallest_nonzero(grid, base, key))
        .fold(f64::INFINITY, f64::min);
    if cost.is_finite() && !within(2.0 * figures / cost, RATIO_LIMIT) {
        return false;
    }
    // Payback divides what is still owed by the month's flow, which covers
    // it: a share of a month, at most 1, when the arithmetic is exact, as it
    // is without a ramp once every figure keeps all its places.
    let ramp = corners.iter().map(|i| i.ramp_months).max().unwrap_or(0);
    if scale > GUARD_PLACES {
        return false;
    }
    // With a ramp, R + 1 may not divide, and a figure built on a quotient is
    // off by its rounding: a few half-units in the 28th digit, ε < 10⁻²⁷ ×
    // figures (figures ≥ 1). The true flow and cumulative net are fractions
    // over R + 1 whose numerators have at most `scale` places, so when not
    // zero they are at least g = 10^−scale / (R + 1). With g ≥ 3ε, the
    // computed cumulative net turns non-negative in the same month as the
    // true one (a true zero is a quotient that terminates, so it is computed
    // exactly), where what is owed is at most the true flow, itself at least
    // g: the share is at most (g + ε) / (g − ε) ≤ 2. g ≥ 3ε holds when
    // figures × 10^scale × (R + 1) < 10²⁶, with room to spare.
    ramp == 0 || figures * 10f64.powi(scale as i32) * f64::from(ramp + 1) < 1e26
}

/// True when a bound stays [`MARGIN`] times below [`LIMIT`]; false for NaN.
fn safe(bound: f64) -> bool {
    within(bound, LIMIT)
}

/// True when a bound stays [`MARGIN`] times below `limit`; false for NaN.
fn within(bound: f64, limit: f64) -> bool {
    bound * MARGIN < limit
}

/// The smallest non-zero magnitude `key` takes on the grid, if any: its
/// values are FROM + i × STEP, so the smallest lie next to zero or at an end.
fn smallest_nonzero(grid: &Grid, base: &Base, key: Key) -> Option<f64> {
    let Some(axis) = grid.axes().iter().find(|a| a.key == key) else {
        let v = key.field(base.inputs())?;
        return (!v.is_zero()).then(|| v.to_f64().map_or(0.0, f64::abs));
    };
    let last = axis.count - 1;
    let near_zero = (-axis.from.number())
        .checked_div(axis.step)
        .and_then(|i| i.floor().to_i128())
        .unwrap_or(0);
    [
        near_zero - 1,
        near_zero,
        near_zero + 1,
        near_zero + 2,
        0,
        i128::from(last),
    ]
    .into_iter()
    .filter_map(|i| u64::try_from(i).ok().filter(|i| *i <= last))
    .map(|i| axis.value(i).number())
    .filter(|v| !v.is_zero())
    // The smallest value is rounded down, so the bound stays a bound.
    .map(|v| v.to_f64().map_or(0.0, f64::abs) * (1.0 - 1e-9))
    .reduce(f64::min)
}

/// The most decimal places any figure on the payback path can have: each
/// input's scale over the grid, added up along the funnel's products.
fn path_scale(grid: &Grid, base: &Base) -> u32 {
    // Only the keys every scenario has reach here (see `proven`).
    let index = |k: Key| k.index().unwrap_or(0);
    let mut scales = Key::ALL.map(|k| k.field(base.inputs()).map_or(0, |v| v.scale()));
    let written = |w: Written, step: Decimal| w.number().scale().max(step.scale());
    let mut varied: Vec<_> = grid.axes().iter().collect();
    varied.sort_by_key(|a| index(a.key));
    for axis in varied {
        let own = written(axis.from, axis.step);
        let b = axis.key.baseline().map_or(0, |b| scales[index(b)]);
        scales[index(axis.key)] = match axis.from.form() {
            Form::Number | Form::Percent => own,
            // base × (1 + r) has the places of both.
            Form::Relative => b + own,
            Form::Points => b.max(own),
        };
    }
    for (after, b, change) in base.followers() {
        let b = scales[index(b)];
        scales[index(after)] = match change {
            None => b,
            Some(w) if w.form() == Form::Points => b.max(w.number().scale()),
            Some(w) => b + w.number().scale(),
        };
    }
    let s = |k: Key| scales[index(k)];
    let side = |leads, conversion, no_show, check| s(leads) + s(conversion) + s(no_show) + s(check);
    let funnel = side(
        Key::BaselineLeads,
        Key::BaselineConversion,
        Key::BaselineNoShowRate,
        Key::BaselineAverageCheck,
    )
    .max(side(
        Key::AfterLeads,
        Key::AfterConversion,
        Key::AfterNoShowRate,
        Key::AfterAverageCheck,
    ));
    (funnel + s(Key::GrossMargin))
        .max(s(Key::SavingsStaffHours) + s(Key::SavingsHourlyRate))
        .max(s(Key::SavingsOther))
        .max(s(Key::CostsMonthly))
        .max(s(Key::CostsSetup))
}
