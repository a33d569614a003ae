//! The model against figures worked by hand: the article's salon, ramps, payback and overflow.
use super::*;
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn salon() -> Inputs<Decimal> {
    Inputs {
        months: 12,
        baseline: Funnel {
            leads: d("200"),
            conversion: d("0.20"),
            average_check: d("1500"),
            no_show_rate: d("0"),
        },
        after: Funnel {
            leads: d("260"),
            conversion: d("0.25"),
            average_check: d("1500"),
            no_show_rate: d("0"),
        },
        setup_cost: d("25000"),
        monthly_cost: d("10000"),
        staff_hours: d("0"),
        hourly_rate: d("0"),
        other_savings: d("0"),
        gross_margin: d("1"),
        ramp_months: 0,
        discount_rate: d("0"),
        tables: Tables::default(),
    }
}

#[test]
fn reproduces_the_article_salon() {
    let p = project(&salon()).unwrap();
    let s = p.summary;
    assert_eq!(p.baseline.bookings, d("40"));
    assert_eq!(p.after.bookings, d("65"));
    assert_eq!(s.baseline_revenue, d("60000"));
    assert_eq!(s.after_revenue, d("97500"));
    assert_eq!(s.revenue_uplift, d("37500"));
    // (37 500 − 35 000) / 35 000 = 1/14
    assert_eq!(s.first_month_roi.unwrap().round_dp(6), d("0.071429"));
    assert_eq!(s.total_benefit, d("450000"));
    assert_eq!(s.total_cost, d("145000"));
    assert_eq!(s.net, d("305000"));
    // 305 000 / 145 000 = 61/29
    assert_eq!(s.roi.unwrap().round_dp(6), d("2.103448"));
    // 25 000 owed, 27 500 net flow in month 1: 10/11 of a month.
    assert_eq!(s.payback_months.unwrap().round_dp(6), d("0.909091"));
    assert_eq!(s.break_even_month, Some(1));
    assert_eq!(s.npv, s.net);
    assert_eq!(p.monthly.len(), 12);
    assert_eq!(p.monthly[1].cost, d("10000"));
    assert_eq!(p.monthly[11].cumulative_net, d("305000"));
    assert_eq!(p.annual.len(), 1);
    assert_eq!(p.annual[0].benefit, d("450000"));
    assert_eq!(p.annual[0].roi, s.roi);
}

#[test]
fn ramp_no_shows_margin_and_savings_by_hand() {
    let mut i = salon();
    i.months = 3;
    i.ramp_months = 1;
    i.baseline.no_show_rate = d("0.10");
    i.after.no_show_rate = d("0.05");
    i.gross_margin = d("0.5");
    i.staff_hours = d("10");
    i.hourly_rate = d("400");
    i.other_savings = d("1000");
    let p = project(&i).unwrap();
    // baseline 40 bookings, 36 visits, 54 000; after 65 bookings, 61.75 visits, 92 625.
    assert_eq!(p.summary.baseline_revenue, d("54000"));
    assert_eq!(p.summary.after_revenue, d("92625"));
    // (92 625 − 54 000) × 0.5 + 10 × 400 + 1 000 = 19 312.5 + 5 000
    assert_eq!(p.summary.monthly_benefit, d("24312.5"));
    // Month 1 runs at 1/2 of the effect, months 2 and 3 at full.
    assert_eq!(p.monthly[0].benefit, d("12156.25"));
    assert_eq!(p.monthly[1].benefit, d("24312.5"));
    assert_eq!(p.summary.total_benefit, d("60781.25"));
    assert_eq!(p.summary.total_cost, d("55000"));
    // cash: −25 000 + 2 156.25 = −22 843.75; + 14 312.5 = −8 531.25; + 14 312.5 ≥ 0
    // payback = 2 + 8 531.25 / 14 312.5
    let expected = d("2") + d("8531.25") / d("14312.5");
    assert_eq!(p.summary.payback_months, Some(expected));
    // cumulative: 12 156.25 vs 35 000; 36 468.75 vs 45 000; 60 781.25 vs 55 000
    assert_eq!(p.summary.break_even_month, Some(3));
}

#[test]
fn npv_discounts_monthly_flows() {
    let mut i = salon();
    i.months = 2;
    i.discount_rate = d("0.12");
    let s = summarize(&i).unwrap();
    // −25 000 + 27 500 / 1.01 + 27 500 / 1.0201
    let expected = d("-25000") + d("27500") / d("1.01") + d("27500") / d("1.0201");
    assert!((s.npv - expected).abs() < d("0.0000000001"), "{}", s.npv);
}

#[test]
fn undefined_where_nothing_is_spent_or_paid_back() {
    let mut i = salon();
    i.setup_cost = d("0");
    i.monthly_cost = d("0");
    let s = summarize(&i).unwrap();
    assert_eq!(s.roi, None);
    assert_eq!(s.first_month_roi, None);
    assert_eq!(s.payback_months, Some(d("0")));

    let mut i = salon();
    i.after = i.baseline;
    let s = summarize(&i).unwrap();
    assert_eq!(s.payback_months, None);
    assert_eq!(s.break_even_month, None);
    assert_eq!(s.roi, Some(d("-1")));
}

#[test]
fn a_loss_then_a_gain_pays_back_later() {
    // No setup, but month 1 loses money during the ramp.
    let mut i = salon();
    i.setup_cost = d("0");
    i.monthly_cost = d("20000");
    i.ramp_months = 2;
    let s = summarize(&i).unwrap();
    // flows: 12 500 − 20 000 = −7 500; 25 000 − 20 000 = 5 000; 17 500
    // cash: −7 500, −2 500, 15 000 → 2 + 2 500 / 17 500
    assert_eq!(s.payback_months, Some(d("2") + d("2500") / d("17500")));
}

#[test]
fn overflow_is_an_error_not_a_panic() {
    let mut i = salon();
    i.after.leads = Decimal::MAX;
    i.after.conversion = d("1");
    assert!(matches!(project(&i), Err(Overflow { .. })));
}

#[test]
fn partial_years_end_at_the_horizon() {
    let mut i = salon();
    i.months = 18;
    let p = project(&i).unwrap();
    assert_eq!(p.annual.len(), 2);
    assert_eq!((p.annual[1].first_month, p.annual[1].last_month), (13, 18));
    assert_eq!(p.annual[1].benefit, d("225000"));
    assert_eq!(p.annual[1].cost, d("60000"));
    assert_eq!(p.annual[1].roi, p.summary.roi);
}

#[test]
fn f64_runs_the_same_model() {
    let i = salon();
    let f = Inputs {
        months: 12,
        baseline: Funnel {
            leads: 200.0,
            conversion: 0.2,
            average_check: 1500.0,
            no_show_rate: 0.0,
        },
        after: Funnel {
            leads: 260.0,
            conversion: 0.25,
            average_check: 1500.0,
            no_show_rate: 0.0,
        },
        setup_cost: 25000.0,
        monthly_cost: 10000.0,
        staff_hours: 0.0,
        hourly_rate: 0.0,
        other_savings: 0.0,
        gross_margin: 1.0,
        ramp_months: i.ramp_months,
        discount_rate: 0.0,
        tables: Tables::default(),
    };
    let s = summarize(&f).unwrap();
    assert!((s.roi.unwrap() - 61.0 / 29.0).abs() < 1e-12);
}

#[test]
fn a_checked_result_stays_small() {
    // Every checked step returns this; a boxed error keeps it at a decimal
    // and a pointer, where the unboxed details made it 64 bytes.
    assert!(std::mem::size_of::<Result<Decimal, Overflow>>() <= 24);
}
