//! The command line, all of it: every flag, argument and subcommand is declared here.

use crate::forecast::metric::Metric;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

mod usage;
pub use usage::{Stop, parse_from};

/// Does an AI sales assistant pay for itself? Exact ROI projections from a scenario file.
#[derive(Debug, Parser)]
#[command(
    name = "roi",
    version,
    about,
    propagate_version = true,
    after_long_help = "Exit status: 0 on success; 2 for a mistake in the scenario file or on the \
command line (the message names the file, the line, the key as a dotted path, the value and what \
is allowed, and nothing is printed on standard output); 1 when the machine fails (a disk that \
cannot be written).\n\nThe scenario format, the model's formulas and the JSON contract are \
described in the README."
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// Language of tables, notes and messages (JSON keys and CSV headers stay English).
    /// Default: from LC_ALL, LC_MESSAGES or LANG (ru_* → ru, else en).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
}

/// `--lang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Русский.
    Ru,
    /// English.
    En,
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    /// Colour on a terminal unless NO_COLOR is set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Project monthly and annual ROI for a scenario file.
    Calc(CalcArgs),
    /// Compare scenarios side by side: a file's variants, or several files.
    Compare(CompareArgs),
    /// Vary one or two inputs over a range and tabulate the results.
    Sweep(SweepArgs),
    /// Find the input value at which a target is just met (break-even, payback, IRR).
    Solve(SolveArgs),
    /// One self-contained HTML page with the answer, the tables and a cash-flow chart.
    Report(ReportArgs),
    /// Monte Carlo over the scenario's ranges: the odds of paying back, and the bad case.
    Simulate(SimulateArgs),
    /// Which assumption moves ROI most: each input from its low end to its high end.
    Sensitivity(SensitivityArgs),
    /// Read CRM and booking exports (Bitrix24, amoCRM, YCLIENTS, a monthly sheet) into a measured monthly funnel.
    Measure(MeasureArgs),
    /// Judge a pilot from the same exports: what changed, how sure we are, and whether to scale, extend or stop.
    Pilot(PilotArgs),
    /// Write a commented starter scenario (the article's salon), in the chosen language.
    Init(InitArgs),
    /// Print a shell completion script: `roi completions bash > ~/.local/share/bash-completion/completions/roi`.
    Completions(CompletionsArgs),
    /// Print a manual page (roff): `roi man > roi.1`, `roi man calc > roi-calc.1`.
    Man(ManArgs),
}

/// `roi man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// The subcommand whose page to print: calc, sweep, … (the page is roi-calc(1),
    /// roi-sweep(1), …, and `roi-calc` is accepted too); none for roi(1).
    #[arg(value_name = "COMMAND", value_parser = Offer::SUBCOMMANDS, hide_possible_values = true)]
    pub command: Option<String>,
}

/// `roi completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// `roi report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The scenario and changes to it.
    #[command(flatten)]
    pub scenario: ScenarioArgs,
    /// Write the page here (replaced whole, never half-written) instead of standard output.
    #[arg(short, long, value_name = "report.html")]
    pub output: Option<PathBuf>,
}

/// `roi simulate`.
#[derive(Debug, Args)]
#[command(mut_arg("format", |a| a.value_parser(formats(&[
    (Format::Table, "percentiles, odds and a histogram for people"),
    (Format::Json, "one JSON object (see the README for the contract)"),
    (Format::Csv, "statistic,value rows: roi.p50, probabilities.roi_positive, …"),
    (Format::Xlsx, "a workbook: statistics, odds, histogram and ranges"),
]))))]
pub struct SimulateArgs {
    /// The scenario and changes to it.
    #[command(flatten)]
    pub scenario: ScenarioArgs,
    /// Number of trials.
    #[arg(long, default_value_t = crate::forecast::simulate::DEFAULT_TRIALS,
          value_parser = clap::value_parser!(u64).range(1..=crate::forecast::simulate::MAX_TRIALS))]
    pub trials: u64,
    /// Seed of the random numbers; the same seed gives the same output on any machine.
    #[arg(long, default_value_t = crate::forecast::simulate::DEFAULT_SEED)]
    pub seed: u64,
    /// Also write every trial's drawn inputs and results to this CSV file.
    #[arg(long, value_name = "FILE.csv")]
    pub samples: Option<PathBuf>,
    /// Output options.
    #[command(flatten)]
    pub output: OutputArgs,
}

