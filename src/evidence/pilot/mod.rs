//! `roi pilot`'s judgement, pure: the measured funnel's baseline months against
//! its pilot months — what changed, how sure we are, whether the season
//! explains it, how long to keep going, what it earned against the plan, and
//! the decision. Statistics come from [`crate::evidence::stats`]; nothing here prints.

mod decide;
mod plan;

pub use decide::{Decision, Kind, Reason};
pub use plan::{PlanMonth, PlanReport};

use crate::evidence::measure::Measured;
use crate::evidence::measure::cell::Month;
use crate::evidence::measure::error::{MeasureError, Period};
use crate::evidence::measure::funnel::{Channel, Tally};
use crate::evidence::stats::{self, Dispersion, RateMethod, Sample, Undefined};
use crate::forecast::scenario::Scenario;
use crate::i18n::f;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// A funnel metric the pilot judges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    /// Leads per month.
    Leads,
    /// Bookings / leads.
    Conversion,
    /// No-shows / (visits + no-shows).
    NoShowRate,
    /// Revenue per visit.
    AverageCheck,
    /// Revenue per month.
    Revenue,
}

impl Metric {
    /// The name in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Metric::Leads => "leads",
            Metric::Conversion => "conversion",
            Metric::NoShowRate => "no_show_rate",
            Metric::AverageCheck => "average_check",
            Metric::Revenue => "revenue",
        }
    }
}

/// Which way a metric went, judged by its whole interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The whole interval is above no change.
    Up,
    /// The whole interval is below no change.
    Down,
    /// The interval holds no change: it could be chance.
    Unclear,
}

impl Verdict {
    /// The name in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Up => "up",
            Verdict::Down => "down",
            Verdict::Unclear => "unclear",
        }
    }

    fn of(low: f64, high: f64) -> Verdict {
        if low > 0.0 {
            Verdict::Up
        } else if high < 0.0 {
            Verdict::Down
        } else {
            Verdict::Unclear
        }
    }
}

/// Why a figure could not be judged (each becomes a sentence for the owner).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// The data has no such figure (a booking system has no leads; deals no no-shows).
    NotInData,
    /// The baseline has none: the channel did not exist before the pilot.
    NoBaseline,
    /// The pilot has none.
    NoPilot,
    /// Monthly totals carry no single visits' amounts, so no spread of checks.
    MonthlyTotalsOnly,
    /// Fewer than two priced visits in a period.
    TooFew,
}

impl Why {
    /// The sentence (catalogue key).
    pub fn text(self) -> &'static str {
        match self {
            Why::NotInData => "the data has no such figure",
            Why::NoBaseline => "new: none before the pilot",
            Why::NoPilot => "none in the pilot",
            Why::MonthlyTotalsOnly => {
                "monthly totals carry no single checks, so their spread is unknown"
            }
            Why::TooFew => "fewer than two priced visits in a period",
        }
    }

    fn of(u: Undefined) -> Why {
        match u {
            Undefined::NoPilot => Why::NoPilot,
            Undefined::TooFewValues => Why::TooFew,
            _ => Why::NoBaseline,
        }
    }
}

/// One metric of one channel: baseline, pilot, the change with its interval.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// The metric.
    pub metric: Metric,
    /// The channel.
    pub channel: Channel,
    /// Per-month leads or revenue, the period's rate, or the mean check, before.
    pub baseline: Option<f64>,
    /// The same in the pilot.
    pub pilot: Option<f64>,
    /// RR − 1 (leads), p1 − p0 (rates), ratio of means − 1 (check and revenue).
    pub change: Option<f64>,
    /// The 95% interval's lower end, on the change's scale.
    pub low: Option<f64>,
    /// Its upper end (may be +∞).
    pub high: Option<f64>,
    /// Two-sided p-value for "no change".
    pub p_value: Option<f64>,
    /// `exact`, `overdispersed`, `newcombe`, `welch`; `None` for revenue.
    pub method: Option<&'static str>,
    /// Up, down or unclear; `None` when there is no interval.
    pub verdict: Option<Verdict>,
    /// The seasonal check (leads of `all`, with a year-earlier record).
    pub seasonal: Option<stats::Estimate>,
    /// Set when the season explains a rise the interval showed.
    pub season_explains: bool,
    /// Why a figure is missing.
    pub why: Option<Why>,
}

