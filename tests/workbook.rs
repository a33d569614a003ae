//! Excel workbooks, read back with calamine: every figure a number cell with
//! a number format, headings and sheet names in the reader's language, a
//! native chart on calc's; and, where LibreOffice is installed, opened by
//! LibreOffice with the numbers still numbers.

mod common;

use calamine::{Data, Reader, Sheets, open_workbook_auto};
use std::io::BufReader;
use std::path::{Path, PathBuf};

/// Runs `roi args -o DIR/name` (the extension picks the format) and returns the path.
fn written(dir: &Path, name: &str, args: &[&str]) -> PathBuf {
    let path = dir.join(name);
    let out = common::roi()
        .args(args)
        .arg("-o")
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    path
}

fn open(path: &Path) -> Sheets<BufReader<std::fs::File>> {
    open_workbook_auto(path).unwrap()
}

fn float(cell: Option<&Data>) -> f64 {
    match cell {
        Some(Data::Float(f)) => *f,
        other => panic!("not a number cell: {other:?}"),
    }
}

fn text(cell: Option<&Data>) -> &str {
    match cell {
        Some(Data::String(s)) => s,
        other => panic!("not a text cell: {other:?}"),
    }
}

/// The number format of the cell at (row, column), counted from 0.
fn format(book: &mut Sheets<BufReader<std::fs::File>>, sheet: &str, at: (u32, u32)) -> String {
    let styles = book.worksheet_style(sheet).unwrap();
    styles
        .get(at)
        .and_then(|s| s.number_format.clone())
        .map(|f| f.format_code)
        .unwrap_or_default()
}

#[test]
fn calc_writes_the_projection_as_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let path = written(
        dir.path(),
        "salon.xlsx",
        &["calc", "examples/salon-rostov.toml"],
    );
    let mut book = open(&path);
    assert_eq!(
        book.sheet_names(),
        [
            "Summary",
            "Monthly projection",
            "Annual projection",
            "Funnel per month",
            "Assumptions"
        ]
    );
    let monthly = book.worksheet_range("Monthly projection").unwrap();
    assert_eq!(text(monthly.get((0, 0))), "Month");
    assert_eq!(text(monthly.get((0, 7))), "Cumulative net");
    // Month 1: benefit 37 500, cost 25 000 + 10 000, ROI 2 500 / 35 000.
    assert_eq!(float(monthly.get((1, 0))), 1.0);
    assert_eq!(float(monthly.get((1, 2))), 37_500.0);
    assert_eq!(float(monthly.get((1, 3))), 35_000.0);
    assert_eq!(float(monthly.get((1, 8))), 0.07142857);
    assert_eq!(float(monthly.get((12, 7))), 305_000.0);
    assert_eq!(monthly.height(), 13);
    assert_eq!(
        format(&mut book, "Monthly projection", (1, 2)),
        "#,##0.00\\ \"₽\""
    );
    assert_eq!(format(&mut book, "Monthly projection", (1, 8)), "0.0%");

    let summary = book.worksheet_range("Summary").unwrap();
    let row = |label: &str| {
        (0..summary.height())
            .find(|&r| matches!(summary.get((r, 0)), Some(Data::String(s)) if s == label))
            .unwrap_or_else(|| panic!("no {label} row"))
    };
    assert_eq!(float(summary.get((row("Net"), 1))), 305_000.0);
    assert_eq!(
        float(summary.get((row("ROI over the horizon"), 1))),
        2.10344828
    );
    assert_eq!(float(summary.get((row("Payback, months"), 1))), 0.91);
    assert_eq!(float(summary.get((row("Break-even month"), 1))), 1.0);
    // No discount rate: NPV equals net and is left out, as in the table.
    assert!(
        (0..summary.height()).all(|r| summary.get((r, 0)) != Some(&Data::String("NPV".into())))
    );

    let funnel = book.worksheet_range("Funnel per month").unwrap();
    assert_eq!(text(funnel.get((1, 0))), "Leads");
    assert_eq!(float(funnel.get((1, 2))), 260.0);
    // Conversion 20% → 25%: the change is 5 percentage points, stored as 5.
    assert_eq!(float(funnel.get((2, 3))), 5.0);
    assert_eq!(
        format(&mut book, "Funnel per month", (2, 3)),
        "+0.0\" pp\";-0.0\" pp\";0.0\" pp\""
    );

    // A native line chart of cumulative net, on the summary sheet.
    let bytes = std::fs::read(&path).unwrap();
    let has = |name: &str| bytes.windows(name.len()).any(|w| w == name.as_bytes());
    assert!(has("xl/charts/chart1.xml"), "no chart in the workbook");
}

