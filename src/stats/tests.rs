//! Reference values from scipy 1.17.1 and statsmodels 0.15.0, each beside the Python call that produced it.
//!
//! `python3 tests/reference/stats.py` prints them all. In the calls, `stats`
//! is `scipy.stats`, `proportion` and `rates` are `statsmodels.stats.*`, and
//! `ALPHA_Z95 = 2*stats.norm.sf(1.959964)`: the alpha whose two-sided normal
//! quantile is the spec's [`Z_95`], so statsmodels works with the same z.
//! Tolerances are 1e-9 relative where the math is the same (statrs's normal
//! distribution function alone is off by up to 1e-10); where looser, the
//! test says why.

use super::*;

/// Relative tolerance where the math is the same.
const REL: f64 = 1e-9;

/// `actual` within `rel` of `expected`, relatively; equal values (zeros,
/// infinities) always pass.
#[track_caller]
fn close(actual: f64, expected: f64, rel: f64) {
    assert!(
        actual == expected || (actual - expected).abs() <= rel * expected.abs(),
        "{actual:e} is not within {rel:e} of {expected:e}"
    );
}

/// Every figure of an estimate within `rel` of the reference.
#[track_caller]
fn estimate(e: Estimate, point: f64, low: f64, high: f64, p_value: f64, rel: f64) {
    close(e.point, point, rel);
    close(e.low, low, rel);
    close(e.high, high, rel);
    close(e.p_value, p_value, rel);
}

mod dispersion_of_counts {
    use super::*;

    #[test]
    fn is_the_variance_over_the_mean() {
        // np.var([90, 110, 130], ddof=1) / np.mean([90, 110, 130])
        let d = dispersion(&[90, 110, 130]);
        close(d.phi, 3.6363636363636362, REL);
        assert!(d.known);
        // np.var([12, 30, 7, 19, 25, 3], ddof=1) / np.mean([12, 30, 7, 19, 25, 3])
        close(dispersion(&[12, 30, 7, 19, 25, 3]).phi, 6.9, REL);
    }

    #[test]
    fn is_at_least_one() {
        // No variance at all, and less than Poisson (np.var([99, 100, 101], ddof=1) = 1.0 < 100).
        for counts in [[100, 100, 100], [99, 100, 101]] {
            let d = dispersion(&counts);
            assert_eq!((d.phi, d.known), (1.0, true), "{counts:?}");
        }
    }

    #[test]
    fn is_one_and_unknown_below_two_months() {
        for counts in [&[][..], &[120]] {
            let d = dispersion(counts);
            assert_eq!((d.phi, d.known), (1.0, false), "{counts:?}");
        }
    }

    #[test]
    fn is_one_with_no_leads() {
        let d = dispersion(&[0, 0, 0]);
        assert_eq!((d.phi, d.known), (1.0, true));
    }

    #[test]
    fn survives_huge_counts() {
        let d = dispersion(&[u64::MAX, 0, u64::MAX]);
        assert!(d.phi.is_finite() && d.phi >= 1.0);
    }
}

mod rate_ratio_exact {
    use super::*;

    // RR = π/(1 − π)·k0/k1 of the Clopper–Pearson ends for the pilot's share
    // π, which come from `stats.beta.ppf` (statsmodels'
    // proportion_confint(x1, n, method="beta") gives the same). The p-value
    // doubles the smaller binomial tail, as the spec says; statsmodels'
    // test_poisson_2indep(method="exact-cond") instead uses scipy's binomtest
    // (the "minlike" two-sided p), which agrees only when k0 = k1.

    #[track_caller]
    fn exact(x0: u64, k0: u32, x1: u64, k1: u32) -> Estimate {
        let (e, method) = rate_ratio(x0, k0, x1, k1, 1.0).expect("defined");
        assert_eq!(method, RateMethod::Exact);
        e
    }

    /// π/(1 − π)·k0/k1, the Python side's mapping, on its Beta quantile.
    fn ratio(share: f64, k0: f64, k1: f64) -> f64 {
        share / (1.0 - share) * k0 / k1
    }

