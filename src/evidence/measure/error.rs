//! Why an export cannot be measured, said so the owner can fix it: the file,
//! the row, the column, the value as written and what is allowed (exit code 2).

use super::cell::{Month, Seen};
use super::layout::NotFound;
use super::mapping::outcome_names;
use super::profile::{PROFILES, System, Total, normalize};
use super::table::ReadError;
use crate::i18n::{f, t};
use crate::input::clip;
use std::fmt;

/// A date column whose order of day and month the data does not settle.
#[derive(Debug)]
pub enum DateOrder {
    /// Some dates have the day first, some the month first.
    Both {
        /// The column's header.
        column: String,
        /// A date that puts the day first.
        day: Seen,
        /// A date that puts the month first.
        month: Seen,
    },
    /// Dates that read either way, and no date that proves which.
    Unproven {
        /// The column's header.
        column: String,
        /// The first such date.
        cell: Seen,
    },
}

impl fmt::Display for DateOrder {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            DateOrder::Both { column, day, month } => f(
                "the dates in «{}» disagree on their order: {} row {} («{}») has the day first, {} row {} («{}») the month first; correct the column, or say the order in a mapping file: [dates] order = \"dmy\" (day first) or \"mdy\" (month first)",
                &[
                    &clip(column),
                    &day.file,
                    &day.row,
                    &day.value,
                    &month.file,
                    &month.row,
                    &month.value,
                ],
            ),
            DateOrder::Unproven { column, cell } => f(
                "the dates in «{}» read either way ({} row {}: «{}» may have the day or the month first) and no date in the column proves which; say it in a mapping file: [dates] order = \"dmy\" (day first) or \"mdy\" (month first)",
                &[&clip(column), &cell.file, &cell.row, &cell.value],
            ),
        };
        out.write_str(&text)
    }
}

/// A whole run refused.
#[derive(Debug, thiserror::Error)]
pub enum MeasureError {
    /// Dates whose order of day and month the data does not settle.
    #[error("{0}")]
    DateOrder(Box<DateOrder>),
    /// A file could not be read as a table.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// No usable header row in a file.
    #[error("{}", header_message(file, problem))]
    Header {
        /// The file as named.
        file: String,
        /// What was wrong.
        problem: NotFound,
    },
    /// Files of different systems given together.
    #[error("{}", f(
        "{} comes from {}, but {} from {}; measure one system's files at a time",
        &[file, &t(system.title()), first, &t(first_system.title())],
    ))]
    Mixed {
        /// The later file.
        file: String,
        /// Its system.
        system: System,
        /// The first file.
        first: String,
        /// Its system.
        first_system: System,
    },
    /// Status texts no profile or mapping gives an outcome.
    #[error("{}", unknown_statuses(.0))]
    UnknownStatuses(Vec<(String, u64)>),
    /// `--sheet` for a file that has no sheets.
    #[error("{}", f("--sheet: {} is a {} file, which has no sheets", &[file, &kind.name().to_uppercase()]))]
    NoSheets {
        /// The file as named.
        file: String,
        /// What it is.
        kind: super::table::Kind,
    },
    /// `--ai` on a monthly sheet, which splits by its `ai_` columns.
    #[error(
        "{}",
        t(
            "--ai picks records by a column's text; a monthly sheet is split by its ai_ columns instead (ai_leads, ai_bookings, …)"
        )
    )]
    AiOnMonthly,
    /// `--by` on a monthly sheet, which has no records to split.
    #[error(
        "{}",
        t("--by splits records by a column's values; a monthly sheet holds totals, not records")
    )]
    ByOnMonthly,
    /// `--retention` on a monthly sheet, which names no clients.
    #[error(
        "{}",
        t(
            "--retention follows each client from visit to visit; a monthly sheet holds totals, not clients: measure the CRM's or the booking system's export of records"
        )
    )]
    RetentionOnMonthly,
    /// A `--by` column with more values than a channel column has.
    #[error("{}", f(
        "--by «{}» holds more than {} different values: it splits by a channel's column (a source, a UTM tag), not an ID or a phone",
        &[&clip(column), limit],
    ))]
    ByTooMany {
        /// The column as the user named it.
        column: String,
        /// The most values it may hold.
        limit: usize,
    },
    /// A month's revenue past what exact arithmetic holds.
    #[error("{}", f(
        "the revenue of {} in «{}» passes 79 octillion (7.9e28), more than can be added exactly; check the amount column for a misplaced number",
        &[month, &clip(column)],
    ))]
    TooLarge {
        /// The month.
        month: Month,
        /// The amount column as written.
        column: String,
    },
    /// `--retention` and no record names a client who can be followed.
    #[error("{}", f("--retention: {}", &[.0]))]
    NoClients(String),
    /// Headers and nothing below them.
    #[error("{}", t("the files have no data: nothing below the header row"))]
    NoData,
    /// Nothing was counted.
    #[error("{}", f("no records were counted: {}", &[.0]))]
    Empty(String),
    /// `--strict` and rows were left out or disagreed.
    #[error("{}", f("--strict: {}", &[.0]))]
    Strict(String),
    /// A period (`--baseline`, `--pilot`) that cannot be used.
    #[error("{}", f("{} {}: {}", &[flag, value, message]))]
    Period {
        /// The flag.
        flag: &'static str,
        /// As written.
        value: String,
        /// What is wrong.
        message: String,
    },
}

