//! A numeric key's value as given (its form, text and place) and its state
//! before resolution: shared by the draft that collects them, the tables and
//! the resolver that checks them.

use super::range::Uncertain;
use super::value::Written;
use crate::input::Location;

/// A value given for a key, and where it was given.
#[derive(Debug, Clone, PartialEq)]
pub struct Spec {
    /// The value's form and number.
    pub written: Written,
    /// The file line or the flag.
    pub location: Location,
    /// The value exactly as written, when it was written (not for generated sweep points).
    pub text: Option<String>,
    /// The range, when the value is uncertain; `written` is then its point value.
    pub range: Option<Uncertain>,
}

impl Spec {
    /// A single value set from the command line or by a sweep or solver.
    pub fn flag(flag: &'static str, written: Written) -> Spec {
        Spec {
            written,
            location: Location::Flag(flag),
            text: None,
            range: None,
        }
    }
}

/// A numeric key's state before resolution.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Slot {
    /// Not given: the default applies.
    Missing,
    /// Given but unreadable; already reported.
    Broken,
    /// Given and readable.
    Given(Spec),
}
