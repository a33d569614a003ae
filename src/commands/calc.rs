//! `roi calc FILE`: read, check, project, render.

use super::{Loaded, Ui};
use crate::cli::{CalcArgs, Format};
use crate::format::Fmt;
use crate::output::Destination;
use crate::render;
use crate::report::Report;
use anyhow::Result;

/// Runs `roi calc`.
pub fn run(args: CalcArgs, ui: &Ui) -> Result<()> {
    let loaded = Loaded::from_args(&args.scenario)?;
    let scenario = loaded.scenario()?;
    let report = Report::build(scenario).map_err(|o| loaded.overflow(o))?;
    let fmt = Fmt {
        lang: ui.lang,
        currency: &report.scenario.currency,
    };
    let text = match args.output.format {
        Format::Table => render::table::render(&report, &fmt, ui.colour),
        Format::Json => render::json::render(&report),
        Format::Csv => render::csv::render(&report, ui.dialect(&args.output)),
    };
    Destination::for_output(args.output.output.as_deref(), &[&args.scenario.file])?
        .write(text.as_bytes())
}
