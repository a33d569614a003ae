//! `roi measure --retention` end to end: a generated YCLIENTS export whose
//! clients return after a known (geometric) number of days, checked against
//! lifelines' Kaplan–Meier and a pandas computation of LTV
//! (tests/reference/retention.py, which reads the same file); and small
//! exports written by hand, checked by hand.

mod common;
mod exports;

use common::{refused, roi, stdout};

use serde_json::Value;
use std::path::{Path, PathBuf};

/// The generated export, kept among the examples (the README runs it) and
/// read by the script that checks it.
fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/salon-clients.csv")
}

#[test]
fn the_fixture_is_what_the_generator_writes() {
    let bytes = exports::clients::yclients_csv(&exports::clients::bookings(20));
    if std::env::var_os("ROI_WRITE_RETENTION_FIXTURE").is_some() {
        std::fs::write(fixture(), &bytes).unwrap();
    }
    assert!(
        std::fs::read(fixture()).unwrap() == bytes,
        "examples/salon-clients.csv differs from the generator's output; rerun with ROI_WRITE_RETENTION_FIXTURE=1 and then tests/reference/retention.py"
    );
}

/// `python3 tests/reference/retention.py` (lifelines 0.30.3, pandas 2.3.3):
/// per cohort and channel, new clients, returned within 30/60/90/180/365
/// days (1 − KaplanMeierFitter's S) and LTV at 6 and 12 months, in roubles.
#[allow(clippy::type_complexity)]
const COHORTS: [(&str, &str, u64, [Option<f64>; 5], [Option<f64>; 2]); 42] = [
    (
        "2024-01",
        "all",
        29,
        [
            Some(0.51724138),
            Some(0.82758621),
            Some(0.82758621),
            Some(1.0),
            Some(1.0),
        ],
        [Some(9208.97), Some(16071.72)],
    ),
    (
        "2024-02",
        "all",
        30,
        [Some(0.4), Some(0.56666667), Some(0.8), Some(0.9), Some(1.0)],
        [Some(6519.0), Some(12396.67)],
    ),
    (
        "2024-03",
        "all",
        30,
        [
            Some(0.3),
            Some(0.46666667),
            Some(0.63333333),
            Some(0.9),
            None,
        ],
        [Some(8054.33), None],
    ),
    (
        "2024-04",
        "all",
        29,
        [
            Some(0.34482759),
            Some(0.48275862),
            Some(0.62068966),
            Some(0.93103448),
            None,
        ],
        [Some(8099.31), None],
    ),
    (
        "2024-05",
        "all",
        27,
        [
            Some(0.25925926),
            Some(0.51851852),
            Some(0.62962963),
            Some(0.92592593),
            None,
        ],
        [Some(7591.85), None],
    ),
    (
        "2024-06",
        "all",
        30,
        [
            Some(0.4),
            Some(0.46666667),
            Some(0.63333333),
            Some(0.86666667),
            None,
        ],
        [Some(7006.67), None],
    ),
    (
        "2024-07",
        "all",
        34,
        [
            Some(0.38235294),
            Some(0.58823529),
            Some(0.73529412),
            Some(0.91176471),
            None,
        ],
        [Some(7634.41), None],
    ),
    (
        "2024-08",
        "all",
        27,
        [
            Some(0.40740741),
            Some(0.59259259),
            Some(0.66666667),
            Some(0.88888889),
            None,
        ],
        [Some(7143.33), None],
    ),
    (
        "2024-09",
        "all",
        28,
        [
            Some(0.39285714),
            Some(0.60714286),
            Some(0.89285714),
            None,
            None,
        ],
        [None, None],
    ),
    (
        "2024-10",
        "all",
        30,
        [Some(0.46666667), Some(0.63333333), Some(0.8), None, None],
        [None, None],
    ),
    (
        "2024-11",
        "all",
        30,
        [
            Some(0.26666667),
            Some(0.56666667),
            Some(0.73333333),
            None,
            None,
        ],
        [None, None],
    ),
    (
        "2024-12",
        "all",
        28,
        [Some(0.46428571), Some(0.60714286), None, None, None],
        [None, None],
    ),
    (
        "2025-01",
        "all",
        33,
        [Some(0.45622896), None, None, None, None],
        [None, None],
    ),
    (
        "2025-02",
        "all",
        28,
        [None, None, None, None, None],
        [None, None],
    ),
    (
        "2024-01",
        "ai",
        12,
        [
            Some(0.58333333),
            Some(0.83333333),
            Some(0.83333333),
            Some(1.0),
            Some(1.0),
        ],
        [Some(10431.67), Some(21166.67)],
    ),
    (
        "2024-02",
        "ai",
        9,
        [
            Some(0.77777778),
            Some(0.77777778),
            Some(1.0),
            Some(1.0),
            Some(1.0),
        ],
        [Some(8672.22), Some(17028.89)],
    ),
    (
        "2024-03",
        "ai",
        11,
        [
            Some(0.36363636),
            Some(0.54545455),
            Some(0.81818182),
            Some(0.90909091),
            None,
        ],
        [Some(11240.0), None],
    ),
    (
        "2024-04",
        "ai",
        9,
        [
            Some(0.44444444),
            Some(0.55555556),
            Some(0.77777778),
            Some(1.0),
            None,
        ],
        [Some(10128.89), None],
    ),
    (
        "2024-05",
        "ai",
        9,
        [
            Some(0.55555556),
            Some(0.77777778),
            Some(0.77777778),
            Some(1.0),
            None,
        ],
        [Some(9486.67), None],
    ),
    (
        "2024-06",
        "ai",
        12,
        [Some(0.5), Some(0.66666667), Some(0.75), Some(1.0), None],
        [Some(10165.83), None],
    ),
    (
        "2024-07",
        "ai",
        8,
        [Some(0.5), Some(0.625), Some(0.875), Some(1.0), None],
        [Some(9965.0), None],
    ),
    (
        "2024-08",
        "ai",
        4,
        [Some(0.5), Some(1.0), Some(1.0), Some(1.0), None],
        [Some(11395.0), None],
    ),
    (
        "2024-09",
        "ai",
        9,
        [
            Some(0.44444444),
            Some(0.77777778),
            Some(0.88888889),
            None,
            None,
        ],
        [None, None],
    ),
    (
        "2024-10",
        "ai",
        12,
        [Some(0.83333333), Some(0.91666667), Some(1.0), None, None],
        [None, None],
    ),
    (
        "2024-11",
        "ai",
        9,
        [
            Some(0.11111111),
            Some(0.66666667),
            Some(0.88888889),
            None,
            None,
        ],
        [None, None],
    ),
    (
        "2024-12",
        "ai",
        10,
        [Some(0.4), Some(0.5), None, None, None],
        [None, None],
    ),
    (
        "2025-01",
        "ai",
        9,
        [Some(0.77777778), None, None, None, None],
        [None, None],
    ),
    (
        "2025-02",
        "ai",
        8,
        [None, None, None, None, None],
        [None, None],
    ),
    (
        "2024-01",
        "other",
        17,
        [
            Some(0.47058824),
            Some(0.82352941),
            Some(0.82352941),
            Some(1.0),
            Some(1.0),
        ],
        [Some(8345.88), Some(12475.29)],
    ),
    (
        "2024-02",
        "other",
        21,
        [
            Some(0.23809524),
            Some(0.47619048),
            Some(0.71428571),
            Some(0.85714286),
            Some(1.0),
        ],
        [Some(5596.19), Some(10411.43)],
    ),
    (
        "2024-03",
        "other",
        19,
        [
            Some(0.26315789),
            Some(0.42105263),
            Some(0.52631579),
            Some(0.89473684),
            None,
        ],
        [Some(6210.0), None],
    ),
    (
        "2024-04",
        "other",
        20,
        [Some(0.3), Some(0.45), Some(0.55), Some(0.9), None],
        [Some(7186.0), None],
    ),
    (
        "2024-05",
        "other",
        18,
        [
            Some(0.11111111),
            Some(0.38888889),
            Some(0.55555556),
            Some(0.88888889),
            None,
        ],
        [Some(6644.44), None],
    ),
    (
        "2024-06",
        "other",
        18,
        [
            Some(0.33333333),
            Some(0.33333333),
            Some(0.55555556),
            Some(0.77777778),
            None,
        ],
        [Some(4900.56), None],
    ),
    (
        "2024-07",
        "other",
        26,
        [
            Some(0.34615385),
            Some(0.57692308),
            Some(0.69230769),
            Some(0.88461538),
            None,
        ],
        [Some(6917.31), None],
    ),
    (
        "2024-08",
        "other",
        23,
        [
            Some(0.39130435),
            Some(0.52173913),
            Some(0.60869565),
            Some(0.86956522),
            None,
        ],
        [Some(6403.91), None],
    ),
    (
        "2024-09",
        "other",
        19,
        [
            Some(0.36842105),
            Some(0.52631579),
            Some(0.89473684),
            Some(1.0),
            None,
        ],
        [None, None],
    ),
    (
        "2024-10",
        "other",
        18,
        [
            Some(0.22222222),
            Some(0.44444444),
            Some(0.66666667),
            None,
            None,
        ],
        [None, None],
    ),
    (
        "2024-11",
        "other",
        21,
        [
            Some(0.33333333),
            Some(0.52380952),
            Some(0.66666667),
            None,
            None,
        ],
        [None, None],
    ),
    (
        "2024-12",
        "other",
        18,
        [Some(0.5), Some(0.66666667), None, None, None],
        [None, None],
    ),
    (
        "2025-01",
        "other",
        24,
        [Some(0.3359375), None, None, None, None],
        [None, None],
    ),
    (
        "2025-02",
        "other",
        20,
        [None, None, None, None, None],
        [None, None],
    ),
];

