//! Model v2: the month-by-month projection a scenario gets once it has a
//! `[capacity]`, a `[seasonality]` or `[[costs.item]]` lines. Months then
//! differ, so no closed form holds and every month is worked out in turn.
//!
//! A scenario without those tables never comes here: it keeps the closed-form
//! pass of [`super::run`], so its figures stay exactly what they were.

use super::{Checked, FunnelFigures, Inputs, Month, Number, Overflow, Pass, Summary, roi};

/// One cost line: a setup paid at the start of month `from`, then a monthly
/// fee from `from` to `to` inclusive that rises every twelve months.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CostItem<N> {
    /// An opaque tag the scenario gives the line (its interned name) so that
    /// a key can find it again; the model ignores it.
    pub tag: u32,
    /// One-time cost, paid at the start of month `from`.
    pub setup: N,
    /// Fee every month from `from` to `to`, before any yearly increase.
    pub monthly: N,
    /// First month of the line, 1-based.
    pub from: u32,
    /// Last month of the line, inclusive, at most the horizon.
    pub to: u32,
    /// The fee rises by this share every 12 months from `from`.
    pub yearly_increase: N,
}

impl<N: Copy> CostItem<N> {
    /// The same line in another number type.
    pub fn map<M>(&self, f: impl Fn(N) -> M) -> CostItem<M> {
        CostItem {
            tag: self.tag,
            setup: f(self.setup),
            monthly: f(self.monthly),
            from: self.from,
            to: self.to,
            yearly_increase: f(self.yearly_increase),
        }
    }
}

/// The year's shape: a factor on leads for each calendar month.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Seasons<N> {
    /// Calendar month (1 = January) of projection month 1.
    pub start_month: u32,
    /// Factors on leads, January to December.
    pub factors: [N; 12],
}

impl<N: Copy> Seasons<N> {
    /// The calendar month (0 = January) of projection month `month` (1-based).
    pub fn index(&self, month: u32) -> usize {
        // The scenario gives start_month in 1..=12 and months from 1; saturating
        // keeps any other value from panicking.
        ((self.start_month.saturating_sub(1) + month.saturating_sub(1)) % 12) as usize
    }

    /// The factor of projection month `month` (1-based).
    pub fn factor(&self, month: u32) -> N {
        self.factors[self.index(month)]
    }
}

/// The optional tables of model v2; all empty means the model of the article.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Tables<N> {
    /// The most visits a month the business can serve; `None` means no limit.
    pub capacity: Option<N>,
    /// Factors on leads by calendar month; `None` means every month alike.
    pub seasons: Option<Seasons<N>>,
    /// Cost lines besides `[costs]` setup and monthly.
    pub items: Vec<CostItem<N>>,
}

impl<N: Copy> Tables<N> {
    /// True when the scenario has none of the tables, and so runs the article's model.
    pub fn is_empty(&self) -> bool {
        self.capacity.is_none() && self.seasons.is_none() && self.items.is_empty()
    }

    /// The same tables in another number type.
    pub fn map<M>(&self, f: impl Fn(N) -> M) -> Tables<M> {
        Tables {
            capacity: self.capacity.map(&f),
            seasons: self.seasons.map(|s| Seasons {
                start_month: s.start_month,
                factors: s.factors.map(&f),
            }),
            items: self.items.iter().map(|i| i.map(&f)).collect(),
        }
    }
}

/// A funnel's month: its figures with leads scaled by the season and visits
/// held to the capacity, and the visits it had to turn away.
fn month_funnel<N: Number>(
    funnel: &super::Funnel<N>,
    season: N,
    capacity: Option<N>,
) -> Result<(FunnelFigures<N>, N), Overflow> {
    let mut funnel = *funnel;
    if season != N::ONE {
        funnel.leads = funnel.leads.times(season, "seasonal leads")?;
    }
    let mut figures = funnel.figures()?;
    let mut turned_away = N::ZERO;
    if let Some(cap) = capacity.filter(|cap| figures.visits > *cap) {
        turned_away = figures.visits.minus(cap, "turned away")?;
        figures.visits = cap;
        figures.revenue = cap.times(funnel.average_check, "revenue")?;
    }
    Ok((figures, turned_away))
}

