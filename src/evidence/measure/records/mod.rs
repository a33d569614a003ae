//! Rows into the funnel: each row checked, classified, de-duplicated and
//! counted in the month it was created, streaming, so memory does not grow
//! with the rows (only a 24-byte entry per distinct ID, to count repeats once).

mod by;
mod clients;
mod daily;
mod merge;
mod monthly;
mod status;

pub use by::{BySource, MAX_VALUES, SHOWN_SOURCES, Split};
pub use clients::{ClientRecord, Clients, client_key};
pub use daily::Daily;
use status::Statuses;
pub use status::{How, StatusUse};

use super::cell::{self, Bad, DateRule, Evidence, Month, Order};
use super::funnel::{Channel, Coverage, Funnel, Tally};
use super::layout::{Layout, RecordLayout};
use super::mapping::{Mapping, Test};
use super::profile::{Field, Outcome, Semantic, Total, normalize, semantic};
use super::quality::{Conflict, Quality, Reason};
use super::table::{Cell, ReadError, Rows, TextRow};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault, Hash, Hasher, RandomState};

/// Where a counted ID was first seen, and what it said, to spot disagreeing repeats.
#[derive(Clone, Copy)]
struct Seen {
    fingerprint: u32,
    file: u16,
    row: u32,
}

/// The current row of a records export, its cells found by field through
/// the layout: borrowed, so a row costs nothing to look at.
struct Record<'a> {
    layout: &'a RecordLayout,
    columns: &'a Columns,
    rows: &'a dyn Rows,
    /// The row as text, when the reader gives it so (CSV): its cells are
    /// then read without a call through the trait each.
    text: Option<TextRow<'a>>,
}

/// Each field's column, looked up by the field's number: a row looks up
/// half a dozen, where a search of the layout's map took a tree walk each.
struct Columns([Option<usize>; Field::ALL.len()]);

impl Columns {
    fn of(layout: &RecordLayout) -> Columns {
        Columns(Field::ALL.map(|f| layout.columns.get(&f).copied()))
    }
}

impl<'a> Record<'a> {
    fn col(&self, f: Field) -> Option<usize> {
        self.columns.0[f as usize]
    }

    /// The field's header as written, for the account of skipped rows.
    fn header(&self, f: Field) -> &'a str {
        self.col(f).map_or("", |i| self.layout.headers[i].as_str())
    }

    fn cell(&self, f: Field) -> Cell<'a> {
        self.col(f).map_or(Cell::Empty, |i| self.at(i))
    }

    /// The cell in column `i`.
    fn at(&self, i: usize) -> Cell<'a> {
        match &self.text {
            Some(row) => row.cell(i),
            None => self.rows.cell(i),
        }
    }
}

/// A fast hash for the per-row lookups (IDs, status texts): a multiply per
/// eight bytes. SipHash's resistance to crafted keys buys nothing for a file
/// the user chose, and SipHash per row was a tenth of a million-row run.
#[derive(Default)]
struct IdHasher(u64);

/// Maps keyed with [`IdHasher`].
type Quick = BuildHasherDefault<IdHasher>;

