//! `[after]` from a pilot's 95% intervals and the plan's costs, written so
//! that every range lies inside what the scenario rules allow for the
//! baseline written above it, whatever rounding the written figures took.

use super::{comment, number};
use crate::evidence::measure::funnel::Channel;
use crate::evidence::pilot::{Change, Metric, Pilot};
use crate::forecast::scenario::value::Written as WrittenValue;
use crate::forecast::scenario::{Scenario, Uncertain};
use crate::i18n::Lang;
use rust_decimal::prelude::FromPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use std::fmt::Write;

/// Places of a percentage a range's end is written to: the tables round to
/// one, and a value already rounded to two would round again to another
/// tenth (−14.149 → −14.15 → −14.2).
const PCT_PLACES: u32 = 4;

/// The baseline's shares as written in `[baseline]`: the points of a
/// change are bounded by them, not by the unrounded ratios.
#[derive(Debug, Clone, Copy, Default)]
pub struct Written {
    /// `conversion` as written.
    pub conversion: Option<Decimal>,
    /// `no_show_rate` as written (0 when not measured, as the model assumes).
    pub no_show_rate: Option<Decimal>,
}

/// `[after]` as ranges from a pilot's 95% intervals, clipped to what the
/// scenario rules allow, and the plan's costs, savings and assumptions.
pub fn pilot_after(
    p: &Pilot,
    plan: Option<&Scenario>,
    written: Written,
    season_written: bool,
    lang: Lang,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out);
    comment(
        &mut out,
        lang.tr("[after]: the pilot's measured changes as distributions over their 95% intervals (leads lognormal, the rest normal), for `roi simulate` and `roi sensitivity`; `roi pilot` drew its odds of paying from exactly these."),
    );
    let _ = writeln!(out, "[after]");
    // Leads carry the primary estimate when leads are the endpoint: net of
    // the season (or of the other channels' rise), as the decision saw them;
    // with another endpoint, their own check against a year earlier, so the
    // odds never count the season as the assistant's.
    let primary = p
        .primary
        .as_ref()
        .filter(|pr| pr.endpoint == Metric::Leads && pr.at_95.low.is_some())
        .map(|pr| pr.at_95.clone());
    let seasonal = p.find(Metric::Leads, Channel::All).and_then(|l| {
        let s = l.seasonal?;
        let mut c = l.clone();
        c.change = Some(s.point - 1.0);
        c.low = Some(s.low - 1.0);
        c.high = Some(s.high - 1.0);
        Some(c)
    });
    let leads = primary.or(seasonal);
    for c in p.metrics.iter().filter(|c| c.channel == Channel::All) {
        let c = match &leads {
            Some(l) if c.metric == Metric::Leads => l,
            _ => c,
        };
        if let Some(line) = after_range(c, written) {
            let _ = writeln!(out, "{line}");
        }
    }
    if let Some(plan) = plan {
        write_plan(&mut out, plan, lang);
        write_tables(&mut out, plan, season_written);
    } else {
        let _ = writeln!(out);
        comment(&mut out, lang.tr("[costs]: what the assistant costs."));
        let _ = writeln!(out, "# [costs]\n# setup = 25000\n# monthly = 10000");
    }
    out
}

/// An interval's ends as percentages to [`PCT_PLACES`] places, each kept
/// within `[lowest, highest]`: an interval wholly past a bound becomes the
/// bound, never a reversed range. `None` when an end is not a number.
fn ends(low: f64, high: f64, lowest: Decimal, highest: Decimal) -> Option<(Decimal, Decimal)> {
    let pct = |x: f64| {
        let d = Decimal::from_f64(x * 100.0)?;
        Some(d.round_dp_with_strategy(PCT_PLACES, RoundingStrategy::MidpointAwayFromZero))
    };
    // An infinite end (a rise from nothing) is the bound itself.
    let end = |x: f64| {
        if x == f64::INFINITY {
            Some(highest)
        } else if x == f64::NEG_INFINITY {
            Some(lowest)
        } else {
            pct(x).map(|d| d.clamp(lowest, highest))
        }
    };
    let (a, b) = (end(low)?, end(high)?);
    Some((a.min(b), a.max(b)))
}

/// The bounds, in percentage points to [`PCT_PLACES`] places, that keep a
/// share written as `base` within 0–100% once a change is added: rounded
/// inwards, so no end rounds past them.
fn point_bounds(base: Decimal) -> Option<(Decimal, Decimal)> {
    let hundred = Decimal::ONE_HUNDRED;
    let lowest = (-base)
        .checked_mul(hundred)?
        .round_dp_with_strategy(PCT_PLACES, RoundingStrategy::ToPositiveInfinity);
    let highest = (Decimal::ONE - base)
        .checked_mul(hundred)?
        .round_dp_with_strategy(PCT_PLACES, RoundingStrategy::ToNegativeInfinity);
    (lowest <= highest).then_some((lowest, highest))
}

