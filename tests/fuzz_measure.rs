//! The fuzz harness of the evidence side: exports generated in every
//! container and encoding the readers take (CSV with `;` and `,`, UTF-8 with
//! and without a BOM, Windows-1251, CRLF; Bitrix24's HTML ".xls"; XLSX;
//! YCLIENTS JSON as a page, an array and one record per line; monthly sheets),
//! then mutated — amounts at and past the edges of exact arithmetic, counts
//! near 2⁶⁴, empty cells, control characters and newlines in names and cells,
//! repeated IDs, hostile file and plan names — and driven through `roi
//! measure` (every format, `--scenario`) and `roi pilot` (every format, with
//! and without a plan, `--write-scenario`) in-process.
//!
//! Whatever the input, a command must not panic, must fail only as a user
//! error (exit 2), must print nothing when it fails and something when it
//! succeeds; and a scenario it wrote must be one `roi calc` (and, when it
//! holds ranges, `roi simulate`) accepts.
//!
//! Each property runs on its own test thread, so the two cores share the
//! work; `FUZZ_CASES` scales every property. CI runs the full 24 000 cases
//! in release mode (`cargo test --release --locked --test fuzz_measure`,
//! 20–40 s on the shared 2-core machine, as loaded); the debug `cargo test`
//! runs a twenty-fifth of them. Past failures are kept below as named
//! regression cases.

mod exports;

use clap::Parser;
use exports::{Fate, Rec};
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};
use std::path::{Path, PathBuf};

/// What one run of a command came to.
#[derive(Debug)]
struct Outcome {
    /// 0 for success, else the exit code the error deserves.
    code: u8,
    stdout: Vec<u8>,
    /// The error as `main` would print it (empty on success).
    error: String,
}

/// The language is one setting for the whole process, as it is for the
/// binary. The properties name `--lang en` or `ru` and check no wording, so
/// they run side by side; a named case checks English text and runs alone
/// (see [`english`]), so that no property switches the language under it.
static LANGUAGE: std::sync::RwLock<()> = std::sync::RwLock::new(());

/// Runs `roi args` in-process beside the other properties' runs.
fn run(args: &[String]) -> Outcome {
    assert!(args.iter().any(|a| a == "--lang"), "{args:?}: no --lang");
    let _shared = LANGUAGE.read().unwrap_or_else(|e| e.into_inner());
    run_now(args)
}

/// Runs `roi args --lang en` alone, so its messages can be read.
fn english(args: &[String]) -> Outcome {
    let _alone = LANGUAGE.write().unwrap_or_else(|e| e.into_inner());
    let mut args = args.to_vec();
    args.extend(["--lang".into(), "en".into()]);
    let out = run_now(&args);
    contract(&args, &out, None);
    out
}

/// Runs `roi args` in-process, with its output captured.
fn run_now(args: &[String]) -> Outcome {
    let argv = std::iter::once("roi".to_string()).chain(args.iter().cloned());
    let (result, stdout, _stderr) = roi::stdio::capture(|| {
        let cli = roi::cli::Cli::try_parse_from(argv).map_err(anyhow::Error::from)?;
        roi::commands::run(cli)
    });
    match result {
        Ok(()) => Outcome {
            code: 0,
            stdout,
            error: String::new(),
        },
        Err(e) => Outcome {
            code: e
                .downcast_ref::<clap::Error>()
                .map_or_else(|| roi::exit_code(&e), |_| 2),
            stdout,
            error: format!("{e:#}"),
        },
    }
}

/// The contract every run keeps; `output` is the file `-o` names, which
/// must hold something when the run succeeds (stdout then is empty).
fn check(args: &[String], output: Option<&Path>) -> Outcome {
    let out = run(args);
    contract(args, &out, output);
    out
}

/// Panics when `out` breaks the contract: exit 0 with something written,
/// or exit 2 with an error and nothing on stdout.
fn contract(args: &[String], out: &Outcome, output: Option<&Path>) {
    match out.code {
        0 => match output {
            Some(path) => assert!(
                std::fs::metadata(path).is_ok_and(|m| m.len() > 0),
                "{args:?} succeeded but wrote nothing to {}",
                path.display()
            ),
            None => assert!(
                !out.stdout.is_empty(),
                "{args:?} succeeded but printed nothing"
            ),
        },
        2 => {
            assert!(
                out.stdout.is_empty(),
                "{args:?} failed ({}) after printing {} bytes",
                out.error,
                out.stdout.len()
            );
            assert!(!out.error.trim().is_empty(), "{args:?}: an empty error");
        }
        code => panic!("{args:?}: exit {code}, not a user error: {}", out.error),
    }
}

/// This thread's scratch folder, emptied of the last case's outputs.
fn dir() -> PathBuf {
    thread_local! {
        static DIR: tempfile::TempDir = tempfile::tempdir().unwrap();
    }
    DIR.with(|d| {
        for entry in std::fs::read_dir(d.path()).unwrap().flatten() {
            let _ = std::fs::remove_file(entry.path());
        }
        d.path().to_path_buf()
    })
}

/// How the generated text of a CSV is stored.
#[derive(Debug, Clone, Copy)]
struct Storage {
    /// Remove a BOM, or add one where there is none.
    flip_bom: bool,
    /// Lines end with CR LF.
    crlf: bool,
    /// Encoded as Windows-1251 (when every character has a byte there).
    cp1251: bool,
}

/// YCLIENTS' records as the API gives a page, a bare array, or one per line.
#[derive(Debug, Clone, Copy)]
enum JsonShape {
    Page,
    Array,
    Lines,
}

/// Which system and container the export is written in.
#[derive(Debug, Clone, Copy)]
enum Container {
    BitrixCsv(Storage),
    Bitrix1251,
    BitrixHtml,
    BitrixXlsx,
    AmoXlsx,
    AmoCsv(Storage),
    YclientsXlsx,
    YclientsJson(JsonShape),
    UsSheet(Storage),
    MonthlyXlsx,
    MonthlyCsv(Storage, char),
}

