//! `roi pilot FILE… --schedule schedule.csv`: the days the schedule covers,
//! counted by creation day in the business's local time; each total's rate
//! ratio on against off by the design's own randomisation; the shares and
//! the check by the leads created on on days against those on off days;
//! whether the switch was followed; and the pilot's decision rules.

use super::schedule::{Plan, Schedule};
use crate::evidence::measure::cell::Month;
use crate::evidence::measure::error::{MeasureError, Period};
use crate::evidence::measure::funnel::{Channel, Tally};
use crate::evidence::measure::records::Daily;
use crate::evidence::measure::{Baseline, Measured};
use crate::evidence::pilot::{self, Adjustment, Change, Metric, Pilot, Primary, Verdict, Why};
use crate::evidence::stats::randomisation::{self as r, Assignments};
use crate::evidence::stats::{Dispersion, Share};
use crate::forecast::scenario::Scenario;
use crate::i18n::f;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// The share of off days' leads the assistant may bring before the
/// schedule counts as not followed.
pub const FOLLOWED_SHARE: f64 = 0.05;

/// Mixed into the schedule's seed for the test's draws, so that the first
/// draw is not the schedule itself.
const DRAW_SALT: u64 = 0x5357_4954_4348;

/// How one total was tested.
#[derive(Debug, Clone, PartialEq)]
pub struct Randomised {
    /// The metric.
    pub metric: Metric,
    /// Assignments at least as extreme as the one run.
    pub extreme: u64,
    /// Assignments counted.
    pub counted: u64,
    /// Whether they were every assignment the design allows.
    pub enumerated: bool,
    /// The seed of the draws.
    pub seed: u64,
    /// Assignments the design allows.
    pub possible: u128,
    /// The interval inverts the test (`true`) or is quasi-Poisson.
    pub inverted: bool,
    /// The quasi-Poisson dispersion of the days.
    pub phi: Option<f64>,
}

/// Was the switch followed: the assistant's leads on off days, and days
/// without any record.
#[derive(Debug, Clone, PartialEq)]
pub struct Compliance {
    /// The assistant's leads on off days (`None` without an AI rule).
    pub ai_off: Option<u64>,
    /// All leads on off days.
    pub off_leads: u64,
    /// The off days with the assistant's leads, and how many.
    pub ai_days: Vec<(NaiveDate, u64)>,
    /// Days of the judged blocks with no record at all.
    pub empty_days: Vec<NaiveDate>,
}

impl Compliance {
    /// The assistant's share of off days' leads, when above [`FOLLOWED_SHARE`].
    pub fn broken(&self) -> Option<f64> {
        let ai = self.ai_off?;
        let share = ai as f64 / self.off_leads.max(1) as f64;
        (share > FOLLOWED_SHARE).then_some(share)
    }
}

/// A switchback's judgement.
#[derive(Debug, Clone)]
pub struct Switchback {
    /// The schedule as drawn.
    pub schedule: Schedule,
    /// Blocks the export covers (from the first): the ones judged.
    pub blocks: u32,
    /// Days counted (on, off), washouts and unpaired days left out.
    pub used: (usize, usize),
    /// Days left out as washout in the judged blocks.
    pub washout_days: usize,
    /// Each total's test.
    pub tests: Vec<Randomised>,
    /// Whether the switch was followed.
    pub compliance: Compliance,
    /// The off days' records (washouts left out) and how many days they are.
    pub off: (Tally, usize),
    /// The judgement in the before/after pilot's terms, for its decision rules.
    pub pilot: Pilot,
}

