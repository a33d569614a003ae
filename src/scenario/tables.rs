//! The optional tables of model v2 — `[capacity]`, `[seasonality]` and
//! `[[costs.item]]` — from the file into the draft, and from the draft into
//! the engine's [`Tables`], every rule checked once and every mistake reported
//! with the others.

use super::draft::{Draft, Slot, Spec};
use super::error::{Location, Problem};
use super::key::{ItemField, ItemId, Key};
use super::lines::LineIndex;
use super::raw::{RawItem, RawScenario};
use super::resolve::Resolver;
use crate::engine::{CostItem, Funnel, Seasons, Tables};
use crate::i18n::{f, t};
use rust_decimal::Decimal;
use toml::Spanned;

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
struct CapacityDraft {
    /// The table's line, or the flag that brought the cap in.
    location: Location,
    visits: Slot,
}

/// `[seasonality]` as read.
#[derive(Debug, Clone, PartialEq)]
struct SeasonDraft {
    location: Location,
    /// The calendar month (1..=12) of projection month 1; `None` when missing or unreadable.
    start: Option<u32>,
    /// Whether `start` was given at all, so a missing one is reported once.
    start_given: bool,
    /// Whether `leads` was given as a list of twelve.
    leads_given: bool,
    /// Whether `leads` was written at all (a list of another length is reported when read).
    leads_written: bool,
    factors: [Slot; 12],
}

/// One `[[costs.item]]` as read.
#[derive(Debug, Clone, PartialEq)]
struct ItemDraft {
    id: ItemId,
    slots: [Slot; 5],
}

/// The optional tables of a draft.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct TablesDraft {
    capacity: Option<CapacityDraft>,
    seasonality: Option<SeasonDraft>,
    items: Vec<ItemDraft>,
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
            _ => &MISSING,
        }
    }

    /// Puts a value in a table's key; a key whose table or line the scenario
    /// lacks is refused with what would make it work. A capacity set from the
    /// command line brings the cap in, as a table of its own would.
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

    /// The tables' keys, in file order: capacity, the twelve factors, each line's fields.
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
        capacity.into_iter().chain(seasons).chain(items)
    }
}

/// Reads the optional tables of a parsed file into the draft, noting every
/// unreadable value, missing name and repeated name.
pub(super) fn read(text: &str, lines: &LineIndex, raw: &RawScenario, draft: &mut Draft) {
    let at = |span: std::ops::Range<usize>| Location::Line(lines.line(span.start));
    let source = |v: &Spanned<toml::Value>| text.get(v.span()).unwrap_or("").to_string();
    if let Some(capacity) = &raw.capacity {
        draft.tables.capacity = Some(CapacityDraft {
            location: at(capacity.span()),
            visits: Slot::Missing,
        });
        if let Some(v) = &capacity.get_ref().visits {
            draft.set_value(Key::Capacity, v.get_ref(), source(v), at(v.span()));
        }
    }
    if let Some(season) = &raw.seasonality {
        let location = at(season.span());
        let s = season.get_ref();
        let mut start = None;
        if let Some(v) = &s.start {
            start = read_start(v.get_ref());
            if start.is_none() {
                draft.problems.push(Problem {
                    location: at(v.span()),
                    key: Some("seasonality.start".into()),
                    value: Some(source(v)),
                    message: t("must be the calendar month of projection month 1, written \"YYYY-MM\" in quotes, like \"2026-03\"").into(),
                });
            }
        }
        let leads_given = s.leads.as_ref().is_some_and(|l| l.get_ref().len() == 12);
        draft.tables.seasonality = Some(SeasonDraft {
            location: location.clone(),
            start,
            start_given: s.start.is_some(),
            leads_given,
            leads_written: s.leads.is_some(),
            factors: std::array::from_fn(|_| Slot::Missing),
        });
        match &s.leads {
            Some(leads) if leads.get_ref().len() == 12 => {
                for (i, v) in leads.get_ref().iter().enumerate() {
                    draft.set_value(Key::Season(i as u8 + 1), v.get_ref(), source(v), at(v.span()));
                }
            }
            Some(leads) => draft.problems.push(Problem {
                location: at(leads.span()),
                key: Some("seasonality.leads".into()),
                value: None,
                message: f(
                    "has {} factors; it takes twelve, January to December, each a number ≥ 0 like 1.25 (a quarter above an average month)",
                    &[&leads.get_ref().len()],
                ),
            }),
            None => {}
        }
    }
    let items = raw.costs.as_ref().and_then(|c| c.get_ref().item.as_ref());
    for (n, item) in items.into_iter().flatten().enumerate() {
        if n == MAX_ITEMS {
            draft.problems.push(Problem {
                location: at(item.span()),
                key: Some("costs.item".into()),
                value: None,
                message: f(
                    "too many cost lines: a scenario holds at most {} [[costs.item]]; merge the small ones",
                    &[&MAX_ITEMS],
                ),
            });
            break;
        }
        read_item(text, lines, item, draft);
    }
}

