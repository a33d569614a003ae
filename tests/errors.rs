//! Every kind of mistake in a scenario gets a clear message, exit code 2 and an empty stdout.

mod common;
use std::path::Path;

const GOOD_BASELINE: &str = "[baseline]\nleads = 200\nconversion = \"20%\"\naverage_check = 1500\n";

/// Runs `roi calc` on `path` and returns stderr, having checked the contract
/// that every input error shares.
fn refused(path: &Path) -> String {
    let out = common::roi().arg("calc").arg(path).output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "exit code; stderr: {stderr}");
    assert!(
        out.stdout.is_empty(),
        "stdout must stay empty: {:?}",
        out.stdout
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.starts_with("Error: "), "{stderr}");
    stderr
}

/// Writes `text` to `name` in a fresh directory and runs [`refused`] on it.
fn refused_text(name: &str, text: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    let stderr = refused(&path);
    assert!(stderr.contains(name), "names the file: {stderr}");
    stderr
}

/// Asserts that every fragment occurs in the message.
fn says(stderr: &str, fragments: &[&str]) {
    for f in fragments {
        assert!(stderr.contains(f), "expected {f:?} in:\n{stderr}");
    }
}

#[test]
fn toml_syntax_error() {
    let e = refused_text("s.toml", b"[baseline]\nleads = 200\nconversion = \"20%\n");
    says(&e, &["line 3", "not valid TOML", "conversion = \"20%"]);
}

#[test]
fn misspelt_key_suggests_the_right_one() {
    let text = format!("{GOOD_BASELINE}[after]\nconvertion = \"25%\"\n");
    let e = refused_text("s.toml", text.as_bytes());
    says(
        &e,
        &[
            "line 6",
            "after.convertion",
            "unknown key",
            "did you mean `conversion`",
        ],
    );
}

#[test]
fn unknown_table_lists_the_tables() {
    let text = format!("{GOOD_BASELINE}[cost]\nsetup = 1\n");
    let e = refused_text("s.toml", text.as_bytes());
    says(
        &e,
        &[
            "line 5",
            "cost",
            "unknown table",
            "did you mean [costs]",
            "[assumptions]",
        ],
    );
}

#[test]
fn wrong_type_of_value() {
    let e = refused_text(
        "s.toml",
        b"[baseline]\nleads = true\nconversion = \"20%\"\naverage_check = 1500\n",
    );
    says(
        &e,
        &[
            "line 2",
            "baseline.leads = true",
            "found a boolean",
            "a number ≥ 0",
        ],
    );
}

#[test]
fn table_written_as_a_value() {
    let e = refused_text("s.toml", b"baseline = 5\n");
    says(&e, &["line 1", "baseline = 5", "must be a table"]);
}

#[test]
fn text_where_a_number_belongs() {
    let text = format!("{GOOD_BASELINE}[costs]\nmonthly = \"ten thousand\"\n");
    let e = refused_text("s.toml", text.as_bytes());
    says(
        &e,
        &[
            "line 6",
            "costs.monthly = \"ten thousand\"",
            "cannot be read as a number",
        ],
    );
}

#[test]
fn missing_required_keys_are_all_named() {
    let e = refused_text("s.toml", b"[baseline]\nleads = 200\n");
    says(
        &e,
        &[
            "2 problems",
            "line 1: baseline.conversion",
            "baseline.average_check",
            "is required",
        ],
    );
}

#[test]
fn missing_baseline_table() {
    let e = refused_text("s.toml", b"[after]\nleads = 5\n");
    says(&e, &["[baseline] table is missing"]);
}

#[test]
fn negative_amount() {
    let text = format!("{GOOD_BASELINE}[costs]\nmonthly = -10000\n");
    let e = refused_text("s.toml", text.as_bytes());
    says(
        &e,
        &["line 6", "costs.monthly = -10000", "must not be negative"],
    );
}

#[test]
fn rate_outside_the_unit_range_hints_at_percent() {
    let e = refused_text(
        "s.toml",
        b"[baseline]\nleads = 200\nconversion = 20\naverage_check = 1500\n",
    );
    says(
        &e,
        &[
            "line 3",
            "baseline.conversion = 20",
            "outside 0%–100%",
            "did you mean \"20%\"",
        ],
    );
    let e = refused_text(
        "s.toml",
        b"[baseline]\nleads = 200\nconversion = \"120%\"\naverage_check = 1500\n",
    );
    says(&e, &["baseline.conversion = \"120%\"", "outside 0%–100%"]);
}

