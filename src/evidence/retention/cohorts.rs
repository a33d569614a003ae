//! Each client's visits in date order (the file's order does not matter),
//! then cohorts by the month of her first visit, the return curves and the
//! clients of each month.

use super::{Account, Cohort, MonthClients, Point, WINDOWS};
use crate::evidence::measure::cell::Month;
use crate::evidence::measure::funnel::Channel;
use crate::evidence::measure::records::Clients;
use crate::evidence::stats::survival::{Subject, kaplan_meier};
use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// One client who came at least once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Person {
    /// Whether the assistant brought her first lead (her earliest record).
    pub ai: bool,
    /// Her first lead's `--by` value, by its number.
    pub by: Option<u32>,
    /// Her visits' dates and amounts, in date order.
    pub visits: Vec<(NaiveDate, Option<Decimal>)>,
}

impl Person {
    /// The channel of her first lead.
    pub fn channel(&self) -> Channel {
        if self.ai { Channel::Ai } else { Channel::Other }
    }

    /// Her first visit.
    pub fn first(&self) -> NaiveDate {
        self.visits[0].0
    }

    /// Days from her first visit to her next one on a later day (two
    /// services on one day are one visit, not a return), or to `end` when
    /// she has not come back.
    pub fn subject(&self, end: NaiveDate) -> Subject {
        let first = self.first();
        match self.visits.iter().find(|v| v.0 > first) {
            Some(v) => Subject {
                days: (v.0 - first).num_days() as u32,
                event: true,
            },
            None => Subject {
                days: (end - first).num_days().max(0) as u32,
                event: false,
            },
        }
    }

    /// Her visits and their revenue within `months` of her first visit:
    /// two records on one day (two services) are one visit, as they are one
    /// for her return, and both their amounts count.
    fn within(&self, months: u32) -> (u64, Decimal) {
        let until = self.first() + Months::new(months);
        let inside = self.visits.iter().filter(|v| v.0 < until);
        let (mut days, mut revenue, mut last) = (0, Decimal::ZERO, None);
        for v in inside {
            if last != Some(v.0) {
                days += 1;
                last = Some(v.0);
            }
            revenue += v.1.unwrap_or_default();
        }
        (days, revenue)
    }
}

/// The clients who came, refused keys left out: records grouped by client,
/// her first lead's channel from her earliest record, her visits sorted.
pub(super) fn people(clients: &Clients, account: &Account) -> Vec<Person> {
    let mut order: Vec<usize> = (0..clients.records.len()).collect();
    // Stable: records created the same day keep the file's order.
    order.sort_by_key(|&i| (clients.records[i].client, clients.records[i].created));
    let mut out = Vec::new();
    for group in order.chunk_by(|a, b| clients.records[*a].client == clients.records[*b].client) {
        let first = &clients.records[group[0]];
        if account.refused[first.client as usize] {
            continue;
        }
        let mut visits: Vec<(NaiveDate, Option<Decimal>)> = group
            .iter()
            .map(|&i| &clients.records[i])
            .filter(|r| r.visited)
            .map(|r| (r.date, r.amount))
            .collect();
        if visits.is_empty() {
            continue;
        }
        visits.sort_by_key(|v| v.0);
        out.push(Person {
            ai: first.ai,
            by: first.by,
            visits,
        });
    }
    out
}

/// The people by the month of their first visit.
fn by_month<'a>(of: &[&'a Person]) -> BTreeMap<Month, Vec<&'a Person>> {
    let mut out: BTreeMap<Month, Vec<&Person>> = BTreeMap::new();
    for p in of {
        out.entry(Month::of(p.first())).or_default().push(p);
    }
    out
}

