//! Every scenario `roi measure --scenario` or `roi pilot --write-scenario`
//! writes is one `roi calc` and `roi simulate` take: a property over monthly
//! sheets with amounts up to 10²⁸, baselines of a lead or two, shares at 0%
//! and 100%, and pilots whose intervals reach the rules' bounds. Figures a
//! salon could have must be written; figures past what exact arithmetic
//! models may be refused, but only with exit 2 and a reason.
//!
//! The commands run in-process; `WRITTEN_CASES` sets the number of cases.

use clap::Parser;
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::path::Path;

/// What one run came to: 0 or the exit code, stdout, the error.
struct Outcome {
    code: u8,
    stdout: Vec<u8>,
    error: String,
}

/// Runs `roi args --lang en` in-process, with its output captured.
fn run(args: &[String]) -> Outcome {
    let argv = std::iter::once("roi".to_string())
        .chain(args.iter().cloned())
        .chain(["--lang".to_string(), "en".to_string()]);
    let (result, stdout, _) = roi::stdio::capture(|| {
        let cli = roi::cli::Cli::try_parse_from(argv).map_err(anyhow::Error::from)?;
        roi::commands::run(cli)
    });
    let (code, error) = match result {
        Ok(()) => (0, String::new()),
        Err(e) => (roi::exit_code(&e), format!("{e:#}")),
    };
    assert!(code == 0 || code == 2, "{args:?}: exit {code}: {error}");
    if code == 2 {
        assert!(stdout.is_empty(), "{args:?} failed after printing: {error}");
    }
    Outcome {
        code,
        stdout,
        error,
    }
}

/// One month of a sheet.
#[derive(Debug, Clone)]
struct Month {
    leads: u64,
    bookings: u64,
    visits: u64,
    no_shows: u64,
    revenue: Decimal,
}

/// Checks from a kopeck to 10²⁸ ₽, the salon's own among them.
fn check() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        4 => (100u64..=500_000).prop_map(|k| Decimal::new(k as i64, 2)),
        1 => prop::sample::select(vec![
            "0.01", "1", "0.0000000000000000000000000001", "999999999", "1000000000000000",
            "10000000000000000000", "123456789012345678.9", "10000000000000000000000000000",
        ])
        .prop_map(|s| s.parse().unwrap()),
    ]
}

/// A month: leads (tiny, a salon's, or huge), a share of them booked, of
/// the bookings come or not (0%, 100% or between), each visit at `check`.
fn month() -> impl Strategy<Value = Month> {
    let leads = prop_oneof![
        3 => 0u64..=3,
        4 => 4u64..=300,
        1 => prop::sample::select(vec![1_000_000u64, 1 << 40, 1 << 62]),
    ];
    (leads, 0u64..=4, 0u64..=4, 0u64..=4, check()).prop_map(|(leads, b, v, n, check)| {
        let bookings = leads / 4 * b + if b == 4 { leads % 4 } else { 0 };
        let visits = bookings / 4 * v + if v == 4 { bookings % 4 } else { 0 };
        let no_shows =
            (bookings - visits) / 4 * n + if n == 4 { (bookings - visits) % 4 } else { 0 };
        // A revenue past 7.9·10²⁸ is no revenue a sheet can hold: capped there.
        let revenue = Decimal::from(visits)
            .checked_mul(check)
            .unwrap_or(Decimal::MAX)
            .min(Decimal::from_i128_with_scale(7 * 10i128.pow(28), 0));
        Month {
            leads,
            bookings,
            visits,
            no_shows,
            revenue,
        }
    })
}

/// The sheet's text: a row a month from 2024-01 on.
fn sheet(months: &[Month]) -> String {
    let mut text = String::from("Месяц;Заявки;Записи;Пришли;Неявки;Выручка\n");
    for (i, m) in months.iter().enumerate() {
        text.push_str(&format!(
            "{:04}-{:02};{};{};{};{};{}\n",
            2024 + i / 12,
            i % 12 + 1,
            m.leads,
            m.bookings,
            m.visits,
            m.no_shows,
            m.revenue
        ));
    }
    text
}

fn month_name(i: usize) -> String {
    format!("{:04}-{:02}", 2024 + i / 12, i % 12 + 1)
}

/// Whether a salon could have written these months: counts a business
/// has, up to 10⁸ ₽ of revenue a month, and a baseline that measured a
/// check. (Past 10⁹ ₽ a month calc keeps fewer than 18 decimal places of
/// the products of a pilot's ranges, and refuses to round them.)
fn plausible(months: &[Month], baseline: usize) -> bool {
    let base = &months[..baseline];
    months
        .iter()
        .all(|m| m.leads <= 1_000_000 && m.revenue <= Decimal::from(100_000_000u64))
        && base.iter().map(|m| m.leads).sum::<u64>() > 0
        && base.iter().map(|m| m.visits).sum::<u64>() > 0
}

/// calc (and simulate, when `[after]` has ranges) on the text: both take it.
fn taken(text: &str, dir: &Path, origin: &str) {
    let path = dir.join("written.toml");
    std::fs::write(&path, text).unwrap();
    let file = path.display().to_string();
    let calc = run(&["calc".into(), file.clone()]);
    assert_eq!(
        calc.code, 0,
        "{origin}: calc refuses: {}\n{text}",
        calc.error
    );
    let table: toml::Table = text.parse().unwrap();
    let ranges = table
        .get("after")
        .and_then(toml::Value::as_table)
        .is_some_and(|t| !t.is_empty());
    if ranges {
        let sim = run(&["simulate".into(), file, "--trials".into(), "50".into()]);
        assert_eq!(
            sim.code, 0,
            "{origin}: simulate refuses: {}\n{text}",
            sim.error
        );
    }
}

fn cases() -> u32 {
    std::env::var("WRITTEN_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(if cfg!(debug_assertions) { 200 } else { 2000 })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: cases(),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn every_written_scenario_runs(
        months in prop::collection::vec(month(), 2..=9),
        baseline in 1usize..=6,
    ) {
        let baseline = baseline.min(months.len() - 1);
        let dir = tempfile::tempdir().unwrap();
        let sheet_path = dir.path().join("sheet.csv");
        std::fs::write(&sheet_path, sheet(&months)).unwrap();
        let sheet_path = sheet_path.display().to_string();
        let base = format!("{}..{}", month_name(0), month_name(baseline - 1));
        let pilot = format!("{}..{}", month_name(baseline), month_name(months.len() - 1));
        let must = plausible(&months, baseline);

        let measured = run(&["measure".into(), sheet_path.clone(), "--baseline".into(), base.clone(), "--scenario".into()]);
        prop_assert!(measured.code == 0 || !must, "measure refused a salon's figures: {}\n{}", measured.error, sheet(&months));
        if measured.code == 0 {
            taken(&String::from_utf8(measured.stdout).unwrap(), dir.path(), "measure");
        }

        let after = dir.path().join("after.toml");
        let judged = run(&[
            "pilot".into(), sheet_path, "--baseline".into(), base, "--pilot".into(), pilot,
            "--write-scenario".into(), after.display().to_string(),
        ]);
        prop_assert!(judged.code == 0 || !must, "pilot refused a salon's figures: {}\n{}", judged.error, sheet(&months));
        if judged.code == 0 {
            taken(&std::fs::read_to_string(&after).unwrap(), dir.path(), "pilot");
        }
    }
}
