//! `roi solve` on a scenario with a capacity: the range starts where the
//! rules allow, and a target met only between two values says so.
//!
//! The capped salon (examples/salon-capacity.toml) by hand: baseline demand
//! 200 × 20% = 40 visits a month, after 260 × 25% = 65, cap 50, check
//! 1 500 ₽, margin 1, no ramp, cost 25 000 + 12 × 10 000 = 145 000 ₽.
//! Benefit over 12 months = 12 × 1 500 × (served after − served before)
//! = 18 000 × (min(65, cap) − 40), so ROI ≥ t ⇔ min(65, cap) − 40 ≥ (1 + t) × 145 000 ÷ 18 000.

mod common;

use common::{json, stdout};
use serde_json::Value;

const CAPPED: &str = "examples/salon-capacity.toml";
const SALON: &str = "examples/salon-rostov.toml";

fn solve(file: &str, key: &str, target: &str) -> Value {
    json(&[
        "solve", file, "--for", key, "--target", target, "-f", "json",
    ])
}

/// The summary of `calc` with `sets` applied.
fn summary(file: &str, sets: &[&str]) -> Value {
    let mut args = vec!["calc", file, "-f", "json"];
    for s in sets {
        args.extend(["--set", s]);
    }
    json(&args)["summary"].clone()
}

fn num(v: &Value) -> f64 {
    v.to_string().trim_matches('"').parse().unwrap()
}

/// The answer's text with wrapped lines joined again, so that a phrase
/// can be looked for whatever the terminal width.
fn text(args: &[&str]) -> String {
    stdout(args).replace("\n  ", " ")
}

/// ROI from calc with `key` set to `value`.
fn roi_at(file: &str, key: &str, value: &str) -> f64 {
    num(&summary(file, &[&format!("{key}={value}")])["roi"])
}

#[test]
fn the_capacity_is_searched_from_the_baseline_visits_up() {
    // The reviewer's counter-example to "every value meets the target":
    // cap 45 serves 5 more visits, 90 000 ₽ against 145 000 ₽: ROI −37.93%.
    assert!((roi_at(CAPPED, "capacity.visits", "45") - (-55.0 / 145.0)).abs() < 1e-6);

    // ROI 0: cap − 40 = 145 000 ÷ 18 000 = 8.0555…: cap = 48.0555… (rounded up,
    // the side that meets the target).
    let v = solve(CAPPED, "capacity.visits", "roi=0");
    assert_eq!(v["outcome"], "found", "{v}");
    assert_eq!(v["value"].to_string(), "48.055555555556");
    assert_eq!(v["direction"], "at_least");
    assert_eq!(v["method"], "piecewise");
    assert!(v.get("until").is_none(), "{v}");
    // Fed back, the answer meets the target; a hundredth less does not.
    assert!(roi_at(CAPPED, "capacity.visits", "48.055555555556") >= 0.0);
    assert!(roi_at(CAPPED, "capacity.visits", "48.045") < 0.0);

    // ROI 10%: cap − 40 = 1.1 × 145 000 ÷ 18 000 = 8.8611…: 48.8611…
    let v = solve(CAPPED, "capacity.visits", "roi=10%");
    assert_eq!(v["value"].to_string(), "48.861111111112");
    assert_eq!(v["method"], "piecewise");

    // Net 0 is ROI 0: the same 48.0555…
    let v = solve(CAPPED, "capacity.visits", "net=0");
    assert_eq!(v["value"].to_string(), "48.055555555556");

    // Payback ≤ 12: −25 000 at the start, then 1 500 × (cap − 40) − 10 000 a
    // month, so 25 000 ÷ (1 500 × (cap − 40) − 10 000) ≤ 12 ⇔ cap − 40 ≥
    // (25 000 ÷ 12 + 10 000) ÷ 1 500 = 8.0555…: again 48.0555…, by bisection
    // (payback is a quotient, not a line).
    let v = solve(CAPPED, "capacity.visits", "payback=12");
    assert_eq!(v["direction"], "at_least");
    assert_eq!(v["method"], "search");
    assert!(
        (num(&v["value"]) - (40.0 + 145.0 / 18.0)).abs() < 1e-9,
        "{v}"
    );

    // The range reported when nothing meets the target starts at 40, not 0:
    // ROI 300% needs 4 × 145 000 ÷ 18 000 = 32.2 more visits, past the 25
    // the assistant can bring at all (65 − 40).
    let text = text(&[
        "solve",
        CAPPED,
        "--for",
        "capacity.visits",
        "--target",
        "roi=300%",
    ]);
    assert!(text.contains("No value meets the target"), "{text}");
    // At the cap 40 nothing more is served: ROI −100%.
    assert!(
        text.contains("capacity.visits from 40 (ROI over 12 months -100.0% there)"),
        "{text}"
    );
}

