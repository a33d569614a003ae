//! The randomisation test against an independent enumeration:
//! `python3 tests/reference/switchback.py` enumerates every assignment of
//! each design with itertools and decides "at least as extreme" in exact
//! fractions, so the counts below must match exactly; the quasi-Poisson
//! interval is statsmodels' GLM with a dummy for each stratum.

use super::*;
use crate::evidence::stats::randomisation::{
    self as r, Assignments, Day, Design, MAX_ENUMERATED, inverted_interval, p_at, pair_sums,
};

/// Days for a day-level design: unit = day, pairs (14b + w, 14b + 7 + w),
/// stratum = pair; as the reference builds them.
fn day_design(days: usize, values: &[f64]) -> (Vec<Day>, Vec<(usize, usize)>) {
    let pairs: Vec<(usize, usize)> = (0..days / 14)
        .flat_map(|b| (0..7).map(move |w| (14 * b + w, 14 * b + 7 + w)))
        .collect();
    let mut stratum = vec![0; days];
    for (p, &(a, b)) in pairs.iter().enumerate() {
        stratum[a] = p;
        stratum[b] = p;
    }
    let d = (0..days)
        .map(|i| Day {
            unit: i,
            stratum: stratum[i],
            value: values[i],
        })
        .collect();
    (d, pairs)
}

/// Days for a week-level design: unit = week, pairs (2b, 2b + 1), stratum (pair, weekday).
fn week_design(weeks: usize, values: &[f64]) -> (Vec<Day>, Vec<(usize, usize)>) {
    let pairs = (0..weeks / 2).map(|b| (2 * b, 2 * b + 1)).collect();
    let d = (0..7 * weeks)
        .map(|i| Day {
            unit: i / 7,
            stratum: (i / 14) * 7 + i % 7,
            value: values[i],
        })
        .collect();
    (d, pairs)
}

fn f(v: &[u32]) -> Vec<f64> {
    v.iter().map(|&x| f64::from(x)).collect()
}

const V0: [u32; 28] = [
    27, 14, 29, 19, 20, 25, 22, 21, 30, 18, 18, 24, 25, 16, 18, 14, 17, 20, 25, 24, 14, 19, 21, 19,
    19, 25, 26, 17,
];
const W0: u64 = 0b10110011100101;

#[track_caller]
fn check(
    days: &[Day],
    pairs: &[(usize, usize)],
    units: usize,
    washout: u32,
    word: u64,
    want: (f64, f64, u64, u64),
) {
    let values: Vec<f64> = days.iter().map(|d| d.value).collect();
    let design = Design {
        days,
        pairs,
        washout,
        units,
    };
    let all = design.assignments(1);
    assert!(all.enumerated);
    let t = r::test(&design, word, &values, &all);
    assert_eq!((t.sums.on, t.sums.off, t.extreme, t.counted), want);
    assert_eq!(t.p_value, want.2 as f64 / want.3 as f64);
}

#[test]
fn day_level_p_values_equal_the_enumeration() {
    let (days, pairs) = day_design(28, &f(&V0));
    // days 28, washout 0: on = 318, off = 268, extreme = 328 of 16384, p = 0.02001953125
    check(&days, &pairs, 28, 0, W0, (318.0, 268.0, 328, 16384));
    // days 28, washout 1: on = 90, off = 78, extreme = 2551 of 16384, p = 0.15570068359375
    check(&days, &pairs, 28, 1, W0, (90.0, 78.0, 2551, 16384));
}

#[test]
fn week_level_p_values_equal_the_enumeration() {
    let v8 = [
        9, 18, 14, 15, 15, 23, 6, 10, 16, 12, 11, 21, 19, 7, 12, 17, 17, 14, 20, 19, 6, 11, 14, 15,
        16, 17, 25, 12, 14, 18, 14, 14, 16, 22, 6, 15, 19, 16, 17, 16, 19, 10, 11, 16, 18, 14, 18,
        24, 9, 13, 15, 13, 15, 18, 20, 12,
    ];
    let (days, pairs) = week_design(8, &f(&v8));
    // weeks 8, washout 1: on = 362, off = 386, extreme = 2 of 16, p = 0.125
    check(&days, &pairs, 8, 1, 0b110, (362.0, 386.0, 2, 16));
    let v12 = [
        4, 12, 6, 9, 13, 12, 7, 5, 9, 6, 6, 7, 14, 5, 10, 6, 9, 10, 12, 13, 4, 4, 7, 7, 10, 12, 15,
        3, 10, 11, 8, 9, 8, 11, 6, 6, 8, 7, 8, 7, 9, 2, 7, 10, 8, 6, 7, 15, 3, 8, 6, 6, 6, 7, 15,
        6, 8, 6, 11, 7, 7, 9, 6, 4, 8, 5, 6, 9, 10, 8, 5, 8, 11, 10, 8, 12, 8, 8, 10, 6, 10, 9, 14,
        2,
    ];
    let (days, pairs) = week_design(12, &f(&v12));
    // weeks 12, washout 0: on = 352, off = 330, extreme = 24 of 64, p = 0.375
    check(&days, &pairs, 12, 0, 0b101101, (352.0, 330.0, 24, 64));
}

