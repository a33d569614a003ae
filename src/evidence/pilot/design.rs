//! A pilot planned before it starts (`roi pilot --plan --save-plan`): the
//! baseline, the start, the length, one look a month, α and the primary
//! endpoint, fixed in a file so that looking every month cannot turn chance
//! into a "scale". Each look is judged against Lan–DeMets O'Brien–Fleming
//! boundaries over the planned looks.

use super::Metric;
use crate::evidence::measure::cell::Month;
use crate::evidence::measure::error::Period;
use crate::evidence::stats::{self, Look};
use crate::i18n::{f, t};
use crate::input::{Location, Problem, ScenarioError, Source, line_of};
use serde::Deserialize;

/// The file's layout version.
pub const VERSION: u32 = 1;

/// The most months a plan may run: the planner's own limit.
pub const MAX_PLANNED: u32 = super::MAX_MONTHS;

/// A pilot planned in advance.
#[derive(Debug, Clone, PartialEq)]
pub struct Design {
    /// The baseline months.
    pub baseline: Period,
    /// The pilot's first month.
    pub start: Month,
    /// Planned months, one look at the end of each.
    pub months: u32,
    /// Two-sided α over all looks.
    pub alpha: f64,
    /// The primary endpoint.
    pub endpoint: Metric,
    /// The rise planned for.
    pub expect: f64,
}

/// One look of a planned pilot: which, of how many, and its boundary.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LookAt {
    /// Months of the pilot seen (1-based look number).
    pub look: u32,
    /// Planned looks.
    pub of: u32,
    /// The boundary at this look.
    pub boundary: Look,
}

impl Design {
    /// The pilot's planned months.
    pub fn planned(&self) -> Period {
        let mut to = self.start;
        for _ in 1..self.months {
            to = to.next();
        }
        Period {
            from: self.start,
            to,
        }
    }

    /// Every planned look's boundary: information grows as k0·k/(k0 + k)
    /// with k pilot months (the rate ratio's), so early looks spend little.
    pub fn looks(&self) -> Option<Vec<Look>> {
        let months: Vec<u32> = (1..=self.months).collect();
        let fractions = stats::information_fractions_rate(self.baseline.months(), &months);
        stats::boundaries(&fractions, self.alpha).ok()
    }

    /// The look after `seen` pilot months (at most the planned number).
    pub fn look(&self, seen: u32) -> Option<LookAt> {
        let looks = self.looks()?;
        let j = seen.clamp(1, self.months);
        Some(LookAt {
            look: j,
            of: self.months,
            boundary: *looks.get(j as usize - 1)?,
        })
    }
}

/// The file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    version: u32,
    baseline: String,
    start: String,
    months: u32,
    alpha: f64,
    primary: String,
    expect: f64,
    /// The boundaries as planned, for the reader; recomputed on reading.
    #[serde(default)]
    #[allow(dead_code)]
    boundaries: Option<Vec<f64>>,
}

/// Reads a plan file, every mistake named with its line and key.
pub fn read(source: &Source) -> Result<Design, ScenarioError> {
    let fail = |problems: Vec<Problem>| ScenarioError {
        file: source.name.clone(),
        variant: None,
        problems,
    };
    let raw: Raw = toml::from_str(&source.text).map_err(|e| {
        let location = e.span().map_or(Location::File, |s| {
            Location::Line(line_of(&source.text, s.start))
        });
        fail(vec![Problem {
            location,
            key: None,
            value: None,
            message: f(
                "not a pilot plan written by roi pilot --plan --save-plan: {}",
                &[&crate::input::toml_reason(e.message())],
            ),
        }])
    })?;
    let line = |key: &str| {
        source
            .text
            .lines()
            .position(|l| l.trim_start().starts_with(key))
            .map_or(Location::File, |n| Location::Line(n + 1))
    };
    let d = fields(&raw, &line).map_err(fail)?;
    if d.looks().is_none() {
        return Err(fail(vec![Problem::file(t(
            "its looks have no group-sequential boundaries; plan it again with roi pilot --plan",
        ))]));
    }
    Ok(d)
}

/// The design the fields make, or every field's mistake.
fn fields(raw: &Raw, line: &dyn Fn(&str) -> Location) -> Result<Design, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut bad = |key: &'static str, value: String, message: String| {
        problems.push(Problem {
            location: line(key),
            key: Some(key.into()),
            value: Some(crate::input::clip(&value)),
            message,
        })
    };
    if raw.version != VERSION {
        let v = raw.version.to_string();
        bad(
            "version",
            v,
            f("this roi reads plan version {}", &[&VERSION]),
        );
    }
    let baseline = Period::parse("baseline", &raw.baseline).ok();
    if baseline.is_none() {
        let b = raw.baseline.clone();
        bad("baseline", b, t("a period like 2025-06..2025-11").into());
    }
    let start = raw.start.trim().parse::<Month>().ok();
    if start.is_none() {
        bad("start", raw.start.clone(), t("a month like 2025-12").into());
    }
    if let (Some(b), Some(s)) = (baseline, start)
        && s <= b.to
    {
        let why = t("the pilot must start after the baseline").into();
        bad("start", raw.start.clone(), why);
    }
    if !(1..=MAX_PLANNED).contains(&raw.months) {
        let m = raw.months.to_string();
        bad("months", m, f("1 to {} months", &[&MAX_PLANNED]));
    }
    if !(raw.alpha > 0.0 && raw.alpha < 0.5) {
        let why = t("a level between 0 and 0.5, like 0.05").into();
        bad("alpha", raw.alpha.to_string(), why);
    }
    let endpoint = super::ENDPOINTS
        .into_iter()
        .find(|m| m.name() == raw.primary);
    if endpoint.is_none() {
        let why = t("one of leads, bookings, visits, revenue").into();
        bad("primary", raw.primary.clone(), why);
    }
    if !(raw.expect.is_finite() && raw.expect > 0.0) {
        let why = t("a rise above 0, like 0.3").into();
        bad("expect", raw.expect.to_string(), why);
    }
    match (baseline, start, endpoint) {
        (Some(baseline), Some(start), Some(endpoint)) if problems.is_empty() => Ok(Design {
            baseline,
            start,
            months: raw.months,
            alpha: raw.alpha,
            endpoint,
            expect: raw.expect,
        }),
        _ => Err(problems),
    }
}