impl Container {
    /// The mapping the export is read with.
    fn map(self) -> Option<&'static str> {
        match self {
            Container::BitrixCsv(_)
            | Container::Bitrix1251
            | Container::BitrixHtml
            | Container::BitrixXlsx => Some(exports::SALON_MAP),
            Container::AmoXlsx | Container::AmoCsv(_) => Some(exports::AMOCRM_MAP),
            Container::UsSheet(_) => Some(exports::SHEET_MAP),
            _ => None,
        }
    }

    fn extension(self) -> &'static str {
        match self {
            Container::BitrixHtml => "xls",
            Container::BitrixXlsx
            | Container::AmoXlsx
            | Container::YclientsXlsx
            | Container::MonthlyXlsx => "xlsx",
            Container::YclientsJson(_) => "json",
            _ => "csv",
        }
    }
}

fn storage() -> impl Strategy<Value = Storage> {
    (any::<bool>(), any::<bool>(), prop::bool::weighted(0.3)).prop_map(
        |(flip_bom, crlf, cp1251)| Storage {
            flip_bom,
            crlf,
            cp1251,
        },
    )
}

fn container() -> impl Strategy<Value = Container> {
    prop_oneof![
        3 => storage().prop_map(Container::BitrixCsv),
        1 => Just(Container::Bitrix1251),
        1 => Just(Container::BitrixHtml),
        1 => Just(Container::BitrixXlsx),
        1 => Just(Container::AmoXlsx),
        1 => storage().prop_map(Container::AmoCsv),
        1 => Just(Container::YclientsXlsx),
        1 => prop_oneof![Just(JsonShape::Page), Just(JsonShape::Array), Just(JsonShape::Lines)]
            .prop_map(Container::YclientsJson),
        1 => storage().prop_map(Container::UsSheet),
        2 => Just(Container::MonthlyXlsx),
        2 => (storage(), prop::sample::select(vec![';', ','])).prop_map(|(s, d)| Container::MonthlyCsv(s, d)),
    ]
}

/// Amounts as text at and past the edges of exact arithmetic, and some
/// that are not amounts at all.
fn extreme_amount() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "9000000000000000000000000000",
        "79228162514264337593543950335",
        "79228162514264337593543950336",
        "10000000000000000000",
        "0.0000000000000000000000000001",
        "0,0000000000000000000000000001",
        "12345678901234567890.123456789",
        "-1500",
        "9e27",
        "1e-28",
        "0",
        "",
        "1 500,50",
        "1,500",
        "\u{1b}[31m1500",
        "15\n00",
    ])
    .prop_map(str::to_string)
}

/// Text put into a name or a cell: control characters, newlines, and what
/// a scenario file would read if it were written raw.
fn hostile_text() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "\n[after]\nleads = \"+500%\"\n#",
        "\r\n[capacity]\nvisits = 1\r\n",
        "\u{1b}[2J\u{7}",
        "\u{2028}[costs]\u{2029}setup = 1",
        "tab\there",
        "\u{85}next line",
        "\u{202e}reversed",
        "\u{7f}\u{1}\u{1f}",
        "\"quoted\" 'single' \\back",
        "plain",
    ])
    .prop_map(str::to_string)
}

/// One change to the generated records or their text.
#[derive(Debug, Clone)]
enum Mutation {
    /// The n-th record's amount replaced by this text.
    Amount(usize, String),
    /// The n-th record's amount left empty.
    NoAmount(usize),
    /// The n-th record given the m-th record's ID.
    SameId(usize, usize),
    /// A deal's title (a cell no rule reads) with this text in it.
    Title(usize, String),
    /// The n-th record's status text with this text added: an unknown status.
    Status(usize, String),
    /// The n-th record made a visit of about 5.8·10¹⁵ ₽ (a sixteenth of
    /// i64's kopecks), so the generator's own sums still fit.
    Huge(usize),
    /// A byte put in at a position of the stored file.
    Byte(usize, u8),
    /// Every record of the n-th month given one fate: shares of 0% and 100%.
    Everyone(usize, Fate),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        6 => (any::<usize>(), extreme_amount()).prop_map(|(n, a)| Mutation::Amount(n, a)),
        1 => any::<usize>().prop_map(Mutation::NoAmount),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(n, m)| Mutation::SameId(n, m)),
        2 => (any::<usize>(), hostile_text()).prop_map(|(n, t)| Mutation::Title(n, t)),
        1 => (any::<usize>(), hostile_text()).prop_map(|(n, t)| Mutation::Status(n, t)),
        2 => any::<usize>().prop_map(Mutation::Huge),
        1 => (any::<usize>(), prop::sample::select(b";,\"\n\r<>{}[]0.-\x00\xff".to_vec()))
            .prop_map(|(n, b)| Mutation::Byte(n, b)),
        2 => (
            any::<usize>(),
            prop::sample::select(vec![Fate::Came, Fate::NoShow, Fate::Lost, Fate::Booked]),
        )
            .prop_map(|(n, f)| Mutation::Everyone(n, f)),
    ]
}

/// A month's totals in a hand-kept sheet, any of them possibly replaced.
#[derive(Debug, Clone)]
enum SheetCell {
    /// As the records add up.
    Counted,
    /// This text instead (huge counts, fractions, blanks).
    Text(String),
}

fn sheet_cell() -> impl Strategy<Value = SheetCell> {
    prop_oneof![
        12 => Just(SheetCell::Counted),
        3 => prop::sample::select(vec![
            "18446744073709551615",
            "18446744073709551616",
            "9223372036854775808",
            "9223372036854775807",
            "18446744073709551614",
            "1",
            "0",
            "",
            "1.5",
            "-3",
        ])
        .prop_map(|s| SheetCell::Text(s.to_string())),
        2 => extreme_amount().prop_map(SheetCell::Text),
    ]
}

/// The records and what is done to them.
#[derive(Debug, Clone)]
struct Export {
    /// The first month (year, month).
    start: (i32, u32),
    /// Records per month.
    per_month: Vec<u32>,
    /// From which month index the assistant's records come.
    ai_from: Option<usize>,
    seed: u64,
    container: Container,
    mutations: Vec<Mutation>,
    /// Per month: leads, bookings, visits, no-shows, revenue, ai_leads of a sheet.
    sheet: Vec<[SheetCell; 6]>,
    /// The export's file name, hostile or not.
    name: String,
    /// Written as two files, split at the middle record.
    split: bool,
}

