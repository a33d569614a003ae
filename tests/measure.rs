//! `roi measure` end to end on exports written the way each system writes them:
//! the measured funnel must equal the generator's own totals, exactly.

mod common;
mod exports;

use common::{refused, roi, stdout};
use exports::{Expected, Fate, Rec};
use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Three months of a salon, the assistant from the third on.
fn records() -> Vec<Rec> {
    exports::salon((2025, 1), &[96, 104, 131], Some(2), 7)
}

/// A JSON number with exactly `places` decimals, as the contract writes them.
fn fixed(d: Decimal, places: u32) -> Value {
    let mut r = d.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(places);
    serde_json::from_str(&r.to_string()).unwrap()
}

/// A share to 8 places, or null when there is nothing to divide by.
fn ratio(num: u64, den: u64) -> Value {
    if den == 0 {
        return Value::Null;
    }
    fixed(Decimal::from(num) / Decimal::from(den), 8)
}

fn money(kopecks: i64) -> Value {
    fixed(Decimal::new(kopecks, 2), 2)
}

/// An average amount to kopecks, or null over no visits.
fn money_ratio(kopecks: i64, n: u64) -> Value {
    if n == 0 {
        return Value::Null;
    }
    fixed(Decimal::new(kopecks, 2) / Decimal::from(n), 2)
}

/// The JSON month rows, keyed like the generator's totals.
fn months(json: &Value) -> Vec<((String, String), Value)> {
    json["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                (
                    m["month"].as_str().unwrap().to_string(),
                    m["channel"].as_str().unwrap().to_string(),
                ),
                m.clone(),
            )
        })
        .collect()
}

/// Asserts every month × channel of the measured JSON equals the generator's totals.
fn assert_funnel(json: &Value, recs: &[Rec], leads_known: bool) {
    let want = exports::expected(recs);
    let got = months(json);
    let all_months = want.keys().filter(|(_, c)| *c == "all").count();
    let split = json["months"][1]["channel"] == "ai";
    assert_eq!(got.len(), all_months * if split { 3 } else { 1 }, "{got:?}");
    let none = Expected::default();
    for ((month, channel), m) in got {
        let key = match channel.as_str() {
            "all" => "all",
            "ai" => "ai",
            _ => "other",
        };
        // A month the assistant brought nothing in is all zeros, not missing.
        let e: &Expected = want.get(&(month.clone(), key)).unwrap_or(&none);
        let at = format!("{month} {channel}");
        if leads_known {
            assert_eq!(m["leads"], e.leads, "{at}");
            assert_eq!(m["conversion"], ratio(e.bookings, e.leads), "{at}");
        } else {
            assert_eq!(m["leads"], Value::Null, "{at}");
            assert_eq!(m["conversion"], Value::Null, "{at}");
        }
        assert_eq!(m["bookings"], e.bookings, "{at}");
        assert_eq!(m["visits"], e.visits, "{at}");
        assert_eq!(m["no_shows"], e.no_shows, "{at}");
        assert_eq!(
            m["no_show_rate"],
            ratio(e.no_shows, e.visits + e.no_shows),
            "{at}"
        );
        assert_eq!(m["revenue"], money(e.revenue), "{at}");
        assert_eq!(m["average_check"], money_ratio(e.revenue, e.priced), "{at}");
    }
}

fn measure_json(args: &[&str]) -> Value {
    let mut all = vec!["measure"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    serde_json::from_str(&stdout(&all)).unwrap()
}

/// Writes `bytes` as `name` beside a mapping (`map`, TOML) and measures them as JSON.
fn measure_export(name: &str, bytes: &[u8], map: &str) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), name, bytes);
    let map = write(dir.path(), "map.toml", map.as_bytes());
    measure_json(&[file.to_str().unwrap(), "--map", map.to_str().unwrap()])
}

/// Rows a Bitrix24 export repeats: deals with two products.
fn repeats(recs: &[Rec]) -> u64 {
    recs.iter().filter(|r| r.id % 7 == 0).count() as u64
}

#[test]
fn bitrix24_csv_as_a_cloud_portal_writes_it() {
    let dir = tempfile::tempdir().unwrap();
    let recs = records();
    let bytes = exports::bitrix_csv(&recs);
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF");
    let file = write(dir.path(), "deals.csv", &bytes);
    let map = write(dir.path(), "map.toml", exports::SALON_MAP.as_bytes());
    let json = measure_json(&[file.to_str().unwrap(), "--map", map.to_str().unwrap()]);
    assert_eq!(json["source"], "bitrix24");
    assert_eq!(json["files"][0]["kind"], "csv");
    assert_eq!(json["files"][0]["encoding"], "utf-8-bom");
    assert_eq!(json["files"][0]["header_row"], 1);
    let rows = recs.len() as u64 + repeats(&recs);
    assert_eq!(json["quality"]["rows"], rows);
    assert_eq!(json["quality"]["used"], recs.len() as u64);
    assert_eq!(json["quality"]["duplicates"], repeats(&recs));
    assert_eq!(json["quality"]["conflicts"], 0);
    assert_funnel(&json, &recs, true);
}

#[test]
fn bitrix24_csv_in_windows_1251_from_a_self_hosted_portal() {
    let recs = records();
    let json = measure_export(
        "deals.csv",
        &exports::bitrix_csv_1251(&recs),
        exports::SALON_MAP,
    );
    assert_eq!(json["files"][0]["encoding"], "windows-1251");
    assert_funnel(&json, &recs, true);
}

#[test]
fn bitrix24_html_saved_as_xls_is_told_by_its_bytes() {
    let recs = records();
    let json = measure_export(
        "deals.xls",
        &exports::bitrix_html(&recs),
        exports::SALON_MAP,
    );
    assert_eq!(json["files"][0]["kind"], "html");
    assert_funnel(&json, &recs, true);
}

