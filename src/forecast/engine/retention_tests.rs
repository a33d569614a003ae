//! Repeat visits against figures worked by hand: the article's salon with
//! `repeat_visits = [0.5, 0.3, 0.2]`, with a ramp, under a cap, losing
//! clients, and a `[retention]` of zeros that must change nothing.
use super::super::{Funnel, Inputs, Projection, Tables, project};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// The article's salon: 40 visits a month before, 65 after, at 1 500 ₽.
fn salon(curve: &[&str]) -> Inputs<Decimal> {
    let funnel = |leads: &str, conversion: &str| Funnel {
        leads: d(leads),
        conversion: d(conversion),
        average_check: d("1500"),
        no_show_rate: Decimal::ZERO,
    };
    Inputs {
        months: 12,
        baseline: funnel("200", "0.2"),
        after: funnel("260", "0.25"),
        setup_cost: d("25000"),
        monthly_cost: d("10000"),
        staff_hours: Decimal::ZERO,
        hourly_rate: Decimal::ZERO,
        other_savings: Decimal::ZERO,
        gross_margin: Decimal::ONE,
        ramp_months: 0,
        discount_rate: Decimal::ZERO,
        tables: Tables {
            repeat_visits: Some(curve.iter().map(|r| d(r)).collect()),
            ..Tables::default()
        },
    }
}

fn repeats(p: &Projection<Decimal>) -> Vec<Decimal> {
    p.monthly.iter().map(|m| m.repeat_visits).collect()
}

/// Equal to far below a kopeck: ramp months divide by R + 1.
fn close(a: Decimal, b: Decimal) -> bool {
    (a - b).abs() < Decimal::new(1, 18)
}

#[test]
fn the_article_salon_gains_its_returning_clients() {
    // 25 new clients a month (65 − 40 visits). Month m gets
    // 0.5 × new(m−1) + 0.3 × new(m−2) + 0.2 × new(m−3):
    //   month 1: 0; month 2: 12.5; month 3: 12.5 + 7.5 = 20; months 4–12: 25.
    //   Over the year 12.5 + 20 + 9 × 25 = 257.5 = 25 × (0.5 + 0.8 + 1.0 × 9).
    // Each at 1 500 ₽ with a 100% margin: 386 250 ₽ more benefit, so
    // 450 000 + 386 250 = 836 250 ₽ against 145 000 ₽:
    // ROI (836 250 − 145 000) / 145 000 = 691 250 / 145 000 = 4.7672… = 476.7%.
    let p = project(&salon(&["0.5", "0.3", "0.2"])).unwrap();
    let mut want = vec![d("0"), d("12.5"), d("20")];
    want.extend([d("25"); 9]);
    assert_eq!(repeats(&p), want);
    let s = p.summary;
    assert_eq!(s.repeat_visits, d("257.5"));
    assert_eq!(s.total_benefit, d("836250"));
    assert_eq!(s.total_cost, d("145000"));
    assert_eq!(s.net, d("691250"));
    assert_eq!(s.roi, Some(d("691250") / d("145000")));
    assert_eq!(s.roi.unwrap().round_dp(3), d("4.767"));
    assert_eq!(p.monthly[1].benefit, d("37500") + d("18750"));
    // Month 1 has no one to come back yet: payback as without retention.
    assert_eq!(s.payback_months, Some(d("25000") / d("27500")));
    // The average month the summary describes stays the funnel's own.
    assert_eq!(s.monthly_benefit, d("37500"));
    assert_eq!(s.turned_away, Decimal::ZERO);
}

#[test]
fn a_ramp_month_brings_its_share_of_new_clients() {
    // Ramp of 2: months 1 and 2 bring 1/3 and 2/3 of the 25 extra visits.
    //   new: 25/3, 50/3, then 25 a month.
    //   month 2: 0.5 × 25/3 = 25/6
    //   month 3: 0.5 × 50/3 + 0.3 × 25/3 = 25/3 + 5/2 = 65/6
    //   month 4: 0.5 × 25 + 0.3 × 50/3 + 0.2 × 25/3 = 12.5 + 5 + 5/3 = 115/6
    //   month 5: 12.5 + 7.5 + 0.2 × 50/3 = 20 + 10/3 = 70/3; months 6–12: 25.
    // Repeat visits are whole clients' returns: the ramp is not applied twice.
    let mut i = salon(&["0.5", "0.3", "0.2"]);
    i.ramp_months = 2;
    let p = project(&i).unwrap();
    let six = Decimal::from(6);
    let want = [
        d("0"),
        d("25") / six,
        d("65") / six,
        d("115") / six,
        d("70") / d("3"),
        d("25"),
    ];
    for (got, want) in repeats(&p).iter().zip(want) {
        assert!(close(*got, want), "{got} vs {want}");
    }
    // 25/6 + 65/6 + 115/6 + 70/3 + 7 × 25 = 205/6 + 140/6 + 175 = 232.5
    assert!(close(p.summary.repeat_visits, d("232.5")));
    // Month 2's benefit: 2/3 of 37 500 plus 25/6 visits × 1 500 ₽.
    assert!(close(p.monthly[1].benefit, d("25000") + d("6250")));
}