fn export() -> impl Strategy<Value = Export> {
    let months = prop_oneof![
        // Tiny baselines: a lead or two a month.
        1 => prop::collection::vec(0u32..=2, 2..=8),
        4 => prop::collection::vec(1u32..=12, 2..=8),
        // Enough months for a season, a year before the pilot.
        1 => prop::collection::vec(1u32..=6, 13..=18),
    ];
    (
        (2020i32..=2026, 1u32..=12),
        months,
        prop::option::of(0usize..6),
        any::<u64>(),
        container(),
        prop::collection::vec(mutation(), 0..5),
        prop::collection::vec(prop::array::uniform6(sheet_cell()), 18),
        prop::option::weighted(0.3, hostile_text()),
        prop::bool::weighted(0.15),
    )
        .prop_map(
            |(start, per_month, ai_from, seed, container, mutations, sheet, name, split)| Export {
                start,
                per_month,
                ai_from,
                seed,
                container,
                mutations,
                sheet,
                name: name.map_or_else(|| "export".to_string(), |n| format!("ex{n}port")),
                split,
            },
        )
}

/// Kopecks no generated record has, written `4242424.NN` (`4 242 424,NN` in
/// Windows-1251) wherever the amount is text, so a mutation finds its cell.
fn sentinel(i: usize) -> i64 {
    424_242_400 + 1 + (i as i64 % 98)
}

/// The records with the record-level mutations applied; the text ones
/// (amount texts by sentinel, titles, statuses) are returned to apply to
/// the written text.
fn records(e: &Export) -> (Vec<Rec>, Vec<(String, String)>) {
    let mut recs = exports::salon(e.start, &e.per_month, e.ai_from, e.seed);
    let mut replace = Vec::new();
    if recs.is_empty() {
        return (recs, replace);
    }
    let n = recs.len();
    for (i, m) in e.mutations.iter().enumerate() {
        match m {
            Mutation::Amount(k, text) => {
                let r = &mut recs[k % n];
                // A visit's amount is revenue; any other's is only read.
                if *k % 2 == 0 {
                    r.fate = Fate::Came;
                }
                r.kopecks = Some(sentinel(i));
                let s = sentinel(i);
                replace.push((format!("{}.{:02}", s / 100, s % 100), text.clone()));
                replace.push((format!("4\u{a0}242\u{a0}424,{:02}", s % 100), text.clone()));
            }
            Mutation::NoAmount(k) => recs[k % n].kopecks = None,
            Mutation::SameId(a, b) => recs[a % n].id = recs[b % n].id,
            Mutation::Title(k, text) => {
                let id = recs[k % n].id;
                replace.push((format!("#{id}"), format!("#{id}{text}")));
            }
            Mutation::Status(k, text) => {
                let r = &mut recs[k % n];
                r.fate = Fate::NoShow;
                replace.push(("Не пришёл".to_string(), format!("Не пришёл{text}")));
            }
            Mutation::Huge(k) => {
                let r = &mut recs[k % n];
                r.fate = Fate::Came;
                r.kopecks = Some(i64::MAX / 16 - (*k as i64 % 1000));
            }
            Mutation::Everyone(k, fate) => {
                let (year, month) = (recs[k % n].year, recs[k % n].month);
                for r in recs
                    .iter_mut()
                    .filter(|r| (r.year, r.month) == (year, month))
                {
                    r.fate = *fate;
                    if *fate == Fate::Came && r.kopecks.is_none() {
                        r.kopecks = Some(150_000);
                    }
                }
            }
            Mutation::Byte(..) => {}
        }
    }
    (recs, replace)
}

/// Text with the sentinel and cell replacements made.
fn replaced(mut text: String, replace: &[(String, String)]) -> String {
    for (from, to) in replace {
        text = text.replace(from, to);
    }
    text
}

/// Stores CSV text as `s` says.
fn stored(text: String, s: Storage) -> Vec<u8> {
    let mut text = if s.crlf {
        text.replace("\r\n", "\n").replace('\n', "\r\n")
    } else {
        text
    };
    if s.flip_bom {
        text = match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_string(),
            None => format!("\u{feff}{text}"),
        };
    }
    if s.cp1251 {
        let plain = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1251.encode(plain);
        if !unmappable {
            return bytes.into_owned();
        }
    }
    text.into_bytes()
}

/// YCLIENTS' page as the shape asks, amounts replaced by raw number text.
fn yclients(recs: &[Rec], shape: JsonShape, replace: &[(String, String)]) -> Vec<u8> {
    let page: serde_json::Value = serde_json::from_slice(&exports::yclients_json(recs)).unwrap();
    let mut data = page["data"].as_array().cloned().unwrap_or_default();
    // A record whose amount a mutation names gets one service costing the
    // mutation's text, as a bare number where it is one, else as a string.
    let mut raw = Vec::new();
    for record in &mut data {
        let id = record["id"].as_u64().unwrap_or(0);
        if let Some(r) = recs.iter().find(|r| u64::from(r.id) == id)
            && let Some(k) = r.kopecks
        {
            let written = format!("{}.{:02}", k / 100, k % 100);
            if let Some((_, text)) = replace.iter().find(|(from, _)| *from == written) {
                let mark = format!("@@{}@@", raw.len());
                record["services"] =
                    serde_json::json!([{"id": 1, "title": "Стрижка", "cost": mark}]);
                raw.push(text.clone());
            }
        }
    }
    let text = match shape {
        JsonShape::Page => {
            serde_json::to_string_pretty(&serde_json::json!({"success": true, "data": data}))
                .unwrap()
        }
        JsonShape::Array => serde_json::to_string(&data).unwrap(),
        JsonShape::Lines => data.iter().map(|r| r.to_string() + "\n").collect(),
    };
    let mut text = text;
    for (i, value) in raw.iter().enumerate() {
        let number = value.parse::<f64>().is_ok() && !value.contains(['\n', ' ']);
        let json = if number {
            value.clone()
        } else {
            serde_json::Value::String(value.clone()).to_string()
        };
        text = text.replace(&format!("\"@@{i}@@\""), &json);
    }
    // Titles and statuses are replaced in the text as well.
    let escaped: Vec<(String, String)> = replace
        .iter()
        .filter(|(from, _)| from.starts_with('#'))
        .map(|(from, to)| {
            let to = serde_json::Value::String(to.clone()).to_string();
            (from.clone(), to[1..to.len() - 1].to_string())
        })
        .collect();
    replaced(text, &escaped).into_bytes()
}

