//! One module per subcommand, each with `run(args) -> anyhow::Result<()>`; this file holds what they share (the output, the scenario and exports the flags name). No command calls another.

pub mod calc;
pub mod compare;
pub mod completions;
pub mod init;
pub mod measure;
pub mod pilot;
pub mod report;
pub mod sensitivity;
pub mod simulate;
pub mod solve;
pub mod sweep;

use crate::cli::{
    AnswerArgs, Cli, ColorArg, Command, ExportArgs, Format, LangArg, OutputArgs, ScenarioArgs,
    SourceArg,
};
use crate::evidence::exports::Exports;
use crate::evidence::measure::profile::System;
use crate::forecast::scenario::Loaded;
use crate::i18n::{Lang, f, t};
use crate::output::{Destination, UsageError};
use crate::render::csv::Dialect;
use std::path::Path;

/// How output should look for the person at the other end: shared by every command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ui {
    /// The language of human-facing text.
    pub lang: Lang,
}

impl Ui {
    /// Settles `--lang` against the environment.
    pub fn new(lang: Option<LangArg>) -> Ui {
        let lang = match lang {
            Some(LangArg::Ru) => Lang::Ru,
            Some(LangArg::En) => Lang::En,
            None => Lang::from_env(),
        };
        crate::i18n::set_current(lang);
        Ui { lang }
    }

    /// Whether tables written to `destination` may be coloured: `--color
    /// always`, or `auto` on a terminal when NO_COLOR is unset; never in a file.
    pub fn colour(&self, color: ColorArg, destination: &Destination) -> bool {
        use std::io::IsTerminal;
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        *destination == Destination::Stdout
            && match color {
                ColorArg::Always => true,
                ColorArg::Never => false,
                ColorArg::Auto => !no_color && std::io::stdout().is_terminal(),
            }
    }

    /// The CSV dialect the output options ask for. `--excel` is the dialect
    /// of a Russian (or any European) Excel whatever the language of the
    /// text: `;` between fields only works with decimal commas, and an
    /// English-locale Excel is better served by `--format xlsx`.
    pub fn dialect(&self, output: &OutputArgs) -> Dialect {
        if output.excel {
            Dialect::EXCEL
        } else {
            Dialect::PLAIN
        }
    }

    /// Settles a reporting command's output: the format (`--format`, else
    /// the extension of `-o`, else a table) among those the command can
    /// write, where it goes, the CSV dialect and the width of tables.
    /// `inputs` are the files read, which `-o` must not overwrite;
    /// `other_csv` says a CSV goes elsewhere (`--samples`), so `--excel` has
    /// a use even when the report is not CSV.
    pub fn output(
        &self,
        args: &OutputArgs,
        offered: &[Format],
        inputs: &[&Path],
        other_csv: bool,
    ) -> anyhow::Result<Output> {
        let format = output_format(args.format, args.output.as_deref(), offered)?;
        if args.excel && format != Format::Csv && !other_csv {
            return Err(UsageError(t("--excel shapes CSV: add --format csv").into()).into());
        }
        let destination = Destination::for_output(args.output.as_deref(), inputs)?;
        Output::new(format, destination, self.dialect(args))
    }

    /// [`Ui::output`] for a command that prints one answer (a table or JSON).
    pub fn answer(&self, args: &AnswerArgs, inputs: &[&Path]) -> anyhow::Result<Output> {
        let offered = [Format::Table, Format::Json];
        let format = output_format(args.format, args.output.as_deref(), &offered)?;
        let destination = Destination::for_output(args.output.as_deref(), inputs)?;
        Output::new(format, destination, Dialect::PLAIN)
    }
}

/// What a reporting command writes, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// The format.
    pub format: Format,
    /// Standard output or a file.
    pub destination: Destination,
    /// The CSV dialect (for CSV output and side files such as `--samples`).
    pub dialect: Dialect,
    /// The width tables and notes must fit in, in columns.
    pub width: usize,
}

