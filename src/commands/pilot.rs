//! `roi pilot FILE... --baseline FROM..TO --pilot FROM..TO`: measure the
//! exports, judge the pilot, render the verdict, and optionally write the
//! evidence forward as a scenario.

mod switchback;

use super::Ui;
use crate::cli::{Endpoint, Format, PilotAction, PilotArgs};
use crate::evidence::exports;
use crate::evidence::measure::Measured;
use crate::evidence::measure::cell::Month;
use crate::evidence::measure::error::{MeasureError, Period};
use crate::evidence::pilot;
use crate::forecast::scenario::Loaded;
use crate::format::Fmt;
use crate::i18n::t;
use crate::input::read_source;
use crate::output::{Destination, UsageError, distinct};
use crate::render;
use anyhow::Result;
use std::path::Path;

/// Reads `+30%`, `30%` or `0.3` as a share.
fn uplift(text: &str) -> Option<f64> {
    let x = read_uplift(text)?;
    // `--expect 30` reads as +3 000 %: almost surely +30 % was meant, the
    // trap `conversion = 20` already warns about. A bare number, no % and
    // no sign, above 3 (a tripling) gets a word, and is still taken as typed.
    let typed = text.trim();
    if x > 3.0 && !typed.ends_with('%') && !typed.starts_with(['+', '-']) {
        crate::stdio::say(&format!(
            "{} {}",
            t("Warning:"),
            crate::i18n::f(
                "--expect {} is read as a rise of {}; did you mean +{}%?",
                &[
                    &typed,
                    &Fmt::messages().percent(
                        rust_decimal::Decimal::from_f64_retain(x).unwrap_or_default(),
                        crate::format::Sign::Explicit
                    ),
                    &typed
                ],
            )
        ));
    }
    Some(x)
}

/// `--expect` as a share: `+30%`, `30%` and `0.3` are 0.3.
fn read_uplift(text: &str) -> Option<f64> {
    let t = text.trim().replace(',', ".");
    let (number, percent) = match t.strip_suffix('%') {
        Some(n) => (n.trim().to_string(), true),
        None => (t, false),
    };
    let x: f64 = number.trim_start_matches('+').parse().ok()?;
    let x = if percent { x / 100.0 } else { x };
    (x.is_finite() && x > 0.0).then_some(x)
}

/// Where each document goes, checked before any work: the report (`-o`),
/// the scenario (`--write-scenario`) and the pilot plan (`--save-plan`).
struct Targets {
    out: super::Output,
    scenario: Option<Destination>,
    plan: Option<Destination>,
}

fn targets(args: &PilotArgs, ui: &Ui, inputs: &[&Path]) -> Result<Targets> {
    let formats = [Format::Table, Format::Json, Format::Html, Format::Xlsx];
    let out = ui.output(&args.output, &formats, inputs, false)?;
    let file =
        |flag: &'static str, path: &Option<std::path::PathBuf>| -> Result<Option<Destination>> {
            let Some(path) = path else { return Ok(None) };
            let dest = Destination::for_flag(flag, Some(path), inputs)?;
            // Two documents on one stream, or in one file, would leave neither readable.
            if dest == Destination::Stdout {
                return Err(UsageError(crate::i18n::f(
                    "{} needs a file; standard output carries the report",
                    &[&flag],
                ))
                .into());
            }
            Ok(Some(dest))
        };
    let scenario = file("--write-scenario", &args.write_scenario)?;
    let plan = file("--save-plan", &args.save_plan)?;
    let mut all = vec![("-o", &out.destination)];
    all.extend(scenario.iter().map(|d| ("--write-scenario", d)));
    all.extend(plan.iter().map(|d| ("--save-plan", d)));
    distinct(&all)?;
    Ok(Targets {
        out,
        scenario,
        plan,
    })
}

/// The baseline (`--baseline`, or the pilot plan's) and `--pilot` as given.
fn periods(args: &PilotArgs, design: Option<&pilot::Design>) -> Result<(Period, Option<Period>)> {
    let baseline = match (&args.baseline, design) {
        (Some(text), d) => {
            let b = Period::parse("--baseline", text)?;
            if let Some(d) = d.filter(|d| d.baseline != b) {
                return Err(UsageError(crate::i18n::f(
                    "--baseline {} is not the plan's baseline {}; judge a planned pilot against the baseline it was planned on",
                    &[&b, &d.baseline],
                ))
                .into());
            }
            b
        }
        (None, Some(d)) => d.baseline,
        // clap asks for --baseline without --pilot-plan; said again here all the same.
        (None, None) => {
            return Err(UsageError(
                t("--baseline is needed: the months before the assistant, like 2025-06..2025-11")
                    .into(),
            )
            .into());
        }
    };
    let given = args
        .pilot
        .as_deref()
        .map(|p| Period::parse("--pilot", p))
        .transpose()?;
    Ok((baseline, given))
}

