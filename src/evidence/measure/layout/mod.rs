//! Finding the header row (it may sit below a title block) and which column
//! holds what, by a built-in profile's names or the user's mapping.

use super::mapping::{Mapping, Test};
use super::profile::{Field, PROFILES, Profile, System, Total, normalize};
use super::table::{Cell, ReadError, Rows};
use std::collections::BTreeMap;

/// How far down a title block may push the header row (1C-style reports).
pub const HEADER_SEARCH_ROWS: u64 = 20;

/// A mapping-only export: every column and status comes from `--map`.
pub static CUSTOM: Profile = Profile {
    system: System::Custom,
    entity: "records",
    columns: &[],
    markers: &[],
    statuses: &[],
    success: super::profile::Outcome::Visited,
    records_are_leads: true,
    date_order: None,
};

/// Which columns of one file hold what.
#[derive(Debug, Clone)]
pub enum Layout {
    /// One row per record (deal, lead, booking).
    Records(RecordLayout),
    /// One row per month of totals.
    Monthly(MonthlyLayout),
}

impl Layout {
    /// The system the layout belongs to.
    pub fn system(&self) -> System {
        match self {
            Layout::Records(r) => r.profile.system,
            Layout::Monthly(_) => System::Monthly,
        }
    }

    /// The header row's number as the user sees it.
    pub fn header_row(&self) -> u64 {
        match self {
            Layout::Records(r) => r.header_row,
            Layout::Monthly(m) => m.header_row,
        }
    }

    /// A monthly sheet's headers that name no column it counts («План»,
    /// «Комментарий», or an assistant's column under a name not known), so
    /// the owner sees what was not read; none for records, whose exports
    /// carry dozens of columns that no funnel needs.
    pub fn unused(&self) -> Vec<String> {
        let Layout::Monthly(m) = self else {
            return Vec::new();
        };
        m.headers
            .iter()
            .enumerate()
            .filter(|(i, h)| !h.trim().is_empty() && !m.columns.values().any(|c| c == i))
            .map(|(_, h)| h.trim().to_string())
            .collect()
    }
}

/// Columns of a records export.
#[derive(Debug, Clone)]
pub struct RecordLayout {
    /// The profile whose statuses apply.
    pub profile: &'static Profile,
    /// 0-based column of each field found.
    pub columns: BTreeMap<Field, usize>,
    /// The header row as written.
    pub headers: Vec<String>,
    /// Its row number.
    pub header_row: u64,
    /// The assistant's conditions, by column.
    pub ai: Vec<(usize, Test)>,
    /// The `--by` column, when asked for.
    pub by: Option<usize>,
}

impl RecordLayout {
    /// The column a user names (`--ai`, `--by`), as [`locate`] finds it;
    /// else the header row, for the refusal.
    fn column(&self, name: &str) -> Result<usize, (u64, Vec<String>)> {
        let names: Vec<String> = self.headers.iter().map(|h| normalize(h)).collect();
        locate(&names, name).ok_or_else(|| (self.header_row, self.headers.clone()))
    }

    /// The header of a field's column as the file writes it; empty when unmapped.
    pub fn header_of(&self, field: Field) -> &str {
        self.columns
            .get(&field)
            .and_then(|&i| self.headers.get(i))
            .map_or("", String::as_str)
    }
}

/// Columns of a monthly sheet: `(total, is the assistant's share)` → column.
#[derive(Debug, Clone)]
pub struct MonthlyLayout {
    /// 0-based column of each total found.
    pub columns: BTreeMap<(Total, bool), usize>,
    /// The header row as written.
    pub headers: Vec<String>,
    /// Its row number.
    pub header_row: u64,
}

