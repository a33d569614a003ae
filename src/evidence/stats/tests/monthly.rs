//! The monthly models against statsmodels' GLM fits and scipy's t:
//! `python3 tests/reference/monthly.py` prints every constant below.
//! Tolerance 1e-8 relative: statrs's t distribution (a regularized
//! incomplete beta) agrees with scipy to about 1e-10 at these degrees of
//! freedom; the fits are closed forms of the same maximum likelihood.

use super::*;

const TOL: f64 = 1e-8;

fn plain(values: &[f64]) -> Vec<Monthly> {
    values.iter().map(|&v| Monthly::plain(v)).collect()
}

#[track_caller]
fn ratio(r: Ratio, phi: f64, df: u32, se: f64, est: [f64; 4]) {
    close(r.phi, phi, TOL);
    assert_eq!(r.df, df);
    close(r.se, se, TOL);
    estimate(r.estimate, est[0], est[1], est[2], est[3], TOL);
}

#[test]
fn quasi_poisson_matches_the_glm() {
    // GLM(Poisson).fit(scale="X2"), y ~ pilot; t(df_resid) interval and p.
    let r = quasi_poisson_ratio(
        &plain(&[90.0, 110.0, 130.0, 95.0, 105.0, 100.0]),
        &plain(&[140.0, 120.0, 135.0]),
    )
    .unwrap();
    ratio(
        r,
        1.595625592008956,
        7,
        0.08106970763310445,
        [
            1.2539682539682528,
            1.0352197565376773,
            1.5189396956828258,
            0.02684699579839619,
        ],
    );
    // A calm baseline: φ = 0.944 is not held at 1; t(2) pays for it.
    let r = quasi_poisson_ratio(&plain(&[52.0, 61.0, 47.0]), &plain(&[70.0])).unwrap();
    ratio(
        r,
        0.9437499999999973,
        2,
        0.13921415286220992,
        [
            1.3125000000000013,
            0.7210430466782383,
            2.389117068580137,
            0.19000273317979374,
        ],
    );
    // Revenue in rubles: φ carries the amounts' scale.
    let r = quasi_poisson_ratio(
        &plain(&[1200.5, 980.0, 1510.25, 1100.0]),
        &plain(&[1705.0, 1420.0]),
    )
    .unwrap();
    ratio(
        r,
        38.77560201951673,
        4,
        0.1431853364924151,
        [
            1.3045974012419759,
            0.8766462442705819,
            1.9414608691370754,
            0.1368758372288764,
        ],
    );
}

#[test]
fn season_weights_are_the_glm_offset() {
    // GLM(Poisson, offset=ln w).fit(scale="X2").
    let w = |v: f64, weight: f64| Monthly { value: v, weight };
    let r = quasi_poisson_ratio(
        &[w(90.0, 0.9), w(110.0, 1.0), w(130.0, 1.1)],
        &[w(150.0, 1.3), w(160.0, 1.2)],
    )
    .unwrap();
    ratio(
        r,
        1.0362592767284855,
        3,
        0.08051677767313123,
        [
            1.1272727272727268,
            0.8724594323969914,
            1.4565076087969557,
            0.23350758237635308,
        ],
    );
}

#[test]
fn a_year_earlier_is_the_calendar_month_model() {
    // GLM(Poisson).fit(scale="X2"), count ~ C(calendar) + year + pilot.
    let pairs = |now: &[f64], before: &[f64]| -> Vec<YearPair> {
        now.iter()
            .zip(before)
            .map(|(&now, &before)| YearPair { now, before })
            .collect()
    };
    let r = season_adjusted_ratio(
        &pairs(
            &[90.0, 110.0, 130.0, 95.0, 105.0, 100.0],
            &[80.0, 100.0, 125.0, 90.0, 100.0, 95.0],
        ),
        &pairs(&[160.0, 150.0, 140.0], &[120.0, 118.0, 110.0]),
    )
    .unwrap();
    ratio(
        r,
        0.04796334673806945,
        7,
        0.020045873102242075,
        [
            1.2110016420361218,
            1.1549382309216638,
            1.269786502646005,
            2.8947819457198874e-05,
        ],
    );
    let r = season_adjusted_ratio(
        &pairs(&[100.0, 104.0], &[96.0, 99.0]),
        &pairs(&[131.0], &[100.0]),
    )
    .unwrap();
    ratio(
        r,
        0.001778748634732376,
        1,
        0.007014760446606493,
        [
            1.2522058823529383,
            1.145424968325769,
            1.3689413232289016,
            0.01984951059625989,
        ],
    );
}

