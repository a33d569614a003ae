//! `roi pilot --format json`: the verdict and every figure behind it, for
//! scripts; its layout is a contract, versioned by [`SCHEMA_VERSION`].

use super::num;
use crate::evidence::pilot::{Change, Pilot, PlanMonth, Reason, Verdict};
use crate::render::json::{Money, Ratio};
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{Value, json};

/// Version of the JSON layout; raised on any change that could break a reader.
pub const SCHEMA_VERSION: u32 = 1;

fn metric_json(c: &Change) -> Value {
    json!({
        "metric": c.metric.name(),
        "channel": c.channel.name(),
        "baseline": num(c.baseline),
        "pilot": num(c.pilot),
        "change": num(c.change),
        "low": num(c.low),
        "high": num(c.high),
        "p_value": num(c.p_value),
        "method": c.method,
        "phi": num(c.phi),
        "verdict": c.verdict.map(Verdict::name),
        "seasonal": c.seasonal.map(|s| num(Some(s.point - 1.0))),
        "seasonal_low": c.seasonal.map(|s| num(Some(s.low - 1.0))),
        "seasonal_high": c.seasonal.map(|s| num(Some(s.high - 1.0))),
        "season_explains": c.season_explains,
        "why": c.why.map(|w| w.text()),
    })
}

/// The simulated ROI's P5 … P95, named, for a chart of the odds.
fn quantiles(q: &[Option<f64>; 7]) -> Value {
    let names = ["p5", "p10", "p25", "p50", "p75", "p90", "p95"];
    Value::Object(
        names
            .iter()
            .zip(q)
            .map(|(k, v)| ((*k).to_string(), num(*v)))
            .collect(),
    )
}

fn money(d: Decimal) -> Value {
    serde_json::to_value(Money(d)).unwrap_or(Value::Null)
}

fn ratio(d: Option<Decimal>) -> Value {
    d.map_or(Value::Null, |d| {
        serde_json::to_value(Ratio(d)).unwrap_or(Value::Null)
    })
}

fn reason_json(r: &Reason) -> Value {
    let mut v = json!({ "reason": r.name() });
    match r {
        Reason::Better(c)
        | Reason::Worse(c)
        | Reason::Unclear(c)
        | Reason::Season(c)
        | Reason::Diluted(c)
        | Reason::Cannibalisation(c) => {
            v["metric"] = json!(c.metric.name());
            v["channel"] = json!(c.channel.name());
            v["change"] = num(c.change);
            v["low"] = num(c.low);
            v["high"] = num(c.high);
        }
        Reason::RealisedRoi(d) | Reason::ProjectedRoi(d) => v["roi"] = ratio(Some(*d)),
        Reason::NoOdds(why) => v["why"] = json!(why),
        Reason::Odds(o) => {
            v["roi_positive"] = num(o.roi_positive);
            v["confidence"] = num(Some(o.confidence));
        }
        Reason::NotFollowed { ai, leads } => {
            v["ai_leads_on_off_days"] = json!(ai);
            v["leads_on_off_days"] = json!(leads);
        }
        Reason::NoCosts
        | Reason::PlanDiffers
        | Reason::SeasonUnknown
        | Reason::OneMonth
        | Reason::FixLength
        | Reason::PlanEnded => {}
    }
    v
}

/// Actual − planned per figure, in its units, and as a share of the plan for
/// leads, the check and revenue (rates differ in points already).
fn variance(m: &PlanMonth) -> Value {
    let names = [
        "leads",
        "conversion",
        "no_show_rate",
        "average_check",
        "revenue",
    ];
    let mut units = serde_json::Map::new();
    let mut shares = serde_json::Map::new();
    for (i, name) in names.iter().enumerate() {
        let diff = m.actual[i].map(|a| a - m.planned[i]);
        let value = match i {
            3 | 4 => diff.map_or(Value::Null, money),
            _ => ratio(diff),
        };
        units.insert(name.to_string(), value);
        if matches!(i, 0 | 3 | 4) {
            let share = diff.and_then(|d| d.checked_div(m.planned[i]));
            shares.insert(name.to_string(), ratio(share));
        }
    }
    json!({ "units": units, "share": shares })
}

#[derive(Serialize)]
struct Months {
    from: String,
    to: String,
    months: u32,
}

/// The primary endpoint's test: its estimate (season-adjusted where it
/// could be), the raw one, the adjustment, and the guardrails.
fn primary_json(p: &Pilot) -> Value {
    let Some(pr) = &p.primary else {
        return json!({ "metric": p.endpoint.name() });
    };
    json!({
        "metric": pr.endpoint.name(),
        "adjustment": pr.adjustment.name(),
        "net_of_other_channels": pr.net_of_others,
        "estimate": metric_json(&pr.change),
        "raw": pr.raw.as_ref().map(metric_json),
        "guardrails": pr.guardrails.iter().map(metric_json).collect::<Vec<_>>(),
        "look": p.look.map(|l| json!({
            "look": l.look,
            "of": l.of,
            "boundary_p": num(Some(l.boundary.p_value)),
            "boundary_z": num(Some(l.boundary.z)),
            "alpha_spent": num(Some(l.boundary.spent)),
        })),
    })
}

