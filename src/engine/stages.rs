//! Which inputs feed each step of the model, so that a refused step can be
//! traced back to the lines of the file that caused it.

const BASELINE_FUNNEL: &[&str] = &[
    "baseline.leads",
    "baseline.conversion",
    "baseline.no_show_rate",
    "baseline.average_check",
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
];
const SAVINGS: &[&str] = &[
    "savings.staff_hours",
    "savings.hourly_rate",
    "savings.other",
];
const COST: &[&str] = &["costs.setup", "costs.monthly", "scenario.months"];
/// The tables' keys: a path ending in `.*` stands for every key the scenario
/// has under it (each season factor, each cost line).
const SEASON: &[&str] = &["seasonality.leads.*", "baseline.leads", "after.leads"];
const CAPACITY: &[&str] = &[
    "capacity.visits",
    "after.leads",
    "after.conversion",
    "after.no_show_rate",
    "baseline.leads",
    "baseline.conversion",
    "baseline.no_show_rate",
    "seasonality.leads.*",
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
        "monthly fee" | "setup" | "yearly increase" => COST_LINES,
        "monthly rate" | "discount factor" => &["assumptions.discount_rate"],
        "ramp" | "ramp share" => &["assumptions.ramp_months"],
        _ => ALL,
    }
}

/// `path` alone, as a slice of the static table (empty for an unknown path).
pub(super) fn one(path: &str) -> &'static [&'static str] {
    ALL.iter()
        .position(|p| *p == path)
        .map_or(&[], |i| &ALL[i..=i])
}
