//! `roi measure`'s output: the measured funnel as tables for people, JSON for
//! scripts and CSV rows for spreadsheets, with the account of every row.

use super::csv::{Dialect, Rows};
use super::fit::{Grid, wrap};
use super::json::{Money, Ratio};
use crate::evidence::measure::Measured;
use crate::evidence::measure::error::Period;
use crate::evidence::measure::funnel::{Channel, Figures};
use crate::evidence::measure::profile::System;
use crate::evidence::measure::records::How;
use crate::format::{Fmt, Sign};
use crate::i18n::Lang;
use rust_decimal::Decimal;
use serde::Serialize;

/// Version of the JSON layout; raised on any change that could break a reader.
pub const SCHEMA_VERSION: u32 = 1;

/// The system's name as people know it.
pub fn system_name(system: System) -> &'static str {
    match system {
        System::Bitrix24 => "Bitrix24",
        System::AmoCrm => "amoCRM",
        System::Yclients => "YCLIENTS",
        // Catalogue keys: the caller translates them.
        System::Monthly => "monthly totals",
        System::Custom => "mapped columns",
    }
}

/// One month of one channel, as the JSON and CSV carry it.
#[derive(Debug, Serialize)]
pub struct JsonMonth {
    /// `2025-06`.
    pub month: String,
    /// `all`, `ai` or `other`.
    pub channel: &'static str,
    /// Leads; null when the data has none (booking systems).
    pub leads: Option<u64>,
    /// Booked, visited or no-show.
    pub bookings: Option<u64>,
    /// Bookings / leads (fraction).
    pub conversion: Option<Ratio>,
    /// Came.
    pub visits: Option<u64>,
    /// Did not come; null when no status says so.
    pub no_shows: Option<u64>,
    /// No-shows / (visits + no-shows) (fraction).
    pub no_show_rate: Option<Ratio>,
    /// Sum of the visits' amounts.
    pub revenue: Option<Money>,
    /// Revenue / visits.
    pub average_check: Option<Money>,
}

impl JsonMonth {
    fn new(month: String, channel: Channel, f: &Figures) -> JsonMonth {
        JsonMonth {
            month,
            channel: channel.name(),
            leads: f.leads,
            bookings: f.bookings,
            conversion: f.conversion.map(Ratio),
            visits: f.visits,
            no_shows: f.no_shows,
            no_show_rate: f.no_show_rate.map(Ratio),
            revenue: f.revenue.map(Money),
            average_check: f.average_check.map(Money),
        }
    }
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    kind: &'static str,
    encoding: Option<&'static str>,
    sheet: Option<&'a str>,
    header_row: u64,
    rows: u64,
}

#[derive(Serialize)]
struct JsonStatus<'a> {
    text: &'a str,
    outcome: Option<&'static str>,
    by: Option<&'static str>,
    rows: u64,
}

#[derive(Serialize)]
struct JsonExample<'a> {
    file: &'a str,
    row: u64,
    value: &'a str,
}

#[derive(Serialize)]
struct JsonSkip<'a> {
    reason: &'static str,
    column: &'a str,
    rows: u64,
    examples: Vec<JsonExample<'a>>,
}

#[derive(Serialize)]
struct JsonConflict<'a> {
    id: &'a str,
    counted: JsonExample<'a>,
    other: JsonExample<'a>,
}

#[derive(Serialize)]
struct JsonQuality<'a> {
    rows: u64,
    used: u64,
    duplicates: u64,
    outside_period: u64,
    skipped: Vec<JsonSkip<'a>>,
    conflicts: u64,
    conflict_examples: Vec<JsonConflict<'a>>,
    unpriced_visits: u64,
    totals_rows: u64,
}

#[derive(Serialize)]
struct JsonBaseline {
    from: String,
    to: String,
    months: u32,
    leads: Option<super::json::Exact>,
    bookings: Option<u64>,
    conversion: Option<Ratio>,
    visits: Option<u64>,
    no_shows: Option<u64>,
    no_show_rate: Option<Ratio>,
    revenue: Option<Money>,
    average_check: Option<Money>,
}

#[derive(Serialize)]
struct JsonMeasured<'a> {
    version: u32,
    source: &'static str,
    entity: &'static str,
    files: Vec<JsonFile<'a>>,
    months: Vec<JsonMonth>,
    baseline: Option<JsonBaseline>,
    statuses: Vec<JsonStatus<'a>>,
    quality: JsonQuality<'a>,
}

