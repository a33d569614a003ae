//! A switchback schedule: the assistant on and off by randomised days or
//! weeks, balanced within blocks so that the weekday pattern, the season
//! and a trend fall on both arms alike.
//!
//! With days, a block is two weeks and each weekday of it is on once and
//! off once (which of its two days is on is a coin toss); with weeks, a
//! block is two consecutive weeks, one on and one off. The seed fixes every
//! toss, so the file that records it lets the analysis rebuild the schedule
//! and every other schedule the design could have made.

use crate::evidence::stats::randomisation::{Day, Design, MAX_PAIRS};
use chrono::{Datelike, Days, NaiveDate};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// What is switched on and off as one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A calendar day.
    Day,
    /// A week of seven days from the start's weekday.
    Week,
}

impl Unit {
    /// The name in the schedule file.
    pub fn name(self) -> &'static str {
        match self {
            Unit::Day => "day",
            Unit::Week => "week",
        }
    }

    /// The unit a file names.
    pub fn from_name(name: &str) -> Option<Unit> {
        match name.trim() {
            "day" => Some(Unit::Day),
            "week" => Some(Unit::Week),
            _ => None,
        }
    }

    /// The washout when none is asked for: none for days (a day is short,
    /// and dropping a day after each switch would drop half of them), the
    /// first day of a week (yesterday's leads answered today).
    pub fn default_washout(self) -> u32 {
        match self {
            Unit::Day => 0,
            Unit::Week => 1,
        }
    }

    /// Units in a block.
    fn per_block(self) -> u32 {
        match self {
            Unit::Day => 14,
            Unit::Week => 2,
        }
    }
}

/// The design a schedule is drawn from, as its file records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plan {
    /// Days or weeks.
    pub unit: Unit,
    /// The first day.
    pub start: NaiveDate,
    /// Days (a multiple of 14) or weeks (a multiple of 2).
    pub units: u32,
    /// Days left out of the analysis after each switch.
    pub washout: u32,
    /// The seed of the coin tosses.
    pub seed: u64,
}

/// Why a plan cannot be drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Not whole blocks: the length and what would be.
    NotWholeBlocks(u32),
    /// Fewer than two blocks.
    OneBlock(u32),
    /// More pairs than an assignment word holds.
    TooLong(u32),
    /// A washout as long as a unit or longer leaves nothing.
    Washout(u32),
    /// The calendar ends before the schedule does.
    Calendar,
}

/// One day of a schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scheduled {
    /// The date.
    pub date: NaiveDate,
    /// The assistant is on.
    pub on: bool,
    /// A washout day: left out of the analysis.
    pub washout: bool,
    /// The block, from 1.
    pub block: u32,
}

/// A drawn schedule: the plan, the assignment word and every day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    /// The design.
    pub plan: Plan,
    /// Bit `p` set: pair `p`'s first unit is on.
    pub word: u64,
    /// Every day in order.
    pub days: Vec<Scheduled>,
}

/// The most days a day-level design may run (nine blocks); the most weeks
/// of a week-level one.
pub const MAX_DAYS: u32 = 126;
/// See [`MAX_DAYS`].
pub const MAX_WEEKS: u32 = 52;

impl Plan {
    /// Checks the plan's shape.
    pub fn check(&self) -> Result<(), Refusal> {
        let per = self.unit.per_block();
        if !self.units.is_multiple_of(per) {
            return Err(Refusal::NotWholeBlocks(self.units.div_ceil(per) * per));
        }
        if self.units / per < 2 {
            return Err(Refusal::OneBlock(2 * per));
        }
        let max = match self.unit {
            Unit::Day => MAX_DAYS,
            Unit::Week => MAX_WEEKS,
        };
        if self.units > max || self.pairs().len() > MAX_PAIRS {
            return Err(Refusal::TooLong(max));
        }
        if self.washout >= 7 {
            return Err(Refusal::Washout(6));
        }
        self.start
            .checked_add_days(Days::new(u64::from(self.days())))
            .map(|_| ())
            .ok_or(Refusal::Calendar)
    }

    /// Calendar days in the schedule.
    pub fn days(&self) -> u32 {
        match self.unit {
            Unit::Day => self.units,
            Unit::Week => self.units * 7,
        }
    }

    /// Blocks in the schedule.
    pub fn blocks(&self) -> u32 {
        self.units / self.unit.per_block()
    }

