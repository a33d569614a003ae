//! The headline figures that sweeps tabulate and solving targets, read off an engine summary.

use crate::forecast::engine::Summary;
use rust_decimal::Decimal;

/// A headline figure of a projection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    /// ROI over the horizon (a fraction).
    Roi,
    /// Months to pay back; undefined when it does not within the horizon.
    Payback,
    /// Net gain over the horizon.
    Net,
    /// Net present value.
    Npv,
    /// Monthly benefit at full effect.
    Benefit,
}

/// How a metric's value reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A fraction, shown as a percentage.
    Ratio,
    /// Money.
    Money,
    /// Months.
    Months,
}

impl Metric {
    /// Every metric.
    pub const ALL: [Metric; 5] = [
        Metric::Roi,
        Metric::Payback,
        Metric::Net,
        Metric::Npv,
        Metric::Benefit,
    ];

    /// The name used on the command line and in machine output.
    pub fn name(self) -> &'static str {
        match self {
            Metric::Roi => "roi",
            Metric::Payback => "payback",
            Metric::Net => "net",
            Metric::Npv => "npv",
            Metric::Benefit => "benefit",
        }
    }

    /// The metric with this name.
    pub fn from_name(name: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.name() == name)
    }

    /// How the value reads.
    pub fn unit(self) -> Unit {
        match self {
            Metric::Roi => Unit::Ratio,
            Metric::Payback => Unit::Months,
            Metric::Net | Metric::Npv | Metric::Benefit => Unit::Money,
        }
    }

    /// The metric's value; `None` where it is undefined (no costs, no payback).
    pub fn of(self, s: &Summary<Decimal>) -> Option<Decimal> {
        match self {
            Metric::Roi => s.roi,
            Metric::Payback => s.payback_months,
            Metric::Net => Some(s.net),
            Metric::Npv => Some(s.npv),
            Metric::Benefit => Some(s.monthly_benefit),
        }
    }

    /// Whether a target is met when the value is at least it (ROI, money) or
    /// at most it (payback months).
    pub fn higher_is_better(self) -> bool {
        self != Metric::Payback
    }
}
