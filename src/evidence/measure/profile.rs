//! What each system's export looks like: its column names (the Russian UI's and
//! the API's) and its default statuses, so a file is understood without a mapping.

use super::cell::Order;
use std::fmt;

/// What became of a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Outcome {
    /// Closed without a booking.
    Lost,
    /// Still in progress: counts as a lead, not yet as a booking.
    Open,
    /// Booked; whether the client came is not known yet.
    Booked,
    /// Came; the amount is revenue.
    Visited,
    /// Booked and did not come.
    NoShow,
}

impl Outcome {
    /// Every outcome, in funnel order.
    pub const ALL: [Outcome; 5] = [
        Outcome::Lost,
        Outcome::Open,
        Outcome::Booked,
        Outcome::Visited,
        Outcome::NoShow,
    ];

    /// What it means, in words for people (a catalogue key).
    pub fn meaning(self) -> &'static str {
        match self {
            Outcome::Lost => "lost",
            Outcome::Open => "in progress",
            Outcome::Booked => "booked, the visit still ahead",
            Outcome::Visited => "came",
            Outcome::NoShow => "did not come",
        }
    }

    /// The name in mapping files and JSON: `lost`, `open`, `booked`, `visited`, `no_show`.
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Lost => "lost",
            Outcome::Open => "open",
            Outcome::Booked => "booked",
            Outcome::Visited => "visited",
            Outcome::NoShow => "no_show",
        }
    }

    /// The outcome of a mapping file's name for it.
    pub fn from_name(name: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.name() == name)
    }
}

/// The system that wrote an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum System {
    /// Bitrix24 deals or leads.
    Bitrix24,
    /// amoCRM (Kommo) deals.
    AmoCrm,
    /// YCLIENTS (or Altegio) booking records.
    Yclients,
    /// A hand-kept sheet of monthly totals.
    Monthly,
    /// Whatever a mapping file describes.
    Custom,
}

impl System {
    /// The name on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            System::Bitrix24 => "bitrix24",
            System::AmoCrm => "amocrm",
            System::Yclients => "yclients",
            System::Monthly => "monthly",
            System::Custom => "custom",
        }
    }
}

impl System {
    /// Its name for people, a catalogue key ("monthly totals" is translated).
    pub fn title(self) -> &'static str {
        match self {
            System::Bitrix24 => "Bitrix24",
            System::AmoCrm => "amoCRM",
            System::Yclients => "YCLIENTS",
            System::Monthly => "monthly totals",
            System::Custom => "mapped columns",
        }
    }
}

impl fmt::Display for System {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A column a record's profile looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// The record's ID, for counting repeated rows once.
    Id,
    /// When the record was created: its month is the record's cohort.
    Created,
    /// The stage or status as written.
    Status,
    /// Bitrix24's stage group (`S`/`F`/`P`), which settles a status the profile does not know.
    Group,
    /// The amount; revenue for a visit.
    Amount,
    /// Where the lead came from.
    Source,
    /// UTM source.
    UtmSource,
    /// Tags (amoCRM).
    Tags,
    /// The visit's date (booking systems): a visit is dated by it for
    /// retention, the record's creation date otherwise.
    Visit,
    /// A deleted booking (YCLIENTS), lost whatever its status.
    Deleted,
    /// Who the client is: a contact's ID or name (retention only).
    Client,
    /// The client's phone, which identifies her better than a name
    /// (retention only).
    Phone,
}

impl Field {
    /// Every field, in mapping-file order.
    pub const ALL: [Field; 12] = [
        Field::Id,
        Field::Created,
        Field::Status,
        Field::Group,
        Field::Amount,
        Field::Source,
        Field::UtmSource,
        Field::Tags,
        Field::Visit,
        Field::Deleted,
        Field::Client,
        Field::Phone,
    ];

    /// The key in a mapping file's `[columns]`.
    pub fn key(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Created => "created",
            Field::Status => "status",
            Field::Group => "group",
            Field::Amount => "amount",
            Field::Source => "source",
            Field::UtmSource => "utm_source",
            Field::Tags => "tags",
            Field::Visit => "visit_date",
            Field::Deleted => "deleted",
            Field::Client => "client",
            Field::Phone => "phone",
        }
    }
}

/// A column of a monthly sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Total {
    /// The month.
    Month,
    /// Leads (enquiries).
    Leads,
    /// Bookings.
    Bookings,
    /// Visits.
    Visits,
    /// No-shows.
    NoShows,
    /// Revenue.
    Revenue,
}

impl Total {
    /// Every column, month first.
    pub const ALL: [Total; 6] = [
        Total::Month,
        Total::Leads,
        Total::Bookings,
        Total::Visits,
        Total::NoShows,
        Total::Revenue,
    ];