impl IdHasher {
    fn mix(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Whole words by a fixed-size copy (one load); a short tail byte by
        // byte, where copying a slice of any length called memcpy per word.
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.mix(u64::from_le_bytes(word));
        }
        let tail = chunks.remainder();
        if !tail.is_empty() {
            let word = tail.iter().rev().fold(0, |w, &b| w << 8 | u64::from(b));
            self.mix(word);
        }
    }
    // A `str`'s hash ends with a 0xFF byte: one mix, as `write` would do it.
    fn write_u8(&mut self, b: u8) {
        self.mix(u64::from(b));
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// Counts rows of one or more files of one system into a funnel.
pub struct Counter {
    /// The funnel so far.
    pub funnel: Funnel,
    /// The account of every row.
    pub quality: Quality,
    statuses: Statuses,
    seen: HashMap<u64, Seen, Quick>,
    months_seen: HashMap<Month, (u16, u64)>,
    ai_seen: Vec<HashMap<String, bool, Quick>>,
    hasher: RandomState,
    files: Vec<String>,
    from: Option<Month>,
    to: Option<Month>,
    /// How the creation dates are read: the mapping's order (or the
    /// profile's, set per file) and format, the zone of timestamps.
    dates: DateRule,
    /// The order the mapping gives, which a profile's does not override.
    mapping_order: Option<Order>,
    /// What the creation dates proved about their order of day and month.
    pub evidence: Evidence,
    /// The funnel by the values of the `--by` column, when asked for.
    pub by: Option<BySource>,
    /// The funnel day by day, when asked for (a switchback pilot).
    pub daily: Option<Daily>,
    /// Each used record's client, when asked for (retention).
    pub clients: Option<Clients>,
    /// The first month whose revenue passed what exact arithmetic holds, and
    /// the amount column: the count is refused rather than rounded.
    pub overflow: Option<(Month, String)>,
}

/// The outcomes a records layout can give, for what the data covers.
pub fn coverage(layout: &Layout, mapping: &Mapping) -> Coverage {
    match layout {
        Layout::Records(r) => {
            let p = r.profile;
            let mut can: Vec<Outcome> = p.statuses.iter().map(|(_, o)| *o).collect();
            can.extend(mapping.statuses.iter().map(|(_, o)| *o));
            if r.columns.contains_key(&Field::Group) {
                can.push(p.success);
            }
            let visits = can.contains(&Outcome::Visited);
            let revenue = visits && r.columns.contains_key(&Field::Amount);
            Coverage {
                leads: p.records_are_leads,
                bookings: true,
                visits,
                no_shows: can.contains(&Outcome::NoShow),
                revenue,
                per_visit: revenue,
            }
        }
        Layout::Monthly(m) => {
            let has = |t: Total| m.columns.contains_key(&(t, false));
            Coverage {
                leads: has(Total::Leads),
                bookings: has(Total::Bookings),
                visits: has(Total::Visits),
                no_shows: has(Total::NoShows),
                revenue: has(Total::Revenue),
                per_visit: false,
            }
        }
    }
}

/// A cell as the text a user typed, for messages and status lookups.
pub fn cell_text(cell: Cell<'_>) -> String {
    cell_str(cell).into_owned()
}

/// [`cell_text`] without a copy for text cells, which are nearly all of them.
#[inline]
pub fn cell_str(cell: Cell<'_>) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    match cell {
        Cell::Text(t) => Cow::Borrowed(t),
        Cell::Empty => Cow::Borrowed(""),
        other => Cow::Owned(typed_text(other)),
    }
}

/// A spreadsheet's typed cell as text.
#[cold]
fn typed_text(cell: Cell<'_>) -> String {
    match cell {
        Cell::Empty | Cell::Text(_) => String::new(),
        // 1.0 reads "1", as the status codes are written.
        Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", n as i64),
        Cell::Number(n) => n.to_string(),
        Cell::DateTime(d) => d.to_string(),
        Cell::Bool(b) => b.to_string(),
    }
}

/// The row's first cell that is not empty; `None` for an empty row.
fn first_cell(rows: &dyn Rows) -> Option<Cell<'_>> {
    (0..rows.width())
        .map(|i| rows.cell(i))
        .find(|c| !matches!(c, Cell::Empty))
}

/// "Итого", "Всего", "Total" at the start of a row (its first cell that is
/// not empty): a report's totals, not a record.
fn is_totals(first: Cell<'_>) -> bool {
    match first {
        // Most rows start with an ID: only a letter can begin "Итого".
        Cell::Text(t) if t.starts_with(char::is_alphabetic) => {
            let head: String = t.chars().take(5).flat_map(char::to_lowercase).collect();
            matches!(head.as_str(), "итого" | "всего" | "total")
        }
        _ => false,
    }
}

fn reason_of(bad: Bad) -> Reason {
    match bad {
        Bad::Date => Reason::BadDate,
        Bad::Year => Reason::DateOutOfRange,
        Bad::Amount => Reason::BadAmount,
        Bad::Negative => Reason::NegativeAmount,
        Bad::Ambiguous => Reason::AmbiguousAmount,
        Bad::Month => Reason::BadMonth,
        Bad::Count => Reason::BadCount,
    }
}

fn truthy(cell: Cell<'_>) -> bool {
    match cell {
        Cell::Bool(b) => b,
        Cell::Number(n) => n != 0.0,
        Cell::Text(t) => matches!(normalize(t).as_str(), "1" | "true" | "да" | "yes" | "y"),
        _ => false,
    }
}

