//! How much a switchback can see, before it starts: the baseline's days
//! paired as the design pairs them (the same weekday a week apart), their
//! own spread beyond chance, and the smallest rise in leads the schedule
//! detects at 80% power; with an expected rise, the length it needs.

use super::schedule::{Plan, Schedule, Unit};
use crate::evidence::measure::Measured;
use crate::evidence::measure::error::{MeasureError, Period};
use crate::evidence::measure::funnel::Channel;
use crate::evidence::stats::randomisation as r;
use crate::i18n::{f, t};
use chrono::{Days, NaiveDate};

/// What the baseline says the schedule can see.
#[derive(Debug, Clone, PartialEq)]
pub struct Power {
    /// The baseline months.
    pub baseline: Period,
    /// Leads a day in the baseline.
    pub per_day: f64,
    /// The spread of same-weekday days a week apart, beyond chance (≥ 1).
    pub phi: f64,
    /// Days the schedule's analysis uses.
    pub used_days: usize,
    /// The smallest two-sided p-value the design can give.
    pub min_p: f64,
    /// The smallest rise seen at 80% power; `None` when the design cannot
    /// reach 5% at all.
    pub detectable: Option<f64>,
    /// The rise expected, the schedule's power for it, and the days or
    /// weeks needed for 80% (`None` past the longest design).
    pub expect: Option<(f64, f64, Option<u32>)>,
}

fn first_day(m: crate::evidence::measure::cell::Month) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(m.year, m.month, 1)
}

/// The baseline's days, leads each, from its first month's first day to
/// its last month's last.
fn baseline_days(m: &Measured, baseline: Period) -> Option<Vec<f64>> {
    let daily = m.daily.as_ref()?;
    let from = first_day(baseline.from)?;
    let to = first_day(baseline.to.next())?;
    let mut out = Vec::new();
    let mut d = from;
    while d < to {
        out.push(daily.tally(d, Channel::All).leads? as f64);
        d = d.checked_add_days(Days::new(1))?;
    }
    Some(out)
}

/// The schedule's power and detectable rise from the baseline `baseline`.
pub fn power(
    m: &Measured,
    baseline: Period,
    s: &Schedule,
    expect: Option<f64>,
) -> Result<Power, MeasureError> {
    m.check_period("--baseline", baseline)?;
    let days = baseline_days(m, baseline).ok_or_else(|| MeasureError::Period {
        flag: "--baseline",
        value: baseline.to_string(),
        message: t("the export has no leads day by day (a sheet of monthly totals, or a booking system's records); give the CRM's export of records").into(),
    })?;
    // Two-week blocks, each weekday paired with itself a week later.
    let pairs: Vec<(f64, f64)> = days
        .chunks_exact(14)
        .flat_map(|b| (0..7).map(move |i| (b[i], b[i + 7])))
        .collect();
    let phi = r::paired_dispersion(&pairs).ok_or_else(|| MeasureError::Period {
        flag: "--baseline",
        value: baseline.to_string(),
        message: f(
            "the baseline has no leads in its first {} days; choose months with leads",
            &[&14],
        ),
    })?;
    let per_day = days.iter().sum::<f64>() / days.len().max(1) as f64;
    let used_days = s.used_days();
    let min_p = s.min_p();
    let power_of = |plan: &Plan, uplift: f64| {
        let s = plan.schedule(plan.word());
        r::power(phi, per_day, s.used_days() as f64, uplift, s.min_p())
    };
    let expect = expect.map(|u| {
        let now = power_of(&s.plan, u);
        (u, now, needed(&s.plan, &|p| power_of(p, u)))
    });
    Ok(Power {
        baseline,
        per_day,
        phi,
        used_days,
        min_p,
        detectable: r::detectable(phi, per_day, used_days as f64, min_p),
        expect,
    })
}

/// The fewest days or weeks of whole blocks whose power reaches 80%.
fn needed(plan: &Plan, power: &dyn Fn(&Plan) -> f64) -> Option<u32> {
    let (step, max) = match plan.unit {
        Unit::Day => (14, super::schedule::MAX_DAYS),
        Unit::Week => (2, super::schedule::MAX_WEEKS),
    };
    (2..=max / step)
        .map(|blocks| Plan {
            units: blocks * step,
            ..*plan
        })
        .find(|p| p.check().is_ok() && power(p) >= 0.8)
        .map(|p| p.units)
}
