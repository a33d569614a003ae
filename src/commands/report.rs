//! `roi report FILE [-o report.html]`: the page a salon owner can open or forward.

use super::Ui;
use crate::cli::ReportArgs;
use crate::forecast::report::Report;
use crate::format::Fmt;
use crate::output::Destination;
use crate::render;
use anyhow::Result;

/// Runs `roi report`.
pub fn run(args: ReportArgs, ui: &Ui) -> Result<()> {
    // The page's path is checked before the scenario is read, let alone computed.
    let destination = Destination::for_output(args.output.as_deref(), &[&args.scenario.file])?;
    let loaded = super::load(&args.scenario)?;
    let scenario = loaded.scenario()?;
    super::warn(&loaded);
    let report = Report::build(scenario).map_err(|o| loaded.overflow(o))?;
    let fmt = Fmt {
        lang: ui.lang,
        currency: &report.scenario.currency,
    };
    destination.write(render::html::render(&report, &fmt).as_bytes())
}