/// A hand-kept sheet of monthly totals, each cell as counted or replaced.
fn monthly_table(recs: &[Rec], e: &Export) -> Vec<[String; 7]> {
    let totals = exports::expected(recs);
    let mut rows = vec![
        [
            "Месяц",
            "Заявки",
            "Записи",
            "Пришли",
            "Неявки",
            "Выручка",
            "ai_leads",
        ]
        .map(String::from),
    ];
    let months: Vec<&String> = totals
        .keys()
        .filter(|(_, c)| *c == "all")
        .map(|(m, _)| m)
        .collect();
    for (i, month) in months.into_iter().enumerate() {
        let t = &totals[&(month.clone(), "all")];
        let ai = totals.get(&(month.clone(), "ai")).map_or(0, |a| a.leads);
        let counted = [
            t.leads.to_string(),
            t.bookings.to_string(),
            t.visits.to_string(),
            t.no_shows.to_string(),
            format!("{}.{:02}", t.revenue / 100, t.revenue % 100),
            ai.to_string(),
        ];
        let mut row = [
            month.clone(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ];
        for (c, value) in counted.into_iter().enumerate() {
            row[c + 1] = match &e.sheet[i % e.sheet.len()][c] {
                SheetCell::Counted => value,
                SheetCell::Text(t) => t.clone(),
            };
        }
        rows.push(row);
    }
    rows
}

fn monthly_csv(rows: &[[String; 7]], delimiter: char) -> String {
    let quote = |c: &String| {
        if c.contains([delimiter, '"', '\n', '\r']) {
            format!("\"{}\"", c.replace('"', "\"\""))
        } else {
            c.clone()
        }
    };
    rows.iter()
        .map(|r| {
            r.iter()
                .map(quote)
                .collect::<Vec<_>>()
                .join(&delimiter.to_string())
                + "\n"
        })
        .collect()
}

fn monthly_xlsx(rows: &[[String; 7]]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            // Numbers a float holds exactly as number cells, the rest as text.
            match cell.parse::<f64>() {
                Ok(n) if r > 0 && c > 0 && n.abs() < 1e15 && !cell.contains(' ') => {
                    sheet.write_number(r as u32, c as u16, n).unwrap();
                }
                _ => {
                    sheet.write_string(r as u32, c as u16, cell).unwrap();
                }
            }
        }
    }
    book.save_to_buffer().unwrap()
}

/// The export's bytes in its container, every mutation applied.
fn bytes(recs: &[Rec], e: &Export, replace: &[(String, String)]) -> Vec<u8> {
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    let mut out = match e.container {
        Container::BitrixCsv(s) => stored(replaced(text(exports::bitrix_csv(recs)), replace), s),
        Container::Bitrix1251 => {
            let raw = exports::bitrix_csv_1251(recs);
            let (plain, _, _) = encoding_rs::WINDOWS_1251.decode(&raw);
            let t = replaced(plain.into_owned(), replace);
            let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(&t);
            bytes.into_owned()
        }
        Container::BitrixHtml => replaced(text(exports::bitrix_html(recs)), replace).into_bytes(),
        Container::BitrixXlsx => exports::bitrix_xlsx(recs),
        Container::AmoXlsx => exports::amocrm_xlsx(recs),
        Container::AmoCsv(s) => stored(replaced(text(exports::amocrm_csv(recs)), replace), s),
        Container::YclientsXlsx => exports::yclients_xlsx(recs),
        Container::YclientsJson(shape) => yclients(recs, shape, replace),
        Container::UsSheet(s) => stored(replaced(text(exports::us_sheet_csv(recs)), replace), s),
        Container::MonthlyXlsx => monthly_xlsx(&monthly_table(recs, e)),
        Container::MonthlyCsv(s, d) => stored(monthly_csv(&monthly_table(recs, e), d), s),
    };
    for m in &e.mutations {
        if let Mutation::Byte(at, b) = m {
            let at = at % (out.len() + 1);
            out.insert(at, *b);
        }
    }
    out
}

/// Writes the export (one file or two) into `dir`; returns the paths.
fn write_export(dir: &Path, e: &Export) -> Vec<PathBuf> {
    let (recs, replace) = records(e);
    let parts: Vec<&[Rec]> = if e.split && recs.len() > 1 {
        let (a, b) = recs.split_at(recs.len() / 2);
        vec![a, b]
    } else {
        vec![&recs]
    };
    let mut paths = Vec::new();
    for (i, part) in parts.into_iter().enumerate() {
        let path = dir.join(format!("{}{i}.{}", e.name, e.container.extension()));
        std::fs::write(&path, bytes(part, e, &replace)).unwrap();
        paths.push(path);
    }
    paths
}

/// A plan the pilot is judged against: the shipped salon's, or one with
/// extreme figures and a hostile name.
#[derive(Debug, Clone)]
enum Plan {
    Shipped,
    Written {
        name: String,
        leads: &'static str,
        conversion: &'static str,
        check: &'static str,
        after_leads: &'static str,
        setup: &'static str,
        monthly: &'static str,
        savings: &'static str,
        margin: &'static str,
        ramp: u32,
    },
}

fn plan() -> impl Strategy<Value = Plan> {
    let amount = || {
        prop_oneof![
            4 => prop::sample::select(vec!["0", "1500", "25000", "3000.50"]),
            1 => prop::sample::select(vec![
                "1e-28",
                "1e-20",
                "4e28",
                "79228162514264337593543950335",
                "12345678901234567890.5",
            ]),
        ]
    };
    let written = (
        hostile_text(),
        prop::sample::select(vec!["200", "200", "90", "1", "1e-28", "4e28", "0.5"]),
        prop::sample::select(vec!["\"20%\"", "\"20%\"", "0", "1", "\"0.0000001%\""]),
        amount(),
        prop::sample::select(vec![
            "\"+30%\"",
            "\"+30%\"",
            "\"+500%\"",
            "\"-100%\"",
            "4e28",
            "\"+0%\"",
        ]),
        amount(),
        amount(),
        amount(),
        prop::sample::select(vec!["\"100%\"", "\"0%\"", "\"37%\""]),
        0u32..=3,
    )
        .prop_map(
            |(
                name,
                leads,
                conversion,
                check,
                after_leads,
                setup,
                monthly,
                savings,
                margin,
                ramp,
            )| {
                Plan::Written {
                    name,
                    leads,
                    conversion,
                    check,
                    after_leads,
                    setup,
                    monthly,
                    savings,
                    margin,
                    ramp,
                }
            },
        );
    prop_oneof![1 => Just(Plan::Shipped), 3 => written]
}

