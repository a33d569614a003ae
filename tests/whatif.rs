//! What-if scripting end to end: --set, variants and compare, sweep, solve.
//! Every check compares against an independent run of `calc`.

mod common;

use common::{json, refused, stdout};
use serde_json::Value;

const SALON: &str = "examples/salon-rostov.toml";

fn summary_of_calc(file: &str, sets: &[&str]) -> Value {
    let mut args = vec!["calc", file, "-f", "json"];
    for s in sets {
        args.extend(["--set", s]);
    }
    json(&args)["summary"].clone()
}

#[test]
fn set_equals_editing_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let edited = dir.path().join("edited.toml");
    let text = std::fs::read_to_string(SALON)
        .unwrap()
        .replace("leads = \"+30%\"", "leads = \"+15%\"")
        .replace("monthly = 10000", "monthly = 15000");
    std::fs::write(&edited, text).unwrap();
    let by_set = summary_of_calc(SALON, &["after.leads=+15%", "costs.monthly=15000"]);
    let by_file = summary_of_calc(edited.to_str().unwrap(), &[]);
    assert_eq!(by_set, by_file);
    // 230 leads × 25% × 1 500 = 86 250; 26 250 a month against 25 000 + 15 000 × 12.
    assert_eq!(by_set["after_revenue"].to_string(), "86250.00");
    assert_eq!(by_set["net"].to_string(), "110000.00");
}

#[test]
fn set_takes_every_form_of_the_grammar() {
    let pp = summary_of_calc(SALON, &["after.conversion=+5pp"]);
    let abs = summary_of_calc(SALON, &["after.conversion=25%"]);
    let fraction = summary_of_calc(SALON, &["after.conversion=0.25"]);
    assert_eq!(pp, abs);
    assert_eq!(abs, fraction);
    let relative = summary_of_calc(SALON, &["after.conversion=+5%"]);
    // 260 × 21% × 1 500 = 81 900.
    assert_eq!(relative["after_revenue"].to_string(), "81900.00");
    let named = json(&[
        "calc",
        SALON,
        "-f",
        "json",
        "--set",
        "scenario.name=My salon",
    ]);
    assert_eq!(named["scenario"]["name"], "My salon");
}

#[test]
fn set_mistakes_are_explained() {
    let e = refused(&["calc", SALON, "--set", "after.lead=+15%"]);
    assert!(e.contains("unknown key `after.lead`"), "{e}");
    assert!(e.contains("did you mean `after.leads`"), "{e}");
    let e = refused(&["calc", SALON, "--set", "after.leads=-150%"]);
    assert!(
        e.contains("--set after.leads=-150%: would make it negative"),
        "{e}"
    );
    let e = refused(&["calc", SALON, "--set", "after.leads"]);
    assert!(e.contains("expected KEY=VALUE"), "{e}");
    let e = refused(&["calc", SALON, "--set", "after.conversion=150%"]);
    assert!(
        e.contains("--set after.conversion=150%: is outside 0%–100%"),
        "{e}"
    );
    let e = refused(&["calc", SALON, "--set", "scenario.months=0"]);
    assert!(e.contains("from 1 to 120"), "{e}");
}

#[test]
fn compare_shows_each_variant_as_calc_would() {
    let v = json(&["compare", SALON, "-f", "json"]);
    let scenarios = v["scenarios"].as_array().unwrap();
    let names: Vec<&str> = scenarios
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Beauty salon, Rostov-on-Don",
            "Beauty salon, Rostov-on-Don: pessimistic",
            "Beauty salon, Rostov-on-Don: optimistic"
        ]
    );
    assert_eq!(scenarios[0]["summary"], summary_of_calc(SALON, &[]));
    assert_eq!(
        scenarios[1]["summary"],
        summary_of_calc(SALON, &["after.leads=+15%", "after.conversion=+5%"])
    );
    assert_eq!(
        scenarios[2]["summary"],
        summary_of_calc(
            SALON,
            &[
                "after.leads=+40%",
                "after.conversion=+7pp",
                "after.average_check=+12%"
            ]
        )
    );
    // The optimistic variant beats the base, and the pessimistic one trails it, on every figure.
    let roi = |i: usize| scenarios[i]["summary"]["roi"].as_f64().unwrap();
    let revenue = |i: usize| scenarios[i]["summary"]["after_revenue"].as_f64().unwrap();
    assert!(roi(1) < roi(0) && roi(0) < roi(2));
    assert!(revenue(1) < revenue(0) && revenue(0) < revenue(2));
}

