//! `roi report`: one self-contained HTML page (inline CSS and SVG, nothing
//! fetched, no scripts) with the answer, the tables, the assumptions and a
//! chart of cumulative net cash flow with the payback point marked. It
//! prints on A4: the answer, the summary, the chart and the funnel on the
//! first page, the projections and assumptions after.

use super::Medium;
use super::table::{self, Tone};
use crate::forecast::report::Report;
use crate::format::{Fmt, Sign};
use crate::i18n::Lang;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rust_decimal::Decimal;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use std::fmt::Write;

/// The page's style: readable on screen, compact on paper.
pub(crate) const STYLE: &str = "
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif;
       margin: 0; background: #f5f6f8; color: #1d2330; }
main { max-width: 960px; margin: 0 auto; padding: 32px 24px 48px; background: #fff; }
h1 { font-size: 26px; margin: 0 0 8px; }
h2 { font-size: 18px; margin: 28px 0 10px; border-bottom: 1px solid #dde1e8; padding-bottom: 4px; }
.answer { font-size: 20px; font-weight: 600; margin: 12px 0 4px; padding: 14px 18px;
          background: #eef6ee; border-left: 6px solid #2e8b57; }
.answer.loss { background: #fbeeee; border-left-color: #c0392b; }
.sub { color: #5b6475; margin: 0 0 8px; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; font-size: 14px; }
th, td { padding: 5px 10px; border-bottom: 1px solid #eceef2; text-align: left; white-space: nowrap; }
th { background: #f7f8fa; font-weight: 600; }
td.num, th.num { text-align: right; }
td.gain { color: #1e7b43; } td.loss { color: #b03a2e; }
.chart svg { width: 100%; height: auto; }
ul { padding-left: 20px; } li { margin: 4px 0; }
footer { margin-top: 32px; color: #8a93a3; font-size: 12px; }
@page { size: A4; margin: 12mm 14mm; }
@media print {
  body { background: #fff; font-size: 11px; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 20px; margin-bottom: 4px; }
  h2 { font-size: 14px; margin: 12px 0 6px; break-after: avoid; }
  .answer { font-size: 15px; padding: 8px 12px; border: 1px solid #999; margin: 6px 0 2px; }
  table { font-size: 11px; }
  th, td { padding: 2px 8px; }
  section, table, .chart { break-inside: avoid; }
  .projection { break-before: page; }
  .chart svg { max-height: 300px; }
  footer { margin-top: 12px; }
}
";

/// Escapes text for HTML.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The whole page.
pub fn render(report: &Report, f: &Fmt<'_>) -> String {
    let l = f.lang;
    let horizon = l.months(report.scenario.inputs.months);
    let headline = table::headline(report, f, &horizon);
    let losing = report.projection.summary.net < Decimal::ZERO;
    let mut out = String::new();
    let lang = match l {
        Lang::Ru => "ru",
        Lang::En => "en",
    };
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
        esc(&report.scenario.name)
    );
    let _ = writeln!(out, "<h1>{}</h1>", esc(&report.scenario.name));
    let _ = writeln!(
        out,
        "<p class=\"sub\">{}</p>",
        esc(&table::projection(report, f))
    );
    let _ = writeln!(
        out,
        "<p class=\"answer{}\">{}</p>",
        if losing { " loss" } else { "" },
        esc(&headline)
    );
    // The summary stays with the answer it explains; the chart and the
    // funnel follow, the month-by-month detail goes to the next page.
    let mut sections = table::sections(report, f);
    // Model v2's cost lines, when the scenario has them, come after the four.
    let extra = sections.split_off(4.min(sections.len()));
    let [funnel, summary, monthly, annual] = <[table::Section; 4]>::try_from(sections)
        .unwrap_or_else(|_| unreachable!("calc has four sections"));
    section_html(&mut out, &summary, "");
    let _ = writeln!(
        out,
        "<section class=\"chart\">\n<h2>{}</h2>\n{}\n</section>",
        esc(l.tr("Cumulative net cash flow")),
        chart(report, f).unwrap_or_default()
    );
    section_html(&mut out, &funnel, "");
    section_html(&mut out, &monthly, " class=\"projection\"");
    section_html(&mut out, &annual, "");
    for section in &extra {
        section_html(&mut out, section, "");
    }
    let _ = writeln!(
        out,
        "<section>\n<h2>{}</h2>\n<ul>",
        esc(l.tr("Assumptions"))
    );
    for note in table::assumptions(report, f, Medium::Page) {
        let _ = writeln!(out, "<li>{}</li>", esc(&note));
    }
    let _ = writeln!(
        out,
        "</ul>\n</section>\n<footer>roi {}</footer>\n</main>\n</body>\n</html>",
        env!("CARGO_PKG_VERSION")
    );
    out
}

/// One section as an HTML table; `attributes` go on the `<section>`.
fn section_html(out: &mut String, section: &table::Section, attributes: &str) {
    {
        let _ = writeln!(
            out,
            "<section{attributes}>\n<h2>{}</h2>\n<table>",
            esc(&section.title)
        );
        if !section.header.is_empty() {
            out.push_str("<thead><tr>");
            for (i, h) in section.header.iter().enumerate() {
                let class = if i >= section.right_from {
                    " class=\"num\""
                } else {
                    ""
                };
                let _ = write!(out, "<th{class}>{}</th>", esc(h));
            }
            out.push_str("</tr></thead>\n");
        }
        out.push_str("<tbody>\n");
        for row in &section.rows {
            out.push_str("<tr>");
            for (i, e) in row.iter().enumerate() {
                let mut classes = Vec::new();
                if i >= section.right_from {
                    classes.push("num");
                }
                match e.tone {
                    Tone::Gain => classes.push("gain"),
                    Tone::Loss => classes.push("loss"),
                    Tone::Plain => {}
                }
                let class = if classes.is_empty() {
                    String::new()
                } else {
                    format!(" class=\"{}\"", classes.join(" "))
                };
                let _ = write!(out, "<td{class}>{}</td>", esc(&e.text));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }
}

/// Green for cash at or above zero, as the tables tone a gain.
const GAIN: RGBColor = RGBColor(46, 139, 87);

/// Red for cash below zero, and for the payback line.
const LOSS: RGBColor = RGBColor(192, 57, 43);

/// The chart's plotting area: months across, cash up.
type Plot<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// How far the cash axis runs: the lowest and highest cash position (zero
/// included) and the margin kept beyond each.
struct Span {
    low: f64,
    high: f64,
    pad: f64,
}

/// The cash position month by month (setup paid at month 0) as an SVG line,
/// with zero and break-even marked; `None` only if drawing fails.
fn chart(report: &Report, f: &Fmt<'_>) -> Option<String> {
    let l = f.lang;
    let months = report.scenario.inputs.months as f64;
    let points = cash_points(report);
    let low = points.iter().map(|p| p.1).fold(0.0, f64::min);
    let high = points.iter().map(|p| p.1).fold(0.0, f64::max);
    let pad = ((high - low) * 0.08).max(1.0);
    let span = Span { low, high, pad };
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (880, 380)).into_drawing_area();
        root.fill(&WHITE).ok()?;
        let mut chart = ChartBuilder::on(&root)
            .margin(16)
            .x_label_area_size(44)
            .y_label_area_size(130)
            .build_cartesian_2d(0.0..months, (low - pad)..(high + pad))
            .ok()?;
        let money = |y: &f64| {
            Decimal::from_f64(*y).map_or_else(String::new, |d| f.money(d.round(), Sign::Plain))
        };
        chart
            .configure_mesh()
            .label_style(("sans-serif", 17))
            .axis_desc_style(("sans-serif", 18))
            .x_desc(l.tr("Month"))
            .x_labels(report.scenario.inputs.months.min(24) as usize + 1)
            .x_label_formatter(&|x| format!("{x:.0}"))
            .y_label_formatter(&money)
            .light_line_style(RGBColor(240, 242, 245))
            .draw()
            .ok()?;
        chart
            .draw_series(LineSeries::new([(0.0, 0.0), (months, 0.0)], BLACK.mix(0.5)))
            .ok()?;
        chart
            .draw_series(
                // Neutral fill: the dots say gain or loss, the area only shows the shape.
                AreaSeries::new(
                    points.iter().copied(),
                    0.0,
                    RGBColor(90, 110, 140).mix(0.12),
                )
                .border_style(RGBColor(60, 80, 110).stroke_width(3)),
            )
            .ok()?;
        chart
            .draw_series(points.iter().map(|&(x, y)| {
                let colour = if y < 0.0 { LOSS } else { GAIN };
                Circle::new((x, y), 4, colour.filled())
            }))
            .ok()?;
        if let Some(exact) = report
            .projection
            .summary
            .payback_months
            .filter(|_| !report.projection.summary.total_cost.is_zero())
        {
            payback_mark(&mut chart, f, exact, months, &span)?;
        }
        root.present().ok()?;
    }
    Some(svg)
}

/// The cash position at month 0 (the setup paid) and at the end of each month.
fn cash_points(report: &Report) -> Vec<(f64, f64)> {
    let to_f64 = |d: Decimal| d.to_f64().unwrap_or(0.0);
    let mut points = vec![(0.0, -to_f64(report.scenario.inputs.setup_cost))];
    points.extend(
        report
            .projection
            .monthly
            .iter()
            .map(|m| (f64::from(m.month), to_f64(m.cumulative_net))),
    );
    points
}

/// A line at the payback point, `exact` months in, labelled with the same
/// words and figure as the summary's "Payback" row.
fn payback_mark(
    chart: &mut Plot<'_, '_>,
    f: &Fmt<'_>,
    exact: Decimal,
    months: f64,
    span: &Span,
) -> Option<()> {
    let Span { low, high, pad } = *span;
    let payback = exact.to_f64().unwrap_or(0.0);
    chart
        .draw_series(LineSeries::new(
            [(payback, low - pad), (payback, high + pad)],
            LOSS.stroke_width(2),
        ))
        .ok()?;
    let label = f.lang.fill("payback {}", &[&table::months_text(f, exact)]);
    chart
        .draw_series(std::iter::once({
            // Late in the horizon the label goes left of the line, so it stays on the chart.
            let side = if payback > months / 2.0 {
                HPos::Right
            } else {
                HPos::Left
            };
            let font = ("sans-serif", 18)
                .into_font()
                .color(&LOSS)
                .pos(Pos::new(side, VPos::Center));
            Text::new(format!(" {label} "), (payback, high + pad * 0.4), font)
        }))
        .ok()?;
    Some(())
}
