//! Whether clients come back, as the pilot's table, page and JSON tell it:
//! the pilot's new clients by channel at 60 days, the existing clients'
//! visits before and during the pilot, and a chart of the return curves.

use super::num;
use crate::evidence::pilot::Verdict;
use crate::evidence::pilot::returns::{AGE, Cohort, Existing, NewClients, Returns};
use crate::evidence::stats::survival::Curve;
use crate::format::{Fmt, Sign};
use crate::i18n::Lang;
use crate::render::html::esc;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive;
use serde_json::{Value, json};
use std::fmt::Write;

/// The section's title (catalogue key).
pub const TITLE: &str = "Clients who come back";

fn cohort_json(c: &Cohort) -> Value {
    let at = c.at_age();
    json!({
        "clients": c.clients,
        "returned_so_far": c.returned_so_far,
        "returned": at.map(|a| num(Some(a.0))),
        "low": at.and_then(|a| a.1).map(|i| num(Some(i.0))),
        "high": at.and_then(|a| a.1).map(|i| num(Some(i.1))),
    })
}

fn existing_json(e: &Existing) -> Value {
    let months = |rows: &[(crate::evidence::measure::cell::Month, u64, u64)]| {
        rows.iter()
            .map(|(m, v, a)| json!({"month": m.to_string(), "visits": v, "active_clients": a}))
            .collect::<Vec<_>>()
    };
    json!({
        "baseline": months(&e.baseline),
        "pilot": months(&e.pilot),
        "ratio": e.ratio.as_ref().ok().map(|r| json!({
            "estimate": num(Some(r.estimate.point)),
            "low": num(Some(r.estimate.low)),
            "high": num(Some(r.estimate.high)),
            "p_value": num(Some(r.estimate.p_value)),
            "phi": num(Some(r.phi)),
        })),
    })
}

/// The JSON of `returns`: `null` without client columns, `{"error"}` when
/// they could not be followed.
pub fn json(r: Option<&Result<Returns, String>>) -> Value {
    match r {
        None => Value::Null,
        Some(Err(why)) => json!({ "error": why }),
        Some(Ok(r)) => {
            let n = &r.new_clients;
            json!({
                "end": r.end.to_string(),
                "age_days": AGE,
                "new_clients": {
                    "assistant": cohort_json(&n.assistant),
                    "other": cohort_json(&n.other),
                    "too_early": n.too_early(),
                    "ready": n.ready(r.end).map(|d| d.to_string()),
                    "difference": n.difference.map(|d| json!({
                        "estimate": num(Some(d.estimate)),
                        "low": num(Some(d.low)),
                        "high": num(Some(d.high)),
                        "verdict": n.verdict().map(Verdict::name),
                    })),
                },
                "existing": r.existing.as_ref().map(existing_json),
            })
        }
    }
}

fn share(f: &Fmt<'_>, x: f64, sign: Sign) -> String {
    Decimal::from_f64(x).map_or_else(|| "—".into(), |d| f.percent(d, sign))
}

fn points(f: &Fmt<'_>, x: f64) -> String {
    Decimal::from_f64(x).map_or_else(|| "—".into(), |d| f.points(d, Sign::Explicit))
}

/// An axis label: `50%` (`50 %`).
fn whole_percent(x: f64, l: Lang) -> String {
    match l {
        Lang::Ru => format!("{:.0}\u{a0}%", x * 100.0),
        Lang::En => format!("{:.0}%", x * 100.0),
    }
}

fn date(d: NaiveDate, l: Lang) -> String {
    match l {
        Lang::Ru => d.format("%d.%m.%Y").to_string(),
        Lang::En => d.to_string(),
    }
}

/// One channel's share back by 60 days with its range: `48.0% (35.2% … 61.0%)`.
fn at_age(f: &Fmt<'_>, c: &Cohort) -> String {
    match c.at_age() {
        Some((x, Some((lo, hi)))) => format!(
            "{} ({} … {})",
            share(f, x, Sign::Plain),
            share(f, lo, Sign::Plain),
            share(f, hi, Sign::Plain)
        ),
        Some((x, None)) => share(f, x, Sign::Plain),
        None => "—".into(),
    }
}

