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

/// The generated export, kept beside the script that checks it.
fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reference/retention.csv")
}

#[test]
fn the_fixture_is_what_the_generator_writes() {
    let bytes = exports::clients::yclients_csv(&exports::clients::bookings(20));
    if std::env::var_os("ROI_WRITE_RETENTION_FIXTURE").is_some() {
        std::fs::write(fixture(), &bytes).unwrap();
    }
    assert!(
        std::fs::read(fixture()).unwrap() == bytes,
        "tests/reference/retention.csv differs from the generator's output; rerun with ROI_WRITE_RETENTION_FIXTURE=1 and then tests/reference/retention.py"
    );
}

/// `python3 tests/reference/retention.py` (lifelines 0.30.3, pandas 2.3.3):
/// per cohort and channel, new clients, returned within 30/60/90/180/365
/// days (1 − KaplanMeierFitter's S) and LTV at 6 and 12 months, in roubles.
#[allow(clippy::type_complexity)]
const COHORTS: [(&str, &str, u64, [Option<f64>; 5], [Option<f64>; 2]); 42] = [
    ("2024-01", "all", 29, [Some(0.51724138), Some(0.82758621), Some(0.82758621), Some(1.0), Some(1.0)], [Some(9208.97), Some(16071.72)]),
    ("2024-02", "all", 30, [Some(0.4), Some(0.56666667), Some(0.8), Some(0.9), Some(1.0)], [Some(6519.0), Some(12396.67)]),
    ("2024-03", "all", 30, [Some(0.3), Some(0.46666667), Some(0.63333333), Some(0.9), None], [Some(8054.33), None]),
    ("2024-04", "all", 29, [Some(0.34482759), Some(0.48275862), Some(0.62068966), Some(0.93103448), None], [Some(8099.31), None]),
    ("2024-05", "all", 27, [Some(0.25925926), Some(0.51851852), Some(0.62962963), Some(0.92592593), None], [Some(7591.85), None]),
    ("2024-06", "all", 30, [Some(0.4), Some(0.46666667), Some(0.63333333), Some(0.86666667), None], [Some(7006.67), None]),
    ("2024-07", "all", 34, [Some(0.38235294), Some(0.58823529), Some(0.73529412), Some(0.91176471), None], [Some(7634.41), None]),
    ("2024-08", "all", 27, [Some(0.40740741), Some(0.59259259), Some(0.66666667), Some(0.88888889), None], [Some(7143.33), None]),
    ("2024-09", "all", 28, [Some(0.39285714), Some(0.60714286), Some(0.89285714), None, None], [None, None]),
    ("2024-10", "all", 30, [Some(0.46666667), Some(0.63333333), Some(0.8), None, None], [None, None]),
    ("2024-11", "all", 30, [Some(0.26666667), Some(0.56666667), Some(0.73333333), None, None], [None, None]),
    ("2024-12", "all", 28, [Some(0.46428571), Some(0.60714286), None, None, None], [None, None]),
    ("2025-01", "all", 33, [Some(0.45622896), None, None, None, None], [None, None]),
    ("2025-02", "all", 28, [None, None, None, None, None], [None, None]),
    ("2024-01", "ai", 12, [Some(0.58333333), Some(0.83333333), Some(0.83333333), Some(1.0), Some(1.0)], [Some(10431.67), Some(21166.67)]),
    ("2024-02", "ai", 9, [Some(0.77777778), Some(0.77777778), Some(1.0), Some(1.0), Some(1.0)], [Some(8672.22), Some(17028.89)]),
    ("2024-03", "ai", 11, [Some(0.36363636), Some(0.54545455), Some(0.81818182), Some(0.90909091), None], [Some(11240.0), None]),
    ("2024-04", "ai", 9, [Some(0.44444444), Some(0.55555556), Some(0.77777778), Some(1.0), None], [Some(10128.89), None]),
    ("2024-05", "ai", 9, [Some(0.55555556), Some(0.77777778), Some(0.77777778), Some(1.0), None], [Some(9486.67), None]),
    ("2024-06", "ai", 12, [Some(0.5), Some(0.66666667), Some(0.75), Some(1.0), None], [Some(10165.83), None]),
    ("2024-07", "ai", 8, [Some(0.5), Some(0.625), Some(0.875), Some(1.0), None], [Some(9965.0), None]),
    ("2024-08", "ai", 4, [Some(0.5), Some(1.0), Some(1.0), Some(1.0), None], [Some(11395.0), None]),
    ("2024-09", "ai", 9, [Some(0.44444444), Some(0.77777778), Some(0.88888889), None, None], [None, None]),
    ("2024-10", "ai", 12, [Some(0.83333333), Some(0.91666667), Some(1.0), None, None], [None, None]),
    ("2024-11", "ai", 9, [Some(0.11111111), Some(0.66666667), Some(0.88888889), None, None], [None, None]),
    ("2024-12", "ai", 10, [Some(0.4), Some(0.5), None, None, None], [None, None]),
    ("2025-01", "ai", 9, [Some(0.77777778), None, None, None, None], [None, None]),
    ("2025-02", "ai", 8, [None, None, None, None, None], [None, None]),
    ("2024-01", "other", 17, [Some(0.47058824), Some(0.82352941), Some(0.82352941), Some(1.0), Some(1.0)], [Some(8345.88), Some(12475.29)]),
    ("2024-02", "other", 21, [Some(0.23809524), Some(0.47619048), Some(0.71428571), Some(0.85714286), Some(1.0)], [Some(5596.19), Some(10411.43)]),
    ("2024-03", "other", 19, [Some(0.26315789), Some(0.42105263), Some(0.52631579), Some(0.89473684), None], [Some(6210.0), None]),
    ("2024-04", "other", 20, [Some(0.3), Some(0.45), Some(0.55), Some(0.9), None], [Some(7186.0), None]),
    ("2024-05", "other", 18, [Some(0.11111111), Some(0.38888889), Some(0.55555556), Some(0.88888889), None], [Some(6644.44), None]),
    ("2024-06", "other", 18, [Some(0.33333333), Some(0.33333333), Some(0.55555556), Some(0.77777778), None], [Some(4900.56), None]),
    ("2024-07", "other", 26, [Some(0.34615385), Some(0.57692308), Some(0.69230769), Some(0.88461538), None], [Some(6917.31), None]),
    ("2024-08", "other", 23, [Some(0.39130435), Some(0.52173913), Some(0.60869565), Some(0.86956522), None], [Some(6403.91), None]),
    ("2024-09", "other", 19, [Some(0.36842105), Some(0.52631579), Some(0.89473684), Some(1.0), None], [None, None]),
    ("2024-10", "other", 18, [Some(0.22222222), Some(0.44444444), Some(0.66666667), None, None], [None, None]),
    ("2024-11", "other", 21, [Some(0.33333333), Some(0.52380952), Some(0.66666667), None, None], [None, None]),
    ("2024-12", "other", 18, [Some(0.5), Some(0.66666667), None, None, None], [None, None]),
    ("2025-01", "other", 24, [Some(0.3359375), None, None, None, None], [None, None]),
    ("2025-02", "other", 20, [None, None, None, None, None], [None, None]),
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
            close(&c[format!("returned_{w}")], share, 1e-8, &format!("{what} {w} d"));
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
                .filter(|p| p["channel"] == channel && p["day"].as_u64().unwrap() <= *day)
                .last()
                .map_or(0.0, |p| p["returned"].as_f64().unwrap());
            assert!((got - w).abs() < 1e-8, "{channel} day {day}: {got} against {w}");
        }
    }
}
