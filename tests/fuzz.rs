//! The fuzz harness: scenario text written from the file's grammar or mutated
//! from the shipped examples, with hostile `--set` values, driven through
//! every command's library entry point in-process. Whatever the input, a
//! command must not panic, must fail only as a user error (exit 2), and must
//! print nothing when it fails and something when it succeeds.
//!
//! Each property runs on its own test thread, so the two cores share the
//! work; `FUZZ_CASES` scales every property. CI runs the full 21 000 cases in
//! release mode (`cargo test --release --locked --test fuzz`, about 30 s on
//! the shared 2-core machine); the debug `cargo test` runs a tenth of them.
//! Past crashes are kept below as named regression cases.

use clap::Parser;
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};
use std::path::{Path, PathBuf};

#[path = "fuzz/grammar.rs"]
mod grammar;
use grammar::{set, tables, value};

/// What one run of a command came to.
#[derive(Debug)]
struct Outcome {
    /// 0 for success, else the exit code the error deserves.
    code: u8,
    stdout: Vec<u8>,
    /// Warnings and notes.
    stderr: Vec<u8>,
    /// The error as `main` would print it (empty on success).
    error: String,
}

/// The language is one setting for the whole process, as it is for the
/// binary. The properties ask for `--lang en` or `ru` and check no wording,
/// so they run side by side; a named case checks English text and runs
/// alone, so that no property switches the language under it.
static LANGUAGE: std::sync::RwLock<()> = std::sync::RwLock::new(());

/// Runs `roi args` in-process, with its output captured.
fn run(args: &[String]) -> Outcome {
    let _shared;
    let _alone;
    if args.iter().any(|a| a == "--lang") {
        _shared = LANGUAGE.read().unwrap_or_else(|e| e.into_inner());
    } else {
        _alone = LANGUAGE.write().unwrap_or_else(|e| e.into_inner());
    }
    let argv = std::iter::once("roi".to_string()).chain(args.iter().cloned());
    let (result, stdout, stderr) = roi::stdio::capture(|| {
        // clap refusing the command line is its own business, exit 2 as well.
        let cli = roi::cli::Cli::try_parse_from(argv).map_err(anyhow::Error::from)?;
        roi::commands::run(cli)
    });
    match result {
        Ok(()) => Outcome {
            code: 0,
            stdout,
            stderr,
            error: String::new(),
        },
        Err(e) => Outcome {
            code: e
                .downcast_ref::<clap::Error>()
                .map_or_else(|| roi::exit_code(&e), |_| 2),
            stdout,
            stderr,
            error: format!("{e:#}"),
        },
    }
}

/// The contract every run must keep; panics (which proptest reports with
/// the smallest input it can find) when it does not.
fn check(args: &[String]) -> Outcome {
    let out = run(args);
    match out.code {
        0 => assert!(
            !out.stdout.is_empty(),
            "{args:?} succeeded but printed nothing"
        ),
        2 => {
            assert!(
                out.stdout.is_empty(),
                "{args:?} failed ({}) after printing {} bytes",
                out.error,
                out.stdout.len()
            );
            assert!(!out.error.trim().is_empty(), "{args:?}: an empty error");
        }
        code => panic!("{args:?}: exit {code}, not a user error: {}", out.error),
    }
    out
}

/// A scratch file for this thread's scenarios, rewritten for each case.
fn scratch(text: &str) -> PathBuf {
    thread_local! {
        static DIR: tempfile::TempDir = tempfile::tempdir().unwrap();
    }
    DIR.with(|d| {
        let path = d.path().join("case.toml");
        std::fs::write(&path, text).unwrap();
        path
    })
}

/// The command line for command `which` on `file`, with `--set` changes.
fn command(which: usize, file: &Path, sets: &[(String, String)], extra: usize) -> Vec<String> {
    let file = file.display().to_string();
    let keys = [
        "after.leads",
        "baseline.average_check",
        "costs.setup",
        "after.conversion",
        "costs.monthly",
        "retention.repeat_visits.2",
    ];
    let key = keys[extra % keys.len()].to_string();
    let mut args: Vec<String> = match which % 7 {
        0 => {
            let format = ["table", "json", "csv"][extra % 3];
            vec!["calc".into(), file, "--format".into(), format.into()]
        }
        1 => vec!["compare".into(), file],
        2 => {
            let vary = [
                "after.leads=+0%..+50%:+25%",
                "costs.setup=0..7e28",
                "costs.monthly=1e-20..0:-1e-21",
                "after.conversion=+0pp..+10pp",
                "baseline.average_check=1..1e28",
                "capacity.visits=0..1e28",
                "retention.repeat_visits.1=0..2:0.5",
            ][extra % 7];
            vec![
                "sweep".into(),
                file,
                "--vary".into(),
                vary.into(),
                "--format".into(),
                "csv".into(),
            ]
        }
        3 => {
            let target = ["roi=0.5", "net=0", "payback=3", "roi=0", "npv=1e20"][extra % 5];
            vec![
                "solve".into(),
                file,
                "--for".into(),
                key,
                "--target".into(),
                target.into(),
            ]
        }
        4 => vec!["simulate".into(), file, "--trials".into(), "20".into()],
        5 => vec!["sensitivity".into(), file],
        _ => vec!["report".into(), file],
    };
    for (k, v) in sets {
        args.push("--set".into());
        args.push(format!("{k}={v}"));
    }
    args.extend(["--lang".into(), ["en", "ru"][extra % 2].into()]);
    args
}

