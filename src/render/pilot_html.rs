//! `roi pilot -o pilot.html`: the verdict as one self-contained page — the
//! decision, the facts behind it, the table of changes and a chart of monthly
//! leads (baseline, pilot, plan) with the pilot's 95% band.

use super::html::{STYLE, esc};
use super::pilot::{
    CHANGE_HEADER, PLAN_HEADER, differs_lines, metric_rows, plan_rows, reason_lines,
};
use crate::evidence::measure::Measured;
use crate::evidence::measure::funnel::Channel;
use crate::evidence::pilot::{Kind, Metric, Pilot};
use crate::format::{Fmt, Sign};
use crate::i18n::Lang;
use plotters::prelude::*;
use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive;
use std::fmt::Write;

/// The whole page.
pub fn render(p: &Pilot, m: &Measured, f: &Fmt<'_>) -> String {
    let l = f.lang;
    let lang = match l {
        Lang::Ru => "ru",
        Lang::En => "en",
    };
    let title = match p.pilot {
        Some(pilot) => l.fill(
            "Pilot {} ({}) against the baseline {} ({})",
            &[
                &pilot,
                &l.months(pilot.months()),
                &p.baseline,
                &l.months(p.baseline.months()),
            ],
        ),
        None => l.fill(
            "Planning a pilot against the baseline {} ({})",
            &[&p.baseline, &l.months(p.baseline.months())],
        ),
    };
    let mut out = String::new();
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n<h1>{}</h1>\n",
        esc(&title),
        esc(&title)
    );
    let (headline, lines) = reason_lines(p, f);
    if !headline.is_empty() {
        let loss = matches!(p.decision.kind, Kind::Stop);
        let _ = writeln!(
            out,
            "<p class=\"answer{}\">{}</p>\n<ul>",
            if loss { " loss" } else { "" },
            esc(&headline)
        );
        for line in lines {
            let _ = writeln!(out, "<li>{}</li>", esc(&line));
        }
        let _ = writeln!(out, "</ul>");
    }
    let _ = writeln!(
        out,
        "<section class=\"chart\">\n<h2>{}</h2>\n{}\n</section>",
        esc(l.tr("Leads per month")),
        chart(p, m, f).unwrap_or_default()
    );
    if p.pilot.is_some() {
        let _ = writeln!(
            out,
            "<section>\n<h2>{}</h2>\n<table>\n<tr>",
            esc(l.tr("What changed (all leads)"))
        );
        for (i, h) in CHANGE_HEADER.iter().enumerate() {
            let class = if i > 0 && i < 5 { " class=\"num\"" } else { "" };
            let _ = write!(out, "<th{class}>{}</th>", esc(l.tr(h)));
        }
        let _ = writeln!(out, "</tr>");
        for row in metric_rows(p, f, Channel::All) {
            let _ = write!(out, "<tr>");
            for (i, cell) in row.iter().enumerate() {
                let class = if i > 0 && i < 5 { " class=\"num\"" } else { "" };
                let _ = write!(out, "<td{class}>{}</td>", esc(cell));
            }
            let _ = writeln!(out, "</tr>");
        }
        let _ = writeln!(out, "</table>\n</section>");
    }
    if let Some(plan) = &p.plan {
        let _ = writeln!(
            out,
            "<section>\n<h2>{}</h2>\n<table>\n<tr>",
            esc(&l.fill("Against the plan «{}»", &[&plan.name]))
        );
        for (i, h) in PLAN_HEADER.iter().enumerate() {
            let class = if i > 0 { " class=\"num\"" } else { "" };
            let _ = write!(out, "<th{class}>{}</th>", esc(l.tr(h)));
        }
        let _ = writeln!(out, "</tr>");
        for row in plan_rows(plan, f) {
            let _ = write!(out, "<tr>");
            for (i, cell) in row.iter().enumerate() {
                let class = if i > 0 { " class=\"num\"" } else { "" };
                let _ = write!(out, "<td{class}>{}</td>", esc(cell));
            }
            let _ = writeln!(out, "</tr>");
        }
        let _ = writeln!(out, "</table>\n<ul>");
        for line in differs_lines(plan, f) {
            let _ = writeln!(out, "<li>{}</li>", esc(&line));
        }
        let _ = writeln!(out, "</ul>\n</section>");
    }
    let _ = writeln!(
        out,
        "<footer>roi {}</footer>\n</main>\n</body>\n</html>",
        env!("CARGO_PKG_VERSION")
    );
    out
}

