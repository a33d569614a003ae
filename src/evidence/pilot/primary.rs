//! The one question the decision rests on — by default "more leads a month?"
//! — asked once, net of the season when the data or the plan can say what
//! the season does, with bookings and visits a month as guardrails.

use super::metrics::{self, total};
use super::{Change, Metric, Verdict, Why};
use crate::evidence::measure::Measured;
use crate::evidence::measure::cell::Month;
use crate::evidence::measure::error::Period;
use crate::evidence::measure::funnel::Channel;
use crate::evidence::stats::{self, YearPair};
use crate::forecast::scenario::Scenario;
use rust_decimal::prelude::ToPrimitive;

/// What the primary estimate is adjusted for the season by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Adjustment {
    /// The same calendar months a year earlier are in the data: each
    /// calendar month's own term in the model.
    YearEarlier,
    /// The plan's `[seasonality]` factors weight the months.
    PlanSeason,
    /// Neither: a before/after pilot cannot tell the assistant from the season.
    Unknown,
}

impl Adjustment {
    /// The name in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Adjustment::YearEarlier => "year_earlier",
            Adjustment::PlanSeason => "plan_season",
            Adjustment::Unknown => "none",
        }
    }
}

/// The primary endpoint's test and the guardrails beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct Primary {
    /// Leads (default), bookings, visits or revenue per month.
    pub endpoint: Metric,
    /// How the season was taken into account.
    pub adjustment: Adjustment,
    /// The estimate the decision rests on (season-adjusted where it can be).
    pub change: Change,
    /// The same estimate without the season adjustment, when one was made.
    pub raw: Option<Change>,
    /// Bookings and visits per month (those that are not the endpoint),
    /// adjusted alike: clearly down stops the pilot.
    pub guardrails: Vec<Change>,
}

/// The two-sided level of a single test: 95% intervals.
pub const ALPHA: f64 = 0.05;

/// The endpoints `--primary` takes.
pub const ENDPOINTS: [Metric; 4] = [
    Metric::Leads,
    Metric::Bookings,
    Metric::Visits,
    Metric::Revenue,
];

/// A year earlier, if the data holds every month of both periods a year
/// back, before the baseline.
fn year_earlier(m: &Measured, b: Period, p: Period) -> bool {
    let back = |x: Period| Period {
        from: x.from.years_back(1),
        to: x.to.years_back(1),
    };
    let (pb, bb) = (back(p), back(b));
    pb.to < b.from
        && m.funnel.missing(pb.from, pb.to).is_empty()
        && m.funnel.missing(bb.from, bb.to).is_empty()
}

/// The plan's season factor of each month, if it has `[seasonality]` and
/// every factor is positive.
fn plan_weights(plan: Option<&Scenario>, p: Period) -> Option<Vec<f64>> {
    let seasons = plan?.inputs.tables.seasons?;
    p.from
        .through(p.to)
        .map(|m: Month| {
            let f = seasons.factors.get(m.month.checked_sub(1)? as usize)?.to_f64()?;
            (f > 0.0).then_some(f)
        })
        .collect()
}

/// One metric's change against a year earlier (calendar-month model).
fn against_year(m: &Measured, b: Period, p: Period, metric: Metric, alpha: f64) -> Change {
    let pairs = |x: Period| -> Option<Vec<YearPair>> {
        x.from
            .through(x.to)
            .map(|month| {
                let now = total(metric, m.funnel.tally(month, Channel::All)?)?;
                let before = total(metric, m.funnel.tally(month.years_back(1), Channel::All)?)?;
                Some(YearPair { now, before })
            })
            .collect()
    };
    let (Some(p0), Some(p1)) = (pairs(b), pairs(p)) else {
        return Change::empty(metric, Channel::All, Why::NotInData);
    };
    let raw = metrics::per_month(m, b, p, Channel::All, metric, None, alpha);
    let mut c = Change::empty(metric, Channel::All, Why::NotInData);
    c.why = None;
    c.baseline = raw.baseline;
    c.pilot = raw.pilot;
    match stats::season_adjusted_ratio(&p0, &p1) {
        Ok(r) => {
            c.change = Some(r.estimate.point - 1.0);
            c.p_value = Some(r.estimate.p_value);
            c.method = Some("quasi_poisson_year_earlier");
            c.phi = Some(r.phi);
            let (low, high) = r
                .interval(alpha)
                .unwrap_or((r.estimate.low, r.estimate.high));
            c.judged(low - 1.0, high - 1.0)
        }
        Err(u) => {
            c.why = Some(Why::of_months(u));
            c
        }
    }
}

/// The primary endpoint's test and its guardrails.
pub fn judge(
    m: &Measured,
    b: Period,
    p: Period,
    endpoint: Metric,
    plan: Option<&Scenario>,
    alpha: f64,
) -> Primary {
    let weights = plan_weights(plan, b).zip(plan_weights(plan, p));
    let adjustment = if year_earlier(m, b, p) {
        Adjustment::YearEarlier
    } else if weights.is_some() {
        Adjustment::PlanSeason
    } else {
        Adjustment::Unknown
    };
    let estimate = |metric: Metric, alpha: f64| match adjustment {
        Adjustment::YearEarlier => against_year(m, b, p, metric, alpha),
        Adjustment::PlanSeason => {
            let w = weights.as_ref().map(|(w0, w1)| (w0.as_slice(), w1.as_slice()));
            metrics::per_month(m, b, p, Channel::All, metric, w, alpha)
        }
        Adjustment::Unknown => metrics::per_month(m, b, p, Channel::All, metric, None, alpha),
    };
    let change = estimate(endpoint, alpha);
    let raw = (adjustment != Adjustment::Unknown)
        .then(|| metrics::per_month(m, b, p, Channel::All, endpoint, None, alpha));
    let guardrails = [Metric::Bookings, Metric::Visits]
        .into_iter()
        .filter(|&g| g != endpoint)
        // Guardrails guard at the fixed 95%: a stop for harm is not rationed by the looks.
        .map(|g| estimate(g, ALPHA))
        .filter(|c| c.verdict.is_some())
        .collect();
    Primary {
        endpoint,
        adjustment,
        change,
        raw,
        guardrails,
    }
}

impl Primary {
    /// Whether the raw rise was clear and the season-adjusted one is not:
    /// the season explains it.
    pub fn season_explains(&self) -> bool {
        self.raw
            .as_ref()
            .is_some_and(|r| r.verdict == Some(Verdict::Up))
            && self.change.verdict != Some(Verdict::Up)
    }

    /// A guardrail that clearly fell.
    pub fn guardrail_down(&self) -> Option<&Change> {
        self.guardrails
            .iter()
            .find(|g| g.verdict == Some(Verdict::Down))
    }
}
