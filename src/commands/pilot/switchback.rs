//! `roi pilot design` (a switchback's schedule) and `roi pilot --schedule`
//! (its judgement): the flags read, the exports measured day by day, the
//! documents written.

use super::super::Ui;
use crate::cli::{DesignArgs, Format, PilotArgs, ScheduleFormat};
use crate::evidence::exports;
use crate::evidence::measure::error::Period;
use crate::evidence::switchback::{self, Plan, Unit, file};
use crate::forecast::scenario::Loaded;
use crate::format::Fmt;
use crate::i18n::{f, t};
use crate::input::read_source;
use crate::output::{Destination, UsageError};
use crate::render;
use anyhow::Result;
use chrono::NaiveDate;
use std::path::Path;

/// The plan the flags describe.
fn plan(args: &DesignArgs) -> Result<Plan> {
    let start = NaiveDate::parse_from_str(args.start.trim(), "%Y-%m-%d")
        .map_err(|_| UsageError(f("--start {}: a date like 2026-01-12", &[&args.start])))?;
    let (unit, units) = match (args.days, args.weeks) {
        (Some(d), None) => (Unit::Day, d),
        (None, Some(w)) => (Unit::Week, w),
        // clap asks for exactly one; said again here all the same.
        _ => return Err(UsageError(t("give --days N or --weeks N").into()).into()),
    };
    // The clock's nanoseconds: a schedule nobody could have guessed, written down.
    let seed = args.seed.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64)
    });
    let plan = Plan {
        unit,
        start,
        units,
        washout: args.washout.unwrap_or(unit.default_washout()),
        seed,
    };
    plan.check().map_err(|r| {
        let flag = if unit == Unit::Day {
            "--days"
        } else {
            "--weeks"
        };
        UsageError(format!("{flag} {units}: {}", file::refusal_text(&r, unit)))
    })?;
    Ok(plan)
}

/// The format -o's extension or --format names.
fn format(args: &DesignArgs) -> Result<ScheduleFormat> {
    if let Some(f) = args.format {
        return Ok(f);
    }
    let ext = args
        .output
        .as_deref()
        .and_then(Path::extension)
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    Ok(match ext.as_deref() {
        Some("csv") => ScheduleFormat::Csv,
        Some("xlsx") => ScheduleFormat::Xlsx,
        Some("ics") => ScheduleFormat::Ics,
        Some(other) => {
            return Err(UsageError(f(
                "-o: a schedule is written as .csv, .xlsx or .ics, not .{}; give --format",
                &[&other],
            ))
            .into());
        }
        None => ScheduleFormat::Calendar,
    })
}

/// Runs `roi pilot design`.
pub fn design(args: DesignArgs, ui: &Ui) -> Result<()> {
    let inputs: Vec<&Path> = args
        .export
        .files
        .iter()
        .map(|p| p.as_path())
        .chain(args.export.map.as_deref())
        .collect();
    let format = format(&args)?;
    let destination = Destination::for_output(args.output.as_deref(), &inputs)?;
    let plan = plan(&args)?;
    let schedule = plan
        .draw()
        .map_err(|r| UsageError(file::refusal_text(&r, plan.unit)))?;
    let expect = args
        .expect
        .as_deref()
        .map(|e| {
            super::uplift(e).ok_or_else(|| {
                UsageError(f("--expect {}: a rise in leads like +30% or 0.3", &[&e]))
            })
        })
        .transpose()?;
    let power = match (&args.baseline, args.export.files.is_empty()) {
        (Some(b), false) => {
            let baseline = Period::parse("--baseline", b)?;
            let mut req = exports::request(&super::super::exports(&args.export))?;
            req.daily = true;
            let m = exports::measured(&req, args.export.strict)?;
            Some(switchback::power(&m, baseline, &schedule, expect)?)
        }
        (Some(_), true) => {
            return Err(UsageError(
                t("--baseline sizes the pilot by an export: give the export files too").into(),
            )
            .into());
        }
        (None, false) => {
            return Err(UsageError(
                t("an export sizes the pilot by its --baseline months: give --baseline FROM..TO")
                    .into(),
            )
            .into());
        }
        (None, true) => None,
    };
    let bytes = match format {
        ScheduleFormat::Csv => file::csv(&schedule).into_bytes(),
        ScheduleFormat::Ics => render::switchback::ics(&schedule, ui.lang).into_bytes(),
        ScheduleFormat::Xlsx => render::switchback::xlsx(&schedule, ui.lang)?,
        ScheduleFormat::Calendar => {
            render::switchback::calendar(&schedule, power.as_ref(), ui.lang).into_bytes()
        }
    };
    destination.write(&bytes)?;
    // A file written, the calendar still goes to the terminal's reader on stderr.
    if destination != Destination::Stdout {
        eprint!(
            "{}",
            render::switchback::calendar(&schedule, power.as_ref(), ui.lang)
        );
    }
    Ok(())
}

/// The odds of paying at the plan's costs: the scenario the off days (as
/// the baseline) and the measured changes make, run as `roi simulate` runs it.
fn odds(
    args: &PilotArgs,
    judged: &switchback::Switchback,
    m: &crate::evidence::measure::Measured,
    plan: &crate::forecast::scenario::Scenario,
    ui: &Ui,
) -> Result<Result<crate::evidence::pilot::odds::Odds, String>> {
    let Some(b) = judged.off_baseline() else {
        return Ok(Err(crate::i18n::t(
            "the off days give no baseline to draw the odds from",
        )
        .into()));
    };
    let text = render::scenario_file::measured(
        m,
        &b,
        b.period,
        ui.lang,
        Some((&judged.pilot, Some(plan))),
        None,
    )?;
    Ok(crate::evidence::pilot::odds::of_scenario(
        "pilot",
        &text,
        args.trials,
        args.seed,
        args.confidence,
    ))
}

/// Runs `roi pilot FILE… --schedule schedule.csv`.
pub fn judge(args: &PilotArgs, path: &Path, ui: &Ui) -> Result<()> {
    let inputs: Vec<&Path> = args
        .export
        .files
        .iter()
        .map(|p| p.as_path())
        .chain(args.export.map.as_deref())
        .chain(args.scenario.as_deref())
        .chain([path])
        .collect();
    let out = ui.output(
        &args.output,
        &[Format::Table, Format::Json, Format::Html],
        &inputs,
        false,
    )?;
    let schedule = file::read(&read_source(path)?)?;
    let (_, endpoint, _) = super::flags(args)?;
    let plan = match &args.scenario {
        Some(p) => Some(Loaded::read(p, &[])?.scenario()?),
        None => None,
    };
    let mut req = exports::request(&super::super::exports(&args.export))?;
    req.daily = true;
    let m = exports::measured(&req, args.export.strict)?;
    let name = path.display().to_string();
    let mut judged = switchback::judge(&m, &schedule, &name, endpoint, plan.as_ref())?;
    if let Some(p) = &plan {
        match odds(args, &judged, &m, p, ui)? {
            Ok(o) => judged.pilot.odds = Some(o),
            Err(why) => judged.pilot.odds_missing = Some(why),
        }
        judged.decide(Some(p));
    }
    let fmt = Fmt {
        lang: ui.lang,
        currency: plan.as_ref().map_or("RUB", |p| p.currency.as_str()),
    };
    let bytes = match out.format {
        Format::Json => render::switchback::json(&judged).into_bytes(),
        Format::Html => render::switchback::page(&judged, &fmt).into_bytes(),
        _ => render::switchback::table(&judged, &fmt, out.width).into_bytes(),
    };
    out.destination.write(&bytes)
}
