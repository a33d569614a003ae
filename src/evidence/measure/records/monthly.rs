//! A sheet of monthly totals into the funnel: each row one month, the
//! assistant's share in columns of its own, a month given twice counted once.

use super::{Counter, cell_text, reason_of};
use crate::evidence::measure::cell::{self, Month};
use crate::evidence::measure::funnel::{Channel, Sum, Tally};
use crate::evidence::measure::layout::MonthlyLayout;
use crate::evidence::measure::profile::Total;
use crate::evidence::measure::quality::{Conflict, Reason};
use crate::evidence::measure::table::{ReadError, Rows};

impl Counter {
    /// Counts one row of a monthly sheet: its month, every total's and the
    /// assistant's share of it, the rest worked out when the funnel is split.
    /// Refuses the sheet when a column's months add up past what a total
    /// holds: summed unchecked, 2⁶⁴ leads would wrap round to 0.
    pub(super) fn monthly(
        &mut self,
        file: &str,
        file_index: u16,
        layout: &MonthlyLayout,
        rows: &dyn Rows,
    ) -> Result<(), ReadError> {
        let row = rows.number();
        let Some(month) = self.month(file, layout, rows) else {
            return Ok(());
        };
        let Some([all, ai]) = self.sides(file, layout, rows) else {
            return Ok(());
        };
        let split = self.funnel.split;
        let other = if split {
            match subtract(&all, &ai) {
                Some(o) => o,
                None => {
                    self.quality
                        .skip(Reason::AiAboveTotal, "", file, row, &month.to_string());
                    return Ok(());
                }
            }
        } else {
            Tally::default()
        };
        if self.repeated(month, &all, file, row) {
            return Ok(());
        }
        self.months_seen.insert(month, (file_index, row));
        if self.outside(month) {
            self.quality.outside_period += 1;
            return Ok(());
        }
        let tallies = [all, ai, other];
        if let Some((channel, what)) = self.funnel.overflow(&tallies) {
            return Err(too_large(file, row, month, layout, channel, what));
        }
        self.quality.used += 1;
        self.funnel.months.insert(month, tallies);
        Ok(())
    }

    /// The row's month; `None` (the row skipped, with the reason) when it
    /// cannot be read.
    fn month(&mut self, file: &str, layout: &MonthlyLayout, rows: &dyn Rows) -> Option<Month> {
        let row = rows.number();
        let month_col = layout
            .columns
            .get(&(Total::Month, false))
            .copied()
            .unwrap_or(0);
        let header = || layout.headers[month_col].as_str();
        match cell::month_by(rows.cell(month_col), self.dates.order) {
            Ok(Some(m)) => Some(m),
            Ok(None) => {
                self.quality.skip(Reason::NoDate, header(), file, row, "");
                None
            }
            Err(bad) => {
                let value = cell_text(rows.cell(month_col));
                self.quality
                    .skip(reason_of(bad), header(), file, row, &value);
                None
            }
        }
    }

    /// The row's totals, every record's then the assistant's; `None` (the
    /// row skipped, with the reason) at the first cell that cannot be read.
    fn sides(&mut self, file: &str, layout: &MonthlyLayout, rows: &dyn Rows) -> Option<[Tally; 2]> {
        let row = rows.number();
        let col = |t: Total, ai: bool| layout.columns.get(&(t, ai)).copied();
        let header = |i: usize| layout.headers[i].as_str();
        let mut sides = [Tally::default(), Tally::default()];
        for (side, ai) in [(0, false), (1, true)] {
            let t = &mut sides[side];
            for total in [Total::Leads, Total::Bookings, Total::Visits, Total::NoShows] {
                let Some(i) = col(total, ai) else { continue };
                let value = match cell::count(rows.cell(i)) {
                    Ok(v) => v,
                    Err(bad) => {
                        let text = cell_text(rows.cell(i));
                        self.quality
                            .skip(reason_of(bad), header(i), file, row, &text);
                        return None;
                    }
                };
                match total {
                    Total::Leads => t.leads = value,
                    Total::Bookings => t.bookings = value,
                    Total::Visits => t.visits = value,
                    _ => t.no_shows = value,
                }
            }
            if let Some(i) = col(Total::Revenue, ai) {
                match cell::amount(rows.cell(i)) {
                    Ok(v) => t.revenue = v,
                    Err(bad) => {
                        let text = cell_text(rows.cell(i));
                        self.quality
                            .skip(reason_of(bad), header(i), file, row, &text);
                        return None;
                    }
                }
            }
        }
        Some(sides)
    }

    /// Whether `month` was given before: a month given twice (overlapping
    /// sheets) counts once, like a repeated ID, and is reported when its
    /// totals disagree.
    fn repeated(&mut self, month: Month, all: &Tally, file: &str, row: u64) -> bool {
        let Some(&(first_file, first_row)) = self.months_seen.get(&month) else {
            return false;
        };
        self.quality.duplicates += 1;
        if self.funnel.months.get(&month).is_some_and(|t| t[0] != *all) {
            self.quality.conflict(Conflict {
                id: month.to_string(),
                counted: (self.files[first_file as usize].clone(), first_row),
                other: (file.to_string(), row),
                says: format!(
                    "leads {}; bookings {}; visits {}",
                    all.leads.map_or("—".into(), |v| v.to_string()),
                    all.bookings.map_or("—".into(), |v| v.to_string()),
                    all.visits.map_or("—".into(), |v| v.to_string())
                ),
            });
        }
        true
    }
}

/// The refusal of a column whose months add up past its total's limit,
/// naming it by its header (the assistant's column for its channel).
fn too_large(
    file: &str,
    row: u64,
    month: Month,
    layout: &MonthlyLayout,
    channel: Channel,
    what: Sum,
) -> ReadError {
    let header = |total: Total| {
        let ai = channel == Channel::Ai && layout.columns.contains_key(&(total, true));
        layout
            .columns
            .get(&(total, ai))
            .and_then(|&i| layout.headers.get(i))
            .map_or_else(String::new, |h| format!("«{}»", h.trim()))
    };
    let column = match what {
        Sum::Leads => header(Total::Leads),
        Sum::Bookings => header(Total::Bookings),
        Sum::Visits => header(Total::Visits),
        Sum::NoShows => header(Total::NoShows),
        Sum::Judged => format!("{} + {}", header(Total::Visits), header(Total::NoShows)),
        Sum::Revenue => header(Total::Revenue),
    };
    ReadError::TooLarge {
        file: file.to_string(),
        row,
        month: month.to_string(),
        column,
        limit: if what == Sum::Revenue {
            "7.9e28"
        } else {
            "18446744073709551615"
        },
    }
}

/// The rest of a sheet's month once the assistant's share is taken out.
fn subtract(all: &Tally, ai: &Tally) -> Option<Tally> {
    fn minus(a: Option<u64>, b: Option<u64>) -> Result<Option<u64>, ()> {
        match (a, b) {
            (Some(a), Some(b)) => a.checked_sub(b).map(Some).ok_or(()),
            _ => Ok(None),
        }
    }
    let revenue = match (all.revenue, ai.revenue) {
        (Some(a), Some(b)) if b > a => return None,
        (Some(a), Some(b)) => Some(a - b),
        _ => None,
    };
    Some(Tally {
        leads: minus(all.leads, ai.leads).ok()?,
        bookings: minus(all.bookings, ai.bookings).ok()?,
        visits: minus(all.visits, ai.visits).ok()?,
        no_shows: minus(all.no_shows, ai.no_shows).ok()?,
        revenue,
        priced: 0,
        revenue_squares: None,
    })
}