/// `(1 + rate)^n` by repeated products. Compounding is a computation, not a
/// figure anyone wrote: 1.1²⁰ already has twenty decimals, so it may round
/// (far below the kopecks) instead of being refused.
fn rise<N: Number>(rate: N, n: u32) -> Result<N, Overflow> {
    let step = N::ONE.plus(rate, "yearly increase")?;
    (0..n).try_fold(N::ONE, |acc, _| acc.times_r(step, "yearly increase"))
}

/// The month's fee and setups over every cost line, `[costs]` as the first.
fn month_costs<N: Number>(inputs: &Inputs<N>, month: u32) -> Result<(N, N), Overflow> {
    let base = CostItem {
        tag: u32::MAX,
        setup: inputs.setup_cost,
        monthly: inputs.monthly_cost,
        from: 1,
        to: inputs.months,
        yearly_increase: N::ZERO,
    };
    let mut fee = N::ZERO;
    let mut setup = N::ZERO;
    for item in std::iter::once(&base).chain(&inputs.tables.items) {
        if month == item.from {
            setup = setup.plus(item.setup, "setup")?;
        }
        if (item.from..=item.to).contains(&month) {
            let years = (month - item.from) / 12;
            let rate = if years == 0 {
                item.monthly
            } else {
                item.monthly
                    .times_r(rise(item.yearly_increase, years)?, "monthly fee")?
            };
            // A risen fee may carry a rounded tail; so may the sum built on it.
            fee = if years == 0 {
                fee.plus(rate, "monthly fee")?
            } else {
                fee.plus_r(rate, "monthly fee")?
            };
        }
    }
    Ok((fee, setup))
}

/// Benefit at full effect for one month: the extra profit on the served
/// revenue plus the savings.
fn full_benefit<N: Number>(
    inputs: &Inputs<N>,
    baseline: &FunnelFigures<N>,
    after: &FunnelFigures<N>,
    savings: N,
) -> Result<N, Overflow> {
    // The same order of operations as the closed form, so an average month agrees to the digit.
    after
        .revenue
        .minus(baseline.revenue, "revenue uplift")?
        .times(inputs.gross_margin, "extra profit")?
        .plus(savings, "monthly benefit")
}

