//! The ROI model of the article, as pure arithmetic: no I/O, no rounding, every operation checked.
//!
//! The formulas are written once, over [`Number`], so the exact `Decimal`
//! engine that `calc` uses and any faster numeric type a later feature needs
//! run the very same model.

mod checked;
mod closed;
mod exact;
mod number;
mod stages;

use checked::Checked;
pub use checked::{Limit, Overflow, OverflowDetails};
use closed::run;
pub use number::Number;

use std::fmt::Debug;

mod retention;
mod tables;
pub use tables::{CostItem, Seasons, Tables};

/// One side of the funnel, per month: leads → bookings → visits → revenue.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Funnel<N> {
    /// Leads (enquiries) per month.
    pub leads: N,
    /// Share of leads that book, 0..=1.
    pub conversion: N,
    /// Revenue per visit.
    pub average_check: N,
    /// Share of bookings that do not come, 0..=1.
    pub no_show_rate: N,
}

/// The funnel's derived figures for one month.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FunnelFigures<N> {
    /// leads × conversion.
    pub bookings: N,
    /// bookings × no-show rate.
    pub no_shows: N,
    /// bookings − no-shows.
    pub visits: N,
    /// visits × average check.
    pub revenue: N,
}

impl<N: Copy> Funnel<N> {
    /// The same funnel in another number type.
    pub fn map<M>(&self, f: impl Fn(N) -> M) -> Funnel<M> {
        Funnel {
            leads: f(self.leads),
            conversion: f(self.conversion),
            average_check: f(self.average_check),
            no_show_rate: f(self.no_show_rate),
        }
    }
}

impl<N: Number> Funnel<N> {
    /// Runs the funnel: revenue = leads × conversion × (1 − no-show rate) × average check.
    pub fn figures(&self) -> Result<FunnelFigures<N>, Overflow> {
        let bookings = self.leads.times(self.conversion, "bookings")?;
        let no_shows = bookings.times(self.no_show_rate, "no-shows")?;
        let visits = bookings.minus(no_shows, "visits")?;
        let revenue = visits.times(self.average_check, "revenue")?;
        Ok(FunnelFigures {
            bookings,
            no_shows,
            visits,
            revenue,
        })
    }
}

/// Everything the model needs, already validated (rates in 0..=1, amounts ≥ 0).
#[derive(Debug, Clone, PartialEq)]
pub struct Inputs<N> {
    /// Projection horizon in months, ≥ 1.
    pub months: u32,
    /// Per month, before the assistant.
    pub baseline: Funnel<N>,
    /// Per month, after rollout at full effect.
    pub after: Funnel<N>,
    /// One-time cost, paid in month 1.
    pub setup_cost: N,
    /// Cost every month.
    pub monthly_cost: N,
    /// Staff hours saved per month at full effect.
    pub staff_hours: N,
    /// Cost of one staff hour.
    pub hourly_rate: N,
    /// Other savings per month at full effect.
    pub other_savings: N,
    /// Share of extra revenue kept as profit, 0..=1.
    pub gross_margin: N,
    /// Months 1..=R run at m/(R+1) of the full effect.
    pub ramp_months: u32,
    /// Annual discount rate for NPV; the monthly rate is a twelfth of it.
    pub discount_rate: N,
    /// Capacity, seasons and cost lines (model v2); empty for the article's model.
    pub tables: Tables<N>,
}

impl<N: Copy> Inputs<N> {
    /// The same inputs in another number type: the exact inputs as `f64` for
    /// the simulation, which runs this same model millions of times.
    pub fn map<M>(&self, f: impl Fn(N) -> M) -> Inputs<M> {
        Inputs {
            months: self.months,
            baseline: self.baseline.map(&f),
            after: self.after.map(&f),
            setup_cost: f(self.setup_cost),
            monthly_cost: f(self.monthly_cost),
            staff_hours: f(self.staff_hours),
            hourly_rate: f(self.hourly_rate),
            other_savings: f(self.other_savings),
            gross_margin: f(self.gross_margin),
            ramp_months: self.ramp_months,
            discount_rate: f(self.discount_rate),
            tables: self.tables.map(&f),
        }
    }
}

