//! Lead counts: dispersion, the rate ratio (exact and overdispersed), the detectable uplift and the seasonal check.

use super::*;

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
