//! What was left out of the count and why: nothing is dropped silently.

use std::collections::BTreeMap;

/// How many examples of each kind of problem are kept to show.
pub const EXAMPLES: usize = 3;

/// Why a row was left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reason {
    /// The created date (or a sheet's month) is empty.
    NoDate,
    /// The date fits no form the tool reads.
    BadDate,
    /// The date is outside 1970–2100.
    DateOutOfRange,
    /// The status is empty.
    NoStatus,
    /// The amount is not a number.
    BadAmount,
    /// `1,500`: thousands or decimals, it cannot be told.
    AmbiguousAmount,
    /// The amount is below zero.
    NegativeAmount,
    /// A sheet's month fits no form.
    BadMonth,
    /// A sheet's count is not a whole number ≥ 0.
    BadCount,
    /// The assistant's share is larger than the month's total.
    AiAboveTotal,
}

impl Reason {
    /// The name in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Reason::NoDate => "no_date",
            Reason::BadDate => "bad_date",
            Reason::DateOutOfRange => "date_out_of_range",
            Reason::NoStatus => "no_status",
            Reason::BadAmount => "bad_amount",
            Reason::AmbiguousAmount => "ambiguous_amount",
            Reason::NegativeAmount => "negative_amount",
            Reason::BadMonth => "bad_month",
            Reason::BadCount => "bad_count",
            Reason::AiAboveTotal => "ai_above_total",
        }
    }

    /// What it means, for people (English key of the catalogue).
    pub fn describe(self) -> &'static str {
        match self {
            Reason::NoDate => "no date",
            Reason::BadDate => "not a date",
            Reason::DateOutOfRange => "a date outside 1970–2100 (write the year in four digits)",
            Reason::NoStatus => "no status",
            Reason::BadAmount => "not an amount",
            Reason::AmbiguousAmount => "an amount like 1,500 (thousands or decimals?)",
            Reason::NegativeAmount => "a negative amount",
            Reason::BadMonth => "not a month",
            Reason::BadCount => "not a whole number",
            Reason::AiAboveTotal => "the assistant's share above the total",
        }
    }
}

/// Adds a row to its reason's and column's [`Skip`], keeping the first examples.
fn note(
    list: &mut Vec<Skip>,
    index: &mut BTreeMap<(Reason, String), usize>,
    (reason, column): (Reason, &str),
    (file, row, value): (&str, u64, &str),
) {
    let i = *index
        .entry((reason, column.to_string()))
        .or_insert_with(|| {
            list.push(Skip {
                reason,
                column: column.to_string(),
                rows: 0,
                examples: Vec::new(),
            });
            list.len() - 1
        });
    let skip = &mut list[i];
    skip.rows += 1;
    if skip.examples.len() < EXAMPLES {
        skip.examples.push(Example {
            file: file.to_string(),
            row,
            // A bad cell is shown, never copied whole: it may be megabytes.
            value: crate::input::clip(value),
        });
    }
}

/// A row as the user finds it: the file and the row number their program shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// The file as named.
    pub file: String,
    /// The row (spreadsheet row, CSV line).
    pub row: u64,
    /// The cell as written.
    pub value: String,
}

/// Rows left out for one reason in one column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skip {
    /// Why.
    pub reason: Reason,
    /// The column's header as written.
    pub column: String,
    /// How many rows.
    pub rows: u64,
    /// The first few.
    pub examples: Vec<Example>,
}

/// An ID whose rows disagree on status or amount: the first row was counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The ID as written.
    pub id: String,
    /// The row counted.
    pub counted: (String, u64),
    /// A later row that disagrees with it.
    pub other: (String, u64),
    /// What the later row says: its outcome, amount and month.
    pub says: String,
}

