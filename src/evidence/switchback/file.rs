//! The schedule file: `date,arm,washout` and the design it was drawn from
//! (`block,unit,washout_days,seed`) on every row, so that a spreadsheet
//! shows it whole and the analysis can rebuild it. Read back, every row must
//! be what the recorded design draws: a hand-edited day would make the
//! randomisation test answer a question nobody asked.

use super::schedule::{Plan, Refusal, Schedule, Unit};
use crate::i18n::{f, t};
use crate::input::{Location, Problem, ScenarioError, Source, clip};
use chrono::NaiveDate;

/// The header, in order.
pub const HEADER: [&str; 7] = [
    "date",
    "arm",
    "washout",
    "block",
    "unit",
    "washout_days",
    "seed",
];

/// The schedule as CSV (comma-separated, LF, UTF-8 without a BOM).
pub fn csv(s: &Schedule) -> String {
    let mut out = HEADER.join(",");
    out.push('\n');
    for d in &s.days {
        out.push_str(&format!(
            "{},{},{},{},{},{},{}\n",
            d.date.format("%Y-%m-%d"),
            if d.on { "on" } else { "off" },
            if d.washout { "yes" } else { "no" },
            d.block,
            s.plan.unit.name(),
            s.plan.washout,
            s.plan.seed
        ));
    }
    out
}

/// A row as read: its line and cells.
struct Row {
    line: usize,
    cells: Vec<String>,
}

fn problem(line: usize, column: &str, value: &str, message: String) -> Problem {
    Problem {
        location: Location::Line(line),
        key: Some(column.to_string()),
        value: Some(clip(value)),
        message,
    }
}

/// The rows of the file, or the first problem with its shape.
fn rows(text: &str) -> Result<Vec<Row>, Problem> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| Problem {
            location: Location::Line(i + 1),
            key: None,
            value: None,
            message: f("not a CSV row: {}", &[&e]),
        })?;
        let line = record.position().map_or(i + 1, |p| p.line() as usize);
        out.push(Row {
            line,
            cells: record.iter().map(|c| c.trim().to_string()).collect(),
        });
    }
    Ok(out)
}

/// The header row, checked.
fn header(first: Option<&Row>) -> Result<(), Problem> {
    let Some(first) = first else {
        return Err(Problem::file(t(
            "the file is empty; write a schedule with roi pilot design -o schedule.csv",
        )));
    };
    for (i, want) in HEADER.iter().enumerate() {
        let got = first.cells.get(i).map_or("", String::as_str);
        if got != *want {
            return Err(problem(
                first.line,
                want,
                got,
                f(
                    "the header must be {} (as roi pilot design writes it)",
                    &[&HEADER.join(",")],
                ),
            ));
        }
    }
    Ok(())
}

fn cell(row: &Row, column: usize) -> &str {
    row.cells.get(column).map_or("", String::as_str)
}

/// The design the first data row records.
fn recorded(row: &Row) -> Result<(Unit, u32, u64, NaiveDate), Problem> {
    let date = parse_date(row, 0)?;
    let unit = Unit::from_name(cell(row, 4))
        .ok_or_else(|| problem(row.line, "unit", cell(row, 4), t("day or week").into()))?;
    let washout = cell(row, 5).parse::<u32>().map_err(|_| {
        problem(
            row.line,
            "washout_days",
            cell(row, 5),
            t("a whole number of days, like 0 or 1").into(),
        )
    })?;
    let seed = cell(row, 6).parse::<u64>().map_err(|_| {
        problem(
            row.line,
            "seed",
            cell(row, 6),
            t("the whole number roi pilot design wrote").into(),
        )
    })?;
    Ok((unit, washout, seed, date))
}

fn parse_date(row: &Row, column: usize) -> Result<NaiveDate, Problem> {
    NaiveDate::parse_from_str(cell(row, column), "%Y-%m-%d").map_err(|_| {
        problem(
            row.line,
            HEADER[column],
            cell(row, column),
            t("a date like 2026-01-12").into(),
        )
    })
}

