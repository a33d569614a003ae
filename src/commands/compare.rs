//! `roi compare FILE...`: every file's base scenario and variants, side by side.

use super::{Loaded, Ui};
use crate::cli::{CompareArgs, Format};
use crate::output::{Destination, UsageError};
use crate::render::compare;
use crate::report::Report;
use anyhow::{Context, Result};
use std::path::PathBuf;

/// Runs `roi compare`.
pub fn run(args: CompareArgs, ui: &Ui) -> Result<()> {
    ui.check_excel(&args.output, false)?;
    if args.files.iter().filter(|f| f.as_os_str() == "-").count() > 1 {
        return Err(
            UsageError(crate::i18n::t("standard input (-) can be read only once").into()).into(),
        );
    }
    let inputs: Vec<&std::path::Path> = args.files.iter().map(PathBuf::as_path).collect();
    let destination = Destination::for_output(args.output.output.as_deref(), &inputs)?;
    let mut reports = Vec::new();
    for file in &args.files {
        let loaded = Loaded::read(file, &args.set)?;
        for scenario in loaded.with_variants()? {
            let name = scenario.name.clone();
            let report = Report::build(scenario).with_context(|| {
                crate::i18n::f("cannot compute {} ({})", &[&loaded.source.name, &name])
            })?;
            reports.push(report);
        }
    }
    let text = match args.output.format {
        Format::Table => compare::table(&reports, ui.lang),
        Format::Json => compare::json(&reports),
        Format::Csv => compare::csv(&reports, ui.dialect(&args.output)),
    };
    destination.write(text.as_bytes())
}