impl Output {
    fn new(format: Format, destination: Destination, dialect: Dialect) -> anyhow::Result<Output> {
        use std::io::IsTerminal;
        let to_stdout = destination == Destination::Stdout;
        // A workbook is binary; on a terminal it would be noise, and a shell
        // prompt after it may be garbled.
        if format == Format::Xlsx && to_stdout && std::io::stdout().is_terminal() {
            return Err(UsageError(
                t("a workbook is a binary file: write it with -o FILE.xlsx").into(),
            )
            .into());
        }
        Ok(Output {
            format,
            width: crate::render::fit::width(to_stdout),
            destination,
            dialect,
        })
    }
}

/// The format asked for: `--format` if given, else the one the extension of
/// `-o` names (`.json`, `.csv`, `.xlsx`, `.html`, as hledger and pandoc
/// read it), else a table; refused if the command cannot write it.
pub fn output_format(
    given: Option<Format>,
    output: Option<&Path>,
    offered: &[Format],
) -> Result<Format, UsageError> {
    let by_extension = || {
        let extension = output?.extension()?.to_str()?.to_ascii_lowercase();
        Some(match extension.as_str() {
            "json" => Format::Json,
            "csv" => Format::Csv,
            "xlsx" => Format::Xlsx,
            "html" | "htm" => Format::Html,
            _ => return None,
        })
    };
    let format = given.or_else(by_extension).unwrap_or(Format::Table);
    if offered.contains(&format) {
        return Ok(format);
    }
    let names: Vec<&str> = offered.iter().map(|f| f.name()).collect();
    Err(UsageError(f(
        "-o {}: this command writes {}, not {}; give --format",
        &[
            &output.map_or_else(String::new, |p| p.display().to_string()),
            &names.join(", "),
            &format.name(),
        ],
    )))
}

/// Dispatches to the subcommand.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    let ui = Ui::new(cli.lang);
    match cli.command {
        Command::Calc(args) => calc::run(args, &ui),
        Command::Compare(args) => compare::run(args, &ui),
        Command::Sweep(args) => sweep::run(args, &ui),
        Command::Solve(args) => solve::run(args, &ui),
        Command::Report(args) => report::run(args, &ui),
        Command::Simulate(args) => simulate::run(args, &ui),
        Command::Sensitivity(args) => sensitivity::run(args, &ui),
        Command::Measure(args) => measure::run(args, &ui),
        Command::Pilot(args) => pilot::run(args, &ui),
        Command::Init(args) => init::run(args, &ui),
        Command::Completions(args) => completions::run(args),
        Command::Man(args) => completions::man(args),
    }
}

/// Reads the scenario named by the shared arguments.
pub fn load(args: &ScenarioArgs) -> anyhow::Result<Loaded> {
    Loaded::read(&args.file, &args.set)
}

/// Says on stderr what looks like a slip in the scenario; the results do not change.
pub fn warn(loaded: &Loaded) {
    for line in loaded.warnings() {
        crate::stdio::say(&format!("{} {line}", t("Warning:")));
    }
}

/// The system `--source` names, if any.
pub fn system(source: SourceArg) -> Option<System> {
    match source {
        SourceArg::Auto => None,
        SourceArg::Bitrix24 => Some(System::Bitrix24),
        SourceArg::Amocrm => Some(System::AmoCrm),
        SourceArg::Yclients => Some(System::Yclients),
        SourceArg::Monthly => Some(System::Monthly),
    }
}

/// The exports the shared flags name, for [`crate::evidence::exports`].
pub fn exports(args: &ExportArgs) -> Exports<'_> {
    Exports {
        files: &args.files,
        source: system(args.source),
        map: args.map.as_deref(),
        ai: &args.ai,
        sheet: args.sheet.as_deref(),
    }
}

/// Today's date in UTC: records dated after it are in the future, and are
/// left out of clients' returns (`roi measure --retention`, `roi pilot`;
/// the evidence allows a day for the time zones ahead of UTC).
pub fn today() -> chrono::NaiveDate {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    chrono::NaiveDate::default() + chrono::Days::new(now / 86_400)
}
