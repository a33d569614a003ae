//! `roi measure --retention`: the cohorts of first visits with their shares
//! back and their lifetime value, the clients of each month, and the notes
//! on who was counted; as a table, JSON, CSV rows and a workbook sheet.

use super::{csv_source, source_name};
use crate::evidence::measure::funnel::Channel;
use crate::evidence::retention::{Account, BySource, Cohort, Retention, WINDOWS};
use crate::format::{Fmt, Sign};
use crate::i18n::Lang;
use crate::render::csv::{Dialect, Rows};
use crate::render::fit::{Grid, wrap};
use crate::render::json::{Money, Ratio};
use crate::render::xlsx::{Book, Sheet, Value};
use rust_decimal::prelude::FromPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

/// Placeholders named in the table's notes; the rest are in the JSON.
const SHOWN_PLACEHOLDERS: usize = 5;

/// A channel in words (catalogue key), as the glossary names channels:
/// every client's, the assistant's, the other channels'; capitalised alike,
/// as the pilot's rows name them (the funnel's «assistant» is «Ассистент»,
/// which beside «все каналы» read as two styles in one column).
fn channel_word(c: Channel) -> &'static str {
    match c {
        Channel::All => "All channels",
        Channel::Ai => "Assistant",
        Channel::Other => "Other channels",
    }
}

/// A share from the estimator as the exact decimal the outputs round.
fn share(x: Option<f64>) -> Option<Decimal> {
    x.and_then(Decimal::from_f64)
}

/// The cohorts, the clients by month and the notes, for people.
pub fn table(r: &Retention, f: &Fmt<'_>, width: usize) -> String {
    let l = f.lang;
    let mut out = String::from("\n");
    out.push_str(&wrap(
        &l.fill(
            "Clients coming back, by the month of their first visit (follow-up to {})",
            &[&r.end],
        ),
        width,
        "  ",
    ));
    out.push('\n');
    out.push_str(&cohort_grid(r, f).draw(width));
    out.push('\n');
    out.push_str(&wrap(
        l.tr("30 d … 365 d: the share of the month's new clients who came again within so many days of their first visit — the Kaplan–Meier estimate, which counts a client not yet back only for as long as the export follows her (to its last day); «—» where the cohort was not followed so long. LTV: revenue per new client within 6 and 12 months of her first visit, the first included; «—» until every client of the month can be followed so long."),
        width,
        "",
    ));
    out.push('\n');
    if let Some(by) = &r.by {
        out.push('\n');
        let column = crate::input::clip(&by.column);
        out.push_str(&l.fill("By «{}» of the first lead", &[&column]));
        out.push('\n');
        out.push_str(&by_grid(by, f).draw(width));
        out.push('\n');
    }
    out.push('\n');
    out.push_str(l.tr("Clients by month"));
    out.push('\n');
    out.push_str(&months_grid(r, f).draw(width));
    out.push('\n');
    for note in notes(&r.account, l) {
        out.push_str(&wrap(&note, width, ""));
        out.push('\n');
    }
    out
}

/// The headings of a cohort table: the month, `label` (the channel or the
/// `--by` column) when there is one, then the figures.
fn cohort_header(label: Option<String>, l: Lang) -> Grid {
    // «Month»: the title says it is the month of the first visit.
    let mut header = vec![l.tr("Month").to_string()];
    let labelled = label.is_some();
    header.extend(label);
    header.push(l.tr("New clients").to_string());
    header.extend(WINDOWS.map(|w| l.fill("{} d", &[&w])));
    header.push(l.tr("LTV 6 mo").to_string());
    header.push(l.tr("LTV 12 mo").to_string());
    Grid::new(header, if labelled { 2 } else { 1 })
}

/// A cohort's figures after its labels.
fn cohort_cells(c: &Cohort, f: &Fmt<'_>) -> Vec<String> {
    let dash = || "—".to_string();
    let mut row = vec![f.count(Decimal::from(c.new_clients), Sign::Plain)];
    row.extend(
        c.returned
            .iter()
            .map(|x| share(*x).map_or_else(dash, |d| f.percent(d, Sign::Plain))),
    );
    // To the rouble, as the funnel's revenue: kopecks are in JSON and CSV.
    for ltv in [c.ltv_6, c.ltv_12] {
        row.push(ltv.map_or_else(dash, |v| {
            let whole = v.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
            f.money(whole, Sign::Plain)
        }));
    }
    row
}

