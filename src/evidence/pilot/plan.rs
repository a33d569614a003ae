//! The pilot against the plan the assistant was bought on: month by month,
//! planned and actual funnel, and the money to date, planned and actual.

use super::{Change, Metric};
use crate::evidence::measure::Measured;
use crate::evidence::measure::cell::Month;
use crate::evidence::measure::error::{MeasureError, Period};
use crate::evidence::measure::funnel::Channel;
use crate::forecast::engine::{self, Inputs};
use crate::forecast::scenario::Scenario;
use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive;

/// Benefit, cost, net and ROI from the first pilot month to this one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ToDate {
    /// Cumulative benefit.
    pub benefit: Decimal,
    /// Cumulative cost.
    pub cost: Decimal,
    /// Benefit − cost.
    pub net: Decimal,
    /// Net / cost; `None` without costs.
    pub roi: Option<Decimal>,
}

impl ToDate {
    fn new(benefit: Decimal, cost: Decimal) -> ToDate {
        let net = benefit - cost;
        ToDate {
            benefit,
            cost,
            net,
            roi: (!cost.is_zero()).then(|| net / cost),
        }
    }
}

/// One pilot month, planned and actual.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanMonth {
    /// The calendar month.
    pub month: Month,
    /// Its share of the full effect in the plan (the ramp-up).
    pub share: Decimal,
    /// Planned leads, conversion, no-show rate, check and revenue (with the ramp).
    pub planned: [Decimal; 5],
    /// The measured ones, where the data has them.
    pub actual: [Option<Decimal>; 5],
    /// Money to date as planned.
    pub planned_to_date: ToDate,
    /// Money to date as measured (`None` without revenue).
    pub actual_to_date: Option<ToDate>,
}

/// The whole comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanReport {
    /// The plan's name.
    pub name: String,
    /// Month by month.
    pub months: Vec<PlanMonth>,
    /// Baseline metrics where the plan's figure is more than 10% off the measured one:
    /// (name, plan's, measured).
    pub differs: Vec<(&'static str, Decimal, Decimal)>,
    /// ROI over the plan's horizon with the measured baseline and the pilot's clear changes.
    pub projected_roi: Option<Decimal>,
}

/// How far the plan's baseline may be from the measured one before it is said.
const TOLERANCE: Decimal = Decimal::from_parts(1, 0, 0, false, 1);

fn between(b: Decimal, a: Decimal, share: Decimal) -> Decimal {
    b + share * (a - b)
}

/// The measured baseline, as the plan's funnel (the plan's figure where the data has none).
fn measured_baseline(m: &Measured, b: Period, plan: &Inputs<Decimal>) -> engine::Funnel<Decimal> {
    let t = m.funnel.period(b.from, b.to, Channel::All).figures();
    let months = Decimal::from(b.months());
    engine::Funnel {
        leads: t
            .leads
            .map_or(plan.baseline.leads, |l| Decimal::from(l) / months),
        conversion: t.conversion.unwrap_or(plan.baseline.conversion),
        average_check: t.average_check.unwrap_or(plan.baseline.average_check),
        no_show_rate: t.no_show_rate.unwrap_or(plan.baseline.no_show_rate),
    }
}

/// Compares the pilot months with the plan; `metrics` are the pilot's measured changes.
pub fn compare(
    m: &Measured,
    baseline: Period,
    pilot: Period,
    plan: &Scenario,
    metrics: &[Change],
) -> Result<PlanReport, MeasureError> {
    let i = &plan.inputs;
    let overflow = |_| MeasureError::Period {
        flag: "--scenario",
        value: plan.name.clone(),
        message: crate::i18n::t("its figures are too large to compute exactly").into(),
    };
    let projection = engine::project(i).map_err(overflow)?;
    let measured = measured_baseline(m, baseline, i);
    let differs = differs(i, &measured);
    let months = months(m, baseline, pilot, i, &projection.monthly);
    Ok(PlanReport {
        name: plan.name.clone(),
        months,
        differs,
        projected_roi: projected(i, measured, metrics),
    })
}

/// The baseline metrics the plan put more than [`TOLERANCE`] off the
/// measured ones: (name, plan's, measured).
fn differs(
    plan: &Inputs<Decimal>,
    measured: &engine::Funnel<Decimal>,
) -> Vec<(&'static str, Decimal, Decimal)> {
    let mut differs = Vec::new();
    for (name, planned, got) in [
        ("leads", plan.baseline.leads, measured.leads),
        ("conversion", plan.baseline.conversion, measured.conversion),
        (
            "no_show_rate",
            plan.baseline.no_show_rate,
            measured.no_show_rate,
        ),
        (
            "average_check",
            plan.baseline.average_check,
            measured.average_check,
        ),
    ] {
        let off = if got.is_zero() {
            !planned.is_zero()
        } else {
            ((planned - got) / got).abs() > TOLERANCE
        };
        if off {
            differs.push((name, planned, got));
        }
    }
    differs
}