/// Why a recorded plan cannot be a design, as a sentence.
pub fn refusal_text(r: &Refusal, unit: Unit) -> String {
    match (r, unit) {
        (Refusal::NotWholeBlocks(n), Unit::Day) => f(
            "whole blocks of two weeks, so that each weekday is on and off equally often: {} days",
            &[n],
        ),
        (Refusal::NotWholeBlocks(n), Unit::Week) => {
            f("whole pairs of weeks, one on and one off: {} weeks", &[n])
        }
        (Refusal::OneBlock(n), Unit::Day) => f(
            "at least two blocks of two weeks, so that the test has a spread to judge by: {} days or more",
            &[n],
        ),
        (Refusal::OneBlock(n), Unit::Week) => f(
            "at least two pairs of weeks, so that the test has a spread to judge by: {} weeks or more",
            &[n],
        ),
        (Refusal::TooLong(n), Unit::Day) => f("at most {} days", &[n]),
        (Refusal::TooLong(n), Unit::Week) => f("at most {} weeks", &[n]),
        (Refusal::Washout(n), _) => f("a washout of 0 to {} days", &[n]),
        (Refusal::Calendar, _) => t("a schedule that ends before the year 262143").into(),
    }
}

/// Reads a schedule file and checks that every row is what its recorded
/// design draws, naming the first row that is not.
pub fn read(source: &Source) -> Result<Schedule, ScenarioError> {
    let fail = |p: Problem| ScenarioError {
        file: source.name.clone(),
        variant: None,
        problems: vec![p],
    };
    let rows = rows(&source.text).map_err(fail)?;
    header(rows.first()).map_err(fail)?;
    let data = rows.get(1..).unwrap_or_default();
    let Some(first) = data.first() else {
        return Err(fail(Problem::file(t(
            "the schedule has no days below its header; write one with roi pilot design -o schedule.csv",
        ))));
    };
    let (unit, washout, seed, start) = recorded(first).map_err(fail)?;
    let days = data.len() as u32;
    let units = match unit {
        Unit::Day => days,
        Unit::Week => days / 7,
    };
    let plan = Plan {
        unit,
        start,
        units,
        washout,
        seed,
    };
    if unit == Unit::Week && !days.is_multiple_of(7) {
        let last = data.last().unwrap_or(first);
        return Err(fail(problem(
            last.line,
            "date",
            cell(last, 0),
            f(
                "a week-level schedule holds whole weeks; it has {} days",
                &[&days],
            ),
        )));
    }
    let schedule = plan.draw().map_err(|r| {
        fail(problem(
            first.line,
            "unit",
            unit.name(),
            f(
                "the schedule's {} rows are not a design: {}",
                &[&days, &refusal_text(&r, unit)],
            ),
        ))
    })?;
    for (row, want) in data.iter().zip(&schedule.days) {
        check_row(row, want, &schedule).map_err(fail)?;
    }
    Ok(schedule)
}

/// One row against the day the recorded design draws.
fn check_row(row: &Row, want: &super::schedule::Scheduled, s: &Schedule) -> Result<(), Problem> {
    let date = parse_date(row, 0)?;
    if date != want.date {
        return Err(problem(
            row.line,
            "date",
            cell(row, 0),
            f(
                "the days must follow one another from {}: this row should be {}",
                &[&s.plan.start, &want.date],
            ),
        ));
    }
    let edited = |column: usize, expected: String| {
        problem(
            row.line,
            HEADER[column],
            cell(row, column),
            f(
                "the recorded design (unit {}, washout {}, seed {}) has {} here: the schedule was edited after it was drawn, so the test could not know which days could have been on. Draw it again with roi pilot design, or restore the file",
                &[
                    &s.plan.unit.name(),
                    &s.plan.washout,
                    &s.plan.seed,
                    &expected,
                ],
            ),
        )
    };
    let arm = if want.on { "on" } else { "off" };
    if cell(row, 1) != arm {
        return Err(edited(1, arm.into()));
    }
    let washout = if want.washout { "yes" } else { "no" };
    if cell(row, 2) != washout {
        return Err(edited(2, washout.into()));
    }
    if cell(row, 3) != want.block.to_string() {
        return Err(edited(3, want.block.to_string()));
    }
    let design = [
        s.plan.unit.name().to_string(),
        s.plan.washout.to_string(),
        s.plan.seed.to_string(),
    ];
    for (i, expected) in design.iter().enumerate() {
        if cell(row, 4 + i) != expected {
            return Err(edited(4 + i, expected.clone()));
        }
    }
    Ok(())
}
