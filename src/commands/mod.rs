//! One module per subcommand, each with `run(args) -> anyhow::Result<()>`.

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

use crate::cli::{AnswerArgs, Cli, ColorArg, Command, Format, LangArg, OutputArgs, ScenarioArgs};
use crate::i18n::{Lang, f, t};
use crate::input::read_source;
use crate::output::{Destination, UsageError};
use crate::render::csv::Dialect;
use crate::report::ModelError;
use crate::scenario::{Draft, Override, Problem, Scenario, ScenarioError, Source, Variant};
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

/// A scenario file read and parsed, with the command line's `--set` changes.
pub struct Loaded {
    /// The file's text and name.
    pub source: Source,
    /// The file's values with the changes applied (variants not applied).
    pub draft: Draft,
    /// The file's values alone, for applying variants beneath `--set`.
    file_draft: Draft,
    /// `--set` changes, applied last.
    sets: Vec<Override>,
    /// The name a scenario without `scenario.name` goes by.
    pub default_name: String,
    /// Each variant, checked once when the file was read.
    variants: Vec<Scenario>,
    /// What looked like a slip in each variant, found when it was checked.
    variant_warnings: Vec<(String, Problem)>,
}

impl Loaded {
    /// Reads `path` (or stdin for `-`) and applies `--set KEY=VALUE` changes.
    pub fn read(path: &Path, sets: &[String]) -> anyhow::Result<Loaded> {
        let source = read_source(path)?;
        let default_name = if path.as_os_str() == "-" {
            "Scenario".to_string()
        } else {
            path.file_stem()
                .map_or_else(|| "Scenario".into(), |s| s.to_string_lossy().into_owned())
        };
        Ok(Loaded::from_source(source, default_name, sets)?)
    }

    /// Parses a scenario already read, applies `--set` changes and checks
    /// every variant; `default_name` names a scenario without `scenario.name`.
    pub fn from_source(
        source: Source,
        default_name: String,
        sets: &[String],
    ) -> Result<Loaded, ScenarioError> {
        let file_draft = Draft::parse(&source)?;
        let sets = sets
            .iter()
            .map(|arg| Override::from_flag("--set", arg))
            .collect::<Result<Vec<_>, Problem>>()
            .map_err(|p| ScenarioError {
                file: source.name.clone(),
                variant: None,
                problems: vec![p],
            })?;
        let mut draft = file_draft.clone();
        sets.iter().for_each(|o| draft.apply(o));
        let mut loaded = Loaded {
            source,
            draft,
            file_draft,
            sets,
            default_name,
            variants: Vec::new(),
            variant_warnings: Vec::new(),
        };
        // Variants are part of the file: a mistake in one is reported whatever
        // the command. Each is resolved once, here, for its warnings too.
        loaded.scenario()?;
        for variant in loaded.file_draft.variants() {
            let draft = loaded.variant_draft(variant);
            let mut scenario =
                loaded.error(Some(&variant.name), draft.resolve(&loaded.default_name))?;
            for problem in draft.warnings_for(&scenario.inputs) {
                loaded
                    .variant_warnings
                    .push((variant.name.clone(), problem));
            }
            scenario.name = format!("{}: {}", scenario.name, variant.name);
            loaded.variants.push(scenario);
        }
        Ok(loaded)
    }

    /// Reads the scenario named by the shared arguments.
    pub fn from_args(args: &ScenarioArgs) -> anyhow::Result<Loaded> {
        Loaded::read(&args.file, &args.set)
    }

    /// The checked base scenario, with every problem reported at once.
    pub fn scenario(&self) -> Result<Scenario, ScenarioError> {
        self.error(None, self.draft.resolve(&self.default_name))
    }

    /// The base scenario followed by each `[[variant]]`, each checked.
    pub fn with_variants(&self) -> Result<Vec<Scenario>, ScenarioError> {
        let mut all = vec![self.scenario()?];
        all.extend(self.variants.iter().cloned());
        Ok(all)
    }

    /// The file's values with one variant's changes, then `--set`'s. The
    /// copy is small whatever the file holds: the variants are shared.
    fn variant_draft(&self, variant: &Variant) -> Draft {
        let mut draft = self.file_draft.clone();
        variant.overrides.iter().for_each(|o| draft.apply(o));
        self.sets.iter().for_each(|o| draft.apply(o));
        draft
    }

    /// Says on stderr what looks like a slip in the file, `--set` or a
    /// variant (`after.leads = 15` meant as `"+15%"`), each once; the
    /// results do not change.
    pub fn warn(&self) {
        let base = self.draft.warnings();
        let variants = self
            .variant_warnings
            .iter()
            .map(|(name, problem)| (Some(name.as_str()), problem));
        let mut seen = std::collections::HashSet::new();
        for (variant, problem) in base.iter().map(|p| (None, p)).chain(variants) {
            // A file's slip shows once, not again for each variant inheriting it.
            if !seen.insert(problem.to_string()) {
                continue;
            }
            let line = match variant {
                Some(v) => format!(
                    "{}, {}, {problem}",
                    self.source.name,
                    f("variant \"{}\"", &[&v])
                ),
                None => format!("{}, {problem}", self.source.name),
            };
            crate::stdio::say(&format!("{} {line}", t("Warning:")));
        }
    }

