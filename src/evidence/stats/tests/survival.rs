//! The Kaplan–Meier curve against lifelines and R's survival.
//!
//! The references come from `python3 tests/reference/survival.py`
//! (lifelines 0.30.3: `KaplanMeierFitter(alpha=0.05).fit(days, events)`,
//! `survival_function_at_times(day)` and `confidence_interval_`) and
//! `Rscript tests/reference/survival.R` (survival 3.5.3:
//! `summary(survfit(Surv(d, e) ~ 1, conf.type = "log-log"), times = …)`,
//! whose `std.err` is Greenwood's). The two agree to 1e-12.

use super::*;
use proptest::prelude::*;

const A_DAYS: [u32; 16] = [
    5, 12, 12, 20, 20, 28, 35, 35, 41, 60, 60, 75, 90, 90, 120, 150,
];
const A_EVENT: [u8; 16] = [1, 1, 1, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 0, 1, 0];
const B_DAYS: [u32; 14] = [7, 14, 30, 30, 45, 45, 45, 60, 80, 100, 130, 160, 160, 200];
const B_EVENT: [u8; 14] = [1, 0, 1, 1, 1, 0, 0, 1, 0, 1, 1, 0, 0, 0];

fn group(days: &[u32], events: &[u8]) -> Curve {
    let subjects: Vec<Subject> = days
        .iter()
        .zip(events)
        .map(|(&days, &e)| Subject {
            days,
            event: e == 1,
        })
        .collect();
    kaplan_meier(&subjects)
}

#[track_caller]
fn close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() < 1e-10,
        "{actual} against {expected}"
    );
}

/// (day, returned, se, low, high) from survival.R; the same returned and
/// interval from survival.py.
const A: [(u32, f64, f64, f64, f64); 7] = [
    (
        5,
        0.062500000000,
        0.060515364784,
        0.009046858255,
        0.367654558261,
    ),
    (
        12,
        0.187500000000,
        0.097578093725,
        0.064647742034,
        0.475395689173,
    ),
    (
        20,
        0.250000000000,
        0.108253175473,
        0.102020090284,
        0.536569957342,
    ),
    (
        30,
        0.318181818182,
        0.117945169933,
        0.146172086045,
        0.604744689919,
    ),
    (
        60,
        0.616477272727,
        0.130643037668,
        0.379668619395,
        0.853896982167,
    ),
    (
        90,
        0.712357954545,
        0.128434246643,
        0.460612186356,
        0.919143756023,
    ),
    (
        149,
        0.856178977273,
        0.120275027403,
        0.565165043491,
        0.989061648255,
    ),
];
const B: [(u32, f64, f64, f64, f64); 6] = [
    (
        12,
        0.071428571429,
        0.068830293690,
        0.010380176863,
        0.409233132573,
    ),
    (
        20,
        0.071428571429,
        0.068830293690,
        0.010380176863,
        0.409233132573,
    ),
    (
        30,
        0.226190476190,
        0.115194152620,
        0.078902518301,
        0.550696070250,
    ),
    (
        60,
        0.403061224490,
        0.142619413817,
        0.187936316200,
        0.721600378411,
    ),
    (
        90,
        0.403061224490,
        0.142619413817,
        0.187936316200,
        0.721600378411,
    ),
    (
        149,
        0.641836734694,
        0.156290211700,
        0.360068936842,
        0.905739834305,
    ),
];

#[test]
fn returns_standard_errors_and_intervals_match_the_references() {
    for (curve, rows) in [
        (group(&A_DAYS, &A_EVENT), &A[..]),
        (group(&B_DAYS, &B_EVENT), &B[..]),
    ] {
        for &(day, returned, se, low, high) in rows {
            close(curve.returned_by(day).unwrap(), returned);
            close(curve.standard_error(day).unwrap(), se);
            let (l, h) = curve.returned_interval(day, 0.95).unwrap();
            close(l, low);
            close(h, high);
        }
    }
}

#[test]
fn the_difference_by_day_60_matches_r() {
    // survival.R: d = (1 − S_A) − (1 − S_B) at 60, MOVER from the two log-log intervals
    let d = returned_difference(
        &group(&A_DAYS, &A_EVENT),
        &group(&B_DAYS, &B_EVENT),
        60,
        0.95,
    )
    .unwrap();
    close(d.estimate, 0.213416048237);
    close(d.low, -0.183504007786);
    close(d.high, 0.533801510762);
}

