//! `roi measure`'s input side: a business's own CRM and booking exports, read as
//! the systems write them, turned into a measured monthly funnel.
//!
//! The data flows one way, one module each: bytes → a [`table`] of cells
//! (sniffing the kind and the encoding, then a CSV, spreadsheet or HTML reader)
//! → a profile or mapping (which column is which, which status is which
//! outcome, which records are the assistant's) → records → a monthly funnel.
//! Nothing here computes statistics or prints.

pub mod cell;
pub mod error;
pub mod funnel;
pub mod layout;
pub mod mapping;
pub mod profile;
pub mod quality;
pub mod read;
pub mod records;
pub mod season;
pub mod table;

use cell::{Month, Order, Verdict};
use error::{DateOrder, MeasureError, Period};
use funnel::{Channel, Coverage, Figures, Funnel};
use layout::{Layout, NotFound};
use mapping::Mapping;
use profile::System;
use quality::Quality;
use records::{Counter, StatusUse};
use rust_decimal::Decimal;
use table::{Encoding, Kind, Opened, Origin, ReadError};

/// What to measure: the files, the system, the mapping and the period.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// The exports, read as one table.
    pub files: Vec<Origin>,
    /// The system that wrote them (`None`: tell from the headers).
    pub source: Option<System>,
    /// The user's mapping, with `--ai` flags added to its rule.
    pub mapping: Mapping,
    /// Leave out records created before this month.
    pub from: Option<Month>,
    /// Leave out records created after this month.
    pub to: Option<Month>,
    /// The sheet of a workbook (default: the first).
    pub sheet: Option<String>,
    /// A column to split the funnel by (`--by`), as the user named it.
    pub by: Option<String>,
    /// Count each day's records too (a switchback pilot's analysis).
    pub daily: bool,
    /// Collect each record's client too (`--retention`); a sheet of
    /// monthly totals has none, and `clients` stays `None` for it.
    pub clients: bool,
}

/// One file as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileInfo {
    /// As the user named it.
    pub path: String,
    /// The kind sniffed from its bytes.
    pub kind: Kind,
    /// Its text encoding (CSV and HTML).
    pub encoding: Option<Encoding>,
    /// The sheet read (workbooks).
    pub sheet: Option<String>,
    /// The header's row number.
    pub header_row: u64,
    /// Data rows read.
    pub rows: u64,
    /// A monthly sheet's headers that were not read, as written.
    pub unused: Vec<String>,
}

/// A measured funnel and the account of how it was counted.
#[derive(Debug, Clone)]
pub struct Measured {
    /// The system that wrote the files.
    pub system: System,
    /// What its rows are: deals, leads, records, months.
    pub entity: &'static str,
    /// The files.
    pub files: Vec<FileInfo>,
    /// Month by month, channel by channel.
    pub funnel: Funnel,
    /// Every row accounted for.
    pub quality: Quality,
    /// The funnel by the values of the `--by` column, when asked for.
    pub by: Option<records::Split>,
    /// How each status text was counted (records only).
    pub statuses: Vec<StatusUse>,
    /// The funnel day by day, when the request asked for it and the files
    /// are records (a sheet of monthly totals has no days).
    pub daily: Option<records::Daily>,
    /// Each used record's client, when the request asked for them.
    pub clients: Option<records::Clients>,
}

