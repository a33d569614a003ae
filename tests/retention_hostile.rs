//! `roi measure --retention` fed hand-written, hostile exports (the review of
//! issues 20 and 21): Russian counts that agree with their nouns, two
//! services on one day, and the inputs that must be refused or noted.

mod common;

use common::{refused, roi, stdout};
use serde_json::Value;
use std::path::{Path, PathBuf};

const HEADER: &str =
    "ID;Дата создания;Дата визита;Статус визита;Стоимость;Клиент;Телефон;Источник\n";

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// A YCLIENTS row: id, day of creation and visit (DD.MM.YYYY), status,
/// amount, client, phone.
fn row(id: usize, day: &str, came: bool, amount: u32, client: &str, phone: &str) -> String {
    let status = if came {
        "Клиент пришел"
    } else {
        "Клиент не пришел"
    };
    format!("{id};{day} 10:00;{day} 12:00;{status};{amount};{client};{phone};Сайт\n")
}

/// `roi measure FILE --retention --lang ru`, which must succeed: its stdout.
fn russian(file: &Path) -> String {
    let out = roi()
        .args([
            "measure",
            file.to_str().unwrap(),
            "--retention",
            "--lang",
            "ru",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The notes' counts are grouped and their nouns agree with them: the
/// review found «стоит в 1 строках» and «3000 строках».
#[test]
fn russian_counts_agree_with_their_nouns() {
    let dir = tempfile::tempdir().unwrap();
    // 21 rows: one without a client, one «Без имени», Мария twice, and the
    // salon's phone on 17 days of January (more than the 12 days allowed).
    let mut text = HEADER.to_string();
    text += &row(1, "01.02.2025", true, 1000, "", "");
    text += &row(2, "02.02.2025", true, 1000, "Без имени", "");
    text += &row(3, "03.01.2025", true, 1000, "Мария", "");
    text += &row(4, "03.02.2025", true, 1000, "Мария", "");
    for d in 1..=17 {
        text += &row(
            4 + d,
            &format!("{d:02}.01.2025"),
            true,
            1000,
            "",
            "8 863 200 00 01",
        );
    }
    let file = write(dir.path(), "small.csv", &text);
    let table = russian(&file);
    for line in [
        "В 1 из 21\u{a0}строки выгрузки клиент не указан: такие строки в возвраты не входят, в воронке учтены.",
        "«Без имени» встречается в 1\u{a0}строке: это заглушка",
        "«+78632000001» встречается в 17\u{a0}строках за 17\u{a0}дней — больше",
    ] {
        assert!(table.contains(line), "{line}\n{table}");
    }
    // «Без имени» on 3 000 rows: grouped, in its case.
    let mut text = HEADER.to_string();
    for i in 1..=3000 {
        let day = format!("{:02}.{:02}.2025", 1 + i % 28, 1 + i % 12);
        text += &row(i, &day, true, 1000, "Без имени", "");
    }
    text += &row(3001, "01.01.2025", true, 1000, "Мария", "");
    text += &row(3002, "21.01.2025", true, 1000, "Мария", "");
    let file = write(dir.path(), "placeholder.csv", &text);
    let table = russian(&file);
    let line = "«Без имени» встречается в 3\u{a0}000\u{a0}строках";
    assert!(table.contains(line), "{line}\n{table}");
    // …and the few named clients are said to be all retention describes.
    let line = "Больше чем в половине строк выгрузки клиент не указан или вместо него заглушка";
    assert!(table.contains(line), "{line}\n{table}");
    // (Numbers and their nouns are held together by no-break spaces.)
    // Every row without a client: the refusal agrees too (from 21 rows).
    let mut text = HEADER.to_string();
    for i in 1..=21 {
        text += &row(i, &format!("{i:02}.01.2025"), true, 1000, "", "");
    }
    let file = write(dir.path(), "nobody.csv", &text);
    let err = refused(&[
        "measure",
        file.to_str().unwrap(),
        "--retention",
        "--lang",
        "ru",
    ]);
    assert!(
        err.contains("ни в одной из 21\u{a0}строки клиент не указан"),
        "{err}"
    );
}

/// Two services on one day are one visit for the visits per client, as
/// they are for her return; both amounts are her revenue.
#[test]
fn two_services_on_one_day_are_one_visit() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = HEADER.to_string();
    // Анна: 05.01 twice (1 500 + 500 ₽), 10.02 (1 000 ₽); the export runs
    // to 10.08, past her six months: 2 visits, 3 000 ₽.
    text += &row(1, "05.01.2025", true, 1500, "Анна", "89001112233");
    text += &row(2, "05.01.2025", true, 500, "Анна", "+7 900 111-22-33");
    text += &row(3, "10.02.2025", true, 1000, "Анна", "89001112233");
    text += &row(4, "10.08.2025", true, 1000, "Ольга", "89002223344");
    let file = write(dir.path(), "twice.csv", &text);
    let json: Value = serde_json::from_str(&stdout(&[
        "measure",
        file.to_str().unwrap(),
        "--retention",
        "--format",
        "json",
    ]))
    .unwrap();
    let jan = &json["retention"]["cohorts"][0];
    assert_eq!(jan["month"], "2025-01");
    assert_eq!(jan["visits_6"], 2.0, "{jan}");
    assert_eq!(jan["ltv_6"], 3000.0, "{jan}");
    // Her return is on day 36 (05.01 → 10.02), not day 0.
    assert_eq!(jan["returned_30"], 0.0, "{jan}");
    assert_eq!(jan["returned_60"], 1.0, "{jan}");
}

/// The channel column names the three channels in one style, as the
/// glossary has them: «Все каналы», «Ассистент», «Другие каналы» (it read
/// «все каналы» above «Ассистент»).
#[test]
fn the_channels_read_alike_in_russian() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/salon-clients.csv");
    let out = roi()
        .args(["measure", example.to_str().unwrap(), "--retention"])
        .args(["--ai", "Источник=AI-ассистент", "--lang", "ru"])
        .output()
        .unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    for cell in ["┆ Все каналы ", "┆ Ассистент ", "┆ Другие каналы "]
    {
        assert!(table.contains(cell), "{cell}\n{table}");
    }
    assert!(!table.contains("┆ все каналы"), "{table}");
}

/// A JSON page of the YCLIENTS API with nulls where the client and the
/// visit's time should be: those records are counted and left out of
/// retention, nothing breaks, and the note reads in both languages
/// («1 visits have…» was the English of one unreadable date).
#[test]
fn an_api_page_with_nulls_in_the_client() {
    let record = |id: u32, visit: Value, client: Value| {
        serde_json::json!({
            "id": id,
            "services": [{"id": 1, "title": "Стрижка", "cost": 1500}],
            "client": client,
            "datetime": visit,
            "create_date": "2025-01-15T10:00:00+0300",
            "attendance": 1,
            "deleted": false,
        })
    };
    let anna = serde_json::json!({"id": 11, "name": "Анна", "phone": "+7 928 111-22-33"});
    let page = serde_json::json!({"success": true, "data": [
        record(1, "2025-01-20T12:00:00+03:00".into(), anna.clone()),
        record(2, "2025-02-20T12:00:00+03:00".into(), serde_json::json!({"id": null, "name": null, "phone": null})),
        record(3, "2025-02-21T12:00:00+03:00".into(), Value::Null),
        record(4, Value::Null, serde_json::json!({"id": 13, "phone": ""})),
        record(5, "2025-13-40T12:00:00+03:00".into(), serde_json::json!({"id": 14})),
        record(6, "2025-03-01T12:00:00+03:00".into(), anna),
    ]});
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "records.json", &page.to_string());
    let path = file.to_str().unwrap();
    let json: Value = serde_json::from_str(&stdout(&[
        "measure",
        path,
        "--retention",
        "--format",
        "json",
    ]))
    .unwrap();
    let account = &json["retention"]["account"];
    assert_eq!(account["without_client"], 2, "{account}");
    assert_eq!(account["clients"], 3, "{account}");
    assert_eq!(account["unread_visit_dates"], 1, "{account}");
    let table = stdout(&["measure", path, "--retention"]);
    let line =
        "Visits whose visit date cannot be read: 1; they are dated by when the record was created.";
    assert!(table.contains(line), "{table}");
    let table = russian(&file);
    let line = "Визитов, у которых не читается дата визита: 1; для них взята дата создания строки.";
    assert!(table.contains(line), "{table}");
}