#[test]
fn monthly_exports_concatenate_and_overlaps_count_once() {
    let dir = tempfile::tempdir().unwrap();
    let recs = records();
    let jan_feb: Vec<Rec> = recs.iter().filter(|r| r.month <= 2).cloned().collect();
    let feb_mar: Vec<Rec> = recs.iter().filter(|r| r.month >= 2).cloned().collect();
    let a = write(dir.path(), "jan-feb.csv", &exports::bitrix_csv(&jan_feb));
    let b = write(dir.path(), "feb-mar.csv", &exports::bitrix_csv(&feb_mar));
    let map = write(dir.path(), "map.toml", exports::SALON_MAP.as_bytes());
    let json = measure_json(&[
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--map",
        map.to_str().unwrap(),
    ]);
    assert_funnel(&json, &recs, true);
    let feb = recs.iter().filter(|r| r.month == 2).count() as u64;
    let feb_repeats = recs
        .iter()
        .filter(|r| r.month == 2 && r.id % 7 == 0)
        .count() as u64;
    assert_eq!(
        json["quality"]["duplicates"],
        repeats(&recs) + feb + feb_repeats
    );
}

#[test]
fn amocrm_xlsx_with_tags_and_custom_stages() {
    let recs = records();
    let json = measure_export(
        "amo.xlsx",
        &exports::amocrm_xlsx(&recs),
        exports::AMOCRM_MAP,
    );
    assert_eq!(json["source"], "amocrm");
    assert_eq!(json["files"][0]["kind"], "xlsx");
    assert_funnel(&json, &recs, true);
}

#[test]
fn amocrm_stages_the_profile_does_not_know_are_refused_with_the_block_to_paste() {
    let dir = tempfile::tempdir().unwrap();
    let recs = records();
    let file = write(dir.path(), "amo.xlsx", &exports::amocrm_xlsx(&recs));
    // A salon's own «Записан на услугу» and «Не пришёл» are not open leads:
    // counting them as such showed a conversion of 26.5% against a true 38%.
    let err = refused(&["measure", file.to_str().unwrap()]);
    let count = |fate: Fate| recs.iter().filter(|r| r.fate == fate).count();
    for (stage, fate) in [
        ("Записан на услугу", Fate::Booked),
        ("Не пришёл", Fate::NoShow),
    ] {
        assert!(
            err.contains(&format!("«{stage}»: {} rows", count(fate))),
            "{err}"
        );
        assert!(err.contains(&format!("\"{stage}\" = \"\"")), "{err}");
    }
    // amoCRM's own stages are known: a new pipeline's first one is open.
    assert!(!err.contains("«Первичный контакт»"), "{err}");
    assert!(!err.contains("«Успешно реализовано»"), "{err}");
}

#[test]
fn yclients_records_are_bookings_without_leads() {
    let dir = tempfile::tempdir().unwrap();
    let recs = records();
    let file = write(dir.path(), "records.xlsx", &exports::yclients_xlsx(&recs));
    let json = measure_json(&[file.to_str().unwrap(), "--ai", "Источник=AI-ассистент"]);
    assert_eq!(json["source"], "yclients");
    // Only bookings (and deleted ones, counted as lost) are in a booking system.
    let bookings: Vec<Rec> = recs
        .iter()
        .filter(|r| matches!(r.fate, Fate::Came | Fate::NoShow | Fate::Booked))
        .cloned()
        .collect();
    assert_funnel(&json, &bookings, false);
}

#[test]
fn a_monthly_sheet_below_a_title_block() {
    let dir = tempfile::tempdir().unwrap();
    let recs = records();
    let file = write(dir.path(), "kpi.xlsx", &exports::monthly_xlsx(&recs));
    let json = measure_json(&[file.to_str().unwrap()]);
    assert_eq!(json["source"], "monthly");
    assert_eq!(json["files"][0]["header_row"], 4);
    // The totals row at the foot is accounted for, not counted, and no mistake.
    assert_eq!(json["quality"]["totals_rows"], 1);
    assert_eq!(json["quality"]["skipped"].as_array().unwrap().len(), 0);
    stdout(&["measure", file.to_str().unwrap(), "--strict"]);
    let want = exports::expected(&recs);
    for ((month, channel), m) in months(&json) {
        let all = &want[&(month.clone(), "all")];
        let ai = want.get(&(month.clone(), "ai")).map_or(0, |a| a.leads);
        match channel.as_str() {
            "all" => {
                assert_eq!(m["leads"], all.leads);
                assert_eq!(m["bookings"], all.bookings);
                assert_eq!(m["revenue"], money(all.revenue));
                // A sheet's check is over all its visits.
                assert_eq!(m["average_check"], money_ratio(all.revenue, all.visits));
            }
            "ai" => assert_eq!(m["leads"], ai),
            _ => assert_eq!(m["leads"], all.leads - ai),
        }
    }
}

