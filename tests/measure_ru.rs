//! `roi measure` in Russian, its refusals and notes as an owner reads them:
//! the review's corrections (ru-measure-pilot.md, sections 4–6) held end to end.

mod common;

use common::{refused, roi};
use std::path::{Path, PathBuf};

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// A Bitrix24 deals export: the header and `rows` (ID, stage, amount, date).
fn deals(dir: &Path, rows: &[(&str, &str, &str, &str)]) -> PathBuf {
    let mut text = String::from("ID;Стадия сделки;Сумма;Дата создания;Источник\n");
    for (id, stage, amount, date) in rows {
        text.push_str(&format!("{id};{stage};{amount};{date};Instagram\n"));
    }
    write(dir, "deals.csv", &text)
}

/// Runs `roi args --lang ru`, which must succeed; returns (stdout, stderr).
fn ok_ru(args: &[&str]) -> (String, String) {
    let out = roi().args(args).args(["--lang", "ru"]).output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{args:?}: {err}");
    (String::from_utf8(out.stdout).unwrap(), err)
}

fn refused_ru(args: &[&str]) -> String {
    refused(&[args, &["--lang", "ru"]].concat())
}

#[test]
fn unknown_statuses_say_what_each_outcome_means() {
    let dir = tempfile::tempdir().unwrap();
    let file = deals(
        dir.path(),
        &[
            ("1", "Сделка успешна", "1500", "01.06.2025"),
            ("2", "Записан", "", "02.06.2025"),
        ],
    );
    let e = refused_ru(&["measure", file.to_str().unwrap()]);
    assert!(
        e.starts_with(
            "Ошибка: неизвестно, что означают статусы ниже, поэтому их строки не учтены:\n  «Записан»: 1\u{a0}строка\n"
        ),
        "{e}"
    );
    assert!(
        e.contains(
            "Возможные результаты: lost (отказ), open (в работе), booked (записан, визит ещё впереди), visited (пришёл), no_show (не пришёл). Заготовка:"
        ),
        "{e}"
    );
    assert!(!e.contains("исход"), "{e}");
    // The mapping's own refusal of a Russian word glosses the same values.
    let map = write(
        dir.path(),
        "map.toml",
        "[status]\n\"Записан\" = \"записан\"\n",
    );
    let e = refused_ru(&[
        "measure",
        file.to_str().unwrap(),
        "--map",
        map.to_str().unwrap(),
    ]);
    assert!(
        e.contains("укажите одно из значений: lost (отказ), open (в работе)"),
        "{e}"
    );
}

#[test]
fn a_missing_column_is_named_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "nodate.csv",
        "ID;Стадия сделки;Дата создани\n1;Сделка успешна;01.06.2025\n",
    );
    let e = refused_ru(&["measure", file.to_str().unwrap(), "--source", "bitrix24"]);
    assert!(
        e.contains(
            "nodate.csv: не найден столбец даты создания (в выгрузке Битрикс24 он обычно называется «Дата создания» или «DATE_CREATE»); заголовки в строке 1: «ID», «Стадия сделки», «Дата создани»; больше всего похож столбец «Дата создани». Укажите его в файле сопоставления: [columns] created = \"…\""
        ),
        "{e}"
    );
    // A column the mapping names and the file lacks is the mapping's, not Bitrix24's.
    let map = write(
        dir.path(),
        "map.toml",
        "source = \"bitrix24\"\n[columns]\ncreated = \"Дата\"\n",
    );
    let e = refused_ru(&[
        "measure",
        file.to_str().unwrap(),
        "--map",
        map.to_str().unwrap(),
    ]);
    assert!(
        e.contains(
            "в файле сопоставления [columns] created = «Дата», но такого столбца в файле нет"
        ),
        "{e}"
    );
    assert!(!e.contains("обычно называется"), "{e}");
}

#[test]
fn a_broken_mapping_file_is_explained_in_russian_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = deals(dir.path(), &[("1", "Сделка успешна", "1500", "01.06.2025")]);
    for (text, want) in [
        (
            "[columns\n",
            "map.toml, строка 1: не закрыто имя таблицы: не хватает ]",
        ),
        (
            "source = \"bitrix24\"\n[extra]\na = 1\n",
            "map.toml, строка 2: неизвестный ключ extra; допустимы: source, columns, status, ai, dates",
        ),
        (
            "[columns]\ncreated = 5\n",
            "map.toml, строка 2: неверный тип значения: целое число 5; нужно: текст в кавычках",
        ),
    ] {
        let map = write(dir.path(), "map.toml", text);
        let e = refused_ru(&[
            "measure",
            file.to_str().unwrap(),
            "--map",
            map.to_str().unwrap(),
        ]);
        assert!(e.contains(want), "{e}");
        assert!(!e.contains("expected"), "{e}");
    }
}

