//! `roi pilot -o pilot.html`: the verdict as one self-contained page that
//! tells what the terminal tells — the decision and its reasons, what
//! changed (all channels and by channel) with the range explained, the
//! season check and the other facts, the odds of paying with a chart of
//! the simulated ROI, a chart of monthly leads with the pilot's band, and
//! the plan's months. Printable on A4; every text from an input is escaped.

use super::html::{STYLE, esc};
use super::pilot::{
    CHANGE_HEADER, DIFFERS_HEADER, DIFFERS_NOTE, PLAN_HEADER, RANGE_NOTE, change_row,
    channel_label, differs_rows, heading, metric_rows, plan_rows, reason_lines,
};
use super::pilot::{facts, returns};
use crate::evidence::measure::Measured;
use crate::evidence::measure::cell::Month;
use crate::evidence::measure::funnel::Channel;
use crate::evidence::pilot::odds::Odds;
use crate::evidence::pilot::returns::Returns;
use crate::evidence::pilot::{Kind, Metric, Pilot, PlanReport};
use crate::format::{Fmt, Sign};
use crate::i18n::Lang;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive;
use std::fmt::Write;

/// The page's own rules on top of the report's: long words wrap in the
/// tables of changes, notes are quieter, a fact list breaks between items.
const PAGE_STYLE: &str = "
table.words td, table.words th { white-space: normal; }
table.words td:first-child, table.words td.num { white-space: nowrap; }
.note { color: #5b6475; font-size: 13px; margin: 6px 0 0; }
.facts li { break-inside: avoid; }
.odds svg, .returns svg { width: 100%; height: auto; max-width: 720px; }
table.calendar td { text-align: center; }
table.calendar td.on { background: #c6efce; font-weight: 600; }
tr { break-inside: avoid; }
@media print { .note { font-size: 10px; } .odds svg { max-width: 480px; } }
";

/// The whole page.
pub fn render(p: &Pilot, m: &Measured, f: &Fmt<'_>) -> String {
    let l = f.lang;
    let mut out = head(&heading(p, l), l);
    out.push_str(&decision(p, f));
    if p.pilot.is_some() {
        out.push_str(&changes(p, f));
    }
    out.push_str(&facts_section(p, f));
    if let Some(o) = &p.odds {
        out.push_str(&odds_section(o, f));
    }
    // No leads in the data (a booking system), no chart of them.
    if let Some(svg) = chart(p, m, f) {
        let _ = writeln!(
            out,
            "<section class=\"chart\">\n<h2>{}</h2>\n{svg}\n</section>",
            esc(l.tr("Leads per month"))
        );
    }
    if let Some(r) = &p.returns {
        out.push_str(&returns_section(r, f));
    }
    if let Some(plan) = &p.plan {
        out.push_str(&against_plan(plan, f));
    }
    out.push_str(&foot());
    out
}

/// Whether clients come back: the sentences and the two channels' curves.
fn returns_section(r: &Result<Returns, String>, f: &Fmt<'_>) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<section class=\"returns\">\n<h2>{}</h2>\n<ul class=\"facts\">",
        esc(f.lang.tr(returns::TITLE))
    );
    for line in returns::lines(f, r) {
        let _ = writeln!(out, "<li>{}</li>", esc(&line));
    }
    let _ = writeln!(out, "</ul>");
    if let Ok(r) = r {
        out.push_str(&returns::chart(f, &r.new_clients).unwrap_or_default());
        note(
            &mut out,
            f.lang.tr("The share of the pilot's new clients back after each day since the first visit (Kaplan–Meier); the red line is day 60."),
        );
    }
    let _ = writeln!(out, "</section>");
    out
}

/// The page's end.
pub(crate) fn foot() -> String {
    format!(
        "<footer>roi {}</footer>\n</main>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION")
    )
}

/// The page's opening up to its first heading, `title` in the tab and atop.
pub(crate) fn head(title: &str, l: Lang) -> String {
    let lang = match l {
        Lang::Ru => "ru",
        Lang::En => "en",
    };
    let mut out = String::new();
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}{PAGE_STYLE}</style>\n</head>\n<body>\n<main>\n<h1>{}</h1>\n",
        esc(title),
        esc(title)
    );
    out
}

