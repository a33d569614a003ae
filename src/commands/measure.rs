//! `roi measure FILE...`: read the exports, count the funnel, render it, and
//! optionally write the baseline scenario.

use super::Ui;
use crate::cli::{ExportArgs, Format, MeasureArgs, SourceArg};
use crate::format::Fmt;
use crate::i18n::{f, t};
use crate::input::read_source;
use crate::measure::error::{MeasureError, Period};
use crate::measure::mapping::{AiRule, Mapping};
use crate::measure::profile::System;
use crate::measure::table::Origin;
use crate::measure::{Measured, Request, measure};
use crate::output::{Destination, UsageError};
use crate::render;
use crate::scenario::ScenarioError;
use anyhow::Result;
use std::io::Read;

/// The system `--source` names, if any.
pub fn system(source: SourceArg) -> Option<System> {
    match source {
        SourceArg::Auto => None,
        SourceArg::Bitrix24 => Some(System::Bitrix24),
        SourceArg::Amocrm => Some(System::AmoCrm),
        SourceArg::Yclients => Some(System::Yclients),
        SourceArg::Monthly => Some(System::Monthly),
    }
}

/// The request the shared export flags describe (files, source, mapping, AI rule).
pub fn request(args: &ExportArgs) -> Result<Request> {
    if args.files.is_empty() {
        return Err(UsageError(t("give at least one export file").into()).into());
    }
    let mut mapping = match &args.map {
        Some(path) => Mapping::parse(&read_source(path)?)?,
        None => Mapping::default(),
    };
    let flags = AiRule::from_flags(&args.ai).map_err(|p| ScenarioError {
        file: "--ai".into(),
        variant: None,
        problems: vec![p],
    })?;
    mapping.ai.conditions.extend(flags.conditions);
    let mut files = Vec::new();
    let mut stdin_used = false;
    let mut seen = Vec::new();
    for path in &args.files {
        // The same export twice would count every record twice (or report each as a repeat).
        if let Ok(real) = std::fs::canonicalize(path) {
            if seen.contains(&real) {
                return Err(UsageError(f(
                    "{} is given twice; give each export once",
                    &[&path.display()],
                ))
                .into());
            }
            seen.push(real);
        }
        if path.as_os_str() == "-" {
            if stdin_used {
                return Err(
                    UsageError(t("standard input (-) can be read only once").into()).into(),
                );
            }
            stdin_used = true;
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes)?;
            files.push(Origin::Bytes {
                name: "<stdin>".into(),
                bytes: bytes.into(),
            });
        } else if path.is_dir() {
            return Err(UsageError(f(
                "{} is a directory; give an export file",
                &[&path.display()],
            ))
            .into());
        } else if !path.exists() {
            return Err(crate::input::InputError::NotFound(path.display().to_string()).into());
        } else {
            files.push(Origin::Path(path.clone()));
        }
    }
    Ok(Request {
        files,
        source: system(args.source),
        mapping,
        from: None,
        to: None,
        sheet: args.sheet.clone(),
    })
}

/// Measures, and refuses with `--strict` when anything was left out.
pub fn measured(request: &Request, strict: bool) -> Result<Measured> {
    let m = measure(request, crate::measure::read::open)?;
    if strict && m.quality.has_problems() {
        let line = render::measure::quality_line(&m, crate::i18n::current()).unwrap_or_default();
        return Err(MeasureError::Strict(line).into());
    }
    Ok(m)
}

fn month_flag(
    flag: &'static str,
    value: &Option<String>,
) -> Result<Option<crate::measure::cell::Month>> {
    match value {
        None => Ok(None),
        Some(v) => {
            let p = Period::parse(flag, v)?;
            if p.from != p.to {
                return Err(MeasureError::Period {
                    flag,
                    value: v.clone(),
                    message: t("one month, like 2025-06").into(),
                }
                .into());
            }
            Ok(Some(p.from))
        }
    }
}

