//! The one place that decides where output goes: standard output, or a file written whole.

use crate::i18n::{f, t};
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
#[error("{}", f("{} already exists; remove it or choose another path", &[.0]))]
pub struct AlreadyExists(pub String);

/// A mistake on the command line itself (exit code 2), such as an output
/// path that cannot be written or that would overwrite the scenario.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

impl Destination {
    /// `None` or `-` mean standard output. A file must be writable where it
    /// is named and must not be one of the `inputs`, which it would destroy.
    pub fn for_output(path: Option<&Path>, inputs: &[&Path]) -> Result<Destination, UsageError> {
        Destination::for_flag("-o", path, inputs)
    }

    /// [`Destination::for_output`] for another flag than `-o`, named in the
    /// messages. Everything that can be known about the path without writing
    /// is checked here, before any work: its folder exists, it is not a
    /// folder, a symbolic link leads somewhere, and it is not a file being read.
    pub fn for_flag(
        flag: &str,
        path: Option<&Path>,
        inputs: &[&Path],
    ) -> Result<Destination, UsageError> {
        let path = match path {
            None => return Ok(Destination::Stdout),
            Some(p) if p.as_os_str() == "-" => return Ok(Destination::Stdout),
            Some(p) => p,
        };
        let shown = path.display();
        let refuse = |message: &'static str, more: &[&dyn std::fmt::Display]| {
            let mut args: Vec<&dyn std::fmt::Display> = vec![&flag, &shown];
            args.extend_from_slice(more);
            UsageError(f(message, &args))
        };
        match std::fs::symlink_metadata(path) {
            Ok(link) if link.file_type().is_symlink() => match std::fs::metadata(path) {
                Ok(target) if target.is_dir() => {
                    return Err(refuse("{} {}: is a directory; give a file path", &[]));
                }
                Ok(_) => {}
                Err(_) => {
                    let target = std::fs::read_link(path).unwrap_or_default();
                    return Err(refuse(
                        "{} {}: is a symbolic link to {}, which does not exist; give the file itself",
                        &[&target.display()],
                    ));
                }
            },
            Ok(meta) if meta.is_dir() => {
                return Err(refuse("{} {}: is a directory; give a file path", &[]));
            }
            Ok(_) => {}
            Err(error) => {
                let parent = parent_of(path);
                if !parent.exists() {
                    return Err(refuse(
                        "{} {}: the folder {} does not exist",
                        &[&parent.display()],
                    ));
                }
                if !parent.is_dir() {
                    return Err(refuse(
                        "{} {}: {} is a file, not a folder",
                        &[&parent.display()],
                    ));
                }
                if error.kind() != io::ErrorKind::NotFound {
                    return Err(refuse("{} {}: cannot be used: {}", &[&error]));
                }
            }
        }
        if let Err(error) = writable(path) {
            return Err(refuse("{} {}: cannot be written: {}", &[&error]));
        }
        let written = identity(path);
        let same = |input: &&Path| written.is_some() && identity(input) == written;
        if inputs.iter().any(same) {
            return Err(refuse(
                "{} {}: this is a file being read; writing there would destroy it",
                &[],
            ));
        }
        Ok(Destination::File(path.to_path_buf()))
    }

    /// A file that must not exist yet, as `roi init` writes: refused before
    /// anything is done when its folder is missing or the file is there.
    pub fn new_file(path: &Path) -> Result<Destination, anyhow::Error> {
        let shown = path.display();
        let parent = parent_of(path);
        if !parent.is_dir() {
            let message = if parent.exists() {
                f(
                    "{}: {} is a file, not a folder",
                    &[&shown, &parent.display()],
                )
            } else {
                f(
                    "{}: the folder {} does not exist",
                    &[&shown, &parent.display()],
                )
            };
            return Err(UsageError(message).into());
        }
        // A dangling symbolic link exists too: creating through it is refused as well.
        if std::fs::symlink_metadata(path).is_ok() {
            if path.is_dir() {
                return Err(UsageError(f(
                    "{} is a directory; give the path of a new file",
                    &[&shown],
                ))
                .into());
            }
            return Err(AlreadyExists(shown.to_string()).into());
        }
        if let Err(error) = writable(path) {
            return Err(UsageError(f("{}: cannot be written: {}", &[&shown, &error])).into());
        }
        Ok(Destination::NewFile(path.to_path_buf()))
    }

    /// The file this destination names, as [`identity`] finds it.
    fn identity(&self) -> Option<PathBuf> {
        match self {
            Destination::Stdout => None,
            Destination::File(p) | Destination::NewFile(p) => identity(p),
        }
    }

    /// Writes everything at once, so a failure never leaves half a report.
    pub fn write(&self, bytes: &[u8]) -> Result<()> {
        self.stream(|w| Ok(w.write_all(bytes)?))
    }

    /// Streams output through `produce`, for results too large to hold.
    /// A file is still replaced whole, and only if `produce` succeeds.
    pub fn stream(&self, produce: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
        match self {
            Destination::Stdout => {
                let mut out = io::BufWriter::with_capacity(1 << 16, crate::stdio::Stdout);
                match produce(&mut out).and_then(|()| Ok(out.flush()?)) {
                    // A reader that stopped early (`roi … | head`) is not an error.
                    Err(e) if is_broken_pipe(&e) => Ok(()),
                    Err(e) if e.downcast_ref::<io::Error>().is_some() => {
                        Err(e.context(t("cannot write to standard output")))
                    }
                    other => other,
                }
            }
            Destination::File(path) => replace(path, produce),
            Destination::NewFile(path) => {
                let file = std::fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(path)
                    .map_err(|e| match e.kind() {
                        _ if path.is_dir() => anyhow::Error::new(UsageError(f(
                            "{} is a directory; give the path of a new file",
                            &[&path.display()],
                        ))),
                        io::ErrorKind::AlreadyExists => {
                            anyhow::Error::new(AlreadyExists(path.display().to_string()))
                        }
                        _ => {
                            anyhow::Error::new(e).context(f("cannot create {}", &[&path.display()]))
                        }
                    })?;
                let mut out = io::BufWriter::new(file);
                produce(&mut out)?;
                out.flush()
                    .with_context(|| f("cannot write {}", &[&path.display()]))
            }
        }
    }
}

