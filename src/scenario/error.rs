//! What is wrong with a scenario, said so that the person who wrote it can fix it.

use std::fmt;

/// One mistake in a scenario: where it is, what it says and what is allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line of the key (or of its table, for a missing key).
    pub line: Option<usize>,
    /// Dotted path of the key, like `after.conversion`.
    pub key: Option<String>,
    /// The value as written in the file.
    pub value: Option<String>,
    /// What is wrong and what would be accepted.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(line) = self.line {
            write!(f, "line {line}: ")?;
        }
        match (&self.key, &self.value) {
            (Some(key), Some(value)) => write!(f, "{key} = {value}: ")?,
            (Some(key), None) => write!(f, "{key}: ")?,
            (None, _) => {}
        }
        f.write_str(&self.message)
    }
}

/// Every mistake found in one scenario file, reported together so that one
/// run shows them all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ScenarioError {
    /// The file as the user named it (`<stdin>` for standard input).
    pub file: String,
    /// At least one problem, in the order of the file.
    pub problems: Vec<Problem>,
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.problems.as_slice() {
            [one] if one.line.is_some() => write!(f, "{}, {one}", self.file),
            [one] => write!(f, "{}: {one}", self.file),
            many => {
                write!(f, "{} has {} problems:", self.file, many.len())?;
                for p in many {
                    write!(f, "\n  {p}")?;
                }
                Ok(())
            }
        }
    }
}
