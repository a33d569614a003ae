//! Cells as Russians write them: amounts with spaces, commas and `₽`, dates in
//! every form the systems export. A cell that fits no form is refused, never guessed.

use super::table::Cell;
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, TimeZone};
use rust_decimal::Decimal;
use std::fmt;
use std::str::FromStr;

/// A calendar month, the funnel's unit of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    /// The year, like 2025.
    pub year: i32,
    /// 1..=12.
    pub month: u32,
}

impl Month {
    /// The month a date falls in.
    pub fn of(date: NaiveDate) -> Month {
        Month {
            year: date.year(),
            month: date.month(),
        }
    }

    /// The month after this one.
    pub fn next(self) -> Month {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                month: self.month + 1,
                ..self
            }
        }
    }

    /// The same month `years` years earlier.
    pub fn years_back(self, years: i32) -> Month {
        Month {
            year: self.year - years,
            ..self
        }
    }

    /// Months from `self` to `later`, counting both ends (`2025-01..2025-03` is 3).
    pub fn span(self, later: Month) -> u32 {
        let a = self.year * 12 + self.month as i32;
        let b = later.year * 12 + later.month as i32;
        (b - a + 1).max(0) as u32
    }

    /// Every month from `self` to `last`, both included.
    pub fn through(self, last: Month) -> impl Iterator<Item = Month> {
        std::iter::successors(Some(self), move |m| Some(m.next()).filter(|n| *n <= last))
            .take_while(move |m| *m <= last)
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl FromStr for Month {
    type Err = ();

    /// `2025-06` only: the form of `--from`, `--to` and periods.
    fn from_str(s: &str) -> Result<Month, ()> {
        let (y, m) = s.trim().split_once('-').ok_or(())?;
        if y.len() != 4 || m.len() != 2 {
            return Err(());
        }
        let year = y.parse().map_err(|_| ())?;
        let month = m.parse().map_err(|_| ())?;
        if (1..=12).contains(&month) && YEARS.contains(&year) {
            Ok(Month { year, month })
        } else {
            Err(())
        }
    }
}

/// Why a cell is not what its column needs, said so a user can find and fix it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bad {
    /// Not a date in any form the tool reads.
    Date,
    /// A date outside 1970–2100 (a two-digit year reads as the year 25).
    Year,
    /// Not an amount.
    Amount,
    /// An amount below zero.
    Negative,
    /// `1,500`: a thousands comma or a decimal comma, it cannot be told.
    Ambiguous,
    /// Not a month.
    Month,
    /// Not a whole count ≥ 0.
    Count,
}

/// Moscow time, where Rostov-on-Don keeps its clocks: Unix timestamps carry no
/// zone, and a lead at 23:30 UTC on the 31st belongs to the next month there.
pub const MOSCOW: i32 = 3 * 3600;

/// Every form of a date the systems write, tried in turn (chrono formats).
const DATE_FORMATS: [&str; 2] = ["%d.%m.%Y", "%Y-%m-%d"];
const DATETIME_FORMATS: [&str; 6] = [
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M:%S%.f",
];

/// The order of day and month in a date like `03/04/2025`, which the text
/// alone cannot tell: 3 April to a Russian, March 4 to an American.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Day, month, year: `13/01/2025`, `13-01-2025`.
    Dmy,
    /// Month, day, year: `01/13/2025`, as English Google Sheets write it.
    Mdy,
    /// Year, month, day: `2025/01/13`.
    Ymd,
}

impl Order {
    /// Every order, as a mapping file names them.
    pub const ALL: [Order; 3] = [Order::Dmy, Order::Mdy, Order::Ymd];

    /// The name in a mapping file's `[dates] order`.
    pub fn name(self) -> &'static str {
        match self {
            Order::Dmy => "dmy",
            Order::Mdy => "mdy",
            Order::Ymd => "ymd",
        }
    }

    /// The order a mapping file's name gives.
    pub fn from_name(name: &str) -> Option<Order> {
        Order::ALL.into_iter().find(|o| o.name() == name.trim())
    }
}

/// A mapping's own date format (`%d-%m-%Y %H:%M:%S`), parsed once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateFormat {
    /// The format as written.
    pub text: String,
    items: Vec<chrono::format::Item<'static>>,
}

