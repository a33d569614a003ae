//! A salon's clients with a known return behaviour, written as a YCLIENTS
//! CSV with the client's name and phone: each client comes back after a
//! geometric number of days (mean 40 for the assistant's clients, 70 for the
//! others'), some bookings are no-shows, some records name no client, and
//! walk-ins are booked under the placeholder phone «0». Phones are written
//! in every form staff type them, and the rows are out of date order.

use super::Dice;
use chrono::{Days, NaiveDate};

/// One record as the generator made it.
#[derive(Debug, Clone)]
pub struct Booking {
    pub id: u32,
    /// The client's number, `None` for a record without a client,
    /// `Some(0)` for a walk-in under the salon's phone and `Some(1)` under
    /// «Без имени».
    pub client: Option<u32>,
    pub created: NaiveDate,
    pub visit: NaiveDate,
    pub came: bool,
    pub kopecks: i64,
    pub ai: bool,
}

/// The export's first and last days.
pub const START: (i32, u32, u32) = (2024, 1, 1);
pub const END: (i32, u32, u32) = (2025, 2, 28);

fn day(d: (i32, u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.0, d.1, d.2).unwrap()
}

/// Days to the next visit: 1 + a geometric number with the given mean.
fn gap(dice: &mut Dice, mean: u64) -> u64 {
    let mut days = 1;
    while dice.below(mean) != 0 && days < 2000 {
        days += 1;
    }
    days
}

/// 30 new clients a month for 14 months, each returning until the export ends.
pub fn bookings(seed: u64) -> Vec<Booking> {
    let mut dice = Dice::new(seed);
    let (start, end) = (day(START), day(END));
    let mut out = Vec::new();
    let mut id = 5000;
    let mut client = 1;
    let mut month_start = start;
    while month_start <= end {
        for _ in 0..30 {
            client += 1;
            let ai = dice.below(10) < 3;
            let mut visit = month_start + Days::new(dice.below(28));
            while visit <= end {
                id += 1;
                // One booking in ten is a no-show, rebooked a week later.
                let came = dice.below(10) != 0;
                let created = visit - Days::new(dice.below(10));
                let named = dice.below(25) != 0;
                out.push(Booking {
                    id,
                    client: named.then_some(client),
                    created: created.max(start),
                    visit,
                    came,
                    kopecks: (1000 + 10 * dice.below(200) as i64) * 100,
                    ai,
                });
                visit = visit
                    + Days::new(if came {
                        gap(&mut dice, if ai { 40 } else { 70 })
                    } else {
                        7
                    });
            }
        }
        month_start = month_start
            .checked_add_months(chrono::Months::new(1))
            .unwrap();
    }
    // Walk-ins booked under the salon's phone on 150 days spread over the
    // export, and five under «Без имени».
    for n in 0..155u64 {
        id += 1;
        let visit = start + Days::new(n * 423 / 155);
        out.push(Booking {
            id,
            client: Some(u32::from(n >= 150)),
            created: visit,
            visit,
            came: true,
            kopecks: 150000,
            ai: false,
        });
    }
    out
}

/// The client's phone as staff typed it this time.
fn phone(client: u32, form: u64) -> String {
    let n = 9_000_000_000u64 + u64::from(client) * 7919;
    let s = n.to_string();
    let (a, b, c, d) = (&s[0..3], &s[3..6], &s[6..8], &s[8..10]);
    match form {
        0 => format!("+7 ({a}) {b}-{c}-{d}"),
        1 => format!("8{a}{b}{c}{d}"),
        2 => format!("8 {a} {b} {c} {d}"),
        3 => format!("+7{a}{b}{c}{d}"),
        _ => format!("{a}-{b}-{c}-{d}"),
    }
}

fn date(d: NaiveDate) -> String {
    d.format("%d.%m.%Y 10:00").to_string()
}

/// The YCLIENTS CSV: `;`-separated, UTF-8, newest booking first (so a
/// client's visits come in reverse order).
pub fn yclients_csv(bookings: &[Booking]) -> Vec<u8> {
    let mut dice = Dice::new(99);
    let mut out = String::from(
        "ID;Дата создания;Дата визита;Статус визита;Стоимость;Клиент;Телефон;Источник\n",
    );
    let mut rows: Vec<&Booking> = bookings.iter().collect();
    rows.sort_by_key(|b| std::cmp::Reverse((b.visit, b.id)));
    for b in rows {
        let (name, tel) = match b.client {
            None => (String::new(), String::new()),
            Some(0) => ("Клиент".to_string(), "+7 (863) 200-00-01".to_string()),
            Some(1) => ("Без имени".to_string(), String::new()),
            Some(c) => (format!("Клиентка {c}"), phone(c, dice.below(5))),
        };
        let status = if b.came {
            "Клиент пришел"
        } else {
            "Клиент не пришел"
        };
        let source = if b.ai {
            "AI-ассистент"
        } else {
            "Сайт"
        };
        out.push_str(&format!(
            "{};{};{};{};{};{};{};{}\n",
            b.id,
            date(b.created),
            date(b.visit),
            status,
            b.kopecks / 100,
            name,
            tel,
            source
        ));
    }
    out.into_bytes()
}

/// The same bookings as Bitrix24 deals, each created on its visit's day
/// (a deal has no visit date of its own): a visit is a won deal, a no-show a
/// lost one; the client's name and phone in the contact's columns.
pub fn bitrix_csv(bookings: &[Booking]) -> Vec<u8> {
    let mut dice = Dice::new(99);
    let mut out = String::from(
        "ID;Название сделки;Стадия сделки;Сумма;Дата создания;Источник;Контакт;Контакт: Телефон\n",
    );
    for b in bookings {
        let (name, tel) = match b.client {
            None => (String::new(), String::new()),
            Some(0) => ("Клиент".to_string(), "+7 (863) 200-00-01".to_string()),
            Some(1) => ("Без имени".to_string(), String::new()),
            Some(c) => (format!("Клиентка {c}"), phone(c, dice.below(5))),
        };
        let stage = if b.came {
            "Сделка успешна"
        } else {
            "Сделка провалена"
        };
        let source = if b.ai {
            "AI-ассистент"
        } else {
            "Сайт"
        };
        out.push_str(&format!(
            "{};Визит;{};{};{};{};{};{}\n",
            b.id,
            stage,
            b.kopecks / 100,
            b.visit.format("%d.%m.%Y"),
            source,
            name,
            tel
        ));
    }
    out.into_bytes()
}
