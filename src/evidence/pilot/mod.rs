//! `roi pilot`'s judgement, pure: the measured funnel's baseline months against
//! its pilot months — what changed, how sure we are, whether the season
//! explains it, how long to keep going, what it earned against the plan, and
//! the decision. Statistics come from [`crate::evidence::stats`]; nothing here prints.

mod decide;
pub mod design;
pub mod metrics;
pub mod odds;
mod plan;
mod planning;
mod primary;
pub mod returns;

pub use decide::{Decision, Kind, Reason};
pub use design::{Design, LookAt};
pub use plan::{PlanMonth, PlanReport, open_in};
pub use primary::{ALPHA, Adjustment, ENDPOINTS, Primary};

use crate::evidence::measure::Measured;
use crate::evidence::measure::cell::Month;
use crate::evidence::measure::error::{MeasureError, Period};
use crate::evidence::measure::funnel::Channel;
use crate::evidence::stats::{self, Dispersion, Undefined};
use crate::forecast::scenario::Scenario;
use crate::i18n::f;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// A funnel metric the pilot judges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    /// Leads per month.
    Leads,
    /// Bookings per month.
    Bookings,
    /// Visits (came) per month.
    Visits,
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
            Metric::Bookings => "bookings",
            Metric::Visits => "visits",
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

    /// The verdict of an interval of the change (0 is no change).
    pub fn of(low: f64, high: f64) -> Verdict {
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
    /// Neither period has any: the channel was not used before the pilot or in it.
    NoData,
    /// Monthly totals carry no single visits' amounts, so no spread of checks.
    MonthlyTotalsOnly,
    /// Fewer than two priced visits in a period.
    TooFew,
    /// One month on each side: nothing to tell the months' own spread by.
    OneMonth,
}

