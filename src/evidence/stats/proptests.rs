//! Invariants that hold for every input: ordered intervals, p-values in [0, 1], tests that agree with their intervals.

use super::*;
use proptest::prelude::*;

/// No NaN, low ≤ point ≤ high, p in [0, 1].
fn well_formed(e: &Estimate) -> Result<(), TestCaseError> {
    prop_assert!(e.low <= e.point && e.point <= e.high, "{e:?}");
    prop_assert!((0.0..=1.0).contains(&e.p_value), "{e:?}");
    Ok(())
}

/// p < 0.05 exactly when the interval leaves out `null`, checked away from
/// the edge (rounding, and Z_95 = 1.959964 against the exact 1.95996398…).
///
/// True for the Welch and the quasi-Poisson tests because the p-value and
/// the interval come from the same statistic. Not
/// claimed for proportions: the Newcombe interval and the pooled z test are
/// different statistics.
fn agrees_with_interval(e: &Estimate, null: f64) -> Result<(), TestCaseError> {
    let covers = e.low <= null && null <= e.high;
    if e.p_value < 0.049 {
        prop_assert!(!covers, "{e:?}");
    }
    if e.p_value > 0.051 {
        prop_assert!(covers, "{e:?}");
    }
    Ok(())
}

/// (x, n) with x ≤ n, n ≥ 1.
fn successes(max_n: u64) -> impl Strategy<Value = (u64, u64)> {
    (1..=max_n).prop_flat_map(|n| (0..=n, Just(n)))
}

proptest! {
    #[test]
    fn the_quasi_poisson_ratio_is_well_formed(
        base in prop::collection::vec(0u64..3000, 1..13),
        pilot in prop::collection::vec(0u64..3000, 1..7),
    ) {
        let m = |v: &[u64]| v.iter().map(|&x| Monthly::plain(x as f64)).collect::<Vec<_>>();
        match quasi_poisson_ratio(&m(&base), &m(&pilot)) {
            Ok(r) => {
                let e = r.estimate;
                // With an empty pilot the point is 0 and the interval the corrected one's.
                if !r.corrected {
                    well_formed(&e)?;
                    // The t interval and the t p-value come from one statistic.
                    agrees_with_interval(&e, 1.0)?;
                }
                prop_assert!(r.phi > 0.0 && r.se.is_finite(), "{r:?}");
            }
            Err(why) => prop_assert!(
                base.iter().sum::<u64>() == 0 || base.len() + pilot.len() < 3,
                "{why:?} {base:?} {pilot:?}"
            ),
        }
    }

    #[test]
    fn dispersion_is_at_least_one(counts in prop::collection::vec(any::<u64>(), 0..40)) {
        let d = dispersion(&counts);
        prop_assert!(d.phi.is_finite() && d.phi >= 1.0);
        prop_assert_eq!(d.known, counts.len() >= 2);
    }

    #[test]
    fn wilson_contains_the_share((x, n) in successes(1 << 40), z in 0.0f64..5.0) {
        let (low, high) = wilson(x, n, z).expect("n > 0");
        let share = x as f64 / n as f64;
        prop_assert!(0.0 <= low && low <= share && share <= high && high <= 1.0);
    }

    #[test]
    fn newcombe_stays_within_minus_one_and_one(
        (x0, n0) in successes(10_000),
        (x1, n1) in successes(10_000),
    ) {
        let e = proportion_difference(x0, n0, x1, n1).expect("n > 0");
        well_formed(&e)?;
        prop_assert!(-1.0 <= e.low && e.high <= 1.0, "{e:?}");
    }

    #[test]
    fn welch_is_well_formed(
        n0 in 2u64..1_000_000,
        n1 in 2u64..1_000_000,
        m0 in -1e6f64..1e6,
        m1 in -1e6f64..1e6,
        v0 in prop_oneof![Just(0.0), 0.0f64..1e10],
        v1 in prop_oneof![Just(0.0), 0.0f64..1e10],
    ) {
        let base = Sample { n: n0, mean: m0, variance: v0 };
        let pilot = Sample { n: n1, mean: m1, variance: v1 };
        let w = welch(base, pilot).expect("valid");
        well_formed(&w.diff)?;
        agrees_with_interval(&w.diff, 0.0)?;
        // Satterthwaite's df lies between the smaller side's n − 1 and the pooled n0 + n1 − 2.
        let (n0, n1) = (n0 as f64, n1 as f64);
        prop_assert!(w.df >= (n0.min(n1) - 1.0) * (1.0 - 1e-12), "{w:?}");
        prop_assert!(w.df <= (n0 + n1 - 2.0) * (1.0 + 1e-12), "{w:?}");
    }

    #[test]
    fn a_longer_pilot_detects_less(
        phi in 0.2f64..10.0,
        phi_df in 0u32..12,
        known in 1e-5f64..0.1,
        per_month in 1.0f64..5000.0,
        k0 in 1u32..12,
        k1 in 1u32..24,
    ) {
        let mde = |k: u32| detectable_rise(phi, phi_df, known, per_month * f64::from(k), k0 + k);
        let (shorter, longer) = (mde(k1), mde(k1 + 1));
        if let (Some(s), Some(l)) = (shorter, longer) {
            prop_assert!(l < s && l > 0.0, "{s} {l}");
        }
        // Detectable at all means some rise below e^10 − 1 reaches 80%.
        prop_assert!(longer.is_some() || shorter.is_none());
    }
}

