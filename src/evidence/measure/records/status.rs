//! The status texts of a records export: each text's outcome by the
//! mapping or the profile, worked out once, and the account of the rows
//! counted under each text and way, in the order first seen. One lookup
//! of the text a row, where the outcome and the account took one each.

use super::super::profile::{Outcome, Profile, normalize};
use super::Quick;
use std::collections::HashMap;

/// How a status text got its outcome, shown so the owner can check the count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum How {
    /// The user's `[status]`.
    Mapping,
    /// The system's default stage or status.
    Profile,
    /// Bitrix24's stage group column.
    Group,
    /// A deleted booking.
    Deleted,
}

impl How {
    /// The name in JSON.
    pub fn name(self) -> &'static str {
        match self {
            How::Mapping => "map",
            How::Profile => "profile",
            How::Group => "group",
            How::Deleted => "deleted",
        }
    }
}

/// One status text as written, and how its rows were counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusUse {
    /// The text as first seen.
    pub text: String,
    /// Its outcome, or `None` when nothing says (the run is refused).
    pub outcome: Option<Outcome>,
    /// Where the outcome came from.
    pub how: Option<How>,
    /// Rows with it.
    pub rows: u64,
}

/// A status text seen.
struct Text {
    /// Its outcome by the text alone (the mapping, then the profile), once asked.
    outcome: Option<Option<(Outcome, How)>>,
    /// Its entries in the account, one per way its rows were counted.
    uses: Vec<usize>,
}

/// Every status text seen and the rows counted under it.
pub(super) struct Statuses {
    /// Each text, keyed as written (normalising a million cells costs more
    /// than a few rows for "Сделка успешна" and "сделка успешна" apart).
    index: HashMap<String, usize, Quick>,
    texts: Vec<Text>,
    uses: Vec<StatusUse>,
    /// The mapping's `[status]`, normalised.
    user: HashMap<String, Outcome>,
}

impl Statuses {
    /// None seen yet; `user` is the mapping's `[status]`.
    pub fn new<'a>(user: impl Iterator<Item = (&'a String, &'a Outcome)>) -> Statuses {
        Statuses {
            index: HashMap::default(),
            texts: Vec::new(),
            uses: Vec::new(),
            user: user.map(|(t, o)| (normalize(t), *o)).collect(),
        }
    }

    /// The number of `text` for the calls below, given on first sight.
    pub fn text(&mut self, text: &str) -> usize {
        if let Some(&k) = self.index.get(text) {
            return k;
        }
        self.texts.push(Text {
            outcome: None,
            uses: Vec::new(),
        });
        self.index.insert(text.to_owned(), self.texts.len() - 1);
        self.texts.len() - 1
    }

    /// The outcome of text `k` by the user's mapping, then `profile`.
    pub fn by_text(&mut self, k: usize, text: &str, profile: &Profile) -> Option<(Outcome, How)> {
        if let Some(known) = self.texts[k].outcome {
            return known;
        }
        let found = match self.user.get(&normalize(text)) {
            Some(o) => Some((*o, How::Mapping)),
            None => profile.status(text).map(|o| (o, How::Profile)),
        };
        self.texts[k].outcome = Some(found);
        found
    }

    /// Counts a row of text `k` (written `text`) with `outcome`, found `how`.
    pub fn note(&mut self, k: usize, text: &str, outcome: Option<Outcome>, how: Option<How>) {
        let uses = &mut self.texts[k].uses;
        match uses.iter().find(|&&i| self.uses[i].how == how) {
            Some(&i) => self.uses[i].rows += 1,
            None => {
                uses.push(self.uses.len());
                self.uses.push(StatusUse {
                    text: text.to_owned(),
                    outcome,
                    how,
                    rows: 1,
                });
            }
        }
    }

    /// Every status text seen, in the order first seen.
    pub fn list(&self) -> &[StatusUse] {
        &self.uses
    }

    /// The same mapping's statuses, none seen yet (for a later half of a file).
    pub fn fresh(&self) -> Statuses {
        Statuses {
            index: HashMap::default(),
            texts: Vec::new(),
            uses: Vec::new(),
            user: self.user.clone(),
        }
    }

    /// Adds the statuses of the rows after these, as one count of all the
    /// rows would list them: the new ones after these, in their order.
    pub fn merge(&mut self, later: Statuses) {
        for u in later.uses {
            let k = self.text(&u.text);
            if self.texts[k].outcome.is_none() {
                let theirs = later.index.get(&u.text).map(|&j| later.texts[j].outcome);
                self.texts[k].outcome = theirs.flatten();
            }
            let uses = &mut self.texts[k].uses;
            match uses.iter().find(|&&i| self.uses[i].how == u.how) {
                Some(&i) => self.uses[i].rows += u.rows,
                None => {
                    uses.push(self.uses.len());
                    self.uses.push(u);
                }
            }
        }
    }
}
