//! `roi pilot`'s output: the decision first, in words an owner reads without
//! statistics, then the figures behind it; and the JSON contract.

use super::fit::{Grid, wrap};
use crate::evidence::measure::funnel::Channel;
use crate::evidence::pilot::{Change, Kind, Metric, Pilot, Reason, Verdict};
use crate::format::{Fmt, Sign};
use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive;
use serde::Serialize;
use serde_json::{Value, json};

/// Version of the JSON layout; raised on any change that could break a reader.
pub const SCHEMA_VERSION: u32 = 1;

/// An estimate for JSON: 8 places, half away from zero; null when not finite.
fn num(x: Option<f64>) -> Value {
    x.filter(|v| v.is_finite())
        .and_then(Decimal::from_f64)
        .map_or(Value::Null, |d| {
            serde_json::to_value(super::json::Ratio(d)).unwrap_or(Value::Null)
        })
}

fn metric_json(c: &Change) -> Value {
    json!({
        "metric": c.metric.name(),
        "channel": c.channel.name(),
        "baseline": num(c.baseline),
        "pilot": num(c.pilot),
        "change": num(c.change),
        "low": num(c.low),
        "high": num(c.high),
        "p_value": num(c.p_value),
        "method": c.method,
        "verdict": c.verdict.map(Verdict::name),
        "seasonal": c.seasonal.map(|s| num(Some(s.point - 1.0))),
        "seasonal_low": c.seasonal.map(|s| num(Some(s.low - 1.0))),
        "seasonal_high": c.seasonal.map(|s| num(Some(s.high - 1.0))),
        "season_explains": c.season_explains,
        "why": c.why.map(|w| w.text()),
    })
}

fn money(d: Decimal) -> Value {
    serde_json::to_value(super::json::Money(d)).unwrap_or(Value::Null)
}

fn ratio(d: Option<Decimal>) -> Value {
    d.map_or(Value::Null, |d| {
        serde_json::to_value(super::json::Ratio(d)).unwrap_or(Value::Null)
    })
}

fn reason_json(r: &Reason) -> Value {
    let mut v = json!({ "reason": r.name() });
    match r {
        Reason::Better(c)
        | Reason::Worse(c)
        | Reason::Unclear(c)
        | Reason::Season(c)
        | Reason::Cannibalisation(c) => {
            v["metric"] = json!(c.metric.name());
            v["channel"] = json!(c.channel.name());
            v["change"] = num(c.change);
            v["low"] = num(c.low);
            v["high"] = num(c.high);
        }
        Reason::RealisedRoi(d) | Reason::ProjectedRoi(d) => v["roi"] = ratio(Some(*d)),
        Reason::NoCosts | Reason::PlanDiffers => {}
    }
    v
}

/// Actual − planned per figure, in its units, and as a share of the plan for
/// leads, the check and revenue (rates differ in points already).
fn variance(m: &crate::evidence::pilot::PlanMonth) -> Value {
    let names = [
        "leads",
        "conversion",
        "no_show_rate",
        "average_check",
        "revenue",
    ];
    let mut units = serde_json::Map::new();
    let mut shares = serde_json::Map::new();
    for (i, name) in names.iter().enumerate() {
        let diff = m.actual[i].map(|a| a - m.planned[i]);
        let value = match i {
            3 | 4 => diff.map_or(Value::Null, money),
            _ => ratio(diff),
        };
        units.insert(name.to_string(), value);
        if matches!(i, 0 | 3 | 4) {
            let share = diff.and_then(|d| d.checked_div(m.planned[i]));
            shares.insert(name.to_string(), ratio(share));
        }
    }
    json!({ "units": units, "share": shares })
}

#[derive(Serialize)]
struct Months {
    from: String,
    to: String,
    months: u32,
}

