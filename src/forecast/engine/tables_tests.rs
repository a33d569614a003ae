//! The month-by-month pass against the closed-form one: on a scenario without
//! tables both must tell the same story, payback and NPV included.
use super::super::{Benefit, Funnel, Inputs, Schedule, run as closed_form};
use super::*;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn inputs() -> impl Strategy<Value = Inputs<Decimal>> {
    let cents = |max: i64| (0..=max * 100).prop_map(|n| Decimal::new(n, 2));
    let share = || (0..=1000i64).prop_map(|n| Decimal::new(n, 3));
    (
        (1u32..=36, cents(500), share(), cents(5000), share()),
        (cents(800), share(), cents(6000), share()),
        (
            cents(50_000),
            cents(20_000),
            cents(30),
            cents(1000),
            cents(5000),
        ),
        (
            share(),
            0u32..=5,
            (0..=300i64).prop_map(|n| Decimal::new(n, 3)),
        ),
    )
        .prop_map(
            |(
                (months, leads, conversion, check, no_show),
                (a_leads, a_conversion, a_check, a_no_show),
                (setup, monthly, hours, rate, other),
                (margin, ramp, discount),
            )| Inputs {
                months,
                baseline: Funnel {
                    leads,
                    conversion,
                    average_check: check,
                    no_show_rate: no_show,
                },
                after: Funnel {
                    leads: a_leads,
                    conversion: a_conversion,
                    average_check: a_check,
                    no_show_rate: a_no_show,
                },
                setup_cost: setup,
                monthly_cost: monthly,
                staff_hours: hours,
                hourly_rate: rate,
                other_savings: other,
                gross_margin: margin,
                ramp_months: ramp,
                discount_rate: discount,
                tables: Tables::default(),
            },
        )
}

/// Equal to far below a kopeck: the two passes add in different orders.
fn close(a: Decimal, b: Decimal) -> bool {
    (a - b).abs() < Decimal::new(1, 12)
}

