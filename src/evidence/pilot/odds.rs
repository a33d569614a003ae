//! The decision as odds: the scenario `--write-scenario` writes (the
//! measured baseline, every measured change as a distribution, the plan's
//! costs) run through `roi simulate`'s engine, so the pilot's P(ROI > 0) is
//! what `roi simulate` gives on that file with the same trials and seed.

use crate::forecast::scenario::Loaded;
use crate::forecast::simulate::{self, Model, Report};
use crate::input::Source;

/// The chance of paying, over the plan's horizon, from the pilot's evidence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Odds {
    /// Trials drawn.
    pub trials: u64,
    /// The seed, as `roi simulate --seed` takes it.
    pub seed: u64,
    /// The plan's horizon in months.
    pub months: u32,
    /// P(ROI > 0) over the horizon; `None` without costs.
    pub roi_positive: Option<f64>,
    /// P(payback within the horizon).
    pub payback: f64,
    /// ROI P10, P50, P90.
    pub roi: [Option<f64>; 3],
    /// ROI P5, P10, P25, P50, P75, P90, P95: the spread a chart of the odds draws.
    pub quantiles: [Option<f64>; 7],
    /// The P(ROI > 0) that scales (`--confidence`); at or below 1 − it, stop.
    pub confidence: f64,
}

/// Runs the written scenario `text` (named `name`) through the simulation;
/// why not, in words, when it cannot be read or the pilot measured no
/// interval to draw from.
pub fn of_scenario(
    name: &str,
    text: &str,
    trials: u64,
    seed: u64,
    confidence: f64,
) -> Result<Odds, String> {
    let source = Source {
        name: name.to_string(),
        text: text.to_string(),
    };
    let loaded = Loaded::from_source(source, "pilot".into(), &[]).map_err(|e| e.to_string())?;
    let scenario = loaded.scenario().map_err(|e| e.to_string())?;
    if scenario.ranges.is_empty() {
        return Err(crate::i18n::t("the pilot measured no interval to draw the odds from").into());
    }
    let model = Model::new(&loaded.draft, &scenario.inputs);
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let run = simulate::run(&model, trials, seed, threads, false, &|_| {});
    let r = Report::new(&run, scenario.inputs.months);
    Ok(summary(&r, confidence))
}

fn summary(r: &Report, confidence: f64) -> Odds {
    // P5, P10, P25, P50, P75, P90, P95.
    let p = r.roi.percentiles;
    Odds {
        trials: r.trials,
        seed: r.seed,
        months: r.months,
        roi_positive: r.roi_positive,
        payback: r.payback_within_horizon,
        roi: [p[1], p[3], p[5]],
        quantiles: p,
        confidence,
    }
}
