//! Input and output paths: inputs of any size end quickly, and every output
//! path is checked, as a file, before any work; a path that cannot be used
//! is the user's mistake (exit code 2).

mod common;
use std::path::Path;

const SALON: &str = "examples/salon-rostov.toml";
const RANGES: &str = "examples/salon-ranges.toml";

/// `path` as an argument.
fn arg(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 temporary path")
}

/// `/dev/zero` never ends: it is refused after 64 MiB and a byte.
#[cfg(unix)]
#[test]
fn an_endless_scenario_is_refused() {
    let e = common::refused(&["calc", "/dev/zero"]);
    assert!(e.contains("/dev/zero is larger than 64 MiB"), "{e}");
}

/// Standard input gets the same limit: 64 MiB of comments and one byte more.
#[test]
fn standard_input_above_the_limit_is_refused() {
    let mut text = "#".repeat(64 * 1024 * 1024 - 1);
    text.push_str("\nx");
    let e = common::refused_with(&["calc", "-"], Some(&text));
    assert!(e.contains("<stdin> is larger than 64 MiB"), "{e}");
}

/// The mapping of `measure` is read through the same door.
#[cfg(unix)]
#[test]
fn an_endless_mapping_is_refused() {
    let e = common::refused(&["measure", "examples/salon-deals.csv", "--map", "/dev/zero"]);
    assert!(e.contains("/dev/zero is larger than 64 MiB"), "{e}");
}

/// `x.csv` and `./x.csv` are one file: refused before the simulation, so
/// neither is written.
#[test]
fn samples_and_report_spelt_differently_are_one_file() {
    let dir = tempfile::tempdir().unwrap();
    let samples = dir.path().join("x.csv");
    let report = dir.path().join(".").join("x.csv");
    let e = common::refused(&[
        "simulate",
        RANGES,
        "--trials",
        "100",
        "--samples",
        arg(&samples),
        "-o",
        arg(&report),
    ]);
    assert!(e.contains("--samples and -o name the same file"), "{e}");
    assert!(!samples.exists());
}

/// A link to nowhere as `-o` is refused before the simulation writes its
/// samples, not after.
#[cfg(unix)]
#[test]
fn a_dangling_output_link_is_refused_before_any_work() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("report.json");
    std::os::unix::fs::symlink(dir.path().join("gone/report.json"), &link).unwrap();
    let samples = dir.path().join("samples.csv");
    let e = common::refused(&[
        "simulate",
        RANGES,
        "--trials",
        "100",
        "--samples",
        arg(&samples),
        "-o",
        arg(&link),
    ]);
    assert!(e.contains("is a symbolic link to"), "{e}");
    assert!(e.contains("which does not exist"), "{e}");
    assert!(!samples.exists(), "samples written before -o was checked");
}

/// Every command that writes a file refuses the same unusable path, each
/// with the one shared check.
#[cfg(unix)]
#[test]
fn every_command_checks_its_output_path() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("out.json");
    std::os::unix::fs::symlink(dir.path().join("gone/out.json"), &link).unwrap();
    let o = arg(&link);
    let pilot = [
        "pilot",
        "examples/salon-deals.csv",
        "--map",
        "examples/salon-map.toml",
        "--baseline",
        "2025-06..2025-11",
        "--pilot",
        "2025-12..2026-02",
    ];
    let measure = [
        "measure",
        "examples/salon-deals.csv",
        "--map",
        "examples/salon-map.toml",
    ];
    let commands: Vec<Vec<&str>> = vec![
        vec!["calc", SALON],
        vec!["compare", SALON],
        vec!["sweep", SALON, "--vary", "after.leads=+0%..+50%:10%"],
        vec!["solve", SALON, "--for", "after.leads", "--target", "roi=0"],
        vec!["simulate", RANGES, "--trials", "100"],
        vec!["sensitivity", RANGES],
        vec!["report", SALON],
        measure.to_vec(),
        pilot.to_vec(),
    ];
    for mut command in commands {
        command.extend(["-o", o]);
        let e = common::refused(&command);
        assert!(e.contains("which does not exist"), "{command:?}: {e}");
    }
    let mut pilot = pilot.to_vec();
    pilot.extend(["--write-scenario", o]);
    let e = common::refused(&pilot);
    assert!(e.contains("--write-scenario"), "{e}");
    assert!(e.contains("which does not exist"), "{e}");
}

/// The page's folder is checked before the scenario is read: a missing
/// folder is the one mistake reported for a file that has another.
#[test]
fn report_checks_its_page_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let scenario = dir.path().join("s.toml");
    std::fs::write(&scenario, "[baseline]\nleads = \"many\"\n").unwrap();
    let page = dir.path().join("nosuch").join("r.html");
    let e = common::refused(&["report", arg(&scenario), "-o", arg(&page)]);
    assert!(e.contains("the folder"), "{e}");
    assert!(!e.contains("many"), "the scenario was read first: {e}");
}

/// The scenario, however its path is spelt or linked, is never the output.
#[test]
fn the_input_under_another_name_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    let scenario = dir.path().join("s.toml");
    std::fs::copy(SALON, &scenario).unwrap();
    let before = std::fs::read(&scenario).unwrap();
    let roundabout = sub.join("..").join("s.toml");
    let mut outputs = vec![roundabout];
    #[cfg(unix)]
    {
        let link = dir.path().join("link.toml");
        std::os::unix::fs::symlink(&scenario, &link).unwrap();
        outputs.push(link);
    }
    for output in &outputs {
        let e = common::refused(&["calc", arg(&scenario), "-o", arg(output), "-f", "json"]);
        assert!(e.contains("this is a file being read"), "{e}");
    }
    assert_eq!(std::fs::read(&scenario).unwrap(), before);
}

/// A file where a folder should be is named as such.
#[test]
fn a_file_as_the_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plain");
    std::fs::write(&file, "").unwrap();
    let e = common::refused(&["calc", SALON, "-o", arg(&file.join("x.json"))]);
    assert!(e.contains("is a file, not a folder"), "{e}");
}

/// `roi init` into a missing folder, or over a link to nowhere, is the
/// user's mistake like an existing file, and writes nothing.
#[test]
fn init_refuses_paths_it_cannot_use() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nosuch").join("a.toml");
    let e = common::refused(&["init", arg(&missing)]);
    assert!(e.contains("the folder"), "{e}");
    assert!(e.contains("does not exist"), "{e}");
    #[cfg(unix)]
    {
        let link = dir.path().join("a.toml");
        std::os::unix::fs::symlink(dir.path().join("gone/a.toml"), &link).unwrap();
        common::refused(&["init", arg(&link)]);
        assert!(!dir.path().join("gone").exists());
    }
}

/// A folder that cannot be written is refused before any work exactly when
/// writing there would fail: as root it would not, and the run succeeds.
#[cfg(unix)]
#[test]
fn a_folder_is_refused_exactly_when_it_cannot_be_written() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
    let probe = locked.join("probe");
    let can_write = std::fs::File::create(&probe).is_ok();
    let _ = std::fs::remove_file(&probe);
    let out = locked.join("out.json");
    let args = ["calc", SALON, "-o", arg(&out)];
    if can_write {
        common::stdout(&args);
        assert!(out.exists());
    } else {
        let e = common::refused(&args);
        assert!(e.contains("cannot be written"), "{e}");
    }
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
}