/// `roi sensitivity`.
#[derive(Debug, Args)]
#[command(mut_arg("format", |a| a.value_parser(formats(&[
    (Format::Table, "a tornado chart for people"),
    (Format::Json, "one JSON object (see the README for the contract)"),
    (Format::Csv, "one row per input, largest swing first"),
    (Format::Xlsx, "a workbook with one row per input"),
]))))]
pub struct SensitivityArgs {
    /// The scenario and changes to it.
    #[command(flatten)]
    pub scenario: ScenarioArgs,
    /// How far inputs without a range move each way, like 20% or 0.2.
    #[arg(long, default_value = "20%", value_name = "SHARE")]
    pub swing: String,
    /// Output options.
    #[command(flatten)]
    pub output: OutputArgs,
}

/// `roi calc`.
#[derive(Debug, Args)]
#[command(mut_arg("format", |a| a.value_parser(formats(&[
    (Format::Table, "the funnel, summary, monthly and annual tables for people"),
    (Format::Json, "one JSON object (see the README for the contract)"),
    (Format::Csv, "the monthly projection, a row per month"),
    (Format::Xlsx, "a workbook: summary, monthly and annual projection, funnel, assumptions and a chart"),
    (Format::Html, "the page `roi report` writes"),
]))))]
pub struct CalcArgs {
    /// The scenario and changes to it.
    #[command(flatten)]
    pub scenario: ScenarioArgs,
    /// Output options.
    #[command(flatten)]
    pub output: OutputArgs,
    /// Colour in the tables (gains green, losses red); `auto` means only
    /// on a terminal and only when NO_COLOR is unset.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
}

/// A scenario file and `--set` changes to it; shared by every command that reads one.
#[derive(Debug, Args)]
pub struct ScenarioArgs {
    /// Scenario file (TOML); `-` reads standard input.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Change a key for this run, in the file's own grammar: after.leads=+15%,
    /// costs.monthly=15000, after.conversion=+5pp. Repeatable.
    #[arg(long = "set", value_name = "KEY=VALUE", value_parser = Offer::ASSIGN, hide_possible_values = true)]
    pub set: Vec<String>,
}

/// `roi compare`.
#[derive(Debug, Args)]
#[command(mut_arg("format", |a| a.value_parser(formats(&[
    (Format::Table, "the scenarios side by side for people"),
    (Format::Json, "one JSON object (see the README for the contract)"),
    (Format::Csv, "one row per scenario with calc's summary fields"),
    (Format::Xlsx, "a workbook with one row per scenario"),
]))))]
pub struct CompareArgs {
    /// Scenario files; each one's [[variant]]s are included. `-` reads standard input.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// Change a key in every scenario compared, like `--set costs.monthly=15000`. Repeatable.
    #[arg(long = "set", value_name = "KEY=VALUE", value_parser = Offer::ASSIGN, hide_possible_values = true)]
    pub set: Vec<String>,
    /// Output options.
    #[command(flatten)]
    pub output: OutputArgs,
}

/// `roi sweep`.
#[derive(Debug, Args)]
#[command(mut_arg("format", |a| a.value_parser(formats(&[
    (Format::Table, "a table (one key) or a matrix of --metric (two keys) for people"),
    (Format::Json, "one object per grid point, streamed (see the README)"),
    (Format::Csv, "one row per grid point, streamed"),
    (Format::Xlsx, "a workbook with one row per grid point (at most 1,048,575)"),
]))))]
pub struct SweepArgs {
    /// The scenario and changes to it.
    #[command(flatten)]
    pub scenario: ScenarioArgs,
    /// A key and the range to vary it over, FROM..TO[:STEP] in the key's grammar:
    /// after.conversion=20%..30%:1pp, after.leads=+0%..+50%:5%, costs.monthly=5000..20000:2500.
    /// Give it twice for a grid.
    #[arg(long, value_name = "KEY=FROM..TO[:STEP]", required = true,
          value_parser = Offer::ASSIGN, hide_possible_values = true)]
    pub vary: Vec<String>,
    /// The metric shown in the matrix of a two-key table: roi, payback, net, npv
    /// or benefit (monthly benefit).
    #[arg(long, default_value = "roi", value_parser = metric_parser())]
    pub metric: Metric,
    /// Output options.
    #[command(flatten)]
    pub output: OutputArgs,
}

