//! `roi sensitivity` output: a tornado chart in the terminal, JSON or CSV.

use super::csv::{Dialect, Rows};
use super::fit::{Grid, widest, wrap};
use super::xlsx::{Book, Value};
use crate::forecast::engine::Summary;
use crate::forecast::sensitivity::{Bar, Ends};
use crate::format::{Fmt, Sign};
use crate::i18n::Lang;
use crate::render::json::{Ratio, SCHEMA_VERSION};
use rust_decimal::Decimal;
use serde::Serialize;

/// Widest a tornado bar is drawn, in characters.
const BAR: usize = 32;

/// Narrowest bar worth drawing; with less room the chart has no bars.
const MIN_BAR: usize = 10;

fn roi(f: &Fmt<'_>, r: Option<Decimal>) -> String {
    r.map_or("—".into(), |r| f.percent(r, Sign::Plain))
}

fn payback(f: &Fmt<'_>, p: Option<Decimal>) -> String {
    p.map_or("—".into(), |p| f.number(p, 2))
}

/// A bar `width` characters wide from ROI at one end to ROI at the other,
/// with the point ROI marked `┃`.
fn bar(b: &Bar, base: Option<Decimal>, lo: Decimal, hi: Decimal, width: usize) -> String {
    let (Some(a), Some(z)) = (b.at_low.roi, b.at_high.roi) else {
        return String::new();
    };
    let span = hi - lo;
    let at = |v: Decimal| -> usize {
        if span.is_zero() {
            return width / 2;
        }
        let x = (v - lo) / span * Decimal::from(width - 1);
        x.round()
            .to_string()
            .parse::<usize>()
            .unwrap_or(0)
            .min(width - 1)
    };
    let (from, to) = (at(a.min(z)), at(a.max(z)));
    let mark = base.map(at);
    (0..width)
        .map(|i| match i {
            _ if Some(i) == mark => '┃',
            _ if (from..=to).contains(&i) => '█',
            _ => ' ',
        })
        .collect()
}

/// The tornado for people, `width` columns wide at most: each input's
/// range low → high, ROI and payback at its ends, and a bar as long as the
/// width leaves room for.
pub fn table(
    name: &str,
    months: u32,
    base: &Summary<Decimal>,
    bars: &[Bar],
    swing: Decimal,
    f: &Fmt<'_>,
    width: usize,
) -> String {
    let l = f.lang;
    let mut out = wrap(
        &l.fill(
            "{}: what moves ROI over {} most (now {})",
            &[&name, &l.months(months), &roi(f, base.roi)],
        ),
        width,
        "",
    );
    out.push('\n');
    let drawn = Tornado::new(bars, base.roi, f).draw(width);
    out.push_str(&drawn);
    out.push('\n');
    out.push_str(&notes(&drawn, swing, f, width));
    out
}

/// The tornado's inputs, and the span of ROI their bars are drawn against.
struct Tornado<'a> {
    /// The inputs, largest swing first.
    bars: &'a [Bar],
    /// ROI with every input at its point value, marked on each bar.
    base: Option<Decimal>,
    /// The lowest ROI at any end, or the point ROI if lower: a bar's left edge.
    lo: Decimal,
    /// The highest, likewise: a bar's right edge.
    hi: Decimal,
    /// How numbers read.
    f: &'a Fmt<'a>,
}

