//! `roi measure FILE...`: read the exports, count the funnel, render it, and
//! optionally write the baseline scenario.

use super::Ui;
use crate::cli::{EntityArg, Format, MeasureArgs};
use crate::evidence::exports;
use crate::evidence::measure::error::{MeasureError, Period};
use crate::evidence::measure::quality_notes;
use crate::format::Fmt;
use crate::i18n::{f, t};
use crate::output::{Destination, UsageError};
use crate::render;
use anyhow::Result;

fn month_flag(
    flag: &'static str,
    value: &Option<String>,
) -> Result<Option<crate::evidence::measure::cell::Month>> {
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
        let text = render::measure_map::render(
            super::system(args.export.source),
            args.entity.map(|e| match e {
                EntityArg::Deals => "deals",
                EntityArg::Leads => "leads",
            }),
            ui.lang,
        );
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
    let mut req = exports::request(&super::exports(&args.export))?;
    req.from = month_flag("--from", &args.from)?;
    req.to = month_flag("--to", &args.to)?;
    req.by = args.by.clone();
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
    let m = exports::measured(&req, args.export.strict)?;
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
        let b = m.scenario_baseline(p)?;
        render::scenario_file::measured(&m, &b, p, ui.lang, None)?.into_bytes()
    } else {
        match out.format {
            Format::Json => render::measure::json(&m, baseline).into_bytes(),
            Format::Csv => render::measure::csv(&m, out.dialect).into_bytes(),
            Format::Xlsx => render::measure::xlsx(&m, ui.lang)?,
            _ => render::measure::table_text(&m, baseline, &fmt, out.width).into_bytes(),
        }
    };
    out.destination.write(&bytes)?;
    if out.format == Format::Table {
        for note in quality_notes(&m, ui.lang) {
            crate::stdio::say(&f("Note: {}", &[&note]));
        }
    }
    Ok(())
}