fn new_clients_line(f: &Fmt<'_>, n: &NewClients, end: NaiveDate) -> String {
    let l = f.lang;
    let count = |x: u64| f.count(Decimal::from(x), Sign::Plain);
    let counts = l.fill(
        "New clients of the pilot (first visit in it): the assistant's {} ({} back so far), the other channels' {} ({} back so far).",
        &[
            &count(n.assistant.clients),
            &count(n.assistant.returned_so_far),
            &count(n.other.clients),
            &count(n.other.returned_so_far),
        ],
    );
    let Some(d) = n.difference else {
        let when = n.ready(end).map_or_else(
            || l.tr("once both channels have new clients").to_string(),
            |d| l.fill("after {}", &[&date(d, l)]),
        );
        return format!(
            "{counts} {}",
            l.fill(
                "Too early to compare them: clients come back within weeks, and no client of one channel has been followed 60 days yet; look again {}.",
                &[&when],
            )
        );
    };
    let verdict = match n.verdict() {
        Some(Verdict::Up) => "the assistant's clients come back clearly more often",
        Some(Verdict::Down) => "the assistant's clients come back clearly less often",
        _ => "could be chance",
    };
    format!(
        "{counts} {}",
        l.fill(
            "Back within 60 days of the first visit (Kaplan–Meier: a client not back yet counts only for the days the export has followed her): the assistant's {}, the other channels' {}; the difference {} (range 95%: {} … {}) — {}.",
            &[
                &at_age(f, &n.assistant),
                &at_age(f, &n.other),
                &points(f, d.estimate),
                &points(f, d.low),
                &points(f, d.high),
                &l.tr(verdict),
            ],
        )
    )
}

fn existing_line(f: &Fmt<'_>, e: Option<&Existing>) -> String {
    let l = f.lang;
    let Some(e) = e else {
        return l
            .tr("Existing clients' returns are not compared: the export must start half a year before the baseline.")
            .to_string();
    };
    let rate = |rows: &[(crate::evidence::measure::cell::Month, u64, u64)]| {
        let (v, a) = rows.iter().fold((0, 0), |(v, a), r| (v + r.1, a + r.2));
        let x = if a > 0 { v as f64 / a as f64 } else { f64::NAN };
        Decimal::from_f64(x).map_or_else(|| "—".into(), |d| f.number(d, 2))
    };
    let Ok(r) = &e.ratio else {
        return l
            .tr("Existing clients' returns are not compared: too few months with active clients.")
            .to_string();
    };
    let (p, lo, hi) = (r.estimate.point, r.estimate.low, r.estimate.high);
    let verdict = match Verdict::of(lo - 1.0, hi - 1.0) {
        Verdict::Up => "clearly more",
        Verdict::Down => "clearly fewer",
        Verdict::Unclear => "could be chance",
    };
    l.fill(
        "Existing clients (a visit in the half year before the month) came {} times a month each in the baseline and {} in the pilot: {} (range 95%: {} … {}) — {}. Not adjusted for the season; the assistant's reminders are one possible cause.",
        &[
            &rate(&e.baseline),
            &rate(&e.pilot),
            &share(f, p - 1.0, Sign::Explicit),
            &share(f, lo - 1.0, Sign::Explicit),
            &share(f, hi - 1.0, Sign::Explicit),
            &l.tr(verdict),
        ],
    )
}

/// The section's sentences: the new clients, then the existing ones; or why
/// the clients could not be followed.
pub fn lines(f: &Fmt<'_>, r: &Result<Returns, String>) -> Vec<String> {
    match r {
        Err(why) => vec![f.lang.fill("Clients' returns: {}.", &[why])],
        Ok(r) => vec![
            new_clients_line(f, &r.new_clients, r.end),
            existing_line(f, r.existing.as_ref()),
        ],
    }
}

