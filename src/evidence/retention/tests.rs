//! Retention worked out by hand on a few clients.

use super::*;
use crate::evidence::measure::records::{ClientRecord, Clients};
use chrono::NaiveDate;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// A record of client `client`: created and visited on `date` (`came`), or
/// only created (a no-show, a lost lead).
fn rec(client: u32, date: &str, came: bool, rub: i64, ai: bool) -> ClientRecord {
    ClientRecord {
        client,
        created: day(date),
        date: day(date),
        visited: came,
        ai,
        amount: came.then(|| Decimal::from(rub)),
        by: None,
    }
}

/// The day of the run, past every date these tests write.
const TODAY: NaiveDate = NaiveDate::from_ymd_opt(2030, 1, 1).unwrap();

fn clients(names: &[&str], records: Vec<ClientRecord>) -> Clients {
    let mut c = Clients::new();
    c.names = names.iter().map(|n| n.to_string()).collect();
    c.last = records.iter().map(|r| r.created.max(r.date)).max();
    c.records = records;
    c.columns = vec!["Телефон".into()];
    c
}

#[test]
fn placeholders_are_known_words_zeros_and_repeated_digits() {
    for key in [
        "0",
        "000",
        "-",
        "—",
        "?",
        "Без имени",
        "БЕЗ ИМЕНИ",
        "Клиент",
        "неизвестно",
        "n/a",
        "+70000000000",
        "+79999999999",
    ] {
        assert!(is_placeholder(key), "{key}");
    }
    for key in ["+79001234567", "Анна", "1", "4821", "Клиентка 12", "10"] {
        assert!(!is_placeholder(key), "{key}");
    }
}

#[test]
fn visits_are_sorted_per_client_and_a_same_day_visit_is_no_return() {
    // Written newest first: Анна's rows out of order; her two services on
    // 03-01 are one visit; she returns on 03-31 (day 30).
    let c = clients(
        &["+79001112233"],
        vec![
            rec(0, "2025-03-31", true, 1000, false),
            rec(0, "2025-03-01", true, 700, false),
            rec(0, "2025-03-01", true, 500, false),
            rec(0, "2025-05-30", false, 0, false),
        ],
    );
    let r = retention(&c, false, None, TODAY).unwrap();
    assert_eq!(r.end, day("2025-05-30"));
    let march = &r.cohorts[0];
    assert_eq!(
        (march.month.to_string(), march.new_clients),
        ("2025-03".into(), 1)
    );
    // Back on day 30: 30 d is 100 %, and so is 90 d, the 90 days followed
    // (03-01 → 05-30), everyone being back; 180 d is past them: unknown.
    assert_eq!(march.returned[0], Some(1.0));
    assert_eq!(march.returned[2], Some(1.0));
    assert_eq!(march.returned[3], None);
    assert_eq!(r.months.len(), 1);
    assert_eq!((r.months[0].new_clients, r.months[0].returning), (1, 0));
}

#[test]
fn ltv_waits_for_every_client_of_the_cohort() {
    // Two January clients: Анна (01-10, back 03-10 and 08-01), Борис
    // (01-31, never back). The export ends 2025-07-31: Борис's six months
    // end on 07-30, so LTV 6 is known: (1 500 + 2 000 + 1 000) / 2 —
    // Анна's 08-01 visit is past her 6 months (07-10), and past the end.
    let mut records = vec![
        rec(0, "2025-01-10", true, 1500, true),
        rec(0, "2025-03-10", true, 2000, true),
        rec(1, "2025-01-31", true, 1000, false),
    ];
    records.push(rec(2, "2025-07-31", false, 0, false));
    let c = clients(&["a", "b", "c"], records);
    let r = retention(&c, true, None, TODAY).unwrap();
    let all = r
        .cohorts
        .iter()
        .find(|c| c.channel == Channel::All)
        .unwrap();
    assert_eq!(all.ltv_6, Some(Decimal::from(2250)));
    assert_eq!(all.visits_6, Some(Decimal::new(15, 1)));
    assert_eq!(all.ltv_12, None);
    // By channel: Анна's first lead is the assistant's.
    let ai = r.cohorts.iter().find(|c| c.channel == Channel::Ai).unwrap();
    assert_eq!((ai.new_clients, ai.ltv_6), (1, Some(Decimal::from(3500))));
    // A day short of six months for Борис: unknown.
    let mut short = c.clone();
    short.last = Some(day("2025-07-29"));
    let r = retention(&short, false, None, TODAY).unwrap();
    assert_eq!(r.cohorts[0].ltv_6, None);
}

#[test]
fn a_key_on_more_days_than_a_weekly_client_is_refused() {
    // 40 days of records under one key over 70 days (limit: 12, the
    // floor, over 10 weeks), and a real client on 3 days.
    let mut records: Vec<ClientRecord> = (0..40)
        .map(|n| {
            let d = day("2025-01-01") + chrono::Days::new(n * 7 / 4);
            ClientRecord {
                client: 0,
                created: d,
                date: d,
                visited: true,
                ai: false,
                amount: None,
                by: None,
            }
        })
        .collect();
    records.extend([
        rec(1, "2025-01-05", true, 1000, false),
        rec(1, "2025-02-05", true, 1000, false),
        rec(1, "2025-03-12", true, 1000, false),
    ]);
    let c = clients(&["+78632000001", "+79001112233"], records);
    let r = retention(&c, false, None, TODAY).unwrap();
    assert_eq!(r.account.limit, 12);
    assert_eq!(r.account.clients, 1);
    let p = &r.account.placeholders[0];
    assert_eq!(
        (p.value.as_str(), p.records, p.known),
        ("+78632000001", 40, false)
    );
    assert_eq!(r.cohorts[0].new_clients, 1);
}

