//! The notes under the measured table: what a reader must know to trust it.

use super::outcome_word;
use crate::evidence::measure::funnel::Coverage;
use crate::evidence::measure::records::{How, StatusUse};
use crate::evidence::measure::table::Encoding;
use crate::evidence::measure::{FileInfo, Measured};
use crate::i18n::Lang;

/// The longest status text kept on one line when the note wraps.
const GLUED_STATUS: usize = 30;

/// Statuses named in the table's note; the rest are in the JSON.
const SHOWN_STATUSES: usize = 12;

/// What a reader must know to trust the table: the files, how statuses were
/// counted, what could not be measured and why, and months with no records.
pub fn notes(m: &Measured, l: Lang) -> Vec<String> {
    let mut notes: Vec<String> = m.files.iter().map(|file| file_note(file, l)).collect();
    for file in m.files.iter().filter(|f| !f.unused.is_empty()) {
        let names: Vec<String> = file
            .unused
            .iter()
            .map(|h| format!("«{}»", crate::input::clip(h)))
            .collect();
        notes.push(l.fill(
            "Not read from {}: {} (name a column in a mapping file if it holds a total, like [columns] ai_leads = \"…\").",
            &[&file.path, &names.join(", ")],
        ));
    }
    if !m.statuses.is_empty() {
        notes.push(statuses_note(&m.statuses, l));
    }
    notes.extend(unmeasured_notes(m.funnel.coverage, l));
    if m.quality.unpriced_visits > 0 {
        notes.push(l.fill(
            "{} visits have no amount: revenue and the average check count only the priced ones.",
            &[&m.quality.unpriced_visits],
        ));
    }
    for s in &m.quality.unreadable_amounts {
        let examples: Vec<String> = s
            .examples
            .iter()
            .map(|e| l.fill("{} row {}: «{}»", &[&e.file, &e.row, &e.value]))
            .collect();
        notes.push(l.fill(
            "Of them, {} have an amount that cannot be read ({}: {}); each still counts as a visit: {}.",
            &[&s.rows, &s.column, &l.tr(s.reason.describe()), &examples.join("; ")],
        ));
    }
    notes.extend(gaps_note(m, l));
    notes
}

/// One file as read: its kind, encoding and sheet, where its header was, how
/// many rows it had.
fn file_note(file: &FileInfo, l: Lang) -> String {
    let mut how = vec![file.kind.name().to_uppercase()];
    if let Some(e) = file.encoding {
        // The encoding's id is for scripts (JSON); people read its name.
        how.push(match e {
            Encoding::Utf8Bom => l.tr("UTF-8 with BOM").to_string(),
            _ => e.name().to_uppercase(),
        });
    }
    if let Some(s) = &file.sheet {
        how.push(l.fill("sheet «{}»", &[s]));
    }
    // JSON records have keys, not a header row; their rows are the records.
    if file.kind == crate::evidence::measure::table::Kind::Json {
        return l.fill(
            "Read {} ({}): {} records.",
            &[&file.path, &how.join(", "), &file.rows],
        );
    }
    l.fill(
        "Read {} ({}): header in row {}, {}.",
        &[
            &file.path,
            &how.join(", "),
            &file.header_row,
            &crate::format::rows(l, file.rows),
        ],
    )
}

/// Each status text and the outcome it was counted as, the first
/// [`SHOWN_STATUSES`] of them, so a miscounted stage shows at a glance.
fn statuses_note(statuses: &[StatusUse], l: Lang) -> String {
    let shown: Vec<String> = statuses
        .iter()
        .take(SHOWN_STATUSES)
        .map(|s| {
            let outcome = s.outcome.map_or("?", |o| l.tr(outcome_word(o)));
            let by = match s.how {
                Some(How::Group) => l.tr(" (by stage group)"),
                Some(How::Deleted) => l.tr(" (deleted)"),
                _ => "",
            };
            // A short status stays on one line: its spaces do not break.
            let text = match s.text.as_str() {
                "" => "—".to_string(),
                t if t.chars().count() <= GLUED_STATUS => t.replace(' ', "\u{a0}"),
                t => t.to_string(),
            };
            format!(
                "«{text}» → {outcome}{by}: {}",
                crate::format::rows(l, s.rows)
            )
        })
        .collect();
    let mut line = l.fill("Statuses: {}", &[&shown.join("; ")]);
    if statuses.len() > SHOWN_STATUSES {
        line.push_str(&l.fill(
            " and {} more (see --format json)",
            &[&(statuses.len() - SHOWN_STATUSES)],
        ));
    }
    line.push('.');
    line
}

/// The figures the data cannot give, each with the reason.
fn unmeasured_notes(c: Coverage, l: Lang) -> Vec<String> {
    let mut notes = Vec::new();
    if !c.leads {
        notes.push(
            l.tr("Leads and conversion: not in the data — a booking system's records are bookings; the leads live in the CRM or the chats.")
                .into(),
        );
    }
    if !c.no_shows {
        notes.push(
            l.tr("No-shows: not measured — no status means \"did not come\"; map one to no_show in a mapping file's [status] if the system keeps it.")
                .into(),
        );
    }
    if !c.visits {
        notes.push(
            l.tr("Visits, revenue and the check: not measured — no status means \"came\" (a lead export ends at the booking).")
                .into(),
        );
    } else if !c.revenue {
        notes.push(
            l.tr("Revenue and the check: not measured — the data has no amounts.")
                .into(),
        );
    }
    notes
}

/// Months inside the data's span with no record: often an export left out.
fn gaps_note(m: &Measured, l: Lang) -> Option<String> {
    let (a, b) = m.funnel.span()?;
    let gaps = m.funnel.missing(a, b);
    if gaps.is_empty() {
        return None;
    }
    let list: Vec<String> = gaps.iter().map(ToString::to_string).collect();
    Some(l.fill(
        "No records in {}: is an export missing?",
        &[&list.join(", ")],
    ))
}