/// The same script: 1 − S over every cohort on days 30, 90 and 365.
const CURVES: [(&str, [f64; 3]); 3] = [
    ("all", [0.38387204, 0.72715573, 1.0]),
    ("ai", [0.51945788, 0.85468664, 1.0]),
    ("other", [0.32141648, 0.6687943, 1.0]),
];

/// `roi measure --retention` on the fixture, split by the assistant's rule.
fn measured() -> Value {
    let path = fixture();
    let text = stdout(&[
        "measure",
        path.to_str().unwrap(),
        "--retention",
        "--ai",
        "Источник=AI-ассистент",
        "--format",
        "json",
    ]);
    serde_json::from_str(&text).unwrap()
}

fn close(got: &Value, want: Option<f64>, tolerance: f64, what: &str) {
    match want {
        None => assert!(got.is_null(), "{what}: {got} where null was expected"),
        Some(w) => {
            let g = got.as_f64().unwrap_or_else(|| panic!("{what}: {got}"));
            assert!((g - w).abs() <= tolerance, "{what}: {g} against {w}");
        }
    }
}

#[test]
fn cohorts_agree_with_lifelines_and_pandas() {
    let json = measured();
    let cohorts = json["retention"]["cohorts"].as_array().unwrap();
    assert_eq!(cohorts.len(), COHORTS.len());
    assert_eq!(json["retention"]["end"], "2025-02-28");
    for (month, channel, new, shares, ltv) in COHORTS {
        let c = cohorts
            .iter()
            .find(|c| c["month"] == month && c["channel"] == channel)
            .unwrap_or_else(|| panic!("no cohort {month} {channel}"));
        let what = format!("{month} {channel}");
        assert_eq!(c["new_clients"], new, "{what}");
        for (w, share) in [30, 60, 90, 180, 365].iter().zip(shares) {
            close(
                &c[format!("returned_{w}")],
                share,
                1e-8,
                &format!("{what} {w} d"),
            );
        }
        close(&c["ltv_6"], ltv[0], 0.005, &format!("{what} LTV 6"));
        close(&c["ltv_12"], ltv[1], 0.005, &format!("{what} LTV 12"));
    }
}