proptest! {
    #[test]
    fn without_tables_the_months_tell_the_closed_form_story(i in inputs()) {
        let mut by_month = Vec::new();
        let v2 = run(&i, true, |m| { by_month.push(m); Ok(()) }).unwrap();
        let mut closed = Vec::new();
        let v1 = closed_form(&i, &Schedule::new(&i).unwrap(), &Benefit::new(&i).unwrap(), true, |m| { closed.push(m); Ok(()) }).unwrap();
        let (a, b) = (v2.summary, v1.summary);
        prop_assert_eq!(a.monthly_benefit, b.monthly_benefit);
        prop_assert!(close(a.total_benefit, b.total_benefit));
        prop_assert_eq!(a.total_cost, b.total_cost);
        prop_assert!(close(a.npv, b.npv), "{} vs {}", a.npv, b.npv);
        prop_assert_eq!(a.break_even_month, b.break_even_month);
        match (a.payback_months, b.payback_months) {
            (Some(x), Some(y)) => prop_assert!(close(x, y), "{} vs {}", x, y),
            (x, y) => prop_assert_eq!(x, y),
        }
        prop_assert_eq!(a.turned_away, Decimal::ZERO);
        for (x, y) in by_month.iter().zip(&closed) {
            prop_assert!(close(x.cumulative_net, y.cumulative_net));
            prop_assert_eq!(x.revenue_after, y.revenue_after);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// The summary pass skips the months it can settle without (once paid
    /// back and broken even, or once short with a flow that cannot grow);
    /// the detailed pass computes every one. Their summaries must agree digit
    /// for digit, scale included (Debug prints a decimal's trailing zeros).
    #[test]
    fn the_summary_pass_skips_only_months_that_cannot_change_it(i in inputs()) {
        let (schedule, benefit) = (Schedule::new(&i).unwrap(), Benefit::new(&i).unwrap());
        let quick = closed_form(&i, &schedule, &benefit, false, |_| Ok(())).unwrap().summary;
        let full = closed_form(&i, &schedule, &benefit, true, |_| Ok(())).unwrap().summary;
        prop_assert_eq!(format!("{quick:?}"), format!("{full:?}"));
    }
}

#[test]
fn a_later_setup_takes_cash_below_zero_again() {
    // No benefit beyond 1 000 ₽ a month of savings; a 500 ₽ setup in month 1
    // and a 2 000 ₽ setup in month 4. Cash: −500 → 500 (crossing at 0.5),
    // 1 500, 2 500, then −2 000 + 2 500 = 500 at the start of month 4 … no dip.
    // With a 3 000 ₽ setup instead: 2 500 − 3 000 = −500 at the start of
    // month 4, back to 0 half-way through it: payback 3.5 months.
    let one = Decimal::ONE;
    let mut i = Inputs {
        months: 6,
        baseline: Funnel {
            leads: Decimal::ZERO,
            conversion: Decimal::ZERO,
            average_check: Decimal::ZERO,
            no_show_rate: Decimal::ZERO,
        },
        after: Funnel {
            leads: Decimal::ZERO,
            conversion: Decimal::ZERO,
            average_check: Decimal::ZERO,
            no_show_rate: Decimal::ZERO,
        },
        setup_cost: Decimal::from(500),
        monthly_cost: Decimal::ZERO,
        staff_hours: Decimal::ZERO,
        hourly_rate: Decimal::ZERO,
        other_savings: Decimal::from(1000),
        gross_margin: one,
        ramp_months: 0,
        discount_rate: Decimal::ZERO,
        tables: Tables::default(),
    };
    let line = |setup: i64| CostItem {
        tag: 0,
        setup: Decimal::from(setup),
        monthly: Decimal::ZERO,
        from: 4,
        to: 6,
        yearly_increase: Decimal::ZERO,
    };
    i.tables.items = vec![line(2000)];
    let s = run(&i, false, |_| Ok(())).unwrap().summary;
    assert_eq!(s.payback_months, Some(Decimal::new(5, 1)));
    i.tables.items = vec![line(3000)];
    let s = run(&i, false, |_| Ok(())).unwrap().summary;
    assert_eq!(s.payback_months, Some(Decimal::new(35, 1)));
    // 6 000 of savings against 3 500 of setups.
    assert_eq!(s.net, Decimal::from(2500));
    assert_eq!(s.break_even_month, Some(1));
}

#[test]
fn f64_runs_the_same_monthly_model() {
    // A capped, seasonal salon with a rising cost line, repeat visits, ramp and discounting:
    // the simulation's f64 pass must tell the exact pass's story.
    let d = |s: &str| s.parse::<Decimal>().unwrap();
    let funnel = |leads: &str, conversion: &str| Funnel {
        leads: d(leads),
        conversion: d(conversion),
        average_check: d("1500"),
        no_show_rate: d("0.1"),
    };
    let mut factors = [Decimal::ONE; 12];
    factors[0] = d("1.4");
    factors[6] = d("0.5");
    let exact = Inputs {
        months: 30,
        baseline: funnel("200", "0.2"),
        after: funnel("260", "0.25"),
        setup_cost: d("25000"),
        monthly_cost: d("10000"),
        staff_hours: d("8"),
        hourly_rate: d("400"),
        other_savings: Decimal::ZERO,
        gross_margin: d("0.7"),
        ramp_months: 2,
        discount_rate: d("0.16"),
        tables: Tables {
            capacity: Some(d("55")),
            seasons: Some(Seasons {
                start_month: 11,
                factors,
            }),
            items: vec![CostItem {
                tag: 0,
                setup: d("5000"),
                monthly: d("2000"),
                from: 3,
                to: 30,
                yearly_increase: d("0.1"),
            }],
            repeat_visits: Some(vec![d("0.4"), d("0.2"), d("0.1")]),
        },
    };
    let approx = exact.map(|x| x.to_string().parse::<f64>().unwrap());
    let a = run(&exact, false, |_| Ok(())).unwrap().summary;
    let b = run(&approx, false, |_| Ok(())).unwrap().summary;
    let near = |x: Decimal, y: f64| (x.to_string().parse::<f64>().unwrap() - y).abs() < 1e-6;
    assert!(near(a.npv, b.npv), "{} vs {}", a.npv, b.npv);
    assert!(near(a.net, b.net));
    assert!(near(a.roi.unwrap(), b.roi.unwrap()));
    assert!(near(a.payback_months.unwrap(), b.payback_months.unwrap()));
    assert!(near(a.turned_away, b.turned_away));
    assert!(near(a.repeat_visits, b.repeat_visits));
    assert!(a.turned_away > Decimal::ZERO, "the cap binds somewhere");
    assert!(a.repeat_visits > Decimal::ZERO, "some clients come back");
}