#[test]
fn the_baseline_scenario_runs_in_calc_with_the_measured_figures() {
    let dir = tempfile::tempdir().unwrap();
    let recs = records();
    let file = write(dir.path(), "deals.csv", &exports::bitrix_csv(&recs));
    let map = write(dir.path(), "map.toml", exports::SALON_MAP.as_bytes());
    let scenario = dir.path().join("salon.toml");
    stdout(&[
        "measure",
        file.to_str().unwrap(),
        "--map",
        map.to_str().unwrap(),
        "--baseline",
        "2025-01..2025-02",
        "--scenario",
        "-o",
        scenario.to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(&scenario).unwrap();
    let calc: Value =
        serde_json::from_str(&stdout(&["calc", scenario.to_str().unwrap(), "-f", "json"])).unwrap();
    let want = exports::expected(&recs);
    let (jan, feb) = (
        &want[&("2025-01".into(), "all")],
        &want[&("2025-02".into(), "all")],
    );
    let leads = jan.leads + feb.leads;
    let bookings = jan.bookings + feb.bookings;
    let b = &calc["baseline"];
    // Written exactly where the decimal ends, else to 12 places.
    assert_eq!(
        b["leads"].to_string(),
        (Decimal::from(leads) / Decimal::from(2))
            .normalize()
            .to_string()
    );
    let conversion = (Decimal::from(bookings) / Decimal::from(leads))
        .round_dp_with_strategy(12, RoundingStrategy::MidpointAwayFromZero)
        .normalize();
    assert_eq!(
        b["conversion"].to_string(),
        conversion.to_string(),
        "{text}"
    );
    let checks =
        Decimal::new(jan.revenue + feb.revenue, 2) / Decimal::from(jan.priced + feb.priced);
    let checks = checks
        .round_dp_with_strategy(12, RoundingStrategy::MidpointAwayFromZero)
        .normalize();
    assert_eq!(b["average_check"].to_string(), checks.to_string(), "{text}");
    let ns = Decimal::from(jan.no_shows + feb.no_shows)
        / Decimal::from(jan.no_shows + feb.no_shows + jan.visits + feb.visits);
    let ns = ns
        .round_dp_with_strategy(12, RoundingStrategy::MidpointAwayFromZero)
        .normalize();
    assert_eq!(b["no_show_rate"].to_string(), ns.to_string(), "{text}");
    assert!(text.contains("# [after]"), "{text}");
    assert!(text.contains("2025-01..2025-02"), "{text}");
}

#[test]
fn refuses_a_baseline_with_missing_months_and_names_them() {
    let dir = tempfile::tempdir().unwrap();
    let recs = records();
    let file = write(dir.path(), "deals.csv", &exports::bitrix_csv(&recs));
    let map = write(dir.path(), "map.toml", exports::SALON_MAP.as_bytes());
    let err = refused(&[
        "measure",
        file.to_str().unwrap(),
        "--map",
        map.to_str().unwrap(),
        "--baseline",
        "2024-11..2025-02",
        "--scenario",
    ]);
    assert!(err.contains("2024-11, 2024-12"), "{err}");
    assert!(err.contains("2025-01..2025-03"), "{err}");
}

fn small_csv(dir: &Path, lines: &[&str]) -> PathBuf {
    let mut text = String::from(
        "\u{feff}\"ID\";\"Стадия сделки\";\"Сумма\";\"Дата создания\";\"Источник\";\n",
    );
    for l in lines {
        text.push_str(l);
        text.push('\n');
    }
    write(dir, "deals.csv", text.as_bytes())
}

#[test]
fn unknown_statuses_are_listed_with_a_block_to_paste() {
    let dir = tempfile::tempdir().unwrap();
    let file = small_csv(
        dir.path(),
        &[
            "\"1\";\"Пришёл на маникюр\";\"1500\";\"01.02.2025\";\"Сайт\";",
            "\"2\";\"Пришёл на маникюр\";\"1500\";\"01.02.2025\";\"Сайт\";",
            "\"3\";\"Думает\";\"\";\"01.02.2025\";\"Сайт\";",
            "\"4\";\"Сделка успешна\";\"1500\";\"01.02.2025\";\"Сайт\";",
        ],
    );
    let err = refused(&["measure", file.to_str().unwrap()]);
    assert!(err.contains("«Пришёл на маникюр»: 2 rows"), "{err}");
    assert!(err.contains("«Думает»: 1 row"), "{err}");
    assert!(
        err.contains("[status]\n\"Пришёл на маникюр\" = \"\"\n\"Думает\" = \"\""),
        "{err}"
    );
}

#[test]
fn bad_cells_are_counted_and_strict_refuses_them() {
    let dir = tempfile::tempdir().unwrap();
    let file = small_csv(
        dir.path(),
        &[
            "\"1\";\"Сделка успешна\";\"1 500,50 ₽\";\"01.02.2025\";\"Сайт\";",
            "\"2\";\"Сделка успешна\";\"полторы тысячи\";\"01.02.2025\";\"Сайт\";",
            "\"3\";\"Сделка успешна\";\"1500\";\"31.02.2025\";\"Сайт\";",
            "\"4\";\"Сделка успешна\";\"1500\";\"\";\"Сайт\";",
            "\"5\";\"Сделка успешна\";\"1,500\";\"01.02.2025\";\"Сайт\";",
        ],
    );
    let path = file.to_str().unwrap();
    let json = measure_json(&[path]);
    let q = &json["quality"];
    // Unreadable amounts on visits cost only their revenue: rows 3 and 6 count.
    assert_eq!((q["rows"].as_u64(), q["used"].as_u64()), (Some(5), Some(3)));
    let skipped: Vec<(String, String, u64, u64, String)> = q["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["reason"].as_str().unwrap().into(),
                s["column"].as_str().unwrap().into(),
                s["rows"].as_u64().unwrap(),
                s["examples"][0]["row"].as_u64().unwrap(),
                s["examples"][0]["value"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        skipped,
        [
            (
                "bad_date".into(),
                "Дата создания".into(),
                1,
                4,
                "31.02.2025".into()
            ),
            ("no_date".into(), "Дата создания".into(), 1, 5, "".into()),
        ]
    );
    let unreadable: Vec<(&str, u64, &str)> = q["unreadable_amounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["reason"].as_str().unwrap(),
                s["examples"][0]["row"].as_u64().unwrap(),
                s["examples"][0]["value"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        unreadable,
        [
            ("bad_amount", 3, "полторы тысячи"),
            ("ambiguous_amount", 6, "1,500")
        ]
    );
    assert_eq!(json["months"][0]["visits"], 3);
    assert_eq!(json["months"][0]["revenue"], money(150050));
    // The table says it on stderr, in one line per reason.
    let out = roi().args(["measure", path]).output().unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("left out 2 of 5 rows"), "{stderr}");
    assert!(
        stderr.contains("2 visits with an amount that cannot be read"),
        "{stderr}"
    );
    assert!(stderr.contains("deals.csv row 4: «31.02.2025»"), "{stderr}");
    let err = refused(&["measure", path, "--strict"]);
    assert!(err.contains("--strict"), "{err}");
}

#[test]
fn a_repeated_id_that_disagrees_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let file = small_csv(
        dir.path(),
        &[
            "\"7\";\"В работе\";\"1500\";\"01.02.2025\";\"Сайт\";",
            "\"7\";\"Сделка успешна\";\"1500\";\"01.02.2025\";\"Сайт\";",
        ],
    );
    let json = measure_json(&[file.to_str().unwrap()]);
    assert_eq!(json["quality"]["conflicts"], 1);
    assert_eq!(json["quality"]["conflict_examples"][0]["id"], "7");
    assert_eq!(json["quality"]["conflict_examples"][0]["counted"]["row"], 2);
    assert_eq!(json["quality"]["conflict_examples"][0]["other"]["row"], 3);
    assert_eq!(
        json["quality"]["conflict_examples"][0]["other"]["value"],
        "visited; 1500; 2025-02"
    );
    assert_eq!(json["months"][0]["visits"], 0, "the first row counts");
    refused(&["measure", file.to_str().unwrap(), "--strict"]);
}

#[test]
fn a_missing_column_names_what_was_found_and_the_nearest() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "deals.csv",
        "ID;Стадия сделки;Дата создания сделки\n1;Сделка успешна;01.02.2025\n".as_bytes(),
    );
    let err = refused(&["measure", file.to_str().unwrap(), "--source", "bitrix24"]);
    assert!(
        err.contains(
            "no column for the creation date (in the Bitrix24 export it is usually called"
        ),
        "{err}"
    );
    assert!(err.contains("«Дата создания» or «DATE_CREATE»"), "{err}");
    assert!(
        err.contains("row 1 has «ID», «Стадия сделки», «Дата создания сделки»"),
        "{err}"
    );
    assert!(
        err.contains("the nearest is «Дата создания сделки»"),
        "{err}"
    );
}

