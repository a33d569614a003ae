//! The facts behind `roi pilot`'s verdict, a sentence each, shared by the
//! table and the page: the season check, the months' variation, open
//! bookings, the assistant's own records, the smallest rise a pilot can
//! tell from chance and how long the planned rise needs.

use super::change_text;
use crate::evidence::measure::funnel::Channel;
use crate::evidence::pilot::{Attribution, Metric, Pilot};
use crate::format::{Fmt, Sign};
use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive;

/// The facts in the order the table prints them, after the question the
/// decision rests on.
pub fn facts(p: &Pilot, f: &Fmt<'_>) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(line) = super::primary_line(p, f) {
        lines.push(line);
    }
    if p.pilot.is_some() {
        lines.push(seasonality(p, f));
    }
    lines.push(variation(p, f));
    lines.extend(open_bookings(p, f));
    if let Some(a) = p.attribution {
        lines.push(attributed(p, a, f));
    }
    lines.extend(detectable(p, f));
    lines.push(needed_length(p, f));
    if let Some(why) = p.plan_refused {
        lines.push(
            f.lang
                .fill("No pilot plan is proposed: {}.", &[&f.lang.tr(why)]),
        );
    }
    lines
}

/// The leads' change against the same months a year earlier, or why it was
/// not checked.
pub fn seasonality(p: &Pilot, f: &Fmt<'_>) -> String {
    let l = f.lang;
    let seasonal = p.find(Metric::Leads, Channel::All).and_then(|c| c.seasonal);
    let Some(s) = seasonal else {
        return l.tr("Seasonality was not checked: the data has no record of the same months a year earlier. A pilot in a high season (8 March, December) can show a rise that is really the season's.").to_string();
    };
    let change = s.point - 1.0;
    let by = change_text(f, Metric::Leads, change.abs());
    let args: [&dyn std::fmt::Display; 3] = [
        &by.trim_start_matches(['+', '-', '\u{2212}']),
        &change_text(f, Metric::Leads, s.low - 1.0),
        &change_text(f, Metric::Leads, s.high - 1.0),
    ];
    if change >= 0.0 {
        l.fill(
            "Seasonality is allowed for: against the same months a year earlier, the leads rose by {} beyond the usual seasonal change (95% range: from {} to {}).",
            &args,
        )
    } else {
        l.fill(
            "Seasonality is allowed for: against the same months a year earlier, the leads fell by {} beyond the usual seasonal change (95% range: from {} to {}).",
            &args,
        )
    }
}

/// How much the baseline's months vary beyond chance, which widens the ranges.
pub fn variation(p: &Pilot, f: &Fmt<'_>) -> String {
    let l = f.lang;
    if p.dispersion.known {
        let phi = f.number(Decimal::from_f64(p.dispersion.phi).unwrap_or_default(), 2);
        if p.dispersion.phi > 1.0 {
            l.fill("In the baseline the leads vary from month to month more than chance alone explains (φ = {}), so the ranges are widened.", &[&phi])
        } else {
            l.fill("In the baseline the leads vary from month to month no more than chance alone would make them (φ = {}).", &[&phi])
        }
    } else if p.baseline_leads.is_none() {
        // A booking system's export: there is nothing to vary.
        l.tr("The data has no leads, so how they vary from month to month is not estimated.")
            .to_string()
    } else {
        l.tr("Month-to-month variation is unknown with one baseline month; the intervals assume none beyond chance.").to_string()
    }
}

/// Bookings still open at the export's date, by month.
pub fn open_bookings(p: &Pilot, f: &Fmt<'_>) -> Option<String> {
    if p.open_bookings.is_empty() {
        return None;
    }
    let l = f.lang;
    let list: Vec<String> = p
        .open_bookings
        .iter()
        .map(|(m, n)| l.fill("{}: {}", &[m, n]))
        .collect();
    Some(l.fill(
        "Bookings still open at the export's date (neither came nor marked no-show): {}. Against the plan they count as revenue to come, at the share of the baseline's bookings that came and its average check.",
        &[&list.join(", ")],
    ))
}

/// The assistant's own records over the pilot; a figure the data does not
/// have is left out rather than shown as a dash.
pub fn attributed(p: &Pilot, a: Attribution, f: &Fmt<'_>) -> String {
    let l = f.lang;
    let n = |x: u64| f.count(Decimal::from(x), Sign::Plain);
    let mut parts = Vec::new();
    if let Some(x) = a.leads {
        parts.push(l.counted(x, &n(x), ["lead", "leads"], ["заявка", "заявки", "заявок"]));
    }
    if let Some(x) = a.bookings {
        parts.push(l.counted(
            x,
            &n(x),
            ["booking", "bookings"],
            ["запись", "записи", "записей"],
        ));
    }
    if let Some(x) = a.visits {
        parts.push(l.counted(
            x,
            &n(x),
            ["visit", "visits"],
            ["визит", "визита", "визитов"],
        ));
    }
    if let Some(x) = a.revenue {
        parts.push(l.fill("revenue {}", &[&f.money(x.round_dp(0), Sign::Plain)]));
    }
    let nothing = [a.leads, a.bookings, a.visits]
        .iter()
        .all(|x| x.is_none_or(|x| x == 0));
    if nothing {
        return l
            .tr("No leads came through the assistant during the pilot.")
            .to_string();
    }
    l.fill(
        "The assistant over the pilot's {}: {}.",
        &[
            &l.months(p.pilot.map_or(0, |x| x.months())),
            &parts.join(", "),
        ],
    )
}

/// The endpoint after "a rise in": "leads", "bookings a month".
fn rise_in(m: Metric) -> &'static str {
    match m {
        Metric::Bookings => "in bookings a month",
        Metric::Visits => "in visits a month",
        Metric::Revenue => "in revenue a month",
        _ => "in leads",
    }
}

/// The smallest rise each pilot length can tell from chance, when any can,
/// and what that means.
pub fn detectable(p: &Pilot, f: &Fmt<'_>) -> Option<String> {
    let l = f.lang;
    let shown: Vec<String> = p
        .detectable
        .iter()
        .filter_map(|d| {
            let u = Decimal::from_f64(d.leads_uplift?)?;
            Some(l.fill(
                "within {} from {}",
                &[&l.months(d.months), &f.percent(u, Sign::Explicit)],
            ))
        })
        .collect();
    (!shown.is_empty()).then(|| {
        l.fill(
            "A pilot reliably (8 times in 10) tells a rise {} from chance if it is at least: {}. A smaller rise may well pass for chance variation.",
            &[&l.tr(rise_in(p.endpoint)), &shown.join(", ")],
        )
    })
}

/// How long a pilot must run for the rise planned for to be seen.
pub fn needed_length(p: &Pilot, f: &Fmt<'_>) -> String {
    let l = f.lang;
    let (want, need) = p.expect;
    let want_text = f.percent(Decimal::from_f64(want).unwrap_or_default(), Sign::Plain);
    match (need, p.baseline_leads) {
        (Some(n), Some(m)) => {
            let mean = Decimal::from_f64(m).unwrap_or_default();
            let places = if mean.round_dp(1).fract().is_zero() { 0 } else { 1 };
            l.fill(
                "With {} leads a month on average, a rise of {} shows within {} of the pilot.",
                &[&f.number(mean, places), &want_text, &l.months(n)],
            )
        }
        (_, None) => l
            .tr("The data has no leads, so how long a pilot must run to see a rise in them cannot be worked out.")
            .to_string(),
        _ => l.fill(
            "A rise of {} cannot be told from chance even within three years at this baseline; measure a longer baseline.",
            &[&want_text],
        ),
    }
}
