//! The binary end to end: the article's figures, every format, stdin, init and -o.

mod common;

use common::{json, roi, stdout};
use serde_json::Value;

#[test]
fn salon_table_shows_the_article_figures() {
    let text = stdout(&["calc", "examples/salon-rostov.toml"]);
    for figure in [
        "60,000 ₽",
        "97,500 ₽",
        "+37,500 ₽",
        "First-month ROI",
        "7.1%",
        "210.3%",
        "450,000 ₽",
        "145,000 ₽",
        "0.91 months",
        "Gross margin 100.0%",
    ] {
        assert!(text.contains(figure), "{figure} missing from:\n{text}");
    }
}

#[test]
fn salon_json_matches_the_article() {
    let v = json(&["calc", "examples/salon-rostov.toml", "--format", "json"]);
    let s = &v["summary"];
    assert_eq!(s["baseline_revenue"].to_string(), "60000.00");
    assert_eq!(s["after_revenue"].to_string(), "97500.00");
    assert_eq!(s["revenue_uplift"].to_string(), "37500.00");
    // 2 500 / 35 000 and 305 000 / 145 000, to 8 places.
    assert_eq!(s["first_month_roi"].to_string(), "0.07142857");
    assert_eq!(s["roi"].to_string(), "2.10344828");
    assert_eq!(s["total_benefit"].to_string(), "450000.00");
    assert_eq!(s["total_cost"].to_string(), "145000.00");
    assert_eq!(s["net"].to_string(), "305000.00");
    assert_eq!(s["npv"].to_string(), "305000.00");
    // 25 000 / 27 500 = 0.909090…
    assert_eq!(s["payback_months"].to_string(), "0.90909091");
    assert_eq!(s["break_even_month"], 1);
    assert_eq!(v["after"]["leads"].to_string(), "260");
    assert_eq!(v["after"]["bookings"].to_string(), "65");
    assert_eq!(v["scenario"]["currency"], "RUB");
    let monthly = v["monthly"].as_array().unwrap();
    assert_eq!(monthly.len(), 12);
    assert_eq!(monthly[0]["cost"].to_string(), "35000.00");
    assert_eq!(monthly[11]["cumulative_net"].to_string(), "305000.00");
    let annual = v["annual"].as_array().unwrap();
    assert_eq!(annual.len(), 1);
    assert_eq!(annual[0]["roi"], s["roi"]);
}

#[test]
fn undefined_figures_are_null() {
    let v = roi()
        .args(["calc", "-", "--format", "json"])
        .write_stdin("[baseline]\nleads = 10\nconversion = 0.5\naverage_check = 100\n")
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&v.stdout).unwrap();
    assert!(v["summary"]["roi"].is_null());
    assert!(v["summary"]["first_month_roi"].is_null());
    assert!(v["monthly"][0]["roi"].is_null());
    // No change and no cost: nothing to recover, so payback is immediate.
    assert_eq!(v["summary"]["payback_months"].to_string(), "0.00000000");
}

#[test]
fn csv_has_a_header_and_a_row_per_month() {
    let text = stdout(&["calc", "examples/clinic-rostov.toml", "--format", "csv"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "month,share,benefit,cost,net,cumulative_benefit,cumulative_cost,cumulative_net,roi"
    );
    assert_eq!(lines.len(), 1 + 24);
    assert!(lines[1].starts_with("1,0.33333333,"), "{}", lines[1]);
}

#[test]
fn reads_stdin() {
    let scenario = std::fs::read_to_string("examples/salon-rostov.toml").unwrap();
    let out = roi()
        .args(["calc", "-", "-f", "json"])
        .write_stdin(scenario)
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["summary"]["roi"].to_string(), "2.10344828");
}

