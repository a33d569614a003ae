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
    /// A switchback: the assistant on and off by randomised days or weeks,
    /// balanced within blocks, so the season and a trend fall on both arms.
    Randomised,
}

impl Adjustment {
    /// The name in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Adjustment::YearEarlier => "year_earlier",
            Adjustment::PlanSeason => "plan_season",
            Adjustment::Unknown => "none",
            Adjustment::Randomised => "randomised",
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
    /// The estimate the decision rests on (season-adjusted where it can
    /// be), its interval at the look's level under a pilot plan.
    pub change: Change,
    /// The same with its 95% interval: what the odds of paying carry forward.
    pub at_95: Change,
    /// The same estimate without the season adjustment, when one was made.
    pub raw: Option<Change>,
    /// Bookings and visits per month (those that are not the endpoint),
    /// adjusted alike: clearly down stops the pilot.
    pub guardrails: Vec<Change>,
    /// Set when other channels' leads clearly rose as well: `change` is then
    /// the rise net of theirs (the conservative estimate).
    pub net_of_others: bool,
}

/// The two-sided level of a single test: 95% intervals.
pub const ALPHA: f64 = 0.05;

/// The two-sided level each guardrail stops at. Bookings and visits a month
/// are two more chances for chance to look like harm besides the primary's
/// own fall: at 5% each, a pilot with no effect in a summer trough stopped
/// 7.5% of the time in the repository's study; at 1% each the stops stay
/// under 5% (Bonferroni's reasoning for a small family).
pub const GUARDRAIL_ALPHA: f64 = 0.01;

/// The endpoints `--primary` takes.
pub const ENDPOINTS: [Metric; 4] = [
    Metric::Leads,
    Metric::Bookings,
    Metric::Visits,
    Metric::Revenue,
];

/// A year earlier, if the data holds every month of both periods a year
/// back, before the baseline.
pub(super) fn year_earlier(m: &Measured, b: Period, p: Period) -> bool {
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
pub(super) fn plan_weights(plan: Option<&Scenario>, p: Period) -> Option<Vec<f64>> {
    let seasons = plan?.inputs.tables.seasons?;
    p.from
        .through(p.to)
        .map(|m: Month| {
            let f = seasons
                .factors
                .get(m.month.checked_sub(1)? as usize)?
                .to_f64()?;
            (f > 0.0).then_some(f)
        })
        .collect()
}

/// One metric's change against a year earlier (calendar-month model).
pub(super) fn against_year(
    m: &Measured,
    b: Period,
    p: Period,
    metric: Metric,
    alpha: f64,
) -> Change {
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
            let w = weights
                .as_ref()
                .map(|(w0, w1)| (w0.as_slice(), w1.as_slice()));
            metrics::per_month(m, b, p, Channel::All, metric, w, alpha)
        }
        Adjustment::Unknown | Adjustment::Randomised => {
            metrics::per_month(m, b, p, Channel::All, metric, None, alpha)
        }
    };
    let change = estimate(endpoint, alpha);
    let at_95 = if alpha == ALPHA {
        change.clone()
    } else {
        estimate(endpoint, ALPHA)
    };
    let raw = (adjustment != Adjustment::Unknown)
        .then(|| metrics::per_month(m, b, p, Channel::All, endpoint, None, alpha));
    let guardrails = [Metric::Bookings, Metric::Visits]
        .into_iter()
        .filter(|&g| g != endpoint)
        // Guardrails guard at their fixed 99%, not rationed by the looks.
        .map(|g| estimate(g, GUARDRAIL_ALPHA))
        .filter(|c| c.verdict.is_some())
        .collect();
    let mut out = Primary {
        endpoint,
        adjustment,
        change,
        at_95,
        raw,
        guardrails,
        net_of_others: false,
    };
    if endpoint == Metric::Leads
        && let Some(net) = net_of_others(m, b, p, alpha)
    {
        out.raw.get_or_insert_with(|| out.change.clone());
        out.at_95 = if alpha == ALPHA {
            net.clone()
        } else {
            net_of_others(m, b, p, ALPHA).unwrap_or_else(|| net.clone())
        };
        out.change = net;
        out.net_of_others = true;
    }
    out
}

