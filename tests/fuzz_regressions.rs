//! Crashes found by hostile testing (issue 11), end to end through the
//! binary: each must now be a user error (exit 2) that names the key and
//! where it was written, with nothing on stdout.

mod common;

/// Runs `roi args`, which must be refused as a user error without printing
/// anything, and returns what it said on stderr.
fn refused(args: &[&str]) -> String {
    let out = common::roi().args(args).output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    assert!(out.stdout.is_empty(), "{args:?} printed before failing");
    assert!(stderr.starts_with("Error: "), "{stderr}");
    stderr
}

/// Writes `text` into a fresh folder as `name` and returns both.
fn scenario(name: &str, text: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    (dir, path.display().to_string())
}

#[test]
fn a_range_near_the_limit_has_its_midpoint() {
    // (4e28 + 7e28) / 2 panicked in every command; the midpoint is 5.5e28,
    // and the cost that large is refused by the engine, naming the flag.
    let e = refused(&[
        "calc",
        "examples/salon-rostov.toml",
        "--set",
        "costs.setup=4e28..7e28",
        "--set",
        "costs.monthly=1e28",
    ]);
    assert!(e.contains("--set costs.setup=4e28..7e28"), "{e}");
    assert!(e.contains("--set costs.monthly=1e28"), "{e}");
    // Alone it computes, at the midpoint.
    let json = common::stdout(&[
        "calc",
        "examples/salon-rostov.toml",
        "--set",
        "costs.setup=4e28..7e28",
        "--format",
        "json",
    ]);
    assert!(json.contains("\"setup_cost\": 55000000000000000000000000000"));
}

#[test]
fn a_range_whose_midpoint_cannot_be_held_asks_for_a_mode() {
    let e = refused(&[
        "calc",
        "examples/salon-rostov.toml",
        "--set",
        "costs.setup=0..0.0000000000000000000000000001",
    ]);
    assert!(e.contains("costs.setup"), "{e}");
    assert!(e.contains("give a mode"), "{e}");
}

#[test]
fn sensitivity_swing_past_the_limit_names_the_key() {
    // 7e28 × (1 + 20%) overflowed in the tornado.
    let e = refused(&[
        "sensitivity",
        "examples/salon-rostov.toml",
        "--set",
        "costs.setup=7e28",
    ]);
    assert!(e.contains("the swing would pass 7.9e28"), "{e}");
    assert!(e.contains("--set costs.setup=7e28"), "{e}");
}

#[test]
fn sensitivity_swing_width_names_key_and_line() {
    // ROI from −1 to 4e28 across after.leads: their difference overflowed.
    // 4e28 has no room for a ratio's 8 places, so it is refused there.
    let (_dir, path) = scenario(
        "tiny-cost.toml",
        "[scenario]\nmonths=1\n[baseline]\nleads=4e8\nconversion=1\naverage_check=1\n\
         [after]\nleads=\"-100%..+100%\"\n[costs]\nmonthly=1e-20\n",
    );
    let e = refused(&["sensitivity", &path]);
    assert!(e.contains("tiny-cost.toml"), "{e}");
    assert!(e.contains("ROI would have to be rounded"), "{e}");
    assert!(e.contains("costs.monthly = 1e-20 (line 10)"), "{e}");
    assert!(e.contains("baseline.leads = 4e8 (line 4)"), "{e}");
}

#[test]
fn solve_from_a_tiny_baseline_answers_without_the_change() {
    // The change from a baseline of 1e-28 leads (≈ 3·10^29 as a share)
    // overflowed when printed. ROI = 0 where the benefit, 12 × 375 ₽ a lead
    // (25% conversion × 1 500 ₽), covers the 145 000 ₽ of cost: 32.2…
    let args = [
        "solve",
        "examples/salon-rostov.toml",
        "--set",
        "baseline.leads=1e-28",
        "--for",
        "after.leads",
        "--target",
        "roi=0",
    ];
    let text = common::stdout(&args);
    assert!(text.contains("after.leads = 32.22 (baseline 0)"), "{text}");
    let mut json_args = args.to_vec();
    json_args.extend(["--format", "json"]);
    let json = common::stdout(&json_args);
    assert!(json.contains("\"value\": 32.222222222223"), "{json}");
    assert!(json.contains("\"relative\": null"), "{json}");
}