#[test]
fn a_file_of_no_known_system_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "clients.csv",
        "Имя,Телефон\nАнна,+7 900\n".as_bytes(),
    );
    let err = refused(&["measure", file.to_str().unwrap()]);
    assert!(err.contains("cannot tell which system wrote it"), "{err}");
    assert!(err.contains("«Имя», «Телефон»"), "{err}");
    let err = refused(&["measure", "no-such-file.csv"]);
    assert!(err.contains("no-such-file.csv"), "{err}");
}

#[test]
fn print_map_gives_a_file_that_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let text = stdout(&["measure", "--source", "amocrm", "--print-map"]);
    assert!(
        text.contains("\"Успешно реализовано\" = \"visited\""),
        "{text}"
    );
    let map = write(dir.path(), "map.toml", text.as_bytes());
    let recs = records();
    let file = write(dir.path(), "amo.xlsx", &exports::amocrm_xlsx(&recs));
    // The printed map reads back; only the salon's own stages are left to say.
    let err = refused(&[
        "measure",
        file.to_str().unwrap(),
        "--map",
        map.to_str().unwrap(),
    ]);
    assert!(err.contains("2 status texts have no outcome"), "{err}");
    assert!(
        err.contains("«Записан на услугу»") && err.contains("«Не пришёл»"),
        "{err}"
    );
}

#[test]
fn the_shipped_examples_are_the_generators_output() {
    let recs = exports::salon_story();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    assert_eq!(
        std::fs::read(root.join("salon-deals.csv")).unwrap(),
        exports::bitrix_csv(&recs)
    );
    assert_eq!(
        std::fs::read_to_string(root.join("salon-map.toml")).unwrap(),
        exports::SALON_MAP
    );
    // The workbook embeds no timestamp that changes, but compare what it says, not its bytes.
    let json = measure_json(&["examples/salon-monthly.xlsx"]);
    let want = exports::expected(&recs);
    for ((month, channel), m) in months(&json) {
        if channel == "all" {
            assert_eq!(m["leads"], want[&(month, "all")].leads);
        }
    }
    let json = measure_json(&[
        "examples/salon-deals.csv",
        "--map",
        "examples/salon-map.toml",
    ]);
    assert_funnel(&json, &recs, true);
}

#[test]
fn tables_in_both_languages() {
    for lang in ["en", "ru"] {
        let out = roi()
            .env("COLUMNS", "80")
            .args([
                "measure",
                "examples/salon-deals.csv",
                "--map",
                "examples/salon-map.toml",
                "--baseline",
                "2025-06..2025-11",
                "--lang",
                lang,
            ])
            .output()
            .unwrap();
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        for line in text.lines() {
            assert!(line.chars().count() <= 80, "wider than 80 columns: {line}");
        }
        insta::assert_snapshot!(format!("measure_salon_{lang}"), text);
        let stderr = String::from_utf8(out.stderr).unwrap();
        insta::assert_snapshot!(format!("measure_salon_{lang}_stderr"), stderr);
    }
}

#[test]
fn csv_rows_in_both_dialects() {
    let plain = stdout(&[
        "measure",
        "examples/salon-deals.csv",
        "--map",
        "examples/salon-map.toml",
        "-f",
        "csv",
    ]);
    let mut lines = plain.lines();
    assert_eq!(
        lines.next(),
        Some(
            "month,channel,leads,bookings,conversion,visits,no_shows,no_show_rate,revenue,average_check"
        )
    );
    // 21 months × 3 channels.
    assert_eq!(lines.count(), 63);
    let excel = stdout(&[
        "measure",
        "examples/salon-deals.csv",
        "--map",
        "examples/salon-map.toml",
        "-f",
        "csv",
        "--excel",
        "--lang",
        "ru",
    ]);
    assert!(excel.starts_with("\u{feff}month;channel;"), "{excel}");
    let row: Vec<&str> = excel.lines().nth(1).unwrap().split(';').collect();
    assert_eq!(row[..4], ["2024-06", "all", "86", "28"]);
    assert_eq!(row[4], "0,32558140", "28 / 86 with a decimal comma");
}

#[test]
fn a_workbook_holds_the_funnel_as_numbers() {
    use calamine::{Data, Reader, Xlsx};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("funnel.xlsx");
    stdout(&[
        "measure",
        "examples/salon-deals.csv",
        "--map",
        "examples/salon-map.toml",
        "-o",
        path.to_str().unwrap(),
        "--lang",
        "ru",
    ]);
    let mut book: Xlsx<_> = calamine::open_workbook(&path).unwrap();
    assert_eq!(book.sheet_names()[0], "Воронка");
    let sheet = book.worksheet_range("Воронка").unwrap();
    let json = measure_json(&[
        "examples/salon-deals.csv",
        "--map",
        "examples/salon-map.toml",
    ]);
    let first = &json["months"][0];
    let row: Vec<&Data> = sheet.rows().nth(1).unwrap().iter().collect();
    assert_eq!(row[0], &Data::String("2024-06".into()));
    assert_eq!(row[2], &Data::Float(first["leads"].as_f64().unwrap()));
    assert_eq!(row[4], &Data::Float(first["conversion"].as_f64().unwrap()));
    assert_eq!(row[8], &Data::Float(first["revenue"].as_f64().unwrap()));
}

