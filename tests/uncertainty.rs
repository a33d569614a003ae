//! Ranges, simulation and sensitivity: statistics against closed forms,
//! reproducibility by seed, and every bad range refused.

mod common;

use common::refused_with;
use roi::forecast::scenario::{Draft, Source};
use roi::forecast::simulate::{self, Model};
use serde_json::Value;

/// The article's salon with one range on `after.leads`.
fn salon_with(leads: &str) -> String {
    format!(
        "[baseline]\nleads = 200\nconversion = \"20%\"\naverage_check = 1500\n\
         [after]\nleads = {leads}\nconversion = \"25%\"\n\
         [costs]\nsetup = 25000\nmonthly = 10000\n"
    )
}

fn run_stdin(args: &[&str], stdin: &str) -> std::process::Output {
    common::roi()
        .args(args)
        .write_stdin(stdin.to_string())
        .output()
        .unwrap()
}

fn json_stdin(args: &[&str], stdin: &str) -> Value {
    let out = run_stdin(args, stdin);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn f(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"))
}

/// ROI over 12 months of the salon with `leads` after rollout (by hand):
/// benefit 12 × (leads × 0.25 × 1 500 − 60 000), cost 145 000.
fn salon_roi(leads: f64) -> f64 {
    (12.0 * (leads * 375.0 - 60_000.0) - 145_000.0) / 145_000.0
}

#[test]
fn calc_uses_the_midpoint_and_says_so() {
    let v = json_stdin(&["calc", "-", "-f", "json"], &salon_with("\"+20%..+40%\""));
    assert_eq!(v["after"]["leads"].to_string(), "260");
    assert_eq!(v["summary"]["roi"].to_string(), "2.10344828");
    let out = run_stdin(&["calc", "-"], &salon_with("\"+20%..+40%\""));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(
            "after.leads is a range, +20.0% … +40.0% (uniform); these figures use its midpoint, +30.0%."
        ),
        "{text}"
    );
}

#[test]
fn uniform_leads_make_roi_uniform() {
    // Leads uniform on 240..280 make ROI uniform between its values at the ends.
    let v = json_stdin(
        &["simulate", "-", "-f", "json"],
        &salon_with("\"+20%..+40%\""),
    );
    assert_eq!(v["trials"], 100_000);
    let (lo, hi) = (salon_roi(240.0), salon_roi(280.0));
    let roi = &v["metrics"]["roi"];
    for (name, p) in [
        ("p5", 0.05),
        ("p10", 0.10),
        ("p25", 0.25),
        ("p50", 0.5),
        ("p75", 0.75),
        ("p95", 0.95),
    ] {
        let expected = lo + p * (hi - lo);
        assert!(
            (f(&roi[name]) - expected).abs() < 0.01,
            "{name}: {} vs {expected}",
            roi[name]
        );
    }
    // The symmetric range's median is the point ROI, 210.3%.
    assert!((f(&roi["p50"]) - 61.0 / 29.0).abs() < 0.01);
    assert!((f(&roi["mean"]) - 61.0 / 29.0).abs() < 0.005);
    assert_eq!(f(&v["probabilities"]["roi_positive"]), 1.0);
}

#[test]
fn probabilities_match_closed_forms() {
    // Leads uniform on 180..220; ROI ≥ 0 from 192.2(2) leads up: P = 27.7(7) / 40.
    let v = json_stdin(
        &["simulate", "-", "-f", "json"],
        &salon_with("\"-10%..+10%\""),
    );
    let p = (220.0 - 1730.0 / 9.0) / 40.0;
    let probabilities = &v["probabilities"];
    assert!(
        (f(&probabilities["roi_positive"]) - p).abs() < 0.01,
        "{probabilities}"
    );
    // Flows are constant, so paying back within the horizon is ROI ≥ 0.
    assert!((f(&probabilities["payback_within_horizon"]) - p).abs() < 0.01);
    // Payback within 3 months: 25 000 / (leads × 375 − 70 000) ≤ 3 ⇔ leads ≥ 208.9: P = 11.1 / 40.
    let p3 = (220.0 - (70_000.0 + 25_000.0 / 3.0) / 375.0) / 40.0;
    assert!(
        (f(&probabilities["payback_within_3"]) - p3).abs() < 0.01,
        "{probabilities}"
    );
    // Trials that never pay back leave the upper payback percentiles undefined.
    assert!(v["metrics"]["payback_months"]["p95"].is_null());
    assert!(v["metrics"]["payback_months"]["mean"].is_null());
    assert!(!v["metrics"]["payback_months"]["p10"].is_null());
}

