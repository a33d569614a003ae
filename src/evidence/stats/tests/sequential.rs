//! Group-sequential boundaries: the spending function, the boundaries of monthly looks, their information fractions and power.
//!
//! The references come from `python3 tests/reference/sequential.py`: each
//! look's crossing chance as one multivariate normal probability (scipy's
//! Genz algorithm at an absolute error of 1e-10) on corr(Z_i, Z_j) =
//! √(t_i/t_j), each boundary solved by `optimize.brentq`; `spending(t)` there
//! is 4·`stats.norm.sf(stats.norm.isf(0.05/4)/sqrt(t))`, and `design(f)` the
//! boundaries of fractions f. A second, independent implementation, R's
//! rpact 3.3.4 (`Rscript tests/reference/sequential.R`), agrees with both
//! to 1e-8 in z for up to five looks. For twelve looks (too many dimensions
//! to solve for with the Genz algorithm at this accuracy) rpact drifts as
//! the information steps shrink, and the script checks instead what each
//! set of boundaries spends.

use super::*;
use crate::evidence::stats::sequential::{Resolution, boundaries_at};

/// The boundaries agree with the references to about 3e-9; 1e-7 leaves room
/// for the quasi-Monte Carlo error of the reference, which is randomized:
/// two runs of the script differ by up to about 1e-9 in z (the constants
/// are the first run's).
const Z_TOL: f64 = 1e-7;

/// A nominal p-value moves with z by a relative z·dz.
const P_REL: f64 = 1e-6;

/// Each look's (z, nominal two-sided p, α spent) against the reference.
#[track_caller]
fn design(fractions: &[f64], expected: &[(f64, f64, f64)]) {
    let looks = boundaries(fractions, 0.05).expect("a valid design");
    assert_eq!(looks.len(), expected.len());
    for (j, (look, &(z, p_value, spent))) in looks.iter().zip(expected).enumerate() {
        assert_eq!(look.fraction, fractions[j]);
        assert!((look.z - z).abs() <= Z_TOL, "look {j}: {look:?}, z {z}");
        close(look.p_value, p_value, P_REL);
        close(look.spent, spent, REL);
    }
}

/// j/k for j = 1..=k.
fn equal(k: u32) -> Vec<f64> {
    (1..=k).map(|j| f64::from(j) / f64::from(k)).collect()
}

#[test]
fn spending_is_the_obrien_fleming_type_function() {
    // spending(t) = 4*stats.norm.sf(stats.norm.isf(0.05/4)/sqrt(t))
    close(
        obrien_fleming_spending(0.2, 0.05),
        1.0777425258117499e-06,
        REL,
    );
    close(
        obrien_fleming_spending(0.5, 0.05),
        0.0030506455159778224,
        REL,
    );
    close(
        obrien_fleming_spending(0.75, 0.05),
        0.019298649907024068,
        REL,
    );
    assert_eq!(obrien_fleming_spending(1.0, 0.05), 0.05);
    assert_eq!(obrien_fleming_spending(1.5, 0.05), 0.05);
    assert_eq!(obrien_fleming_spending(0.0, 0.05), 0.0);
    assert_eq!(obrien_fleming_spending(-1.0, 0.05), 0.0);
    for (t, alpha) in [(f64::NAN, 0.05), (0.5, 0.0), (0.5, 1.0), (0.5, f64::NAN)] {
        assert!(obrien_fleming_spending(t, alpha).is_nan(), "{t} {alpha}");
    }
}

#[test]
fn one_look_is_the_fixed_sample_test() {
    // design([1.0]): stats.norm.isf(0.05/2), p = 2*stats.norm.sf(z)
    design(&[1.0], &[(1.9599639845400545, 0.049999999999999954, 0.05)]);
    let look = boundaries(&[1.0], 0.05).expect("valid")[0];
    assert!((look.z - Z_95).abs() < 1e-6);
}

#[test]
fn two_equally_spaced_looks() {
    // design([0.5, 1.0]); p = 2*stats.norm.sf(z); spent = spending(t)
    design(
        &equal(2),
        &[
            (
                2.9625880427275666,
                0.003050645515977819,
                0.0030506455159778224,
            ),
            (1.968595640591751, 0.04899954358457557, 0.05),
        ],
    );
}

#[test]
fn three_equally_spaced_looks() {
    // design([1/3, 2/3, 1.0]); p = 2*stats.norm.sf(z); spent = spending(t)
    design(
        &equal(3),
        &[
            (
                3.710302873262371,
                0.0002070114362943077,
                0.0002070114362943084,
            ),
            (
                2.5114274812733606,
                0.012024398862103625,
                0.012096778259815274,
            ),
            (1.9930474778147678, 0.04625624843059398, 0.05),
        ],
    );
}