/// The judged part of a schedule: its plan cut to the covered blocks and
/// the assignment restricted to their pairs.
fn judged_part(s: &Schedule, daily: &Daily, name: &str) -> Result<(Plan, u64), MeasureError> {
    let wrong = |message: String| MeasureError::Period {
        flag: "--schedule",
        value: name.to_string(),
        message,
    };
    let (first, last) = daily
        .span()
        .ok_or_else(|| wrong(f("the export has no dated records", &[])))?;
    let start = s.plan.start;
    if first > start {
        return Err(wrong(f(
            "the export begins on {}, after the schedule's first day {}; export from {} or earlier",
            &[&first, &start, &start],
        )));
    }
    let covered = s.days.iter().take_while(|d| d.date <= last).count();
    let blocks = (covered / 14) as u32;
    if blocks < 2 {
        return Err(wrong(f(
            "the export ends on {} and covers {} of the schedule's {} blocks in full; the test needs two blocks at least: export again after {}",
            &[
                &last,
                &blocks,
                &s.plan.blocks(),
                &s.days.get(27).map_or(start, |d| d.date),
            ],
        )));
    }
    let mut plan = s.plan;
    plan.units = blocks * (plan.units / plan.blocks().max(1));
    let pairs = plan.pairs().len();
    let mask = if pairs >= 64 {
        u64::MAX
    } else {
        (1u64 << pairs) - 1
    };
    Ok((plan, s.word & mask))
}

/// One total's values by day, over the judged days.
fn values(daily: &Daily, days: &[NaiveDate], metric: Metric, channel: Channel) -> Option<Vec<f64>> {
    days.iter()
        .map(|&d| pilot::metrics::total(metric, &daily.tally(d, channel)))
        .collect()
}

/// A total's change on against off: its randomisation test and interval.
fn total_change(
    plan: &Plan,
    word: u64,
    v: Option<Vec<f64>>,
    metric: Metric,
    channel: Channel,
    alpha: f64,
) -> (Change, Option<Randomised>) {
    let Some(v) = v else {
        return (Change::empty(metric, channel, Why::NotInData), None);
    };
    let (mut d, mut p) = (Vec::new(), Vec::new());
    let design = plan.design(&mut d, &mut p, &v);
    let all: Assignments = design.assignments(plan.seed ^ DRAW_SALT);
    let t = r::test(&design, word, &v, &all);
    let inverted = r::inverted_interval(&design, word, &v, &all, &t, alpha);
    let qp = r::quasi_poisson(&t.sums, alpha);
    let mut c = Change::empty(metric, channel, Why::NotInData);
    c.why = None;
    let n = t.sums.strata.len().max(1) as f64;
    c.baseline = Some(t.sums.off / n);
    c.pilot = Some(t.sums.on / n);
    c.change = t.ratio.map(|x| x - 1.0);
    c.p_value = Some(t.p_value);
    c.phi = qp.map(|q| q.phi);
    c.method = Some(if inverted.is_some() {
        "randomisation_inverted"
    } else {
        "randomisation_quasi_poisson"
    });
    let interval = inverted.or(qp.map(|q| (q.low, q.high)));
    match (interval, c.change) {
        (Some((low, high)), Some(point)) => {
            c = c.judged(low - 1.0, high - 1.0);
            // The verdict is the exact test's; the interval only shows how far.
            c.verdict = Some(match (t.p_value <= alpha, point) {
                (true, x) if x > 0.0 => Verdict::Up,
                (true, x) if x < 0.0 => Verdict::Down,
                _ => Verdict::Unclear,
            });
        }
        _ => {
            c.why = Some(if t.sums.off > 0.0 {
                Why::NoPilot
            } else {
                Why::NoBaseline
            })
        }
    }
    let test = Randomised {
        metric,
        extreme: t.extreme,
        counted: t.counted,
        enumerated: all.enumerated,
        seed: all.seed,
        possible: all.possible,
        inverted: inverted.is_some(),
        phi: c.phi,
    };
    (c, Some(test))
}

/// The on and off days' tallies (washouts left out), and each day's.
fn arms(daily: &Daily, s: &Schedule, judged: usize) -> ([Tally; 2], [Vec<Tally>; 2]) {
    let zero = Tally::zero(daily.coverage());
    let mut sum = [zero, zero];
    let mut each = [Vec::new(), Vec::new()];
    for d in s.days.iter().take(judged).filter(|d| !d.washout) {
        let t = daily.tally(d.date, Channel::All);
        let arm = usize::from(d.on);
        sum[arm] = sum[arm].plus(&t);
        each[arm].push(t);
    }
    (sum, each)
}

