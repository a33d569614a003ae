//! The counting rules on small sheets held in memory, each case checked by hand.
use super::*;
use crate::evidence::measure::layout::{find, tests::Grid};
use crate::evidence::measure::mapping::{AiRule, Condition};

fn run(grid: &[&[&str]], mapping: &Mapping) -> Counter {
    let mut g = Grid::new(grid);
    let layout = find(&mut g, None, mapping).unwrap();
    let split = mapping.ai.is_set()
        || matches!(&layout, Layout::Monthly(m) if m.columns.keys().any(|k| k.1));
    let mut c = Counter::new(coverage(&layout, mapping), split, mapping, None, None);
    c.count_file("deals.csv", &layout, &mut g).unwrap();
    c
}

fn m(s: &str) -> Month {
    s.parse().unwrap()
}

#[test]
fn counts_bitrix_deals_by_cohort_with_the_ai_split() {
    let mapping = Mapping {
        ai: AiRule {
            conditions: vec![Condition {
                column: "Источник".into(),
                test: Test::Equals(vec!["AI-ассистент".into()]),
            }],
        },
        statuses: vec![("Записан".into(), Outcome::Booked)],
        ..Mapping::default()
    };
    let c = run(
        &[
            &[
                "ID",
                "Стадия сделки",
                "Сумма",
                "Дата создания",
                "Источник",
                "",
            ],
            &[
                "1",
                "Сделка успешна",
                "1 500,00",
                "31.01.2025 23:10:00",
                "AI-ассистент",
                "",
            ],
            // Bitrix repeats a deal per product row: counted once.
            &[
                "1",
                "Сделка успешна",
                "1 500,00",
                "31.01.2025 23:10:00",
                "AI-ассистент",
                "",
            ],
            &[
                "2",
                "Сделка провалена",
                "0",
                "01.02.2025 09:00:00",
                "Звонок",
                "",
            ],
            &[
                "3",
                "Записан",
                "",
                "02.02.2025 10:00:00",
                "ai-ассистент",
                "",
            ],
            &["4", "C1:WON", "2500.5", "03.02.2025", "Сайт", ""],
            // The same ID with another stage: reported, the first row kept.
            &["4", "Сделка провалена", "2500.5", "03.02.2025", "Сайт", ""],
            &["5", "Сделка успешна", "abc", "04.02.2025", "Сайт", ""],
            &["6", "В работе", "", "31.02.2025", "Сайт", ""],
            &["", "", "", "", "", ""],
            &["Итого", "", "4000,5", "", "", ""],
        ],
        &mapping,
    );
    let q = &c.quality;
    assert_eq!(q.rows, 9, "the blank row is not a row");
    // Row 8's amount "abc" cannot be read: the visit counts, its revenue does not.
    assert_eq!(q.used, 5);
    assert_eq!(q.duplicates, 2);
    assert_eq!(q.conflicts, 1);
    assert_eq!(q.conflict_examples[0].id, "4");
    assert_eq!(q.conflict_examples[0].counted.1, 6);
    assert_eq!(q.conflict_examples[0].other.1, 7);
    assert_eq!(q.skipped_rows(), 1);
    assert_eq!(q.totals_rows, 1);
    assert_eq!(
        q.rows,
        q.used + q.duplicates + q.outside_period + q.skipped_rows() + q.totals_rows
    );
    let reasons: Vec<(Reason, &str, u64)> = q
        .skipped
        .iter()
        .map(|s| (s.reason, s.column.as_str(), s.examples[0].row))
        .collect();
    assert_eq!(reasons, [(Reason::BadDate, "Дата создания", 9)]);
    let unreadable = &q.unreadable_amounts;
    assert_eq!(unreadable.len(), 1);
    assert_eq!(
        (
            unreadable[0].reason,
            unreadable[0].rows,
            unreadable[0].examples[0].row
        ),
        (Reason::BadAmount, 1, 8)
    );
    assert_eq!(unreadable[0].examples[0].value, "abc");
    assert_eq!(q.unpriced_visits, 1);
    let jan = c.funnel.tally(m("2025-01"), Channel::All).unwrap();
    assert_eq!(
        (jan.leads, jan.bookings, jan.visits),
        (Some(1), Some(1), Some(1))
    );
    assert_eq!(jan.revenue, Some("1500.00".parse().unwrap()));
    let feb = c.funnel.tally(m("2025-02"), Channel::All).unwrap();
    assert_eq!(
        (feb.leads, feb.bookings, feb.visits),
        (Some(4), Some(3), Some(2))
    );
    assert_eq!(feb.no_shows, None, "Bitrix deals have no no-show stage");
    let feb_ai = c.funnel.tally(m("2025-02"), Channel::Ai).unwrap();
    assert_eq!((feb_ai.leads, feb_ai.bookings), (Some(1), Some(1)));
    let feb_other = c.funnel.tally(m("2025-02"), Channel::Other).unwrap();
    assert_eq!(feb_other.leads, Some(3));
    assert_eq!(feb_other.revenue, Some("2500.5".parse().unwrap()));
    let how: Vec<(&str, Option<How>, u64)> = c
        .statuses()
        .iter()
        .map(|s| (s.text.as_str(), s.how, s.rows))
        .collect();
    assert_eq!(
        how,
        [
            ("Сделка успешна", Some(How::Profile), 3),
            ("Сделка провалена", Some(How::Profile), 2),
            ("Записан", Some(How::Mapping), 1),
            ("C1:WON", Some(How::Profile), 1),
        ]
    );
}

