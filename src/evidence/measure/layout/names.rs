//! The names a column goes by: a profile's aliases, a monthly sheet's usual
//! headers with the assistant's marks around them, and a mapping's own name,
//! occurrence or column letter.

use super::super::mapping::Mapping;
use super::super::profile::{Field, Profile, Total, normalize};

/// Names a field goes by: the mapping's, else the profile's.
pub(super) fn names_of(profile: &Profile, field: Field, mapping: &Mapping) -> Vec<String> {
    match mapping.fields.get(&field) {
        Some(name) => vec![name.clone()],
        None => profile
            .aliases(field)
            .iter()
            .map(|s| s.to_string())
            .collect(),
    }
}

/// How owners mark the assistant's share before a total's name: «ИИ заявки»,
/// «ИИ: заявки», «AI leads».
const AI_BEFORE: [&str; 6] = ["ai", "ai:", "ии", "ии:", "бот", "бот:"];

/// …and after it: «Заявки ИИ», «Заявки от ИИ», «Заявки ассистента»,
/// «Записи (ИИ)», «Leads (AI)».
const AI_AFTER: [&str; 14] = [
    "ai",
    "(ai)",
    "from ai",
    "ии",
    "(ии)",
    "от ии",
    "через ии",
    "ии-ассистента",
    "ассистента",
    "от ассистента",
    "(ассистент)",
    "бота",
    "от бота",
    "(бот)",
];

/// Names a monthly total goes by: the mapping's, else the sheet's usual
/// names, for the assistant's share with its marks around them.
pub(super) fn names_of_total(total: Total, ai: bool, mapping: &Mapping) -> Vec<String> {
    if let Some(name) = mapping.totals.get(&(total, ai)) {
        return vec![name.clone()];
    }
    let base = total.aliases();
    if !ai {
        return base.iter().map(|s| s.to_string()).collect();
    }
    let mut names = vec![format!("ai_{}", total.key())];
    for alias in base {
        for before in AI_BEFORE {
            names.push(format!("{before} {alias}"));
        }
        for after in AI_AFTER {
            names.push(format!("{alias} {after}"));
        }
    }
    names
}

pub(super) fn position(names: &[String], wanted: &[String]) -> Option<usize> {
    let wanted: Vec<String> = wanted.iter().map(|w| normalize(w)).collect();
    names
        .iter()
        .position(|n| !n.is_empty() && wanted.contains(n))
}

/// The column a mapping or `--ai` names, as the file has it: its header
/// (the first of that name), `Name#2` for the second column of a name the
/// file repeats (amoCRM's CSV has two «Источник»), or `#BW` for the column
/// a spreadsheet shows under that letter. A bare `BW` is a header's name
/// only: `UTM` or `ID` must never fall back to a column of that letter.
pub(crate) fn locate(names: &[String], name: &str) -> Option<usize> {
    if let Some(i) = position(names, &[name.to_string()]) {
        return Some(i);
    }
    if let Some((base, n)) = name.rsplit_once('#')
        && let Ok(n) = n.trim().parse::<usize>()
        && n >= 1
    {
        let base = normalize(base);
        return names
            .iter()
            .enumerate()
            .filter(|(_, h)| **h == base)
            .nth(n - 1)
            .map(|(i, _)| i);
    }
    let letter = column_letter(name.trim().strip_prefix('#')?)?;
    (letter < names.len()).then_some(letter)
}

/// `A` → 0, `Z` → 25, `AA` → 26, `XFD` → 16383: the 0-based column a
/// spreadsheet letter names (upper case, at most three letters).
fn column_letter(text: &str) -> Option<usize> {
    if text.is_empty() || text.len() > 3 || !text.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let n = text
        .bytes()
        .fold(0usize, |n, b| n * 26 + usize::from(b - b'A') + 1);
    (n <= 16384).then(|| n - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_count_as_a_spreadsheet_does() {
        for (letters, index) in [("A", 0), ("Z", 25), ("AA", 26), ("BW", 74), ("XFD", 16383)] {
            assert_eq!(column_letter(letters), Some(index), "{letters}");
        }
        for not in ["", "XFE", "AAAA", "ab", "A1", "Я"] {
            assert_eq!(column_letter(not), None, "{not}");
        }
        let names: Vec<String> = ["id", "теги", "источник", "теги"]
            .map(String::from)
            .to_vec();
        assert_eq!(locate(&names, "Теги"), Some(1));
        assert_eq!(locate(&names, "Теги#2"), Some(3));
        assert_eq!(locate(&names, "Теги#3"), None);
        assert_eq!(locate(&names, "#C"), Some(2));
        // A bare letter is a name, and a letter past the header is no column.
        assert_eq!(locate(&names, "C"), None);
        assert_eq!(locate(&names, "#E"), None);
    }
}
