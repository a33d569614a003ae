//! Reading `[[variant]]`s: linear in the file, and every value exact however
//! it is nested.

use super::super::{Location, Source};
use super::Draft;
use crate::forecast::scenario::Loaded;
use crate::input::scans;
use rust_decimal::Decimal;
use std::str::FromStr;

const BASE: &str = "[baseline]\nleads = 200\nconversion = \"20%\"\naverage_check = 1500\n\
    [after]\nleads = \"+30%\"\n[costs]\nsetup = 25000\nmonthly = 10000\n";

fn source(text: &str) -> Source {
    Source {
        name: "many.toml".into(),
        text: text.to_string(),
    }
}

/// The base above with `n` variants, odd ones dotted and even ones nested;
/// variant `i` sets `costs.monthly` to `9000 + i`. Returns the text and the
/// line each variant's `name` is on, counted while writing.
fn with_variants(n: usize) -> (String, Vec<usize>) {
    let mut text = BASE.to_string();
    let mut name_lines = Vec::new();
    // Lines so far; each variant below adds four.
    let mut lines = BASE.matches('\n').count();
    for i in 1..=n {
        text.push_str("\n[[variant]]\n");
        name_lines.push(lines + 3);
        lines += 4;
        let monthly = 9000 + i;
        if i % 2 == 1 {
            text.push_str(&format!(
                "name = \"v{i}\"\nset = {{ \"after.leads\" = \"+{}%\", \"costs.monthly\" = {monthly} }}\n",
                i % 40
            ));
        } else {
            text.push_str(&format!(
                "name = \"v{i}\"\nset = {{ after = {{ leads = \"+{}%\" }}, costs = {{ monthly = {monthly} }} }}\n",
                i % 40
            ));
        }
    }
    (text, name_lines)
}

/// A return to counting lines from the top of the file for each key, which
/// made 10 000 variants take most of a minute, scans the file thousands of
/// times over; the index scans it once.
#[test]
fn ten_thousand_variants_scan_the_file_once_for_lines() {
    let (mut text, name_lines) = with_variants(10_000);
    // One name repeated at the end: found by the set of names, and reported
    // on its `[[variant]]` line, two above the file's last.
    text.push_str("\n[[variant]]\nname = \"v17\"\nset = { \"costs.setup\" = 1 }\n");
    let repeated_line = text.matches('\n').count() - 2;
    let before = scans::total();
    let draft = Draft::parse(&source(&text)).expect("the file is TOML");
    let scanned = scans::total() - before;
    assert!(
        scanned <= 2 * text.len(),
        "{scanned} bytes scanned for line numbers in a file of {}",
        text.len()
    );
    assert_eq!(draft.variants().len(), 10_001);
    assert_eq!(draft.variants()[9_999].name, "v10000");
    // The last variant's nested value is placed on its own line: the name's, plus one.
    assert_eq!(
        draft.variants()[9_999].overrides[1].location,
        Location::Line(name_lines[9_999] + 1)
    );
    let problems = draft.resolve("many").expect_err("a name is repeated");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].location, Location::Line(repeated_line));
    assert_eq!(problems[0].value.as_deref(), Some("\"v17\""));
}

/// Each variant is resolved on a copy of the file's draft; the copy must not
/// carry a copy of every variant with it, or the work grows with the square
/// of their number.
#[test]
fn copies_of_a_draft_share_its_variants() {
    let (text, _) = with_variants(3);
    let draft = Draft::parse(&source(&text)).expect("the file is TOML");
    let copy = draft.clone();
    assert_eq!(copy.variants().len(), 3);
    assert!(std::ptr::eq(copy.variants(), draft.variants()));
}

/// All 10 000 variants resolve, each with its own value: variant `i` costs
/// `9000 + i` a month and raises leads by `i mod 40` percent of 200.
#[test]
fn ten_thousand_variants_each_resolve_to_their_own_values() {
    let (text, _) = with_variants(10_000);
    let loaded = Loaded::from_source(source(&text), "many".into(), &[]).expect("valid");
    let all = loaded.with_variants().expect("valid");
    assert_eq!(all.len(), 10_001);
    for i in [1usize, 2, 39, 40, 9_999, 10_000] {
        let s = &all[i];
        assert_eq!(s.name, format!("many: v{i}"));
        assert_eq!(s.inputs.monthly_cost, Decimal::from(9000 + i));
        let leads = Decimal::from(200) * Decimal::from(100 + i % 40) / Decimal::from(100);
        assert_eq!(s.inputs.after.leads, leads, "variant {i}");
    }
    assert_eq!(all[0].inputs.monthly_cost, Decimal::from(10_000));
}