/// Every month × channel row, in month order, `all` first.
pub fn month_rows(m: &Measured) -> Vec<JsonMonth> {
    let mut out = Vec::new();
    for (month, tallies) in &m.funnel.months {
        for &channel in m.funnel.channels() {
            out.push(JsonMonth::new(
                month.to_string(),
                channel,
                &tallies[channel as usize].figures(),
            ));
        }
    }
    out
}

/// A row's place without a value (conflicting repeats).
fn place(at: &(String, u64)) -> JsonExample<'_> {
    JsonExample {
        file: &at.0,
        row: at.1,
        value: "",
    }
}

/// `--format json`.
pub fn json(m: &Measured, baseline: Option<Period>) -> String {
    let q = &m.quality;
    let doc = JsonMeasured {
        version: SCHEMA_VERSION,
        source: m.system.name(),
        entity: m.entity,
        files: m
            .files
            .iter()
            .map(|f| JsonFile {
                path: &f.path,
                kind: f.kind.name(),
                encoding: f.encoding.map(|e| e.name()),
                sheet: f.sheet.as_deref(),
                header_row: f.header_row,
                rows: f.rows,
            })
            .collect(),
        months: month_rows(m),
        baseline: baseline.map(|p| {
            let t = m.funnel.period(p.from, p.to, Channel::All);
            let f = t.figures();
            JsonBaseline {
                from: p.from.to_string(),
                to: p.to.to_string(),
                months: p.months(),
                leads: t
                    .leads
                    .map(|l| super::json::Exact(Decimal::from(l) / Decimal::from(p.months()))),
                bookings: f.bookings,
                conversion: f.conversion.map(Ratio),
                visits: f.visits,
                no_shows: f.no_shows,
                no_show_rate: f.no_show_rate.map(Ratio),
                revenue: f.revenue.map(Money),
                average_check: f.average_check.map(Money),
            }
        }),
        statuses: m
            .statuses
            .iter()
            .map(|s| JsonStatus {
                text: &s.text,
                outcome: s.outcome.map(|o| o.name()),
                by: s.how.map(How::name),
                rows: s.rows,
            })
            .collect(),
        quality: JsonQuality {
            rows: q.rows,
            used: q.used,
            duplicates: q.duplicates,
            outside_period: q.outside_period,
            skipped: q
                .skipped
                .iter()
                .map(|s| JsonSkip {
                    reason: s.reason.name(),
                    column: &s.column,
                    rows: s.rows,
                    examples: s
                        .examples
                        .iter()
                        .map(|e| JsonExample {
                            file: &e.file,
                            row: e.row,
                            value: &e.value,
                        })
                        .collect(),
                })
                .collect(),
            conflicts: q.conflicts,
            conflict_examples: q
                .conflict_examples
                .iter()
                .map(|c| JsonConflict {
                    id: &c.id,
                    counted: place(&c.counted),
                    other: JsonExample {
                        file: &c.other.0,
                        row: c.other.1,
                        value: &c.says,
                    },
                })
                .collect(),
            unpriced_visits: q.unpriced_visits,
            totals_rows: q.totals_rows,
        },
    };
    let mut text = serde_json::to_string_pretty(&doc).expect("JSON of plain data");
    text.push('\n');
    text
}

/// Column names of the CSV, stable for scripts.
pub const HEADER: [&str; 10] = [
    "month",
    "channel",
    "leads",
    "bookings",
    "conversion",
    "visits",
    "no_shows",
    "no_show_rate",
    "revenue",
    "average_check",
];

/// `--format csv`: the `months` rows; an unknown figure is an empty cell.
pub fn csv(m: &Measured, dialect: Dialect) -> String {
    let mut rows = Rows::new(dialect, true);
    rows.header(HEADER);
    let count = |rows: &mut Rows, v: Option<u64>| {
        match v {
            Some(v) => rows.number(v),
            None => rows.empty(),
        };
    };
    for (month, tallies) in &m.funnel.months {
        for &channel in m.funnel.channels() {
            let f = tallies[channel as usize].figures();
            rows.text(&month.to_string()).text(channel.name());
            count(&mut rows, f.leads);
            count(&mut rows, f.bookings);
            rows.ratio(f.conversion);
            count(&mut rows, f.visits);
            count(&mut rows, f.no_shows);
            rows.ratio(f.no_show_rate);
            match f.revenue {
                Some(r) => rows.money(r),
                None => rows.empty(),
            };
            match f.average_check {
                Some(a) => rows.money(a),
                None => rows.empty(),
            };
            rows.end();
        }
    }
    rows.finish()
}