#[test]
fn a_mapped_column_the_file_lacks_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let map = write(
        dir.path(),
        "map.toml",
        "[columns]\ncreated = \"Дата\"\nstatus = \"Стадия сделки\"\n".as_bytes(),
    );
    let err = refused(&[
        "measure",
        "examples/salon-deals.csv",
        "--map",
        map.to_str().unwrap(),
    ]);
    assert!(
        err.contains("[columns] created = «Дата» names no column of the file"),
        "{err}"
    );
    assert!(err.contains("the nearest is «Дата создания»"), "{err}");
}

#[test]
fn a_sheet_for_a_text_file_is_refused() {
    let err = refused(&[
        "measure",
        "examples/salon-deals.csv",
        "--map",
        "examples/salon-map.toml",
        "--sheet",
        "Лист1",
    ]);
    assert!(
        err.contains("--sheet: examples/salon-deals.csv is a CSV file, which has no sheets"),
        "{err}"
    );
}

#[test]
fn output_never_overwrites_the_mapping() {
    let dir = tempfile::tempdir().unwrap();
    let map = write(dir.path(), "map.toml", exports::SALON_MAP.as_bytes());
    refused(&[
        "measure",
        "examples/salon-deals.csv",
        "--map",
        map.to_str().unwrap(),
        "-o",
        map.to_str().unwrap(),
        "-f",
        "json",
    ]);
    assert_eq!(std::fs::read_to_string(&map).unwrap(), exports::SALON_MAP);
}

#[test]
fn yclients_api_json_is_read_as_the_api_writes_it() {
    let dir = tempfile::tempdir().unwrap();
    let recs = records();
    let bookings: Vec<Rec> = recs
        .iter()
        .filter(|r| matches!(r.fate, Fate::Came | Fate::NoShow | Fate::Booked))
        .cloned()
        .collect();
    let page = exports::yclients_json(&recs);
    let file = write(dir.path(), "records.json", &page);
    let json = measure_json(&[file.to_str().unwrap(), "--ai", "comment~ИИ"]);
    assert_eq!(json["source"], "yclients");
    assert_eq!(json["files"][0]["kind"], "json");
    assert_funnel(&json, &bookings, false);
    // The same records one per line (NDJSON), and as a bare array.
    let value: Value = serde_json::from_slice(&page).unwrap();
    let data = value["data"].as_array().unwrap();
    let lines: String = data.iter().map(|r| format!("{r}\n")).collect();
    let ndjson = write(dir.path(), "records.ndjson", lines.as_bytes());
    let array = write(
        dir.path(),
        "array.json",
        &serde_json::to_vec(&data).unwrap(),
    );
    for file in [ndjson, array] {
        let again = measure_json(&[file.to_str().unwrap(), "--ai", "comment~ИИ"]);
        assert_eq!(again["months"], json["months"], "{}", file.display());
    }
}

#[test]
fn json_that_is_not_records_is_refused_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let long = "x".repeat(1 << 20);
    for (name, text, says) in [
        (
            "obj.json",
            format!("{{\"success\": false, \"meta\": {{\"message\": \"{long}\"}}}}"),
            "no \"data\" list",
        ),
        ("num.json", "[1, 2, 3]".to_string(), "item 1 is a number"),
        (
            "bad.json",
            format!("{{\"data\": [{{\"id\": \"{long}"),
            "not a readable json file",
        ),
        // Not JSON to the sniffer (it begins with a quote): read as CSV, one
        // quoted field of a megabyte.
        ("text.json", format!("\"{long}\""), "runs past 1 MB"),
    ] {
        let file = write(dir.path(), name, text.as_bytes());
        let err = refused(&["measure", file.to_str().unwrap()]);
        assert!(err.contains(says), "{name}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{name}: {err}");
        assert!(err.len() < 600, "{name}: {} bytes", err.len());
    }
}

#[test]
fn amocrm_csv_as_amocrm_writes_it() {
    let recs = records();
    let json = measure_export("amo.csv", &exports::amocrm_csv(&recs), exports::AMOCRM_MAP);
    assert_eq!(json["source"], "amocrm");
    assert_eq!(json["files"][0]["kind"], "csv");
    assert_funnel(&json, &recs, true);
}

#[test]
fn a_placeholder_amount_is_an_empty_one_and_keeps_its_lead() {
    let recs = records();
    let json = measure_export(
        "deals.csv",
        &exports::bitrix_csv_placeholders(&recs),
        exports::SALON_MAP,
    );
    // Before, "-" on a lost lead dropped the lead: 26 of 40 left out and 100% conversion.
    assert_funnel(&json, &recs, true);
    assert_eq!(json["quality"]["skipped"].as_array().unwrap().len(), 0);
}

#[test]
fn an_unreadable_amount_costs_only_its_visits_revenue() {
    let mut recs = records();
    // Three visits with amounts a reader cannot read: the visits still count.
    let garbled: Vec<u32> = recs
        .iter()
        .filter(|r| r.fate == Fate::Came && r.id % 7 != 0)
        .take(3)
        .map(|r| r.id)
        .collect();
    let mut csv = String::from_utf8(exports::bitrix_csv(&recs)).unwrap();
    for (id, bad) in garbled.iter().zip(["15O0.00", "1,500", "-700.00"]) {
        let r = recs.iter_mut().find(|r| r.id == *id).unwrap();
        let written = format!(
            "{}.{:02}",
            r.kopecks.unwrap() / 100,
            r.kopecks.unwrap() % 100
        );
        let line_start = csv.find(&format!("\"{id}\";")).unwrap();
        let at = line_start + csv[line_start..].find(&format!("\"{written}\"")).unwrap();
        csv.replace_range(at + 1..at + 1 + written.len(), bad);
        r.kopecks = None;
    }
    let json = measure_export("deals.csv", csv.as_bytes(), exports::SALON_MAP);
    // Every lead, booking and visit counts; revenue and the check leave the three out.
    assert_funnel(&json, &recs, true);
    let unreadable = json["quality"]["unreadable_amounts"].as_array().unwrap();
    let reasons: Vec<&str> = unreadable
        .iter()
        .map(|s| s["reason"].as_str().unwrap())
        .collect();
    assert_eq!(
        reasons,
        ["bad_amount", "ambiguous_amount", "negative_amount"]
    );
    assert!(
        unreadable
            .iter()
            .all(|s| s["rows"] == 1 && s["column"] == "Сумма")
    );
    assert_eq!(unreadable[0]["examples"][0]["value"], "15O0.00");
    assert_eq!(json["quality"]["skipped"].as_array().unwrap().len(), 0);
}