/// Reads the files with `open` (the readers, or test doubles) and counts them.
pub fn measure(
    request: &Request,
    open: impl Fn(&Origin, Option<&str>) -> Result<Opened, ReadError>,
) -> Result<Measured, MeasureError> {
    let (counted, column) = count(request, &open, None)?;
    // Dates like 03/04/2025 read either way: the column's other cells decide,
    // and a column that proves the month first is read again that way.
    let counted = match counted.counter.evidence.verdict() {
        Verdict::Read => counted,
        Verdict::Again(order) => count(request, &open, Some(order))?.0,
        Verdict::Both(day, month) => {
            let why = DateOrder::Both { column, day, month };
            return Err(MeasureError::DateOrder(Box::new(why)));
        }
        Verdict::Unproven(cell) => {
            let why = DateOrder::Unproven { column, cell };
            return Err(MeasureError::DateOrder(Box::new(why)));
        }
    };
    let Counted {
        counter,
        system,
        entity,
        files,
        amount_column,
    } = counted;
    if let Some((month, column)) = counter.overflow.clone().or_else(|| {
        // A period's revenue sums months: refused where the running total
        // passes what exact decimals hold, not left empty in the baseline.
        let mut total = Some(rust_decimal::Decimal::ZERO);
        counter.funnel.months.iter().find_map(|(month, t)| {
            total = total?.checked_add(t[Channel::All as usize].revenue.unwrap_or_default());
            total.is_none().then(|| (*month, amount_column.clone()))
        })
    }) {
        return Err(MeasureError::TooLarge { month, column });
    }
    if let (Some(by), Some(column)) = (&counter.by, &request.by)
        && by.too_many
    {
        return Err(MeasureError::ByTooMany {
            column: column.clone(),
            limit: records::MAX_VALUES,
        });
    }
    counted_fully(&counter)?;
    let statuses = counter.statuses().to_vec();
    let by = counter
        .by
        .as_ref()
        .zip(request.by.as_deref())
        .map(|(b, column)| b.split(column));
    Ok(Measured {
        system,
        entity,
        files,
        funnel: counter.funnel,
        quality: counter.quality,
        statuses,
        by,
        daily: counter.daily,
        clients: counter.clients,
    })
}

/// The files counted once, before the date order and statuses are judged.
struct Counted {
    counter: Counter,
    system: System,
    entity: &'static str,
    files: Vec<FileInfo>,
    /// The amount column's header, for a refusal of its sums.
    amount_column: String,
}

/// Opens and counts every file, reading year-last dates in `order` when it
/// is known; with the header of the creation-date column, for messages. A
/// lone big CSV is counted in two halves, one a core, when their merge is
/// exactly one count of the whole; else it is read again on one core.
fn count(
    request: &Request,
    open: &impl Fn(&Origin, Option<&str>) -> Result<Opened, ReadError>,
    order: Option<Order>,
) -> Result<(Counted, String), MeasureError> {
    let halves = request.files.len() == 1 && !request.daily && !request.clients;
    match count_files(request, open, order, halves) {
        Ok(Some(counted)) => Ok(counted),
        Ok(None) | Err(_) if halves && read::last_halves() != read::Halves::Whole => {
            let counted = count_files(request, open, order, false);
            read::note_halves(read::Halves::ReadAgain);
            counted?.ok_or_else(|| unreachable_merge(request))
        }
        Ok(None) => Err(unreachable_merge(request)),
        Err(e) => Err(e),
    }
}

/// A count on one core always ends: a merge is refused only for halves.
fn unreachable_merge(request: &Request) -> MeasureError {
    let file = request.files.first().map_or_else(String::new, Origin::name);
    MeasureError::Read(ReadError::Io {
        file,
        error: std::io::Error::other("the halves of the file could not be merged"),
    })
}