/// A row per cohort and channel.
fn cohort_grid(r: &Retention, f: &Fmt<'_>) -> Grid {
    let l = f.lang;
    let split = r.channels.len() > 1;
    let mut t = cohort_header(split.then(|| l.tr("Channel").to_string()), l);
    for c in &r.cohorts {
        let mut row = vec![c.month.to_string()];
        if split {
            row.push(l.tr(channel_word(c.channel)).to_string());
        }
        row.extend(cohort_cells(c, f));
        t.row(row);
    }
    t
}

/// A row per cohort and `--by` value, the month on its first row only.
fn by_grid(by: &BySource, f: &Fmt<'_>) -> Grid {
    let l = f.lang;
    let mut t = cohort_header(Some(crate::input::clip(&by.column)), l);
    let mut last = None;
    for (i, c) in &by.cohorts {
        let month = (last != Some(c.month)).then(|| c.month.to_string());
        last = Some(c.month);
        let mut row = vec![month.unwrap_or_default(), source_name(&by.sources[*i], l)];
        row.extend(cohort_cells(c, f));
        t.row(row);
    }
    t
}

/// A row per calendar month: clients who came, new and returning (every channel).
fn months_grid(r: &Retention, f: &Fmt<'_>) -> Grid {
    let l = f.lang;
    let header = ["Month", "Clients", "New", "Returning"]
        .map(|h| l.tr(h).to_string())
        .to_vec();
    let mut t = Grid::new(header, 1);
    let count = |n: u64| f.count(Decimal::from(n), Sign::Plain);
    for m in r.months.iter().filter(|m| m.channel == Channel::All) {
        t.row(vec![
            m.month.to_string(),
            count(m.clients),
            count(m.new_clients),
            count(m.returning),
        ]);
    }
    t
}

/// A count grouped as the language groups it (`2 264`).
fn grouped(n: u64, l: Lang) -> String {
    Fmt {
        lang: l,
        currency: "RUB",
    }
    .count(n.into(), Sign::Plain)
}

/// A count with its noun in the form the number takes: `1 record`, `5
/// records`; in Russian the case the sentence needs (`в 1 строке`, `в 3 000
/// строках`), its three forms for 1, 2–4 and 5 or more.
fn counted(n: u64, l: Lang, en: [&str; 2], ru: [&str; 3]) -> String {
    l.counted(n, &grouped(n, l), en, ru)
}

/// Who was counted: the client's column, records without a client, keys
/// refused as placeholders, visits whose date could not be read. Counts are
/// grouped and their nouns agree with them («в 1 строке», «за 21 день»).
pub fn notes(a: &Account, l: Lang) -> Vec<String> {
    let columns: Vec<String> = a
        .columns
        .iter()
        .map(|c| format!("«{}»", crate::input::clip(c)))
        .collect();
    // Records: «из N строки/строк» (of how many).
    let records_of = |n| counted(n, l, ["record", "records"], ["строки", "строк", "строк"]);
    let mut out = vec![l.fill(
        "Clients are told apart by {} (a phone in one form, +7XXXXXXXXXX; else as written): {} clients; only visits (status came) count.",
        &[&columns.join(l.tr(", else ")), &grouped(a.clients, l)],
    )];
    if a.by_name > 0 {
        out.push(l.fill(
            "Clients known by name only, without a phone: {}; two clients of one name count as one, which a phone column would tell apart.",
            &[&grouped(a.by_name, l)],
        ));
    }
    if a.also_with_phone > 0 {
        out.push(l.fill(
            "Clients without a phone whose name is written beside a phone on other records: {}; each may be one client counted twice, her visits split between her phone and her name. Fill in the phone in every record to join them.",
            &[&grouped(a.also_with_phone, l)],
        ));
    }
    let all = a.records + a.without_client;
    if a.without_client > 0 {
        out.push(l.fill(
            "{} of {} name no client: left out of retention only (the funnel counts them).",
            &[&grouped(a.without_client, l), &records_of(all)],
        ));
    }
    // A placeholder names nobody either: «Без имени» on most rows leaves
    // retention to the few named clients, which must be said as plainly.
    let placeheld: u64 = a.placeholders.iter().map(|p| p.records).sum();
    if (a.without_client + placeheld) * 2 > all {
        out.push(l.tr("More than half the records name no client, or only a placeholder: retention describes only the clients who are named, and may not hold for the rest.").to_string());
    }
    out.extend(placeholder_notes(a, l));
    if let Some(future) = a.future {
        out.push(l.fill(
            "Records dated after today ({}): {}, the latest {}; a client cannot have come on a day still to come, so they are left out of retention and follow-up ends {} (the funnel counts them).",
            &[
                &future.today,
                &grouped(future.records, l),
                &future.latest,
                &future.end,
            ],
        ));
    }
    if a.unread_visit_dates > 0 {
        out.push(l.fill(
            "Visits whose visit date cannot be read: {}; they are dated by when the record was created.",
            &[&grouped(a.unread_visit_dates, l)],
        ));
    }
    out
}

