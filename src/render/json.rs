//! `--format json`: the stable machine contract, documented field by field.
//!
//! Money is a JSON number rounded to 2 places, ratios and fractional months
//! to 8 (half away from zero); `null` marks what is undefined.

use crate::forecast::engine::{Funnel, FunnelFigures, Month, Year};
use crate::forecast::report::Report;
use crate::format::{MONEY_PLACES, RATIO_PLACES, money_value, ratio_value, write_fixed};
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

/// Version of this layout; raised on any change that could break a reader.
pub const SCHEMA_VERSION: u32 = 1;

/// An amount of money, rounded to kopecks on output.
#[derive(Debug, Clone, Copy)]
pub struct Money(pub Decimal);

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        rust_decimal::serde::arbitrary_precision::serialize(&money_value(self.0), s)
    }
}

/// A ratio or a fractional month count, rounded to 8 places on output.
#[derive(Debug, Clone, Copy)]
pub struct Ratio(pub Decimal);

impl Serialize for Ratio {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        rust_decimal::serde::arbitrary_precision::serialize(&ratio_value(self.0), s)
    }
}

/// An input exactly as resolved, unrounded (leads may be fractional averages).
#[derive(Debug, Clone, Copy)]
pub struct Exact(pub Decimal);

impl Serialize for Exact {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        rust_decimal::serde::arbitrary_precision::serialize(&self.0.normalize(), s)
    }
}

/// A count of visits (fractional in an average month), rounded to 2 places on output.
#[derive(Debug, Clone, Copy)]
pub struct Visits(pub Decimal);

impl Serialize for Visits {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        rust_decimal::serde::arbitrary_precision::serialize(&money_value(self.0), s)
    }
}

/// The whole document.
#[derive(Debug, Serialize)]
pub struct JsonReport<'a> {
    /// [`SCHEMA_VERSION`].
    pub version: u32,
    /// The scenario's resolved inputs.
    pub scenario: JsonScenario<'a>,
    /// The funnel per month before the assistant.
    pub baseline: JsonFunnel,
    /// The funnel per month after rollout, with every relative change resolved.
    pub after: JsonFunnel,
    /// The headline figures.
    pub summary: JsonSummary,
    /// One entry per month of the horizon.
    pub monthly: Vec<JsonMonth>,
    /// One entry per year (12 months; the last may be shorter).
    pub annual: Vec<JsonYear>,
}

/// Resolved inputs other than the funnels.
#[derive(Debug, Serialize)]
pub struct JsonScenario<'a> {
    /// The scenario's name.
    pub name: &'a str,
    /// ISO 4217 code of every amount.
    pub currency: &'a str,
    /// Projection horizon in months.
    pub months: u32,
    /// One-time cost, paid in month 1.
    pub setup_cost: Exact,
    /// Cost every month.
    pub monthly_cost: Exact,
    /// Staff hours saved per month at full effect.
    pub staff_hours: Exact,
    /// Cost of a staff hour.
    pub hourly_rate: Exact,
    /// Other savings per month at full effect.
    pub other_savings: Exact,
    /// Share of extra revenue counted as profit (fraction).
    pub gross_margin: Exact,
    /// Months of ramp-up before full effect.
    pub ramp_months: u32,
    /// Annual discount rate for NPV (fraction).
    pub discount_rate: Exact,
    /// The most visits a month the business can serve; absent without `[capacity]`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capacity: Option<Exact>,
    /// The year's shape; absent without `[seasonality]`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seasonality: Option<JsonSeasonality>,
    /// The `[[costs.item]]` lines besides `setup_cost`/`monthly_cost`; absent when there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cost_items: Vec<JsonCostItem>,
    /// `[retention]` as resolved; absent without it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retention: Option<JsonRetention>,
}

/// `[retention]` as resolved.
#[derive(Debug, Serialize)]
pub struct JsonRetention {
    /// Expected repeat visits per new client in the 1st, 2nd, … month after
    /// her first visit (exact inputs).
    pub repeat_visits: Vec<Exact>,
}

/// `[seasonality]` as resolved.
#[derive(Debug, Serialize)]
pub struct JsonSeasonality {
    /// Calendar month (1 = January) of projection month 1.
    pub start_month: u32,
    /// Factors on leads, January to December (exact inputs).
    pub leads: [Exact; 12],
}

