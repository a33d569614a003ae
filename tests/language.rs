//! Russian and English output, Excel-ready CSV and formula neutralising, end to end.

mod common;

use common::{roi, stdout};

macro_rules! snapshots {
    ($($name:ident: $args:expr;)*) => {
        $(
            #[test]
            fn $name() {
                insta::assert_snapshot!(stdout(&$args));
            }
        )*
    };
}

snapshots! {
    salon_ru: ["calc", "examples/salon-rostov.toml", "--lang", "ru"];
    clinic_ru: ["calc", "examples/clinic-rostov.toml", "--lang", "ru"];
    fitness_ru: ["calc", "examples/fitness-rostov.toml", "--lang", "ru"];
    compare_ru: ["compare", "examples/salon-rostov.toml", "--lang", "ru"];
    sweep_ru: ["sweep", "examples/salon-rostov.toml", "--vary", "after.leads=+0%..+50%:10%", "--lang", "ru"];
    solve_ru: ["solve", "examples/salon-rostov.toml", "--for", "after.leads", "--target", "roi=0", "--lang", "ru"];
    sensitivity_ru: ["sensitivity", "examples/salon-ranges.toml", "--lang", "ru"];
    simulate_ru: ["simulate", "examples/salon-ranges.toml", "--trials", "2000", "--lang", "ru"];
    sensitivity_en: ["sensitivity", "examples/salon-ranges.toml"];
    simulate_en: ["simulate", "examples/salon-ranges.toml", "--trials", "2000"];
    intervals_en: ["calc", "examples/salon-intervals.toml"];
    intervals_ru: ["calc", "examples/salon-intervals.toml", "--lang", "ru"];
    simulate_intervals_en: ["simulate", "examples/salon-intervals.toml", "--trials", "2000"];
    simulate_intervals_ru: ["simulate", "examples/salon-intervals.toml", "--trials", "2000", "--lang", "ru"];
}