impl DateFormat {
    /// Reads a strftime-like format; it must name the day, the month and the
    /// four-digit year, or it could not place a record in its month.
    pub fn parse(text: &str) -> Result<DateFormat, &'static str> {
        use chrono::format::{Item, StrftimeItems};
        let items = StrftimeItems::new(text)
            .parse_to_owned()
            .map_err(|_| "is not a date format; write it like \"%d-%m-%Y %H:%M:%S\" (%d day, %m month, %Y year, %H:%M:%S time)")?;
        if items.iter().any(|i| matches!(i, Item::Error)) {
            return Err(
                "is not a date format; write it like \"%d-%m-%Y %H:%M:%S\" (%d day, %m month, %Y year, %H:%M:%S time)",
            );
        }
        let has = |codes: &[&str]| codes.iter().any(|c| text.contains(c));
        if !has(&["%d", "%e"]) || !has(&["%m", "%b", "%B", "%h"]) || !has(&["%Y"]) {
            return Err(
                "must name the day, the month and the four-digit year (%d, %m and %Y), like \"%d-%m-%Y %H:%M:%S\"",
            );
        }
        Ok(DateFormat {
            text: text.to_string(),
            items,
        })
    }

    fn read(&self, text: &str) -> Option<NaiveDate> {
        use chrono::format::{Parsed, parse};
        let mut parsed = Parsed::new();
        parse(&mut parsed, text.trim(), self.items.iter()).ok()?;
        parsed.to_naive_date().ok()
    }
}

/// How one column's dates are read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateRule {
    /// The order of `a/b/YYYY` and `a-b-YYYY` dates when the mapping (or the
    /// system's profile) says it; otherwise the column proves its own.
    pub order: Option<Order>,
    /// The mapping's own format: text cells must match it.
    pub format: Option<DateFormat>,
    /// Seconds east of UTC, for Unix timestamps.
    pub utc_offset: i32,
}

impl DateRule {
    /// Dates of no declared order or format, timestamps in `utc_offset`.
    pub fn zone(utc_offset: i32) -> DateRule {
        DateRule {
            order: None,
            format: None,
            utc_offset,
        }
    }
}

/// What one date cell says about its column's order of day and month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clue {
    /// The date reads one way only: by its form (`31.01.2025`, ISO, a date
    /// cell), by the rule's order or format, or because day and month agree.
    Settled,
    /// `13/01/2025`: the first field is above 12, so the day comes first.
    DayFirst,
    /// `01/13/2025`: the second field is above 12, so the month comes first.
    MonthFirst,
    /// `03/04/2025`: either order reads. Taken day first until the column
    /// proves an order; a column that proves none is refused.
    Either,
}

/// The calendar date of a cell: `31.01.2025`, `31.01.2025 14:05[:33]`,
/// `2025-01-31`, ISO 8601 with an offset (the date where it was written),
/// Unix seconds (amoCRM's API; read in the zone `utc_offset` seconds east of
/// UTC), or a spreadsheet's date cell or date serial. A date whose day and
/// month could be either way round (`03/04/2025`) is read day first: use
/// [`date_by`] where the column must prove its order.
pub fn date(cell: Cell<'_>, utc_offset: i32) -> Result<Option<NaiveDate>, Bad> {
    Ok(date_by(cell, &DateRule::zone(utc_offset))?.map(|(d, _)| d))
}

/// The date of a cell by a column's rule, and what it says about the
/// column's order of day and month (`a/b/YYYY`, `a-b-YYYY`, with an
/// optional time): by the rule's order when it has one, else by the cell's
/// own evidence.
pub fn date_by(cell: Cell<'_>, rule: &DateRule) -> Result<Option<(NaiveDate, Clue)>, Bad> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::DateTime(dt) => Ok(Some((in_years(Some(dt.date()))?, Clue::Settled))),
        Cell::Number(serial) => Ok(Some((in_years(excel_serial(serial))?, Clue::Settled))),
        Cell::Bool(_) => Err(Bad::Date),
        Cell::Text(text) => {
            if let Some(format) = &rule.format {
                return Ok(Some((in_years(format.read(text))?, Clue::Settled)));
            }
            if let Some(parts) = year_last(text) {
                let (date, clue) = parts.read(rule.order).ok_or(Bad::Date)?;
                return Ok(Some((in_years(Some(date))?, clue)));
            }
            let read = match rule.order {
                // `2025/01/31`: a year-first date with slashes.
                Some(Order::Ymd) => any_date(&text.replace('/', "-"), rule.utc_offset),
                _ => any_date(text, rule.utc_offset),
            };
            Ok(Some((in_years(read)?, Clue::Settled)))
        }
    }
}