impl Plan {
    fn text(&self) -> String {
        match self {
            Plan::Shipped => include_str!("../examples/salon-rostov.toml").to_string(),
            Plan::Written {
                name,
                leads,
                conversion,
                check,
                after_leads,
                setup,
                monthly,
                savings,
                margin,
                ramp,
            } => format!(
                "[scenario]\nname = {}\nmonths = 6\n[baseline]\nleads = {leads}\nconversion = {conversion}\n\
                 average_check = {check}\n[after]\nleads = {after_leads}\n[costs]\nsetup = {setup}\n\
                 monthly = {monthly}\n[savings]\nother = {savings}\n[assumptions]\ngross_margin = {margin}\n\
                 ramp_months = {ramp}\n",
                toml::Value::String(format!("plan{name}"))
            ),
        }
    }
}

/// Cases per property, scaled by `FUZZ_CASES` (a multiple of the default).
/// The full count needs an optimised build to finish within a minute on two
/// cores (`.ci/run` runs `cargo test --release --test fuzz_measure`); the
/// debug build that `cargo test` makes runs a twenty-fifth, as a quick pass.
fn cases(default: u32) -> u32 {
    let fallback = if cfg!(debug_assertions) { 0.04 } else { 1.0 };
    let scale: f64 = std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(fallback);
    ((f64::from(default) * scale) as u32).max(1)
}

fn config(default: u32) -> Config {
    Config {
        cases: cases(default),
        failure_persistence: Some(Box::new(FileFailurePersistence::Off)),
        ..Config::default()
    }
}

/// The months of an export, as `YYYY-MM`.
fn month(start: (i32, u32), index: usize) -> String {
    let m0 = start.0 * 12 + start.1 as i32 - 1 + index as i32;
    format!("{:04}-{:02}", m0.div_euclid(12), m0.rem_euclid(12) + 1)
}

/// The common head of a command line: the files and their mapping.
fn head(command: &str, dir: &Path, e: &Export, files: &[PathBuf]) -> Vec<String> {
    let mut args = vec![command.to_string()];
    args.extend(files.iter().map(|p| p.display().to_string()));
    if let Some(map) = e.container.map() {
        let path = dir.join("map.toml");
        std::fs::write(&path, map).unwrap();
        args.extend(["--map".into(), path.display().to_string()]);
    }
    args
}

/// What a written scenario may hold, and nothing else: the tables and keys
/// the writer puts there, every other line a comment or blank. A name or a
/// cell that broke out of its comment would add a line, a table or a key.
fn only_what_was_measured(text: &str, pilot: bool, plan: bool) -> toml::Table {
    let keys = [
        "name",
        "currency",
        "months",
        "leads",
        "conversion",
        "no_show_rate",
        "average_check",
        "start",
        "setup",
        "monthly",
        "staff_hours",
        "hourly_rate",
        "other",
        "gross_margin",
        "ramp_months",
        "discount_rate",
        "repeat_visits",
    ];
    // Control characters, line separators and bidi marks are escaped.
    let hidden = |c: char| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}')
    };
    assert!(
        !text.chars().any(hidden),
        "a raw control character:\n{text:?}"
    );
    for line in text.lines() {
        let key = line.split(" = ").next().unwrap_or("");
        assert!(
            line.is_empty()
                || line.starts_with("# ")
                || (line.starts_with('[') && line.ends_with(']'))
                || keys.contains(&key),
            "a line no writer writes: {line:?}\n{text}"
        );
    }
    let table: toml::Table = text.parse().unwrap_or_else(|e| panic!("{e}\n{text}"));
    let mut want = vec!["scenario", "baseline"];
    if pilot {
        want.push("after");
    }
    if plan {
        want.extend(["costs", "savings", "assumptions"]);
    }
    // `[seasonality]` when the history holds a year; `[retention]` when it
    // also names the clients (amoCRM's contact columns): each only then.
    let mut got: Vec<&str> = table
        .keys()
        .map(String::as_str)
        .filter(|k| *k != "seasonality" && *k != "retention")
        .collect();
    if let Some(retention) = table.get("retention").and_then(toml::Value::as_table) {
        let visits = retention
            .get("repeat_visits")
            .and_then(toml::Value::as_array);
        assert!(
            retention.len() == 1 && visits.is_some_and(|v| (1..=12).contains(&v.len())),
            "[retention] {retention}\n{text}"
        );
    }
    got.sort_unstable();
    want.sort_unstable();
    assert_eq!(got, want, "{text}");
    if let Some(after) = table.get("after").and_then(toml::Value::as_table) {
        // Each a distribution over its measured interval, and nothing else:
        // exactly low, high and a dist of the two the pilot writes.
        for (key, value) in after {
            let range = value.as_table().filter(|t| {
                t.len() == 3
                    && t.get("low").is_some_and(toml::Value::is_str)
                    && t.get("high").is_some_and(toml::Value::is_str)
                    && t.get("dist")
                        .and_then(toml::Value::as_str)
                        .is_some_and(|d| d == "normal" || (d == "lognormal" && key == "leads"))
            });
            assert!(
                ["leads", "conversion", "no_show_rate", "average_check"].contains(&key.as_str())
                    && range.is_some(),
                "[after] {key} = {value}\n{text}"
            );
        }
    }
    table
}

/// Runs `roi calc` (and `roi simulate`, when `[after]` has ranges) on a
/// scenario the tool wrote: both must take it, and it must hold only what
/// was measured.
fn written_scenario_runs(dir: &Path, text: &str, lang: &str, args: &[String]) {
    let pilot = args[0] == "pilot";
    let plan = args.iter().any(|a| a == "--scenario") && pilot;
    let table = only_what_was_measured(text, pilot, plan);
    let path = dir.join("written.toml");
    std::fs::write(&path, text).unwrap();
    let file = path.display().to_string();
    let calc = check(
        &["calc".into(), file.clone(), "--lang".into(), lang.into()],
        None,
    );
    assert_eq!(
        calc.code, 0,
        "{args:?} wrote a scenario calc refuses: {}\n{text}",
        calc.error
    );
    let ranges = table
        .get("after")
        .and_then(toml::Value::as_table)
        .is_some_and(|t| !t.is_empty());
    if ranges {
        let sim_args = [
            "simulate".into(),
            file,
            "--trials".into(),
            "20".into(),
            "--lang".into(),
            lang.into(),
        ];
        let sim = check(&sim_args, None);
        assert_eq!(
            sim.code, 0,
            "{args:?} wrote a scenario simulate refuses: {}\n{text}",
            sim.error
        );
    }
}

