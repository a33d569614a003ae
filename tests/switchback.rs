//! The switchback pilot end to end: `roi pilot design` (balance by
//! construction, the seed, the formats), the schedule file read back (and
//! refused when edited), `roi pilot --schedule` on exports with a known truth
//! (followed or not, covered in part), every refusal, and a short seeded run
//! of the study in `examples/switchback_study.rs`.

mod common;
mod exports;

use clap::Parser;
use common::{refused, roi, stdout};
use exports::daily::{DailyStory, daily};
use roi::cli::{Cli, Command, PilotAction};
use roi::evidence::switchback::{Plan, Unit, file};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("roi-switchback-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn plan(unit: Unit, units: u32, washout: u32, seed: u64) -> Plan {
    Plan {
        unit,
        start: chrono::NaiveDate::from_ymd_opt(2026, 1, 12).unwrap(),
        units,
        washout,
        seed,
    }
}

#[test]
fn existing_pilot_invocations_still_parse_beside_design() {
    let parse = |args: &[&str]| Cli::try_parse_from(args).map(|c| c.command);
    let Ok(Command::Pilot(p)) = parse(&[
        "roi",
        "pilot",
        "examples/salon-deals.csv",
        "--map",
        "examples/salon-map.toml",
        "--baseline",
        "2025-06..2025-11",
        "--pilot",
        "2025-12..2026-02",
    ]) else {
        panic!("a before/after pilot no longer parses");
    };
    assert!(p.action.is_none());
    assert_eq!(p.export.files, [PathBuf::from("examples/salon-deals.csv")]);
    let Ok(Command::Pilot(p)) = parse(&[
        "roi",
        "pilot",
        "x.csv",
        "--baseline",
        "2025-06..2025-11",
        "--plan",
    ]) else {
        panic!("--plan no longer parses");
    };
    assert!(p.action.is_none() && p.plan);
    let Ok(Command::Pilot(p)) = parse(&[
        "roi",
        "pilot",
        "design",
        "--start",
        "2026-01-12",
        "--days",
        "28",
    ]) else {
        panic!("design does not parse");
    };
    assert!(matches!(p.action, Some(PilotAction::Design(ref d)) if d.days == Some(28)));
    let Ok(Command::Pilot(p)) = parse(&[
        "roi",
        "pilot",
        "x.csv",
        "--map",
        "m.toml",
        "--schedule",
        "s.csv",
    ]) else {
        panic!("--schedule does not parse");
    };
    assert!(p.schedule.is_some() && p.baseline.is_none() && p.pilot.is_none());
    // A pilot's flags before `design` are a mistake, not silently dropped.
    assert!(
        parse(&[
            "roi",
            "pilot",
            "--baseline",
            "2025-06..2025-11",
            "design",
            "--start",
            "2026-01-12",
            "--days",
            "28"
        ])
        .is_err()
    );
    assert!(parse(&["roi", "pilot", "design", "--start", "2026-01-12"]).is_err());
}

#[test]
fn day_designs_balance_every_weekday_in_every_block() {
    for seed in 0..200 {
        let s = plan(Unit::Day, 42, 0, seed).draw().unwrap();
        for block in s.days.chunks(14) {
            for w in 0..7 {
                // The same weekday a week apart: one on, one off.
                assert_ne!(block[w].on, block[w + 7].on, "seed {seed}");
                assert_eq!(block[w].date.weekday(), block[w + 7].date.weekday());
            }
        }
        assert_eq!(s.weekdays()[0], s.weekdays()[1], "seed {seed}");
        assert!(s.days.iter().all(|d| !d.washout));
    }
}

use chrono::Datelike;

#[test]
fn week_designs_pair_weeks_and_wash_out_after_each_switch() {
    for seed in 0..100 {
        let s = plan(Unit::Week, 12, 1, seed).draw().unwrap();
        let weeks: Vec<_> = s.days.chunks(7).collect();
        for pair in weeks.chunks(2) {
            assert!(pair[0].iter().all(|d| d.on == pair[0][0].on));
            assert!(pair[1].iter().all(|d| d.on != pair[0][0].on), "seed {seed}");
        }
        for (i, d) in s.days.iter().enumerate() {
            let before = if i == 0 { false } else { s.days[i - 1].on };
            assert_eq!(d.washout, d.on != before, "seed {seed}, day {i}");
        }
    }
    // Different seeds draw different schedules; the same seed the same one.
    let a = plan(Unit::Day, 28, 0, 1).draw().unwrap();
    assert_eq!(a, plan(Unit::Day, 28, 0, 1).draw().unwrap());
    assert_ne!(a.word, plan(Unit::Day, 28, 0, 2).draw().unwrap().word);
}

