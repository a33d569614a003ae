//! The command line as a person meets it: the language is settled before
//! clap reads a word, so that under `--lang ru` or a Russian locale a usage
//! mistake is told in Russian, in the tool's own «Ошибка: …» form, and the
//! first screen of help opens with a Russian summary.

use super::Cli;
use crate::i18n::{self, Lang, f, t};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{CommandFactory, FromArgMatches};
use std::ffi::OsString;

/// Why the command line does not run a command.
#[derive(Debug)]
pub enum Stop {
    /// Help, the version, or an English usage error: clap prints it itself
    /// (help on standard output, errors on standard error) with its exit code.
    Clap(clap::Error),
    /// A usage error in the language of messages, without the «Error:» that
    /// the caller puts before it as before any other error; exit code 2.
    Refused(String),
}

/// Reads the command line `args` (the program's name first), after settling
/// the language of messages from `--lang` or the locale.
pub fn parse_from(args: impl IntoIterator<Item = OsString>) -> Result<Cli, Stop> {
    let args: Vec<OsString> = args.into_iter().collect();
    let lang = lang_asked(&args).unwrap_or_else(Lang::from_env);
    i18n::set_current(lang);
    let mut command = Cli::command();
    if lang == Lang::Ru {
        command = command
            .before_help(t(TOP_SUMMARY))
            .mut_subcommand("measure", |c| c.before_help(t(MEASURE_SUMMARY)))
            .mut_subcommand("pilot", |c| c.before_help(t(PILOT_SUMMARY)));
    }
    let path = command_path(&command, &args);
    let found = command
        .try_get_matches_from_mut(args)
        .and_then(|m| Cli::from_arg_matches(&m));
    found.map_err(|e| match (lang, e.kind()) {
        (
            Lang::Ru,
            ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand,
        )
        | (Lang::En, _) => Stop::Clap(e),
        (Lang::Ru, _) => Stop::Refused(russian(&e, &path)),
    })
}

/// A summary of the tool for the top of `roi --help` in Russian; clap's own
/// help below it stays English, which the summary says once. The English is
/// the catalogue's key: English help has no need of it, clap's text says it all.
const TOP_SUMMARY: &str = "roi tells whether an AI sales assistant pays for itself. The forecast: `roi init` writes a starter scenario, `roi calc FILE` gives payback and ROI, `roi simulate` the odds of paying. The evidence: `roi measure EXPORT…` reads a CRM or booking-system export into a monthly funnel, `roi pilot` judges a pilot. The help on each flag below is in English; README.ru.md is the Russian guide.";

/// The Russian summary at the top of `roi measure --help`.
const MEASURE_SUMMARY: &str = "roi measure reads exports of Bitrix24, amoCRM or YCLIENTS, or a sheet of monthly totals, and shows leads, bookings, visits, no-shows, revenue and the average check month by month; with --retention, how many clients come back, by the month of their first visit, and their LTV. Example: roi measure deals.csv --baseline 2025-06..2025-11 --scenario -o salon.toml writes the baseline for roi calc. If a status or column is not recognised, --print-map prints a mapping file to fill in and pass with --map. The help on each flag below is in English.";

/// The Russian summary at the top of `roi pilot --help`.
const PILOT_SUMMARY: &str = "roi pilot compares the pilot's months with the baseline and decides: SCALE, EXTEND or STOP. Example: roi pilot deals.csv --baseline 2025-06..2025-11 --pilot 2025-12..2026-02 --scenario salon.toml. Before a pilot: --plan --expect +30% says how long to run it; roi pilot design plans a switchback (the assistant on and off by days or weeks). The help on each flag below is in English.";

/// `--lang` as typed, if it names a language: read before clap so that
/// clap's own mistakes are told in it.
fn lang_asked(args: &[OsString]) -> Option<Lang> {
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    let mut asked = None;
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        let value = match word.strip_prefix("--lang") {
            Some("") => words.next().map(|v| v.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None => None,
        };
        match value.as_deref() {
            Some("ru") => asked = Some(Lang::Ru),
            Some("en") => asked = Some(Lang::En),
            _ => {}
        }
    }
    asked
}

