//! The pilot plan file `--save-plan` writes: the design as TOML that
//! `--pilot-plan` reads back, and in comments what it means and where each
//! month's boundary lies. Nothing from an input reaches it but checked
//! months and numbers.

use crate::evidence::pilot::Design;
use crate::i18n::Lang;
use std::fmt::Write;

/// The plan as a file.
pub fn plan_file(d: &Design, lang: Lang) -> String {
    let mut out = String::new();
    for line in [
        "A pilot plan, fixed before the pilot starts. Judge each month with:",
        "  roi pilot FILES… --map MAP.toml --pilot-plan THIS-FILE",
        "Each month's look is held to its boundary below, so looking every month and",
        "acting on the first clear answer keeps the chance of a false \"scale\" at alpha.",
        "Editing it after the pilot has started defeats its purpose.",
    ] {
        let _ = writeln!(out, "# {}", lang.tr(line));
    }
    let looks = d.looks().unwrap_or_default();
    let _ = writeln!(out, "version = {}", crate::evidence::pilot::design::VERSION);
    let _ = writeln!(out, "baseline = \"{}\"", d.baseline);
    let _ = writeln!(out, "start = \"{}\"", d.start);
    let _ = writeln!(out, "months = {}", d.months);
    let _ = writeln!(out, "alpha = {}", d.alpha);
    let _ = writeln!(out, "primary = \"{}\"", d.endpoint.name());
    // Shortest text that reads back as the same f64: a tiny rise must not round to 0.
    let _ = writeln!(out, "expect = {:?}", d.expect);
    let _ = writeln!(
        out,
        "# {}",
        lang.tr(
            "Nominal two-sided p-value each monthly look must reach (Lan–DeMets, O'Brien–Fleming):"
        )
    );
    let mut month = d.start;
    for (j, l) in looks.iter().enumerate() {
        let _ = writeln!(
            out,
            "#   {} {month}: p ≤ {}  (|z| ≥ {})",
            j + 1,
            round(l.p_value, 6),
            round(l.z, 4)
        );
        month = month.next();
    }
    let list: Vec<String> = looks.iter().map(|l| round(l.p_value, 8)).collect();
    let _ = writeln!(out, "boundaries = [{}]", list.join(", "));
    out
}

/// A float to `places` decimals, trailing zeros dropped.
fn round(x: f64, places: usize) -> String {
    let s = format!("{x:.places$}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s.is_empty() { "0".into() } else { s.into() }
}