#[test]
fn stdin_errors_name_stdin() {
    let out = roi()
        .args(["calc", "-"])
        .write_stdin("[baseline]\nleads = -1\nconversion = 0.2\naverage_check = 1\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("<stdin>, line 2: baseline.leads = -1"));
}

#[test]
fn init_writes_the_salon_and_it_computes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.toml");
    roi().arg("init").arg(&path).assert().success();
    let written = std::fs::read_to_string(&path).unwrap();
    assert_eq!(written, roi::commands::init::STARTER);
    let v = json(&["calc", path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(v["summary"]["roi"].to_string(), "2.10344828");
    assert_eq!(v["scenario"]["name"], "Beauty salon, Rostov-on-Don");
}

#[test]
fn init_dash_prints_the_starter() {
    assert_eq!(stdout(&["init", "-"]), roi::commands::init::STARTER);
}

#[test]
fn output_file_gets_the_same_bytes_as_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.json");
    let printed = stdout(&["calc", "examples/fitness-rostov.toml", "-f", "json"]);
    let out = roi()
        .args(["calc", "examples/fitness-rostov.toml", "-f", "json", "-o"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), printed);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
}

#[test]
fn name_defaults_to_the_file_stem() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("my-studio.toml");
    std::fs::write(
        &path,
        "[baseline]\nleads = 1\nconversion = 1\naverage_check = 1\n",
    )
    .unwrap();
    let v = json(&["calc", path.to_str().unwrap(), "-f", "json"]);
    assert_eq!(v["scenario"]["name"], "my-studio");
}

#[test]
fn help_and_version() {
    assert!(stdout(&["--help"]).contains("calc"));
    assert!(stdout(&["--version"]).starts_with("roi "));
}

#[test]
fn output_writes_through_links_and_devices() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("target.csv");
    let link = dir.path().join("link.csv");
    std::fs::write(&target, "old").unwrap();
    std::os::unix::fs::symlink(&target, &link).unwrap();
    roi()
        .args(["calc", "examples/salon-rostov.toml", "-f", "csv", "-o"])
        .arg(&link)
        .assert()
        .success();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .starts_with("month,")
    );
    roi()
        .args(["calc", "examples/salon-rostov.toml", "-o", "/dev/null"])
        .assert()
        .success();
    use std::os::unix::fs::FileTypeExt;
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
}

#[test]
fn excel_without_csv_is_a_mistake() {
    let e = common::refused(&["calc", "examples/salon-rostov.toml", "--excel"]);
    assert!(e.contains("--excel shapes CSV"), "{e}");
}

#[test]
fn man_pages_for_every_subcommand() {
    assert!(stdout(&["man"]).contains("roi\\-calc(1)"));
    assert!(stdout(&["man", "simulate"]).contains("\\-\\-trials"));
    common::refused(&["man", "bogus"]);
}