impl Why {
    /// The sentence (catalogue key).
    pub fn text(self) -> &'static str {
        match self {
            Why::NotInData => "the data has no such figure",
            Why::NoBaseline => "new: none before the pilot",
            Why::NoPilot => "none in the pilot",
            Why::NoData => "none before the pilot or in it",
            Why::MonthlyTotalsOnly => {
                "monthly totals carry no single checks, so their spread is unknown"
            }
            Why::TooFew => "fewer than two priced visits in a period",
            Why::OneMonth => "one month on each side leaves the months' spread unknown",
        }
    }

    fn of(u: Undefined) -> Why {
        match u {
            Undefined::NoPilot => Why::NoPilot,
            Undefined::TooFewValues => Why::TooFew,
            Undefined::NoData => Why::NoData,
            _ => Why::NoBaseline,
        }
    }

    /// As [`Why::of`], for a total per month, where too few values means
    /// too few months.
    fn of_months(u: Undefined) -> Why {
        match u {
            Undefined::TooFewValues => Why::OneMonth,
            u => Why::of(u),
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
    /// `quasi_poisson` (totals per month; `_year_earlier` or `_plan_season`
    /// when adjusted for the season), `newcombe` or `newcombe_quasi_binomial`
    /// (shares), `welch` (the check).
    pub method: Option<&'static str>,
    /// The months' dispersion the interval was widened by (quasi-Poisson's
    /// Pearson φ, or the share's quasi-binomial φ); `None` for the check.
    pub phi: Option<f64>,
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
    /// A change that could not be measured, and why.
    pub fn empty(metric: Metric, channel: Channel, why: Why) -> Change {
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
            phi: None,
            verdict: None,
            seasonal: None,
            season_explains: false,
            why: Some(why),
        }
    }

    /// The change with its interval, and the verdict the interval gives.
    pub fn judged(mut self, low: f64, high: f64) -> Change {
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
    /// Every metric of every channel, as measured (not adjusted for the season).
    pub metrics: Vec<Change>,
    /// Whether the seasonal check could be made.
    pub seasonal_checked: bool,
    /// The primary endpoint's test and its guardrails (`None` when planning).
    pub primary: Option<Primary>,
    /// The endpoint the decision rests on.
    pub endpoint: Metric,
    /// The assistant's own numbers (with an AI rule).
    pub attribution: Option<Attribution>,
    /// The smallest rise of the endpoint pilots of 1, 2, 3 and 6 months detect.
    pub detectable: Vec<Detectable>,
    /// The uplift planned for (`--expect`, the plan's, or +30%), and the months it needs.
    pub expect: (f64, Option<u32>),
    /// Months the pilot's own plan still has to run (with a plan file).
    pub extra_months: Option<u32>,
    /// The look of a planned pilot this judgement is (with a plan file).
    pub look: Option<LookAt>,
    /// The pilot's plan: proposed when planning, or the one judged by.
    pub design: Option<Design>,
    /// The odds of paying over the plan's horizon (with `--scenario`).
    pub odds: Option<odds::Odds>,
    /// Why the odds could not be drawn, when a plan was given.
    pub odds_missing: Option<String>,
    /// Why `--plan` proposes no pilot plan (catalogue key).
    pub plan_refused: Option<&'static str>,
    /// Bookings still open at the export's date, by pilot month (those with any).
    pub open_bookings: Vec<(Month, u64)>,
    /// Against the plan the assistant was bought on.
    pub plan: Option<PlanReport>,
    /// Whether clients come back (when the files name clients): the
    /// judgement, or why it could not be made.
    pub returns: Option<Result<returns::Returns, String>>,
    /// The one-line answer.
    pub decision: Decision,
}

/// The pilot lengths the owner is shown.
pub const LENGTHS: [u32; 4] = [1, 2, 3, 6];
/// Planning never looks further than this.
pub const MAX_MONTHS: u32 = 36;
/// The uplift assumed when nothing says otherwise: the article's +30% leads.
pub const DEFAULT_EXPECT: f64 = 0.3;

/// What the owner asks of the pilot besides the data.
#[derive(Debug, Clone, Copy)]
pub struct Ask<'a> {
    /// The plan the assistant was bought on (`--scenario`).
    pub plan: Option<&'a Scenario>,
    /// The rise planned for (`--expect`).
    pub expect: Option<f64>,
    /// The primary endpoint (`--primary`; leads by default).
    pub endpoint: Metric,
    /// The pilot's plan, fixed before it started (`--pilot-plan`).
    pub design: Option<&'a Design>,
    /// Planning: the pilot's length (`--months`), else the months the
    /// expected rise needs.
    pub months: Option<u32>,
    /// Planning: the pilot's first month (`--start`), else the month after the baseline.
    pub start: Option<Month>,
    /// The day of the run: records dated after it are left out of the
    /// clients' returns.
    pub today: chrono::NaiveDate,
}

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
    ask: Ask<'_>,
) -> Result<Pilot, MeasureError> {
    check_periods(m, baseline, pilot)?;
    let want = expected_uplift(ask.expect, ask.plan);
    let start = ask.start.unwrap_or_else(|| baseline.to.next());
    let mut out = planning::planned(m, baseline, pilot, ask.endpoint, start, want);
    let Some(p) = pilot else {
        match planning::propose(m, baseline, ask, want) {
            Ok(d) => out.design = Some(d),
            Err(why) => out.plan_refused = Some(why),
        }
        return Ok(out);
    };
    out.design = ask.design.cloned();
    out.open_bookings = p
        .from
        .through(p.to)
        .filter_map(|month| Some((month, plan::open_in(m, month)?)))
        .filter(|&(_, n)| n > 0)
        .collect();
    for &channel in m.funnel.channels() {
        out.metrics.extend(changes(m, baseline, p, channel));
    }
    // A planned pilot's look spends only its share of α: its nominal level.
    out.look = ask.design.and_then(|d| d.look(p.months()));
    let alpha = out.look.map_or(primary::ALPHA, |l| l.boundary.p_value);
    out.extra_months = ask
        .design
        .map(|d| d.months.saturating_sub(p.months()))
        .filter(|&n| n > 0);
    let primary = primary::judge(m, baseline, p, ask.endpoint, ask.plan, alpha);
    if let Some(leads) = out
        .metrics
        .iter_mut()
        .find(|c| c.metric == Metric::Leads && c.channel == Channel::All)
        && primary.adjustment == Adjustment::YearEarlier
    {
        // The leads' own 95% check against a year earlier, whatever the
        // endpoint, the look or a net-of-others estimate.
        let seasonal = primary::against_year(m, baseline, p, Metric::Leads, primary::ALPHA);
        leads.seasonal = seasonal.change.map(|c| stats::Estimate {
            point: c + 1.0,
            low: seasonal.low.unwrap_or(f64::NAN) + 1.0,
            high: seasonal.high.unwrap_or(f64::NAN) + 1.0,
            p_value: seasonal.p_value.unwrap_or(f64::NAN),
        });
        leads.season_explains = leads.verdict == Some(Verdict::Up)
            && seasonal.verdict != Some(Verdict::Up)
            && seasonal.change < leads.change;
        out.seasonal_checked = leads.seasonal.is_some();
    }
    out.primary = Some(primary);
    out.returns = returns::of(m, baseline, p, ask.today);
    if m.funnel.split {
        out.attribution = Some(attribution(m, p, &out));
    }
    if let Some(plan) = ask.plan {
        out.plan = Some(plan::compare(m, baseline, p, plan, &out.metrics)?);
    }
    out.decision = decide::decide(&out, ask.plan);
    Ok(out)
}

impl Pilot {
    /// The judgement with the odds of paying, decided again on them.
    pub fn with_odds(mut self, odds: Result<odds::Odds, String>, plan: Option<&Scenario>) -> Pilot {
        match odds {
            Ok(o) => self.odds = Some(o),
            Err(why) => self.odds_missing = Some(why),
        }
        self.decision = decide::decide(&self, plan);
        self
    }
}

/// Every metric of one channel, leads first, as measured.
fn changes(m: &Measured, baseline: Period, p: Period, channel: Channel) -> [Change; 7] {
    let (t0, t1) = (
        m.funnel.period(baseline.from, baseline.to, channel),
        m.funnel.period(p.from, p.to, channel),
    );
    let count = |metric| metrics::per_month(m, baseline, p, channel, metric, None, primary::ALPHA);
    [
        count(Metric::Leads),
        count(Metric::Bookings),
        count(Metric::Visits),
        metrics::share(m, baseline, p, channel, Metric::Conversion),
        metrics::share(m, baseline, p, channel, Metric::NoShowRate),
        metrics::check(channel, &t0, &t1, m.funnel.coverage.per_visit),
        count(Metric::Revenue),
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