#[test]
fn notes_agree_with_their_numbers_and_stand_on_their_own_lines() {
    let dir = tempfile::tempdir().unwrap();
    let file = deals(
        dir.path(),
        &[
            ("1", "Сделка успешна", "1500", "01.06.2025"),
            ("1", "Сделка успешна", "1500", "01.06.2025"),
            ("2", "Сделка провалена", "", ""),
            ("3", "Сделка успешна", "2000", "03.06.2025"),
            ("3", "Сделка провалена", "", "03.06.2025"),
        ],
    );
    let (_, err) = ok_ru(&["measure", file.to_str().unwrap()]);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines,
        [
            "Примечание: пропущено строк — 1 из 5. Причины:",
            "  Дата создания — пустая ячейка: 1\u{a0}строка (deals.csv, строка 4)",
            "Примечание: повторы ID — 2\u{a0}строки; каждый ID учтён один раз",
            "Примечание: у 1 ID повторные строки расходятся по статусу или сумме (например, ID 3: учтена строка 5 файла deals.csv, а строка 6 файла deals.csv — нет)",
        ]
        .map(|l| l.replace("deals.csv", &file.display().to_string())),
        "{err}"
    );
}

#[test]
fn flags_and_periods_echo_what_was_typed() {
    let dir = tempfile::tempdir().unwrap();
    let file = deals(dir.path(), &[("1", "Сделка успешна", "1500", "01.06.2025")]);
    let f = file.to_str().unwrap();
    let e = refused_ru(&["measure", f, "--ai", "Источник"]);
    assert!(
        e.starts_with("Ошибка: --ai «Источник»: правило записывается как СТОЛБЕЦ=ЗНАЧЕНИЕ"),
        "{e}"
    );
    let e = refused_ru(&["measure", f, "--baseline", "2025-06.."]);
    assert_eq!(
        e,
        "Ошибка: --baseline 2025-06..: не указан месяц в начале или в конце периода\n"
    );
    let e = refused_ru(&["measure", f, "--baseline", "2025-13..2025-14"]);
    assert!(
        e.contains("«2025-13» — не месяц; месяц указывается в виде ГГГГ-ММ"),
        "{e}"
    );
    let e = refused_ru(&["measure", f, "--baseline", "2024-01..2025-06"]);
    assert!(e.contains("нет данных за 2024-01"), "{e}");
    assert!(
        e.contains("в файлах есть месяцы 2025-06 — выберите период в этих пределах"),
        "{e}"
    );
    let empty = write(
        dir.path(),
        "empty.csv",
        "ID;Стадия сделки;Сумма;Дата создания\n",
    );
    let e = refused_ru(&["measure", empty.to_str().unwrap(), "--source", "bitrix24"]);
    assert_eq!(
        e,
        "Ошибка: в файле нет данных — под строкой заголовков пусто\n"
    );
}

#[test]
fn a_measured_scenario_without_costs_does_not_claim_to_pay_back() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("salon.toml");
    let (_, _) = ok_ru(&[
        "measure",
        "examples/salon-deals.csv",
        "--map",
        "examples/salon-map.toml",
        "--baseline",
        "2025-06..2025-11",
        "--scenario",
        "-o",
        plan.to_str().unwrap(),
    ]);
    let (out, _) = ok_ru(&["calc", plan.to_str().unwrap()]);
    assert!(
        out.contains("Затраты ещё не заданы (заполните [costs]), поэтому срок окупаемости и ROI не рассчитываются"),
        "{out}"
    );
    assert!(!out.contains("Окупается"), "{out}");
    assert!(!out.contains("0\u{a0}месяцев"), "{out}");
    let payback = out.lines().find(|l| l.contains("Окупаемость")).unwrap();
    assert!(
        payback.trim_end_matches('│').trim_end().ends_with('—'),
        "{payback}"
    );
}