#[test]
fn the_quasi_poisson_interval_matches_the_glm() {
    let (days, pairs) = day_design(28, &f(&V0));
    let values = f(&V0);
    let design = Design {
        days: &days,
        pairs: &pairs,
        washout: 0,
        units: 28,
    };
    let s = design.sums(W0, &values);
    let q = r::quasi_poisson(&s, 0.05).unwrap();
    // GLM(Poisson, stratum dummies).fit(scale='X2'), t(df_resid), max(1, scale):
    // pearson = 0.631410026435739, df = 13, se = 0.08292163391800852,
    // low = 0.991955633898743, high = 1.4193594824139373
    close(q.pearson, 0.631410026435739, 1e-9);
    assert_eq!(q.df, 13);
    close(q.se, 0.08292163391800852, 1e-9);
    close(q.low, 0.991955633898743, 1e-8);
    close(q.high, 1.4193594824139373, 1e-8);
}

#[test]
fn the_inverted_interval_is_where_the_test_starts_to_reject() {
    let (days, pairs) = day_design(28, &f(&V0));
    let values = f(&V0);
    let design = Design {
        days: &days,
        pairs: &pairs,
        washout: 0,
        units: 28,
    };
    let all = design.assignments(1);
    let t = r::test(&design, W0, &values, &all);
    assert!(t.fixed_strata);
    let (low, high) = inverted_interval(&design, W0, &values, &all, &t, 0.05).unwrap();
    let ratio = t.ratio.unwrap();
    assert!(low < ratio && ratio < high);
    // p = 0.02 at no change: 1 lies outside, as the test says.
    assert!(low > 1.0, "{low}");
    let ps = pair_sums(&design, &t.sums.used, &values);
    let p = |x: f64| p_at(&ps, W0, &all, x.ln());
    assert!(p(low * 1.0002) > 0.05 && p(low / 1.0002) <= 0.05);
    assert!(p(high / 1.0002) > 0.05 && p(high * 1.0002) <= 0.05);
    assert!((p(1.0) - t.p_value).abs() < 1e-15);
}

#[test]
fn a_washout_that_moves_with_the_assignment_leaves_only_the_quasi_poisson_interval() {
    let (days, pairs) = day_design(28, &f(&V0));
    let values = f(&V0);
    let design = Design {
        days: &days,
        pairs: &pairs,
        washout: 1,
        units: 28,
    };
    let all = design.assignments(1);
    let t = r::test(&design, W0, &values, &all);
    assert!(!t.fixed_strata);
    assert_eq!(
        inverted_interval(&design, W0, &values, &all, &t, 0.05),
        None
    );
    // A week-level design keeps the same strata whatever the assignment:
    // the second week of a pair always starts with a switch.
    let v: Vec<f64> = (0..56).map(|i| f64::from(10 + i % 7)).collect();
    let (days, pairs) = week_design(8, &v);
    let design = Design {
        days: &days,
        pairs: &pairs,
        washout: 1,
        units: 8,
    };
    let all = design.assignments(1);
    assert!(r::test(&design, 0b0110, &v, &all).fixed_strata);
}

#[test]
fn large_designs_draw_with_the_seed() {
    let v: Vec<f64> = (0..56).map(|i| f64::from(10 + i % 5)).collect();
    let (days, pairs) = day_design(56, &v);
    let design = Design {
        days: &days,
        pairs: &pairs,
        washout: 0,
        units: 56,
    };
    let a: Assignments = design.assignments(42);
    assert!(!a.enumerated);
    assert_eq!(a.words.len() as u64, MAX_ENUMERATED);
    assert_eq!(a.possible, 1u128 << 28);
    assert_eq!(a, design.assignments(42));
    assert_ne!(a.words, design.assignments(43).words);
    let t = r::test(&design, 5, &v, &a);
    assert!(t.p_value > 0.0 && t.p_value <= 1.0);
}

#[test]
fn power_and_the_detectable_rise_agree() {
    // 10 leads a day, 28 days in 14 pairs, Poisson: +30% is seen with
    // stats.norm.cdf(log(1.3)/sqrt(1/182 + 1/140) - stats.t.ppf(0.975, 13))
    // = 0.5688708827014449.
    let p = r::power(1.0, 10.0, 28.0, 0.3, 0.0001);
    close(p, 0.5688708827014449, 1e-8);
    let d = r::detectable(1.0, 10.0, 28.0, 0.0001).unwrap();
    assert!((r::power(1.0, 10.0, 28.0, d, 0.0001) - 0.8).abs() < 1e-9);
    // A design whose smallest p-value is above 5% sees nothing.
    assert_eq!(r::power(1.0, 10.0, 56.0, 0.5, 0.125), 0.0);
    assert_eq!(r::detectable(1.0, 10.0, 56.0, 0.125), None);
    assert_eq!(
        r::paired_dispersion(&[(10.0, 10.0), (4.0, 16.0)]),
        Some(3.6)
    );
}