#[test]
fn the_curve_over_every_cohort_agrees_with_lifelines() {
    let json = measured();
    let curve = json["retention"]["curve"].as_array().unwrap();
    for (channel, want) in CURVES {
        for (day, w) in [30u64, 90, 365].iter().zip(want) {
            let got = curve
                .iter()
                .rfind(|p| p["channel"] == channel && p["day"].as_u64().unwrap() <= *day)
                .map_or(0.0, |p| p["returned"].as_f64().unwrap());
            assert!(
                (got - w).abs() < 1e-8,
                "{channel} day {day}: {got} against {w}"
            );
        }
    }
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// Bitrix24 deals with the contact's name and phone, phones typed four
/// ways; Вера has no phone and two deals on one day.
const BITRIX: &str = "\
ID;Название сделки;Стадия сделки;Сумма;Дата создания;Источник;Контакт;Контакт: Телефон
1;Маникюр;Сделка успешна;1500;10.01.2025;AI-ассистент;Анна;+7 (918) 555-01-01
2;Маникюр;Сделка успешна;3000;20.01.2025;Звонок;Борис;8-918-555-02-02
3;Маникюр;Сделка успешна;1000;01.02.2025;Сайт;Вера К.;
4;Педикюр;Сделка успешна;500;01.02.2025;Сайт;Вера К.;
5;Маникюр;Сделка успешна;2000;09.02.2025;Звонок;Анна;89185550101
6;Маникюр;Сделка успешна;700;15.02.2025;Звонок;;
7;Маникюр;Сделка провалена;0;01.03.2025;Звонок;Борис;+79185550202
8;Маникюр;Сделка успешна;1200;03.03.2025;Сайт;Вера К.;
9;Маникюр;Сделка успешна;2500;10.04.2025;Сайт;Анна;918 555 01 01
10;Маникюр;Сделка провалена;0;20.04.2025;Звонок;Галина;+7 918 555 04 04
";

#[test]
fn a_bitrix24_export_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "deals.csv", BITRIX);
    let text = stdout(&[
        "measure",
        file.to_str().unwrap(),
        "--retention",
        "--ai",
        "Источник=AI-ассистент",
        "--format",
        "json",
    ]);
    let json: Value = serde_json::from_str(&text).unwrap();
    let r = &json["retention"];
    // Follow-up ends on the last date in the file: Галина's lost deal.
    assert_eq!(r["end"], "2025-04-20");
    let cohort = |month: &str, channel: &str| {
        r["cohorts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["month"] == month && c["channel"] == channel)
            .unwrap_or_else(|| panic!("{month} {channel}"))
            .clone()
    };
    // January: Анна (back on day 30, 02-09) and Борис (his lost deal is no
    // visit: censored at 04-20, day 90). S(30) = 1 − 1/2; nobody else
    // returns by day 90, where Борис is still at risk; 180 days is past the
    // 100 days the cohort was followed (01-10 → 04-20).
    let jan = cohort("2025-01", "all");
    assert_eq!(jan["new_clients"], 2);
    for (key, want) in [
        ("returned_30", Some(0.5)),
        ("returned_60", Some(0.5)),
        ("returned_90", Some(0.5)),
        ("returned_180", None),
        ("ltv_6", None),
    ] {
        close(&jan[key], want, 0.0, key);
    }
    close(
        &cohort("2025-01", "ai")["returned_30"],
        Some(1.0),
        0.0,
        "ai",
    );
    close(
        &cohort("2025-01", "other")["returned_90"],
        Some(0.0),
        0.0,
        "other",
    );
    // February: Вера, two deals on 02-01 (one visit, not a return), back on
    // 03-03 (day 30): all of the cohort back; followed 78 days, so no 90.
    let feb = cohort("2025-02", "all");
    assert_eq!(feb["new_clients"], 1);
    close(&feb["returned_30"], Some(1.0), 0.0, "February 30");
    close(&feb["returned_60"], Some(1.0), 0.0, "February 60");
    assert_eq!(feb["returned_90"], Value::Null);
    // The phones in four forms are one Анна: January 2, February 1 new and
    // 1 returning (Анна), March Вера, April Анна.
    let months: Vec<(String, u64, u64)> = r["months"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["channel"] == "all")
        .map(|m| {
            (
                m["month"].as_str().unwrap().to_string(),
                m["new_clients"].as_u64().unwrap(),
                m["returning"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        months,
        [
            ("2025-01".into(), 2, 0),
            ("2025-02".into(), 1, 1),
            ("2025-03".into(), 0, 1),
            ("2025-04".into(), 0, 1)
        ]
    );
    let account = &r["account"];
    assert_eq!(account["without_client"], 1);
    assert_eq!(account["clients"], 4);
    // Вера has no phone: known by her name alone, and said so.
    assert_eq!(account["clients_by_name"], 1);
    assert_eq!(
        account["columns"],
        serde_json::json!(["Контакт: Телефон", "Контакт"])
    );
}

/// YCLIENTS records out of date order, phones in five forms, a no-show, a
/// record without a client and one under «Без имени».
const YCLIENTS: &str = "\
ID;Дата создания;Дата визита;Статус визита;Стоимость;Клиент;Телефон;Источник
9;01.06.2025 10:00;30.06.2025 12:00;Клиент пришел;1000;Ирина;+7 900 444 55 66;Сайт
4;03.02.2025 10:00;15.03.2025 12:00;Клиент пришел;1200;Ольга;9002223344;Сайт
2;20.01.2025 10:00;25.01.2025 12:00;Клиент пришел;2000;Анна;89001112233;AI-ассистент
1;01.01.2025 10:00;05.01.2025 12:00;Клиент пришел;1500;Анна;+7 (900) 111-22-33;AI-ассистент
3;02.01.2025 10:00;10.01.2025 12:00;Клиент пришел;1000;Ольга;8 900 222 33 44;Сайт
5;10.01.2025 10:00;12.01.2025 12:00;Клиент не пришел;;Мария;+79003334455;Сайт
6;11.01.2025 10:00;20.01.2025 12:00;Клиент пришел;1800;Мария;+7 900 333-44-55;Сайт
7;11.01.2025 10:00;21.01.2025 12:00;Клиент пришел;1800;;;Сайт
8;01.03.2025 10:00;02.03.2025 12:00;Клиент пришел;1000;Без имени;;Сайт
";

#[test]
fn a_yclients_export_by_hand_in_russian() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "records.csv", YCLIENTS);
    let path = file.to_str().unwrap();
    let json: Value = serde_json::from_str(&stdout(&[
        "measure",
        path,
        "--retention",
        "--format",
        "json",
    ]))
    .unwrap();
    let jan = &json["retention"]["cohorts"][0];
    // Анна back on day 20 (01-05 → 01-25), Ольга on day 64 (01-10 → 03-15),
    // Мария (her no-show is no visit) censored on day 161 (01-20 → 06-30):
    // S(30) = 2/3, S(64) = 2/3 · 1/2 = 1/3; followed 176 days, so no 180.
    assert_eq!(jan["month"], "2025-01");
    assert_eq!(jan["new_clients"], 3);
    let third = |x: &Value| x.as_f64().unwrap();
    assert!((third(&jan["returned_30"]) - 1.0 / 3.0).abs() < 1e-8);
    assert!((third(&jan["returned_90"]) - 2.0 / 3.0).abs() < 1e-8);
    assert_eq!(jan["returned_180"], Value::Null);
    let mut cmd = roi();
    cmd.env("LANG", "ru_RU.UTF-8")
        .args(["measure", path, "--retention"]);
    let out = cmd.output().unwrap();
    assert!(out.status.success());
    let table = String::from_utf8(out.stdout).unwrap();
    for line in [
        "Возвраты клиентов по месяцу первого визита (наблюдение до 2025-06-30)",
        "│ 2025-01 ┆       3 ┆ 33,3\u{a0}% ┆ 33,3\u{a0}% ┆ 66,7\u{a0}% ┆",
        "клиентов 4",
        "В 1 из 9\u{a0}строк выгрузки клиент не указан",
        "«Без имени» встречается в 1\u{a0}строке:",
    ] {
        assert!(table.contains(line), "{line}\n{table}");
    }
}

#[test]
fn refuses_what_names_no_client() {
    let dir = tempfile::tempdir().unwrap();
    // Bitrix24 deals without any contact column.
    let bare: String = BITRIX
        .lines()
        .map(|l| l.rsplitn(3, ';').nth(2).unwrap().to_string() + "\n")
        .collect();
    let file = write(dir.path(), "bare.csv", &bare);
    let err = refused(&["measure", file.to_str().unwrap(), "--retention"]);
    assert!(err.contains("no column that names the client"), "{err}");
    assert!(err.contains("[columns] client = \"…\""), "{err}");
    // The column is there, but empty in every row.
    let empty: String = bare
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                format!("{l};Контакт\n")
            } else {
                format!("{l};\n")
            }
        })
        .collect();
    let file = write(dir.path(), "empty.csv", &empty);
    let err = refused(&["measure", file.to_str().unwrap(), "--retention"]);
    assert!(
        err.contains("none of the 10 records names a client: «Контакт» is empty in every one"),
        "{err}"
    );
    // A sheet of monthly totals names no clients at all.
    let monthly = write(
        dir.path(),
        "months.csv",
        "Месяц;Заявки;Записи;Визиты\n2025-01;100;30;25\n",
    );
    let err = refused(&["measure", monthly.to_str().unwrap(), "--retention"]);
    assert!(
        err.contains("a monthly sheet holds totals, not clients"),
        "{err}"
    );
    // Without --retention none of this is asked for.
    stdout(&["measure", dir.path().join("bare.csv").to_str().unwrap()]);
}

