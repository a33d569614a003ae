//! The optional tables of model v2 — `[capacity]`, `[seasonality]`,
//! `[[costs.item]]` and `[retention]` — as a draft holds them: one slot per
//! key, read by `draft/tables.rs` and checked into the engine's tables by
//! `resolve/tables.rs`.

use super::key::{ItemField, ItemId, Key, MAX_REPEAT_MONTHS};
use super::spec::Slot;
use crate::i18n::{f, t};
use crate::input::Location;

/// The keys a `[[costs.item]]` may hold.
pub(super) const ITEM_KEYS: [&str; 6] =
    ["name", "setup", "monthly", "from", "to", "yearly_increase"];

/// Most cost lines a scenario may hold: far more than any business itemises,
/// and few enough that every check and every month stays quick.
pub const MAX_ITEMS: usize = 200;

/// A slot no key fills: what a table the scenario lacks reads as.
static MISSING: Slot = Slot::Missing;

/// `[capacity]` as read.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct CapacityDraft {
    /// The table's line, or the flag that brought the cap in.
    pub(super) location: Location,
    pub(super) visits: Slot,
}

/// `[seasonality]` as read.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct SeasonDraft {
    pub(super) location: Location,
    /// The calendar month (1..=12) of projection month 1; `None` when missing or unreadable.
    pub(super) start: Option<u32>,
    /// Whether `start` was given at all, so a missing one is reported once.
    pub(super) start_given: bool,
    /// Whether `leads` was given as a list of twelve.
    pub(super) leads_given: bool,
    /// Whether `leads` was written at all (a list of another length is reported when read).
    pub(super) leads_written: bool,
    pub(super) factors: [Slot; 12],
}

/// One `[[costs.item]]` as read.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct ItemDraft {
    pub(super) id: ItemId,
    pub(super) slots: [Slot; 5],
}

/// `[retention]` as read.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct RetentionDraft {
    /// The table's line, or the flag that brought repeat visits in.
    pub(super) location: Location,
    /// Whether `repeat_visits` was written at all (a list too long is
    /// reported when read, and not reported missing again).
    pub(super) written: bool,
    /// Month 1, 2, … after a client's first visit.
    pub(super) months: Vec<Slot>,
}

/// The optional tables of a draft.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct TablesDraft {
    pub(super) capacity: Option<CapacityDraft>,
    pub(super) seasonality: Option<SeasonDraft>,
    pub(super) items: Vec<ItemDraft>,
    pub(super) retention: Option<RetentionDraft>,
}

impl TablesDraft {
    /// The slot of a table's key; an absent table's keys read as missing.
    pub(super) fn slot(&self, key: Key) -> &Slot {
        match key {
            Key::Capacity => self.capacity.as_ref().map_or(&MISSING, |c| &c.visits),
            Key::Season(m) => self
                .seasonality
                .as_ref()
                .and_then(|s| s.factors.get(usize::from(m).checked_sub(1)?))
                .unwrap_or(&MISSING),
            Key::Item(id, field) => self
                .items
                .iter()
                .find(|i| i.id == id)
                .map_or(&MISSING, |i| &i.slots[field.index()]),
            Key::Repeat(n) => self
                .retention
                .as_ref()
                .and_then(|r| r.months.get(usize::from(n).checked_sub(1)?))
                .unwrap_or(&MISSING),
            _ => &MISSING,
        }
    }

    /// Puts a value in a table's key; a key whose table or line the scenario
    /// lacks is refused with what would make it work. A capacity set from the
    /// command line brings the cap in, as a table of its own would; a month
    /// of repeat visits brings `[retention]` in, or lengthens its list, the
    /// months between left at none.
    pub(super) fn put(&mut self, key: Key, slot: Slot, location: &Location) -> Result<(), String> {
        match key {
            Key::Capacity => {
                match &mut self.capacity {
                    Some(c) => c.visits = slot,
                    None => {
                        self.capacity = Some(CapacityDraft {
                            location: location.clone(),
                            visits: slot,
                        })
                    }
                }
                Ok(())
            }
            Key::Season(m) => {
                if let Some(message) = self.lacks(key) {
                    return Err(message);
                }
                if let Some(factor) = self
                    .seasonality
                    .as_mut()
                    .and_then(|s| s.factors.get_mut(usize::from(m).checked_sub(1)?))
                {
                    *factor = slot;
                }
                Ok(())
            }
            Key::Item(id, field) => {
                if let Some(message) = self.lacks(key) {
                    return Err(message);
                }
                if let Some(item) = self.items.iter_mut().find(|i| i.id == id) {
                    item.slots[field.index()] = slot;
                }
                Ok(())
            }
            Key::Repeat(n) => {
                let retention = self.retention.get_or_insert_with(|| RetentionDraft {
                    location: location.clone(),
                    written: false,
                    months: Vec::new(),
                });
                // Keys are made for months 1..=MAX_REPEAT_MONTHS only.
                let i = usize::from(n).clamp(1, MAX_REPEAT_MONTHS) - 1;
                if retention.months.len() <= i {
                    retention.months.resize(i + 1, Slot::Missing);
                }
                retention.months[i] = slot;
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// Why a table's key has nowhere to go: no `[seasonality]`, no such cost line.
    pub(super) fn lacks(&self, key: Key) -> Option<String> {
        match key {
            Key::Season(_) if self.seasonality.is_none() => Some(t("the scenario has no [seasonality] table to change; add one with start = \"YYYY-MM\" and twelve factors in leads").into()),
            Key::Item(id, _) if !self.items.iter().any(|i| i.id == id) => {
                let names: Vec<String> = self
                    .items
                    .iter()
                    .map(|i| format!("\"{}\"", i.id.name()))
                    .collect();
                Some(if names.is_empty() {
                    f(
                        "the scenario has no cost line named \"{}\", and no [[costs.item]] at all",
                        &[&id.name()],
                    )
                } else {
                    f(
                        "the scenario has no cost line named \"{}\"; its lines are {}",
                        &[&id.name(), &names.join(", ")],
                    )
                })
            }
            _ => None,
        }
    }

    /// The tables' keys, in file order: capacity, the twelve factors, each
    /// line's fields, each month of repeat visits.
    pub(super) fn keys(&self) -> impl Iterator<Item = Key> + '_ {
        let capacity = self.capacity.as_ref().map(|_| Key::Capacity);
        let seasons = self
            .seasonality
            .as_ref()
            .into_iter()
            .flat_map(|_| (1..=12).map(Key::Season));
        let items = self
            .items
            .iter()
            .flat_map(|i| ItemField::ALL.map(|field| Key::Item(i.id, field)));
        let repeats = self.retention.iter().flat_map(|r| {
            (1..=r.months.len().min(MAX_REPEAT_MONTHS)).map(|n| Key::Repeat(n as u8))
        });
        capacity
            .into_iter()
            .chain(seasons)
            .chain(items)
            .chain(repeats)
    }
}
