//! The decision in one word — scale, extend or stop — and the facts behind it.

use super::odds::Odds;
use super::{Adjustment, Change, Metric, Pilot, Primary, Verdict};
use crate::evidence::measure::funnel::Channel;
use crate::forecast::scenario::Scenario;
use rust_decimal::Decimal;

/// What to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A clear rise that pays (or whose costs are unknown): roll it out.
    Scale,
    /// Nothing clear yet: keep the pilot going.
    Extend,
    /// A clear fall, or a clear rise too small to pay for itself.
    Stop,
    /// No pilot yet: only the plan of one.
    Plan,
}

impl Kind {
    /// The name in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Scale => "scale",
            Kind::Extend => "extend",
            Kind::Stop => "stop",
            Kind::Plan => "plan",
        }
    }
}

/// One fact behind the decision.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// The primary endpoint (or a guardrail) clearly rose: its change and interval.
    Better(Change),
    /// The primary endpoint or a guardrail clearly fell.
    Worse(Change),
    /// The primary endpoint changed, but the interval holds no change.
    Unclear(Change),
    /// The season explains the rise: clear as measured, unclear (or down)
    /// against a year earlier; the change net of the season. When unclear,
    /// it stands first, in place of [`Reason::Unclear`].
    Season(Change),
    /// Neither a year earlier in the data nor `[seasonality]` in the plan:
    /// a before/after pilot cannot tell the assistant from the season.
    SeasonUnknown,
    /// One baseline month: its spread, and so the pilot's, cannot be known.
    OneMonth,
    /// More leads that book less often, but more bookings a month: a gain.
    Diluted(Change),
    /// Other channels fell while the assistant's leads appeared.
    Cannibalisation(Change),
    /// ROI to date on the measured revenue and the plan's costs.
    RealisedRoi(Decimal),
    /// ROI over the plan's horizon if the measured changes hold.
    ProjectedRoi(Decimal),
    /// No plan given: whether it pays is not checked.
    NoCosts,
    /// The plan was built on another baseline.
    PlanDiffers,
    /// No pilot plan fixed the length in advance: more months must be
    /// planned with `--plan`, not sized from what was seen.
    FixLength,
    /// The planned pilot ran its length without a clear rise.
    PlanEnded,
    /// The odds of paying over the plan's horizon, from every measured
    /// change's uncertainty.
    Odds(Odds),
    /// A plan was given but the odds could not be drawn: why.
    NoOdds(String),
    /// A switchback's schedule was not followed: the assistant's leads on
    /// days it was to be off, of all leads of those days. The estimate is
    /// then a lower bound of the assistant's effect.
    NotFollowed {
        /// The assistant's leads on off days.
        ai: u64,
        /// All leads on off days.
        leads: u64,
    },
}

impl Reason {
    /// A short name for JSON.
    pub fn name(&self) -> &'static str {
        match self {
            Reason::Better(_) => "better",
            Reason::Worse(_) => "worse",
            Reason::Unclear(_) => "unclear",
            Reason::Season(_) => "season",
            Reason::SeasonUnknown => "season_unknown",
            Reason::OneMonth => "one_month_baseline",
            Reason::Diluted(_) => "diluted",
            Reason::Cannibalisation(_) => "cannibalisation",
            Reason::RealisedRoi(_) => "realised_roi",
            Reason::ProjectedRoi(_) => "projected_roi",
            Reason::NoCosts => "no_costs",
            Reason::PlanDiffers => "plan_differs",
            Reason::FixLength => "fix_length",
            Reason::PlanEnded => "plan_ended",
            Reason::Odds(_) => "odds",
            Reason::NoOdds(_) => "no_odds",
            Reason::NotFollowed { .. } => "not_followed",
        }
    }
}

/// The decision and its facts.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    /// What to do.
    pub kind: Kind,
    /// Why, most telling first.
    pub reasons: Vec<Reason>,
    /// For `extend`: how many more months.
    pub extra_months: Option<u32>,
}

impl Decision {
    /// The placeholder of a plan with no pilot yet.
    pub fn plan_only() -> Decision {
        Decision {
            kind: Kind::Plan,
            reasons: Vec::new(),
            extra_months: None,
        }
    }
}

/// The facts that explain without deciding: more bookings from leads that
/// book less often, the season, relabelled leads, a plan on other figures.
fn explanations(p: &Pilot, primary: &Primary) -> Vec<Reason> {
    let mut explain = Vec::new();
    // More leads that book less often: say the bookings a month rose.
    let conversion_down = p
        .find(Metric::Conversion, Channel::All)
        .is_some_and(|x| x.verdict == Some(Verdict::Down));
    if let Some(g) = primary
        .guardrails
        .iter()
        .find(|g| g.metric == Metric::Bookings && g.verdict == Some(Verdict::Up))
        .filter(|_| conversion_down)
    {
        explain.push(Reason::Diluted(g.clone()));
    }
    // When the season turned a clear rise into chance, that is the primary
    // reason itself (see `decide`); only a rise it turned into a fall is told here.
    if primary.season_explains() && primary.change.verdict != Some(Verdict::Unclear) {
        explain.push(Reason::Season(primary.change.clone()));
    }
    if p.attribution.is_some_and(|a| a.cannibalisation)
        && let Some(o) = p.find(Metric::Leads, Channel::Other)
    {
        explain.push(Reason::Cannibalisation(o.clone()));
    }
    if p.plan.as_ref().is_some_and(|r| !r.differs.is_empty()) {
        explain.push(Reason::PlanDiffers);
    }
    explain
}