/// Reads one `[[costs.item]]`; a line without a usable name is reported and skipped,
/// since its keys could not be named.
fn read_item(text: &str, lines: &LineIndex, item: &Spanned<RawItem>, draft: &mut Draft) {
    let at = |span: std::ops::Range<usize>| Location::Line(lines.line(span.start));
    let source = |v: &Spanned<toml::Value>| text.get(v.span()).unwrap_or("").to_string();
    let raw = item.get_ref();
    let name = match raw.name.as_ref().map(|n| n.get_ref()) {
        Some(toml::Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
        _ => {
            draft.problems.push(Problem {
                location: raw.name.as_ref().map_or(at(item.span()), |n| at(n.span())),
                key: Some("costs.item.name".into()),
                value: raw.name.as_ref().map(source),
                message: t(
                    "every [[costs.item]] needs a name in quotes, like name = \"Telephony\"",
                )
                .into(),
            });
            return;
        }
    };
    let id = ItemId::intern(&name);
    if draft.tables.items.iter().any(|i| i.id == id) {
        draft.problems.push(Problem {
            location: raw.name.as_ref().map_or(at(item.span()), |n| at(n.span())),
            key: Some("costs.item.name".into()),
            value: Some(format!("\"{name}\"")),
            message: t("another [[costs.item]] already has this name; names must differ").into(),
        });
        return;
    }
    draft.tables.items.push(ItemDraft {
        id,
        slots: std::array::from_fn(|_| Slot::Missing),
    });
    for (field, value) in [
        (ItemField::Setup, &raw.setup),
        (ItemField::Monthly, &raw.monthly),
        (ItemField::YearlyIncrease, &raw.yearly_increase),
        (ItemField::From, &raw.from),
        (ItemField::To, &raw.to),
    ] {
        if let Some(v) = value {
            draft.set_value(Key::Item(id, field), v.get_ref(), source(v), at(v.span()));
        }
    }
}

/// The calendar month of `"YYYY-MM"`.
fn read_start(value: &toml::Value) -> Option<u32> {
    let toml::Value::String(s) = value else {
        return None;
    };
    let (year, month) = s.trim().split_once('-')?;
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(year, 4) || !digits(month, 2) {
        return None;
    }
    let month: u32 = month.parse().ok()?;
    (1..=12).contains(&month).then_some(month)
}

/// Checks the tables and builds the engine's; `months` is the resolved horizon
/// and `baseline` the resolved baseline funnel, both `None` when they failed
/// (their problems are already reported). `None` when a rule is broken.
pub(super) fn resolve(
    draft: &Draft,
    r: &mut Resolver<'_>,
    months: Option<u32>,
    baseline: Option<Funnel<Decimal>>,
) -> Option<Tables<Decimal>> {
    let tables = &draft.tables;
    let mut ok = true;
    let required = |r: &mut Resolver<'_>, key: Key, location: &Location| -> Option<Decimal> {
        match draft.tables.slot(key) {
            Slot::Missing => match key.default_value() {
                Some(d) => Some(d),
                None => {
                    r.problems.push(Problem {
                        location: location.clone(),
                        key: Some(key.path().into()),
                        value: None,
                        message: f("is required; it takes {}", &[&key.kind().allowed()]),
                    });
                    None
                }
            },
            _ => r.resolve(key, None),
        }
    };

    let mut capacity = None;
    if let Some(c) = &tables.capacity {
        capacity = required(r, Key::Capacity, &c.location);
        ok &= capacity.is_some();
        if let (Some(cap), Some(b)) = (capacity, baseline) {
            check_baseline_fits(draft, r, cap, &b);
        }
    }

    let mut seasons = None;
    if let Some(s) = &tables.seasonality {
        if !s.start_given {
            r.problems.push(Problem {
                location: s.location.clone(),
                key: Some("seasonality.start".into()),
                value: None,
                message: t("is required with the factors: the calendar month of projection month 1, written \"YYYY-MM\", like \"2026-03\"").into(),
            });
        }
        if !s.leads_written {
            r.problems.push(Problem {
                location: s.location.clone(),
                key: Some("seasonality.leads".into()),
                value: None,
                message: t("is required with start: twelve factors on leads, January to December, like leads = [0.85, 0.9, 1.25, 1.0, 1.0, 0.9, 0.8, 0.8, 1.0, 1.05, 1.1, 1.35]").into(),
            });
        }
        let mut factors = [Decimal::ONE; 12];
        let mut all = s.leads_given;
        for (i, factor) in factors.iter_mut().enumerate() {
            if !s.leads_given {
                break;
            }
            match required(r, Key::Season(i as u8 + 1), &s.location) {
                Some(v) => *factor = v,
                None => all = false,
            }
        }
        match (s.start, all) {
            (Some(start_month), true) => {
                seasons = Some(Seasons {
                    start_month,
                    factors,
                })
            }
            _ => ok = false,
        }
    }

    let mut items = Vec::with_capacity(tables.items.len());
    for item in &tables.items {
        let key = |field| Key::Item(item.id, field);
        let here = |field: ItemField| match &item.slots[field.index()] {
            Slot::Given(spec) => spec.location.clone(),
            _ => Location::File,
        };
        let setup = r.resolve(key(ItemField::Setup), None);
        let monthly = r.resolve(key(ItemField::Monthly), None);
        let increase = r.resolve(key(ItemField::YearlyIncrease), None);
        let from = r.resolve(key(ItemField::From), None).and_then(whole);
        let to = match item.slots[ItemField::To.index()] {
            Slot::Missing => months,
            _ => r.resolve(key(ItemField::To), None).and_then(whole),
        };
        let mut bounds_ok = true;
        if let Some(horizon) = months {
            for (field, value) in [(ItemField::From, from), (ItemField::To, to)] {
                if let (Some(v), Slot::Given(spec)) = (value, &item.slots[field.index()])
                    && v > horizon
                {
                    bounds_ok = false;
                    r.problems.push(Problem {
                        location: here(field),
                        key: Some(key(field).path().into()),
                        value: Some(spec.text.clone().unwrap_or_else(|| v.to_string())),
                        message: f(
                            "is past the horizon (scenario.months = {}); it takes a month from 1 to {}",
                            &[&horizon, &horizon],
                        ),
                    });
                }
            }
        }
        if let (Some(a), Some(b), true) = (from, to, bounds_ok)
            && a > b
        {
            bounds_ok = false;
            r.problems.push(Problem {
                location: here(ItemField::To),
                key: Some(key(ItemField::To).path().into()),
                value: Some(match &item.slots[ItemField::To.index()] {
                    Slot::Given(Spec { text: Some(text), .. }) => text.clone(),
                    _ => b.to_string(),
                }),
                message: f(
                    "comes before the line's first month ({} = {}); a line runs from `from` to `to`, with from ≤ to",
                    &[&key(ItemField::From).path(), &a],
                ),
            });
        }
        match (setup, monthly, increase, from, to, bounds_ok) {
            (Some(setup), Some(monthly), Some(yearly_increase), Some(from), Some(to), true) => {
                items.push(CostItem {
                    tag: item.id.tag(),
                    setup,
                    monthly,
                    from,
                    to,
                    yearly_increase,
                })
            }
            _ => ok = false,
        }
    }

    ok.then_some(Tables {
        capacity,
        seasons,
        items,
    })
}