impl Change {
    fn empty(metric: Metric, channel: Channel, why: Why) -> Change {
        Change {
            metric,
            channel,
            baseline: None,
            pilot: None,
            change: None,
            low: None,
            high: None,
            p_value: None,
            method: None,
            verdict: None,
            seasonal: None,
            season_explains: false,
            why: Some(why),
        }
    }

    fn judged(mut self, low: f64, high: f64) -> Change {
        self.low = Some(low);
        self.high = Some(high);
        self.verdict = Some(Verdict::of(low, high));
        self
    }
}

/// The assistant's own numbers in the pilot, the direct evidence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Attribution {
    /// Its leads in the pilot.
    pub leads: Option<u64>,
    /// Its bookings.
    pub bookings: Option<u64>,
    /// Its visits.
    pub visits: Option<u64>,
    /// Its revenue.
    pub revenue: Option<Decimal>,
    /// Other channels fell while the assistant's leads appeared.
    pub cannibalisation: bool,
}

/// The smallest uplift in leads a pilot of some length detects.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Detectable {
    /// Pilot months.
    pub months: u32,
    /// The uplift (0.4 = +40%), two-sided 5%, power 80%.
    pub leads_uplift: Option<f64>,
}

/// The whole judgement.
#[derive(Debug, Clone)]
pub struct Pilot {
    /// The baseline months.
    pub baseline: Period,
    /// The pilot months (`None` when only planning).
    pub pilot: Option<Period>,
    /// Month-to-month variation of the baseline's leads.
    pub dispersion: Dispersion,
    /// Leads per month in the baseline.
    pub baseline_leads: Option<f64>,
    /// Every metric of every channel.
    pub metrics: Vec<Change>,
    /// Whether the seasonal check could be made.
    pub seasonal_checked: bool,
    /// The assistant's own numbers (with an AI rule).
    pub attribution: Option<Attribution>,
    /// MDE for pilots of 1, 2, 3 and 6 months.
    pub detectable: Vec<Detectable>,
    /// The uplift planned for (`--expect`, the plan's, or +30%), and the months it needs.
    pub expect: (f64, Option<u32>),
    /// Months more for the observed uplift to become detectable.
    pub extra_months: Option<u32>,
    /// Against the plan the assistant was bought on.
    pub plan: Option<PlanReport>,
    /// The one-line answer.
    pub decision: Decision,
}

/// The pilot lengths the owner is shown.
pub const LENGTHS: [u32; 4] = [1, 2, 3, 6];
/// Planning never looks further than this.
pub const MAX_MONTHS: u32 = 36;
/// The uplift assumed when nothing says otherwise: the article's +30% leads.
pub const DEFAULT_EXPECT: f64 = 0.3;

fn months_of(m: &Measured, p: Period, channel: Channel) -> Vec<u64> {
    p.from
        .through(p.to)
        .filter_map(|month| m.funnel.tally(month, channel)?.leads)
        .collect()
}

/// Checks that the periods are usable: in order, apart, inside the data.
pub fn check_periods(
    m: &Measured,
    baseline: Period,
    pilot: Option<Period>,
) -> Result<(), MeasureError> {
    m.check_period("--baseline", baseline)?;
    if let Some(p) = pilot {
        m.check_period("--pilot", p)?;
        if p.from <= baseline.to && baseline.from <= p.to {
            return Err(MeasureError::Period {
                flag: "--pilot",
                value: p.to_string(),
                message: f(
                    "overlaps the baseline {}; the pilot's months must come after it",
                    &[&baseline],
                ),
            });
        }
        // Months before the baseline are months before the assistant.
        if p.to < baseline.from {
            return Err(MeasureError::Period {
                flag: "--pilot",
                value: p.to_string(),
                message: f(
                    "comes before the baseline {}; the pilot's months must come after it",
                    &[&baseline],
                ),
            });
        }
    }
    Ok(())
}