/// `roi solve`.
#[derive(Debug, Args)]
pub struct SolveArgs {
    /// The scenario and changes to it.
    #[command(flatten)]
    pub scenario: ScenarioArgs,
    /// The input to solve for, like after.leads or assumptions.discount_rate.
    #[arg(long = "for", value_name = "KEY", value_parser = Offer::NUMERIC, hide_possible_values = true)]
    pub key: String,
    /// The target, METRIC=VALUE: roi=0 (break-even), payback=3, net=100000, npv=0, benefit=50000.
    /// Ratios take 0.5 or 50%.
    #[arg(long, value_name = "METRIC=VALUE")]
    pub target: String,
    /// Measure the metric over the first N months instead of the whole horizon.
    #[arg(long, value_name = "N")]
    pub at_month: Option<u32>,
    /// Output options: one answer, so no CSV.
    #[command(flatten)]
    pub output: AnswerArgs,
}

/// Reads a metric by its name; clap offers and checks the names.
fn metric_parser() -> impl clap::builder::TypedValueParser<Value = Metric> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(Metric::ALL.map(Metric::name)).map(|name: String| {
        // The parser above lets through only the names of metrics.
        Metric::from_name(&name).expect("a metric's name")
    })
}

/// The exports to read and how to read them; shared by `roi measure` and `roi pilot`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Export files (CSV, XLSX, XLS, ODS, or Bitrix24's HTML ".xls"), read as one
    /// table; the kind is told from the bytes. `-` reads standard input.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The system that wrote them; `auto` tells from the headers.
    #[arg(long, value_enum, default_value_t = SourceArg::Auto)]
    pub source: SourceArg,
    /// A mapping file: which column is which, which status is which outcome,
    /// which records are the assistant's (see `--print-map`).
    #[arg(long, value_name = "MAP.toml")]
    pub map: Option<PathBuf>,
    /// Which records the assistant brought: COLUMN=VALUE (the cell is VALUE, or
    /// a tag list holds it) or COLUMN~TEXT (the cell contains TEXT). Repeatable; any matches.
    #[arg(long, value_name = "RULE")]
    pub ai: Vec<String>,
    /// The workbook's sheet to read (default: the first).
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Refuse (exit 2) when any row is left out or repeated IDs disagree.
    #[arg(long)]
    pub strict: bool,
}

/// One of a system's exports, for `--print-map --entity`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EntityArg {
    /// Deals (Bitrix24, amoCRM).
    Deals,
    /// Leads (Bitrix24).
    Leads,
}

/// `--source`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SourceArg {
    /// Tell from the headers.
    Auto,
    /// Bitrix24 deals or leads.
    Bitrix24,
    /// amoCRM (Kommo) deals.
    Amocrm,
    /// YCLIENTS or Altegio booking records.
    Yclients,
    /// A sheet of monthly totals.
    Monthly,
}

/// `roi measure`.
#[derive(Debug, Args)]
#[command(mut_arg("format", |a| a.value_parser(formats(&[
    (Format::Table, "the funnel month by month for people, with the channel split"),
    (Format::Json, "one JSON object: files, months, statuses and the account of every row"),
    (Format::Csv, "a row per month and channel"),
    (Format::Xlsx, "a workbook: the funnel as numbers, and the account of every row"),
]))))]
pub struct MeasureArgs {
    /// The exports.
    #[command(flatten)]
    pub export: ExportArgs,
    /// Leave out records created before this month (YYYY-MM).
    #[arg(long, value_name = "YYYY-MM")]
    pub from: Option<String>,
    /// Leave out records created after this month (YYYY-MM).
    #[arg(long, value_name = "YYYY-MM")]
    pub to: Option<String>,
    /// The months today's figures are taken from, FROM..TO (YYYY-MM): averaged
    /// in the table and written by --scenario.
    #[arg(long, value_name = "FROM..TO")]
    pub baseline: Option<String>,
    /// Write a scenario file whose [baseline] is the measured --baseline period
    /// (to standard output, or -o FILE), for `roi calc`.
    #[arg(long, requires = "baseline")]
    pub scenario: bool,
    /// Print the --source profile's mapping as a mapping file to edit, and stop.
    #[arg(long, conflicts_with_all = ["scenario", "baseline"])]
    pub print_map: bool,
    /// A column to split the funnel by as well, like --by Источник or
    /// --by "UTM Source": its 8 largest values and the rest, month by month.
    #[arg(long, value_name = "COLUMN", conflicts_with = "print_map")]
    pub by: Option<String>,
    /// Clients coming back: cohorts by the month of a client's first visit,
    /// the share back within 30…365 days (Kaplan–Meier) and revenue per
    /// client over 6 and 12 months, by the channel of her first lead. Needs
    /// a client column (a phone, a contact; [columns] client in a mapping).
    #[arg(long, conflicts_with = "print_map")]
    pub retention: bool,
    /// Which of the system's exports --print-map describes: Bitrix24 keeps
    /// deals and leads apart (deals when not given).
    #[arg(long, requires = "print_map")]
    pub entity: Option<EntityArg>,
    /// Output options.
    #[command(flatten)]
    pub output: OutputArgs,
}

