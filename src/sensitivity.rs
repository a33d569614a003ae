//! A tornado: each input moved from its low end to its high end with every
//! other input at its point value, sorted by how far that swings ROI. Inputs
//! with a range use its ends; others move by ±swing. Exact, on the Decimal engine.

use crate::engine::{self, Summary};
use crate::report::ModelError;
use crate::scenario::value::Written;
use crate::scenario::{Draft, Key, Kind, Spec};
use rust_decimal::Decimal;

/// Where an input's ends come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ends {
    /// The input's range in the scenario.
    Range,
    /// The point value ± the swing.
    Swing,
}

/// One bar of the tornado.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// The input.
    pub key: Key,
    /// Its low end, in its own grammar.
    pub low: Written,
    /// Its high end.
    pub high: Written,
    /// Where the ends come from.
    pub ends: Ends,
    /// The summary with the input at its low end.
    pub at_low: Summary<Decimal>,
    /// The summary with the input at its high end.
    pub at_high: Summary<Decimal>,
    /// |ROI at high − ROI at low|; `None` when ROI is undefined (no costs).
    pub swing: Option<Decimal>,
}

/// Reads `--swing`: a share above 0% and at most 100%, like `20%` or `0.2`.
pub fn parse_swing(text: &str) -> Option<Decimal> {
    match crate::scenario::value::read_str(text).ok()? {
        Written::Percent(n) | Written::Number(n) if n > Decimal::ZERO && n <= Decimal::ONE => {
            Some(n)
        }
        _ => None,
    }
}

/// The tornado's bars, largest swing first (undefined swings last).
pub fn tornado(draft: &Draft, swing: Decimal) -> Result<(Summary<Decimal>, Vec<Bar>), ModelError> {
    let point = draft.resolve_inputs().map_err(ModelError::Invalid)?;
    let base = engine::summarize(&point)?;
    let mut bars = Vec::new();
    for key in Key::ALL {
        if matches!(key.kind(), Kind::Months { .. }) {
            continue;
        }
        let spec = draft.get(key);
        // A missing [after] key means "unchanged"; moving it would invent an effect.
        if spec.is_none() && key.baseline().is_some() {
            continue;
        }
        let (low, high, ends) = match spec.and_then(|s| s.range) {
            Some(range) => (range.low, range.high, Ends::Range),
            None => {
                let Some(v) = key.field(&point).filter(|v| !v.is_zero()) else {
                    continue;
                };
                let (low, high) = (v * (Decimal::ONE - swing), v * (Decimal::ONE + swing));
                // Shares are shown, and capped, as shares.
                let (low, high) = if key.kind().is_rate() {
                    (
                        Written::Percent(low),
                        Written::Percent(high.min(Decimal::ONE)),
                    )
                } else {
                    (Written::Number(low), Written::Number(high))
                };
                (low, high, Ends::Swing)
            }
        };
        let at = |written: Written| -> Result<Summary<Decimal>, ModelError> {
            let mut d = draft.clone();
            d.set(key, Spec::flag("--swing", written));
            let inputs = d.resolve_inputs().map_err(ModelError::Invalid)?;
            Ok(engine::summarize(&inputs)?)
        };
        let (at_low, at_high) = (at(low)?, at(high)?);
        let swing = at_low.roi.zip(at_high.roi).map(|(l, h)| (h - l).abs());
        bars.push(Bar {
            key,
            low,
            high,
            ends,
            at_low,
            at_high,
            swing,
        });
    }
    bars.sort_by_key(|b| std::cmp::Reverse(b.swing));
    Ok((base, bars))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_swing() {
        assert_eq!(parse_swing("20%"), Some(Decimal::new(2, 1)));
        assert_eq!(parse_swing("0.2"), Some(Decimal::new(2, 1)));
        assert_eq!(parse_swing("0%"), None);
        assert_eq!(parse_swing("150%"), None);
        assert_eq!(parse_swing("+20%"), None);
    }
}