#[test]
fn too_few_months_or_nothing_to_divide_by() {
    let one = plain(&[10.0]);
    assert_eq!(
        quasi_poisson_ratio(&one, &one).unwrap_err(),
        Undefined::TooFewValues
    );
    assert_eq!(
        quasi_poisson_ratio(&plain(&[0.0, 0.0]), &one).unwrap_err(),
        Undefined::NoBaseline
    );
    assert_eq!(
        quasi_poisson_ratio(&[], &one).unwrap_err(),
        Undefined::NoBaseline
    );
    assert_eq!(
        quasi_poisson_ratio(&plain(&[1.0, f64::NAN]), &one).unwrap_err(),
        Undefined::InvalidInput
    );
    // A pilot with none: the point is 0, the interval bounded (0.5 added).
    let r = quasi_poisson_ratio(&plain(&[10.0, 12.0]), &plain(&[0.0])).unwrap();
    assert!(r.corrected && r.estimate.point == 0.0 && r.estimate.high.is_finite());
}

#[test]
fn shares_vary_by_williams_dispersion() {
    let s = |m: &[(u64, u64)]| m.iter().map(|&(x, n)| Share { x, n }).collect::<Vec<_>>();
    // GLM(Binomial, var_weights=n).fit(scale="X2").scale, held at ≥ 1.
    let (b, p) = (
        s(&[(40, 100), (30, 100), (50, 100), (35, 100)]),
        s(&[(45, 100), (20, 100)]),
    );
    let phi = share_dispersion(&b, &p);
    close(phi, 5.86540102669135, TOL);
    // confint_proportions_2indep(x1/φ, n1/φ, x0/φ, n0/φ, method="newcomb"),
    // test_proportions_2indep(…, method="score", correction=False).pvalue.
    let e = proportion_difference_dispersed(155, 400, 65, 200, phi).unwrap();
    estimate(
        e,
        0.325 - 0.3875,
        -0.24026780367271833,
        0.13633536819699224,
        0.536331252696093,
        1e-7,
    );
    // Steadier than chance: φ stays 1 and the interval is the plain one.
    let (b, p) = (s(&[(38, 95), (41, 102), (39, 99)]), s(&[(44, 120)]));
    assert_eq!(share_dispersion(&b, &p), 1.0);
    let e = proportion_difference_dispersed(118, 296, 44, 120, 1.0).unwrap();
    estimate(
        e,
        44.0 / 120.0 - 118.0 / 296.0,
        -0.13074083296880726,
        0.07228281381479383,
        0.5444762725738745,
        1e-7,
    );
    assert_eq!(proportion_difference(118, 296, 44, 120).unwrap(), e);
}

#[test]
fn t_quantiles_are_scipys() {
    // stats.t.ppf(0.975, df)
    for (df, q) in [
        (1, 12.706204736174694),
        (2, 4.302652729749462),
        (5, 2.5705818356363146),
        (7, 2.364624251592784),
        (11, 2.200985160091639),
        (30, 2.0422724563012378),
    ] {
        close(t_quantile_95(df).unwrap(), q, TOL);
    }
    // 2 * stats.t.sf(2.5, 5)
    close(t_p(2.5, 5), 0.05449009934237626, TOL);
    assert_eq!(t_quantile_95(0), None);
}
