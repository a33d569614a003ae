//! Finding headers tested on rows held in memory, and the test double
//! ([`Grid`]) the modules above the readers use.
use super::*;
use crate::evidence::measure::mapping::{AiRule, Condition};

/// Rows held in memory, for tests of everything above the readers.
pub struct Grid {
    rows: Vec<Vec<String>>,
    at: Option<usize>,
}

impl Grid {
    pub fn new(rows: &[&[&str]]) -> Grid {
        Grid {
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect(),
            at: None,
        }
    }
}

impl Rows for Grid {
    fn advance(&mut self) -> Result<bool, ReadError> {
        let next = self.at.map_or(0, |a| a + 1);
        self.at = Some(next);
        Ok(next < self.rows.len())
    }
    fn number(&self) -> u64 {
        self.at.map_or(0, |a| a as u64 + 1)
    }
    fn width(&self) -> usize {
        self.rows[self.at.unwrap()].len()
    }
    fn cell(&self, i: usize) -> Cell<'_> {
        match self.rows[self.at.unwrap()].get(i).map(|s| s.trim()) {
            None | Some("") => Cell::Empty,
            Some(t) => Cell::Text(t),
        }
    }
}

#[test]
fn bitrix24_leads_find_their_amount_under_its_rest_title() {
    let mut g = Grid::new(&[&[
        "ID",
        "Название лида",
        "Статус",
        "Состояние",
        "Возможная сумма сделки",
        "Дата создания",
    ]]);
    let Layout::Records(r) = find(&mut g, None, &Mapping::default()).unwrap() else {
        panic!("records");
    };
    assert_eq!(r.profile.entity, "leads");
    assert_eq!(r.columns.get(&Field::Amount), Some(&4));
}

#[test]
fn finds_a_bitrix_header_below_a_title_block() {
    let mut g = Grid::new(&[
        &["Сделки за январь"],
        &[],
        &[
            "ID",
            "Название сделки",
            "Стадия сделки",
            "Сумма",
            "Дата создания",
            "Источник",
            "",
        ],
        &[
            "1",
            "Маникюр",
            "Сделка успешна",
            "1500",
            "31.01.2025",
            "AI-ассистент",
            "",
        ],
    ]);
    let mapping = Mapping {
        ai: AiRule {
            conditions: vec![Condition {
                column: "источник".into(),
                test: Test::Contains("ai".into()),
            }],
        },
        ..Mapping::default()
    };
    let Layout::Records(r) = find(&mut g, None, &mapping).unwrap() else {
        panic!("records")
    };
    assert_eq!(r.profile.system, System::Bitrix24);
    assert_eq!(r.profile.entity, "deals");
    assert_eq!(r.header_row, 3);
    assert_eq!(r.columns[&Field::Created], 4);
    assert_eq!(r.columns[&Field::Status], 2);
    assert_eq!(r.ai, [(5, Test::Contains("ai".into()))]);
    assert_eq!(g.number(), 3, "left on the header");
}

#[test]
fn tells_the_systems_apart() {
    let system = |header: &[&str]| {
        let mut g = Grid::new(&[header]);
        find(&mut g, None, &Mapping::default()).map(|l| l.system())
    };
    assert_eq!(
        system(&[
            "ID",
            "Название сделки",
            "Бюджет ₽",
            "Этап сделки",
            "Дата создания",
            "Теги"
        ])
        .unwrap(),
        System::AmoCrm
    );
    assert_eq!(
        system(&[
            "id",
            "create_date",
            "datetime",
            "attendance",
            "cost",
            "deleted"
        ])
        .unwrap(),
        System::Yclients
    );
    assert_eq!(
        system(&[
            "ID",
            "Название лида",
            "Статус",
            "Состояние",
            "Дата создания"
        ])
        .unwrap(),
        System::Bitrix24
    );
    assert_eq!(
        system(&[
            "Месяц",
            "Заявки",
            "Записи",
            "Пришли",
            "Неявки",
            "Выручка",
            "ai_leads"
        ])
        .unwrap(),
        System::Monthly
    );
    assert!(matches!(
        system(&["Дата создания", "Статус"]),
        Err(NotFound::Ambiguous(..))
    ));
    assert!(matches!(
        system(&["Клиент", "Телефон"]),
        Err(NotFound::Unknown { best: Some((1, _)) })
    ));
}

#[test]
fn says_which_column_is_missing() {
    let mut g = Grid::new(&[&["ID", "Стадия сделки", "Дата"]]);
    match find(&mut g, Some(System::Bitrix24), &Mapping::default()) {
        Err(NotFound::Missing {
            key, wanted, best, ..
        }) => {
            assert_eq!(key, "created");
            assert_eq!(wanted, ["Дата создания", "DATE_CREATE"]);
            assert_eq!(best.unwrap().1, ["ID", "Стадия сделки", "Дата"]);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_mapping_names_the_columns() {
    let mut g = Grid::new(&[&["Когда", "Что с клиентом", "Деньги"]]);
    let mut mapping = Mapping::default();
    mapping.fields.insert(Field::Created, "Когда".into());
    mapping
        .fields
        .insert(Field::Status, "Что с клиентом".into());
    mapping.fields.insert(Field::Amount, "Деньги".into());
    let Layout::Records(r) = find(&mut g, None, &mapping).unwrap() else {
        panic!("records")
    };
    assert_eq!(r.profile.system, System::Custom);
    assert_eq!(r.columns[&Field::Amount], 2);
}
