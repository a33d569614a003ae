//! Clients coming back (`roi measure --retention`): the records each client
//! left → her first visit, her return and what she brought → cohorts by the
//! month of the first visit, Kaplan–Meier return curves censored at the
//! export's end, and lifetime value over 6 and 12 months. Pure computation:
//! what the exports say goes in, a report value comes out.

mod account;
mod cohorts;
#[cfg(test)]
mod tests;

pub use account::{Account, Future, PLACEHOLDERS, Placeholder, is_placeholder};

use crate::evidence::measure::cell::Month;
use crate::evidence::measure::error::MeasureError;
use crate::evidence::measure::funnel::Channel;
use crate::evidence::measure::records::{Clients, Split};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// The days by which the share of clients back is shown.
pub const WINDOWS: [u32; 5] = [30, 60, 90, 180, 365];

/// What the exports say about clients coming back.
#[derive(Debug, Clone, PartialEq)]
pub struct Retention {
    /// The end of every client's follow-up: the latest date the export carries.
    pub end: NaiveDate,
    /// The channels shown: every client's, and, when the assistant's
    /// records are known, by the channel of the client's first lead.
    pub channels: Vec<Channel>,
    /// A row per month of first visits and channel, months in order.
    pub cohorts: Vec<Cohort>,
    /// The share back by each day a client came back, over every cohort.
    pub curve: Vec<Point>,
    /// Clients who came in each calendar month, new and returning.
    pub months: Vec<MonthClients>,
    /// The account of every record with or without a client.
    pub account: Account,
    /// The cohorts by the `--by` value of each client's first lead, when asked for.
    pub by: Option<BySource>,
}

/// Cohorts by the values of the `--by` column, as the funnel's split shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct BySource {
    /// The column as the user named it.
    pub column: String,
    /// Its values in the funnel's order, largest first; `None` is every
    /// other value together.
    pub sources: Vec<Option<String>>,
    /// A row per month and value (its place in `sources`), every channel.
    pub cohorts: Vec<(usize, Cohort)>,
}

/// The clients whose first visit fell in one month, of one channel.
#[derive(Debug, Clone, PartialEq)]
pub struct Cohort {
    /// The month of their first visit.
    pub month: Month,
    /// The channel of their first lead.
    pub channel: Channel,
    /// How many.
    pub new_clients: u64,
    /// The share back within each of [`WINDOWS`] days (Kaplan–Meier, a
    /// fraction); `None` where the cohort's follow-up is shorter.
    pub returned: [Option<f64>; 5],
    /// Visits per client within 6 months of her first visit (the first
    /// included); `None` unless every client could be followed so long.
    pub visits_6: Option<Decimal>,
    /// Visits per client within 12 months.
    pub visits_12: Option<Decimal>,
    /// Revenue per client within 6 months of her first visit: LTV at 6 months.
    pub ltv_6: Option<Decimal>,
    /// Revenue per client within 12 months: LTV at 12 months.
    pub ltv_12: Option<Decimal>,
}

/// One step of a return curve.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    /// The channel.
    pub channel: Channel,
    /// Days since the first visit.
    pub day: u32,
    /// The share back by that day, 1 − S(day).
    pub returned: f64,
}

/// The clients who came in one calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthClients {
    /// The month.
    pub month: Month,
    /// The channel of their first lead.
    pub channel: Channel,
    /// Clients with a visit in the month.
    pub clients: u64,
    /// Of them, those whose first visit it was.
    pub new_clients: u64,
    /// Of them, those who had come in an earlier month.
    pub returning: u64,
}

/// Works out retention from the clients collected; `split` when the
/// assistant's records are known, and by the values `by` shows when the
/// funnel is split by a column. Records dated after `today` (the day of
/// the run) are left out and said to be. Refused (exit 2) when no record
/// names a client, or no named client ever came.
pub fn retention(
    clients: &Clients,
    split: bool,
    by: Option<&Split>,
    today: NaiveDate,
) -> Result<Retention, MeasureError> {
    let cut = account::before(clients, today)?;
    let (clients, future) = match &cut {
        Some((kept, future)) => (kept, Some(*future)),
        None => (clients, None),
    };
    let mut account = account::check(clients)?;
    account.future = future;
    let Some(end) = clients.last else {
        return Err(MeasureError::NoClients(account::no_clients(clients)));
    };
    let people = cohorts::people(clients, &account);
    if people.is_empty() {
        return Err(MeasureError::NoClients(crate::i18n::t(
            "no named client has a visit (a status that means the client came), and only visits count for retention; check the [status] outcomes in the mapping",
        ).into()));
    }
    let channels = if split {
        vec![Channel::All, Channel::Ai, Channel::Other]
    } else {
        vec![Channel::All]
    };
    let mut out = Retention {
        end,
        cohorts: Vec::new(),
        curve: Vec::new(),
        months: Vec::new(),
        channels: channels.clone(),
        account,
        by: by.map(|s| by_source(clients, &people, s, end)),
    };
    for channel in channels {
        let of: Vec<&cohorts::Person> = people
            .iter()
            .filter(|p| channel == Channel::All || p.channel() == channel)
            .collect();
        out.cohorts.extend(cohorts::cohorts(&of, channel, end));
        out.curve.extend(cohorts::curve(&of, channel, end));
        out.months.extend(cohorts::months(&of, channel));
    }
    out.cohorts.sort_by_key(|c| (c.month, c.channel));
    out.months.sort_by_key(|m| (m.month, m.channel));
    Ok(out)
}