fn matches(test: &Test, text: &str) -> bool {
    let text = normalize(text);
    match test {
        Test::Contains(part) => text.contains(&normalize(part)),
        Test::Equals(values) => values
            .iter()
            .map(|v| normalize(v))
            .any(|v| v == text || text.split([',', ';']).any(|item| item.trim() == v)),
    }
}

impl Counter {
    /// A counter for a funnel covering `coverage`, split by channel when `split`.
    pub fn new(
        coverage: Coverage,
        split: bool,
        mapping: &Mapping,
        from: Option<Month>,
        to: Option<Month>,
    ) -> Counter {
        Counter {
            funnel: Funnel::new(coverage, split),
            quality: Quality::default(),
            statuses: Statuses::new(mapping.statuses.iter().map(|(t, o)| (t, o))),
            seen: HashMap::default(),
            months_seen: HashMap::new(),
            ai_seen: Vec::new(),
            hasher: RandomState::new(),
            files: Vec::new(),
            from,
            to,
            dates: DateRule {
                order: mapping.date_order,
                format: mapping.date_format.clone(),
                utc_offset: mapping.utc_offset.unwrap_or(cell::MOSCOW),
            },
            mapping_order: mapping.date_order,
            evidence: Evidence::default(),
            by: None,
            daily: None,
            clients: None,
            overflow: None,
        }
    }

    /// Counts the funnel by a column's values as well (`--by`).
    pub fn with_by(mut self) -> Counter {
        self.by = Some(BySource::new(self.funnel.coverage));
        self
    }

    /// Counts the funnel day by day as well (a switchback pilot).
    pub fn with_daily(mut self) -> Counter {
        self.daily = Some(Daily::new(self.funnel.coverage));
        self
    }

    /// Collects each record's client as well (retention).
    pub fn with_clients(mut self) -> Counter {
        self.clients = Some(Clients::new());
        self
    }

    /// Reads every date as `order` says: the second count, once a column has
    /// proved the order its first count could not know yet.
    pub fn with_order(mut self, order: Order) -> Counter {
        self.mapping_order = Some(order);
        self.dates.order = Some(order);
        self
    }

    /// Every status text seen, in the order first seen.
    pub fn statuses(&self) -> &[StatusUse] {
        self.statuses.list()
    }

    /// Reads the data rows of one file (`rows` left on its header row).
    pub fn count_file(
        &mut self,
        file: &str,
        layout: &Layout,
        rows: &mut dyn Rows,
    ) -> Result<(), ReadError> {
        self.files.push(file.to_string());
        let file_index = (self.files.len() - 1) as u16;
        if let Layout::Records(r) = layout {
            self.dates.order = self.mapping_order.or(r.profile.date_order);
        }
        let mut columns = None;
        while rows.advance()? {
            let Some(first) = first_cell(rows) else {
                continue;
            };
            self.quality.rows += 1;
            if is_totals(first) {
                // A report's own sum of the rows above: not a record, and not a mistake.
                self.quality.totals_rows += 1;
                continue;
            }
            match layout {
                Layout::Records(r) => {
                    let columns = columns.get_or_insert_with(|| Columns::of(r));
                    self.record(file, file_index, r, columns, rows);
                }
                Layout::Monthly(m) => self.monthly(file, file_index, m, rows)?,
            }
        }
        Ok(())
    }

    fn outside(&self, month: Month) -> bool {
        self.from.is_some_and(|f| month < f) || self.to.is_some_and(|t| month > t)
    }