/// What the money says: its reasons, whether it pays, whether it cannot.
struct Money {
    reasons: Vec<Reason>,
    pays: bool,
    hopeless: bool,
}

fn money(p: &Pilot) -> Money {
    let realised = p
        .plan
        .as_ref()
        .and_then(|r| r.months.last())
        .and_then(|m| m.actual_to_date)
        .and_then(|t| t.roi);
    let projected = p.plan.as_ref().and_then(|r| r.projected_roi);
    let mut reasons = Vec::new();
    reasons.extend(realised.map(Reason::RealisedRoi));
    // The odds, where they could be drawn, replace the projection on the clear changes alone.
    let chance = p.odds.and_then(|o| Some((o, o.roi_positive?)));
    match (p.odds, &p.odds_missing) {
        (Some(o), _) => reasons.push(Reason::Odds(o)),
        (None, Some(why)) => reasons.push(Reason::NoOdds(why.clone())),
        (None, None) => reasons.extend(projected.map(Reason::ProjectedRoi)),
    }
    // Only the odds can say it pays: a projection on the clear changes alone
    // once said so where simulate on the same evidence did not.
    let pays = chance.is_some_and(|(o, q)| q >= o.confidence);
    Money {
        reasons,
        pays,
        hopeless: chance.is_some_and(|(o, q)| q <= 1.0 - o.confidence),
    }
}

/// Decides on the primary endpoint, once: clearly up scales (when the odds
/// of paying at the plan's costs are high enough, or no plan says what they
/// are), the endpoint or a guardrail (bookings, visits a month) clearly down
/// stops, and so do poor odds; anything else extends. A per-lead conversion
/// fall alone never stops it. A season no data or plan can account for, or
/// a one-month baseline, holds the decision at "extend" whatever the
/// figures say; a planned pilot's last look without a clear rise stops it.
pub fn decide(p: &Pilot, plan: Option<&Scenario>) -> Decision {
    let Some(primary) = &p.primary else {
        return Decision::plan_only();
    };
    let c = &primary.change;
    let up = c.verdict == Some(Verdict::Up);
    let worse: Vec<Reason> = (c.verdict == Some(Verdict::Down))
        .then(|| Reason::Worse(c.clone()))
        .into_iter()
        .chain(primary.guardrail_down().map(|g| Reason::Worse(g.clone())))
        .collect();
    let money = money(p);
    let primary_reason = if up {
        Reason::Better(c.clone())
    } else if primary.season_explains() && c.verdict == Some(Verdict::Unclear) {
        // A rise as measured that the season accounts for: saying "could be
        // chance" beside a range above zero would contradict its own figures.
        Reason::Season(c.clone())
    } else if c.verdict == Some(Verdict::Down) {
        Reason::Worse(c.clone())
    } else {
        Reason::Unclear(c.clone())
    };
    // A switchback's design balances the season: nothing to hold it for.
    let held = if primary.adjustment == Adjustment::Randomised {
        None
    } else if p.baseline.months() < 2 {
        Some(Reason::OneMonth)
    } else if primary.adjustment == Adjustment::Unknown {
        Some(Reason::SeasonUnknown)
    } else {
        None
    };
    let with_money = |first: Vec<Reason>| [first, money.reasons.clone()].concat();
    let last = p.look.is_some_and(|l| l.look >= l.of);
    let (kind, mut reasons) = if let Some(why) = held {
        // Held, but never past a planned pilot's end.
        let kind = if last { Kind::Stop } else { Kind::Extend };
        let mut r = vec![primary_reason, why];
        r.extend(last.then_some(Reason::PlanEnded));
        (kind, r)
    } else if !worse.is_empty() {
        (Kind::Stop, with_money(worse))
    } else if money.hopeless {
        (Kind::Stop, with_money(vec![primary_reason]))
    } else if up {
        match plan {
            None => (Kind::Scale, vec![primary_reason, Reason::NoCosts]),
            Some(_) if money.pays => (Kind::Scale, with_money(vec![primary_reason])),
            // Clearly up, not yet likely enough to pay, or no odds to say:
            // stop only when the odds say it will not (above).
            Some(_) if !last => (Kind::Extend, vec![primary_reason]),
            // The planned length is spent: more months would be peeking.
            Some(_) => (
                Kind::Stop,
                with_money(vec![primary_reason, Reason::PlanEnded]),
            ),
        }
    } else if last {
        // The planned length is spent: more months would be peeking.
        (Kind::Stop, vec![primary_reason, Reason::PlanEnded])
    } else {
        (Kind::Extend, vec![primary_reason])
    };
    if kind == Kind::Extend {
        reasons.extend(money.reasons);
        if p.look.is_none() {
            reasons.push(Reason::FixLength);
        }
    }
    reasons.extend(explanations(p, primary));
    Decision {
        kind,
        reasons,
        extra_months: (kind == Kind::Extend).then_some(p.extra_months).flatten(),
    }
}
