//! The optional tables of model v2 checked and built into the engine's
//! [`Tables`]: every rule once, every mistake reported with the others.

use super::Resolver;
use crate::forecast::engine::{CostItem, Funnel, Seasons, Tables};
use crate::forecast::scenario::draft::Draft;
use crate::forecast::scenario::key::{ItemField, Key};
use crate::forecast::scenario::spec::{Slot, Spec};
use crate::forecast::scenario::tables::{ItemDraft, RetentionDraft, SeasonDraft};
use crate::i18n::{f, t};
use crate::input::{Location, Problem};
use rust_decimal::Decimal;

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

    let mut capacity = None;
    if let Some(c) = &tables.capacity {
        capacity = required(draft, r, Key::Capacity, &c.location);
        ok &= capacity.is_some();
        if let (Some(cap), Some(b)) = (capacity, baseline) {
            check_baseline_fits(draft, r, cap, &b);
        }
    }

    let mut seasons = None;
    if let Some(s) = &tables.seasonality {
        seasons = resolve_seasons(draft, r, s);
        ok &= seasons.is_some();
    }

    let mut items = Vec::with_capacity(tables.items.len());
    for item in &tables.items {
        match resolve_item(r, item, months) {
            Some(item) => items.push(item),
            None => ok = false,
        }
    }

    let mut repeat_visits = None;
    if let Some(retention) = &tables.retention {
        repeat_visits = resolve_retention(r, retention);
        ok &= repeat_visits.is_some();
    }

    ok.then_some(Tables {
        capacity,
        seasons,
        items,
        repeat_visits,
    })
}

/// `[retention]` checked whole: every month's repeat visits, a month left
/// out (between months set from the command line) at none; `None` when one
/// is broken or the list is missing altogether.
fn resolve_retention(r: &mut Resolver<'_>, retention: &RetentionDraft) -> Option<Vec<Decimal>> {
    if !retention.written && retention.months.is_empty() {
        r.problems.push(Problem {
            location: retention.location.clone(),
            key: Some("retention.repeat_visits".into()),
            value: None,
            message: t("is required: the repeat visits per new client, month by month from the month after her first visit, like repeat_visits = [0.5, 0.3, 0.2]").into(),
        });
        return None;
    }
    let mut months = Vec::with_capacity(retention.months.len());
    let mut all = true;
    for n in 1..=retention.months.len() {
        // Only months 1..=MAX_REPEAT_MONTHS are ever stored.
        match r.resolve(Key::Repeat(n as u8), None) {
            Some(v) => months.push(v),
            None => all = false,
        }
    }
    all.then_some(months)
}

/// A table key's value: one the file leaves out takes its default, or is
/// reported at its table (`location`) as required.
fn required(draft: &Draft, r: &mut Resolver<'_>, key: Key, location: &Location) -> Option<Decimal> {
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
}

/// `[seasonality]` checked whole: its start and all twelve factors, or
/// `None` when one is missing or broken.
fn resolve_seasons(
    draft: &Draft,
    r: &mut Resolver<'_>,
    s: &SeasonDraft,
) -> Option<Seasons<Decimal>> {
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
        match required(draft, r, Key::Season(i as u8 + 1), &s.location) {
            Some(v) => *factor = v,
            None => all = false,
        }
    }
    match (s.start, all) {
        (Some(start_month), true) => Some(Seasons {
            start_month,
            factors,
        }),
        _ => None,
    }
}

/// One `[[costs.item]]` checked and built; `months` is the resolved horizon,
/// which a line without `to` runs to. `None` when a rule is broken.
fn resolve_item(
    r: &mut Resolver<'_>,
    item: &ItemDraft,
    months: Option<u32>,
) -> Option<CostItem<Decimal>> {
    let key = |field| Key::Item(item.id, field);
    let setup = r.resolve(key(ItemField::Setup), None);
    let monthly = r.resolve(key(ItemField::Monthly), None);
    let increase = r.resolve(key(ItemField::YearlyIncrease), None);
    let from = r.resolve(key(ItemField::From), None).and_then(whole);
    let to = match item.slots[ItemField::To.index()] {
        Slot::Missing => months,
        _ => r.resolve(key(ItemField::To), None).and_then(whole),
    };
    let bounds_ok = check_bounds(r, item, from, to, months);
    match (setup, monthly, increase, from, to, bounds_ok) {
        (Some(setup), Some(monthly), Some(yearly_increase), Some(from), Some(to), true) => {
            Some(CostItem {
                tag: item.id.tag(),
                setup,
                monthly,
                from,
                to,
                yearly_increase,
            })
        }
        _ => None,
    }
}

/// Whether a cost line's months hold: `from` and `to` within the horizon
/// (`months`), then in order. Each that does not is reported.
fn check_bounds(
    r: &mut Resolver<'_>,
    item: &ItemDraft,
    from: Option<u32>,
    to: Option<u32>,
    months: Option<u32>,
) -> bool {
    let key = |field| Key::Item(item.id, field);
    let here = |field: ItemField| match &item.slots[field.index()] {
        Slot::Given(spec) => spec.location.clone(),
        _ => Location::File,
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
    bounds_ok
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