    /// The key in a mapping file's `[columns]` (`ai_` + it for the assistant's share).
    pub fn key(self) -> &'static str {
        match self {
            Total::Month => "month",
            Total::Leads => "leads",
            Total::Bookings => "bookings",
            Total::Visits => "visits",
            Total::NoShows => "no_shows",
            Total::Revenue => "revenue",
        }
    }

    /// Headers a hand-made sheet uses for it, English and Russian.
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            Total::Month => &["month", "месяц", "период"],
            Total::Leads => &["leads", "лиды", "заявки", "обращения"],
            Total::Bookings => &["bookings", "записи", "записались"],
            Total::Visits => &["visits", "визиты", "пришли", "посещения"],
            Total::NoShows => &["no_shows", "no-shows", "неявки", "не пришли"],
            Total::Revenue => &["revenue", "выручка", "выручка, ₽", "выручка ₽"],
        }
    }
}

/// What a status group cell (Bitrix24's `S`, `F`, `P`) means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Semantic {
    /// `S`: won (a deal) or converted (a lead).
    Success,
    /// `F`: lost or junk.
    Failure,
    /// `P`: in progress.
    Process,
}

/// One system's export of records: the columns it writes and the statuses it defaults to.
#[derive(Debug)]
pub struct Profile {
    /// The system.
    pub system: System,
    /// Which of its exports: "deals", "leads", "records".
    pub entity: &'static str,
    /// Header names each field goes by, the Russian UI's first.
    pub columns: &'static [(Field, &'static [&'static str])],
    /// Headers found only in this system's export, which tell it from the others.
    pub markers: &'static [&'static str],
    /// Default status texts (and API codes) and their outcomes.
    pub statuses: &'static [(&'static str, Outcome)],
    /// What a stage group's success means: a won deal came; a converted lead booked.
    pub success: Outcome,
    /// Whether every record is a lead (CRMs) or only a booking (booking systems: no leads).
    pub records_are_leads: bool,
    /// The order of day and month the system writes `a-b-YYYY` dates in, when
    /// it is known (amoCRM's CSV: day first); otherwise each column proves its own.
    pub date_order: Option<Order>,
}

impl Profile {
    /// Header names of a field.
    pub fn aliases(&self, field: Field) -> &'static [&'static str] {
        self.columns
            .iter()
            .find(|(f, _)| *f == field)
            .map_or(&[], |(_, names)| names)
    }

    /// The outcome a default status text gives (compared in [`normalize`]d form).
    pub fn status(&self, text: &str) -> Option<Outcome> {
        let text = normalize(text);
        // Bitrix24 prefixes the codes of a second funnel's stages: C1:WON.
        let code = match text.split_once(':') {
            Some((prefix, rest))
                if prefix.starts_with('c') && prefix[1..].bytes().all(|b| b.is_ascii_digit()) =>
            {
                rest
            }
            _ => &text,
        };
        self.statuses
            .iter()
            .find(|(s, _)| normalize(s) == code || normalize(s) == text)
            .map(|(_, o)| *o)
    }
}

/// Bitrix24 deals (verified in Bitrix's own export templates; see docs).
pub static BITRIX24_DEALS: Profile = Profile {
    system: System::Bitrix24,
    entity: "deals",
    columns: &[
        (Field::Id, &["ID"]),
        (Field::Created, &["Дата создания", "DATE_CREATE"]),
        (Field::Status, &["Стадия сделки", "STAGE_ID"]),
        (Field::Group, &["Группа стадий", "STAGE_SEMANTIC_ID"]),
        (Field::Amount, &["Сумма", "OPPORTUNITY"]),
        (Field::Source, &["Источник", "SOURCE_ID"]),
        (Field::UtmSource, &["UTM Source", "UTM_SOURCE"]),
        (Field::Client, &["Контакт", "CONTACT_ID"]),
        (Field::Phone, &["Контакт: Телефон", "Телефон", "PHONE"]),
    ],
    markers: &[
        "Название сделки",
        "Направление",
        "Сделка закрыта",
        "CATEGORY_ID",
    ],
    statuses: &[
        ("Новая", Outcome::Open),
        ("NEW", Outcome::Open),
        ("Подготовка документов", Outcome::Open),
        ("PREPARATION", Outcome::Open),
        ("Счёт на предоплату", Outcome::Open),
        ("PREPAYMENT_INVOICE", Outcome::Open),
        ("В работе", Outcome::Open),
        ("EXECUTING", Outcome::Open),
        ("Финальный счёт", Outcome::Open),
        ("FINAL_INVOICE", Outcome::Open),
        ("Сделка успешна", Outcome::Visited),
        ("WON", Outcome::Visited),
        ("Сделка провалена", Outcome::Lost),
        ("LOSE", Outcome::Lost),
        ("Анализ причины провала", Outcome::Lost),
        ("APOLOGY", Outcome::Lost),
    ],
    success: Outcome::Visited,
    records_are_leads: true,
    date_order: None,
};

