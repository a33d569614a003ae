//! Dates as the systems write them, and the order of day and month proved
//! by a column's own cells, never guessed.

use super::super::table::Cell;
use super::{Bad, YEARS};
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, TimeZone};

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
            // Bitrix24's `31.01.2025 14:05:33`, most cells of a big export:
            // straight to its shape, as `any_date` would take it after the
            // checks below (digits at both ends: nothing to trim, no slashes).
            let b = text.as_bytes();
            if b.len() == 19
                && b[2] == b'.'
                && b[5] == b'.'
                && b[0].is_ascii_digit()
                && b[18].is_ascii_digit()
            {
                let read = shaped(text, Shape::DottedSeconds);
                return Ok(Some((in_years(read)?, Clue::Settled)));
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

/// Whether `text` is a year-last date with slashes or dashes (`6/1/2025`).
pub(super) fn year_last_text(text: &str) -> bool {
    year_last(text).is_some()
}

/// `text` as a year-last date with slashes or dashes, if it is one.
fn year_last(text: &str) -> Option<YearLast> {
    let text = super::trimmed(text);
    // Its first field is one or two digits: a `/` or `-` by the third byte.
    // Dotted and ISO dates, nearly every cell of a big export, stop here.
    let early = text.as_bytes().get(1..3).unwrap_or_default();
    if !early.iter().any(|b| matches!(b, b'/' | b'-')) {
        return None;
    }
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

/// Years an export can hold: chrono reads `31.01.25` as the year 25, which is a
/// two-digit year to be refused, not a date of the Roman Empire.
fn plausible(d: NaiveDate) -> Option<NaiveDate> {
    YEARS.contains(&d.year()).then_some(d)
}

pub(super) fn date_text(text: &str, utc_offset: i32) -> Option<NaiveDate> {
    any_date(text, utc_offset).and_then(plausible)
}

fn any_date(text: &str, utc_offset: i32) -> Option<NaiveDate> {
    let text = super::trimmed(text);
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

/// Parses `text` in one common shape by its fixed positions: the shapes of
/// nearly every cell of a big export, where a general parser was a tenth of
/// the time. Day, month and year as written; a time, when present, must be
/// a real one (25:99 is a bad cell, not a date; a leap second 60 is allowed).
fn shaped(text: &str, shape: Shape) -> Option<NaiveDate> {
    let b = text.as_bytes();
    let num = |from: usize, len: usize| -> Option<u32> {
        let mut n = 0;
        for &d in b.get(from..from + len)? {
            // A byte below '0' wraps round past 9 too.
            let digit = d.wrapping_sub(b'0');
            if digit > 9 {
                return None;
            }
            n = n * 10 + u32::from(digit);
        }
        Some(n)
    };
    let (day, month, year) = match shape {
        Shape::Dotted | Shape::DottedMinutes | Shape::DottedSeconds => {
            (num(0, 2)?, num(3, 2)?, num(6, 4)?)
        }
        Shape::Iso | Shape::IsoMinutes | Shape::IsoSeconds => (num(8, 2)?, num(5, 2)?, num(0, 4)?),
    };
    let (minutes, seconds) = match shape {
        Shape::Dotted | Shape::Iso => (false, false),
        Shape::DottedMinutes | Shape::IsoMinutes => (true, false),
        Shape::DottedSeconds | Shape::IsoSeconds => (true, true),
    };
    if minutes && (b[10] != b' ' || b[13] != b':' || num(11, 2)? > 23 || num(14, 2)? > 59) {
        return None;
    }
    if seconds && (b[16] != b':' || num(17, 2)? > 60) {
        return None;
    }
    NaiveDate::from_ymd_opt(year as i32, month, day)
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

/// A date cell a column's verdict can point at: where it is and what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    /// The file as named.
    pub file: String,
    /// The row as its program shows it.
    pub row: u64,
    /// The cell as written (clipped for messages).
    pub value: String,
}

/// What a date column's cells proved about the order of day and month,
/// gathered over the whole column: the first cell of each kind.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Evidence {
    /// A cell whose first field is above 12: the day comes first.
    pub day_first: Option<Seen>,
    /// A cell whose second field is above 12: the month comes first.
    pub month_first: Option<Seen>,
    /// A cell that reads either way, taken day first meanwhile.
    pub either: Option<Seen>,
}

/// What a column's evidence decides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Every date was read as it is meant.
    Read,
    /// The column proves the month comes first, but some dates were taken
    /// day first before it did: read them again in this order.
    Again(Order),
    /// Cells prove both orders: the column is not one order.
    Both(Seen, Seen),
    /// Some dates read either way and no cell proves which.
    Unproven(Seen),
}

impl Evidence {
    /// Adds what the cells after these proved: the first cell of each kind stays.
    pub fn merge(&mut self, later: Evidence) {
        self.day_first = self.day_first.take().or(later.day_first);
        self.month_first = self.month_first.take().or(later.month_first);
        self.either = self.either.take().or(later.either);
    }

    /// Notes what one cell proved; `value` is asked for only when kept.
    pub fn note(&mut self, clue: Clue, file: &str, row: u64, value: impl FnOnce() -> String) {
        let slot = match clue {
            Clue::Settled => return,
            Clue::DayFirst => &mut self.day_first,
            Clue::MonthFirst => &mut self.month_first,
            Clue::Either => &mut self.either,
        };
        if slot.is_none() {
            *slot = Some(Seen {
                file: file.to_string(),
                row,
                value: crate::input::clip(&value()),
            });
        }
    }

    /// The column's verdict.
    pub fn verdict(&self) -> Verdict {
        match (&self.day_first, &self.month_first, &self.either) {
            (Some(d), Some(m), _) => Verdict::Both(d.clone(), m.clone()),
            (None, Some(_), Some(_)) => Verdict::Again(Order::Mdy),
            (None, None, Some(e)) => Verdict::Unproven(e.clone()),
            _ => Verdict::Read,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::MOSCOW;
    use super::*;
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
    fn a_columns_verdict_needs_its_proof() {
        let seen = |clues: &[Clue]| {
            let mut e = Evidence::default();
            for (n, c) in clues.iter().enumerate() {
                e.note(*c, "f.csv", n as u64 + 2, || format!("cell {n}"));
            }
            e.verdict()
        };
        assert_eq!(seen(&[Clue::Settled, Clue::DayFirst]), Verdict::Read);
        assert_eq!(seen(&[Clue::Either, Clue::DayFirst]), Verdict::Read);
        assert_eq!(seen(&[Clue::MonthFirst, Clue::MonthFirst]), Verdict::Read);
        assert_eq!(
            seen(&[Clue::Either, Clue::MonthFirst]),
            Verdict::Again(Order::Mdy)
        );
        let Verdict::Both(d, m) = seen(&[Clue::MonthFirst, Clue::Either, Clue::DayFirst]) else {
            panic!("both orders proved");
        };
        assert_eq!((d.row, m.row), (4, 2));
        assert!(matches!(seen(&[Clue::Either]), Verdict::Unproven(s) if s.value == "cell 0"));
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

    proptest::proptest! {
        /// The fixed-position reader agrees with chrono's format parser on
        /// every two-digit field, valid or not.
        #[test]
        fn the_fast_shapes_read_as_chrono_does(
            d in 0u32..40, m in 0u32..15, y in 1960i32..2110, h in 0u32..30, mi in 0u32..70, sec in 0u32..70
        ) {
            let cases = [
                (format!("{d:02}.{m:02}.{y:04}"), "%d.%m.%Y"),
                (format!("{d:02}.{m:02}.{y:04} {h:02}:{mi:02}"), "%d.%m.%Y %H:%M"),
                (format!("{d:02}.{m:02}.{y:04} {h:02}:{mi:02}:{sec:02}"), "%d.%m.%Y %H:%M:%S"),
                (format!("{y:04}-{m:02}-{d:02}"), "%Y-%m-%d"),
                (format!("{y:04}-{m:02}-{d:02} {h:02}:{mi:02}"), "%Y-%m-%d %H:%M"),
                (format!("{y:04}-{m:02}-{d:02} {h:02}:{mi:02}:{sec:02}"), "%Y-%m-%d %H:%M:%S"),
            ];
            for (text, format) in cases {
                let chrono = if format.contains("%H") {
                    NaiveDateTime::parse_from_str(&text, format).ok().map(|t| t.date())
                } else {
                    NaiveDate::parse_from_str(&text, format).ok()
                };
                proptest::prop_assert_eq!(any_date(&text, MOSCOW), chrono, "{}", text);
            }
        }
    }
}