#[test]
fn overflow_names_keys_and_lines() {
    let (_dir, path) = scenario(
        "big.toml",
        "[baseline]\nleads = 4e20\nconversion = 1\naverage_check = 1e9\n[costs]\nmonthly = 1\n",
    );
    let e = refused(&["calc", &path]);
    assert!(e.contains("revenue would pass 7.9e28"), "{e}");
    assert!(e.contains("baseline.leads = 4e20 (line 2)"), "{e}");
    assert!(e.contains("baseline.average_check = 1e9 (line 4)"), "{e}");
    // Keys that do not feed revenue are not blamed.
    assert!(!e.contains("costs.monthly"), "{e}");
}

#[test]
fn digits_beyond_exact_arithmetic_are_refused_not_rounded() {
    // The case: 0.123456789 × 123456789012345678901234567 needs 36
    // digits; the benefit printed …613.34 where the exact value is …613.3315.
    let (_dir, path) = scenario(
        "long.toml",
        "[baseline]\nleads = 1\nconversion = 1\naverage_check = \"123456789012345678901234567\"\n\
         [after]\nconversion = 0.123456789\n[costs]\nmonthly = 1\n",
    );
    let e = refused(&["calc", &path]);
    assert!(
        e.contains("too many significant digits for exact arithmetic at this magnitude"),
        "{e}"
    );
    assert!(e.contains("after.conversion = 0.123456789 (line 6)"), "{e}");
    // The long figures come first: they are the ones to round.
    let at = |key: &str| e.find(key).unwrap_or(usize::MAX);
    assert!(at("after.conversion") < at("baseline.leads"), "{e}");
    assert!(
        e.contains("baseline.average_check = \"123456789012345678901234567\" (line 4)"),
        "{e}"
    );
}

#[test]
fn ratios_are_printed_to_eight_places() {
    // A large but representable case: ROI = (12 × 1e15 − 12 × 7) / (12 × 7).
    let (_dir, path) = scenario(
        "wide.toml",
        "[baseline]\nleads = 0\nconversion = 0\naverage_check = 0\n[savings]\nother = 1e15\n\
         [costs]\nmonthly = 7\n",
    );
    let json = common::stdout(&["calc", &path, "--format", "json"]);
    // (1e15 − 7) / 7 = 142857142857141.857142857142… → 8 places, half away from zero.
    assert!(json.contains("\"roi\": 142857142857141.85714286"), "{json}");
}

#[test]
fn value_reasons_are_right() {
    let reasons = [
        ("baseline.leads=_1500", "cannot be read as a number"),
        ("costs.setup=1e400", "is too large"),
        ("costs.setup=1e-400", "is too small"),
    ];
    for (set, reason) in reasons {
        let e = refused(&["calc", "examples/salon-rostov.toml", "--set", set]);
        assert!(e.contains(reason), "{set}: {e}");
        assert!(!e.contains("more digits"), "{set}: {e}");
    }
    // Zero with any exponent is zero.
    common::stdout(&[
        "calc",
        "examples/salon-rostov.toml",
        "--set",
        "costs.setup=0e-400",
    ]);
    // In a file, toml reads 1e400 as an overflowing float: the reason is the same.
    let (_dir, path) = scenario(
        "huge.toml",
        "[baseline]\nleads = 1e400\nconversion = 1\naverage_check = 1\n",
    );
    let e = refused(&["calc", &path]);
    assert!(e.contains("line 2"), "{e}");
    assert!(e.contains("is too large"), "{e}");
}