/// Monthly leads from the baseline's first month to the pilot's last: the
/// measured line, the baseline's mean, the plan's leads, and the band the
/// pilot's interval puts around the baseline mean.
fn chart(p: &Pilot, m: &Measured, f: &Fmt<'_>) -> Option<String> {
    let l = f.lang;
    let last = p.pilot.map_or(p.baseline.to, |x| x.to);
    let months: Vec<_> = p.baseline.from.through(last).collect();
    let leads: Vec<(f64, f64)> = months
        .iter()
        .enumerate()
        .filter_map(|(i, month)| {
            Some((
                i as f64,
                m.funnel.tally(*month, Channel::All)?.leads? as f64,
            ))
        })
        .collect();
    let mean = p.baseline_leads?;
    let band = p
        .find(Metric::Leads, Channel::All)
        .and_then(|c| Some((mean * (1.0 + c.low?), mean * (1.0 + c.high?))))
        .filter(|(_, h)| h.is_finite());
    let plan: Vec<(f64, f64)> = p
        .plan
        .as_ref()
        .map(|r| {
            r.months
                .iter()
                .filter_map(|pm| {
                    let i = months.iter().position(|x| *x == pm.month)?;
                    Some((
                        i as f64,
                        rust_decimal::prelude::ToPrimitive::to_f64(&pm.planned[0])?,
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
    let top = leads
        .iter()
        .map(|p| p.1)
        .chain(plan.iter().map(|p| p.1))
        .chain(band.map(|b| b.1))
        .fold(mean, f64::max)
        * 1.15;
    let n = months.len() as f64;
    let first_pilot = p.pilot.map(|x| p.baseline.from.span(x.from) as f64 - 1.0);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (880, 360)).into_drawing_area();
        root.fill(&WHITE).ok()?;
        let mut chart = ChartBuilder::on(&root)
            .margin(16)
            .x_label_area_size(44)
            .y_label_area_size(70)
            .build_cartesian_2d(-0.5..(n - 0.5), 0.0..top)
            .ok()?;
        let labels = months.clone();
        chart
            .configure_mesh()
            .label_style(("sans-serif", 16))
            .x_labels(months.len())
            .x_label_formatter(&|x| {
                let i = x.round();
                if (x - i).abs() > 0.01 || i < 0.0 {
                    return String::new();
                }
                labels
                    .get(i as usize)
                    .map_or(String::new(), |m| m.to_string())
            })
            .y_label_formatter(&|y| {
                Decimal::from_f64(*y).map_or(String::new(), |d| f.count(d.round(), Sign::Plain))
            })
            .light_line_style(RGBColor(240, 242, 245))
            .draw()
            .ok()?;
        let blue = RGBColor(46, 90, 160);
        if let (Some((lo, hi)), Some(start)) = (band, first_pilot) {
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [(start - 0.5, lo), (n - 0.5, hi)],
                    RGBColor(46, 139, 87).mix(0.15).filled(),
                )))
                .ok()?
                .label(l.tr("the pilot's 95% interval"))
                .legend(|(x, y)| {
                    Rectangle::new(
                        [(x, y - 5), (x + 14, y + 5)],
                        RGBColor(46, 139, 87).mix(0.3).filled(),
                    )
                });
        }
        chart
            .draw_series(LineSeries::new(
                [(-0.5, mean), (n - 0.5, mean)],
                BLACK.mix(0.5),
            ))
            .ok()?
            .label(l.tr("baseline mean"))
            .legend(|(x, y)| PathElement::new([(x, y), (x + 14, y)], BLACK.mix(0.5)));
        if !plan.is_empty() {
            chart
                .draw_series(LineSeries::new(
                    plan.iter().copied(),
                    RGBColor(192, 57, 43).stroke_width(2),
                ))
                .ok()?
                .label(l.tr("plan"))
                .legend(|(x, y)| {
                    PathElement::new([(x, y), (x + 14, y)], RGBColor(192, 57, 43).stroke_width(2))
                });
        }
        chart
            .draw_series(LineSeries::new(leads.iter().copied(), blue.stroke_width(3)))
            .ok()?
            .label(l.tr("measured leads"))
            .legend(move |(x, y)| PathElement::new([(x, y), (x + 14, y)], blue.stroke_width(3)));
        chart
            .draw_series(
                leads
                    .iter()
                    .map(|&(x, y)| Circle::new((x, y), 4, blue.filled())),
            )
            .ok()?;
        chart
            .configure_series_labels()
            .label_font(("sans-serif", 15))
            .background_style(WHITE.mix(0.9))
            .border_style(BLACK.mix(0.2))
            .position(SeriesLabelPosition::UpperLeft)
            .draw()
            .ok()?;
        root.present().ok()?;
    }
    Some(svg)
}