/// `--format json`.
pub fn json(p: &Pilot) -> String {
    let period = |x: crate::evidence::measure::error::Period| Months {
        from: x.from.to_string(),
        to: x.to.to_string(),
        months: x.months(),
    };
    let doc = json!({
        "version": SCHEMA_VERSION,
        "baseline": period(p.baseline),
        "pilot": p.pilot.map(period),
        "dispersion": { "phi": num(Some(p.dispersion.phi)), "known": p.dispersion.known },
        "baseline_leads": num(p.baseline_leads),
        "metrics": p.metrics.iter().map(metric_json).collect::<Vec<_>>(),
        "seasonal_checked": p.seasonal_checked,
        "primary": primary_json(p),
        "attribution": p.attribution.map(|a| json!({
            "leads": a.leads, "bookings": a.bookings, "visits": a.visits,
            "revenue": a.revenue.map(money), "cannibalisation": a.cannibalisation,
        })),
        "detectable": p.detectable.iter().map(|d| json!({"months": d.months, "metric": p.endpoint.name(), "leads_uplift": num(d.leads_uplift)})).collect::<Vec<_>>(),
        "expect": { "leads_uplift": num(Some(p.expect.0)), "months": p.expect.1 },
        "plan": p.plan.as_ref().map(|r| json!({
            "name": r.name,
            "differs": r.differs.iter().map(|(k, a, b)| json!({"metric": k, "plan": ratio(Some(*a)), "measured": ratio(Some(*b))})).collect::<Vec<_>>(),
            "projected_roi": ratio(r.projected_roi),
            "months": r.months.iter().map(|m| json!({
                "month": m.month.to_string(),
                "share": ratio(Some(m.share)),
                "planned": { "leads": ratio(Some(m.planned[0])), "conversion": ratio(Some(m.planned[1])), "no_show_rate": ratio(Some(m.planned[2])), "average_check": money(m.planned[3]), "revenue": money(m.planned[4]) },
                "actual": { "leads": ratio(m.actual[0]), "conversion": ratio(m.actual[1]), "no_show_rate": ratio(m.actual[2]), "average_check": m.actual[3].map(money), "revenue": m.actual[4].map(money) },
                "open_bookings": m.open_bookings,
                "variance": variance(m),
                "planned_to_date": { "benefit": money(m.planned_to_date.benefit), "cost": money(m.planned_to_date.cost), "net": money(m.planned_to_date.net), "roi": ratio(m.planned_to_date.roi) },
                "actual_to_date": m.actual_to_date.map(|t| json!({ "benefit": money(t.benefit), "cost": money(t.cost), "net": money(t.net), "roi": ratio(t.roi) })),
            })).collect::<Vec<_>>(),
        })),
        "odds": p.odds.map(|o| json!({
            "trials": o.trials,
            "seed": o.seed,
            "months": o.months,
            "roi_positive": num(o.roi_positive),
            "payback_within_horizon": num(Some(o.payback)),
            "roi_p10": num(o.roi[0]),
            "roi_p50": num(o.roi[1]),
            "roi_p90": num(o.roi[2]),
            "roi_quantiles": quantiles(&o.quantiles),
            "confidence": num(Some(o.confidence)),
        })),
        "open_bookings": p.open_bookings.iter().map(|(m, n)| json!({"month": m.to_string(), "bookings": n})).collect::<Vec<_>>(),
        "returns": super::returns::json(p.returns.as_ref()),
        "pilot_plan": p.design.as_ref().map(|d| json!({
            "baseline": d.baseline.to_string(),
            "start": d.start.to_string(),
            "months": d.months,
            "alpha": d.alpha,
            "primary": d.endpoint.name(),
            "expect": num(Some(d.expect)),
        })),
        "decision": {
            "decision": p.decision.kind.name(),
            "reasons": p.decision.reasons.iter().map(reason_json).collect::<Vec<_>>(),
            "extra_months": p.decision.extra_months,
        },
    });
    let mut text = serde_json::to_string_pretty(&doc).expect("JSON of plain data");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_numbers_round_to_eight_places_and_infinity_is_null() {
        assert_eq!(num(Some(0.123456789)), json!(0.12345679));
        assert_eq!(num(Some(f64::INFINITY)), Value::Null);
        assert_eq!(num(None), Value::Null);
    }
}