/// `roi pilot`.
#[derive(Debug, Args)]
#[command(mut_arg("format", |a| a.value_parser(formats(&[
    (Format::Table, "the decision and the figures behind it, for people"),
    (Format::Json, "one JSON object (see the README for the contract)"),
    (Format::Html, "a self-contained page with the decision and a chart of monthly leads"),
    (Format::Xlsx, "a workbook: the changes as numbers, and the plan's months"),
]))))]
// The pilot writes no CSV, so the Excel CSV switch is not offered.
#[command(mut_arg("excel", |a| a.hide(true)))]
// `roi pilot design …` plans a switchback; `roi pilot FILE…` judges, as
// before: a first word that is not `design` is a file.
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct PilotArgs {
    /// Plan a switchback pilot instead (see `roi pilot design --help`).
    #[command(subcommand)]
    pub action: Option<PilotAction>,
    /// The exports.
    #[command(flatten)]
    pub export: ExportArgs,
    /// The months before the assistant, FROM..TO (YYYY-MM); with
    /// --pilot-plan, the plan's.
    #[arg(long, value_name = "FROM..TO", required_unless_present_any = ["pilot_plan", "schedule"])]
    pub baseline: Option<String>,
    /// The pilot's months, FROM..TO (YYYY-MM), after the baseline; with
    /// --pilot-plan, from the plan's start to the last full month in the data.
    #[arg(long, value_name = "FROM..TO", required_unless_present_any = ["plan", "pilot_plan", "schedule"])]
    pub pilot: Option<String>,
    /// Judge a switchback pilot: the schedule `roi pilot design` wrote
    /// (the assistant on and off by randomised days or weeks); `-o x.html`
    /// writes its verdict and calendar as a page.
    #[arg(long, value_name = "schedule.csv",
          conflicts_with_all = ["pilot", "plan", "pilot_plan", "baseline", "write_scenario"])]
    pub schedule: Option<PathBuf>,
    /// Plan a pilot instead: how long it must run to see a rise (see --expect).
    #[arg(long, conflicts_with_all = ["pilot", "pilot_plan"])]
    pub plan: bool,
    /// With --plan: write the plan to this file before the pilot starts, to
    /// judge each month's look by it (--pilot-plan).
    #[arg(long, value_name = "pilot-plan.toml", requires = "plan")]
    pub save_plan: Option<PathBuf>,
    /// With --plan: the pilot's length in months (default: what the rise
    /// expected needs at 80% power with a look every month).
    #[arg(long, value_name = "K", requires = "plan", value_parser = clap::value_parser!(u32).range(1..=36))]
    pub months: Option<u32>,
    /// With --plan: the pilot's first month, YYYY-MM (default: the month after the baseline).
    #[arg(long, value_name = "YYYY-MM", requires = "plan")]
    pub start: Option<String>,
    /// With --scenario: the chance of ROI above zero over the plan's horizon
    /// that scales (at or below 1 − it stops).
    #[arg(long, value_name = "P", default_value_t = 0.8, value_parser = confidence)]
    pub confidence: f64,
    /// With --scenario: trials drawn for the odds of paying (as `roi simulate`).
    #[arg(long, default_value_t = crate::forecast::simulate::DEFAULT_TRIALS,
          value_parser = clap::value_parser!(u64).range(1..=crate::forecast::simulate::MAX_TRIALS))]
    pub trials: u64,
    /// With --scenario: the seed of the odds' random numbers (as `roi simulate`).
    #[arg(long, default_value_t = crate::forecast::simulate::DEFAULT_SEED)]
    pub seed: u64,
    /// Judge the pilot so far by the plan written before it (--save-plan):
    /// each month's look against its group-sequential boundary.
    #[arg(long, value_name = "pilot-plan.toml")]
    pub pilot_plan: Option<PathBuf>,
    /// The rise in leads to plan for, like +30% or 0.3 (default: the plan's, else +30%).
    #[arg(long, value_name = "UPLIFT")]
    pub expect: Option<String>,
    /// The one question the decision rests on: more leads a month (the
    /// default: what the assistant mainly does), bookings, visits or revenue.
    #[arg(long, value_enum, default_value_t = Endpoint::Leads)]
    pub primary: Endpoint,
    /// The scenario the assistant was bought on: the pilot is compared with it,
    /// and its costs decide whether a rise pays.
    #[arg(long, value_name = "plan.toml")]
    pub scenario: Option<PathBuf>,
    /// Write a scenario with the measured baseline and the pilot's intervals as
    /// [after] ranges, for `roi simulate` and `roi sensitivity`.
    #[arg(long, value_name = "after.toml")]
    pub write_scenario: Option<PathBuf>,
    /// Output options.
    #[command(flatten)]
    pub output: OutputArgs,
}

