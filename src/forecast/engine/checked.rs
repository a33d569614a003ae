//! Refusals of exact arithmetic and the checked operations that raise them:
//! each names the step of the model, and the keys that feed it.

use super::{Number, stages};

/// Why exact arithmetic refused a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// The result would pass 7.9·10²⁸.
    Magnitude,
    /// The result fits, but only rounded nearer than the 18th decimal place:
    /// it needs more significant digits than a decimal holds at its magnitude.
    Digits,
}

/// A step the exact arithmetic could not take: its result would pass
/// 7.9·10²⁸, or would have to be rounded. It names the step and the inputs
/// that feed it; the command that read the scenario adds where each was
/// written (`with_origins`), so the message leads back to lines of the file.
///
/// The details sit behind a box: every checked operation of the engine
/// returns `Result<_, Overflow>`, and on the happy path a pointer-sized error
/// keeps that result small (a sweep takes some thirty of them per point);
/// the allocation is paid only on the rare refusal.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Overflow(Box<OverflowDetails>);

/// What an [`Overflow`] says: reached through the error by `Deref`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverflowDetails {
    /// The step, like "revenue" or "ROI".
    pub stage: &'static str,
    /// What went wrong.
    pub limit: Limit,
    /// The dotted keys whose values feed the step.
    pub keys: &'static [&'static str],
    /// Those keys as the user gave them, with their lines or flags, filled
    /// in by whoever knows the scenario's source; empty until then.
    pub origins: Vec<String>,
}

impl std::ops::Deref for Overflow {
    type Target = OverflowDetails;
    fn deref(&self) -> &OverflowDetails {
        &self.0
    }
}

impl Overflow {
    /// A refusal at `stage`, with the keys that feed it. Kept out of line:
    /// it runs only on a refusal, and inlined into every checked operation
    /// it would only crowd the happy path.
    #[cold]
    #[inline(never)]
    pub fn at(stage: &'static str, limit: Limit) -> Overflow {
        Overflow(Box::new(OverflowDetails {
            stage,
            limit,
            keys: stages::keys(stage, false),
            origins: Vec::new(),
        }))
    }

    /// The same refusal in the funnel after the assistant: the `[after]`
    /// keys (and the baseline they change from) feed it, not the baseline alone.
    pub fn in_after(mut self) -> Overflow {
        self.0.keys = stages::keys(self.stage, true);
        self
    }

    /// The same refusal traced to one key alone, as a tornado's swing is.
    pub fn for_key(mut self, path: &str) -> Overflow {
        self.0.keys = stages::one(path);
        self
    }

    /// The same refusal with the inputs it came from, as the user wrote them.
    pub fn with_origins(mut self, origins: Vec<String>) -> Overflow {
        self.0.origins = origins;
        self
    }
}

impl std::fmt::Display for Overflow {
    fn fmt(&self, out: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::i18n::{f, t};
        let stage = t(self.stage);
        out.write_str(&match self.limit {
            Limit::Magnitude => f(
                "the figures are too large to compute exactly: {} would pass 7.9e28, the limit of exact decimal arithmetic; check the amounts for extra zeros",
                &[&stage],
            ),
            Limit::Digits => f(
                "too many significant digits for exact arithmetic at this magnitude: {} would have to be rounded; round the amounts or use fewer decimals",
                &[&stage],
            ),
        })?;
        if !self.origins.is_empty() {
            out.write_str(&f("; it comes from {}", &[&self.origins.join(", ")]))?;
        }
        Ok(())
    }
}

/// Checked arithmetic that names what overflowed, so the error can tell the user.
///
/// Sums and products of the user's figures are exact or refused (`plus`,
/// `minus`, `times`). A quotient may be genuinely non-terminating (ROI =
/// net / cost, a ramp's m/(R+1), the discount factor), so it is rounded to
/// the 28 or so significant digits a decimal holds (`over`), and whatever is
/// built from a rounded figure may round again (`plus_r`, `times_r`…): no
/// digit the user gave is lost, and the rounding sits some twenty places
/// below the kopecks and the 8 places of a ratio that are shown. A ratio
/// shown to 8 places (`ratio`) must have room for them.
pub(super) trait Checked: Number {
    #[inline(always)]
    fn plus(self, rhs: Self, what: &'static str) -> Result<Self, Overflow> {
        self.add_exact(rhs).map_err(|l| Overflow::at(what, l))
    }
    #[inline(always)]
    fn minus(self, rhs: Self, what: &'static str) -> Result<Self, Overflow> {
        self.sub_exact(rhs).map_err(|l| Overflow::at(what, l))
    }
    #[inline(always)]
    fn times(self, rhs: Self, what: &'static str) -> Result<Self, Overflow> {
        self.mul_exact(rhs).map_err(|l| Overflow::at(what, l))
    }
    fn plus_r(self, rhs: Self, what: &'static str) -> Result<Self, Overflow> {
        self.add(rhs)
            .ok_or_else(|| Overflow::at(what, Limit::Magnitude))
    }
    fn minus_r(self, rhs: Self, what: &'static str) -> Result<Self, Overflow> {
        self.sub(rhs)
            .ok_or_else(|| Overflow::at(what, Limit::Magnitude))
    }
    fn times_r(self, rhs: Self, what: &'static str) -> Result<Self, Overflow> {
        self.mul(rhs)
            .ok_or_else(|| Overflow::at(what, Limit::Magnitude))
    }
    fn over(self, rhs: Self, what: &'static str) -> Result<Self, Overflow> {
        self.div(rhs)
            .ok_or_else(|| Overflow::at(what, Limit::Magnitude))
    }
    fn ratio(self, rhs: Self, what: &'static str) -> Result<Self, Overflow> {
        let r = self.over(rhs, what)?;
        if r.shows_as_ratio() {
            Ok(r)
        } else {
            Err(Overflow::at(what, Limit::Digits))
        }
    }
}
impl<N: Number> Checked for N {}
