//! The numeric keys of a scenario, each with its dotted path and the kind of value it takes.

use crate::engine::Inputs;
use crate::i18n::{f, t};
use rust_decimal::Decimal;

/// A numeric key of the scenario file; `--set`, `--vary` and `--for` name these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    /// `scenario.months`
    Months,
    /// `baseline.leads`
    BaselineLeads,
    /// `baseline.conversion`
    BaselineConversion,
    /// `baseline.average_check`
    BaselineAverageCheck,
    /// `baseline.no_show_rate`
    BaselineNoShowRate,
    /// `after.leads`
    AfterLeads,
    /// `after.conversion`
    AfterConversion,
    /// `after.average_check`
    AfterAverageCheck,
    /// `after.no_show_rate`
    AfterNoShowRate,
    /// `costs.setup`
    CostsSetup,
    /// `costs.monthly`
    CostsMonthly,
    /// `savings.staff_hours`
    SavingsStaffHours,
    /// `savings.hourly_rate`
    SavingsHourlyRate,
    /// `savings.other`
    SavingsOther,
    /// `assumptions.gross_margin`
    GrossMargin,
    /// `assumptions.ramp_months`
    RampMonths,
    /// `assumptions.discount_rate`
    DiscountRate,
}

/// Longest projection accepted: ten years is already far past what the
/// article's estimates can support.
pub const MAX_MONTHS: u32 = 120;

/// What a key accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A non-negative amount: leads, money, hours.
    Amount,
    /// A share from 0% to 100%.
    Rate,
    /// An `[after]` amount: absolute, or relative to the baseline.
    ChangedAmount,
    /// An `[after]` rate: absolute, relative, or in percentage points.
    ChangedRate,
    /// A whole number of months within the bounds.
    Months {
        /// Smallest value allowed.
        min: u32,
        /// Largest value allowed.
        max: u32,
    },
}

impl Kind {
    /// What the key accepts, in words, for error messages.
    pub fn allowed(self) -> String {
        match self {
            Kind::Amount => t("a number ≥ 0, like 1500 or 1500.50").into(),
            Kind::Rate => t("a share from 0% to 100%, like \"25%\" or 0.25").into(),
            Kind::ChangedAmount => t(
                "a number ≥ 0, like 260, or a change from the baseline, like \"+30%\" or \"-10%\"",
            )
            .into(),
            Kind::ChangedRate => t("a share like \"25%\" or 0.25, or a change from the baseline: \"+5%\" (relative) or \"+5pp\" (percentage points)").into(),
            Kind::Months { min, max } => f("a whole number of months from {} to {}", &[&min, &max]),
        }
    }

    /// True for the kinds whose values are shares (shown and stepped in percent).
    pub fn is_rate(self) -> bool {
        matches!(self, Kind::Rate | Kind::ChangedRate)
    }
}

impl Key {
    /// Every numeric key, in file order.
    pub const ALL: [Key; 17] = [
        Key::Months,
        Key::BaselineLeads,
        Key::BaselineConversion,
        Key::BaselineAverageCheck,
        Key::BaselineNoShowRate,
        Key::AfterLeads,
        Key::AfterConversion,
        Key::AfterAverageCheck,
        Key::AfterNoShowRate,
        Key::CostsSetup,
        Key::CostsMonthly,
        Key::SavingsStaffHours,
        Key::SavingsHourlyRate,
        Key::SavingsOther,
        Key::GrossMargin,
        Key::RampMonths,
        Key::DiscountRate,
    ];