/// `--format json`.
pub fn json(p: &Pilot) -> String {
    let period = |x: crate::evidence::measure::error::Period| Months {
        from: x.from.to_string(),
        to: x.to.to_string(),
        months: x.months(),
    };
    let doc = json!({
        "version": SCHEMA_VERSION,
        "baseline": period(p.baseline),
        "pilot": p.pilot.map(period),
        "dispersion": { "phi": num(Some(p.dispersion.phi)), "known": p.dispersion.known },
        "baseline_leads": num(p.baseline_leads),
        "metrics": p.metrics.iter().map(metric_json).collect::<Vec<_>>(),
        "seasonal_checked": p.seasonal_checked,
        "attribution": p.attribution.map(|a| json!({
            "leads": a.leads, "bookings": a.bookings, "visits": a.visits,
            "revenue": a.revenue.map(money), "cannibalisation": a.cannibalisation,
        })),
        "detectable": p.detectable.iter().map(|d| json!({"months": d.months, "leads_uplift": num(d.leads_uplift)})).collect::<Vec<_>>(),
        "expect": { "leads_uplift": num(Some(p.expect.0)), "months": p.expect.1 },
        "plan": p.plan.as_ref().map(|r| json!({
            "name": r.name,
            "differs": r.differs.iter().map(|(k, a, b)| json!({"metric": k, "plan": ratio(Some(*a)), "measured": ratio(Some(*b))})).collect::<Vec<_>>(),
            "projected_roi": ratio(r.projected_roi),
            "months": r.months.iter().map(|m| json!({
                "month": m.month.to_string(),
                "share": ratio(Some(m.share)),
                "planned": { "leads": ratio(Some(m.planned[0])), "conversion": ratio(Some(m.planned[1])), "no_show_rate": ratio(Some(m.planned[2])), "average_check": money(m.planned[3]), "revenue": money(m.planned[4]) },
                "actual": { "leads": ratio(m.actual[0]), "conversion": ratio(m.actual[1]), "no_show_rate": ratio(m.actual[2]), "average_check": m.actual[3].map(money), "revenue": m.actual[4].map(money) },
                "variance": variance(m),
                "planned_to_date": { "benefit": money(m.planned_to_date.benefit), "cost": money(m.planned_to_date.cost), "net": money(m.planned_to_date.net), "roi": ratio(m.planned_to_date.roi) },
                "actual_to_date": m.actual_to_date.map(|t| json!({ "benefit": money(t.benefit), "cost": money(t.cost), "net": money(t.net), "roi": ratio(t.roi) })),
            })).collect::<Vec<_>>(),
        })),
        "decision": {
            "decision": p.decision.kind.name(),
            "reasons": p.decision.reasons.iter().map(reason_json).collect::<Vec<_>>(),
            "extra_months": p.decision.extra_months,
        },
    });
    let mut text = serde_json::to_string_pretty(&doc).expect("JSON of plain data");
    text.push('\n');
    text
}

/// A change in its metric's unit: `+31.2%` or `+4.5 pp`.
fn change_text(f: &Fmt<'_>, metric: Metric, x: f64) -> String {
    let Some(d) = Decimal::from_f64(x) else {
        return "∞".into();
    };
    match metric {
        Metric::Conversion | Metric::NoShowRate => f.points(d, Sign::Explicit),
        _ => f.percent(d, Sign::Explicit),
    }
}

/// A level: leads per month, a rate, a check, revenue per month.
fn level(f: &Fmt<'_>, metric: Metric, x: Option<f64>) -> String {
    let Some(d) = x.and_then(Decimal::from_f64) else {
        return "—".into();
    };
    match metric {
        Metric::Leads => f.number(d, 1),
        Metric::Conversion | Metric::NoShowRate => f.percent(d, Sign::Plain),
        Metric::AverageCheck | Metric::Revenue => f.money(d.round_dp(0), Sign::Plain),
    }
}

fn interval(f: &Fmt<'_>, c: &Change) -> String {
    match (c.low, c.high) {
        (Some(l), Some(h)) => format!(
            "{} … {}",
            change_text(f, c.metric, l),
            if h.is_finite() {
                change_text(f, c.metric, h)
            } else {
                "∞".into()
            }
        ),
        _ => "—".into(),
    }
}

fn verdict_word(c: &Change) -> &'static str {
    if c.season_explains {
        return "the season explains it";
    }
    match (c.verdict, c.metric) {
        (Some(Verdict::Up), Metric::NoShowRate) => "clearly up (worse)",
        (Some(Verdict::Down), Metric::NoShowRate) => "clearly down (better)",
        (Some(Verdict::Up), _) => "clearly up",
        (Some(Verdict::Down), _) => "clearly down",
        (Some(Verdict::Unclear), _) => "could be chance",
        (None, _) => "—",
    }
}