/// A piece of the error's context as text, if clap gave it.
fn context(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(s) => Some(s.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(s) => Some(
            s.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The command the words name, `roi pilot design`: each word that is a
/// subcommand of the one before it, for pointing at the right `--help`.
fn command_path(top: &clap::Command, args: &[OsString]) -> String {
    let mut path = vec!["roi".to_string()];
    let mut at = top;
    for word in args.iter().skip(1) {
        let word = word.to_string_lossy();
        if let Some(sub) = at.find_subcommand(word.as_ref()) {
            path.push(sub.get_name().to_string());
            at = sub;
        }
    }
    path.join(" ")
}

/// An option as clap names it, without its value's placeholder:
/// `--format <FORMAT>` → `--format`.
fn flag(named: &str) -> String {
    named.split(' ').next().unwrap_or(named).to_string()
}

/// clap's usage error told in Russian: what was wrong, what was typed, what
/// would do, and where the help is.
fn russian(e: &clap::Error, path: &str) -> String {
    let named = context(e, ContextKind::InvalidArg).unwrap_or_default();
    let arg = flag(&named);
    let value = context(e, ContextKind::InvalidValue).unwrap_or_default();
    let what = match e.kind() {
        ErrorKind::MissingRequiredArgument => f("required and not given: {}", &[&named]),
        ErrorKind::MissingSubcommand => t("no command given").to_string(),
        ErrorKind::UnknownArgument if arg.starts_with('-') => f("{}: no such option", &[&arg]),
        ErrorKind::UnknownArgument => f("«{}»: an argument too many", &[&arg]),
        ErrorKind::InvalidSubcommand => {
            let sub = context(e, ContextKind::InvalidSubcommand).unwrap_or(arg);
            f("«{}» is not a command", &[&sub])
        }
        ErrorKind::InvalidValue if value.is_empty() => f("{}: the value is missing", &[&arg]),
        ErrorKind::InvalidValue => match context(e, ContextKind::ValidValue) {
            Some(valid) => f("{} {}: not allowed; it takes {}", &[&arg, &value, &valid]),
            None => f("{} {}: not allowed", &[&arg, &value]),
        },
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e)
                .map(|s| reason(&s.to_string()))
                .unwrap_or_default();
            f("{} {}: {}", &[&arg, &value, &why])
        }
        ErrorKind::ArgumentConflict => {
            let other = flag(&context(e, ContextKind::PriorArg).unwrap_or_default());
            f("{} cannot be used with {}", &[&arg, &other])
        }
        ErrorKind::NoEquals => f("{}: write the value after =", &[&arg]),
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            f("{}: a wrong number of values", &[&arg])
        }
        ErrorKind::InvalidUtf8 => t("an argument is not valid UTF-8").to_string(),
        _ => f("the command line is not understood: {}", &[&english(e)]),
    };
    // In brackets, as the tool's own errors give it (the same entry): «…?;
    // see» read badly.
    let hint = [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand]
        .into_iter()
        .chain([ContextKind::SuggestedValue])
        .find_map(|k| context(e, k))
        .map(|s| f(" (did you mean {}?)", &[&s]))
        .unwrap_or_default();
    f("{}{}; see `{} --help`", &[&what, &hint, &path])
}

/// A value parser's reason in Russian: clap's range check and Rust's number
/// parsers speak English; the tool's own parsers already speak the language.
fn reason(text: &str) -> String {
    if let Some((_, range)) = text.split_once(" is not in ") {
        let (low, high) = range.split_once("..=").unwrap_or((range, "…"));
        return f("must be from {} to {}", &[&low, &high]);
    }
    if text.contains("invalid digit")
        || text.contains("invalid float")
        || text.contains("empty string")
    {
        return t("not a whole number").to_string();
    }
    if text.contains("too large") || text.contains("too small") {
        return t("out of range").to_string();
    }
    text.to_string()
}

/// clap's own first line of the error, without its «error: ».
fn english(e: &clap::Error) -> String {
    let text = e.render().to_string();
    let line = text.lines().next().unwrap_or_default();
    line.strip_prefix("error: ").unwrap_or(line).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> Vec<OsString> {
        line.split_whitespace().map(OsString::from).collect()
    }

    #[test]
    fn the_language_is_read_before_clap() {
        assert_eq!(lang_asked(&words("roi calc x --lang ru")), Some(Lang::Ru));
        assert_eq!(lang_asked(&words("roi --lang=en calc")), Some(Lang::En));
        assert_eq!(lang_asked(&words("roi calc --lang")), None);
        assert_eq!(lang_asked(&words("roi calc --lang de")), None);
        assert_eq!(lang_asked(&words("roi calc -- --lang ru")), None);
        assert_eq!(lang_asked(&words("roi calc --language ru")), None);
    }

    #[test]
    fn clap_and_rust_reasons_are_told_in_the_language() {
        // The tests run in English (the language is the process's); the
        // Russian of these keys is in the catalogue and checked end to end.
        assert_eq!(reason("40 is not in 1..=36"), "must be from 1 to 36");
        assert_eq!(
            reason("invalid digit found in string"),
            "not a whole number"
        );
        assert_eq!(reason("own text"), "own text");
    }
}
