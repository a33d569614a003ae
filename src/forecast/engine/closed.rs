//! The article's model, month by month: every figure of a month is a closed
//! form in the month, so a summary may skip the months it does not need.

use super::{
    Benefit, Checked, Inputs, Month, Number, Overflow, Pass, Rounding, Schedule, Summary, roi,
};

/// The one pass over the months that every output is derived from.
pub(super) fn run<N: Number>(
    inputs: &Inputs<N>,
    schedule: &Schedule<N>,
    benefit: &Benefit<N>,
    detail: bool,
    mut on_month: impl FnMut(Month<N>) -> Result<(), Overflow>,
) -> Result<Pass<N>, Overflow> {
    let two = N::ONE.plus(N::ONE, "ramp")?;
    let mut tally = Tally::open(inputs, schedule, benefit.monthly_benefit)?;
    let mut month = 1;
    while month <= inputs.months {
        let figures = Figures::of(inputs, schedule, benefit.monthly_benefit, two, month)?;
        tally.settle(inputs, schedule, month, &figures)?;
        // A division per month is the dearest step; the summary needs only two.
        let roi_to_date = if detail || month == 1 || month == inputs.months {
            roi(
                figures.cumulative_benefit,
                figures.cumulative_cost,
                figures.rounded,
            )?
        } else {
            None
        };
        if month == 1 {
            tally.first_month_roi = roi_to_date;
        }
        on_month(figures.row(month, roi_to_date, benefit)?)?;
        // Only what the summary needs: copying the whole row every month
        // was a memcpy per month of every sweep point.
        tally.last = Some((
            figures.cumulative_benefit,
            figures.cumulative_cost,
            figures.cumulative_net,
            roi_to_date,
        ));
        // Every figure is a closed form in the month, so once the summary has
        // what it needs from the months in between, it can go straight to the last.
        let settled = tally.settled(&figures, month, inputs.ramp_months);
        month = if !detail && settled && month + 1 < inputs.months {
            inputs.months
        } else {
            month + 1
        };
    }
    Ok(tally.pass(benefit))
}

/// One month's figures, before the summary takes what it needs of them.
#[derive(Debug, Clone, Copy)]
struct Figures<N> {
    /// Share of the full effect reached this month.
    share: N,
    benefit: N,
    /// Cost this month, setup included in month 1.
    cost: N,
    cumulative_benefit: N,
    cumulative_cost: N,
    /// With the setup paid at t = 0, the cash position after the month.
    cumulative_net: N,
    /// The month's benefit less the monthly cost: its cash flow, setup aside.
    flow: N,
    /// A ramp month's benefit is a quotient that may not terminate, so
    /// what is built on it may round; every other month is exact.
    rounded: bool,
}

impl<N: Number> Figures<N> {
    /// Month `month`'s figures. Each is one product and at most one division
    /// of exact inputs, never a running sum of rounded parts, so anything
    /// that can be exact is.
    #[inline(always)]
    fn of(
        inputs: &Inputs<N>,
        schedule: &Schedule<N>,
        monthly_benefit: N,
        two: N,
        month: u32,
    ) -> Result<Figures<N>, Overflow> {
        let m = N::from_u32(month);
        let (share, benefit, cumulative_benefit) =
            ramp(inputs.ramp_months, schedule, monthly_benefit, two, month, m)?;
        let rounded = inputs.ramp_months > 0 && month <= inputs.ramp_months;
        let cost = if month == 1 {
            inputs.monthly_cost.plus(inputs.setup_cost, "cost")?
        } else {
            inputs.monthly_cost
        };
        let cumulative_cost = inputs
            .monthly_cost
            .times(m, "cumulative cost")?
            .plus(inputs.setup_cost, "cumulative cost")?;
        let sums = Rounding(rounded);
        Ok(Figures {
            share,
            benefit,
            cost,
            cumulative_benefit,
            cumulative_cost,
            cumulative_net: sums.minus(cumulative_benefit, cumulative_cost, "cumulative net")?,
            flow: sums.minus(benefit, inputs.monthly_cost, "cash flow")?,
            rounded,
        })
    }

    /// The month's row of the projection, with its ROI to date.
    #[inline(always)]
    fn row(&self, month: u32, roi: Option<N>, benefit: &Benefit<N>) -> Result<Month<N>, Overflow> {
        Ok(Month {
            month,
            share: self.share,
            benefit: self.benefit,
            cost: self.cost,
            net: Rounding(self.rounded).minus(self.benefit, self.cost, "net")?,
            cumulative_benefit: self.cumulative_benefit,
            cumulative_cost: self.cumulative_cost,
            cumulative_net: self.cumulative_net,
            roi,
            revenue_baseline: benefit.baseline.revenue,
            revenue_after: benefit.after.revenue,
            turned_away: N::ZERO,
            repeat_visits: N::ZERO,
        })
    }
}

