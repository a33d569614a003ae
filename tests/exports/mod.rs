//! A small generator of CRM and booking exports, written the way each system
//! writes them (byte for byte: BOMs, code pages, trailing separators, title
//! rows), from one list of records whose monthly totals it computes itself,
//! independently of the code under test.
#![allow(dead_code)] // each test crate uses its own subset

pub mod clients;
pub mod daily;
pub mod study;

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use std::collections::BTreeMap;

/// What became of a record, in the generator's own terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fate {
    Lost,
    Open,
    Booked,
    Came,
    NoShow,
}

/// One deal or booking.
#[derive(Debug, Clone)]
pub struct Rec {
    pub id: u32,
    pub year: i32,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub fate: Fate,
    /// Kopecks; `None` when the export leaves the amount empty.
    pub kopecks: Option<i64>,
    pub ai: bool,
}

/// Deterministic pseudo-random numbers (xorshift), so fixtures never change.
pub struct Dice(u64);

impl Dice {
    pub fn new(seed: u64) -> Dice {
        Dice(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    /// 0..n
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// `per_month[i]` records in each month from `(year, month)` on; the
/// assistant's share from `ai_from` (months index) on.
pub fn salon(start: (i32, u32), per_month: &[u32], ai_from: Option<usize>, seed: u64) -> Vec<Rec> {
    let mut dice = Dice::new(seed);
    let mut out = Vec::new();
    let mut id = 1000;
    let (mut y, mut m) = start;
    for (i, &n) in per_month.iter().enumerate() {
        for _ in 0..n {
            id += 1;
            let roll = dice.below(100);
            let fate = match roll {
                0..=54 => Fate::Lost,
                55..=64 => Fate::Open,
                65..=69 => Fate::Booked,
                70..=93 => Fate::Came,
                _ => Fate::NoShow,
            };
            // Checks from 800 to 3 490 ₽ in steps of 10 ₽, some with kopecks.
            let rub = 800 + 10 * dice.below(270) as i64;
            let kop = if dice.below(4) == 0 { 50 } else { 0 };
            let kopecks = match fate {
                Fate::Came | Fate::Booked | Fate::NoShow => Some(rub * 100 + kop),
                _ if dice.below(2) == 0 => Some(0),
                _ => None,
            };
            out.push(Rec {
                id,
                year: y,
                month: m,
                day: 1 + dice.below(28) as u32,
                hour: 9 + dice.below(12) as u32,
                fate,
                kopecks,
                ai: ai_from.is_some_and(|a| i >= a) && dice.below(100) < 30,
            });
        }
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    out
}

/// A salon's 21 months (2024-06 .. 2026-02): about 90 leads a month, a
/// December and a March busier than the rest, the assistant from 2025-12 on.
pub fn salon_story() -> Vec<Rec> {
    let per_month = [
        86, 91, 84, 93, 95, 112, 82, 88, // 2024-06 .. 2025-01
        104, 89, 92, 87, 94, 83, 90, 97, 92, // 2025-02 .. 2025-10
        99, 131, 112, 118, // 2025-11 .. 2026-02
    ];
    salon((2024, 6), &per_month, Some(18), 2025)
}

/// One month of one channel, as the measured funnel must report it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Expected {
    pub leads: u64,
    pub bookings: u64,
    pub visits: u64,
    pub no_shows: u64,
    /// Kopecks of the visits that have an amount.
    pub revenue: i64,
    pub priced: u64,
}

/// Totals by `("2025-01", "all"|"ai"|"other")`.
pub fn expected(recs: &[Rec]) -> BTreeMap<(String, &'static str), Expected> {
    let mut out: BTreeMap<(String, &'static str), Expected> = BTreeMap::new();
    for r in recs {
        let month = format!("{:04}-{:02}", r.year, r.month);
        for channel in ["all", if r.ai { "ai" } else { "other" }] {
            let e = out.entry((month.clone(), channel)).or_default();
            e.leads += 1;
            match r.fate {
                Fate::Lost | Fate::Open => {}
                Fate::Booked => e.bookings += 1,
                Fate::NoShow => {
                    e.bookings += 1;
                    e.no_shows += 1;
                }
                Fate::Came => {
                    e.bookings += 1;
                    e.visits += 1;
                    if let Some(k) = r.kopecks {
                        e.revenue += k;
                        e.priced += 1;
                    }
                }
            }
        }
    }
    out
}

fn rub(k: i64) -> String {
    format!("{}.{:02}", k / 100, k % 100)
}

/// `1 500,50` with a no-break space, as a Russian Excel shows money.
fn rub_ru(k: i64) -> String {
    let whole = (k / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push('\u{a0}');
        }
        grouped.push(c);
    }
    format!("{grouped},{:02}", k % 100)
}

fn date_ru(r: &Rec) -> String {
    format!(
        "{:02}.{:02}.{:04} {:02}:{:02}:00",
        r.day,
        r.month,
        r.year,
        r.hour,
        (r.id % 60)
    )
}

/// Bitrix24 deal stages: the defaults plus a salon's own stages for a booking
/// and a no-show (read with `salon_map()`).
fn bitrix_stage(f: Fate) -> &'static str {
    match f {
        Fate::Lost => "Сделка провалена",
        Fate::Open => "В работе",
        Fate::Booked => "Записан",
        Fate::Came => "Сделка успешна",
        Fate::NoShow => "Не пришёл",
    }
}

/// The «Источник» a record carries in the Bitrix24 exports.
pub fn source(r: &Rec, n: u32) -> &'static str {
    if r.ai {
        "AI-ассистент"
    } else {
        ["Звонок", "Instagram", "Сайт", "Повторный клиент"][(n % 4) as usize]
    }
}

/// The mapping a salon writes for its own stages and its assistant.
pub const SALON_MAP: &str = r#"# The salon's own stages, and the assistant's records.
source = "bitrix24"

[status]
"Записан" = "booked"
"Не пришёл" = "no_show"

[ai]
column = "Источник"
equals = ["AI-ассистент"]
"#;

const BITRIX_HEADER: [&str; 9] = [
    "ID",
    "Название сделки",
    "Стадия сделки",
    "Сумма",
    "Валюта",
    "Дата создания",
    "Источник",
    "UTM Source",
    "Товар",
];

/// Bitrix24's rows: one per product, so deals with two products repeat.
fn bitrix_rows(recs: &[Rec]) -> Vec<[String; 9]> {
    let mut rows = Vec::new();
    for r in recs {
        let products: &[&str] = if r.id % 7 == 0 {
            &["Маникюр", "Покрытие гель-лаком"]
        } else {
            &["Маникюр"]
        };
        for p in products {
            rows.push([
                r.id.to_string(),
                format!("Запись #{}", r.id),
                bitrix_stage(r.fate).to_string(),
                r.kopecks.map(rub).unwrap_or_default(),
                "Российский рубль".to_string(),
                date_ru(r),
                source(r, r.id).to_string(),
                if r.ai {
                    "telegram".into()
                } else {
                    String::new()
                },
                p.to_string(),
            ]);
        }
    }
    rows
}

/// One line as Bitrix24 writes it: every field quoted (inner `"` doubled) and
/// followed by `;`, so the line ends with an empty column.
fn bitrix_line(cells: &[String], end: &str) -> String {
    let mut s = String::new();
    for c in cells {
        s.push('"');
        s.push_str(&c.replace('"', "\"\""));
        s.push_str("\";");
    }
    s.push_str(end);
    s
}

/// Bitrix24's CSV as a cloud portal writes it: UTF-8 with a BOM, every field
/// quoted and followed by `;` (so each line ends with an empty column), LF.
pub fn bitrix_csv(recs: &[Rec]) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    out.push_str(&bitrix_line(&BITRIX_HEADER.map(String::from), "\n"));
    for row in bitrix_rows(recs) {
        out.push_str(&bitrix_line(&row, "\n"));
    }
    out.into_bytes()
}

