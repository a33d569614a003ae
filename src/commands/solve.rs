//! `roi solve FILE --for KEY --target METRIC=VALUE`: goal seeking on the model.

use super::Ui;
use crate::cli::{Format, SolveArgs};
use crate::forecast::scenario::value::Written;
use crate::forecast::scenario::{
    Key, Location, Problem, Spec, TEXT_KEYS, all_paths, unknown_key_message,
};
use crate::forecast::solve::{self, Target};
use crate::format::Fmt;
use crate::render::solve::{self as render, Question};
use anyhow::{Context, Result};
use rust_decimal::Decimal;

/// Runs `roi solve`.
pub fn run(args: SolveArgs, ui: &Ui) -> Result<()> {
    let out = ui.answer(&args.output, &[&args.scenario.file])?;
    let mut loaded = super::load(&args.scenario)?;
    let flag_problem = |flag: &'static str, key: &str, message: String| Problem {
        location: Location::Flag(flag),
        key: Some(key.to_string()),
        value: None,
        message,
    };
    let Some(key) = Key::from_path(args.key.trim()) else {
        let numeric: Vec<&str> = all_paths()
            .filter(|p| Key::from_path(p).is_some())
            .collect();
        let message = if TEXT_KEYS.contains(&args.key.trim()) {
            crate::i18n::f(
                "is text; solving works on the numeric keys: {}",
                &[&numeric.join(", ")],
            )
        } else {
            unknown_key_message(args.key.trim(), &numeric)
        };
        return Err(loaded.invalid(vec![flag_problem("--for", &args.key, message)]));
    };
    if let Some(message) = loaded.draft.lacks(key) {
        return Err(loaded.invalid(vec![flag_problem("--for", key.path(), message)]));
    }
    let target = Target::parse(&args.target).map_err(|p| loaded.invalid(vec![p]))?;
    if let Some(n) = args.at_month {
        if key == Key::Months {
            let message =
                crate::i18n::t("--at-month fixes the horizon, so it cannot also be solved for")
                    .into();
            return Err(loaded.invalid(vec![flag_problem("--for", key.path(), message)]));
        }
        loaded.draft.set(
            Key::Months,
            Spec::flag("--at-month", Written::Number(Decimal::from(n))),
        );
    }
    let scenario = loaded.scenario()?;
    super::warn(&loaded);
    let solution = solve::solve(&loaded.draft, key, target).map_err(|e| loaded.explain(e))?;
    let baseline = key.baseline().and_then(|b| b.field(&scenario.inputs));
    let ranges: Vec<_> = scenario
        .ranges
        .iter()
        .filter(|(k, _)| *k != key)
        .copied()
        .collect();
    let question = Question {
        name: &scenario.name,
        fmt: Fmt {
            lang: ui.lang,
            currency: &scenario.currency,
        },
        key,
        target,
        baseline,
        months: scenario.inputs.months,
        ranges: &ranges,
    };
    let text = match out.format {
        Format::Json => render::json(&question, &solution),
        _ => render::text(&question, &solution, out.width),
    };
    out.destination
        .write(text.as_bytes())
        .context(crate::i18n::t("writing the answer"))
}
