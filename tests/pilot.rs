//! `roi pilot` end to end: its figures against scipy/statsmodels on the
//! shipped export, the three decisions on constructed salons, and every
//! refusal of a bad period.

mod common;
mod exports;

use common::{refused, roi, stdout};
use serde_json::Value;
use std::path::{Path, PathBuf};

const MAP: [&str; 2] = ["--map", "examples/salon-map.toml"];

/// The shipped salon's export, mapping, baseline and pilot months.
const SALON: [&str; 7] = [
    "examples/salon-deals.csv",
    "--map",
    "examples/salon-map.toml",
    "--baseline",
    "2025-06..2025-11",
    "--pilot",
    "2025-12..2026-02",
];

fn pilot_json(args: &[&str]) -> Value {
    let mut all = vec!["pilot"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    serde_json::from_str(&stdout(&all)).unwrap()
}

/// `pilot` on the shipped salon, with `extra` arguments after its periods.
fn salon<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    ["pilot"]
        .iter()
        .chain(&SALON)
        .chain(extra)
        .copied()
        .collect()
}

/// The shipped salon's verdict as JSON.
fn salon_json(extra: &[&str]) -> Value {
    pilot_json(&[&SALON[..], extra].concat())
}

fn metric<'a>(json: &'a Value, name: &str, channel: &str) -> &'a Value {
    json["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["metric"] == name && m["channel"] == channel)
        .unwrap_or_else(|| panic!("{name} {channel}"))
}

fn close(v: &Value, want: f64) {
    let got = v.as_f64().unwrap_or(f64::NAN);
    // The JSON rounds to 8 places.
    assert!((got - want).abs() <= 5e-9, "{got} vs {want}");
}