fn metric_label(metric: Metric) -> &'static str {
    match metric {
        Metric::Leads => "Leads per month",
        Metric::Conversion => "Conversion",
        Metric::NoShowRate => "No-show rate",
        Metric::AverageCheck => "Average check",
        Metric::Revenue => "Revenue per month",
    }
}

/// One reason in a sentence.
fn reason_text(f: &Fmt<'_>, r: &Reason) -> String {
    let l = f.lang;
    let change = |c: &Change| {
        l.fill(
            "{} {} (from {} to {})",
            &[
                &l.tr(metric_label(c.metric)),
                &c.change.map_or("—".into(), |x| change_text(f, c.metric, x)),
                &c.low.map_or("—".into(), |x| change_text(f, c.metric, x)),
                &c.high.map_or("∞".into(), |x| {
                    if x.is_finite() {
                        change_text(f, c.metric, x)
                    } else {
                        "∞".into()
                    }
                }),
            ],
        )
    };
    match r {
        Reason::Better(c) => l.fill("{}: a real improvement, not chance.", &[&change(c)]),
        Reason::Worse(c) => l.fill("{}: a real change for the worse.", &[&change(c)]),
        Reason::Unclear(c) => l.fill("{}: could be chance — the interval holds no change.", &[&change(c)]),
        Reason::Season(c) => l.fill(
            "The season explains the rise: against the same months a year earlier the leads changed {}.",
            &[&c.seasonal.map_or("—".into(), |s| change_text(f, Metric::Leads, s.point - 1.0))],
        ),
        Reason::Cannibalisation(c) => l.fill(
            "Other channels' leads changed {} while the assistant's appeared: it may be relabelling leads that would have come anyway, so the total is the honest measure.",
            &[&c.change.map_or("—".into(), |x| change_text(f, Metric::Leads, x))],
        ),
        Reason::RealisedRoi(d) => l.fill("ROI to date on the measured revenue and the plan's costs: {}.", &[&f.percent(*d, Sign::Plain)]),
        Reason::ProjectedRoi(d) => l.fill("ROI over the plan's horizon if the pilot's clear changes hold: {}.", &[&f.percent(*d, Sign::Plain)]),
        Reason::NoCosts => l.tr("Whether it pays was not checked: give the plan with --scenario.").into(),
        Reason::PlanDiffers => l.tr("The plan was built on other baseline figures than the data shows (see below).").into(),
    }
}

/// The decision's headline and its reasons, one sentence each.
pub fn reason_lines(p: &Pilot, f: &Fmt<'_>) -> (String, Vec<String>) {
    let l = f.lang;
    let d = &p.decision;
    let headline = match d.kind {
        Kind::Scale => l
            .tr("Decision: SCALE — the pilot shows a real rise.")
            .to_string(),
        Kind::Stop => l
            .tr("Decision: STOP — the pilot does not pay its way.")
            .to_string(),
        Kind::Extend => match d.extra_months {
            Some(n) => l.fill(
                "Decision: EXTEND — nothing is clear yet; keep the pilot going {} more.",
                &[&l.months(n)],
            ),
            None => l
                .tr("Decision: EXTEND — nothing is clear yet, and at these volumes even a long pilot may not settle it: measure a longer baseline.")
                .to_string(),
        },
        Kind::Plan => String::new(),
    };
    (
        headline,
        d.reasons.iter().map(|r| reason_text(f, r)).collect(),
    )
}

/// Headings of the table of changes (catalogue keys); `Metric` reads `Channel`
/// in the table by channel.
pub const CHANGE_HEADER: [&str; 6] = [
    "Metric",
    "Before",
    "Pilot",
    "Change",
    "95% interval",
    "Verdict",
];

/// Headings of the plan's months (catalogue keys).
pub const PLAN_HEADER: [&str; 7] = [
    "Month",
    "Leads: plan",
    "actual",
    "Revenue: plan",
    "actual",
    "ROI to date: plan",
    "actual",
];