#[test]
fn relative_change_that_leaves_the_unit_range() {
    let text = "[baseline]\nleads = 200\nconversion = \"60%\"\naverage_check = 1500\n\
                [after]\nconversion = \"+80%\"\nno_show_rate = \"-5pp\"\n";
    let e = refused_text("s.toml", text.as_bytes());
    says(
        &e,
        &[
            "line 6: after.conversion = \"+80%\": comes out at 108.0%",
            "line 7: after.no_show_rate = \"-5pp\": comes out at -5.0%",
        ],
    );
}

#[test]
fn decrease_below_zero() {
    let text = format!("{GOOD_BASELINE}[after]\nleads = \"-150%\"\n");
    let e = refused_text("s.toml", text.as_bytes());
    says(&e, &["after.leads = \"-150%\"", "negative", "-100%"]);
}

#[test]
fn change_where_no_baseline_exists() {
    let text = format!("{GOOD_BASELINE}[costs]\nmonthly = \"+10%\"\n");
    let e = refused_text("s.toml", text.as_bytes());
    says(
        &e,
        &["costs.monthly = \"+10%\"", "only [after] keys change"],
    );
}

#[test]
fn nan_and_infinity() {
    let e = refused_text(
        "s.toml",
        b"[baseline]\nleads = nan\nconversion = \"20%\"\naverage_check = inf\n",
    );
    says(
        &e,
        &[
            "baseline.leads = nan",
            "baseline.average_check = inf",
            "not a finite number",
        ],
    );
    let e = refused_text(
        "s.toml",
        b"[baseline]\nleads = \"NaN\"\nconversion = \"20%\"\naverage_check = 1\n",
    );
    says(&e, &["baseline.leads = \"NaN\"", "not a finite number"]);
}

#[test]
fn numbers_beyond_exact_arithmetic() {
    let e = refused_text(
        "s.toml",
        b"[baseline]\nleads = 1e40\nconversion = \"20%\"\naverage_check = 0.000000000000000000000000000001\n",
    );
    says(
        &e,
        &[
            // Each for its own reason: one is past 7.9e28, the other below 1e-28.
            "baseline.leads = 1e40: is too large",
            "line 4: baseline.average_check = 0.000000000000000000000000000001: is too small",
        ],
    );
    let e = refused_text(
        "s.toml",
        b"[baseline]\nleads = 79228162514264337593543950335\nconversion = 1\naverage_check = 1\n",
    );
    says(&e, &["baseline.leads", "too large"]);
}

#[test]
fn results_that_would_overflow() {
    let e = refused_text(
        "s.toml",
        b"[baseline]\nleads = 1e20\nconversion = 1\naverage_check = 1e10\n",
    );
    says(&e, &["too large to compute exactly", "revenue"]);
}

#[test]
fn zero_or_absurd_horizon() {
    let e = refused_text(
        "s.toml",
        format!("[scenario]\nmonths = 0\n{GOOD_BASELINE}").as_bytes(),
    );
    says(&e, &["line 2", "scenario.months = 0", "from 1 to 120"]);
    let e = refused_text(
        "s.toml",
        format!("[scenario]\nmonths = 100000\n{GOOD_BASELINE}").as_bytes(),
    );
    says(&e, &["scenario.months = 100000", "out of range"]);
}

#[test]
fn fractional_ramp() {
    let text = format!("{GOOD_BASELINE}[assumptions]\nramp_months = 1.5\n");
    let e = refused_text("s.toml", text.as_bytes());
    says(
        &e,
        &[
            "line 6",
            "assumptions.ramp_months = 1.5",
            "not a whole number",
        ],
    );
}

#[test]
fn bad_currency_and_name() {
    let text = format!("[scenario]\ncurrency = \"rubles\"\nname = 5\n{GOOD_BASELINE}");
    let e = refused_text("s.toml", text.as_bytes());
    says(
        &e,
        &[
            "scenario.currency = \"rubles\"",
            "ISO 4217",
            "scenario.name = 5",
            "text in quotes",
        ],
    );
}

#[test]
fn empty_file() {
    let e = refused_text("s.toml", b"");
    says(&e, &["the file is empty", "roi init"]);
    let e = refused_text("c.toml", b"  \n# only a comment\n");
    says(&e, &["the file is empty"]);
}

#[test]
fn non_utf8_bytes() {
    let e = refused_text("s.toml", b"[baseline]\nleads = 200\n# caf\xe9\n");
    says(&e, &["line 3", "not UTF-8", "0xE9"]);
}

