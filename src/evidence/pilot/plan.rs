//! The pilot against the plan the assistant was bought on: month by month,
//! planned and actual funnel, and the money to date, planned and actual.

use super::{Change, Metric};
use crate::evidence::measure::Measured;
use crate::evidence::measure::cell::Month;
use crate::evidence::measure::error::{MeasureError, Period};
use crate::evidence::measure::funnel::Channel;
use crate::forecast::engine::{self, Inputs};
use crate::forecast::scenario::Scenario;
use crate::i18n::{f, t};
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
    /// The money to date; `None` when the net or the ROI is past what exact
    /// arithmetic holds (a benefit of −7·10²⁸ against a cost of 7·10²⁸, a
    /// net over a cost of 10⁻²⁸).
    fn new(benefit: Decimal, cost: Decimal) -> Option<ToDate> {
        let net = benefit.checked_sub(cost)?;
        let roi = if cost.is_zero() {
            None
        } else {
            Some(net.checked_div(cost)?)
        };
        Some(ToDate {
            benefit,
            cost,
            net,
            roi,
        })
    }
}

/// A figure of the comparison that exact arithmetic could not hold, named
/// for the refusal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Figure {
    /// Staff hours × rate + other savings.
    Savings,
    /// The planned funnel of a month.
    Planned(Month),
    /// Money to date as planned.
    PlannedToDate(Month),
    /// Money to date as measured.
    ActualToDate(Month),
    /// The projection with the measured baseline and the pilot's changes.
    Projected,
}

