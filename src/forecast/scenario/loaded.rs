//! A scenario file as a command loads it: read, parsed, changed by `--set`,
//! every variant checked once; and its refusals named with the lines and
//! flags the user wrote.

use super::{
    Draft, Key, Location, ModelError, Override, Problem, Scenario, ScenarioError, Variant,
};
use crate::forecast::engine::Overflow;
use crate::i18n::f;
use crate::input::{Source, read_source};
use std::path::Path;

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

    /// What looks like a slip in the file, `--set` or a variant
    /// (`after.leads = 15` meant as `"+15%"`), each once, named with the file
    /// (and variant); the results do not change, so the command only says them.
    pub fn warnings(&self) -> Vec<String> {
        let base = self.draft.warnings();
        let variants = self
            .variant_warnings
            .iter()
            .map(|(name, problem)| (Some(name.as_str()), problem));
        let mut seen = std::collections::HashSet::new();
        let mut lines = Vec::new();
        for (variant, problem) in base.iter().map(|p| (None, p)).chain(variants) {
            // A file's slip shows once, not again for each variant inheriting it.
            if !seen.insert(problem.to_string()) {
                continue;
            }
            lines.push(match variant {
                Some(v) => format!(
                    "{}, {}, {problem}",
                    self.source.name,
                    f("variant \"{}\"", &[&v])
                ),
                None => format!("{}, {problem}", self.source.name),
            });
        }
        lines
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
    pub fn overflow(&self, o: Overflow) -> anyhow::Error {
        let origins = self.origins(&self.draft, o.keys);
        anyhow::Error::new(o.with_origins(origins))
            .context(crate::i18n::f("cannot compute {}", &[&self.source.name]))
    }

    /// A refusal at one point of a sweep, with the inputs as that point has
    /// them: the varied keys name `--vary` and their values there.
    pub fn overflow_with(&self, o: Overflow, varied: &[Override]) -> anyhow::Error {
        let mut draft = self.draft.clone();
        varied.iter().for_each(|v| draft.apply(v));
        let origins = self.origins(&draft, o.keys);
        anyhow::Error::new(o.with_origins(origins))
    }

    /// The refusal for the scenario [`Loaded::with_variants`] listed at
    /// `index` (0 the base, then each variant), with the inputs as that
    /// scenario has them: a variant's own changes name its lines.
    pub fn overflow_at(&self, o: Overflow, index: usize) -> anyhow::Error {
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