#[test]
fn compare_applies_set_to_every_scenario_and_takes_several_files() {
    let v = json(&[
        "compare",
        SALON,
        "examples/clinic-rostov.toml",
        "--set",
        "costs.monthly=15000",
        "-f",
        "json",
    ]);
    let scenarios = v["scenarios"].as_array().unwrap();
    assert_eq!(scenarios.len(), 4);
    assert_eq!(
        scenarios[3]["summary"],
        summary_of_calc("examples/clinic-rostov.toml", &["costs.monthly=15000"])
    );
    assert_eq!(
        scenarios[1]["summary"],
        summary_of_calc(
            SALON,
            &[
                "after.leads=+15%",
                "after.conversion=+5%",
                "costs.monthly=15000"
            ]
        )
    );
    let csv = stdout(&["compare", SALON, "-f", "csv"]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 4);
    assert!(lines[0].starts_with("name,currency,months,baseline_revenue,"));
    assert!(lines[2].starts_with("\"Beauty salon, Rostov-on-Don: pessimistic\",RUB,12,"));
    let table = stdout(&["compare", SALON]);
    assert!(table.contains("ROI over the horizon"), "{table}");
    assert!(table.contains("pessimistic"), "{table}");
}

#[test]
fn variant_mistakes_name_the_variant_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v.toml");
    std::fs::write(
        &path,
        "[baseline]\nleads = 200\nconversion = 0.2\naverage_check = 1500\n\
         [[variant]]\nname = \"bad\"\nset = { \"after.leads\" = \"-150%\" }\n",
    )
    .unwrap();
    let e = refused(&["compare", path.to_str().unwrap()]);
    assert!(
        e.contains("variant \"bad\", line 7: after.leads = \"-150%\""),
        "{e}"
    );
    std::fs::write(
        &path,
        "[baseline]\nleads = 200\nconversion = 0.2\naverage_check = 1500\n\
         [[variant]]\nname = \"typo\"\nset = { \"after.lead\" = \"+5%\" }\n",
    )
    .unwrap();
    let e = refused(&["compare", path.to_str().unwrap()]);
    assert!(
        e.contains("line 7") && e.contains("did you mean `after.leads`"),
        "{e}"
    );
    std::fs::write(
        &path,
        "[baseline]\nleads = 200\nconversion = 0.2\naverage_check = 1500\n\
         [[variant]]\nset = { after = { leads = \"+5%\" } }\n",
    )
    .unwrap();
    let e = refused(&["calc", path.to_str().unwrap()]);
    assert!(
        e.contains("variant.name") && e.contains("needs a name"),
        "{e}"
    );
    std::fs::write(
        &path,
        "[baseline]\nleads = 200\nconversion = 0.2\naverage_check = 1500\n\
         [[variant]]\nname = \"x\"\nsett = {}\n",
    )
    .unwrap();
    let e = refused(&["calc", path.to_str().unwrap()]);
    assert!(e.contains("did you mean `set`"), "{e}");
}

#[test]
fn variants_accept_nested_tables_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v.toml");
    std::fs::write(
        &path,
        "[baseline]\nleads = 200\nconversion = 0.2\naverage_check = 1500\n[costs]\nmonthly = 1000\n\
         [[variant]]\nname = \"nested\"\nset = { after = { leads = \"+5%\" }, costs.setup = 500 }\n",
    )
    .unwrap();
    let v = json(&["compare", path.to_str().unwrap(), "-f", "json"]);
    let expected = summary_of_calc(
        path.to_str().unwrap(),
        &["after.leads=+5%", "costs.setup=500"],
    );
    assert_eq!(v["scenarios"][1]["summary"], expected);
}

/// The cells of a tidy sweep row, by column name.
fn rows(csv: &str) -> Vec<std::collections::HashMap<String, String>> {
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    lines
        .map(|l| {
            header
                .iter()
                .map(|h| h.to_string())
                .zip(l.split(',').map(str::to_string))
                .collect()
        })
        .collect()
}