/// One `[[costs.item]]` as resolved.
#[derive(Debug, Serialize)]
pub struct JsonCostItem {
    /// The line's name.
    pub name: String,
    /// One-time cost at the start of month `from`.
    pub setup: Exact,
    /// Fee every month from `from` to `to`, before any yearly increase.
    pub monthly: Exact,
    /// First month of the line.
    pub from: u32,
    /// Last month of the line, inclusive.
    pub to: u32,
    /// The fee's rise every 12 months from `from` (fraction).
    pub yearly_increase: Exact,
}

/// One side of the funnel.
#[derive(Debug, Serialize)]
pub struct JsonFunnel {
    /// Leads per month (exact input).
    pub leads: Exact,
    /// Lead → booking share (fraction, exact input).
    pub conversion: Exact,
    /// Share of bookings that do not come (fraction, exact input).
    pub no_show_rate: Exact,
    /// Revenue per visit (exact input).
    pub average_check: Exact,
    /// leads × conversion.
    pub bookings: Exact,
    /// bookings × no-show rate.
    pub no_shows: Exact,
    /// bookings − no-shows.
    pub visits: Exact,
    /// visits × average check, money.
    pub revenue: Money,
}

/// The headline figures.
#[derive(Debug, Serialize)]
pub struct JsonSummary {
    /// Revenue per month before the assistant.
    pub baseline_revenue: Money,
    /// Revenue per month after rollout.
    pub after_revenue: Money,
    /// after_revenue − baseline_revenue.
    pub revenue_uplift: Money,
    /// revenue_uplift × gross margin.
    pub extra_profit: Money,
    /// Staff hours × hourly rate + other savings, per month at full effect.
    pub savings: Money,
    /// extra_profit + savings: the benefit of a month at full effect.
    pub monthly_benefit: Money,
    /// ROI over month 1 (fraction); null when month 1 costs nothing.
    pub first_month_roi: Option<Ratio>,
    /// ROI over the horizon (fraction); null when nothing is spent.
    pub roi: Option<Ratio>,
    /// Benefit over the horizon.
    pub total_benefit: Money,
    /// Cost over the horizon.
    pub total_cost: Money,
    /// total_benefit − total_cost.
    pub net: Money,
    /// Fractional months until the investment is recovered; null if not within the horizon.
    pub payback_months: Option<Ratio>,
    /// First month whose cumulative benefit covers the cumulative cost; null if none.
    pub break_even_month: Option<u32>,
    /// Net present value at the discount rate; equals net when the rate is 0.
    pub npv: Money,
    /// Visits over the horizon beyond the capacity, repeat visits included
    /// (2 places); absent without `[capacity]`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub turned_away: Option<Visits>,
    /// Repeat visits served over the horizon (2 places); absent without `[retention]`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repeat_visits: Option<Visits>,
}

/// One month of the projection.
#[derive(Debug, Serialize)]
pub struct JsonMonth {
    /// 1-based month number.
    pub month: u32,
    /// Share of the full effect reached (fraction; below 1 during ramp-up).
    pub share: Ratio,
    /// Benefit this month.
    pub benefit: Money,
    /// Cost this month (setup included in month 1).
    pub cost: Money,
    /// benefit − cost.
    pub net: Money,
    /// Benefit over months 1..=month.
    pub cumulative_benefit: Money,
    /// Cost over months 1..=month.
    pub cumulative_cost: Money,
    /// cumulative_benefit − cumulative_cost.
    pub cumulative_net: Money,
    /// ROI over months 1..=month (fraction); null when nothing has been spent.
    pub roi: Option<Ratio>,
    /// Baseline revenue this month, with its season and the capacity;
    /// absent for a scenario without `[capacity]`, `[seasonality]` or `[[costs.item]]`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revenue_baseline: Option<Money>,
    /// Revenue after rollout this month at full effect, with its season and
    /// the capacity; absent as `revenue_baseline` is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revenue_after: Option<Money>,
    /// Visits demanded after rollout this month beyond the capacity, repeat
    /// visits included (2 places); absent as `revenue_baseline` is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub turned_away: Option<Visits>,
    /// Repeat visits served this month: earlier months' new clients coming
    /// back, counted in `benefit` (2 places); absent without `[retention]`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repeat_visits: Option<Visits>,
}

