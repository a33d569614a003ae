//! `roi simulate` output: percentiles, odds and a histogram for people; the
//! same figures as JSON or tidy CSV; every trial as CSV for an audit trail.

use super::csv::{Dialect, Rows};
use super::fit::{Grid, wrap};
use super::json::Exact;
use super::xlsx::{Book, Value};
use crate::forecast::scenario::{Scenario, Uncertain};
use crate::forecast::simulate::{Model, PERCENTILES, Report, Run, Stats};
use crate::format::{Fmt, Sign};
use crate::i18n::Lang;
use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive;
use serde::Serialize;
use std::io::{self, Write};

/// How a metric's values read.
#[derive(Clone, Copy)]
enum Unit {
    Ratio,
    Money,
    Months,
}

/// A metric: its JSON name, label, unit and statistics.
type Metric<'r> = (&'static str, &'static str, Unit, &'r Stats);

/// The reported metrics: JSON name, label, unit, statistics.
fn metrics(r: &Report) -> [Metric<'_>; 4] {
    [
        ("roi", "ROI over the horizon", Unit::Ratio, &r.roi),
        ("net", "Net", Unit::Money, &r.net),
        ("npv", "NPV", Unit::Money, &r.npv),
        (
            "payback_months",
            "Payback, months",
            Unit::Months,
            &r.payback,
        ),
    ]
}

/// Rounds for output: money to 2 places, ratios and months to 8 (half away from zero).
fn rounded(v: f64, unit: Unit) -> Option<Decimal> {
    let places = match unit {
        Unit::Money => 2,
        Unit::Ratio | Unit::Months => 8,
    };
    Decimal::from_f64(v).map(|d| crate::format::round(d, places))
}

fn shown(v: Option<f64>, unit: Unit, f: &Fmt<'_>) -> String {
    let Some(d) = v.and_then(|v| rounded(v, unit)) else {
        return "—".to_string();
    };
    match unit {
        Unit::Ratio => f.percent(d, Sign::Plain),
        Unit::Money => f.money(d, Sign::Plain),
        Unit::Months => f.number(d, 2),
    }
}

fn ranges_text(ranges: &[(crate::forecast::scenario::Key, Uncertain)], f: &Fmt<'_>) -> String {
    let list: Vec<String> = ranges
        .iter()
        .map(|(k, r)| format!("{} {}", k.path(), super::range_text(f, *k, r)))
        .collect();
    f.lang.fill("Ranges: {}.", &[&list.join("; ")])
}

/// The report for people, `width` columns wide at most: the statistics with
/// metrics as rows, or, when that is too wide, with metrics as columns.
pub fn table(scenario: &Scenario, r: &Report, f: &Fmt<'_>, width: usize) -> String {
    let l = f.lang;
    let mut out = heading(scenario, r, f, width);
    out.push('\n');
    let drawn = statistics(scenario, r, f, width);
    out.push_str(&drawn);
    out.push('\n');
    out.push_str(&odds(r, f, width));
    out.push_str(&histogram(r, f, width));
    out.push('\n');
    out.push_str(&wrap(&ranges_text(&scenario.ranges, f), width, ""));
    out.push('\n');
    if drawn.contains(DASH) || out.contains(DASH) {
        out.push_str(&wrap(l.tr("A dash marks a figure that does not exist: the mean or a percentile of payback that falls on trials that do not pay back within the horizon."), width, ""));
        out.push('\n');
    }
    out.push_str(&wrap(l.tr("Statistics come from binary floating point runs of the same model as `roi calc`; sampling error is far larger than rounding."), width, ""));
    out.push('\n');
    out
}

/// What was run: the scenario, how many trials, the seed that repeats them
/// and the horizon.
fn heading(scenario: &Scenario, r: &Report, f: &Fmt<'_>, width: usize) -> String {
    let l = f.lang;
    wrap(
        &l.fill(
            "{} — {} (seed {}), {}-month horizon",
            &[
                &scenario.name,
                &l.counted(
                    r.trials,
                    &f.count(r.trials.into(), Sign::Plain),
                    TRIALS_EN,
                    TRIALS_RU,
                ),
                &r.seed,
                &r.months,
            ],
        ),
        width,
        "",
    )
}