/// The fields of `a/b/YYYY` or `a-b-YYYY` (one or two digits each), with an
/// optional ` HH:MM[:SS]`: a date whose order the text does not say.
#[derive(Debug, Clone, Copy)]
struct YearLast {
    a: u32,
    b: u32,
    year: i32,
}

/// `text` as a year-last date with slashes or dashes, if it is one.
fn year_last(text: &str) -> Option<YearLast> {
    let text = text.trim().trim_matches('\u{a0}');
    let (date, time) = match text.split_once([' ', 'T']) {
        Some((d, t)) => (d, Some(t.trim())),
        None => (text, None),
    };
    let sep = if date.contains('/') { '/' } else { '-' };
    let mut fields = date.split(sep);
    let (a, b, y) = (fields.next()?, fields.next()?, fields.next()?);
    let short = |f: &str| (1..=2).contains(&f.len()) && f.bytes().all(|c| c.is_ascii_digit());
    if fields.next().is_some() || !short(a) || !short(b) || y.len() != 4 {
        return None;
    }
    if !y.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    // A time, when present, must be a real one: 25:99 is a bad cell.
    if let Some(t) = time {
        let ok = ["%H:%M:%S", "%H:%M"]
            .iter()
            .any(|f| chrono::NaiveTime::parse_from_str(t, f).is_ok());
        if !ok {
            return None;
        }
    }
    Some(YearLast {
        a: a.parse().ok()?,
        b: b.parse().ok()?,
        year: y.parse().ok()?,
    })
}

impl YearLast {
    /// The date by `order`, or by the fields' own evidence when there is none.
    fn read(self, order: Option<Order>) -> Option<(NaiveDate, Clue)> {
        let ymd = |month: u32, day: u32| NaiveDate::from_ymd_opt(self.year, month, day);
        match order {
            Some(Order::Dmy) => Some((ymd(self.b, self.a)?, Clue::Settled)),
            Some(Order::Mdy) => Some((ymd(self.a, self.b)?, Clue::Settled)),
            Some(Order::Ymd) => None,
            None if self.a == self.b => Some((ymd(self.a, self.b)?, Clue::Settled)),
            None if self.a > 12 => Some((ymd(self.b, self.a)?, Clue::DayFirst)),
            None if self.b > 12 => Some((ymd(self.a, self.b)?, Clue::MonthFirst)),
            None => Some((ymd(self.b, self.a)?, Clue::Either)),
        }
    }
}

/// A date read, checked against [`YEARS`]: `31.01.25` reads as the year 25 and
/// is refused as out of range (write the year in four digits), never guessed.
fn in_years(d: Option<NaiveDate>) -> Result<NaiveDate, Bad> {
    match d {
        None => Err(Bad::Date),
        Some(d) if YEARS.contains(&d.year()) => Ok(d),
        Some(_) => Err(Bad::Year),
    }
}

/// The years a month or a date may fall in: an export's data, never the
/// year 2147483647 that would make a month range endless.
pub const YEARS: std::ops::RangeInclusive<i32> = 1970..=2100;

/// Years an export can hold: chrono reads `31.01.25` as the year 25, which is a
/// two-digit year to be refused, not a date of the Roman Empire.
fn plausible(d: NaiveDate) -> Option<NaiveDate> {
    YEARS.contains(&d.year()).then_some(d)
}

fn date_text(text: &str, utc_offset: i32) -> Option<NaiveDate> {
    any_date(text, utc_offset).and_then(plausible)
}

fn any_date(text: &str, utc_offset: i32) -> Option<NaiveDate> {
    let text = text.trim().trim_matches('\u{a0}');
    let b = text.as_bytes();
    if (9..=10).contains(&b.len()) && b.iter().all(u8::is_ascii_digit) {
        // Unix seconds from 2001-09-09 (10^9) on: ten digits; nine reach back to 1973.
        let secs: i64 = text.parse().ok()?;
        let zone = FixedOffset::east_opt(utc_offset)?;
        return zone.timestamp_opt(secs, 0).single().map(|t| t.date_naive());
    }
    // The common shapes go straight to their one format: exports hold a
    // million of these, and a failed parse per format would triple the cost.
    let dotted = b.len() >= 10 && b[2] == b'.' && b[5] == b'.';
    let dashed = b.len() >= 10 && b[4] == b'-' && b[7] == b'-';
    let shape = match (dotted, dashed, b.len()) {
        (true, _, 10) => Some(Shape::Dotted),
        (true, _, 16) => Some(Shape::DottedMinutes),
        (true, _, 19) => Some(Shape::DottedSeconds),
        (_, true, 10) => Some(Shape::Iso),
        (_, true, 16) if b[10] == b' ' => Some(Shape::IsoMinutes),
        (_, true, 19) if b[10] == b' ' => Some(Shape::IsoSeconds),
        _ => None,
    };
    if let Some(shape) = shape {
        return shaped(text, shape);
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Some(t.date_naive());
    }
    if let Ok(t) = DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%z") {
        return Some(t.date_naive());
    }
    for format in DATE_FORMATS {
        if let Ok(d) = NaiveDate::parse_from_str(text, format) {
            return Some(d);
        }
    }
    for format in DATETIME_FORMATS {
        if let Ok(t) = NaiveDateTime::parse_from_str(text, format) {
            return Some(t.date());
        }
    }
    None
}