/// A scenario written from the grammar: each table present or not, each key
/// present or not, each value in any form; sometimes variants.
fn scenario() -> impl Strategy<Value = String> {
    let key = |name: &'static str| {
        prop::option::weighted(0.7, value())
            .prop_map(move |v| v.map_or_else(String::new, |v| format!("{name} = {v}\n")))
    };
    let months = prop_oneof![
        (1u32..=120).prop_map(|n| n.to_string()),
        Just("0".to_string()),
        Just("121".to_string()),
        Just("1.5".to_string()),
        Just("\"12\"".to_string()),
    ];
    (
        prop::option::weighted(0.5, months),
        (
            key("leads"),
            key("conversion"),
            key("average_check"),
            key("no_show_rate"),
        ),
        (
            key("leads"),
            key("conversion"),
            key("average_check"),
            key("no_show_rate"),
        ),
        (key("setup"), key("monthly")),
        (key("staff_hours"), key("hourly_rate"), key("other")),
        (
            key("gross_margin"),
            key("ramp_months"),
            key("discount_rate"),
        ),
        prop::collection::vec((set(), any::<bool>()), 0..3),
        tables(),
    )
        .prop_map(|(months, b, a, c, s, x, variants, tables)| {
            let mut t = String::new();
            if let Some(m) = months {
                t.push_str(&format!("[scenario]\nname = \"fuzz\"\nmonths = {m}\n"));
            }
            t.push_str(&format!("[baseline]\n{}{}{}{}", b.0, b.1, b.2, b.3));
            t.push_str(&format!("[after]\n{}{}{}{}", a.0, a.1, a.2, a.3));
            t.push_str(&format!("[costs]\n{}{}", c.0, c.1));
            t.push_str(&format!("[savings]\n{}{}{}", s.0, s.1, s.2));
            t.push_str(&format!("[assumptions]\n{}{}{}", x.0, x.1, x.2));
            // After the tables above: `[[costs.item]]` is an array under [costs]
            // and may follow any table.
            t.push_str(&tables);
            for (i, ((k, v), nested)) in variants.into_iter().enumerate() {
                let v = if v.parse::<f64>().is_ok() {
                    v
                } else {
                    format!("{v:?}")
                };
                t.push_str(&format!("[[variant]]\nname = \"v{i}\"\n"));
                if nested {
                    let (table, leaf) = k.split_once('.').unwrap_or((&k, "x"));
                    t.push_str(&format!("set = {{ {table} = {{ {leaf} = {v} }} }}\n"));
                } else {
                    t.push_str(&format!("set = {{ \"{k}\" = {v} }}\n"));
                }
            }
            t
        })
}

const EXAMPLES: [&str; 8] = [
    include_str!("../examples/salon-rostov.toml"),
    include_str!("../examples/clinic-rostov.toml"),
    include_str!("../examples/fitness-rostov.toml"),
    include_str!("../examples/salon-ranges.toml"),
    include_str!("../examples/salon-capacity.toml"),
    include_str!("../examples/fitness-seasonal.toml"),
    include_str!("../examples/salon-intervals.toml"),
    include_str!("../examples/salon-retention.toml"),
];

/// One change to a shipped example's text.
#[derive(Debug, Clone)]
enum Mutation {
    /// The value of the n-th `key = value` line replaced.
    Value(usize, String),
    /// The n-th line removed.
    Drop(usize),
    /// The n-th line written twice.
    Twice(usize),
    /// A byte put in at a position.
    Byte(usize, u8),
    /// The text cut at a position.
    Cut(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        6 => (any::<usize>(), value()).prop_map(|(n, v)| Mutation::Value(n, v)),
        1 => any::<usize>().prop_map(Mutation::Drop),
        1 => any::<usize>().prop_map(Mutation::Twice),
        1 => (any::<usize>(), prop::sample::select(b"=\"[]{}.,%+-_e0\n#".to_vec()))
            .prop_map(|(n, b)| Mutation::Byte(n, b)),
        1 => any::<usize>().prop_map(Mutation::Cut),
    ]
}

