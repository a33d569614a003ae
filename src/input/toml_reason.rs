//! The TOML reader's complaints told in the language of messages, by kind:
//! the library speaks English only, and a Russian owner who mistypes a
//! mapping or scenario file would otherwise read «unclosed table, expected `]`».

use crate::i18n::{f, t};

/// The reader's `message` in the language of messages; a message of a kind
/// not known here is passed through as the library wrote it.
pub fn toml_reason(message: &str) -> String {
    let message = message.trim_end();
    let head = message.split(", expected").next().unwrap_or(message);
    let syntax = match head {
        "unclosed table" => Some("a table's name is not closed: `]` is missing"),
        "unclosed array" => Some("a list is not closed: `]` is missing"),
        "unclosed inline table" => Some("a table in braces is not closed: `}` is missing"),
        "invalid basic string" | "invalid literal string" => {
            Some("a quoted text is not closed: the quote at its end is missing")
        }
        "string values must be quoted" => {
            Some("text must be in quotes (or the value after = is missing)")
        }
        "duplicate key" => Some("a key or table is given twice"),
        "key with no value" => Some("a key with no value: `=` is missing"),
        "missing escaped value" => Some(
            "a backslash in quotes must start \\n, \\\" or \\\\; write a backslash as \\\\ or put the text in single quotes",
        ),
        "`_` may only go between digits" => Some("`_` in a number may only stand between digits"),
        "invalid date" | "invalid time" => Some("not a valid date or time"),
        "extra assignment between key-value pairs" => Some("a comma is missing between two keys"),
        "missing table open" => Some("a `]` with no `[` before it"),
        "invalid unquoted key" => Some(
            "a key without quotes may hold only Latin letters, digits, `-` and `_`; put others in quotes",
        ),
        _ => None,
    };
    if let Some(text) = syntax {
        return t(text).to_string();
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let (field, allowed) = rest.split_once(", expected").unwrap_or((rest, ""));
        let allowed = allowed
            .trim()
            .trim_start_matches("one of ")
            .replace('`', "");
        return f(
            "unknown key {}; allowed: {}",
            &[&field.trim_matches('`'), &allowed],
        );
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        return f("the key {} is missing", &[&rest.trim_matches('`')]);
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, wanted) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return f(
            "the value is {}, and {} is needed",
            &[&kind(found), &kind(wanted)],
        );
    }
    message.to_string()
}

/// serde's name of a kind of value, `integer \`5\``, in the language of messages.
fn kind(text: &str) -> String {
    let (what, shown) = match text.split_once('`') {
        Some((w, s)) => (w.trim(), Some(s.trim_end_matches('`'))),
        None => (text.trim(), None),
    };
    let word = match what.trim_start_matches("a ").trim_start_matches("an ") {
        "string" => t("a text in quotes"),
        "integer" | "i64" | "u64" => t("a whole number"),
        "floating point" | "float" | "f64" => t("a number"),
        "boolean" | "bool" => t("true or false"),
        "sequence" => t("a list"),
        "map" => t("a table of keys"),
        other => return other.to_string(),
    };
    match shown {
        Some(v) => format!("{word} {v}"),
        None => word.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_readers_kinds_are_told_plainly() {
        assert_eq!(
            toml_reason("unclosed table, expected `]`\n"),
            "a table's name is not closed: `]` is missing"
        );
        assert_eq!(
            toml_reason("unknown field `extra`, expected one of `source`, `columns`"),
            "unknown key extra; allowed: source, columns"
        );
        assert_eq!(
            toml_reason("invalid type: integer `5`, expected a string"),
            "the value is a whole number 5, and a text in quotes is needed"
        );
        assert_eq!(toml_reason("something new"), "something new");
    }
}
