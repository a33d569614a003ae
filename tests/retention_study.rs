//! The returns check's simulation study, short and seeded: its intervals
//! hold the truth about 95% of the time and it says "the channels differ"
//! about 5% of the time when they do not. `bench/retention_study.sh` runs
//! the same study long; its table is in the README.

mod returns_study;

use returns_study::{Truth, study};

/// 300 runs: a 95% rate's Monte Carlo error is 1.3 points, so 89–99.5% is
/// more than four errors either side; a 5% rate lies in 0–11%.
const RUNS: u64 = 300;

#[test]
fn intervals_hold_the_truth_and_no_difference_is_rarely_called_one() {
    let t = study(&Truth::null(), 20, RUNS);
    assert_eq!(t.too_early, 0, "{t:?}");
    for hits in [t.covers[0], t.covers[1], t.difference_covers, t.existing[2]] {
        let share = hits as f64 / RUNS as f64;
        assert!((0.89..=0.995).contains(&share), "{share}: {t:?}");
    }
    assert!(t.differs as f64 / (RUNS as f64) < 0.11, "{t:?}");
    assert_eq!(t.existing[0], RUNS, "{t:?}");
    assert!(t.existing[1] as f64 / (RUNS as f64) < 0.11, "{t:?}");
}

#[test]
fn a_one_month_pilot_read_at_its_end_is_too_early() {
    let truth = Truth {
        pilot_months: 1,
        tail_days: 0,
        ..Truth::null()
    };
    assert_eq!(study(&truth, 21, 20).too_early, 20);
}

#[test]
fn clients_lost_more_often_are_found() {
    let mut truth = Truth::null();
    truth.assistant.lost = 0.35;
    // 60-day return 0.65·(1 − e^(−4/3)) = 0.479 against 0.85·(1 − e^(−4/3))
    // = 0.626, from about 60 and 180 clients: the difference is about
    // √(0.479·0.521/60 + 0.626·0.374/180) = 0.074, two standard errors, so
    // found about half the time (the long study gives the figure); never
    // found would mean the check cannot see it, always would mean it is too bold.
    let t = study(&truth, 22, 100);
    assert!((30..=75).contains(&t.differs), "{t:?}");
}

#[test]
fn every_scenario_runs_into_the_table() {
    let table = returns_study::table(23, 3);
    assert_eq!(
        table.lines().count(),
        2 + returns_study::scenarios().len(),
        "{table}"
    );
    assert_eq!(returns_study::rate(19, 20), "95.0 ± 4.9");
}
