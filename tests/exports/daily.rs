//! Daily exports with a known truth, for the switchback pilot: a strong
//! weekday pattern, a trend, a seasonal swing, month-to-month spread, an
//! optional effect of the assistant on its on days, and optionally off days
//! when the assistant was left running. Each day's leads are Poisson with
//! the day's own mean, so the truth is the means, not the counts.

use super::{Dice, Fate, Rec};

/// A salon's days and what the assistant does.
#[derive(Debug, Clone)]
pub struct DailyStory {
    /// The first day, (year, month, day).
    pub start: (i32, u32, u32),
    /// Days to write.
    pub days: u32,
    /// Leads a day on an average weekday of the first day's month.
    pub per_day: f64,
    /// Monday first: each weekday's factor (a salon's Saturday is busy).
    pub weekday: [f64; 7],
    /// The rise from the first day to the last, like 0.2 (+20%).
    pub trend: f64,
    /// The seasonal swing's amplitude (a sine over the year, peak in
    /// December), like 0.15.
    pub season: f64,
    /// The spread of each calendar month's level, the standard deviation of
    /// its log, like 0.08.
    pub month_spread: f64,
    /// Each day's arm from `switch_from` on (`true`: the assistant is on);
    /// days before it, and past its end, are off.
    pub arms: Vec<bool>,
    /// The day index the arms start at.
    pub switch_from: u32,
    /// The assistant's effect on leads on its on days, like 0.3.
    pub effect: f64,
    /// The share of off days the assistant was left on (the schedule not
    /// followed): those days behave as on days.
    pub left_on: f64,
    /// The assistant's share of an on day's leads without its effect
    /// (leads it takes over from the other channels).
    pub ai_share: f64,
    /// The dice.
    pub seed: u64,
}

impl Default for DailyStory {
    fn default() -> DailyStory {
        DailyStory {
            start: (2025, 6, 2),
            days: 245,
            per_day: 10.0,
            weekday: [0.8, 0.9, 0.95, 1.0, 1.15, 1.5, 0.7],
            trend: 0.0,
            season: 0.15,
            month_spread: 0.08,
            arms: Vec::new(),
            switch_from: 0,
            effect: 0.0,
            left_on: 0.0,
            ai_share: 0.3,
            seed: 1,
        }
    }
}

/// A uniform in (0, 1).
fn uniform(d: &mut Dice) -> f64 {
    ((d.next() >> 11) as f64 + 0.5) / (1u64 << 53) as f64
}

/// A standard normal (Box–Muller).
fn normal(d: &mut Dice) -> f64 {
    let (u, v) = (uniform(d), uniform(d));
    (-2.0 * u.ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos()
}

/// A Poisson count (Knuth's product of uniforms, in pieces for large means).
pub fn poisson(d: &mut Dice, mean: f64) -> u32 {
    let mut left = mean.max(0.0);
    let mut n = 0;
    while left > 0.0 {
        let step = left.min(30.0);
        left -= step;
        let limit = (-step).exp();
        let mut p = uniform(d);
        while p > limit {
            n += 1;
            p *= uniform(d);
        }
    }
    n
}

/// Days from 0001-01-01 (proleptic Gregorian) and back, without chrono.
fn ordinal(y: i32, m: u32, d: u32) -> i64 {
    let (y, m) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * m + 2) / 5 + d - 1;
    let doe = yoe as i64 * 365 + (yoe / 4 - yoe / 100) as i64 + doy as i64;
    era as i64 * 146097 + doe
}

fn civil(n: i64) -> (i32, u32, u32) {
    let era = n.div_euclid(146097);
    let doe = n - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = (yoe + era * 400) as i32 + i32::from(m <= 2);
    (y, m, d)
}

/// The date `i` days after `start`, and its weekday (0 = Monday).
pub fn day(start: (i32, u32, u32), i: u32) -> ((i32, u32, u32), usize) {
    let n = ordinal(start.0, start.1, start.2) + i64::from(i);
    // 2000-03-01 (ordinal of y=2000, m=3, d=1) was a Wednesday.
    let wd = (n - ordinal(2000, 3, 1) + 2).rem_euclid(7) as usize;
    (civil(n), wd)
}

/// Each day's true mean leads (before the assistant's effect).
pub fn means(s: &DailyStory) -> Vec<f64> {
    let mut dice = Dice::new(s.seed ^ 0xA5A5);
    let mut month_level = std::collections::BTreeMap::new();
    (0..s.days)
        .map(|i| {
            let ((y, m, _), wd) = day(s.start, i);
            let level = *month_level
                .entry((y, m))
                .or_insert_with(|| (s.month_spread * normal(&mut dice)).exp());
            let t = f64::from(i) / f64::from(s.days.max(2) - 1);
            let doy = f64::from((m - 1) * 30);
            let season =
                1.0 + s.season * (2.0 * std::f64::consts::PI * (doy - 335.0) / 365.0).cos();
            s.per_day * s.weekday[wd] * (1.0 + s.trend * t) * season * level
        })
        .collect()
}

/// The records: each day's leads, their fates and amounts as the monthly
/// generator draws them, the assistant's share tagged.
pub fn daily(s: &DailyStory) -> Vec<Rec> {
    let mut dice = Dice::new(s.seed);
    let mut out = Vec::new();
    let mut id = 100_000;
    for (i, mean) in means(s).into_iter().enumerate() {
        let i = i as u32;
        let ((y, m, d), _) = day(s.start, i);
        let arm = i
            .checked_sub(s.switch_from)
            .and_then(|k| s.arms.get(k as usize))
            .copied();
        let on = match arm {
            Some(true) => true,
            Some(false) => uniform(&mut dice) < s.left_on,
            None => false,
        };
        let lambda = if on { mean * (1.0 + s.effect) } else { mean };
        let n = poisson(&mut dice, lambda);
        for _ in 0..n {
            id += 1;
            let fate = match dice.below(100) {
                0..=54 => Fate::Lost,
                55..=64 => Fate::Open,
                65..=69 => Fate::Booked,
                70..=93 => Fate::Came,
                _ => Fate::NoShow,
            };
            let kopecks = match fate {
                Fate::Came | Fate::Booked | Fate::NoShow => {
                    Some((800 + 10 * dice.below(270) as i64) * 100)
                }
                _ => None,
            };
            // The effect's extra leads are the assistant's; of the rest, its share.
            let extra = if on { s.effect / (1.0 + s.effect) } else { 0.0 };
            let ai = on && uniform(&mut dice) < extra + (1.0 - extra) * s.ai_share;
            out.push(Rec {
                id,
                year: y,
                month: m,
                day: d,
                hour: 9 + dice.below(12) as u32,
                fate,
                kopecks,
                ai,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn days_and_weekdays() {
        assert_eq!(super::day((2026, 1, 12), 0), ((2026, 1, 12), 0));
        assert_eq!(super::day((2026, 1, 12), 20), ((2026, 2, 1), 6));
        assert_eq!(super::day((2024, 2, 28), 1), ((2024, 2, 29), 3));
    }
}