#[test]
fn the_language_comes_from_the_locale() {
    let with = |var: &str, value: &str| {
        let out = roi()
            .env(var, value)
            .args(["calc", "examples/salon-rostov.toml"])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(with("LANG", "ru_RU.UTF-8").contains("Окупается за 0,91\u{a0}месяца"));
    assert!(with("LC_ALL", "ru_RU.UTF-8").contains("Воронка за месяц"));
    assert!(with("LANG", "en_GB.UTF-8").contains("Pays back in 0.91 months"));
    // --lang wins over the locale.
    let out = roi()
        .env("LANG", "ru_RU.UTF-8")
        .args(["calc", "examples/salon-rostov.toml", "--lang", "en"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("Funnel per month")
    );
}

#[test]
fn russian_money_uses_no_break_spaces_and_decimal_commas() {
    let text = stdout(&["calc", "examples/clinic-rostov.toml", "--lang", "ru"]);
    assert!(text.contains("596\u{a0}931,38\u{a0}₽"), "{text}");
    assert!(text.contains("30,0\u{a0}%"), "{text}");
    // Machines' output stays English whatever the language.
    let json = stdout(&[
        "calc",
        "examples/clinic-rostov.toml",
        "--lang",
        "ru",
        "-f",
        "json",
    ]);
    assert!(json.contains("\"after_revenue\": 596931.38"), "{json}");
}

/// Reads CSV the way a Russian Excel does: `;` between fields, decimal commas.
fn read_russian_excel(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(bytes).unwrap();
    let text = text
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark first");
    assert!(text.contains("\r\n"), "CRLF line ends");
    csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(from_russian_number).collect())
        .collect()
}

/// A figure's decimal comma back to a point; text stays as it is.
fn from_russian_number(cell: &str) -> String {
    let figure = !cell.is_empty()
        && cell
            .chars()
            .all(|c| c.is_ascii_digit() || "+-,%p".contains(c));
    if figure {
        cell.replace(',', ".")
    } else {
        cell.to_string()
    }
}

fn read_plain(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn excel_csv_round_trips_the_russian_way() {
    for args in [
        vec!["calc", "examples/clinic-rostov.toml", "-f", "csv"],
        vec![
            "compare",
            "examples/salon-rostov.toml",
            "examples/fitness-rostov.toml",
            "-f",
            "csv",
        ],
        vec![
            "sweep",
            "examples/salon-rostov.toml",
            "--vary",
            "after.conversion=20%..30%:2.5pp",
            "-f",
            "csv",
        ],
        vec!["sensitivity", "examples/salon-ranges.toml", "-f", "csv"],
        vec![
            "simulate",
            "examples/salon-ranges.toml",
            "--trials",
            "1000",
            "-f",
            "csv",
        ],
    ] {
        let plain = read_plain(&stdout(&args));
        let mut excel_args = args.clone();
        excel_args.extend(["--excel", "--lang", "ru"]);
        let out = roi().args(&excel_args).output().unwrap();
        let excel = read_russian_excel(&out.stdout);
        assert_eq!(excel, plain, "{args:?}");
        assert!(plain.len() > 1);
    }
    // The Excel dialect is the European one whatever the language: the same bytes in English.
    for args in [
        vec![
            "calc",
            "examples/clinic-rostov.toml",
            "-f",
            "csv",
            "--excel",
        ],
        vec![
            "sensitivity",
            "examples/salon-ranges.toml",
            "-f",
            "csv",
            "--excel",
        ],
    ] {
        let en = roi()
            .args(&args)
            .args(["--lang", "en"])
            .output()
            .unwrap()
            .stdout;
        let ru = roi()
            .args(&args)
            .args(["--lang", "ru"])
            .output()
            .unwrap()
            .stdout;
        assert_eq!(en, ru, "{args:?}");
    }
    // The numbers carry commas, not points.
    let out = roi()
        .args([
            "calc",
            "examples/clinic-rostov.toml",
            "-f",
            "csv",
            "--excel",
            "--lang",
            "ru",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("\r\n1;0,33333333;43897,15;52000,00;"),
        "{text}"
    );
}

#[test]
fn formula_cells_are_neutralised_in_every_csv() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("evil.toml");
    std::fs::write(
        &path,
        "[scenario]\nname = \"=HYPERLINK(\\\"http://x\\\",\\\"click\\\")\"\n\
         [baseline]\nleads = 200\nconversion = 0.2\naverage_check = 1500\n[costs]\nmonthly = 1000\n\
         [[variant]]\nname = \"+cmd|' /C calc'!A0\"\nset = { \"after.leads\" = \"-5%\" }\n",
    )
    .unwrap();
    let p = path.to_str().unwrap();
    for extra in [&[][..], &["--excel"][..]] {
        let mut args = vec!["compare", p, "-f", "csv"];
        args.extend(extra);
        let text = stdout(&args);
        let rows = if extra.is_empty() {
            read_plain(&text)
        } else {
            read_russian_excel(text.as_bytes())
        };
        assert_eq!(rows[1][0], "'=HYPERLINK(\"http://x\",\"click\")");
        assert_eq!(
            rows[2][0],
            "'=HYPERLINK(\"http://x\",\"click\"): +cmd|' /C calc'!A0"
        );
        for row in &rows[1..] {
            assert!(!row[0].starts_with(['=', '+', '-', '@']), "{row:?}");
        }
    }
    // A signed figure is data, not a formula, and stays as it is.
    let csv = stdout(&[
        "sweep",
        p,
        "--vary",
        "after.leads=-10%..+10%:10%",
        "-f",
        "csv",
    ]);
    assert!(csv.contains("\n-10%,") && csv.contains("\n+10%,"), "{csv}");
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let run = |args: &[&str], no_color: bool| {
        let mut cmd = roi();
        if no_color {
            cmd.env("NO_COLOR", "1");
        }
        let out = cmd.args(args).output().unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let calc = ["calc", "examples/clinic-rostov.toml"];
    let always = run(&[&calc[..], &["--color", "always"]].concat(), false);
    // Month 1 loses money (red), month 2 gains (green).
    assert!(
        always.contains("\u{1b}[38;5;9m") || always.contains("\u{1b}[31m"),
        "{always:?}"
    );
    assert!(
        always.contains("\u{1b}[38;5;10m") || always.contains("\u{1b}[32m"),
        "{always:?}"
    );
    // Piped output is plain, and so is output under NO_COLOR or --color never.
    assert!(!run(&calc, false).contains('\u{1b}'));
    assert!(!run(&calc, true).contains('\u{1b}'));
    assert!(!run(&[&calc[..], &["--color", "never"]].concat(), false).contains('\u{1b}'));
}

#[test]
fn errors_speak_russian_too() {
    let out = roi()
        .args(["calc", "-", "--lang", "ru"])
        .write_stdin("[baseline]\nleads = -5\nconversion = 20\naverage_check = 1500\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let e = String::from_utf8(out.stderr).unwrap();
    assert!(e.starts_with("Ошибка: <stdin>: ошибок — 2:"), "{e}");
    assert!(
        e.contains("строка 2: baseline.leads = -5: не может быть отрицательным"),
        "{e}"
    );
    assert!(e.contains("может быть, имелось в виду \"20%\""), "{e}");
    let out = roi()
        .args(["calc", "nowhere.toml"])
        .env("LANG", "ru_RU.UTF-8")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "Ошибка: nowhere.toml: файл не найден\n"
    );
}