/// The decision, marked as a loss when it says stop, and its reasons.
pub(crate) fn decision(p: &Pilot, f: &Fmt<'_>) -> String {
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
    out
}

/// A paragraph of quieter text.
pub(crate) fn note(out: &mut String, text: &str) {
    let _ = writeln!(out, "<p class=\"note\">{}</p>", esc(text));
}

/// A table's heading cells and rows, after its opening `<tr>`; the columns
/// `num` picks hold figures and are set right.
pub(crate) fn cells(
    out: &mut String,
    header: &[String],
    rows: Vec<Vec<String>>,
    num: fn(usize) -> bool,
) {
    let class = |i: usize| if num(i) { " class=\"num\"" } else { "" };
    for (i, h) in header.iter().enumerate() {
        let _ = write!(out, "<th{}>{}</th>", class(i), esc(h));
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

/// A section with a heading and one table of words and figures.
pub(crate) fn table_section(
    out: &mut String,
    title: &str,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    num: fn(usize) -> bool,
) {
    let _ = writeln!(
        out,
        "<section>\n<h2>{}</h2>\n<table class=\"words\">\n<tr>",
        esc(title)
    );
    cells(out, &header, rows, num);
    let _ = writeln!(out, "</table>");
}

/// Headings in the reader's language.
fn heads(keys: &[&'static str], l: Lang) -> Vec<String> {
    super::pilot::headings(keys, l)
}

/// What changed over all channels, then the leads of each channel, and
/// what the range means.
fn changes(p: &Pilot, f: &Fmt<'_>) -> String {
    let l = f.lang;
    let mut out = String::new();
    let figures = |i: usize| i > 0 && i < 5;
    table_section(
        &mut out,
        l.tr("What changed (all channels)"),
        heads(&CHANGE_HEADER, l),
        metric_rows(p, f, Channel::All),
        figures,
    );
    if p.metrics.iter().any(|c| c.channel != Channel::All) {
        let _ = writeln!(
            out,
            "<h2>{}</h2>\n<table class=\"words\">\n<tr>",
            esc(l.tr("Leads per month by channel"))
        );
        let mut header = heads(&CHANGE_HEADER, l);
        header[0] = l.tr("Channel").to_string();
        let rows = p
            .metrics
            .iter()
            .filter(|c| c.metric == Metric::Leads)
            .map(|c| change_row(f, c, l.tr(channel_label(c.channel)).to_string()))
            .collect();
        cells(&mut out, &header, rows, figures);
        let _ = writeln!(out, "</table>");
    }
    note(&mut out, l.tr(RANGE_NOTE));
    let _ = writeln!(out, "</section>");
    out
}

/// The question the decision rests on, the season check, the months'
/// variation, open bookings, the assistant's own records, what a pilot can
/// detect and how long the planned rise needs.
fn facts_section(p: &Pilot, f: &Fmt<'_>) -> String {
    let l = f.lang;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<section>\n<h2>{}</h2>\n<ul class=\"facts\">",
        esc(l.tr(if p.pilot.is_some() {
            "The facts behind the decision"
        } else {
            "What the baseline says"
        }))
    );
    for line in facts::facts(p, f) {
        let _ = writeln!(out, "<li>{}</li>", esc(&line));
    }
    let _ = writeln!(out, "</ul>\n</section>");
    out
}

/// The odds of paying in words and as a chart of the simulated ROI.
pub(crate) fn odds_section(o: &Odds, f: &Fmt<'_>) -> String {
    let l = f.lang;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<section class=\"odds\">\n<h2>{}</h2>",
        esc(l.tr("Odds of paying"))
    );
    // The odds in words stand among the reasons above; here their spread.
    out.push_str(&odds_chart(o, f).unwrap_or_default());
    note(
        &mut out,
        &l.fill(
            "The bar is the ROI over the plan's {} in {} simulated futures: the dark part holds the middle half of them, the thin line 90 of 100, the tick the middle one; the red line is zero, where the assistant just pays for itself.",
            &[&l.months(o.months), &f.count(Decimal::from(o.trials), Sign::Plain)],
        ),
    );
    let _ = writeln!(out, "</section>");
    out
}

/// The simulated ROI's spread as one bar on a line of ROI: P5–P95 thin,
/// P25–P75 thick, the median a tick, zero a red line; `None` without the
/// quantiles (no costs, so no ROI).
fn odds_chart(o: &Odds, f: &Fmt<'_>) -> Option<String> {
    let q: Vec<f64> = o
        .quantiles
        .iter()
        .map(|x| x.filter(|v| v.is_finite()))
        .collect::<Option<Vec<f64>>>()?;
    let (lo, hi) = (q[0].min(0.0), q[6].max(0.0));
    let span = (hi - lo).max(1e-9);
    let (left, width) = (40.0, 640.0);
    let x = |v: f64| left + (v - lo) / span * width;
    let pct = |v: f64| Decimal::from_f64(v).map_or("—".into(), |d| f.percent(d, Sign::Plain));
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 720 110\" role=\"img\" aria-label=\"{}\">",
        esc(f.lang.tr("Odds of paying"))
    );
    // The whole scale as a faint axis, so that zero, which may lie far
    // from the bar, reads as a point on the same line.
    let _ = writeln!(
        svg,
        "<line x1=\"{:.1}\" y1=\"45\" x2=\"{:.1}\" y2=\"45\" stroke=\"#c9ced8\" stroke-width=\"1\"/>",
        x(lo),
        x(hi)
    );
    let _ = writeln!(
        svg,
        "<line x1=\"{:.1}\" y1=\"45\" x2=\"{:.1}\" y2=\"45\" stroke=\"#2e5aa0\" stroke-width=\"2\"/>",
        x(q[0]),
        x(q[6])
    );
    let _ = writeln!(
        svg,
        "<rect x=\"{:.1}\" y=\"33\" width=\"{:.1}\" height=\"24\" fill=\"#2e5aa0\" fill-opacity=\"0.75\"/>",
        x(q[2]),
        (x(q[4]) - x(q[2])).max(1.0)
    );
    let _ = writeln!(
        svg,
        "<line x1=\"{0:.1}\" y1=\"27\" x2=\"{0:.1}\" y2=\"63\" stroke=\"#1d2330\" stroke-width=\"3\"/>",
        x(q[3])
    );
    let _ = writeln!(
        svg,
        "<line x1=\"{0:.1}\" y1=\"15\" x2=\"{0:.1}\" y2=\"75\" stroke=\"#c0392b\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>",
        x(0.0)
    );
    let _ = writeln!(
        svg,
        "<text x=\"{:.1}\" y=\"11\" font-size=\"12\" fill=\"#c0392b\" text-anchor=\"middle\">ROI 0{}%</text>",
        x(0.0),
        if f.lang == Lang::Ru { "\u{a0}" } else { "" }
    );
    // The ends and the middle, labelled under the bar.
    for (v, anchor) in [(q[0], "start"), (q[3], "middle"), (q[6], "end")] {
        let _ = writeln!(
            svg,
            "<text x=\"{:.1}\" y=\"95\" font-size=\"13\" fill=\"#1d2330\" text-anchor=\"{anchor}\">{}</text>",
            x(v),
            esc(&pct(v))
        );
    }
    svg.push_str("</svg>\n");
    Some(svg)
}

/// The plan's months planned and actual, and where its baseline differs
/// from the data.
fn against_plan(plan: &PlanReport, f: &Fmt<'_>) -> String {
    let l = f.lang;
    let mut out = String::new();
    table_section(
        &mut out,
        &l.fill("Against the plan «{}»", &[&plan.name]),
        heads(&PLAN_HEADER, l),
        plan_rows(plan, f),
        |i| i > 0,
    );
    let rows = differs_rows(plan, f);
    if !rows.is_empty() {
        let _ = writeln!(
            out,
            "<h2>{}</h2>\n<table class=\"words\">\n<tr>",
            esc(l.tr("The plan's baseline figures against the data"))
        );
        cells(&mut out, &heads(&DIFFERS_HEADER, l), rows, |i| i > 0);
        let _ = writeln!(out, "</table>");
        note(&mut out, l.tr(DIFFERS_NOTE));
    }
    let _ = writeln!(out, "</section>");
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
            // Room above the lines for the legend in the upper left.
            * 1.4
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
                .label(l.tr("pilot: range (95%)"))
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