/// What `roi pilot` does besides judging a pilot.
#[derive(Debug, Subcommand)]
pub enum PilotAction {
    /// Plan a switchback pilot: a randomised on/off schedule, balanced so that
    /// weekdays, the season and a trend fall on both arms alike.
    Design(Box<DesignArgs>),
}

/// `roi pilot design`.
#[derive(Debug, Args)]
pub struct DesignArgs {
    /// Exports to size the pilot by (with --baseline): their leads day by day.
    #[command(flatten)]
    pub export: ExportArgs,
    /// The pilot's first day, YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub start: String,
    /// Switch by days: the pilot's length in days, whole blocks of two
    /// weeks (28, 42, 56, …); each weekday is on and off once in each block.
    #[arg(
        long,
        value_name = "N",
        required_unless_present = "weeks",
        conflicts_with = "weeks"
    )]
    pub days: Option<u32>,
    /// Switch by weeks: the pilot's length in weeks, whole pairs (4, 6, …;
    /// 12 or more for a p-value that can reach 5%);
    /// each pair of weeks holds one on and one off week.
    #[arg(long, value_name = "N")]
    pub weeks: Option<u32>,
    /// Days left out of the analysis after each switch (late replies to the
    /// day before's leads). Default: 0 by days, 1 by weeks.
    #[arg(long, value_name = "N")]
    pub washout: Option<u32>,
    /// The seed of the coin tosses; the same seed draws the same schedule
    /// (default: from the clock, and written into the schedule).
    #[arg(long)]
    pub seed: Option<u64>,
    /// The months the exports' leads are sized by, FROM..TO (YYYY-MM).
    #[arg(long, value_name = "FROM..TO")]
    pub baseline: Option<String>,
    /// The rise in leads to plan for, like +30% or 0.3: the schedule's power
    /// for it and the length it needs (with --baseline).
    #[arg(long, value_name = "UPLIFT", requires = "baseline")]
    pub expect: Option<String>,
    /// Write the schedule here instead of printing the calendar: the
    /// extension picks the format (.csv for the analysis, .xlsx, .ics for a calendar).
    #[arg(short, long, value_name = "schedule.csv")]
    pub output: Option<PathBuf>,
    /// The format, when the extension of -o does not say it.
    #[arg(long, value_enum)]
    pub format: Option<ScheduleFormat>,
}

/// `roi pilot design --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScheduleFormat {
    /// A calendar for people, with the power when sized by an export.
    Calendar,
    /// `date,arm,washout,…`: the file `roi pilot --schedule` reads.
    Csv,
    /// A workbook of the same rows.
    Xlsx,
    /// An iCalendar file: all-day events to import into the salon's calendar.
    Ics,
}

/// `--confidence`: a probability strictly between 0.5 and 1.
fn confidence(text: &str) -> Result<f64, String> {
    let p: f64 = text
        .trim()
        .parse()
        .map_err(|_| crate::i18n::f("\"{}\" is not a number", &[&text]))?;
    if p > 0.5 && p < 1.0 {
        Ok(p)
    } else {
        Err(crate::i18n::t("a probability between 0.5 and 1, like 0.8").into())
    }
}

