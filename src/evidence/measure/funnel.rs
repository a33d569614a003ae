//! The measured funnel: per month and channel, what the records add up to, and
//! the figures the model uses. A figure the data cannot give is `None`, never 0.

use super::cell::Month;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// Whose leads a row counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Channel {
    /// Every record.
    All,
    /// The records the assistant brought.
    Ai,
    /// The rest.
    Other,
}

impl Channel {
    /// The name in JSON and CSV.
    pub fn name(self) -> &'static str {
        match self {
            Channel::All => "all",
            Channel::Ai => "ai",
            Channel::Other => "other",
        }
    }
}

/// What the data can say at all, whatever the month: a CRM's deals without
/// no-show stages have no no-show rate; a booking system's records have no leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Coverage {
    /// Leads are counted (every record is one, or a sheet has the column).
    pub leads: bool,
    /// Bookings are counted.
    pub bookings: bool,
    /// Visits are known (some status means "came").
    pub visits: bool,
    /// No-shows are known (some status means "did not come").
    pub no_shows: bool,
    /// Revenue is known (amounts, or a revenue column).
    pub revenue: bool,
    /// Each visit's amount is known, so the spread of checks can be measured.
    pub per_visit: bool,
}

/// The exact sums behind one month of one channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    /// Leads (records created; a sheet's leads).
    pub leads: Option<u64>,
    /// Booked, visited or no-show.
    pub bookings: Option<u64>,
    /// Came.
    pub visits: Option<u64>,
    /// Booked and did not come.
    pub no_shows: Option<u64>,
    /// Sum of the visits' amounts.
    pub revenue: Option<Decimal>,
    /// Visits with an amount (the average check's denominator for records).
    pub priced: u64,
    /// Sum of the squares of the visits' amounts, for the spread of checks.
    pub revenue_squares: Option<Decimal>,
}

/// Adds two optional counts: unknown stays unknown. A sum past 2⁶⁴ − 1 is
/// unknown too, though [`Funnel::overflow`] refuses a sheet before any
/// period could add up to one.
fn add(a: Option<u64>, b: Option<u64>) -> Option<u64> {
    a?.checked_add(b?)
}

fn add_money(a: Option<Decimal>, b: Option<Decimal>) -> Option<Decimal> {
    a?.checked_add(b?)
}

impl Tally {
    /// A tally of nothing yet, knowing what `coverage` says can be counted.
    pub fn zero(coverage: Coverage) -> Tally {
        let z = |known: bool| known.then_some(0);
        Tally {
            leads: z(coverage.leads),
            bookings: z(coverage.bookings),
            visits: z(coverage.visits),
            no_shows: z(coverage.no_shows),
            revenue: coverage.revenue.then_some(Decimal::ZERO),
            priced: 0,
            revenue_squares: coverage.per_visit.then_some(Decimal::ZERO),
        }
    }

    /// Both tallies together (a period's months; `None` if money overflows).
    pub fn plus(&self, other: &Tally) -> Tally {
        Tally {
            leads: add(self.leads, other.leads),
            bookings: add(self.bookings, other.bookings),
            visits: add(self.visits, other.visits),
            no_shows: add(self.no_shows, other.no_shows),
            revenue: add_money(self.revenue, other.revenue),
            priced: self.priced.saturating_add(other.priced),
            revenue_squares: add_money(self.revenue_squares, other.revenue_squares),
        }
    }

    /// The model's figures from these sums.
    pub fn figures(&self) -> Figures {
        let ratio = |num: Option<u64>, den: Option<u64>| -> Option<Decimal> {
            let (num, den) = (num?, den?);
            (den > 0).then(|| Decimal::from(num) / Decimal::from(den))
        };
        let judged = add(self.visits, self.no_shows);
        // A sheet's revenue is over all its visits; records' over the priced ones.
        let checks = if self.revenue_squares.is_some() {
            Some(self.priced)
        } else {
            self.visits
        };
        Figures {
            leads: self.leads,
            bookings: self.bookings,
            conversion: ratio(self.bookings, self.leads),
            visits: self.visits,
            no_shows: self.no_shows,
            no_show_rate: ratio(self.no_shows, judged),
            revenue: self.revenue,
            checks,
            average_check: match (self.revenue, checks) {
                (Some(r), Some(n)) if n > 0 => r.checked_div(Decimal::from(n)),
                _ => None,
            },
        }
    }
}

