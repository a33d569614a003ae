//! Which client keys are people: records without a client are counted and
//! left out; a key that stands for many people (a placeholder like «0» or
//! «Без имени») is refused rather than merged into one implausible client.

use crate::evidence::measure::error::MeasureError;
use crate::evidence::measure::profile::normalize;
use crate::evidence::measure::records::Clients;
use crate::i18n::f;
use crate::input::clip;
use chrono::NaiveDate;

/// Texts systems and staff put where the client is unknown (compared
/// loosely: case and `ё` do not matter). Never a person, however few records.
pub const PLACEHOLDERS: [&str; 24] = [
    "без имени",
    "безымянный",
    "клиент",
    "новый клиент",
    "неизвестно",
    "неизвестный",
    "нет",
    "нет данных",
    "не указан",
    "не указано",
    "аноним",
    "анонимный",
    "гость",
    "посетитель",
    "unknown",
    "client",
    "guest",
    "noname",
    "no name",
    "n/a",
    "na",
    "none",
    "null",
    "nan",
];

/// The fewest days a key may have records on before it is judged by the
/// span: a short export's regular client is not refused.
const MIN_DAYS: u64 = 12;

/// How the records with a client key were accounted for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    /// Used records that name a client (placeholders too).
    pub records: u64,
    /// Used records whose client cells are empty: left out of retention.
    pub without_client: u64,
    /// Different clients kept.
    pub clients: u64,
    /// Of them, those known only by a name (a key with letters): two
    /// clients of one name are one here, which a phone would tell apart.
    pub by_name: u64,
    /// Of the clients without a phone, those whose key is also written
    /// beside a phone on other records: likely one person counted twice,
    /// told rather than merged (namesakes would be merged wrongly).
    pub also_with_phone: u64,
    /// Keys refused as placeholders, most records first.
    pub placeholders: Vec<Placeholder>,
    /// The most days one client's records may fall on: one a week over
    /// the export's span, and at least [`MIN_DAYS`].
    pub limit: u64,
    /// Visits whose visit date could not be read, dated by their creation.
    pub unread_visit_dates: u64,
    /// The client's columns as written, the phone's first.
    pub columns: Vec<String>,
    /// Records dated after the day of the run, left out of retention.
    pub future: Option<Future>,
    /// By client number: whether she was refused.
    pub(super) refused: Vec<bool>,
}

/// Records dated after the day `roi` runs (and the next, for the time
/// zones ahead of UTC): a client cannot have come on a
/// day still to come (a mistyped year, a booking marked as a visit), and
/// one such date would stretch every client's follow-up to it, reading the
/// clients not back yet as lost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Future {
    /// The day of the run.
    pub today: NaiveDate,
    /// Records of named clients dated after it (a creation or a visit date).
    pub records: u64,
    /// The latest date in the export.
    pub latest: NaiveDate,
    /// The end of follow-up instead: the latest date of the records kept.
    pub end: NaiveDate,
}

/// The clients without the records dated after `today`, and their account;
/// `None` when no date of the export is after it.
pub(super) fn before(
    clients: &Clients,
    today: NaiveDate,
) -> Result<Option<(Clients, Future)>, MeasureError> {
    // Tomorrow in UTC is already today in Vladivostok: a day's grace.
    let cutoff = today.succ_opt().unwrap_or(today);
    let Some(latest) = clients.last.filter(|last| *last > cutoff) else {
        return Ok(None);
    };
    let mut kept = clients.clone();
    kept.records
        .retain(|r| r.created <= cutoff && r.date <= cutoff);
    kept.last = kept.records.iter().map(|r| r.created.max(r.date)).max();
    let Some(end) = kept.last else {
        return Err(MeasureError::NoClients(f(
            "every record of a named client is dated after today ({}), the latest {}: a client cannot have come on a day still to come; check the dates in the export",
            &[&today, &latest],
        )));
    };
    let records = (clients.records.len() - kept.records.len()) as u64;
    Ok(Some((
        kept,
        Future {
            today,
            records,
            latest,
            end,
        },
    )))
}

/// A key refused as standing for many clients.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder {
    /// The key as written (a phone in its one form).
    pub value: String,
    /// Its records, left out of retention.
    pub records: u64,
    /// The days they fall on.
    pub days: u64,
    /// Whether its text is a known placeholder (else: too many days).
    pub known: bool,
}

