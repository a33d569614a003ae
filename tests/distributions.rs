//! Normal and lognormal ranges: draws whose 2.5th and 97.5th percentiles
//! are the ends, medians worked out by hand, clipping at each key's bounds,
//! refusals, and every command that shows a range naming them.

mod common;

use common::{json, refused_with, stdout, stdout_with};
use roi::forecast::scenario::{Draft, Key, Source};
use roi::forecast::simulate::{self, Model};

const EXAMPLE: &str = "examples/salon-intervals.toml";

/// The article's salon with `after` lines in place of its [after] table.
fn salon_with(after: &str) -> String {
    format!(
        "[baseline]\nleads = 200\nconversion = \"20%\"\naverage_check = 1500\n\
         [after]\n{after}\n[costs]\nsetup = 25000\nmonthly = 10000\n"
    )
}

/// Each varying key's draws over `trials` trials, by key.
fn draws(text: &str, trials: u64, threads: usize) -> Vec<(Key, Vec<f64>)> {
    let source = Source {
        name: "t.toml".into(),
        text: text.into(),
    };
    let draft = Draft::parse(&source).unwrap();
    let point = draft.resolve_inputs().unwrap();
    let model = Model::new(&draft, &point);
    let run = simulate::run(&model, trials, 2025, threads, true, &|_| {});
    let keys: Vec<Key> = model.keys().collect();
    let drawn = run.drawn.unwrap();
    keys.iter()
        .enumerate()
        .map(|(i, k)| {
            (
                *k,
                drawn.iter().skip(i).step_by(keys.len()).copied().collect(),
            )
        })
        .collect()
}

/// The q-quantile (0..1) of `values`, interpolating between closest ranks.
fn quantile(values: &[f64], q: f64) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let h = (sorted.len() - 1) as f64 * q;
    let (lo, hi) = (h.floor() as usize, h.ceil() as usize);
    sorted[lo] + (h - h.floor()) * (sorted[hi] - sorted[lo])
}

/// 200 000 trials. The 2.5th percentile of n draws has a standard error
/// of √(p(1 − p)/n) / density there; for a normal whose 95% spans `width`
/// (3.92 sd) that is √(0.025 × 0.975 / 200 000) / φ(1.96) × sd ≈ 0.0060 sd
/// ≈ 0.15% of the width. The tolerance, 1% of the width, is over six
/// standard errors: a failure means a wrong spread, not bad luck (and the
/// seed is fixed, so the numbers never change anyway).
const TRIALS: u64 = 200_000;
const TOLERANCE: f64 = 0.01;

#[test]
fn the_ends_are_the_central_95_percent_of_the_draws() {
    let text = "[baseline]\nleads = 200\nconversion = \"20%\"\n\
                average_check = { low = 1400, high = 1700, dist = \"normal\" }\n\
                [after]\nleads = { low = \"+10%\", high = \"+50%\", dist = \"lognormal\" }\n\
                [savings]\nhourly_rate = { low = 300, high = 1200, dist = \"lognormal\" }\n\
                staff_hours = 10\n";
    let drawn = draws(text, TRIALS, 2);
    let of = |key| &drawn.iter().find(|(k, _)| *k == key).unwrap().1;
    // Normal 1 400 … 1 700: P2.5 and P97.5 at the ends, P50 at the midpoint.
    let check = of(Key::BaselineAverageCheck);
    for (q, expected) in [(0.025, 1400.0), (0.5, 1550.0), (0.975, 1700.0)] {
        let got = quantile(check, q);
        assert!((got - expected).abs() < TOLERANCE * 300.0, "P{q}: {got}");
    }
    // Lognormal "+10%" … "+50%" on 200 leads: 220 … 300, in logarithms as
    // the normal above; the median is 200 × √(1.1 × 1.5) = 256.90…
    let leads = of(Key::AfterLeads);
    let width = (300f64 / 220.0).ln();
    for (q, expected) in [(0.025, 220.0), (0.5, 256.904_651_573_3), (0.975, 300.0)] {
        let got: f64 = quantile(leads, q);
        assert!(
            (got / expected).ln().abs() < TOLERANCE * width,
            "P{q}: {got}"
        );
    }
    // Lognormal plain number 300 … 1 200: the median is √(300 × 1 200) = 600.
    let rate = of(Key::SavingsHourlyRate);
    let width = 4f64.ln();
    for (q, expected) in [(0.025, 300.0), (0.5, 600.0), (0.975, 1200.0)] {
        let got: f64 = quantile(rate, q);
        assert!(
            (got / expected).ln().abs() < TOLERANCE * width,
            "P{q}: {got}"
        );
    }
    // Skewed as a lognormal is: the mean, e^(μ + σ²/2), above the median.
    let mean = rate.iter().sum::<f64>() / rate.len() as f64;
    let sigma = width / (2.0 * 1.959_963_984_540_054);
    let expected = 600.0 * (sigma * sigma / 2.0).exp();
    assert!(
        (mean / expected - 1.0).abs() < 0.005,
        "{mean} vs {expected}"
    );
}