/// When other channels' leads clearly rose too (at 95%), all leads' rise
/// net of theirs: `(A1/O1)/(A0/O0)` (A all leads, O the other channels'; 1
/// the pilot, 0 the baseline), with `se = √(φ·(1/A1 + 1/O1 + 1/A0 + 1/O0))`,
/// φ all leads' quasi-Poisson dispersion and Student's t on its degrees of
/// freedom. The other channels are then a concurrent control: what raised
/// them (the season, an advert) is taken out. Conservative twice: the
/// assistant may have raised them too, and the four counts are treated as
/// independent though the other channels' are part of all.
fn net_of_others(m: &Measured, b: Period, p: Period, alpha: f64) -> Option<Change> {
    // Only with the assistant's own leads in the pilot: "as well" needs two channels.
    let ai = m
        .funnel
        .period(p.from, p.to, Channel::Ai)
        .leads
        .unwrap_or(0);
    if !m.funnel.split || ai == 0 {
        return None;
    }
    let other = metrics::per_month(m, b, p, Channel::Other, Metric::Leads, None, ALPHA);
    if other.verdict != Some(Verdict::Up) {
        return None;
    }
    let all0 = metrics::monthly(m, b, Channel::All, Metric::Leads)?;
    let all1 = metrics::monthly(m, p, Channel::All, Metric::Leads)?;
    let sum = |v: &[f64]| v.iter().sum::<f64>();
    let (a0, a1) = (sum(&all0), sum(&all1));
    let o0 = sum(&metrics::monthly(m, b, Channel::Other, Metric::Leads)?);
    let o1 = sum(&metrics::monthly(m, p, Channel::Other, Metric::Leads)?);
    let plain = |v: &[f64]| {
        v.iter()
            .map(|&x| stats::Monthly::plain(x))
            .collect::<Vec<_>>()
    };
    let fit = stats::quasi_poisson_ratio(&plain(&all0), &plain(&all1)).ok()?;
    if [a0, a1, o0, o1].iter().any(|&x| x <= 0.0) {
        return None;
    }
    let log_ratio = (a1 / o1).ln() - (a0 / o0).ln();
    let se = (fit.phi * (1.0 / a1 + 1.0 / o1 + 1.0 / a0 + 1.0 / o0)).sqrt();
    let q = stats::t_quantile(fit.df, 1.0 - alpha / 2.0)?;
    let mut c = Change::empty(Metric::Leads, Channel::All, Why::NotInData);
    c.why = None;
    c.baseline = Some(a0 / f64::from(b.months()));
    c.pilot = Some(a1 / f64::from(p.months()));
    c.change = Some(log_ratio.exp_m1());
    c.p_value = Some(if se > 0.0 {
        stats::t_p(log_ratio / se, fit.df)
    } else {
        1.0
    });
    c.method = Some("quasi_poisson_net_of_other_channels");
    c.phi = Some(fit.phi);
    Some(c.judged((log_ratio - q * se).exp_m1(), (log_ratio + q * se).exp_m1()))
}

impl Primary {
    /// Whether the raw rise was clear, the season-adjusted one is not, and
    /// the adjustment took the estimate down: the season explains it (an
    /// interval merely wider at a planned look's stricter level does not;
    /// a rise net of other channels is theirs, not the season's).
    pub fn season_explains(&self) -> bool {
        let lower = match (self.raw.as_ref().and_then(|r| r.change), self.change.change) {
            (Some(raw), Some(adjusted)) => adjusted < raw,
            _ => false,
        };
        !self.net_of_others
            && lower
            && self
                .raw
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