/// The headline figures of a projection.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary<N> {
    /// Baseline revenue per month.
    pub baseline_revenue: N,
    /// Revenue per month after rollout.
    pub after_revenue: N,
    /// after − baseline revenue per month.
    pub revenue_uplift: N,
    /// Uplift × gross margin: the extra profit per month at full effect.
    pub extra_profit: N,
    /// Staff time plus other savings per month at full effect.
    pub savings: N,
    /// Extra profit + savings per month at full effect.
    pub monthly_benefit: N,
    /// ROI over month 1; `None` when month 1 costs nothing.
    pub first_month_roi: Option<N>,
    /// ROI over the whole horizon; `None` when nothing is spent.
    pub roi: Option<N>,
    /// Benefit summed over the horizon.
    pub total_benefit: N,
    /// Cost summed over the horizon.
    pub total_cost: N,
    /// total benefit − total cost.
    pub net: N,
    /// Months until the cumulative cash flow turns non-negative (fractional);
    /// `None` if it does not within the horizon.
    pub payback_months: Option<N>,
    /// First month whose cumulative benefit covers the cumulative cost.
    pub break_even_month: Option<u32>,
    /// Net present value at the discount rate (equals `net` at 0%).
    pub npv: N,
    /// Visits over the horizon that the capacity could not serve, repeat
    /// visits included; 0 without `[capacity]`.
    pub turned_away: N,
    /// Repeat visits served over the horizon; 0 without `[retention]`.
    pub repeat_visits: N,
}

/// One month of the projection.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Month<N> {
    /// 1-based month number.
    pub month: u32,
    /// Share of the full effect reached this month (the ramp-up).
    pub share: N,
    /// Benefit this month.
    pub benefit: N,
    /// Cost this month (setup included in month 1).
    pub cost: N,
    /// benefit − cost.
    pub net: N,
    /// Benefit over months 1..=month.
    pub cumulative_benefit: N,
    /// Cost over months 1..=month.
    pub cumulative_cost: N,
    /// Cumulative benefit − cumulative cost.
    pub cumulative_net: N,
    /// ROI over months 1..=month; `None` when nothing has been spent yet.
    pub roi: Option<N>,
    /// Baseline revenue this month, with its season and the capacity applied.
    pub revenue_baseline: N,
    /// Revenue after rollout this month (at full effect), with its season and the capacity applied.
    pub revenue_after: N,
    /// Visits demanded after rollout this month beyond the capacity, repeat
    /// visits included.
    pub turned_away: N,
    /// Repeat visits served this month: earlier months' new clients coming
    /// back (`[retention]`), within the capacity; counted in `benefit`.
    pub repeat_visits: N,
}

/// A year (or the trailing part of one) of the projection.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Year<N> {
    /// 1-based year number.
    pub year: u32,
    /// First month of the year.
    pub first_month: u32,
    /// Last month of the year (the horizon may cut a year short).
    pub last_month: u32,
    /// Benefit over the year.
    pub benefit: N,
    /// Cost over the year.
    pub cost: N,
    /// benefit − cost.
    pub net: N,
    /// Cumulative ROI at the year's last month.
    pub roi: Option<N>,
}

/// A full projection: the summary, every month and every year.
#[derive(Debug, Clone, PartialEq)]
pub struct Projection<N> {
    /// Baseline funnel figures.
    pub baseline: FunnelFigures<N>,
    /// Funnel figures after rollout.
    pub after: FunnelFigures<N>,
    /// The headline figures.
    pub summary: Summary<N>,
    /// Months 1..=horizon.
    pub monthly: Vec<Month<N>>,
    /// Years 1..=⌈horizon/12⌉.
    pub annual: Vec<Year<N>>,
}

/// The article's ROI over a span: (benefit − cost) / cost, undefined without cost.
/// `rounded` says the figures came from a rounded quotient (a ramp month's
/// share), so their difference may round too.
fn roi<N: Number>(benefit: N, cost: N, rounded: bool) -> Result<Option<N>, Overflow> {
    if cost == N::ZERO {
        return Ok(None);
    }
    let net = if rounded {
        benefit.minus_r(cost, "net")?
    } else {
        benefit.minus(cost, "net")?
    };
    net.ratio(cost, "ROI").map(Some)
}

/// What a projection depends on besides money: the horizon, the ramp-up and
/// the discount rate. Worked out once, it serves every point of a sweep that
/// leaves those three alone, which keeps divisions out of the inner loop.
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule<N> {
    months: u32,
    ramp: u32,
    discount_rate: N,
    /// R + 1, the ramp's denominator.
    ramp_divisor: N,
    /// R / 2: what the ramp months add up to, in months of full effect.
    ramp_total: N,
    /// (1 + r/12)^-m for the ramp months m = 1..=min(R, H); all 1 without discounting.
    ramp_factors: Vec<N>,
    /// Σ (1 + r/12)^-m over the months at full effect, R < m ≤ H.
    annuity: N,
}