fn as_cell(v: &Value) -> String {
    if v.is_null() {
        String::new()
    } else {
        v.to_string()
    }
}

#[test]
fn sweep_rows_equal_individual_calc_runs() {
    let csv = stdout(&[
        "sweep",
        "examples/fitness-rostov.toml",
        "--vary",
        "after.conversion=15%..25%:5pp",
        "--vary",
        "costs.monthly=0..30000:15000",
        "-f",
        "csv",
    ]);
    let rows = rows(&csv);
    assert_eq!(rows.len(), 3 * 3);
    for row in [&rows[0], &rows[4], &rows[8]] {
        let conversion = &row["after.conversion"];
        let monthly = &row["costs.monthly"];
        let expected = summary_of_calc(
            "examples/fitness-rostov.toml",
            &[
                &format!("after.conversion={conversion}"),
                &format!("costs.monthly={monthly}"),
            ],
        );
        for (name, value) in expected.as_object().unwrap() {
            assert_eq!(
                row[name],
                as_cell(value),
                "{name} at {conversion}, {monthly}"
            );
        }
    }
}

#[test]
fn sweep_json_matches_csv_and_streams_in_order() {
    let args = |format| {
        vec![
            "sweep",
            SALON,
            "--vary",
            "after.leads=+0%..+50%:10%",
            "--set",
            "costs.setup=30000",
            "-f",
            format,
        ]
    };
    let v = json(&args("json"));
    let points = v["points"].as_array().unwrap();
    let csv_rows = rows(&stdout(&args("csv")));
    assert_eq!(points.len(), 6);
    assert_eq!(v["keys"][0], "after.leads");
    for (point, row) in points.iter().zip(&csv_rows) {
        for (name, value) in point.as_object().unwrap() {
            let text = value
                .as_str()
                .map_or_else(|| as_cell(value), str::to_string);
            assert_eq!(row[name], text, "{name}");
        }
    }
    assert_eq!(points[3]["after.leads"], "+30%");
    let calc = summary_of_calc(SALON, &["after.leads=+30%", "costs.setup=30000"]);
    assert_eq!(points[3]["roi"], calc["roi"]);
}

#[test]
fn sweep_tables_for_people() {
    let one = stdout(&["sweep", SALON, "--vary", "after.leads=+0%..+50%:10%"]);
    assert!(one.contains("+30.0%") && one.contains("210.3%"), "{one}");
    assert!(one.contains("after.leads from +0.0% to +50.0%"), "{one}");
    let two = stdout(&[
        "sweep",
        SALON,
        "--vary",
        "after.conversion=20%..30%:5pp",
        "--vary",
        "costs.monthly=5000..15000:5000",
        "--metric",
        "payback",
    ]);
    assert!(
        two.contains("payback in months by after.conversion"),
        "{two}"
    );
    // 25% conversion, 10 000 a month: the article's 0.91 months.
    assert!(two.contains("0.91"), "{two}");
}

#[test]
fn sweep_mistakes_are_refused_before_any_output() {
    for (vary, says) in [
        ("after.leads=+0%..+0%", "range is empty"),
        ("after.leads=+0%..+50%:0%", "step is zero"),
        ("after.leads=+0%..+50%:-5%", "goes away from TO"),
        ("after.lead=+0%..+50%", "did you mean `after.leads`"),
        ("after.conversion=20%..130%:10pp", "outside 0%–100%"),
        ("after.leads=+0%..-150%:-50%", "negative"),
        ("scenario.months=0..12:1", "from 1 to 120"),
    ] {
        let e = refused(&["sweep", SALON, "--vary", vary, "-f", "csv"]);
        assert!(e.contains(says), "{vary}: {e}");
    }
    let e = refused(&[
        "sweep",
        SALON,
        "--vary",
        "costs.monthly=0..9999999:1",
        "--vary",
        "costs.setup=0..9:1",
        "-f",
        "csv",
    ]);
    assert!(e.contains("the limit is 10000000"), "{e}");
    let e = refused(&["sweep", SALON, "--vary", "costs.monthly=0..9999:1"]);
    assert!(e.contains("too many for a table"), "{e}");
}

