//! A switchback pilot: the assistant on and off by randomised days or
//! weeks (`roi pilot design`), judged by randomisation over the design's own
//! assignments (`roi pilot --schedule`), so that what changed is the
//! assistant's doing and not the season's, a trend's or an advert's
//! (Bojinov, Simchi-Levi & Zhao, "Design and analysis of switchback
//! experiments", 2020). Nothing here prints.

pub mod analyse;
pub mod file;
pub mod power;
pub mod schedule;

pub use analyse::{Compliance, Randomised, Switchback, judge};
pub use power::{Power, power};
pub use schedule::{Plan, Refusal, Schedule, Scheduled, Unit};