#[test]
fn draws_stop_at_what_each_key_allows() {
    // A share of 90% … 100%: one draw in forty would pass 100% and is held
    // at it; so would a count of 0 … 100 below 0, and "+5pp" on a share of
    // 85% … 95% past 100% (the rules check the ends, which stay within).
    let text = "[baseline]\nleads = { low = 0, high = 100, dist = \"normal\" }\n\
                conversion = { low = \"85%\", high = \"95%\", dist = \"normal\" }\n\
                no_show_rate = { low = \"90%\", high = \"100%\", dist = \"normal\" }\n\
                average_check = 1500\n[after]\nconversion = \"+5pp\"\n\
                leads = { low = \"-100%\", high = \"+20%\", dist = \"normal\" }\n";
    let drawn = draws(text, TRIALS, 2);
    let of = |key| &drawn.iter().find(|(k, _)| *k == key).unwrap().1;
    let share_at = |values: &[f64], bound: f64| {
        values.iter().filter(|v| **v == bound).count() as f64 / values.len() as f64
    };
    // P(Z > 1.96) = 2.5%, standard error √(0.025 × 0.975 / 200 000) ≈ 0.035%.
    for (key, bound) in [
        (Key::BaselineNoShowRate, 1.0),
        (Key::BaselineLeads, 0.0),
        (Key::AfterConversion, 1.0),
    ] {
        let values = of(key);
        let (low, high) = if bound == 0.0 {
            (0.0, f64::INFINITY)
        } else {
            (0.0, 1.0)
        };
        assert!(values.iter().all(|v| (low..=high).contains(v)), "{key:?}");
        let at = share_at(values, bound);
        assert!((at - 0.025).abs() < 0.002, "{key:?}: {at}");
    }
    // A missing [after] key follows its drawn baseline, bounds and all.
    assert!(
        of(Key::AfterNoShowRate)
            .iter()
            .all(|v| (0.0..=1.0).contains(v))
    );
    // A change below −100% leaves no leads, never negative ones.
    let after_leads = of(Key::AfterLeads);
    assert!(after_leads.iter().all(|v| *v >= 0.0));
    assert!(after_leads.contains(&0.0));
}

#[test]
fn the_draws_repeat_with_the_seed_on_any_number_of_threads() {
    let text = std::fs::read_to_string(EXAMPLE).unwrap();
    let one = draws(&text, 20_000, 1);
    assert_eq!(one, draws(&text, 20_000, 3));
}

#[test]
fn calc_uses_the_median_worked_out_by_hand() {
    let v = json(&["calc", EXAMPLE, "-f", "json"]);
    // 200 × (1 + (√(1.1 × 1.5) − 1 rounded to 12 digits, 0.284523257867)).
    assert_eq!(v["after"]["leads"].to_string(), "256.9046515734");
    // √(1 400 × 1 700) = 1 542.72486205415…, to 12 digits.
    assert_eq!(v["after"]["average_check"].to_string(), "1542.72486205");
    // Normal: the midpoints, 20% + 5 points and 12 hours.
    assert_eq!(v["after"]["conversion"].to_string(), "0.25");
    assert_eq!(v["scenario"]["staff_hours"].to_string(), "12");
    // The note says it is the median, in both languages (lines unwrapped).
    let unwrapped = |text: String| text.lines().map(str::trim).collect::<Vec<_>>().join(" ");
    let text = unwrapped(stdout(&["calc", EXAMPLE]));
    assert!(
        text.contains(
            "after.leads is a range, +10.0% … +50.0% (lognormal, 95% interval); these figures use its median, +28.5%."
        ),
        "{text}"
    );
    let text = unwrapped(stdout(&["calc", EXAMPLE, "--lang", "ru"]));
    assert!(
        text.contains("в расчёте взята медиана: +28,5\u{a0}%"),
        "{text}"
    );
    assert!(text.contains("логнормальное распределение"), "{text}");
}