/// A figure whose sum over months can pass what it is held in, named so
/// the refusal can point at its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sum {
    /// Leads.
    Leads,
    /// Bookings.
    Bookings,
    /// Visits.
    Visits,
    /// No-shows.
    NoShows,
    /// Visits and no-shows together: the no-show rate's denominator.
    Judged,
    /// Revenue.
    Revenue,
}

/// `a + b` of every figure, or the first figure whose sum passes 2⁶⁴ − 1
/// (a count) or 7.9·10²⁸ (money); visits and no-shows must fit together too.
fn checked_plus(a: &Tally, b: &Tally) -> Result<Tally, Sum> {
    let count = |x: Option<u64>, y: Option<u64>, what: Sum| match (x, y) {
        (Some(x), Some(y)) => x.checked_add(y).map(Some).ok_or(what),
        _ => Ok(None),
    };
    let revenue = match (a.revenue, b.revenue) {
        (Some(x), Some(y)) => Some(x.checked_add(y).ok_or(Sum::Revenue)?),
        _ => None,
    };
    let sum = Tally {
        leads: count(a.leads, b.leads, Sum::Leads)?,
        bookings: count(a.bookings, b.bookings, Sum::Bookings)?,
        visits: count(a.visits, b.visits, Sum::Visits)?,
        no_shows: count(a.no_shows, b.no_shows, Sum::NoShows)?,
        revenue,
        priced: a.priced.saturating_add(b.priced),
        revenue_squares: add_money(a.revenue_squares, b.revenue_squares),
    };
    judged_fits(&sum)?;
    Ok(sum)
}

/// Whether visits and no-shows add up within a count.
fn judged_fits(t: &Tally) -> Result<(), Sum> {
    match (t.visits, t.no_shows) {
        (Some(v), Some(n)) if v.checked_add(n).is_none() => Err(Sum::Judged),
        _ => Ok(()),
    }
}

/// The funnel's figures for a month or a period, as the model names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figures {
    /// Leads.
    pub leads: Option<u64>,
    /// Bookings.
    pub bookings: Option<u64>,
    /// Bookings / leads.
    pub conversion: Option<Decimal>,
    /// Visits.
    pub visits: Option<u64>,
    /// No-shows.
    pub no_shows: Option<u64>,
    /// No-shows / (visits + no-shows): open bookings are not yet judged.
    pub no_show_rate: Option<Decimal>,
    /// Sum of visited amounts.
    pub revenue: Option<Decimal>,
    /// The visits the check is averaged over (records: those with an amount).
    pub checks: Option<u64>,
    /// Revenue / visits.
    pub average_check: Option<Decimal>,
}

/// Per month and channel, the sums of the records counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Funnel {
    /// What the data can say.
    pub coverage: Coverage,
    /// Whether the records are split into the assistant's and the rest.
    pub split: bool,
    /// Month → tallies of `all`, `ai`, `other`.
    pub months: BTreeMap<Month, [Tally; 3]>,
}

impl Funnel {
    /// An empty funnel.
    pub fn new(coverage: Coverage, split: bool) -> Funnel {
        Funnel {
            coverage,
            split,
            months: BTreeMap::new(),
        }
    }