/// The common shapes of a date, each parsed by one format.
#[derive(Clone, Copy)]
enum Shape {
    Dotted,
    DottedMinutes,
    DottedSeconds,
    Iso,
    IsoMinutes,
    IsoSeconds,
}

/// Parses `text` in one common format, its items parsed once per run
/// (chrono re-reads a format string on every call otherwise).
fn shaped(text: &str, shape: Shape) -> Option<NaiveDate> {
    use chrono::format::{Item, Parsed, StrftimeItems, parse};
    use std::sync::LazyLock;
    type Items = LazyLock<Vec<Item<'static>>>;
    fn items(format: &'static str) -> Vec<Item<'static>> {
        StrftimeItems::new(format)
            .parse_to_owned()
            .unwrap_or_default()
    }
    static DOTTED: Items = LazyLock::new(|| items("%d.%m.%Y"));
    static DOTTED_MINUTES: Items = LazyLock::new(|| items("%d.%m.%Y %H:%M"));
    static DOTTED_SECONDS: Items = LazyLock::new(|| items("%d.%m.%Y %H:%M:%S"));
    static ISO: Items = LazyLock::new(|| items("%Y-%m-%d"));
    static ISO_MINUTES: Items = LazyLock::new(|| items("%Y-%m-%d %H:%M"));
    static ISO_SECONDS: Items = LazyLock::new(|| items("%Y-%m-%d %H:%M:%S"));
    let items: &[Item<'static>] = match shape {
        Shape::Dotted => &DOTTED,
        Shape::DottedMinutes => &DOTTED_MINUTES,
        Shape::DottedSeconds => &DOTTED_SECONDS,
        Shape::Iso => &ISO,
        Shape::IsoMinutes => &ISO_MINUTES,
        Shape::IsoSeconds => &ISO_SECONDS,
    };
    let mut parsed = Parsed::new();
    parse(&mut parsed, text, items.iter()).ok()?;
    // A time, when present, must be a real one: 25:99 is a bad cell, not a date.
    if parsed.hour_div_12().is_some() || parsed.minute().is_some() {
        parsed.to_naive_time().ok()?;
    }
    parsed.to_naive_date().ok()
}

/// A date serial of the 1900 date system (1 = 1900-01-01; Excel's phantom
/// 1900-02-29 makes day 60 and before one off, and no export reaches back there).
fn excel_serial(serial: f64) -> Option<NaiveDate> {
    if !(61.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    epoch.checked_add_days(chrono::Days::new(serial.floor() as u64))
}

/// An amount: `1500`, `1500.50`, `1 500,50`, `1 500,50 ₽`, `1500 руб.`,
/// `1,500.50`, with ordinary, no-break (U+00A0) or narrow (U+202F) spaces
/// between thousands; a spreadsheet's number cell as it is. Empty is `None`,
/// and so is a placeholder a sheet writes for "no amount" (see [`is_blank`]).
pub fn amount(cell: Cell<'_>) -> Result<Option<Decimal>, Bad> {
    let value = match cell {
        Cell::Empty => return Ok(None),
        // pandas and HTML exports write an empty number as NaN.
        Cell::Number(n) if n.is_nan() => return Ok(None),
        Cell::Number(n) => float(n).ok_or(Bad::Amount)?,
        Cell::Text(text) if is_blank(text) => return Ok(None),
        Cell::Text(text) => match amount_text(text)? {
            Some(d) => d,
            None => return Ok(None),
        },
        Cell::DateTime(_) | Cell::Bool(_) => return Err(Bad::Amount),
    };
    if value.is_sign_negative() && !value.is_zero() {
        return Err(Bad::Negative);
    }
    Ok(Some(value))
}

/// What sheets write in an amount's place for "none": a dash of any
/// length, «н/д», «нет», `n/a`, `nan`, `null`, `none` (any case, spaces around).
pub fn is_blank(text: &str) -> bool {
    let t = text.trim().trim_matches('\u{a0}');
    // Amounts are most cells of a million-row export: digits go straight on.
    if t.is_empty() {
        return true;
    }
    if t.len() > 6 || t.as_bytes()[0].is_ascii_digit() {
        return false;
    }
    matches!(t, "-" | "—" | "–" | "−" | "--")
        || [
            "н/д", "нет", "n/a", "na", "nan", "null", "none", "#н/д", "#n/a",
        ]
        .contains(&t.to_lowercase().as_str())
}

/// A spreadsheet number as the decimal it was typed as: Rust prints the
/// shortest text that reads back to the same double, so 1500.1 stays 1500.1.
fn float(n: f64) -> Option<Decimal> {
    if !n.is_finite() {
        return None;
    }
    Decimal::from_str(&n.to_string())
        .or_else(|_| Decimal::from_scientific(&format!("{n:e}")))
        .ok()
}

fn amount_text(text: &str) -> Result<Option<Decimal>, Bad> {
    let mut s: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\''))
        .collect();
    // Currency marks, longest first so "руб." is not left as ".".
    for mark in ["рублей", "руб.", "руб", "р.", "₽", "RUB", "rub"] {
        if let Some(rest) = s.strip_suffix(mark) {
            s = rest.to_string();
            break;
        }
    }
    if let Some(rest) = s.strip_prefix('₽') {
        s = rest.to_string();
    }
    if s.is_empty() {
        return Ok(None);
    }
    let (sign, body) = match s.strip_prefix('-').or_else(|| s.strip_prefix('−')) {
        Some(rest) => ("-", rest),
        None => ("", s.strip_prefix('+').unwrap_or(&s)),
    };
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(Bad::Amount);
    }
    let commas = body.matches(',').count();
    let dots = body.matches('.').count();
    let plain = match (commas, dots) {
        (0, 0) => body.to_string(),
        // 1500.50: a decimal point; 1.500.000: thousands.
        (0, 1) => body.to_string(),
        (0, _) => thousands(body, '.')?,
        (1, 0) => {
            let (int, frac) = body.split_once(',').ok_or(Bad::Amount)?;
            // "1,500" reads as 1.5 to a Russian and as 1500 to an American.
            if frac.len() == 3 && !int.is_empty() && !int.starts_with('0') && int.len() <= 3 {
                return Err(Bad::Ambiguous);
            }
            format!("{int}.{frac}")
        }
        (_, 0) => thousands(body, ',')?,
        _ => {
            // Both marks: the last one is the decimal mark, the other groups thousands.
            let last = body.rfind([',', '.']).ok_or(Bad::Amount)?;
            let (int, frac) = (&body[..last], &body[last + 1..]);
            let mark = body[last..].chars().next().ok_or(Bad::Amount)?;
            let group = if mark == ',' { '.' } else { ',' };
            if int.contains(mark) {
                return Err(Bad::Amount);
            }
            format!("{}.{frac}", thousands(int, group)?)
        }
    };
    if plain.starts_with('.') || plain.ends_with('.') {
        return Err(Bad::Amount);
    }
    Decimal::from_str_exact(&format!("{sign}{plain}"))
        .map(Some)
        .map_err(|_| Bad::Amount)
}