/// A month count held as a whole `Decimal` (the resolver has checked it is one).
fn whole(d: Decimal) -> Option<u32> {
    u32::try_from(d.trunc().mantissa() / 10i128.pow(d.trunc().scale())).ok()
}

/// The baseline's average month must fit the capacity: the baseline is what
/// was served, so it cannot exceed what can be served. Ranges must fit at
/// their ends, which a simulation draws: the capacity's lowest against the
/// baseline's busiest (most leads, highest conversion, fewest no-shows).
fn check_baseline_fits(draft: &Draft, r: &mut Resolver<'_>, cap: Decimal, b: &Funnel<Decimal>) {
    let Slot::Given(spec) = draft.tables.slot(Key::Capacity) else {
        return;
    };
    let mut busiest = *b;
    let mut ranged = false;
    if let Some((_, high)) = r.ends(Key::BaselineLeads) {
        (busiest.leads, ranged) = (high, true);
    }
    if let Some((_, high)) = r.ends(Key::BaselineConversion) {
        (busiest.conversion, ranged) = (high, true);
    }
    if let Some((low, _)) = r.ends(Key::BaselineNoShowRate) {
        (busiest.no_show_rate, ranged) = (low, true);
    }
    // Overflow here is the engine's to report, with its own message.
    let Ok(figures) = busiest.figures() else {
        return;
    };
    let cap = spec.range.map_or(cap, |range| range.low.number().min(cap));
    if figures.visits <= cap {
        return;
    }
    let fmt = crate::format::Fmt::messages();
    let visits = fmt.count(figures.visits, crate::format::Sign::Plain);
    let message = if ranged {
        f(
            "is below the {} visits a month the baseline serves at the busy end of its ranges (leads × conversion × (1 − no-show rate)); the baseline is what was served, so raise capacity.visits or narrow the [baseline] ranges",
            &[&visits],
        )
    } else {
        f(
            "is below the {} visits a month the baseline already serves (leads × conversion × (1 − no-show rate)); the baseline is what was served, so raise capacity.visits or correct [baseline]",
            &[&visits],
        )
    };
    r.problems.push(Problem {
        location: spec.location.clone(),
        key: Some(Key::Capacity.path().into()),
        value: Some(spec.text.clone().unwrap_or_else(|| cap.to_string())),
        message,
    });
}