fn ratio(num: Option<u64>, den: Option<u64>) -> Option<f64> {
    let (n, d) = (num?, den?);
    (d > 0).then(|| n as f64 / d as f64)
}

fn per_month(x: Option<u64>, months: u32) -> Option<f64> {
    x.map(|x| x as f64 / f64::from(months))
}

/// The leads' change of one channel.
fn leads(m: &Measured, b: Period, p: Period, channel: Channel, phi: f64) -> Change {
    let (t0, t1) = (
        m.funnel.period(b.from, b.to, channel),
        m.funnel.period(p.from, p.to, channel),
    );
    let (Some(x0), Some(x1)) = (t0.leads, t1.leads) else {
        return Change::empty(Metric::Leads, channel, Why::NotInData);
    };
    let mut c = Change::empty(Metric::Leads, channel, Why::NotInData);
    c.why = None;
    c.baseline = per_month(Some(x0), b.months());
    c.pilot = per_month(Some(x1), p.months());
    match stats::rate_ratio(x0, b.months(), x1, p.months(), phi) {
        Ok((e, method)) => {
            // The measured change, from the raw counts: the 0.5 correction a
            // zero count needs belongs to the interval, not to what was seen.
            c.change = Some(
                (x1 as f64 / f64::from(p.months())) / (x0 as f64 / f64::from(b.months())) - 1.0,
            );
            c.p_value = Some(e.p_value);
            c.method = Some(match method {
                RateMethod::Exact => "exact",
                RateMethod::Overdispersed { .. } => "overdispersed",
                RateMethod::LargeCounts { .. } => "large_counts",
            });
            // With a zero count the corrected interval may miss the raw point; widen it to hold it.
            let low = (e.low - 1.0).min(c.change.unwrap_or(0.0));
            c.judged(low, e.high - 1.0)
        }
        Err(u) => {
            c.why = Some(Why::of(u));
            c
        }
    }
}

