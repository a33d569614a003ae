//! Feeds generated exports to `roi pilot` in-process and tallies what it
//! decides. Only the command line and the JSON output are used — the
//! pilot's public contract — so the runner measures whatever rules the
//! pilot has when it runs: `decision.decision`, and for the primary metric
//! the `metrics[]` entry's `low`, `high` and `verdict`.
//!
//! Each run's seed is derived from the study's seed, the scenario's name
//! and the run's index alone, so the tallies do not depend on the number of
//! threads, on the order the runs finish in, or on the other scenarios.

use super::truth::{self, Export, Truth};
use clap::Parser;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// One line of the study: a truth, and how the owner looks at it.
#[derive(Debug, Clone)]
pub struct Scenario {
    /// Unique within a study: the runs' seeds are derived from it.
    pub name: String,
    /// The salon.
    pub truth: Truth,
    /// The pilot lengths the owner looks at, in order; the first look that
    /// is not `extend` decides, else the last one's. `[k1]` for one look.
    pub looks: Vec<u32>,
    /// Arguments added to every `roi pilot` call, `{dir}` replaced by the
    /// folder holding [`Scenario::files`] (for a plan: `--scenario {dir}/plan.toml`).
    pub extra_args: Vec<String>,
    /// Files written to that folder before the runs: (name, contents).
    pub files: Vec<(String, String)>,
    /// The metric and channel whose interval is checked against the truth.
    pub primary: (&'static str, &'static str),
    /// What the issue measured for this case, shown beside ours.
    pub reference: Option<&'static str>,
    /// How the owner plans and looks.
    pub mode: Mode,
}

/// How a run is planned before it is judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The export judged as it is.
    Plain,
    /// `--plan` on the baseline first; the pilot then rises by exactly the
    /// smallest rise `--plan` says a pilot of its length detects: is that
    /// figure honest (scale 75–85% of the time)?
    HonestDetectable,
    /// `--plan --months K --save-plan` first, then each look judged by
    /// `--pilot-plan`: the owner who looks every month under a plan.
    Planned,
}

impl Scenario {
    /// One look at the whole pilot, leads of `all` as the primary.
    pub fn new(name: &str, truth: Truth) -> Scenario {
        Scenario {
            name: name.into(),
            looks: vec![truth.pilot_months],
            truth,
            extra_args: Vec::new(),
            files: Vec::new(),
            primary: ("leads", "all"),
            reference: None,
            mode: Mode::Plain,
        }
    }

    /// Runs in another [`Mode`].
    pub fn mode(mut self, mode: Mode) -> Scenario {
        if mode == Mode::Planned {
            self.looks = (1..=self.truth.pilot_months).collect();
        }
        self.mode = mode;
        self
    }

    /// The figure for this case.
    pub fn reference(mut self, text: &'static str) -> Scenario {
        self.reference = Some(text);
        self
    }

    /// The owner looks after each of the pilot's months, 1..=k1.
    pub fn monthly_looks(mut self) -> Scenario {
        self.looks = (1..=self.truth.pilot_months).collect();
        self
    }
}

/// What one run of the pilot came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// `scale`.
    Scale,
    /// `extend`.
    Extend,
    /// `stop`.
    Stop,
    /// Any other word, or the command failed.
    Other,
}

impl Decision {
    fn of(word: &str) -> Decision {
        match word {
            "scale" => Decision::Scale,
            "extend" => Decision::Extend,
            "stop" => Decision::Stop,
            _ => Decision::Other,
        }
    }
}

/// One run: the decision, and the primary interval against the truth.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// The decision at the deciding look.
    pub decision: Decision,
    /// The primary's verdict was `up` at the deciding look.
    pub primary_up: bool,
    /// Its verdict was `down`.
    pub primary_down: bool,
    /// Whether its interval held the true change (`None`: no interval).
    pub covered: Option<bool>,
    /// Every metric of channel `all` whose verdict was `up` (`true`) or
    /// `down` (`false`) at the deciding look: what moved the decision,
    /// whatever the rules make of it.
    pub moved: Vec<(String, bool)>,
    /// The command's error, when it failed.
    pub error: Option<String>,
}

/// A scenario's runs, counted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    /// Runs made.
    pub runs: u64,
    /// Decisions `scale`, `extend`, `stop`, and anything else (failures).
    pub scale: u64,
    /// See `scale`.
    pub extend: u64,
    /// See `scale`.
    pub stop: u64,
    /// See `scale`.
    pub other: u64,
    /// Runs whose primary verdict was up, down.
    pub primary_up: u64,
    /// See `primary_up`.
    pub primary_down: u64,
    /// Runs with a primary interval, and those whose interval held the truth.
    pub with_interval: u64,
    /// See `with_interval`.
    pub covered: u64,
    /// By metric of channel `all`: runs whose verdict was up, and down.
    pub moved: BTreeMap<String, [u64; 2]>,
    /// The first failure's error (of the lowest run index), to say why `other` is not 0.
    pub error: Option<(u64, String)>,
}