    /// Counts one row of a records export: dated, priced, classified by its
    /// status, counted once per ID, and tallied in its month and channel.
    fn record(
        &mut self,
        file: &str,
        file_index: u16,
        layout: &RecordLayout,
        columns: &Columns,
        rows: &dyn Rows,
    ) {
        let row = rows.number();
        let r = Record {
            layout,
            columns,
            rows,
            text: rows.text_row(),
        };
        let Some((created, amount, unreadable)) = self.dated(file, row, &r) else {
            return;
        };
        let status = cell_str(r.cell(Field::Status));
        let deleted = r.col(Field::Deleted).is_some_and(|i| truthy(r.at(i)));
        if !deleted && status.is_empty() && r.col(Field::Group).is_none() {
            self.quality
                .skip(Reason::NoStatus, r.header(Field::Status), file, row, "");
            return;
        }
        let k = self.statuses.text(&status);
        let outcome = if deleted {
            Some((Outcome::Lost, How::Deleted))
        } else {
            self.classify(&r, k, &status)
        };
        let (o, how) = (outcome.map(|o| o.0), outcome.map(|o| o.1));
        self.statuses.note(k, &status, o, how);
        let Some((outcome, _)) = outcome else {
            // Refused at the end with every unknown text listed; not counted.
            return;
        };

        if let Some(i) = r.col(Field::Id) {
            let id = cell_str(r.at(i));
            if !cell::trimmed(&id).is_empty()
                && !self.first_time(&id, outcome, amount, Month::of(created), file_index, row)
            {
                return;
            }
        }
        let month = cell::Month::of(created);
        if self.outside(month) {
            self.quality.outside_period += 1;
            return;
        }
        let ai = self.is_ai(&r);
        self.quality.used += 1;
        if outcome == Outcome::Visited && amount.is_none() && self.funnel.coverage.revenue {
            self.quality.unpriced_visits += 1;
            if let Some(bad) = unreadable {
                let value = cell_text(r.cell(Field::Amount));
                let column = r.header(Field::Amount);
                self.quality
                    .unreadable_amount(reason_of(bad), column, file, row, &value);
            }
        }
        let by = layout.by.map(|i| r.at(i));
        if let Some(daily) = self.daily.as_mut() {
            daily.add(created, ai, outcome, amount);
        }
        if self.clients.is_some() {
            self.client(&r, created, outcome, ai, amount);
        }
        if !self.tally(month, ai, outcome, amount, by) && self.overflow.is_none() {
            self.overflow = Some((month, r.header(Field::Amount).to_string()));
        }
    }

    /// The record's creation date, which places it (a record without one is
    /// left out), and its amount, which only a visit's revenue needs: an
    /// unreadable amount is `None` with why, and costs only that revenue.
    fn dated(
        &mut self,
        file: &str,
        row: u64,
        r: &Record<'_>,
    ) -> Option<(NaiveDate, Option<Decimal>, Option<Bad>)> {
        let created = match cell::date_by(r.cell(Field::Created), &self.dates) {
            Ok(Some((d, clue))) => {
                self.evidence
                    .note(clue, file, row, || cell_text(r.cell(Field::Created)));
                d
            }
            Ok(None) => {
                self.quality
                    .skip(Reason::NoDate, r.header(Field::Created), file, row, "");
                return None;
            }
            Err(bad) => {
                let value = cell_text(r.cell(Field::Created));
                self.quality
                    .skip(reason_of(bad), r.header(Field::Created), file, row, &value);
                return None;
            }
        };
        Some(match cell::amount(r.cell(Field::Amount)) {
            Ok(a) => (created, a, None),
            Err(bad) => (created, None, Some(bad)),
        })
    }

    /// The outcome of a status that is there: by its text, else by
    /// Bitrix24's stage group; `None` (refused at the end, listed) otherwise.
    fn classify(&mut self, r: &Record<'_>, k: usize, status: &str) -> Option<(Outcome, How)> {
        let profile = r.layout.profile;
        self.statuses.by_text(k, status, profile).or_else(|| {
            let group = cell_text(r.cell(Field::Group));
            semantic(&group).map(|s| {
                let o = match s {
                    Semantic::Success => r.layout.profile.success,
                    Semantic::Failure => Outcome::Lost,
                    Semantic::Process => Outcome::Open,
                };
                (o, How::Group)
            })
        })
    }

    /// Whether the assistant brought the record: any of the rule's columns passes its test.
    fn is_ai(&mut self, r: &Record<'_>) -> bool {
        r.layout.ai.iter().enumerate().any(|(n, (i, test))| {
            let text = cell_str(r.at(*i));
            // A source column holds a handful of values: test each text once.
            if self.ai_seen.len() <= n {
                self.ai_seen.resize_with(n + 1, HashMap::default);
            }
            match self.ai_seen[n].get(text.as_ref()) {
                Some(&hit) => hit,
                None => {
                    let hit = matches(test, &text);
                    self.ai_seen[n].insert(text.into_owned(), hit);
                    hit
                }
            }
        })
    }