impl<N: Number> Schedule<N> {
    /// Works out the schedule of a scenario.
    pub fn new(inputs: &Inputs<N>) -> Result<Schedule<N>, Overflow> {
        let ramp = inputs.ramp_months;
        let two = N::ONE.plus(N::ONE, "ramp")?;
        let monthly_rate = inputs.discount_rate.over(N::from_u32(12), "monthly rate")?;
        // One division here; every later factor is a product.
        // r/12 and its powers are rational but rarely terminate: from here
        // on the discount chain rounds, far below what is shown.
        let v = N::ONE.over(
            N::ONE.plus_r(monthly_rate, "discount factor")?,
            "discount factor",
        )?;
        let mut factor = N::ONE;
        let mut ramp_factors = Vec::with_capacity(ramp.min(inputs.months) as usize);
        let mut annuity = N::ZERO;
        for month in 1..=inputs.months {
            factor = factor.times_r(v, "discount factor")?;
            if month <= ramp {
                ramp_factors.push(factor);
            } else {
                annuity = annuity.plus_r(factor, "discount factor")?;
            }
        }
        Ok(Schedule {
            months: inputs.months,
            ramp,
            discount_rate: inputs.discount_rate,
            ramp_divisor: N::from_u32(ramp).plus(N::ONE, "ramp")?,
            ramp_total: N::from_u32(ramp).over(two, "ramp")?,
            ramp_factors,
            annuity,
        })
    }

    /// True when this schedule is the one `inputs` would make.
    pub fn fits(&self, inputs: &Inputs<N>) -> bool {
        self.months == inputs.months
            && self.ramp == inputs.ramp_months
            && self.discount_rate == inputs.discount_rate
    }
}

/// Computes the summary alone, without keeping the months.
pub fn summarize<N: Number>(inputs: &Inputs<N>) -> Result<Summary<N>, Overflow> {
    if inputs.tables.walks() {
        return tables::run(inputs, false, |_| Ok(())).map(|pass| pass.summary);
    }
    summarize_with(&Schedule::new(inputs)?, inputs)
}

/// [`summarize`] with a schedule worked out beforehand: what sweeps call in
/// their inner loop. A schedule that does not fit `inputs` is worked out anew.
pub fn summarize_with<N: Number>(
    schedule: &Schedule<N>,
    inputs: &Inputs<N>,
) -> Result<Summary<N>, Overflow> {
    summarize_cached(schedule, &mut None, inputs)
}

/// [`summarize_with`] keeping the benefit between calls in `benefit`: a
/// sweep over costs or the horizon leaves it alone, so it is worked out once
/// per row. A benefit that does not fit `inputs` is worked out anew (and
/// kept), as is a schedule that does not fit.
pub fn summarize_cached<N: Number>(
    schedule: &Schedule<N>,
    benefit: &mut Option<Benefit<N>>,
    inputs: &Inputs<N>,
) -> Result<Summary<N>, Overflow> {
    if inputs.tables.walks() {
        return tables::run(inputs, false, |_| Ok(())).map(|pass| pass.summary);
    }
    let benefit = match benefit {
        Some(b) if b.fits(inputs) => b,
        slot => slot.insert(Benefit::new(inputs)?),
    };
    if schedule.fits(inputs) {
        run(inputs, schedule, benefit, false, |_| Ok(())).map(|pass| pass.summary)
    } else {
        summarize(inputs)
    }
}

/// The monthly benefit at full effect and what it is made of: everything
/// before the months loop, which depends on the funnels, savings and margin
/// alone.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Benefit<N> {
    /// The inputs it was worked out from, so that [`Benefit::fits`] can tell.
    from: (Funnel<N>, Funnel<N>, [N; 4]),
    /// Baseline funnel figures.
    pub baseline: FunnelFigures<N>,
    /// Funnel figures after rollout.
    pub after: FunnelFigures<N>,
    /// after − baseline revenue per month.
    pub revenue_uplift: N,
    /// Uplift × gross margin.
    pub extra_profit: N,
    /// Staff time plus other savings per month.
    pub savings: N,
    /// Extra profit + savings per month at full effect.
    pub monthly_benefit: N,
}

/// What a month with the assistant gains over one without: the extra
/// revenue, the profit on it, the savings and their sum. One place for the
/// rule, whichever pass (plain or with the tables) asks for it.
pub(crate) struct Gains<N> {
    pub(crate) revenue_uplift: N,
    pub(crate) extra_profit: N,
    pub(crate) savings: N,
    pub(crate) monthly_benefit: N,
}

impl<N: Number> Gains<N> {
    /// The gains of a month whose revenue goes from `baseline` to `after`.
    #[inline]
    pub(crate) fn new(baseline: N, after: N, inputs: &Inputs<N>) -> Result<Gains<N>, Overflow> {
        let revenue_uplift = after.minus(baseline, "revenue uplift")?;
        let extra_profit = revenue_uplift.times(inputs.gross_margin, "extra profit")?;
        let savings = inputs
            .staff_hours
            .times(inputs.hourly_rate, "staff savings")?
            .plus(inputs.other_savings, "savings")?;
        let monthly_benefit = extra_profit.plus(savings, "monthly benefit")?;
        Ok(Gains {
            revenue_uplift,
            extra_profit,
            savings,
            monthly_benefit,
        })
    }
}