/// The ramp-up in closed form: month `month`'s share of the full effect, its
/// benefit and the benefit to date. A ramp month m brings m/(R+1) of the full
/// benefit, so the months to it add up to the triangle m(m+1)/2 of those
/// shares; past the ramp, the ramp has cost R/2 months of full effect.
#[inline(always)]
fn ramp<N: Number>(
    ramp: u32,
    schedule: &Schedule<N>,
    monthly_benefit: N,
    two: N,
    month: u32,
    m: N,
) -> Result<(N, N, N), Overflow> {
    if ramp == 0 || month > ramp {
        let months_of_effect = m.minus(schedule.ramp_total, "ramp")?;
        return Ok((
            N::ONE,
            monthly_benefit,
            monthly_benefit.times(months_of_effect, "cumulative benefit")?,
        ));
    }
    let ramp_divisor = schedule.ramp_divisor;
    let triangle = m
        .times(m.plus(N::ONE, "ramp")?, "ramp")?
        .over(two, "ramp")?;
    Ok((
        m.over(ramp_divisor, "ramp share")?,
        monthly_benefit
            .times(m, "benefit")?
            .over(ramp_divisor, "benefit")?,
        monthly_benefit
            .times(triangle, "cumulative benefit")?
            .over(ramp_divisor, "cumulative benefit")?,
    ))
}

/// What the summary takes from the months as they pass.
#[derive(Debug, Clone, Copy)]
struct Tally<N> {
    npv: N,
    /// Cash position before the month, with the setup paid at t = 0.
    cash_before: N,
    payback: Option<N>,
    break_even: Option<u32>,
    first_month_roi: Option<N>,
    /// Cumulative benefit, cost, net and ROI of the last month worked out.
    last: Option<(N, N, N, Option<N>)>,
}

impl<N: Number> Tally<N> {
    /// Nothing settled yet, the setup paid at t = 0.
    #[inline(always)]
    fn open(
        inputs: &Inputs<N>,
        schedule: &Schedule<N>,
        monthly_benefit: N,
    ) -> Result<Tally<N>, Overflow> {
        // NPV = −setup + Σ f_m·v^m; after the ramp f_m is constant, so those
        // months collapse into one product with the schedule's annuity factor.
        let full_flow = monthly_benefit.minus(inputs.monthly_cost, "cash flow")?;
        let npv = N::ZERO
            .minus(inputs.setup_cost, "NPV")?
            .plus_r(full_flow.times_r(schedule.annuity, "NPV")?, "NPV")?;
        Ok(Tally {
            npv,
            cash_before: N::ZERO.minus(inputs.setup_cost, "cash")?,
            payback: None,
            break_even: None,
            first_month_roi: None,
            last: None,
        })
    }

    /// Takes what month `month` settles: the payback time, the break-even
    /// month, and a ramp month's share of the NPV.
    #[inline(always)]
    fn settle(
        &mut self,
        inputs: &Inputs<N>,
        schedule: &Schedule<N>,
        month: u32,
        figures: &Figures<N>,
    ) -> Result<(), Overflow> {
        if self.payback.is_none() {
            if month == 1 && inputs.setup_cost == N::ZERO && figures.flow >= N::ZERO {
                self.payback = Some(N::ZERO);
            } else if figures.cumulative_net >= N::ZERO {
                // The flow arrives evenly through the month, so the month is cut
                // where it covers what was still owed.
                let owed = N::ZERO.minus_r(self.cash_before, "payback")?;
                let part = owed.ratio(figures.flow, "payback")?;
                self.payback = Some(N::from_u32(month - 1).plus_r(part, "payback")?);
            }
        }
        self.cash_before = figures.cumulative_net;
        if self.break_even.is_none() && figures.cumulative_benefit >= figures.cumulative_cost {
            self.break_even = Some(month);
        }
        if let Some(factor) = schedule.ramp_factors.get(month as usize - 1) {
            self.npv = self
                .npv
                .plus_r(figures.flow.times_r(*factor, "NPV")?, "NPV")?;
        }
        Ok(())
    }

    /// Whether nothing the summary needs can change before the last month:
    /// payback and break-even reached past the ramp, or a position that is
    /// short and no longer grows. Past the ramp every month adds the same
    /// exact flow, so with a flow of zero or less it never pays back nor
    /// breaks even (in exact arithmetic; a float's rounding might yet tip it,
    /// so f64 goes month by month).
    #[inline(always)]
    fn settled(&self, figures: &Figures<N>, month: u32, ramp: u32) -> bool {
        let never = N::EXACT
            && !figures.rounded
            && self.payback.is_none()
            && self.break_even.is_none()
            && figures.flow <= N::ZERO
            && figures.cumulative_net < N::ZERO;
        (self.payback.is_some() && self.break_even.is_some() && month >= ramp) || never
    }

    /// The pass: the benefit at full effect and what the months settled.
    #[inline(always)]
    fn pass(self, benefit: &Benefit<N>) -> Pass<N> {
        let (total_benefit, total_cost, net, last_roi) =
            self.last.unwrap_or((N::ZERO, N::ZERO, N::ZERO, None));
        let summary = Summary {
            baseline_revenue: benefit.baseline.revenue,
            after_revenue: benefit.after.revenue,
            revenue_uplift: benefit.revenue_uplift,
            extra_profit: benefit.extra_profit,
            savings: benefit.savings,
            monthly_benefit: benefit.monthly_benefit,
            first_month_roi: self.first_month_roi,
            roi: last_roi,
            total_benefit,
            total_cost,
            net,
            payback_months: self.payback,
            break_even_month: self.break_even,
            npv: self.npv,
            turned_away: N::ZERO,
            repeat_visits: N::ZERO,
        };
        Pass {
            summary,
            baseline: benefit.baseline,
            after: benefit.after,
        }
    }
}