#[test]
fn a_russian_workbook_has_russian_sheets_and_headings() {
    let dir = tempfile::tempdir().unwrap();
    let path = written(
        dir.path(),
        "clinic.xlsx",
        &["calc", "examples/clinic-rostov.toml", "--lang", "ru"],
    );
    let mut book = open(&path);
    assert_eq!(
        book.sheet_names(),
        [
            "Итоги",
            "Прогноз по месяцам",
            "Прогноз по годам",
            "Воронка за месяц",
            "Допущения"
        ]
    );
    let cyrillic = |s: &str| {
        s.chars()
            .any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap()))
    };
    for sheet in book.sheet_names() {
        let range = book.worksheet_range(&sheet).unwrap();
        let header = if sheet == "Итоги" { 3 } else { 0 };
        for col in 0..range.width() {
            if let Some(Data::String(h)) = range.get((header, col)) {
                assert!(
                    h.is_empty() || cyrillic(h),
                    "{sheet}: heading {h:?} is not Russian"
                );
            }
        }
    }
    let summary = book.worksheet_range("Итоги").unwrap();
    assert!(text(summary.get((1, 0))).starts_with("Окупается за 1,12\u{a0}месяца"));
}

#[test]
fn the_pilots_interval_ends_are_named_as_such_in_russian() {
    // "Low"/"High" were once answered by the forecast's «Мин./Макс.», the
    // smallest and largest month: the pilot's columns are an interval's ends.
    let dir = tempfile::tempdir().unwrap();
    let path = written(
        dir.path(),
        "pilot.xlsx",
        &[
            "pilot",
            "examples/salon-deals.csv",
            "--map",
            "examples/salon-map.toml",
            "--baseline",
            "2025-06..2025-11",
            "--pilot",
            "2025-12..2026-02",
            "--lang",
            "ru",
        ],
    );
    let mut book = open(&path);
    let range = book.worksheet_range("Пилот").unwrap();
    let header = range
        .rows()
        .find(|r| r.first() == Some(&Data::String("Показатель".into())))
        .expect("a header row");
    let names: Vec<&str> = header.iter().map(|c| text(Some(c))).collect();
    assert_eq!(
        names[5..7],
        ["Нижняя граница (95\u{a0}%)", "Верхняя граница (95\u{a0}%)"]
    );
}

#[test]
fn every_command_writes_a_workbook_that_matches_its_json() {
    let dir = tempfile::tempdir().unwrap();
    let compare = [
        "compare",
        "examples/salon-rostov.toml",
        "examples/clinic-rostov.toml",
    ];
    let path = written(dir.path(), "compare.xlsx", &compare);
    let json = common::json(&[&compare[..], &["-f", "json"]].concat());
    let sheet = open(&path).worksheet_range("Comparison").unwrap();
    assert_eq!(sheet.height(), 1 + 4);
    for (i, s) in json["scenarios"].as_array().unwrap().iter().enumerate() {
        let row = i + 1;
        assert_eq!(text(sheet.get((row, 0))), s["name"].as_str().unwrap());
        // Columns: name, currency, months, then the summary from revenue before.
        assert_eq!(
            float(sheet.get((row, 4))),
            s["summary"]["after_revenue"].as_f64().unwrap()
        );
        assert_eq!(
            float(sheet.get((row, 15))),
            s["summary"]["net"].as_f64().unwrap()
        );
    }

    let sweep = [
        "sweep",
        "examples/salon-rostov.toml",
        "--vary",
        "after.leads=+0%..+50%:10%",
        "--vary",
        "costs.monthly=5000..20000:5000",
    ];
    let path = written(dir.path(), "sweep.xlsx", &sweep);
    let sheet = open(&path).worksheet_range("Sweep").unwrap();
    assert_eq!(sheet.height(), 1 + 6 * 4);
    assert_eq!(text(sheet.get((0, 0))), "after.leads");
    // +10% leads and 10 000 a month: the salon's base costs with 220 leads.
    assert_eq!(float(sheet.get((6, 0))), 0.1);
    assert_eq!(float(sheet.get((6, 1))), 10_000.0);
    let calc = common::json(&[
        "calc",
        "examples/salon-rostov.toml",
        "-f",
        "json",
        "--set",
        "after.leads=+10%",
        "--set",
        "costs.monthly=10000",
    ]);
    assert_eq!(
        float(sheet.get((6, 14))),
        calc["summary"]["net"].as_f64().unwrap()
    );

    let path = written(
        dir.path(),
        "tornado.xlsx",
        &["sensitivity", "examples/salon-ranges.toml"],
    );
    let sheet = open(&path).worksheet_range("Sensitivity").unwrap();
    let json = common::json(&["sensitivity", "examples/salon-ranges.toml", "-f", "json"]);
    let first = &json["inputs"][0];
    assert_eq!(text(sheet.get((1, 0))), first["key"].as_str().unwrap());
    assert_eq!(
        float(sheet.get((1, 1))),
        0.15,
        "after.leads +15% as the number 0.15"
    );
    assert_eq!(float(sheet.get((1, 4))), first["roi_low"].as_f64().unwrap());

    let simulate = ["simulate", "examples/salon-ranges.toml", "--trials", "2000"];
    let path = written(dir.path(), "odds.xlsx", &simulate);
    let json = common::json(&[&simulate[..], &["-f", "json"]].concat());
    let mut book = open(&path);
    assert_eq!(
        book.sheet_names(),
        ["Statistics", "Odds", "Histogram", "Ranges"]
    );
    let stats = book.worksheet_range("Statistics").unwrap();
    assert_eq!(text(stats.get((3, 0))), "ROI over the horizon");
    assert_eq!(
        float(stats.get((3, 5))),
        json["metrics"]["roi"]["p50"].as_f64().unwrap()
    );
    let histogram = book.worksheet_range("Histogram").unwrap();
    let trials: f64 = (1..histogram.height())
        .map(|r| float(histogram.get((r, 2))))
        .sum();
    assert_eq!(trials, 2000.0);
}