#[test]
fn the_shipped_pilot_matches_independent_statistics() {
    let json = salon_json(&[]);
    // Every constant: python3 tests/reference/pilot_salon.py, which fits
    // statsmodels' GLM(Poisson).fit(scale="X2") on the months `roi measure`
    // counts, with scipy's t(df_resid) quantile.
    // Baseline months 94, 83, 90, 97, 92, 99: s²/m = 0.346, held at 1 for planning.
    // np.var([94,83,90,97,92,99], ddof=1) / np.mean(...) = 0.346
    assert_eq!(json["dispersion"]["phi"], 1.0);
    let leads = metric(&json, "leads", "all");
    assert_eq!(leads["method"], "quasi_poisson");
    close(&leads["phi"], 0.4734018545652902);
    close(&leads["change"], 0.300900900900901);
    close(&leads["low"], 0.1653819652958154);
    close(&leads["high"], 0.4521789459262817);
    close(&leads["p_value"], 0.0007709377211366209);
    let bookings = metric(&json, "bookings", "all");
    close(&bookings["change"], 0.24882629107981122);
    close(&bookings["low"], 0.015491045629615213);
    close(&bookings["high"], 0.5357763241774419);
    close(&bookings["p_value"], 0.038643166216775784);
    let revenue = metric(&json, "revenue", "all");
    close(&revenue["phi"], 2249.173031371914);
    close(&revenue["low"], -0.0513991527590943);
    close(&revenue["high"], 0.8448663391807447);
    // Williams' φ = max(1, GLM(Binomial, var_weights=n) X2 scale) = 1 here, so
    // statsmodels confint_proportions_2indep(133, 361, 213, 555, method="newcomb",
    // compare="diff", alpha=2*stats.norm.sf(1.959964)); proportions_ztest([133, 213], [361, 555])
    let conv = metric(&json, "conversion", "all");
    assert_eq!(conv["method"], "newcombe");
    close(&conv["change"], -0.015362731152204878);
    close(&conv["low"], -0.07867138028371583);
    close(&conv["high"], 0.04908511308548619);
    close(&conv["p_value"], 0.6393258789438103);
    // the same for no-shows: 27 of 119 judged bookings against 43 of 176
    let ns = metric(&json, "no_show_rate", "all");
    close(&ns["change"], -0.017427425515660816);
    close(&ns["low"], -0.11255720529562427);
    close(&ns["high"], 0.08366444033987148);
    close(&ns["p_value"], 0.7299661310167678);
    // scipy: the visits' amounts read from the CSV with Python's csv module,
    // t = stats.ttest_ind(pilot, base, equal_var=False); ci = t.confidence_interval(0.95);
    // mean(pilot)/mean(base) - 1, ci.low/mean(base), ci.high/mean(base), t.pvalue
    let check = metric(&json, "average_check", "all");
    assert_eq!(check["method"], "welch");
    close(&check["change"], -0.04377955412404455);
    close(&check["low"], -0.1414989626707617);
    close(&check["high"], 0.05393985442267256);
    close(&check["p_value"], 0.3780862474209481);
    // The primary question, against the same months a year earlier:
    // count ~ C(calendar) + year + pilot, Poisson, scale="X2", t(7).
    let primary = &json["primary"];
    assert_eq!(primary["metric"], "leads");
    assert_eq!(primary["adjustment"], "year_earlier");
    let est = &primary["estimate"];
    assert_eq!(est["method"], "quasi_poisson_year_earlier");
    close(&est["phi"], 0.7152069135289059);
    close(&est["change"], 0.3317616886959905);
    close(&est["low"], 0.09033619968424263);
    close(&est["high"], 0.6266443285951813);
    close(&est["p_value"], 0.011645772625778504);
    // Bookings and visits a month are its guardrails, adjusted alike, at 99%.
    let guard = primary["guardrails"].as_array().unwrap();
    assert_eq!(guard[0]["metric"], "bookings");
    close(&guard[0]["low"], -0.13824493147906344);
    close(&guard[1]["high"], 2.053069223625354);
    // Planning against a year earlier: the rise with 80% power at φ =
    // φ̂·5/median(χ²₅) (φ̂ = 0.366 from the baseline's year pairs), with
    // se² = φ(1/N0 + 1/B0 + 1/B1 + 1/(E·(1+u))) and t.975(4 + k): solved by
    // brentq in tests/reference/pilot_salon.py, for k = 1, 2, 3, 6 months.
    let d = json["detectable"].as_array().unwrap();
    for (i, want) in [
        0.41405896799900627,
        0.2881034304691807,
        0.23406161322665972,
        0.18141434964949402,
    ]
    .into_iter()
    .enumerate()
    {
        let got = d[i]["leads_uplift"].as_f64().unwrap();
        assert!((got - want).abs() < 1e-8, "{got} vs {want}");
    }
    assert_eq!(
        metric(&json, "leads", "ai")["why"],
        "new: none before the pilot"
    );
    assert_eq!(json["attribution"]["leads"], 93);
    // Other channels dipped (−3.4%), but within chance: no relabelling is claimed.
    assert_eq!(json["attribution"]["cannibalisation"], false);
    assert_eq!(json["seasonal_checked"], true);
    assert_eq!(json["decision"]["decision"], "scale");
}