/// The value of `costs.setup` in the base with one variant written `set`.
fn nested_setup(set: &str) -> Decimal {
    let text = format!("{BASE}\n[[variant]]\nname = \"big\"\n{set}\n");
    let loaded = Loaded::from_source(source(&text), "n".into(), &[])
        .unwrap_or_else(|e| panic!("{set}: {e}"));
    loaded.with_variants().expect("valid")[1].inputs.setup_cost
}

/// A float holds about 17 significant digits; this value has 21, and must
/// arrive with every one of them whichever way the variant is written.
#[test]
fn nested_variant_values_are_read_from_their_digits() {
    let exact = Decimal::from_str("12345678901234567890.5").expect("a decimal");
    for set in [
        "set = { costs = { setup = 12345678901234567890.5 } }",
        "set = { \"costs.setup\" = 12345678901234567890.5 }",
        "set = { costs.setup = 12345678901234567890.5 }",
        "[variant.set]\ncosts = { setup = 12345678901234567890.5 }",
        "[variant.set]\ncosts.setup = 12345678901234567890.5",
        "[variant.set.costs]\nsetup = 12345678901234567890.5",
    ] {
        assert_eq!(nested_setup(set), exact, "{set}");
    }
}

/// A nested value keeps its text as written, so a message quotes it as the
/// file does, and a nested range table is read like a top-level one.
#[test]
fn nested_values_keep_their_text_and_line() {
    let text = format!(
        "{BASE}\n[[variant]]\nname = \"r\"\n[variant.set.after]\nleads = {{ low = \"+10%\", high = \"+20%\" }}\nconversion = 1.50e-1\n"
    );
    let draft = Draft::parse(&source(&text)).expect("TOML");
    let overrides = &draft.variants()[0].overrides;
    let leads_line = text
        .lines()
        .position(|l| l.starts_with("leads = {"))
        .unwrap()
        + 1;
    let by_path = |p: &str| overrides.iter().find(|o| o.path == p).expect(p);
    assert_eq!(
        by_path("after.leads").text,
        "{ low = \"+10%\", high = \"+20%\" }"
    );
    assert_eq!(by_path("after.leads").location, Location::Line(leads_line));
    assert_eq!(by_path("after.conversion").text, "1.50e-1");
    assert_eq!(
        by_path("after.conversion").location,
        Location::Line(leads_line + 1)
    );
    let loaded = Loaded::from_source(source(&text), "n".into(), &[]).expect("valid");
    let variant = &loaded.with_variants().expect("valid")[1];
    assert_eq!(
        variant.inputs.after.conversion,
        Decimal::from_str("0.15").unwrap()
    );
    // The range's point value: the middle of +10%..+20% of 200 leads.
    assert_eq!(variant.inputs.after.leads, Decimal::from(230));
}

/// Every syntax error is quoted with its line; thousands of them must not
/// each count the file from the top either.
#[test]
fn thousands_of_syntax_errors_scan_the_file_once_for_lines() {
    let mut text = String::from("[baseline]\n");
    for i in 0..5_000 {
        text.push_str(&format!("k{i} = 1,5\n"));
    }
    let before = scans::total();
    let e = Draft::parse(&source(&text)).expect_err("not TOML");
    let scanned = scans::total() - before;
    assert!(scanned <= 2 * text.len(), "{scanned} bytes scanned");
    assert_eq!(e.problems.len(), 5_000);
    // The last slip is on the last line, quoted as written.
    assert_eq!(e.problems[4_999].location, Location::Line(5_001));
    assert!(
        e.problems[4_999].message.ends_with("k4999 = 1,5"),
        "{}",
        e.problems[4_999].message
    );
}