/// The two channels' return curves of the pilot's new clients, as steps up
/// to the longest follow-up (at most 180 days); `None` with no curve.
pub fn chart(f: &Fmt<'_>, n: &NewClients) -> Option<String> {
    let days = n
        .assistant
        .curve
        .follow_up()
        .into_iter()
        .chain(n.other.curve.follow_up())
        .max()?
        .clamp(AGE, 180);
    let (left, top, width, height) = (56.0, 12.0, 600.0, 180.0);
    let x = |d: u32| left + f64::from(d) / f64::from(days) * width;
    let y = |s: f64| top + (1.0 - s) * height;
    let l = f.lang;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 720 262\" role=\"img\" aria-label=\"{}\">\n",
        esc(l.tr(TITLE))
    );
    for tick in [0.0, 0.25, 0.5, 0.75, 1.0] {
        let _ = writeln!(
            svg,
            "<line x1=\"{left}\" y1=\"{0:.1}\" x2=\"{1:.1}\" y2=\"{0:.1}\" stroke=\"#dde1e8\"/><text x=\"{2:.1}\" y=\"{3:.1}\" font-size=\"11\" text-anchor=\"end\" fill=\"#5b6475\">{4}</text>",
            y(tick),
            left + width,
            left - 6.0,
            y(tick) + 4.0,
            esc(&whole_percent(tick, l))
        );
    }
    for d in (0..=days).step_by(30) {
        let _ = writeln!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#5b6475\">{d}</text>",
            x(d),
            top + height + 16.0
        );
    }
    let _ = writeln!(
        svg,
        "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"end\" fill=\"#5b6475\">{}</text>",
        left + width,
        top + height + 30.0,
        esc(l.tr("days since the first visit"))
    );
    let _ = writeln!(
        svg,
        "<line x1=\"{0:.1}\" y1=\"{top}\" x2=\"{0:.1}\" y2=\"{1:.1}\" stroke=\"#c0392b\" stroke-dasharray=\"4 3\"/>",
        x(AGE),
        top + height
    );
    let series = [
        (&n.assistant.curve, "#2e5aa0", "the assistant's new clients"),
        (&n.other.curve, "#8a94a6", "the other channels' new clients"),
    ];
    for (i, (curve, colour, label)) in series.iter().enumerate() {
        if let Some(points) = steps(curve, days) {
            let path: Vec<String> = points
                .iter()
                .map(|&(d, r)| format!("{:.1},{:.1}", x(d), y(r)))
                .collect();
            let _ = writeln!(
                svg,
                "<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\" points=\"{}\"/>",
                path.join(" ")
            );
        }
        let ly = top + height + 50.0;
        let lx = left + 300.0 * i as f64;
        let _ = writeln!(
            svg,
            "<line x1=\"{lx:.1}\" y1=\"{0:.1}\" x2=\"{1:.1}\" y2=\"{0:.1}\" stroke=\"{colour}\" stroke-width=\"3\"/><text x=\"{2:.1}\" y=\"{3:.1}\" font-size=\"12\" fill=\"#1d2330\">{4}</text>",
            ly,
            lx + 24.0,
            lx + 30.0,
            ly + 4.0,
            esc(l.tr(label))
        );
    }
    svg.push_str("</svg>\n");
    Some(svg)
}

/// A curve's share back as steps from day 0 to its follow-up (at most `days`).
fn steps(curve: &Curve, days: u32) -> Option<Vec<(u32, f64)>> {
    let last = curve.follow_up()?.min(days);
    let mut points = vec![(0, 0.0)];
    let mut back = 0.0;
    for s in curve.steps().iter().take_while(|s| s.day <= last) {
        let now = 1.0 - s.survival;
        if now != back {
            points.push((s.day, back));
            points.push((s.day, now));
            back = now;
        }
    }
    points.push((last, back));
    Some(points)
}
