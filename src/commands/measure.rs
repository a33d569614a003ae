//! `roi measure FILE...`: read the exports, count the funnel, render it, and
//! optionally write the baseline scenario.

use super::Ui;
use crate::cli::{EntityArg, Format, MeasureArgs};
use crate::evidence::measure::error::{MeasureError, Period};
use crate::evidence::measure::quality_notes;
use crate::evidence::{exports, retention};
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

/// What to read, from the flags: the files, the period and what to count
/// besides the funnel.
fn request(args: &MeasureArgs) -> Result<crate::evidence::measure::Request> {
    let mut req = exports::request(&super::exports(&args.export))?;
    req.from = month_flag("--from", &args.from)?;
    req.to = month_flag("--to", &args.to)?;
    req.by = args.by.clone();
    // Clients are collected only when asked for: a plain count pays nothing.
    // A scenario takes its repeat visits from them when the files name clients.
    req.clients = args.retention || args.scenario;
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
    Ok(req)
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
    let req = request(&args)?;
    let baseline = args
        .baseline
        .as_deref()
        .map(|b| Period::parse("--baseline", b))
        .transpose()?;
    let m = exports::measured(&req, args.export.strict)?;
    if let Some(p) = baseline {
        m.check_period("--baseline", p)?;
    }
    let retention = match (&m.clients, args.retention) {
        (Some(clients), true) => Some(retention::retention(
            clients,
            m.funnel.split,
            m.by.as_ref(),
            super::today(),
        )?),
        (None, true) => return Err(MeasureError::RetentionOnMonthly.into()),
        _ => None,
    };
    let r = retention.as_ref();
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
        // Repeat visits come from the clients when the files name them.
        let repeat = m
            .clients
            .as_ref()
            .filter(|c| !c.columns.is_empty())
            .map(|c| retention::repeat(c, super::today()));
        render::scenario_file::measured(&m, &b, p, ui.lang, None, repeat.as_ref())?.into_bytes()
    } else {
        match out.format {
            Format::Json => render::measure::json(&m, baseline, r).into_bytes(),
            Format::Csv => match r {
                Some(r) => render::measure::retention::csv(r, out.dialect).into_bytes(),
                None => render::measure::csv(&m, out.dialect).into_bytes(),
            },
            Format::Xlsx => render::measure::xlsx(&m, r, ui.lang)?,
            _ => render::measure::table_text(&m, baseline, r, &fmt, out.width).into_bytes(),
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
