//! `roi pilot --schedule … -o pilot.html`: a switchback's verdict as a page —
//! what was counted, the decision and its reasons, how the test was made,
//! what changed on the on days with the range explained, whether the
//! switch was followed, the odds of paying, and the schedule's calendar
//! with the on days marked. Printable on A4; input text is escaped.

use super::calendar::weekday;
use super::judged::{HEADER, followed, rows, test_lines, title};
use crate::evidence::switchback::Switchback;
use crate::format::Fmt;
use crate::render::html::esc;
use crate::render::pilot::{RANGE_NOTE, headings};
use crate::render::pilot_html::{cells, decision, foot, head, note, odds_section};
use chrono::Datelike;
use std::fmt::Write;

/// The whole page.
pub fn page(sb: &Switchback, f: &Fmt<'_>) -> String {
    let l = f.lang;
    let (first, last) = sb.judged_dates();
    let mut out = head(&l.fill("Switchback pilot: {} — {}", &[&first, &last]), l);
    for line in title(sb, f) {
        let _ = writeln!(out, "<p class=\"sub\">{}</p>", esc(&line));
    }
    out.push_str(&decision(&sb.pilot, f));
    let _ = writeln!(
        out,
        "<section>\n<h2>{}</h2>\n<ul class=\"facts\">",
        esc(l.tr("How the test was made"))
    );
    for line in test_lines(sb, f) {
        let _ = writeln!(out, "<li>{}</li>", esc(&line));
    }
    let _ = writeln!(out, "</ul>\n</section>");
    let _ = writeln!(
        out,
        "<section>\n<h2>{}</h2>\n<table class=\"words\">\n<tr>",
        esc(l.tr("What changed on the on days"))
    );
    cells(&mut out, &headings(&HEADER, l), rows(sb, f), |i| {
        i > 0 && i < 5
    });
    let _ = writeln!(out, "</table>");
    note(&mut out, l.tr(RANGE_NOTE));
    for line in followed(sb, f).iter().filter(|x| !x.is_empty()) {
        let _ = writeln!(out, "<p>{}</p>", esc(line));
    }
    let _ = writeln!(out, "</section>");
    if let Some(o) = &sb.pilot.odds {
        out.push_str(&odds_section(o, f));
    }
    out.push_str(&calendar(sb, f));
    out.push_str(&foot());
    out
}

/// The schedule a week a row, the on days shaded and the washout days
/// starred, as the administrator's calendar shows them.
fn calendar(sb: &Switchback, f: &Fmt<'_>) -> String {
    let l = f.lang;
    let s = &sb.schedule;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<section>\n<h2>{}</h2>\n<table class=\"calendar\">\n<tr><th></th>",
        esc(l.tr("The schedule"))
    );
    for d in s.days.iter().take(7) {
        let _ = write!(out, "<th>{}</th>", weekday(d.date.weekday(), l));
    }
    let _ = writeln!(out, "</tr>");
    for week in s.days.chunks(7) {
        let _ = write!(out, "<tr><th>{}</th>", week[0].date.format("%Y-%m-%d"));
        for d in week {
            let mark = match (d.on, d.washout) {
                (true, false) => l.tr("■ ON"),
                (true, true) => l.tr("■ ON*"),
                (false, false) => l.tr("  off"),
                (false, true) => l.tr("  off*"),
            };
            let _ = write!(
                out,
                "<td{}>{} {}</td>",
                if d.on { " class=\"on\"" } else { "" },
                d.date.day(),
                esc(mark.trim())
            );
        }
        let _ = writeln!(out, "</tr>");
    }
    let _ = writeln!(out, "</table>");
    note(&mut out, l.tr("■ ON: the assistant answers clients. off: pause it; the administrator answers as before the assistant."));
    if s.days.iter().any(|d| d.washout) {
        note(
            &mut out,
            &l.fill(
                "*: the first {} day(s) after a switch are left out of the analysis (late replies to the day before's leads); keep to the schedule on them all the same.",
                &[&s.plan.washout],
            ),
        );
    }
    let _ = writeln!(out, "</section>");
    out
}