/// The baseline and pilot periods, from month indexes of the export: the
/// baseline, then the pilot right after it, both inside the data; one in
/// eight runs a month past the data's end or back into the baseline.
fn periods(e: &Export, b: (usize, usize), p: (usize, usize)) -> (String, String) {
    let n = e.per_month.len().max(2);
    let b0 = b.0 % (n - 1);
    let b1 = b0 + b.1 % (n - 1 - b0);
    let (mut p0, mut p1) = (b1 + 1, b1 + 1 + p.1 % (n - b1 - 1));
    match p.0 % 16 {
        0 => p1 += 1,
        1 => p0 = b1,
        _ => {}
    }
    (
        format!("{}..{}", month(e.start, b0), month(e.start, b1)),
        format!("{}..{}", month(e.start, p0), month(e.start, p1)),
    )
}

proptest! {
    #![proptest_config(config(12_000))]

    /// `roi measure` on generated, mutated exports: every format, and the
    /// baseline scenario, which calc must then take.
    #[test]
    fn measure_never_breaks(
        e in export(),
        format in 0usize..5,
        b in (any::<usize>(), any::<usize>()),
        ru in any::<bool>(),
    ) {
        let dir = dir();
        let files = write_export(&dir, &e);
        let lang = if ru { "ru" } else { "en" };
        let mut args = head("measure", &dir, &e, &files);
        let (baseline, _) = periods(&e, b, (0, 0));
        let mut output = None;
        // Some runs refuse any row left out, or count only some months.
        match b.1 % 8 {
            0 => args.push("--strict".into()),
            1 => args.extend(["--from".into(), month(e.start, b.0 % 3), "--to".into(), month(e.start, 5 + b.0 % 9)]),
            _ => {}
        }
        // Some runs follow the clients too (amoCRM's exports name them;
        // the others are refused for want of a client column).
        if format != 0 && b.0 % 4 == 0 {
            args.push("--retention".into());
        }
        match format {
            0 => args.extend(["--baseline".into(), baseline, "--scenario".into()]),
            1 => args.extend(["-f".into(), "json".into(), "--baseline".into(), baseline]),
            2 => args.extend(["-f".into(), "csv".into()]),
            3 => {
                let path = dir.join("out.xlsx");
                args.extend(["-f".into(), "xlsx".into(), "-o".into(), path.display().to_string()]);
                output = Some(path);
            }
            _ => args.extend(["--baseline".into(), baseline]),
        }
        args.extend(["--lang".into(), lang.into()]);
        let out = check(&args, output.as_deref());
        if format == 0 && out.code == 0 {
            let text = String::from_utf8(out.stdout).unwrap();
            written_scenario_runs(&dir, &text, lang, &args);
        }
    }
}

proptest! {
    #![proptest_config(config(12_000))]

    /// `roi pilot` on generated, mutated exports: every format, with and
    /// without a plan, and the scenario it writes, which calc and simulate
    /// must then take.
    #[test]
    fn pilot_never_breaks(
        e in export(),
        format in 0usize..4,
        b in (any::<usize>(), any::<usize>()),
        p in (any::<usize>(), any::<usize>()),
        plan in prop::option::weighted(0.6, plan()),
        write in any::<bool>(),
        ru in any::<bool>(),
    ) {
        let dir = dir();
        let files = write_export(&dir, &e);
        let lang = if ru { "ru" } else { "en" };
        let mut args = head("pilot", &dir, &e, &files);
        let (baseline, pilot) = periods(&e, b, p);
        args.extend(["--baseline".into(), baseline]);
        // One run in eight plans a pilot instead of judging one.
        if p.1 % 8 == 7 && !write {
            args.extend(["--plan".into(), "--expect".into(), ["+30%", "0.5", "1e-9", "+5000%"][p.0 % 4].into()]);
        } else {
            args.extend(["--pilot".into(), pilot]);
        }
        if let Some(plan) = &plan {
            let path = dir.join("plan.toml");
            std::fs::write(&path, plan.text()).unwrap();
            args.extend(["--scenario".into(), path.display().to_string()]);
            // The odds of paying are drawn in every run with a plan: few trials keep the debug run short.
            args.extend(["--trials".into(), "50".into()]);
        }
        let written = dir.join("after.toml");
        if write {
            args.extend(["--write-scenario".into(), written.display().to_string()]);
        }
        let mut output = None;
        match format {
            0 => {}
            1 => args.extend(["-f".into(), "json".into()]),
            2 => args.extend(["-f".into(), "html".into()]),
            _ => {
                let path = dir.join("out.xlsx");
                args.extend(["-f".into(), "xlsx".into(), "-o".into(), path.display().to_string()]);
                output = Some(path);
            }
        }
        args.extend(["--lang".into(), lang.into()]);
        let out = check(&args, output.as_deref());
        if write && out.code == 0 {
            let text = std::fs::read_to_string(&written).unwrap();
            written_scenario_runs(&dir, &text, lang, &args);
        }
    }
}

// Past failures, each a named case. They run alone in English (see
// [`english`]) and check the words as well as the exit code.

/// Writes `files` (name, bytes) into a new folder; returns it and the paths.
fn folder(files: &[(&str, &[u8])]) -> (tempfile::TempDir, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let paths = files
        .iter()
        .map(|(name, bytes)| {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).unwrap();
            path.display().to_string()
        })
        .collect();
    (dir, paths)
}

/// A hand-kept monthly sheet: `month;leads;bookings;visits;no-shows;revenue` rows.
fn sheet(rows: &[&str]) -> Vec<u8> {
    let mut text = String::from("Месяц;Заявки;Записи;Пришли;Неявки;Выручка\n");
    for r in rows {
        text.push_str(r);
        text.push('\n');
    }
    text.into_bytes()
}

/// `args` with `path` and `--lang en` run alone; the scenario written (stdout
/// or `written`) must be one calc takes; returns the scenario's text.
fn written(args: &[String], written: Option<&Path>) -> String {
    let out = english(args);
    assert_eq!(out.code, 0, "{args:?}: {}", out.error);
    let text = match written {
        Some(path) => std::fs::read_to_string(path).unwrap(),
        None => String::from_utf8(out.stdout).unwrap(),
    };
    let dir = tempfile::tempdir().unwrap();
    written_scenario_runs(dir.path(), &text, "en", args);
    text
}

