//! Finding the exports, their system, the mapping and the AI rule, and
//! measuring them: what `roi measure` and `roi pilot` both start from, in one
//! place, so neither command calls the other.

use super::measure::error::MeasureError;
use super::measure::mapping::{AiRule, Mapping};
use super::measure::profile::System;
use super::measure::table::Origin;
use super::measure::{Measured, Request, measure, quality_line};
use crate::i18n::{f, t};
use crate::input::{ScenarioError, read_source};
use crate::output::UsageError;
use anyhow::Result;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The exports as the command line gives them.
#[derive(Debug, Clone, Copy)]
pub struct Exports<'a> {
    /// The files, in order; `-` is standard input.
    pub files: &'a [PathBuf],
    /// The system `--source` names; `None` to recognise it from the files.
    pub source: Option<System>,
    /// The mapping file, if any.
    pub map: Option<&'a Path>,
    /// `--ai` conditions, added to the mapping's.
    pub ai: &'a [String],
    /// The workbook sheet to read, if named.
    pub sheet: Option<&'a str>,
}

/// The request the shared export flags describe (files, source, mapping, AI rule).
pub fn request(args: &Exports<'_>) -> Result<Request> {
    if args.files.is_empty() {
        return Err(UsageError(t("give at least one export file").into()).into());
    }
    let mut mapping = match args.map {
        Some(path) => Mapping::parse(&read_source(path)?)?,
        None => Mapping::default(),
    };
    let flags = AiRule::from_flags(args.ai).map_err(|p| ScenarioError {
        file: "--ai".into(),
        variant: None,
        problems: vec![p],
    })?;
    mapping.ai.conditions.extend(flags.conditions);
    let mut files = Vec::new();
    let mut stdin_used = false;
    let mut seen = Vec::new();
    for path in args.files {
        // The same export twice would count every record twice (or report each as a repeat).
        if let Ok(real) = std::fs::canonicalize(path) {
            if seen.contains(&real) {
                return Err(UsageError(f(
                    "{} is given twice; give each export once",
                    &[&path.display()],
                ))
                .into());
            }
            seen.push(real);
        }
        if path.as_os_str() == "-" {
            if stdin_used {
                return Err(
                    UsageError(t("standard input (-) can be read only once").into()).into(),
                );
            }
            stdin_used = true;
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes)?;
            files.push(Origin::Bytes {
                name: "<stdin>".into(),
                bytes: bytes.into(),
            });
        } else if path.is_dir() {
            return Err(UsageError(f(
                "{} is a directory; give an export file",
                &[&path.display()],
            ))
            .into());
        } else if !path.exists() {
            return Err(crate::input::InputError::NotFound(path.display().to_string()).into());
        } else {
            files.push(Origin::Path(path.clone()));
        }
    }
    Ok(Request {
        files,
        source: args.source,
        mapping,
        from: None,
        to: None,
        sheet: args.sheet.map(str::to_string),
        by: None,
        daily: false,
        clients: false,
    })
}

/// Measures, and refuses with `--strict` when anything was left out.
pub fn measured(request: &Request, strict: bool) -> Result<Measured> {
    let m = measure(request, super::measure::read::open)?;
    if strict && m.quality.has_problems() {
        let line = quality_line(&m, crate::i18n::current()).unwrap_or_default();
        return Err(MeasureError::Strict(line).into());
    }
    Ok(m)
}