/// The pass over the months for a scenario with model v2's tables.
pub(super) fn run<N: Number>(
    inputs: &Inputs<N>,
    detail: bool,
    mut on_month: impl FnMut(Month<N>) -> Result<(), Overflow>,
) -> Result<Pass<N>, Overflow> {
    let tables = &inputs.tables;
    let capacity = tables.capacity;
    // The summary describes an average month (season 1) with the cap applied.
    let (baseline, _) = month_funnel(&inputs.baseline, N::ONE, capacity)?;
    let (after, _) = month_funnel(&inputs.after, N::ONE, capacity).map_err(Overflow::in_after)?;
    let revenue_uplift = after.revenue.minus(baseline.revenue, "revenue uplift")?;
    let extra_profit = revenue_uplift.times(inputs.gross_margin, "extra profit")?;
    let savings = inputs
        .staff_hours
        .times(inputs.hourly_rate, "staff savings")?
        .plus(inputs.other_savings, "savings")?;
    let monthly_benefit = extra_profit.plus(savings, "monthly benefit")?;

    let ramp = inputs.ramp_months;
    let ramp_divisor = N::from_u32(ramp).plus(N::ONE, "ramp")?;
    // A ramp month's benefit is a quotient that may not terminate and a risen
    // fee a compounded product; the running sums built on them may round
    // (twenty places below the kopecks). Everything else stays exact or refused.
    let inexact = ramp > 0
        || tables
            .items
            .iter()
            .any(|item| item.yearly_increase != N::ZERO);
    let add = |a: N, b: N, what| {
        if inexact {
            a.plus_r(b, what)
        } else {
            a.plus(b, what)
        }
    };
    let less = |a: N, b: N, what| {
        if inexact {
            a.minus_r(b, what)
        } else {
            a.minus(b, what)
        }
    };
    let monthly_rate = inputs.discount_rate.over(N::from_u32(12), "monthly rate")?;
    let v = N::ONE.over(
        N::ONE.plus(monthly_rate, "discount factor")?,
        "discount factor",
    )?;

    let (_, first_setup) = month_costs(inputs, 1)?;
    let mut cash = N::ZERO.minus(first_setup, "cash")?;
    let mut npv = cash;
    // v^(m−1) at the start of month m.
    let mut discount = N::ONE;
    // The time from which cash stays ≥ 0; `None` while it is below.
    let mut payback = (cash >= N::ZERO).then_some(N::ZERO);
    let mut break_even = None;
    let mut first_month_roi = None;
    let mut cumulative_benefit = N::ZERO;
    let mut cumulative_cost = N::ZERO;
    let mut turned_away_total = N::ZERO;
    let mut last = None;

    // Months of one calendar month (every month, without seasons) serve alike:
    // their funnels are worked out once.
    let mut served: [Option<(N, N, N, N)>; 12] = [None; 12];
    for month in 1..=inputs.months {
        let calendar = tables.seasons.map_or(0, |s| s.index(month));
        let (revenue_baseline, revenue_after, turned_away, full) = match served[calendar] {
            Some(known) => known,
            None => {
                let season = tables.seasons.map_or(N::ONE, |s| s.factors[calendar]);
                let (b, _) = month_funnel(&inputs.baseline, season, capacity)?;
                let (a, turned_away) =
                    month_funnel(&inputs.after, season, capacity).map_err(Overflow::in_after)?;
                let full = full_benefit(inputs, &b, &a, savings)?;
                let known = (b.revenue, a.revenue, turned_away, full);
                served[calendar] = Some(known);
                known
            }
        };
        let (share, benefit) = if ramp == 0 || month > ramp {
            (N::ONE, full)
        } else {
            let m = N::from_u32(month);
            (
                m.over(ramp_divisor, "ramp share")?,
                full.times(m, "benefit")?.over(ramp_divisor, "benefit")?,
            )
        };
        let (fee, setup) = month_costs(inputs, month)?;
        let cost = add(fee, setup, "cost")?;
        if month > 1 {
            // A later setup is paid at the start of its month.
            cash = less(cash, setup, "cash")?;
            npv = npv.minus_r(setup.times_r(discount, "NPV")?, "NPV")?;
            if cash < N::ZERO {
                payback = None;
            }
        }
        let before = cash;
        let flow = less(benefit, fee, "cash flow")?;
        discount = discount.times_r(v, "discount factor")?;
        npv = npv.plus_r(flow.times_r(discount, "NPV")?, "NPV")?;
        cash = add(before, flow, "cash")?;
        if cash < N::ZERO {
            payback = None;
        } else if before < N::ZERO {
            // The flow arrives evenly through the month, so the month is cut
            // where it covers what was still owed.
            let owed = N::ZERO.minus_r(before, "payback")?;
            let part = owed.ratio(flow, "payback")?;
            payback = Some(N::from_u32(month - 1).plus_r(part, "payback")?);
        }
        cumulative_benefit = add(cumulative_benefit, benefit, "cumulative benefit")?;
        cumulative_cost = add(cumulative_cost, cost, "cumulative cost")?;
        turned_away_total = turned_away_total.plus(turned_away, "turned away")?;
        let cumulative_net = less(cumulative_benefit, cumulative_cost, "cumulative net")?;
        if break_even.is_none() && cumulative_benefit >= cumulative_cost {
            break_even = Some(month);
        }
        let roi_to_date = if detail || month == 1 || month == inputs.months {
            roi(cumulative_benefit, cumulative_cost, inexact)?
        } else {
            None
        };
        if month == 1 {
            first_month_roi = roi_to_date;
        }
        let row = Month {
            month,
            share,
            benefit,
            cost,
            net: less(benefit, cost, "net")?,
            cumulative_benefit,
            cumulative_cost,
            cumulative_net,
            roi: roi_to_date,
            revenue_baseline,
            revenue_after,
            turned_away,
        };
        on_month(row)?;
        last = Some(row);
    }

    let (total_benefit, total_cost, net) = last.map_or((N::ZERO, N::ZERO, N::ZERO), |m| {
        (m.cumulative_benefit, m.cumulative_cost, m.cumulative_net)
    });
    Ok(Pass {
        summary: Summary {
            baseline_revenue: baseline.revenue,
            after_revenue: after.revenue,
            revenue_uplift,
            extra_profit,
            savings,
            monthly_benefit,
            first_month_roi,
            roi: last.and_then(|m| m.roi),
            total_benefit,
            total_cost,
            net,
            payback_months: payback,
            break_even_month: break_even,
            npv,
            turned_away: turned_away_total,
        },
        baseline,
        after,
    })
}

#[cfg(test)]
#[path = "tables_tests.rs"]
mod tests;