impl Figure {
    fn text(self) -> String {
        match self {
            Figure::Savings => t("the plan's savings").to_string(),
            Figure::Planned(m) => f("the planned funnel of {}", &[&m]),
            Figure::PlannedToDate(m) => f("the planned money to {}", &[&m]),
            Figure::ActualToDate(m) => f("the actual money to {}", &[&m]),
            Figure::Projected => {
                t("ROI over the plan's horizon with the measured baseline").to_string()
            }
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
    /// The measured ones, where the data has them; revenue counts the
    /// month's open bookings at the baseline's share that came and its check.
    pub actual: [Option<Decimal>; 5],
    /// Bookings still open at the export's date (neither came nor no-show).
    pub open_bookings: Option<u64>,
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
    /// The plan's horizon in months, which that ROI is over.
    pub horizon: u32,
}

/// How far the plan's baseline may be from the measured one before it is said.
const TOLERANCE: Decimal = Decimal::from_parts(1, 0, 0, false, 1);

/// `b` moved `share` of the way to `a`.
fn between(b: Decimal, a: Decimal, share: Decimal) -> Option<Decimal> {
    b.checked_add(share.checked_mul(a.checked_sub(b)?)?)
}

/// Revenue of a funnel: leads × conversion × (1 − no-show rate) × check.
fn revenue(f: &engine::Funnel<Decimal>) -> Option<Decimal> {
    f.leads
        .checked_mul(f.conversion)?
        .checked_mul(Decimal::ONE.checked_sub(f.no_show_rate)?)?
        .checked_mul(f.average_check)
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
        message: t("its figures are too large to compute exactly").into(),
    };
    let too_large = |what: Figure| MeasureError::Period {
        flag: "--scenario",
        value: plan.name.clone(),
        message: f(
            "its figures are too large to compute exactly: {} would pass 7.9e28 or need more digits than exact arithmetic keeps; check the plan's and the export's amounts for extra zeros",
            &[&what.text()],
        ),
    };
    let projection = engine::project(i).map_err(overflow)?;
    let measured = measured_baseline(m, baseline, i);
    let differs = differs(i, &measured);
    let months = months(m, baseline, pilot, i, &projection.monthly).map_err(too_large)?;
    Ok(PlanReport {
        name: plan.name.clone(),
        months,
        differs,
        projected_roi: projected(i, measured, metrics).map_err(too_large)?,
        horizon: i.months,
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
        // A ratio past exact arithmetic (a measured figure of 10⁻²⁸) is far off.
        let off = if got.is_zero() {
            !planned.is_zero()
        } else {
            planned
                .checked_sub(got)
                .and_then(|d| d.checked_div(got))
                .is_none_or(|r| r.abs() > TOLERANCE)
        };
        if off {
            differs.push((name, planned, got));
        }
    }
    differs
}

/// The pilot's months, planned (with the plan's ramp-up, from its
/// `projected` months) and measured, each with the money to date both
/// ways; the first figure exact arithmetic cannot hold stops it.
fn months(
    m: &Measured,
    baseline: Period,
    pilot: Period,
    i: &Inputs<Decimal>,
    projected: &[engine::Month<Decimal>],
) -> Result<Vec<PlanMonth>, Figure> {
    let figures = m
        .funnel
        .period(baseline.from, baseline.to, Channel::All)
        .figures();
    let base_revenue = figures
        .revenue
        .map(|r| r / Decimal::from(baseline.months()));
    let per_open = open_value(m, baseline);
    let savings = i
        .staff_hours
        .checked_mul(i.hourly_rate)
        .and_then(|x| x.checked_add(i.other_savings))
        .ok_or(Figure::Savings)?;
    let mut months = Vec::new();
    let (mut benefit, mut cost, mut actual_benefit) =
        (Decimal::ZERO, Decimal::ZERO, Some(Decimal::ZERO));
    for (n, month) in pilot.from.through(pilot.to).enumerate() {
        // Past the plan's horizon the plan says nothing more.
        let Some(pm) = projected.get(n) else {
            break;
        };
        let s = pm.share;
        let planned = planned(i, s).ok_or(Figure::Planned(month))?;
        let mut actual = actual(m, month);
        let open = open_in(m, month);
        // An open booking is revenue to come, at what the baseline's bookings brought.
        if let (Some(r), Some(n), Some(v)) = (actual[4], open, per_open) {
            actual[4] = Decimal::from(n)
                .checked_mul(v)
                .and_then(|x| r.checked_add(x));
        }
        let to_date = Figure::PlannedToDate(month);
        benefit = benefit.checked_add(pm.benefit).ok_or(to_date)?;
        cost = cost.checked_add(pm.cost).ok_or(to_date)?;
        // The measured revenue over the baseline's, kept at the plan's
        // margin, and the savings at the month's share of the effect.
        let gained = |so_far: Decimal, r: Decimal, b: Decimal| {
            so_far
                .checked_add(r.checked_sub(b)?.checked_mul(i.gross_margin)?)?
                .checked_add(savings.checked_mul(s)?)
        };
        let by_data = Figure::ActualToDate(month);
        actual_benefit = match (actual_benefit, actual[4], base_revenue) {
            (Some(so_far), Some(r), Some(b)) => Some(gained(so_far, r, b).ok_or(by_data)?),
            _ => None,
        };
        months.push(PlanMonth {
            month,
            share: s,
            planned,
            actual,
            open_bookings: open,
            planned_to_date: ToDate::new(benefit, cost).ok_or(to_date)?,
            actual_to_date: actual_benefit
                .map(|b| ToDate::new(b, cost).ok_or(by_data))
                .transpose()?,
        });
    }
    Ok(months)
}

/// Bookings of `month` neither came nor no-show yet.
pub fn open_in(m: &Measured, month: Month) -> Option<u64> {
    let t = m.funnel.tally(month, Channel::All)?;
    t.bookings?.checked_sub(t.visits?)?.checked_sub(t.no_shows?)
}

/// What an open booking is expected to bring: the baseline's share of
/// bookings that came × its average check. `None` without bookings or checks.
fn open_value(m: &Measured, b: Period) -> Option<Decimal> {
    let f = m.funnel.period(b.from, b.to, Channel::All);
    let (bookings, visits) = (f.bookings?, f.visits?);
    if bookings == 0 || visits == 0 {
        return None;
    }
    let check = f.revenue?.checked_div(Decimal::from(f.priced.max(1)))?;
    Decimal::from(visits)
        .checked_div(Decimal::from(bookings))?
        .checked_mul(check)
}

/// The planned leads, conversion, no-show rate, check and revenue of a
/// month whose share of the full effect is `s`.
fn planned(i: &Inputs<Decimal>, s: Decimal) -> Option<[Decimal; 5]> {
    let (b, a) = (&i.baseline, &i.after);
    Some([
        between(b.leads, a.leads, s)?,
        between(b.conversion, a.conversion, s)?,
        between(b.no_show_rate, a.no_show_rate, s)?,
        between(b.average_check, a.average_check, s)?,
        between(revenue(b)?, revenue(a)?, s)?,
    ])
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
/// `Ok(None)` when a change is no number (a rise from nothing); an error when
/// the projection is past exact arithmetic, which the decision must not ignore.
fn projected(
    plan: &Inputs<Decimal>,
    base: engine::Funnel<Decimal>,
    metrics: &[Change],
) -> Result<Option<Decimal>, Figure> {
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
        let Some(factor) = dec(c).and_then(|c| Decimal::ONE.checked_add(c)) else {
            return Ok(None);
        };
        after.leads = base.leads.checked_mul(factor).ok_or(Figure::Projected)?;
    }
    let share = |p: f64| dec(p).map(|p| p.min(Decimal::ONE));
    if let Some(p) = get(Metric::Conversion).and_then(|c| c.pilot) {
        let Some(p) = share(p) else { return Ok(None) };
        after.conversion = p;
    }
    if let Some(p) = get(Metric::NoShowRate).and_then(|c| c.pilot) {
        let Some(p) = share(p) else { return Ok(None) };
        after.no_show_rate = p;
    }
    if let Some(p) = get(Metric::AverageCheck).and_then(|c| c.pilot) {
        let Some(p) = dec(p) else { return Ok(None) };
        after.average_check = p;
    }
    let inputs = Inputs {
        baseline: base,
        after,
        ..plan.clone()
    };
    let projection = engine::project(&inputs).map_err(|_| Figure::Projected)?;
    Ok(projection.summary.roi)
}