/// Refuses two outputs of one command that are one file, however they are
/// written (`x.csv`, `./x.csv`, a link to it): the second would overwrite
/// the first. Each is named by its flag.
pub fn distinct(outputs: &[(&str, &Destination)]) -> Result<(), UsageError> {
    for (i, (flag, a)) in outputs.iter().enumerate() {
        let Some(file) = a.identity() else { continue };
        for (other, b) in &outputs[i + 1..] {
            if b.identity().as_ref() == Some(&file) {
                return Err(UsageError(f(
                    "{} and {} name the same file",
                    &[other, flag],
                )));
            }
        }
    }
    Ok(())
}

/// The file `path` names, for telling whether two paths are one file: the
/// real path of a file that exists (links and `..` resolved), or of a new
/// file's folder joined with its name. `None` for standard input (`-`) and
/// for a path whose folder cannot be found.
pub fn identity(path: &Path) -> Option<PathBuf> {
    if path.as_os_str() == "-" {
        return None;
    }
    if let Ok(real) = std::fs::canonicalize(path) {
        return Some(real);
    }
    let name = path.file_name()?;
    std::fs::canonicalize(parent_of(path))
        .ok()
        .map(|dir| dir.join(name))
}

/// Whether the system lets this process write `path` as output goes there:
/// a regular or new file is created in its folder and renamed, so the
/// folder must be writable; anything else (a link, a device) is written
/// through. Asked of the system, which knows permissions and read-only disks.
#[cfg(unix)]
fn writable(path: &Path) -> io::Result<()> {
    let through = std::fs::symlink_metadata(path).is_ok_and(|m| !m.file_type().is_file());
    let target = if through { path } else { parent_of(path) };
    rustix::fs::access(target, rustix::fs::Access::WRITE_OK).map_err(io::Error::from)
}

/// Elsewhere the write itself is the check.
#[cfg(not(unix))]
fn writable(_: &Path) -> io::Result<()> {
    Ok(())
}

/// The folder a file path is in; `.` for a bare name.
fn parent_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// Writes a sibling temporary file and renames it over `path`, so readers see
/// the old file or the new one, never a torn one.
fn replace(path: &Path, produce: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    // Only a regular file (or a new one) is replaced by renaming. A symlink,
    // a device such as /dev/null or a FIFO is written through: renaming over
    // it would destroy the link or the device instead of writing to it.
    let special = std::fs::symlink_metadata(path).is_ok_and(|m| !m.file_type().is_file());
    if special {
        let file = std::fs::OpenOptions::new()
            .write(true)
            .truncate(true)
            .open(path)
            .with_context(|| f("cannot write {}", &[&path.display()]))?;
        let mut out = io::BufWriter::new(file);
        produce(&mut out)?;
        return out
            .flush()
            .with_context(|| f("cannot write {}", &[&path.display()]));
    }
    let dir = parent_of(path);
    let name = path
        .file_name()
        .with_context(|| format!("{} is not a file path", path.display()))?;
    let tmp = dir.join(format!(
        ".{}.tmp{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    let written = (|| {
        let file = std::fs::File::create(&tmp)
            .with_context(|| f("cannot write {}", &[&path.display()]))?;
        let mut out = io::BufWriter::new(file);
        produce(&mut out)?;
        out.into_inner()
            .map_err(io::IntoInnerError::into_error)
            .and_then(|file| file.sync_all())
            .and_then(|()| std::fs::rename(&tmp, path))
            .with_context(|| f("cannot write {}", &[&path.display()]))
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// True when the reader of standard output has gone away.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}