/// Runs `roi measure`.
pub fn run(args: MeasureArgs, ui: &Ui) -> Result<()> {
    if args.print_map {
        let text = render::measure_map::render(system(args.export.source), ui.lang);
        let destination = Destination::for_output(args.output.output.as_deref(), &[])?;
        return destination.write(text.as_bytes());
    }
    let formats = [Format::Table, Format::Json, Format::Csv, Format::Xlsx];
    // Every file read is protected from -o: the exports and the mapping.
    let inputs: Vec<&std::path::Path> = args
        .export
        .files
        .iter()
        .map(|p| p.as_path())
        .chain(args.export.map.as_deref())
        .collect();
    let out = ui.output(&args.output, &formats, &inputs, false)?;
    let mut req = request(&args.export)?;
    req.from = month_flag("--from", &args.from)?;
    req.to = month_flag("--to", &args.to)?;
    if let (Some(from), Some(to)) = (req.from, req.to)
        && to < from
    {
        return Err(MeasureError::Period {
            flag: "--to",
            value: to.to_string(),
            message: f(
                "comes before --from {}; write the earlier month first",
                &[&from],
            ),
        }
        .into());
    }
    let baseline = args
        .baseline
        .as_deref()
        .map(|b| Period::parse("--baseline", b))
        .transpose()?;
    let m = measured(&req, args.export.strict)?;
    if let Some(p) = baseline {
        m.check_period("--baseline", p)?;
    }
    let fmt = Fmt {
        lang: ui.lang,
        currency: "RUB",
    };
    let bytes = if args.scenario {
        // `requires = "baseline"` in the command line guarantees the period.
        let Some(p) = baseline else {
            return Err(UsageError(t("--scenario needs --baseline FROM..TO").into()).into());
        };
        scenario_text(&m, p, ui)?.into_bytes()
    } else {
        match out.format {
            Format::Json => render::measure::json(&m, baseline).into_bytes(),
            Format::Csv => render::measure::csv(&m, out.dialect).into_bytes(),
            Format::Xlsx => render::measure::xlsx(&m, ui.lang)?,
            _ => render::measure::table_text(&m, baseline, &fmt, out.width).into_bytes(),
        }
    };
    out.destination.write(&bytes)?;
    if out.format == Format::Table
        && let Some(line) = render::measure::quality_line(&m, ui.lang)
    {
        crate::stdio::say(&f("Note: {}", &[&line]));
    }
    Ok(())
}

/// The baseline scenario, refused when the data lacks a figure a scenario needs.
pub fn scenario_text(m: &Measured, period: Period, ui: &Ui) -> Result<String> {
    scenario_with(m, period, ui, None)
}

/// The baseline scenario, with `after` (already written) in place of the templates.
pub fn scenario_with(
    m: &Measured,
    period: Period,
    ui: &Ui,
    after: Option<String>,
) -> Result<String> {
    let b = m.baseline(period)?;
    let fig = &b.figures;
    let lacking = if fig.leads.is_none() || fig.conversion.is_none() {
        Some(t(
            "the data has no leads, so no leads or conversion for [baseline] (a booking system's records are bookings); measure the CRM's or the chats' export instead, or write them by hand",
        ))
    } else if fig.average_check.is_none() {
        Some(t(
            "the data has no amounts of visits, so no average_check for [baseline]; name the amount column in a mapping file ([columns] amount = \"…\"), or write it by hand",
        ))
    } else if fig
        .conversion
        .is_some_and(|c| c > rust_decimal::Decimal::ONE)
    {
        Some(t(
            "the period has more bookings than leads, so its conversion is above 100%; check the leads column",
        ))
    } else {
        None
    };
    if let Some(why) = lacking {
        return Err(MeasureError::Period {
            flag: "--scenario",
            value: period.to_string(),
            message: why.into(),
        }
        .into());
    }
    let sources = m
        .files
        .iter()
        .map(|file| {
            ui.lang.fill(
                "{} ({}, {}): {}",
                &[
                    &file.path,
                    &render::measure::system_name(m.system),
                    &file.kind.name(),
                    &ui.lang.rows(file.rows),
                ],
            )
        })
        .chain(std::iter::once(ui.lang.fill(
            "{} counted, {} repeated IDs, {} left out",
            &[
                &fmt_count(ui, m.quality.used),
                &fmt_count(ui, m.quality.duplicates),
                &fmt_count(ui, m.quality.skipped_rows()),
            ],
        )))
        .collect();
    let stem = m
        .files
        .first()
        .map(|f| {
            std::path::Path::new(&f.path)
                .file_stem()
                .map_or(f.path.clone(), |s| s.to_string_lossy().into_owned())
        })
        .unwrap_or_default();
    let name = ui.lang.fill("{}, measured {}", &[&stem, &period]);
    Ok(render::scenario_file::render(
        &render::scenario_file::Measured {
            baseline: &b,
            sources,
            name,
            currency: "RUB",
            after,
        },
        ui.lang,
    ))
}

/// A count as the reader's language groups it (2 308, 2,308).
fn fmt_count(ui: &Ui, n: u64) -> String {
    Fmt {
        lang: ui.lang,
        currency: "RUB",
    }
    .count(n.into(), crate::format::Sign::Plain)
}
