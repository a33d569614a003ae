//! Whether clients come back, in a pilot: the pilot's new clients by channel
//! at the same age (the assistant's against the others'), and the returns of
//! clients the salon already had, before the pilot and during it.
//!
//! Pure: it takes each client's visits (only visits that happened) and the
//! channel of her first lead, and gives figures with intervals; the pilot's
//! decision does not rest on them (a return takes weeks to show, longer
//! than most pilots), they are reported beside it.

use super::Verdict;
use crate::evidence::measure::Measured;
use crate::evidence::measure::cell::Month;
use crate::evidence::measure::error::Period;
use crate::evidence::retention;
use crate::evidence::stats::survival::{
    Curve, Difference, Subject, kaplan_meier, returned_difference,
};
use crate::evidence::stats::{Monthly, Ratio, Undefined, quasi_poisson_ratio};
use chrono::{Days, NaiveDate};

/// The age at which new clients are compared: a salon's clients return every
/// four to eight weeks, so before 60 days most returns have not had time to
/// happen and any difference is "too early to tell".
pub const AGE: u32 = 60;

/// How far back a visit makes a client "active" for the existing clients'
/// return rate: half a year, twice the slowest usual rhythm (eight weeks)
/// and then some; a client silent longer counts as lapsed, and a lapsed
/// client brought back still counts as a return in the month she comes.
pub const ACTIVE_DAYS: u64 = 183;

/// One client as the pilot sees her.
#[derive(Debug, Clone, Copy)]
pub struct History<'a> {
    /// Whether her first lead came through the assistant.
    pub assistant: bool,
    /// Her visits, oldest first; never empty.
    pub visits: &'a [NaiveDate],
}

/// The pilot's new clients of one channel.
#[derive(Debug, Clone, PartialEq)]
pub struct Cohort {
    /// Clients whose first visit fell in the pilot.
    pub clients: u64,
    /// Of them, those who have come back by the export's end, whatever their age.
    pub returned_so_far: u64,
    /// Kaplan–Meier time to the second visit, censored at the export's end.
    pub curve: Curve,
}

impl Cohort {
    /// The share back by [`AGE`] days and its 95% interval (`None` before
    /// anyone has been followed that long).
    pub fn at_age(&self) -> Option<(f64, Option<(f64, f64)>)> {
        let share = self.curve.returned_by(AGE)?;
        Some((share, self.curve.returned_interval(AGE, 0.95)))
    }
}

/// The pilot's new clients: the assistant's against the other channels'.
#[derive(Debug, Clone, PartialEq)]
pub struct NewClients {
    /// The assistant's new clients.
    pub assistant: Cohort,
    /// The other channels' new clients.
    pub other: Cohort,
    /// The assistant's share back by [`AGE`] days minus the others', with
    /// its 95% interval; `None` while it is too early to tell.
    pub difference: Option<Difference>,
}

impl NewClients {
    /// When the comparison can be made, if nothing else changes: the day the
    /// longest-followed client not yet back in each channel reaches [`AGE`]
    /// days (`None` once it can be made, or when a channel has no client
    /// still to follow).
    pub fn ready(&self, end: NaiveDate) -> Option<NaiveDate> {
        if !self.too_early() {
            return None;
        }
        let wait = |c: &Cohort| -> Option<u32> {
            if c.curve.returned_by(AGE).is_some() {
                return Some(0);
            }
            Some(AGE.saturating_sub(c.curve.longest_censored()?))
        };
        let days = wait(&self.assistant)?.max(wait(&self.other)?);
        Some(end + Days::new(u64::from(days)))
    }

    /// Too early to tell: either channel has no client followed [`AGE`] days.
    pub fn too_early(&self) -> bool {
        self.difference.is_none()
    }

    /// Which way the assistant's clients differ, once it can be told.
    pub fn verdict(&self) -> Option<Verdict> {
        self.difference.map(|d| Verdict::of(d.low, d.high))
    }
}

/// The existing clients' returns: visits a month per active client, the
/// pilot's months against the baseline's.
#[derive(Debug, Clone, PartialEq)]
pub struct Existing {
    /// Baseline months with half a year of history before them (visits, active clients).
    pub baseline: Vec<(Month, u64, u64)>,
    /// Pilot months (visits, active clients).
    pub pilot: Vec<(Month, u64, u64)>,
    /// The ratio of the rates (quasi-Poisson, active clients as exposure);
    /// not adjusted for the season.
    pub ratio: Result<Ratio, Undefined>,
}

/// Both parts.
#[derive(Debug, Clone, PartialEq)]
pub struct Returns {
    /// The export's last date: where follow-up stops.
    pub end: NaiveDate,
    /// The pilot's new clients by channel.
    pub new_clients: NewClients,
    /// The existing clients (`None` when no baseline month has half a year
    /// of history before it in the export).
    pub existing: Option<Existing>,
}

