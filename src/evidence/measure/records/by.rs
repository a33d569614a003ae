//! The funnel split by the values of a column (`--by Источник`): which
//! channel brings leads that book and pay, the article's step 5 ("scale to
//! the remaining channels"). Counted beside the all/ai/other funnel, then
//! cut to the largest values and the rest.

use super::super::cell::Month;
use super::super::funnel::{Coverage, Tally};
use std::collections::{BTreeMap, HashMap};

/// How many values keep their own rows; the rest are summed as one.
pub const SHOWN_SOURCES: usize = 8;

/// Tallies by month and by the column's value, as they are counted.
#[derive(Debug, Clone)]
pub struct BySource {
    coverage: Coverage,
    months: BTreeMap<Month, HashMap<String, Tally>>,
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
            months: BTreeMap::new(),
        }
    }

    /// The tally of `value` in `month`, made on first use. The value is
    /// trimmed; a source column holds a handful of them, so the lookup by
    /// text costs a hash, and a copy only the first time.
    pub fn tally_mut(&mut self, month: Month, value: &str) -> &mut Tally {
        let values = self.months.entry(month).or_default();
        let value = value.trim();
        if !values.contains_key(value) {
            values.insert(value.to_string(), Tally::zero(self.coverage));
        }
        values.get_mut(value).expect("inserted above")
    }

    /// The split to report: values ranked by their leads over every month
    /// (then by name, so the order is the same each run), the first
    /// [`SHOWN_SOURCES`] on their own and the rest summed as one.
    pub fn split(&self, column: &str) -> Split {
        let mut totals: HashMap<&str, u64> = HashMap::new();
        for values in self.months.values() {
            for (value, t) in values {
                *totals.entry(value).or_default() += t.leads.or(t.bookings).unwrap_or(0);
            }
        }
        let mut ranked: Vec<(&str, u64)> = totals.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let rest = ranked.len() > SHOWN_SOURCES;
        let shown: Vec<&str> = ranked
            .iter()
            .take(if rest { SHOWN_SOURCES } else { ranked.len() })
            .map(|(v, _)| *v)
            .collect();
        let mut sources: Vec<Option<String>> = shown.iter().map(|v| Some(v.to_string())).collect();
        if rest {
            sources.push(None);
        }
        let months = self
            .months
            .iter()
            .map(|(month, values)| {
                let zero = Tally::zero(self.coverage);
                let mut row: Vec<Tally> = shown
                    .iter()
                    .map(|v| values.get(*v).copied().unwrap_or(zero))
                    .collect();
                if rest {
                    let other = values
                        .iter()
                        .filter(|(v, _)| !shown.contains(&v.as_str()))
                        .fold(zero, |sum, (_, t)| sum.plus(t));
                    row.push(other);
                }
                (*month, row)
            })
            .collect();
        Split {
            column: column.to_string(),
            sources,
            months,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
                let t = by.tally_mut(jan, &format!(" v{n} "));
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