/// One year of the projection.
#[derive(Debug, Serialize)]
pub struct JsonYear {
    /// 1-based year number.
    pub year: u32,
    /// First month of the year.
    pub first_month: u32,
    /// Last month of the year.
    pub last_month: u32,
    /// Benefit over the year.
    pub benefit: Money,
    /// Cost over the year.
    pub cost: Money,
    /// benefit − cost.
    pub net: Money,
    /// Cumulative ROI at the year's last month (fraction).
    pub roi: Option<Ratio>,
}

/// One figure of a summary, for the flat CSV and JSON rows of `compare` and `sweep`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell {
    /// Money, printed to 2 places.
    Money(Decimal),
    /// A ratio or fractional months, printed to 8 places.
    Ratio(Decimal),
    /// A month number.
    Month(u32),
    /// Undefined: an empty CSV cell, a JSON `null`.
    Null,
}

impl std::fmt::Display for Cell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            Cell::Money(d) => write_fixed(f, d, MONEY_PLACES),
            Cell::Ratio(d) => write_fixed(f, d, RATIO_PLACES),
            Cell::Month(m) => write!(f, "{m}"),
            Cell::Null => Ok(()),
        }
    }
}

impl JsonSummary {
    /// The summary's fields, named and ordered exactly as in the JSON object.
    pub fn cells(&self) -> [(&'static str, Cell); 14] {
        let ratio = |r: Option<Ratio>| r.map_or(Cell::Null, |r| Cell::Ratio(r.0));
        [
            ("baseline_revenue", Cell::Money(self.baseline_revenue.0)),
            ("after_revenue", Cell::Money(self.after_revenue.0)),
            ("revenue_uplift", Cell::Money(self.revenue_uplift.0)),
            ("extra_profit", Cell::Money(self.extra_profit.0)),
            ("savings", Cell::Money(self.savings.0)),
            ("monthly_benefit", Cell::Money(self.monthly_benefit.0)),
            ("first_month_roi", ratio(self.first_month_roi)),
            ("roi", ratio(self.roi)),
            ("total_benefit", Cell::Money(self.total_benefit.0)),
            ("total_cost", Cell::Money(self.total_cost.0)),
            ("net", Cell::Money(self.net.0)),
            ("payback_months", ratio(self.payback_months)),
            (
                "break_even_month",
                self.break_even_month.map_or(Cell::Null, Cell::Month),
            ),
            ("npv", Cell::Money(self.npv.0)),
        ]
    }
}

fn funnel(inputs: &Funnel<Decimal>, figures: &FunnelFigures<Decimal>) -> JsonFunnel {
    JsonFunnel {
        leads: Exact(inputs.leads),
        conversion: Exact(inputs.conversion),
        no_show_rate: Exact(inputs.no_show_rate),
        average_check: Exact(inputs.average_check),
        bookings: Exact(figures.bookings),
        no_shows: Exact(figures.no_shows),
        visits: Exact(figures.visits),
        revenue: Money(figures.revenue),
    }
}

impl From<&Month<Decimal>> for JsonMonth {
    fn from(m: &Month<Decimal>) -> Self {
        JsonMonth {
            month: m.month,
            share: Ratio(m.share),
            benefit: Money(m.benefit),
            cost: Money(m.cost),
            net: Money(m.net),
            cumulative_benefit: Money(m.cumulative_benefit),
            cumulative_cost: Money(m.cumulative_cost),
            cumulative_net: Money(m.cumulative_net),
            roi: m.roi.map(Ratio),
            revenue_baseline: None,
            revenue_after: None,
            turned_away: None,
            repeat_visits: None,
        }
    }
}

impl JsonMonth {
    /// A month of model v2, with its revenues and the visits turned away.
    fn with_tables(m: &Month<Decimal>) -> Self {
        JsonMonth {
            revenue_baseline: Some(Money(m.revenue_baseline)),
            revenue_after: Some(Money(m.revenue_after)),
            turned_away: Some(Visits(m.turned_away)),
            ..JsonMonth::from(m)
        }
    }
}

impl From<&Year<Decimal>> for JsonYear {
    fn from(y: &Year<Decimal>) -> Self {
        JsonYear {
            year: y.year,
            first_month: y.first_month,
            last_month: y.last_month,
            benefit: Money(y.benefit),
            cost: Money(y.cost),
            net: Money(y.net),
            roi: y.roi.map(Ratio),
        }
    }
}

impl From<&crate::forecast::engine::Summary<Decimal>> for JsonSummary {
    fn from(s: &crate::forecast::engine::Summary<Decimal>) -> Self {
        JsonSummary {
            baseline_revenue: Money(s.baseline_revenue),
            after_revenue: Money(s.after_revenue),
            revenue_uplift: Money(s.revenue_uplift),
            extra_profit: Money(s.extra_profit),
            savings: Money(s.savings),
            monthly_benefit: Money(s.monthly_benefit),
            first_month_roi: s.first_month_roi.map(Ratio),
            roi: s.roi.map(Ratio),
            total_benefit: Money(s.total_benefit),
            total_cost: Money(s.total_cost),
            net: Money(s.net),
            payback_months: s.payback_months.map(Ratio),
            break_even_month: s.break_even_month,
            npv: Money(s.npv),
            turned_away: None,
            repeat_visits: None,
        }
    }
}

impl<'a> From<&'a Report> for JsonReport<'a> {
    fn from(report: &'a Report) -> Self {
        let scenario = &report.scenario;
        let i = &scenario.inputs;
        let p = &report.projection;
        let v2 = i.tables.is_v2();
        let retention = i.tables.repeat_visits.as_ref();
        JsonReport {
            version: SCHEMA_VERSION,
            scenario: JsonScenario {
                name: &scenario.name,
                currency: &scenario.currency,
                months: i.months,
                setup_cost: Exact(i.setup_cost),
                monthly_cost: Exact(i.monthly_cost),
                staff_hours: Exact(i.staff_hours),
                hourly_rate: Exact(i.hourly_rate),
                other_savings: Exact(i.other_savings),
                gross_margin: Exact(i.gross_margin),
                ramp_months: i.ramp_months,
                discount_rate: Exact(i.discount_rate),
                capacity: i.tables.capacity.map(Exact),
                seasonality: i.tables.seasons.map(|s| JsonSeasonality {
                    start_month: s.start_month,
                    leads: s.factors.map(Exact),
                }),
                cost_items: i
                    .tables
                    .items
                    .iter()
                    .map(|item| JsonCostItem {
                        name: crate::forecast::scenario::ItemId::from_tag(item.tag)
                            .name()
                            .to_string(),
                        setup: Exact(item.setup),
                        monthly: Exact(item.monthly),
                        from: item.from,
                        to: item.to,
                        yearly_increase: Exact(item.yearly_increase),
                    })
                    .collect(),
                retention: retention.map(|r| JsonRetention {
                    repeat_visits: r.iter().copied().map(Exact).collect(),
                }),
            },
            baseline: funnel(&i.baseline, &p.baseline),
            after: funnel(&i.after, &p.after),
            summary: JsonSummary {
                turned_away: i.tables.capacity.map(|_| Visits(p.summary.turned_away)),
                repeat_visits: retention.map(|_| Visits(p.summary.repeat_visits)),
                ..(&p.summary).into()
            },
            monthly: p
                .monthly
                .iter()
                .map(|m| JsonMonth {
                    repeat_visits: retention.map(|_| Visits(m.repeat_visits)),
                    ..if v2 {
                        JsonMonth::with_tables(m)
                    } else {
                        m.into()
                    }
                })
                .collect(),
            annual: p.annual.iter().map(Into::into).collect(),
        }
    }
}

/// The report as pretty-printed JSON with a trailing newline.
pub fn render(report: &Report) -> String {
    // Serialising plain structs of numbers and strings into a String cannot fail.
    let mut text = serde_json::to_string_pretty(&JsonReport::from(report))
        .expect("the JSON report serialises");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forecast::scenario::{Scenario, Source};

    #[test]
    fn cells_follow_the_json_summary_field_for_field() {
        let source = Source {
            name: "t.toml".into(),
            text: "[baseline]\nleads = 200\nconversion = 0.2\naverage_check = 1500\n\
                   [after]\nleads = \"+30%\"\n[costs]\nmonthly = 1000\n"
                .into(),
        };
        let report = Report::build(Scenario::parse(&source, "t").unwrap()).unwrap();
        let summary = JsonSummary::from(&report.projection.summary);
        let json: serde_json::Value = serde_json::to_value(&summary).unwrap();
        let object = json.as_object().unwrap();
        let cells = summary.cells();
        assert_eq!(object.len(), cells.len());
        for (name, cell) in cells {
            let text = match cell {
                Cell::Null => "null".to_string(),
                other => other.to_string(),
            };
            assert_eq!(object[name].to_string(), text, "{name}");
        }
    }
}
