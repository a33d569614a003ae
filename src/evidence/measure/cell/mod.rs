//! Cells as Russians write them: amounts with spaces, commas and `₽`, dates in
//! every form the systems export. A cell that fits no form is refused, never guessed.

use chrono::{Datelike, NaiveDate};
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

/// `text` without surrounding whitespace (U+00A0 too, as `str::trim` does),
/// at the cost of two byte checks for the common cell that has none: a
/// million-row export trims every cell it reads several times.
#[inline]
pub fn trimmed(text: &str) -> &str {
    if is_trimmed(text.as_bytes()) {
        text
    } else {
        text.trim()
    }
}

/// Whether the text in `b` has no whitespace to trim, told from its first
/// byte and last two for nearly every cell (empty counts as trimmed).
#[inline(always)]
pub fn is_trimmed(b: &[u8]) -> bool {
    let before_last = b.len().checked_sub(2).map_or(0, |i| b[i]);
    match (b.first(), b.last()) {
        (Some(&first), Some(&last)) => solid_start(first) && solid_end(before_last, last),
        _ => true,
    }
}

/// Whether a text starting with byte `b` starts with no whitespace, told
/// from the byte alone: ASCII but a space or control, or a lead byte no
/// Unicode space begins with (spaces past ASCII begin with C2, E1, E2 or E3).
fn solid_start(b: u8) -> bool {
    !matches!(b, b' ' | b'\t'..=b'\r' | 0xC2 | 0xE1..=0xE3)
}

/// Whether a text ending with bytes `before`, `last` ends with no
/// whitespace: ASCII but a space or control, or an ending no Unicode space
/// has. Theirs: U+0085 and U+00A0 end C2 85 and C2 A0; U+1680, U+2000–200A
/// and U+3000 end 9A 80 or 80 80–8A; U+2028, 2029 and 202F end 80 A8, A9
/// and AF; U+205F ends 81 9F. (Cyrillic р–ъ end D1 80–8A: solid.)
fn solid_end(before: u8, last: u8) -> bool {
    !match last {
        b' ' | b'\t'..=b'\r' => true,
        0x85 | 0xA0 if before == 0xC2 => true,
        0x80..=0x8A => matches!(before, 0x80 | 0x9A),
        0xA8 | 0xA9 | 0xAF => before == 0x80,
        0x9F => before == 0x81,
        _ => false,
    }
}

/// The years a month or a date may fall in: an export's data, never the
/// year 2147483647 that would make a month range endless.
pub const YEARS: std::ops::RangeInclusive<i32> = 1970..=2100;

mod amount;
mod date;
mod month;

pub use amount::{amount, count, is_blank};
pub use date::{Clue, DateFormat, DateRule, Evidence, Order, Seen, Verdict, date, date_by};
pub use month::{month, month_by};

#[cfg(test)]
mod tests {
    use super::*;

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
    fn trimmed_trims_as_str_trim_does() {
        let chars = (0..0x3100).chain(0xFEFF..0xFF00).filter_map(char::from_u32);
        for c in chars {
            for text in [
                format!("{c}ж"),
                format!("ж{c}"),
                format!("{c}"),
                format!("1{c}1"),
            ] {
                assert_eq!(trimmed(&text), text.trim(), "U+{:04X}", c as u32);
            }
        }
    }
}