/// The pilot's months, planned (with the plan's ramp-up, from its
/// `projected` months) and measured, each with the money to date both ways.
fn months(
    m: &Measured,
    baseline: Period,
    pilot: Period,
    i: &Inputs<Decimal>,
    projected: &[engine::Month<Decimal>],
) -> Vec<PlanMonth> {
    let figures = m
        .funnel
        .period(baseline.from, baseline.to, Channel::All)
        .figures();
    let base_revenue = figures
        .revenue
        .map(|r| r / Decimal::from(baseline.months()));
    let savings = i.staff_hours * i.hourly_rate + i.other_savings;
    let mut months = Vec::new();
    let (mut benefit, mut cost, mut actual_benefit) =
        (Decimal::ZERO, Decimal::ZERO, Some(Decimal::ZERO));
    let revenue = |f: &engine::Funnel<Decimal>| {
        f.leads * f.conversion * (Decimal::ONE - f.no_show_rate) * f.average_check
    };
    let (rb, ra) = (revenue(&i.baseline), revenue(&i.after));
    for (n, month) in pilot.from.through(pilot.to).enumerate() {
        // Past the plan's horizon the plan says nothing more.
        let Some(pm) = projected.get(n) else {
            break;
        };
        let s = pm.share;
        let planned = [
            between(i.baseline.leads, i.after.leads, s),
            between(i.baseline.conversion, i.after.conversion, s),
            between(i.baseline.no_show_rate, i.after.no_show_rate, s),
            between(i.baseline.average_check, i.after.average_check, s),
            between(rb, ra, s),
        ];
        let actual = actual(m, month);
        benefit += pm.benefit;
        cost += pm.cost;
        actual_benefit = match (actual_benefit, actual[4], base_revenue) {
            (Some(so_far), Some(r), Some(b)) => {
                Some(so_far + (r - b) * i.gross_margin + savings * s)
            }
            _ => None,
        };
        months.push(PlanMonth {
            month,
            share: s,
            planned,
            actual,
            planned_to_date: ToDate::new(benefit, cost),
            actual_to_date: actual_benefit.map(|b| ToDate::new(b, cost)),
        });
    }
    months
}

/// A month's measured leads, conversion, no-show rate, check and revenue,
/// where the data has them.
fn actual(m: &Measured, month: Month) -> [Option<Decimal>; 5] {
    let f = m.funnel.tally(month, Channel::All).map(|t| t.figures());
    [
        f.and_then(|f| f.leads).map(Decimal::from),
        f.and_then(|f| f.conversion),
        f.and_then(|f| f.no_show_rate),
        f.and_then(|f| f.average_check),
        f.and_then(|f| f.revenue),
    ]
}

/// ROI over the plan's horizon if the pilot's clear changes hold: the plan's costs,
/// savings and margin, the measured baseline, and after = baseline × the changes.
fn projected(
    plan: &Inputs<Decimal>,
    base: engine::Funnel<Decimal>,
    metrics: &[Change],
) -> Option<Decimal> {
    // Only the changes the pilot showed clearly: one that could be chance
    // is no change to plan on (the season's rise is not the assistant's).
    let get = |metric: Metric| {
        metrics.iter().find(|c| {
            c.metric == metric
                && c.channel == Channel::All
                && matches!(c.verdict, Some(super::Verdict::Up | super::Verdict::Down))
        })
    };
    let dec = |x: f64| Decimal::from_f64(x);
    let mut after = base;
    if let Some(c) = get(Metric::Leads).and_then(|c| c.change) {
        after.leads = base.leads * (Decimal::ONE + dec(c)?);
    }
    if let Some(p) = get(Metric::Conversion).and_then(|c| c.pilot) {
        after.conversion = dec(p)?.min(Decimal::ONE);
    }
    if let Some(p) = get(Metric::NoShowRate).and_then(|c| c.pilot) {
        after.no_show_rate = dec(p)?.min(Decimal::ONE);
    }
    if let Some(p) = get(Metric::AverageCheck).and_then(|c| c.pilot) {
        after.average_check = dec(p)?;
    }
    let inputs = Inputs {
        baseline: base,
        after,
        ..plan.clone()
    };
    engine::project(&inputs).ok()?.summary.roi
}