/// `--expect`, `--primary` and `--start` as the judgement takes them.
fn flags(args: &PilotArgs) -> Result<(Option<f64>, pilot::Metric, Option<Month>)> {
    let expect = match &args.expect {
        None => None,
        Some(e) => Some(uplift(e).ok_or_else(|| {
            UsageError(crate::i18n::f(
                "--expect {}: a rise in leads like +30% or 0.3",
                &[e],
            ))
        })?),
    };
    let endpoint = match args.primary {
        Endpoint::Leads => pilot::Metric::Leads,
        Endpoint::Bookings => pilot::Metric::Bookings,
        Endpoint::Visits => pilot::Metric::Visits,
        Endpoint::Revenue => pilot::Metric::Revenue,
    };
    let start = args
        .start
        .as_deref()
        .map(|s| {
            Period::parse("--start", s).and_then(|p| {
                (p.from == p.to)
                    .then_some(p.from)
                    .ok_or_else(|| MeasureError::Period {
                        flag: "--start",
                        value: s.to_string(),
                        message: t("one month, like 2025-12").into(),
                    })
            })
        })
        .transpose()?;
    Ok((expect, endpoint, start))
}

/// The scenario the evidence makes, written (or not) as one text, and the
/// judgement decided again on the odds drawn from that very text, so that
/// `roi simulate` on the file gives the same chance with the same trials and seed.
type Written = Option<Result<String, MeasureError>>;

fn with_odds(
    args: &PilotArgs,
    judged: pilot::Pilot,
    m: &Measured,
    plan: Option<&crate::forecast::scenario::Scenario>,
    write: bool,
    ui: &Ui,
) -> Result<(pilot::Pilot, Written)> {
    // Data that cannot make a scenario (no amounts, no leads) costs only the
    // odds, unless the scenario itself was asked for.
    let after = match judged.pilot {
        Some(_) if plan.is_some() || write => {
            Some(m.scenario_baseline(judged.baseline).and_then(|b| {
                let j = Some((&judged, plan));
                render::scenario_file::measured(m, &b, judged.baseline, ui.lang, j, None)
            }))
        }
        _ => None,
    };
    let judged = match (&after, plan) {
        (Some(text), Some(_)) => {
            let odds = match text {
                Ok(text) => {
                    pilot::odds::of_scenario("pilot", text, args.trials, args.seed, args.confidence)
                }
                Err(e) => Err(e.to_string()),
            };
            judged.with_odds(odds, plan)
        }
        _ => judged,
    };
    Ok((judged, after))
}

/// Writes the pilot plan and the scenario, each made before either is
/// written (the report follows them).
fn deliver(to: &Targets, judged: &pilot::Pilot, after: Written, ui: &Ui) -> Result<()> {
    let plan_text = match (&to.plan, &judged.design) {
        (Some(_), None) => {
            let why = judged.plan_refused.unwrap_or("no pilot plan could be made");
            return Err(UsageError(crate::i18n::f("--save-plan: {}", &[&t(why)])).into());
        }
        (_, d) => d.as_ref().map(|d| render::pilot::plan_file(d, ui.lang)),
    };
    let scenario_text = match (&to.scenario, after) {
        (Some(_), Some(text)) => Some(text?),
        (Some(_), None) => {
            return Err(UsageError(t("--write-scenario needs a --pilot to measure").into()).into());
        }
        _ => None,
    };
    if let (Some(dest), Some(text)) = (&to.plan, plan_text) {
        dest.write(text.as_bytes())?;
    }
    if let (Some(dest), Some(text)) = (&to.scenario, scenario_text) {
        dest.write(text.as_bytes())?;
    }
    Ok(())
}