/// `—` for what the data cannot give.
fn dash<T>(v: Option<T>, show: impl Fn(T) -> String) -> String {
    v.map_or_else(|| "—".to_string(), show)
}

fn count_cell(f: &Fmt<'_>, v: Option<u64>) -> String {
    dash(v, |v| f.count(Decimal::from(v), Sign::Plain))
}

/// A count with its rate beside it: `40 (20,0 %)`.
fn with_rate(f: &Fmt<'_>, v: Option<u64>, rate: Option<Decimal>) -> String {
    match (v, rate) {
        (Some(v), Some(r)) => format!(
            "{} ({})",
            f.count(Decimal::from(v), Sign::Plain),
            f.percent(r, Sign::Plain)
        ),
        (v, _) => count_cell(f, v),
    }
}

/// Money to the rouble: a month's revenue reads at a glance; kopecks are in JSON and CSV.
fn money_cell(f: &Fmt<'_>, v: Option<Decimal>) -> String {
    dash(v, |v| {
        f.money(
            v.round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero),
            Sign::Plain,
        )
    })
}

/// One row of the funnel table; `per` divides the counts and revenue (a
/// period's row shows per-month means beside its months, with the rates and
/// the check from the period's totals).
fn funnel_row(f: &Fmt<'_>, label: String, fig: &Figures, per: Option<u32>) -> Vec<String> {
    let mean = |v: Option<u64>| -> Option<Decimal> {
        Some(Decimal::from(v?) / Decimal::from(per.unwrap_or(1)))
    };
    // Leads keep a decimal (the scenario's figure, 92.5); the other means are
    // rounded to whole visits and bookings so the row fits beside the months.
    let count = |v: Option<u64>, places: u32| match per {
        None => count_cell(f, v),
        Some(_) => dash(mean(v), |d| f.number(d, places)),
    };
    let rated = |v: Option<u64>, rate: Option<Decimal>| match (per, rate) {
        (None, _) => with_rate(f, v, rate),
        (Some(_), Some(r)) if v.is_some() => {
            format!("{} ({})", count(v, 0), f.percent(r, Sign::Plain))
        }
        _ => count(v, 0),
    };
    let revenue = fig.revenue.map(|r| r / Decimal::from(per.unwrap_or(1)));
    vec![
        label,
        count(fig.leads, 1),
        rated(fig.bookings, fig.conversion),
        count(fig.visits, 0),
        rated(fig.no_shows, fig.no_show_rate),
        money_cell(f, revenue),
        money_cell(f, fig.average_check),
    ]
}

