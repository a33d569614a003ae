//! One module per subcommand, each with `run(args) -> anyhow::Result<()>`.

pub mod calc;
pub mod compare;
pub mod completions;
pub mod init;
pub mod measure;
pub mod report;
pub mod sensitivity;
pub mod simulate;
pub mod solve;
pub mod sweep;

use crate::cli::{Cli, ColorArg, Command, LangArg, ScenarioArgs};
use crate::i18n::Lang;
use crate::input::read_source;
use crate::report::ModelError;
use crate::scenario::{Draft, Override, Problem, Scenario, ScenarioError, Source};
use std::path::Path;

/// How output should look for the person at the other end: shared by every command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ui {
    /// The language of human-facing text.
    pub lang: Lang,
    /// Whether terminal tables may use colour.
    pub colour: bool,
}

impl Ui {
    /// Settles `--lang` and `--color` against the environment.
    pub fn new(lang: Option<LangArg>, color: ColorArg) -> Ui {
        use std::io::IsTerminal;
        let lang = match lang {
            Some(LangArg::Ru) => Lang::Ru,
            Some(LangArg::En) => Lang::En,
            None => Lang::from_env(),
        };
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let colour = match color {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => !no_color && std::io::stdout().is_terminal(),
        };
        crate::i18n::set_current(lang);
        Ui { lang, colour }
    }
}

impl Ui {
    /// Refuses `--excel` where no CSV is written (`other_csv`: a CSV goes elsewhere, as `--samples`).
    pub fn check_excel(
        &self,
        output: &crate::cli::OutputArgs,
        other_csv: bool,
    ) -> anyhow::Result<()> {
        if output.excel && output.format != crate::cli::Format::Csv && !other_csv {
            return Err(crate::output::UsageError(
                crate::i18n::t("--excel shapes CSV: add --format csv").into(),
            )
            .into());
        }
        Ok(())
    }

    /// The CSV dialect the output options ask for.
    pub fn dialect(&self, output: &crate::cli::OutputArgs) -> crate::render::csv::Dialect {
        if output.excel {
            crate::render::csv::Dialect::excel(self.lang)
        } else {
            crate::render::csv::Dialect::PLAIN
        }
    }
}

/// Dispatches to the subcommand.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    let ui = Ui::new(cli.lang, cli.color);
    match cli.command {
        Command::Calc(args) => calc::run(args, &ui),
        Command::Compare(args) => compare::run(args, &ui),
        Command::Sweep(args) => sweep::run(args, &ui),
        Command::Solve(args) => solve::run(args, &ui),
        Command::Report(args) => report::run(args, &ui),
        Command::Simulate(args) => simulate::run(args, &ui),
        Command::Sensitivity(args) => sensitivity::run(args, &ui),
        Command::Measure(args) => measure::run(args, &ui),
        Command::Init(args) => init::run(args),
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
        let loaded = Loaded {
            source,
            draft,
            file_draft,
            sets,
            default_name,
        };
        // Variants are part of the file: a mistake in one is reported whatever the command.
        loaded.with_variants()?;
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
        for variant in self.file_draft.variants() {
            let mut draft = self.file_draft.clone();
            variant.overrides.iter().for_each(|o| draft.apply(o));
            self.sets.iter().for_each(|o| draft.apply(o));
            let mut scenario =
                self.error(Some(&variant.name), draft.resolve(&self.default_name))?;
            scenario.name = format!("{}: {}", scenario.name, variant.name);
            all.push(scenario);
        }
        Ok(all)
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

    /// Figures too large for exact arithmetic, named with the file.
    pub fn overflow(&self, o: crate::engine::Overflow) -> anyhow::Error {
        anyhow::Error::new(o).context(crate::i18n::f("cannot compute {}", &[&self.source.name]))
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