    /// Adds a used record to its month: to every record's tally, and to
    /// its channel's when the funnel is split.
    /// And to its `--by` value's. `false` when a sum passed what exact
    /// arithmetic holds.
    fn tally(
        &mut self,
        month: Month,
        ai: bool,
        outcome: Outcome,
        amount: Option<Decimal>,
        by: Option<Cell<'_>>,
    ) -> bool {
        let split = self.funnel.split;
        // The square for the checks' spread, worked out once for every tally.
        // (Without per-visit amounts no tally keeps squares: none is needed.)
        let squares = self.funnel.coverage.per_visit;
        let priced = amount.filter(|_| outcome == Outcome::Visited);
        let priced = priced.map(|a| (a, a.checked_mul(a).filter(|_| squares)));
        let tallies = self.funnel.month_mut(month);
        let channel = if ai { Channel::Ai } else { Channel::Other };
        let mut fits = count(&mut tallies[Channel::All as usize], outcome, priced);
        if split {
            fits &= count(&mut tallies[channel as usize], outcome, priced);
        }
        if let (Some(by), Some(cell)) = (self.by.as_mut(), by)
            && let Some(tally) = by.tally_mut(month, &cell_str(cell))
        {
            fits &= count(tally, outcome, priced);
        }
        fits
    }

    /// Whether this is the first row of its ID; a later one is counted as a
    /// duplicate, and reported when it disagrees with the first.
    fn first_time(
        &mut self,
        id: &str,
        outcome: Outcome,
        amount: Option<Decimal>,
        month: Month,
        file: u16,
        row: u64,
    ) -> bool {
        let key = match cell::trimmed(id).parse::<u64>() {
            Ok(n) if n < 1 << 63 => n,
            // Text IDs hash into the upper half, apart from numeric ones.
            _ => self.hasher.hash_one(cell::trimmed(id)) | 1 << 63,
        };
        let mut h = IdHasher::default();
        outcome.hash(&mut h);
        month.hash(&mut h);
        // Decimal's hash is of its normal form: 1500.00 and 1500 agree.
        amount.hash(&mut h);
        let fingerprint = h.finish() as u32;
        // One lookup for both: most IDs are new.
        let first = match self.seen.entry(key) {
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(Seen {
                    fingerprint,
                    file,
                    row: row.min(u32::MAX as u64) as u32,
                });
                None
            }
            std::collections::hash_map::Entry::Occupied(seen) => Some(*seen.get()),
        };
        match first {
            None => true,
            Some(first) => {
                self.quality.duplicates += 1;
                if first.fingerprint != fingerprint {
                    let conflict = Conflict {
                        id: cell::trimmed(id).to_string(),
                        counted: (self.files[first.file as usize].clone(), first.row as u64),
                        other: (self.files[file as usize].clone(), row),
                        // What the later row says; the first row's own text is not kept
                        // (a million IDs would cost their texts' memory).
                        says: format!(
                            "{}; {}; {}",
                            outcome.name(),
                            amount.map_or(String::new(), |a| a.to_string()),
                            month
                        ),
                    };
                    self.quality.conflict(conflict);
                }
                false
            }
        }
    }
}

/// Adds one record to a tally.
/// Adds one record to a tally; `false` when its revenue would pass what
/// exact arithmetic holds (7.9e28), which is refused, never rounded. The
/// sum of squares only serves the checks' spread: past the limit it is
/// unknown, not an error.
/// `priced`: a visit's amount and its square (`None` past exact arithmetic).
fn count(t: &mut Tally, outcome: Outcome, priced: Option<(Decimal, Option<Decimal>)>) -> bool {
    let inc = |v: &mut Option<u64>| {
        if let Some(v) = v {
            *v += 1;
        }
    };
    inc(&mut t.leads);
    match outcome {
        Outcome::Lost | Outcome::Open => {}
        Outcome::Booked => inc(&mut t.bookings),
        Outcome::NoShow => {
            inc(&mut t.bookings);
            inc(&mut t.no_shows);
        }
        Outcome::Visited => {
            inc(&mut t.bookings);
            inc(&mut t.visits);
            if let (Some((a, square)), Some(r)) = (priced, t.revenue) {
                let Some(sum) = r.checked_add(a) else {
                    return false;
                };
                t.revenue = Some(sum);
                t.priced += 1;
                t.revenue_squares = t.revenue_squares.and_then(|sq| sq.checked_add(square?));
            }
        }
    }
    true
}

#[cfg(test)]
mod tests;
