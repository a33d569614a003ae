//! The numeric keys of a scenario, each with its dotted path and the kind of value it takes.

pub use super::registry::{ItemField, ItemId};
use crate::forecast::engine::Inputs;
use crate::i18n::{f, t};
use crate::input::nearest;
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
    /// `capacity.visits`
    Capacity,
    /// `seasonality.leads.N`, the factor of calendar month N (1 = January).
    Season(u8),
    /// `costs.item.NAME.FIELD`, a field of a cost line.
    Item(ItemId, ItemField),
    /// `retention.repeat_visits.N`, the expected repeat visits per new client
    /// in the N-th month after her first visit (1..=[`MAX_REPEAT_MONTHS`]).
    Repeat(u8),
}

/// `seasonality.leads.1` … `seasonality.leads.12`, January to December.
const SEASON_PATHS: [&str; 12] = [
    "seasonality.leads.1",
    "seasonality.leads.2",
    "seasonality.leads.3",
    "seasonality.leads.4",
    "seasonality.leads.5",
    "seasonality.leads.6",
    "seasonality.leads.7",
    "seasonality.leads.8",
    "seasonality.leads.9",
    "seasonality.leads.10",
    "seasonality.leads.11",
    "seasonality.leads.12",
];

/// Most months after a client's first visit that `[retention]` follows:
/// two years of returns, past which an estimate says little, and few enough
/// that every month's sum over earlier months stays quick.
pub const MAX_REPEAT_MONTHS: usize = 24;

/// `retention.repeat_visits.1` … `retention.repeat_visits.24`.
const REPEAT_PATHS: [&str; MAX_REPEAT_MONTHS] = [
    "retention.repeat_visits.1",
    "retention.repeat_visits.2",
    "retention.repeat_visits.3",
    "retention.repeat_visits.4",
    "retention.repeat_visits.5",
    "retention.repeat_visits.6",
    "retention.repeat_visits.7",
    "retention.repeat_visits.8",
    "retention.repeat_visits.9",
    "retention.repeat_visits.10",
    "retention.repeat_visits.11",
    "retention.repeat_visits.12",
    "retention.repeat_visits.13",
    "retention.repeat_visits.14",
    "retention.repeat_visits.15",
    "retention.repeat_visits.16",
    "retention.repeat_visits.17",
    "retention.repeat_visits.18",
    "retention.repeat_visits.19",
    "retention.repeat_visits.20",
    "retention.repeat_visits.21",
    "retention.repeat_visits.22",
    "retention.repeat_visits.23",
    "retention.repeat_visits.24",
];

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
    /// A seasonal factor ≥ 0: a number (1.25) or a percentage ("125%").
    Factor,
    /// Repeat visits per new client ≥ 0: a number (0.5) or a percentage ("50%").
    PerClient,
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
            Kind::Factor => t("a factor ≥ 0 on an average month's leads, like 1.25 or \"125%\" (a quarter more) or 0.8").into(),
            Kind::PerClient => t("a number ≥ 0 of repeat visits per new client, like 0.5 or \"50%\" (one new client in two comes back that month)").into(),
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

    /// The lowest and highest figure the key may take (`None`: no ceiling),
    /// as the rules check it once a change is applied: shares 0–100%, amounts
    /// and factors from 0 up, months within their bounds. A normal draw
    /// can fall anywhere, so the simulation clips every drawn figure to these.
    pub fn bounds(self) -> (Decimal, Option<Decimal>) {
        match self {
            Kind::Rate | Kind::ChangedRate => (Decimal::ZERO, Some(Decimal::ONE)),
            Kind::Amount | Kind::ChangedAmount | Kind::Factor | Kind::PerClient => {
                (Decimal::ZERO, None)
            }
            Kind::Months { min, max } => (Decimal::from(min), Some(Decimal::from(max))),
        }
    }
}

impl Key {
    /// The numeric keys every scenario has, in file order; the keys of the
    /// optional tables ([`Key::Capacity`], [`Key::Season`], [`Key::Item`])
    /// exist only where the file has the table.
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