/// The `--print-map` command for the profile the headers found come nearest
/// to (the most of its column names and marker headers among them), so the
/// hint starts from the right mapping; Bitrix24 deals when nothing is near.
fn print_map_hint(row: &Option<(u64, Vec<String>)>) -> String {
    let found: Vec<String> = row
        .iter()
        .flat_map(|(_, headers)| headers.iter().map(|h| normalize(h)))
        .collect();
    let score = |names: &mut dyn Iterator<Item = &str>| {
        names.filter(|n| found.contains(&normalize(n))).count()
    };
    let mut best: (usize, String) = (0, "--source bitrix24".into());
    for p in PROFILES {
        let mut names = p
            .columns
            .iter()
            .flat_map(|(_, names)| names.iter().copied())
            .chain(p.markers.iter().copied());
        let s = score(&mut names);
        if s > best.0 {
            let entity = if p.entity == "leads" {
                " --entity leads"
            } else {
                ""
            };
            best = (s, format!("--source {}{entity}", p.system));
        }
    }
    let mut totals = Total::ALL.iter().flat_map(|t| t.aliases().iter().copied());
    if score(&mut totals) > best.0 {
        best.1 = "--source monthly".into();
    }
    format!("roi measure {} --print-map", best.1)
}

/// Headers a message lists: enough to recognise the file.
const SHOWN_HEADERS: usize = 20;

fn columns(row: &Option<(u64, Vec<String>)>) -> String {
    match row {
        Some((n, headers)) => {
            let named: Vec<&String> = headers.iter().filter(|h| !h.trim().is_empty()).collect();
            let mut shown: Vec<String> = named
                .iter()
                .take(SHOWN_HEADERS)
                .map(|h| format!("«{}»", clip(h.trim())))
                .collect();
            if named.len() > SHOWN_HEADERS {
                shown.push(f("and {} more", &[&(named.len() - SHOWN_HEADERS)]));
            }
            f("row {} has {}", &[n, &shown.join(", ")])
        }
        None => t("the file has no rows").to_string(),
    }
}

fn nearest_of(wanted: &[String], row: &Option<(u64, Vec<String>)>) -> String {
    let Some((_, headers)) = row else {
        return String::new();
    };
    let mut best: Option<(f64, &str)> = None;
    for h in headers {
        for w in wanted {
            let score = strsim::jaro_winkler(&h.to_lowercase(), &w.to_lowercase());
            if score > 0.75 && best.is_none_or(|(s, _)| score > s) {
                best = Some((score, h.as_str()));
            }
        }
    }
    best.map(|(_, h)| f("; the nearest is «{}»", &[&clip(h.trim())]))
        .unwrap_or_default()
}

fn header_message(file: &str, problem: &NotFound) -> String {
    match problem {
        NotFound::Read(e) => e.to_string(),
        NotFound::Unknown { best } => f(
            "{}: cannot tell which system wrote it: no row among the first 20 looks like a Bitrix24, amoCRM, YCLIENTS or monthly-totals header ({}); say --source, and --map if the columns have other names (`{}` prints a mapping to start from)",
            &[&file, &columns(best), &print_map_hint(best)],
        ),
        NotFound::Ambiguous(a, b) => f(
            "{}: its columns fit both {} and {}; say which with --source",
            &[&file, &t(a.title()), &t(b.title())],
        ),
        NotFound::Missing {
            system,
            key,
            wanted,
            best,
        } => {
            let names: Vec<String> = wanted.iter().map(|w| format!("«{}»", clip(w))).collect();
            let place = match system {
                System::Monthly => t("in a sheet of monthly totals").to_string(),
                _ => f("in the {} export", &[&t(system.title())]),
            };
            f(
                "{}: no column for {} ({} it is usually called {}); {}{}; name it in a mapping file: [columns] {} = \"…\"",
                &[
                    &file,
                    &t(column_label(key)),
                    &place,
                    &names.join(t(" or ")),
                    &columns(best),
                    &nearest_of(wanted, best),
                    key,
                ],
            )
        }
        NotFound::Mapped { key, name, best } => f(
            "{}: the mapping's [columns] {} = «{}» names no column of the file; {}{}",
            &[
                &file,
                key,
                &clip(name),
                &columns(best),
                &nearest_of(std::slice::from_ref(name), best),
            ],
        ),
        NotFound::ByColumn { column, header } => {
            let best = Some(header.clone());
            f(
                "{}: the --by column «{}» is not in the header; {}{}",
                &[
                    &file,
                    &clip(column),
                    &columns(&best),
                    &nearest_of(std::slice::from_ref(column), &best),
                ],
            )
        }
        NotFound::AiColumn { column, header } => {
            let best = Some(header.clone());
            f(
                "{}: the assistant's column «{}» is not in the header; {}{}",
                &[
                    &file,
                    &clip(column),
                    &columns(&best),
                    &nearest_of(std::slice::from_ref(column), &best),
                ],
            )
        }
    }
}