/// The same export from an old self-hosted portal: Windows-1251, no BOM,
/// and money as a Russian Excel shows it (`1 500,50`).
pub fn bitrix_csv_1251(recs: &[Rec]) -> Vec<u8> {
    let mut text = bitrix_line(&BITRIX_HEADER.map(String::from), "\r\n");
    for mut row in bitrix_rows(recs) {
        if let Ok(k) = row[3].replace('.', "").parse::<i64>() {
            row[3] = rub_ru(k);
        }
        text.push_str(&bitrix_line(&row, "\r\n"));
    }
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1251.encode(&text);
    assert!(!unmappable, "every character has a Windows-1251 byte");
    bytes.into_owned()
}

/// Bitrix24's "Excel" export: an HTML table saved as `.xls`, UTF-8 with a BOM.
pub fn bitrix_html(recs: &[Rec]) -> Vec<u8> {
    let mut out = String::from(
        "\u{feff}<meta http-equiv=\"Content-type\" content=\"text/html;charset=UTF-8\" />\n<table border=\"1\">\n<thead><tr>",
    );
    for h in BITRIX_HEADER {
        out.push_str(&format!("<th>{h}</th>"));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in bitrix_rows(recs) {
        out.push_str("<tr>");
        for c in row {
            let c = c.replace('&', "&amp;").replace('<', "&lt;");
            out.push_str(&format!("<td>{c}</td>"));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n");
    out.into_bytes()
}

fn xlsx(build: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    build(sheet);
    book.save_to_buffer().expect("an in-memory workbook")
}

/// amoCRM's deal export as an XLSX: stages by name (custom ones included),
/// the budget as a number, dates as text, tags as a comma list.
pub fn amocrm_xlsx(recs: &[Rec]) -> Vec<u8> {
    xlsx(|s| {
        let header = [
            "ID",
            "Название сделки",
            "Бюджет ₽",
            "Ответственный",
            "Этап сделки",
            "Воронка",
            "Дата создания",
            "Дата закрытия",
            "Теги",
        ];
        for (c, h) in header.iter().enumerate() {
            s.write_string(0, c as u16, *h).unwrap();
        }
        for (i, r) in recs.iter().enumerate() {
            let row = i as u32 + 1;
            s.write_number(row, 0, r.id as f64).unwrap();
            s.write_string(row, 1, format!("Сделка #{}", r.id)).unwrap();
            if let Some(k) = r.kopecks {
                s.write_number(row, 2, k as f64 / 100.0).unwrap();
            }
            s.write_string(row, 3, "Администратор").unwrap();
            let stage = match r.fate {
                Fate::Lost => "Закрыто и не реализовано",
                Fate::Open => "Первичный контакт",
                Fate::Booked => "Записан на услугу",
                Fate::Came => "Успешно реализовано",
                Fate::NoShow => "Не пришёл",
            };
            s.write_string(row, 4, stage).unwrap();
            s.write_string(row, 5, "Салон").unwrap();
            s.write_string(row, 6, date_ru(r)).unwrap();
            let tags = if r.ai {
                "Instagram, AI-lead"
            } else {
                "Instagram"
            };
            s.write_string(row, 8, tags).unwrap();
        }
    })
}

/// What an amoCRM salon maps: its custom booking and no-show stages, and the tag.
pub const AMOCRM_MAP: &str = r#"[status]
"Записан на услугу" = "booked"
"Не пришёл" = "no_show"

[ai]
column = "Теги"
equals = "AI-lead"
"#;

/// A YCLIENTS-like records export as an XLSX: date cells, Russian visit
/// statuses, deleted bookings marked, the cost as a number. Lost and open
/// leads are not bookings, so they are not in it.
pub fn yclients_xlsx(recs: &[Rec]) -> Vec<u8> {
    xlsx(|s| {
        let date = Format::new().set_num_format("dd.mm.yyyy hh:mm");
        let header = [
            "ID",
            "Дата создания",
            "Дата визита",
            "Статус визита",
            "Стоимость",
            "Удалена",
            "Источник",
        ];
        for (c, h) in header.iter().enumerate() {
            s.write_string(0, c as u16, *h).unwrap();
        }
        let mut row = 0;
        for r in recs {
            let (status, deleted) = match r.fate {
                Fate::Came => ("Клиент пришел", "Нет"),
                Fate::NoShow => ("Клиент не пришел", "Нет"),
                Fate::Booked => ("Ожидание клиента", "Нет"),
                Fate::Lost if r.id % 5 == 0 => ("Ожидание клиента", "Да"),
                _ => continue,
            };
            row += 1;
            let created = ExcelDateTime::from_ymd(r.year as u16, r.month as u8, r.day as u8)
                .unwrap()
                .and_hms(r.hour as u16, 0, 0)
                .unwrap();
            s.write_number(row, 0, r.id as f64).unwrap();
            s.write_datetime_with_format(row, 1, &created, &date)
                .unwrap();
            s.write_datetime_with_format(row, 2, &created, &date)
                .unwrap();
            s.write_string(row, 3, status).unwrap();
            if let Some(k) = r.kopecks {
                s.write_number(row, 4, k as f64 / 100.0).unwrap();
            }
            s.write_string(row, 5, deleted).unwrap();
            s.write_string(
                row,
                6,
                if r.ai {
                    "AI-ассистент"
                } else {
                    "Онлайн-запись"
                },
            )
            .unwrap();
        }
    })
}

/// A hand-kept sheet of monthly totals below a title block, with a totals row,
/// the months as date cells and the assistant's leads in `ai_leads`.
pub fn monthly_xlsx(recs: &[Rec]) -> Vec<u8> {
    let totals = expected(recs);
    xlsx(|s| {
        let month_format = Format::new().set_num_format("mmmm yyyy");
        s.write_string(0, 0, "Отчёт салона «Роза» по месяцам")
            .unwrap();
        s.write_string(1, 0, "Ростов-на-Дону").unwrap();
        let header = [
            "Месяц",
            "Заявки",
            "Записи",
            "Пришли",
            "Неявки",
            "Выручка, ₽",
            "ai_leads",
        ];
        for (c, h) in header.iter().enumerate() {
            s.write_string(3, c as u16, *h).unwrap();
        }
        let mut row = 3;
        let mut sum = Expected::default();
        for ((month, channel), e) in &totals {
            if *channel != "all" {
                continue;
            }
            row += 1;
            let (y, m) = month.split_once('-').unwrap();
            let first = ExcelDateTime::from_ymd(y.parse().unwrap(), m.parse().unwrap(), 1).unwrap();
            s.write_datetime_with_format(row, 0, &first, &month_format)
                .unwrap();
            s.write_number(row, 1, e.leads as f64).unwrap();
            s.write_number(row, 2, e.bookings as f64).unwrap();
            s.write_number(row, 3, e.visits as f64).unwrap();
            s.write_number(row, 4, e.no_shows as f64).unwrap();
            s.write_number(row, 5, e.revenue as f64 / 100.0).unwrap();
            let ai = totals.get(&(month.clone(), "ai")).map_or(0, |a| a.leads);
            s.write_number(row, 6, ai as f64).unwrap();
            sum.leads += e.leads;
        }
        s.write_string(row + 1, 0, "Итого").unwrap();
        s.write_number(row + 1, 1, sum.leads as f64).unwrap();
    })
}

/// Bitrix24's rows saved as a workbook (what a user gets by opening the CSV in
/// Excel and saving it), with the amount as a number and the date as text.
pub fn bitrix_xlsx(recs: &[Rec]) -> Vec<u8> {
    xlsx(|s| {
        for (c, h) in BITRIX_HEADER.iter().enumerate() {
            s.write_string(0, c as u16, *h).unwrap();
        }
        for (i, row) in bitrix_rows(recs).iter().enumerate() {
            let r = i as u32 + 1;
            for (c, cell) in row.iter().enumerate() {
                match (c, cell.parse::<f64>()) {
                    (0 | 3, Ok(n)) => s.write_number(r, c as u16, n).unwrap(),
                    _ => s.write_string(r, c as u16, cell).unwrap(),
                };
            }
        }
    })
}

/// YCLIENTS' (and Altegio's) API answer for records, as `GET
/// /api/v1/records/{company_id}` returns a page of it: `{"success", "data":
/// [...], "meta"}`, the price as the sum of `services[].cost` (split over two
/// services where the record has kopecks to split), `create_date` with its
/// offset, `attendance` 1 came, −1 no-show, 0 waiting, 2 confirmed, and a
/// deleted record's booking kept with `deleted: true`. The assistant's
/// records say so in `comment`.
pub fn yclients_json(recs: &[Rec]) -> Vec<u8> {
    let mut data = Vec::new();
    for r in recs {
        let (attendance, deleted) = match r.fate {
            Fate::Came => (1, false),
            Fate::NoShow => (-1, false),
            Fate::Booked if r.id % 2 == 0 => (2, false),
            Fate::Booked => (0, false),
            Fate::Lost if r.id % 5 == 0 => (0, true),
            _ => continue,
        };
        let services = match r.kopecks {
            Some(k) if k >= 200 => {
                let first = k / 2 / 100 * 100;
                serde_json::json!([
                    {"id": 1, "title": "Стрижка", "cost": serde_json::from_str::<serde_json::Value>(&rub(first)).unwrap(), "first_cost": 0},
                    {"id": 2, "title": "Укладка", "cost": serde_json::from_str::<serde_json::Value>(&rub(k - first)).unwrap(), "first_cost": 0},
                ])
            }
            Some(k) => serde_json::json!([{"id": 1, "title": "Стрижка", "cost": k as f64 / 100.0}]),
            None => serde_json::json!([]),
        };
        data.push(serde_json::json!({
            "id": r.id,
            "company_id": 4564,
            "staff_id": 7,
            "services": services,
            "staff": {"id": 7, "name": "Мастер"},
            "client": {"id": 900 + r.id % 37, "name": "Клиент", "phone": format!("+7 928 {:03} {:02} {:02}", r.id % 1000, r.id % 100, r.hour)},
            "date": format!("{:04}-{:02}-{:02} {:02}:00:00", r.year, r.month, r.day, r.hour),
            "datetime": format!("{:04}-{:02}-{:02}T{:02}:00:00+03:00", r.year, r.month, r.day, r.hour),
            "create_date": format!("{:04}-{:02}-{:02}T{:02}:{:02}:00+0300", r.year, r.month, r.day, r.hour, r.id % 60),
            "comment": if r.ai { "Запись через ИИ-ассистента" } else { "" },
            "online": true,
            "attendance": attendance,
            "visit_attendance": attendance,
            "confirmed": i32::from(attendance == 2),
            "deleted": deleted,
            "paid_full": i32::from(attendance == 1),
            "record_labels": [],
        }));
    }
    let page = serde_json::json!({
        "success": true,
        "data": data,
        "meta": {"total_count": data.len()},
    });
    serde_json::to_vec_pretty(&page).unwrap()
}

/// amoCRM's own CSV export of deals, as its importers read it: comma
/// separated, UTF-8 with a BOM, 76 columns in a fixed order in which several
/// names repeat («Источник», «Товар», «roistat», «cid», «uid», «tid»), the
/// creation date titled «Дата создания сделки» and written `DD-MM-YYYY
/// HH:MM:SS`, tags in one cell split by commas.
pub fn amocrm_csv(recs: &[Rec]) -> Vec<u8> {
    const HEADER: [&str; 76] = [
        "ID",
        "Название сделки",
        "Бюджет",
        "Ответственный",
        "Дата создания сделки",
        "Кем создана сделка",
        "Дата редактирования",
        "Кем редактирована",
        "Дата закрытия",
        "Теги",
        "Примечание",
        "Примечание 2",
        "Примечание 3",
        "Примечание 4",
        "Примечание 5",
        "Этап сделки",
        "Воронка",
        "Полное имя контакта",
        "Компания контакта",
        "Ответственный за контакт",
        "Компания",
        "Рабочий телефон",
        "Рабочий прямой телефон",
        "Мобильный телефон",
        "Факс",
        "Домашний телефон",
        "Другой телефон",
        "Рабочий email",
        "Личный email",
        "Другой email",
        "Город",
        "Источник",
        "Должность",
        "Товар",
        "Skype",
        "ICQ",
        "Jabber",
        "Google Talk",
        "MSN",
        "Другой IM",
        "Пользовательское соглашение",
        "cid",
        "uid",
        "tid",
        "utm_source",
        "utm_medium",
        "utm_campaign",
        "utm_term",
        "utm_content",
        "utm_referrer",
        "_ym_uid",
        "_ym_counter",
        "roistat",
        "referrer",
        "openstat_service",
        "openstat_campaign",
        "openstat_ad",
        "openstat_source",
        "from",
        "gclientid",
        "gclid",
        "yclid",
        "fbclid",
        "GOOGLE_ID",
        "roistat",
        "KEYWORD",
        "ADV_CAMP",
        "TRAF_TYPE",
        "TRAF_SRC",
        "Товар",
        "Производитель",
        "cid",
        "uid",
        "tid",
        "Источник",
        "domain",
    ];
    let quote = |cell: &str| {
        if cell.contains([',', '"', '\n']) {
            format!("\"{}\"", cell.replace('"', "\"\""))
        } else {
            cell.to_string()
        }
    };
    let mut out = String::from("\u{feff}");
    out.push_str(&HEADER.map(quote).join(","));
    out.push('\n');
    for r in recs {
        let mut cells = vec![String::new(); 76];
        cells[0] = r.id.to_string();
        cells[1] = format!("Сделка #{}", r.id);
        cells[2] = r.kopecks.map_or(String::new(), |k| {
            if k % 100 == 0 {
                (k / 100).to_string()
            } else {
                rub(k)
            }
        });
        cells[3] = "Администратор".into();
        cells[4] = format!(
            "{:02}-{:02}-{:04} {:02}:{:02}:{:02}",
            r.day,
            r.month,
            r.year,
            r.hour,
            r.id % 60,
            r.id % 37
        );
        cells[9] = if r.ai {
            "Instagram, AI-lead".into()
        } else {
            "Instagram".into()
        };
        cells[15] = match r.fate {
            Fate::Lost => "Закрыто и не реализовано",
            Fate::Open => "Переговоры",
            Fate::Booked => "Записан на услугу",
            Fate::Came => "Успешно реализовано",
            Fate::NoShow => "Не пришёл",
        }
        .into();
        cells[16] = "Салон".into();
        cells[17] = format!("Клиент {}", r.id % 53);
        cells[21] = format!(
            "+7 (928) {:03}-{:02}-{:02}",
            r.id % 1000,
            r.id % 100,
            r.hour
        );
        // The contact's source and the deal's: the file has two «Источник».
        cells[31] = "Сайт".into();
        cells[74] = if r.ai {
            "ИИ-ассистент".into()
        } else {
            "Администратор".into()
        };
        out.push_str(&cells.iter().map(|c| quote(c)).collect::<Vec<_>>().join(","));
        out.push('\n');
    }
    out.into_bytes()
}

/// The Bitrix24 CSV as a hand-edited copy writes "no amount": a dash, «н/д»,
/// «нет», `nan` in turn where the export leaves the amount empty.
pub fn bitrix_csv_placeholders(recs: &[Rec]) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    out.push_str(&bitrix_line(&BITRIX_HEADER.map(String::from), "\n"));
    for (i, mut row) in bitrix_rows(recs).into_iter().enumerate() {
        if row[3].is_empty() {
            row[3] = ["-", "—", "н/д", "нет", "nan", "N/A"][i % 6].to_string();
        }
        out.push_str(&bitrix_line(&row, "\n"));
    }
    out.into_bytes()
}

/// An English Google Sheet kept by hand: comma-separated, UTF-8 without a
/// BOM, dates `M/D/YYYY` (month first, no leading zeros) as the US locale
/// writes them, amounts with a decimal point. Read with [`SHEET_MAP`].
pub fn us_sheet_csv(recs: &[Rec]) -> Vec<u8> {
    let mut out = String::from("Deal,Created,Stage,Amount,Channel\n");
    for r in recs {
        let stage = match r.fate {
            Fate::Lost => "Lost",
            Fate::Open => "New",
            Fate::Booked => "Booked",
            Fate::Came => "Won",
            Fate::NoShow => "No-show",
        };
        out.push_str(&format!(
            "{},{}/{}/{} {}:{:02},{},{},{}\n",
            r.id,
            r.month,
            r.day,
            r.year,
            r.hour,
            r.id % 60,
            stage,
            r.kopecks.map(rub).unwrap_or_default(),
            if r.ai { "AI assistant" } else { "Phone" },
        ));
    }
    out.into_bytes()
}

/// The mapping of [`us_sheet_csv`]: its columns and stages, no date order.
pub const SHEET_MAP: &str = r#"[columns]
id = "Deal"
created = "Created"
status = "Stage"
amount = "Amount"

[status]
Lost = "lost"
New = "open"
Booked = "booked"
Won = "visited"
"No-show" = "no_show"

[ai]
column = "Channel"
equals = "AI assistant"
"#;

/// Bitrix24's leads (not deals) as its CSV writes them: «Статус», «Состояние»
/// (the status group), the amount as «Возможная сумма сделки», as the REST
/// field OPPORTUNITY is titled. A converted lead is a booking; the visit is
/// not known in the leads list.
pub fn bitrix_leads_csv(recs: &[Rec]) -> Vec<u8> {
    let header = [
        "ID",
        "Название лида",
        "Статус",
        "Состояние",
        "Возможная сумма сделки",
        "Дата создания",
        "Источник",
    ];
    let mut out = String::from("\u{feff}");
    out.push_str(&bitrix_line(&header.map(String::from), "\n"));
    for r in recs {
        let (status, group) = match r.fate {
            Fate::Lost => ("Некачественный лид", "Некачественный лид"),
            Fate::Open => ("В работе", "В работе"),
            _ => ("Сконвертирован", "Качественный лид"),
        };
        out.push_str(&bitrix_line(
            &[
                r.id.to_string(),
                format!("Лид #{}", r.id),
                status.to_string(),
                group.to_string(),
                r.kopecks.map(rub).unwrap_or_default(),
                date_ru(r),
                source(r, r.id).to_string(),
            ],
            "\n",
        ));
    }
    out.into_bytes()
}
