//! `roi sweep FILE --vary KEY=FROM..TO[:STEP]`: a table, a matrix, or tidy rows streamed out.

use super::Ui;
use crate::cli::{Format, SweepArgs};
use crate::forecast::scenario::Problem;
use crate::forecast::sweep::{self, Axis, Grid, SweepError};
use crate::format::Fmt;
use crate::render::sweep as render;
use anyhow::Result;

/// Runs `roi sweep`.
pub fn run(args: SweepArgs, ui: &Ui) -> Result<()> {
    let formats = [Format::Table, Format::Json, Format::Csv, Format::Xlsx];
    let out = ui.output(&args.output, &formats, &[&args.scenario.file], false)?;
    let loaded = super::load(&args.scenario)?;
    super::warn(&loaded);
    let axes = args
        .vary
        .iter()
        .map(|arg| Axis::parse(arg))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|p| loaded.invalid(vec![p]))?;
    let grid = Grid::new(axes).map_err(|p| loaded.invalid(vec![p]))?;
    let failed = |e: SweepError| -> anyhow::Error {
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
    };
    let draft = &loaded.draft;
    let plan = sweep::check(&grid, draft).map_err(failed)?;
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);

    let destination = out.destination;
    let dialect = out.dialect;
    let too_many = |limit: u64, message: &'static str| {
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
    };
    match out.format {
        Format::Xlsx => {
            if grid.len() > render::MAX_XLSX_POINTS {
                return Err(too_many(
                    render::MAX_XLSX_POINTS,
                    "the grid has {} points, too many for a workbook (at most {}); use --format csv, or larger steps",
                ));
            }
            let points = sweep::collect(&plan).map_err(failed)?;
            destination.write(&render::xlsx(&grid, &points, ui.lang, draft.currency())?)
        }
        Format::Table | Format::Html => {
            if grid.len() > render::MAX_TABLE_CELLS {
                return Err(too_many(
                    render::MAX_TABLE_CELLS,
                    "the grid has {} points, too many for a table (at most {}); use --format csv or json, or larger steps",
                ));
            }
            let points = sweep::collect(&plan).map_err(failed)?;
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
            let text = render::table(
                &grid,
                &points,
                args.metric,
                &render::Sweep {
                    name: &name,
                    ranges: &ranges,
                    discounted,
                },
                &Fmt {
                    lang: ui.lang,
                    currency: draft.currency(),
                },
                out.width,
            );
            destination.write(text.as_bytes())
        }
        Format::Csv => destination.stream(|w| {
            let writer = render::Writer::new(&grid, dialect);
            sweep::run(
                &plan,
                threads,
                render::csv_header(&grid, dialect).as_bytes(),
                |first, points, out| writer.csv(first, points, out),
                |bytes| w.write_all(bytes),
            )
            .map_err(failed)
        }),
        Format::Json => destination.stream(|w| {
            let writer = render::Writer::new(&grid, dialect);
            sweep::run(
                &plan,
                threads,
                render::json_start(&grid).as_bytes(),
                |first, points, out| writer.json(first, points, out),
                |bytes| w.write_all(bytes),
            )
            .map_err(failed)?;
            Ok(w.write_all(render::JSON_END.as_bytes())?)
        }),
    }
}
