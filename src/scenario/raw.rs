//! Serde mirror of the scenario file. Every leaf is kept as a spanned TOML
//! value so that the checks can quote it exactly as written and name its line.

use serde::Deserialize;
use toml::Spanned;

/// A key's value with its byte range in the file.
pub type RawValue = Option<Spanned<toml::Value>>;

/// The whole file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScenario {
    pub scenario: Option<Spanned<RawMeta>>,
    pub baseline: Option<Spanned<RawFunnel>>,
    pub after: Option<Spanned<RawFunnel>>,
    pub costs: Option<Spanned<RawCosts>>,
    pub savings: Option<Spanned<RawSavings>>,
    pub assumptions: Option<Spanned<RawAssumptions>>,
}

/// `[scenario]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMeta {
    pub name: RawValue,
    pub currency: RawValue,
    pub months: RawValue,
}

/// `[baseline]` and `[after]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFunnel {
    pub leads: RawValue,
    pub conversion: RawValue,
    pub average_check: RawValue,
    pub no_show_rate: RawValue,
}

/// `[costs]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCosts {
    pub setup: RawValue,
    pub monthly: RawValue,
}

/// `[savings]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSavings {
    pub staff_hours: RawValue,
    pub hourly_rate: RawValue,
    pub other: RawValue,
}

/// `[assumptions]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAssumptions {
    pub gross_margin: RawValue,
    pub ramp_months: RawValue,
    pub discount_rate: RawValue,
}

/// Every key a scenario file may hold, as dotted paths; the one list that
/// error messages suggest from.
pub const KEYS: &[&str] = &[
    "scenario.name",
    "scenario.currency",
    "scenario.months",
    "baseline.leads",
    "baseline.conversion",
    "baseline.average_check",
    "baseline.no_show_rate",
    "after.leads",
    "after.conversion",
    "after.average_check",
    "after.no_show_rate",
    "costs.setup",
    "costs.monthly",
    "savings.staff_hours",
    "savings.hourly_rate",
    "savings.other",
    "assumptions.gross_margin",
    "assumptions.ramp_months",
    "assumptions.discount_rate",
];
