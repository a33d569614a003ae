//! The funnel split by the values of a column (`--by Источник`): which
//! channel brings leads that book and pay, the article's step 5 ("scale to
//! the remaining channels"). Counted beside the all/ai/other funnel, then
//! cut to the largest values and the rest.

use super::super::cell::{Month, YEARS};
use super::super::funnel::{Coverage, Tally};
use super::Quick;
use std::collections::{BTreeMap, HashMap};

/// How many values keep their own rows; the rest are summed as one.
pub const SHOWN_SOURCES: usize = 8;

/// The most distinct values a `--by` column may hold: a channel column has
/// a handful; one with more is an ID or a phone, and its month × value
/// tallies would take memory by the million.
pub const MAX_VALUES: usize = 10_000;

/// Tallies by month and by the column's value, as they are counted: each
/// value gets a number when first seen (one fast hash a row), and a month's
/// tallies are a vector by that number.
#[derive(Debug, Clone)]
pub struct BySource {
    coverage: Coverage,
    index: HashMap<String, usize, Quick>,
    values: Vec<String>,
    /// Each month's tallies at the month's place from January 1970 (a
    /// vector's index, where a tree was searched for every row).
    months: Vec<Vec<Tally>>,
    /// Months outside [`YEARS`] (none, as dates are read): in a tree.
    others: BTreeMap<Month, Vec<Tally>>,
    /// A value past [`MAX_VALUES`] was met: the split is refused.
    pub too_many: bool,
}

/// The split as reported: the largest values by leads, then the rest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// The column as the user named it.
    pub column: String,
    /// Its values in the order shown, largest first; `None` is every other
    /// value summed, present only when there are more than [`SHOWN_SOURCES`].
    /// An empty value is `Some("")`.
    pub sources: Vec<Option<String>>,
    /// Each month's tallies, in the order of `sources`.
    pub months: Vec<(Month, Vec<Tally>)>,
}

impl BySource {
    /// Nothing counted yet, for a funnel covering `coverage`.
    pub fn new(coverage: Coverage) -> BySource {
        BySource {
            coverage,
            index: HashMap::default(),
            values: Vec::new(),
            months: Vec::new(),
            others: BTreeMap::new(),
            too_many: false,
        }
    }

    /// The tally of `value` (trimmed) in `month`, made on first use; `None`
    /// once the column holds more than [`MAX_VALUES`] values.
    pub fn tally_mut(&mut self, month: Month, value: &str) -> Option<&mut Tally> {
        let value = crate::evidence::measure::cell::trimmed(value);
        let id = match self.index.get(value) {
            Some(&id) => id,
            None if self.values.len() == MAX_VALUES => {
                self.too_many = true;
                return None;
            }
            None => {
                self.values.push(value.to_string());
                self.index.insert(value.to_string(), self.values.len() - 1);
                self.values.len() - 1
            }
        };
        let tallies = match place(month) {
            Some(at) => {
                if self.months.len() <= at {
                    self.months.resize_with(at + 1, Vec::new);
                }
                &mut self.months[at]
            }
            None => self.others.entry(month).or_default(),
        };
        if tallies.len() <= id {
            tallies.resize(id + 1, Tally::zero(self.coverage));
        }
        Some(&mut tallies[id])
    }

    /// The same split with nothing counted (for a later half of a file).
    pub fn fresh(&self) -> BySource {
        BySource::new(self.coverage)
    }

    /// Adds the counts of the rows after these; `false` when one count of
    /// all of them could differ (past the limit of values, or a sum not
    /// exact in any order).
    pub fn merge(&mut self, later: BySource) -> bool {
        if self.too_many || later.too_many {
            return false;
        }
        let mut ids = Vec::with_capacity(later.values.len());
        for value in &later.values {
            let id = match self.index.get(value.as_str()) {
                Some(&id) => id,
                None if self.values.len() == MAX_VALUES => return false,
                None => {
                    self.values.push(value.clone());
                    self.index.insert(value.clone(), self.values.len() - 1);
                    self.values.len() - 1
                }
            };
            ids.push(id);
        }
        let placed = (later.months.into_iter().enumerate())
            .filter(|(_, tallies)| !tallies.is_empty())
            .map(|(at, tallies)| (month_at(at), tallies));
        for (month, tallies) in placed.chain(later.others) {
            for (j, t) in tallies.into_iter().enumerate() {
                let Some(mine) = self.tally_at(month, ids[j]) else {
                    return false;
                };
                match super::merge::merged(mine, &t) {
                    Some(sum) => *mine = sum,
                    None => return false,
                }
            }
        }
        true
    }

