//! `roi pilot -o pilot.html`: the verdict as one self-contained page — the
//! decision, the facts behind it, the table of changes and a chart of monthly
//! leads (baseline, pilot, plan) with the pilot's 95% band.

use super::html::{STYLE, esc};
use super::pilot::{
    CHANGE_HEADER, PLAN_HEADER, differs_lines, heading, metric_rows, plan_rows, reason_lines,
};
use crate::evidence::measure::Measured;
use crate::evidence::measure::cell::Month;
use crate::evidence::measure::funnel::Channel;
use crate::evidence::pilot::{Kind, Metric, Pilot, PlanReport};
use crate::format::{Fmt, Sign};
use crate::i18n::Lang;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive;
use std::fmt::Write;

/// The whole page.
pub fn render(p: &Pilot, m: &Measured, f: &Fmt<'_>) -> String {
    let l = f.lang;
    let mut out = head(&heading(p, l), l);
    out.push_str(&decision(p, f));
    let _ = writeln!(
        out,
        "<section class=\"chart\">\n<h2>{}</h2>\n{}\n</section>",
        esc(l.tr("Leads per month")),
        chart(p, m, f).unwrap_or_default()
    );
    if p.pilot.is_some() {
        out.push_str(&changes(p, f));
    }
    if let Some(plan) = &p.plan {
        out.push_str(&against_plan(plan, f));
    }
    let _ = writeln!(
        out,
        "<footer>roi {}</footer>\n</main>\n</body>\n</html>",
        env!("CARGO_PKG_VERSION")
    );
    out
}

/// The page's opening up to its first heading, `title` in the tab and atop.
fn head(title: &str, l: Lang) -> String {
    let lang = match l {
        Lang::Ru => "ru",
        Lang::En => "en",
    };
    let mut out = String::new();
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n<h1>{}</h1>\n",
        esc(title),
        esc(title)
    );
    out
}

/// The decision, marked as a loss when it says stop, and its reasons.
fn decision(p: &Pilot, f: &Fmt<'_>) -> String {
    let mut out = String::new();
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
    // The question the decision rests on, with the interval explained once.
    if let Some(line) = super::pilot::primary_line(p, f) {
        let _ = writeln!(out, "<p>{}</p>", esc(&line));
    }
    out
}

/// A table's heading cells and rows, after its opening `<tr>`; the columns
/// `num` picks hold figures and are set right.
fn cells(
    out: &mut String,
    header: &[&'static str],
    rows: Vec<Vec<String>>,
    l: Lang,
    num: fn(usize) -> bool,
) {
    let class = |i: usize| if num(i) { " class=\"num\"" } else { "" };
    for (i, h) in header.iter().enumerate() {
        let _ = write!(out, "<th{}>{}</th>", class(i), esc(l.tr(h)));
    }
    let _ = writeln!(out, "</tr>");
    for row in rows {
        let _ = write!(out, "<tr>");
        for (i, cell) in row.iter().enumerate() {
            let _ = write!(out, "<td{}>{}</td>", class(i), esc(cell));
        }
        let _ = writeln!(out, "</tr>");
    }
}

/// What changed over all leads: before, pilot and change are figures, the
/// interval and the verdict words.
fn changes(p: &Pilot, f: &Fmt<'_>) -> String {
    let l = f.lang;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<section>\n<h2>{}</h2>\n<table>\n<tr>",
        esc(l.tr("What changed (all leads)"))
    );
    let rows = metric_rows(p, f, Channel::All);
    cells(&mut out, &CHANGE_HEADER, rows, l, |i| i > 0 && i < 5);
    let _ = writeln!(out, "</table>\n</section>");
    out
}

/// The plan's months planned and actual, and where its baseline differs
/// from the data.
fn against_plan(plan: &PlanReport, f: &Fmt<'_>) -> String {
    let l = f.lang;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<section>\n<h2>{}</h2>\n<table>\n<tr>",
        esc(&l.fill("Against the plan «{}»", &[&plan.name]))
    );
    cells(&mut out, &PLAN_HEADER, plan_rows(plan, f), l, |i| i > 0);
    let _ = writeln!(out, "</table>\n<ul>");
    for line in differs_lines(plan, f) {
        let _ = writeln!(out, "<li>{}</li>", esc(&line));
    }
    let _ = writeln!(out, "</ul>\n</section>");
    out
}

/// Monthly leads from the baseline's first month to the pilot's last: the
/// measured line, the baseline's mean, the plan's leads, and the band the
/// pilot's interval puts around the baseline mean.
fn chart(p: &Pilot, m: &Measured, f: &Fmt<'_>) -> Option<String> {
    let lines = Lines::new(p, m)?;
    let n = lines.months.len() as f64;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (880, 360)).into_drawing_area();
        root.fill(&WHITE).ok()?;
        let mut chart = ChartBuilder::on(&root)
            .margin(16)
            .x_label_area_size(44)
            .y_label_area_size(70)
            .build_cartesian_2d(-0.5..(n - 0.5), 0.0..lines.top())
            .ok()?;
        axes(&mut chart, &lines.months, f)?;
        lines.draw(&mut chart, f.lang)?;
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