/// The keys refused as placeholders, the first [`SHOWN_PLACEHOLDERS`] by
/// name, then how many more.
fn placeholder_notes(a: &Account, l: Lang) -> Vec<String> {
    // Records: «в N строке/строках» (where).
    let records_in = |n| {
        counted(
            n,
            l,
            ["record", "records"],
            ["строке", "строках", "строках"],
        )
    };
    let mut out = Vec::new();
    for p in a.placeholders.iter().take(SHOWN_PLACEHOLDERS) {
        out.push(if p.known {
            l.fill(
                "«{}» stands for {}: a placeholder for an unknown client, not a person; left out of retention.",
                &[&p.value, &records_in(p.records)],
            )
        } else {
            let days = counted(p.days, l, ["day", "days"], ["день", "дня", "дней"]);
            l.fill(
                "«{}» stands for {} on {}, more than one client could leave ({} days: one a week over the export, at least 12): taken for a shared placeholder and left out of retention, not merged.",
                &[&p.value, &records_in(p.records), &days, &a.limit],
            )
        });
    }
    if a.placeholders.len() > SHOWN_PLACEHOLDERS {
        out.push(l.fill(
            "{} more keys were left out the same way (see the JSON).",
            &[&grouped(
                (a.placeholders.len() - SHOWN_PLACEHOLDERS) as u64,
                l,
            )],
        ));
    }
    out
}

/// One cohort in JSON: shares as fractions, money exact to the kopeck.
#[derive(Serialize)]
struct JsonCohort {
    month: String,
    channel: &'static str,
    new_clients: u64,
    returned_30: Option<Ratio>,
    returned_60: Option<Ratio>,
    returned_90: Option<Ratio>,
    returned_180: Option<Ratio>,
    returned_365: Option<Ratio>,
    /// Visits per client within 6 months of her first visit.
    visits_6: Option<Ratio>,
    /// Visits per client within 12 months.
    visits_12: Option<Ratio>,
    ltv_6: Option<Money>,
    ltv_12: Option<Money>,
}

impl JsonCohort {
    fn new(c: &Cohort) -> JsonCohort {
        let r = |i: usize| share(c.returned[i]).map(Ratio);
        JsonCohort {
            month: c.month.to_string(),
            channel: c.channel.name(),
            new_clients: c.new_clients,
            returned_30: r(0),
            returned_60: r(1),
            returned_90: r(2),
            returned_180: r(3),
            returned_365: r(4),
            visits_6: c.visits_6.map(Ratio),
            visits_12: c.visits_12.map(Ratio),
            ltv_6: c.ltv_6.map(Money),
            ltv_12: c.ltv_12.map(Money),
        }
    }
}

/// A step of a return curve.
#[derive(Serialize)]
struct JsonPoint {
    channel: &'static str,
    day: u32,
    returned: Option<Ratio>,
}

/// A calendar month's clients.
#[derive(Serialize)]
struct JsonMonthClients {
    month: String,
    channel: &'static str,
    clients: u64,
    new_clients: u64,
    returning: u64,
}

