//! The pilot's returns on clients whose figures are worked out by hand.

use super::*;

fn d(text: &str) -> NaiveDate {
    text.parse().expect("a test date")
}

fn period(from: &str, to: &str) -> Period {
    Period {
        from: from.parse().expect("a month"),
        to: to.parse().expect("a month"),
    }
}

fn dates(list: &[&str]) -> Vec<NaiveDate> {
    list.iter().map(|s| d(s)).collect()
}

#[track_caller]
fn close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() < 1e-9,
        "{actual} against {expected}"
    );
}

/// Pilot March–April 2025, export ending 30 June.
/// Assistant: back after 40 days; seen once on 15 March (censored at 107).
/// Others: back after 71 and 14 days; seen once on 30 April (censored at 61);
/// one first seen in February, before the pilot, so not a new client of it.
fn new_clients() -> Vec<(bool, Vec<NaiveDate>)> {
    vec![
        (true, dates(&["2025-03-01", "2025-04-10"])),
        (true, dates(&["2025-03-15"])),
        (false, dates(&["2025-03-10", "2025-05-20"])),
        (false, dates(&["2025-04-01", "2025-04-15"])),
        (false, dates(&["2025-02-01", "2025-03-20"])),
        (false, dates(&["2025-04-30"])),
    ]
}

fn histories(all: &[(bool, Vec<NaiveDate>)]) -> Vec<History<'_>> {
    all.iter()
        .map(|(assistant, visits)| History {
            assistant: *assistant,
            visits,
        })
        .collect()
}

/// The new clients' pilot of March–April 2025, the export ending on `end`.
fn march_april_pilot_read_on(end: &str) -> Returns {
    let all = new_clients();
    judge(
        &histories(&all),
        period("2025-01", "2025-02"),
        period("2025-03", "2025-04"),
        d("2025-01-01"),
        d(end),
    )
}

#[test]
fn new_clients_are_compared_at_the_same_age() {
    let r = march_april_pilot_read_on("2025-06-30");
    let n = &r.new_clients;
    assert_eq!((n.assistant.clients, n.assistant.returned_so_far), (2, 1));
    assert_eq!((n.other.clients, n.other.returned_so_far), (3, 2));
    // By day 60 the assistant's: 1 of 2 at risk on day 40 → 0.5, Greenwood
    // 1/(2·1); the others': 1 of 3 on day 14 → 1/3, Greenwood 1/(3·2).
    close(n.assistant.at_age().unwrap().0, 0.5);
    close(n.other.at_age().unwrap().0, 1.0 / 3.0);
    // Each share's log(−log) interval: S = exp(−exp(ln(−ln S) ± z·√G/|ln S|)),
    // G the Greenwood sum; the difference's by MOVER from them.
    let ends = |s: f64, g: f64| {
        let (c, w) = ((-s.ln()).ln(), 1.959963984540054 * g.sqrt() / s.ln().abs());
        (1.0 - (-(c - w).exp()).exp(), 1.0 - (-(c + w).exp()).exp())
    };
    let ((a_low, a_high), (o_low, o_high)) = (ends(0.5, 0.5), ends(2.0 / 3.0, 1.0 / 6.0));
    let (a, o) = (0.5, 1.0 / 3.0);
    let diff = n.difference.unwrap();
    close(diff.estimate, a - o);
    close(diff.low, a - o - (a - a_low).hypot(o_high - o));
    close(diff.high, a - o + (a_high - a).hypot(o - o_low));
    assert_eq!(n.verdict(), Some(Verdict::Unclear));
    assert!(!n.too_early());
}

#[test]
fn before_sixty_days_of_follow_up_it_is_too_early() {
    let r = march_april_pilot_read_on("2025-04-30");
    // The assistant's longest follow-up is 15 March → 30 April, 46 days.
    assert!(r.new_clients.too_early());
    assert_eq!(r.new_clients.verdict(), None);
    assert_eq!(r.new_clients.assistant.at_age(), None);
    // The counts so far are still told: the 10 April return is inside.
    assert_eq!(r.new_clients.assistant.returned_so_far, 1);
    // Look again when each channel's longest-followed client not yet back
    // reaches 60 days: the assistant's 46 days (14 to go), the others'
    // 10 March → 30 April, 51 days (9 to go): 14 days after 30 April.
    assert_eq!(r.new_clients.ready(r.end), Some(d("2025-05-14")));
}

/// Four clients over 2024: C1 regular, C2 from July, C3 lapsed since January
/// and brought back in November, C4 new in August.
fn regulars() -> Vec<(bool, Vec<NaiveDate>)> {
    vec![
        (
            false,
            dates(&["2024-03-01", "2024-08-05", "2024-10-03", "2024-11-07"]),
        ),
        (true, dates(&["2024-07-10", "2024-09-12", "2024-10-20"])),
        (false, dates(&["2024-01-15", "2024-11-02"])),
        (false, dates(&["2024-08-20", "2024-09-25"])),
    ]
}

#[test]
fn existing_clients_return_per_active_client() {
    let all = regulars();
    let r = judge(
        &histories(&all),
        period("2024-08", "2024-09"),
        period("2024-10", "2024-11"),
        d("2024-01-01"),
        d("2024-11-30"),
    );
    let e = r.existing.expect("half a year of history before August");
    let m = |s: &str| s.parse::<Month>().unwrap();
    // August: active since 30 January are C1 and C2 (C3's last visit is
    // 15 January), one visit (C1, 5 August). September: C1, C2, C4 active,
    // C2 and C4 came. October: C1, C2, C4 active, C1 and C2 came. November:
    // the same three active, C1 came and C3 came back from lapsing.
    assert_eq!(e.baseline, vec![(m("2024-08"), 1, 2), (m("2024-09"), 2, 3)]);
    assert_eq!(e.pilot, vec![(m("2024-10"), 2, 3), (m("2024-11"), 2, 3)]);
    let ratio = e.ratio.expect("a ratio");
    // (4 / 6) / (3 / 5); φ = X²/2 with fitted 1.2, 1.8, 2, 2.
    close(ratio.estimate.point, (4.0 / 6.0) / (3.0 / 5.0));
    close(ratio.phi, (0.04 / 1.2 + 0.04 / 1.8) / 2.0);
}

#[test]
fn without_half_a_year_of_history_existing_clients_are_not_judged() {
    let all = regulars();
    let r = judge(
        &histories(&all),
        period("2024-05", "2024-06"),
        period("2024-10", "2024-11"),
        d("2024-01-01"),
        d("2024-11-30"),
    );
    assert_eq!(r.existing, None);
}
