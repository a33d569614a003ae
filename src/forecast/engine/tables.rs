//! Model v2: the month-by-month projection a scenario gets once it has a
//! `[capacity]`, a `[seasonality]`, `[[costs.item]]` lines or repeat visits
//! (`[retention]`). Months then differ, so no closed form holds and every
//! month is worked out in turn.
//!
//! A scenario without those tables never comes here: it keeps the closed-form
//! pass of [`super::run`], so its figures stay exactly what they were. Nor
//! does one whose `[retention]` brings no repeat visit (all zeros): its
//! figures are those of the same scenario without the table, to the digit.

use super::retention::{Repeat, Repeats};
use super::{
    Checked, FunnelFigures, Inputs, Month, Number, Overflow, Pass, Rounding, Summary, roi,
};

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
    /// `[retention]`: the expected repeat visits per new client in the 1st,
    /// 2nd, … month after her first visit; `None` without the table.
    pub repeat_visits: Option<Vec<N>>,
}

impl<N: Copy> Tables<N> {
    /// True when the scenario has none of the tables, `[retention]`
    /// included: only then is every input linear and every month alike.
    pub fn is_empty(&self) -> bool {
        !self.is_v2() && self.repeat_visits.is_none()
    }

    /// True when the scenario has `[capacity]`, `[seasonality]` or
    /// `[[costs.item]]`: the tables whose months the outputs show with their
    /// revenue before and after and the visits turned away.
    pub fn is_v2(&self) -> bool {
        self.capacity.is_some() || self.seasons.is_some() || !self.items.is_empty()
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
            repeat_visits: self
                .repeat_visits
                .as_ref()
                .map(|r| r.iter().map(|v| f(*v)).collect()),
        }
    }
}

impl<N: Number> Tables<N> {
    /// True when the months must be walked one by one: a table of model v2,
    /// or repeat visits that bring any visit at all. A `[retention]` of
    /// zeros leaves every month alike, so the closed form still holds.
    pub fn walks(&self) -> bool {
        self.is_v2()
            || self
                .repeat_visits
                .as_ref()
                .is_some_and(|r| r.iter().any(|v| *v != N::ZERO))
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
    let average = Average::new(inputs)?;
    let ramp_divisor = N::from_u32(inputs.ramp_months).plus(N::ONE, "ramp")?;
    let sums = rounding(inputs);
    let mut cash = Cash::open(inputs, sums)?;
    let mut totals = Totals::new();
    let mut calendar = Calendar([None; 12]);
    let mut repeats = Repeats::new(inputs);
    for month in 1..=inputs.months {
        let mut figures = Figures::of(inputs, &mut calendar, average.savings, ramp_divisor, month)?;
        if let Some(repeats) = &mut repeats {
            figures.add_repeats(inputs, repeats, ramp_divisor, sums, month)?;
        }
        let cost = sums.plus(figures.fee, figures.setup, "cost")?;
        cash.month(month, &figures)?;
        // A division per month is the dearest step; the summary needs only two.
        let with_roi = detail || month == 1 || month == inputs.months;
        let row = totals.month(month, &figures, cost, sums, with_roi)?;
        on_month(row)?;
        totals.last = Some(row);
    }
    Ok(average.pass(&cash, &totals))
}

/// Whether the pass's running sums may round: a ramp month's benefit is a
/// quotient that may not terminate and a risen fee a compounded product, so
/// the sums built on them may round (twenty places below the kopecks).
/// Everything else stays exact or refused.
fn rounding<N: Number>(inputs: &Inputs<N>) -> Rounding {
    Rounding(
        inputs.ramp_months > 0
            || inputs
                .tables
                .items
                .iter()
                .any(|item| item.yearly_increase != N::ZERO),
    )
}

/// The average month the summary describes (season 1, the cap applied) and
/// the benefit it brings at full effect.
#[derive(Debug, Clone, Copy)]
struct Average<N> {
    baseline: FunnelFigures<N>,
    after: FunnelFigures<N>,
    revenue_uplift: N,
    extra_profit: N,
    savings: N,
    monthly_benefit: N,
}

impl<N: Number> Average<N> {
    /// Works out the average month of a scenario.
    fn new(inputs: &Inputs<N>) -> Result<Average<N>, Overflow> {
        let capacity = inputs.tables.capacity;
        let (baseline, _) = month_funnel(&inputs.baseline, N::ONE, capacity)?;
        let (after, _) =
            month_funnel(&inputs.after, N::ONE, capacity).map_err(Overflow::in_after)?;
        let super::Gains {
            revenue_uplift,
            extra_profit,
            savings,
            monthly_benefit,
        } = super::Gains::new(baseline.revenue, after.revenue, inputs)?;
        Ok(Average {
            baseline,
            after,
            revenue_uplift,
            extra_profit,
            savings,
            monthly_benefit,
        })
    }