#[test]
fn the_plan_is_compared_month_by_month() {
    let json = salon_json(&["--scenario", "examples/salon-rostov.toml"]);
    let first = &json["plan"]["months"][0];
    // The article's salon: 97 500 ₽ planned, month-1 ROI 7.1% (37 500 − 35 000) / 35 000.
    assert_eq!(first["planned"]["revenue"].to_string(), "97500.00");
    close(&first["planned_to_date"]["roi"], 2500.0 / 35000.0);
    // Actual: 62 942 ₽ and the month's 4 open bookings (47 booked − 34 came − 9
    // no-shows) at the baseline's share that came (133 of 213) and its check
    // (285 580.50 / 133): less the baseline's 285 580.50 / 6, at 100% margin,
    // against 35 000 ₽ of cost.
    assert_eq!(first["open_bookings"], 4);
    let open = 4.0 * 133.0 / 213.0 * (285580.50 / 133.0);
    close(
        &first["actual_to_date"]["roi"],
        (62942.0 + open - 285580.50 / 6.0 - 35000.0) / 35000.0,
    );
    // Projected with the clear change only (leads +30.09%; the rest could be chance):
    // model revenue = 92.5 × 213/555 × (1 − 43/176) × 285 580.50/133, twelve months
    // of its uplift against 25 000 + 12 × 10 000.
    let revenue = 92.5 * (213.0 / 555.0) * (1.0 - 43.0 / 176.0) * (285580.50 / 133.0);
    let uplift = revenue * (361.0 / 3.0 / 92.5 - 1.0);
    let roi = (12.0 * uplift - 145000.0) / 145000.0;
    assert!(
        (json["plan"]["projected_roi"].as_f64().unwrap() - roi).abs() < 1e-6,
        "{roi}"
    );
    let differs: Vec<&str> = json["plan"]["differs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["metric"].as_str().unwrap())
        .collect();
    assert_eq!(
        differs,
        ["leads", "conversion", "no_show_rate", "average_check"]
    );
}

fn salon_csv(dir: &Path, start: (i32, u32), counts: &[u32], seed: u64) -> PathBuf {
    let recs = exports::salon(start, counts, None, seed);
    let path = dir.join("deals.csv");
    std::fs::write(&path, exports::bitrix_csv(&recs)).unwrap();
    path
}

/// A year of flat months before `months`, so the pilot can be judged against the season.
fn with_year_before(months: &[u32]) -> Vec<u32> {
    let mut counts = vec![100, 97, 103, 99, 101, 100, 98, 102, 100, 99, 101, 100];
    counts.extend_from_slice(months);
    counts
}

fn reasons(json: &Value) -> Vec<&str> {
    json["decision"]["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["reason"].as_str().unwrap())
        .collect()
}

#[test]
fn a_clear_sixty_percent_rise_over_three_months_scales() {
    let dir = tempfile::tempdir().unwrap();
    let months = [100, 96, 104, 99, 101, 100, 160, 158, 162];
    let file = salon_csv(dir.path(), (2024, 1), &with_year_before(&months), 3);
    let json = pilot_json(&[
        file.to_str().unwrap(),
        MAP[0],
        MAP[1],
        "--baseline",
        "2025-01..2025-06",
        "--pilot",
        "2025-07..2025-09",
    ]);
    let leads = metric(&json, "leads", "all");
    assert_eq!(leads["verdict"], "up");
    close(&leads["change"], 480.0 / 3.0 / 100.0 - 1.0);
    assert_eq!(json["seasonal_checked"], true);
    assert_eq!(json["primary"]["adjustment"], "year_earlier");
    assert_eq!(json["primary"]["estimate"]["verdict"], "up");
    assert_eq!(json["decision"]["decision"], "scale");
}

#[test]
fn without_the_season_a_clear_rise_or_fall_only_extends() {
    let dir = tempfile::tempdir().unwrap();
    for (months, verdict) in [
        (&[100, 96, 104, 99, 101, 100, 160, 158, 162][..], "up"),
        (&[200, 200, 200, 100, 100, 100][..], "down"),
    ] {
        let file = salon_csv(dir.path(), (2025, 1), months, 3);
        let pilot = if months.len() == 9 {
            "2025-07..2025-09"
        } else {
            "2025-04..2025-06"
        };
        let baseline = if months.len() == 9 {
            "2025-01..2025-06"
        } else {
            "2025-01..2025-03"
        };
        let json = pilot_json(&[
            file.to_str().unwrap(),
            MAP[0],
            MAP[1],
            "--baseline",
            baseline,
            "--pilot",
            pilot,
        ]);
        // The figures are still shown, but a before/after pilot cannot tell
        // the assistant from the season: at most extend, saying what would settle it.
        assert_eq!(json["primary"]["estimate"]["verdict"], verdict);
        assert_eq!(json["primary"]["adjustment"], "none");
        assert_eq!(json["seasonal_checked"], false);
        assert_eq!(json["decision"]["decision"], "extend");
        assert!(reasons(&json).contains(&"season_unknown"), "{json}");
    }
}

#[test]
fn thirty_percent_in_one_noisy_month_means_extend() {
    let dir = tempfile::tempdir().unwrap();
    let months = [80, 120, 90, 115, 85, 110, 130];
    let file = salon_csv(dir.path(), (2024, 1), &with_year_before(&months), 5);
    let json = pilot_json(&[
        file.to_str().unwrap(),
        MAP[0],
        MAP[1],
        "--baseline",
        "2025-01..2025-06",
        "--pilot",
        "2025-07",
    ]);
    let leads = metric(&json, "leads", "all");
    assert_eq!(leads["method"], "quasi_poisson");
    // φ = s²/m of 80, 120, 90, 115, 85, 110: np.var(c, ddof=1)/np.mean(c) = 290/100
    close(&json["dispersion"]["phi"], 2.9);
    assert_eq!(leads["verdict"], "unclear");
    assert_eq!(json["decision"]["decision"], "extend");
    // Without a pilot plan the extension is never sized from what was seen.
    assert_eq!(json["decision"]["extra_months"], Value::Null);
    assert!(reasons(&json).contains(&"fix_length"), "{json}");
}

#[test]
fn a_march_peak_with_last_years_march_is_not_called_a_rise() {
    let dir = tempfile::tempdir().unwrap();
    // Sep 2023 .. Mar 2025: each March (8 March) half as busy again as the months before.
    let year = [100, 98, 102, 99, 101, 100, 150, 100, 100, 100, 100, 100];
    let mut counts: Vec<u32> = year.to_vec();
    counts.extend([99, 101, 100, 98, 102, 100, 152]);
    let file = salon_csv(dir.path(), (2023, 9), &counts, 9);
    let json = pilot_json(&[
        file.to_str().unwrap(),
        MAP[0],
        MAP[1],
        "--baseline",
        "2024-09..2025-02",
        "--pilot",
        "2025-03",
    ]);
    let leads = metric(&json, "leads", "all");
    assert_eq!(json["seasonal_checked"], true);
    // Against the baseline alone, +52% is far outside chance …
    assert!(leads["low"].as_f64().unwrap() > 0.0, "{leads}");
    assert_eq!(leads["verdict"], "up");
    // … but last March was as busy, so the season explains it.
    assert_eq!(leads["season_explains"], true);
    assert_eq!(json["primary"]["estimate"]["verdict"], "unclear");
    assert_ne!(json["decision"]["decision"], "scale");
    let text = stdout(&[
        "pilot",
        file.to_str().unwrap(),
        MAP[0],
        MAP[1],
        "--baseline",
        "2024-09..2025-02",
        "--pilot",
        "2025-03",
    ]);
    // The rise is named with its own range, and the season as its reason —
    // never "could be chance" beside a range wholly above zero.
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains("there is a rise, but the season explains it"),
        "{text}"
    );
    assert!(
        !text.contains("could be chance: the range holds both"),
        "{text}"
    );
}

#[test]
fn the_evidence_carries_forward_into_simulate() {
    let dir = tempfile::tempdir().unwrap();
    let after = dir.path().join("after.toml");
    stdout(&salon(&[
        "--scenario",
        "examples/salon-rostov.toml",
        "--write-scenario",
        after.to_str().unwrap(),
    ]));
    let text = std::fs::read_to_string(&after).unwrap();
    // Leads carry the primary's interval, against the same months a year
    // earlier (tests/reference/pilot_salon.py: +9.0336% … +62.6644%).
    assert!(
        text.contains(r#"leads = { low = "+9.0336%", high = "+62.6644%", dist = "lognormal" }"#),
        "{text}"
    );
    assert!(
        text.contains(r#"conversion = { low = "-7.8671pp", high = "+4.9085pp", dist = "normal" }"#),
        "{text}"
    );
    assert!(
        text.contains("[costs]\nsetup = 25000\nmonthly = 10000"),
        "{text}"
    );
    let sim: Value = serde_json::from_str(&stdout(&[
        "simulate",
        after.to_str().unwrap(),
        "--trials",
        "5000",
        "-f",
        "json",
    ]))
    .unwrap();
    assert_eq!(sim["ranges"].as_array().unwrap().len(), 4);
    stdout(&["sensitivity", after.to_str().unwrap()]);
}

#[test]
fn planning_says_how_long_a_pilot_must_run() {
    let json = pilot_json(&[
        "examples/salon-deals.csv",
        MAP[0],
        MAP[1],
        "--baseline",
        "2025-06..2025-11",
        "--plan",
        "--expect",
        "+30%",
    ]);
    assert_eq!(json["pilot"], Value::Null);
    assert_eq!(json["decision"]["decision"], "plan");
    // MDE(2 months) = +28.8% ≤ +30% < MDE(1 month) = +41.4% (see above).
    assert_eq!(json["expect"]["months"], 2);
    let text = stdout(&[
        "pilot",
        "examples/salon-deals.csv",
        MAP[0],
        MAP[1],
        "--baseline",
        "2025-06..2025-11",
        "--plan",
        "--lang",
        "ru",
    ]);
    assert!(
        text.contains("станет заметен за 2\u{a0}месяца пилота"),
        "{text}"
    );
}

#[test]
fn bad_periods_are_refused_by_name() {
    let base = ["pilot", "examples/salon-deals.csv", MAP[0], MAP[1]];
    let run = |extra: &[&str]| {
        let mut args = base.to_vec();
        args.extend_from_slice(extra);
        refused(&args)
    };
    let e = run(&[
        "--baseline",
        "2025-06..2025-11",
        "--pilot",
        "2025-11..2026-01",
    ]);
    assert!(e.contains("overlaps the baseline 2025-06..2025-11"), "{e}");
    let e = run(&["--baseline", "2025-11..2025-06", "--pilot", "2025-12"]);
    assert!(e.contains("runs backwards"), "{e}");
    let e = run(&[
        "--baseline",
        "2025-06..2025-11",
        "--pilot",
        "2026-02..2026-04",
    ]);
    assert!(e.contains("no records in 2026-03, 2026-04"), "{e}");
    let e = run(&[
        "--baseline",
        "2025-06..2025-11",
        "--pilot",
        "2025-01..2025-02",
    ]);
    assert!(
        e.contains("comes before the baseline 2025-06..2025-11"),
        "{e}"
    );
    let e = run(&[
        "--baseline",
        "2025-06..2025-11",
        "--pilot",
        "2026-01",
        "--write-scenario",
        "-",
    ]);
    assert!(e.contains("--write-scenario needs a file"), "{e}");
    let e = run(&[
        "--baseline",
        "2025-06..2025-11",
        "--pilot",
        "2026-01",
        "--write-scenario",
        "/tmp/roi-same.json",
        "-o",
        "/tmp/roi-same.json",
    ]);
    assert!(e.contains("name the same file"), "{e}");
    let e = run(&[
        "--baseline",
        "2025-06..2025-11",
        "--pilot",
        "2026-01",
        "--write-scenario",
        "examples/salon-map.toml",
    ]);
    assert!(
        e.contains("--write-scenario examples/salon-map.toml: this is a file being read"),
        "{e}"
    );
    let e = run(&["--baseline", "2025-6..2025-11", "--pilot", "2026-01"]);
    assert!(e.contains("\"2025-6\" is not a month"), "{e}");
    let e = run(&[
        "--baseline",
        "2025-06..2025-11",
        "--pilot",
        "2026-01",
        "--expect",
        "lots",
    ]);
    assert!(e.contains("--expect lots"), "{e}");
}

#[test]
fn the_table_in_russian_fits_eighty_columns() {
    let out = roi()
        .env("COLUMNS", "80")
        .args(salon(&[
            "--scenario",
            "examples/salon-rostov.toml",
            "--lang",
            "ru",
        ]))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    for line in text.lines() {
        assert!(line.chars().count() <= 80, "wider than 80: {line}");
    }
    insta::assert_snapshot!("pilot_salon_ru", text);
}

#[test]
fn the_page_holds_the_decision_the_chart_and_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("pilot.html");
    stdout(&salon(&[
        "--scenario",
        "examples/salon-rostov.toml",
        "--lang",
        "ru",
        "-o",
        page.to_str().unwrap(),
    ]));
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!doctype html>"), "{html}");
    // A clear rise, but even odds of paying over the plan's year: extend.
    assert!(html.contains("Решение: ПРОДЛИТЬ"), "{html}");
    assert!(html.contains("<svg"), "a chart");
    assert!(
        html.contains("пилот: диапазон (95\u{a0}%)"),
        "the band's legend"
    );
    assert!(html.contains("Сравнение с планом «Beauty salon, Rostov-on-Don»"));
    // Self-contained: no scripts, nothing fetched (the SVG namespace is a name, not a fetch).
    assert!(!html.contains("<script") && !html.contains("src=") && !html.contains("<link"));
}

#[test]
fn relabelled_leads_are_called_out_and_the_total_judged() {
    let dir = tempfile::tempdir().unwrap();
    // Flat 100 a month throughout; from the pilot on the assistant tags about 30% of them.
    let recs = exports::salon(
        (2025, 1),
        &[100, 100, 100, 100, 100, 100, 100, 100, 100],
        Some(6),
        4,
    );
    let path = dir.path().join("deals.csv");
    std::fs::write(&path, exports::bitrix_csv(&recs)).unwrap();
    let json = pilot_json(&[
        path.to_str().unwrap(),
        MAP[0],
        MAP[1],
        "--baseline",
        "2025-01..2025-06",
        "--pilot",
        "2025-07..2025-09",
    ]);
    assert_eq!(metric(&json, "leads", "other")["verdict"], "down");
    assert_eq!(metric(&json, "leads", "all")["verdict"], "unclear");
    assert_eq!(json["attribution"]["cannibalisation"], true);
    let reasons: Vec<&str> = json["decision"]["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["reason"].as_str().unwrap())
        .collect();
    assert!(reasons.contains(&"cannibalisation"), "{reasons:?}");
    assert_ne!(json["decision"]["decision"], "scale");
}

#[test]
fn a_clear_fall_is_never_outweighed() {
    let dir = tempfile::tempdir().unwrap();
    let file = salon_csv(
        dir.path(),
        (2024, 1),
        &with_year_before(&[200, 200, 200, 100, 100]),
        12,
    );
    let json = pilot_json(&[
        file.to_str().unwrap(),
        MAP[0],
        MAP[1],
        "--baseline",
        "2025-01..2025-03",
        "--pilot",
        "2025-04..2025-05",
    ]);
    assert_eq!(metric(&json, "leads", "all")["verdict"], "down");
    assert_eq!(json["decision"]["decision"], "stop");
    assert_eq!(json["decision"]["reasons"][0]["reason"], "worse");
}

#[test]
fn a_near_empty_pilot_reports_its_measured_change() {
    let dir = tempfile::tempdir().unwrap();
    // A baseline of 100, 140, 70 (noisy, φ > 1) and nothing at all in the pilot months.
    let mut recs = exports::salon((2025, 1), &[100, 140, 70], None, 2);
    recs.extend(
        exports::salon((2025, 4), &[1, 1], None, 3)
            .into_iter()
            .map(|mut r| {
                r.id += 100_000;
                r
            }),
    );
    let path = dir.path().join("deals.csv");
    std::fs::write(&path, exports::bitrix_csv(&recs)).unwrap();
    let json = pilot_json(&[
        path.to_str().unwrap(),
        MAP[0],
        MAP[1],
        "--baseline",
        "2025-01..2025-03",
        "--pilot",
        "2025-04..2025-05",
    ]);
    let leads = metric(&json, "leads", "all");
    // 1 lead a month against 103.3: the measured change, not a corrected one.
    close(&leads["change"], 1.0 / (310.0 / 3.0) - 1.0);
    assert!(leads["low"].as_f64().unwrap() <= leads["change"].as_f64().unwrap());
    // Three wild months and two near-empty ones: the quasi-Poisson interval on t(3).
    assert_eq!(leads["method"], "quasi_poisson");
}

#[test]
fn a_workbook_holds_the_changes_as_numbers() {
    use calamine::{Data, Reader, Xlsx};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pilot.xlsx");
    stdout(&salon(&[
        "--scenario",
        "examples/salon-rostov.toml",
        "-o",
        path.to_str().unwrap(),
    ]));
    let mut book: Xlsx<_> = calamine::open_workbook(&path).unwrap();
    assert_eq!(book.sheet_names(), ["Pilot", "Plan"]);
    let sheet = book.worksheet_range("Pilot").unwrap();
    let leads = sheet
        .rows()
        .find(|r| r.first() == Some(&Data::String("Leads per month".into())))
        .unwrap();
    // Before 92.5 leads a month, pilot 120.33, change +30.09% (see the statistics test).
    assert_eq!(leads[2], Data::Float(92.5));
    match leads[4] {
        Data::Float(x) => assert!((x - 0.30090090).abs() < 1e-7, "{x}"),
        ref other => panic!("{other:?}"),
    }
}

#[test]
fn help_offers_only_what_the_pilot_writes() {
    let help = stdout(&["pilot", "--help"]);
    assert!(!help.contains("--excel"), "{help}");
    for format in ["table", "json", "html", "xlsx"] {
        assert!(help.contains(format), "{format} missing: {help}");
    }
    assert!(!help.contains("csv:"), "{help}");
}

#[test]
fn simulate_on_the_written_scenario_gives_the_pilots_odds() {
    let dir = tempfile::tempdir().unwrap();
    let after = dir.path().join("after.toml");
    let json = salon_json(&[
        "--scenario",
        "examples/salon-rostov.toml",
        "--write-scenario",
        after.to_str().unwrap(),
        "--trials",
        "20000",
        "--seed",
        "7",
    ]);
    let odds = &json["odds"];
    assert_eq!(odds["trials"], 20000);
    assert_eq!(odds["seed"], 7);
    let text = std::fs::read_to_string(&after).unwrap();
    assert!(
        text.contains(r#"leads = { low = "+9.0336%", high = "+62.6644%", dist = "lognormal" }"#),
        "{text}"
    );
    let sim: Value = serde_json::from_str(&stdout(&[
        "simulate",
        after.to_str().unwrap(),
        "--trials",
        "20000",
        "--seed",
        "7",
        "-f",
        "json",
    ]))
    .unwrap();
    // The same file, trials and seed: the same draws, so the same chance.
    let (p, q) = (
        odds["roi_positive"].as_f64().unwrap(),
        sim["probabilities"]["roi_positive"].as_f64().unwrap(),
    );
    assert!((p - q).abs() < 1e-9, "{p} vs {q}");
    close(
        &odds["roi_p50"],
        sim["metrics"]["roi"]["p50"].as_f64().unwrap(),
    );
    // With simulate's own default trials and seed, within Monte Carlo error (< 1 pp).
    let sim: Value = serde_json::from_str(&stdout(&[
        "simulate",
        after.to_str().unwrap(),
        "-f",
        "json",
    ]))
    .unwrap();
    let r = sim["probabilities"]["roi_positive"].as_f64().unwrap();
    assert!((p - r).abs() < 0.01, "{p} vs {r}");
    // Even odds of paying do not scale a clear rise: the pilot goes on.
    assert!(p > 0.2 && p < 0.8, "{p}");
    assert_eq!(json["decision"]["decision"], "extend");
}

#[test]
fn a_pilot_planned_in_advance_is_judged_look_by_look() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("pilot-plan.toml");
    let json = pilot_json(&[
        "examples/salon-deals.csv",
        MAP[0],
        MAP[1],
        "--baseline",
        "2025-06..2025-11",
        "--plan",
        "--expect",
        "+40%",
        "--months",
        "4",
        "--save-plan",
        plan.to_str().unwrap(),
    ]);
    assert_eq!(json["pilot_plan"]["months"], 4);
    let text = std::fs::read_to_string(&plan).unwrap();
    assert!(text.contains("start = \"2025-12\"\nmonths = 4\n"), "{text}");
    // Lan–DeMets O'Brien–Fleming over information k0·k/(k0 + k) for k = 1..4
    // months against 6 (tests/reference/sequential.py has the reference).
    let judge = |pilot: &str| {
        pilot_json(&[
            "examples/salon-deals.csv",
            MAP[0],
            MAP[1],
            "--pilot-plan",
            plan.to_str().unwrap(),
            "--pilot",
            pilot,
        ])
    };
    let first = judge("2025-12");
    let look = &first["primary"]["look"];
    assert_eq!(look["look"], 1);
    assert_eq!(look["of"], 4);
    // One month in, +39% against a year earlier is not yet past p ≤ 0.00035.
    assert!(look["boundary_p"].as_f64().unwrap() < 0.001, "{look}");
    assert_eq!(first["decision"]["decision"], "extend");
    assert_eq!(first["decision"]["extra_months"], 3);
    let third = judge("2025-12..2026-02");
    assert_eq!(third["primary"]["look"]["look"], 3);
    assert_eq!(third["decision"]["decision"], "scale");
    // The plan's months only, from its start.
    let e = refused(&[
        "pilot",
        "examples/salon-deals.csv",
        MAP[0],
        MAP[1],
        "--pilot-plan",
        plan.to_str().unwrap(),
        "--pilot",
        "2026-01",
    ]);
    assert!(e.contains("give its months so far, from its start"), "{e}");
    // A plan edited by hand is read with its mistakes named by line and key.
    let bad = dir.path().join("bad.toml");
    std::fs::write(
        &bad,
        text.replace("months = 4", "months = 99")
            .replace("primary = \"leads\"", "primary = \"calls\""),
    )
    .unwrap();
    let e = refused(&[
        "pilot",
        "examples/salon-deals.csv",
        MAP[0],
        MAP[1],
        "--pilot-plan",
        bad.to_str().unwrap(),
    ]);
    assert!(e.contains("months = 99: 1 to 36 months"), "{e}");
    assert!(e.contains("primary = calls: one of leads"), "{e}");
}

#[test]
fn the_odds_run_on_the_whole_plan_and_their_absence_never_stops() {
    // A two-year plan with cost lines: the odds are over its 24 months, and
    // the written scenario carries its horizon and every cost line.
    let dir = tempfile::tempdir().unwrap();
    let after = dir.path().join("after.toml");
    let json = salon_json(&[
        "--scenario",
        "examples/fitness-seasonal.toml",
        "--write-scenario",
        after.to_str().unwrap(),
        "--trials",
        "2000",
    ]);
    assert_eq!(json["odds"]["months"], 24);
    let text = std::fs::read_to_string(&after).unwrap();
    assert!(text.contains("months = 24"), "{text}");
    assert_eq!(text.matches("[[costs.item]]").count(), 3, "{text}");
    // Without amounts there is no scenario to draw from: the pilot still
    // answers, says why there are no odds, and does not stop a clear rise.
    let src = std::fs::read_to_string("examples/salon-deals.csv").unwrap();
    let blank: String = src
        .lines()
        .map(|l| {
            let mut cells: Vec<&str> = l.split(';').collect();
            if cells.len() > 3 && !l.contains("\"Сумма\"") {
                cells[3] = "\"\"";
            }
            cells.join(";") + "\r\n"
        })
        .collect();
    let file = dir.path().join("deals.csv");
    std::fs::write(&file, blank).unwrap();
    let json = pilot_json(&[
        file.to_str().unwrap(),
        MAP[0],
        MAP[1],
        "--baseline",
        "2025-06..2025-11",
        "--pilot",
        "2025-12..2026-02",
        "--scenario",
        "examples/salon-rostov.toml",
    ]);
    assert_eq!(json["odds"], Value::Null);
    assert!(reasons(&json).contains(&"no_odds"), "{json}");
    assert_eq!(json["decision"]["decision"], "extend");
}

#[test]
fn a_plan_that_could_never_decide_is_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.toml");
    // 2024-07..2024-12: the export holds no year before it.
    let e = refused(&[
        "pilot",
        "examples/salon-deals.csv",
        MAP[0],
        MAP[1],
        "--baseline",
        "2024-07..2024-12",
        "--plan",
        "--months",
        "3",
        "--save-plan",
        plan.to_str().unwrap(),
    ]);
    assert!(
        e.contains("no pilot planned on this data could decide"),
        "{e}"
    );
    assert!(!plan.exists());
    let e = refused(&[
        "pilot",
        "examples/salon-deals.csv",
        MAP[0],
        MAP[1],
        "--baseline",
        "2025-06..2025-11",
        "--plan",
        "--start",
        "2025-10",
        "--save-plan",
        plan.to_str().unwrap(),
    ]);
    assert!(e.contains("the pilot must start after the baseline"), "{e}");
}
