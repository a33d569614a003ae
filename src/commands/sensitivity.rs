//! `roi sensitivity FILE [--swing 20%]`: which assumption to check first.

use super::{Loaded, Ui};
use crate::cli::{Format, SensitivityArgs};
use crate::format::Fmt;
use crate::output::Destination;
use crate::render::sensitivity as render;
use crate::scenario::{Location, Problem};
use crate::sensitivity;
use anyhow::Result;

/// Runs `roi sensitivity`.
pub fn run(args: SensitivityArgs, ui: &Ui) -> Result<()> {
    ui.check_excel(&args.output, false)?;
    let loaded = Loaded::from_args(&args.scenario)?;
    let Some(swing) = sensitivity::parse_swing(&args.swing) else {
        return Err(loaded.invalid(vec![Problem {
            location: Location::Flag("--swing"),
            key: Some(args.swing.clone()),
            value: None,
            message: crate::i18n::t("must be a share above 0% and at most 100%, like 20% or 0.2")
                .into(),
        }]));
    };
    let scenario = loaded.scenario()?;
    let (base, bars) = sensitivity::tornado(&loaded.draft, swing).map_err(|e| loaded.explain(e))?;
    let text = match args.output.format {
        Format::Table => render::table(
            &scenario.name,
            scenario.inputs.months,
            &base,
            &bars,
            swing,
            &Fmt {
                lang: ui.lang,
                currency: &scenario.currency,
            },
        ),
        Format::Json => render::json(&base, &bars, swing),
        Format::Csv => render::csv(&bars, ui.dialect(&args.output)),
    };
    Destination::for_output(args.output.output.as_deref(), &[&args.scenario.file])?
        .write(text.as_bytes())
}
