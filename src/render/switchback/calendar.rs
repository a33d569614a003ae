//! The schedule as a calendar the administrator keeps by the phone: a row
//! a week, the on days marked so they cannot be missed, the washout days
//! starred; then what the design balances and, sized by an export, what
//! it can see.

use crate::evidence::switchback::{Power, Schedule, Unit};
use crate::format::{Fmt, Sign};
use crate::i18n::Lang;
use chrono::{Datelike, Weekday};
use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive;
use std::fmt::Write;

/// A weekday's short name.
pub(super) fn weekday(w: Weekday, l: Lang) -> &'static str {
    let (en, ru) = match w {
        Weekday::Mon => ("Mon", "Пн"),
        Weekday::Tue => ("Tue", "Вт"),
        Weekday::Wed => ("Wed", "Ср"),
        Weekday::Thu => ("Thu", "Чт"),
        Weekday::Fri => ("Fri", "Пт"),
        Weekday::Sat => ("Sat", "Сб"),
        Weekday::Sun => ("Sun", "Вс"),
    };
    if l == Lang::Ru { ru } else { en }
}

/// Width of a day's cell.
const CELL: usize = 9;

fn pad(text: &str, width: usize) -> String {
    let n = text.chars().count();
    format!("{text}{}", " ".repeat(width.saturating_sub(n)))
}

/// The calendar, its legend, and the power when sized by an export.
pub fn calendar(s: &Schedule, power: Option<&Power>, l: Lang) -> String {
    let mut out = String::new();
    let (on, off) = s.counts();
    let last = s.days.last().map_or(s.plan.start, |d| d.date);
    let by = match s.plan.unit {
        Unit::Day => l.tr("by days"),
        Unit::Week => l.tr("by weeks"),
    };
    let _ = writeln!(
        out,
        "{}",
        l.fill(
            "Switchback pilot {}: {} to {}, {} days ({} on, {} off), {} blocks of two weeks",
            &[
                &by,
                &s.plan.start,
                &last,
                &s.days.len(),
                &on,
                &off,
                &s.plan.blocks()
            ],
        )
    );
    let _ = writeln!(out);
    let mut header = pad("", 12);
    for d in s.days.iter().take(7) {
        header.push_str(&pad(weekday(d.date.weekday(), l), CELL));
    }
    let _ = writeln!(out, "{}", header.trim_end());
    for week in s.days.chunks(7) {
        let mut row = pad(&week[0].date.format("%Y-%m-%d").to_string(), 12);
        for d in week {
            let mark = match (d.on, d.washout) {
                (true, false) => l.tr("■ ON"),
                (true, true) => l.tr("■ ON*"),
                (false, false) => l.tr("  off"),
                (false, true) => l.tr("  off*"),
            };
            row.push_str(&pad(&format!("{:>2}{mark}", d.date.day()), CELL));
        }
        let _ = writeln!(out, "{}", row.trim_end());
    }
    let _ = writeln!(out);
    for line in legend(s, l) {
        let _ = writeln!(out, "{line}");
    }
    if let Some(p) = power {
        let _ = writeln!(out);
        for line in power_lines(s, p, l) {
            let _ = writeln!(out, "{line}");
        }
    } else if s.min_p() > 0.05 {
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", cannot_reach(s, l));
    }
    out
}

fn legend(s: &Schedule, l: Lang) -> Vec<String> {
    let mut out = vec![
        l.tr("■ ON: the assistant answers clients. off: pause it; the administrator answers as before the assistant.").to_string(),
    ];
    if s.days.iter().any(|d| d.washout) {
        out.push(l.fill(
            "*: the first {} day(s) after a switch are left out of the analysis (late replies to the day before's leads); keep to the schedule on them all the same.",
            &[&s.plan.washout],
        ));
    }
    out.push(match s.plan.unit {
        Unit::Day => l.tr("Each weekday is on once and off once in every two weeks, so a busy Saturday counts for both sides alike.").to_string(),
        Unit::Week => l.tr("Each pair of weeks holds one on week and one off week, so the season and a trend fall on both sides alike.").to_string(),
    });
    out.push(l.fill(
        "Seed {}: the schedule file records it, so the analysis can rebuild every schedule this design could have drawn. Do not edit the file.",
        &[&s.plan.seed],
    ));
    out
}

fn cannot_reach(s: &Schedule, l: Lang) -> String {
    let pairs = s.plan.pairs().len();
    l.fill(
        "This design cannot show a clear change: its {} possible schedules give no p-value below {}. Run 12 weeks or more, or switch by days.",
        &[&(1u64 << pairs.min(63)), &format!("{:.3}", s.min_p())],
    )
}

fn power_lines(s: &Schedule, p: &Power, l: Lang) -> Vec<String> {
    let f = Fmt {
        lang: l,
        currency: "RUB",
    };
    let pct = |x: f64| Decimal::from_f64(x).map_or("—".into(), |d| f.percent(d, Sign::Explicit));
    let plain = |x: f64| Decimal::from_f64(x).map_or("—".into(), |d| f.percent(d, Sign::Plain));
    let num = |x: f64, dp: u32| Decimal::from_f64(x).map_or("—".into(), |d| f.number(d, dp));
    let mut out = vec![l.fill(
        "Sized by {}: {} leads a day; the same weekday a week apart varies {} times as much as chance alone.",
        &[&p.baseline, &num(p.per_day, 1), &num(p.phi, 2)],
    )];
    match p.detectable {
        Some(d) => out.push(l.fill(
            "This schedule counts {} days and sees a rise in leads of {} or more at 80% power.",
            &[&p.used_days, &pct(d)],
        )),
        None => out.push(cannot_reach(s, l)),
    }
    if let Some((u, power, needed)) = p.expect {
        let unit = match s.plan.unit {
            Unit::Day => l.tr("days"),
            Unit::Week => l.tr("weeks"),
        };
        out.push(match needed {
            Some(n) => l.fill(
                "With {} expected: this schedule's power is {}; {} {} give 80%.",
                &[&pct(u), &plain(power), &n, &unit],
            ),
            None => l.fill(
                "With {} expected: this schedule's power is {}; no schedule of this kind reaches 80%.",
                &[&pct(u), &plain(power)],
            ),
        });
    }
    out
}