/// Bitrix24 leads: a converted lead became a booking.
pub static BITRIX24_LEADS: Profile = Profile {
    system: System::Bitrix24,
    entity: "leads",
    columns: &[
        (Field::Id, &["ID"]),
        (Field::Created, &["Дата создания", "DATE_CREATE"]),
        (Field::Status, &["Статус", "STATUS_ID", "Статус лида"]),
        (Field::Group, &["Состояние", "STATUS_SEMANTIC_ID"]),
        // «Возможная сумма сделки» is how the REST field OPPORTUNITY is titled.
        (
            Field::Amount,
            &[
                "Возможная сумма сделки",
                "Возможная сумма",
                "Сумма",
                "OPPORTUNITY",
            ],
        ),
        (Field::Source, &["Источник", "SOURCE_ID"]),
        (Field::UtmSource, &["UTM Source", "UTM_SOURCE"]),
        (Field::Client, &["Контакт", "CONTACT_ID"]),
        (
            Field::Phone,
            &["Телефон", "Мобильный телефон", "Рабочий телефон", "PHONE"],
        ),
    ],
    markers: &[
        "Название лида",
        "Повторный лид",
        "Состояние",
        "STATUS_SEMANTIC_ID",
    ],
    statuses: &[
        ("Не обработан", Outcome::Open),
        ("NEW", Outcome::Open),
        ("В работе", Outcome::Open),
        ("IN_PROCESS", Outcome::Open),
        ("Обработан", Outcome::Open),
        ("PROCESSED", Outcome::Open),
        ("Качественный лид", Outcome::Booked),
        ("Сконвертирован", Outcome::Booked),
        ("CONVERTED", Outcome::Booked),
        ("Некачественный лид", Outcome::Lost),
        ("JUNK", Outcome::Lost),
    ],
    success: Outcome::Booked,
    records_are_leads: true,
    date_order: None,
};

/// amoCRM deals: 142 and 143 are the closed stages every pipeline shares.
/// Its CSV export titles the date «Дата создания сделки» and writes it
/// `DD-MM-YYYY HH:MM:SS`; its other stages are each business's own, so only
/// the stages of a new account's pipeline are known to be in progress, and
/// any other is refused until the mapping says what it means («Записан» is a
/// booking in a salon, not an open lead).
pub static AMOCRM: Profile = Profile {
    system: System::AmoCrm,
    entity: "deals",
    columns: &[
        (Field::Id, &["ID", "id"]),
        (
            Field::Created,
            &["Дата создания", "Дата создания сделки", "created_at"],
        ),
        (Field::Status, &["Этап сделки", "status_id", "Этап"]),
        (Field::Amount, &["Бюджет", "Бюджет ₽", "Бюджет, ₽", "price"]),
        (Field::Source, &["Источник", "source"]),
        (Field::UtmSource, &["utm_source", "UTM Source"]),
        (Field::Tags, &["Теги", "tags"]),
        (
            Field::Client,
            &["Полное имя контакта", "Основной контакт", "contact_id"],
        ),
        (
            Field::Phone,
            &["Рабочий телефон", "Мобильный телефон", "Телефон"],
        ),
    ],
    markers: &[
        "Этап сделки",
        "Бюджет",
        "Бюджет ₽",
        "Воронка",
        "pipeline_id",
        "Основной контакт",
        "Дата создания сделки",
        "Полное имя контакта",
    ],
    statuses: &[
        ("Успешно реализовано", Outcome::Visited),
        ("142", Outcome::Visited),
        ("Закрыто и не реализовано", Outcome::Lost),
        ("143", Outcome::Lost),
        ("Неразобранное", Outcome::Open),
        // A new account's first pipeline.
        ("Первичный контакт", Outcome::Open),
        ("Переговоры", Outcome::Open),
        ("Принимают решение", Outcome::Open),
        ("Согласование договора", Outcome::Open),
    ],
    success: Outcome::Visited,
    records_are_leads: true,
    date_order: Some(Order::Dmy),
};