/// [`count`], cutting a big CSV in two when `halves`: `None` when its
/// halves cannot be merged exactly.
fn count_files(
    request: &Request,
    open: &impl Fn(&Origin, Option<&str>) -> Result<Opened, ReadError>,
    order: Option<Order>,
    halves: bool,
) -> Result<Option<(Counted, String)>, MeasureError> {
    read::note_halves(read::Halves::Whole);
    let opened = read::opening(halves, || open_all(request, open))?;
    let Some((_, first, _)) = opened.first() else {
        return Err(MeasureError::Empty(t("no files were given").into()));
    };
    let (system, entity) = match first {
        Layout::Records(r) => (r.profile.system, r.profile.entity),
        Layout::Monthly(_) => (System::Monthly, "months"),
    };
    let (column, amount_column) = match first {
        Layout::Records(r) => (
            r.header_of(profile::Field::Created).to_string(),
            r.header_of(profile::Field::Amount).to_string(),
        ),
        Layout::Monthly(_) => (String::new(), String::new()),
    };
    let mut counter = counter(request, &opened, order);
    let mut files = Vec::new();
    for (mut info, layout, mut file) in opened {
        let before = counter.quality.rows;
        match file.rows.split_off() {
            Some(rest) => {
                if !count_halves(&mut counter, &info.path, &layout, file.rows.as_mut(), rest) {
                    return Ok(None);
                }
            }
            None => counter.count_file(&info.path, &layout, file.rows.as_mut())?,
        }
        info.rows = counter.quality.rows - before;
        files.push(info);
    }
    let counted = Counted {
        counter,
        system,
        entity,
        files,
        amount_column,
    };
    Ok(Some((counted, column)))
}

/// The counter for the files `opened`, as the request asks.
fn counter(
    request: &Request,
    opened: &[(FileInfo, Layout, Opened)],
    order: Option<Order>,
) -> Counter {
    let records = matches!(opened.first(), Some((_, Layout::Records(_), _)));
    let coverage = coverage(opened, &request.mapping);
    let split = split(opened, &request.mapping);
    let mut counter = Counter::new(coverage, split, &request.mapping, request.from, request.to);
    if let Some(order) = order {
        counter = counter.with_order(order);
    }
    if request.by.is_some() {
        counter = counter.with_by();
    }
    if request.daily && records {
        counter = counter.with_daily();
    }
    if request.clients && records {
        counter = counter.with_clients();
    }
    counter
}

/// Counts a file cut in two: its first half here, the rest on another
/// core, then merged. `false` when the merge cannot be proved exact, a half
/// was refused (the whole file, read again, says whether it is), or the
/// layout is not one of records.
fn count_halves(
    counter: &mut Counter,
    path: &str,
    layout: &Layout,
    rows: &mut dyn table::Rows,
    mut rest: Box<dyn table::Rows + Send>,
) -> bool {
    let Some(mut later) = counter
        .fork()
        .filter(|_| matches!(layout, Layout::Records(_)))
    else {
        return false;
    };
    let (first, second) = std::thread::scope(|s| {
        let other = s.spawn(|| later.count_file(path, layout, rest.as_mut()).is_ok());
        let first = counter.count_file(path, layout, rows).is_ok();
        (first, other.join().unwrap_or(false))
    });
    first && second && counter.merge(later)
}

/// Every file opened and its header found, in the order given, before any
/// row is counted: a wrong file is refused before the long count begins.
fn open_all(
    request: &Request,
    open: &impl Fn(&Origin, Option<&str>) -> Result<Opened, ReadError>,
) -> Result<Vec<(FileInfo, Layout, Opened)>, MeasureError> {
    let mut opened: Vec<(FileInfo, Layout, Opened)> = Vec::new();
    // The first file's system is the one every later file must share.
    let mut want = request.source.or(request.mapping.source);
    for origin in &request.files {
        let one = open_one(request, open, origin, want, opened.first())?;
        want = Some(one.1.system());
        opened.push(one);
    }
    Ok(opened)
}

