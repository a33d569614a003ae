//! `roi simulate FILE`: seeded Monte Carlo over the scenario's ranges.

use super::Ui;
use crate::cli::{Format, SimulateArgs};
use crate::forecast::scenario::Problem;
use crate::forecast::simulate::{self, Model};
use crate::format::Fmt;
use crate::i18n::{f, t};
use crate::output::{Destination, UsageError, distinct};
use crate::render::simulate as render;
use anyhow::Result;
use std::io::{IsTerminal, Write};

/// Runs `roi simulate`.
pub fn run(args: SimulateArgs, ui: &Ui) -> Result<()> {
    let formats = [Format::Table, Format::Json, Format::Csv, Format::Xlsx];
    let out = ui.output(
        &args.output,
        &formats,
        &[&args.scenario.file],
        args.samples.is_some(),
    )?;
    let samples = match &args.samples {
        Some(p) if p.as_os_str() == "-" => {
            return Err(UsageError(
                t("--samples needs a file: standard output already carries the report").into(),
            )
            .into());
        }
        Some(p) => {
            let samples = Destination::for_flag("--samples", Some(p), &[&args.scenario.file])?;
            // Compared as files, not as text: `x.csv` and `./x.csv` are one.
            distinct(&[("-o", &out.destination), ("--samples", &samples)])?;
            Some(samples)
        }
        None => None,
    };
    let loaded = super::load(&args.scenario)?;
    let scenario = loaded.scenario()?;
    super::warn(&loaded);
    if scenario.ranges.is_empty() {
        return Err(loaded.invalid(vec![Problem::file(t(
            "the scenario has no ranges, so every trial would be the same; give a key a range, like after.leads = \"+15%..+40%\"",
        ))]));
    }
    // The point scenario must compute before thousands of variations of it can.
    crate::forecast::engine::summarize(&scenario.inputs).map_err(|o| loaded.overflow(o))?;
    let model = Model::new(&loaded.draft, &scenario.inputs);
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let show_progress = std::io::stderr().is_terminal() && args.trials >= 200_000;
    let trials = args.trials;
    let progress = move |done: u64| {
        if show_progress {
            let mut err = std::io::stderr().lock();
            let _ = write!(
                err,
                "\r{}",
                f("simulating… {}%", &[&format!("{:>3}", done * 100 / trials)])
            );
            let _ = err.flush();
        }
    };
    let run = simulate::run(
        &model,
        trials,
        args.seed,
        threads,
        args.samples.is_some(),
        &progress,
    );
    if show_progress {
        eprint!("\r{:20}\r", "");
    }
    if let Some(destination) = samples {
        destination.stream(|w| Ok(render::samples(&model, &run, out.dialect, w)?))?;
    }
    let report = simulate::Report::new(&run, scenario.inputs.months);
    let bytes = match out.format {
        Format::Json => render::json(&scenario, &report).into_bytes(),
        Format::Csv => render::csv(&report, out.dialect).into_bytes(),
        Format::Xlsx => render::xlsx(&scenario, &report, ui.lang)?,
        _ => render::table(
            &scenario,
            &report,
            &Fmt {
                lang: ui.lang,
                currency: &scenario.currency,
            },
            out.width,
        )
        .into_bytes(),
    };
    out.destination.write(&bytes)
}