/// A rate's change (conversion, no-show rate) by Newcombe's interval.
fn rate(
    metric: Metric,
    channel: Channel,
    before: (Option<u64>, Option<u64>),
    after: (Option<u64>, Option<u64>),
) -> Change {
    let (Some(x0), Some(n0), Some(x1), Some(n1)) = (before.0, before.1, after.0, after.1) else {
        return Change::empty(metric, channel, Why::NotInData);
    };
    let mut c = Change::empty(metric, channel, Why::NotInData);
    c.why = None;
    c.baseline = ratio(Some(x0), Some(n0));
    c.pilot = ratio(Some(x1), Some(n1));
    match stats::proportion_difference(x0, n0, x1, n1) {
        Ok(e) => {
            c.change = Some(e.point);
            c.p_value = Some(e.p_value);
            c.method = Some("newcombe");
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

fn check(channel: Channel, t0: &Tally, t1: &Tally, per_visit: bool) -> Change {
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

fn revenue(channel: Channel, t0: &Tally, t1: &Tally, b: Period, p: Period) -> Change {
    let (Some(r0), Some(r1)) = (t0.revenue, t1.revenue) else {
        return Change::empty(Metric::Revenue, channel, Why::NotInData);
    };
    let mut c = Change::empty(Metric::Revenue, channel, Why::NotInData);
    c.why = None;
    let (m0, m1) = (
        r0.to_f64().unwrap_or(0.0) / f64::from(b.months()),
        r1.to_f64().unwrap_or(0.0) / f64::from(p.months()),
    );
    c.baseline = Some(m0);
    c.pilot = Some(m1);
    if m0 > 0.0 {
        c.change = Some(m1 / m0 - 1.0);
    } else {
        c.why = Some(Why::NoBaseline);
    }
    c
}

/// The seasonal check of `all` leads, when the data holds the same months a year earlier.
fn seasonal(m: &Measured, b: Period, p: Period, phi: f64) -> Option<stats::Estimate> {
    let back = |x: Period| Period {
        from: x.from.years_back(1),
        to: x.to.years_back(1),
    };
    let (pb, bb) = (back(p), back(b));
    // A year earlier must also come before the baseline, and be complete.
    if pb.to >= b.from
        || !m.funnel.missing(pb.from, pb.to).is_empty()
        || !m.funnel.missing(bb.from, bb.to).is_empty()
    {
        return None;
    }
    let sum = |x: Period| m.funnel.period(x.from, x.to, Channel::All).leads;
    stats::seasonal_ratio(sum(p)?, sum(pb)?, sum(b)?, sum(bb)?, phi).ok()
}

/// What the owner planned for: `--expect`, else the plan's own leads change, else +30%.
pub fn expected_uplift(expect: Option<f64>, plan: Option<&Scenario>) -> f64 {
    expect
        .or_else(|| {
            let i = &plan?.inputs;
            let b = i.baseline.leads.to_f64()?;
            (b > 0.0)
                .then(|| i.after.leads.to_f64().unwrap_or(b) / b - 1.0)
                .filter(|u| *u > 0.0)
        })
        .unwrap_or(DEFAULT_EXPECT)
}

/// Judges the pilot (or, with `pilot = None`, plans one).
pub fn judge(
    m: &Measured,
    baseline: Period,
    pilot: Option<Period>,
    plan: Option<&Scenario>,
    expect: Option<f64>,
) -> Result<Pilot, MeasureError> {
    check_periods(m, baseline, pilot)?;
    let mut out = planned(m, baseline, pilot, expected_uplift(expect, plan));
    let Some(p) = pilot else {
        return Ok(out);
    };
    for &channel in m.funnel.channels() {
        let changes = changes(m, baseline, p, channel, out.dispersion.phi);
        if channel == Channel::All {
            out.seasonal_checked = changes[0].seasonal.is_some();
        }
        out.metrics.extend(changes);
    }
    if m.funnel.split {
        out.attribution = Some(attribution(m, p, &out));
    }
    out.extra_months = extra_months(&out, p);
    if let Some(plan) = plan {
        out.plan = Some(plan::compare(m, baseline, p, plan, &out.metrics)?);
    }
    out.decision = decide::decide(&out, plan);
    Ok(out)
}

/// The judgement as far as the baseline alone goes, which is all a plan
/// needs: how its leads vary, the smallest rise pilots of each length can
/// see, and the months the rise planned for (`want`) needs.
fn planned(m: &Measured, baseline: Period, pilot: Option<Period>, want: f64) -> Pilot {
    let counts = months_of(m, baseline, Channel::All);
    let dispersion = stats::dispersion(&counts);
    let k0 = baseline.months();
    // The funnel refuses counts whose months pass 2⁶⁴ − 1 together; checked
    // all the same, since a sum that wrapped would read as a tiny baseline.
    let total = counts.iter().try_fold(0u64, |a, &b| a.checked_add(b));
    let base_mean = total
        .filter(|_| counts.len() as u32 == k0 && k0 > 0)
        .map(|total| total as f64 / f64::from(k0));
    let detectable = LENGTHS
        .iter()
        .map(|&k1| Detectable {
            months: k1,
            leads_uplift: base_mean
                .and_then(|mean| stats::minimum_detectable_uplift(dispersion.phi, mean, k0, k1)),
        })
        .collect();
    let need = base_mean
        .and_then(|mean| stats::months_to_detect(dispersion.phi, mean, k0, want, MAX_MONTHS));
    Pilot {
        baseline,
        pilot,
        dispersion,
        baseline_leads: base_mean,
        metrics: Vec::new(),
        seasonal_checked: false,
        attribution: None,
        detectable,
        expect: (want, need),
        extra_months: None,
        plan: None,
        decision: Decision::plan_only(),
    }
}

/// Every metric of one channel, leads first. `phi_all` is the baseline's
/// variation of `all` leads, worked out already; another channel's leads
/// vary by their own.
fn changes(
    m: &Measured,
    baseline: Period,
    p: Period,
    channel: Channel,
    phi_all: f64,
) -> [Change; 5] {
    let phi = if channel == Channel::All {
        phi_all
    } else {
        stats::dispersion(&months_of(m, baseline, channel)).phi
    };
    let (t0, t1) = (
        m.funnel.period(baseline.from, baseline.to, channel),
        m.funnel.period(p.from, p.to, channel),
    );
    let mut l = leads(m, baseline, p, channel, phi);
    if channel == Channel::All {
        l.seasonal = seasonal(m, baseline, p, phi);
        // A rise the season alone would bring is no evidence of the assistant.
        if l.verdict == Some(Verdict::Up) && l.seasonal.is_some_and(|s| s.low <= 1.0) {
            l.verdict = Some(Verdict::Unclear);
            l.season_explains = true;
        }
    }
    let judged = |t: &Tally| t.visits?.checked_add(t.no_shows?);
    [
        l,
        rate(
            Metric::Conversion,
            channel,
            (t0.bookings, t0.leads),
            (t1.bookings, t1.leads),
        ),
        rate(
            Metric::NoShowRate,
            channel,
            (t0.no_shows, judged(&t0)),
            (t1.no_shows, judged(&t1)),
        ),
        check(channel, &t0, &t1, m.funnel.coverage.per_visit),
        revenue(channel, &t0, &t1, baseline, p),
    ]
}

/// The assistant's own numbers in the pilot, and whether the other
/// channels' leads fell as its appeared (`out` holds the changes).
fn attribution(m: &Measured, p: Period, out: &Pilot) -> Attribution {
    let ai = m.funnel.period(p.from, p.to, Channel::Ai);
    let other = out.find(Metric::Leads, Channel::Other);
    Attribution {
        leads: ai.leads,
        bookings: ai.bookings,
        visits: ai.visits,
        revenue: ai.revenue,
        // Only a clear fall: a dip inside the noise is no evidence of relabelling.
        cannibalisation: ai.leads.unwrap_or(0) > 0
            && other.is_some_and(|o| o.verdict == Some(Verdict::Down)),
    }
}

/// Months more the pilot needs (at least one) before its rise can be told
/// from chance: the observed rise while it is still unclear, else the one planned for.
fn extra_months(out: &Pilot, p: Period) -> Option<u32> {
    let observed = out
        .find(Metric::Leads, Channel::All)
        .filter(|l| l.verdict == Some(Verdict::Unclear))
        .and_then(|l| l.change)
        .filter(|u| *u > 0.0);
    let total = match (observed, out.baseline_leads) {
        (Some(u), Some(mean)) => stats::months_to_detect(
            out.dispersion.phi,
            mean,
            out.baseline.months(),
            u,
            MAX_MONTHS,
        ),
        _ => None,
    }
    .or(out.expect.1);
    total.map(|t| t.saturating_sub(p.months()).max(1))
}

impl Pilot {
    /// One metric of one channel.
    pub fn find(&self, metric: Metric, channel: Channel) -> Option<&Change> {
        self.metrics
            .iter()
            .find(|c| c.metric == metric && c.channel == channel)
    }
}

/// Months of a period, for the pilot's comparisons.
pub fn months(p: Period) -> impl Iterator<Item = Month> {
    p.from.through(p.to)
}