/// Opens one file and finds its header, expecting system `want` if known;
/// `first` is the first file opened, to name when this one is of another system.
fn open_one(
    request: &Request,
    open: &impl Fn(&Origin, Option<&str>) -> Result<Opened, ReadError>,
    origin: &Origin,
    want: Option<System>,
    first: Option<&(FileInfo, Layout, Opened)>,
) -> Result<(FileInfo, Layout, Opened), MeasureError> {
    let name = origin.name();
    let mut file = open(origin, request.sheet.as_deref())?;
    if request.sheet.is_some() && matches!(file.kind, Kind::Csv | Kind::Html | Kind::Json) {
        return Err(MeasureError::NoSheets {
            file: name,
            kind: file.kind,
        });
    }
    let layout = match layout::find(file.rows.as_mut(), want, &request.mapping) {
        Ok(l) => l,
        Err(NotFound::Read(e)) => return Err(e.into()),
        Err(problem) => {
            // A later file that fits another system is a mix-up, not a missing column.
            if let (Some((first, first_layout, _)), Some(system)) = (first, want)
                && let Some(other) = other_system(request, open, origin, system)
            {
                return Err(MeasureError::Mixed {
                    file: name,
                    system: other,
                    first: first.path.clone(),
                    first_system: first_layout.system(),
                });
            }
            return Err(MeasureError::Header {
                file: name,
                problem,
            });
        }
    };
    if matches!(layout, Layout::Monthly(_)) && request.mapping.ai.is_set() {
        return Err(MeasureError::AiOnMonthly);
    }
    if matches!(layout, Layout::Monthly(_)) && request.by.is_some() {
        return Err(MeasureError::ByOnMonthly);
    }
    let layout = layout::resolve_by(layout, request.by.as_deref()).map_err(|problem| {
        MeasureError::Header {
            file: name.clone(),
            problem,
        }
    })?;
    let info = FileInfo {
        path: name,
        kind: file.kind,
        encoding: file.encoding,
        sheet: file.sheet.clone(),
        header_row: layout.header_row(),
        rows: 0,
        unused: layout.unused(),
    };
    Ok((info, layout, file))
}

/// The system a file fits when read afresh expecting none, if not `system`;
/// `None` when it fits nothing, or cannot be read again.
fn other_system(
    request: &Request,
    open: &impl Fn(&Origin, Option<&str>) -> Result<Opened, ReadError>,
    origin: &Origin,
    system: System,
) -> Option<System> {
    let mut again = open(origin, request.sheet.as_deref()).ok()?;
    let other = layout::find(again.rows.as_mut(), None, &request.mapping).ok()?;
    (other.system() != system).then(|| other.system())
}

/// What every file can say: a figure one file lacks is unknown for the
/// whole funnel.
fn coverage(opened: &[(FileInfo, Layout, Opened)], mapping: &Mapping) -> Coverage {
    opened
        .iter()
        .map(|(_, l, _)| records::coverage(l, mapping))
        .reduce(|a, b| Coverage {
            leads: a.leads && b.leads,
            bookings: a.bookings && b.bookings,
            visits: a.visits && b.visits,
            no_shows: a.no_shows && b.no_shows,
            revenue: a.revenue && b.revenue,
            per_visit: a.per_visit && b.per_visit,
        })
        .unwrap_or(Coverage {
            leads: false,
            bookings: false,
            visits: false,
            no_shows: false,
            revenue: false,
            per_visit: false,
        })
}

/// Whether the funnel is split into the assistant's channel and the rest:
/// the mapping says which records are the assistant's, or a monthly sheet
/// has the assistant's own columns.
fn split(opened: &[(FileInfo, Layout, Opened)], mapping: &Mapping) -> bool {
    mapping.ai.is_set()
        || opened.iter().any(|(_, l, _)| match l {
            Layout::Monthly(m) => m.columns.keys().any(|(_, ai)| *ai),
            Layout::Records(_) => false,
        })
}

/// Refuses a count nothing can be measured from: status texts with no
/// known outcome (every one listed, for the mapping), or no row used.
fn counted_fully(counter: &Counter) -> Result<(), MeasureError> {
    let unknown: Vec<(String, u64)> = counter
        .statuses()
        .iter()
        .filter(|s| s.outcome.is_none())
        .map(|s| (s.text.clone(), s.rows))
        .collect();
    if !unknown.is_empty() {
        return Err(MeasureError::UnknownStatuses(unknown));
    }
    if counter.quality.used == 0 {
        let q = &counter.quality;
        if q.rows == 0 {
            return Err(MeasureError::NoData);
        }
        let why = if q.outside_period == q.rows - q.duplicates {
            t("every record falls outside --from/--to").to_string()
        } else {
            f(
                "every one of the {} rows was left out (see the reasons below)",
                &[&grouped(q.rows)],
            ) + &quality_lines(q)
        };
        return Err(MeasureError::Empty(why));
    }
    Ok(())
}