/// A key refused as a placeholder.
#[derive(Serialize)]
struct JsonPlaceholder<'a> {
    value: &'a str,
    records: u64,
    days: u64,
    /// A known placeholder text (else: records on too many days).
    known: bool,
}

/// Who was counted.
#[derive(Serialize)]
struct JsonAccount<'a> {
    columns: &'a [String],
    records: u64,
    without_client: u64,
    clients: u64,
    /// Clients known only by a name, not a phone or an ID.
    clients_by_name: u64,
    /// Of the clients without a phone, those whose name other records
    /// write beside a phone: perhaps one client counted twice.
    clients_also_with_phone: u64,
    /// The most days one client's records may fall on.
    days_limit: u64,
    placeholders: Vec<JsonPlaceholder<'a>>,
    unread_visit_dates: u64,
    /// Records of named clients dated after the day of the run, left out.
    dated_after_today: u64,
}

/// One cohort of one `--by` value.
#[derive(Serialize)]
struct JsonByCohort<'a> {
    /// The value, as the file writes it; `null` for every other value.
    source: Option<&'a str>,
    #[serde(flatten)]
    cohort: JsonCohort,
}

/// The cohorts by the `--by` column's values.
#[derive(Serialize)]
struct JsonBySource<'a> {
    column: &'a str,
    /// The values in the funnel's order; `null` is every other value.
    sources: &'a [Option<String>],
    cohorts: Vec<JsonByCohort<'a>>,
}

/// `retention` in `roi measure --format json`.
#[derive(Serialize)]
pub struct JsonRetention<'a> {
    /// The last day of follow-up.
    end: String,
    cohorts: Vec<JsonCohort>,
    curve: Vec<JsonPoint>,
    months: Vec<JsonMonthClients>,
    account: JsonAccount<'a>,
    /// By the `--by` value of the client's first lead; absent without `--by`.
    #[serde(skip_serializing_if = "Option::is_none")]
    by: Option<JsonBySource<'a>>,
}

impl JsonRetention<'_> {
    /// The JSON of `r`.
    pub fn new(r: &Retention) -> JsonRetention<'_> {
        let a = &r.account;
        JsonRetention {
            end: r.end.to_string(),
            cohorts: r.cohorts.iter().map(JsonCohort::new).collect(),
            curve: r
                .curve
                .iter()
                .map(|p| JsonPoint {
                    channel: p.channel.name(),
                    day: p.day,
                    returned: share(Some(p.returned)).map(Ratio),
                })
                .collect(),
            months: r
                .months
                .iter()
                .map(|m| JsonMonthClients {
                    month: m.month.to_string(),
                    channel: m.channel.name(),
                    clients: m.clients,
                    new_clients: m.new_clients,
                    returning: m.returning,
                })
                .collect(),
            account: JsonAccount {
                columns: &a.columns,
                records: a.records,
                without_client: a.without_client,
                clients: a.clients,
                clients_by_name: a.by_name,
                clients_also_with_phone: a.also_with_phone,
                days_limit: a.limit,
                placeholders: a
                    .placeholders
                    .iter()
                    .map(|p| JsonPlaceholder {
                        value: &p.value,
                        records: p.records,
                        days: p.days,
                        known: p.known,
                    })
                    .collect(),
                unread_visit_dates: a.unread_visit_dates,
                dated_after_today: a.future.map_or(0, |f| f.records),
            },
            by: r.by.as_ref().map(|by| JsonBySource {
                column: &by.column,
                sources: &by.sources,
                cohorts: by
                    .cohorts
                    .iter()
                    .map(|(i, c)| JsonByCohort {
                        source: by.sources[*i].as_deref(),
                        cohort: JsonCohort::new(c),
                    })
                    .collect(),
            }),
        }
    }
}

/// Column names of the cohorts' CSV, stable for scripts.
pub const HEADER: [&str; 13] = [
    "month",
    "channel",
    "new_clients",
    "returned_30",
    "returned_60",
    "returned_90",
    "returned_180",
    "returned_365",
    "visits_6",
    "visits_12",
    "ltv_6",
    "ltv_12",
    "end",
];

