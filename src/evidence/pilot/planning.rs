//! Before the pilot: how the baseline's months vary, the smallest rise of
//! the primary endpoint pilots of each length can see, and how long a
//! pilot must run for the rise planned for — computed for the test the
//! pilot will be judged by (quasi-Poisson with a t quantile, against a
//! year earlier when the data holds it), so the figures are honest.

use super::metrics::{monthly, total};
use super::{Ask, Decision, Design, Detectable, LENGTHS, MAX_MONTHS, Metric, Pilot};
use crate::evidence::measure::Measured;
use crate::evidence::measure::cell::Month;
use crate::evidence::measure::error::Period;
use crate::evidence::measure::funnel::Channel;
use crate::evidence::stats::{self, YearPair};

/// The figures a plan sizes a pilot by: φ and how sure of it the baseline
/// is, the
/// variance of ln RR the baseline already fixes, and what the pilot's
/// months would bring with no effect.
#[derive(Debug, Clone, PartialEq)]
pub struct Sizing {
    /// Dispersion, as the baseline shows it.
    pub phi: f64,
    /// The degrees of freedom φ was estimated from (0: not estimated).
    pub phi_df: u32,
    /// The baseline's part of var(ln RR) / φ.
    pub known: f64,
    /// Expected endpoint total per pilot month with no effect (no year earlier).
    pub per_month: f64,
    /// Baseline months.
    pub k0: u32,
    /// Against a year earlier: the year-earlier totals of the months after
    /// the baseline, as far as the data holds them, and this year's total
    /// over the year-earlier one in the baseline.
    pub year_earlier: Option<(Vec<f64>, f64)>,
}

impl Sizing {
    /// The known part of var(ln RR)/φ and the expected pilot total with no
    /// effect, for a `k1`-month pilot.
    fn parts(&self, k1: u32) -> Option<(f64, f64)> {
        Some(match &self.year_earlier {
            None => (self.known, self.per_month * f64::from(k1)),
            Some((before, ratio)) => {
                let b1: f64 = before.get(..k1 as usize)?.iter().sum();
                if b1 <= 0.0 {
                    return None;
                }
                (self.known + 1.0 / b1, b1 * ratio)
            }
        })
    }

    /// The smallest rise a `k1`-month pilot detects at 80% power.
    pub fn detectable(&self, k1: u32) -> Option<f64> {
        let df = (self.k0 + k1).checked_sub(2)?;
        let (known, expected) = self.parts(k1)?;
        stats::detectable_rise(self.phi, self.phi_df, known, expected, df)
    }

    /// The shortest pilot with monthly looks against O'Brien–Fleming
    /// boundaries that sees `want` with 80% power: the group-sequential
    /// power at drift ln(1 + want)/se, se widened by t/z for φ being
    /// estimated (as the fixed test's t quantile widens it).
    pub fn sequential_months(&self, want: f64, alpha: f64) -> Option<u32> {
        (1..=MAX_MONTHS).find(|&k| {
            let power = || -> Option<f64> {
                let (known, expected) = self.parts(k)?;
                let df = (self.k0 + k).checked_sub(2)?;
                let se = (self.phi * (known + 1.0 / (expected * (1.0 + want)))).sqrt();
                let widen = stats::t_quantile(df, 1.0 - alpha / 2.0)?
                    / stats::t_quantile(100_000, 1.0 - alpha / 2.0)?;
                let months: Vec<u32> = (1..=k).collect();
                let fractions = stats::information_fractions_rate(self.k0, &months);
                let looks = stats::boundaries(&fractions, alpha).ok()?;
                stats::sequential_power(&looks, want.ln_1p() / (se * widen))
            };
            power().is_some_and(|p| p >= 0.8)
        })
    }

    /// The shortest pilot that detects `want` at 80% power.
    pub fn months_for(&self, want: f64) -> Option<u32> {
        (1..=MAX_MONTHS).find(|&k| self.detectable(k).is_some_and(|u| u <= want))
    }
}

/// The sizing without a year earlier: the baseline months' own spread.
fn plain(values: &[f64]) -> Option<Sizing> {
    let k0 = u32::try_from(values.len()).ok()?;
    let sum: f64 = values.iter().sum();
    if k0 == 0 || sum <= 0.0 {
        return None;
    }
    let mean = sum / f64::from(k0);
    let phi = if k0 > 1 {
        values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / f64::from(k0 - 1) / mean
    } else {
        1.0
    };
    Some(Sizing {
        phi: if k0 > 1 {
            phi.max(f64::MIN_POSITIVE)
        } else {
            1.0
        },
        phi_df: k0.saturating_sub(1),
        known: 1.0 / sum,
        per_month: mean,
        k0,
        year_earlier: None,
    })
}