use crate::i18n::{Lang, f, t};

/// Rows left out, one line per reason, for messages.
pub fn quality_lines(q: &Quality) -> String {
    let mut out = String::new();
    for s in &q.skipped {
        let examples: Vec<String> = s.examples.iter().map(example).collect();
        out.push_str(&format!(
            "\n  {} — {}: {} ({})",
            if s.column.is_empty() {
                "—"
            } else {
                &s.column
            },
            t(s.reason.describe()),
            crate::format::rows(crate::i18n::current(), s.rows),
            examples.join("; ")
        ));
    }
    out
}

/// Where a row left out is, and its cell as written: an empty cell is
/// named so, not shown as «».
fn example(e: &quality::Example) -> String {
    if e.value.is_empty() {
        f("{} row {}", &[&e.file, &e.row])
    } else {
        f("{} row {}: «{}»", &[&e.file, &e.row, &e.value])
    }
}

/// A count as the language of messages groups it: `2 308`.
fn grouped(n: u64) -> String {
    crate::format::Fmt::messages().count(n.into(), crate::format::Sign::Plain)
}

/// One line for stderr when rows were left out or repeated, or `None`: the
/// notes of [`quality_notes`] joined, for a refusal under `--strict`.
pub fn quality_line(m: &Measured, l: Lang) -> Option<String> {
    let notes = quality_notes(m, l);
    (!notes.is_empty()).then(|| notes.join("\n"))
}

/// What was left out, repeated or disagreed, one note each: each goes on
/// its own line, so no note reads as a part of the list of reasons above it.
pub fn quality_notes(m: &Measured, l: Lang) -> Vec<String> {
    let q = &m.quality;
    let mut parts = Vec::new();
    if q.skipped_rows() > 0 {
        parts.push(l.fill(
            "left out {} of {} rows:{}",
            &[
                &grouped(q.skipped_rows()),
                &grouped(q.rows),
                &quality_lines(q),
            ],
        ));
    }
    if q.unreadable_visits() > 0 {
        parts.push(l.fill(
            "{} visits with an amount that cannot be read (counted, without revenue)",
            &[&q.unreadable_visits()],
        ));
    }
    if q.duplicates > 0 {
        parts.push(l.fill(
            "{} repeating an ID counted once",
            &[&crate::format::rows(l, q.duplicates)],
        ));
    }
    if q.conflicts > 0 {
        let ex = &q.conflict_examples[0];
        let at = |(file, row): &(String, u64)| l.fill("row {} of {}", &[row, file]);
        parts.push(l.fill(
            "{} IDs repeat with another status or amount (e.g. ID {}: {} was counted, {} was not)",
            &[&q.conflicts, &ex.id, &at(&ex.counted), &at(&ex.other)],
        ));
    }
    if q.outside_period > 0 {
        parts.push(l.fill(
            "{} outside --from/--to",
            &[&crate::format::rows(l, q.outside_period)],
        ));
    }
    parts
}

/// A baseline period's figures for a scenario, with each metric's range over its months.
#[derive(Debug, Clone, PartialEq)]
pub struct Baseline {
    /// The months.
    pub period: Period,
    /// Leads per month: Σ leads / months.
    pub leads: Option<Decimal>,
    /// The period's totals' figures (Σ bookings / Σ leads, …).
    pub figures: Figures,
    /// Each metric's lowest and highest month.
    pub ranges: Vec<Spread>,
    /// The year's shape, when the months up to the baseline's end hold every calendar month.
    pub season: Option<season::Season>,
}

