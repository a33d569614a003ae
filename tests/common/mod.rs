//! Shared by the end-to-end tests: the binary in a fixed environment, and the
//! checks that every run shares.
#![allow(dead_code)] // each test crate uses its own subset

use assert_cmd::Command;

/// `roi`, with the locale pinned to English and no `COLUMNS`, so that
/// output does not depend on the machine the tests run on (piped, tables fit
/// 100 columns); tests of Russian pass `--lang ru`, of widths `COLUMNS`.
pub fn roi() -> Command {
    let mut cmd = Command::cargo_bin("roi").unwrap();
    cmd.env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("NO_COLOR")
        .env_remove("COLUMNS");
    cmd
}

/// Runs `roi args` (with `stdin` if given), which must succeed, and returns stdout.
pub fn stdout_with(args: &[&str], stdin: Option<&str>) -> String {
    let mut cmd = roi();
    cmd.args(args);
    if let Some(input) = stdin {
        cmd.write_stdin(input.to_string());
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Runs `roi args`, which must succeed, and returns stdout.
pub fn stdout(args: &[&str]) -> String {
    stdout_with(args, None)
}

/// Runs `roi args` and parses its stdout as JSON.
pub fn json(args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&stdout(args)).unwrap()
}

/// Runs `roi args` (with `stdin` if given), which must be refused as every
/// input mistake is: exit code 2, nothing on stdout, no panic. Returns stderr.
pub fn refused_with(args: &[&str], stdin: Option<&str>) -> String {
    let mut cmd = roi();
    cmd.args(args);
    if let Some(input) = stdin {
        cmd.write_stdin(input.to_string());
    }
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    assert!(out.stdout.is_empty(), "{args:?} wrote to stdout");
    assert!(!stderr.contains("panicked"), "{stderr}");
    // Ours say "Error:" (or "Ошибка:"); clap's usage errors say "error:".
    let prefixes = ["Error: ", "Ошибка: ", "error: "];
    assert!(prefixes.iter().any(|p| stderr.starts_with(p)), "{stderr}");
    stderr
}

/// [`refused_with`] without standard input.
pub fn refused(args: &[&str]) -> String {
    refused_with(args, None)
}