    /// Position in [`Key::ALL`], for per-key arrays; `None` for the keys of the optional tables.
    pub fn index(self) -> Option<usize> {
        Some(match self {
            Key::Months => 0,
            Key::BaselineLeads => 1,
            Key::BaselineConversion => 2,
            Key::BaselineAverageCheck => 3,
            Key::BaselineNoShowRate => 4,
            Key::AfterLeads => 5,
            Key::AfterConversion => 6,
            Key::AfterAverageCheck => 7,
            Key::AfterNoShowRate => 8,
            Key::CostsSetup => 9,
            Key::CostsMonthly => 10,
            Key::SavingsStaffHours => 11,
            Key::SavingsHourlyRate => 12,
            Key::SavingsOther => 13,
            Key::GrossMargin => 14,
            Key::RampMonths => 15,
            Key::DiscountRate => 16,
            Key::Capacity | Key::Season(_) | Key::Item(..) | Key::Repeat(_) => return None,
        })
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
            Key::Capacity => "capacity.visits",
            // Season keys are only made for months 1..=12.
            Key::Season(m) => SEASON_PATHS[(m as usize).clamp(1, 12) - 1],
            Key::Item(id, field) => id.path(field),
            // Repeat keys are only made for months 1..=MAX_REPEAT_MONTHS.
            Key::Repeat(n) => REPEAT_PATHS[(n as usize).clamp(1, MAX_REPEAT_MONTHS) - 1],
        }
    }

    /// The key with this dotted path. Any cost-line name is taken here; whether
    /// the scenario has that line is for the draft to say.
    pub fn from_path(path: &str) -> Option<Key> {
        if let Some(key) = Key::ALL.into_iter().find(|k| k.path() == path) {
            return Some(key);
        }
        if path == "capacity.visits" {
            return Some(Key::Capacity);
        }
        if let Some(i) = SEASON_PATHS.iter().position(|p| *p == path) {
            return Some(Key::Season(i as u8 + 1));
        }
        if let Some(i) = REPEAT_PATHS.iter().position(|p| *p == path) {
            return Some(Key::Repeat(i as u8 + 1));
        }
        let (name, field) = path.strip_prefix("costs.item.")?.rsplit_once('.')?;
        let field = ItemField::ALL.into_iter().find(|f| f.name() == field)?;
        (!name.trim().is_empty()).then(|| Key::Item(ItemId::intern(name), field))
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
            Key::Item(_, ItemField::From | ItemField::To) => Kind::Months {
                min: 1,
                max: MAX_MONTHS,
            },
            Key::Season(_) => Kind::Factor,
            Key::Repeat(_) => Kind::PerClient,
            Key::Capacity | Key::Item(_, ItemField::Setup | ItemField::Monthly) => Kind::Amount,
            Key::Item(_, ItemField::YearlyIncrease) => Kind::Rate,
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

    /// The model input this key sets; `None` for the whole-month keys and
    /// for a table the scenario does not have.
    pub fn field<N: Copy>(self, inputs: &Inputs<N>) -> Option<N> {
        let tables = &inputs.tables;
        Some(match self {
            Key::Months | Key::RampMonths => return None,
            Key::BaselineLeads => inputs.baseline.leads,
            Key::BaselineConversion => inputs.baseline.conversion,
            Key::BaselineAverageCheck => inputs.baseline.average_check,
            Key::BaselineNoShowRate => inputs.baseline.no_show_rate,
            Key::AfterLeads => inputs.after.leads,
            Key::AfterConversion => inputs.after.conversion,
            Key::AfterAverageCheck => inputs.after.average_check,
            Key::AfterNoShowRate => inputs.after.no_show_rate,
            Key::CostsSetup => inputs.setup_cost,
            Key::CostsMonthly => inputs.monthly_cost,
            Key::SavingsStaffHours => inputs.staff_hours,
            Key::SavingsHourlyRate => inputs.hourly_rate,
            Key::SavingsOther => inputs.other_savings,
            Key::GrossMargin => inputs.gross_margin,
            Key::DiscountRate => inputs.discount_rate,
            Key::Capacity => tables.capacity?,
            Key::Season(m) => *tables
                .seasons
                .as_ref()?
                .factors
                .get(usize::from(m).checked_sub(1)?)?,
            Key::Item(id, field) => {
                let item = tables.items.iter().find(|i| i.tag == id.tag())?;
                match field {
                    ItemField::Setup => item.setup,
                    ItemField::Monthly => item.monthly,
                    ItemField::YearlyIncrease => item.yearly_increase,
                    ItemField::From | ItemField::To => return None,
                }
            }
            Key::Repeat(n) => *tables
                .repeat_visits
                .as_ref()?
                .get(usize::from(n).checked_sub(1)?)?,
        })
    }

    /// The model input this key sets, to change it; `None` for the whole-month
    /// keys and for a table the scenario does not have.
    pub fn field_mut<N>(self, inputs: &mut Inputs<N>) -> Option<&mut N> {
        let tables = &mut inputs.tables;
        Some(match self {
            Key::Months | Key::RampMonths => return None,
            Key::Capacity => tables.capacity.as_mut()?,
            Key::Season(m) => tables
                .seasons
                .as_mut()?
                .factors
                .get_mut(usize::from(m).checked_sub(1)?)?,
            Key::Item(id, field) => {
                let item = tables.items.iter_mut().find(|i| i.tag == id.tag())?;
                match field {
                    ItemField::Setup => &mut item.setup,
                    ItemField::Monthly => &mut item.monthly,
                    ItemField::YearlyIncrease => &mut item.yearly_increase,
                    ItemField::From | ItemField::To => return None,
                }
            }
            Key::Repeat(n) => tables
                .repeat_visits
                .as_mut()?
                .get_mut(usize::from(n).checked_sub(1)?)?,
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
                | Key::Item(_, ItemField::Setup | ItemField::Monthly)
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
            // A table's own keys: capacity and the factors must be given;
            // a line's `from` is month 1 (its `to`, the horizon, is the table's to fill).
            Key::Capacity | Key::Season(_) => None,
            Key::Item(_, ItemField::From) => Some(Decimal::ONE),
            Key::Item(_, ItemField::To) => None,
            // A month of repeat visits left out (a list lengthened by
            // `--set retention.repeat_visits.5`) brings none.
            _ => Some(Decimal::ZERO),
        }
    }
}

/// The keys of a scenario's optional tables, in file order: capacity, the
/// twelve factors, each cost line's fields, each month of repeat visits.
pub fn table_keys<N: Copy>(tables: &crate::forecast::engine::Tables<N>) -> Vec<Key> {
    let mut keys = Vec::new();
    if tables.capacity.is_some() {
        keys.push(Key::Capacity);
    }
    if tables.seasons.is_some() {
        keys.extend((1..=12).map(Key::Season));
    }
    for item in &tables.items {
        let id = ItemId::from_tag(item.tag);
        keys.extend(ItemField::ALL.map(|field| Key::Item(id, field)));
    }
    let months = tables.repeat_visits.as_ref().map_or(0, Vec::len);
    keys.extend((1..=months.min(MAX_REPEAT_MONTHS)).map(|n| Key::Repeat(n as u8)));
    keys
}

/// The text keys, which `--set` also accepts.
pub const TEXT_KEYS: [&str; 2] = ["scenario.name", "scenario.currency"];

/// Every key a scenario file may hold, as dotted paths, in file order.
pub fn all_paths() -> impl Iterator<Item = &'static str> {
    TEXT_KEYS
        .into_iter()
        .chain(Key::ALL.into_iter().map(Key::path))
}

/// The keys of the optional tables as a file writes them; their numeric keys
/// (`capacity.visits`, `seasonality.leads.3`, `costs.item.NAME.monthly`,
/// `retention.repeat_visits.2`) are made by [`Key::from_path`].
const TABLE_PATHS: [&str; 5] = [
    "costs.item",
    "capacity.visits",
    "seasonality.start",
    "seasonality.leads",
    "retention.repeat_visits",
];

/// Every key a scenario file may hold at the top of its tables, optional
/// tables included, for the check of unknown keys and tables.
pub fn file_paths() -> impl Iterator<Item = &'static str> {
    all_paths().chain(TABLE_PATHS)
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
    use crate::input::nearest;

    #[test]
    fn paths_round_trip_and_indices_follow_all() {
        for (i, key) in Key::ALL.into_iter().enumerate() {
            assert_eq!(key.index(), Some(i));
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