/// YCLIENTS (and Altegio) booking records: bookings only, so no leads.
pub static YCLIENTS: Profile = Profile {
    system: System::Yclients,
    entity: "records",
    columns: &[
        (Field::Id, &["ID", "id", "ID записи", "Номер записи"]),
        (Field::Created, &["Дата создания", "create_date", "Создана"]),
        (
            Field::Status,
            &[
                "Статус визита",
                "attendance",
                "visit_attendance",
                "Статус записи",
                "Статус",
            ],
        ),
        // The API's price is its services' costs, summed by the JSON reader.
        (
            Field::Amount,
            &["Стоимость", "cost", "services.cost", "Сумма", "Итого"],
        ),
        (
            Field::Visit,
            &["Дата визита", "datetime", "date", "Дата и время визита"],
        ),
        (Field::Source, &["Источник", "source"]),
        (Field::Deleted, &["Удалена", "deleted"]),
        // The API nests the client: its reader flattens her to `client.id`.
        (
            Field::Client,
            &["Клиент", "client.id", "client_id", "Имя клиента"],
        ),
        (
            Field::Phone,
            &["Телефон", "client.phone", "Телефон клиента"],
        ),
    ],
    markers: &[
        "attendance",
        "visit_attendance",
        "Статус визита",
        "Дата визита",
        "Сотрудник",
        "Услуги",
    ],
    statuses: &[
        ("1", Outcome::Visited),
        ("-1", Outcome::NoShow),
        ("0", Outcome::Booked),
        ("2", Outcome::Booked),
        ("Клиент пришел", Outcome::Visited),
        ("Пришел", Outcome::Visited),
        ("Клиент не пришел", Outcome::NoShow),
        ("Не пришел", Outcome::NoShow),
        ("Ожидание клиента", Outcome::Booked),
        ("Клиент подтвердил", Outcome::Booked),
        ("Подтвердил", Outcome::Booked),
    ],
    success: Outcome::Visited,
    records_are_leads: false,
    date_order: None,
};

/// Every built-in profile of records, in the order detection prefers them.
pub static PROFILES: [&Profile; 4] = [&BITRIX24_DEALS, &BITRIX24_LEADS, &AMOCRM, &YCLIENTS];

/// Header and status text compared loosely: case, `ё`/`е`, runs of spaces
/// (no-break ones too) and surrounding spaces do not matter.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(|c: char| c.is_whitespace() || c == '\u{a0}') {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                'ё' | 'Ё' => out.push('е'),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

/// What a stage group cell says: Bitrix's codes or its interface's words.
pub fn semantic(text: &str) -> Option<Semantic> {
    let t = normalize(text);
    match t.as_str() {
        "s" | "success" => return Some(Semantic::Success),
        "f" | "failure" | "fail" => return Some(Semantic::Failure),
        "p" | "process" => return Some(Semantic::Process),
        _ => {}
    }
    if t.contains("успе") || t.contains("заключен") || t.starts_with("качествен")
    {
        Some(Semantic::Success)
    } else if t.contains("провал") || t.contains("некачествен") {
        Some(Semantic::Failure)
    } else if t.contains("в работе") || t.contains("в процессе") {
        Some(Semantic::Process)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_headers_and_statuses() {
        assert_eq!(normalize("  Клиент  пришёл "), "клиент пришел");
        assert_eq!(normalize("UTM\u{a0}Source"), "utm source");
    }

    #[test]
    fn knows_default_statuses() {
        assert_eq!(
            BITRIX24_DEALS.status("Сделка успешна"),
            Some(Outcome::Visited)
        );
        assert_eq!(BITRIX24_DEALS.status("C1:WON"), Some(Outcome::Visited));
        assert_eq!(BITRIX24_DEALS.status("c12:lose"), Some(Outcome::Lost));
        assert_eq!(BITRIX24_DEALS.status("Записан"), None);
        assert_eq!(BITRIX24_LEADS.status("CONVERTED"), Some(Outcome::Booked));
        assert_eq!(AMOCRM.status("142"), Some(Outcome::Visited));
        assert_eq!(YCLIENTS.status("Клиент пришёл"), Some(Outcome::Visited));
        assert_eq!(YCLIENTS.status("-1"), Some(Outcome::NoShow));
    }

    #[test]
    fn reads_stage_groups() {
        assert_eq!(semantic("S"), Some(Semantic::Success));
        assert_eq!(semantic("Сделка успешна"), Some(Semantic::Success));
        assert_eq!(semantic("Сделка провалена"), Some(Semantic::Failure));
        assert_eq!(semantic("Сделка в работе"), Some(Semantic::Process));
        assert_eq!(semantic("Некачественный лид"), Some(Semantic::Failure));
        assert_eq!(semantic("что-то"), None);
    }

    #[test]
    fn outcomes_round_trip_by_name() {
        for o in Outcome::ALL {
            assert_eq!(Outcome::from_name(o.name()), Some(o));
        }
        assert_eq!(Outcome::from_name("won"), None);
    }
}