#[test]
fn a_us_sheet_is_read_month_first_because_its_dates_prove_it() {
    let recs = records();
    // Days run 1..28: some dates prove the month comes first (1/13/2025),
    // others read either way (3/4/2025) and are read again once proved.
    assert!(
        recs.iter().any(|r| r.day > 12) && recs.iter().any(|r| r.day <= 12 && r.day != r.month)
    );
    let json = measure_export(
        "sheet.csv",
        &exports::us_sheet_csv(&recs),
        exports::SHEET_MAP,
    );
    assert_funnel(&json, &recs, true);
    assert_eq!(json["quality"]["skipped"].as_array().unwrap().len(), 0);
}

#[test]
fn dates_that_never_prove_their_order_are_refused_until_the_mapping_says_it() {
    let dir = tempfile::tempdir().unwrap();
    // Only the first twelve days: every date reads either way.
    let recs: Vec<Rec> = records().into_iter().filter(|r| r.day <= 12).collect();
    let file = write(dir.path(), "sheet.csv", &exports::us_sheet_csv(&recs));
    let map = write(dir.path(), "map.toml", exports::SHEET_MAP.as_bytes());
    let err = refused(&[
        "measure",
        file.to_str().unwrap(),
        "--map",
        map.to_str().unwrap(),
    ]);
    assert!(
        err.contains("the dates in «Created» read either way"),
        "{err}"
    );
    assert!(err.contains("[dates] order = \"dmy\""), "{err}");
    let said = format!("{}\n[dates]\norder = \"mdy\"\n", exports::SHEET_MAP);
    let json = measure_export("sheet.csv", &exports::us_sheet_csv(&recs), &said);
    assert_funnel(&json, &recs, true);
}

#[test]
fn a_column_of_both_orders_is_refused_naming_a_row_of_each() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Deal,Created,Stage,Amount,Channel\n\
                1,13/01/2025,Won,100,Phone\n\
                2,03/04/2025,Won,100,Phone\n\
                3,01/14/2025,Won,100,Phone\n";
    let file = write(dir.path(), "mixed.csv", text.as_bytes());
    let map = write(dir.path(), "map.toml", exports::SHEET_MAP.as_bytes());
    let err = refused(&[
        "measure",
        file.to_str().unwrap(),
        "--map",
        map.to_str().unwrap(),
    ]);
    assert!(
        err.contains("row 2 («13/01/2025») has the day first"),
        "{err}"
    );
    assert!(
        err.contains("row 4 («01/14/2025») the month first"),
        "{err}"
    );
}

#[test]
fn a_mappings_date_format_reads_any_other_form() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Deal,Created,Stage,Amount,Channel\n\
                1,20250113 0930,Won,100,Phone\n\
                2,20250204 1000,Lost,,Phone\n";
    let file = write(dir.path(), "compact.csv", text.as_bytes());
    let with = |dates: &str| {
        let map = format!("{}\n[dates]\n{dates}\n", exports::SHEET_MAP);
        write(dir.path(), "map.toml", map.as_bytes())
    };
    let map = with("format = \"%Y%m%d %H%M\"");
    let json = measure_json(&[file.to_str().unwrap(), "--map", map.to_str().unwrap()]);
    let months: Vec<&str> = json["months"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["channel"] == "all")
        .map(|m| m["month"].as_str().unwrap())
        .collect();
    assert_eq!(months, ["2025-01", "2025-02"]);
    for (dates, says) in [
        ("order = \"yyyy\"", "dates.order = \"yyyy\": one of \"dmy\""),
        (
            "format = \"%H:%M\"",
            "must name the day, the month and the four-digit year",
        ),
    ] {
        let map = with(dates);
        let err = refused(&[
            "measure",
            file.to_str().unwrap(),
            "--map",
            map.to_str().unwrap(),
        ]);
        assert!(err.contains(says), "{err}");
    }
}

#[test]
fn a_repeated_header_is_addressed_as_the_file_has_it() {
    let recs = records();
    let csv = exports::amocrm_csv(&recs);
    // amoCRM's CSV has two «Источник»: the second is the deal's, where the
    // assistant is named. By name and occurrence, and by column letter (BW).
    for column in ["Источник#2", "#BW"] {
        let map = format!(
            "{}\n",
            exports::AMOCRM_MAP.replace(
                "column = \"Теги\"\nequals = \"AI-lead\"",
                &format!("column = \"{column}\"\nequals = \"ИИ-ассистент\"")
            )
        );
        assert!(map.contains(column), "{map}");
        let json = measure_export("amo.csv", &csv, &map);
        assert_funnel(&json, &recs, true);
    }
    // The first «Источник» is the contact's: nobody there is the assistant.
    let map = exports::AMOCRM_MAP.replace(
        "column = \"Теги\"\nequals = \"AI-lead\"",
        "column = \"Источник\"\nequals = \"ИИ-ассистент\"",
    );
    let json = measure_export("amo.csv", &csv, &map);
    let ai: u64 = months(&json)
        .iter()
        .filter(|((_, c), _)| c == "ai")
        .map(|(_, m)| m["leads"].as_u64().unwrap_or(0))
        .sum();
    assert_eq!(ai, 0);
}