/// `1,500,000` with `mark` between groups of three digits → `1500000`.
fn thousands(body: &str, mark: char) -> Result<String, Bad> {
    let mut groups = body.split(mark);
    let first = groups.next().unwrap_or("");
    if first.is_empty() || first.len() > 3 {
        return Err(Bad::Amount);
    }
    let mut out = first.to_string();
    for g in groups {
        if g.len() != 3 {
            return Err(Bad::Amount);
        }
        out.push_str(g);
    }
    Ok(out)
}

/// A whole count ≥ 0 (leads, visits) in a monthly sheet: `96`, `1 200`, a number cell.
pub fn count(cell: Cell<'_>) -> Result<Option<u64>, Bad> {
    match amount(cell) {
        Ok(Some(d)) if d.fract().is_zero() => {
            u64::try_from(d.trunc().mantissa() / 10i128.pow(d.scale()))
                .map(Some)
                .map_err(|_| Bad::Count)
        }
        Ok(Some(_)) | Err(_) => Err(Bad::Count),
        Ok(None) => Ok(None),
    }
}

/// Russian month names by their stems, as a sheet writes them: `июнь`, `июня`, `Июн.`.
const RU_MONTHS: [&str; 12] = [
    "янв", "фев", "мар", "апр", "ма", "июн", "июл", "авг", "сен", "окт", "ноя", "дек",
];
const EN_MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// A month of a monthly sheet: `2025-06`, `06.2025`, `июнь 2025`, `Июнь 2025 г.`,
/// `June 2025`, or any date (text or cell) in it.
pub fn month(cell: Cell<'_>) -> Result<Option<Month>, Bad> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Text(text) => month_text(text).map(Some).ok_or(Bad::Month),
        other => match date(other, MOSCOW) {
            Ok(Some(d)) => Ok(Some(Month::of(d))),
            Ok(None) => Ok(None),
            Err(_) => Err(Bad::Month),
        },
    }
}

