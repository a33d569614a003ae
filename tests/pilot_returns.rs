//! The pilot's client returns end to end, on examples/salon-clients.csv,
//! against `python3 tests/reference/pilot_returns.py`, which reads the CSV
//! with pandas and computes every figure without roi: lifelines'
//! KaplanMeierFitter and its log-log interval for each channel's new
//! clients, the MOVER interval of their difference, and statsmodels'
//! quasi-Poisson GLM (offset log(active clients), scale="X2") for the
//! existing clients, its p-value from Student's t on the residual degrees of
//! freedom.

mod common;

use common::stdout;
use serde_json::Value;

const CLIENTS: &str = "examples/salon-clients.csv";
const AI: &str = "Источник=AI-ассистент";

fn returns(baseline: &str, pilot: &str) -> Value {
    let out = stdout(&[
        "pilot",
        CLIENTS,
        "--ai",
        AI,
        "--baseline",
        baseline,
        "--pilot",
        pilot,
        "--format",
        "json",
    ]);
    let doc: Value = serde_json::from_str(&out).unwrap();
    doc["returns"].clone()
}

#[track_caller]
fn close(v: &Value, expected: f64) {
    let x = v.as_f64().unwrap_or_else(|| panic!("{v} is not a number"));
    // JSON carries eight decimals.
    assert!((x - expected).abs() < 1e-8, "{x} against {expected}");
}