    /// The pass: this average month and what the months settled.
    fn pass(&self, cash: &Cash<N>, totals: &Totals<N>) -> Pass<N> {
        let last = totals.last;
        let (total_benefit, total_cost, net) = last.map_or((N::ZERO, N::ZERO, N::ZERO), |m| {
            (m.cumulative_benefit, m.cumulative_cost, m.cumulative_net)
        });
        Pass {
            summary: Summary {
                baseline_revenue: self.baseline.revenue,
                after_revenue: self.after.revenue,
                revenue_uplift: self.revenue_uplift,
                extra_profit: self.extra_profit,
                savings: self.savings,
                monthly_benefit: self.monthly_benefit,
                first_month_roi: totals.first_month_roi,
                roi: last.and_then(|m| m.roi),
                total_benefit,
                total_cost,
                net,
                payback_months: cash.payback,
                break_even_month: totals.break_even,
                npv: cash.npv,
                turned_away: totals.turned_away,
                repeat_visits: totals.repeat_visits,
            },
            baseline: self.baseline,
            after: self.after,
        }
    }
}

/// What a month serves: both funnels' visits and revenue with its season
/// and the cap applied, the visits the cap turned away, and the benefit at
/// full effect.
#[derive(Debug, Clone, Copy)]
struct Served<N> {
    visits_baseline: N,
    visits_after: N,
    revenue_baseline: N,
    revenue_after: N,
    turned_away: N,
    full: N,
}

/// What each calendar month serves, worked out the first time it comes
/// round: months of one calendar month (every month, without seasons) serve
/// alike, so their funnels are worked out once.
struct Calendar<N>([Option<Served<N>>; 12]);

impl<N: Number> Calendar<N> {
    /// What projection month `month` serves.
    #[inline]
    fn served(
        &mut self,
        inputs: &Inputs<N>,
        savings: N,
        month: u32,
    ) -> Result<Served<N>, Overflow> {
        let seasons = inputs.tables.seasons;
        let calendar = seasons.map_or(0, |s| s.index(month));
        if let Some(known) = self.0[calendar] {
            return Ok(known);
        }
        let capacity = inputs.tables.capacity;
        let season = seasons.map_or(N::ONE, |s| s.factors[calendar]);
        let (b, _) = month_funnel(&inputs.baseline, season, capacity)?;
        let (a, turned_away) =
            month_funnel(&inputs.after, season, capacity).map_err(Overflow::in_after)?;
        let known = Served {
            visits_baseline: b.visits,
            visits_after: a.visits,
            revenue_baseline: b.revenue,
            revenue_after: a.revenue,
            turned_away,
            full: full_benefit(inputs, &b, &a, savings)?,
        };
        self.0[calendar] = Some(known);
        Ok(known)
    }
}

/// One month's figures before the running totals: what it serves, what it
/// earns on the ramp, and what its cost lines charge.
#[derive(Debug, Clone, Copy)]
struct Figures<N> {
    served: Served<N>,
    /// Share of the full effect reached this month.
    share: N,
    /// The month's benefit, its repeat visits' profit included.
    benefit: N,
    /// Repeat visits served and turned away; `None` when the scenario brings none.
    repeat: Option<Repeat<N>>,
    /// The fee over every cost line.
    fee: N,
    /// The setups paid at the start of the month.
    setup: N,
}

impl<N: Number> Figures<N> {
    /// Month `month`'s figures.
    #[inline]
    fn of(
        inputs: &Inputs<N>,
        calendar: &mut Calendar<N>,
        savings: N,
        ramp_divisor: N,
        month: u32,
    ) -> Result<Figures<N>, Overflow> {
        let served = calendar.served(inputs, savings, month)?;
        let ramp = inputs.ramp_months;
        let (share, benefit) = if ramp == 0 || month > ramp {
            (N::ONE, served.full)
        } else {
            let m = N::from_u32(month);
            (
                m.over(ramp_divisor, "ramp share")?,
                served
                    .full
                    .times(m, "benefit")?
                    .over(ramp_divisor, "benefit")?,
            )
        };
        let (fee, setup) = month_costs(inputs, month)?;
        Ok(Figures {
            served,
            share,
            benefit,
            repeat: None,
            fee,
            setup,
        })
    }

    /// Adds month `month`'s repeat visits: its new clients noted, earlier
    /// months' coming back, their profit in the benefit.
    fn add_repeats(
        &mut self,
        inputs: &Inputs<N>,
        repeats: &mut Repeats<'_, N>,
        ramp_divisor: N,
        sums: Rounding,
        month: u32,
    ) -> Result<(), Overflow> {
        let ramping = inputs.ramp_months > 0 && month <= inputs.ramp_months;
        let repeat = repeats.month(
            inputs,
            (self.served.visits_baseline, self.served.visits_after),
            ramping.then(|| (N::from_u32(month), ramp_divisor)),
        )?;
        self.benefit = sums.plus(self.benefit, repeat.profit, "benefit")?;
        self.repeat = Some(repeat);
        Ok(())
    }
}

/// The cash position month by month, and what follows from it: the NPV and
/// the payback time.
#[derive(Debug, Clone, Copy)]
struct Cash<N> {
    cash: N,
    npv: N,
    /// The discount of one month, 1 / (1 + r/12).
    v: N,
    /// v^(m−1) at the start of month m.
    discount: N,
    /// The time from which cash stays ≥ 0; `None` while it is below.
    payback: Option<N>,
    sums: Rounding,
}

impl<N: Number> Cash<N> {
    /// The position at the start of month 1, its setups paid.
    fn open(inputs: &Inputs<N>, sums: Rounding) -> Result<Cash<N>, Overflow> {
        let monthly_rate = inputs.discount_rate.over(N::from_u32(12), "monthly rate")?;
        let v = N::ONE.over(
            N::ONE.plus(monthly_rate, "discount factor")?,
            "discount factor",
        )?;
        let (_, first_setup) = month_costs(inputs, 1)?;
        let cash = N::ZERO.minus(first_setup, "cash")?;
        Ok(Cash {
            cash,
            npv: cash,
            v,
            discount: N::ONE,
            payback: (cash >= N::ZERO).then_some(N::ZERO),
            sums,
        })
    }