/// A row per cohort of `of`, all of `channel`.
pub(super) fn cohorts(of: &[&Person], channel: Channel, end: NaiveDate) -> Vec<Cohort> {
    let mut out = Vec::new();
    for (month, people) in by_month(of) {
        let subjects: Vec<Subject> = people.iter().map(|p| p.subject(end)).collect();
        let curve = kaplan_meier(&subjects);
        // The longest any of them was followed: a window past it is unknown.
        let earliest = people.iter().map(|p| p.first()).min().unwrap_or(end);
        let followed = (end - earliest).num_days();
        // Past the curve's last step the estimator says nothing, unless
        // every client had come back by then: then all of them are back.
        let all_back = curve.steps().last().is_some_and(|s| s.survival == 0.0);
        let returned = WINDOWS.map(|w| {
            (followed >= i64::from(w))
                .then(|| curve.returned_by(w).or(all_back.then_some(1.0)))
                .flatten()
        });
        let new = people.len() as u64;
        // Per client over n months, only when every one of them was
        // followed for all of them: her window [first, first + n months)
        // ends by the export's last day.
        let latest = people.iter().map(|p| p.first()).max().unwrap_or(end);
        let per_client = |months: u32| {
            (latest + Months::new(months) <= end.succ_opt()?).then(|| {
                let (visits, revenue) = people
                    .iter()
                    .map(|p| p.within(months))
                    .fold((0u64, Decimal::ZERO), |(n, sum), (v, r)| (n + v, sum + r));
                let n = Decimal::from(new);
                (Decimal::from(visits) / n, revenue / n)
            })
        };
        let (six, twelve) = (per_client(6), per_client(12));
        out.push(Cohort {
            month,
            channel,
            new_clients: new,
            returned,
            visits_6: six.map(|s| s.0),
            visits_12: twelve.map(|t| t.0),
            ltv_6: six.map(|s| s.1),
            ltv_12: twelve.map(|t| t.1),
        });
    }
    out
}

/// The return curve of every cohort of `of` together: a point per day
/// someone came back, up to a year.
pub(super) fn curve(of: &[&Person], channel: Channel, end: NaiveDate) -> Vec<Point> {
    let subjects: Vec<Subject> = of.iter().map(|p| p.subject(end)).collect();
    kaplan_meier(&subjects)
        .steps()
        .iter()
        .filter(|s| s.events > 0 && s.day <= 365)
        .map(|s| Point {
            channel,
            day: s.day,
            returned: 1.0 - s.survival,
        })
        .collect()
}

/// Each calendar month's clients of `of`: new (their first visit) and
/// returning (they had come in an earlier month).
pub(super) fn months(of: &[&Person], channel: Channel) -> Vec<MonthClients> {
    let mut counts: BTreeMap<Month, (u64, u64)> = BTreeMap::new();
    for p in of {
        let mut seen: Vec<Month> = p.visits.iter().map(|v| Month::of(v.0)).collect();
        seen.dedup();
        let first = Month::of(p.first());
        for m in seen {
            let c = counts.entry(m).or_default();
            if m == first {
                c.0 += 1;
            } else {
                c.1 += 1;
            }
        }
    }
    counts
        .into_iter()
        .map(|(month, (new_clients, returning))| MonthClients {
            month,
            channel,
            clients: new_clients + returning,
            new_clients,
            returning,
        })
        .collect()
}

/// `month` plus `k` months.
fn plus(month: Month, k: u32) -> Month {
    (0..k).fold(month, |m, _| m.next())
}

/// See [`super::repeat`]: `None` when the months from the first cohort to
/// the last month the data covers whole are fewer than a year.
pub(super) fn repeat_visits(people: &[Person], end: NaiveDate) -> Option<Vec<Decimal>> {
    // The last month the data covers whole.
    let last = match end.succ_opt().map(Month::of) {
        Some(next) if next != Month::of(end) => Month::of(end),
        _ => Month::of(chrono::Datelike::with_day(&end, 1)?.pred_opt()?),
    };
    let all: Vec<&Person> = people.iter().collect();
    let cohorts = by_month(&all);
    let first = *cohorts.keys().next()?;
    if first.span(last) < super::REPEAT_HISTORY {
        return None;
    }
    let mut out = Vec::new();
    for k in 1..=12u32 {
        let (mut visits, mut new) = (0u64, 0u64);
        for (month, people) in cohorts.range(..) {
            let target = plus(*month, k);
            if target > last {
                break;
            }
            new += people.len() as u64;
            visits += people
                .iter()
                .flat_map(|p| &p.visits)
                .filter(|v| Month::of(v.0) == target)
                .count() as u64;
        }
        if new == 0 {
            break;
        }
        out.push(Decimal::from(visits) / Decimal::from(new));
    }
    Some(out)
}