#[test]
fn design_writes_a_schedule_the_analysis_reads_back() {
    let d = dir("formats");
    let csv = d.join("s.csv");
    let csv_s = csv.to_str().unwrap();
    roi()
        .args([
            "pilot",
            "design",
            "--start",
            "2026-01-12",
            "--days",
            "28",
            "--seed",
            "42",
            "-o",
            csv_s,
        ])
        .assert()
        .success();
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with("date,arm,washout,"));
    assert_eq!(text.lines().count(), 29);
    let s = file::read(&roi::input::Source {
        name: "s.csv".into(),
        text: text.clone(),
    })
    .unwrap();
    assert_eq!(s, plan(Unit::Day, 28, 0, 42).draw().unwrap());
    for (ext, magic) in [("ics", &b"BEGIN:VCALENDAR"[..]), ("xlsx", &b"PK"[..])] {
        let path = d.join(format!("s.{ext}"));
        roi()
            .args([
                "pilot",
                "design",
                "--start",
                "2026-01-12",
                "--weeks",
                "12",
                "--seed",
                "42",
                "-o",
                path.to_str().unwrap(),
            ])
            .assert()
            .success();
        assert!(std::fs::read(&path).unwrap().starts_with(magic), "{ext}");
    }
    let ru = stdout(&[
        "pilot",
        "design",
        "--start",
        "2026-01-12",
        "--days",
        "28",
        "--seed",
        "42",
        "--lang",
        "ru",
    ]);
    assert!(
        ru.contains("■ ВКЛ") && ru.contains("выкл") && ru.contains("Пн"),
        "{ru}"
    );
    // Eight weeks cannot reach 5%: said, not hidden.
    let en = stdout(&[
        "pilot",
        "design",
        "--start",
        "2026-01-12",
        "--weeks",
        "8",
        "--seed",
        "1",
    ]);
    assert!(
        en.contains("cannot show a clear change") && en.contains("0.125"),
        "{en}"
    );
}

#[test]
fn a_schedule_edited_by_hand_or_malformed_is_refused_with_its_line_and_column() {
    let d = dir("edited");
    let text = file::csv(&plan(Unit::Day, 28, 0, 42).draw().unwrap());
    let write = |name: &str, body: &str| {
        let p = d.join(name);
        std::fs::write(&p, body).unwrap();
        p.to_str().unwrap().to_string()
    };
    // One arm flipped on line 5.
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    lines[4] = if lines[4].contains(",on,") {
        lines[4].replacen(",on,", ",off,", 1)
    } else {
        lines[4].replacen(",off,", ",on,", 1)
    };
    let edited = write("edited.csv", &(lines.join("\n") + "\n"));
    let run = |schedule: &str| {
        refused(&[
            "pilot",
            "examples/salon-daily.csv",
            "--map",
            "examples/salon-map.toml",
            "--schedule",
            schedule,
        ])
    };
    let err = run(&edited);
    assert!(
        err.contains("line 5") && err.contains("arm") && err.contains("edited"),
        "{err}"
    );
    // A day repeated: the days must follow one another.
    let mut dup: Vec<String> = text.lines().map(String::from).collect();
    dup[3] = dup[2].clone();
    let err = run(&write("dup.csv", &(dup.join("\n") + "\n")));
    assert!(err.contains("line 4") && err.contains("date"), "{err}");
    let err = run(&write("unit.csv", &text.replace(",day,", ",fortnight,")));
    assert!(err.contains("unit") && err.contains("day or week"), "{err}");
    let short: Vec<&str> = text.lines().take(15).collect();
    let err = run(&write("short.csv", &(short.join("\n") + "\n")));
    assert!(err.contains("two blocks"), "{err}");
    let err = run(&write("header.csv", &text.replacen("arm", "state", 1)));
    assert!(
        err.contains("line 1") && err.contains("date,arm,washout"),
        "{err}"
    );
    let err = refused(&["pilot", "design", "--start", "2026-01-12", "--days", "14"]);
    assert!(
        err.contains("--days 14") && err.contains("two blocks"),
        "{err}"
    );
    let err = refused(&["pilot", "design", "--start", "12.01.2026", "--days", "28"]);
    assert!(err.contains("--start"), "{err}");
}

/// An export of `story` and the schedule it followed, written to `d`.
fn salon(d: &Path, p: &Plan, days_after_start: u32, left_on: f64, effect: f64) -> (String, String) {
    let s = p.draw().unwrap();
    let story = DailyStory {
        start: (2025, 11, 17),
        days: 56 + days_after_start,
        switch_from: 56,
        arms: s.days.iter().map(|d| d.on).collect(),
        effect,
        left_on,
        seed: 9,
        ..Default::default()
    };
    let export = d.join("export.csv");
    std::fs::write(&export, exports::bitrix_csv(&daily(&story))).unwrap();
    let schedule = d.join("schedule.csv");
    std::fs::write(&schedule, file::csv(&s)).unwrap();
    (
        export.to_str().unwrap().into(),
        schedule.to_str().unwrap().into(),
    )
}

