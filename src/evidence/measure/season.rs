//! The year's shape, learnt from an export: each calendar month's leads over
//! the mean month, for a scenario's `[seasonality]`.
//!
//! Only months up to the baseline's end are used: those are the months without
//! the assistant, so its own leads do not pass for a season.

use super::cell::Month;
use super::funnel::{Channel, Funnel};
use crate::format::round;
use rust_decimal::Decimal;

/// Places a factor is written to: a tenth of a lead in a thousand, far below
/// what one month's count can tell.
pub const PLACES: u32 = 4;

/// Each calendar month's weight in an average year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Season {
    /// The first month the shape was learnt from.
    pub from: Month,
    /// The last month it was learnt from (the baseline's last).
    pub to: Month,
    /// January … December: that calendar month's mean leads over the mean of
    /// the twelve, to [`PLACES`] places, half away from zero.
    pub factors: [Decimal; 12],
    /// How many months of each calendar month the data holds (January first).
    pub seen: [u32; 12],
}

impl Season {
    /// The factor of `month`'s calendar month.
    pub fn factor(&self, month: Month) -> Decimal {
        self.factors[(month.month - 1) as usize]
    }
}

/// The shape of the year from the months with records up to `to`, or `None`
/// when the data does not hold every calendar month (fewer than twelve months,
/// a gap, no leads counted) or has no leads at all.
pub fn learn(funnel: &Funnel, to: Month) -> Option<Season> {
    if !funnel.coverage.leads {
        return None;
    }
    let mut sums = [0u64; 12];
    let mut seen = [0u32; 12];
    let mut from = None;
    for (month, tallies) in funnel.months.range(..=to) {
        let leads = tallies[Channel::All as usize].leads?;
        let i = (month.month - 1) as usize;
        sums[i] = sums[i].checked_add(leads)?;
        seen[i] += 1;
        from.get_or_insert(*month);
    }
    if seen.contains(&0) {
        return None;
    }
    // Means per calendar month, then each over their mean: the twelve average 1.
    let means: Vec<Decimal> = sums
        .iter()
        .zip(seen)
        .map(|(&s, n)| Decimal::from(s) / Decimal::from(n))
        .collect();
    let total: Decimal = means
        .iter()
        .try_fold(Decimal::ZERO, |a, m| a.checked_add(*m))?;
    if total.is_zero() {
        return None;
    }
    let mut factors = [Decimal::ZERO; 12];
    for (f, m) in factors.iter_mut().zip(&means) {
        *f = round(
            m.checked_mul(Decimal::from(12))?.checked_div(total)?,
            PLACES,
        )
        .normalize();
    }
    Some(Season {
        from: from?,
        to,
        factors,
        seen,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::measure::funnel::{Coverage, Funnel};

    fn funnel(first: Month, leads: &[u64]) -> Funnel {
        let coverage = Coverage {
            leads: true,
            bookings: true,
            visits: true,
            no_shows: false,
            revenue: false,
            per_visit: false,
        };
        let mut f = Funnel::new(coverage, false);
        let mut m = first;
        for &l in leads {
            f.month_mut(m)[Channel::All as usize].leads = Some(l);
            m = m.next();
        }
        f
    }

    fn month(year: i32, month: u32) -> Month {
        Month { year, month }
    }

    #[test]
    fn twelve_months_give_each_over_their_mean() {
        // Jan … Dec: 80 90 100 … 190; mean 135. January 80/135 = 0.592592… → 0.5926.
        let leads: Vec<u64> = (0..12).map(|i| 80 + 10 * i).collect();
        let s = learn(&funnel(month(2025, 1), &leads), month(2025, 12)).unwrap();
        assert_eq!(s.factors[0], Decimal::new(5926, 4));
        // 135/135 lands between June (130) and July (140): 130/135 = 0.962962… → 0.963.
        assert_eq!(s.factors[5], Decimal::new(963, 3));
        // December 190/135 = 1.407407… → 1.4074.
        assert_eq!(s.factors[11], Decimal::new(14074, 4));
        assert_eq!(s.seen, [1; 12]);
        assert_eq!((s.from, s.to), (month(2025, 1), month(2025, 12)));
    }

    #[test]
    fn a_month_seen_twice_is_averaged_and_later_months_are_ignored() {
        // 2024-11 … 2025-12, 14 months: November 120 and 80 (mean 100),
        // December 150 and 250 (mean 200), the ten others 100; then 2026-01
        // with 1000 leads, after `to`, which must not count.
        let mut leads = vec![120, 150];
        leads.extend([100; 10]);
        leads.extend([80, 250, 1000]);
        let s = learn(&funnel(month(2024, 11), &leads), month(2025, 12)).unwrap();
        // Means: eleven of 100 and one of 200; their mean is 1300/12.
        // 100 ÷ (1300/12) = 12/13 = 0.923076… → 0.9231; 200 ÷ (1300/12) = 24/13 = 1.846153… → 1.8462.
        assert_eq!(s.factors[10], Decimal::new(9231, 4));
        assert_eq!(s.factors[11], Decimal::new(18462, 4));
        assert_eq!(s.factors[0], Decimal::new(9231, 4));
        assert_eq!(s.seen[10], 2);
        assert_eq!(s.seen[11], 2);
        assert_eq!(s.seen[0], 1);
    }

    #[test]
    fn fewer_than_twelve_calendar_months_give_none() {
        let leads = [100; 11];
        assert_eq!(
            learn(&funnel(month(2025, 1), &leads), month(2025, 12)),
            None
        );
        // Twelve months, but `to` cuts the last off.
        let leads = [100; 12];
        assert_eq!(
            learn(&funnel(month(2025, 1), &leads), month(2025, 11)),
            None
        );
        // No leads at all.
        assert_eq!(
            learn(&funnel(month(2025, 1), &[0; 12]), month(2025, 12)),
            None
        );
    }
}