/// A shipped example with mutations applied in turn.
fn mutate(example: &str, mutations: &[Mutation]) -> String {
    let mut text = example.to_string();
    for m in mutations {
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        if lines.is_empty() {
            break;
        }
        match m {
            Mutation::Value(n, v) => {
                let assignments: Vec<usize> = (0..lines.len())
                    .filter(|&i| lines[i].contains(" = ") && !lines[i].starts_with('#'))
                    .collect();
                if let Some(&i) = assignments.get(n % assignments.len().max(1)) {
                    let key = lines[i].split(" = ").next().unwrap_or("").to_string();
                    lines[i] = format!("{key} = {v}");
                }
            }
            Mutation::Drop(n) => {
                let i = n % lines.len();
                lines.remove(i);
            }
            Mutation::Twice(n) => {
                let i = n % lines.len();
                lines.insert(i, lines[i].clone());
            }
            Mutation::Byte(n, b) => {
                let mut bytes = text.into_bytes();
                bytes.insert(n % (bytes.len() + 1), *b);
                text = String::from_utf8_lossy(&bytes).into_owned();
                continue;
            }
            Mutation::Cut(n) => {
                let mut at = n % (text.len() + 1);
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                text.truncate(at);
                continue;
            }
        }
        text = lines.join("\n") + "\n";
    }
    text
}

/// Cases per property, scaled by `FUZZ_CASES` (a multiple of the default).
/// The full count needs an optimised build to finish within a minute on two
/// cores (`.ci/run` runs `cargo test --release --test fuzz`); the debug build
/// that `cargo test` makes runs a tenth, as a quick pass beside the other tests.
fn cases(default: u32) -> u32 {
    let fallback = if cfg!(debug_assertions) { 0.1 } else { 1.0 };
    let scale: f64 = std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(fallback);
    ((f64::from(default) * scale) as u32).max(1)
}

fn config(default: u32) -> Config {
    Config {
        cases: cases(default),
        // Failures are kept as named cases below, not in a side file.
        failure_persistence: Some(Box::new(FileFailurePersistence::Off)),
        ..Config::default()
    }
}

proptest! {
    #![proptest_config(config(5_500))]

    /// Grammar-written scenarios through every command.
    #[test]
    fn written_scenarios_never_break_a_command(
        text in scenario(),
        which in 0usize..7,
        sets in prop::collection::vec(set(), 0..2),
        extra in 0usize..60,
    ) {
        check(&command(which, &scratch(&text), &sets, extra));
    }
}

proptest! {
    #![proptest_config(config(5_500))]

    /// The shipped examples, mutated, through every command.
    #[test]
    fn mutated_examples_never_break_a_command(
        example in 0usize..EXAMPLES.len(),
        mutations in prop::collection::vec(mutation(), 1..4),
        which in 0usize..7,
        sets in prop::collection::vec(set(), 0..2),
        extra in 0usize..60,
    ) {
        let text = mutate(EXAMPLES[example], &mutations);
        check(&command(which, &scratch(&text), &sets, extra));
    }
}

proptest! {
    #![proptest_config(config(5_000))]

    /// The shipped examples as they are, with hostile `--set` values.
    #[test]
    fn hostile_flags_never_break_a_command(
        example in 0usize..EXAMPLES.len(),
        which in 0usize..7,
        sets in prop::collection::vec(set(), 1..4),
        extra in 0usize..60,
    ) {
        check(&command(which, &scratch(EXAMPLES[example]), &sets, extra));
    }
}

proptest! {
    #![proptest_config(config(5_000))]

    /// Sane scenarios (amounts of a small business, shares in range) must be
    /// answered, so the harness is not just watching errors go by.
    #[test]
    fn sane_scenarios_are_answered(
        leads in 1u32..10_000,
        conversion in 1u32..=100,
        check_rub in 1u32..100_000,
        uplift in 0u32..=100,
        setup in 0u32..1_000_000,
        monthly in 1u32..100_000,
        which in 0usize..7,
        extra in 0usize..60,
        dist in prop::sample::select(vec!["", "normal", "lognormal"]),
        width in 0u32..=100,
        returns in prop::option::of(prop::collection::vec(0u32..=100, 0..=4)),
    ) {
        // The uplift alone, or as the low end of a normal or lognormal range.
        let after = if dist.is_empty() {
            format!("\"+{uplift}%\"")
        } else {
            format!("{{ low = \"+{uplift}%\", high = \"+{}%\", dist = \"{dist}\" }}", uplift + width)
        };
        let mut text = format!(
            "[baseline]\nleads = {leads}\nconversion = \"{conversion}%\"\naverage_check = {check_rub}\n\
             [after]\nleads = {after}\n[costs]\nsetup = {setup}\nmonthly = {monthly}\n"
        );
        // Returning clients, as shares of a visit per new client.
        if let Some(returns) = returns {
            let months: Vec<String> = returns.iter().map(|r| format!("\"{r}%\"")).collect();
            text.push_str(&format!("[retention]\nrepeat_visits = [{}]\n", months.join(", ")));
        }
        let args = command(which, &scratch(&text), &[], extra);
        let out = check(&args);
        // simulate needs a range and solve may find no answer in range; the rest must answer.
        if matches!(which % 7, 0 | 1 | 5 | 6) || (which % 7 == 4 && !dist.is_empty()) {
            prop_assert_eq!(out.code, 0, "{:?}: {}", args, out.error);
        }
    }
}