/// The mean and percentiles of each metric, metrics as rows; when that does
/// not fit `width`, turned so that the metrics are the columns.
fn statistics(scenario: &Scenario, r: &Report, f: &Fmt<'_>, width: usize) -> String {
    let l = f.lang;
    let statistics: Vec<String> = std::iter::once(l.tr("Mean").to_string())
        .chain(PERCENTILES.iter().map(|p| format!("P{p}")))
        .collect();
    let mut wide = Grid::new(
        std::iter::once(String::new())
            .chain(statistics.iter().cloned())
            .collect(),
        1,
    );
    // NPV equals net without discounting, as calc's table says; it is shown only with a rate.
    let shown_metrics: Vec<Metric<'_>> = metrics(r)
        .into_iter()
        .filter(|(name, ..)| *name != "npv" || !scenario.inputs.discount_rate.is_zero())
        .collect();
    for (_, label, unit, stats) in &shown_metrics {
        let mut row = vec![l.tr(label).to_string(), shown(stats.mean, *unit, f)];
        row.extend(stats.percentiles.iter().map(|p| shown(*p, *unit, f)));
        wide.row(row);
    }
    wide.draw_whole(width)
        .unwrap_or_else(|| tall(&statistics, &shown_metrics, f, width))
}

/// The statistics with a column per metric and a row per statistic, for
/// terminals too narrow for seven percentiles side by side.
fn tall(statistics: &[String], shown_metrics: &[Metric<'_>], f: &Fmt<'_>, width: usize) -> String {
    let l = f.lang;
    let mut tall = Grid::new(
        std::iter::once(String::new())
            .chain(
                shown_metrics
                    .iter()
                    .map(|(_, label, _, _)| l.tr(label).to_string()),
            )
            .collect(),
        1,
    );
    for (i, statistic) in statistics.iter().enumerate() {
        let mut row = vec![statistic.clone()];
        for (_, _, unit, stats) in shown_metrics {
            let v = if i == 0 {
                stats.mean
            } else {
                stats.percentiles[i - 1]
            };
            row.push(shown(v, *unit, f));
        }
        tall.row(row);
    }
    tall.draw(width)
}

/// The chances that matter to an owner: a positive ROI, and payback within
/// 3, 6 and 12 months and the horizon; each line ends with a newline.
fn odds(r: &Report, f: &Fmt<'_>, width: usize) -> String {
    let l = f.lang;
    let p = |x: Option<f64>| {
        x.and_then(Decimal::from_f64)
            .map_or_else(|| DASH.to_string(), |d| f.percent(d, Sign::Plain))
    };
    let mut out = wrap(
        &l.fill("Chance that ROI > 0: {}", &[&p(r.roi_positive)]),
        width,
        "",
    );
    out.push('\n');
    out.push_str(&wrap(
        &l.fill(
            "Chance of payback within 3 months: {}, 6 months: {}, 12 months: {}, the horizon ({} months): {}",
            &[
                &p(r.payback_within[0]),
                &p(r.payback_within[1]),
                &p(r.payback_within[2]),
                &r.months,
                &p(Some(r.payback_within_horizon)),
            ],
        ),
        width,
        "",
    ));
    out.push('\n');
    out
}

/// The spread of ROI as a bar per bin, after a blank line; nothing when
/// there are no bins.
fn histogram(r: &Report, f: &Fmt<'_>, width: usize) -> String {
    let mut out = String::new();
    if r.histogram.is_empty() {
        return out;
    }
    out.push('\n');
    out.push_str(&wrap(
        f.lang.tr("ROI over the horizon, trials per bin"),
        width,
        "",
    ));
    out.push('\n');
    let most = r.histogram.iter().map(|b| b.2).max().unwrap_or(1).max(1);
    let digits = most.to_string().len();
    // `from … to bar count`: the bar takes what the figures leave.
    let longest = 40
        .min(width.saturating_sub(10 + 3 + 10 + 1 + 1 + digits))
        .max(1) as u64;
    for (from, to, count) in &r.histogram {
        let bar = "█".repeat(((*count * longest).div_ceil(most)) as usize);
        out.push_str(&format!(
            "{:>10} … {:>10} {bar} {count}\n",
            shown(Some(*from), Unit::Ratio, f),
            shown(Some(*to), Unit::Ratio, f)
        ));
    }
    out
}

/// "trial" in English's two forms and Russian's three (1 прогон, 2 прогона, 5 прогонов).
const TRIALS_EN: [&str; 2] = ["trial", "trials"];
const TRIALS_RU: [&str; 3] = ["прогон", "прогона", "прогонов"];

/// What an undefined figure shows.
const DASH: &str = "—";

/// The report as a workbook: the statistics, the odds, the histogram and
/// the ranges drawn, one sheet each.
pub fn xlsx(
    scenario: &Scenario,
    r: &Report,
    lang: Lang,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut book = Book::new(lang, &scenario.currency);
    statistics_sheet(&mut book, scenario, r, lang)?;
    odds_sheet(&mut book, r, lang)?;
    histogram_sheet(&mut book, r, lang)?;
    ranges_sheet(&mut book, scenario, lang)?;
    book.bytes()
}

/// A statistic as a workbook cell of its unit's kind; empty where the figure
/// does not exist.
fn cell(v: Option<f64>, unit: Unit) -> Value {
    match v.and_then(|v| rounded(v, unit)) {
        None => Value::Empty,
        Some(d) => match unit {
            Unit::Ratio => Value::Ratio(d),
            Unit::Money => Value::Money(d),
            Unit::Months => Value::Months(d),
        },
    }
}

/// The sheet of each metric's mean and percentiles, under a title naming the
/// run.
fn statistics_sheet(
    book: &mut Book,
    scenario: &Scenario,
    r: &Report,
    l: Lang,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    let mut sheet = book.sheet(l.tr("Statistics"))?;
    sheet.title(&format!(
        "{} — {}",
        scenario.name,
        l.fill("{} trials, seed {}", &[&r.trials, &r.seed])
    ))?;
    sheet.blank();
    let mut header = vec![String::new(), l.tr("Mean").to_string()];
    header.extend(PERCENTILES.iter().map(|p| format!("P{p}")));
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    sheet.header(&header, 1)?;
    for (_, label, unit, stats) in metrics(r) {
        let mut row = vec![Value::text(l.tr(label)), cell(stats.mean, unit)];
        row.extend(stats.percentiles.iter().map(|p| cell(*p, unit)));
        sheet.row(&row)?;
    }
    book.add(sheet)
}

/// The sheet of the chances of a positive ROI and of payback in time.
fn odds_sheet(book: &mut Book, r: &Report, l: Lang) -> Result<(), rust_xlsxwriter::XlsxError> {
    let mut sheet = book.sheet(l.tr("Odds"))?;
    sheet.header(&[l.tr("Event"), l.tr("Chance")], 1)?;
    let events = [
        "ROI > 0",
        "Payback within 3 months",
        "Payback within 6 months",
        "Payback within 12 months",
        "Payback within the horizon",
    ];
    for (event, (_, chance)) in events.iter().zip(probabilities(r)) {
        sheet.row(&[Value::text(l.tr(event)), Value::ratio(chance)])?;
    }
    book.add(sheet)
}

/// The sheet of ROI's bins and the trials in each.
fn histogram_sheet(book: &mut Book, r: &Report, l: Lang) -> Result<(), rust_xlsxwriter::XlsxError> {
    let mut sheet = book.sheet(l.tr("Histogram"))?;
    sheet.header(&[l.tr("ROI from"), l.tr("ROI to"), l.tr("Trials")], 0)?;
    for (from, to, trials) in &r.histogram {
        sheet.row(&[
            cell(Some(*from), Unit::Ratio),
            cell(Some(*to), Unit::Ratio),
            Value::Whole(*trials),
        ])?;
    }
    book.add(sheet)
}

/// The sheet of the ranges the trials drew from, so the workbook says what
/// was uncertain.
fn ranges_sheet(
    book: &mut Book,
    scenario: &Scenario,
    l: Lang,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    let mut sheet = book.sheet(l.tr("Ranges"))?;
    sheet.header(
        &[
            l.tr("Input"),
            l.tr("Low"),
            l.tr("High"),
            l.tr("Likeliest"),
            l.tr("Distribution"),
        ],
        1,
    )?;
    for (key, u) in &scenario.ranges {
        sheet.row(&[
            Value::text(key.path()),
            Value::key(*key, u.low),
            Value::key(*key, u.high),
            u.mode.map_or(Value::Empty, |m| Value::key(*key, m)),
            Value::text(super::dist_text(l, u.dist)),
        ])?;
    }
    book.add(sheet)
}

/// One metric's statistics in JSON; null where the figure does not exist.
#[derive(Serialize)]
struct JsonStats {
    /// Mean over all trials; null if any trial has no value.
    mean: Option<Exact>,
    /// 5th percentile (linear interpolation between closest ranks).
    p5: Option<Exact>,
    /// 10th percentile.
    p10: Option<Exact>,
    /// 25th percentile.
    p25: Option<Exact>,
    /// Median.
    p50: Option<Exact>,
    /// 75th percentile.
    p75: Option<Exact>,
    /// 90th percentile.
    p90: Option<Exact>,
    /// 95th percentile.
    p95: Option<Exact>,
}

/// The four metrics, in a fixed order.
#[derive(Serialize)]
struct JsonMetrics {
    /// ROI over the horizon (fraction).
    roi: JsonStats,
    /// Net over the horizon (money).
    net: JsonStats,
    /// Net present value (money).
    npv: JsonStats,
    /// Payback in months.
    payback_months: JsonStats,
}

/// Probabilities, as fractions; null where they cannot be judged (ROI undefined,
/// or a period past the horizon).
#[derive(Serialize)]
struct JsonProbabilities {
    /// P(ROI over the horizon > 0).
    roi_positive: Option<Exact>,
    /// P(payback ≤ 3 months).
    payback_within_3: Option<Exact>,
    /// P(payback ≤ 6 months).
    payback_within_6: Option<Exact>,
    /// P(payback ≤ 12 months).
    payback_within_12: Option<Exact>,
    /// P(payback within the horizon).
    payback_within_horizon: Option<Exact>,
}

/// `--format json`.
#[derive(Serialize)]
struct JsonReport {
    /// Layout version, shared with `calc`.
    version: u32,
    /// Trials run.
    trials: u64,
    /// Seed used.
    seed: u64,
    /// Horizon in months.
    months: u32,
    /// The ranges sampled: key, low, high, mode (null if none), dist.
    ranges: Vec<JsonRange>,
    /// roi, net, npv, payback_months: mean and p5…p95.
    metrics: JsonMetrics,
    /// The chances of a positive ROI and of payback within 3, 6, 12 months and the horizon.
    probabilities: JsonProbabilities,
    /// ROI histogram: bins of [from, to) with their trial counts.
    histogram: Vec<JsonBin>,
}

#[derive(Serialize)]
struct JsonRange {
    key: &'static str,
    low: String,
    high: String,
    mode: Option<String>,
    dist: &'static str,
}

#[derive(Serialize)]
struct JsonBin {
    from: Option<Exact>,
    to: Option<Exact>,
    trials: u64,
}

fn number(d: Option<Decimal>) -> Option<Exact> {
    d.map(Exact)
}

/// The report as JSON.
pub fn json(scenario: &Scenario, r: &Report) -> String {
    let stats = |stats: &Stats, unit: Unit| {
        let v = |x: Option<f64>| number(x.and_then(|x| rounded(x, unit)));
        let p = stats.percentiles;
        JsonStats {
            mean: v(stats.mean),
            p5: v(p[0]),
            p10: v(p[1]),
            p25: v(p[2]),
            p50: v(p[3]),
            p75: v(p[4]),
            p90: v(p[5]),
            p95: v(p[6]),
        }
    };
    let metrics = JsonMetrics {
        roi: stats(&r.roi, Unit::Ratio),
        net: stats(&r.net, Unit::Money),
        npv: stats(&r.npv, Unit::Money),
        payback_months: stats(&r.payback, Unit::Months),
    };
    let [a, b, c, d, e] = probabilities(r).map(|(_, v)| v.map(Exact));
    let probabilities = JsonProbabilities {
        roi_positive: a,
        payback_within_3: b,
        payback_within_6: c,
        payback_within_12: d,
        payback_within_horizon: e,
    };
    let doc = JsonReport {
        version: super::json::SCHEMA_VERSION,
        trials: r.trials,
        seed: r.seed,
        months: r.months,
        ranges: scenario
            .ranges
            .iter()
            .map(|(k, u)| JsonRange {
                key: k.path(),
                low: u.low.to_string(),
                high: u.high.to_string(),
                mode: u.mode.map(|m| m.to_string()),
                dist: u.dist.name(),
            })
            .collect(),
        metrics,
        probabilities,
        histogram: r
            .histogram
            .iter()
            .map(|(from, to, trials)| JsonBin {
                from: number(rounded(*from, Unit::Ratio)),
                to: number(rounded(*to, Unit::Ratio)),
                trials: *trials,
            })
            .collect(),
    };
    // Plain numbers and strings always serialise.
    let mut text = serde_json::to_string_pretty(&doc).expect("the JSON report serialises");
    text.push('\n');
    text
}

fn probabilities(r: &Report) -> [(&'static str, Option<Decimal>); 5] {
    let f = |x: Option<f64>| {
        x.and_then(|x| rounded(x, Unit::Ratio))
            .map(|d| d.normalize())
    };
    [
        ("roi_positive", f(r.roi_positive)),
        ("payback_within_3", f(r.payback_within[0])),
        ("payback_within_6", f(r.payback_within[1])),
        ("payback_within_12", f(r.payback_within[2])),
        ("payback_within_horizon", f(Some(r.payback_within_horizon))),
    ]
}

/// Tidy CSV: `statistic,value` rows such as `roi.p50,1.23` and
/// `probabilities.roi_positive,0.97`; an empty value is undefined.
pub fn csv(r: &Report, dialect: Dialect) -> String {
    let mut rows = Rows::new(dialect, true);
    rows.header(["statistic", "value"]);
    rows.text("trials").number(r.trials).end();
    rows.text("seed").number(r.seed).end();
    rows.text("months").number(r.months).end();
    let figure = |rows: &mut Rows, name: String, v: Option<Decimal>| {
        rows.text(&name);
        match v {
            Some(d) => rows.number(d.normalize()),
            None => rows.empty(),
        };
        rows.end();
    };
    for (name, _, unit, stats) in metrics(r) {
        figure(
            &mut rows,
            format!("{name}.mean"),
            stats.mean.and_then(|v| rounded(v, unit)),
        );
        for (p, v) in PERCENTILES.iter().zip(&stats.percentiles) {
            figure(
                &mut rows,
                format!("{name}.p{p}"),
                v.and_then(|v| rounded(v, unit)),
            );
        }
    }
    for (name, value) in probabilities(r) {
        figure(&mut rows, format!("probabilities.{name}"), value);
    }
    rows.finish()
}

/// Every trial: its number, each varying key's value and the results.
/// Values are shortest round-trip decimals of the `f64`s, the same on every machine.
pub fn samples(model: &Model, run: &Run, dialect: Dialect, w: &mut dyn Write) -> io::Result<()> {
    let keys: Vec<&str> = model.keys().map(|k| k.path()).collect();
    let width = keys.len();
    let mut rows = Rows::new(dialect, true);
    rows.header(["trial"].into_iter().chain(keys.iter().copied()).chain([
        "roi",
        "net",
        "npv",
        "payback_months",
    ]));
    let finite = |rows: &mut Rows, v: f64| {
        if v.is_finite() {
            rows.number(v);
        } else {
            rows.empty();
        }
    };
    for (i, o) in run.outcomes.iter().enumerate() {
        rows.number(i + 1);
        if let Some(drawn) = &run.drawn {
            for v in &drawn[i * width..(i + 1) * width] {
                rows.number(v);
            }
        }
        for v in [o.roi, o.net, o.npv, o.payback] {
            finite(&mut rows, v);
        }
        rows.end();
        // Hand over in blocks so that a million trials never sit in memory twice.
        if i % 4096 == 4095 {
            w.write_all(
                std::mem::replace(&mut rows, Rows::new(dialect, false))
                    .finish()
                    .as_bytes(),
            )?;
        }
    }
    w.write_all(rows.finish().as_bytes())
}
