//! `roi pilot FILE... --baseline FROM..TO --pilot FROM..TO`: measure the
//! exports, judge the pilot, render the verdict, and optionally write the
//! evidence forward as a scenario.

use super::Ui;
use crate::cli::{Endpoint, Format, PilotArgs};
use crate::evidence::exports;
use crate::evidence::measure::error::Period;
use crate::evidence::pilot;
use crate::forecast::scenario::Loaded;
use crate::format::Fmt;
use crate::i18n::t;
use crate::output::{Destination, UsageError, distinct};
use crate::render;
use anyhow::Result;
use std::path::Path;

/// Reads `+30%`, `30%` or `0.3` as a share.
fn uplift(text: &str) -> Option<f64> {
    let t = text.trim().replace(',', ".");
    let (number, percent) = match t.strip_suffix('%') {
        Some(n) => (n.trim().to_string(), true),
        None => (t, false),
    };
    let x: f64 = number.trim_start_matches('+').parse().ok()?;
    let x = if percent { x / 100.0 } else { x };
    (x.is_finite() && x > 0.0).then_some(x)
}

/// Runs `roi pilot`.
pub fn run(args: PilotArgs, ui: &Ui) -> Result<()> {
    let formats = [Format::Table, Format::Json, Format::Html, Format::Xlsx];
    // Every file read is protected from -o and --write-scenario.
    let inputs: Vec<&Path> = args
        .export
        .files
        .iter()
        .map(|p| p.as_path())
        .chain(args.export.map.as_deref())
        .chain(args.scenario.as_deref())
        .collect();
    let out = ui.output(&args.output, &formats, &inputs, false)?;
    let write_to = match &args.write_scenario {
        Some(path) => {
            let dest = Destination::for_flag("--write-scenario", Some(path), &inputs)?;
            // Two documents on one stream, or in one file, would leave neither readable.
            if dest == Destination::Stdout {
                return Err(UsageError(
                    t("--write-scenario needs a file; standard output carries the report").into(),
                )
                .into());
            }
            distinct(&[("-o", &out.destination), ("--write-scenario", &dest)])?;
            Some(dest)
        }
        None => None,
    };
    let baseline = Period::parse("--baseline", &args.baseline)?;
    let pilot_period = args
        .pilot
        .as_deref()
        .map(|p| Period::parse("--pilot", p))
        .transpose()?;
    if write_to.is_some() && pilot_period.is_none() {
        return Err(UsageError(t("--write-scenario needs a --pilot to measure").into()).into());
    }
    let expect = match &args.expect {
        None => None,
        Some(e) => Some(uplift(e).ok_or_else(|| {
            UsageError(crate::i18n::f(
                "--expect {}: a rise in leads like +30% or 0.3",
                &[e],
            ))
        })?),
    };
    let plan = match &args.scenario {
        Some(path) => {
            let loaded = Loaded::read(path, &[])?;
            Some(loaded.scenario()?)
        }
        None => None,
    };
    let req = exports::request(&super::exports(&args.export))?;
    let m = exports::measured(&req, args.export.strict)?;
    let endpoint = match args.primary {
        Endpoint::Leads => pilot::Metric::Leads,
        Endpoint::Bookings => pilot::Metric::Bookings,
        Endpoint::Visits => pilot::Metric::Visits,
        Endpoint::Revenue => pilot::Metric::Revenue,
    };
    let ask = pilot::Ask {
        plan: plan.as_ref(),
        expect,
        endpoint,
    };
    let judged = pilot::judge(&m, baseline, pilot_period, ask)?;
    let fmt = Fmt {
        lang: ui.lang,
        currency: plan.as_ref().map_or("RUB", |p| p.currency.as_str()),
    };
    // Both documents are made before either is written, so a mistake in one
    // leaves nothing half-done.
    let bytes = match out.format {
        Format::Json => render::pilot::json(&judged).into_bytes(),
        Format::Html => render::pilot_html::render(&judged, &m, &fmt).into_bytes(),
        Format::Xlsx => render::pilot::xlsx(&judged, &fmt)?,
        _ => render::pilot::table(&judged, &fmt, out.width).into_bytes(),
    };
    if let Some(dest) = write_to {
        let b = m.scenario_baseline(baseline)?;
        let judged = Some((&judged, plan.as_ref()));
        let text = render::scenario_file::measured(&m, &b, baseline, ui.lang, judged)?;
        dest.write(text.as_bytes())?;
    }
    out.destination.write(&bytes)
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