fn month_text(text: &str) -> Option<Month> {
    let text = text.trim();
    if let Ok(m) = text.parse::<Month>() {
        return Some(m);
    }
    if let Some((m, y)) = text.split_once(['.', '/'])
        && m.len() <= 2
        && y.len() == 4
    {
        let month: u32 = m.parse().ok()?;
        let year: i32 = y.parse().ok()?;
        return ((1..=12).contains(&month) && YEARS.contains(&year))
            .then_some(Month { year, month });
    }
    if let Some(d) = date_text(text, MOSCOW) {
        return Some(Month::of(d));
    }
    let lower = text.to_lowercase();
    let mut words = lower
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty());
    let name = words.next()?.trim_end_matches('.');
    let year: i32 = words.next()?.parse().ok()?;
    // What may follow the year: "г.", "год", "года".
    if words.any(|w| !matches!(w, "г." | "г" | "год" | "года")) {
        return None;
    }
    let month = month_name(name)?;
    YEARS.contains(&year).then_some(Month { year, month })
}

fn month_name(name: &str) -> Option<u32> {
    // "май", "мая" share the stem "ма" with "март", "марта": tell them apart first.
    if matches!(name, "май" | "мая") {
        return Some(5);
    }
    let ru = RU_MONTHS
        .iter()
        .position(|stem| *stem != "ма" && name.starts_with(stem));
    let en = EN_MONTHS.iter().position(|stem| name.starts_with(stem));
    ru.or(en).map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn amt(s: &str) -> Result<Option<Decimal>, Bad> {
        amount(Cell::Text(s))
    }

    #[test]
    fn reads_amounts_as_russians_write_them() {
        for (text, value) in [
            ("1500", "1500"),
            ("1500.50", "1500.50"),
            ("1 500,50", "1500.50"),
            ("1\u{a0}500,50\u{a0}₽", "1500.50"),
            ("1\u{202f}500,50 ₽", "1500.50"),
            ("1500 руб.", "1500"),
            ("1500 руб", "1500"),
            ("1,500.50", "1500.50"),
            ("1.500,50", "1500.50"),
            ("12 000 000", "12000000"),
            ("1,234,567", "1234567"),
            ("0,500", "0.500"),
            ("19999.99", "19999.99"),
            ("2 750,5 р.", "2750.5"),
            ("0", "0"),
        ] {
            assert_eq!(amt(text), Ok(Some(d(value))), "{text}");
        }
        assert_eq!(amt(""), Ok(None));
        assert_eq!(amt(" ₽ "), Ok(None));
        assert_eq!(amount(Cell::Number(1500.1)), Ok(Some(d("1500.1"))));
        assert_eq!(
            amount(Cell::Number(0.1 + 0.2)),
            Ok(Some(d("0.30000000000000004")))
        );
    }

    #[test]
    fn refuses_what_is_not_an_amount() {
        assert_eq!(amt("1,500"), Err(Bad::Ambiguous));
        assert_eq!(amt("-1500"), Err(Bad::Negative));
        for bad in [
            "abc",
            "15o0",
            "1.500.00",
            "1,50,0",
            ".5.",
            "1 500,50,1",
            "1..5",
            "12 34,5.6",
        ] {
            assert!(amt(bad).is_err(), "{bad}");
        }
        assert_eq!(amount(Cell::Number(f64::INFINITY)), Err(Bad::Amount));
        assert_eq!(amount(Cell::Bool(true)), Err(Bad::Amount));
    }

    #[test]
    fn placeholders_are_empty_amounts() {
        for blank in [
            "", " ", "-", "—", "–", "--", "н/д", "Н/Д", "нет", "n/a", "N/A", "nan", "NaN", "null",
            "#Н/Д", " - ",
        ] {
            assert_eq!(amt(blank), Ok(None), "{blank:?}");
        }
        assert_eq!(amount(Cell::Number(f64::NAN)), Ok(None));
        // A dash with digits is a sign, not a placeholder.
        assert_eq!(amt("-5"), Err(Bad::Negative));
        assert_eq!(amt("нет данных"), Err(Bad::Amount));
    }

    fn by(text: &str, order: Option<Order>) -> Result<Option<(NaiveDate, Clue)>, Bad> {
        let rule = DateRule {
            order,
            ..DateRule::zone(MOSCOW)
        };
        date_by(Cell::Text(text), &rule)
    }

    #[test]
    fn a_dates_order_is_proved_by_its_fields_never_guessed() {
        let got = |t: &str| by(t, None).unwrap().unwrap();
        assert_eq!(got("13/01/2025"), (ymd(2025, 1, 13), Clue::DayFirst));
        assert_eq!(got("1/13/2025"), (ymd(2025, 1, 13), Clue::MonthFirst));
        assert_eq!(got("03/04/2025"), (ymd(2025, 4, 3), Clue::Either));
        assert_eq!(got("04/04/2025"), (ymd(2025, 4, 4), Clue::Settled));
        // amoCRM's CSV: dashes, the year last, a time.
        assert_eq!(
            got("24-01-2025 17:44:48"),
            (ymd(2025, 1, 24), Clue::DayFirst)
        );
        assert_eq!(got("04-01-2025 17:44"), (ymd(2025, 1, 4), Clue::Either));
        // The forms that say their order stay settled.
        assert_eq!(got("03.04.2025"), (ymd(2025, 4, 3), Clue::Settled));
        assert_eq!(got("2025-04-03"), (ymd(2025, 4, 3), Clue::Settled));
        // An order given reads every such date, and refuses what it cannot be.
        let mdy = |t: &str| by(t, Some(Order::Mdy));
        assert_eq!(
            mdy("03/04/2025"),
            Ok(Some((ymd(2025, 3, 4), Clue::Settled)))
        );
        assert_eq!(mdy("13/01/2025"), Err(Bad::Date));
        let dmy = |t: &str| by(t, Some(Order::Dmy));
        assert_eq!(
            dmy("03-04-2025 10:00:00"),
            Ok(Some((ymd(2025, 4, 3), Clue::Settled)))
        );
        assert_eq!(
            by("2025/04/03", Some(Order::Ymd)),
            Ok(Some((ymd(2025, 4, 3), Clue::Settled)))
        );
        // Nonsense stays refused whatever the order.
        for bad in [
            "13/13/2025",
            "0/5/2025",
            "1/2/25",
            "1/2/2025 25:00",
            "1/2/3/2025",
        ] {
            assert!(by(bad, None).is_err(), "{bad}");
        }
        assert_eq!(by("1/2/1900", None), Err(Bad::Year));
    }

    #[test]
    fn a_mappings_format_reads_what_no_built_in_form_does() {
        let format = DateFormat::parse("%d-%m-%Y %H:%M:%S").unwrap();
        let rule = DateRule {
            format: Some(format),
            ..DateRule::zone(MOSCOW)
        };
        assert_eq!(
            date_by(Cell::Text("04-01-2025 17:44:48"), &rule),
            Ok(Some((ymd(2025, 1, 4), Clue::Settled)))
        );
        assert_eq!(date_by(Cell::Text("2025-01-04"), &rule), Err(Bad::Date));
        let compact = DateFormat::parse("%Y%m%d").unwrap();
        let rule = DateRule {
            format: Some(compact),
            ..DateRule::zone(MOSCOW)
        };
        assert_eq!(
            date_by(Cell::Text("20250104"), &rule),
            Ok(Some((ymd(2025, 1, 4), Clue::Settled)))
        );
        assert!(DateFormat::parse("%H:%M").is_err());
        assert!(DateFormat::parse("%d.%m.%y").is_err());
        assert!(DateFormat::parse("%d-%m-%Y %Q").is_err());
    }

    fn ymd(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn reads_dates_in_every_exported_form() {
        for (text, want) in [
            ("31.01.2025", ymd(2025, 1, 31)),
            ("31.01.2025 14:05", ymd(2025, 1, 31)),
            ("31.01.2025 14:05:33", ymd(2025, 1, 31)),
            ("2025-01-31", ymd(2025, 1, 31)),
            ("2025-01-31 23:59:59", ymd(2025, 1, 31)),
            // The date where it was written, not in UTC.
            ("2024-09-02T18:37:18+02:00", ymd(2024, 9, 2)),
            ("2024-09-02T01:00:00+05:00", ymd(2024, 9, 2)),
            ("2024-09-02T18:37:18Z", ymd(2024, 9, 2)),
            ("2024-09-02T18:37:18+0300", ymd(2024, 9, 2)),
            // 1738355400 = 2025-01-31 20:30:00 UTC = 23:30 in Moscow.
            ("1738355400", ymd(2025, 1, 31)),
            // 1738357200 = 2025-01-31 21:00:00 UTC = 2025-02-01 00:00 in Moscow.
            ("1738357200", ymd(2025, 2, 1)),
        ] {
            assert_eq!(date(Cell::Text(text), MOSCOW), Ok(Some(want)), "{text}");
        }
        assert_eq!(
            date(Cell::Text("1738357200"), 0),
            Ok(Some(ymd(2025, 1, 31)))
        );
        // 45688 is 2025-01-31 in Excel's 1900 system; the fraction is the time of day.
        assert_eq!(
            date(Cell::Number(45688.75), MOSCOW),
            Ok(Some(ymd(2025, 1, 31)))
        );
        assert_eq!(date(Cell::Empty, MOSCOW), Ok(None));
        assert_eq!(date(Cell::Text("31.01.25"), MOSCOW), Err(Bad::Year));
        assert_eq!(date(Cell::Text("01.01.9999"), MOSCOW), Err(Bad::Year));
        for bad in [
            "31.02.2025",
            "2025-13-01",
            "вчера",
            "12345",
            "1.1",
            "31.01.2025 25:99",
            "31.01.2025 14:05:61x",
        ] {
            assert_eq!(date(Cell::Text(bad), MOSCOW), Err(Bad::Date), "{bad}");
        }
    }

    #[test]
    fn reads_months_of_a_monthly_sheet() {
        let june = Month {
            year: 2025,
            month: 6,
        };
        for text in [
            "2025-06",
            "06.2025",
            "6.2025",
            "июнь 2025",
            "Июнь 2025 г.",
            "июня 2025",
            "Июн. 2025",
            "June 2025",
            "01.06.2025",
        ] {
            assert_eq!(month(Cell::Text(text)), Ok(Some(june)), "{text}");
        }
        let may = Month {
            year: 2025,
            month: 5,
        };
        assert_eq!(month(Cell::Text("май 2025")), Ok(Some(may)));
        assert_eq!(
            month(Cell::Text("март 2025")),
            Ok(Some(Month {
                year: 2025,
                month: 3
            }))
        );
        assert_eq!(month(Cell::Number(45809.0)), Ok(Some(june)));
        for bad in [
            "2025",
            "13.2025",
            "юнь 2025",
            "июнь",
            "июнь 2025 abc",
            "декабрь 2147483647",
            "июнь 0",
            "июнь -5",
            "06.9999",
            "2147483647-12",
        ] {
            assert_eq!(month(Cell::Text(bad)), Err(Bad::Month), "{bad}");
        }
    }

    #[test]
    fn months_count_and_step() {
        let jan: Month = "2025-01".parse().unwrap();
        let dec: Month = "2024-12".parse().unwrap();
        assert_eq!(dec.next(), jan);
        assert_eq!(dec.span(jan), 2);
        assert_eq!(jan.span(dec), 0);
        assert_eq!(jan.years_back(1).to_string(), "2024-01");
        let all: Vec<String> = dec
            .through("2025-02".parse().unwrap())
            .map(|m| m.to_string())
            .collect();
        assert_eq!(all, ["2024-12", "2025-01", "2025-02"]);
        assert!("2025-1".parse::<Month>().is_err());
        assert!("2025-00".parse::<Month>().is_err());
        assert!("9999-01".parse::<Month>().is_err());
    }

    #[test]
    fn counts_are_whole() {
        assert_eq!(count(Cell::Text("1 200")), Ok(Some(1200)));
        assert_eq!(count(Cell::Number(96.0)), Ok(Some(96)));
        assert_eq!(count(Cell::Text("9,5")), Err(Bad::Count));
        assert_eq!(count(Cell::Empty), Ok(None));
    }
}