/// One metric's interval as an `[after]` line, clipped so the changed figure
/// stays possible; `None` for totals the model works out itself (bookings,
/// visits, revenue) and for an interval with an end missing.
///
/// Each is the distribution its interval came from, so `roi simulate` draws
/// what the pilot measured: leads' rate ratio is lognormal (its interval is
/// symmetric in ln RR), shares' changes are normal in points, the check's
/// change normal in percent (Welch's interval is symmetric in the difference).
fn after_range(c: &Change, written: Written) -> Option<String> {
    let (low, high) = (c.low?, c.high?);
    let pct = |d: Decimal| d / Decimal::ONE_HUNDRED;
    let (key, range) = match c.metric {
        // A change cannot take leads or a check below zero: −100% at most,
        // and +1000% is already far past anything a pilot shows.
        Metric::Leads | Metric::AverageCheck => {
            let (a, b) = ends(low, high, Decimal::from(-100), Decimal::from(1000))?;
            let (a, b) = (
                WrittenValue::Relative(pct(a)),
                WrittenValue::Relative(pct(b)),
            );
            if c.metric == Metric::Leads {
                // A lognormal needs both ends above −100%: a pilot with no leads
                // at all is drawn as a normal instead.
                let r = Uncertain::lognormal(a, b).or_else(|_| Uncertain::normal(a, b));
                ("leads", r.ok()?)
            } else {
                ("average_check", Uncertain::normal(a, b).ok()?)
            }
        }
        Metric::Conversion | Metric::NoShowRate => {
            let (key, base) = if c.metric == Metric::Conversion {
                ("conversion", written.conversion?)
            } else {
                ("no_show_rate", written.no_show_rate.unwrap_or_default())
            };
            // Points keep the share within 0–100% of the share written.
            let (lowest, highest) = point_bounds(base)?;
            let (a, b) = ends(low, high, lowest, highest)?;
            let r = Uncertain::normal(WrittenValue::Points(pct(a)), WrittenValue::Points(pct(b)));
            (key, r.ok()?)
        }
        Metric::Revenue | Metric::Bookings | Metric::Visits => return None,
    };
    Some(format!("{key} = {}", range.to_toml()))
}

/// The plan's costs, savings and assumptions, copied so the file runs as is.
fn write_plan(out: &mut String, plan: &Scenario, lang: Lang) {
    let i = &plan.inputs;
    let _ = writeln!(out);
    comment(out, &lang.fill("From the plan «{}».", &[&plan.name]));
    let _ = writeln!(
        out,
        "[costs]\nsetup = {}\nmonthly = {}",
        number(i.setup_cost),
        number(i.monthly_cost)
    );
    let _ = writeln!(
        out,
        "\n[savings]\nstaff_hours = {}\nhourly_rate = {}\nother = {}",
        number(i.staff_hours),
        number(i.hourly_rate),
        number(i.other_savings)
    );
    let _ = writeln!(
        out,
        "\n[assumptions]\ngross_margin = {}\nramp_months = {}\ndiscount_rate = {}",
        number(i.gross_margin),
        i.ramp_months,
        number(i.discount_rate)
    );
}

/// The plan's tables, so the odds run on the plan the assistant was bought
/// on: its capacity, its cost lines, its returning clients and — unless the
/// data's own season was written above — its season. Names go in as TOML
/// strings, escaped.
fn write_tables(out: &mut String, plan: &Scenario, season_written: bool) {
    let i = &plan.inputs;
    if let Some(cap) = i.tables.capacity {
        let _ = writeln!(out, "\n[capacity]\nvisits = {}", number(cap));
    }
    if let Some(s) = i.tables.seasons.filter(|_| !season_written) {
        let factors: Vec<String> = s.factors.iter().map(|f| number(*f)).collect();
        let _ = writeln!(
            out,
            "\n[seasonality]\nstart = {}\nleads = [{}]",
            s.start_month,
            factors.join(", ")
        );
    }
    for item in &i.tables.items {
        let name = crate::forecast::scenario::item_name(item.tag);
        let _ = writeln!(
            out,
            "\n[[costs.item]]\nname = {}\nsetup = {}\nmonthly = {}\nfrom = {}\nto = {}\nyearly_increase = {}",
            toml::Value::String(name.to_string()),
            number(item.setup),
            number(item.monthly),
            item.from,
            item.to,
            number(item.yearly_increase)
        );
    }
    if let Some(r) = &i.tables.repeat_visits {
        let list: Vec<String> = r.iter().map(|x| number(*x)).collect();
        let _ = writeln!(out, "\n[retention]\nrepeat_visits = [{}]", list.join(", "));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn point_bounds_round_inwards_from_the_share_written() {
        // 1/3 written to 12 places: 66.6666666667 points up would pass 100%,
        // so the highest end is 66.6666; the lowest, −33.3333333333, is −33.3333.
        let (lo, hi) = point_bounds(d("0.333333333333")).unwrap();
        assert_eq!((lo, hi), (d("-33.3333"), d("66.6666")));
        assert!(d("0.333333333333") + hi / Decimal::ONE_HUNDRED <= Decimal::ONE);
        assert!(d("0.333333333333") + lo / Decimal::ONE_HUNDRED >= Decimal::ZERO);
        assert_eq!(point_bounds(Decimal::ONE).unwrap(), (d("-100"), d("0")));
        assert_eq!(point_bounds(Decimal::ZERO).unwrap(), (d("0"), d("100")));
    }

    #[test]
    fn an_interval_past_a_bound_becomes_the_bound_not_a_reversed_range() {
        // Conversion at 98%: an interval of +5pp..+10pp lies wholly above the
        // 2 points left; clipping only the high end gave "+5pp..+2pp".
        let (lo, hi) = point_bounds(d("0.98")).unwrap();
        assert_eq!(ends(0.05, 0.10, lo, hi), Some((d("2"), d("2"))));
        assert_eq!(
            ends(-0.5, -0.2, d("-100"), d("1000")),
            Some((d("-50"), d("-20")))
        );
        assert_eq!(
            ends(12.0, f64::INFINITY, d("-100"), d("1000")),
            Some((d("1000"), d("1000")))
        );
        assert_eq!(ends(f64::NAN, 1.0, d("-100"), d("1000")), None);
    }
}