fn strings(args: &[&str]) -> Vec<String> {
    args.iter().map(|s| s.to_string()).collect()
}

#[test]
fn crash_a_file_name_wrote_tables_into_the_scenario() {
    // A file name may hold newlines: written raw into the comment naming the
    // export, it added `[after] leads = "+500%"` and `[capacity]` to the file.
    let name = "salon\n[after]\nleads = \"+500%\"\n[capacity]\nvisits = 1\n\u{1b}[2J#.csv";
    let recs = exports::salon((2025, 1), &[20, 22, 25], None, 7);
    let (_dir, paths) = folder(&[
        (name, &exports::bitrix_csv(&recs)),
        ("map.toml", exports::SALON_MAP.as_bytes()),
    ]);
    let text = written(
        &strings(&[
            "measure",
            &paths[0],
            "--map",
            &paths[1],
            "--baseline",
            "2025-01..2025-03",
            "--scenario",
        ]),
        None,
    );
    // The name is in its comment, escaped, and nowhere else as a line.
    assert!(
        text.contains("salon\\n[after]\\nleads = \"+500%\"\\n[capacity]\\nvisits = 1\\n\\u{1b}[2J#.csv (Bitrix24, csv)"),
        "{text}"
    );
    let table: toml::Table = text.parse().unwrap();
    assert!(
        table.get("after").is_none() && table.get("capacity").is_none(),
        "{text}"
    );
    // The scenario's name is one line, its control characters escaped too.
    let name = table["scenario"]["name"].as_str().unwrap();
    assert!(!name.contains(['\n', '\u{1b}']), "{name:?}");
    // The leads are the records' own: 20 + 22 + 25 over 3 months.
    let leads = table["baseline"]["leads"].as_float().unwrap();
    assert!((leads - 67.0 / 3.0).abs() < 1e-11, "{leads}");
}

#[test]
fn crash_a_plan_name_wrote_tables_into_the_pilot_scenario() {
    // The plan's name went raw into "# From the plan «…»." of --write-scenario.
    let plan = include_str!("../examples/salon-rostov.toml").replace(
        "[scenario]",
        "[scenario]\nname = \"Plan\\n[after]\\nleads = \\\"+500%\\\"\\n[capacity]\\nvisits = 1\"",
    );
    let plan = plan.replacen("name = \"Beauty salon, Rostov-on-Don\"\n", "", 1);
    let recs = exports::salon((2025, 1), &[20, 22, 25, 30], None, 9);
    let (dir, paths) = folder(&[
        ("deals.csv", &exports::bitrix_csv(&recs)),
        ("map.toml", exports::SALON_MAP.as_bytes()),
        ("plan.toml", plan.as_bytes()),
    ]);
    let after = dir.path().join("after.toml");
    let args = strings(&[
        "pilot",
        &paths[0],
        "--map",
        &paths[1],
        "--baseline",
        "2025-01..2025-03",
        "--pilot",
        "2025-04..2025-04",
        "--scenario",
        &paths[2],
        "--write-scenario",
        &after.display().to_string(),
    ]);
    let text = written(&args, Some(&after));
    assert!(
        text.contains(
            "# From the plan «Plan\\n[after]\\nleads = \"+500%\"\\n[capacity]\\nvisits = 1»."
        ),
        "{text}"
    );
    let table: toml::Table = text.parse().unwrap();
    assert!(table.get("capacity").is_none(), "{text}");
    // [after] holds the pilot's measured distribution, not the name's "+500%".
    let leads = &table["after"]["leads"];
    assert_eq!(leads["dist"].as_str(), Some("lognormal"), "{leads}");
}

#[test]
fn crash_a_check_past_i64_was_written_as_a_toml_integer() {
    // An average check of 10¹⁹ ₽ was written `average_check = 10000000000000000000`,
    // which TOML refuses (integers end at 2⁶³ − 1): calc could not read the file.
    let (_dir, paths) = folder(&[(
        "sheet.csv",
        &sheet(&["2025-01;2;1;1;0;10000000000000000000"]),
    )]);
    let text = written(
        &strings(&[
            "measure",
            &paths[0],
            "--baseline",
            "2025-01..2025-01",
            "--scenario",
        ]),
        None,
    );
    assert!(
        text.contains("\naverage_check = \"10000000000000000000\"\n"),
        "{text}"
    );
    // calc computes with it: 2 leads × 50% × 10¹⁹ = 10¹⁹ ₽ of revenue a month.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.toml");
    std::fs::write(&path, &text).unwrap();
    let out = english(&strings(&[
        "calc",
        &path.display().to_string(),
        "-f",
        "json",
    ]));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["baseline"]["average_check"],
        serde_json::json!(10_000_000_000_000_000_000u64)
    );
    assert_eq!(
        json["baseline"]["revenue"].to_string(),
        "10000000000000000000.00"
    );
}

#[test]
fn crash_a_share_range_rounded_past_100_percent() {
    // Conversion 1/3 is written 0.333333333333; a pilot that booked every lead
    // has an interval reaching 1 − 1/3, which rounded to "+66.6667pp" and took
    // the share past 100%: calc refused the range. Its end is now the largest
    // four-place step that stays within 100% of the share written.
    let (dir, paths) = folder(&[(
        "sheet.csv",
        &sheet(&[
            "2025-01;3;1;1;0;3000",
            "2025-02;3;1;1;0;3000",
            "2025-03;3;1;1;0;3000",
            "2025-04;3;3;3;0;9000",
        ]),
    )]);
    let after = dir.path().join("after.toml");
    let args = strings(&[
        "pilot",
        &paths[0],
        "--baseline",
        "2025-01..2025-03",
        "--pilot",
        "2025-04..2025-04",
        "--write-scenario",
        &after.display().to_string(),
    ]);
    let text = written(&args, Some(&after));
    let table: toml::Table = text.parse().unwrap();
    assert_eq!(
        table["baseline"]["conversion"].as_float(),
        Some(0.333333333333)
    );
    let range = &table["after"]["conversion"];
    let high: f64 = range["high"]
        .as_str()
        .unwrap()
        .trim_end_matches("pp")
        .parse()
        .unwrap();
    // (1 − 0.333333333333) × 100 = 66.6666666667, floored to four places.
    assert_eq!(high, 66.6666, "{range}");
}

