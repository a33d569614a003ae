//! `roi pilot --schedule … --format json`: the before/after pilot's contract
//! (the metrics, the primary endpoint, the decision) with `"baseline"` and
//! `"pilot"` null, and a `"switchback"` object for the design, the tests
//! and whether the switch was followed.

use crate::evidence::switchback::Switchback;
use serde_json::{Value, json};

/// `--format json`.
pub fn json(sb: &Switchback) -> String {
    let s = &sb.schedule;
    let mut doc: Value =
        serde_json::from_str(&crate::render::pilot::json(&sb.pilot)).unwrap_or_else(|_| json!({}));
    doc["baseline"] = Value::Null;
    doc["pilot"] = Value::Null;
    let (first, last) = sb.judged_dates();
    let c = &sb.compliance;
    doc["switchback"] = json!({
        "unit": s.plan.unit.name(),
        "start": s.plan.start.to_string(),
        "days": s.days.len(),
        "blocks": s.plan.blocks(),
        "washout": s.plan.washout,
        "seed": s.plan.seed,
        "judged": { "from": first.to_string(), "to": last.to_string(), "blocks": sb.blocks },
        "used_days": { "on": sb.used.0, "off": sb.used.1 },
        "washout_days": sb.washout_days,
        "tests": sb.tests.iter().map(|t| json!({
            "metric": t.metric.name(),
            "extreme": t.extreme,
            "counted": t.counted,
            "enumerated": t.enumerated,
            "possible": t.possible.to_string(),
            "seed": t.seed,
            "interval": if t.inverted { "inverted_test" } else { "quasi_poisson" },
        })).collect::<Vec<_>>(),
        "followed": {
            "ai_leads_on_off_days": c.ai_off,
            "leads_on_off_days": c.off_leads,
            "not_followed": c.broken().is_some(),
            "ai_days": c.ai_days.iter().map(|(d, n)| json!({"date": d.to_string(), "leads": n})).collect::<Vec<_>>(),
            "empty_days": c.empty_days.iter().map(|d| d.to_string()).collect::<Vec<_>>(),
        },
    });
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}