#[test]
fn unknown_statuses_are_collected_and_not_counted() {
    let c = run(
        &[
            &["ID", "Стадия сделки", "Дата создания"],
            &["1", "Пришёл на маникюр", "01.02.2025"],
            &["2", "Пришёл на маникюр", "01.02.2025"],
        ],
        &Mapping::default(),
    );
    assert_eq!(c.statuses()[0].outcome, None);
    assert_eq!(c.statuses()[0].rows, 2);
    assert_eq!(c.quality.used, 0);
}

#[test]
fn a_stage_group_settles_custom_stages() {
    let c = run(
        &[
            &[
                "ID",
                "Стадия сделки",
                "Группа стадий",
                "Дата создания",
                "Сумма",
            ],
            &["1", "Записан на стрижку", "В работе", "01.02.2025", ""],
            &["2", "Пришёл", "Сделка успешна", "01.02.2025", "2000"],
        ],
        &Mapping::default(),
    );
    let feb = c.funnel.tally(m("2025-02"), Channel::All).unwrap();
    assert_eq!((feb.leads, feb.visits), (Some(2), Some(1)));
    assert_eq!(c.statuses()[0].how, Some(How::Group));
}

#[test]
fn yclients_records_have_no_leads_and_know_no_shows() {
    let c = run(
        &[
            &[
                "id",
                "create_date",
                "datetime",
                "attendance",
                "cost",
                "deleted",
            ],
            &[
                "1",
                "2025-03-01 10:00:00",
                "2025-03-05T10:00:00+03:00",
                "1",
                "2000",
                "0",
            ],
            &[
                "2",
                "2025-03-01 11:00:00",
                "2025-03-06T10:00:00+03:00",
                "-1",
                "1800",
                "0",
            ],
            &[
                "3",
                "2025-03-02 11:00:00",
                "2025-03-07T10:00:00+03:00",
                "2",
                "1800",
                "0",
            ],
            &[
                "4",
                "2025-03-02 12:00:00",
                "2025-03-07T12:00:00+03:00",
                "0",
                "1800",
                "1",
            ],
        ],
        &Mapping::default(),
    );
    let mar = c.funnel.tally(m("2025-03"), Channel::All).unwrap();
    assert_eq!(mar.leads, None);
    assert_eq!(
        (mar.bookings, mar.visits, mar.no_shows),
        (Some(3), Some(1), Some(1))
    );
    let f = mar.figures();
    assert_eq!(f.no_show_rate, Some("0.5".parse().unwrap()));
    assert_eq!(f.average_check, Some("2000".parse().unwrap()));
}

#[test]
fn monthly_sheets_split_by_ai_columns() {
    let c = run(
        &[
            &["Отчёт салона за 2025 год"],
            &[
                "Месяц",
                "Заявки",
                "Записи",
                "Пришли",
                "Неявки",
                "Выручка",
                "ai_leads",
            ],
            &["январь 2025", "100", "20", "18", "2", "27 000", "0"],
            &["02.2025", "120", "30", "25", "5", "37 500,50", "15"],
            &["02.2025", "120", "31", "25", "5", "37 500,50", "15"],
            &["03.2025", "90", "x", "", "", "", "5"],
            &["04.2025", "10", "1", "1", "0", "1500", "11"],
        ],
        &Mapping::default(),
    );
    let q = &c.quality;
    assert_eq!((q.rows, q.used, q.duplicates, q.conflicts), (5, 2, 1, 1));
    assert_eq!(q.conflict_examples[0].counted.1, 4);
    assert_eq!(q.skipped[0].reason, Reason::BadCount);
    assert_eq!(q.skipped[1].reason, Reason::AiAboveTotal);
    let feb = c.funnel.tally(m("2025-02"), Channel::All).unwrap();
    assert_eq!(
        feb.figures().average_check,
        Some("1500.02".parse().unwrap())
    );
    let other = c.funnel.tally(m("2025-02"), Channel::Other).unwrap();
    assert_eq!(other.leads, Some(105));
    assert_eq!(other.bookings, None, "no ai_bookings column: unknown");
}