/// Why no usable header row was found.
#[derive(Debug)]
pub enum NotFound {
    /// The file could not be read.
    Read(ReadError),
    /// No row in the first [`HEADER_SEARCH_ROWS`] looks like any system's header.
    Unknown {
        /// The most header-like row seen: its number and texts.
        best: Option<(u64, Vec<String>)>,
    },
    /// Two systems fit equally well.
    Ambiguous(System, System),
    /// The system is known but a required column is not there.
    Missing {
        /// The system asked for.
        system: System,
        /// The `[columns]` key of what is missing.
        key: &'static str,
        /// The names it goes by.
        wanted: Vec<String>,
        /// The most header-like row: its number and texts.
        best: Option<(u64, Vec<String>)>,
    },
    /// A column the mapping names for `key` is not in the file.
    Mapped {
        /// The `[columns]` key.
        key: &'static str,
        /// The header the mapping gives.
        name: String,
        /// The most header-like row: its number and texts.
        best: Option<(u64, Vec<String>)>,
    },
    /// An `--ai`/`[ai]` column that is not in the header.
    AiColumn {
        /// The column as the user named it.
        column: String,
        /// The header row: its number and texts.
        header: (u64, Vec<String>),
    },
    /// The `--by` column that is not in the header.
    ByColumn {
        /// The column as the user named it.
        column: String,
        /// The header row: its number and texts.
        header: (u64, Vec<String>),
    },
}

/// A cell as header text.
fn text(cell: Cell<'_>) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(t) => t.to_string(),
        Cell::Number(n) => n.to_string(),
        Cell::DateTime(d) => d.to_string(),
        Cell::Bool(b) => b.to_string(),
    }
}

/// One candidate's fit to one row.
struct Fit {
    layout: Layout,
    score: usize,
}

/// Reads rows until the header, leaving `rows` on it so the next row is data.
/// `want` is the system asked for (`None` = tell from the headers).
pub fn find(
    rows: &mut dyn Rows,
    want: Option<System>,
    mapping: &Mapping,
) -> Result<Layout, NotFound> {
    let mut search = Search {
        best: None,
        missing: None,
    };
    for _ in 0..HEADER_SEARCH_ROWS {
        if !rows.advance().map_err(NotFound::Read)? {
            break;
        }
        let mut fits = search.row(rows, want, mapping);
        fits.sort_by_key(|f| std::cmp::Reverse(f.score));
        match fits.as_slice() {
            [] => continue,
            [one, two, ..]
                if one.score == two.score && one.layout.system() != two.layout.system() =>
            {
                return Err(NotFound::Ambiguous(
                    one.layout.system(),
                    two.layout.system(),
                ));
            }
            [_, ..] => {
                let layout = fits.swap_remove(0).layout;
                return resolve_ai(layout, mapping);
            }
        }
    }
    Err(search.not_found(want, mapping))
}

/// What [`find`] has seen of the rows that were not a header, to say why
/// none was when the search gives up.
struct Search {
    /// The most header-like row: its rank, number and texts.
    best: Option<(usize, u64, Vec<String>)>,
    /// The first column the system asked for lacked in a row that partly
    /// fit it, and the names that column goes by.
    missing: Option<(&'static str, Vec<String>)>,
}

impl Search {
    /// Every candidate that fits the current row, noting how close the
    /// others came.
    fn row(&mut self, rows: &dyn Rows, want: Option<System>, mapping: &Mapping) -> Vec<Fit> {
        let headers: Vec<String> = (0..rows.width()).map(|i| text(rows.cell(i))).collect();
        let names: Vec<String> = headers.iter().map(|h| normalize(h)).collect();
        let mut fits: Vec<Fit> = Vec::new();
        let mut seen = 0;
        for candidate in candidates(want, mapping) {
            match fit(candidate, &names, mapping, rows.number(), &headers) {
                Ok(f) => fits.push(f),
                Err((score, key, wanted)) => {
                    seen = seen.max(score);
                    if want.is_some() && score > 0 && self.missing.is_none() {
                        self.missing = Some((key, wanted));
                    }
                }
            }
        }
        let nonempty = names.iter().filter(|n| !n.is_empty()).count();
        let rank = seen * 100 + nonempty;
        if self.best.as_ref().is_none_or(|(r, _, _)| rank > *r) && nonempty > 0 {
            self.best = Some((rank, rows.number(), headers.clone()));
        }
        fits
    }