impl Tally {
    fn add(&mut self, index: u64, r: &Run) {
        self.runs += 1;
        match r.decision {
            Decision::Scale => self.scale += 1,
            Decision::Extend => self.extend += 1,
            Decision::Stop => self.stop += 1,
            Decision::Other => self.other += 1,
        }
        self.primary_up += u64::from(r.primary_up);
        self.primary_down += u64::from(r.primary_down);
        if let Some(c) = r.covered {
            self.with_interval += 1;
            self.covered += u64::from(c);
        }
        for (metric, up) in &r.moved {
            self.moved.entry(metric.clone()).or_default()[usize::from(!up)] += 1;
        }
        if let Some(e) = &r.error {
            self.keep_error(index, e);
        }
    }

    fn keep_error(&mut self, index: u64, error: &str) {
        if self.error.as_ref().is_none_or(|(i, _)| index < *i) {
            self.error = Some((index, error.to_string()));
        }
    }

    /// Adds another tally of the same scenario.
    pub fn merge(&mut self, o: &Tally) {
        self.runs += o.runs;
        self.scale += o.scale;
        self.extend += o.extend;
        self.stop += o.stop;
        self.other += o.other;
        self.primary_up += o.primary_up;
        self.primary_down += o.primary_down;
        self.with_interval += o.with_interval;
        self.covered += o.covered;
        for (metric, [up, down]) in &o.moved {
            let m = self.moved.entry(metric.clone()).or_default();
            m[0] += up;
            m[1] += down;
        }
        if let Some((i, e)) = &o.error {
            self.keep_error(*i, e);
        }
    }
}

/// SplitMix64's finaliser: a well-spread 64-bit value from any input.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The seed of run `index` of the scenario `name`: FNV-1a of the name, so
/// adding, removing or reordering scenarios leaves the others' runs as they were.
pub fn run_seed(study_seed: u64, name: &str, index: u64) -> u64 {
    let fnv = name.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    mix(mix(study_seed ^ fnv) ^ index)
}

/// Runs `roi args…` in-process (`--lang en` added) and parses its standard
/// output as JSON; the error as `main` would print it when it fails.
pub fn roi_json(args: &[String]) -> Result<Value, String> {
    let argv = ["roi"]
        .into_iter()
        .map(String::from)
        .chain(args.iter().cloned())
        .chain(["--lang".into(), "en".into()]);
    let (result, stdout, _) = roi::stdio::capture(|| {
        let cli = roi::cli::Cli::try_parse_from(argv).map_err(anyhow::Error::from)?;
        roi::commands::run(cli)
    });
    result.map_err(|e| format!("{e:#}"))?;
    serde_json::from_slice(&stdout).map_err(|e| e.to_string())
}

/// The `metrics[]` entry of a metric and channel.
pub fn metric<'a>(json: &'a Value, name: &str, channel: &str) -> Option<&'a Value> {
    json["metrics"]
        .as_array()?
        .iter()
        .find(|m| m["metric"] == name && m["channel"] == channel)
}

/// The metrics of channel `all` judged up or down.
fn moved(json: &Value) -> Vec<(String, bool)> {
    let Some(metrics) = json["metrics"].as_array() else {
        return Vec::new();
    };
    metrics
        .iter()
        .filter(|m| m["channel"] == "all")
        .filter_map(|m| {
            let up = match m["verdict"].as_str()? {
                "up" => true,
                "down" => false,
                _ => return None,
            };
            Some((m["metric"].as_str()?.to_string(), up))
        })
        .collect()
}

/// Judges one export at one look.
fn look(s: &Scenario, at: &At<'_>, months: u32) -> Run {
    let mut args: Vec<String> = vec![
        "pilot".into(),
        at.csv.display().to_string(),
        "--map".into(),
        at.map.display().to_string(),
        "--pilot".into(),
        Export::pilot(months),
        "--format".into(),
        "json".into(),
    ];
    match at.plan {
        Some(plan) => args.extend(["--pilot-plan".into(), plan.display().to_string()]),
        None => args.extend(["--baseline".into(), at.baseline.to_string()]),
    }
    let folder = at.dir.display().to_string();
    args.extend(s.extra_args.iter().map(|a| a.replace("{dir}", &folder)));
    let json = match roi_json(&args) {
        Ok(json) => json,
        Err(e) => return failed(e),
    };
    // The estimate the decision rests on (season-adjusted where it can
    // be), else the metric as measured.
    let primary = json["primary"]["estimate"]
        .as_object()
        .map(|_| &json["primary"]["estimate"])
        .filter(|p| p["metric"] == s.primary.0 && s.primary.1 == "all")
        .or_else(|| metric(&json, s.primary.0, s.primary.1));
    let verdict = primary.and_then(|p| p["verdict"].as_str()).unwrap_or("");
    // A season-adjusted estimate measures the assistant's effect alone.
    let truth = if json["primary"]["adjustment"] == "year_earlier" {
        at.truth.true_effect(s.primary.0)
    } else {
        at.truth.true_change(s.primary.0)
    };
    let covered = primary.and_then(|p| {
        let (low, truth) = (p["low"].as_f64()?, truth?);
        // An unbounded upper end is written as null.
        let high = p["high"].as_f64().unwrap_or(f64::INFINITY);
        Some(low <= truth && truth <= high)
    });
    Run {
        decision: Decision::of(json["decision"]["decision"].as_str().unwrap_or("")),
        primary_up: verdict == "up",
        primary_down: verdict == "down",
        covered,
        moved: moved(&json),
        error: None,
    }
}