    #[test]
    fn small_counts() {
        let e = exact(3, 1, 7, 1);
        estimate(
            e,
            7.0 / 3.0,
            ratio(0.3475471499400027, 1.0, 1.0), // stats.beta.ppf(0.025, 7, 4)
            ratio(0.9332604888222655, 1.0, 1.0), // stats.beta.ppf(0.975, 8, 3)
            0.34375,                             // 2*stats.binom.sf(7 - 1, 10, 1/2)
            REL,
        );
    }

    #[test]
    fn a_three_month_baseline_against_two_pilot_months() {
        // 290 leads in 3 months before, 96 a month for 2 months of pilot.
        let e = exact(290, 3, 192, 2);
        estimate(
            e,
            (192.0 / 2.0) / (290.0 / 3.0),
            ratio(0.35433908126120195, 3.0, 2.0), // stats.beta.ppf(0.025, 192, 291)
            ratio(0.4435964604800755, 3.0, 2.0),  // stats.beta.ppf(0.975, 193, 290)
            0.9802241499203775,                   // 2*stats.binom.cdf(192, 482, 2/5)
            REL,
        );
    }

    #[test]
    fn large_counts_keep_a_tiny_p_value() {
        let e = exact(12000, 3, 15000, 3);
        estimate(
            e,
            1.25,
            ratio(0.5496042717823635, 3.0, 3.0), // stats.beta.ppf(0.025, 15000, 12001)
            ratio(0.5614948799313846, 3.0, 3.0), // stats.beta.ppf(0.975, 15001, 12000)
            1.431242413025931e-74,               // 2*stats.binom.sf(15000 - 1, 27000, 3/6)
            REL,
        );
    }

    #[test]
    fn at_the_limit_of_the_exact_test() {
        // n = EXACT_MAX_LEADS, p near the middle of the binomial, where
        // statrs's incomplete beta is least accurate: 1e-8, measured ~1e-9.
        assert_eq!(49800 + 50200, EXACT_MAX_LEADS);
        let e = exact(49800, 1, 50200, 1);
        estimate(
            e,
            50200.0 / 49800.0,
            ratio(0.49889602927393994, 1.0, 1.0), // stats.beta.ppf(0.025, 50200, 49801)
            ratio(0.505103854707782, 1.0, 1.0),   // stats.beta.ppf(0.975, 50201, 49800)
            0.2070389717642225,                   // 2*stats.binom.sf(50200 - 1, 100000, 1/2)
            1e-8,
        );
    }

    #[test]
    fn a_few_leads_against_many() {
        // Ends near 0 and 1, where statrs's own Beta quantile is off by 5e-6
        // (relative) and odds from 1 − π would lose digits. The binomial
        // tails underflow: p = 0 in scipy as here.
        let e = exact(60760, 12, 3, 1);
        close(e.low, ratio(1.0181840185385779e-05, 12.0, 1.0), REL); // stats.beta.ppf(0.025, 3, 60761)
        close(e.high, ratio(0.00014427952880697695, 12.0, 1.0), REL); // stats.beta.ppf(0.975, 4, 60760)
        assert_eq!(e.p_value, 0.0); // 2*stats.binom.cdf(3, 60763, 1/13) underflows to 0.0
        let e = exact(3, 1, 60760, 1);
        close(e.low, ratio(0.999855720471193, 1.0, 1.0), REL); // stats.beta.ppf(0.025, 60760, 4)
        close(e.high, ratio(0.9999898181598146, 1.0, 1.0), REL); // stats.beta.ppf(0.975, 60761, 3)
        assert_eq!(e.p_value, 0.0); // 2*stats.binom.sf(60760 - 1, 60763, 1/2) underflows to 0.0
    }

    #[test]
    fn no_pilot_leads() {
        let e = exact(10, 3, 0, 1);
        assert_eq!((e.point, e.low), (0.0, 0.0));
        close(e.high, ratio(0.3084971078187607, 3.0, 1.0), REL); // stats.beta.ppf(0.975, 1, 10)
        close(e.p_value, 0.11262702941894537, REL); // 2*stats.binom.cdf(0, 10, 1/4)
    }

    #[test]
    fn p_value_stops_at_one() {
        // 2*stats.binom.sf(1 - 1, 4, 1/4) = 1.3671875, so p = min(1, …) = 1.
        let e = exact(3, 3, 1, 1);
        assert_eq!(e.p_value, 1.0);
        assert_eq!(e.point, 1.0);
        close(e.low, ratio(0.006309463209709866, 3.0, 1.0), REL); // stats.beta.ppf(0.025, 1, 4)
        close(e.high, ratio(0.8058795503167565, 3.0, 1.0), REL); // stats.beta.ppf(0.975, 2, 3)
    }