#[test]
fn missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let e = refused(&dir.path().join("nowhere.toml"));
    says(&e, &["nowhere.toml: no such file"]);
}

#[test]
fn directory_instead_of_file() {
    let dir = tempfile::tempdir().unwrap();
    let e = refused(dir.path());
    says(&e, &["is a directory"]);
}

#[test]
fn several_mistakes_are_reported_together_in_file_order() {
    let text = "[baseline]\nleads = -1\nconversion = 2\naverage_check = \"x\"\n";
    let e = refused_text("s.toml", text.as_bytes());
    says(&e, &["3 problems"]);
    let (a, b, c) = (
        e.find("line 2").unwrap(),
        e.find("line 3").unwrap(),
        e.find("line 4").unwrap(),
    );
    assert!(a < b && b < c, "{e}");
}

#[test]
fn init_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.toml");
    std::fs::write(&path, "keep me").unwrap();
    let out = common::roi().arg("init").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already exists"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep me");
}

#[test]
fn unknown_format_is_a_usage_error() {
    let out = common::roi()
        .args(["calc", "examples/salon-rostov.toml", "--format", "xml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

#[test]
fn huge_figures_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.toml");
    std::fs::write(
        &big,
        "[baseline]\nleads=0\nconversion=0\naverage_check=0\n[savings]\nother=6e27\n[costs]\nmonthly=1e9\n\
         [[variant]]\nname=\"loss\"\nset={\"savings.other\"=0,\"costs.monthly\"=6e27}\n",
    )
    .unwrap();
    let out = common::roi().arg("compare").arg(&big).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = common::roi()
        .args([
            "solve",
            "examples/salon-rostov.toml",
            "--for",
            "after.leads",
            "--target",
            "roi=79228162514264337593543950335",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("No value meets the target"));
    let e = common::refused(&[
        "sweep",
        "examples/salon-rostov.toml",
        "--vary",
        "costs.monthly=-79228162514264337593543950335..79228162514264337593543950335",
    ]);
    assert!(e.contains("too wide"), "{e}");
}

#[test]
fn a_sign_without_a_unit_is_refused() {
    let e = common::refused(&[
        "calc",
        "examples/salon-rostov.toml",
        "--set",
        "after.leads=+15",
    ]);
    assert!(e.contains("--set after.leads=+15: has a sign"), "{e}");
    let e = refused_text(
        "s.toml",
        format!("{GOOD_BASELINE}[after]\nconversion = +0.05\n").as_bytes(),
    );
    assert!(e.contains("after.conversion = +0.05: has a sign"), "{e}");
}

#[test]
fn a_zero_with_a_huge_exponent_is_quick() {
    let out = common::roi()
        .args([
            "calc",
            "examples/salon-rostov.toml",
            "--set",
            "costs.setup=0e2147483647",
            "-f",
            "json",
        ])
        .timeout(std::time::Duration::from_secs(10))
        .output()
        .unwrap();
    assert!(out.status.success());
}

#[test]
fn every_command_checks_the_variants() {
    let text = format!(
        "{GOOD_BASELINE}[[variant]]\nname = \"typo\"\nset = {{ \"after.lead\" = \"+5%\" }}\n"
    );
    let e = refused_text("v.toml", text.as_bytes());
    assert!(
        e.contains("line 7") && e.contains("did you mean `after.leads`"),
        "{e}"
    );
    let text = format!(
        "{GOOD_BASELINE}[[variant]]\nname = \"twice\"\nset = {{ after = {{ leads = \"+5%\" }}, \"after.leads\" = \"+50%\" }}\n"
    );
    let e = refused_text("v.toml", text.as_bytes());
    assert!(e.contains("is set twice"), "{e}");
    let text = format!(
        "{GOOD_BASELINE}[[variant]]\nname = \"a\"\nset = {{}}\n[[variant]]\nname = \"a\"\nset = {{}}\n"
    );
    let e = refused_text("v.toml", text.as_bytes());
    assert!(e.contains("already has this name"), "{e}");
    let e = refused_text(
        "v.toml",
        format!("{GOOD_BASELINE}[[variant]]\nname = \"a\"\nset = 5\n").as_bytes(),
    );
    assert!(
        e.contains("variant[1].set = 5: must be a table of changes"),
        "{e}"
    );
}

#[test]
fn shape_mistakes_read_plainly() {
    let e = refused_text(
        "s.toml",
        format!("{GOOD_BASELINE}[[after]]\nleads = 1\n").as_bytes(),
    );
    assert!(
        e.contains("after") && e.contains("must be a table, written [after]"),
        "{e}"
    );
    let e = refused_text("s.toml", format!("leads = 200\n{GOOD_BASELINE}").as_bytes());
    assert!(
        e.contains("line 1: leads: is not inside a table; write it under [baseline]"),
        "{e}"
    );
    let e = refused_text(
        "s.toml",
        b"[baseline]\nleads = 99999999999999999999\nconversion = 1\naverage_check = 1\n",
    );
    assert!(e.contains("write it with an exponent"), "{e}");
}

#[test]
fn command_line_mistakes_exit_2() {
    let e = common::refused(&[
        "solve",
        "examples/salon-rostov.toml",
        "--for",
        "after.leads",
        "--target",
        "roi=0",
        "-f",
        "csv",
    ]);
    // solve writes one answer: no CSV is offered, nor --excel.
    assert!(e.contains("[possible values: table, json]"), "{e}");
    let e = common::refused(&[
        "solve",
        "examples/salon-rostov.toml",
        "--for",
        "after.leads",
        "--target",
        "roi=0",
        "--excel",
    ]);
    assert!(e.contains("unexpected argument '--excel'"), "{e}");
    let e = common::refused(&[
        "calc",
        "examples/salon-rostov.toml",
        "-o",
        "/nonexistent/dir/x.json",
    ]);
    assert!(e.contains("does not exist"), "{e}");
    let dir = tempfile::tempdir().unwrap();
    let e = common::refused(&[
        "calc",
        "examples/salon-rostov.toml",
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert!(e.contains("is a directory"), "{e}");
    let e = common::refused(&["init", dir.path().to_str().unwrap()]);
    assert!(e.contains("is a directory"), "{e}");
    let e = common::refused(&["compare", "-", "-"]);
    assert!(e.contains("only once"), "{e}");
    let e = common::refused(&[
        "solve",
        "examples/salon-rostov.toml",
        "--for",
        "scenario.name",
        "--target",
        "roi=0",
    ]);
    assert!(e.contains("is text"), "{e}");
}

#[test]
fn output_never_overwrites_the_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.toml");
    let text = std::fs::read_to_string("examples/salon-rostov.toml").unwrap();
    std::fs::write(&path, &text).unwrap();
    let p = path.to_str().unwrap();
    let e = common::refused(&["calc", p, "-f", "json", "-o", p]);
    assert!(e.contains("would destroy it"), "{e}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn names_from_the_command_line_are_text() {
    let out = common::roi()
        .args([
            "calc",
            "examples/salon-rostov.toml",
            "--set",
            "scenario.name=2025",
            "-f",
            "json",
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["scenario"]["name"], "2025");
    let e = common::refused(&[
        "calc",
        "examples/salon-rostov.toml",
        "--set",
        "scenario.name=",
    ]);
    assert!(e.contains("must not be empty"), "{e}");
}

#[test]
fn five_mistakes_and_unknown_keys_are_all_reported_in_file_order() {
    let e = refused_text(
        "five.toml",
        "[scenario]\nname = \"Five\"\ncolour = \"red\"\n[baseline]\nleads = -200\nconversion = 20\n\
         average_check = 1500\n[after]\nleads = \"+30\"\nconvertion = \"25%\"\n[cost]\nsetup = 1\n\
         [costs]\nmonthly = -5\n"
            .as_bytes(),
    );
    assert!(e.contains("has 7 problems"), "{e}");
    let lines: Vec<usize> = e
        .lines()
        .filter_map(|l| {
            l.trim()
                .strip_prefix("line ")?
                .split(':')
                .next()?
                .parse()
                .ok()
        })
        .collect();
    assert_eq!(lines, [3, 5, 6, 9, 10, 11, 14], "{e}");
    says(
        &e,
        &[
            "scenario.colour: unknown key; [scenario] takes: name, currency, months",
            "after.convertion: unknown key (did you mean `conversion`?)",
            "cost: unknown table (did you mean [costs]?)",
            "costs.monthly = -5: must not be negative",
        ],
    );
}

#[test]
fn syntax_slips_get_a_hint_and_all_are_reported() {
    let e = refused_text(
        "s.toml",
        "[baseline]\nleads = 200\nконверсия = \"20%\"\naverage_check = 1500,50\n".as_bytes(),
    );
    says(
        &e,
        &[
            "has 2 problems",
            "line 3: this is not valid TOML",
            "keys are written in Latin letters, as `roi init` writes them: did you mean conversion?",
            "line 4: this is not valid TOML",
            "write 1500.50 with a decimal point, or in quotes as \"1500,50\"",
        ],
    );
}