/// A share's change, off days' leads against on days'.
fn share_change(each: &[Vec<Tally>; 2], metric: Metric) -> Change {
    let part = |t: &Tally| -> Option<Share> {
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
    };
    let all = |v: &[Tally]| v.iter().map(part).collect::<Option<Vec<Share>>>();
    match (all(&each[0]), all(&each[1])) {
        (Some(s0), Some(s1)) => pilot::metrics::share_of(metric, Channel::All, &s0, &s1),
        _ => Change::empty(metric, Channel::All, Why::NotInData),
    }
}

/// Whether the switch was followed, over the judged days.
fn compliance(m: &Measured, daily: &Daily, s: &Schedule, judged: usize) -> Compliance {
    let days = &s.days[..judged.min(s.days.len())];
    let off: Vec<NaiveDate> = days.iter().filter(|d| !d.on).map(|d| d.date).collect();
    let leads = |d: NaiveDate, c: Channel| daily.tally(d, c).leads.unwrap_or(0);
    let ai_days: Vec<(NaiveDate, u64)> = off
        .iter()
        .map(|&d| (d, leads(d, Channel::Ai)))
        .filter(|&(_, n)| n > 0)
        .collect();
    Compliance {
        ai_off: m.funnel.split.then(|| ai_days.iter().map(|(_, n)| n).sum()),
        off_leads: off.iter().map(|&d| leads(d, Channel::All)).sum(),
        ai_days: if m.funnel.split { ai_days } else { Vec::new() },
        empty_days: days
            .iter()
            .filter(|d| !daily.has(d.date))
            .map(|d| d.date)
            .collect(),
    }
}

/// Judges a switchback: `name` is the schedule file's, for messages.
pub fn judge(
    m: &Measured,
    s: &Schedule,
    name: &str,
    endpoint: Metric,
    plan: Option<&Scenario>,
) -> Result<Switchback, MeasureError> {
    let daily = m.daily.as_ref().ok_or_else(|| MeasureError::Period {
        flag: "--schedule",
        value: name.to_string(),
        message: f(
            "a switchback is judged day by day, and a sheet of monthly totals has no days; give the CRM's export of records",
            &[],
        ),
    })?;
    let (judged_plan, word) = judged_part(s, daily, name)?;
    let judged = judged_plan.days() as usize;
    let dates: Vec<NaiveDate> = s.days.iter().take(judged).map(|d| d.date).collect();
    let alpha = pilot::ALPHA;
    let mut tests = Vec::new();
    let mut total = |metric: Metric, channel: Channel| {
        let v = values(daily, &dates, metric, channel);
        let (c, t) = total_change(&judged_plan, word, v, metric, channel, alpha);
        tests.extend(t.filter(|_| channel == Channel::All));
        c
    };
    let leads = total(Metric::Leads, Channel::All);
    let bookings = total(Metric::Bookings, Channel::All);
    let visits = total(Metric::Visits, Channel::All);
    let revenue = total(Metric::Revenue, Channel::All);
    let other = m.funnel.split.then(|| total(Metric::Leads, Channel::Other));
    let (sum, each) = arms(daily, s, judged);
    let metrics: Vec<Change> = [
        leads,
        bookings,
        visits,
        share_change(&each, Metric::Conversion),
        share_change(&each, Metric::NoShowRate),
        pilot::metrics::check(Channel::All, &sum[0], &sum[1], daily.coverage().per_visit),
        revenue,
    ]
    .into_iter()
    .chain(other)
    .collect();
    let compliance = compliance(m, daily, s, judged);
    let first = Month::of(s.plan.start);
    let last = Month::of(dates.last().copied().unwrap_or(s.plan.start));
    let period = Period {
        from: first,
        to: last,
    };
    // Each used stratum is one on day and one off day.
    let used = {
        let (mut d, mut p) = (Vec::new(), Vec::new());
        let ones = vec![1.0; judged];
        let design = judged_plan.design(&mut d, &mut p, &ones);
        let n = design.sums(word, &ones).strata.len();
        (n, n)
    };
    let washout_days = s.days.iter().take(judged).filter(|d| d.washout).count();
    let off_days = each[0].len();
    let pilot = as_pilot(period, metrics, endpoint, plan);
    let mut out = Switchback {
        schedule: s.clone(),
        blocks: judged_plan.blocks(),
        used,
        washout_days,
        tests,
        compliance,
        off: (sum[0], off_days),
        pilot,
    };
    out.decide(plan);
    Ok(out)
}

