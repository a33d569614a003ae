//! Which inputs feed each step of the model, so that a refused step can be
//! traced back to the lines of the file that caused it.

/// A season's factors multiply the leads of every funnel; a scenario without
/// `[seasonality]` has none, so naming them adds nothing there.
const BASELINE_FUNNEL: &[&str] = &[
    "baseline.leads",
    "baseline.conversion",
    "baseline.no_show_rate",
    "baseline.average_check",
    "seasonality.leads.*",
];
/// An `[after]` value may be a change from the baseline, so both feed it.
const AFTER_FUNNEL: &[&str] = &[
    "after.leads",
    "after.conversion",
    "after.no_show_rate",
    "after.average_check",
    "baseline.leads",
    "baseline.conversion",
    "baseline.no_show_rate",
    "baseline.average_check",
    "seasonality.leads.*",
];
const BENEFIT: &[&str] = &[
    "after.leads",
    "after.conversion",
    "after.no_show_rate",
    "after.average_check",
    "baseline.leads",
    "baseline.conversion",
    "baseline.no_show_rate",
    "baseline.average_check",
    "assumptions.gross_margin",
    "savings.staff_hours",
    "savings.hourly_rate",
    "savings.other",
    "seasonality.leads.*",
];
const SAVINGS: &[&str] = &[
    "savings.staff_hours",
    "savings.hourly_rate",
    "savings.other",
];
const COST: &[&str] = &[
    "costs.setup",
    "costs.monthly",
    "scenario.months",
    "costs.item.*",
];
/// The tables' keys: a path ending in `.*` stands for every key the scenario
/// has under it (each season factor, each cost line).
const SEASON: &[&str] = &["seasonality.leads.*", "baseline.leads", "after.leads"];
const CAPACITY: &[&str] = &[
    "capacity.visits",
    "retention.repeat_visits.*",
    "after.leads",
    "after.conversion",
    "after.no_show_rate",
    "baseline.leads",
    "baseline.conversion",
    "baseline.no_show_rate",
    "seasonality.leads.*",
];
/// New clients are the visits `[after]` adds over the baseline; their
/// returns follow the curve, and only the room the cap leaves is served.
const REPEATS: &[&str] = &[
    "retention.repeat_visits.*",
    "after.leads",
    "after.conversion",
    "after.no_show_rate",
    "baseline.leads",
    "baseline.conversion",
    "baseline.no_show_rate",
    "capacity.visits",
    "seasonality.leads.*",
    "assumptions.ramp_months",
];
/// Repeat visits at the after check, kept at the margin.
const REPEAT_REVENUE: &[&str] = &[
    "retention.repeat_visits.*",
    "after.average_check",
    "baseline.average_check",
    "assumptions.gross_margin",
    "after.leads",
    "after.conversion",
    "after.no_show_rate",
    "baseline.leads",
    "baseline.conversion",
    "baseline.no_show_rate",
    "capacity.visits",
];
const COST_LINES: &[&str] = &[
    "costs.item.*",
    "costs.setup",
    "costs.monthly",
    "scenario.months",
];
/// Everything money: the steps that set benefit against cost.
const ALL: &[&str] = &[
    "after.leads",
    "after.conversion",
    "after.no_show_rate",
    "after.average_check",
    "baseline.leads",
    "baseline.conversion",
    "baseline.no_show_rate",
    "baseline.average_check",
    "assumptions.gross_margin",
    "savings.staff_hours",
    "savings.hourly_rate",
    "savings.other",
    "costs.setup",
    "costs.monthly",
    "scenario.months",
    "assumptions.ramp_months",
    "assumptions.discount_rate",
    "capacity.visits",
    "seasonality.leads.*",
    "costs.item.*",
    "retention.repeat_visits.*",
];

/// The keys whose values feed `stage`; `after` for the funnel after the
/// assistant. A step this table does not know is traced to every input.
pub(super) fn keys(stage: &str, after: bool) -> &'static [&'static str] {
    match stage {
        "bookings" | "no-shows" | "visits" | "revenue" if after => AFTER_FUNNEL,
        "bookings" | "no-shows" | "visits" | "revenue" => BASELINE_FUNNEL,
        "revenue uplift" => AFTER_FUNNEL,
        "extra profit" | "monthly benefit" | "benefit" | "cumulative benefit" => BENEFIT,
        "staff savings" | "savings" => SAVINGS,
        "cost" | "cumulative cost" | "yearly cost" => COST,
        "seasonal leads" => SEASON,
        "turned away" => CAPACITY,
        "new clients" | "repeat visits" => REPEATS,
        "repeat revenue" => REPEAT_REVENUE,
        "monthly fee" | "setup" | "yearly increase" => COST_LINES,
        "monthly rate" | "discount factor" => &["assumptions.discount_rate"],
        "ramp" | "ramp share" => &["assumptions.ramp_months"],
        _ => ALL,
    }
}

/// `path` alone, as a slice of the static table. A table's key (a season
/// factor, a cost line's field) is not in the table: its one-element list is
/// made on the spot and kept, which happens only on the way to an error.
pub(super) fn one(path: &str) -> &'static [&'static str] {
    match ALL.iter().position(|p| *p == path) {
        Some(i) => &ALL[i..=i],
        None => {
            let path: &'static str = Box::leak(path.to_string().into_boxed_str());
            Box::leak(Box::new([path]))
        }
    }
}
