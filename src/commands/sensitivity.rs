//! `roi sensitivity FILE [--swing 20%]`: which assumption to check first.

use super::Ui;
use crate::cli::{Format, SensitivityArgs};
use crate::forecast::scenario::{Location, Problem};
use crate::forecast::sensitivity;
use crate::format::Fmt;
use crate::render::sensitivity as render;
use anyhow::Result;

/// Runs `roi sensitivity`.
pub fn run(args: SensitivityArgs, ui: &Ui) -> Result<()> {
    let formats = [Format::Table, Format::Json, Format::Csv, Format::Xlsx];
    let out = ui.output(&args.output, &formats, &[&args.scenario.file], false)?;
    let loaded = super::load(&args.scenario)?;
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
    super::warn(&loaded);
    let (base, bars) = sensitivity::tornado(&loaded.draft, swing).map_err(|e| loaded.explain(e))?;
    let bytes = match out.format {
        Format::Json => render::json(&base, &bars, swing).into_bytes(),
        Format::Csv => render::csv(&bars, out.dialect).into_bytes(),
        Format::Xlsx => render::xlsx(&bars, ui.lang, &scenario.currency)?,
        _ => render::table(
            &scenario.name,
            scenario.inputs.months,
            &base,
            &bars,
            swing,
            &Fmt {
                lang: ui.lang,
                currency: &scenario.currency,
            },
            out.width,
        )
        .into_bytes(),
    };
    out.destination.write(&bytes)
}