/// A client as the pilot's returns take her: whether the assistant brought
/// her first lead, and the days she came.
pub type VisitDays = (bool, Vec<NaiveDate>);

/// Each client who came, as the pilot's returns take her: whether the
/// assistant brought her first lead, and the days she came, oldest first
/// (two visits on one day are one day); placeholders, records without a
/// client and records dated after `today` left out, as in [`retention`].
/// With them, the end of follow-up: the latest date of the records kept.
pub fn visit_days(
    clients: &Clients,
    today: NaiveDate,
) -> Result<(Vec<VisitDays>, Option<NaiveDate>), MeasureError> {
    let cut = account::before(clients, today)?;
    let clients = cut.as_ref().map_or(clients, |(kept, _)| kept);
    let account = account::check(clients)?;
    let people = cohorts::people(clients, &account);
    let days = people
        .into_iter()
        .map(|p| {
            let mut days: Vec<NaiveDate> = p.visits.iter().map(|v| v.0).collect();
            days.dedup();
            (p.ai, days)
        })
        .collect();
    Ok((days, clients.last))
}

/// The cohorts of each value the funnel's split shows: a client counts
/// under her first lead's value, or under «the rest» when it is not shown.
fn by_source(
    clients: &Clients,
    people: &[cohorts::Person],
    split: &Split,
    end: NaiveDate,
) -> BySource {
    let shown: Vec<&str> = split.sources.iter().flatten().map(String::as_str).collect();
    let value = |p: &cohorts::Person| p.by.map(|n| clients.by_values[n as usize].as_str());
    let mut out = Vec::new();
    for (i, source) in split.sources.iter().enumerate() {
        let of: Vec<&cohorts::Person> = people
            .iter()
            .filter(|p| match (source, value(p)) {
                (Some(s), Some(v)) => s == v,
                (None, v) => v.is_none_or(|v| !shown.contains(&v)),
                (Some(_), None) => false,
            })
            .collect();
        out.extend(
            cohorts::cohorts(&of, Channel::All, end)
                .into_iter()
                .map(|c| (i, c)),
        );
    }
    out.sort_by_key(|(i, c)| (c.month, *i));
    BySource {
        column: split.column.clone(),
        sources: split.sources.clone(),
        cohorts: out,
    }
}

/// The repeat visits a scenario's `[retention] repeat_visits` takes, and
/// what they were measured from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repeat {
    /// `r_k`: the expected visits per new client in the k-th month after
    /// the month of her first visit, k = 1, 2, … (at most 12).
    pub visits: Vec<Decimal>,
    /// The clients the figures are measured from (every cohort of a first
    /// visit; each `r_k` pools those followed through month M + k).
    pub clients: u64,
    /// The months of first visits: the first cohort's and the last's.
    pub first: Month,
    /// See `first`.
    pub last: Month,
}

/// The months of history the repeat visits need: a year, so that every
/// calendar month is in and a season does not pass for loyalty.
pub const REPEAT_HISTORY: u32 = 12;

/// The expected repeat visits per new client in the 1st, 2nd, … month after
/// her first visit, for a scenario's `[retention] repeat_visits`: `r_k` is
/// the visits in calendar month M + k of the clients whose first visit was
/// in month M, per such client, pooled over every cohort the data follows
/// through the whole of month M + k; records dated after `today` left out,
/// as in [`retention`]. Refused, with why, when no client can be followed
/// or the visits span less than [`REPEAT_HISTORY`] months.
pub fn repeat(clients: &Clients, today: NaiveDate) -> Result<Repeat, String> {
    // The reason alone: the scenario's comment is not a `--retention` run.
    let why = |e: MeasureError| match e {
        MeasureError::NoClients(why) => why,
        other => other.to_string(),
    };
    let cut = account::before(clients, today).map_err(why)?;
    let clients = cut.as_ref().map_or(clients, |c| &c.0);
    let account = account::check(clients).map_err(why)?;
    let people = cohorts::people(clients, &account);
    let end = clients.last.ok_or_else(|| account::no_clients(clients))?;
    let (Some(first), Some(last)) = (
        people.iter().map(|p| Month::of(p.first())).min(),
        people.iter().map(|p| Month::of(p.first())).max(),
    ) else {
        return Err(crate::i18n::t("no named client has a visit").into());
    };
    match cohorts::repeat_visits(&people, end) {
        Some(visits) if !visits.is_empty() => Ok(Repeat {
            visits,
            clients: people.len() as u64,
            first,
            last,
        }),
        _ => Err(crate::i18n::f(
            "the visits span {} — {}, under the {} months repeat visits are measured from",
            &[&first, &Month::of(end), &REPEAT_HISTORY],
        )),
    }
}