    /// The tally of value number `id` in `month`, made when new.
    fn tally_at(&mut self, month: Month, id: usize) -> Option<&mut Tally> {
        let tallies = match place(month) {
            Some(at) => {
                if self.months.len() <= at {
                    self.months.resize_with(at + 1, Vec::new);
                }
                &mut self.months[at]
            }
            None => self.others.entry(month).or_default(),
        };
        if tallies.len() <= id {
            tallies.resize(id + 1, Tally::zero(self.coverage));
        }
        tallies.get_mut(id)
    }

    /// The split to report: values ranked by their leads over every month
    /// (then by name, so the order is the same each run), the first
    /// [`SHOWN_SOURCES`] on their own and the rest summed as one.
    pub fn split(&self, column: &str) -> Split {
        let mut months: Vec<(Month, &Vec<Tally>)> = (self.months.iter().enumerate())
            .filter(|(_, tallies)| !tallies.is_empty())
            .map(|(at, tallies)| (month_at(at), tallies))
            .chain(self.others.iter().map(|(m, tallies)| (*m, tallies)))
            .collect();
        months.sort_by_key(|(month, _)| *month);
        let mut totals = vec![0u64; self.values.len()];
        for (_, tallies) in &months {
            for (id, t) in tallies.iter().enumerate() {
                totals[id] += t.leads.or(t.bookings).unwrap_or(0);
            }
        }
        let mut ranked: Vec<usize> = (0..self.values.len()).collect();
        ranked.sort_by(|&a, &b| {
            totals[b]
                .cmp(&totals[a])
                .then(self.values[a].cmp(&self.values[b]))
        });
        let rest = ranked.len() > SHOWN_SOURCES;
        let shown = &ranked[..ranked.len().min(SHOWN_SOURCES)];
        let mut sources: Vec<Option<String>> = shown
            .iter()
            .map(|&id| Some(self.values[id].clone()))
            .collect();
        if rest {
            sources.push(None);
        }
        let zero = Tally::zero(self.coverage);
        let months = months
            .into_iter()
            .map(|(month, tallies)| {
                let at = |id: usize| tallies.get(id).copied().unwrap_or(zero);
                let mut row: Vec<Tally> = shown.iter().map(|&id| at(id)).collect();
                if rest {
                    let other = ranked[SHOWN_SOURCES..]
                        .iter()
                        .fold(zero, |sum, &id| sum.plus(&at(id)));
                    row.push(other);
                }
                (month, row)
            })
            .collect();
        Split {
            column: column.to_string(),
            sources,
            months,
        }
    }
}

/// Where `month` is in [`BySource::months`]; `None` outside [`YEARS`].
fn place(month: Month) -> Option<usize> {
    let ok = YEARS.contains(&month.year) && (1..=12).contains(&month.month);
    ok.then(|| (month.year - YEARS.start()) as usize * 12 + month.month as usize - 1)
}

/// The month at place `at` of [`BySource::months`].
fn month_at(at: usize) -> Month {
    Month {
        year: YEARS.start() + (at / 12) as i32,
        month: (at % 12) as u32 + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_months_place_gives_the_month_back() {
        for year in [1970, 2025, 2100] {
            for month in 1..=12 {
                let m = Month { year, month };
                assert_eq!(place(m).map(month_at), Some(m));
            }
        }
        assert_eq!(
            place(Month {
                year: 1969,
                month: 12
            }),
            None
        );
        assert_eq!(
            place(Month {
                year: 2101,
                month: 1
            }),
            None
        );
    }

    #[test]
    fn the_largest_values_keep_their_rows_and_the_rest_are_summed() {
        let coverage = Coverage {
            leads: true,
            bookings: true,
            visits: true,
            no_shows: true,
            revenue: true,
            per_visit: true,
        };
        let mut by = BySource::new(coverage);
        let jan: Month = "2025-01".parse().unwrap();
        // Value n has n + 1 leads; ten values, so two are summed as the rest.
        for n in 0..10u64 {
            for _ in 0..=n {
                let t = by.tally_mut(jan, &format!(" v{n} ")).unwrap();
                t.leads = t.leads.map(|l| l + 1);
            }
        }
        let split = by.split("Источник");
        let names: Vec<Option<&str>> = split.sources.iter().map(|s| s.as_deref()).collect();
        assert_eq!(
            names,
            [
                Some("v9"),
                Some("v8"),
                Some("v7"),
                Some("v6"),
                Some("v5"),
                Some("v4"),
                Some("v3"),
                Some("v2"),
                None
            ]
        );
        let (_, row) = &split.months[0];
        assert_eq!(row[0].leads, Some(10));
        // v1 and v0: 2 + 1 leads.
        assert_eq!(row[8].leads, Some(3));
    }
}
