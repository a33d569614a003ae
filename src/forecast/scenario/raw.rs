//! Serde mirror of the scenario file. Every leaf is kept as a spanned TOML
//! value so that the checks can quote it exactly as written and name its line.
//! Unknown keys are not refused here but by [`super::unknown`], which finds
//! them all at once, where serde would stop at the first.

use super::key::Key;
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// A key's value with its byte range in the file.
pub type RawValue = Option<Spanned<toml::Value>>;

/// The whole file.
#[derive(Debug, Default, Deserialize)]
pub struct RawScenario {
    pub scenario: Option<Spanned<RawMeta>>,
    pub baseline: Option<Spanned<RawFunnel>>,
    pub after: Option<Spanned<RawFunnel>>,
    pub costs: Option<Spanned<RawCosts>>,
    pub savings: Option<Spanned<RawSavings>>,
    pub assumptions: Option<Spanned<RawAssumptions>>,
    pub capacity: Option<Spanned<RawCapacity>>,
    pub seasonality: Option<Spanned<RawSeasonality>>,
    pub retention: Option<Spanned<RawRetention>>,
    pub variant: Option<Vec<Spanned<RawVariant>>>,
}

/// `[scenario]`.
#[derive(Debug, Default, Deserialize)]
pub struct RawMeta {
    pub name: RawValue,
    pub currency: RawValue,
    pub months: RawValue,
}

/// `[baseline]` and `[after]`.
#[derive(Debug, Default, Deserialize)]
pub struct RawFunnel {
    pub leads: RawValue,
    pub conversion: RawValue,
    pub average_check: RawValue,
    pub no_show_rate: RawValue,
}

/// `[costs]`.
#[derive(Debug, Default, Deserialize)]
pub struct RawCosts {
    pub setup: RawValue,
    pub monthly: RawValue,
    pub item: Option<Vec<Spanned<RawItem>>>,
}

/// `[[costs.item]]`: one cost line.
#[derive(Debug, Default, Deserialize)]
pub struct RawItem {
    pub name: RawValue,
    pub setup: RawValue,
    pub monthly: RawValue,
    pub from: RawValue,
    pub to: RawValue,
    pub yearly_increase: RawValue,
}

/// `[capacity]`.
#[derive(Debug, Default, Deserialize)]
pub struct RawCapacity {
    pub visits: RawValue,
}

/// `[seasonality]`; each factor keeps its own span, as lists often run over lines.
#[derive(Debug, Default, Deserialize)]
pub struct RawSeasonality {
    pub start: RawValue,
    pub leads: Option<Spanned<Vec<Spanned<toml::Value>>>>,
}

/// `[retention]`; each month's figure keeps its own span, as `[seasonality]`'s do.
#[derive(Debug, Default, Deserialize)]
pub struct RawRetention {
    pub repeat_visits: Option<Spanned<Vec<Spanned<toml::Value>>>>,
}

/// `[savings]`.
#[derive(Debug, Default, Deserialize)]
pub struct RawSavings {
    pub staff_hours: RawValue,
    pub hourly_rate: RawValue,
    pub other: RawValue,
}

/// `[assumptions]`.
#[derive(Debug, Default, Deserialize)]
pub struct RawAssumptions {
    pub gross_margin: RawValue,
    pub ramp_months: RawValue,
    pub discount_rate: RawValue,
}

/// `[[variant]]`: a named set of changes to the base scenario.
#[derive(Debug, Default, Deserialize)]
pub struct RawVariant {
    pub name: RawValue,
    pub set: Option<Spanned<BTreeMap<String, Spanned<toml::Value>>>>,
}

impl RawScenario {
    /// The value of a numeric key, if the file gives it.
    pub fn value(&self, key: Key) -> Option<&Spanned<toml::Value>> {
        fn get<T>(
            table: &Option<Spanned<T>>,
            field: impl Fn(&T) -> &RawValue,
        ) -> Option<&Spanned<toml::Value>> {
            table.as_ref().and_then(|t| field(t.get_ref()).as_ref())
        }
        match key {
            Key::Months => get(&self.scenario, |t| &t.months),
            Key::BaselineLeads => get(&self.baseline, |t| &t.leads),
            Key::BaselineConversion => get(&self.baseline, |t| &t.conversion),
            Key::BaselineAverageCheck => get(&self.baseline, |t| &t.average_check),
            Key::BaselineNoShowRate => get(&self.baseline, |t| &t.no_show_rate),
            Key::AfterLeads => get(&self.after, |t| &t.leads),
            Key::AfterConversion => get(&self.after, |t| &t.conversion),
            Key::AfterAverageCheck => get(&self.after, |t| &t.average_check),
            Key::AfterNoShowRate => get(&self.after, |t| &t.no_show_rate),
            Key::CostsSetup => get(&self.costs, |t| &t.setup),
            Key::CostsMonthly => get(&self.costs, |t| &t.monthly),
            Key::SavingsStaffHours => get(&self.savings, |t| &t.staff_hours),
            Key::SavingsHourlyRate => get(&self.savings, |t| &t.hourly_rate),
            Key::SavingsOther => get(&self.savings, |t| &t.other),
            Key::GrossMargin => get(&self.assumptions, |t| &t.gross_margin),
            Key::RampMonths => get(&self.assumptions, |t| &t.ramp_months),
            Key::DiscountRate => get(&self.assumptions, |t| &t.discount_rate),
            // The optional tables are read by `super::tables`.
            Key::Capacity | Key::Season(_) | Key::Item(..) | Key::Repeat(_) => None,
        }
    }
}
