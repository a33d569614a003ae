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