#[test]
fn a_channel_with_no_one_back_yet_is_compared_by_wilson() {
    // By day 5 none of group B's 14 (all followed) is back: its interval is
    // Wilson's for 0 of 14, survival.R's prop.test(0, 14, correct = FALSE)
    // and statsmodels' proportion_confint(0, 14, method="wilson") → 0.215310802737636.
    let d = returned_difference(
        &group(&A_DAYS, &A_EVENT),
        &group(&B_DAYS, &B_EVENT),
        5,
        0.95,
    )
    .unwrap();
    let (a, a_low, a_high) = (0.0625, 0.009046858255, 0.367654558261);
    close(d.estimate, a);
    close(d.low, a - (a - a_low).hypot(0.215310802737636));
    close(d.high, a + (a_high - a));
}

#[test]
fn before_the_first_return_nothing_is_back_and_no_interval_is_claimed() {
    let b = group(&B_DAYS, &B_EVENT);
    // survival.py: group B at days 0, 4 and 5 returned 0 with a 0…0 interval
    // from lifelines; a 0…0 range would claim certainty, so it is None here.
    assert_eq!(b.returned_by(5), Some(0.0));
    assert_eq!(b.standard_error(5), Some(0.0));
    assert_eq!(b.returned_interval(5, 0.95), None);
}

#[test]
fn past_the_longest_follow_up_the_curve_says_nothing() {
    let a = group(&A_DAYS, &A_EVENT);
    assert_eq!(a.follow_up(), Some(150));
    assert!(a.returned_by(150).is_some());
    assert_eq!(a.returned_by(151), None);
    assert_eq!(
        returned_difference(&a, &group(&B_DAYS, &B_EVENT), 151, 0.95),
        None
    );
    assert_eq!(kaplan_meier(&[]).returned_by(0), None);
}

#[test]
fn censoring_on_a_return_day_counts_at_risk_that_day() {
    // Day 20 of group A: 13 at risk (16 − 3 gone by day 12), one return, one censored.
    let a = group(&A_DAYS, &A_EVENT);
    let step = a.steps().iter().find(|s| s.day == 20).unwrap();
    assert_eq!((step.at_risk, step.events, step.censored), (13, 1, 1));
    close(step.survival, 13.0 / 16.0 * 12.0 / 13.0);
}

#[test]
fn when_everyone_returns_the_curve_reaches_one_with_no_spread() {
    let all: Vec<Subject> = [3, 9, 9, 30]
        .map(|days| Subject { days, event: true })
        .to_vec();
    let c = kaplan_meier(&all);
    assert_eq!(c.returned_by(30), Some(1.0));
    assert_eq!(c.standard_error(30), Some(0.0));
    assert_eq!(c.returned_interval(30, 0.95), None);
    close(c.returned_by(9).unwrap(), 0.75);
    // Everyone is back by day 30, so by any later day too.
    assert_eq!(c.returned_by(400), Some(1.0));
    assert_eq!(c.longest_censored(), None);
    assert_eq!(group(&A_DAYS, &A_EVENT).longest_censored(), Some(150));
    // The last client at risk returning takes the estimate to zero, but with
    // someone censored before that nothing is known past the follow-up.
    let mixed = kaplan_meier(&[
        Subject {
            days: 5,
            event: false,
        },
        Subject {
            days: 20,
            event: true,
        },
    ]);
    assert_eq!(mixed.returned_by(20), Some(1.0));
    assert_eq!(mixed.returned_by(21), None);
}

proptest! {
    /// Without censoring the curve is the empirical share back by each day,
    /// and with it the share never falls as days pass.
    #[test]
    fn the_curve_is_an_empirical_share_and_never_falls(
        subjects in proptest::collection::vec((0u32..400, any::<bool>()), 1..60),
    ) {
        let all: Vec<Subject> = subjects.iter().map(|&(days, event)| Subject { days, event }).collect();
        let curve = kaplan_meier(&all);
        let follow = curve.follow_up().unwrap();
        let mut last = 0.0;
        for day in 0..=follow {
            let r = curve.returned_by(day).unwrap();
            prop_assert!((0.0..=1.0).contains(&r) && r >= last - 1e-12);
            last = r;
            if let Some((l, h)) = curve.returned_interval(day, 0.95) {
                prop_assert!(l <= r + 1e-12 && r <= h + 1e-12 && 0.0 <= l && h <= 1.0);
            }
        }
        let uncensored: Vec<Subject> = all.iter().map(|s| Subject { event: true, ..*s }).collect();
        let plain = kaplan_meier(&uncensored);
        for day in 0..=follow {
            let share = all.iter().filter(|s| s.days <= day).count() as f64 / all.len() as f64;
            prop_assert!((plain.returned_by(day).unwrap() - share).abs() < 1e-9);
        }
    }
}