/// The README's Russian retention table is what the command prints (its
/// first column had been renamed «Месяц» without the README following).
#[test]
fn the_readme_table_is_what_the_command_prints() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let command = "$ roi measure examples/salon-clients.csv --retention --lang ru\n";
    let start = readme.find(command).expect("the README runs --retention") + command.len();
    let block = &readme[start..start + readme[start..].find("```").unwrap()];
    // The README writes no-break spaces as spaces.
    let printed = russian(&root.join("examples/salon-clients.csv")).replace('\u{a0}', " ");
    // «…» stands for the months left out of the README.
    for line in block.lines().filter(|l| !l.contains('…')) {
        assert!(printed.contains(line), "{line}\n{printed}");
    }
}

/// Every client a placeholder: refused (exit 2, nothing on stdout) naming
/// the column whose cells hold it, not only the value.
#[test]
fn all_placeholders_are_refused_naming_the_column() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = HEADER.to_string();
    for i in 1..=40 {
        let day = format!("{:02}.{:02}.2024", 1 + i % 28, 1 + i % 12);
        text += &row(i, &day, true, 1000, "Без имени", "");
    }
    let file = write(dir.path(), "nameless.csv", &text);
    let path = file.to_str().unwrap();
    let err = refused(&["measure", path, "--retention", "--lang", "ru"]);
    assert!(
        err.contains("во всех строках в столбце «Телефон», иначе «Клиент» вместо клиента заглушка («Без имени»)"),
        "{err}"
    );
}