/// Judges the returns. `first_day` and `end` are the earliest and the latest
/// date any record of the export carries: history starts at the one, and
/// follow-up stops at the other.
pub fn judge(
    clients: &[History<'_>],
    baseline: Period,
    pilot: Period,
    first_day: NaiveDate,
    end: NaiveDate,
) -> Returns {
    let cohort = |assistant: bool| {
        let subjects: Vec<Subject> = clients
            .iter()
            .filter(|c| c.assistant == assistant)
            .filter_map(|c| follow(c.visits, pilot, end))
            .collect();
        Cohort {
            clients: subjects.len() as u64,
            returned_so_far: subjects.iter().filter(|s| s.event).count() as u64,
            curve: kaplan_meier(&subjects),
        }
    };
    let (assistant, other) = (cohort(true), cohort(false));
    let difference = returned_difference(&assistant.curve, &other.curve, AGE, 0.95);
    Returns {
        end,
        new_clients: NewClients {
            assistant,
            other,
            difference,
        },
        existing: existing(clients, baseline, pilot, first_day),
    }
}

/// A new client of the pilot's: days from her first visit to the second, or
/// to the export's end.
fn follow(visits: &[NaiveDate], pilot: Period, end: NaiveDate) -> Option<Subject> {
    let first = *visits.first()?;
    if !(pilot.from <= Month::of(first) && Month::of(first) <= pilot.to) || first > end {
        return None;
    }
    let days = |d: NaiveDate| u32::try_from((d - first).num_days()).ok();
    Some(match visits.get(1) {
        Some(&second) if second <= end => Subject {
            days: days(second)?,
            event: true,
        },
        _ => Subject {
            days: days(end)?,
            event: false,
        },
    })
}

/// The first day of a month.
fn start(m: Month) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(m.year, m.month, 1)
}

/// Each month's visits by clients seen before it, and how many clients were
/// active (a visit in the [`ACTIVE_DAYS`] before it); only months with that
/// much history in the export, so a month near its start is not read as
/// having few clients.
fn month_rates(
    clients: &[History<'_>],
    period: Period,
    first_day: NaiveDate,
) -> Vec<(Month, u64, u64)> {
    period
        .from
        .through(period.to)
        .filter_map(|m| {
            let (from, to) = (start(m)?, start(m.next())?);
            let since = from.checked_sub_days(Days::new(ACTIVE_DAYS))?;
            (since >= first_day).then_some(())?;
            let (mut visits, mut active) = (0u64, 0u64);
            for c in clients {
                let before = |d: &&NaiveDate| **d < from;
                if !c.visits.iter().any(|d| before(&d)) {
                    continue;
                }
                active += u64::from(c.visits.iter().any(|d| since <= *d && *d < from));
                visits += c.visits.iter().filter(|d| from <= **d && **d < to).count() as u64;
            }
            Some((m, visits, active))
        })
        .collect()
}

fn existing(
    clients: &[History<'_>],
    baseline: Period,
    pilot: Period,
    first_day: NaiveDate,
) -> Option<Existing> {
    let base = month_rates(clients, baseline, first_day);
    if base.is_empty() {
        return None;
    }
    let pilot = month_rates(clients, pilot, first_day);
    let monthly = |rows: &[(Month, u64, u64)]| -> Vec<Monthly> {
        rows.iter()
            .filter(|r| r.2 > 0)
            .map(|&(_, v, a)| Monthly {
                value: v as f64,
                weight: a as f64,
            })
            .collect()
    };
    let ratio = quasi_poisson_ratio(&monthly(&base), &monthly(&pilot));
    Some(Existing {
        baseline: base,
        pilot,
        ratio,
    })
}

/// The pilot's returns when the files name clients: `None` when they have
/// no client column; the reason, as a sentence, when they have one but no
/// client can be followed (every key a placeholder, no visit). Records
/// dated after `today` are left out, as `roi measure --retention` leaves
/// them: one mistyped year would stretch every client's follow-up.
pub fn of(
    m: &Measured,
    baseline: Period,
    pilot: Period,
    today: NaiveDate,
) -> Option<Result<Returns, String>> {
    let clients = m.clients.as_ref().filter(|c| !c.columns.is_empty())?;
    let (people, end) = match retention::visit_days(clients, today) {
        Ok(found) => found,
        Err(e) => return Some(Err(e.to_string())),
    };
    let first_day = clients.records.iter().map(|r| r.created.min(r.date)).min();
    let (Some(first_day), Some(end), false) = (first_day, end, people.is_empty()) else {
        return Some(Err(
            crate::i18n::t("no named client has a visit").to_string()
        ));
    };
    let histories: Vec<History<'_>> = people
        .iter()
        .map(|(assistant, visits)| History {
            assistant: *assistant,
            visits,
        })
        .collect();
    Some(Ok(judge(&histories, baseline, pilot, first_day, end)))
}

#[cfg(test)]
#[path = "tests/returns.rs"]
mod tests;