/// The sizing against a year earlier, when the data holds the baseline's
/// months a year back and at least the first pilot month's.
fn against_year(m: &Measured, b: Period, start: Month, endpoint: Metric) -> Option<Sizing> {
    let at = |month| total(endpoint, m.funnel.tally(month, Channel::All)?);
    let pairs: Vec<YearPair> = b
        .from
        .through(b.to)
        .map(|month| {
            Some(YearPair {
                now: at(month)?,
                before: at(month.years_back(1))?,
            })
        })
        .collect::<Option<_>>()?;
    let (n0, b0) = pairs
        .iter()
        .fold((0.0, 0.0), |(n, p), x| (n + x.now, p + x.before));
    // The pilot's months a year earlier, up to the baseline's year-earlier start.
    let mut before = Vec::new();
    let mut month = start.years_back(1);
    while month < b.from && before.len() < MAX_MONTHS as usize {
        match at(month) {
            Some(v) => before.push(v),
            None => break,
        }
        month = month.next();
    }
    if n0 <= 0.0 || b0 <= 0.0 || before.is_empty() {
        return None;
    }
    let k0 = u32::try_from(pairs.len()).ok()?;
    let share = n0 / (n0 + b0);
    let pearson: f64 = pairs
        .iter()
        .map(|p| {
            let n = p.now + p.before;
            let v = n * share * (1.0 - share);
            if v > 0.0 {
                (p.now - n * share).powi(2) / v
            } else {
                0.0
            }
        })
        .sum();
    let phi = if k0 > 1 {
        pearson / f64::from(k0 - 1)
    } else {
        1.0
    };
    Some(Sizing {
        phi: phi.max(f64::MIN_POSITIVE),
        phi_df: k0.saturating_sub(1),
        known: 1.0 / n0 + 1.0 / b0,
        per_month: n0 / f64::from(k0),
        k0,
        year_earlier: Some((before, n0 / b0)),
    })
}

/// How the plan sizes a pilot after `b` starting in `start`: against a year
/// earlier when the data holds it, else on the baseline alone.
pub fn sizing(m: &Measured, b: Period, start: Month, endpoint: Metric) -> Option<Sizing> {
    against_year(m, b, start, endpoint).or_else(|| plain(&monthly(m, b, Channel::All, endpoint)?))
}

/// The judgement as far as the baseline alone goes, which is all a plan
/// needs.
pub fn planned(
    m: &Measured,
    baseline: Period,
    pilot: Option<Period>,
    endpoint: Metric,
    start: Month,
    want: f64,
) -> Pilot {
    let counts = super::months_of(m, baseline, Channel::All);
    let dispersion = stats::dispersion(&counts);
    let k0 = baseline.months();
    // The funnel refuses counts whose months pass 2⁶⁴ − 1 together; checked
    // all the same, since a sum that wrapped would read as a tiny baseline.
    let total = counts.iter().try_fold(0u64, |a, &b| a.checked_add(b));
    let base_mean = total
        .filter(|_| counts.len() as u32 == k0 && k0 > 0)
        .map(|total| total as f64 / f64::from(k0));
    let size = sizing(m, baseline, start, endpoint);
    let detectable = LENGTHS
        .iter()
        .map(|&k1| Detectable {
            months: k1,
            leads_uplift: size.as_ref().and_then(|s| s.detectable(k1)),
        })
        .collect();
    let need = size.as_ref().and_then(|s| s.months_for(want));
    Pilot {
        baseline,
        pilot,
        dispersion,
        baseline_leads: base_mean,
        metrics: Vec::new(),
        seasonal_checked: false,
        primary: None,
        endpoint,
        attribution: None,
        detectable,
        expect: (want, need),
        extra_months: None,
        look: None,
        design: None,
        open_bookings: Vec::new(),
        odds: None,
        odds_missing: None,
        plan_refused: None,
        plan: None,
        returns: None,
        decision: Decision::plan_only(),
    }
}

/// The pilot plan `--plan` proposes: its start (`--start`, else the month
/// after the baseline), its length (`--months`, else the months the
/// expected rise needs with monthly looks), α = 0.05 and the endpoint.
/// Refused, with the reason, when the pilot it plans could never decide: a
/// start inside the baseline, a one-month baseline, no year earlier in the
/// data and no `[seasonality]` in the plan, or no length that sees the rise.
pub fn propose(
    m: &Measured,
    baseline: Period,
    ask: Ask<'_>,
    want: f64,
) -> Result<Design, &'static str> {
    let alpha = super::primary::ALPHA;
    let start = ask.start.unwrap_or_else(|| baseline.to.next());
    if start <= baseline.to {
        return Err("the pilot must start after the baseline");
    }
    if baseline.months() < 2 {
        return Err(
            "a one-month baseline cannot judge a pilot: how much months vary on their own is unknown; measure a second month first",
        );
    }
    let months = match ask.months {
        Some(k) => k,
        None => sizing(m, baseline, start, ask.endpoint)
            .and_then(|s| s.sequential_months(want, alpha))
            .ok_or("no pilot the data can judge sees the rise expected at 80% power with a look every month; give --months to plan one anyway, or plan for a larger rise with --expect")?,
    };
    let d = Design {
        baseline,
        start,
        months,
        alpha,
        endpoint: ask.endpoint,
        expect: want,
    };
    let p = d.planned();
    let season = super::primary::year_earlier(m, baseline, p)
        || super::primary::plan_weights(ask.plan, p).is_some();
    if !season {
        return Err(
            "no pilot planned on this data could decide: the export has no record of the same months a year before the pilot and the baseline, and the plan no [seasonality]; export a year more, add [seasonality] to the plan (--scenario), or plan a switchback (roi pilot design)",
        );
    }
    Ok(d)
}
