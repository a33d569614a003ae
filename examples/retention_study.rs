//! The simulation study of the pilot's client returns (`tests/returns_study`),
//! long: `cargo run --release --example retention_study -- [RUNS] [SEED]`;
//! `bench/retention_study.sh` runs it. The Markdown table goes to standard output.

#[path = "../tests/returns_study/mod.rs"]
mod returns_study;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut number = |default: u64| args.next().and_then(|a| a.parse().ok()).unwrap_or(default);
    let (runs, seed) = (number(2000), number(20));
    println!(
        "Seed {seed}, {runs} runs per truth; ± is the Monte Carlo standard error √(p(1 − p)/N). Coverage and \"differ\" are over the runs that were not too early.\n"
    );
    print!("{}", returns_study::table(seed, runs));
}
