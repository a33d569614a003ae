//! `roi compare FILE...`: every file's base scenario and variants, side by side.

use super::Ui;
use crate::cli::{CompareArgs, Format};
use crate::forecast::report::Report;
use crate::forecast::scenario::Loaded;
use crate::output::UsageError;
use crate::render::compare;
use anyhow::{Context, Result};
use std::path::PathBuf;

/// Runs `roi compare`.
pub fn run(args: CompareArgs, ui: &Ui) -> Result<()> {
    if args.files.iter().filter(|f| f.as_os_str() == "-").count() > 1 {
        return Err(
            UsageError(crate::i18n::t("standard input (-) can be read only once").into()).into(),
        );
    }
    let inputs: Vec<&std::path::Path> = args.files.iter().map(PathBuf::as_path).collect();
    let formats = [Format::Table, Format::Json, Format::Csv, Format::Xlsx];
    let out = ui.output(&args.output, &formats, &inputs, false)?;
    let mut reports = Vec::new();
    for file in &args.files {
        let loaded = Loaded::read(file, &args.set)?;
        let scenarios = loaded.with_variants()?;
        super::warn(&loaded);
        for (index, scenario) in scenarios.into_iter().enumerate() {
            let name = scenario.name.clone();
            let report = Report::build(scenario)
                .map_err(|o| loaded.overflow_at(o, index))
                .with_context(|| {
                    crate::i18n::f("cannot compute {} ({})", &[&loaded.source.name, &name])
                })?;
            reports.push(report);
        }
    }
    let bytes = match out.format {
        Format::Json => compare::json(&reports).into_bytes(),
        Format::Csv => compare::csv(&reports, out.dialect).into_bytes(),
        Format::Xlsx => compare::xlsx(&reports, ui.lang)?,
        _ => compare::table(&reports, ui.lang, out.width).into_bytes(),
    };
    out.destination.write(&bytes)
}
