//! Renderers for both halves: each draws the report value it is given (a projection, a sweep, a measured funnel, a pilot's verdict) as text or bytes, and nothing else.

pub mod calc_xlsx;
pub mod compare;
pub mod csv;
pub mod fit;
pub mod html;
pub mod json;
pub mod measure;
pub mod measure_map;
pub mod pilot;
pub mod pilot_html;
pub mod scenario_file;
pub mod sensitivity;
pub mod simulate;
pub mod solve;
pub mod sweep;
pub mod switchback;
pub mod table;
pub mod xlsx;

use crate::forecast::scenario::value::Written;
use crate::forecast::scenario::{Dist, Key, Uncertain};
use crate::format::{Fmt, Sign};
use crate::i18n::Lang;

/// Where text ends up: a terminal may point to other commands, a page or a
/// workbook an owner forwards may not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Medium {
    /// A terminal or a text file.
    Terminal,
    /// The HTML report or a workbook.
    Page,
}

/// A value in a key's own grammar, written as the reader's language writes
/// numbers: `+27,5 %`, `1 500 ₽`, `+5,0 п.п.`.
pub fn written(f: &Fmt<'_>, key: Key, w: Written) -> String {
    match w {
        Written::Number(n) if key.is_money() => f.money(n, Sign::Plain),
        Written::Number(n) => f.count(n, Sign::Plain),
        Written::Percent(n) => f.percent(n, Sign::Plain),
        // A change keeps its sign even at zero, so "+0%" never reads as a share of zero.
        Written::Relative(n) if n.is_zero() => format!("+{}", f.percent(n, Sign::Plain)),
        Written::Points(n) if n.is_zero() => format!("+{}", f.points(n, Sign::Plain)),
        Written::Relative(n) => f.percent(n, Sign::Explicit),
        Written::Points(n) => f.points(n, Sign::Explicit),
    }
}

/// A range's dist in the reader's language; a normal or lognormal one says
/// its ends are its central 95%, not bounds: `lognormal, 95% interval`.
pub fn dist_text(l: Lang, dist: Dist) -> String {
    let name = l.tr(dist.name());
    if dist.is_interval() {
        l.fill("{}, 95% interval", &[&name])
    } else {
        name.to_string()
    }
}

/// A range as the reader's language writes it: `+15,0 %…+40,0 % (равномерное)`.
pub fn range_text(f: &Fmt<'_>, key: Key, range: &Uncertain) -> String {
    let l = f.lang;
    let mut text = format!(
        "{} … {} ({}",
        written(f, key, range.low),
        written(f, key, range.high),
        dist_text(l, range.dist)
    );
    if let Some(mode) = range.mode {
        text.push_str(", ");
        text.push_str(&l.fill("mode {}", &[&written(f, key, mode)]));
    }
    text.push(')');
    text
}

/// Says which keys are ranges and which single value the figures use, so a
/// reader never mistakes a midpoint for a certainty.
pub fn range_notes(ranges: &[(Key, Uncertain)], f: &Fmt<'_>, medium: Medium) -> Vec<String> {
    let lang = f.lang;
    ranges
        .iter()
        .map(|(key, range)| {
            let args: [&dyn std::fmt::Display; 3] = [
                &key.path(),
                &range_text(f, *key, range),
                &written(f, *key, range.point()),
            ];
            // A normal or lognormal range's point is its median; a lognormal
            // median is not the midpoint, so it is named for what it is.
            let mut note = if range.mode.is_some() {
                lang.fill(
                    "{} is a range, {}; these figures use its likeliest value (the mode), {}.",
                    &args,
                )
            } else if range.dist.is_interval() {
                lang.fill(
                    "{} is a range, {}; these figures use its median, {}.",
                    &args,
                )
            } else {
                lang.fill(
                    "{} is a range, {}; these figures use its midpoint, {}.",
                    &args,
                )
            };
            if medium == Medium::Terminal {
                note.push(' ');
                note.push_str(lang.tr("`roi simulate` shows the spread."));
            }
            note
        })
        .collect()
}