/// Whether a key's text is a placeholder for an unknown client whatever
/// its count: a known word, no letter or digit at all («-», «?»), zeros
/// only, or a phone of one repeated digit (+70000000000).
pub fn is_placeholder(key: &str) -> bool {
    let text = normalize(key);
    let national = text.strip_prefix("+7").filter(|n| n.len() == 10);
    PLACEHOLDERS.contains(&text.as_str())
        || !text.chars().any(char::is_alphanumeric)
        || text.bytes().all(|b| b == b'0')
        || national.is_some_and(|n| n.bytes().all(|b| b == n.as_bytes()[0]))
}

/// Accounts for the clients: refuses placeholders, and the whole count
/// when no record names a client.
pub(super) fn check(clients: &Clients) -> Result<Account, MeasureError> {
    if clients.records.is_empty() {
        return Err(MeasureError::NoClients(no_clients(clients)));
    }
    let mut days: Vec<(u32, chrono::NaiveDate)> =
        clients.records.iter().map(|r| (r.client, r.date)).collect();
    days.sort_unstable();
    days.dedup();
    let first = days.iter().map(|d| d.1).min();
    let span = first
        .zip(clients.last)
        .map_or(0, |(a, b)| (b - a).num_days());
    let limit = MIN_DAYS.max((span as u64).div_ceil(7));
    let mut per_client = vec![(0u64, 0u64); clients.count()];
    for (client, _) in &days {
        per_client[*client as usize].1 += 1;
    }
    for r in &clients.records {
        per_client[r.client as usize].0 += 1;
    }
    let mut refused = vec![false; clients.count()];
    let mut placeholders = Vec::new();
    for (n, name) in clients.names.iter().enumerate() {
        let (records, days) = per_client[n];
        let known = is_placeholder(name);
        if known || days > limit {
            refused[n] = true;
            placeholders.push(Placeholder {
                value: clip(name),
                records,
                days,
                known,
            });
        }
    }
    placeholders.sort_by(|a, b| b.records.cmp(&a.records).then(a.value.cmp(&b.value)));
    let kept = refused.iter().filter(|r| !**r).count() as u64;
    let by_name = clients
        .names
        .iter()
        .zip(&refused)
        .filter(|(name, refused)| !**refused && name.chars().any(char::is_alphabetic))
        .count() as u64;
    let also_with_phone = clients
        .names
        .iter()
        .zip(&refused)
        .filter(|(name, refused)| !**refused && clients.phone_names.contains(name.as_str()))
        .count() as u64;
    if kept == 0 {
        let list: Vec<String> = placeholders
            .iter()
            .map(|p| format!("«{}»", p.value))
            .collect();
        // The column too: the owner must know which cells to look at.
        let columns: Vec<String> = clients
            .columns
            .iter()
            .map(|c| format!("«{}»", clip(c)))
            .collect();
        return Err(MeasureError::NoClients(f(
            "every record's client in {} is a placeholder ({}), not a person; name the column that holds the client's phone or ID in a mapping file: [columns] client = \"…\"",
            &[&columns.join(crate::i18n::t(", else ")), &list.join(", ")],
        )));
    }
    Ok(Account {
        records: clients.records.len() as u64,
        without_client: clients.without_client,
        clients: kept,
        by_name,
        also_with_phone,
        placeholders,
        limit,
        unread_visit_dates: clients.unread_visit_dates,
        columns: clients.columns.clone(),
        future: None,
        refused,
    })
}

/// Why no record names a client: the files have no client column, or its
/// cells are all empty; with the fix.
pub(super) fn no_clients(clients: &Clients) -> String {
    if clients.columns.is_empty() {
        crate::i18n::t(
            "the files have no column that names the client (a phone, a contact, a client's ID); name it in a mapping file: [columns] client = \"…\"",
        )
        .into()
    } else {
        let columns: Vec<String> = clients
            .columns
            .iter()
            .map(|c| format!("«{}»", clip(c)))
            .collect();
        // «ни в одной из 21 строки», «из 5 строк»: the noun agrees with the count.
        let n = clients.without_client;
        let fmt = crate::format::Fmt::messages();
        let records = fmt.lang.counted(
            n,
            &fmt.count(n.into(), crate::format::Sign::Plain),
            ["record", "records"],
            ["строки", "строк", "строк"],
        );
        f(
            "none of the {} names a client: {} is empty in every one; name the column that holds the client's phone or ID in a mapping file: [columns] client = \"…\"",
            &[&records, &columns.join(", ")],
        )
    }
}