/// The table for people: months down, the funnel across, the channel split,
/// the period's average, and notes on what the data could not say.
pub fn table_text(m: &Measured, baseline: Option<Period>, f: &Fmt<'_>, width: usize) -> String {
    let l = f.lang;
    let mut out = String::new();
    let span = m.funnel.span();
    let period_text = span
        .map(|(a, b)| Period { from: a, to: b }.to_string())
        .unwrap_or_default();
    // A monthly sheet's rows are months: saying so twice reads oddly.
    let title = if m.system == System::Monthly {
        l.fill(
            "Measured funnel — {}, {}",
            &[&l.tr(system_name(m.system)), &period_text],
        )
    } else {
        l.fill(
            "Measured funnel — {} {}, {}",
            &[&l.tr(system_name(m.system)), &l.tr(m.entity), &period_text],
        )
    };
    out.push_str(&wrap(&title, width, "  "));
    out.push_str("\n\n");

    let header: Vec<String> = [
        "Month",
        "Leads",
        "Bookings (conv.)",
        "Visits",
        "No-shows (rate)",
        "Revenue",
        "Average check",
    ]
    .iter()
    .map(|h| l.tr(h).to_string())
    .collect();
    let mut t = Grid::new(header, 1);
    for (month, tallies) in &m.funnel.months {
        t.row(funnel_row(
            f,
            month.to_string(),
            &tallies[0].figures(),
            None,
        ));
    }
    let average = baseline.or(span.map(|(a, b)| Period { from: a, to: b }));
    if let Some(p) = average {
        let total = m.funnel.period(p.from, p.to, Channel::All);
        let label = if baseline.is_some() {
            l.tr("Baseline period").to_string()
        } else {
            l.tr("All months").to_string()
        };
        t.row(funnel_row(f, label, &total.figures(), Some(p.months())));
    }
    out.push_str(&t.draw(width));
    out.push('\n');
    if baseline.is_none() {
        out.push_str(&wrap(
            l.tr("All months: per-month means; the rates and the check from the totals."),
            width,
            "",
        ));
        out.push('\n');
    }
    if let Some(p) = baseline {
        out.push_str(&wrap(
            &l.fill(
                "Baseline: per-month means over {}; the rates and the check from the period's totals.",
                &[&p],
            ),
            width,
            "",
        ));
        out.push('\n');
    }

    // The assistant's months only: before its first record the split says nothing.
    let first_ai = m
        .funnel
        .months
        .iter()
        .find(|(_, t)| {
            t[Channel::Ai as usize].leads.unwrap_or(0) > 0
                || t[Channel::Ai as usize].bookings.unwrap_or(0) > 0
        })
        .map(|(month, _)| *month);
    if m.funnel.split && first_ai.is_none() {
        out.push('\n');
        out.push_str(l.tr("No record matches the assistant's rule (--ai or [ai])."));
        out.push('\n');
    }
    if let (true, Some(first_ai)) = (m.funnel.split, first_ai) {
        out.push('\n');
        out.push_str(l.tr("The assistant's records and the rest"));
        out.push('\n');
        let header: Vec<String> = [
            "Month",
            "AI leads (share)",
            "AI bookings",
            "AI revenue",
            "Other leads",
        ]
        .iter()
        .map(|h| l.tr(h).to_string())
        .collect();
        let mut t = Grid::new(header, 1);
        for (month, tallies) in m.funnel.months.range(first_ai..) {
            let ai = tallies[Channel::Ai as usize].figures();
            let other = tallies[Channel::Other as usize].figures();
            t.row(vec![
                month.to_string(),
                share(f, ai.leads, tallies[0].leads),
                count_cell(f, ai.bookings),
                money_cell(f, ai.revenue),
                count_cell(f, other.leads),
            ]);
        }
        out.push_str(&t.draw(width));
        out.push('\n');
    }

    let notes = notes(m, l);
    if !notes.is_empty() {
        out.push('\n');
        for n in notes {
            out.push_str(&wrap(&n, width, ""));
            out.push('\n');
        }
    }
    out
}

/// The assistant's leads with their share of all: `12 (10,0 %)`.
fn share(f: &Fmt<'_>, part: Option<u64>, all: Option<u64>) -> String {
    match (part, all) {
        (Some(p), Some(a)) if a > 0 => {
            with_rate(f, Some(p), Some(Decimal::from(p) / Decimal::from(a)))
        }
        (p, _) => count_cell(f, p),
    }
}

/// What a reader must know to trust the table: the files, how statuses were
/// counted, what could not be measured and why, and months with no records.
fn notes(m: &Measured, l: Lang) -> Vec<String> {
    let mut notes = Vec::new();
    for file in &m.files {
        let mut how = vec![file.kind.name().to_uppercase()];
        if let Some(e) = file.encoding {
            how.push(e.name().to_string());
        }
        if let Some(s) = &file.sheet {
            how.push(l.fill("sheet «{}»", &[s]));
        }
        notes.push(l.fill(
            "Read {} ({}): header in row {}, {}.",
            &[
                &file.path,
                &how.join(", "),
                &file.header_row,
                &crate::format::rows(l, file.rows),
            ],
        ));
    }
    if !m.statuses.is_empty() {
        let shown: Vec<String> = m
            .statuses
            .iter()
            .take(12)
            .map(|s| {
                let outcome = s.outcome.map_or("?", |o| l.tr(outcome_word(o)));
                let by = match s.how {
                    Some(How::Group) => l.tr(" (by stage group)"),
                    Some(How::Fallback) => l.tr(" (any other stage is in progress)"),
                    Some(How::Deleted) => l.tr(" (deleted)"),
                    _ => "",
                };
                let text = if s.text.is_empty() { "—" } else { &s.text };
                format!(
                    "«{text}» → {outcome}{by}: {}",
                    crate::format::rows(l, s.rows)
                )
            })
            .collect();
        let mut line = l.fill("Statuses: {}", &[&shown.join("; ")]);
        if m.statuses.len() > 12 {
            line.push_str(&l.fill(
                " and {} more (see --format json)",
                &[&(m.statuses.len() - 12)],
            ));
        }
        line.push('.');
        notes.push(line);
    }
    let c = m.funnel.coverage;
    if !c.leads {
        notes.push(
            l.tr("Leads and conversion: not in the data — a booking system's records are bookings; the leads live in the CRM or the chats.")
                .into(),
        );
    }
    if !c.no_shows {
        notes.push(
            l.tr("No-shows: not measured — no status means \"did not come\"; map one to no_show in a mapping file's [status] if the system keeps it.")
                .into(),
        );
    }
    if !c.visits {
        notes.push(
            l.tr("Visits, revenue and the check: not measured — no status means \"came\" (a lead export ends at the booking).")
                .into(),
        );
    } else if !c.revenue {
        notes.push(
            l.tr("Revenue and the check: not measured — the data has no amounts.")
                .into(),
        );
    }
    if m.quality.unpriced_visits > 0 {
        notes.push(l.fill(
            "{} visits have no amount: revenue and the average check count only the priced ones.",
            &[&m.quality.unpriced_visits],
        ));
    }
    if let Some((a, b)) = m.funnel.span() {
        let gaps = m.funnel.missing(a, b);
        if !gaps.is_empty() {
            let list: Vec<String> = gaps.iter().map(ToString::to_string).collect();
            notes.push(l.fill(
                "No records in {}: is an export missing?",
                &[&list.join(", ")],
            ));
        }
    }
    notes
}