    #[test]
    fn phi_within_rounding_of_one_is_one() {
        for phi in [1.0 + 1e-13, 0.5, 1.0] {
            let (_, method) = rate_ratio(3, 1, 7, 1, phi).expect("defined");
            assert_eq!(method, RateMethod::Exact, "φ = {phi}");
        }
        let (_, method) = rate_ratio(3, 1, 7, 1, 1.0 + 1e-9).expect("defined");
        assert_eq!(method, RateMethod::Overdispersed { corrected: false });
    }
}

mod rate_ratio_wald {
    use super::*;

    // statsmodels' confint_poisson_2indep(method="wald-log") is exp(ln RR ±
    // z·√(1/x1 + 1/x0)); with z = Z_95·√φ it is the quasi-Poisson interval.
    // Its test_poisson_2indep(method="wald-log") statistic, divided by √φ,
    // gives the quasi-Poisson z. Counts are passed with 0.5 added where the
    // pilot has none.

    #[test]
    fn overdispersed() {
        let (e, method) = rate_ratio(290, 3, 192, 2, 2.5).expect("defined");
        assert_eq!(method, RateMethod::Overdispersed { corrected: false });
        estimate(
            e,
            (192.0 / 2.0) / (290.0 / 3.0),
            // rates.confint_poisson_2indep(192, 2, 290, 3, method='wald-log', alpha=2*stats.norm.sf(1.959964*math.sqrt(2.5)))
            0.7443440745456279,
            1.3249980656854827,
            // 2*stats.norm.sf(abs(rates.test_poisson_2indep(192, 2, 290, 3, method='wald-log').statistic)/math.sqrt(2.5))
            0.9624793909501258,
            REL,
        );
    }

    #[test]
    fn small_counts() {
        let (e, _) = rate_ratio(3, 1, 7, 1, 1.5).expect("defined");
        estimate(
            e,
            7.0 / 3.0,
            // rates.confint_poisson_2indep(7, 1, 3, 1, method='wald-log', alpha=2*stats.norm.sf(1.959964*math.sqrt(1.5)))
            0.4452256470426452,
            12.22850588372093,
            // 2*stats.norm.sf(abs(rates.test_poisson_2indep(7, 1, 3, 1, method='wald-log').statistic)/math.sqrt(1.5))
            0.3160846203445661,
            REL,
        );
    }

    #[test]
    fn large_counts() {
        let (e, _) = rate_ratio(12000, 3, 15000, 3, 3.0).expect("defined");
        estimate(
            e,
            1.25,
            // rates.confint_poisson_2indep(15000, 3, 12000, 3, method='wald-log', alpha=2*stats.norm.sf(1.959964*math.sqrt(3.0)))
            1.1990941973922893,
            1.3030669345227603,
            // 2*stats.norm.sf(abs(rates.test_poisson_2indep(15000, 3, 12000, 3, method='wald-log').statistic)/math.sqrt(3.0))
            7.055325998505124e-26,
            REL,
        );
    }

    #[test]
    fn no_pilot_leads_adds_a_half() {
        let (e, method) = rate_ratio(10, 3, 0, 1, 2.0).expect("defined");
        assert_eq!(method, RateMethod::Overdispersed { corrected: true });
        estimate(
            e,
            (0.5 / 1.0) / (10.5 / 3.0),
            // rates.confint_poisson_2indep(0.5, 1, 10.5, 3, method='wald-log', alpha=2*stats.norm.sf(1.959964*math.sqrt(2.0)))
            0.002584858865638752,
            7.895271783151302,
            // 2*stats.norm.sf(abs(rates.test_poisson_2indep(0.5, 1, 10.5, 3, method='wald-log').statistic)/math.sqrt(2.0))
            0.34181493326779155,
            REL,
        );
    }