#[test]
fn the_same_seed_gives_the_same_bytes_and_another_seed_does_not() {
    let text = salon_with("{ low = \"+10%\", high = \"+40%\", mode = \"+30%\", dist = \"pert\" }");
    let a = run_stdin(
        &[
            "simulate", "-", "--trials", "20000", "--seed", "7", "-f", "json",
        ],
        &text,
    );
    let b = run_stdin(
        &[
            "simulate", "-", "--trials", "20000", "--seed", "7", "-f", "json",
        ],
        &text,
    );
    let c = run_stdin(
        &[
            "simulate", "-", "--trials", "20000", "--seed", "8", "-f", "json",
        ],
        &text,
    );
    assert!(a.status.success());
    assert_eq!(a.stdout, b.stdout);
    assert_ne!(a.stdout, c.stdout);
}

#[test]
fn thread_count_does_not_change_a_single_trial() {
    let source = Source {
        name: "t.toml".into(),
        text: std::fs::read_to_string("examples/salon-ranges.toml").unwrap(),
    };
    let draft = Draft::parse(&source).unwrap();
    let point = draft.resolve_inputs().unwrap();
    let model = Model::new(&draft, &point);
    let runs: Vec<_> = [1, 2, 3, 7]
        .map(|threads| simulate::run(&model, 50_000, 42, threads, true, &|_| {}))
        .into();
    for r in &runs[1..] {
        assert_eq!(r.outcomes, runs[0].outcomes);
        assert_eq!(r.drawn, runs[0].drawn);
    }
}

#[test]
fn samples_are_an_audit_trail() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("trials.csv");
    let out = common::roi()
        .args([
            "simulate",
            "examples/salon-ranges.toml",
            "--trials",
            "1000",
            "-f",
            "json",
            "--samples",
        ])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1001);
    assert_eq!(
        lines[0],
        "trial,after.leads,after.conversion,after.average_check,after.no_show_rate,savings.staff_hours,roi,net,npv,payback_months"
    );
    // Every drawn value lies within its range, and the rows reproduce the summary.
    let mut rois = Vec::new();
    for line in &lines[1..] {
        let cells: Vec<f64> = line.split(',').map(|c| c.parse().unwrap()).collect();
        assert!((230.0..=280.0).contains(&cells[1]), "{line}");
        assert!((0.21..=0.23 + 1e-12).contains(&cells[2]), "{line}");
        assert!((8.0..=20.0).contains(&cells[5]), "{line}");
        // ROI by hand from the drawn inputs: benefit 12 × (revenue after − 54 000 + 400 × hours).
        let revenue = cells[1] * cells[2] * (1.0 - cells[4]) * cells[3];
        let roi = (12.0 * (revenue - 54_000.0 + 400.0 * cells[5]) - 145_000.0) / 145_000.0;
        assert!((cells[6] - roi).abs() < 1e-9, "{line}");
        rois.push(cells[6]);
    }
    let mean = rois.iter().sum::<f64>() / rois.len() as f64;
    assert!((f(&v["metrics"]["roi"]["mean"]) - mean).abs() < 1e-6);
}