/// `roi measure --retention --format csv`: a row per cohort and channel;
/// an unknown figure is an empty cell. With `--by`, a `source` column
/// follows `channel`: empty on the channel rows, then a row per cohort and
/// value (`(other)` for the rest, `(empty)` for a blank cell).
pub fn csv(r: &Retention, dialect: Dialect) -> String {
    let mut rows = Rows::new(dialect, true);
    let mut header = HEADER.to_vec();
    if r.by.is_some() {
        header.insert(2, "source");
    }
    rows.header(header);
    for c in &r.cohorts {
        rows.text(&c.month.to_string()).text(c.channel.name());
        if r.by.is_some() {
            rows.text("");
        }
        cohort_row(&mut rows, c, r);
    }
    for (i, c) in r.by.iter().flat_map(|by| &by.cohorts) {
        let by = r.by.as_ref().expect("rows only of a split");
        rows.text(&c.month.to_string())
            .text(c.channel.name())
            .text(csv_source(&by.sources[*i]));
        cohort_row(&mut rows, c, r);
    }
    rows.finish()
}

/// A cohort's figures after its labels, and the end of follow-up.
fn cohort_row(rows: &mut Rows, c: &Cohort, r: &Retention) {
    rows.number(c.new_clients);
    for x in c.returned {
        rows.ratio(share(x));
    }
    rows.ratio(c.visits_6).ratio(c.visits_12);
    for v in [c.ltv_6, c.ltv_12] {
        match v {
            Some(v) => rows.money(v),
            None => rows.empty(),
        };
    }
    rows.text(&r.end.to_string()).end();
}

/// The workbook's sheet of the cohorts, numbers a formula can use.
pub fn sheet(book: &Book, r: &Retention, l: Lang) -> Result<Sheet, rust_xlsxwriter::XlsxError> {
    let mut sheet = book.sheet(l.tr("Retention"))?;
    let channel = l.tr("Channel").to_string();
    sheet_header(&mut sheet, &channel, l)?;
    for c in &r.cohorts {
        sheet_row(&mut sheet, c, l.tr(channel_word(c.channel)).to_string())?;
    }
    sheet.blank();
    for note in notes(&r.account, l) {
        sheet.note(&note)?;
    }
    Ok(sheet)
}

/// The workbook's sheet of the cohorts by the `--by` column's values.
pub fn by_sheet(book: &Book, by: &BySource, l: Lang) -> Result<Sheet, rust_xlsxwriter::XlsxError> {
    let mut sheet = book.sheet(l.tr("Retention by source"))?;
    sheet_header(&mut sheet, &crate::input::clip(&by.column), l)?;
    for (i, c) in &by.cohorts {
        sheet_row(&mut sheet, c, source_name(&by.sources[*i], l))?;
    }
    Ok(sheet)
}

/// A cohort sheet's headings, `label` naming its second column.
fn sheet_header(sheet: &mut Sheet, label: &str, l: Lang) -> Result<(), rust_xlsxwriter::XlsxError> {
    let mut header: Vec<String> = vec![l.tr("First visit").to_string(), label.to_string()];
    header.push(l.tr("New clients").to_string());
    header.extend(WINDOWS.map(|w| l.fill("{} d", &[&w])));
    header.extend(
        ["Visits in 6 mo", "Visits in 12 mo", "LTV 6 mo", "LTV 12 mo"].map(|h| l.tr(h).to_string()),
    );
    let names: Vec<&str> = header.iter().map(String::as_str).collect();
    sheet.header(&names, 2)?;
    Ok(())
}

/// One cohort as numbers a formula can use, after its month and `label`.
fn sheet_row(
    sheet: &mut Sheet,
    c: &Cohort,
    label: String,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    let mut row = vec![
        Value::text(c.month.to_string()),
        Value::text(label),
        Value::Whole(c.new_clients),
    ];
    row.extend(c.returned.map(|x| Value::ratio(share(x))));
    row.push(Value::months(c.visits_6));
    row.push(Value::months(c.visits_12));
    row.push(Value::money(c.ltv_6));
    row.push(Value::money(c.ltv_12));
    sheet.row(&row)?;
    Ok(())
}