/// A visit dated in the future (a mistyped year) would stretch every
/// client's follow-up to it and read the clients not back yet as lost: it
/// is left out of retention and said to be; the funnel still counts it.
#[test]
fn a_date_in_the_future_does_not_stretch_the_follow_up() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = HEADER.to_string();
    text += &row(1, "01.03.2024", true, 1000, "Ольга", "89001112233");
    text += &row(2, "01.04.2024", true, 1000, "Ольга", "89001112233");
    text += &row(3, "05.03.2024", true, 1000, "Ира", "89002223344");
    text += &row(4, "05.04.2099", true, 1000, "Ира", "89002223344");
    let file = write(dir.path(), "future.csv", &text);
    let path = file.to_str().unwrap();
    let json: Value = serde_json::from_str(&stdout(&[
        "measure",
        path,
        "--retention",
        "--format",
        "json",
    ]))
    .unwrap();
    let r = &json["retention"];
    assert_eq!(r["end"], "2024-04-01", "{r}");
    assert_eq!(r["account"]["dated_after_today"], 1, "{r}");
    // Ольга back on day 31, Ира censored on day 27: followed 31 days.
    let march = &r["cohorts"][0];
    assert_eq!(march["returned_30"], 0.0, "{march}");
    assert_eq!(march["returned_60"], Value::Null, "{march}");
    let table = russian(&file);
    assert!(table.contains("наблюдение до 2024-04-01"), "{table}");
    assert!(table.contains("самая поздняя — 2099-04-05"), "{table}");
    // Every named client's record in the future: refused, saying why.
    let mut text = HEADER.to_string();
    text += &row(1, "05.04.2099", true, 1000, "Ира", "89002223344");
    let file = write(dir.path(), "all-future.csv", &text);
    let err = refused(&["measure", file.to_str().unwrap(), "--retention"]);
    assert!(err.contains("is dated after today"), "{err}");
}