    /// The channels the funnel has: `all`, then `ai` and `other` when split.
    pub fn channels(&self) -> &'static [Channel] {
        if self.split {
            &[Channel::All, Channel::Ai, Channel::Other]
        } else {
            &[Channel::All]
        }
    }

    /// The tallies of one month, created empty on first use.
    pub fn month_mut(&mut self, month: Month) -> &mut [Tally; 3] {
        let coverage = self.coverage;
        self.months
            .entry(month)
            .or_insert_with(|| [Tally::zero(coverage); 3])
    }

    /// One month's tally of one channel.
    pub fn tally(&self, month: Month, channel: Channel) -> Option<&Tally> {
        self.months.get(&month).map(|t| &t[channel as usize])
    }

    /// The months from `from` to `to` that have no records.
    pub fn missing(&self, from: Month, to: Month) -> Vec<Month> {
        from.through(to)
            .filter(|m| !self.months.contains_key(m))
            .collect()
    }

    /// The sum over the months from `from` to `to` of one channel.
    pub fn period(&self, from: Month, to: Month, channel: Channel) -> Tally {
        self.months
            .range(from..=to)
            .map(|(_, t)| t[channel as usize])
            .reduce(|a, b| a.plus(&b))
            .unwrap_or_else(|| Tally::zero(self.coverage))
    }

    /// The first figure, with its channel, that `added` (one more month's
    /// tallies) would take past what it is held in, summed with every month
    /// so far: a period's total is at most that sum, so a funnel that passes
    /// this at each month added can total any period without overflow.
    pub fn overflow(&self, added: &[Tally; 3]) -> Option<(Channel, Sum)> {
        for channel in [Channel::All, Channel::Ai, Channel::Other] {
            let i = channel as usize;
            let total = self
                .months
                .values()
                .try_fold(added[i], |sum, t| checked_plus(&sum, &t[i]));
            if let Err(what) = total.and_then(|t| judged_fits(&t)) {
                return Some((channel, what));
            }
        }
        None
    }

    /// The first and last months with records.
    pub fn span(&self) -> Option<(Month, Month)> {
        Some((
            *self.months.keys().next()?,
            *self.months.keys().next_back()?,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: Coverage = Coverage {
        leads: true,
        bookings: true,
        visits: true,
        no_shows: true,
        revenue: true,
        per_visit: true,
    };

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn figures_follow_the_issue_formulas() {
        let t = Tally {
            leads: Some(200),
            bookings: Some(40),
            visits: Some(30),
            no_shows: Some(6),
            revenue: Some(d("45000")),
            priced: 30,
            revenue_squares: Some(d("0")),
        };
        let f = t.figures();
        assert_eq!(f.conversion, Some(d("0.2")));
        // 6 / (30 + 6): the 4 open bookings are not judged yet.
        assert_eq!(f.no_show_rate, Some(d("6") / d("36")));
        assert_eq!(f.average_check, Some(d("1500")));
    }

    #[test]
    fn unknown_is_never_zero() {
        let t = Tally::zero(Coverage {
            leads: false,
            no_shows: false,
            ..ALL
        });
        let f = t.figures();
        assert_eq!(f.leads, None);
        assert_eq!(f.conversion, None);
        assert_eq!(f.no_show_rate, None);
        // Zero visits: no average check, not a check of 0.
        assert_eq!(f.visits, Some(0));
        assert_eq!(f.average_check, None);
    }

    #[test]
    fn sums_that_would_wrap_are_found_before_a_month_is_added() {
        let mut funnel = Funnel::new(ALL, false);
        let half = 1u64 << 63;
        let month = |leads, visits, no_shows, revenue: &str| {
            let t = Tally {
                leads: Some(leads),
                bookings: Some(0),
                visits: Some(visits),
                no_shows: Some(no_shows),
                revenue: Some(d(revenue)),
                priced: 0,
                revenue_squares: None,
            };
            [t, Tally::default(), Tally::default()]
        };
        funnel
            .months
            .insert("2025-01".parse().unwrap(), month(half, 1, 1, "5e28"));
        // 2⁶³ + 2⁶³ = 2⁶⁴ does not fit; 2⁶³ + (2⁶³ − 1) does.
        assert_eq!(
            funnel.overflow(&month(half, 0, 0, "0")),
            Some((Channel::All, Sum::Leads))
        );
        assert_eq!(funnel.overflow(&month(half - 1, 0, 0, "0")), None);
        // Visits and no-shows fit apart but not together.
        assert_eq!(
            funnel.overflow(&month(0, half, half - 2, "0")),
            Some((Channel::All, Sum::Judged))
        );
        // 5·10²⁸ + 5·10²⁸ ₽ passes exact money.
        assert_eq!(
            funnel.overflow(&month(0, 0, 0, "5e28")),
            Some((Channel::All, Sum::Revenue))
        );
        // A period's sum of what fits is never wrapped: unknown at worst.
        let t = month(half, 0, 0, "0")[0];
        assert_eq!(t.plus(&t).leads, None);
    }

    #[test]
    fn periods_add_months_and_report_gaps() {
        let mut funnel = Funnel::new(ALL, false);
        let jan: Month = "2025-01".parse().unwrap();
        let mar: Month = "2025-03".parse().unwrap();
        for (m, leads) in [(jan, 10), (mar, 20)] {
            let t = &mut funnel.month_mut(m)[0];
            t.leads = Some(leads);
            t.revenue = Some(d("100.50"));
        }
        let p = funnel.period(jan, mar, Channel::All);
        assert_eq!(p.leads, Some(30));
        assert_eq!(p.revenue, Some(d("201.00")));
        assert_eq!(funnel.missing(jan, mar), ["2025-02".parse().unwrap()]);
        assert_eq!(funnel.span(), Some((jan, mar)));
    }
}