impl<'a> Tornado<'a> {
    /// The tornado of `bars` around the point ROI `base`.
    fn new(bars: &'a [Bar], base: Option<Decimal>, f: &'a Fmt<'a>) -> Tornado<'a> {
        let ends: Vec<Decimal> = bars
            .iter()
            .flat_map(|b| [b.at_low.roi, b.at_high.roi])
            .chain([base])
            .flatten()
            .collect();
        Tornado {
            bars,
            base,
            lo: ends.iter().copied().min().unwrap_or_default(),
            hi: ends.iter().copied().max().unwrap_or_default(),
            f,
        }
    }

    /// The chart, `width` columns wide at most. The figures come first; the
    /// bar takes what room is left. When the figures alone leave too little,
    /// each end goes on a line of its own, and with less still, the bars go.
    fn draw(&self, width: usize) -> String {
        let with_bar = [false, true].into_iter().find_map(|stacked| {
            // Labels wrap as needed to leave the bar its room.
            let figures = self
                .grid(None, stacked)
                .draw_whole(width.saturating_sub(MIN_BAR + 3))?;
            // A column costs its width, two spaces of padding and a border.
            let room = width.saturating_sub(widest(&figures) + 3).min(BAR);
            (room >= MIN_BAR)
                .then(|| self.grid(Some(room), stacked).draw_whole(width))
                .flatten()
        });
        with_bar.unwrap_or_else(|| self.grid(None, true).draw(width))
    }

    /// A row per input, with a bar `bar_width` wide if given; `stacked` puts
    /// each end on its own line.
    fn grid(&self, bar_width: Option<usize>, stacked: bool) -> Grid {
        let (l, f) = (self.f.lang, self.f);
        let arrow = if stacked { " →\n" } else { " → " };
        let mut header = vec![
            l.tr("Input").to_string(),
            l.tr("Low → high").to_string(),
            l.tr("ROI").to_string(),
            l.tr("Swing").to_string(),
            l.tr("Payback, months").to_string(),
        ];
        if bar_width.is_some() {
            header.push(String::new());
        }
        let mut grid = Grid::new(header, 1);
        for b in self.bars {
            let mut row = vec![
                b.key.path().to_string(),
                format!(
                    "{}{arrow}{}",
                    super::written(f, b.key, b.low),
                    super::written(f, b.key, b.high)
                ),
                format!("{}{arrow}{}", roi(f, b.at_low.roi), roi(f, b.at_high.roi)),
                b.swing.map_or("—".into(), |s| f.points(s, Sign::Plain)),
                format!(
                    "{}{arrow}{}",
                    payback(f, b.at_low.payback_months),
                    payback(f, b.at_high.payback_months)
                ),
            ];
            if let Some(w) = bar_width {
                row.push(bar(b, self.base, self.lo, self.hi, w));
            }
            grid.row(row);
        }
        grid
    }
}

/// What the chart's ends mean and how to read it: the bar's legend when
/// bars were drawn, the order of the rows when not.
fn notes(drawn: &str, swing: Decimal, f: &Fmt<'_>, width: usize) -> String {
    let l = f.lang;
    let mut out = wrap(
        &l.fill(
            "Inputs with a range go to its ends; the others move by ±{} of their value (shares stop at 100%).",
            &[&f.percent(swing, Sign::Plain)],
        ),
        width,
        "",
    );
    out.push('\n');
    if drawn.contains('┃') {
        out.push_str(&wrap(l.tr("The bar runs from ROI at one end to ROI at the other; ┃ marks today's estimate. Check the top inputs first."), width, ""));
    } else {
        out.push_str(&wrap(
            l.tr("Inputs are sorted by how far they move ROI; check the top ones first."),
            width,
            "",
        ));
    }
    out.push('\n');
    out
}

/// The tornado as a workbook: one row per input, largest swing first, the
/// ends as numbers in the key's terms.
pub fn xlsx(
    bars: &[Bar],
    lang: Lang,
    currency: &str,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut book = Book::new(lang, currency);
    let mut sheet = book.sheet(lang.tr("Sensitivity"))?;
    let header = [
        "Input",
        "Low",
        "High",
        "Ends from",
        "ROI at low",
        "ROI at high",
        "Swing",
        "Payback at low, months",
        "Payback at high, months",
    ]
    .map(|h| lang.tr(h));
    sheet.header(&header, 1)?;
    for b in bars {
        sheet.row(&[
            Value::text(b.key.path()),
            Value::key(b.key, b.low),
            Value::key(b.key, b.high),
            Value::text(lang.tr(match b.ends {
                Ends::Range => "its range",
                Ends::Swing => "the swing",
            })),
            Value::ratio(b.at_low.roi),
            Value::ratio(b.at_high.roi),
            b.swing.map_or(Value::Empty, Value::Points),
            Value::months(b.at_low.payback_months),
            Value::months(b.at_high.payback_months),
        ])?;
    }
    book.add(sheet)?;
    book.bytes()
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
