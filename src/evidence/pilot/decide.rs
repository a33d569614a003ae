//! The decision in one word — scale, extend or stop — and the facts behind it.

use super::{Change, Metric, Pilot, Verdict};
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
    /// A metric clearly rose (or a no-show rate clearly fell): its change and interval.
    Better(Change),
    /// A metric clearly got worse.
    Worse(Change),
    /// Leads changed, but the interval holds no change.
    Unclear(Change),
    /// The season explains the rise in leads.
    Season(Change),
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
}

impl Reason {
    /// A short name for JSON.
    pub fn name(&self) -> &'static str {
        match self {
            Reason::Better(_) => "better",
            Reason::Worse(_) => "worse",
            Reason::Unclear(_) => "unclear",
            Reason::Season(_) => "season",
            Reason::Cannibalisation(_) => "cannibalisation",
            Reason::RealisedRoi(_) => "realised_roi",
            Reason::ProjectedRoi(_) => "projected_roi",
            Reason::NoCosts => "no_costs",
            Reason::PlanDiffers => "plan_differs",
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

/// Whether a clear change of `c` is good for the business (fewer no-shows are).
fn good(c: &Change) -> Option<bool> {
    let v = c.verdict?;
    if v == Verdict::Unclear {
        return None;
    }
    let up = v == Verdict::Up;
    Some(if c.metric == Metric::NoShowRate {
        !up
    } else {
        up
    })
}

/// Decides from the judged metrics (channel `all`), the plan and the season:
/// a clear change for the worse stops it; a clear improvement scales it when
/// it pays at the plan's costs (or no plan says what they are) and stops it
/// when it does not; anything else extends it.
pub fn decide(p: &Pilot, plan: Option<&Scenario>) -> Decision {
    let all: Vec<&Change> = p
        .metrics
        .iter()
        .filter(|c| c.channel == Channel::All && c.metric != Metric::Revenue)
        .collect();
    let better: Vec<Reason> = all
        .iter()
        .filter(|c| good(c) == Some(true))
        .map(|c| Reason::Better((*c).clone()))
        .collect();
    let worse: Vec<Reason> = all
        .iter()
        .filter(|c| good(c) == Some(false))
        .map(|c| Reason::Worse((*c).clone()))
        .collect();
    let leads = p.find(Metric::Leads, Channel::All);
    let mut context = Vec::new();
    if let Some(l) = leads.filter(|l| l.season_explains) {
        context.push(Reason::Season(l.clone()));
    }
    if p.attribution.is_some_and(|a| a.cannibalisation)
        && let Some(o) = p.find(Metric::Leads, Channel::Other)
    {
        context.push(Reason::Cannibalisation(o.clone()));
    }
    if p.plan.as_ref().is_some_and(|r| !r.differs.is_empty()) {
        context.push(Reason::PlanDiffers);
    }
    let realised = p
        .plan
        .as_ref()
        .and_then(|r| r.months.last())
        .and_then(|m| m.actual_to_date)
        .and_then(|t| t.roi);
    let projected = p.plan.as_ref().and_then(|r| r.projected_roi);
    let mut money = Vec::new();
    money.extend(realised.map(Reason::RealisedRoi));
    money.extend(projected.map(Reason::ProjectedRoi));
    // A clear change for the worse is never outweighed: the owner hears it first.
    let (kind, mut reasons, extra) = if !worse.is_empty() {
        (Kind::Stop, [worse, better].concat(), None)
    } else if !better.is_empty() {
        let pays = realised.is_some_and(|r| r >= Decimal::ZERO)
            || projected.is_some_and(|r| r >= Decimal::ZERO);
        match plan {
            None => (Kind::Scale, [better, vec![Reason::NoCosts]].concat(), None),
            Some(_) if pays => (Kind::Scale, [better, money].concat(), None),
            Some(_) => (Kind::Stop, [better, money].concat(), None),
        }
    } else {
        let mut r = Vec::new();
        if let Some(l) = leads.filter(|l| l.change.is_some()) {
            r.push(Reason::Unclear(l.clone()));
        }
        // More months to see the observed rise, else to see the one planned for.
        let pilot_months = p.pilot.map_or(0, |x| x.months());
        let extra = p.extra_months.or_else(|| {
            p.expect
                .1
                .map(|need| need.saturating_sub(pilot_months).max(1))
        });
        (Kind::Extend, [r, money].concat(), extra)
    };
    reasons.extend(context);
    Decision {
        kind,
        reasons,
        extra_months: extra,
    }
}