/// Between 1 and `max_looks` information fractions ending at 1, from
/// increments of at least a tenth of the largest (so no look is refused as
/// too early or too close).
fn fractions(max_looks: usize) -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(0.1f64..1.0, 1..=max_looks).prop_map(|steps| {
        let total: f64 = steps.iter().sum();
        let mut sum = 0.0;
        let mut t: Vec<f64> = steps
            .iter()
            .map(|s| {
                sum += s;
                sum / total
            })
            .collect();
        // The last is 1 up to rounding; the design's full information is exactly 1.
        if let Some(last) = t.last_mut() {
            *last = 1.0;
        }
        t
    })
}

proptest! {
    // A design of twelve looks takes a few hundred milliseconds unoptimized.
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn sequential_boundaries_spend_alpha(t in fractions(12), alpha in 0.01f64..0.2) {
        let looks = boundaries(&t, alpha).expect("a valid design");
        let fixed = -Normal::standard().inverse_cdf(alpha / 2.0);
        let mut spent_before = 0.0;
        for look in &looks {
            prop_assert!(look.z.is_finite(), "{look:?}");
            // Crossing here and not before is at most P(|Z_j| ≥ z), so the
            // look alone spends at least what the design has by now:
            // z ≥ the one-look boundary for α(t_j), so z ≥ the fixed-sample z.
            let one_look = -Normal::standard().inverse_cdf(look.spent / 2.0);
            prop_assert!(look.z >= one_look - 1e-7 && look.z >= fixed - 1e-7, "{look:?}");
            prop_assert!(look.spent > spent_before && look.spent <= alpha, "{look:?}");
            prop_assert_eq!(look.p_value, normal_p(look.z));
            spent_before = look.spent;
        }
        prop_assert_eq!(looks.last().map(|l| l.spent), Some(alpha));
        // Under no effect the "scale" side gets half of all that is spent.
        let scale = sequential_power(&looks, 0.0).expect("valid");
        prop_assert!((scale - alpha / 2.0).abs() < 1e-9 * alpha, "{scale}");
    }

    #[test]
    fn monthly_boundaries_fall(k0 in 1u32..=60, months in 1u32..=18, rate in any::<bool>()) {
        // Equal steps of information, or the rate ratio's shrinking ones:
        // each month's boundary is lower than the month before's. (Not so
        // for any fractions: a look just after another spends next to
        // nothing, and its boundary is higher.)
        let looks: Vec<u32> = (1..=months).collect();
        let t = if rate {
            information_fractions_rate(k0, &looks)
        } else {
            looks.iter().map(|&k| f64::from(k) / f64::from(months)).collect()
        };
        let design = boundaries(&t, 0.05).expect("valid");
        for pair in design.windows(2) {
            prop_assert!(pair[1].z < pair[0].z, "{pair:?}");
        }
    }

    #[test]
    fn sequential_power_grows_with_the_effect(
        t in fractions(8),
        drift in -1.0f64..5.0,
        more in 0.01f64..1.0,
    ) {
        let looks = boundaries(&t, 0.05).expect("valid");
        let power = sequential_power(&looks, drift).expect("valid");
        let stronger = sequential_power(&looks, drift + more).expect("valid");
        prop_assert!((0.0..=1.0).contains(&power));
        // Strictly, until both are 1 in f64.
        prop_assert!(stronger > power || power == 1.0, "{power} {stronger}");
    }
}
