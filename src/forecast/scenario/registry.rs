//! Names of cost lines, interned: a key such as `costs.item.Telephony.monthly`
//! stays a small `Copy` value with a `&'static str` path like every other key.
//!
//! Each distinct name is kept for the life of the process; a run reads one
//! file and its flags, so the set is as small as the file's list of lines.

use std::collections::HashMap;
use std::sync::Mutex;

/// A field of a cost line that a key can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemField {
    /// `setup`: one-time cost at the start of month `from`.
    Setup,
    /// `monthly`: the fee.
    Monthly,
    /// `yearly_increase`: the fee's rise every 12 months.
    YearlyIncrease,
    /// `from`: the first month.
    From,
    /// `to`: the last month.
    To,
}

impl ItemField {
    /// Every field, in the order the docs list them.
    pub const ALL: [ItemField; 5] = [
        ItemField::Setup,
        ItemField::Monthly,
        ItemField::YearlyIncrease,
        ItemField::From,
        ItemField::To,
    ];

    /// The field's name inside `[[costs.item]]`.
    pub fn name(self) -> &'static str {
        match self {
            ItemField::Setup => "setup",
            ItemField::Monthly => "monthly",
            ItemField::YearlyIncrease => "yearly_increase",
            ItemField::From => "from",
            ItemField::To => "to",
        }
    }

    /// Position in [`ItemField::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// An interned cost-line name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemId(u32);

/// An interned name and the dotted paths of its fields.
struct Entry {
    name: &'static str,
    paths: [&'static str; 5],
}

/// The interned names, in order of first sight, and where each is.
#[derive(Default)]
struct Names {
    entries: Vec<Entry>,
    /// Name → position in `entries`; a file's many variants or flags stay linear.
    index: Option<HashMap<&'static str, u32>>,
}

static NAMES: Mutex<Names> = Mutex::new(Names {
    entries: Vec::new(),
    index: None,
});

fn names() -> std::sync::MutexGuard<'static, Names> {
    // Nothing panics while holding the lock, but a poisoned list is still whole.
    NAMES.lock().unwrap_or_else(|e| e.into_inner())
}

impl ItemId {
    /// The id of `name`, interning it on first sight.
    pub fn intern(name: &str) -> ItemId {
        let mut names = names();
        if let Some(&i) = names.index.as_ref().and_then(|index| index.get(name)) {
            return ItemId(i);
        }
        let name: &'static str = Box::leak(name.to_string().into_boxed_str());
        let paths = ItemField::ALL.map(|f| -> &'static str {
            Box::leak(format!("costs.item.{name}.{}", f.name()).into_boxed_str())
        });
        let id = names.entries.len() as u32;
        names.entries.push(Entry { name, paths });
        names
            .index
            .get_or_insert_with(HashMap::new)
            .insert(name, id);
        ItemId(id)
    }

    /// The tag the engine's cost line carries for this name.
    pub fn tag(self) -> u32 {
        self.0
    }

    /// The id behind an engine line's tag.
    pub fn from_tag(tag: u32) -> ItemId {
        ItemId(tag)
    }

    /// The line's name as written.
    pub fn name(self) -> &'static str {
        names().entries.get(self.0 as usize).map_or("", |e| e.name)
    }

    /// `costs.item.NAME.FIELD`.
    pub fn path(self, field: ItemField) -> &'static str {
        names()
            .entries
            .get(self.0 as usize)
            .map_or("", |e| e.paths[field.index()])
    }
}