#[test]
fn repeat_visits_take_only_the_room_the_month_leaves() {
    // Room for 70 visits: the month's own 65 come first, so 5 are left for
    // returning clients. Months 2–12 serve 5 each (55), and turn away
    // 7.5, 15, then 20 a month: 7.5 + 15 + 9 × 20 = 202.5.
    let mut i = salon(&["0.5", "0.3", "0.2"]);
    i.tables.capacity = Some(d("70"));
    let p = project(&i).unwrap();
    let mut want = vec![d("0")];
    want.extend([d("5"); 11]);
    assert_eq!(repeats(&p), want);
    assert_eq!(p.summary.repeat_visits, d("55"));
    assert_eq!(p.summary.turned_away, d("202.5"));
    assert_eq!(p.monthly[2].turned_away, d("15"));
    assert_eq!(p.summary.total_benefit, d("450000") + d("82500"));
    // A cap the month's own visits fill leaves no room at all.
    i.tables.capacity = Some(d("65"));
    let p = project(&i).unwrap();
    assert_eq!(p.summary.repeat_visits, Decimal::ZERO);
    assert_eq!(p.summary.total_benefit, d("450000"));
    assert_eq!(p.summary.turned_away, d("257.5"));
}

#[test]
fn lost_clients_take_their_returns_with_them() {
    // 260 leads at 15%: 39 visits against the baseline's 40, one client a
    // month fewer. Her returns are lost too: −0.5, −0.8, then −1 a month,
    // −10.3 over the year, each worth 1 500 ₽.
    let mut i = salon(&["0.5", "0.3", "0.2"]);
    i.after.conversion = d("0.15");
    let p = project(&i).unwrap();
    assert_eq!(p.monthly[1].repeat_visits, d("-0.5"));
    assert_eq!(p.summary.repeat_visits, d("-10.3"));
    assert_eq!(
        p.summary.total_benefit,
        d("-1500") * Decimal::from(12) - d("15450")
    );
}

#[test]
fn a_curve_longer_than_the_horizon_counts_only_the_months_within() {
    // Three months: only r_1 and r_2 meet a client within the horizon.
    let mut i = salon(&["1", "1", "1", "1"]);
    i.months = 3;
    let p = project(&i).unwrap();
    assert_eq!(repeats(&p), vec![d("0"), d("25"), d("50")]);
}

fn inputs() -> impl Strategy<Value = Inputs<Decimal>> {
    let cents = |max: i64| (0..=max * 100).prop_map(|n| Decimal::new(n, 2));
    let share = || (0..=1000i64).prop_map(|n| Decimal::new(n, 3));
    (
        (1u32..=36, cents(500), share(), cents(5000), share()),
        (cents(800), share(), cents(6000), share()),
        (cents(50_000), cents(20_000), cents(3000), share()),
        (0u32..=5, (0..=300i64).prop_map(|n| Decimal::new(n, 3))),
        (proptest::option::of(cents(600)), 0usize..=24),
    )
        .prop_map(
            |(
                (months, leads, conversion, check, no_show),
                (a_leads, a_conversion, a_check, a_no_show),
                (setup, monthly, other, margin),
                (ramp, discount),
                (capacity, length),
            )| {
                let funnel = |leads, conversion, average_check, no_show_rate| Funnel {
                    leads,
                    conversion,
                    average_check,
                    no_show_rate,
                };
                let mut i = Inputs {
                    months,
                    baseline: funnel(leads, conversion, check, no_show),
                    after: funnel(a_leads, a_conversion, a_check, a_no_show),
                    setup_cost: setup,
                    monthly_cost: monthly,
                    staff_hours: Decimal::ZERO,
                    hourly_rate: Decimal::ZERO,
                    other_savings: other,
                    gross_margin: margin,
                    ramp_months: ramp,
                    discount_rate: discount,
                    tables: Tables::default(),
                };
                // The baseline is what was served: a cap at least its visits.
                let visits = i.baseline.figures().unwrap().visits;
                i.tables.capacity = capacity.map(|c| c + visits);
                i.tables.repeat_visits = Some(vec![Decimal::ZERO; length]);
                i
            },
        )
}

proptest! {
    /// A `[retention]` of zeros (or of no months) is no `[retention]`: the
    /// same projection to the digit, with or without a cap.
    #[test]
    fn a_retention_of_zeros_changes_nothing(with in inputs()) {
        let mut without = with.clone();
        without.tables.repeat_visits = None;
        let (a, b) = (project(&with), project(&without));
        prop_assert_eq!(format!("{a:?}"), format!("{b:?}"));
    }
}
