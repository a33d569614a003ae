//! The forecast: a scenario file → the exact engine → what-ifs and uncertainty.
//!
//! [`scenario`] reads TOML into a checked [`scenario::Scenario`] (every input
//! rule once); [`engine`] projects it month by month, exactly; the analyses
//! build on the engine and never copy a formula: [`report`] (one projection),
//! [`sweep`], [`solve`], [`simulate`] and [`sensitivity`]; [`metric`] names
//! the headline figures sweeps and solving read off a projection.

pub mod engine;
pub mod metric;
pub mod report;
pub mod scenario;
pub mod sensitivity;
pub mod simulate;
pub mod solve;
pub mod sweep;