#[test]
fn a_sweep_that_overflows_mid_grid_prints_nothing() {
    // Setup 0 and a monthly cost falling to 0: ROI is 450 000 / (12 × cost)
    // − 1, past 10²⁰ (the most a ratio shown to 8 places may be) once the
    // cost is below 3.75e-16, though both corners compute. The sweep used to
    // stream every row above that point first.
    // 10 001 points stream in three blocks; a table holds at most 2 000, so
    // it gets the same fall over 1 001.
    for (format, from) in [("csv", "1e-13"), ("json", "1e-13"), ("table", "1e-14")] {
        let vary = format!("costs.monthly={from}..0:-1e-17");
        let e = refused(&[
            "sweep",
            SALON,
            "--set",
            "costs.setup=0",
            "--vary",
            &vary,
            "-f",
            format,
        ]);
        assert!(
            e.contains("at --vary costs.monthly=0.00000000000000037:"),
            "{format}: {e}"
        );
        assert!(e.contains("ROI would have to be rounded"), "{format}: {e}");
    }
    // Written to a file, the file is not created either.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("grid.csv");
    refused(&[
        "sweep",
        SALON,
        "--set",
        "costs.setup=0",
        "--vary",
        "costs.monthly=1e-13..0:-1e-17",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(!out.exists());
}

/// Solves, then feeds the answer back through --set and returns the metric there.
fn solve_and_check(file: &str, key: &str, target: &str, extra: &[&str]) -> Value {
    let mut args = vec![
        "solve", file, "--for", key, "--target", target, "-f", "json",
    ];
    args.extend(extra);
    let answer = json(&args);
    assert_eq!(answer["outcome"], "found", "{answer}");
    let value = answer["value"].to_string();
    let mut sets = vec![format!("{key}={value}")];
    if let Some(i) = extra.iter().position(|a| *a == "--at-month") {
        sets.push(format!("scenario.months={}", extra[i + 1]));
    }
    let sets: Vec<&str> = sets.iter().map(String::as_str).collect();
    let summary = summary_of_calc(file, &sets);
    let (metric, wanted) = target.split_once('=').unwrap();
    let field = match metric {
        "payback" => "payback_months",
        "benefit" => "monthly_benefit",
        other => other,
    };
    let got: f64 = summary[field].to_string().parse().unwrap();
    let wanted: f64 = wanted.parse().unwrap();
    let tolerance = if matches!(metric, "roi" | "payback") {
        1e-6
    } else {
        0.01
    };
    assert!(
        (got - wanted).abs() <= tolerance,
        "{key} for {target}: {got} at {value}"
    );
    assert_eq!(answer["achieved"].to_string(), summary[field].to_string());
    answer
}

#[test]
fn solve_answers_meet_their_targets_when_fed_back() {
    // Break-even leads: ROI 0 ⇔ benefit = 145 000 / 12 a month ⇔ leads × 25% × 1 500 = 60 000 + 12 083.33 ⇔ leads = 192.2(2).
    let a = solve_and_check(SALON, "after.leads", "roi=0", &[]);
    // Rounded up, the side where the target is met.
    assert_eq!(a["value"].to_string(), "192.222222222223");
    assert_eq!(a["method"], "exact");
    assert_eq!(a["direction"], "at_least");
    solve_and_check(SALON, "after.conversion", "payback=3", &[]);
    let a = solve_and_check(SALON, "costs.monthly", "roi=1", &[]);
    // 450 000 = 2 × (25 000 + 12m) ⇔ m = 16 666.67
    assert_eq!(a["direction"], "at_most");
    solve_and_check(
        "examples/fitness-rostov.toml",
        "assumptions.discount_rate",
        "npv=300000",
        &[],
    );
    solve_and_check(
        "examples/clinic-rostov.toml",
        "after.average_check",
        "roi=2",
        &["--at-month", "1"],
    );
    solve_and_check(
        "examples/clinic-rostov.toml",
        "savings.staff_hours",
        "net=2500000",
        &[],
    );
    solve_and_check(
        "examples/fitness-rostov.toml",
        "baseline.no_show_rate",
        "benefit=35000",
        &[],
    );
}

#[test]
fn solve_says_when_no_value_meets_the_target() {
    let v = json(&[
        "solve",
        SALON,
        "--for",
        "after.conversion",
        "--target",
        "roi=100",
        "-f",
        "json",
    ]);
    assert_eq!(v["outcome"], "never");
    assert!(v["value"].is_null());
    let text = stdout(&[
        "solve",
        SALON,
        "--for",
        "assumptions.discount_rate",
        "--target",
        "npv=0",
    ]);
    assert!(text.contains("Every value meets the target"), "{text}");
    let text = stdout(&[
        "solve",
        SALON,
        "--for",
        "scenario.months",
        "--target",
        "roi=1.5",
    ]);
    assert!(text.contains("scenario.months = 5 months"), "{text}");
}

#[test]
fn solve_mistakes_are_explained() {
    let e = refused(&["solve", SALON, "--for", "after.lead", "--target", "roi=0"]);
    assert!(e.contains("did you mean `after.leads`"), "{e}");
    let e = refused(&[
        "solve",
        SALON,
        "--for",
        "after.leads",
        "--target",
        "profit=0",
    ]);
    assert!(e.contains("unknown metric"), "{e}");
    let e = refused(&[
        "solve",
        SALON,
        "--for",
        "after.leads",
        "--target",
        "roi=lots",
    ]);
    assert!(e.contains("cannot read the target value"), "{e}");
    let e = refused(&[
        "solve",
        SALON,
        "--for",
        "scenario.months",
        "--target",
        "roi=0",
        "--at-month",
        "3",
    ]);
    assert!(e.contains("--at-month"), "{e}");
}

/// The metric `name` of `file` with `sets` applied, computed exactly by the
/// library (not read back from rounded JSON), and whether it meets `target`.
fn meets_exactly(file: &str, sets: &[String], name: &str, target: &str) -> bool {
    use rust_decimal::Decimal;
    let loaded = roi::forecast::scenario::Loaded::read(std::path::Path::new(file), sets).unwrap();
    let summary = roi::forecast::engine::summarize(&loaded.scenario().unwrap().inputs).unwrap();
    let metric = roi::forecast::metric::Metric::from_name(name).unwrap();
    let wanted: Decimal = target.parse().unwrap();
    match metric.of(&summary) {
        None => false,
        Some(v) if metric.higher_is_better() => v >= wanted,
        Some(v) => v <= wanted,
    }
}

#[test]
fn the_exact_value_pasted_into_set_meets_the_target_for_every_metric_and_direction() {
    let cases = [
        (SALON, "after.leads", "roi", "0"),
        (SALON, "costs.monthly", "roi", "1"),
        (SALON, "after.conversion", "payback", "3"),
        (SALON, "costs.monthly", "payback", "2"),
        (
            "examples/clinic-rostov.toml",
            "savings.staff_hours",
            "net",
            "2500000",
        ),
        (SALON, "costs.setup", "net", "200000"),
        (
            "examples/clinic-rostov.toml",
            "after.leads",
            "npv",
            "2100000",
        ),
        (
            "examples/fitness-rostov.toml",
            "assumptions.discount_rate",
            "npv",
            "300000",
        ),
        (SALON, "after.average_check", "benefit", "40000"),
        (SALON, "costs.monthly", "benefit", "40000"),
        (
            "examples/clinic-rostov.toml",
            "baseline.no_show_rate",
            "benefit",
            "120000",
        ),
    ];
    let mut seen = std::collections::BTreeSet::new();
    for (file, key, metric, target) in cases {
        let goal = format!("{metric}={target}");
        let answer = json(&["solve", file, "--for", key, "--target", &goal, "-f", "json"]);
        if answer["outcome"] != "found" {
            // A case whose metric does not depend on the key (benefit on costs) has none.
            continue;
        }
        seen.insert((metric, answer["direction"].as_str().unwrap().to_string()));
        // What a person pastes: the text answer's exact value.
        let text = stdout(&["solve", file, "--for", key, "--target", &goal]);
        let pasted = text
            .lines()
            .find_map(|l| l.strip_prefix(&format!("Exact value, for --set {key}=…: ")))
            .unwrap_or_else(|| panic!("no exact value in:\n{text}"))
            .to_string();
        assert_eq!(pasted, answer["value"].to_string(), "{key} {goal}");
        assert!(
            meets_exactly(file, &[format!("{key}={pasted}")], metric, target),
            "{file}: {key}={pasted} misses {goal}"
        );
    }
    for metric in ["roi", "payback", "net", "npv", "benefit"] {
        for direction in ["at_least", "at_most"] {
            assert!(
                seen.contains(&(metric, direction.to_string())),
                "no case of {metric} {direction}: {seen:?}"
            );
        }
    }
}

#[test]
fn input_reads_what_output_prints_in_both_languages() {
    let base = summary_of_calc(
        SALON,
        &["after.conversion=+5pp", "after.average_check=1500.50"],
    );
    for (conversion, check) in [
        ("+5 п.п.", "1 500,50"),
        ("+5 пп", "1\u{a0}500,50\u{a0}₽"),
        ("+5,0\u{a0}п.\u{a0}п.", "1,500.50 ₽"),
        ("+5.0 pp", "\"1500,5\""),
    ] {
        let sets = [
            format!("after.conversion={conversion}"),
            format!("after.average_check={check}"),
        ];
        let sets: Vec<&str> = sets.iter().map(String::as_str).collect();
        assert_eq!(summary_of_calc(SALON, &sets), base, "{sets:?}");
    }
    // The same in a file, quoted as TOML wants text: "25 %", "+5,5%", "−10 %".
    let file = "[baseline]\nleads = \"1 200\"\nconversion = \"25 %\"\naverage_check = \"1 500,50\"\n\
                no_show_rate = \"10,0\u{a0}%\"\n[after]\nleads = \"+5,5%\"\nno_show_rate = \"−10 %\"\n\
                [costs]\nmonthly = 1000\n";
    let out = common::roi()
        .args(["calc", "-", "-f", "json"])
        .write_stdin(file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["baseline"]["leads"].to_string(), "1200");
    assert_eq!(v["baseline"]["average_check"].to_string(), "1500.5");
    assert_eq!(v["after"]["leads"].to_string(), "1266");
    assert_eq!(v["after"]["no_show_rate"].to_string(), "0.09");
    // "1,500" is one thousand five hundred in English and one and a half in Russian.
    let e = refused(&["calc", SALON, "--set", "after.average_check=1,500"]);
    assert!(e.contains("thousands separator or a decimal comma"), "{e}");
}

#[test]
fn likely_slips_are_warned_about_without_changing_the_result() {
    let out = common::roi()
        .args(["calc", SALON, "-f", "json", "--set", "after.leads=15"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr,
        "Warning: examples/salon-rostov.toml, --set after.leads=15: is 92.5% below the baseline 200; did you mean \"+15%\"?\n"
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["after"]["leads"].to_string(), "15");
    // Five times the check: an extra zero?
    let out = common::roi()
        .args([
            "calc",
            SALON,
            "--set",
            "after.average_check=15000",
            "--lang",
            "ru",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.starts_with("Предупреждение: "), "{stderr}");
    assert!(
        stderr.contains("в 10,0 раза больше базы 1\u{a0}500\u{a0}₽"),
        "{stderr}"
    );
    // The examples are as meant: no warnings.
    for example in [
        "salon-rostov",
        "clinic-rostov",
        "fitness-rostov",
        "salon-ranges",
    ] {
        let out = common::roi()
            .args(["compare", &format!("examples/{example}.toml")])
            .output()
            .unwrap();
        assert!(
            out.stderr.is_empty(),
            "{example}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn compare_signs_net_and_shows_npv_and_the_dash_note_only_when_they_say_something() {
    let text = stdout(&["compare", SALON]);
    assert!(text.contains("+305,000 ₽"), "net keeps its sign: {text}");
    assert!(
        !text.contains("NPV"),
        "no discount rate, so NPV is net: {text}"
    );
    assert!(!text.contains("A dash marks"), "no dash shown: {text}");
    let text = stdout(&["compare", SALON, "examples/clinic-rostov.toml"]);
    assert!(text.contains("NPV"), "{text}");
    let text = stdout(&[
        "compare",
        SALON,
        "--set",
        "costs.setup=0",
        "--set",
        "costs.monthly=0",
    ]);
    assert!(
        text.contains('—') && text.contains("A dash marks"),
        "{text}"
    );
}
