//! The report value: a checked scenario with its projection, which every renderer draws from.

use crate::forecast::engine::{self, Overflow, Projection};
use crate::forecast::scenario::Scenario;
use rust_decimal::Decimal;

/// What `roi calc` has to say about one scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The checked inputs.
    pub scenario: Scenario,
    /// The exact, unrounded projection.
    pub projection: Projection<Decimal>,
}

impl Report {
    /// Runs the engine over a scenario.
    pub fn build(scenario: Scenario) -> Result<Report, Overflow> {
        let projection = engine::project(&scenario.inputs)?;
        Ok(Report {
            scenario,
            projection,
        })
    }
}
