//! Each funnel metric's change from the baseline to the pilot, with its 95%
//! interval: totals per month by the quasi-Poisson model, shares by
//! Newcombe's interval widened by the months' own spread, the check by Welch.

use super::{Change, Metric, Why};
use crate::evidence::measure::Measured;
use crate::evidence::measure::error::Period;
use crate::evidence::measure::funnel::{Channel, Tally};
use crate::evidence::stats::{self, Monthly, Sample, Share};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// A month's total of `metric` (leads, bookings, visits, revenue) in `t`.
pub fn total(metric: Metric, t: &Tally) -> Option<f64> {
    match metric {
        Metric::Leads => t.leads.map(|x| x as f64),
        Metric::Bookings => t.bookings.map(|x| x as f64),
        Metric::Visits => t.visits.map(|x| x as f64),
        Metric::Revenue => t.revenue.and_then(|r| r.to_f64()),
        _ => None,
    }
}

/// Every month's total of `metric` for `channel` in the period; `None` when
/// a month lacks it (the data has no such figure).
pub fn monthly(m: &Measured, p: Period, channel: Channel, metric: Metric) -> Option<Vec<f64>> {
    p.from
        .through(p.to)
        .map(|month| total(metric, m.funnel.tally(month, channel)?))
        .collect()
}

/// A total per month (leads, bookings, visits, revenue): the quasi-Poisson
/// rate ratio, each month weighted by `weights` (the plan's season; 1
/// without), its interval at two-sided level `alpha` (0.05, or a look's
/// nominal level under a pilot plan).
pub fn per_month(
    m: &Measured,
    b: Period,
    p: Period,
    channel: Channel,
    metric: Metric,
    weights: Option<(&[f64], &[f64])>,
    alpha: f64,
) -> Change {
    let (Some(v0), Some(v1)) = (
        monthly(m, b, channel, metric),
        monthly(m, p, channel, metric),
    ) else {
        return Change::empty(metric, channel, Why::NotInData);
    };
    let months = |v: &[f64], w: Option<&[f64]>| -> Vec<Monthly> {
        v.iter()
            .enumerate()
            .map(|(i, &value)| Monthly {
                value,
                weight: w.and_then(|w| w.get(i)).copied().unwrap_or(1.0),
            })
            .collect()
    };
    let (w0, w1) = (weights.map(|w| w.0), weights.map(|w| w.1));
    let mut c = Change::empty(metric, channel, Why::NotInData);
    c.why = None;
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    c.baseline = Some(mean(&v0));
    c.pilot = Some(mean(&v1));
    // The measured change, as the months show it before any weighting.
    c.change = match (c.baseline, c.pilot) {
        (Some(a), Some(b)) if a > 0.0 => Some(b / a - 1.0),
        _ => None,
    };
    match stats::quasi_poisson_ratio(&months(&v0, w0), &months(&v1, w1)) {
        Ok(r) => {
            c.p_value = Some(r.estimate.p_value);
            c.method = Some(if weights.is_some() {
                "quasi_poisson_plan_season"
            } else {
                "quasi_poisson"
            });
            c.phi = Some(r.phi);
            if weights.is_some() {
                c.change = Some(r.estimate.point - 1.0);
            }
            let (low, high) = r
                .interval(alpha)
                .unwrap_or((r.estimate.low, r.estimate.high));
            // With a zero total the corrected interval may miss the raw point; widen it to hold it.
            let low = (low - 1.0).min(c.change.unwrap_or(0.0));
            c.judged(low, high - 1.0)
        }
        Err(u) => {
            c.why = Some(Why::of_months(u));
            c
        }
    }
}

/// A share's months (bookings of leads, or no-shows of judged bookings).
fn shares(m: &Measured, p: Period, channel: Channel, metric: Metric) -> Option<Vec<Share>> {
    p.from
        .through(p.to)
        .map(|month| {
            let t = m.funnel.tally(month, channel)?;
            match metric {
                Metric::Conversion => Some(Share {
                    x: t.bookings?,
                    n: t.leads?,
                }),
                _ => Some(Share {
                    x: t.no_shows?,
                    n: t.visits?.checked_add(t.no_shows?)?,
                }),
            }
        })
        .collect()
}