/// The account of every row read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Quality {
    /// Data rows read (blank rows, title and header rows are not data).
    pub rows: u64,
    /// Rows counted in the funnel.
    pub used: u64,
    /// Rows repeating an ID already counted (Bitrix24 repeats a deal per product).
    pub duplicates: u64,
    /// Rows outside `--from`/`--to`.
    pub outside_period: u64,
    /// Rows left out, by reason and column.
    pub skipped: Vec<Skip>,
    /// IDs whose repeated rows disagree (how many).
    pub conflicts: u64,
    /// The first few of them.
    pub conflict_examples: Vec<Conflict>,
    /// Visits counted without an amount: revenue and the check leave them out.
    pub unpriced_visits: u64,
    /// Visits among them whose amount cell could not be read: the visit
    /// counts, only its revenue is unknown. By reason and column.
    pub unreadable_amounts: Vec<Skip>,
    /// Totals rows ("Итого") at the foot of a report: read, and rightly not counted.
    pub totals_rows: u64,
    skip_index: BTreeMap<(Reason, String), usize>,
    unreadable_index: BTreeMap<(Reason, String), usize>,
}

impl Quality {
    /// Counts a row left out.
    pub fn skip(&mut self, reason: Reason, column: &str, file: &str, row: u64, value: &str) {
        note(
            &mut self.skipped,
            &mut self.skip_index,
            (reason, column),
            (file, row, value),
        );
    }

    /// Counts a visit whose amount cell could not be read: counted as a
    /// visit, without revenue.
    pub fn unreadable_amount(
        &mut self,
        reason: Reason,
        column: &str,
        file: &str,
        row: u64,
        value: &str,
    ) {
        note(
            &mut self.unreadable_amounts,
            &mut self.unreadable_index,
            (reason, column),
            (file, row, value),
        );
    }

    /// Counts an ID whose rows disagree.
    pub fn conflict(&mut self, conflict: Conflict) {
        self.conflicts += 1;
        if self.conflict_examples.len() < EXAMPLES {
            self.conflict_examples.push(conflict);
        }
    }

    /// Rows left out for any reason.
    pub fn skipped_rows(&self) -> u64 {
        self.skipped.iter().map(|s| s.rows).sum()
    }

    /// Whether anything was left out, disagreed or could not be read (what `--strict` refuses).
    pub fn has_problems(&self) -> bool {
        self.skipped_rows() > 0 || self.conflicts > 0 || !self.unreadable_amounts.is_empty()
    }

    /// Visits whose amount cell could not be read.
    pub fn unreadable_visits(&self) -> u64 {
        self.unreadable_amounts.iter().map(|s| s.rows).sum()
    }

    /// Adds the account of the rows after these (a file's later half), as
    /// one account of all of them would read: its examples after these.
    pub fn merge(&mut self, later: Quality) {
        let Quality {
            rows,
            used,
            duplicates,
            outside_period,
            skipped,
            conflicts,
            conflict_examples,
            unpriced_visits,
            unreadable_amounts,
            totals_rows,
            skip_index: _,
            unreadable_index: _,
        } = later;
        self.rows += rows;
        self.used += used;
        self.duplicates += duplicates;
        self.outside_period += outside_period;
        self.conflicts += conflicts;
        self.unpriced_visits += unpriced_visits;
        self.totals_rows += totals_rows;
        let room = EXAMPLES.saturating_sub(self.conflict_examples.len());
        self.conflict_examples
            .extend(conflict_examples.into_iter().take(room));
        merge_skips(&mut self.skipped, &mut self.skip_index, skipped);
        merge_skips(
            &mut self.unreadable_amounts,
            &mut self.unreadable_index,
            unreadable_amounts,
        );
    }
}

/// `later`'s rows left out added to `list`, kind by kind in the order first seen.
fn merge_skips(
    list: &mut Vec<Skip>,
    index: &mut BTreeMap<(Reason, String), usize>,
    later: Vec<Skip>,
) {
    for skip in later {
        match index.get(&(skip.reason, skip.column.clone())) {
            Some(&i) => {
                let mine = &mut list[i];
                mine.rows += skip.rows;
                let room = EXAMPLES.saturating_sub(mine.examples.len());
                mine.examples.extend(skip.examples.into_iter().take(room));
            }
            None => {
                index.insert((skip.reason, skip.column.clone()), list.len());
                list.push(skip);
            }
        }
    }
}
