//! Shares: Wilson's interval and Newcombe's interval for a change in a share.

use super::*;

mod wilson_interval {
    use super::*;

    /// stats.norm.ppf(0.975): statsmodels' own z at alpha = 0.05.
    const Z: f64 = 1.959963984540054;

    #[test]
    fn matches_statsmodels() {
        // proportion.proportion_confint(x, n, alpha=0.05, method='wilson')
        let cases = [
            ((0, 10), (0.0, 0.27753279986288926)),
            ((10, 10), (0.7224672001371106, 1.0)),
            ((3, 10), (0.10779126740630104, 0.6032218525388546)),
            ((1, 1000), (0.00017654637062607765, 0.005642558597957937)),
            ((500, 1000), (0.4690696003681042, 0.5309303996318958)),
            ((12000, 27000), (0.4385257124289689, 0.4503789826835829)),
        ];
        for ((x, n), (low, high)) in cases {
            let (l, h) = wilson(x, n, Z).expect("defined");
            close(l, low, REL);
            close(h, high, REL);
        }
    }

    #[test]
    fn ends_are_exact_at_zero_and_all() {
        assert_eq!(wilson(0, 7, Z_95).map(|w| w.0), Some(0.0));
        assert_eq!(wilson(7, 7, Z_95).map(|w| w.1), Some(1.0));
    }

    #[test]
    fn undefined() {
        assert_eq!(wilson(0, 0, Z_95), None);
        assert_eq!(wilson(11, 10, Z_95), None);
        assert_eq!(wilson(3, 10, f64::NAN), None);
        assert_eq!(wilson(3, 10, -1.0), None);
    }
}

mod newcombe {
    use super::*;

    // proportion.confint_proportions_2indep(x1, n1, x0, n0, method='newcomb',
    // compare='diff', alpha=ALPHA_Z95): the pilot is statsmodels' first
    // sample, since it computes p1 − p2. The p-value is
    // proportion.proportions_ztest([x1, x0], [n1, n0])[1] (pooled variance).

    #[track_caller]
    fn check(x0: u64, n0: u64, x1: u64, n1: u64, low: f64, high: f64, p_value: f64) {
        let e = proportion_difference(x0, n0, x1, n1).expect("defined");
        estimate(
            e,
            x1 as f64 / n1 as f64 - x0 as f64 / n0 as f64,
            low,
            high,
            p_value,
            REL,
        );
    }

    #[test]
    fn small_samples() {
        check(
            10,
            50,
            18,
            50,
            -0.016254190245173078,
            0.3239339290535888,
            0.07479137758694426,
        );
        check(
            3,
            7,
            0,
            5,
            -0.7495416372469643,
            0.08315602764886826,
            0.09096894797535778,
        );
    }

    #[test]
    fn large_samples() {
        check(
            120,
            1000,
            150,
            1000,
            1.3782196608417424e-05,
            0.060008258808044,
            0.04964038686536878,
        );
    }

    #[test]
    fn none_and_all() {
        check(
            0,
            20,
            20,
            20,
            0.7721346132266524,
            1.0,
            2.5396285894708567e-10,
        );
        check(
            20,
            20,
            0,
            20,
            -1.0,
            -0.7721346132266524,
            2.5396285894708567e-10,
        );
    }

    #[test]
    fn no_change_has_p_one() {
        check(5, 10, 5, 10, -0.3725136259427685, 0.3725136259427685, 1.0);
    }

    #[test]
    fn no_successes_at_all_has_p_one() {
        // The pooled standard error is 0 (statsmodels' z test returns nan
        // here); the spec sets p = 1 for d = 0. The interval still comes
        // from statsmodels.
        check(0, 20, 0, 20, -0.16112516018512962, 0.16112516018512962, 1.0);
    }

    #[test]
    fn undefined() {
        use Undefined::*;
        assert_eq!(proportion_difference(0, 0, 0, 0), Err(NoData));
        assert_eq!(proportion_difference(0, 0, 3, 10), Err(NoBaseline));
        assert_eq!(proportion_difference(3, 10, 0, 0), Err(NoPilot));
        assert_eq!(proportion_difference(11, 10, 3, 10), Err(InvalidInput));
        assert_eq!(proportion_difference(3, 10, 4, 3), Err(InvalidInput));
    }
}
