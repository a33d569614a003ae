//! The optional tables of model v2 — `[capacity]`, `[seasonality]`,
//! `[[costs.item]]` and `[retention]` — read from the file into the draft,
//! every unreadable value, missing name and repeated name noted with the others.

use super::Draft;
use crate::forecast::scenario::key::{ItemField, ItemId, Key, MAX_REPEAT_MONTHS};
use crate::forecast::scenario::raw::{RawItem, RawRetention, RawScenario};
use crate::forecast::scenario::spec::Slot;
use crate::forecast::scenario::tables::{
    CapacityDraft, ItemDraft, MAX_ITEMS, RetentionDraft, SeasonDraft,
};
use crate::i18n::{f, t};
use crate::input::LineIndex;
use crate::input::{Location, Problem};
use toml::Spanned;

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
    if let Some(retention) = &raw.retention {
        read_retention(text, lines, retention, draft);
    }
}

/// Reads `[retention]`: each month's repeat visits, or one problem for a
/// list longer than [`MAX_REPEAT_MONTHS`] (whose values are then left
/// unread: a list that long is a slip, not two dozen mistakes).
fn read_retention(
    text: &str,
    lines: &LineIndex,
    retention: &Spanned<RawRetention>,
    draft: &mut Draft,
) {
    let at = |span: std::ops::Range<usize>| Location::Line(lines.line(span.start));
    let list = retention.get_ref().repeat_visits.as_ref();
    draft.tables.retention = Some(RetentionDraft {
        location: at(retention.span()),
        written: list.is_some(),
        months: Vec::new(),
    });
    let Some(list) = list else { return };
    if list.get_ref().len() > MAX_REPEAT_MONTHS {
        draft.problems.push(Problem {
            location: at(list.span()),
            key: Some("retention.repeat_visits".into()),
            value: None,
            message: f(
                "has {} months; it follows at most {} months after a client's first visit, each a number ≥ 0 of repeat visits per new client like 0.5",
                &[&list.get_ref().len(), &MAX_REPEAT_MONTHS],
            ),
        });
        return;
    }
    for (i, v) in list.get_ref().iter().enumerate() {
        let source = text.get(v.span()).unwrap_or("").to_string();
        draft.set_value(Key::Repeat(i as u8 + 1), v.get_ref(), source, at(v.span()));
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
