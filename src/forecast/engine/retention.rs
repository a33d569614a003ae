//! Repeat visits (`[retention]`): the clients the assistant brings come back.
//!
//! The visits `[after]` serves over the baseline in month m, at the month's
//! share of the full effect, are that month's new clients, `new_m`. Each
//! makes `r_k` further visits k months later, so month m's repeat visits are
//! `Σ_k r_k × new_(m−k)`, at the after average check, counted with the gross
//! margin like any visit. A month whose own visits fill the capacity has
//! room for none of them: the month's own visits (the baseline's and the new
//! clients') are served first, repeat visits take what room is left and the
//! rest are turned away. Which of them is turned away does not change the
//! month's revenue (every visit is at the after check), and serving the
//! month's own first keeps new clients from depending on repeat visits, so
//! the months need no loop back.
//!
//! `[after]` serving fewer visits than the baseline makes new clients
//! negative: the clients the assistant loses take their returns with them,
//! just as the clients it brings bring theirs.

use super::{Checked, Inputs, Number, Overflow, Rounding};

/// The repeat visits of one month and what they bring.
#[derive(Debug, Clone, Copy)]
pub(super) struct Repeat<N> {
    /// Repeat visits served.
    pub(super) visits: N,
    /// Repeat visits the capacity had no room for.
    pub(super) turned_away: N,
    /// Their revenue × the gross margin.
    pub(super) profit: N,
}

/// The months' new clients so far, and how their repeat visits add up.
pub(super) struct Repeats<'a, N> {
    /// `r_1 … r_K`.
    curve: &'a [N],
    /// New clients of months 1, 2, … up to the last month worked out.
    new: Vec<N>,
    /// Whether sums and products may round: a ramp month's new clients are
    /// a quotient that may not terminate, and so may whatever is built on
    /// them. Without a ramp every figure here is exact or refused.
    sums: Rounding,
}

impl<'a, N: Number> Repeats<'a, N> {
    /// The repeat visits of a scenario; `None` when it brings none (no
    /// `[retention]`, or only zeros), so such a pass computes nothing here.
    pub(super) fn new(inputs: &'a Inputs<N>) -> Option<Repeats<'a, N>> {
        let curve = inputs.tables.repeat_visits.as_deref()?;
        curve.iter().any(|r| *r != N::ZERO).then(|| Repeats {
            curve,
            new: Vec::with_capacity(inputs.months as usize),
            sums: Rounding(inputs.ramp_months > 0),
        })
    }

    /// Month `month`: its new clients noted, its repeat visits served within
    /// the room the capacity leaves. `visits` are the month's baseline and
    /// after visits served (season and cap applied); `ramp` is the month's
    /// `(m, R + 1)` when it is a ramp month.
    pub(super) fn month(
        &mut self,
        inputs: &Inputs<N>,
        visits: (N, N),
        ramp: Option<(N, N)>,
    ) -> Result<Repeat<N>, Overflow> {
        let sums = self.sums;
        let (baseline, after) = visits;
        let extra = after.minus(baseline, "new clients")?;
        // A ramp month brings m/(R + 1) of its extra visits, as of its benefit.
        let new = match ramp {
            Some((m, divisor)) => extra
                .times(m, "new clients")?
                .over(divisor, "new clients")?,
            None => extra,
        };
        let mut demand = N::ZERO;
        for (k, r) in self.curve.iter().enumerate() {
            // r_k × the new clients of k + 1 months before this one.
            let Some(earlier) = self.new.len().checked_sub(k + 1).map(|i| self.new[i]) else {
                break;
            };
            if *r != N::ZERO && earlier != N::ZERO {
                let visits = sums.times(*r, earlier, "repeat visits")?;
                demand = sums.plus(demand, visits, "repeat visits")?;
            }
        }
        self.new.push(new);
        let visits = match inputs.tables.capacity {
            // Lost clients' returns (a negative demand) need no room.
            Some(cap) if demand > N::ZERO => {
                let own = sums.plus(baseline, new, "repeat visits")?;
                let room = sums.minus(cap, own, "repeat visits")?;
                // The month's own visits never pass the cap; a float's
                // rounding still must not make room below nothing.
                let room = if room > N::ZERO { room } else { N::ZERO };
                if demand > room { room } else { demand }
            }
            _ => demand,
        };
        let turned_away = sums.minus(demand, visits, "repeat visits")?;
        let revenue = sums.times(visits, inputs.after.average_check, "repeat revenue")?;
        let profit = sums.times(revenue, inputs.gross_margin, "repeat revenue")?;
        Ok(Repeat {
            visits,
            turned_away,
            profit,
        })
    }
}

#[cfg(test)]
#[path = "retention_tests.rs"]
mod tests;
