//! The month of a monthly sheet's row, in every form owners write it.

use super::super::table::Cell;
use super::date::{Clue, DateRule, Order, date, date_by, date_text, year_last_text};
use super::{Bad, MOSCOW, Month, YEARS};

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
    month_by(cell, None)
}

/// [`month`], with the order of day and month a mapping gives for a
/// year-last date (`6/1/2025`): without one, such a date is a month only
/// when its fields prove their order, never by guess.
pub fn month_by(cell: Cell<'_>, order: Option<Order>) -> Result<Option<Month>, Bad> {
    if let Cell::Text(text) = cell
        && let Ok(Some((d, clue))) = date_by(
            cell,
            &DateRule {
                order,
                ..DateRule::zone(MOSCOW)
            },
        )
        && year_last_text(text)
    {
        return match clue {
            Clue::Either => Err(Bad::Month),
            _ => Ok(Some(Month::of(d))),
        };
    }
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
}