/// One change as a row: label, before, pilot, change, interval, verdict.
fn change_row(f: &Fmt<'_>, c: &Change, label: String) -> Vec<String> {
    let l = f.lang;
    vec![
        label,
        level(f, c.metric, c.baseline),
        level(f, c.metric, c.pilot),
        c.change.map_or("—".into(), |x| change_text(f, c.metric, x)),
        interval(f, c),
        match c.why {
            Some(w) if c.change.is_none() => l.tr(w.text()).to_string(),
            _ => l.tr(verdict_word(c)).to_string(),
        },
    ]
}

/// The metrics of one channel as rows.
pub fn metric_rows(p: &Pilot, f: &Fmt<'_>, channel: Channel) -> Vec<Vec<String>> {
    p.metrics
        .iter()
        .filter(|c| c.channel == channel)
        .map(|c| change_row(f, c, f.lang.tr(metric_label(c.metric)).to_string()))
        .collect()
}

/// Leads of every channel as rows.
fn channel_rows(p: &Pilot, f: &Fmt<'_>) -> Vec<Vec<String>> {
    p.metrics
        .iter()
        .filter(|c| c.metric == Metric::Leads)
        .map(|c| {
            change_row(
                f,
                c,
                f.lang
                    .tr(super::measure::channel_word(c.channel))
                    .to_string(),
            )
        })
        .collect()
}

