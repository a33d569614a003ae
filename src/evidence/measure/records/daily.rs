//! The funnel day by day, for a switchback pilot (`roi pilot --schedule`):
//! each record in the local calendar day it was created (the dates are
//! already read in the mapping's `[dates] utc_offset`), by channel. Counted
//! beside the monthly funnel only when asked for, so `roi measure` pays
//! nothing for it.

use super::super::funnel::{Channel, Coverage, Tally};
use super::super::profile::Outcome;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// Tallies by creation day: every record's, the assistant's and the rest's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Daily {
    coverage: Coverage,
    days: BTreeMap<NaiveDate, [Tally; 3]>,
}

impl Daily {
    /// Nothing counted yet, for a funnel covering `coverage`.
    pub fn new(coverage: Coverage) -> Daily {
        Daily {
            coverage,
            days: BTreeMap::new(),
        }
    }

    /// Adds one used record created on `day`. The monthly funnel already
    /// refused a revenue past exact arithmetic, and a day holds less than
    /// its month, so a sum that does not fit here cannot happen; it would
    /// only leave that day's revenue short.
    pub(super) fn add(
        &mut self,
        day: NaiveDate,
        ai: bool,
        outcome: Outcome,
        amount: Option<Decimal>,
    ) {
        let zero = Tally::zero(self.coverage);
        let tallies = self.days.entry(day).or_insert([zero; 3]);
        let channel = if ai { Channel::Ai } else { Channel::Other };
        // A visit's amount and its square, as the monthly tally takes them.
        let priced = amount.map(|a| (a, a.checked_mul(a)));
        super::count(&mut tallies[Channel::All as usize], outcome, priced);
        super::count(&mut tallies[channel as usize], outcome, priced);
    }

    /// A day's tally of `channel`; a day without records is a zero tally
    /// (what the data can count, none counted), never `None`.
    pub fn tally(&self, day: NaiveDate, channel: Channel) -> Tally {
        self.days
            .get(&day)
            .map_or_else(|| Tally::zero(self.coverage), |t| t[channel as usize])
    }

    /// Whether any record was created on `day`.
    pub fn has(&self, day: NaiveDate) -> bool {
        self.days.contains_key(&day)
    }

    /// The first and last days with records.
    pub fn span(&self) -> Option<(NaiveDate, NaiveDate)> {
        Some((*self.days.keys().next()?, *self.days.keys().next_back()?))
    }

    /// What the data can count at all.
    pub fn coverage(&self) -> Coverage {
        self.coverage
    }
}
