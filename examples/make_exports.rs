//! Writes the shipped example exports and the benchmark's big export, with the
//! same generator the tests use (`tests/exports`), so their totals are known.
//!
//! `cargo run --example make_exports -- examples` rewrites `examples/salon-*`;
//! `cargo run --release --example make_exports -- big 1000000 /tmp/deals.csv`
//! writes a Bitrix24 CSV of that many deals for `bench/measure.sh` (`big-xlsx`: a workbook).

#[path = "../tests/exports/mod.rs"]
mod exports;

use std::io::Write;

/// The README's switchback: 32 weeks of a salon at about 300 leads a month
/// (a busy Saturday, a seasonal swing, months that differ), then eight weeks
/// of a day-level switchback drawn with seed 42 (the length `roi pilot
/// design` asks for +30%), the assistant adding 30% to its days' leads; then
/// three days after.
fn salon_switchback() -> (Vec<exports::Rec>, String) {
    use roi::evidence::switchback::{Plan, Unit, file};
    let start = chrono::NaiveDate::from_ymd_opt(2026, 1, 12).expect("a date");
    let plan = Plan {
        unit: Unit::Day,
        start,
        units: 56,
        washout: 0,
        seed: 42,
    };
    let schedule = plan.draw().expect("a valid design");
    let story = exports::daily::DailyStory {
        start: (2025, 6, 2),
        days: 224 + 56 + 3,
        switch_from: 224,
        arms: schedule.days.iter().map(|d| d.on).collect(),
        effect: 0.3,
        // One draw of the generator, chosen to show a decision (seeds 2026
        // and 11 happen to land below +20% and leave it at "extend").
        seed: 7,
        ..Default::default()
    };
    (exports::daily::daily(&story), file::csv(&schedule))
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("examples") => {
            let recs = exports::salon_story();
            std::fs::write("examples/salon-deals.csv", exports::bitrix_csv(&recs))?;
            std::fs::write("examples/salon-map.toml", exports::SALON_MAP)?;
            std::fs::write("examples/salon-monthly.xlsx", exports::monthly_xlsx(&recs))?;
            eprintln!("wrote examples/salon-deals.csv, salon-map.toml, salon-monthly.xlsx");
        }
        Some("big") => {
            let n: usize = args
                .get(1)
                .and_then(|s| s.parse().ok())
                .unwrap_or(1_000_000);
            let path = args.get(2).map_or("/tmp/deals-big.csv", String::as_str);
            let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
            // Twelve months of an agency's clients, written in blocks of a month.
            let per_month = n / 12;
            for m in 0..12u32 {
                let count = if m == 11 {
                    n - per_month * 11
                } else {
                    per_month
                };
                let recs = exports::salon((2025, m + 1), &[count as u32], Some(0), 1 + m as u64);
                let recs: Vec<exports::Rec> = recs
                    .into_iter()
                    .enumerate()
                    .map(|(i, mut r)| {
                        // Unique IDs across months, none repeated (no product rows).
                        r.id = (m as usize * per_month + i) as u32 * 7 + 1;
                        r
                    })
                    .collect();
                let bytes = exports::bitrix_csv(&recs);
                // Only the first block keeps its BOM and header.
                let body = if m == 0 {
                    &bytes[..]
                } else {
                    let at = bytes.iter().position(|&b| b == b'\n').map_or(0, |i| i + 1);
                    &bytes[at..]
                };
                out.write_all(body)?;
            }
            out.flush()?;
            eprintln!("wrote {n} deals to {path}");
        }
        Some("big-xlsx") => {
            // A Bitrix24 export saved as a workbook, for the XLSX benchmark.
            let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(100_000);
            let path = args.get(2).map_or("/tmp/deals-big.xlsx", String::as_str);
            let recs = exports::salon((2025, 1), &[n as u32], Some(0), 11);
            std::fs::write(path, exports::bitrix_xlsx(&recs))?;
            eprintln!("wrote {n} deals to {path}");
        }
        Some("daily") => {
            // A salon's days with an 8-week switchback pilot by days from 2026-01-12
            // (seed 42, the README's): +30% leads on the assistant's days.
            let (recs, schedule) = salon_switchback();
            std::fs::write("examples/salon-daily.csv", exports::bitrix_csv(&recs))?;
            std::fs::write("examples/salon-schedule.csv", schedule)?;
            eprintln!("wrote examples/salon-daily.csv, salon-schedule.csv");
        }
        _ => eprintln!("usage: make_exports examples | daily | big N PATH | big-xlsx N PATH"),
    }
    Ok(())
}