/// Runs one past crash through [`check`] and returns its outcome.
fn case(text: &str, args: &[&str]) -> Outcome {
    let path = scratch(text);
    let mut argv: Vec<String> = vec![args[0].to_string(), path.display().to_string()];
    argv.extend(args[1..].iter().map(|s| s.to_string()));
    check(&argv)
}

const SALON: &str = EXAMPLES[0];

#[test]
fn crash_range_point_near_the_limit() {
    // (4e28 + 7e28) / 2 overflowed in the range's point: the midpoint is 5.5e28.
    let out = case(
        SALON,
        &[
            "calc",
            "--set",
            "costs.setup=4e28..7e28",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.error);
    let json = String::from_utf8(out.stdout).unwrap();
    assert!(
        json.contains("\"setup_cost\": 55000000000000000000000000000"),
        "{json}"
    );
}

#[test]
fn crash_sensitivity_swing_end() {
    // 7e28 × 1.2 overflowed while moving costs.setup by +20%.
    let out = case(SALON, &["sensitivity", "--set", "costs.setup=7e28"]);
    assert_eq!(out.code, 2);
    assert!(
        out.error.contains("--set costs.setup=7e28"),
        "{}",
        out.error
    );
}

#[test]
fn crash_sensitivity_swing_width() {
    // ROI at the ends of after.leads: −1 and 4e28, whose difference overflowed.
    let text = "[scenario]\nmonths=1\n[baseline]\nleads=4e8\nconversion=1\naverage_check=1\n\
                [after]\nleads=\"-100%..+100%\"\n[costs]\nmonthly=1e-20\n";
    let out = case(text, &["sensitivity"]);
    assert_eq!(out.code, 2);
    assert!(
        out.error.contains("costs.monthly = 1e-20 (line 10)"),
        "{}",
        out.error
    );
}

#[test]
fn crash_solve_change_from_a_tiny_baseline() {
    let out = case(
        SALON,
        &[
            "solve",
            "--set",
            "baseline.leads=1e-28",
            "--for",
            "after.leads",
            "--target",
            "roi=0",
        ],
    );
    // The change from a baseline of 1e-28 (≈ 3·10^29) overflowed when printed;
    // it is now left out. ROI = 0 where 12 × 375 × leads = 145 000 ₽ of cost.
    assert_eq!(out.code, 0, "{}", out.error);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("after.leads = 32.22 (baseline 0)"), "{text}");
    assert!(
        text.contains("--set after.leads=…: 32.222222222223"),
        "{text}"
    );
}

#[test]
fn crash_sweep_overflow_midway() {
    // The grid's corners pass, ROI overflows in between: exit 2 (whether the
    // sweep then printed nothing is item 3's, checked by `check`'s rule).
    let out = run(&[
        "sweep".into(),
        "examples/salon-rostov.toml".into(),
        "--set".into(),
        "costs.setup=0".into(),
        "--vary".into(),
        "costs.monthly=1e-20..0:-1e-22".into(),
        "--format".into(),
        "csv".into(),
    ]);
    assert_eq!(out.code, 2, "{}", out.error);
}

#[test]
fn crash_warning_against_a_huge_after_value() {
    // Found by this harness: deciding whether after.leads = 4e28 strays from
    // its baseline multiplied 4e28 × 5 and panicked in calc and compare.
    let out = case(SALON, &["calc", "--set", "after.leads=4e28"]);
    assert_eq!(out.code, 2);
    assert!(
        out.error.contains("--set after.leads=4e28"),
        "{}",
        out.error
    );
    // The warning itself is still given for a value that can be computed.
    let out = run(&[
        "calc".into(),
        "examples/salon-rostov.toml".into(),
        "--set".into(),
        "after.leads=2000".into(),
    ]);
    assert_eq!(out.code, 0, "{}", out.error);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("is 10.0 times the baseline 200"),
        "{stderr}"
    );
}
