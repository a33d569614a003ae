//! `roi sensitivity` output: a tornado chart in the terminal, JSON or CSV.

use super::csv::{Dialect, Rows};
use crate::engine::Summary;
use crate::format::{Fmt, Sign};
use crate::render::json::{Ratio, SCHEMA_VERSION};
use crate::sensitivity::{Bar, Ends};
use comfy_table::CellAlignment;
use rust_decimal::Decimal;
use serde::Serialize;

/// Width of a tornado bar, in characters.
const WIDTH: usize = 32;

fn roi(f: &Fmt<'_>, r: Option<Decimal>) -> String {
    r.map_or("—".into(), |r| f.percent(r, Sign::Plain))
}

fn payback(f: &Fmt<'_>, p: Option<Decimal>) -> String {
    p.map_or("—".into(), |p| f.number(p, 2))
}

/// A bar from ROI at one end to ROI at the other, with the point ROI marked `┃`.
fn bar(b: &Bar, base: Option<Decimal>, lo: Decimal, hi: Decimal) -> String {
    let (Some(a), Some(z)) = (b.at_low.roi, b.at_high.roi) else {
        return String::new();
    };
    let span = hi - lo;
    let at = |v: Decimal| -> usize {
        if span.is_zero() {
            return WIDTH / 2;
        }
        let x = (v - lo) / span * Decimal::from(WIDTH - 1);
        x.round()
            .to_string()
            .parse::<usize>()
            .unwrap_or(0)
            .min(WIDTH - 1)
    };
    let (from, to) = (at(a.min(z)), at(a.max(z)));
    let mark = base.map(at);
    (0..WIDTH)
        .map(|i| match i {
            _ if Some(i) == mark => '┃',
            _ if (from..=to).contains(&i) => '█',
            _ => ' ',
        })
        .collect()
}

/// The tornado for people.
pub fn table(
    name: &str,
    months: u32,
    base: &Summary<Decimal>,
    bars: &[Bar],
    swing: Decimal,
    f: &Fmt<'_>,
) -> String {
    let l = f.lang;
    let mut out = l.fill(
        "{}: what moves ROI over {} most (now {})",
        &[&name, &l.months(months), &roi(f, base.roi)],
    );
    out.push('\n');
    let ends: Vec<Decimal> = bars
        .iter()
        .flat_map(|b| [b.at_low.roi, b.at_high.roi])
        .chain([base.roi])
        .flatten()
        .collect();
    let lo = ends.iter().copied().min().unwrap_or_default();
    let hi = ends.iter().copied().max().unwrap_or_default();
    let mut t = super::table(&[
        l.tr("Input"),
        l.tr("Low … high"),
        l.tr("ROI at low"),
        l.tr("ROI at high"),
        l.tr("Swing"),
        l.tr("Payback at low … high"),
        "",
    ]);
    for b in bars {
        t.add_row(vec![
            b.key.path().to_string(),
            format!(
                "{} … {}",
                super::written(f, b.key, b.low),
                super::written(f, b.key, b.high)
            ),
            roi(f, b.at_low.roi),
            roi(f, b.at_high.roi),
            b.swing.map_or("—".into(), |s| f.points(s, Sign::Plain)),
            format!(
                "{} … {}",
                payback(f, b.at_low.payback_months),
                payback(f, b.at_high.payback_months)
            ),
            bar(b, base.roi, lo, hi),
        ]);
    }
    for column in t.column_iter_mut().skip(2).take(4) {
        column.set_cell_alignment(CellAlignment::Right);
    }
    out.push_str(&format!("{t}\n"));
    out.push_str(&l.fill(
        "Inputs with a range go to its ends; the others move by ±{} of their value (shares stop at 100%).",
        &[&f.percent(swing, Sign::Plain)],
    ));
    out.push('\n');
    out.push_str(l.tr("The bar runs from ROI at one end to ROI at the other; ┃ marks today's estimate. Check the top inputs first."));
    out.push('\n');
    out
}

/// One input in JSON.
#[derive(Serialize)]
struct JsonInput {
    /// The key.
    key: &'static str,
    /// Its low end, as written.
    low: String,
    /// Its high end, as written.
    high: String,
    /// "range" or "swing": where the ends come from.
    ends: &'static str,
    /// ROI over the horizon at the low end (fraction).
    roi_low: Option<Ratio>,
    /// ROI at the high end.
    roi_high: Option<Ratio>,
    /// |roi_high − roi_low|.
    swing: Option<Ratio>,
    /// Payback months at the low end; null if not within the horizon.
    payback_low: Option<Ratio>,
    /// Payback months at the high end.
    payback_high: Option<Ratio>,
}

#[derive(Serialize)]
struct JsonTornado {
    /// Layout version.
    version: u32,
    /// ROI with every input at its point value.
    roi: Option<Ratio>,
    /// How far inputs without a range move, each way (fraction).
    swing: Ratio,
    /// The inputs, largest swing first.
    inputs: Vec<JsonInput>,
}

fn ends(e: Ends) -> &'static str {
    match e {
        Ends::Range => "range",
        Ends::Swing => "swing",
    }
}

/// The tornado as JSON.
pub fn json(base: &Summary<Decimal>, bars: &[Bar], swing: Decimal) -> String {
    let doc = JsonTornado {
        version: SCHEMA_VERSION,
        roi: base.roi.map(Ratio),
        swing: Ratio(swing),
        inputs: bars
            .iter()
            .map(|b| JsonInput {
                key: b.key.path(),
                low: b.low.to_string(),
                high: b.high.to_string(),
                ends: ends(b.ends),
                roi_low: b.at_low.roi.map(Ratio),
                roi_high: b.at_high.roi.map(Ratio),
                swing: b.swing.map(Ratio),
                payback_low: b.at_low.payback_months.map(Ratio),
                payback_high: b.at_high.payback_months.map(Ratio),
            })
            .collect(),
    };
    // Plain numbers and strings always serialise.
    let mut text = serde_json::to_string_pretty(&doc).expect("the JSON tornado serialises");
    text.push('\n');
    text
}

/// The tornado as CSV, one row per input, largest swing first.
pub fn csv(bars: &[Bar], dialect: Dialect) -> String {
    let mut rows = Rows::new(dialect, true);
    rows.header([
        "key",
        "low",
        "high",
        "ends",
        "roi_low",
        "roi_high",
        "swing",
        "payback_low",
        "payback_high",
    ]);
    for b in bars {
        rows.text(b.key.path())
            .text(&b.low.to_string())
            .text(&b.high.to_string())
            .text(ends(b.ends))
            .ratio(b.at_low.roi)
            .ratio(b.at_high.roi)
            .ratio(b.swing)
            .ratio(b.at_low.payback_months)
            .ratio(b.at_high.payback_months)
            .end();
    }
    rows.finish()
}
