//! The switchback study's replication: a salon's days drawn with a known
//! truth, written as a Bitrix24 export, read and judged by `roi` itself (the
//! whole pipeline, in-process), and the same days judged as a before/after
//! pilot of the same length would be.

use super::daily::{DailyStory, daily};
use roi::evidence::measure::error::Period;
use roi::evidence::measure::mapping::Mapping;
use roi::evidence::measure::table::Origin;
use roi::evidence::measure::{Request, measure, read};
use roi::evidence::pilot::{Kind, Metric};
use roi::evidence::stats::{self, Monthly};
use roi::evidence::switchback::{self, Plan, Unit};
use roi::input::Source;

/// What a replication tests.
#[derive(Debug, Clone, Copy)]
pub struct Scenario {
    /// The assistant's true effect on its days' leads.
    pub effect: f64,
    /// The rise across the pilot's days, from no assistant.
    pub trend_across_pilot: f64,
    /// Leads a day (300 a month is 10).
    pub per_day: f64,
    /// Pilot days (whole blocks of two weeks).
    pub days: u32,
}

/// One replication's results.
#[derive(Debug, Clone, Copy)]
pub struct Outcome {
    /// The switchback's decision was "scale".
    pub scale: bool,
    /// Its leads' interval held the true ratio.
    pub covered: bool,
    /// The power `roi pilot design` claimed from the eight weeks before.
    pub claimed: f64,
    /// A before/after pilot of the same length (the pilot's weeks against
    /// as many weeks before, quasi-Poisson on weekly totals) saw a clear rise.
    pub before_after_rise: bool,
}

/// Weeks of history before the pilot, to size it by and to compare with.
const BEFORE: u32 = 56;

/// Runs replication `seed` of `s`.
pub fn replicate(s: Scenario, seed: u64) -> Outcome {
    let start = chrono::NaiveDate::from_ymd_opt(2026, 1, 12).expect("a date");
    let plan = Plan {
        unit: Unit::Day,
        start,
        units: s.days,
        washout: 0,
        seed,
    };
    let schedule = plan.draw().expect("a valid design");
    // Three days after the pilot, as an export made a few days later: a last
    // pilot day with no lead must still count as covered.
    let total = BEFORE + s.days + 3;
    let story = DailyStory {
        start: (2025, 11, 17),
        days: total,
        per_day: s.per_day,
        // The story's trend runs over all its days: scaled so the pilot's own days rise by the asked share.
        trend: s.trend_across_pilot * f64::from(total - 1) / f64::from(s.days - 1),
        switch_from: BEFORE,
        arms: schedule.days.iter().map(|d| d.on).collect(),
        effect: s.effect,
        seed: seed.wrapping_mul(0x9E37_79B9) ^ 0x51,
        ..Default::default()
    };
    let recs = daily(&story);
    let bytes = super::bitrix_csv(&recs);
    let mapping = Mapping::parse(&Source {
        name: "map.toml".into(),
        text: super::SALON_MAP.into(),
    })
    .expect("the salon's map");
    let request = Request {
        files: vec![Origin::Bytes {
            name: "study.csv".into(),
            bytes: bytes.into(),
        }],
        mapping,
        daily: true,
        ..Default::default()
    };
    let m = measure(&request, read::open).expect("the export reads");
    let judged = switchback::judge(&m, &schedule, "study", Metric::Leads, None).expect("judged");
    let leads = &judged.pilot.primary.as_ref().expect("a primary").change;
    let truth = s.effect;
    let covered = match (leads.low, leads.high) {
        (Some(lo), Some(hi)) => lo <= truth && truth <= hi,
        _ => false,
    };
    let baseline = Period {
        from: roi::evidence::measure::cell::Month {
            year: 2025,
            month: 12,
        },
        to: roi::evidence::measure::cell::Month {
            year: 2025,
            month: 12,
        },
    };
    let claimed = switchback::power(&m, baseline, &schedule, Some(0.3))
        .ok()
        .and_then(|p| p.expect)
        .map_or(f64::NAN, |e| e.1);
    Outcome {
        scale: judged.pilot.decision.kind == Kind::Scale,
        covered,
        claimed,
        before_after_rise: before_after(&recs, s.days),
    }
}

/// The before/after pilot of the same length: the pilot's weeks (the
/// assistant on throughout, as such a pilot runs; with no effect it makes
/// no difference) against as many weeks before, by the quasi-Poisson rate
/// ratio of weekly totals (the weekday pattern sums out).
fn before_after(recs: &[super::Rec], days: u32) -> bool {
    let weeks = (days / 7) as usize;
    let mut totals = vec![0.0; 2 * weeks];
    let first = super::daily::day((2026, 1, 12), 0).0;
    for r in recs {
        let n = ordinal_days((r.year, r.month, r.day)) - ordinal_days(first);
        let w = n.div_euclid(7) + weeks as i64;
        if (0..2 * weeks as i64).contains(&w) {
            totals[w as usize] += 1.0;
        }
    }
    let plain = |v: &[f64]| v.iter().map(|&x| Monthly::plain(x)).collect::<Vec<_>>();
    stats::quasi_poisson_ratio(&plain(&totals[..weeks]), &plain(&totals[weeks..]))
        .map(|r| r.estimate.low > 1.0)
        .unwrap_or(false)
}

fn ordinal_days(d: (i32, u32, u32)) -> i64 {
    chrono::NaiveDate::from_ymd_opt(d.0, d.1, d.2)
        .map_or(0, |x| i64::from(chrono::Datelike::num_days_from_ce(&x)))
}