fn judged(export: &str, schedule: &str) -> Value {
    let out = stdout(&[
        "pilot",
        export,
        "--map",
        "examples/salon-map.toml",
        "--schedule",
        schedule,
        "--format",
        "json",
    ]);
    serde_json::from_str(&out).unwrap()
}

#[test]
fn a_followed_schedule_is_judged_by_an_exact_test() {
    let d = dir("followed");
    let (export, schedule) = salon(&d, &plan(Unit::Day, 28, 0, 5), 30, 0.0, 0.6);
    let j = judged(&export, &schedule);
    let sb = &j["switchback"];
    assert_eq!(sb["tests"][0]["counted"], 16384);
    assert_eq!(sb["tests"][0]["enumerated"], true);
    assert_eq!(sb["followed"]["ai_leads_on_off_days"], 0);
    assert_eq!(sb["followed"]["not_followed"], false);
    assert_eq!(j["primary"]["adjustment"], "randomised");
    let leads = &j["primary"]["estimate"];
    let p = leads["p_value"].as_f64().unwrap();
    // The JSON rounds to 8 places.
    assert!((p - sb["tests"][0]["extreme"].as_f64().unwrap() / 16384.0).abs() < 5e-9);
    // +60% on the assistant's days at 10 leads a day: clear, and scaled.
    assert_eq!(leads["verdict"], "up", "{leads}");
    assert_eq!(j["decision"]["decision"], "scale");
}

#[test]
fn a_schedule_not_followed_is_said_and_the_estimate_is_a_lower_bound() {
    let d = dir("broken");
    let (export, schedule) = salon(&d, &plan(Unit::Day, 28, 0, 5), 30, 0.5, 0.3);
    let j = judged(&export, &schedule);
    let f = &j["switchback"]["followed"];
    assert_eq!(f["not_followed"], true, "{f}");
    assert!(f["ai_days"].as_array().unwrap().len() >= 3);
    let reasons = j["decision"]["reasons"].as_array().unwrap();
    assert!(
        reasons.iter().any(|r| r["reason"] == "not_followed"),
        "{reasons:?}"
    );
    let table = stdout(&[
        "pilot",
        &export,
        "--map",
        "examples/salon-map.toml",
        "--schedule",
        &schedule,
    ]);
    assert!(
        table.contains("was not followed") && table.contains("lower bound"),
        "{table}"
    );
}

#[test]
fn a_partly_covered_schedule_is_judged_on_its_covered_blocks() {
    let d = dir("partly");
    // 42 days planned, 30 exported: two whole blocks.
    let (export, schedule) = salon(&d, &plan(Unit::Day, 42, 0, 3), 30, 0.0, 0.3);
    let j = judged(&export, &schedule);
    assert_eq!(j["switchback"]["judged"]["blocks"], 2);
    assert_eq!(j["switchback"]["blocks"], 3);
    let table = stdout(&[
        "pilot",
        &export,
        "--map",
        "examples/salon-map.toml",
        "--schedule",
        &schedule,
    ]);
    assert!(
        table.contains("covers 2 of the schedule's 3 blocks"),
        "{table}"
    );
    // 20 days exported: one block, refused with when to export again.
    let (export, schedule) = salon(&d, &plan(Unit::Day, 42, 0, 3), 20, 0.0, 0.3);
    let err = refused(&[
        "pilot",
        &export,
        "--map",
        "examples/salon-map.toml",
        "--schedule",
        &schedule,
    ]);
    assert!(
        err.contains("two blocks") && err.contains("export again after 2026-02-08"),
        "{err}"
    );
}

#[test]
fn design_sizes_the_pilot_by_the_baseline_days() {
    let out = stdout(&[
        "pilot",
        "design",
        "examples/salon-daily.csv",
        "--map",
        "examples/salon-map.toml",
        "--baseline",
        "2025-06..2025-12",
        "--start",
        "2026-01-12",
        "--days",
        "28",
        "--seed",
        "42",
        "--expect",
        "+30%",
    ]);
    assert!(
        out.contains("leads a day") && out.contains("at 80% power"),
        "{out}"
    );
    assert!(out.contains("With +30.0% expected"), "{out}");
    let err = refused(&[
        "pilot",
        "design",
        "examples/salon-daily.csv",
        "--start",
        "2026-01-12",
        "--days",
        "28",
    ]);
    assert!(err.contains("--baseline"), "{err}");
}

#[test]
fn the_study_in_short_keeps_a_trend_from_scaling() {
    use exports::study::{Scenario, replicate};
    let null = Scenario {
        effect: 0.0,
        trend_across_pilot: 0.2,
        per_day: 10.0,
        days: 28,
    };
    let runs: Vec<_> = (1..=6).map(|seed| replicate(null, seed)).collect();
    assert!(runs.iter().all(|o| !o.scale), "a trend scaled a switchback");
    assert!(runs.iter().filter(|o| o.covered).count() >= 5);
    assert!(runs.iter().all(|o| o.claimed.is_finite()));
}