/// A pilot's primary endpoint: a total per month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Endpoint {
    /// Leads per month.
    Leads,
    /// Bookings per month.
    Bookings,
    /// Visits (came) per month.
    Visits,
    /// Revenue per month.
    Revenue,
}

/// `roi init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to write the starter scenario; `-` prints it. Never overwrites.
    /// With --lang ru (or a Russian locale) the starter is in Russian.
    #[arg(value_name = "PATH", default_value = "scenario.toml")]
    pub path: PathBuf,
}

/// How and where to write a report; shared by every reporting command, each
/// of which lists its own formats (see `formats`).
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Output format. Without it, the extension of -o decides (.json, .csv,
    /// .xlsx, and .html for calc), and anything else is a table.
    #[arg(short, long, value_enum)]
    pub format: Option<Format>,
    /// Write to this file instead of standard output (replaced whole, never half-written).
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Write CSV for a Russian or European Excel, which opens it by double-click:
    /// UTF-8 BOM, `;` between fields, decimal commas, CRLF. For an English Excel,
    /// write a workbook instead: --format xlsx.
    #[arg(long)]
    pub excel: bool,
}

/// How and where to write a single answer (`roi solve`): a table or JSON.
#[derive(Debug, Args)]
pub struct AnswerArgs {
    /// Output format. Without it, `-o NAME.json` means json, anything else text.
    #[arg(short, long, value_parser = formats(&[
        (Format::Table, "the answer in words"),
        (Format::Json, "one JSON object (see the README for the contract)"),
    ]))]
    pub format: Option<Format>,
    /// Write to this file instead of standard output (replaced whole, never half-written).
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// Output formats; each command offers those it can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Tables for people.
    Table,
    /// One JSON object.
    Json,
    /// CSV rows.
    Csv,
    /// An Excel workbook.
    Xlsx,
    /// A self-contained HTML page.
    Html,
}

impl Format {
    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Html => "html",
        }
    }
}

/// A `--format` parser offering `offered`, each with what it means for this command,
/// so that `--help` and completion show only what the command can write.
fn formats(
    offered: &'static [(Format, &'static str)],
) -> impl clap::builder::TypedValueParser<Value = Format> {
    use clap::builder::{PossibleValue, TypedValueParser};
    clap::builder::PossibleValuesParser::new(
        offered
            .iter()
            .map(|(format, help)| PossibleValue::new(format.name()).help(*help)),
    )
    .map(|name: String| {
        // The parser above lets through only the names of formats.
        Format::from_str(&name, false).expect("a format's name")
    })
}

/// Accepts any text but offers a list to shell completion: the scenario's
/// keys for `--set`, `--vary` and `--for`, the subcommands for `roi man`. The
/// commands check the value themselves, with suggestions for a misspelt one,
/// which clap's own list check would not give.
#[derive(Debug, Clone, Copy)]
pub struct Offer(fn() -> Vec<String>);

impl Offer {
    /// `KEY=` for `--set KEY=VALUE` and `--vary KEY=FROM..TO`.
    pub const ASSIGN: Offer = Offer(|| {
        crate::forecast::scenario::all_paths()
            .map(|k| format!("{k}="))
            .collect()
    });
    /// The numeric keys, for `--for KEY`, with the optional tables' fixed
    /// ones (a cost line's keys depend on the file).
    pub const NUMERIC: Offer = Offer(|| {
        use crate::forecast::scenario::{Key, MAX_REPEAT_MONTHS};
        Key::ALL
            .into_iter()
            .chain([Key::Capacity])
            .chain((1..=12).map(Key::Season))
            .chain((1..=MAX_REPEAT_MONTHS as u8).map(Key::Repeat))
            .map(|k| k.path().to_string())
            .collect()
    });
    /// The subcommands that have a page, for `roi man`.
    pub const SUBCOMMANDS: Offer = Offer(|| {
        use clap::CommandFactory;
        Cli::command()
            .get_subcommands()
            .map(|c| c.get_name().to_string())
            .collect()
    });
}

impl clap::builder::TypedValueParser for Offer {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            (self.0)()
                .into_iter()
                .map(clap::builder::PossibleValue::new),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }
}