/// The judgement in the before/after pilot's terms: the endpoint's change
/// as the primary one, bookings and visits as guardrails.
fn as_pilot(
    period: Period,
    metrics: Vec<Change>,
    endpoint: Metric,
    plan: Option<&Scenario>,
) -> Pilot {
    let find = |metric: Metric| {
        metrics
            .iter()
            .find(|c| c.metric == metric && c.channel == Channel::All)
            .cloned()
            .unwrap_or_else(|| Change::empty(metric, Channel::All, Why::NotInData))
    };
    let change = find(endpoint);
    let guardrails = [Metric::Bookings, Metric::Visits]
        .into_iter()
        .filter(|&g| g != endpoint)
        .map(find)
        .filter(|c| c.verdict.is_some())
        .collect();
    let primary = Primary {
        endpoint,
        adjustment: Adjustment::Randomised,
        at_95: change.clone(),
        change,
        raw: None,
        guardrails,
        net_of_others: false,
    };
    let baseline_leads = find(Metric::Leads).baseline;
    Pilot {
        baseline: period,
        pilot: Some(period),
        dispersion: Dispersion {
            phi: find(Metric::Leads).phi.unwrap_or(1.0),
            known: true,
        },
        baseline_leads,
        metrics,
        seasonal_checked: false,
        primary: Some(primary),
        endpoint,
        attribution: None,
        detectable: Vec::new(),
        expect: (pilot::expected_uplift(None, plan), None),
        extra_months: None,
        look: None,
        design: None,
        odds: None,
        odds_missing: None,
        plan_refused: None,
        open_bookings: Vec::new(),
        plan: None,
        returns: None,
        decision: pilot::Decision::plan_only(),
    }
}

impl Switchback {
    /// Decides by the pilot's rules, then says when the schedule was not
    /// followed; the before/after pilot's advice to fix a length in
    /// advance does not apply, as the schedule fixed it.
    pub fn decide(&mut self, plan: Option<&Scenario>) {
        let odds = match (self.pilot.odds, &self.pilot.odds_missing) {
            (Some(o), _) => Ok(o),
            (None, why) => Err(why.clone().unwrap_or_default()),
        };
        self.pilot = self.pilot.clone().with_odds(odds, plan);
        let d = &mut self.pilot.decision;
        d.reasons.retain(|r| !matches!(r, pilot::Reason::FixLength));
        if let (Some(ai), Some(_)) = (self.compliance.ai_off, self.compliance.broken()) {
            d.reasons.push(pilot::Reason::NotFollowed {
                ai,
                leads: self.compliance.off_leads,
            });
        }
    }

    /// The business without the assistant, for a scenario's `[baseline]`:
    /// the off days' records scaled to an average month (365.25 / 12 days),
    /// counts rounded, money exact; its period is the pilot's first month.
    pub fn off_baseline(&self) -> Option<Baseline> {
        let (t, days) = self.off;
        let k = Decimal::new(304_375, 4).checked_div(Decimal::from(days.max(1)))?;
        let count = |x: Option<u64>| -> Option<u64> { (Decimal::from(x?) * k).round().to_u64() };
        let scaled = Tally {
            leads: count(t.leads),
            bookings: count(t.bookings),
            visits: count(t.visits),
            no_shows: count(t.no_shows),
            revenue: t.revenue.and_then(|r| r.checked_mul(k)),
            priced: count(Some(t.priced)).unwrap_or(0),
            revenue_squares: t.revenue_squares.and_then(|r| r.checked_mul(k)),
        };
        let month = Month::of(self.schedule.plan.start);
        Some(Baseline {
            period: Period {
                from: month,
                to: month,
            },
            leads: scaled.leads.map(Decimal::from),
            figures: scaled.figures(),
            ranges: Vec::new(),
            season: None,
        })
    }

    /// The judged days' first and last dates.
    pub fn judged_dates(&self) -> (NaiveDate, NaiveDate) {
        let n = self.blocks as usize * 14;
        let first = self.schedule.plan.start;
        let last = self
            .schedule
            .days
            .get(n.saturating_sub(1))
            .map_or(first, |d| d.date);
        (first, last)
    }
}