#[test]
fn sensitivity_ends_agree_with_calc_and_sort_by_swing() {
    let out = common::roi()
        .args(["sensitivity", "examples/salon-ranges.toml", "-f", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let inputs = v["inputs"].as_array().unwrap();
    let swings: Vec<f64> = inputs.iter().map(|i| f(&i["swing"])).collect();
    assert!(swings.windows(2).all(|w| w[0] >= w[1]), "{swings:?}");
    let leads = &inputs[0];
    assert_eq!(leads["key"], "after.leads");
    assert_eq!(
        (leads["low"].as_str(), leads["high"].as_str()),
        (Some("+15%"), Some("+40%"))
    );
    let calc = |set: &str| -> Value {
        let out = common::roi()
            .args([
                "calc",
                "examples/salon-ranges.toml",
                "-f",
                "json",
                "--set",
                set,
            ])
            .output()
            .unwrap();
        serde_json::from_slice::<Value>(&out.stdout).unwrap()["summary"]["roi"].clone()
    };
    assert_eq!(leads["roi_low"], calc("after.leads=+15%"));
    assert_eq!(leads["roi_high"], calc("after.leads=+40%"));
    // An input without a range moves by ±20%: monthly cost 8 000 … 12 000.
    let monthly = inputs.iter().find(|i| i["key"] == "costs.monthly").unwrap();
    assert_eq!(monthly["ends"], "swing");
    assert_eq!(monthly["roi_low"], calc("costs.monthly=8000"));
}

#[test]
fn bad_ranges_are_refused_clearly() {
    for (leads, says) in [
        ("\"+15%..40\"", "written the same way"),
        ("\"+40%..+15%\"", "low end is above the high end"),
        (
            "{ low = \"+15%\", high = \"+40%\", dist = \"pert\" }",
            "needs a mode",
        ),
        (
            "{ low = \"+15%\", high = \"+40%\", mode = \"+50%\" }",
            "mode lies outside",
        ),
        (
            "{ low = \"+15%\", high = \"+40%\", dist = \"beta\" }",
            "unknown dist",
        ),
        ("\"-150%..+10%\"", "at its low end -150%"),
        ("\"lots..more\"", "cannot read"),
    ] {
        let e = refused_with(&["calc", "-"], Some(&salon_with(leads)));
        assert!(
            e.contains("line 6: after.leads") && e.contains(says),
            "{leads}: {e}"
        );
    }
    // A share whose range leaves 0–100%, directly or through a change from a baseline range.
    let text = "[baseline]\nleads = 200\nconversion = \"20%..60%\"\naverage_check = 1500\n\
                [after]\nconversion = \"+50%..+80%\"\n";
    let e = refused_with(&["simulate", "-"], Some(text));
    assert!(
        e.contains("after.conversion")
            && e.contains("with the baseline at its high end")
            && e.contains("108.0%"),
        "{e}"
    );
    let e = refused_with(
        &["calc", "-"],
        Some("[baseline]\nleads = 200\nconversion = \"90%..120%\"\naverage_check = 1500\n"),
    );
    assert!(
        e.contains("at its high end 120%") && e.contains("outside 0%–100%"),
        "{e}"
    );
    let e = refused_with(
        &["calc", "-"],
        Some(&format!(
            "{}[scenario]\nmonths = \"6..12\"\n",
            salon_with("260")
        )),
    );
    assert!(e.contains("cannot be a range"), "{e}");
    let e = refused_with(
        &["simulate", "-", "--trials", "0"],
        Some(&salon_with("260")),
    );
    assert!(e.contains("--trials"), "{e}");
    let e = refused_with(
        &["sensitivity", "-", "--swing", "0%"],
        Some(&salon_with("260")),
    );
    assert!(e.contains("--swing"), "{e}");
}

#[test]
fn no_progress_when_stderr_is_not_a_terminal() {
    let out = run_stdin(
        &["simulate", "-", "--trials", "300000"],
        &salon_with("\"-10%..+10%\""),
    );
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn simulate_table_and_csv() {
    let out = run_stdin(
        &["simulate", "-", "--trials", "5000"],
        &salon_with("\"-10%..+10%\""),
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Chance that ROI > 0"), "{text}");
    assert!(
        text.contains("ROI over the horizon, trials per bin"),
        "{text}"
    );
    let out = run_stdin(
        &["simulate", "-", "--trials", "5000", "-f", "csv"],
        &salon_with("\"-10%..+10%\""),
    );
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(
        csv.starts_with("statistic,value\ntrials,5000\nseed,20250101\n"),
        "{csv}"
    );
    assert!(csv.contains("\npayback_months.p95,\n"), "{csv}");
    assert!(csv.contains("\nprobabilities.roi_positive,0.6"), "{csv}");
}

#[test]
fn odds_that_cannot_be_judged_are_null() {
    // No costs: ROI is undefined in every trial, so its odds are too.
    let text = "[baseline]\nleads = 200\nconversion = 0.2\naverage_check = 1500\n[after]\nleads = \"+10%..+30%\"\n";
    let v = json_stdin(&["simulate", "-", "--trials", "500", "-f", "json"], text);
    assert!(
        v["probabilities"]["roi_positive"].is_null(),
        "{}",
        v["probabilities"]
    );
    // A 6-month horizon cannot say whether payback comes within 12 months.
    let six = format!("{}[scenario]\nmonths = 6\n", salon_with("\"+10%..+30%\""));
    let v = json_stdin(&["simulate", "-", "--trials", "500", "-f", "json"], &six);
    assert!(v["probabilities"]["payback_within_12"].is_null());
    assert!(!v["probabilities"]["payback_within_6"].is_null());
}

#[test]
fn simulate_without_ranges_says_so_instead_of_running() {
    // Every trial would be the same: the answer is calc's, not a simulation.
    let e = common::refused_with(
        &["simulate", "-", "--trials", "300"],
        Some(&salon_with("260")),
    );
    assert!(e.contains("the scenario has no ranges"), "{e}");
    assert!(e.contains("after.leads = \"+15%..+40%\""), "{e}");
}

#[test]
fn samples_flag_is_checked_before_running() {
    let e = refused_with(
        &["simulate", "-", "--samples", "-"],
        Some(&salon_with("260")),
    );
    assert!(e.contains("--samples needs a file"), "{e}");
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("x.csv");
    let p = p.to_str().unwrap();
    let e = refused_with(
        &["simulate", "-", "--samples", p, "-o", p],
        Some(&salon_with("260")),
    );
    assert!(e.contains("the same file"), "{e}");
    let e = refused_with(
        &["simulate", "-", "--samples", dir.path().to_str().unwrap()],
        Some(&salon_with("260")),
    );
    assert!(
        e.contains("--samples") && e.contains("is a directory"),
        "{e}"
    );
}

#[test]
fn sensitivity_stops_a_swing_where_the_rules_do() {
    // Baseline conversion 90% swung up by 20% would pass 100% once after.conversion adds 5pp.
    let text = "[baseline]\nleads = 200\nconversion = \"90%\"\naverage_check = 1500\n\
                [after]\nconversion = \"+5pp\"\n[costs]\nsetup = 25000\nmonthly = 10000\n";
    let v = json_stdin(&["sensitivity", "-", "-f", "json"], text);
    let inputs = v["inputs"].as_array().unwrap();
    let conversion = inputs
        .iter()
        .find(|i| i["key"] == "baseline.conversion")
        .unwrap();
    assert_eq!(conversion["high"], "95%");
    // A change swings as a change: +5pp becomes +4pp … +6pp.
    let after = inputs
        .iter()
        .find(|i| i["key"] == "after.conversion")
        .unwrap();
    assert_eq!(
        (after["low"].as_str(), after["high"].as_str()),
        (Some("+4pp"), Some("+6pp"))
    );
}