#[test]
fn a_mostly_empty_client_column_and_a_mapped_one() {
    let dir = tempfile::tempdir().unwrap();
    // Only Анна's and Борис's deals keep a client: 6 of 10 name none.
    let sparse: String = BITRIX
        .lines()
        .map(|l| {
            if l.contains("Вера") || l.contains("Галина") {
                l.rsplitn(3, ';').nth(2).unwrap().to_string() + ";;\n"
            } else {
                l.to_string() + "\n"
            }
        })
        .collect();
    let file = write(dir.path(), "sparse.csv", &sparse);
    let table = stdout(&["measure", file.to_str().unwrap(), "--retention"]);
    assert!(table.contains("5 of 10 records name no client"), "{table}");
    assert!(!table.contains("More than half"), "{table}");
    let sparser = sparse.replace(";Борис;8-918-555-02-02", ";;");
    let file = write(dir.path(), "sparser.csv", &sparser);
    let table = stdout(&["measure", file.to_str().unwrap(), "--retention"]);
    assert!(table.contains("6 of 10 records name no client"), "{table}");
    assert!(
        table.contains("More than half the records name no client"),
        "{table}"
    );
    // A mapping names the client column: the name, not the phone, then
    // tells clients apart, so Анна's deals stay one client.
    let map = write(dir.path(), "map.toml", "[columns]\nclient = \"Контакт\"\n");
    let full = write(dir.path(), "deals.csv", BITRIX);
    let json: Value = serde_json::from_str(&stdout(&[
        "measure",
        full.to_str().unwrap(),
        "--map",
        map.to_str().unwrap(),
        "--retention",
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(
        json["retention"]["account"]["columns"],
        serde_json::json!(["Контакт"])
    );
    assert_eq!(json["retention"]["account"]["clients"], 4);
}

#[test]
fn a_shared_placeholder_is_refused_not_merged() {
    let json = measured();
    let account = &json["retention"]["account"];
    // The salon's own phone on 150 days of 424 (limit: 61 weeks), and
    // «Без имени», a known placeholder, on 5.
    assert_eq!(account["days_limit"], 61);
    let placeholders = account["placeholders"].as_array().unwrap();
    assert_eq!(placeholders[0]["value"], "+78632000001");
    assert_eq!(placeholders[0]["records"], 150);
    assert_eq!(placeholders[0]["known"], false);
    assert_eq!(placeholders[1]["value"], "Без имени");
    assert_eq!(placeholders[1]["known"], true);
    assert_eq!(placeholders.len(), 2);
}

/// `python3 tests/reference/retention.py` (its last line): the repeat
/// visits per new client in months 1..12 after the month of the first visit.
const REPEAT_VISITS: &str = "repeat_visits = [0.525, 0.5, 0.466, 0.456, 0.5, 0.568, 0.512, 0.429, 0.503, 0.492, 0.528, 0.39]";

#[test]
fn a_scenario_takes_its_repeat_visits_from_the_clients() {
    let dir = tempfile::tempdir().unwrap();
    let bookings = exports::clients::bookings(20);
    let deals = dir.path().join("deals.csv");
    std::fs::write(&deals, exports::clients::bitrix_csv(&bookings)).unwrap();
    let scenario = dir.path().join("salon.toml");
    let deals = deals.to_str().unwrap();
    stdout(&[
        "measure",
        deals,
        "--baseline",
        "2024-03..2025-02",
        "--scenario",
        "-o",
        scenario.to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(&scenario).unwrap();
    assert!(
        text.contains(&format!("[retention]\n{REPEAT_VISITS}\n")),
        "{text}"
    );
    assert!(
        text.contains("# Repeat visits per new client, measured from the 413 clients whose first visit fell in 2024-01 — 2025-02:"),
        "{text}"
    );
    // roi calc takes the file as written, repeat visits and all.
    let calc = stdout(&["calc", scenario.to_str().unwrap(), "--format", "json"]);
    let json: Value = serde_json::from_str(&calc).unwrap();
    assert!(json["scenario"].to_string().contains("0.525"), "{calc}");
    // Eleven months of deals are not a year: no [retention], and why.
    let short = dir.path().join("short.toml");
    stdout(&[
        "measure",
        deals,
        "--to",
        "2024-11",
        "--baseline",
        "2024-03..2024-11",
        "--scenario",
        "-o",
        short.to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(&short).unwrap();
    assert!(!text.contains("\n[retention]"), "{text}");
    assert!(
        text.contains("# No [retention] from the export's clients: the visits span 2024-01 — 2024-11, under the 12 months"),
        "{text}"
    );
}

#[test]
fn the_table_csv_and_workbook_of_the_bitrix24_example() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "deals.csv", BITRIX);
    let path = file.to_str().unwrap();
    let args = [
        "measure",
        path,
        "--retention",
        "--ai",
        "Источник=AI-ассистент",
    ];
    let table = stdout(&args);
    let at = table.find("Clients coming back").unwrap();
    insta::assert_snapshot!("retention_bitrix_en", &table[at..]);
    // CSV: a row per cohort and channel, shares as fractions, money to the kopeck.
    let csv = stdout(&[&args[..], &["--format", "csv"]].concat());
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "month,channel,new_clients,returned_30,returned_60,returned_90,returned_180,returned_365,visits_6,visits_12,ltv_6,ltv_12,end"
    );
    assert_eq!(
        lines.next().unwrap(),
        "2025-01,all,2,0.50000000,0.50000000,0.50000000,,,,,,,2025-04-20"
    );
    // The workbook: the funnel, then the cohorts' sheet, numbers a formula can use.
    let xlsx = dir.path().join("out.xlsx");
    stdout(
        &[
            &args[..],
            &["--format", "xlsx", "-o", xlsx.to_str().unwrap()],
        ]
        .concat(),
    );
    use calamine::{Data, Reader};
    let mut book = calamine::open_workbook_auto(&xlsx).unwrap();
    assert_eq!(book.sheet_names()[1], "Retention");
    let sheet = book.worksheet_range("Retention").unwrap();
    let row: Vec<Data> = sheet.rows().nth(1).unwrap().to_vec();
    assert_eq!(row[0], Data::String("2025-01".into()));
    assert_eq!(row[1], Data::String("All channels".into()));
    assert_eq!(row[2], Data::Float(2.0));
    assert_eq!(row[3], Data::Float(0.5));
}

#[test]
fn by_source_of_the_first_lead() {
    // In the fixture the source is the channel: «AI-ассистент» or «Сайт»,
    // so --by Источник must give lifelines' ai and other cohorts again.
    let path = fixture();
    let json: Value = serde_json::from_str(&stdout(&[
        "measure",
        path.to_str().unwrap(),
        "--retention",
        "--by",
        "Источник",
        "--format",
        "json",
    ]))
    .unwrap();
    let by = &json["retention"]["by"];
    assert_eq!(by["column"], "Источник");
    let cohorts = by["cohorts"].as_array().unwrap();
    assert_eq!(cohorts.len(), 28);
    for (month, channel, new, shares, ltv) in COHORTS.iter().filter(|c| c.1 != "all") {
        let source = if *channel == "ai" {
            "AI-ассистент"
        } else {
            "Сайт"
        };
        let c = cohorts
            .iter()
            .find(|c| c["month"] == *month && c["source"] == source)
            .unwrap();
        let what = format!("{month} {source}");
        assert_eq!(c["new_clients"], *new, "{what}");
        for (w, share) in [30, 60, 90, 180, 365].iter().zip(shares) {
            close(
                &c[format!("returned_{w}")],
                *share,
                1e-8,
                &format!("{what} {w} d"),
            );
        }
        close(&c["ltv_6"], ltv[0], 0.005, &what);
        close(&c["ltv_12"], ltv[1], 0.005, &what);
    }
}

#[test]
fn the_yclients_api_names_the_client_and_dates_the_visit() {
    // Booked in December, visited in January: the visit's `datetime`, not
    // the record's creation, makes the cohort. The API nests the client:
    // `client.phone` (in two forms) tells Анна's records apart from the
    // client who has only an `id`.
    let record = |id: u32, created: &str, visit: &str, client: Value| {
        serde_json::json!({
            "id": id,
            "services": [{"id": 1, "title": "Стрижка", "cost": 1500}],
            "client": client,
            "datetime": format!("{visit}T12:00:00+03:00"),
            "create_date": format!("{created}T10:00:00+0300"),
            "attendance": 1,
            "deleted": false,
        })
    };
    let page = serde_json::json!({"success": true, "data": [
        record(1, "2024-12-20", "2025-01-10", serde_json::json!({"id": 11, "name": "Анна", "phone": "+7 928 111-22-33"})),
        record(2, "2025-01-25", "2025-02-09", serde_json::json!({"id": 11, "name": "Анна", "phone": "89281112233"})),
        record(3, "2025-01-15", "2025-01-20", serde_json::json!({"id": 12, "name": "Клиент", "phone": null})),
    ]});
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "records.json", &page.to_string());
    let json: Value = serde_json::from_str(&stdout(&[
        "measure",
        file.to_str().unwrap(),
        "--retention",
        "--format",
        "json",
    ]))
    .unwrap();
    let r = &json["retention"];
    assert_eq!(
        r["account"]["columns"],
        serde_json::json!(["client.phone", "client.id"])
    );
    assert_eq!(r["account"]["clients"], 2);
    assert_eq!(r["end"], "2025-02-09");
    let cohorts = r["cohorts"].as_array().unwrap();
    assert_eq!(cohorts.len(), 1);
    assert_eq!(cohorts[0]["month"], "2025-01");
    assert_eq!(cohorts[0]["new_clients"], 2);
}