/// Runs `roi pilot`: a before/after pilot, a switchback's design
/// (`roi pilot design`) or its judgement (`--schedule`).
pub fn run(mut args: PilotArgs, ui: &Ui) -> Result<()> {
    if let Some(PilotAction::Design(design)) = args.action.take() {
        return switchback::design(*design, ui);
    }
    if let Some(path) = args.schedule.clone() {
        return switchback::judge(&args, &path, ui);
    }
    // Every file read is protected from -o, --write-scenario and --save-plan.
    let inputs: Vec<&Path> = args
        .export
        .files
        .iter()
        .map(|p| p.as_path())
        .chain(args.export.map.as_deref())
        .chain(args.scenario.as_deref())
        .chain(args.pilot_plan.as_deref())
        .collect();
    let to = targets(&args, ui, &inputs)?;
    let design = match &args.pilot_plan {
        Some(path) => Some(pilot::design::read(&read_source(path)?)?),
        None => None,
    };
    let (baseline, given_pilot) = periods(&args, design.as_ref())?;
    if to.scenario.is_some() && given_pilot.is_none() && design.is_none() {
        return Err(UsageError(t("--write-scenario needs a --pilot to measure").into()).into());
    }
    let (expect, endpoint, start) = flags(&args)?;
    let plan = match &args.scenario {
        Some(path) => Some(Loaded::read(path, &[])?.scenario()?),
        None => None,
    };
    let mut req = exports::request(&super::exports(&args.export))?;
    // Whether clients come back is judged whenever the files name them.
    req.clients = true;
    let m = exports::measured(&req, args.export.strict)?;
    let pilot_period = match &design {
        Some(d) => Some(planned_so_far(d, given_pilot, &m)?),
        None => given_pilot,
    };
    let ask = pilot::Ask {
        plan: plan.as_ref(),
        expect,
        endpoint,
        design: design.as_ref(),
        months: args.months,
        start,
        today: super::today(),
    };
    let judged = pilot::judge(&m, baseline, pilot_period, ask)?;
    let (judged, after) = with_odds(&args, judged, &m, plan.as_ref(), to.scenario.is_some(), ui)?;
    let fmt = Fmt {
        lang: ui.lang,
        currency: plan.as_ref().map_or("RUB", |p| p.currency.as_str()),
    };
    // Every document is made before any is written, so a mistake in one
    // leaves nothing half-done.
    let bytes = match to.out.format {
        Format::Json => render::pilot::json(&judged).into_bytes(),
        Format::Html => render::pilot_html::render(&judged, &m, &fmt).into_bytes(),
        Format::Xlsx => render::pilot::xlsx(&judged, &fmt)?,
        _ => render::pilot::table(&judged, &fmt, to.out.width).into_bytes(),
    };
    deliver(&to, &judged, after, ui)?;
    to.out.destination.write(&bytes)
}

/// A planned pilot's months so far: from its start to `--pilot`'s end, or
/// else to the last month before the export's last (which may be partial),
/// never past the planned length.
fn planned_so_far(
    d: &pilot::Design,
    given: Option<Period>,
    m: &Measured,
) -> Result<Period, MeasureError> {
    let planned = d.planned();
    let wrong = |value: String, message: String| MeasureError::Period {
        flag: "--pilot",
        value,
        message,
    };
    if let Some(p) = given {
        if p.from != planned.from || p.to > planned.to {
            return Err(wrong(
                p.to_string(),
                crate::i18n::f(
                    "the plan's pilot runs {}; give its months so far, from its start",
                    &[&planned],
                ),
            ));
        }
        return Ok(p);
    }
    let last = m.funnel.span().map(|(_, last)| last);
    let full = last.filter(|&l| l > planned.from).map(|l| {
        // The month before the last: the export may have been made inside the last.
        let mut prev = planned.from;
        while prev.next() < l {
            prev = prev.next();
        }
        prev
    });
    match full {
        Some(to) => Ok(Period {
            from: planned.from,
            to: to.min(planned.to),
        }),
        None => Err(wrong(
            planned.to_string(),
            crate::i18n::f(
                "the export holds no full month of the planned pilot (from {}) yet; give --pilot to judge a month the export covers whole",
                &[&planned.from],
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_an_expected_uplift() {
        assert_eq!(super::uplift("+30%"), Some(0.3));
        assert_eq!(super::uplift("30 %"), Some(0.3));
        assert_eq!(super::uplift("0,25"), Some(0.25));
        assert_eq!(super::uplift("-10%"), None);
        assert_eq!(super::uplift("abc"), None);
    }
}
