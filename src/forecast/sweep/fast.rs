//! The sweep's inner loop: each point's inputs made by setting the varied
//! values into inputs resolved once, instead of re-resolving the draft.
//!
//! Why this is the same as resolving the draft at every point: the draft's
//! rules were checked at the grid's corners, and every rule is linear in each
//! varied key, so they hold at every point between the corners (see
//! [`super::check`]). What remains of resolving is the value itself, and
//! [`set`] computes it with the very operation the resolver uses
//! ([`value::apply`]), so the inputs are equal bit for bit. The draft-per-point
//! evaluation stays as the reference the tests compare against.

use crate::forecast::engine::Inputs;
use crate::forecast::scenario::value::{self, Form, Written};
use crate::forecast::scenario::{Draft, Key};
use rust_decimal::Decimal;

/// What every point shares: the scenario resolved with the varied keys at
/// their first values, and which `[after]` keys follow a varied baseline.
#[derive(Debug, Clone)]
pub(super) struct Base {
    inputs: Inputs<Decimal>,
    /// The varied keys in key order (baselines before the `[after]` keys
    /// that change from them), with their axis's position.
    order: Vec<(Key, usize)>,
    /// `[after]` keys not varied whose baseline is: each with how it follows
    /// (its written change, or `None`: left out of the file, so equal to it).
    followers: Vec<(Key, Key, Option<Written>)>,
}

impl Base {
    /// `inputs` is the draft resolved at the grid's first corner.
    pub(super) fn new(draft: &Draft, keys: &[Key], inputs: Inputs<Decimal>) -> Base {
        let mut order: Vec<(Key, usize)> = keys.iter().copied().zip(0..).collect();
        // Baselines before the `[after]` keys; the tables' keys depend on none.
        order.sort_by_key(|(k, _)| k.index().unwrap_or(usize::MAX));
        let followers = Key::ALL
            .into_iter()
            .filter(|after| !keys.contains(after))
            .filter_map(|after| {
                let base = after.baseline().filter(|b| keys.contains(b))?;
                // As the resolver reads it: a missing `[after]` key equals its
                // baseline; a change applies to it; an absolute value ignores it.
                match draft.get(after).map(|spec| spec.written) {
                    None => Some((after, base, None)),
                    Some(w) if matches!(w.form(), Form::Relative | Form::Points) => {
                        Some((after, base, Some(w)))
                    }
                    Some(_) => None,
                }
            })
            .collect();
        Base {
            inputs,
            order,
            followers,
        }
    }

    /// The scenario resolved with the varied keys at their first values.
    pub(super) fn inputs(&self) -> &Inputs<Decimal> {
        &self.inputs
    }

    /// The `[after]` keys that follow a varied baseline: (key, baseline, change).
    pub(super) fn followers(&self) -> impl Iterator<Item = (Key, Key, Option<Written>)> + '_ {
        self.followers.iter().copied()
    }

    /// Makes `inputs` the inputs at a point whose varied keys take `values`
    /// (in axis order); `None` if a value cannot be set this way (a cost
    /// line's months) or computed, which the corner checks rule out: the
    /// caller then asks the draft, which resolves it or names the problem.
    ///
    /// `inputs` must have started as a copy of [`Base::inputs`] and been
    /// changed only by this method: it writes every varied key and every
    /// follower at each point, and nothing else, so the other fields still
    /// hold the base's values and copying the whole inputs back (some 500
    /// bytes a point, memcpy in the sweep's profile) is not needed.
    pub(super) fn at(&self, values: &[Written], inputs: &mut Inputs<Decimal>) -> Option<()> {
        for &(key, axis) in &self.order {
            set(inputs, key, values[axis])?;
        }
        for &(after, base, change) in &self.followers {
            let base = *base.field_mut(inputs)?;
            *after.field_mut(inputs)? = match change {
                None => base,
                Some(w) => value::apply(w.form(), w.number(), base)?,
            };
        }
        Some(())
    }
}

/// Sets one key's value into resolved inputs, as the resolver would resolve
/// it: a change applies to the baseline already in `inputs`. A numeric key
/// needs only its arm in [`Key::field_mut`]; a whole-month key its arm here
/// (a cost line's months have none yet, so such a point goes to the draft).
pub(super) fn set(inputs: &mut Inputs<Decimal>, key: Key, written: Written) -> Option<()> {
    let whole = |n: Decimal| u32::try_from(n.trunc().mantissa()).ok();
    match key {
        Key::Months => inputs.months = whole(written.number())?,
        Key::RampMonths => inputs.ramp_months = whole(written.number())?,
        key => {
            let base = match key.baseline() {
                Some(b) => *b.field_mut(inputs)?,
                // Only a change needs a baseline, and only `[after]` keys have one.
                None => Decimal::ZERO,
            };
            *key.field_mut(inputs)? = value::apply(written.form(), written.number(), base)?;
        }
    }
    Some(())
}