#[test]
fn init_speaks_russian_and_computes_the_same_salon() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("салон.toml");
    let out = roi()
        .args(["init", "--lang", "ru"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    let written = std::fs::read_to_string(&path).unwrap();
    assert_eq!(written, roi::commands::init::STARTER_RU);
    assert!(written.contains("# за месяц, до внедрения ассистента"));
    let v = json(&["calc", path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(v["scenario"]["name"], "Салон красоты, Ростов-на-Дону");
    assert_eq!(v["summary"]["roi"].to_string(), "2.10344828");
    // Keys are the same as the English starter's, in the same order.
    let keys = |text: &str| -> Vec<String> {
        text.lines()
            .filter_map(|l| l.trim_start_matches("# ").split_once(" = "))
            .map(|(k, _)| k.trim().to_string())
            .collect()
    };
    assert_eq!(keys(&written), keys(roi::commands::init::STARTER));
    // The locale decides too.
    let out = roi()
        .env("LANG", "ru_RU.UTF-8")
        .args(["init", "-"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        roi::commands::init::STARTER_RU
    );
}

#[test]
fn every_commented_key_of_the_starters_works_when_uncommented() {
    // Uncommented, both starters hold every table: savings 12 h × 400 + 3 000
    // = 7 800 a month; a season from March whose twelve factors sum to 12.0;
    // no-shows 0% (so -20% of it is 0); a cap of 300 visits above the after
    // demand of 260 × 25% = 65. By hand: revenue 200 × 20% × 1 500 = 60 000 s
    // before, 260 × 25% × 1 575 = 102 375 s after; benefit Σ(42 375 s + 7 800)
    // = 42 375 × 12 + 93 600 = 602 100. Returning clients: 25 s new clients
    // a month (65 s − 40 s visits), back 0.5, 0.3, 0.2 times 1, 2, 3 months
    // later; within the horizon month j's come back 1.0 times for j ≤ 9,
    // 0.8 for j = 10, 0.5 for j = 11. With s from March (1.25, 1, 1, 0.9,
    // 0.8, 0.8, 1, 1.05, 1.1, 1.35, 0.85, 0.9): 25 × (8.9 + 0.8 × 1.35 +
    // 0.5 × 0.85) = 25 × 10.405 = 260.125 visits at 1 575 = 409 696.875,
    // so benefit 1 011 796.875. Costs 25 000 + 12 × 10 000 + telephony
    // 5 000 + 10 × 2 000 = 170 000. ROI 841 796.875 / 170 000 = 4.951746…
    let dir = tempfile::tempdir().unwrap();
    for (name, starter) in [
        ("en.toml", roi::commands::init::STARTER),
        ("ru.toml", roi::commands::init::STARTER_RU),
    ] {
        let text: String = starter
            .lines()
            .map(|l| match l.strip_prefix("# ") {
                Some(rest)
                    if rest.starts_with('[')
                        || rest.split_once(" = ").is_some_and(|(k, _)| {
                            k.trim().chars().all(|c| c.is_ascii_lowercase() || c == '_')
                        }) =>
                {
                    format!("{rest}\n")
                }
                _ => format!("{l}\n"),
            })
            .collect();
        let path = dir.path().join(name);
        std::fs::write(&path, &text).unwrap();
        let v = json(&["calc", path.to_str().unwrap(), "--format", "json"]);
        let s = &v["summary"];
        assert_eq!(s["total_benefit"].to_string(), "1011796.88", "{text}");
        assert_eq!(s["total_cost"].to_string(), "170000.00");
        assert_eq!(s["roi"].to_string(), "4.95174632");
        assert_eq!(s["turned_away"].to_string(), "0.00");
        assert_eq!(s["repeat_visits"].to_string(), "260.13");
    }
}

#[test]
fn each_command_offers_only_what_it_can_do() {
    let help = |command: &str| stdout(&[command, "--help"]);
    let calc = help("calc");
    assert!(
        calc.contains("- xlsx:  a workbook") && calc.contains("- html:  the page"),
        "{calc}"
    );
    assert!(calc.contains("- csv:   the monthly projection"), "{calc}");
    assert!(calc.contains("--color"), "{calc}");
    let compare = help("compare");
    assert!(
        compare.contains("- csv:   one row per scenario"),
        "{compare}"
    );
    assert!(
        !compare.contains("monthly projection") && !compare.contains("--color"),
        "{compare}"
    );
    let sweep = help("sweep");
    assert!(
        sweep.contains("- csv:   one row per grid point") && !sweep.contains("- html"),
        "{sweep}"
    );
    let solve = help("solve");
    assert!(
        !solve.contains("- csv") && !solve.contains("--excel"),
        "{solve}"
    );
    assert!(help("simulate").contains("statistic,value rows"));
    assert!(help("sensitivity").contains("one row per input"));
    // --color where nothing is coloured is not offered.
    let e = common::refused(&["compare", "examples/salon-rostov.toml", "--color", "always"]);
    assert!(e.contains("unexpected argument '--color'"), "{e}");
}

#[test]
fn completion_offers_the_keys_and_man_takes_what_it_names() {
    let bash = stdout(&["completions", "bash"]);
    for word in [
        "after.leads=",
        "costs.monthly=",
        "assumptions.discount_rate",
    ] {
        assert!(bash.contains(word), "{word} not offered");
    }
    let fish = stdout(&["completions", "fish"]);
    assert!(fish.contains("after.conversion="), "fish");
    // `roi man --help` names pages as roi-calc(1); both spellings work.
    assert!(stdout(&["man", "--help"]).contains("`roi-calc` is accepted too"));
    assert_eq!(stdout(&["man", "roi-calc"]), stdout(&["man", "calc"]));
    assert!(stdout(&["man", "roi-sweep"]).contains("roi\\-sweep"));
}