/// The chart's area: x is a month's place from the baseline's first, y leads.
type Chart<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// What the chart shows, in its coordinates: x is a month's place from the
/// baseline's first month.
struct Lines {
    /// The baseline's first month to the pilot's last.
    months: Vec<Month>,
    /// The measured leads of each month that has them.
    leads: Vec<(f64, f64)>,
    /// The baseline's mean leads per month.
    mean: f64,
    /// The pilot's 95% interval as leads around the mean, when it has a top.
    band: Option<(f64, f64)>,
    /// The plan's leads in the months it shares with the chart.
    plan: Vec<(f64, f64)>,
    /// Where the pilot starts, when there is one.
    first_pilot: Option<f64>,
}

impl Lines {
    /// `None` when the baseline has no leads to draw around.
    fn new(p: &Pilot, m: &Measured) -> Option<Lines> {
        let last = p.pilot.map_or(p.baseline.to, |x| x.to);
        let months: Vec<Month> = p.baseline.from.through(last).collect();
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
        let plan = p
            .plan
            .as_ref()
            .map(|r| plan_points(r, &months))
            .unwrap_or_default();
        let first_pilot = p.pilot.map(|x| p.baseline.from.span(x.from) as f64 - 1.0);
        Some(Lines {
            months,
            leads,
            mean,
            band,
            plan,
            first_pilot,
        })
    }

    /// The y axis's top: the highest line or band, with room for the legend.
    fn top(&self) -> f64 {
        self.leads
            .iter()
            .map(|p| p.1)
            .chain(self.plan.iter().map(|p| p.1))
            .chain(self.band.map(|b| b.1))
            .fold(self.mean, f64::max)
            * 1.15
    }

    /// The band under the lines, then the mean, the plan and the measured
    /// leads with a dot on each month, each named in the legend.
    fn draw(&self, chart: &mut Chart<'_, '_>, l: Lang) -> Option<()> {
        let n = self.months.len() as f64;
        let blue = RGBColor(46, 90, 160);
        if let (Some((lo, hi)), Some(start)) = (self.band, self.first_pilot) {
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
                [(-0.5, self.mean), (n - 0.5, self.mean)],
                BLACK.mix(0.5),
            ))
            .ok()?
            .label(l.tr("baseline mean"))
            .legend(|(x, y)| PathElement::new([(x, y), (x + 14, y)], BLACK.mix(0.5)));
        if !self.plan.is_empty() {
            chart
                .draw_series(LineSeries::new(
                    self.plan.iter().copied(),
                    RGBColor(192, 57, 43).stroke_width(2),
                ))
                .ok()?
                .label(l.tr("plan"))
                .legend(|(x, y)| {
                    PathElement::new([(x, y), (x + 14, y)], RGBColor(192, 57, 43).stroke_width(2))
                });
        }
        chart
            .draw_series(LineSeries::new(
                self.leads.iter().copied(),
                blue.stroke_width(3),
            ))
            .ok()?
            .label(l.tr("measured leads"))
            .legend(move |(x, y)| PathElement::new([(x, y), (x + 14, y)], blue.stroke_width(3)));
        chart
            .draw_series(
                self.leads
                    .iter()
                    .map(|&(x, y)| Circle::new((x, y), 4, blue.filled())),
            )
            .ok()?;
        Some(())
    }
}

/// The plan's leads placed on the chart's months; a planned month outside
/// them is left out.
fn plan_points(plan: &PlanReport, months: &[Month]) -> Vec<(f64, f64)> {
    plan.months
        .iter()
        .filter_map(|pm| {
            let i = months.iter().position(|x| *x == pm.month)?;
            Some((
                i as f64,
                rust_decimal::prelude::ToPrimitive::to_f64(&pm.planned[0])?,
            ))
        })
        .collect()
}

/// The grid, with each month named under its place and leads in the
/// reader's numbers.
fn axes(chart: &mut Chart<'_, '_>, months: &[Month], f: &Fmt<'_>) -> Option<()> {
    chart
        .configure_mesh()
        .label_style(("sans-serif", 16))
        .x_labels(months.len())
        .x_label_formatter(&|x| {
            let i = x.round();
            if (x - i).abs() > 0.01 || i < 0.0 {
                return String::new();
            }
            months
                .get(i as usize)
                .map_or(String::new(), |m| m.to_string())
        })
        .y_label_formatter(&|y| {
            Decimal::from_f64(*y).map_or(String::new(), |d| f.count(d.round(), Sign::Plain))
        })
        .light_line_style(RGBColor(240, 242, 245))
        .draw()
        .ok()
}
