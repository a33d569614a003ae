//! The average check: Welch's t test.

use super::*;

mod welch_test {
    use super::*;

    fn sample(n: u64, mean: f64, variance: f64) -> Sample {
        Sample { n, mean, variance }
    }

    #[track_caller]
    fn check(base: Sample, pilot: Sample, low: f64, high: f64, p_value: f64, df: f64, rel: f64) {
        let w = welch(base, pilot).expect("defined");
        estimate(w.diff, pilot.mean - base.mean, low, high, p_value, rel);
        close(w.df, df, rel);
    }

    // From raw values: r = stats.ttest_ind(pilot, base, equal_var=False),
    // its r.pvalue, r.df and r.confidence_interval(0.95); the summaries are
    // np.mean(values) and np.var(values, ddof=1).

    #[test]
    fn average_checks() {
        // base [2500, 3100, 2800, 4000, 2200], pilot [3000, 3300, 2900, 4100, 3500, 3800]
        check(
            sample(5, 2920.0, 477000.0),
            sample(6, 3433.3333333333335, 214666.66666666666),
            -348.2851928840155,
            1374.9518595506825,
            0.20055149547319107,
            6.797933955661974,
            REL,
        );
    }

    #[test]
    fn two_values_a_side() {
        // base [1000, 1400], pilot [1500, 1700]: df = 1.47, below 2.
        check(
            sample(2, 1200.0, 80000.0),
            sample(2, 1600.0, 20000.0),
            -983.7045660142128,
            1783.7045660142128,
            0.2585321337078272,
            1.4705882352941178,
            REL,
        );
    }

    #[test]
    fn one_side_without_variation() {
        // base [3000, 3000, 3000, 3000, 3000], pilot [2800, 3300, 3100, 2950]: df = n1 − 1.
        check(
            sample(5, 3000.0, 0.0),
            sample(4, 3037.5, 45625.0),
            -302.38541439519923,
            377.38541439519923,
            0.748707206390489,
            3.0,
            REL,
        );
    }

    // From summaries: stats.ttest_ind_from_stats(m1, math.sqrt(v1), n1, m0,
    // math.sqrt(v0), n0, equal_var=False).pvalue; df by the
    // Welch–Satterthwaite formula in numpy; interval d ∓ stats.t.ppf(0.975,
    // df)·se.

    #[test]
    fn unequal_sizes() {
        check(
            sample(40, 3150.5, 640000.0),
            sample(2000, 3290.25, 1.21e6),
            -120.30006716454642,
            399.8000671645464,
            0.2843257411934221,
            42.00396493066008,
            REL,
        );
    }

    #[test]
    fn many_degrees_of_freedom() {
        // df ≈ 2·10⁵, where statrs's own t quantile is off by ~1e-6.
        check(
            sample(100_000, 3000.0, 1.0e6),
            sample(100_000, 3010.0, 1.1e6),
            1.018262201770666,
            18.981737798229332,
            0.029097493891349746,
            199545.51583710406,
            REL,
        );
    }

    #[test]
    fn beyond_1e8_degrees_of_freedom() {
        // df ≈ 10⁹ uses the normal: its quantile is 1.2e-9 (relative) below
        // stats.t.ppf(0.975, 999999998.0) = 1.959963986912325, and its tails
        // 2e-11 (absolute) lighter, 3e-8 of this p-value; hence 1e-7.
        check(
            sample(500_000_000, 3000.0, 1.0e6),
            sample(500_000_000, 3000.2, 1.0e6),
            0.0760409933888702,
            0.323959006610766,
            0.0015654023047700298,
            999999998.0,
            1e-7,
        );
    }

    #[test]
    fn no_variation_at_all() {
        // se = 0: the difference is certain; df is n0 + n1 − 2 (no reference:
        // scipy's Satterthwaite df is 0/0 here).
        let w = welch(sample(3, 2000.0, 0.0), sample(4, 2500.0, 0.0)).expect("defined");
        assert_eq!(
            (w.diff.point, w.diff.low, w.diff.high),
            (500.0, 500.0, 500.0)
        );
        assert_eq!((w.diff.p_value, w.df), (0.0, 5.0));
        let w = welch(sample(3, 2000.0, 0.0), sample(4, 2000.0, 0.0)).expect("defined");
        assert_eq!((w.diff.point, w.diff.low, w.diff.high), (0.0, 0.0, 0.0));
        assert_eq!(w.diff.p_value, 1.0);
    }

    #[test]
    fn enormous_samples_return() {
        // statrs's t quantile never returns near 10⁸ degrees of freedom; ours must.
        let w = welch(sample(u64::MAX, 1.0, 1.0), sample(u64::MAX, 1.0, 2.0)).expect("defined");
        assert!(
            w.diff.low < 0.0 && w.diff.high > 0.0 && w.diff.p_value == 1.0,
            "{w:?}"
        );
    }

    #[test]
    fn undefined() {
        use Undefined::*;
        let ok = sample(5, 10.0, 4.0);
        assert_eq!(welch(sample(1, 10.0, 0.0), ok), Err(TooFewValues));
        assert_eq!(welch(ok, sample(0, 0.0, 0.0)), Err(TooFewValues));
        assert_eq!(welch(ok, sample(5, f64::NAN, 4.0)), Err(InvalidInput));
        assert_eq!(welch(ok, sample(5, 10.0, -1.0)), Err(InvalidInput));
        assert_eq!(welch(ok, sample(5, 10.0, f64::INFINITY)), Err(InvalidInput));
        // The difference overflows.
        assert_eq!(
            welch(sample(5, -f64::MAX, 4.0), sample(5, f64::MAX, 4.0)),
            Err(InvalidInput)
        );
    }

    #[test]
    fn the_largest_variances_stay_numbers() {
        // se² = f64::MAX/2 + f64::MAX/2 is still finite.
        let w = welch(sample(2, 0.0, f64::MAX), sample(2, 0.0, f64::MAX)).expect("defined");
        assert!(
            w.diff.low.is_finite() && w.diff.low < 0.0 && w.diff.p_value == 1.0,
            "{w:?}"
        );
    }
}
