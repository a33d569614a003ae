//! The schedule as iCalendar (RFC 5545): one all-day event for each run of
//! days with the assistant on or off, to import into the salon's calendar.
//! Written by hand: the format is a few lines per event, and a crate would
//! bring more than it saves; text is escaped (§3.3.11) and lines folded at
//! 75 octets (§3.1), with CRLF endings.

use crate::evidence::switchback::Schedule;
use crate::i18n::Lang;
use chrono::{Days, NaiveDate};

/// A property line escaped and folded: continuation lines start with a space.
fn line(out: &mut String, name: &str, value: &str) {
    let text = format!("{name}:{value}");
    let mut octets = 0;
    for c in text.chars() {
        let n = c.len_utf8();
        // 75 octets a line; a continuation's leading space is one of them.
        if octets + n > 75 {
            out.push_str("\r\n ");
            octets = 1;
        }
        out.push(c);
        octets += n;
    }
    out.push_str("\r\n");
}

/// TEXT escaped as §3.3.11 asks: backslash, semicolon, comma, newline.
pub fn escape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

fn date(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

/// The calendar: runs of on and off days as all-day events (DTEND is the
/// day after the last, as all-day events count it). DTSTAMP is the
/// schedule's first day, so the same schedule writes the same file.
pub fn ics(s: &Schedule, lang: Lang) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN", "VCALENDAR");
    line(&mut out, "VERSION", "2.0");
    line(&mut out, "PRODID", "-//roi//switchback pilot//EN");
    line(&mut out, "CALSCALE", "GREGORIAN");
    let mut i = 0;
    while let Some(first) = s.days.get(i) {
        let run = s.days[i..]
            .iter()
            .take_while(|d| d.on == first.on)
            .count()
            .max(1);
        let last = s.days[i + run - 1].date;
        let end = last.checked_add_days(Days::new(1)).unwrap_or(last);
        let summary = if first.on {
            lang.tr("AI assistant ON")
        } else {
            lang.tr("AI assistant OFF")
        };
        let what = if first.on {
            lang.tr("The assistant answers clients. Do not switch it off.")
        } else {
            lang.tr(
                "Pause the assistant: the administrator answers clients, as before the assistant.",
            )
        };
        let washout = s.days[i..i + run].iter().filter(|d| d.washout).count();
        let note = if washout > 0 {
            lang.fill(
                "{}\nThe first {} day(s) after the switch are not counted (late replies to the day before's leads), but keep to the schedule.",
                &[&what, &washout],
            )
        } else {
            what.to_string()
        };
        line(&mut out, "BEGIN", "VEVENT");
        line(
            &mut out,
            "UID",
            &format!("{}-{}@roi-switchback", date(first.date), s.plan.seed),
        );
        line(
            &mut out,
            "DTSTAMP",
            &format!("{}T000000Z", date(s.plan.start)),
        );
        line(&mut out, "DTSTART;VALUE=DATE", &date(first.date));
        line(&mut out, "DTEND;VALUE=DATE", &date(end));
        line(&mut out, "SUMMARY", &escape(summary));
        line(&mut out, "DESCRIPTION", &escape(&note));
        line(&mut out, "TRANSP", "TRANSPARENT");
        line(&mut out, "END", "VEVENT");
        i += run;
    }
    line(&mut out, "END", "VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::switchback::{Plan, Unit};

    #[test]
    fn text_is_escaped_and_lines_folded_at_75_octets() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        let mut out = String::new();
        line(&mut out, "DESCRIPTION", &"ИИ-ассистент ".repeat(10));
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        // Unfolding (removing CRLF + space) gives the line back.
        assert_eq!(
            out.replace("\r\n ", ""),
            format!("DESCRIPTION:{}\r\n", "ИИ-ассистент ".repeat(10))
        );
    }

    #[test]
    fn runs_of_days_become_all_day_events() {
        let plan = Plan {
            unit: Unit::Week,
            start: NaiveDate::from_ymd_opt(2026, 1, 12).unwrap(),
            units: 4,
            washout: 1,
            seed: 7,
        };
        let s = plan.draw().unwrap();
        let text = ics(&s, Lang::Ru);
        assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        let events = text.matches("BEGIN:VEVENT").count();
        let runs = 1 + s.days.windows(2).filter(|w| w[0].on != w[1].on).count();
        assert_eq!(events, runs);
        assert!(
            text.contains("SUMMARY:ИИ-ассистент включён")
                || text.contains("SUMMARY:ИИ-ассистент выключен")
        );
        assert!(text.contains("DTSTART;VALUE=DATE:20260112\r\n"));
        assert!(text.contains("DTEND;VALUE=DATE:20260209\r\n"));
    }
}
