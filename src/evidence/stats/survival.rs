//! Time to a client's return: the Kaplan–Meier estimate with censoring.
//!
//! A client seen once by the day an export ends has not been lost: she may
//! still come back. Counting her as "did not return" would read every young
//! cohort as disloyal, so the time from a first visit to the second is
//! estimated by the product-limit (Kaplan–Meier) estimator, which lets a
//! client who has been followed for d days count among those "at risk" up
//! to day d and no further. Variances are Greenwood's; the interval of one
//! curve is the log(−log) ("exponential Greenwood") interval, which stays
//! inside 0…1, as lifelines and R's `survfit(conf.type = "log-log")` give it.

use statrs::distribution::{ContinuousCDF, Normal};

/// One client's follow-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Subject {
    /// Days from the first visit to the second one (`event`), or to the end
    /// of follow-up when she has not come back (censored).
    pub days: u32,
    /// Whether she came back on day `days`.
    pub event: bool,
}

/// One distinct day on which someone returned or stopped being followed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Step {
    /// The day since the first visit.
    pub day: u32,
    /// Clients still followed and not yet returned just before this day.
    pub at_risk: u64,
    /// Clients who came back on this day.
    pub events: u64,
    /// Clients whose follow-up ends on this day without a return.
    pub censored: u64,
    /// The estimated share not yet returned after this day, S(day).
    pub survival: f64,
    /// Greenwood's running sum Σ d / (n (n − d)) up to this day; S² times it
    /// is the variance of S. Terms with n = d (S falls to zero) are left
    /// out, the usual convention, which makes the variance zero there.
    pub greenwood: f64,
}

/// A Kaplan–Meier curve of the time to return.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Curve {
    steps: Vec<Step>,
    subjects: u64,
}

/// The difference between two curves' shares returned by one day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Difference {
    /// returned_a(day) − returned_b(day).
    pub estimate: f64,
    /// The interval's lower end (normal, Greenwood variances added).
    pub low: f64,
    /// The interval's upper end.
    pub high: f64,
}

/// The Kaplan–Meier estimate of the time to return from `subjects`.
///
/// A client censored on the same day as a return counts as at risk on that
/// day (censoring is taken to happen just after the returns), as lifelines
/// and R's `survival` do.
pub fn kaplan_meier(subjects: &[Subject]) -> Curve {
    let mut sorted: Vec<Subject> = subjects.to_vec();
    sorted.sort_unstable_by_key(|s| s.days);
    let mut steps = Vec::new();
    let mut at_risk = sorted.len() as u64;
    let (mut survival, mut greenwood) = (1.0_f64, 0.0_f64);
    let mut i = 0;
    while i < sorted.len() {
        let day = sorted[i].days;
        let (mut events, mut censored) = (0u64, 0u64);
        while i < sorted.len() && sorted[i].days == day {
            if sorted[i].event {
                events += 1;
            } else {
                censored += 1;
            }
            i += 1;
        }
        if events > 0 {
            let (n, d) = (at_risk as f64, events as f64);
            survival *= 1.0 - d / n;
            if events < at_risk {
                greenwood += d / (n * (n - d));
            }
        }
        steps.push(Step {
            day,
            at_risk,
            events,
            censored,
            survival,
            greenwood,
        });
        at_risk -= events + censored;
    }
    Curve {
        steps,
        subjects: subjects.len() as u64,
    }
}

impl Curve {
    /// The days on which something happened, in order.
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    /// How many clients the curve is made of.
    pub fn subjects(&self) -> u64 {
        self.subjects
    }

    /// The longest follow-up observed (a return or a censoring), in days.
    /// Past it the curve is unknown, unless everyone has come back.
    pub fn follow_up(&self) -> Option<u32> {
        self.steps.last().map(|s| s.day)
    }

    /// The longest follow-up of a client not back (censored), in days: the
    /// one whose follow-up grows as the export does.
    pub fn longest_censored(&self) -> Option<u32> {
        self.steps
            .iter()
            .rev()
            .find(|s| s.censored > 0)
            .map(|s| s.day)
    }

    /// The last step on or before `day`, or `None` when `day` is past the
    /// longest follow-up: beyond it the data say nothing — unless every
    /// client has come back, which stays true. (A curve that reaches zero
    /// because its last client at risk returned is not that: with one
    /// client followed that long, "all back" is an estimate of one.)
    fn at(&self, day: u32) -> Option<Option<&Step>> {
        let last = self.steps.last()?;
        if day > last.day && self.longest_censored().is_some() {
            return None;
        }
        let ahead = self.steps.partition_point(|s| s.day <= day);
        Some(ahead.checked_sub(1).map(|i| &self.steps[i]))
    }

