//! Likely slips that the rules allow: worth a word on stderr, never a change
//! to the result.

use super::draft::Draft;
use super::key::Key;
use super::value::Written;
use crate::forecast::engine::Inputs;
use crate::format::{Fmt, Sign};
use crate::i18n::f;
use crate::input::Problem;
use rust_decimal::Decimal;

/// How far an absolute `[after]` amount may stray from its baseline before
/// it looks like a slip: below a fifth, or above five times.
const STRAY: i64 = 5;

impl Draft {
    /// Absolute `[after]` leads or average checks far from their baseline,
    /// such as `after.leads = 15` meant as `"+15%"`. Empty when the draft does
    /// not resolve (its problems are errors, reported elsewhere).
    pub fn warnings(&self) -> Vec<Problem> {
        match self.resolve_inputs() {
            Ok(inputs) => self.warnings_for(&inputs),
            Err(_) => Vec::new(),
        }
    }

    /// [`Draft::warnings`] for a draft already resolved into `inputs`,
    /// which spares resolving it again.
    pub fn warnings_for(&self, inputs: &Inputs<Decimal>) -> Vec<Problem> {
        let fmt = Fmt::messages();
        let mut out = Vec::new();
        for key in [Key::AfterLeads, Key::AfterAverageCheck] {
            let Some(spec) = self.get(key) else { continue };
            let (Written::Number(n), None) = (spec.written, spec.range) else {
                continue;
            };
            let Some(base) = key.baseline().and_then(|b| b.field(inputs)) else {
                continue;
            };
            if base.is_zero() {
                continue;
            }
            let shown = |d: Decimal| {
                if key.is_money() {
                    fmt.money(d, Sign::Plain)
                } else {
                    fmt.count(d, Sign::Plain)
                }
            };
            // Checked: either figure may be near 7.9e28 or 1e-28. A product
            // past the limit is larger than any value, so it decides the comparison.
            let stray = Decimal::from(STRAY);
            let far_below = n.checked_mul(stray).is_some_and(|m| m < base);
            let far_above = base.checked_mul(stray).is_some_and(|b| n > b);
            let times = n.checked_div(base);
            let message = if far_below {
                f(
                    "is {} below the baseline {}; did you mean \"+{}%\"?",
                    &[
                        &fmt.percent((base - n) / base, Sign::Plain),
                        &shown(base),
                        &n.normalize(),
                    ],
                )
            } else if let (true, Some(times)) = (far_above, times) {
                f(
                    "is {} times the baseline {}; check for an extra zero, or write a change like \"+30%\"",
                    &[&fmt.number(times, 1), &shown(base)],
                )
            } else {
                continue;
            };
            out.push(Problem {
                location: spec.location.clone(),
                key: Some(key.path().to_string()),
                value: Some(
                    spec.text
                        .clone()
                        .unwrap_or_else(|| spec.written.to_string()),
                ),
                message,
            });
        }
        out
    }
}
