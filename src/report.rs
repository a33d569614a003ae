//! The report value: a checked scenario with its projection, which every renderer draws from.

use crate::engine::{self, Overflow, Projection};
use crate::scenario::{Problem, Scenario};
use rust_decimal::Decimal;

/// Why a scenario could not be run: a value breaks a rule, or the figures
/// are too large for exact arithmetic. Shared by solving and sensitivity.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The scenario, as changed, breaks a rule.
    #[error("the scenario is invalid")]
    Invalid(Vec<Problem>),
    /// The figures are too large to compute exactly.
    #[error(transparent)]
    Overflow(#[from] Overflow),
}

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