/// A monthly sheet has no clients: refused in the glossary's words («система
/// онлайн-записи», not «записи из системы записи»).
#[test]
fn a_monthly_sheet_is_refused_in_plain_russian() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "months.csv",
        "Месяц;Заявки;Записи;Визиты\n2025-01;100;30;25\n",
    );
    let err = refused(&[
        "measure",
        file.to_str().unwrap(),
        "--retention",
        "--lang",
        "ru",
    ]);
    assert!(
        err.contains("выгрузку заявок из CRM или записей из системы онлайн-записи"),
        "{err}"
    );
}

/// A YCLIENTS export saved in Windows-1251, each client's phone typed five
/// ways across her six visits: five clients, each back every month.
#[test]
fn a_windows_1251_export_with_phones_typed_five_ways() {
    let forms = [
        "+7 (918) 555-01-0{d}",
        "8 918 555 01 0{d}",
        "8918555010{d}",
        "918-555-01-0{d}",
        "7(918)555010{d}",
    ];
    let mut text = HEADER.to_string();
    let mut id = 0;
    for d in 1..=5 {
        for m in 1..=6 {
            id += 1;
            let phone = forms[(m + d) % 5].replace("{d}", &d.to_string());
            let day = format!("{:02}.{m:02}.2024", 10 + d);
            text += &row(id, &day, true, 1500, &format!("Анна {d}"), &phone);
        }
    }
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1251.encode(&text);
    assert!(!unmappable);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cp1251.csv");
    std::fs::write(&file, &bytes).unwrap();
    let json: Value = serde_json::from_str(&stdout(&[
        "measure",
        file.to_str().unwrap(),
        "--retention",
        "--format",
        "json",
    ]))
    .unwrap();
    let r = &json["retention"];
    assert_eq!(r["account"]["clients"], 5, "{r}");
    assert_eq!(r["account"]["clients_by_name"], 0, "{r}");
    assert_eq!(r["cohorts"][0]["new_clients"], 5, "{r}");
    // Each back on the same day a month later (31 days from January).
    assert_eq!(r["cohorts"][0]["returned_60"], 1.0, "{r}");
}

/// A Bitrix24 export whose phone column is half empty: Анна's phone is on
/// one deal and missing from the next, so her name alone makes a second
/// client. Not merged (namesakes would be), but said.
#[test]
fn a_name_also_written_beside_a_phone_is_pointed_out() {
    let deals = "\
ID;Название сделки;Стадия сделки;Сумма;Дата создания;Источник;Контакт;Контакт: Телефон
1;Маникюр;Сделка успешна;1500;10.01.2025;Сайт;Анна;+7 (918) 555-01-01
2;Маникюр;Сделка успешна;1500;10.02.2025;Сайт;Анна;
3;Маникюр;Сделка успешна;1500;12.01.2025;Сайт;Вера;
4;Маникюр;Сделка успешна;1500;12.02.2025;Сайт;Вера;
";
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "deals.csv", deals);
    let path = file.to_str().unwrap();
    let json: Value = serde_json::from_str(&stdout(&[
        "measure",
        path,
        "--retention",
        "--format",
        "json",
    ]))
    .unwrap();
    let account = &json["retention"]["account"];
    assert_eq!(account["clients"], 3, "{account}");
    assert_eq!(account["clients_by_name"], 2, "{account}");
    assert_eq!(account["clients_also_with_phone"], 1, "{account}");
    let table = russian(&file);
    let line = "Клиентов без телефона, чьё имя в других строках стоит рядом с телефоном: 1;";
    assert!(table.contains(line), "{table}");
}