#[test]
fn the_extension_of_o_picks_the_format_and_format_wins() {
    let dir = tempfile::tempdir().unwrap();
    let salon = ["calc", "examples/salon-rostov.toml"];
    let read = |p: PathBuf| std::fs::read(p).unwrap();
    assert!(read(written(dir.path(), "a.json", &salon)).starts_with(b"{\n  \"version\""));
    assert!(read(written(dir.path(), "a.csv", &salon)).starts_with(b"month,share,"));
    assert!(read(written(dir.path(), "a.HTML", &salon)).starts_with(b"<!doctype html>"));
    assert!(read(written(dir.path(), "a.xlsx", &salon)).starts_with(b"PK"));
    assert!(read(written(dir.path(), "a.txt", &salon)).starts_with(b"Beauty salon"));
    // --format wins over the extension.
    let json = written(dir.path(), "b.csv", &[&salon[..], &["-f", "json"]].concat());
    assert!(read(json).starts_with(b"{"));
    // --excel with -o x.csv needs no --format.
    let excel = written(dir.path(), "c.csv", &[&salon[..], &["--excel"]].concat());
    assert!(read(excel).starts_with("\u{feff}month;share;".as_bytes()));
    // A format the command cannot write is refused, with what it can.
    let e = common::refused(&[
        "sweep",
        "examples/salon-rostov.toml",
        "--vary",
        "after.leads=+0%..+10%",
        "-o",
        "x.html",
    ]);
    assert!(e.contains("writes table, json, csv, xlsx, not html"), "{e}");
    assert!(!Path::new("x.html").exists());
}

/// LibreOffice's binary, if installed.
fn office() -> Option<PathBuf> {
    [
        "/usr/bin/soffice",
        "/usr/bin/libreoffice",
        "/usr/lib/libreoffice/program/soffice",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.exists())
}

#[test]
fn libreoffice_opens_the_workbook_with_numbers_as_numbers() {
    let Some(office) = office() else {
        // CI installs LibreOffice and sets ROI_OFFICE_TESTS, so there this cannot be skipped.
        assert!(
            std::env::var_os("ROI_OFFICE_TESTS").is_none(),
            "ROI_OFFICE_TESTS is set but no LibreOffice is installed"
        );
        eprintln!("skipped: no LibreOffice here (apt-get install libreoffice-calc-nogui)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let path = written(
        dir.path(),
        "clinic.xlsx",
        &["calc", "examples/clinic-rostov.toml", "--lang", "ru"],
    );
    // LibreOffice reads the workbook and saves it as OpenDocument, which calamine reads back.
    let status = std::process::Command::new(office)
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "ods",
            "--outdir",
        ])
        .arg(dir.path())
        .arg(&path)
        .env("HOME", dir.path())
        .output()
        .unwrap();
    let ods = dir.path().join("clinic.ods");
    assert!(
        ods.exists(),
        "LibreOffice did not convert: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    let mut book = open(&ods);
    assert_eq!(book.sheet_names()[1], "Прогноз по месяцам");
    let monthly = book.worksheet_range("Прогноз по месяцам").unwrap();
    // Month 24's cumulative net, as calc prints it: 2 470 903,55 ₽.
    assert_eq!(float(monthly.get((24, 7))), 2_470_903.55);
    for row in 1..monthly.height() {
        for col in 0..monthly.width() {
            assert!(
                matches!(monthly.get((row, col)), Some(Data::Float(_))),
                "row {row}, column {col} is not a number: {:?}",
                monthly.get((row, col))
            );
        }
    }
}
