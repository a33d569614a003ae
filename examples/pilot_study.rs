//! The simulation study of `roi pilot`'s decisions (`tests/study`): the
//! issue's scenarios, each run N times from one seed, as Markdown tables.
//!
//! `cargo run --release --example pilot_study -- [--runs N] [--seed S]
//! [--threads T] [--only NAME,…]`; `bench/pilot_study.sh` runs it. `--only`
//! keeps the scenarios whose names contain any of the words. The tables go
//! to standard output, the progress to standard error.

#[path = "../tests/study/mod.rs"]
mod study;

use std::time::Instant;
use study::{report, runner, scenarios};

/// The study's settings, from the command line.
struct Settings {
    runs: u64,
    seed: u64,
    threads: usize,
    only: Vec<String>,
}

fn settings() -> Result<Settings, String> {
    let mut s = Settings {
        runs: 2000,
        seed: 18,
        threads: std::thread::available_parallelism().map_or(2, usize::from),
        only: Vec::new(),
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    for pair in args.chunks(2) {
        let value = pair.get(1).ok_or(format!("{} needs a value", pair[0]))?;
        let bad = |_| format!("{} {value}: not a number", pair[0]);
        match pair[0].as_str() {
            "--runs" => s.runs = value.parse().map_err(bad)?,
            "--seed" => s.seed = value.parse().map_err(bad)?,
            "--threads" => s.threads = value.parse().map_err(bad)?,
            "--only" => s.only = value.split(',').map(String::from).collect(),
            other => return Err(format!("unknown option {other}")),
        }
    }
    Ok(s)
}

fn main() {
    let s = match settings() {
        Ok(s) => s,
        Err(e) => {
            eprintln!(
                "pilot_study: {e}\nusage: pilot_study [--runs N] [--seed S] [--threads T] [--only NAME,…]"
            );
            std::process::exit(2);
        }
    };
    let start = Instant::now();
    println!(
        "Seed {}, {} runs per scenario, {} threads; ± is the Monte Carlo standard error √(p(1 − p)/N).",
        s.seed, s.runs, s.threads
    );
    for group in scenarios::issue() {
        let rows: Vec<_> = group
            .scenarios
            .into_iter()
            .filter(|sc| s.only.is_empty() || s.only.iter().any(|w| sc.name.contains(w.as_str())))
            .map(|sc| {
                let t = Instant::now();
                let tally = runner::run_scenario(&sc, s.seed, s.runs, s.threads);
                eprintln!("{}: {:.1} s", sc.name, t.elapsed().as_secs_f64());
                (sc, tally)
            })
            .collect();
        if !rows.is_empty() {
            println!("\n### {}\n\n{}", group.title, report::table(&rows));
            println!(
                "What moved (channel all, share of runs):\n\n{}",
                report::moved(&rows)
            );
        }
    }
    println!("\nElapsed: {:.1} s", start.elapsed().as_secs_f64());
}