    /// The estimated share of clients back by `day` (inclusive), 1 − S(day);
    /// `None` for an empty curve or past its longest follow-up.
    pub fn returned_by(&self, day: u32) -> Option<f64> {
        Some(1.0 - self.at(day)?.map_or(1.0, |s| s.survival))
    }

    /// The standard error of [`Curve::returned_by`] (Greenwood).
    pub fn standard_error(&self, day: u32) -> Option<f64> {
        Some(
            self.at(day)?
                .map_or(0.0, |s| s.survival * s.greenwood.sqrt()),
        )
    }

    /// The log(−log) interval of the share back by `day` at `confidence`
    /// (e.g. 0.95). `None` past the follow-up, and where it is undefined:
    /// before the first return (S = 1) or after everyone returned (S = 0).
    pub fn returned_interval(&self, day: u32, confidence: f64) -> Option<(f64, f64)> {
        let step = self.at(day)??;
        let s = step.survival;
        if !(s > 0.0 && s < 1.0) {
            return None;
        }
        let z = normal_quantile(confidence)?;
        let log_s = s.ln();
        let spread = z * step.greenwood.sqrt() / log_s.abs();
        let centre = (-log_s).ln();
        // S = exp(−exp(θ)) falls as θ rises, so θ's upper end is S's lower.
        let s_low = (-(centre + spread).exp()).exp();
        let s_high = (-(centre - spread).exp()).exp();
        Some((1.0 - s_high, 1.0 - s_low))
    }
}

/// The difference of the shares back by `day` between `a` and `b`, with
/// the MOVER interval (Zou & Donner 2008; Newcombe's method for two
/// proportions) built from each curve's own 95% interval:
/// `d − √((a − a_low)² + (b_high − b)²)` to `d + √((a_high − a)² + (b − b_low)²)`.
///
/// Why not `d ± z·√(se_a² + se_b²)`: the repository's simulation study
/// (`bench/retention_study.sh`) found that Wald interval said "the channels
/// differ" 7.8% of the time instead of 5% with a few dozen clients a side,
/// because a share near 0 or 1 has a lopsided error that Greenwood's
/// variance cannot show. Each curve's interval is the log(−log) one; where it
/// is undefined (no one back yet, or everyone back) it is Wilson's for the
/// clients followed that long, so a channel whose clients have not come back
/// at all is still compared. `None` when either curve says nothing at `day`.
pub fn returned_difference(a: &Curve, b: &Curve, day: u32, confidence: f64) -> Option<Difference> {
    let (pa, a_low, a_high) = a.limits(day, confidence)?;
    let (pb, b_low, b_high) = b.limits(day, confidence)?;
    let estimate = pa - pb;
    Some(Difference {
        estimate,
        low: estimate - (pa - a_low).hypot(b_high - pb),
        high: estimate + (a_high - pa).hypot(pb - b_low),
    })
}

impl Curve {
    /// The share back by `day` and its interval's ends, falling back to
    /// Wilson's interval for the clients followed to `day` where the
    /// log(−log) one is undefined.
    fn limits(&self, day: u32, confidence: f64) -> Option<(f64, f64, f64)> {
        let p = self.returned_by(day)?;
        if let Some((low, high)) = self.returned_interval(day, confidence) {
            return Some((p, low, high));
        }
        // Followed to `day`: everyone but those censored before it.
        let gone: u64 = self
            .steps
            .iter()
            .take_while(|s| s.day < day)
            .map(|s| s.censored)
            .sum();
        let n = self.subjects - gone;
        let x = (p * n as f64).round() as u64;
        let (low, high) = super::wilson(x.min(n), n, normal_quantile(confidence)?)?;
        Some((p, low, high))
    }
}

/// The two-sided normal quantile for `confidence` (0.95 → 1.96).
fn normal_quantile(confidence: f64) -> Option<f64> {
    if !(confidence > 0.0 && confidence < 1.0) {
        return None;
    }
    let normal = Normal::new(0.0, 1.0).ok()?;
    Some(normal.inverse_cdf(0.5 + confidence / 2.0))
}

#[cfg(test)]
#[path = "tests/survival.rs"]
mod tests;