    #[test]
    fn past_the_exact_limit() {
        let (e, method) = rate_ratio(49800, 1, 50201, 1, 1.0).expect("defined");
        assert_eq!(method, RateMethod::LargeCounts { corrected: false });
        estimate(
            e,
            50201.0 / 49800.0,
            // rates.confint_poisson_2indep(50201, 1, 49800, 1, method='wald-log', alpha=2*stats.norm.sf(1.959964*math.sqrt(1.0)))
            0.9956335849908132,
            1.0206257312495008,
            // 2*stats.norm.sf(abs(rates.test_poisson_2indep(50201, 1, 49800, 1, method='wald-log').statistic)/math.sqrt(1.0))
            0.20477523802740716,
            REL,
        );
    }

    #[test]
    fn absurd_inputs_stay_numbers() {
        let (e, method) = rate_ratio(u64::MAX, 1, u64::MAX, 1, 1.0).expect("defined");
        assert_eq!(method, RateMethod::LargeCounts { corrected: false });
        assert!(e.low <= 1.0 && 1.0 <= e.high && e.p_value == 1.0, "{e:?}");
        // A φ so large the standard error overflows: nothing is bounded.
        let (e, _) = rate_ratio(5, 1, 5, 1, f64::MAX).expect("defined");
        assert_eq!(
            (e.point, e.low, e.high, e.p_value),
            (1.0, 0.0, f64::INFINITY, 1.0)
        );
    }
}

#[test]
fn rate_ratio_undefined() {
    use Undefined::*;
    let cases = [
        ((0, 3, 5, 1, 1.0), NoBaseline), // the channel did not exist: RR is infinite
        ((0, 3, 5, 1, 2.0), NoBaseline), // whatever the method
        ((0, 3, 0, 1, 1.0), NoData),
        ((0, 3, 0, 1, 2.0), NoData),
        ((5, 0, 5, 1, 1.0), NoBaseline),
        ((5, 3, 5, 0, 1.0), NoPilot),
        ((5, 3, 5, 1, f64::NAN), InvalidInput),
        ((5, 3, 5, 1, f64::INFINITY), InvalidInput),
    ];
    for ((x0, k0, x1, k1, phi), why) in cases {
        assert_eq!(
            rate_ratio(x0, k0, x1, k1, phi),
            Err(why),
            "{x0} {k0} {x1} {k1} {phi}"
        );
    }
}

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

mod detectable_uplift {
    use super::*;

    // The worked figures, with these assumptions: a 3-month baseline
    // and a 1-month pilot; "month-to-month variation of 10–20%" read as a
    // standard deviation s of 10%–20% of the monthly mean m, so φ = s²/m
    // (held at 1 or more) is 1..4 at 100 a month and 1..2 at 50 a month.
    // The issue said roughly +43%..+79% and +52%..+85%; the formula gives
    // +38.2%..+91.0% and +58.0%..+91.0% under these assumptions (a 12-month
    // baseline would give +33.9%..+79.2% at 100 a month).
    //
    // Each MDE below is math.expm1((1.959964 + 0.841621)*math.sqrt(phi/m*(1/k1 + 1/k0))).

    #[test]
    fn worked_figures() {
        let cases = [
            // (monthly counts with that s, m, MDE); φ from them via dispersion().
            ([90, 100, 110], 100.0, 0.38195501032492835), // s = 10: φ = 1
            ([80, 100, 120], 100.0, 0.9097996505621728),  // s = 20: φ = 4
            ([45, 50, 55], 50.0, 0.5801138710641156),     // s = 5: s²/m = 0.5, φ = 1
            ([40, 50, 60], 50.0, 0.9097996505621728),     // s = 10: φ = 2
        ];
        for (counts, m, expected) in cases {
            let phi = dispersion(&counts).phi;
            let mde = minimum_detectable_uplift(phi, m, 3, 1).expect("defined");
            close(mde, expected, REL);
        }
    }

    #[test]
    fn longer_pilots_and_baselines() {
        // math.expm1((1.959964 + 0.841621)*math.sqrt(2/100*(1/2 + 1/3)))
        close(
            minimum_detectable_uplift(2.0, 100.0, 3, 2).expect("defined"),
            0.4357438370619249,
            REL,
        );
        // math.expm1((1.959964 + 0.841621)*math.sqrt(1/100*(1/1 + 1/12)))
        close(
            minimum_detectable_uplift(1.0, 100.0, 12, 1).expect("defined"),
            0.33856509013039954,
            REL,
        );
    }