#[test]
fn crash_open_bookings_note_multiplied_past_the_limit() {
    // 10¹⁹ bookings a month, one visit of 7·10²⁸ ₽: the note on open bookings
    // multiplied leads × conversion × check and panicked. calc could not
    // compute the scenario either, so it is refused, saying why.
    let (_dir, paths) = folder(&[(
        "sheet.csv",
        &sheet(&[
            "2025-01;10000000000000000000;10000000000000000000;1;0;70000000000000000000000000000",
        ]),
    )]);
    let out = english(&strings(&[
        "measure",
        &paths[0],
        "--baseline",
        "2025-01..2025-01",
        "--scenario",
    ]));
    assert_eq!(out.code, 2, "{}", out.error);
    assert!(
        out.error.contains("--scenario 2025-01: roi calc would refuse the scenario these figures make, so it is not written: the figures are too large to compute exactly"),
        "{}",
        out.error
    );
}

#[test]
fn crash_monthly_counts_wrapped_past_2_64() {
    // Two months of 2⁶³ leads summed to 2⁶⁴, which wrapped to 0: the baseline
    // had 0 leads and the run succeeded. The sheet is refused, naming the
    // row, the month and the column.
    let (_dir, paths) = folder(&[(
        "sheet.csv",
        &sheet(&[
            "2025-01;9223372036854775808;1;1;0;100",
            "2025-02;9223372036854775808;1;1;0;100",
        ]),
    )]);
    let out = english(&strings(&[
        "measure",
        &paths[0],
        "--baseline",
        "2025-01..2025-02",
    ]));
    assert_eq!(out.code, 2, "{}", out.error);
    assert!(
        out.error.ends_with("sheet.csv row 3 (2025-02): «Заявки» adds up over the months to more than 18446744073709551615, past what its total can hold exactly; a cell of the column has extra digits"),
        "{}",
        out.error
    );
    // Visits and no-shows fit apart but not together, as the no-show rate needs them.
    let (_dir, paths) = folder(&[(
        "sheet.csv",
        &sheet(&["2025-01;1;1;9223372036854775808;9223372036854775808;100"]),
    )]);
    let out = english(&strings(&["measure", &paths[0]]));
    assert_eq!(out.code, 2, "{}", out.error);
    assert!(
        out.error
            .contains("row 2 (2025-01): «Пришли» + «Неявки» adds up"),
        "{}",
        out.error
    );
}

/// The shipped salon plan with its costs replaced.
fn plan_costing(setup: &str, monthly: &str) -> String {
    include_str!("../examples/salon-rostov.toml")
        .replace("setup = 25000", &format!("setup = {setup}"))
        .replace("monthly = 10000", &format!("monthly = {monthly}"))
}

/// `pilot` on `export` (with `map`) against `plan`, baseline and pilot as given.
fn pilot_with_plan(
    export: &[u8],
    map: Option<&str>,
    plan: &str,
    baseline: &str,
    pilot: &str,
) -> Outcome {
    let (_dir, paths) = folder(&[
        ("export.csv", export),
        ("plan.toml", plan.as_bytes()),
        ("map.toml", map.unwrap_or("").as_bytes()),
    ]);
    let mut args = strings(&[
        "pilot",
        &paths[0],
        "--baseline",
        baseline,
        "--pilot",
        pilot,
        "--scenario",
        &paths[1],
    ]);
    if map.is_some() {
        args.extend(["--map".into(), paths[2].clone()]);
    }
    english(&args)
}

#[test]
fn crash_pilot_net_to_date_subtracted_past_the_limit() {
    // A baseline month of 7·10²⁸ ₽ and a pilot month of none: the actual
    // benefit is −7·10²⁸, and the net to date, benefit − the plan's setup
    // of 4·10²⁸, overflowed the subtraction.
    let export = sheet(&[
        "2025-01;10;5;5;0;70000000000000000000000000000",
        "2025-02;10;5;5;0;0",
    ]);
    let out = pilot_with_plan(
        &export,
        None,
        &plan_costing("4e28", "0"),
        "2025-01..2025-01",
        "2025-02..2025-02",
    );
    assert_eq!(out.code, 2, "{}", out.error);
    assert!(
        out.error.ends_with("its figures are too large to compute exactly: the actual money to 2025-02 would pass 7.9e28 or need more digits than exact arithmetic keeps; check the plan's and the export's amounts for extra zeros"),
        "{}",
        out.error
    );
}

#[test]
fn crash_pilot_benefit_to_date_added_past_the_limit() {
    // Two pilot months of a 5·10²⁸ ₽ visit each, over a baseline of none:
    // their benefits added up past 7.9·10²⁸.
    let text = "Deal,Created,Stage,Amount,Channel\n1,1/20/2025 10:00,Won,0,Phone\n\
                2,2/20/2025 10:00,Won,50000000000000000000000000000,Phone\n\
                3,3/20/2025 10:00,Won,50000000000000000000000000000,Phone\n";
    let out = pilot_with_plan(
        text.as_bytes(),
        Some(exports::SHEET_MAP),
        &plan_costing("25000", "10000"),
        "2025-01..2025-01",
        "2025-02..2025-03",
    );
    assert_eq!(out.code, 2, "{}", out.error);
    // The export's own revenue already passes exact decimals by 2025-03, so
    // the count refuses it before the plan's sums are reached; either way the
    // refusal names the month.
    assert!(
        out.error
            .contains("the revenue of 2025-03 in «Amount» passes")
            || out
                .error
                .contains("the actual money to 2025-03 would pass 7.9e28"),
        "{}",
        out.error
    );
}

#[test]
fn crash_pilot_roi_to_date_divided_past_the_limit() {
    // 7·10²⁸ ₽ of benefit over a cost of 10⁻⁴ ₽: ROI to date overflowed the division.
    let export = sheet(&[
        "2025-01;10;5;5;0;0",
        "2025-02;10;5;5;0;70000000000000000000000000000",
    ]);
    let out = pilot_with_plan(
        &export,
        None,
        &plan_costing("0", "0.0001"),
        "2025-01..2025-01",
        "2025-02..2025-02",
    );
    assert_eq!(out.code, 2, "{}", out.error);
    assert!(
        out.error
            .contains("the actual money to 2025-02 would pass 7.9e28"),
        "{}",
        out.error
    );
}