/// How far a metric moved over a period's months.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spread {
    /// The scenario key: `leads`, `conversion`, `no_show_rate`, `average_check`.
    pub metric: &'static str,
    /// The lowest month and its value.
    pub low: (Month, Decimal),
    /// The highest month and its value.
    pub high: (Month, Decimal),
}

/// Reads one metric off a month's figures.
type Metric = fn(&Figures) -> Option<Decimal>;

impl Measured {
    /// Checks that every month of `period` has records; else says which do not.
    pub fn check_period(&self, flag: &'static str, period: Period) -> Result<(), MeasureError> {
        let missing = self.funnel.missing(period.from, period.to);
        if missing.is_empty() {
            return Ok(());
        }
        let list: Vec<String> = missing.iter().map(Month::to_string).collect();
        let span = self
            .funnel
            .span()
            .map(|(a, b)| Period { from: a, to: b }.prose(crate::i18n::current()))
            .unwrap_or_default();
        Err(MeasureError::Period {
            flag,
            value: period.to_string(),
            message: f(
                "no records in {} (the data covers {}); choose months the files hold",
                &[&list.join(", "), &span],
            ),
        })
    }

    /// The period's baseline for a scenario file, refused when the data
    /// lacks a figure a scenario needs (leads, conversion, average check) or
    /// its conversion is above 100%.
    pub fn scenario_baseline(&self, period: Period) -> Result<Baseline, MeasureError> {
        let b = self.baseline(period)?;
        let fig = &b.figures;
        let lacking = if fig.leads.is_none() || fig.conversion.is_none() {
            Some(t(
                "the data has no leads, so no leads or conversion for [baseline] (a booking system's records are bookings); measure the CRM's or the chats' export instead, or write them by hand",
            ))
        } else if fig.average_check.is_none() {
            Some(t(
                "the data has no amounts of visits, so no average_check for [baseline]; name the amount column in a mapping file ([columns] amount = \"…\"), or write it by hand",
            ))
        } else if fig
            .conversion
            .is_some_and(|c| c > rust_decimal::Decimal::ONE)
        {
            Some(t(
                "the period has more bookings than leads, so its conversion is above 100%; check the leads column",
            ))
        } else {
            None
        };
        if let Some(why) = lacking {
            return Err(MeasureError::Period {
                flag: "--scenario",
                value: period.to_string(),
                message: why.into(),
            });
        }
        Ok(b)
    }

    /// The baseline of channel `all` over `period`.
    pub fn baseline(&self, period: Period) -> Result<Baseline, MeasureError> {
        self.check_period("--baseline", period)?;
        let total = self.funnel.period(period.from, period.to, Channel::All);
        let months = Decimal::from(period.months());
        let mut ranges = Vec::new();
        let per_month: Vec<(Month, Figures)> = period
            .from
            .through(period.to)
            .filter_map(|m| Some((m, self.funnel.tally(m, Channel::All)?.figures())))
            .collect();
        let metrics: [(&'static str, Metric); 4] = [
            ("leads", |f| f.leads.map(Decimal::from)),
            ("conversion", |f| f.conversion),
            ("no_show_rate", |f| f.no_show_rate),
            ("average_check", |f| f.average_check),
        ];
        for (name, get) in metrics {
            let values: Vec<(Month, Decimal)> = per_month
                .iter()
                .filter_map(|(m, fig)| Some((*m, get(fig)?)))
                .collect();
            let low = values.iter().min_by_key(|(_, v)| *v);
            let high = values.iter().max_by_key(|(_, v)| *v);
            if let (Some(low), Some(high)) = (low, high) {
                ranges.push(Spread {
                    metric: name,
                    low: *low,
                    high: *high,
                });
            }
        }
        Ok(Baseline {
            period,
            leads: total.leads.map(|l| Decimal::from(l) / months),
            figures: total.figures(),
            ranges,
            season: season::learn(&self.funnel, period.to),
        })
    }
}
