//! `roi calc FILE`: read, check, project, render.

use crate::cli::{CalcArgs, Format};
use crate::input::read_source;
use crate::output::Destination;
use crate::render;
use crate::report::Report;
use crate::scenario::Scenario;
use anyhow::{Context, Result};

/// Runs `roi calc`.
pub fn run(args: CalcArgs) -> Result<()> {
    let source = read_source(&args.file)?;
    let default_name = args
        .file
        .file_stem()
        .filter(|_| args.file.as_os_str() != "-")
        .map_or_else(
            || "Scenario".to_string(),
            |s| s.to_string_lossy().into_owned(),
        );
    let scenario = Scenario::parse(&source, &default_name)?;
    let report =
        Report::build(scenario).with_context(|| format!("cannot compute {}", source.name))?;
    let text = match args.output.format {
        Format::Table => render::table::render(&report),
        Format::Json => render::json::render(&report),
        Format::Csv => render::csv::render(&report),
    };
    Destination::from_arg(args.output.output.as_deref()).write(text.as_bytes())
}
