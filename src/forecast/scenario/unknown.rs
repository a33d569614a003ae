//! Keys and tables a scenario file may not hold, all found in one pass, in
//! file order, each with the nearest valid name and the list of valid ones.

use super::key::{all_paths, file_paths};
use super::tables;
use super::tables::ITEM_KEYS;
use crate::i18n::{f, t};
use crate::input::LineIndex;
use crate::input::nearest;
use crate::input::{Location, Problem};
use toml::de::{DeTable, DeValue};

/// Adds a problem for every unknown table, unknown key and key outside any
/// table of the parsed file.
pub(super) fn check(lines: &LineIndex, file: &DeTable<'_>, problems: &mut Vec<Problem>) {
    let tables = tables();
    for (name, value) in file {
        let line = Location::Line(lines.line(name.span().start));
        let name = name.get_ref().as_ref();
        match value.get_ref() {
            DeValue::Table(table) if name != "variant" && tables.contains(&name) => {
                check_table(lines, name, table, problems);
            }
            DeValue::Array(variants) if name == "variant" => {
                check_variants(lines, variants, problems);
            }
            // A known table in the wrong shape is for the shape check to explain.
            _ if tables.contains(&name) => {}
            DeValue::Table(_) => problems.push(unknown_table(line, name, &tables)),
            _ => problems.push(outside_tables(line, name, &tables)),
        }
    }
}

/// Unknown keys in the known table `name`, and in each of its `[[costs.item]]`.
fn check_table(lines: &LineIndex, name: &str, table: &DeTable<'_>, problems: &mut Vec<Problem>) {
    let keys: Vec<&str> = file_paths()
        .filter_map(|k| k.strip_prefix(name)?.strip_prefix('.'))
        .collect();
    for (key, value) in table {
        if let (true, DeValue::Array(items)) = (
            name == "costs" && key.get_ref().as_ref() == "item",
            value.get_ref(),
        ) {
            check_items(lines, items, problems);
        }
        let shown = key.get_ref().as_ref();
        if !keys.contains(&shown) {
            problems.push(unknown_key(
                lines,
                key.span().start,
                &format!("{name}.{shown}"),
                shown,
                &keys,
                f("[{}] takes: {}", &[&name, &keys.join(", ")]),
            ));
        }
    }
}

/// Unknown keys in each `[[variant]]`.
fn check_variants(
    lines: &LineIndex,
    variants: &[toml::Spanned<DeValue<'_>>],
    problems: &mut Vec<Problem>,
) {
    for (i, variant) in variants.iter().enumerate() {
        let DeValue::Table(table) = variant.get_ref() else {
            continue;
        };
        for (key, _) in table {
            let shown = key.get_ref().as_ref();
            if !["name", "set"].contains(&shown) {
                problems.push(unknown_key(
                    lines,
                    key.span().start,
                    &format!("variant[{}].{shown}", i + 1),
                    shown,
                    &["name", "set"],
                    t("[[variant]] takes: name, set").to_string(),
                ));
            }
        }
    }
}

/// A table the file may not hold, with the nearest that it may.
fn unknown_table(line: Location, name: &str, tables: &[&str]) -> Problem {
    let mut message = t("unknown table").to_string();
    if let Some(near) = nearest(name, tables.iter().copied()).first() {
        message.push_str(&f(" (did you mean [{}]?)", &[near]));
    }
    message.push_str(&f("; the tables are: {}", &[&list(tables)]));
    Problem {
        location: line,
        key: Some(name.to_string()),
        value: None,
        message,
    }
}

/// A key above every table: `leads = 200` there is told which table it belongs to.
fn outside_tables(line: Location, name: &str, tables: &[&str]) -> Problem {
    let owner: Vec<&str> = all_paths()
        .filter(|p| p.rsplit_once('.').is_some_and(|(_, k)| k == name))
        .collect();
    let message = match owner.first() {
        Some(path) => f(
            "is not inside a table; write it under [{}]",
            &[&path.split('.').next().unwrap_or_default()],
        ),
        None => f(
            "is not inside a table, and no table takes it; the tables are: {}",
            &[&list(tables)],
        ),
    };
    Problem {
        location: line,
        key: Some(name.to_string()),
        value: None,
        message,
    }
}

/// `[a], [b], …`
fn list(tables: &[&str]) -> String {
    tables
        .iter()
        .map(|t| format!("[{t}]"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn unknown_key(
    lines: &LineIndex,
    at: usize,
    path: &str,
    name: &str,
    candidates: &[&str],
    takes: String,
) -> Problem {
    let mut message = t("unknown key").to_string();
    if let Some(near) = nearest(name, candidates.iter().copied()).first() {
        message.push_str(&f(" (did you mean `{}`?)", &[near]));
    }
    message.push_str("; ");
    message.push_str(&takes);
    Problem {
        location: Location::Line(lines.line(at)),
        key: Some(path.to_string()),
        value: None,
        message,
    }
}

/// Unknown keys inside each `[[costs.item]]`.
fn check_items(
    lines: &LineIndex,
    items: &[toml::Spanned<DeValue<'_>>],
    problems: &mut Vec<Problem>,
) {
    for item in items {
        let DeValue::Table(table) = item.get_ref() else {
            continue;
        };
        for (key, _) in table {
            let shown = key.get_ref().as_ref();
            if !ITEM_KEYS.contains(&shown) {
                problems.push(unknown_key(
                    lines,
                    key.span().start,
                    &format!("costs.item.{shown}"),
                    shown,
                    &ITEM_KEYS,
                    f("[[costs.item]] takes: {}", &[&ITEM_KEYS.join(", ")]),
                ));
            }
        }
    }
}
