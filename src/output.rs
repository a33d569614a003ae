//! The one place that decides where output goes: standard output, or a file written whole.

use anyhow::{Context, Result};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Where a command's output goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// Standard output.
    Stdout,
    /// A file, replaced whole.
    File(PathBuf),
    /// A file that must not exist yet.
    NewFile(PathBuf),
}

/// Refusal to overwrite a file the user may care about.
#[derive(Debug, thiserror::Error)]
#[error("{0} already exists; remove it or choose another path")]
pub struct AlreadyExists(pub String);

impl Destination {
    /// `None` or `-` mean standard output.
    pub fn from_arg(path: Option<&Path>) -> Destination {
        match path {
            None => Destination::Stdout,
            Some(p) if p.as_os_str() == "-" => Destination::Stdout,
            Some(p) => Destination::File(p.to_path_buf()),
        }
    }

    /// Writes everything at once, so a failure never leaves half a report.
    pub fn write(&self, bytes: &[u8]) -> Result<()> {
        match self {
            Destination::Stdout => {
                let mut out = io::stdout().lock();
                match out.write_all(bytes).and_then(|()| out.flush()) {
                    // A reader that stopped early (`roi calc … | head`) is not an error.
                    Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
                    other => other.context("cannot write to standard output"),
                }
            }
            Destination::File(path) => replace(path, bytes),
            Destination::NewFile(path) => {
                let mut file = std::fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(path)
                    .map_err(|e| match e.kind() {
                        io::ErrorKind::AlreadyExists => {
                            anyhow::Error::new(AlreadyExists(path.display().to_string()))
                        }
                        _ => anyhow::Error::new(e)
                            .context(format!("cannot create {}", path.display())),
                    })?;
                file.write_all(bytes)
                    .with_context(|| format!("cannot write {}", path.display()))
            }
        }
    }
}

/// Writes a sibling temporary file and renames it over `path`, so readers see
/// the old file or the new one, never a torn one.
fn replace(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .with_context(|| format!("{} is not a file path", path.display()))?;
    let tmp = dir.join(format!(
        ".{}.tmp{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    let written = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written.with_context(|| format!("cannot write {}", path.display()))
}