    /// The pairs of units, block by block: a day-level block pairs each
    /// day of its first week with the same weekday of its second.
    pub fn pairs(&self) -> Vec<(usize, usize)> {
        let blocks = self.blocks() as usize;
        match self.unit {
            Unit::Day => (0..blocks)
                .flat_map(|b| (0..7).map(move |w| (14 * b + w, 14 * b + 7 + w)))
                .collect(),
            Unit::Week => (0..blocks).map(|b| (2 * b, 2 * b + 1)).collect(),
        }
    }

    /// Pairs in each block.
    pub fn pairs_per_block(&self) -> usize {
        match self.unit {
            Unit::Day => 7,
            Unit::Week => 1,
        }
    }

    /// Each day's unit and stratum (the pair of same-weekday days a week
    /// apart in one pair of units), in calendar order.
    pub fn cells(&self) -> Vec<(usize, usize)> {
        (0..self.days() as usize)
            .map(|i| match self.unit {
                Unit::Day => {
                    let (b, w) = (i / 14, i % 7);
                    (i, 7 * b + w)
                }
                Unit::Week => (i / 7, (i / 14) * 7 + i % 7),
            })
            .collect()
    }

    /// The randomisation design over `values` (one per day).
    pub fn design<'a>(
        &self,
        days: &'a mut Vec<Day>,
        pairs: &'a mut Vec<(usize, usize)>,
        values: &[f64],
    ) -> Design<'a> {
        *pairs = self.pairs();
        *days = self
            .cells()
            .into_iter()
            .zip(values.iter().chain(std::iter::repeat(&0.0)))
            .map(|((unit, stratum), &value)| Day {
                unit,
                stratum,
                value,
            })
            .collect();
        Design {
            days,
            pairs,
            washout: self.washout,
            units: self.units as usize,
        }
    }

    /// The assignment the seed draws: one coin per pair.
    pub fn word(&self) -> u64 {
        let p = self.pairs().len().min(MAX_PAIRS);
        let mask = if p == 0 { 0 } else { u64::MAX >> (64 - p) };
        ChaCha8Rng::seed_from_u64(self.seed).next_u64() & mask
    }

    /// The schedule the seed draws.
    pub fn draw(&self) -> Result<Schedule, Refusal> {
        self.check()?;
        let word = self.word();
        Ok(self.schedule(word))
    }

    /// The schedule of assignment `word`.
    pub fn schedule(&self, word: u64) -> Schedule {
        let (mut d, mut p) = (Vec::new(), Vec::new());
        let design = self.design(&mut d, &mut p, &[]);
        let days = design
            .days_of(word)
            .into_iter()
            .enumerate()
            .filter_map(|(i, (on, kept))| {
                Some(Scheduled {
                    date: self.start.checked_add_days(Days::new(i as u64))?,
                    on,
                    washout: !kept,
                    // Both kinds of block are two weeks long.
                    block: (i / 14) as u32 + 1,
                })
            })
            .collect();
        Schedule {
            plan: *self,
            word,
            days,
        }
    }
}

impl Schedule {
    /// Days on and off (washout days included).
    pub fn counts(&self) -> (usize, usize) {
        let on = self.days.iter().filter(|d| d.on).count();
        (on, self.days.len() - on)
    }

    /// The smallest two-sided p-value the design can give: 2 of its
    /// 2^pairs assignments (the one seen and its mirror) are as extreme.
    pub fn min_p(&self) -> f64 {
        let pairs = self.plan.pairs().len() as i32;
        (2.0 / 2f64.powi(pairs)).min(1.0)
    }

    /// Days the analysis uses when the schedule is followed: those outside
    /// washouts whose same-weekday partner is outside one too.
    pub fn used_days(&self) -> usize {
        let (mut d, mut p) = (Vec::new(), Vec::new());
        let ones = vec![1.0; self.days.len()];
        let design = self.plan.design(&mut d, &mut p, &ones);
        let s = design.sums(self.word, &ones);
        2 * s.strata.len()
    }

    /// The weekdays each arm holds, Monday first: balanced by construction.
    pub fn weekdays(&self) -> [[usize; 7]; 2] {
        let mut out = [[0; 7]; 2];
        for d in &self.days {
            out[usize::from(d.on)][d.date.weekday().num_days_from_monday() as usize] += 1;
        }
        out
    }
}