    /// Position in [`Key::ALL`], for per-key arrays.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The dotted path, as written in the file.
    pub fn path(self) -> &'static str {
        match self {
            Key::Months => "scenario.months",
            Key::BaselineLeads => "baseline.leads",
            Key::BaselineConversion => "baseline.conversion",
            Key::BaselineAverageCheck => "baseline.average_check",
            Key::BaselineNoShowRate => "baseline.no_show_rate",
            Key::AfterLeads => "after.leads",
            Key::AfterConversion => "after.conversion",
            Key::AfterAverageCheck => "after.average_check",
            Key::AfterNoShowRate => "after.no_show_rate",
            Key::CostsSetup => "costs.setup",
            Key::CostsMonthly => "costs.monthly",
            Key::SavingsStaffHours => "savings.staff_hours",
            Key::SavingsHourlyRate => "savings.hourly_rate",
            Key::SavingsOther => "savings.other",
            Key::GrossMargin => "assumptions.gross_margin",
            Key::RampMonths => "assumptions.ramp_months",
            Key::DiscountRate => "assumptions.discount_rate",
        }
    }

    /// The key with this dotted path.
    pub fn from_path(path: &str) -> Option<Key> {
        Key::ALL.into_iter().find(|k| k.path() == path)
    }

    /// What the key accepts.
    pub fn kind(self) -> Kind {
        match self {
            Key::Months => Kind::Months {
                min: 1,
                max: MAX_MONTHS,
            },
            Key::RampMonths => Kind::Months {
                min: 0,
                max: MAX_MONTHS,
            },
            Key::BaselineLeads
            | Key::BaselineAverageCheck
            | Key::CostsSetup
            | Key::CostsMonthly
            | Key::SavingsStaffHours
            | Key::SavingsHourlyRate
            | Key::SavingsOther => Kind::Amount,
            Key::BaselineConversion
            | Key::BaselineNoShowRate
            | Key::GrossMargin
            | Key::DiscountRate => Kind::Rate,
            Key::AfterLeads | Key::AfterAverageCheck => Kind::ChangedAmount,
            Key::AfterConversion | Key::AfterNoShowRate => Kind::ChangedRate,
        }
    }

    /// The model input this key sets; `None` for the whole-month keys.
    pub fn field<N: Copy>(self, inputs: &Inputs<N>) -> Option<N> {
        let mut copy = *inputs;
        self.field_mut(&mut copy).map(|v| *v)
    }

    /// The model input this key sets, to change it; `None` for the whole-month keys.
    pub fn field_mut<N>(self, inputs: &mut Inputs<N>) -> Option<&mut N> {
        Some(match self {
            Key::Months | Key::RampMonths => return None,
            Key::BaselineLeads => &mut inputs.baseline.leads,
            Key::BaselineConversion => &mut inputs.baseline.conversion,
            Key::BaselineAverageCheck => &mut inputs.baseline.average_check,
            Key::BaselineNoShowRate => &mut inputs.baseline.no_show_rate,
            Key::AfterLeads => &mut inputs.after.leads,
            Key::AfterConversion => &mut inputs.after.conversion,
            Key::AfterAverageCheck => &mut inputs.after.average_check,
            Key::AfterNoShowRate => &mut inputs.after.no_show_rate,
            Key::CostsSetup => &mut inputs.setup_cost,
            Key::CostsMonthly => &mut inputs.monthly_cost,
            Key::SavingsStaffHours => &mut inputs.staff_hours,
            Key::SavingsHourlyRate => &mut inputs.hourly_rate,
            Key::SavingsOther => &mut inputs.other_savings,
            Key::GrossMargin => &mut inputs.gross_margin,
            Key::DiscountRate => &mut inputs.discount_rate,
        })
    }

    /// True for keys that hold money (checks, costs, rates of pay, savings).
    pub fn is_money(self) -> bool {
        matches!(
            self,
            Key::BaselineAverageCheck
                | Key::AfterAverageCheck
                | Key::CostsSetup
                | Key::CostsMonthly
                | Key::SavingsHourlyRate
                | Key::SavingsOther
        )
    }

    /// The `[baseline]` key an `[after]` key changes from.
    pub fn baseline(self) -> Option<Key> {
        match self {
            Key::AfterLeads => Some(Key::BaselineLeads),
            Key::AfterConversion => Some(Key::BaselineConversion),
            Key::AfterAverageCheck => Some(Key::BaselineAverageCheck),
            Key::AfterNoShowRate => Some(Key::BaselineNoShowRate),
            _ => None,
        }
    }

    /// The value a missing key takes; `None` for the keys a file must give.
    pub fn default_value(self) -> Option<Decimal> {
        match self {
            Key::BaselineLeads | Key::BaselineConversion | Key::BaselineAverageCheck => None,
            Key::Months => Some(Decimal::from(12)),
            Key::GrossMargin => Some(Decimal::ONE),
            _ => Some(Decimal::ZERO),
        }
    }
}

/// The text keys, which `--set` also accepts.
pub const TEXT_KEYS: [&str; 2] = ["scenario.name", "scenario.currency"];

/// Every key a scenario file may hold, as dotted paths, in file order.
pub fn all_paths() -> impl Iterator<Item = &'static str> {
    TEXT_KEYS
        .into_iter()
        .chain(Key::ALL.into_iter().map(Key::path))
}

/// The closest names, best first, if any are close enough to be a likely typo.
pub fn nearest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(name, c), c))
        .filter(|(score, _)| *score > 0.8)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored.into_iter().take(3).map(|(_, c)| c).collect()
}

/// Why a key given on the command line is not a key, with suggestions.
pub fn unknown_key_message(path: &str, candidates: &[&str]) -> String {
    let near = nearest(path, candidates.iter().copied());
    let mut message = f("unknown key `{}`", &[&path]);
    if !near.is_empty() {
        let near: Vec<String> = near.iter().map(|k| format!("`{k}`")).collect();
        message.push_str(&f(" (did you mean {}?)", &[&near.join(t(" or "))]));
    }
    message.push_str(&f(". Keys: {}", &[&candidates.join(", ")]));
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_round_trip_and_indices_follow_all() {
        for (i, key) in Key::ALL.into_iter().enumerate() {
            assert_eq!(key.index(), i);
            assert_eq!(Key::from_path(key.path()), Some(key));
        }
        assert_eq!(Key::from_path("after.lead"), None);
    }

    #[test]
    fn suggests_near_keys() {
        let all: Vec<&str> = all_paths().collect();
        assert_eq!(nearest("after.lead", all.iter().copied())[0], "after.leads");
        assert!(unknown_key_message("costs.montly", &all).contains("`costs.monthly`"));
    }
}
