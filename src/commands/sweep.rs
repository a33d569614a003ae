//! `roi sweep FILE --vary KEY=FROM..TO[:STEP]`: a table, a matrix, or tidy rows streamed out.

use super::{Output, Ui};
use crate::cli::{Format, SweepArgs};
use crate::forecast::metric::Metric;
use crate::forecast::scenario::{Loaded, Problem};
use crate::forecast::sweep::{self, Axis, Grid, Plan, Point, SweepError};
use crate::format::Fmt;
use crate::render::sweep as render;
use anyhow::Result;

/// Runs `roi sweep`.
pub fn run(args: SweepArgs, ui: &Ui) -> Result<()> {
    let formats = [Format::Table, Format::Json, Format::Csv, Format::Xlsx];
    let out = ui.output(&args.output, &formats, &[&args.scenario.file], false)?;
    let loaded = super::load(&args.scenario)?;
    super::warn(&loaded);
    let grid = grid(&args.vary, &loaded)?;
    let draft = &loaded.draft;
    let plan = sweep::check(&grid, draft).map_err(|e| failed(&loaded, e))?;
    match out.format {
        Format::Xlsx => {
            let points = collect(
                &loaded,
                &plan,
                &grid,
                render::MAX_XLSX_POINTS,
                "the grid has {} points, too many for a workbook (at most {}); use --format csv, or larger steps",
            )?;
            out.destination
                .write(&render::xlsx(&grid, &points, ui.lang, draft.currency())?)
        }
        Format::Table | Format::Html => {
            let points = collect(
                &loaded,
                &plan,
                &grid,
                render::MAX_TABLE_CELLS,
                "the grid has {} points, too many for a table (at most {}); use --format csv or json, or larger steps",
            )?;
            let text = table(&loaded, &grid, &points, args.metric, ui, out.width);
            out.destination.write(text.as_bytes())
        }
        Format::Csv | Format::Json => stream(&loaded, &plan, &grid, &out),
    }
}

/// The grid the `--vary` flags span; a flag that does not read is a problem
/// with the scenario, reported as its other problems are.
fn grid(vary: &[String], loaded: &Loaded) -> Result<Grid> {
    let axes = vary
        .iter()
        .map(|arg| Axis::parse(arg))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|p| loaded.invalid(vec![p]))?;
    Grid::new(axes).map_err(|p| loaded.invalid(vec![p]))
}

/// Why the sweep stopped, told against the scenario's file.
fn failed(loaded: &Loaded, e: SweepError) -> anyhow::Error {
    match e {
        SweepError::Invalid(problems) => loaded.invalid(problems),
        SweepError::Overflow(o) => loaded.overflow(o),
        SweepError::OverflowAt { at, overflow } => {
            // The inputs as they were at that point: the varied keys as
            // `--vary` set them, the rest from the file and --set.
            let varied: Vec<_> = at
                .split(", ")
                .filter_map(|part| {
                    crate::forecast::scenario::Override::from_flag("--vary", part).ok()
                })
                .collect();
            loaded
                .overflow_with(overflow, &varied)
                .context(crate::i18n::f(
                    "cannot compute {} at --vary {}",
                    &[&loaded.source.name, &at],
                ))
        }
        SweepError::Io(e) => e.into(),
    }
}

/// Every point in memory, for the formats built whole; a grid past `limit`
/// is refused with `message` before any point is computed.
fn collect(
    loaded: &Loaded,
    plan: &Plan<'_>,
    grid: &Grid,
    limit: u64,
    message: &'static str,
) -> Result<Vec<Point>> {
    if grid.len() > limit {
        return Err(too_many(loaded, grid, limit, message));
    }
    sweep::collect(plan).map_err(|e| failed(loaded, e))
}

/// The refusal of a grid larger than `limit` points, blamed on `--vary`.
fn too_many(loaded: &Loaded, grid: &Grid, limit: u64, message: &'static str) -> anyhow::Error {
    loaded.invalid(vec![Problem {
        location: crate::forecast::scenario::Location::Flag("--vary"),
        key: None,
        value: None,
        message: crate::i18n::f(
            message,
            &[
                &crate::format::Fmt::messages()
                    .count(grid.len().into(), crate::format::Sign::Plain),
                &crate::format::Fmt::messages().count(limit.into(), crate::format::Sign::Plain),
            ],
        ),
    }])
}

/// The sweep as a table (one key) or a matrix of `metric` (two), with what
/// the notes need to know about the scenario around the grid.
fn table(
    loaded: &Loaded,
    grid: &Grid,
    points: &[Point],
    metric: Metric,
    ui: &Ui,
    width: usize,
) -> String {
    let draft = &loaded.draft;
    let name = draft
        .resolve(&loaded.default_name)
        .map_or_else(|_| loaded.default_name.clone(), |s| s.name);
    // A varied key is set point by point, so its own range does not apply.
    let ranges: Vec<_> = draft
        .ranges()
        .filter(|(k, _)| grid.axes().iter().all(|a| a.key != *k))
        .collect();
    let discounted = draft
        .resolve_inputs()
        .is_ok_and(|i| !i.discount_rate.is_zero())
        || grid
            .axes()
            .iter()
            .any(|a| a.key == crate::forecast::scenario::Key::DiscountRate);
    render::table(
        grid,
        points,
        metric,
        &render::Sweep {
            name: &name,
            ranges: &ranges,
            discounted,
        },
        &Fmt {
            lang: ui.lang,
            currency: draft.currency(),
        },
        width,
    )
}

/// CSV or JSON rows written as the workers compute them, so a grid of
/// millions of points is never held whole.
fn stream(loaded: &Loaded, plan: &Plan<'_>, grid: &Grid, out: &Output) -> Result<()> {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let dialect = out.dialect;
    let failed = |e| failed(loaded, e);
    if out.format == Format::Csv {
        out.destination.stream(|w| {
            let writer = render::Writer::new(grid, dialect);
            sweep::run(
                plan,
                threads,
                render::csv_header(grid, dialect).as_bytes(),
                |first, points, out| writer.csv(first, points, out),
                |bytes| w.write_all(bytes),
            )
            .map_err(failed)
        })
    } else {
        out.destination.stream(|w| {
            let writer = render::Writer::new(grid, dialect);
            sweep::run(
                plan,
                threads,
                render::json_start(grid).as_bytes(),
                |first, points, out| writer.json(first, points, out),
                |bytes| w.write_all(bytes),
            )
            .map_err(failed)?;
            Ok(w.write_all(render::JSON_END.as_bytes())?)
        })
    }
}