#[test]
fn a_monthly_sheets_assistant_columns_go_by_the_names_owners_give_them() {
    let dir = tempfile::tempdir().unwrap();
    for (leads, bookings) in [
        ("Заявки ИИ", "Записи ИИ"),
        ("Заявки от ИИ", "Записи от ИИ"),
        ("Заявки ассистента", "Записи ассистента"),
        ("ИИ: заявки", "ИИ: записи"),
        ("Leads (AI)", "Bookings (AI)"),
    ] {
        let text = format!(
            "Месяц;Заявки;{leads};Записи;{bookings};Комментарий\n\
             2025-01;100;20;40;9;тихий месяц\n\
             2025-02;120;30;50;14;\n"
        );
        let file = write(dir.path(), "kpi.csv", text.as_bytes());
        let json = measure_json(&[file.to_str().unwrap()]);
        assert_eq!(json["source"], "monthly");
        let got: Vec<(String, String, u64, u64)> = months(&json)
            .into_iter()
            .map(|((month, channel), m)| {
                (
                    month,
                    channel,
                    m["leads"].as_u64().unwrap(),
                    m["bookings"].as_u64().unwrap(),
                )
            })
            .collect();
        let want = [
            ("2025-01", "all", 100, 40),
            ("2025-01", "ai", 20, 9),
            ("2025-01", "other", 80, 31),
            ("2025-02", "all", 120, 50),
            ("2025-02", "ai", 30, 14),
            ("2025-02", "other", 90, 36),
        ]
        .map(|(m, c, l, b)| (m.to_string(), c.to_string(), l, b));
        assert_eq!(got, want, "{leads}");
        // What was not read is said, in JSON and under the table.
        assert_eq!(
            json["files"][0]["unused_columns"],
            serde_json::json!(["Комментарий"])
        );
        let table = stdout(&["measure", file.to_str().unwrap()]);
        assert!(
            table.contains("Not read from") && table.contains("«Комментарий»"),
            "{table}"
        );
    }
}

#[test]
fn the_hint_starts_from_the_profile_the_headers_come_nearest() {
    let dir = tempfile::tempdir().unwrap();
    for (header, hint) in [
        // amoCRM's names, but no date column it knows.
        (
            "ID;Этап сделки;Бюджет;Воронка;Когда",
            "--source amocrm --print-map",
        ),
        // Bitrix24 leads' names.
        (
            "ID;Статус лида;Возможная сумма сделки;Название лида;Когда",
            "--source bitrix24 --entity leads --print-map",
        ),
        (
            "Когда;Заявки;Записи;Визиты;Выручка",
            "--source monthly --print-map",
        ),
    ] {
        let file = write(
            dir.path(),
            "x.csv",
            format!("{header}\n1;2;3;4;5\n").as_bytes(),
        );
        let err = refused(&["measure", file.to_str().unwrap()]);
        assert!(err.contains(hint), "{header}: {err}");
    }
    // A system's name reads as a name: "the amoCRM export", never "a amocrm export";
    // the key is said in words, never `created`.
    let file = write(
        dir.path(),
        "amo.csv",
        "ID;Этап сделки;Бюджет;Воронка\n1;2;3;4\n".as_bytes(),
    );
    let err = refused(&["measure", file.to_str().unwrap(), "--source", "amocrm"]);
    assert!(
        err.contains("no column for the creation date (in the amoCRM export it is"),
        "{err}"
    );
}

/// What each month × source must show, counted from the generator's records.
fn by_source(recs: &[Rec]) -> std::collections::BTreeMap<(String, String), Expected> {
    let mut out = std::collections::BTreeMap::new();
    for source in [
        "AI-ассистент",
        "Звонок",
        "Instagram",
        "Сайт",
        "Повторный клиент",
    ] {
        let mine: Vec<Rec> = recs
            .iter()
            .filter(|r| exports::source(r, r.id) == source)
            .cloned()
            .collect();
        for ((month, channel), e) in exports::expected(&mine) {
            if channel == "all" {
                out.insert((month, source.to_string()), e);
            }
        }
    }
    out
}

#[test]
fn by_source_splits_the_funnel_by_a_columns_values_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let recs = records();
    let file = write(dir.path(), "deals.csv", &exports::bitrix_csv(&recs));
    let map = write(dir.path(), "map.toml", exports::SALON_MAP.as_bytes());
    let args = [
        file.to_str().unwrap(),
        "--map",
        map.to_str().unwrap(),
        "--by",
        "Источник",
    ];
    let json = measure_json(&args);
    let want = by_source(&recs);
    let rows = json["by"]["months"].as_array().unwrap();
    let mut seen = 0;
    for row in rows {
        let key = (
            row["month"].as_str().unwrap().to_string(),
            row["source"].as_str().unwrap().to_string(),
        );
        let e = want.get(&key).cloned().unwrap_or_default();
        assert_eq!(row["leads"], e.leads, "{key:?}");
        assert_eq!(row["bookings"], e.bookings, "{key:?}");
        assert_eq!(row["visits"], e.visits, "{key:?}");
        assert_eq!(row["revenue"], money(e.revenue), "{key:?}");
        seen += u64::from(e.leads > 0);
    }
    assert_eq!(
        seen,
        want.len() as u64,
        "every month × source with leads is there"
    );
    assert_eq!(json["by"]["column"], "Источник");
    // The main funnel and the assistant's split are as without --by.
    assert_funnel(&json, &recs, true);
    // Largest first: the sources ranked by their leads over the period.
    let sources: Vec<&str> = json["by"]["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    let leads = |s: &str| {
        want.iter()
            .filter(|((_, x), _)| x == s)
            .map(|(_, e)| e.leads)
            .sum::<u64>()
    };
    assert!(
        sources.windows(2).all(|w| leads(w[0]) >= leads(w[1])),
        "{sources:?}"
    );
    // CSV: a source column, and a row per month and source.
    let mut csv_args = vec!["measure"];
    csv_args.extend_from_slice(&args);
    csv_args.extend_from_slice(&["-f", "csv"]);
    let csv = stdout(&csv_args);
    assert!(csv.starts_with("month,channel,source,leads"), "{csv}");
    assert_eq!(
        csv.lines()
            .filter(|l| l.contains(",all,Instagram,"))
            .count(),
        3
    );
    // The table shows the split under its own heading.
    let mut table_args = vec!["measure"];
    table_args.extend_from_slice(&args);
    let table = stdout(&table_args);
    assert!(
        table.contains("By «Источник»") && table.contains("Повторный клиент"),
        "{table}"
    );
    // An ID column is no channel: past 10 000 values the split is refused,
    // before its tallies take memory by the million.
    let many: Vec<Rec> = exports::salon((2025, 1), &[4000, 4000, 4000], None, 5);
    let big = write(dir.path(), "many.csv", &exports::bitrix_csv(&many));
    let err = refused(&[
        "measure",
        big.to_str().unwrap(),
        "--map",
        map.to_str().unwrap(),
        "--by",
        "ID",
    ]);
    assert!(
        err.contains("--by «ID» holds more than 10000 different values"),
        "{err}"
    );
    // A column the file lacks is named with what the header has.
    let err = refused(&["measure", file.to_str().unwrap(), "--by", "Канал"]);
    assert!(
        err.contains("the --by column «Канал» is not in the header"),
        "{err}"
    );
}