/// Headings in the reader's language.
pub fn headings(keys: &[&'static str], lang: crate::i18n::Lang) -> Vec<String> {
    keys.iter().map(|h| lang.tr(h).to_string()).collect()
}

/// The plan's months as rows: month, leads planned and actual, revenue planned
/// and actual, ROI to date planned and actual.
pub fn plan_rows(plan: &crate::evidence::pilot::PlanReport, f: &Fmt<'_>) -> Vec<Vec<String>> {
    let roi = |r: Option<Decimal>| r.map_or("—".into(), |r| f.percent(r, Sign::Plain));
    plan.months
        .iter()
        .map(|m| {
            vec![
                m.month.to_string(),
                f.count(m.planned[0], Sign::Plain),
                m.actual[0].map_or("—".into(), |x| f.count(x, Sign::Plain)),
                f.money(m.planned[4].round_dp(0), Sign::Plain),
                m.actual[4].map_or("—".into(), |x| f.money(x.round_dp(0), Sign::Plain)),
                roi(m.planned_to_date.roi),
                m.actual_to_date.map_or("—".into(), |t| roi(t.roi)),
            ]
        })
        .collect()
}

/// One sentence per baseline metric the plan has more than 10% off the data.
pub fn differs_lines(plan: &crate::evidence::pilot::PlanReport, f: &Fmt<'_>) -> Vec<String> {
    let l = f.lang;
    plan.differs
        .iter()
        .map(|(name, planned, measured)| {
            let show = |d: &Decimal| match *name {
                "conversion" | "no_show_rate" => f.percent(*d, Sign::Plain),
                "average_check" => f.money(*d, Sign::Plain),
                _ => f.number(*d, 1),
            };
            let label = match *name {
                "leads" => metric_label(Metric::Leads),
                "conversion" => metric_label(Metric::Conversion),
                "no_show_rate" => metric_label(Metric::NoShowRate),
                _ => metric_label(Metric::AverageCheck),
            };
            l.fill(
                "The plan's baseline «{}» is {}, the data's {}: more than 10% apart, so the plan was built on other numbers.",
                &[&l.tr(label), &show(planned), &show(measured)],
            )
        })
        .collect()
}

/// The table for people.
pub fn table(p: &Pilot, f: &Fmt<'_>, width: usize) -> String {
    let l = f.lang;
    let mut out = String::new();
    let mut say = |text: String| {
        // A bullet's continuation lines line up under its text.
        let indent = if text.starts_with("  •") {
            "    "
        } else {
            "  "
        };
        out.push_str(&wrap(&text, width, indent));
        out.push('\n');
    };
    match p.pilot {
        Some(pilot) => say(l.fill(
            "Pilot {} ({}) against the baseline {} ({})",
            &[
                &pilot,
                &l.months(pilot.months()),
                &p.baseline,
                &l.months(p.baseline.months()),
            ],
        )),
        None => say(l.fill(
            "Planning a pilot against the baseline {} ({})",
            &[&p.baseline, &l.months(p.baseline.months())],
        )),
    }
    say(String::new());
    let (headline, lines) = reason_lines(p, f);
    if !headline.is_empty() {
        say(headline);
        for line in lines {
            say(format!("  • {line}"));
        }
        say(String::new());
    }
    if p.pilot.is_some() {
        say(l.tr("What changed (all leads)").to_string());
        let mut g = Grid::new(headings(&CHANGE_HEADER, l), 1);
        for row in metric_rows(p, f, Channel::All) {
            g.row(row);
        }
        out.push_str(&g.draw(width));
        out.push('\n');
        if p.metrics.iter().any(|c| c.channel != Channel::All) {
            out.push('\n');
            out.push_str(l.tr("Leads per month by channel"));
            out.push('\n');
            let mut header = headings(&CHANGE_HEADER, l);
            header[0] = l.tr("Channel").to_string();
            let mut g = Grid::new(header, 1);
            for row in channel_rows(p, f) {
                g.row(row);
            }
            out.push_str(&g.draw(width));
            out.push('\n');
        }
        out.push('\n');
    }
    let mut say = |text: String| {
        out.push_str(&wrap(&text, width, ""));
        out.push('\n');
    };
    if p.pilot.is_some() {
        let seasonal = p.find(Metric::Leads, Channel::All).and_then(|c| c.seasonal);
        say(if let Some(s) = seasonal {
            l.fill(
                "Seasonality: against the same months a year earlier, the leads changed {} (from {} to {}) beyond what the season brings.",
                &[
                    &change_text(f, Metric::Leads, s.point - 1.0),
                    &change_text(f, Metric::Leads, s.low - 1.0),
                    &change_text(f, Metric::Leads, s.high - 1.0),
                ],
            )
        } else {
            l.tr("Seasonality was not checked: the data has no record of the same months a year earlier. A pilot in a busy month (8 March, December) can look like a rise that is only the season.").to_string()
        });
    }
    say(if p.dispersion.known {
        l.fill(
            "Month-to-month variation of the baseline's leads: φ = {} ({}).",
            &[
                &f.number(Decimal::from_f64(p.dispersion.phi).unwrap_or_default(), 2),
                &l.tr(if p.dispersion.phi > 1.0 {
                    "the months vary more than chance alone would make them; the intervals are widened for it"
                } else {
                    "within what chance alone gives"
                }),
            ],
        )
    } else {
        l.tr("Month-to-month variation is unknown with one baseline month; the intervals assume none beyond chance.").to_string()
    });
    if let Some(a) = p.attribution {
        say(l.fill(
            "The assistant's own records over the pilot's {}: {} leads, {} bookings, {} visits, {} revenue.",
            &[
                &l.months(p.pilot.map_or(0, |x| x.months())),
                &a.leads.map_or("—".into(), |x| x.to_string()),
                &a.bookings.map_or("—".into(), |x| x.to_string()),
                &a.visits.map_or("—".into(), |x| x.to_string()),
                &a.revenue.map_or("—".into(), |x| f.money(x.round_dp(0), Sign::Plain)),
            ],
        ));
    }
    let shown: Vec<String> = p
        .detectable
        .iter()
        .filter_map(|d| {
            let u = Decimal::from_f64(d.leads_uplift?)?;
            Some(l.fill(
                "{}: {}",
                &[&l.months(d.months), &f.percent(u, Sign::Explicit)],
            ))
        })
        .collect();
    if !shown.is_empty() {
        say(l.fill(
            "The smallest rise in leads a pilot can tell from chance (80% of the time): {}.",
            &[&shown.join(", ")],
        ));
    }
    let (want, need) = p.expect;
    let want_text = f.percent(Decimal::from_f64(want).unwrap_or_default(), Sign::Explicit);
    say(match (need, p.baseline_leads) {
        (Some(n), Some(m)) => l.fill(
            "With {} leads a month on average, a {} rise needs a pilot of {} to be seen.",
            &[&f.number(Decimal::from_f64(m).unwrap_or_default(), 1), &want_text, &l.months(n)],
        ),
        _ => l.fill("A {} rise cannot be told from chance within three years at this baseline; measure a longer baseline.", &[&want_text]),
    });
    if let Some(plan) = &p.plan {
        out.push('\n');
        out.push_str(&l.fill("Against the plan «{}»", &[&plan.name]));
        out.push('\n');
        let header = headings(&PLAN_HEADER, l);
        let mut g = Grid::new(header, 1);
        for row in plan_rows(plan, f) {
            g.row(row);
        }
        out.push_str(&g.draw(width));
        out.push('\n');
        for line in differs_lines(plan, f) {
            out.push_str(&wrap(&line, width, ""));
            out.push('\n');
        }
    }
    out
}

/// `--format xlsx`: the changes as numbers (a row per metric and channel),
/// the decision, and the plan's months.
pub fn xlsx(p: &Pilot, f: &Fmt<'_>) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use super::xlsx::{Book, Value as Cell};
    let l = f.lang;
    let mut book = Book::new(l, f.currency);
    let mut sheet = book.sheet(l.tr("Pilot"))?;
    let (headline, lines) = reason_lines(p, f);
    sheet.title(&headline)?;
    for line in lines {
        sheet.note(&line)?;
    }
    sheet.blank();
    let header: Vec<&str> = [
        "Metric", "Channel", "Before", "Pilot", "Change", "Low", "High", "p-value", "Verdict",
    ]
    .iter()
    .map(|h| l.tr(h))
    .collect();
    sheet.header(&header, 2)?;
    let dec = |x: Option<f64>| x.filter(|v| v.is_finite()).and_then(Decimal::from_f64);
    for c in &p.metrics {
        // Leads, the check and revenue change by a share; the two rates by points.
        let change = |x: Option<f64>| match (dec(x), c.metric) {
            (None, _) => Cell::Empty,
            (Some(d), Metric::Conversion | Metric::NoShowRate) => Cell::Points(d),
            (Some(d), _) => Cell::Change(d),
        };
        let level = match c.metric {
            Metric::Leads => |d: Decimal| Cell::Count(d),
            Metric::Conversion | Metric::NoShowRate => |d: Decimal| Cell::Ratio(d),
            Metric::AverageCheck | Metric::Revenue => |d: Decimal| Cell::Money(d),
        };
        sheet.row(&[
            Cell::text(l.tr(metric_label(c.metric))),
            Cell::text(l.tr(super::measure::channel_word(c.channel))),
            dec(c.baseline).map_or(Cell::Empty, level),
            dec(c.pilot).map_or(Cell::Empty, level),
            change(c.change),
            change(c.low),
            change(c.high),
            dec(c.p_value).map_or(Cell::Empty, Cell::Count),
            Cell::text(match c.why {
                Some(w) if c.change.is_none() => l.tr(w.text()),
                _ => l.tr(verdict_word(c)),
            }),
        ])?;
    }
    book.add(sheet)?;
    if let Some(plan) = &p.plan {
        let mut sheet = book.sheet(l.tr("Plan"))?;
        let header: Vec<&str> = PLAN_HEADER.iter().map(|h| l.tr(h)).collect();
        sheet.header(&header, 1)?;
        for m in &plan.months {
            sheet.row(&[
                Cell::text(m.month.to_string()),
                Cell::Count(m.planned[0]),
                m.actual[0].map_or(Cell::Empty, Cell::Count),
                Cell::Money(m.planned[4]),
                m.actual[4].map_or(Cell::Empty, Cell::Money),
                Cell::ratio(m.planned_to_date.roi),
                Cell::ratio(m.actual_to_date.and_then(|t| t.roi)),
            ])?;
        }
        book.add(sheet)?;
    }
    book.bytes()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn json_numbers_round_to_eight_places_and_infinity_is_null() {
        assert_eq!(num(Some(0.123456789)), json!(0.12345679));
        assert_eq!(num(Some(f64::INFINITY)), Value::Null);
        assert_eq!(num(None), Value::Null);
    }

    #[test]
    fn changes_read_in_their_units() {
        let f = Fmt {
            lang: Lang::En,
            currency: "RUB",
        };
        assert_eq!(change_text(&f, Metric::Leads, 0.312), "+31.2%");
        assert_eq!(change_text(&f, Metric::Conversion, -0.045), "-4.5 pp");
    }
}
