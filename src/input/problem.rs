//! What is wrong in a file the user wrote (a scenario, a mapping), said so
//! that the person who wrote it can fix it: where, which key, the value as
//! written, and what is allowed.

use std::fmt;

/// Where a value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A 1-based line of the scenario file.
    Line(usize),
    /// A command-line flag such as `--set` or `--vary`.
    Flag(&'static str),
    /// The file as a whole.
    File,
}

/// One mistake in a scenario: where it is, what it says and what is allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The line (of the key, or of its table for a missing key) or the flag.
    pub location: Location,
    /// Dotted path of the key, like `after.conversion`.
    pub key: Option<String>,
    /// The value as written.
    pub value: Option<String>,
    /// What is wrong and what would be accepted.
    pub message: String,
}

impl Problem {
    /// A problem with the file as a whole.
    pub fn file(message: impl Into<String>) -> Problem {
        Problem {
            location: Location::File,
            key: None,
            value: None,
            message: message.into(),
        }
    }

    /// The line, for sorting problems in file order (flags come last).
    pub fn line(&self) -> usize {
        match self.location {
            Location::File => 0,
            Location::Line(n) => n,
            Location::Flag(_) => usize::MAX,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.location, &self.key, &self.value) {
            (Location::Flag(flag), Some(key), Some(value)) => write!(f, "{flag} {key}={value}: ")?,
            (Location::Flag(flag), Some(key), None) => write!(f, "{flag} {key}: ")?,
            // The value as typed, so the owner sees which of several she mistyped.
            (Location::Flag(_), None, Some(value)) => write!(f, "«{}»: ", clip(value))?,
            (location, key, value) => {
                if let Location::Line(line) = location {
                    write!(f, "{}: ", crate::i18n::f("line {}", &[line]))?;
                }
                match (key, value) {
                    (Some(key), Some(value)) => write!(f, "{key} = {value}: ")?,
                    (Some(key), None) => write!(f, "{key}: ")?,
                    (None, _) => {}
                }
            }
        }
        f.write_str(&self.message)
    }
}

/// Every mistake found in one scenario, reported together so that one run shows them all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ScenarioError {
    /// The file as the user named it (`<stdin>` for standard input).
    pub file: String,
    /// The `[[variant]]` the problems belong to, if any.
    pub variant: Option<String>,
    /// At least one problem, in the order of the file.
    pub problems: Vec<Problem>,
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(variant) = &self.variant {
            write!(f, ", {}", crate::i18n::f("variant \"{}\"", &[variant]))?;
        }
        match self.problems.as_slice() {
            [one] if one.location == Location::File => write!(f, ": {one}"),
            // `--ai «Источник»: …`: a flag's own mistake follows the flag.
            [one] if matches!(one.location, Location::Flag(_)) && one.key.is_none() => {
                write!(f, " {one}")
            }
            [one] => write!(f, ", {one}"),
            many => {
                write!(f, "{}", crate::i18n::f(" has {} problems:", &[&many.len()]))?;
                for p in many {
                    write!(f, "\n  {p}")?;
                }
                Ok(())
            }
        }
    }
}

/// The closest names, best first, if any are close enough to be a likely typo.
pub fn nearest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(name, c), c))
        .filter(|(score, _)| *score > 0.8)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored.into_iter().take(3).map(|(_, c)| c).collect()
}

/// The most characters of a value a message quotes: enough to recognise a
/// cell or a header, never a 10 MB cell on the terminal.
pub const QUOTE_CHARS: usize = 80;

/// `text` as a message quotes it: at most [`QUOTE_CHARS`] characters, a
/// longer one cut with "…" and the number of characters left out, and
/// control characters (a newline in a cell) escaped, so one problem stays on
/// one line whatever the file holds.
pub fn clip(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    for c in chars.by_ref().take(QUOTE_CHARS) {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    let rest = chars.count();
    if rest > 0 {
        out = crate::i18n::f("{}… ({} more characters)", &[&out, &rest]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quoted_value_is_clipped_and_kept_on_one_line() {
        assert_eq!(clip("Сделка успешна"), "Сделка успешна");
        assert_eq!(clip("a\nb\tc"), "a\\nb\\tc");
        let long = "я".repeat(1000);
        let shown = clip(&long);
        assert!(shown.starts_with(&"я".repeat(80)), "{shown}");
        assert!(shown.ends_with("… (920 more characters)"), "{shown}");
        assert_eq!(clip(&"x".repeat(80)), "x".repeat(80));
    }
}