impl<N: Number> Benefit<N> {
    /// Works out the benefit of a scenario without the optional tables.
    pub fn new(inputs: &Inputs<N>) -> Result<Benefit<N>, Overflow> {
        let baseline = inputs.baseline.figures()?;
        let after = inputs.after.figures().map_err(Overflow::in_after)?;
        let Gains {
            revenue_uplift,
            extra_profit,
            savings,
            monthly_benefit,
        } = Gains::new(baseline.revenue, after.revenue, inputs)?;
        Ok(Benefit {
            from: Benefit::source(inputs),
            baseline,
            after,
            revenue_uplift,
            extra_profit,
            savings,
            monthly_benefit,
        })
    }

    /// True when this benefit is the one `inputs` would make.
    pub fn fits(&self, inputs: &Inputs<N>) -> bool {
        self.from == Benefit::source(inputs)
    }

    fn source(inputs: &Inputs<N>) -> (Funnel<N>, Funnel<N>, [N; 4]) {
        (
            inputs.baseline,
            inputs.after,
            [
                inputs.staff_hours,
                inputs.hourly_rate,
                inputs.other_savings,
                inputs.gross_margin,
            ],
        )
    }
}

/// Computes the full projection: summary, monthly rows and annual rows.
pub fn project<N: Number>(inputs: &Inputs<N>) -> Result<Projection<N>, Overflow> {
    let mut monthly = Vec::with_capacity(inputs.months as usize);
    let keep = |m| {
        monthly.push(m);
        Ok(())
    };
    let pass = if !inputs.tables.walks() {
        run(
            inputs,
            &Schedule::new(inputs)?,
            &Benefit::new(inputs)?,
            true,
            keep,
        )?
    } else {
        tables::run(inputs, true, keep)?
    };
    let annual = years(&monthly)?;
    Ok(Projection {
        baseline: pass.baseline,
        after: pass.after,
        summary: pass.summary,
        monthly,
        annual,
    })
}

/// Groups months into years of twelve; each year's ROI is the cumulative ROI at its end.
/// A year's totals are differences of cumulative figures, which stay exact.
fn years<N: Number>(monthly: &[Month<N>]) -> Result<Vec<Year<N>>, Overflow> {
    let mut before = (N::ZERO, N::ZERO);
    monthly
        .chunks(12)
        .zip(1..)
        .map(|(chunk, year)| {
            // Chunks are never empty, so `first` and `last` exist.
            let (first, last) = (chunk[0], chunk[chunk.len() - 1]);
            let benefit = last.cumulative_benefit.minus(before.0, "yearly benefit")?;
            let cost = last.cumulative_cost.minus(before.1, "yearly cost")?;
            before = (last.cumulative_benefit, last.cumulative_cost);
            Ok(Year {
                year,
                first_month: first.month,
                last_month: last.month,
                benefit,
                cost,
                net: benefit.minus(cost, "yearly net")?,
                roi: last.roi,
            })
        })
        .collect()
}

/// What a pass over the months yields besides the months themselves.
struct Pass<N> {
    summary: Summary<N>,
    baseline: FunnelFigures<N>,
    after: FunnelFigures<N>,
}

/// Whether a pass's sums and differences may round: those built on a figure
/// that may not be exact (a ramp month's quotient, a risen fee) may round far
/// below the kopecks; all others stay exact or are refused.
#[derive(Debug, Clone, Copy)]
struct Rounding(bool);

impl Rounding {
    /// `a + b`, rounded only if this pass's sums may round.
    #[inline(always)]
    fn plus<N: Number>(self, a: N, b: N, what: &'static str) -> Result<N, Overflow> {
        if self.0 {
            a.plus_r(b, what)
        } else {
            a.plus(b, what)
        }
    }

    /// `a − b`, rounded only if this pass's sums may round.
    #[inline(always)]
    fn minus<N: Number>(self, a: N, b: N, what: &'static str) -> Result<N, Overflow> {
        if self.0 {
            a.minus_r(b, what)
        } else {
            a.minus(b, what)
        }
    }

    /// `a × b`, rounded only if this pass's figures may round.
    #[inline(always)]
    fn times<N: Number>(self, a: N, b: N, what: &'static str) -> Result<N, Overflow> {
        if self.0 {
            a.times_r(b, what)
        } else {
            a.times(b, what)
        }
    }
}

#[cfg(test)]
mod tests;
