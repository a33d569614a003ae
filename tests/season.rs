//! `roi measure --scenario` learns the year's shape from an export that holds
//! every calendar month, and writes it as `[seasonality]` that `roi calc` reads.

mod common;
mod exports;

use common::stdout;
use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::Value;

/// Writes `recs` as a Bitrix24 CSV with the salon's mapping, measures the
/// baseline `period` into a scenario file, and returns its path and text.
fn measured(
    dir: &std::path::Path,
    recs: &[exports::Rec],
    period: &str,
) -> (std::path::PathBuf, String) {
    let file = dir.join("deals.csv");
    std::fs::write(&file, exports::bitrix_csv(recs)).unwrap();
    let map = dir.join("map.toml");
    std::fs::write(&map, exports::SALON_MAP).unwrap();
    let scenario = dir.join("salon.toml");
    stdout(&[
        "measure",
        file.to_str().unwrap(),
        "--map",
        map.to_str().unwrap(),
        "--baseline",
        period,
        "--scenario",
        "-o",
        scenario.to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(&scenario).unwrap();
    (scenario, text)
}

/// The salon's story: 2024-06 … 2026-02, the assistant from 2025-12. A
/// baseline of 2025-03 … 2025-11 leaves 18 months before the assistant.
fn baseline_scenario(dir: &std::path::Path) -> (std::path::PathBuf, String) {
    measured(dir, &exports::salon_story(), "2025-03..2025-11")
}

#[test]
fn a_year_of_data_writes_the_season_worked_by_hand() {
    let want = exports::expected(&exports::salon_story());
    let leads = |m: &str| want[&(m.to_string(), "all")].leads;
    // The generator writes the story's monthly leads as given.
    assert_eq!(leads("2024-11"), 112);
    assert_eq!(leads("2025-11"), 99);
    let dir = tempfile::tempdir().unwrap();
    let (_, text) = baseline_scenario(dir.path());
    // Calendar-month means over 2024-06 … 2025-11 (June … November seen twice):
    // Jan 88, Feb 104, Mar 89, Apr 92, May 87, Jun (86+94)/2 = 90,
    // Jul (91+83)/2 = 87, Aug (84+90)/2 = 87, Sep (93+97)/2 = 95,
    // Oct (95+92)/2 = 93.5, Nov (112+99)/2 = 105.5, Dec 82; they sum to 1100.
    // Each × 12 / 1100: Jan 1056/1100 = 0.96, Feb 1.134545… → 1.1345,
    // Mar 0.970909… → 0.9709, Apr 1.003636… → 1.0036, May 0.949090… → 0.9491,
    // Jun 0.981818… → 0.9818, Jul and Aug 0.9491, Sep 1.036363… → 1.0364,
    // Oct 1122/1100 = 1.02, Nov 1266/1100 = 1.150909… → 1.1509,
    // Dec 984/1100 = 0.894545… → 0.8945.
    assert!(
        text.contains(
            "[seasonality]\nstart = \"2025-12\"\n# January … December\nleads = [0.96, 1.1345, 0.9709, 1.0036, 0.9491, 0.9818, 0.9491, 0.9491, 1.0364, 1.02, 1.1509, 0.8945]\n"
        ),
        "{text}"
    );
    assert!(text.contains("2024-06..2025-11 (18 months)"), "{text}");
    // The baseline's 823 leads (89+92+87+94+83+90+97+92+99) over the weight
    // of March … November: 0.9709+1.0036+0.9491+0.9818+0.9491+0.9491+1.0364
    // +1.02+1.1509 = 9.0109, to 12 places.
    let expect = (Decimal::from(823) / Decimal::new(90109, 4))
        .round_dp_with_strategy(12, RoundingStrategy::MidpointAwayFromZero)
        .normalize();
    assert!(text.contains(&format!("\nleads = {expect}\n")), "{text}");
    assert!(text.contains("weight of these months, 9.0109"), "{text}");
}

#[test]
fn less_than_a_year_writes_no_season() {
    let dir = tempfile::tempdir().unwrap();
    // 2025-01 … 2025-03 only.
    let recs = exports::salon((2025, 1), &[96, 104, 131], None, 7);
    let (_, text) = measured(dir.path(), &recs, "2025-01..2025-03");
    assert!(!text.contains("[seasonality]"), "{text}");
    // Without a season, leads is the plain mean: 331 / 3 to 12 places.
    assert!(text.contains("\nleads = 110.333333333333\n"), "{text}");
}

#[test]
fn calc_gives_back_the_baseline_leads_measured() {
    let dir = tempfile::tempdir().unwrap();
    let (scenario, _) = baseline_scenario(dir.path());
    let calc: Value =
        serde_json::from_str(&stdout(&["calc", scenario.to_str().unwrap(), "-f", "json"])).unwrap();
    // Projection month 1 is 2025-12, so months 4 … 12 are March … November,
    // the baseline's calendar months: their baseline revenue must be the
    // measured 823 leads × conversion × (1 − no-shows) × check.
    let b = &calc["baseline"];
    let num = |v: &Value| v.to_string().parse::<Decimal>().unwrap();
    let per_lead =
        num(&b["conversion"]) * (Decimal::ONE - num(&b["no_show_rate"])) * num(&b["average_check"]);
    let want = Decimal::from(823) * per_lead;
    let months = calc["monthly"].as_array().unwrap();
    let got: Decimal = months[3..12]
        .iter()
        .map(|m| num(&m["revenue_baseline"]))
        .sum();
    // Nine monthly figures, each rounded to the kopeck.
    assert!((got - want).abs() <= Decimal::new(5, 2), "{got} vs {want}");
}