#[test]
fn four_equally_spaced_looks() {
    // design([0.25, 0.5, 0.75, 1.0]); p = 2*stats.norm.sf(z); spent = spending(t)
    design(
        &equal(4),
        &[
            (
                4.332633646051611,
                1.4733616871739005e-05,
                1.473361687173898e-05,
            ),
            (
                2.9631315976799053,
                0.003045263460309195,
                0.0030506455159778224,
            ),
            (2.3590442861130088, 0.0183220690812854, 0.019298649907024068),
            (2.0140901442431076, 0.04400007009698322, 0.05),
        ],
    );
}

#[test]
fn five_equally_spaced_looks_give_the_published_boundaries() {
    // design([0.2, 0.4, 0.6, 0.8, 1.0]); p = 2*stats.norm.sf(z); spent = spending(t).
    // The published values: 4.877, 3.357, 2.680, 2.290, 2.031.
    design(
        &equal(5),
        &[
            (
                4.876884948790762,
                1.0777425258117488e-06,
                1.0777425258117499e-06,
            ),
            (
                3.357011921573166,
                0.0007878971531139488,
                0.0007883035133823727,
            ),
            (
                2.6802800662788036,
                0.007356058587294466,
                0.007616126621978656,
            ),
            (
                2.289816767200328,
                0.022031940758586714,
                0.024423580692896168,
            ),
            (2.031032043989798, 0.04225174411366443, 0.05),
        ],
    );
}

#[test]
fn monthly_looks_at_a_rate_ratio_against_six_months() {
    // information_fractions_rate(6, [1, 2, 3]): I(k1) = 6·k1/(6 + k1) = 6/7, 3/2, 2.
    let fractions = information_fractions_rate(6, &[1, 2, 3]);
    for (t, expected) in fractions.iter().zip([3.0 / 7.0, 0.75, 1.0]) {
        close(*t, expected, 1e-15);
    }
    // design([3/7, 3/4, 1.0]); p = 2*stats.norm.sf(z); spent = spending(t)
    design(
        &fractions,
        &[
            (
                3.2306607030554444,
                0.0012350445404216513,
                0.0012350445404216517,
            ),
            (
                2.347748973753469,
                0.018887245545215536,
                0.019298649907024068,
            ),
            (2.012848408481932, 0.04413057947251282, 0.05),
        ],
    );
}

#[test]
fn twelve_monthly_looks_against_a_one_month_baseline() {
    // getDesignGroupSequential(kMax = 12, alpha = 0.05, sided = 2,
    //   typeOfDesign = "asOF", informationRates = ((1:12)/(2:13))/(12/13))$criticalValues
    let rpact = [
        2.83057844174542,
        2.42592885345221,
        2.31507190316916,
        2.26616836339235,
        2.23896303027868,
        2.22171705216169,
        2.20983255654573,
        2.20115307718515,
        2.19453599303961,
        2.18930590897799,
        2.18493474274874,
        2.18067071586847,
    ];
    // The boundaries whose spending the reference checks: spent_by(twelve,
    // Rust's boundaries) = 0.0500003 against rpact's 0.050023, each to the
    // Genz algorithm's 1e-6 (12 dimensions allow no finer).
    let checked = [
        2.830578441745264,
        2.4259288652615614,
        2.3150719128059785,
        2.266168362434377,
        2.2389630805798504,
        2.221717760804797,
        2.209835935422245,
        2.201162947543933,
        2.194558485716229,
        2.1893638524315566,
        2.185172499078929,
        2.1817201356817435,
    ];
    let months: Vec<u32> = (1..=12).collect();
    let looks = boundaries(&information_fractions_rate(1, &months), 0.05).expect("valid");
    for (j, look) in looks.iter().enumerate() {
        assert!((look.z - checked[j]).abs() <= Z_TOL, "{look:?}");
        // rpact agrees while the information steps are wide, then lays its
        // boundaries ever lower as they shrink to 1% of the information
        // (its integration grid does not follow them): 1e-3 low by look 12.
        if j < 5 {
            assert!(
                (look.z - rpact[j]).abs() <= Z_TOL,
                "{look:?}, rpact {}",
                rpact[j]
            );
        } else {
            assert!(look.z > rpact[j], "{look:?}, rpact {}", rpact[j]);
        }
    }
}

#[test]
fn a_finer_grid_moves_no_boundary() {
    // The narrowest kernels: 36 monthly looks, and a one-month baseline
    // whose information barely grows by the end. Four times as many
    // points to the sd change no boundary by more than the documented 3e-8.
    let months: Vec<u32> = (1..=36).collect();
    let finer = Resolution {
        max_step: 0.01,
        per_sd: 64.0,
    };
    for fractions in [equal(36), information_fractions_rate(1, &months)] {
        let coarse = boundaries(&fractions, 0.05).expect("valid");
        let fine = boundaries_at(&fractions, 0.05, finer).expect("valid");
        for (a, b) in coarse.iter().zip(&fine) {
            assert!((a.z - b.z).abs() < 5e-8, "{a:?} {b:?}");
        }
    }
}