    #[test]
    fn months_for_thirty_percent() {
        // next(k for k in range(1, 61) if math.expm1((1.959964 + 0.841621)*math.sqrt(phi/m*(1/k + 1/3))) <= 0.3)
        // "+30% usually needs 2–3 months" holds at 100 a month with steady
        // counts; with φ = 2 it takes 10, and with φ = 4 never (see floor).
        assert_eq!(months_to_detect(1.0, 100.0, 3, 0.3, 24), Some(2));
        assert_eq!(months_to_detect(2.0, 100.0, 3, 0.3, 24), Some(10));
        assert_eq!(months_to_detect(2.0, 100.0, 3, 0.3, 9), None);
        assert_eq!(months_to_detect(1.0, 50.0, 3, 0.3, 24), Some(10));
        assert_eq!(months_to_detect(2.0, 50.0, 3, 0.3, u32::MAX), None);
    }

    #[test]
    fn floor_of_an_endless_pilot() {
        // math.expm1((1.959964 + 0.841621)*math.sqrt(4/(100*3))): above 30%.
        let floor = 0.38195501032492835;
        assert_eq!(months_to_detect(4.0, 100.0, 3, 0.3, u32::MAX), None);
        // The longest pilot comes within 1/u32::MAX of it (relatively ~1e-10).
        let longest = minimum_detectable_uplift(4.0, 100.0, 3, u32::MAX).expect("defined");
        close(longest, floor, 1e-9);
        assert!(longest > floor);
        assert_eq!(
            months_to_detect(4.0, 100.0, 3, 0.383, u32::MAX).map(|k| k > 100),
            Some(true)
        );
    }

    #[test]
    fn undefined() {
        assert_eq!(minimum_detectable_uplift(1.0, 0.0, 3, 1), None);
        assert_eq!(minimum_detectable_uplift(1.0, f64::NAN, 3, 1), None);
        assert_eq!(minimum_detectable_uplift(f64::INFINITY, 100.0, 3, 1), None);
        assert_eq!(minimum_detectable_uplift(1.0, 100.0, 0, 1), None);
        assert_eq!(minimum_detectable_uplift(1.0, 100.0, 3, 0), None);
        for uplift in [0.0, -0.2, f64::NAN] {
            assert_eq!(months_to_detect(1.0, 100.0, 3, uplift, 24), None);
        }
        assert_eq!(months_to_detect(1.0, 100.0, 3, 0.3, 0), None);
        assert_eq!(months_to_detect(1.0, 0.0, 3, 0.3, 24), None);
    }

    #[test]
    fn phi_below_one_counts_as_one() {
        assert_eq!(
            minimum_detectable_uplift(0.3, 100.0, 3, 1),
            minimum_detectable_uplift(1.0, 100.0, 3, 1)
        );
    }

    #[test]
    fn the_seasonal_check_against_a_closed_form() {
        // python: pt=a/(p*b/q); se=math.sqrt(phi*(1/a+1/p+1/b+1/q));
        // math.exp(math.log(pt)±1.959964*se); 2*scipy.stats.norm.sf(abs(math.log(pt)/se))
        // with a, p, b, q, phi = 360, 305, 555, 560, 1.7
        let e = super::super::seasonal_ratio(360, 305, 555, 560, 1.7).unwrap();
        close(e.point, 1.1909614532565351, 1e-12);
        close(e.low, 0.926633724769852, 1e-9);
        close(e.high, 1.5306902233622066, 1e-9);
        close(e.p_value, 0.17229353613325016, 1e-9);
        // a, p, b, q, phi = 120, 130, 300, 290, 1.0
        let e = super::super::seasonal_ratio(120, 130, 300, 290, 1.0).unwrap();
        close(e.point, 0.8923076923076924, 1e-12);
        close(e.low, 0.6636904790641776, 1e-9);
        close(e.high, 1.199675214377284, 1e-9);
        close(e.p_value, 0.4505524427679136, 1e-9);
        use super::super::Undefined;
        assert_eq!(
            super::super::seasonal_ratio(10, 0, 5, 5, 1.0),
            Err(Undefined::NoBaseline)
        );
        assert_eq!(
            super::super::seasonal_ratio(0, 5, 5, 5, 1.0),
            Err(Undefined::NoPilot)
        );
    }
}