#[test]
fn the_pilots_new_and_existing_clients_match_the_reference() {
    let r = returns("2024-06..2024-11", "2024-12..2025-02");
    assert_eq!(r["end"], "2025-02-28");
    assert_eq!(r["age_days"], 60);
    let n = &r["new_clients"];
    // pilot_returns.py: "assistant 27 13 returned 0.5953891860 low 0.3877147985 high 0.8115557087"
    assert_eq!(
        (
            n["assistant"]["clients"].as_u64(),
            n["assistant"]["returned_so_far"].as_u64()
        ),
        (Some(27), Some(13))
    );
    close(&n["assistant"]["returned"], 0.5953891860);
    close(&n["assistant"]["low"], 0.3877147985);
    close(&n["assistant"]["high"], 0.8115557087);
    // "other 62 27 returned 0.6605232031 low 0.4962100893 high 0.8177535661"
    assert_eq!(
        (
            n["other"]["clients"].as_u64(),
            n["other"]["returned_so_far"].as_u64()
        ),
        (Some(62), Some(27))
    );
    close(&n["other"]["returned"], 0.6605232031);
    close(&n["other"]["low"], 0.4962100893);
    close(&n["other"]["high"], 0.8177535661);
    // "difference -0.0651340171 low -0.3256144162 high 0.2063927125"
    close(&n["difference"]["estimate"], -0.0651340171);
    close(&n["difference"]["low"], -0.3256144162);
    close(&n["difference"]["high"], 0.2063927125);
    assert_eq!(n["difference"]["verdict"], "unclear");
    assert_eq!(n["too_early"], false);
    // The months with half a year of export before them (it starts in January 2024).
    let e = &r["existing"];
    let months = |side: &str| -> Vec<(String, u64, u64)> {
        e[side]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                (
                    m["month"].as_str().unwrap().to_string(),
                    m["visits"].as_u64().unwrap(),
                    m["active_clients"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    let row = |m: &str, v, a| (m.to_string(), v, a);
    assert_eq!(
        months("baseline"),
        [
            row("2024-08", 97, 209),
            row("2024-09", 123, 233),
            row("2024-10", 141, 261),
            row("2024-11", 154, 286)
        ]
    );
    assert_eq!(
        months("pilot"),
        [
            row("2024-12", 161, 314),
            row("2025-01", 169, 337),
            row("2025-02", 177, 370)
        ]
    );
    // "ratio 0.9536110609 phi 0.4202015269 p(t, 5 df) 0.2942798341"
    close(&e["ratio"]["estimate"], 0.9536110609);
    close(&e["ratio"]["phi"], 0.4202015269);
    close(&e["ratio"]["p_value"], 0.2942798341);
}

#[test]
fn before_sixty_days_it_is_too_early_and_says_when_to_look_again() {
    // A pilot from 1 January read on 28 February: 58 days at most.
    // pilot_returns.py: "too early: assistant longest not back 51 days; ready
    // 2025-03-09", the other channels' 57 days (ready 3 March).
    let r = returns("2024-06..2024-11", "2025-01..2025-02");
    assert_eq!(r["new_clients"]["too_early"], true);
    assert_eq!(r["new_clients"]["difference"], Value::Null);
    assert_eq!(r["new_clients"]["ready"], "2025-03-09");
    let table = stdout(&[
        "pilot",
        CLIENTS,
        "--ai",
        AI,
        "--baseline",
        "2024-06..2024-11",
        "--pilot",
        "2025-01..2025-02",
        "--lang",
        "ru",
    ]);
    assert!(table.contains("Сравнивать пока рано"), "{table}");
    assert!(
        table.contains("проверьте снова после 09.03.2025"),
        "{table}"
    );
}

#[test]
fn without_half_a_year_before_the_baseline_existing_clients_are_not_compared() {
    let r = returns("2024-02..2024-04", "2024-05..2024-07");
    assert_eq!(r["existing"], Value::Null);
    assert!(r["new_clients"]["assistant"]["clients"].as_u64().unwrap() > 0);
}

#[test]
fn an_export_without_clients_has_no_returns() {
    let out = stdout(&[
        "pilot",
        "examples/salon-deals.csv",
        "--map",
        "examples/salon-map.toml",
        "--baseline",
        "2025-06..2025-11",
        "--pilot",
        "2025-12..2026-02",
        "--format",
        "json",
    ]);
    let doc: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["returns"], Value::Null);
    let table = stdout(&[
        "pilot",
        "examples/salon-deals.csv",
        "--map",
        "examples/salon-map.toml",
        "--baseline",
        "2025-06..2025-11",
        "--pilot",
        "2025-12..2026-02",
    ]);
    assert!(!table.contains("Clients who come back"), "{table}");
}

#[test]
fn the_returns_read_the_same_in_both_languages() {
    for lang in ["en", "ru"] {
        let table = stdout(&[
            "pilot",
            CLIENTS,
            "--ai",
            AI,
            "--baseline",
            "2024-06..2024-11",
            "--pilot",
            "2024-12..2025-02",
            "--lang",
            lang,
        ]);
        let section = &table[table
            .find(if lang == "en" {
                "Clients who come back"
            } else {
                "Возвраты клиентов"
            })
            .unwrap()..];
        insta::assert_snapshot!(format!("returns_{lang}"), section);
    }
}

#[test]
fn a_visit_dated_in_the_future_does_not_stretch_the_follow_up() {
    // One mistyped year: a visit in 2099. Left out as `measure --retention`
    // leaves it, the end stays the last real date and the figures stay.
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("clients.csv");
    let mut text = std::fs::read_to_string(CLIENTS).unwrap();
    text.push_str("9999;01.12.2024 10:00;01.12.2099 10:00;Клиент пришел;1500;Клиентка 9999;+7 900 000-99-99;Сайт\n");
    std::fs::write(&csv, text).unwrap();
    let out = stdout(&[
        "pilot",
        csv.to_str().unwrap(),
        "--ai",
        AI,
        "--baseline",
        "2024-06..2024-11",
        "--pilot",
        "2024-12..2025-02",
        "--format",
        "json",
    ]);
    let doc: Value = serde_json::from_str(&out).unwrap();
    let r = &doc["returns"];
    assert_eq!(r["end"], "2025-02-28");
    close(&r["new_clients"]["assistant"]["returned"], 0.5953891860);
}
