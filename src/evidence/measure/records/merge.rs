//! Two halves of one file counted apart and merged into what one count of
//! the whole file gives, exactly, or not at all: the second half's counter
//! starts as the first's did, and its account goes after the first's (the
//! first rows of each kind, the statuses in the order first seen, the
//! examples kept). A merge that could differ from one count is refused and
//! the file is read again on one core: an ID in both halves (the first row
//! of an ID wins, and the second half could not know it was a repeat), a
//! sum of money near what exact decimals hold (where a sum in another order
//! could round otherwise), an overflow, a `--by` column past its limit.

use super::super::funnel::Tally;
use super::Counter;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// Money sums are merged only below this many units of their last digit:
/// amounts are never negative, so every partial sum of either count is at
/// most the total, and a sum that never passed 10^27 was never rounded
/// (rust_decimal rounds only past 2^96 ≈ 7.9·10^28).
const EXACT: u128 = 1_000_000_000_000_000_000_000_000_000;

impl Counter {
    /// A counter for a later half of the file this one is about to count:
    /// the same settings and date rule, nothing counted. `None` when this
    /// counter collects what a merge does not handle (days, clients) or has
    /// counted already.
    pub fn fork(&self) -> Option<Counter> {
        let fresh = self.quality.rows == 0 && self.files.is_empty();
        if !fresh || self.daily.is_some() || self.clients.is_some() {
            return None;
        }
        Some(Counter {
            funnel: super::Funnel::new(self.funnel.coverage, self.funnel.split),
            quality: Default::default(),
            statuses: self.statuses.fresh(),
            seen: HashMap::default(),
            months_seen: HashMap::new(),
            ai_seen: Vec::new(),
            hasher: self.hasher.clone(),
            files: Vec::new(),
            from: self.from,
            to: self.to,
            dates: self.dates.clone(),
            mapping_order: self.mapping_order,
            evidence: Default::default(),
            by: self.by.as_ref().map(|b| b.fresh()),
            daily: None,
            clients: None,
            overflow: None,
        })
    }

    /// Adds `later`, the count of the rows after this one's, as one count
    /// of both would have; `false` (this counter then unusable) when that
    /// cannot be proved.
    pub fn merge(&mut self, later: Counter) -> bool {
        if self.files != later.files || self.overflow.is_some() || later.overflow.is_some() {
            return false;
        }
        if !self.months_seen.is_empty() || !later.months_seen.is_empty() {
            return false;
        }
        if later.seen.keys().any(|k| self.seen.contains_key(k)) {
            return false;
        }
        for (month, tallies) in &later.funnel.months {
            let mine = self.funnel.month_mut(*month);
            for (a, b) in mine.iter_mut().zip(tallies) {
                match merged(a, b) {
                    Some(t) => *a = t,
                    None => return false,
                }
            }
        }
        match (&mut self.by, later.by) {
            (Some(a), Some(b)) => {
                if !a.merge(b) {
                    return false;
                }
            }
            (None, None) => {}
            _ => return false,
        }
        self.seen.reserve(later.seen.len());
        self.seen.extend(later.seen);
        self.statuses.merge(later.statuses);
        self.quality.merge(later.quality);
        self.evidence.merge(later.evidence);
        true
    }
}

/// Both tallies together, when every sum is exact and the same in any order.
pub(super) fn merged(a: &Tally, b: &Tally) -> Option<Tally> {
    let count = |x: Option<u64>, y: Option<u64>| match (x, y) {
        (Some(x), Some(y)) => x.checked_add(y).map(Some),
        (None, None) => Some(None),
        _ => None,
    };
    Some(Tally {
        leads: count(a.leads, b.leads)?,
        bookings: count(a.bookings, b.bookings)?,
        visits: count(a.visits, b.visits)?,
        no_shows: count(a.no_shows, b.no_shows)?,
        revenue: money(a.revenue, b.revenue)?,
        priced: a.priced.checked_add(b.priced)?,
        revenue_squares: money(a.revenue_squares, b.revenue_squares)?,
    })
}

/// A sum of money merged: `None` when it may not be exact.
fn money(a: Option<Decimal>, b: Option<Decimal>) -> Option<Option<Decimal>> {
    let small = |d: Decimal| d.mantissa().unsigned_abs() < EXACT;
    match (a, b) {
        (None, None) => Some(None),
        (Some(a), Some(b)) if small(a) && small(b) => {
            let sum = a.checked_add(b)?;
            small(sum).then_some(Some(sum))
        }
        _ => None,
    }
}
