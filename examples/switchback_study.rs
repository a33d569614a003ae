//! The switchback study: does `roi pilot --schedule` keep its promises?
//!
//! `cargo run --release --example switchback_study -- [REPLICATIONS]`
//! (bench/switchback.sh runs it with 1000 and the README quotes the figures)
//! draws salons' days with a known truth, writes each as a Bitrix24 export,
//! and judges it with roi itself, over three scenarios of a 28-day pilot by
//! days at 300 leads a month:
//!
//! 1. no effect and a +20% trend across the pilot: how often it says "scale"
//!    (target ≤ 5%), and how often a before/after pilot of the same length
//!    sees a clear rise;
//! 2. a true +30%: how often it scales, against the power `roi pilot design`
//!    claimed from the month before (target: within 5 points);
//! 3. both: how often the leads' 95% interval holds the truth (93–97%).
//!
//! Each figure comes with its Monte Carlo standard error, √(p(1−p)/n).

#[path = "../tests/exports/mod.rs"]
mod exports;

use exports::study::{Outcome, Scenario, replicate};

fn share(outcomes: &[Outcome], pick: fn(&Outcome) -> bool) -> (f64, f64) {
    let n = outcomes.len() as f64;
    let p = outcomes.iter().filter(|o| pick(o)).count() as f64 / n;
    (p, (p * (1.0 - p) / n).sqrt())
}

fn pct((p, se): (f64, f64)) -> String {
    format!("{:.1}% ± {:.1}", 100.0 * p, 100.0 * se)
}

fn main() {
    let n: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(200);
    let run = |s: Scenario| -> Vec<Outcome> { (1..=n).map(|seed| replicate(s, seed)).collect() };
    let null = run(Scenario {
        effect: 0.0,
        trend_across_pilot: 0.2,
        per_day: 10.0,
        days: 28,
    });
    let real = run(Scenario {
        effect: 0.3,
        trend_across_pilot: 0.0,
        per_day: 10.0,
        days: 28,
    });
    let claimed: Vec<f64> = real
        .iter()
        .map(|o| o.claimed)
        .filter(|c| c.is_finite())
        .collect();
    let claim = claimed.iter().sum::<f64>() / claimed.len().max(1) as f64;
    let claim_sd = (claimed.iter().map(|c| (c - claim).powi(2)).sum::<f64>()
        / claimed.len().max(2) as f64)
        .sqrt();
    println!("switchback study: {n} replications a scenario, 28 days by days, 300 leads a month");
    println!("no effect, +20% trend across the pilot:");
    println!(
        "  switchback says scale:            {}",
        pct(share(&null, |o| o.scale))
    );
    println!(
        "  before/after sees a clear rise:   {}",
        pct(share(&null, |o| o.before_after_rise))
    );
    println!(
        "  interval holds no change:         {}",
        pct(share(&null, |o| o.covered))
    );
    println!("true +30%:");
    println!(
        "  switchback says scale (power):    {}",
        pct(share(&real, |o| o.scale))
    );
    println!(
        "  power roi pilot design claimed:   {:.1}% (mean over replications; sd {:.1})",
        100.0 * claim,
        100.0 * claim_sd
    );
    println!(
        "  interval holds +30%:              {}",
        pct(share(&real, |o| o.covered))
    );
}