#[test]
fn refuses_what_names_nobody() {
    let mut c = clients(&[], Vec::new());
    c.without_client = 5;
    let e = retention(&c, false, None, TODAY).unwrap_err().to_string();
    assert!(e.contains("none of the 5 records names a client"), "{e}");
    c.columns.clear();
    let e = retention(&c, false, None, TODAY).unwrap_err().to_string();
    assert!(e.contains("no column that names the client"), "{e}");
    let only = clients(&["0"], vec![rec(0, "2025-01-01", true, 1, false)]);
    let e = retention(&only, false, None, TODAY)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("every record's client in «Телефон» is a placeholder («0»)"),
        "{e}"
    );
    let never = clients(&["a"], vec![rec(0, "2025-01-01", false, 0, false)]);
    let e = retention(&never, false, None, TODAY)
        .unwrap_err()
        .to_string();
    assert!(e.contains("no named client has a visit"), "{e}");
}

#[test]
fn repeat_visits_by_hand() {
    // A year and a month of two cohorts: January (2 clients) and February
    // (1). Анна (Jan) comes in Feb and twice in Mar; Борис (Jan) in Mar;
    // Вера (Feb) in Mar. r_1 = (Анна's Feb + Вера's Mar) / 3 = 2/3;
    // r_2 = (Анна's 2 + Борис's 1 in Mar) / 3 ... Вера's Apr: none → 3/3.
    let c = clients(
        &["a", "b", "c"],
        vec![
            rec(0, "2025-01-10", true, 1, false),
            rec(0, "2025-02-10", true, 1, false),
            rec(0, "2025-03-01", true, 1, false),
            rec(0, "2025-03-20", true, 1, false),
            rec(1, "2025-01-15", true, 1, false),
            rec(1, "2025-03-15", true, 1, false),
            rec(2, "2025-02-03", true, 1, false),
            rec(2, "2025-03-03", true, 1, false),
            rec(2, "2026-01-31", false, 0, false),
        ],
    );
    let r = repeat(&c, TODAY).unwrap();
    assert_eq!(r.clients, 3);
    assert_eq!(r.visits[0], Decimal::from(2) / Decimal::from(3));
    assert_eq!(r.visits[1], Decimal::ONE);
    // r_12: only January's month 12 (2026-01) is covered whole: none.
    assert_eq!(r.visits.len(), 12);
    assert_eq!(r.visits[11], Decimal::ZERO);
    // Ending a day earlier, January 2026 is not whole: 11 figures... and
    // 2025-01 — 2025-12 is still a year.
    let mut short = c.clone();
    short.last = Some(day("2026-01-30"));
    assert_eq!(repeat(&short, TODAY).unwrap().visits.len(), 11);
    short.last = Some(day("2025-12-30"));
    let why = repeat(&short, TODAY).unwrap_err();
    assert!(
        why.contains("2025-01 — 2025-12, under the 12 months"),
        "{why}"
    );
}

#[test]
fn a_scenario_hears_why_there_are_no_repeat_visits() {
    let mut c = clients(&[], Vec::new());
    c.without_client = 3;
    let why = repeat(&c, TODAY).unwrap_err();
    assert!(
        why.starts_with("none of the 3 records names a client"),
        "{why}"
    );
}

#[test]
fn visit_days_for_the_pilot() {
    let c = clients(
        &["a", "0"],
        vec![
            rec(0, "2025-03-31", true, 1, true),
            rec(0, "2025-03-01", true, 1, true),
            rec(0, "2025-03-01", true, 1, true),
            rec(0, "2025-04-02", false, 0, true),
            rec(1, "2025-03-05", true, 1, false),
        ],
    );
    assert_eq!(
        visit_days(&c, day("2026-01-01")).unwrap().0,
        [(true, vec![day("2025-03-01"), day("2025-03-31")])]
    );
}

#[test]
fn records_dated_after_today_are_left_out_with_a_day_of_grace() {
    // Run on 2025-03-01: a visit dated the 2nd may be today east of UTC and
    // stays; the 3rd is in the future everywhere.
    let today = day("2025-03-01");
    let c = clients(
        &["a", "b"],
        vec![
            rec(0, "2025-01-10", true, 1000, false),
            rec(0, "2025-03-02", true, 1000, false),
            rec(1, "2025-01-20", true, 1000, false),
            rec(1, "2025-03-03", true, 1000, false),
        ],
    );
    let r = retention(&c, false, None, today).unwrap();
    assert_eq!(r.end, day("2025-03-02"));
    let future = r.account.future.unwrap();
    assert_eq!((future.records, future.latest), (1, day("2025-03-03")));
    assert_eq!(future.end, day("2025-03-02"));
    // b's later visit is gone: she is censored, not back on day 42.
    assert_eq!(r.cohorts[0].returned[0], Some(0.0));
    assert!(
        retention(&c, false, None, TODAY)
            .unwrap()
            .account
            .future
            .is_none()
    );
}