#[test]
fn roi_target_without_costs_is_undefined() {
    let (_dir, path) = scenario(
        "free.toml",
        "[baseline]\nleads = 100\nconversion = 0.2\naverage_check = 1000\n\
         [after]\nleads = \"+20%\"\n",
    );
    let args = ["solve", &path, "--for", "after.leads", "--target", "roi=1"];
    let text = common::stdout(&args);
    assert!(text.contains("ROI is undefined here"), "{text}");
    let mut json_args = args.to_vec();
    json_args.extend(["--format", "json"]);
    let json = common::stdout(&json_args);
    assert!(json.contains("\"outcome\": \"undefined\""), "{json}");
    assert!(json.contains("\"value\": null"), "{json}");
    // A cost key can bring ROI into being, so it is still solved.
    let text = common::stdout(&[
        "solve",
        &path,
        "--for",
        "costs.monthly",
        "--target",
        "roi=1",
    ]);
    assert!(!text.contains("undefined here"), "{text}");
}

#[test]
fn an_error_with_stderr_closed_does_not_panic() {
    // stderr is a pipe whose reading end is gone: writing the error fails
    // with EPIPE, which eprintln! turned into a panic (exit 101).
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let status = std::process::Command::new(assert_cmd::cargo::cargo_bin("roi"))
        .args(["calc", "no-such-file.toml"])
        .env("LANG", "C.UTF-8")
        .stdout(std::process::Stdio::null())
        .stderr(writer)
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(2));
}

#[test]
fn a_variant_refused_names_its_own_lines() {
    let (_dir, path) = scenario(
        "cmp.toml",
        "[baseline]\nleads=0\nconversion=0\naverage_check=0\n[savings]\nother=6e27\n\
         [costs]\nmonthly=1e9\n[[variant]]\nname=\"loss\"\n\
         set={\"savings.other\"=0,\"costs.monthly\"=7e28}\n",
    );
    let e = refused(&["compare", &path]);
    assert!(e.contains("(cmp: loss)"), "{e}");
    // The variant's cost, on its own line, not the base's 1e9 on line 8.
    assert!(e.contains("costs.monthly = 7e28 (line 11)"), "{e}");
    assert!(!e.contains("line 8"), "{e}");
    // Zeros cause nothing and are not listed.
    assert!(!e.contains("baseline.leads"), "{e}");
}

#[test]
fn refusals_name_the_tables_keys_that_caused_them() {
    // Found in review: a cost line's, a season factor's or a varied value's
    // overflow named the file's other keys, not the one that caused it.
    let seasonal = "examples/fitness-seasonal.toml";
    let e = refused(&[
        "calc",
        seasonal,
        "--set",
        "costs.item.Telephony.monthly=7.9e28",
    ]);
    assert!(
        e.contains("--set costs.item.Telephony.monthly=7.9e28"),
        "{e}"
    );
    let e = refused(&[
        "sensitivity",
        seasonal,
        "--set",
        "costs.item.Telephony.setup=7e28",
    ]);
    assert!(e.contains("--set costs.item.Telephony.setup=7e28"), "{e}");
    let e = refused(&[
        "sweep",
        seasonal,
        "--set",
        "scenario.months=120",
        "--vary",
        "seasonality.leads.7=0..1e24:1e22",
        "-f",
        "csv",
    ]);
    assert!(
        e.contains("it comes from --vary seasonality.leads.7=1000000000000000000000000"),
        "{e}"
    );
    // The varied key is named with its value at the point, not the file's.
    let e = refused(&[
        "sweep",
        "examples/salon-rostov.toml",
        "--set",
        "costs.setup=0",
        "--vary",
        "costs.monthly=1e-20..0:-1e-26",
        "-f",
        "csv",
    ]);
    assert!(
        e.contains("it comes from --vary costs.monthly=0.00000000000000000001"),
        "{e}"
    );
    assert!(!e.contains("costs.monthly = 10000"), "{e}");
}
