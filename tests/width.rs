//! Every table fits the terminal: the README's commands at 80 columns never
//! print a longer line, in English or Russian, and their 80-column forms are
//! pinned by snapshots.

mod common;

/// Runs `roi args` with `COLUMNS=width` (stdout is a pipe, so `COLUMNS` decides).
fn at(width: usize, args: &[&str]) -> String {
    let out = common::roi()
        .env("COLUMNS", width.to_string())
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn widest(text: &str) -> usize {
    text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

/// The README's commands that print tables.
const README: [&[&str]; 25] = [
    &["calc", "examples/salon-rostov.toml"],
    &["calc", "examples/salon-retention.toml"],
    &[
        "calc",
        "examples/salon-retention.toml",
        "--set",
        "capacity.visits=70",
    ],
    &[
        "solve",
        "examples/salon-rostov.toml",
        "--for",
        "retention.repeat_visits.1",
        "--target",
        "roi=300%",
    ],
    &["calc", "examples/clinic-rostov.toml"],
    &["calc", "examples/fitness-rostov.toml"],
    &["calc", "examples/salon-ranges.toml"],
    &[
        "calc",
        "examples/salon-rostov.toml",
        "--set",
        "after.leads=+15%",
        "--set",
        "costs.monthly=15000",
    ],
    &[
        "calc",
        "examples/salon-rostov.toml",
        "--set",
        "after.conversion=+8pp",
        "--set",
        "scenario.name=Plan B",
    ],
    &["compare", "examples/salon-rostov.toml"],
    &[
        "compare",
        "examples/salon-rostov.toml",
        "examples/clinic-rostov.toml",
        "examples/fitness-rostov.toml",
    ],
    &[
        "sweep",
        "examples/salon-rostov.toml",
        "--vary",
        "after.conversion=20%..30%:1pp",
    ],
    &[
        "sweep",
        "examples/salon-rostov.toml",
        "--vary",
        "after.leads=+0%..+50%:5%",
        "--vary",
        "costs.monthly=5000..20000:2500",
        "--metric",
        "payback",
    ],
    &[
        "solve",
        "examples/salon-rostov.toml",
        "--for",
        "after.leads",
        "--target",
        "roi=0",
    ],
    &[
        "solve",
        "examples/salon-rostov.toml",
        "--for",
        "after.conversion",
        "--target",
        "payback=3",
    ],
    &[
        "solve",
        "examples/salon-rostov.toml",
        "--for",
        "costs.monthly",
        "--target",
        "roi=100%",
    ],
    &[
        "solve",
        "examples/fitness-rostov.toml",
        "--for",
        "assumptions.discount_rate",
        "--target",
        "npv=0",
        "--set",
        "after.leads=+10%",
        "--set",
        "after.conversion=+0pp",
    ],
    &[
        "solve",
        "examples/clinic-rostov.toml",
        "--for",
        "after.average_check",
        "--target",
        "roi=2",
        "--at-month",
        "1",
    ],
    &[
        "simulate",
        "examples/salon-ranges.toml",
        "--trials",
        "20000",
    ],
    &["sensitivity", "examples/salon-ranges.toml"],
    &[
        "measure",
        "examples/salon-deals.csv",
        "--map",
        "examples/salon-map.toml",
        "--baseline",
        "2025-06..2025-11",
    ],
    &["measure", "examples/salon-monthly.xlsx"],
    &[
        "pilot",
        "examples/salon-deals.csv",
        "--map",
        "examples/salon-map.toml",
        "--baseline",
        "2025-06..2025-11",
        "--pilot",
        "2025-12..2026-02",
    ],
    &[
        "pilot",
        "examples/salon-deals.csv",
        "--map",
        "examples/salon-map.toml",
        "--baseline",
        "2025-06..2025-11",
        "--pilot",
        "2025-12..2026-02",
        "--scenario",
        "examples/salon-rostov.toml",
    ],
    &[
        "pilot",
        "examples/salon-deals.csv",
        "--map",
        "examples/salon-map.toml",
        "--baseline",
        "2025-06..2025-11",
        "--plan",
        "--expect",
        "+30%",
    ],
];

#[test]
fn no_line_passes_the_width_in_either_language() {
    for width in [80, 100, 60] {
        for args in README {
            for lang in ["en", "ru"] {
                let mut args = args.to_vec();
                args.extend(["--lang", lang]);
                let text = at(width, &args);
                assert!(
                    widest(&text) <= width,
                    "{args:?} at {width}: {} columns\n{text}",
                    widest(&text)
                );
            }
        }
    }
}

#[test]
fn without_columns_a_pipe_gets_100() {
    let text = String::from_utf8(
        common::roi()
            .args(["compare", "examples/salon-rostov.toml"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(widest(&text) <= 100, "{text}");
    // At 100 the comparison still fits on one line per figure.
    assert!(text.contains("72,450 ₽ (-25,050 ₽)"), "{text}");
}

macro_rules! at_80 {
    ($($name:ident: $args:expr;)*) => {
        $(
            #[test]
            fn $name() {
                insta::assert_snapshot!(at(80, &$args));
            }
        )*
    };
}

at_80! {
    calc_clinic_80: ["calc", "examples/clinic-rostov.toml"];
    calc_clinic_ru_80: ["calc", "examples/clinic-rostov.toml", "--lang", "ru"];
    compare_salon_80: ["compare", "examples/salon-rostov.toml"];
    compare_three_files_80: ["compare", "examples/salon-rostov.toml", "examples/clinic-rostov.toml", "examples/fitness-rostov.toml"];
    sweep_one_key_80: ["sweep", "examples/salon-rostov.toml", "--vary", "after.conversion=20%..30%:1pp"];
    sweep_grid_80: ["sweep", "examples/salon-rostov.toml", "--vary", "after.leads=+0%..+50%:5%", "--vary", "costs.monthly=5000..20000:2500", "--metric", "payback"];
    simulate_80: ["simulate", "examples/salon-ranges.toml", "--trials", "2000"];
    sensitivity_80: ["sensitivity", "examples/salon-ranges.toml"];
    sensitivity_ru_80: ["sensitivity", "examples/salon-ranges.toml", "--lang", "ru"];
}
