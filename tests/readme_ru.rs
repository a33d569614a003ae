//! README.ru.md, the Russian quick start, run as its reader would: every
//! command of its ```sh blocks, in a copy of the project's examples, must
//! succeed, and the English README links to it from the top.

mod common;

use std::path::Path;

/// The commands of the ```sh blocks: continuation lines joined, a trailing
/// `  # comment` cut.
fn commands(markdown: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_sh = false;
    let mut pending = String::new();
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            in_sh = line.trim() == "```sh";
            continue;
        }
        if !in_sh || line.trim().is_empty() {
            continue;
        }
        let line = line.split("  # ").next().unwrap_or(line).trim_end();
        match line.strip_suffix('\\') {
            Some(part) => pending.push_str(part),
            None => {
                pending.push_str(line);
                out.push(std::mem::take(&mut pending).trim().to_string());
            }
        }
    }
    out
}

/// A command line split into words as a shell would (quotes only; the
/// README uses no pipes, redirections or variables).
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quote = None;
    let mut started = false;
    for c in line.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.push(c),
            (None, '"' | '\'') => {
                quote = Some(c);
                started = true;
            }
            (None, c) if c.is_whitespace() => {
                if started || !word.is_empty() {
                    out.push(std::mem::take(&mut word));
                }
                started = false;
            }
            (None, c) => word.push(c),
        }
    }
    if started || !word.is_empty() {
        out.push(word);
    }
    out
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

#[test]
fn every_command_of_the_russian_quick_start_runs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.ru.md")).unwrap();
    let english = std::fs::read_to_string(root.join("README.md")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root.join("examples"), &dir.path().join("examples"));
    let lines = commands(&readme);
    assert!(lines.len() >= 12, "{lines:#?}");
    let mut ran = 0;
    for line in &lines {
        let args = words(line);
        match args.first().map(String::as_str) {
            Some("roi") => {}
            // Installing is the English README's own command, run by hand.
            Some("cargo") => {
                assert!(
                    english.contains(line.as_str()),
                    "{line} is not in README.md"
                );
                continue;
            }
            other => panic!("{line}: {other:?} is not a command the quick start may use"),
        }
        let out = common::roi()
            .current_dir(dir.path())
            .args(&args[1..])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{line}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(!said.contains("error"), "{line}: {said}");
        ran += 1;
    }
    assert!(ran >= 12, "{ran} commands ran");
    // What the commands wrote is there for the next one to read.
    for written in [
        "салон.toml",
        "план-пилота.toml",
        "пилот.html",
        "расписание.ics",
        "расписание.csv",
        "моё-сопоставление.toml",
    ] {
        assert!(dir.path().join(written).is_file(), "{written} not written");
    }
}

#[test]
fn the_english_readme_links_to_the_russian_one_at_the_top() {
    let english =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let top: String = english.lines().take(5).collect::<Vec<_>>().join("\n");
    assert!(top.contains("(README.ru.md)"), "{top}");
}

#[test]
fn the_reader_splits_commands_as_a_shell_would() {
    assert_eq!(words("roi a \"b c\" 'd'"), ["roi", "a", "b c", "d"]);
    assert_eq!(
        commands("```sh\nroi a \\\n    b  # note\n```\n```text\nroi no\n```\n"),
        ["roi a     b"]
    );
}