/// A `[columns]` key in words, for a sentence (a catalogue key): the owner
/// reads «дата создания», not `created`.
fn column_label(key: &str) -> &'static str {
    match key {
        "id" => "the ID",
        "created" => "the creation date",
        "status" => "the status",
        "group" => "the stage group",
        "amount" => "the amount",
        "source" => "the source",
        "visit" => "the visit date",
        "month" => "the month",
        "leads" => "the number of leads",
        "bookings" => "the number of bookings",
        "visits" => "the number of visits",
        "no_shows" => "the number of no-shows",
        "revenue" => "the revenue",
        _ => "the column",
    }
}

/// Unknown statuses a refusal lists.
const MAX_STATUSES: usize = 40;

/// Every unknown status with its row count, and a `[status]` block to paste.
fn unknown_statuses(list: &[(String, u64)]) -> String {
    let mut out = f(
        "{} status texts have no outcome, so their rows cannot be counted:",
        &[&list.len()],
    );
    // A hostile file may hold a million distinct statuses: the first ones
    // are enough to see what the column holds.
    let shown = &list[..list.len().min(MAX_STATUSES)];
    for (text, rows) in shown {
        out.push_str(&format!(
            "\n  «{}»: {}",
            clip(text),
            crate::format::rows(crate::i18n::current(), *rows)
        ));
    }
    if list.len() > shown.len() {
        out.push_str("\n  ");
        out.push_str(&f("and {} more", &[&(list.len() - shown.len())]));
    }
    out.push_str("\n\n");
    out.push_str(&f(
        "Say what each means in a mapping file and pass it with --map (each one of: {}):",
        &[&outcome_names()],
    ));
    out.push_str("\n\n[status]\n");
    // Only texts short enough to be statuses: the block is for pasting.
    for (text, _) in shown
        .iter()
        .filter(|(t, _)| t.chars().count() <= 4 * crate::input::QUOTE_CHARS)
    {
        let quoted = toml::Value::String(text.clone()).to_string();
        out.push_str(&format!("{quoted} = \"\"\n"));
    }
    out.trim_end().to_string()
}

/// A period written `FROM..TO` in months, checked against the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// The first month.
    pub from: Month,
    /// The last month.
    pub to: Month,
}

impl Period {
    /// Months in it.
    pub fn months(self) -> u32 {
        self.from.span(self.to)
    }

    /// Reads `2025-06..2025-11` (a single `2025-06` is that month alone).
    pub fn parse(flag: &'static str, text: &str) -> Result<Period, MeasureError> {
        let bad = |message: String| MeasureError::Period {
            flag,
            value: text.to_string(),
            message,
        };
        let (a, b) = text.split_once("..").unwrap_or((text, text));
        let month = |s: &str| {
            if s.trim().is_empty() {
                return Err(bad(t("a month is missing at one end of the period").into()));
            }
            s.trim().parse::<Month>().map_err(|()| {
                bad(f(
                    "\"{}\" is not a month; write months as YYYY-MM, like 2025-06..2025-11",
                    &[&s.trim()],
                ))
            })
        };
        let (from, to) = (month(a)?, month(b)?);
        if to < from {
            return Err(bad(t(
                "the period runs backwards; write the earlier month first",
            )
            .into()));
        }
        Ok(Period { from, to })
    }
}

impl Period {
    /// The months for prose and headings: `2025-06 — 2025-11` in Russian,
    /// where `..` is command-line notation; English keeps `2025-06..2025-11`,
    /// the notation its readers type. A single month is itself.
    pub fn prose(self, l: crate::i18n::Lang) -> String {
        match l {
            crate::i18n::Lang::Ru if self.from != self.to => {
                format!("{}\u{a0}— {}", self.from, self.to)
            }
            _ => self.to_string(),
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.from == self.to {
            write!(f, "{}", self.from)
        } else {
            write!(f, "{}..{}", self.from, self.to)
        }
    }
}