    /// Why no header was found: the column the system asked for lacks, the
    /// column the mapping names, or no system at all.
    fn not_found(self, want: Option<System>, mapping: &Mapping) -> NotFound {
        let best = self.best.map(|(_, n, h)| (n, h));
        match (want, self.missing) {
            (Some(system), Some((key, wanted))) => {
                // The names wanted are the mapping's own: the file lacks the
                // column the mapping named, not one the system usually has.
                let mapped = mapping
                    .fields
                    .iter()
                    .find(|(field, name)| field.key() == key && wanted == [name.as_str()])
                    .map(|(_, name)| name.clone());
                match mapped {
                    Some(name) => NotFound::Mapped { key, name, best },
                    None => NotFound::Missing {
                        system,
                        key,
                        wanted,
                        best,
                    },
                }
            }
            (Some(system), None) => {
                let (key, wanted) = required(system, mapping);
                NotFound::Missing {
                    system,
                    key,
                    wanted,
                    best,
                }
            }
            (None, _) => {
                // A mapping that names a column the file lacks: say that, not "unknown system".
                let lacking = [Field::Created, Field::Status]
                    .into_iter()
                    .find_map(|field| {
                        let name = mapping.fields.get(&field)?;
                        let names: Vec<String> =
                            best.as_ref()?.1.iter().map(|h| normalize(h)).collect();
                        locate(&names, name)
                            .is_none()
                            .then(|| (field.key(), name.clone()))
                    });
                match lacking {
                    Some((key, name)) => NotFound::Mapped { key, name, best },
                    None => NotFound::Unknown { best },
                }
            }
        }
    }
}

/// What identifies a system's header when nothing fits: its date column.
fn required(system: System, mapping: &Mapping) -> (&'static str, Vec<String>) {
    if system == System::Monthly {
        return (
            "month",
            names_of_total(Total::Month, false, mapping)
                .into_iter()
                .collect(),
        );
    }
    let profile = PROFILES
        .iter()
        .find(|p| p.system == system)
        .copied()
        .unwrap_or(&CUSTOM);
    ("created", names_of(profile, Field::Created, mapping))
}

/// The candidates to try: what the user asked for, else every system.
fn candidates(want: Option<System>, mapping: &Mapping) -> Vec<Candidate> {
    let want = want.or(mapping.source);
    let mut all: Vec<Candidate> = PROFILES.iter().map(|p| Candidate::Records(p)).collect();
    if mapping.fields.contains_key(&Field::Created) && mapping.fields.contains_key(&Field::Status) {
        all.push(Candidate::Records(&CUSTOM));
    }
    all.push(Candidate::Monthly);
    all.retain(|c| match (c, want) {
        (_, None) => true,
        (Candidate::Monthly, Some(s)) => s == System::Monthly,
        (Candidate::Records(p), Some(s)) => p.system == s,
    });
    all
}

#[derive(Clone, Copy)]
enum Candidate {
    Records(&'static Profile),
    Monthly,
}

mod names;

pub(crate) use names::locate;
use names::{names_of, names_of_total, position};

/// How close a candidate came to a row (fields found), and the first column
/// it lacked with the names that column goes by.
type Short = (usize, &'static str, Vec<String>);

/// How a candidate fits a row: a layout and a score, or how close it came
/// (fields found) and what it lacked.
fn fit(
    candidate: Candidate,
    names: &[String],
    mapping: &Mapping,
    row: u64,
    headers: &[String],
) -> Result<Fit, Short> {
    match candidate {
        Candidate::Records(profile) => fit_records(profile, names, mapping, row, headers),
        Candidate::Monthly => fit_monthly(names, mapping, row, headers),
    }
}

/// How a system's records fit a row: its created and status columns must
/// be there; the fields found and the system's marker headers score it.
fn fit_records(
    profile: &'static Profile,
    names: &[String],
    mapping: &Mapping,
    row: u64,
    headers: &[String],
) -> Result<Fit, Short> {
    let mut columns = BTreeMap::new();
    for field in Field::ALL {
        let found = match mapping.fields.get(&field) {
            Some(name) => locate(names, name),
            None => position(names, &names_of(profile, field, mapping)),
        };
        if let Some(i) = found {
            columns.insert(field, i);
        }
    }
    // The client column the mapping names is who the client is: a phone
    // column the profile would add must not override the user's choice.
    if mapping.fields.contains_key(&Field::Client) && !mapping.fields.contains_key(&Field::Phone) {
        columns.remove(&Field::Phone);
    }
    let markers = profile
        .markers
        .iter()
        .filter(|m| names.contains(&normalize(m)))
        .count();
    // A mapping that names both required columns describes a file of its
    // own: a built-in profile claims it only by the headers that mark it.
    let mapped =
        mapping.fields.contains_key(&Field::Created) && mapping.fields.contains_key(&Field::Status);
    if mapped && markers == 0 && profile.system != System::Custom && mapping.source.is_none() {
        return Err((0, "created", names_of(profile, Field::Created, mapping)));
    }
    for field in [Field::Created, Field::Status] {
        if !columns.contains_key(&field) {
            return Err((
                columns.len(),
                field.key(),
                names_of(profile, field, mapping),
            ));
        }
    }
    Ok(Fit {
        // The client's columns serve retention only: «Телефон» or «Клиент»
        // in a header must not change which system a file is taken for.
        score: columns
            .keys()
            .filter(|f| !matches!(f, Field::Client | Field::Phone))
            .count()
            + markers,
        layout: Layout::Records(RecordLayout {
            profile,
            columns,
            headers: headers.to_vec(),
            header_row: row,
            ai: Vec::new(),
            by: None,
        }),
    })
}

/// How a sheet of monthly totals fits a row: a month column and at least
/// one total; each total found (the assistant's too) scores it.
fn fit_monthly(
    names: &[String],
    mapping: &Mapping,
    row: u64,
    headers: &[String],
) -> Result<Fit, Short> {
    let mut columns = BTreeMap::new();
    for total in Total::ALL {
        for ai in [false, true] {
            if total == Total::Month && ai {
                continue;
            }
            let found = match mapping.totals.get(&(total, ai)) {
                Some(name) => locate(names, name),
                None => position(names, &names_of_total(total, ai, mapping)),
            };
            if let Some(i) = found {
                columns.insert((total, ai), i);
            }
        }
    }
    let month = names_of_total(Total::Month, false, mapping);
    if !columns.contains_key(&(Total::Month, false)) {
        return Err((columns.len(), "month", month));
    }
    if columns.len() < 2 {
        return Err((
            columns.len(),
            "leads",
            names_of_total(Total::Leads, false, mapping),
        ));
    }
    Ok(Fit {
        score: columns.len(),
        layout: Layout::Monthly(MonthlyLayout {
            columns,
            headers: headers.to_vec(),
            header_row: row,
        }),
    })
}

/// Finds the `--by` column in a records header, where the file has it.
pub fn resolve_by(layout: Layout, by: Option<&str>) -> Result<Layout, NotFound> {
    let Some(by) = by else {
        return Ok(layout);
    };
    let Layout::Records(mut records) = layout else {
        return Ok(layout);
    };
    let column = records.column(by).map_err(|header| NotFound::ByColumn {
        column: by.to_string(),
        header,
    })?;
    records.by = Some(column);
    Ok(Layout::Records(records))
}

/// Finds the assistant's columns in a records header.
fn resolve_ai(layout: Layout, mapping: &Mapping) -> Result<Layout, NotFound> {
    let Layout::Records(mut records) = layout else {
        return Ok(layout);
    };
    for condition in &mapping.ai.conditions {
        let i = records
            .column(&condition.column)
            .map_err(|header| NotFound::AiColumn {
                column: condition.column.clone(),
                header,
            })?;
        records.ai.push((i, condition.test.clone()));
    }
    Ok(Layout::Records(records))
}

#[cfg(test)]
pub(crate) mod tests;