/// An outcome in words (catalogue key).
pub fn outcome_word(o: crate::evidence::measure::profile::Outcome) -> &'static str {
    use crate::evidence::measure::profile::Outcome;
    match o {
        Outcome::Lost => "lost",
        Outcome::Open => "in progress",
        Outcome::Booked => "booked",
        Outcome::Visited => "came",
        Outcome::NoShow => "did not come",
    }
}

/// `--format xlsx`: the months as numbers (a sheet per channel split in one
/// tidy table), the files and the account of every row.
pub fn xlsx(m: &Measured, lang: Lang) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use super::xlsx::{Book, Value};
    let l = lang;
    let mut book = Book::new(lang, "RUB");
    let mut funnel = book.sheet(l.tr("Funnel"))?;
    let header: Vec<&str> = [
        "Month",
        "Channel",
        "Leads",
        "Bookings",
        "Conversion",
        "Visits",
        "No-shows",
        "No-show rate",
        "Revenue",
        "Average check",
    ]
    .iter()
    .map(|h| l.tr(h))
    .collect();
    funnel.header(&header, 2)?;
    let count = |v: Option<u64>| v.map_or(Value::Empty, Value::Whole);
    for (month, tallies) in &m.funnel.months {
        for &channel in m.funnel.channels() {
            let f = tallies[channel as usize].figures();
            funnel.row(&[
                Value::text(month.to_string()),
                Value::text(l.tr(channel_word(channel))),
                count(f.leads),
                count(f.bookings),
                Value::ratio(f.conversion),
                count(f.visits),
                count(f.no_shows),
                Value::ratio(f.no_show_rate),
                Value::money(f.revenue),
                Value::money(f.average_check),
            ])?;
        }
    }
    book.add(funnel)?;
    let mut rows = book.sheet(l.tr("Rows"))?;
    rows.header(
        &[
            l.tr("File"),
            l.tr("Kind"),
            l.tr("Encoding"),
            l.tr("Header row"),
            l.tr("Rows"),
        ],
        1,
    )?;
    for f in &m.files {
        rows.row(&[
            Value::text(f.path.clone()),
            Value::text(f.kind.name()),
            Value::text(f.encoding.map_or("", |e| e.name())),
            Value::Whole(f.header_row),
            Value::Whole(f.rows),
        ])?;
    }
    rows.blank();
    let q = &m.quality;
    for (label, n) in [
        ("Rows read", q.rows),
        ("Counted", q.used),
        ("Repeated IDs", q.duplicates),
        ("Outside --from/--to", q.outside_period),
        ("Left out", q.skipped_rows()),
        ("IDs that disagree", q.conflicts),
    ] {
        rows.row(&[
            Value::text(l.tr(label)),
            Value::Empty,
            Value::Empty,
            Value::Empty,
            Value::Whole(n),
        ])?;
    }
    for s in &q.skipped {
        let example = s
            .examples
            .first()
            .map(|e| l.fill("{} row {}: «{}»", &[&e.file, &e.row, &e.value]))
            .unwrap_or_default();
        rows.row(&[
            Value::text(l.tr(s.reason.describe())),
            Value::text(s.column.clone()),
            Value::text(example),
            Value::Empty,
            Value::Whole(s.rows),
        ])?;
    }
    book.add(rows)?;
    book.bytes()
}

/// A channel in words (catalogue key).
pub fn channel_word(c: Channel) -> &'static str {
    match c {
        Channel::All => "all",
        Channel::Ai => "assistant",
        Channel::Other => "other",
    }
}
