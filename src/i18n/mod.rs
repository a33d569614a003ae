//! The language people read: Russian or English. JSON keys, CSV headers and
//! key names stay English, since scripts depend on them.
//!
//! The Russian catalogue is split by area, one file each; a key lives in exactly one.

mod ru_cli;
mod ru_forecast;
mod ru_limits;
mod ru_measure;
mod ru_messages;
mod ru_pilot;
mod ru_switchback;
mod ru_tables;

use std::sync::atomic::{AtomicU8, Ordering};

/// The language messages are written in, set once at start-up from `--lang`
/// or the locale (as gettext does), so that errors raised deep in the
/// scenario checks speak it without every function carrying it.
static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Sets the language of messages for the rest of the run.
pub fn set_current(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

/// The language of messages (English until set).
pub fn current() -> Lang {
    if CURRENT.load(Ordering::Relaxed) == Lang::Ru as u8 {
        Lang::Ru
    } else {
        Lang::En
    }
}

/// `text` in the language of messages.
pub fn t(text: &'static str) -> &'static str {
    current().tr(text)
}

/// `template` in the language of messages, each `{}` filled in order.
pub fn f(template: &'static str, args: &[&dyn std::fmt::Display]) -> String {
    current().fill(template, args)
}

/// A language for human-facing text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// English.
    En = 0,
    /// Russian.
    Ru = 1,
}

impl Lang {
    /// The language of the environment: the first set of LC_ALL, LC_MESSAGES
    /// and LANG, as the C library reads them; `ru*` means Russian.
    pub fn from_env() -> Lang {
        Lang::from_locale(
            ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .filter_map(|v| std::env::var(v).ok())
                .find(|v| !v.is_empty())
                .as_deref(),
        )
    }

    /// The language of a locale name like `ru_RU.UTF-8`.
    pub fn from_locale(locale: Option<&str>) -> Lang {
        match locale {
            Some(l) if l.to_ascii_lowercase().starts_with("ru") => Lang::Ru,
            _ => Lang::En,
        }
    }

    /// `text` in this language; `text` is the English and the key into the catalogue.
    pub fn tr(self, text: &'static str) -> &'static str {
        match self {
            Lang::En => text,
            Lang::Ru => russian(text).unwrap_or(text),
        }
    }

    /// A template in this language with each `{}` filled in order.
    pub fn fill(self, template: &'static str, args: &[&dyn std::fmt::Display]) -> String {
        let mut out = String::new();
        let mut args = args.iter();
        let mut parts = self.tr(template).split("{}");
        if let Some(first) = parts.next() {
            out.push_str(first);
        }
        for part in parts {
            if let Some(arg) = args.next() {
                out.push_str(&arg.to_string());
            }
            out.push_str(part);
        }
        out
    }

    /// `1 month`, `5 months`; in Russian `1 месяц`, `3 месяца`, `5 месяцев`.
    pub fn months(self, n: impl std::fmt::Display) -> String {
        let text = n.to_string();
        match self {
            Lang::En => format!("{text} month{}", if text == "1" { "" } else { "s" }),
            Lang::Ru => {
                let word = match text.parse::<u64>() {
                    Ok(n) => ["месяц", "месяца", "месяцев"][russian_form(n)],
                    // A fraction of a month reads "0,91 месяца".
                    Err(_) => "месяца",
                };
                format!("{}\u{a0}{word}", text.replace('.', ","))
            }
        }
    }

    /// Months after «от» or «до», which take the genitive in Russian:
    /// `from 1 month` → «от 1 месяца», «до 120 месяцев».
    pub fn months_genitive(self, n: impl std::fmt::Display) -> String {
        let text = n.to_string();
        match (self, text.parse::<u64>()) {
            (Lang::Ru, Ok(n)) => {
                let word = if n % 10 == 1 && n % 100 != 11 {
                    "месяца"
                } else {
                    "месяцев"
                };
                format!("{text}\u{a0}{word}")
            }
            _ => self.months(text),
        }
    }

    /// `shown` (the count as formatted) followed by the noun in the form its
    /// number takes: `1 trial`, `2,000 trials`; `1 прогон`, `2 прогона`, `5 прогонов`.
    pub fn counted(self, n: u64, shown: &str, en: [&str; 2], ru: [&str; 3]) -> String {
        match self {
            Lang::En => format!("{shown} {}", en[usize::from(n != 1)]),
            Lang::Ru => format!("{shown}\u{a0}{}", ru[russian_form(n)]),
        }
    }
}

/// Which of Russian's three forms a count takes: 0 for 1, 21, 101 (месяц),
/// 1 for 2–4, 22–24 (месяца), 2 for the rest (месяцев).
fn russian_form(n: u64) -> usize {
    match (n % 10, n % 100) {
        (1, h) if h != 11 => 0,
        (2..=4, h) if !(12..=14).contains(&h) => 1,
        _ => 2,
    }
}

/// The Russian catalogue, keyed by the English text: each area's file in turn.
fn russian(en: &str) -> Option<&'static str> {
    ru_forecast::get(en)
        .or_else(|| ru_messages::get(en))
        .or_else(|| ru_measure::get(en))
        .or_else(|| ru_pilot::get(en))
        .or_else(|| ru_limits::get(en))
        .or_else(|| ru_tables::get(en))
        .or_else(|| ru_switchback::get(en))
        .or_else(|| ru_cli::get(en))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every literal passed to `t(`, `f(`, `.tr(` or `.fill(` in the sources,
    /// unescaped as the compiler reads it.
    fn catalogue_keys() -> Vec<(String, String)> {
        fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs")
                    && !path.parent().is_some_and(|p| p.ends_with("i18n"))
                {
                    out.push(path);
                }
            }
        }
        let mut files = Vec::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut files,
        );
        let mut keys = Vec::new();
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for opener in ["t(", "f(", ".tr(", ".fill("] {
                for (at, _) in text.match_indices(opener) {
                    let before = text[..at].chars().next_back().unwrap_or(' ');
                    if opener.len() == 2 && (before.is_alphanumeric() || before == '_') {
                        continue;
                    }
                    let rest = text[at + opener.len()..].trim_start();
                    let Some(body) = rest.strip_prefix('"') else {
                        continue;
                    };
                    let mut lit = String::new();
                    let mut chars = body.chars().peekable();
                    while let Some(c) = chars.next() {
                        match c {
                            '"' => break,
                            '\\' => match chars.next() {
                                Some('n') => lit.push('\n'),
                                Some('\n') => {
                                    while chars.peek().is_some_and(|c| c.is_whitespace()) {
                                        chars.next();
                                    }
                                }
                                Some(other) => lit.push(other),
                                None => {}
                            },
                            c => lit.push(c),
                        }
                    }
                    keys.push((file.display().to_string(), lit));
                }
            }
        }
        keys
    }

    #[test]
    fn every_message_has_a_russian_translation() {
        let missing: Vec<_> = catalogue_keys()
            .into_iter()
            .filter(|(_, key)| russian(key).is_none())
            .collect();
        assert!(missing.is_empty(), "no Russian for: {missing:#?}");
    }

    /// Every catalogue file with the keys of its arms, read from its source:
    /// a key in two files is answered by whichever `russian()` asks first,
    /// which is how the pilot's interval ends once read «Мин./Макс.».
    fn catalogue_arms() -> Vec<(&'static str, String)> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/i18n");
        let mut arms = Vec::new();
        for file in AREAS {
            let text = std::fs::read_to_string(dir.join(format!("{file}.rs"))).unwrap();
            for line in text.lines() {
                let Some(body) = line.trim_start().strip_prefix('"') else {
                    continue;
                };
                let mut key = String::new();
                let mut chars = body.chars();
                let mut closed = false;
                while let Some(c) = chars.next() {
                    match c {
                        '"' => {
                            closed = true;
                            break;
                        }
                        '\\' => match chars.next() {
                            Some('n') => key.push('\n'),
                            Some('u') => key.push_str("\\u"),
                            Some(other) => key.push(other),
                            None => {}
                        },
                        c => key.push(c),
                    }
                }
                if closed && chars.as_str().trim_start().starts_with("=>") {
                    arms.push((file, key));
                }
            }
        }
        arms
    }

    /// The catalogue files, in the order `russian()` asks them.
    const AREAS: [&str; 8] = [
        "ru_forecast",
        "ru_messages",
        "ru_measure",
        "ru_pilot",
        "ru_limits",
        "ru_tables",
        "ru_switchback",
        "ru_cli",
    ];

    #[test]
    fn the_arms_are_read_from_every_catalogue() {
        let arms = catalogue_arms();
        for area in AREAS {
            let n = arms.iter().filter(|(a, _)| *a == area).count();
            assert!(n > 15, "{area}: only {n} arms read");
        }
        // Each arm read is one the catalogue answers, so the reader is not
        // inventing or mangling keys.
        for (area, key) in &arms {
            if !key.contains("\\u") {
                assert!(
                    russian(key).is_some(),
                    "{area}: {key:?} read but not answered"
                );
            }
        }
    }

    #[test]
    fn no_key_is_in_two_catalogues() {
        let mut seen: std::collections::HashMap<String, &str> = Default::default();
        let mut twice = Vec::new();
        for (area, key) in catalogue_arms() {
            if let Some(first) = seen.insert(key.clone(), area)
                && first != area
            {
                twice.push(format!("{key:?}: {first} and {area}"));
            }
        }
        assert!(twice.is_empty(), "in two catalogues: {twice:#?}");
    }

    #[test]
    fn each_message_used_lives_in_one_area() {
        let twice: Vec<_> = catalogue_keys()
            .into_iter()
            .filter(|(_, key)| {
                [
                    ru_forecast::get(key),
                    ru_messages::get(key),
                    ru_measure::get(key),
                    ru_pilot::get(key),
                    ru_limits::get(key),
                    ru_tables::get(key),
                    ru_switchback::get(key),
                    ru_cli::get(key),
                ]
                .iter()
                .filter(|r| r.is_some())
                .count()
                    > 1
            })
            .collect();
        assert!(twice.is_empty(), "in two areas: {twice:#?}");
    }

    #[test]
    fn reads_the_locale() {
        assert_eq!(Lang::from_locale(Some("ru_RU.UTF-8")), Lang::Ru);
        assert_eq!(Lang::from_locale(Some("RU")), Lang::Ru);
        assert_eq!(Lang::from_locale(Some("en_US.UTF-8")), Lang::En);
        assert_eq!(Lang::from_locale(Some("C")), Lang::En);
        assert_eq!(Lang::from_locale(None), Lang::En);
    }

    #[test]
    fn fills_templates_and_declines_months() {
        assert_eq!(
            Lang::Ru.fill("ROI over {}", &[&"12 мес."]),
            "ROI за 12 мес."
        );
        assert_eq!(Lang::En.fill("month {}", &[&3]), "month 3");
        assert_eq!(Lang::Ru.months(1), "1\u{a0}месяц");
        assert_eq!(Lang::Ru.months(3), "3\u{a0}месяца");
        assert_eq!(Lang::Ru.months(11), "11\u{a0}месяцев");
        assert_eq!(Lang::Ru.months(21), "21\u{a0}месяц");
        assert_eq!(Lang::Ru.months("0.91"), "0,91\u{a0}месяца");
        assert_eq!(Lang::En.months(1), "1 month");
        assert_eq!(Lang::En.months(12), "12 months");
        assert_eq!(Lang::Ru.months(0), "0\u{a0}месяцев");
        assert_eq!(Lang::Ru.months(22), "22\u{a0}месяца");
        assert_eq!(Lang::Ru.months_genitive(1), "1\u{a0}месяца");
        assert_eq!(Lang::Ru.months_genitive(2), "2\u{a0}месяцев");
        assert_eq!(Lang::Ru.months_genitive(21), "21\u{a0}месяца");
        let forms = |n| {
            Lang::Ru.counted(
                n,
                &n.to_string(),
                ["", ""],
                ["прогон", "прогона", "прогонов"],
            )
        };
        assert_eq!(forms(1), "1\u{a0}прогон");
        assert_eq!(forms(22), "22\u{a0}прогона");
        assert_eq!(forms(2000), "2000\u{a0}прогонов");
        assert_eq!(forms(101), "101\u{a0}прогон");
        assert_eq!(forms(111), "111\u{a0}прогонов");
        assert_eq!(
            Lang::En.counted(1, "1", ["trial", "trials"], ["", "", ""]),
            "1 trial"
        );
    }
}