#[test]
fn bitrix24_leads_read_their_amount_from_the_possible_deal_sum() {
    let dir = tempfile::tempdir().unwrap();
    let recs = records();
    let file = write(dir.path(), "leads.csv", &exports::bitrix_leads_csv(&recs));
    let json = measure_json(&[file.to_str().unwrap()]);
    assert_eq!(
        (json["source"].as_str(), json["entity"].as_str()),
        (Some("bitrix24"), Some("leads"))
    );
    // A converted lead is a booking; the leads list knows no visit.
    let want = exports::expected(&recs);
    for ((month, channel), m) in months(&json) {
        let e = &want[&(month.clone(), "all")];
        assert_eq!(channel, "all");
        assert_eq!(m["leads"], e.leads, "{month}");
        assert_eq!(m["bookings"], e.bookings, "{month}");
        assert_eq!(m["visits"], Value::Null, "{month}");
    }
}

#[test]
fn a_monthly_sheets_us_months_take_the_mappings_order() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Месяц;Заявки;Записи\n6/1/2025;100;40\n7/1/2025;120;50\n";
    let file = write(dir.path(), "kpi.csv", text.as_bytes());
    // 6/1/2025 is June or 6 January: without the order, not a month.
    let err = refused(&["measure", file.to_str().unwrap()]);
    assert!(err.contains("not a month"), "{err}");
    let map = write(dir.path(), "map.toml", b"[dates]\norder = \"mdy\"\n");
    let json = measure_json(&[file.to_str().unwrap(), "--map", map.to_str().unwrap()]);
    let got: Vec<(String, u64)> = months(&json)
        .into_iter()
        .map(|((m, _), v)| (m, v["leads"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        got,
        [("2025-06".to_string(), 100), ("2025-07".to_string(), 120)]
    );
}

#[test]
fn review_findings_stay_fixed() {
    let dir = tempfile::tempdir().unwrap();
    // A list of costs written partly as text sums as numbers; a plain list of
    // numbers is no amount (it read as 1500.5 when joined with a comma).
    let json = r#"[
      {"id":1,"create_date":"2025-03-01T10:00:00+0300","attendance":1,"services":[{"cost":"1500"},{"cost":2000}]},
      {"id":2,"create_date":"2025-03-02T10:00:00+0300","attendance":1,"services":[{"cost":700}]}
    ]"#;
    let file = write(dir.path(), "api.json", json.as_bytes());
    let got = measure_json(&[file.to_str().unwrap()]);
    assert_eq!(got["months"][0]["visits"], 2);
    assert_eq!(got["months"][0]["revenue"], money(420000));
    let json =
        r#"[{"id":2,"create_date":"2025-03-02T10:00:00+0300","attendance":1,"cost":[1500,500]}]"#;
    let file = write(dir.path(), "list.json", json.as_bytes());
    let got = measure_json(&[file.to_str().unwrap()]);
    assert_eq!(got["months"][0]["visits"], 1);
    let value = &got["quality"]["unreadable_amounts"][0]["examples"][0]["value"];
    assert_eq!(value, "1500; 500");
    // A bare letter is a header's name: `UTM` is no column of this export.
    let deals = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/salon-deals.csv");
    let err = refused(&["measure", deals.to_str().unwrap(), "--ai", "UTM=AI"]);
    assert!(
        err.contains("the assistant's column «UTM» is not in the header"),
        "{err}"
    );
    let err = refused(&["measure", deals.to_str().unwrap(), "--by", "#ZZ"]);
    assert!(
        err.contains("the --by column «#ZZ» is not in the header"),
        "{err}"
    );
    // A Mac's CR-only CSV of more than a megabyte: rows end at each CR.
    let row = "\"7\";\"Сделка успешна\";\"1500\";\"01.02.2025\";\"Сайт\";";
    let mut text =
        String::from("\"ID\";\"Стадия сделки\";\"Сумма\";\"Дата создания\";\"Источник\";\r");
    for _ in 0..20_000 {
        text.push_str(row);
        text.push('\r');
    }
    assert!(text.len() > 1 << 20);
    let file = write(dir.path(), "mac.csv", text.as_bytes());
    let got = measure_json(&[file.to_str().unwrap()]);
    assert_eq!(got["quality"]["rows"], 20_000);
    // Revenue that passes exact decimals only over months is refused too.
    let file = write(
        dir.path(),
        "big.csv",
        "\"ID\";\"Стадия сделки\";\"Сумма\";\"Дата создания\";\n\
         \"1\";\"Сделка успешна\";\"50000000000000000000000000000\";\"01.01.2025\";\n\
         \"2\";\"Сделка успешна\";\"50000000000000000000000000000\";\"01.02.2025\";\n"
            .as_bytes(),
    );
    let err = refused(&["measure", file.to_str().unwrap()]);
    assert!(
        err.contains("the revenue of 2025-02 in «Сумма» passes"),
        "{err}"
    );
}