#[test]
fn compare_sweep_solve_and_report_say_median_too() {
    let says = "use its median";
    for args in [
        vec!["compare", EXAMPLE],
        vec!["sweep", EXAMPLE, "--vary", "costs.monthly=5000..15000:5000"],
        vec![
            "solve",
            EXAMPLE,
            "--for",
            "costs.monthly",
            "--target",
            "roi=1",
        ],
    ] {
        let text = stdout(&args);
        assert!(text.contains(says), "{args:?}: {text}");
    }
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("r.html");
    stdout(&["report", EXAMPLE, "-o", page.to_str().unwrap()]);
    let html = std::fs::read_to_string(page).unwrap();
    assert!(html.contains(says), "{html}");
}

#[test]
fn simulate_runs_both_end_to_end() {
    let args = ["simulate", EXAMPLE, "--trials", "20000", "-f", "json"];
    let v = json(&args);
    let ranges = v["ranges"].as_array().unwrap();
    let dist = |key: &str| {
        ranges.iter().find(|r| r["key"] == key).unwrap()["dist"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(dist("after.leads"), "lognormal");
    assert_eq!(dist("after.average_check"), "lognormal");
    assert_eq!(dist("after.conversion"), "normal");
    assert_eq!(dist("savings.staff_hours"), "normal");
    assert_eq!(v["trials"], 20_000);
    // The same seed, the same bytes.
    assert_eq!(stdout(&args), stdout(&args));
    // Every figure is a number: clipping leaves no nonsense trial.
    let roi = &v["metrics"]["roi"];
    assert!(
        ["mean", "p5", "p50", "p95"].iter().all(|p| roi[p].is_f64()),
        "{roi}"
    );
    let text = stdout(&["simulate", EXAMPLE, "--trials", "2000"]).replace('\n', " ");
    assert!(
        text.contains("after.leads +10.0% … +50.0% (lognormal, 95% interval)"),
        "{text}"
    );
}

/// ROI over 12 months of the salon with `leads` after rollout (by hand):
/// benefit 12 × (leads × 0.25 × 1 500 − 60 000), cost 145 000.
fn salon_roi(leads: f64) -> f64 {
    (12.0 * (leads * 375.0 - 60_000.0) - 145_000.0) / 145_000.0
}

#[test]
fn roi_percentiles_follow_a_single_range_in_closed_form() {
    // ROI rises with leads alone, so its percentiles are ROI at the leads'
    // percentiles: leads = 200 × e^(μ + σz) for the lognormal, 260 + 20.41z
    // for the normal (sd = 0.4 × 200 / 3.92). z at 5%, 50%, 95%: ∓1.6449, 0.
    let z = [
        ("p5", -1.644_853_626_951),
        ("p50", 0.0),
        ("p95", 1.644_853_626_951),
    ];
    let zc = 1.959_963_984_540_054;
    let (mu, sigma) = (
        (1.1f64.ln() + 1.5f64.ln()) / 2.0,
        (1.5f64 / 1.1).ln() / (2.0 * zc),
    );
    let leads = |dist: &str, z: f64| match dist {
        "lognormal" => 200.0 * (mu + sigma * z).exp(),
        _ => 260.0 + 80.0 / (2.0 * zc) * z,
    };
    for dist in ["lognormal", "normal"] {
        let after = format!(
            "leads = {{ low = \"+10%\", high = \"+50%\", dist = \"{dist}\" }}\nconversion = \"25%\""
        );
        let out = stdout_with(&["simulate", "-", "-f", "json"], Some(&salon_with(&after)));
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        // 100 000 trials: the P5 of ROI has a standard error near 0.004
        // (√(0.05 × 0.95 / 10⁵) / φ(1.645) × sd of leads × 0.031 ROI a
        // lead); 0.02 is five of them.
        for (p, z) in z {
            let got = v["metrics"]["roi"][p].as_f64().unwrap();
            let expected = salon_roi(leads(dist, z));
            assert!(
                (got - expected).abs() < 0.02,
                "{dist} {p}: {got} vs {expected}"
            );
        }
    }
}

#[test]
fn sensitivity_swings_a_95_percent_range_between_its_ends() {
    let v = json(&["sensitivity", EXAMPLE, "-f", "json"]);
    let inputs = v["inputs"].as_array().unwrap();
    let leads = inputs.iter().find(|i| i["key"] == "after.leads").unwrap();
    assert_eq!(
        (leads["low"].as_str(), leads["high"].as_str()),
        (Some("+10%"), Some("+50%"))
    );
    assert_eq!(leads["ends"], "range");
    let hours = inputs
        .iter()
        .find(|i| i["key"] == "savings.staff_hours")
        .unwrap();
    assert_eq!(
        (hours["low"].as_str(), hours["high"].as_str()),
        (Some("4"), Some("20"))
    );
}

#[test]
fn what_a_dist_cannot_take_is_refused_by_key_line_and_value() {
    for (after, says) in [
        (
            "conversion = { low = \"25%\", high = \"30%\", dist = \"lognormal\" }",
            "cannot be lognormal; use dist = \"normal\"",
        ),
        (
            "conversion = { low = \"+1pp\", high = \"+5pp\", dist = \"lognormal\" }",
            "cannot be lognormal; use dist = \"normal\"",
        ),
        (
            "conversion = { low = 0.2, high = 0.3, dist = \"lognormal\" }",
            "a share cannot be lognormal",
        ),
        (
            "leads = { low = \"-100%\", high = \"+10%\", dist = \"lognormal\" }",
            "must be above -100%",
        ),
        (
            "leads = { low = 0, high = 300, dist = \"lognormal\" }",
            "must be above 0",
        ),
        (
            "leads = { low = \"+10%\", high = \"+50%\", mode = \"+20%\", dist = \"normal\" }",
            "a normal range's point is its median, the middle of the interval; drop mode",
        ),
        (
            "leads = { low = \"+10%\", high = \"+50%\", mode = \"+20%\", dist = \"lognormal\" }",
            "drop mode",
        ),
    ] {
        let e = refused_with(&["calc", "-"], Some(&salon_with(after)));
        let key = after.split(" = ").next().unwrap();
        let value = after.split_once(" = ").unwrap().1;
        let line = format!("line 6: after.{key} = {value}: ");
        assert!(e.contains(&line) && e.contains(says), "{after}: {e}");
        // A dist's refusal says what to write; the how-to-write-a-range hint would contradict it.
        assert!(!e.contains("a range is written"), "{e}");
    }
    // The ends must still pass the key's checks, normal or not.
    let e = refused_with(
        &["simulate", "-"],
        Some(&salon_with(
            "conversion = { low = \"90%\", high = \"120%\", dist = \"normal\" }",
        )),
    );
    assert!(
        e.contains("at its high end 120%") && e.contains("outside 0%–100%"),
        "{e}"
    );
    let e = refused_with(
        &["calc", "-"],
        Some(&salon_with(
            "leads = { low = 1, high = 2, dist = \"gamma\" }",
        )),
    );
    assert!(
        e.contains("use \"uniform\", \"triangular\", \"pert\", \"normal\" or \"lognormal\""),
        "{e}"
    );
}

#[test]
fn the_workbook_names_the_dists() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.xlsx");
    stdout(&[
        "simulate",
        EXAMPLE,
        "--trials",
        "2000",
        "-o",
        path.to_str().unwrap(),
    ]);
    use calamine::{Reader, open_workbook_auto};
    let mut book = open_workbook_auto(&path).unwrap();
    let sheet = book.worksheet_range("Ranges").unwrap();
    let rows: Vec<String> = sheet
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join("|")
        })
        .collect();
    assert!(
        rows.iter()
            .any(|r| r.starts_with("after.leads|") && r.ends_with("|lognormal, 95% interval")),
        "{rows:?}"
    );
    assert!(
        rows.iter()
            .any(|r| r.starts_with("after.conversion|") && r.ends_with("|normal, 95% interval")),
        "{rows:?}"
    );
}