    /// The file's own problems, as an error that names it (exit code 2).
    pub fn invalid(&self, problems: Vec<Problem>) -> anyhow::Error {
        ScenarioError {
            file: self.source.name.clone(),
            variant: None,
            problems,
        }
        .into()
    }

    /// Explains why the model could not run on this file.
    pub fn explain(&self, e: ModelError) -> anyhow::Error {
        match e {
            ModelError::Invalid(problems) => self.invalid(problems),
            ModelError::Overflow(o) => self.overflow(o),
        }
    }

    /// Figures too large (or too long) for exact arithmetic, named with the
    /// file and with the inputs that feed the step, each with its line or flag.
    pub fn overflow(&self, o: crate::engine::Overflow) -> anyhow::Error {
        let origins = self.origins(&self.draft, o.keys);
        anyhow::Error::new(o.with_origins(origins))
            .context(crate::i18n::f("cannot compute {}", &[&self.source.name]))
    }

    /// A refusal at one point of a sweep, with the inputs as that point has
    /// them: the varied keys name `--vary` and their values there.
    pub fn overflow_with(
        &self,
        o: crate::engine::Overflow,
        varied: &[crate::scenario::Override],
    ) -> anyhow::Error {
        let mut draft = self.draft.clone();
        varied.iter().for_each(|v| draft.apply(v));
        let origins = self.origins(&draft, o.keys);
        anyhow::Error::new(o.with_origins(origins))
    }

    /// The refusal for the scenario [`Loaded::with_variants`] listed at
    /// `index` (0 the base, then each variant), with the inputs as that
    /// scenario has them: a variant's own changes name its lines.
    pub fn overflow_at(&self, o: crate::engine::Overflow, index: usize) -> anyhow::Error {
        let draft = match index
            .checked_sub(1)
            .and_then(|i| self.file_draft.variants().get(i))
        {
            None => self.draft.clone(),
            Some(variant) => {
                let mut draft = self.file_draft.clone();
                variant.overrides.iter().for_each(|o| draft.apply(o));
                self.sets.iter().for_each(|o| draft.apply(o));
                draft
            }
        };
        let origins = self.origins(&draft, o.keys);
        anyhow::Error::new(o.with_origins(origins))
    }

    /// The keys among `paths` that the user gave, as given: `baseline.leads =
    /// 4e28 (line 4)`, `--set costs.setup=7e28`. The most extreme magnitudes
    /// come first, since they are the likely cause; at most six.
    fn origins(&self, draft: &Draft, paths: &[&str]) -> Vec<String> {
        use crate::scenario::{Key, Location};
        // `seasonality.leads.*`, `costs.item.*`: every key the scenario has there.
        let keys = paths.iter().flat_map(|p| match p.strip_suffix('*') {
            Some(prefix) => draft
                .keys()
                .filter(|k| k.path().starts_with(prefix))
                .collect::<Vec<_>>(),
            None => Key::from_path(p).into_iter().collect(),
        });
        let mut given: Vec<(u32, String)> = keys
            .filter_map(|key| {
                // A zero neither overflows nor carries digits: not a cause.
                let spec = draft.get(key).filter(|s| !s.written.number().is_zero())?;
                let value = spec
                    .text
                    .clone()
                    .unwrap_or_else(|| spec.written.to_string());
                let text = match &spec.location {
                    Location::Line(n) => {
                        format!("{} = {value} ({})", key.path(), f("line {}", &[n]))
                    }
                    Location::Flag(flag) => format!("{flag} {}={value}", key.path()),
                    Location::File => format!("{} = {value}", key.path()),
                };
                Some((extremeness(spec.written.number()), text))
            })
            .collect();
        given.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
        given.into_iter().take(6).map(|(_, text)| text).collect()
    }

    /// Names the file (and variant) in a resolution's problems.
    pub fn error<T>(
        &self,
        variant: Option<&str>,
        result: Result<T, Vec<Problem>>,
    ) -> Result<T, ScenarioError> {
        result.map_err(|problems| ScenarioError {
            file: self.source.name.clone(),
            variant: variant.map(str::to_string),
            problems,
        })
    }
}

/// How hard a number presses on exact arithmetic: its orders of magnitude
/// from 1 in either direction, or its significant digits, whichever is more.
/// 4e28, 1e-20 and 0.123456789 press hard; 0.25 and 1500 do not.
fn extremeness(n: rust_decimal::Decimal) -> u32 {
    let n = n.normalize();
    if n.is_zero() {
        return 0;
    }
    let digits = n.mantissa().unsigned_abs().to_string().len() as i64;
    // The position of the leading digit: 1500 → 4, 0.001 → −2.
    let magnitude = digits - i64::from(n.scale());
    magnitude.unsigned_abs().max(digits.unsigned_abs()) as u32
}