/// A share's change (conversion, no-show rate): Newcombe's interval on the
/// counts divided by the months' quasi-binomial dispersion (Williams), so
/// months that vary more than chance widen it.
pub fn share(m: &Measured, b: Period, p: Period, channel: Channel, metric: Metric) -> Change {
    let (Some(s0), Some(s1)) = (shares(m, b, channel, metric), shares(m, p, channel, metric))
    else {
        return Change::empty(metric, channel, Why::NotInData);
    };
    share_of(metric, channel, &s0, &s1)
}

/// A share's change from its parts (months, or a switchback's days) before
/// (`s0`) and with the assistant (`s1`), as [`share`] describes.
pub fn share_of(metric: Metric, channel: Channel, s0: &[Share], s1: &[Share]) -> Change {
    let sum = |s: &[Share]| {
        s.iter().try_fold((0u64, 0u64), |(x, n), m| {
            Some((x.checked_add(m.x)?, n.checked_add(m.n)?))
        })
    };
    let (Some((x0, n0)), Some((x1, n1))) = (sum(s0), sum(s1)) else {
        return Change::empty(metric, channel, Why::NotInData);
    };
    let mut c = Change::empty(metric, channel, Why::NotInData);
    c.why = None;
    c.baseline = (n0 > 0).then(|| x0 as f64 / n0 as f64);
    c.pilot = (n1 > 0).then(|| x1 as f64 / n1 as f64);
    let phi = stats::share_dispersion(s0, s1);
    match stats::proportion_difference_dispersed(x0, n0, x1, n1, phi) {
        Ok(e) => {
            c.change = Some(e.point);
            c.p_value = Some(e.p_value);
            c.phi = Some(phi);
            c.method = Some(if phi > 1.0 {
                "newcombe_quasi_binomial"
            } else {
                "newcombe"
            });
            c.judged(e.low, e.high)
        }
        Err(u) => {
            c.why = Some(Why::of(u));
            c
        }
    }
}

/// A period's checks as a sample: count, mean and variance, from exact sums.
fn sample(t: &Tally) -> Option<Sample> {
    let (sum, squares) = (t.revenue?, t.revenue_squares?);
    let n = Decimal::from(t.priced);
    if t.priced == 0 {
        return None;
    }
    let mean = sum.checked_div(n)?;
    let variance = if t.priced > 1 {
        // Σx² − n·mean² is exact in decimals, so no cancellation spoils it.
        squares
            .checked_sub(sum.checked_mul(mean)?)?
            .checked_div(n - Decimal::ONE)?
    } else {
        Decimal::ZERO
    };
    Some(Sample {
        n: t.priced,
        mean: mean.to_f64()?,
        variance: variance.to_f64()?.max(0.0),
    })
}

/// The average check's change by Welch's test on the visits' amounts.
pub fn check(channel: Channel, t0: &Tally, t1: &Tally, per_visit: bool) -> Change {
    if !per_visit {
        let why = if t0.revenue.is_some() {
            Why::MonthlyTotalsOnly
        } else {
            Why::NotInData
        };
        return Change::empty(Metric::AverageCheck, channel, why);
    }
    let (Some(s0), Some(s1)) = (sample(t0), sample(t1)) else {
        let why = if t0.priced == 0 {
            Why::NoBaseline
        } else {
            Why::NoPilot
        };
        return Change::empty(Metric::AverageCheck, channel, why);
    };
    let mut c = Change::empty(Metric::AverageCheck, channel, Why::NotInData);
    c.why = None;
    c.baseline = Some(s0.mean);
    c.pilot = Some(s1.mean);
    match stats::welch(s0, s1) {
        Ok(w) if s0.mean > 0.0 => {
            c.change = Some(s1.mean / s0.mean - 1.0);
            c.p_value = Some(w.diff.p_value);
            c.method = Some("welch");
            c.judged(w.diff.low / s0.mean, w.diff.high / s0.mean)
        }
        Ok(_) => {
            c.why = Some(Why::NoBaseline);
            c
        }
        Err(u) => {
            c.why = Some(Why::of(u));
            c
        }
    }
}