/// Where one run's files are and what its truth is.
struct At<'a> {
    csv: &'a Path,
    map: &'a Path,
    dir: &'a Path,
    baseline: &'a str,
    truth: &'a Truth,
    plan: Option<&'a Path>,
}

fn failed(error: String) -> Run {
    Run {
        decision: Decision::Other,
        primary_up: false,
        primary_down: false,
        covered: None,
        moved: Vec::new(),
        error: Some(error),
    }
}

/// `roi pilot … --plan` on the export's baseline, with `extra` flags.
fn plan(csv: &Path, map: &Path, baseline: &str, extra: &[String]) -> Result<Value, String> {
    let mut args: Vec<String> = vec![
        "pilot".into(),
        csv.display().to_string(),
        "--map".into(),
        map.display().to_string(),
        "--baseline".into(),
        baseline.into(),
        "--plan".into(),
        "--format".into(),
        "json".into(),
    ];
    args.extend(extra.iter().cloned());
    roi_json(&args)
}

/// One run: the export of `seed`, judged at each look until one is not `extend`.
pub fn run_one(s: &Scenario, seed: u64, scratch: &Path, dir: &Path, map: &Path) -> Run {
    let mut truth = s.truth.clone();
    let mut export = truth::generate(&truth, seed);
    std::fs::write(scratch, &export.csv).expect("the scratch export is written");
    let plan_file = scratch.with_extension("plan.toml");
    match s.mode {
        Mode::Plain => {}
        Mode::HonestDetectable => {
            // The baseline and the year before are drawn first, so the same
            // seed with another rise keeps them: only the pilot's months change.
            let k1 = u64::from(truth.pilot_months);
            let uplift = plan(scratch, map, &export.baseline, &[]).map(|j| {
                j["detectable"].as_array().and_then(|d| {
                    d.iter().find(|x| x["months"].as_u64() == Some(k1))?["leads_uplift"].as_f64()
                })
            });
            match uplift {
                Ok(Some(u)) => truth.uplift = u,
                Ok(None) => return failed("--plan gave no detectable rise".into()),
                Err(e) => return failed(e),
            }
            export = truth::generate(&truth, seed);
            std::fs::write(scratch, &export.csv).expect("the scratch export is written");
        }
        Mode::Planned => {
            let extra = [
                "--months".to_string(),
                truth.pilot_months.to_string(),
                "--save-plan".into(),
                plan_file.display().to_string(),
            ];
            if let Err(e) = plan(scratch, map, &export.baseline, &extra) {
                return failed(e);
            }
        }
    }
    let at = At {
        csv: scratch,
        map,
        dir,
        baseline: &export.baseline,
        truth: &truth,
        plan: (s.mode == Mode::Planned).then_some(plan_file.as_path()),
    };
    let mut last = None;
    for &months in &s.looks {
        let run = look(s, &at, months);
        if run.decision != Decision::Extend {
            return run;
        }
        last = Some(run);
    }
    last.expect("a scenario looks at least once")
}

/// The folder a scenario's runs share: its mapping and its files.
fn prepare(s: &Scenario, dir: &Path) -> PathBuf {
    for (name, contents) in &s.files {
        std::fs::write(dir.join(name), contents).expect("a scenario's file is written");
    }
    let map = dir.join("map.toml");
    std::fs::write(&map, truth::mapping(s.truth.ai_share.is_some())).expect("the mapping");
    map
}

/// Runs a scenario `runs` times on `threads` threads and tallies it; the
/// same seed gives the same tally whatever the thread count, since each
/// run's seed comes from its index and the counts add up in any order.
pub fn run_scenario(s: &Scenario, study_seed: u64, runs: u64, threads: usize) -> Tally {
    let dir = tempfile::tempdir().expect("a scratch folder");
    let map = prepare(s, dir.path());
    let next = AtomicU64::new(0);
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads.max(1))
            .map(|w| {
                let (next, map, dir) = (&next, &map, dir.path());
                scope.spawn(move || {
                    let scratch = dir.join(format!("export-{w}.csv"));
                    let mut tally = Tally::default();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= runs {
                            break tally;
                        }
                        let seed = run_seed(study_seed, &s.name, i);
                        tally.add(i, &run_one(s, seed, &scratch, dir, map));
                    }
                })
            })
            .collect();
        let mut tally = Tally::default();
        for w in workers {
            tally.merge(&w.join().expect("a worker finishes"));
        }
        tally
    })
}