#[test]
fn more_baseline_leads_can_fill_the_chairs_so_the_target_is_met_only_between() {
    // Baseline leads L: before 0.2 L visits, after 1.3 L × 25% = 0.325 L, both
    // capped at 50; the rule 0.2 L ≤ 50 allows L up to 250.
    // L ≤ 50 ÷ 0.325 = 153.85: benefit = 18 000 × 0.125 L; ROI 0 ⇔ 0.125 L =
    //   145 000 ÷ 18 000 = 8.0555… ⇔ L = 64.444…
    // 153.85 ≤ L ≤ 250: benefit = 18 000 × (50 − 0.2 L); ROI 0 ⇔ 50 − 0.2 L =
    //   8.0555… ⇔ L = 209.722…
    // So ROI(L) ≥ 0 only for 64.44 ≤ L ≤ 209.72; at 240, 18 000 × 2 = 36 000 ₽:
    // ROI = (36 000 − 145 000) ÷ 145 000 = −75.17%.
    assert!((roi_at(CAPPED, "baseline.leads", "240") - (-109.0 / 145.0)).abs() < 1e-6);

    let v = solve(CAPPED, "baseline.leads", "roi=0");
    assert_eq!(v["outcome"], "found", "{v}");
    // The lower end rounded up, the upper end rounded down: both inside.
    assert_eq!(v["value"].to_string(), "64.444444444445");
    assert_eq!(v["direction"], "at_least");
    assert_eq!(v["method"], "piecewise");
    let until = &v["until"];
    assert_eq!(until["value"].to_string(), "209.722222222222", "{v}");
    assert_eq!(until["direction"], "at_most");
    assert_eq!(until["method"], "piecewise");
    assert!(v.get("then").is_none(), "{v}");
    // Both ends fed back meet the target; a hundredth outside either does not.
    assert!(roi_at(CAPPED, "baseline.leads", "64.444444444445") >= 0.0);
    assert!(roi_at(CAPPED, "baseline.leads", "209.722222222222") >= 0.0);
    assert!(roi_at(CAPPED, "baseline.leads", "64.43") < 0.0);
    assert!(roi_at(CAPPED, "baseline.leads", "209.74") < 0.0);
    // The achieved ROI at each end is calc's.
    assert_eq!(
        until["achieved"].to_string(),
        summary(CAPPED, &["baseline.leads=209.722222222222"])["roi"].to_string()
    );

    // Payback ≤ 12 months is the same interval (see the capacity test), found
    // by bisection at both ends.
    let v = solve(CAPPED, "baseline.leads", "payback=12");
    assert!((num(&v["value"]) - 580.0 / 9.0).abs() < 1e-9, "{v}");
    assert!(
        (num(&v["until"]["value"]) - 1887.5 / 9.0).abs() < 1e-9,
        "{v}"
    );
    assert_eq!(v["until"]["method"], "search");
}

#[test]
fn the_interval_is_said_in_words_in_both_languages() {
    let args = [
        "solve",
        CAPPED,
        "--for",
        "baseline.leads",
        "--target",
        "roi=0",
    ];
    let en = text(&args);
    assert!(
        en.contains("baseline.leads: the target is met only between 64.44 and 209.72."),
        "{en}"
    );
    assert!(
        en.contains("At baseline.leads = 209.72: ROI over 12 months = 0.0%; exact value, for --set: 209.722222222222"),
        "{en}"
    );
    // A cap bends the line: never "linear in this input", never "at this value and above".
    assert!(!en.contains("linear in this input.\n"), "{en}");
    assert!(!en.contains("and above"), "{en}");
    let mut ru_args = args.to_vec();
    ru_args.extend(["--lang", "ru"]);
    let ru = text(&ru_args);
    assert!(
        ru.contains("baseline.leads: цель достигается только в диапазоне от 64,44 до 209,72."),
        "{ru}"
    );
    assert!(
        ru.contains("При baseline.leads = 64,44: ROI за 12\u{a0}месяцев = 0,0\u{a0}%; точное значение для --set: 64.444444444445"),
        "{ru}"
    );
    assert!(ru.contains("вблизи ответа цель линейно зависит"), "{ru}");
}

#[test]
fn a_cap_brought_in_by_for_is_solved_on_its_piece() {
    // No [capacity] in the file: solving for it brings one in. ROI 100% needs
    // min(65, cap) − 40 = 2 × 145 000 ÷ 18 000 = 16.111…: cap = 56.111…,
    // past the kink at 40 that ends the first sampled bracket's straight piece.
    let v = solve(SALON, "capacity.visits", "roi=100%");
    assert_eq!(v["value"].to_string(), "56.111111111112");
    assert_eq!(v["method"], "piecewise", "{v}");
    let text = text(&[
        "solve",
        SALON,
        "--for",
        "capacity.visits",
        "--target",
        "roi=100%",
    ]);
    assert!(!text.contains("bisection"), "{text}");
    assert!(text.contains("the capacity or a season bends it"), "{text}");
    // ROI 0 as on the capped file: the cap of 50 in it plays no part.
    let v = solve(SALON, "capacity.visits", "roi=0");
    assert_eq!(v["value"].to_string(), "48.055555555556");
}

#[test]
fn without_a_cap_the_answer_keeps_its_single_boundary_layout() {
    // 192.22 break-even leads (tests/whatif.rs works it out): no interval keys.
    let v = solve(SALON, "after.leads", "roi=0");
    assert_eq!(v["value"].to_string(), "192.222222222223");
    assert_eq!(v["method"], "exact");
    let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "achieved",
            "baseline",
            "direction",
            "key",
            "method",
            "outcome",
            "relative",
            "target",
            "value",
            "version"
        ]
    );
}