#[test]
fn power_of_one_look_is_the_fixed_sample_power() {
    // stats.norm.sf(stats.norm.isf(0.025) - drift), drift = isf(0.025) + isf(0.2)
    let looks = boundaries(&[1.0], 0.05).expect("valid");
    let drift = 2.801585218112969;
    close(sequential_power(&looks, drift).expect("valid"), 0.8, 1e-9);
    // stats.norm.sf(1.9599639845400545 - 1.5)
    close(
        sequential_power(&looks, 1.5).expect("valid"),
        0.32277103595631695,
        1e-9,
    );
}

#[test]
fn more_looks_cost_a_little_power() {
    // power(f, design(f), drift) in the reference: the sum over looks of
    // P(first crossing at look j is the "scale" one) at mean drift·√t.
    let drift = 2.801585218112969; // isf(0.025) + isf(0.2): 80% for one look
    for (k, drift, expected) in [
        (3, drift, 0.7949768220154582),
        (5, drift, 0.7902929691690698),
        (5, 1.5, 0.31458632110834844),
    ] {
        let looks = boundaries(&equal(k), 0.05).expect("valid");
        let power = sequential_power(&looks, drift).expect("valid");
        assert!((power - expected).abs() < 1e-7, "K={k}: {power} {expected}");
    }
}

#[test]
fn without_an_effect_half_the_alpha_says_scale() {
    let looks = boundaries(&equal(5), 0.05).expect("valid");
    close(sequential_power(&looks, 0.0).expect("valid"), 0.025, 1e-9);
    // Far beyond either boundary: the first look decides.
    assert!(sequential_power(&looks, 40.0).expect("valid") > 1.0 - 1e-12);
    assert!(sequential_power(&looks, -40.0).expect("valid") < 1e-12);
}

#[test]
fn bad_designs_are_refused() {
    use DesignError::*;
    let too_many = vec![0.5; MAX_LOOKS + 1];
    let cases: [(&[f64], f64, DesignError); 12] = [
        (&[], 0.05, LookCount),
        (&too_many, 0.05, LookCount),
        (&[0.5, 1.0], 0.0, Alpha),
        (&[0.5, 1.0], 1.0, Alpha),
        (&[0.5, 1.0], f64::NAN, Alpha),
        (&[0.0, 1.0], 0.05, Fractions),
        (&[0.5, 0.5, 1.0], 0.05, Fractions),
        (&[0.6, 0.5], 0.05, Fractions),
        (&[0.5, 1.1], 0.05, Fractions),
        (&[f64::NAN, 1.0], 0.05, Fractions),
        (&[0.5, 0.5 + 1e-7], 0.05, TooClose),
        (&[0.001, 1.0], 0.05, TooEarly),
    ];
    for (fractions, alpha, why) in cases {
        assert_eq!(
            boundaries(fractions, alpha),
            Err(why),
            "{fractions:?} {alpha}"
        );
    }
}

#[test]
fn the_largest_design_is_accepted() {
    let looks = boundaries(&equal(36), 0.05).expect("36 looks");
    assert_eq!(looks.len(), MAX_LOOKS);
    assert_eq!(looks[35].spent, 0.05);
    // One month of information spends next to nothing, but has a boundary.
    assert!(looks[0].z > 13.0 && looks[0].z.is_finite());
}

#[test]
fn rate_fractions_that_boundaries_refuse() {
    assert!(information_fractions_rate(6, &[]).is_empty());
    assert!(
        information_fractions_rate(0, &[1, 2])
            .iter()
            .all(|t| t.is_nan())
    );
    let out_of_order = information_fractions_rate(6, &[2, 1]);
    assert_eq!(boundaries(&out_of_order, 0.05), Err(DesignError::Fractions));
    let zero = information_fractions_rate(6, &[0, 1]);
    assert_eq!(zero[0], 0.0);
    assert_eq!(boundaries(&zero, 0.05), Err(DesignError::Fractions));
}

#[test]
fn power_of_a_design_boundaries_could_not_make_is_none() {
    let looks = boundaries(&equal(3), 0.05).expect("valid");
    assert_eq!(sequential_power(&looks, f64::NAN), None);
    assert_eq!(sequential_power(&looks, f64::INFINITY), None);
    assert_eq!(sequential_power(&[], 1.0), None);
    let mut reversed = looks.clone();
    reversed.reverse();
    assert_eq!(sequential_power(&reversed, 1.0), None);
    let mut negative = looks;
    negative[1].z = -1.0;
    assert_eq!(sequential_power(&negative, 1.0), None);
}
