//! A tornado: each input moved from its low end to its high end with every
//! other input at its point value, sorted by how far that swings ROI. Inputs
//! with a range use its ends; others move by ±swing. Exact, on the Decimal engine.

use crate::forecast::engine::{self, Inputs, Limit, Overflow, Summary};
use crate::forecast::scenario::value::Written;
use crate::forecast::scenario::{Draft, Key, Kind, Spec};
use crate::forecast::scenario::{ModelError, Problem};
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
    match crate::forecast::scenario::value::read_str(text).ok()? {
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
    let factors = (Decimal::ONE - swing, Decimal::ONE + swing);
    let mut bars = Vec::new();
    for key in draft.keys() {
        if let Some(bar) = bar(draft, &point, key, factors)? {
            bars.push(bar);
        }
    }
    // Largest ROI swing first; without costs ROI is undefined, so net decides.
    bars.sort_by_key(|b| {
        // The net's swing only breaks ties; one too wide to hold is the widest.
        let net = b
            .at_high
            .net
            .checked_sub(b.at_low.net)
            .map_or(Decimal::MAX, |d| d.abs());
        std::cmp::Reverse((b.swing, net))
    });
    Ok((base, bars))
}

/// The bar of `key`, moved by the swing's `(down, up)` factors unless it has
/// a range; `None` for a key the tornado leaves alone.
fn bar(
    draft: &Draft,
    point: &Inputs<Decimal>,
    key: Key,
    factors: (Decimal, Decimal),
) -> Result<Option<Bar>, ModelError> {
    if matches!(key.kind(), Kind::Months { .. }) {
        return Ok(None);
    }
    let spec = draft.get(key);
    // A missing [after] key means "unchanged"; moving it would invent an effect.
    if spec.is_none() && key.baseline().is_some() {
        return Ok(None);
    }
    let Some((low, high, ends)) = ends(point, key, spec, factors)? else {
        return Ok(None);
    };
    let moved = Moved { draft, point, key };
    let within = |end| match ends {
        Ends::Range => end,
        Ends::Swing => moved.within(spec, end),
    };
    let (low, high) = (within(low), within(high));
    let at = |written: Written| -> Result<Summary<Decimal>, ModelError> {
        let inputs = moved.resolve(written).map_err(ModelError::Invalid)?;
        Ok(engine::summarize(&inputs)?)
    };
    let (at_low, at_high) = (at(low)?, at(high)?);
    // Two ROIs near ±7.9e28 are apart by more than a decimal holds.
    let swing = at_low
        .roi
        .zip(at_high.roi)
        .map(|(l, h)| {
            h.checked_sub(l)
                .map(|d| d.abs())
                .ok_or_else(|| Overflow::at("ROI swing", Limit::Magnitude).for_key(key.path()))
        })
        .transpose()?;
    Ok(Some(Bar {
        key,
        low,
        high,
        ends,
        at_low,
        at_high,
        swing,
    }))
}

/// The low and high ends of `key` and where they come from: its range, or
/// its value moved by the swing's `(down, up)` factors; `None` for a value
/// of zero, which no swing moves.
fn ends(
    point: &Inputs<Decimal>,
    key: Key,
    spec: Option<&Spec>,
    (down, up): (Decimal, Decimal),
) -> Result<Option<(Written, Written, Ends)>, Overflow> {
    // An end of the swing past 7.9e28 is refused like any figure, naming the key.
    let scaled = |n: Decimal, factor: Decimal| {
        n.checked_mul(factor)
            .ok_or_else(|| Overflow::at("the swing", Limit::Magnitude).for_key(key.path()))
    };
    Ok(Some(
        match (spec.and_then(|s| s.range), spec.map(|s| s.written)) {
            (Some(range), _) => (range.low, range.high, Ends::Range),
            // A change is the assistant's effect: it is the effect that swings
            // (+30% becomes +24%..+36%), not the figure it lands on.
            (None, Some(w @ (Written::Relative(_) | Written::Points(_)))) => {
                let n = w.number();
                (
                    w.with_number(scaled(n, down)?),
                    w.with_number(scaled(n, up)?),
                    Ends::Swing,
                )
            }
            _ => {
                let Some(v) = key.field(point).filter(|v| !v.is_zero()) else {
                    return Ok(None);
                };
                let (low, high) = (scaled(v, down)?, scaled(v, up)?);
                // Shares are shown as shares.
                let (low, high) = if key.kind().is_rate() {
                    (Written::Percent(low), Written::Percent(high))
                } else {
                    (Written::Number(low), Written::Number(high))
                };
                (low, high, Ends::Swing)
            }
        },
    ))
}

/// One key of the scenario moved to another value, everything else at its point.
struct Moved<'a> {
    draft: &'a Draft,
    point: &'a Inputs<Decimal>,
    key: Key,
}

impl Moved<'_> {
    /// The scenario's inputs with the key at `written`.
    fn resolve(&self, written: Written) -> Result<Inputs<Decimal>, Vec<Problem>> {
        let mut d = self.draft.clone();
        d.set(self.key, Spec::flag("--swing", written));
        d.resolve_inputs()
    }

    /// A swing's end, or the last value the rules allow short of it. A swing
    /// may carry a share past 100%, directly or through an [after] change
    /// built on it; it then stops at the last value the rules allow. (The
    /// rules are linear, so that value is where the bisection lands.)
    fn within(&self, spec: Option<&Spec>, end: Written) -> Written {
        if self.resolve(end).is_ok() {
            return end;
        }
        // The point value, in the end's own form, always passes the rules.
        let mut ok = match end {
            Written::Relative(_) | Written::Points(_) => {
                spec.map_or(Decimal::ZERO, |s| s.written.number())
            }
            _ => self.key.field(self.point).unwrap_or_default(),
        };
        let mut bad = end.number();
        for _ in 0..100 {
            // Halves first: ok + bad may pass 7.9e28 where each does not.
            let mid = ok / Decimal::TWO + bad / Decimal::TWO;
            if mid == ok || mid == bad {
                break;
            }
            if self.resolve(end.with_number(mid)).is_ok() {
                ok = mid;
            } else {
                bad = mid;
            }
        }
        end.with_number(ok)
    }
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
