//! `roi calc FILE`: read, check, project, render.

use super::Ui;
use crate::cli::{CalcArgs, Format};
use crate::forecast::report::Report;
use crate::format::Fmt;
use crate::render;
use anyhow::Result;

/// The formats `roi calc` writes.
pub const FORMATS: [Format; 5] = [
    Format::Table,
    Format::Json,
    Format::Csv,
    Format::Xlsx,
    Format::Html,
];

/// Runs `roi calc`.
pub fn run(args: CalcArgs, ui: &Ui) -> Result<()> {
    let out = ui.output(&args.output, &FORMATS, &[&args.scenario.file], false)?;
    let loaded = super::load(&args.scenario)?;
    let scenario = loaded.scenario()?;
    super::warn(&loaded);
    let report = Report::build(scenario).map_err(|o| loaded.overflow(o))?;
    let fmt = Fmt {
        lang: ui.lang,
        currency: &report.scenario.currency,
    };
    let bytes = match out.format {
        Format::Table => {
            let colour = ui.colour(args.color, &out.destination);
            render::table::render(&report, &fmt, colour, out.width).into_bytes()
        }
        Format::Json => render::json::render(&report).into_bytes(),
        Format::Csv => render::csv::render(&report, out.dialect).into_bytes(),
        Format::Xlsx => render::calc_xlsx::render(&report, &fmt)?,
        Format::Html => render::html::render(&report, &fmt).into_bytes(),
    };
    out.destination.write(&bytes)
}
