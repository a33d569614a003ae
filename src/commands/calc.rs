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
    ui.check_excel(&args.output, false)?;
    let loaded = Loaded::from_args(&args.scenario)?;
    let destination =
        Destination::for_output(args.output.output.as_deref(), &[&args.scenario.file])?;
    // Colour is for a terminal, never for a file.
    let colour = ui.colour && destination == Destination::Stdout;
    let scenario = loaded.scenario()?;
    let report = Report::build(scenario).map_err(|o| loaded.overflow(o))?;
    let fmt = Fmt {
        lang: ui.lang,
        currency: &report.scenario.currency,
    };
    let text = match args.output.format {
        Format::Table => render::table::render(&report, &fmt, colour),
        Format::Json => render::json::render(&report),
        Format::Csv => render::csv::render(&report, ui.dialect(&args.output)),
    };
    destination.write(text.as_bytes())
}
