//! A simulation study of `roi pilot`'s decisions: salons whose truth is
//! known ([`truth`]), thousands of their exports judged by the pilot
//! in-process ([`runner`]), the cases ([`scenarios`]), and the
//! tallies as Markdown with Monte Carlo errors ([`report`]).
//!
//! Shared by `tests/pilot_study.rs` (a short seeded run, and the
//! generator held to `roi measure`) and `examples/pilot_study.rs` (the full
//! study, `bench/pilot_study.sh`).
#![allow(dead_code)] // the test and the example each use a subset

pub mod report;
pub mod runner;
pub mod scenarios;
pub mod truth;