    /// Month `month`: its setups paid at its start, then its flow through it.
    #[inline]
    fn month(&mut self, month: u32, figures: &Figures<N>) -> Result<(), Overflow> {
        let sums = self.sums;
        if month > 1 {
            // A later setup is paid at the start of its month.
            self.cash = sums.minus(self.cash, figures.setup, "cash")?;
            self.npv = self
                .npv
                .minus_r(figures.setup.times_r(self.discount, "NPV")?, "NPV")?;
            if self.cash < N::ZERO {
                self.payback = None;
            }
        }
        let before = self.cash;
        let flow = sums.minus(figures.benefit, figures.fee, "cash flow")?;
        self.discount = self.discount.times_r(self.v, "discount factor")?;
        self.npv = self
            .npv
            .plus_r(flow.times_r(self.discount, "NPV")?, "NPV")?;
        self.cash = sums.plus(before, flow, "cash")?;
        if self.cash < N::ZERO {
            self.payback = None;
        } else if before < N::ZERO {
            // The flow arrives evenly through the month, so the month is cut
            // where it covers what was still owed.
            let owed = N::ZERO.minus_r(before, "payback")?;
            let part = owed.ratio(flow, "payback")?;
            self.payback = Some(N::from_u32(month - 1).plus_r(part, "payback")?);
        }
        Ok(())
    }
}

/// The running totals, and what the summary keeps of the months.
#[derive(Debug, Clone, Copy)]
struct Totals<N> {
    cumulative_benefit: N,
    cumulative_cost: N,
    turned_away: N,
    repeat_visits: N,
    break_even: Option<u32>,
    first_month_roi: Option<N>,
    last: Option<Month<N>>,
}

impl<N: Number> Totals<N> {
    /// Nothing counted yet.
    fn new() -> Totals<N> {
        Totals {
            cumulative_benefit: N::ZERO,
            cumulative_cost: N::ZERO,
            turned_away: N::ZERO,
            repeat_visits: N::ZERO,
            break_even: None,
            first_month_roi: None,
            last: None,
        }
    }

    /// Counts month `month`, which costs `cost`, and makes its row; its ROI
    /// to date is worked out only `with_roi`.
    #[inline]
    fn month(
        &mut self,
        month: u32,
        figures: &Figures<N>,
        cost: N,
        sums: Rounding,
        with_roi: bool,
    ) -> Result<Month<N>, Overflow> {
        let benefit = figures.benefit;
        self.cumulative_benefit =
            sums.plus(self.cumulative_benefit, benefit, "cumulative benefit")?;
        self.cumulative_cost = sums.plus(self.cumulative_cost, cost, "cumulative cost")?;
        let mut turned_away = figures.served.turned_away;
        let mut repeat_visits = N::ZERO;
        // Repeat visits built on a ramp month's quotient may round, as the
        // pass's sums then may; the cap's own turned-away visits never do.
        let visits = Rounding(sums.0 && figures.repeat.is_some());
        if let Some(repeat) = figures.repeat {
            turned_away = visits.plus(turned_away, repeat.turned_away, "turned away")?;
            repeat_visits = repeat.visits;
            self.repeat_visits = visits.plus(self.repeat_visits, repeat_visits, "repeat visits")?;
        }
        self.turned_away = visits.plus(self.turned_away, turned_away, "turned away")?;
        let (cumulative_benefit, cumulative_cost) = (self.cumulative_benefit, self.cumulative_cost);
        let cumulative_net = sums.minus(cumulative_benefit, cumulative_cost, "cumulative net")?;
        if self.break_even.is_none() && cumulative_benefit >= cumulative_cost {
            self.break_even = Some(month);
        }
        let roi_to_date = if with_roi {
            roi(cumulative_benefit, cumulative_cost, sums.0)?
        } else {
            None
        };
        if month == 1 {
            self.first_month_roi = roi_to_date;
        }
        Ok(Month {
            month,
            share: figures.share,
            benefit,
            cost,
            net: sums.minus(benefit, cost, "net")?,
            cumulative_benefit,
            cumulative_cost,
            cumulative_net,
            roi: roi_to_date,
            revenue_baseline: figures.served.revenue_baseline,
            revenue_after: figures.served.revenue_after,
            turned_away,
            repeat_visits,
        })
    }
}

#[cfg(test)]
#[path = "tables_tests.rs"]
mod tests;
