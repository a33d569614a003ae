//! A scenario file written from measured figures, which `roi calc` reads as is:
//! the facts in `[baseline]`, with comments saying where each came from.
//!
//! Text from the inputs (file names, a plan's name) goes only into comments,
//! with control characters escaped, so no name can start a line of TOML; and
//! the file is read back as `roi calc` reads it before it is handed over, so
//! figures exact arithmetic cannot model are refused here, not there.

mod after;
mod retention;

use crate::evidence::measure::cell::Month;
use crate::evidence::measure::error::{MeasureError, Period};
use crate::evidence::measure::profile::System;
use crate::evidence::measure::season::{self, Season};
use crate::evidence::measure::{Baseline, Measured as Export};
use crate::evidence::pilot::Pilot;
use crate::forecast::engine;
use crate::forecast::scenario::{Loaded, Scenario};
use crate::format::{Fmt, Sign, round};
use crate::i18n::{Lang, f, t};
use crate::input::Source;
use rust_decimal::Decimal;
use std::fmt::Write;

/// Places kept when a measured ratio does not end: far below any rounding the
/// model's outputs show, and short enough to read.
pub const PLACES: u32 = 12;

/// `num / den` written exactly when the decimal ends (`205.5`), else to
/// [`PLACES`] places, half away from zero; never in exponent form.
pub fn exact_or_rounded(num: Decimal, den: Decimal) -> Option<Decimal> {
    let q = num.checked_div(den)?;
    Some(
        if terminates(num, den) {
            q
        } else {
            round(q, PLACES)
        }
        .normalize(),
    )
}

/// Whether `num / den` has a finite decimal expansion that fits exact
/// arithmetic: reduced, its denominator has no prime factor but 2 and 5.
/// (Multiplying the quotient back is no test: 28 digits of 285 580.5 / 133
/// times 133 round back to 285 580.5.)
fn terminates(num: Decimal, den: Decimal) -> bool {
    fn gcd(a: i128, b: i128) -> i128 {
        if b == 0 { a.abs() } else { gcd(b, a % b) }
    }
    let scaled = |m: i128, scale: u32| 10i128.checked_pow(scale).and_then(|p| m.checked_mul(p));
    let (Some(n), Some(mut d)) = (
        scaled(num.mantissa(), den.scale()),
        scaled(den.mantissa(), num.scale()),
    ) else {
        return false;
    };
    if d == 0 {
        return false;
    }
    d /= gcd(n, d);
    for p in [2, 5] {
        while d % p == 0 {
            d /= p;
        }
    }
    // 28 significant digits at most: a longer exact value is rounded like any other.
    d.abs() == 1 && (num / den).scale() < 28
}

/// The measured baseline as scenario lines: `(key, value, comment)`.
pub struct Measured<'a> {
    /// The period's figures.
    pub baseline: &'a Baseline,
    /// Lines naming the files and row counts, already worded.
    pub sources: Vec<String>,
    /// The scenario's name.
    pub name: String,
    /// ISO currency code.
    pub currency: &'a str,
    /// The horizon: the plan's, else a year.
    pub months: u32,
    /// The rest of the file, already written (`roi pilot --write-scenario`):
    /// `[after]` from the pilot's intervals and the plan's costs.
    pub after: Option<String>,
    /// Repeat visits measured from the export's clients, or why there are
    /// none; `None` when the files name no client column at all.
    pub retention: Option<&'a Result<crate::evidence::retention::Repeat, String>>,
}

/// The measured baseline as a scenario file, naming the exports it came
/// from; with a pilot (and its plan), `[after]` holds the pilot's measured
/// ranges in place of the templates. Refused when `roi calc` would refuse
/// the file: figures past what exact arithmetic models are the export's
/// mistake, said here rather than by the next command.
pub fn measured(
    m: &Export,
    b: &Baseline,
    period: Period,
    lang: Lang,
    pilot: Option<(&Pilot, Option<&Scenario>)>,
    retention: Option<&Result<crate::evidence::retention::Repeat, String>>,
) -> Result<String, MeasureError> {
    let written = after::Written {
        conversion: written_conversion(b),
        no_show_rate: written_no_show_rate(b),
    };
    let text = render(
        &Measured {
            baseline: b,
            sources: sources(m, lang),
            name: lang.fill(
                "{}, measured {}",
                &[&escaped(&stem(m)), &period.prose(lang)],
            ),
            currency: "RUB",
            months: pilot
                .and_then(|(_, plan)| plan)
                .map_or(12, |plan| plan.inputs.months),
            after: pilot
                .map(|(p, plan)| after::pilot_after(p, plan, written, b.season.is_some(), lang)),
            retention,
        },
        lang,
    );
    let Some(why) = refusal(&text) else {
        return Ok(text);
    };
    // The plan's costs are copied in: they may be what cannot be computed.
    let message = if pilot.is_some_and(|(_, plan)| plan.is_some()) {
        f(
            "roi calc would refuse the scenario these figures and the plan's costs make, so it is not written: {}; check the export's and the plan's amounts for extra digits",
            &[&why],
        )
    } else {
        f(
            "roi calc would refuse the scenario these figures make, so it is not written: {}; check the export's amounts and counts for extra digits",
            &[&why],
        )
    };
    Err(MeasureError::Period {
        flag: if pilot.is_some() {
            "--write-scenario"
        } else {
            "--scenario"
        },
        value: period.to_string(),
        message,
    })
}

/// The files read and the rows counted, one comment line each.
fn sources(m: &Export, lang: Lang) -> Vec<String> {
    let count = |n: u64| {
        Fmt {
            lang,
            currency: "RUB",
        }
        .count(n.into(), Sign::Plain)
    };
    m.files
        .iter()
        .map(|file| {
            lang.fill(
                "{} ({}, {}): {}",
                &[
                    &file.path,
                    &lang.tr(super::measure::system_name(m.system)),
                    &file.kind.name(),
                    &crate::format::rows(lang, file.rows),
                ],
            )
        })
        .chain(std::iter::once(if m.system == System::Monthly {
            // A sheet of monthly totals has no IDs to repeat.
            lang.fill(
                "{} counted, {} left out",
                &[&count(m.quality.used), &count(m.quality.skipped_rows())],
            )
        } else {
            lang.fill(
                "{} counted, {} repeated IDs, {} left out",
                &[
                    &count(m.quality.used),
                    &count(m.quality.duplicates),
                    &count(m.quality.skipped_rows()),
                ],
            )
        }))
        .collect()
}

/// The first file's name without its folder and extension, for the scenario's name.
fn stem(m: &Export) -> String {
    m.files
        .first()
        .map(|f| {
            std::path::Path::new(&f.path)
                .file_stem()
                .map_or(f.path.clone(), |s| s.to_string_lossy().into_owned())
        })
        .unwrap_or_default()
}

/// Why `roi calc` would refuse `text`, read as calc reads a file and
/// projected as calc projects it; `None` when it would take it.
fn refusal(text: &str) -> Option<String> {
    let source = Source {
        name: t("the scenario written").into(),
        text: text.to_string(),
    };
    let loaded = match Loaded::from_source(source, String::new(), &[]) {
        Ok(loaded) => loaded,
        Err(e) => return Some(e.to_string()),
    };
    match loaded.scenario() {
        Ok(scenario) => engine::project(&scenario.inputs)
            .err()
            .map(|o| o.to_string()),
        Err(e) => Some(e.to_string()),
    }
}

/// Text from an input made safe for a comment: control characters (a
/// newline would end the comment and start a line of TOML), line and
/// paragraph separators and the marks that reorder text on screen, each
/// written as its escape (`\n`, `\u{1b}`), so the line reads as it is.
fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let hidden = matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{feff}'
        ) || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c);
        if c.is_control() || hidden {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// One comment line, its text escaped.
fn comment(out: &mut String, text: &str) {
    let _ = writeln!(out, "# {}", escaped(text));
}

/// A number as TOML that `roi calc` reads back exactly: a whole number
/// TOML's integers hold (up to 2⁶³ − 1) or a decimal as is; a whole number
/// past that in quotes, which the scenario reads from its digits like any
/// other (TOML refuses `10000000000000000000` as an integer).
fn number(d: Decimal) -> String {
    let d = d.normalize();
    if d.fract().is_zero() && i64::try_from(d).is_err() {
        format!("\"{d}\"")
    } else {
        d.to_string()
    }
}

/// `conversion` as `[baseline]` writes it.
fn written_conversion(b: &Baseline) -> Option<Decimal> {
    let fig = &b.figures;
    exact_or_rounded(fig.bookings?.into(), fig.leads?.into())
}

/// `no_show_rate` as `[baseline]` writes it; `None` when not measured.
fn written_no_show_rate(b: &Baseline) -> Option<Decimal> {
    let fig = &b.figures;
    let (no_shows, visits) = (fig.no_shows?, fig.visits?);
    let judged = no_shows.checked_add(visits).filter(|j| *j > 0)?;
    Some(exact_or_rounded(no_shows.into(), judged.into()).unwrap_or_default())
}

/// The whole file. The caller checks first that leads, conversion and the check were measured.
pub fn render(m: &Measured<'_>, lang: Lang) -> String {
    let b = m.baseline;
    let mut out = String::new();
    write_head(&mut out, m, lang);
    let facts = Facts {
        b,
        f: Fmt {
            lang,
            currency: m.currency,
        },
    };
    facts.leads(&mut out);
    facts.conversion(&mut out);
    facts.no_show_rate(&mut out);
    facts.average_check(&mut out);
    facts.open_bookings(&mut out);
    if let Some(season) = &b.season {
        write_season(&mut out, season, b.period.to.next(), lang);
    }
    match &m.after {
        Some(after) => out.push_str(after),
        None => write_after_template(&mut out, lang),
    }
    if let Some(repeat) = m.retention {
        retention::write(&mut out, repeat, lang);
    }
    out
}

/// Where the figures came from, then `[scenario]` and the `[baseline]` heading.
fn write_head(out: &mut String, m: &Measured<'_>, l: Lang) {
    let b = m.baseline;
    comment(out, l.tr("Baseline measured by `roi measure` from:"));
    for s in &m.sources {
        comment(out, &format!("  {s}"));
    }
    comment(
        out,
        &l.fill(
            "Months {} ({}), all channels; each figure is the period's total, not an average of monthly ratios.",
            &[&b.period.prose(l), &l.months(b.period.months())],
        ),
    );
    let _ = writeln!(out);
    let _ = writeln!(out, "[scenario]");
    let _ = writeln!(out, "name = {}", toml::Value::String(m.name.clone()));
    let _ = writeln!(out, "currency = \"{}\"", m.currency);
    let _ = writeln!(out, "months = {}", m.months);
    let _ = writeln!(out);
    let _ = writeln!(out, "[baseline]");
}

/// The `[baseline]` keys, each under a comment with the totals it is worked
/// out from and the months it ranged over.
struct Facts<'a> {
    b: &'a Baseline,
    f: Fmt<'a>,
}

impl Facts<'_> {
    fn count(&self, d: Decimal) -> String {
        self.f.count(d, Sign::Plain)
    }

    fn percent(&self, d: Decimal) -> String {
        self.f.percent(d, Sign::Plain)
    }

    fn money(&self, d: Decimal) -> String {
        self.f.money(d, Sign::Plain)
    }

    /// `; lowest … (month), highest … (month)` when the metric's months were
    /// measured apart, so a reader sees how far one month strays.
    fn spread(&self, metric: &str, show: &dyn Fn(Decimal) -> String) -> String {
        let l = self.f.lang;
        self.b
            .ranges
            .iter()
            .find(|s| s.metric == metric)
            .map(|s| {
                l.fill(
                    "; lowest {} ({}), highest {} ({})",
                    &[&show(s.low.1), &s.low.0, &show(s.high.1), &s.high.0],
                )
            })
            .unwrap_or_default()
    }

    /// `leads`: the period's leads over its months, or over the season's
    /// weight of them when the year has a shape.
    fn leads(&self, out: &mut String) {
        let (b, l) = (self.b, self.f.lang);
        let (Some(leads), Some(total)) = (b.leads, b.figures.leads) else {
            return;
        };
        let months = Decimal::from(b.period.months());
        let mut value = exact_or_rounded(Decimal::from(total), months).unwrap_or(leads);
        let _ = writeln!(
            out,
            "# {}{}",
            l.fill(
                "leads per month: {} over {}",
                &[
                    &self.count(Decimal::from(total)),
                    &l.months(b.period.months())
                ]
            ),
            self.spread("leads", &|d| self.count(d))
        );
        // With a season the model multiplies leads by each month's factor, so
        // `leads` is an average month's: the period's leads over the weight its
        // months carry. Then the model gives back exactly the leads measured.
        if let Some(season) = &b.season {
            let weight: Decimal = b
                .period
                .from
                .through(b.period.to)
                .map(|m| season.factor(m))
                .sum();
            if let Some(v) = exact_or_rounded(Decimal::from(total), weight) {
                value = v;
                let _ = writeln!(
                    out,
                    "# {}",
                    l.fill(
                        "an average month of the season: {} over the season's weight of these months, {}",
                        &[&self.count(Decimal::from(total)), &self.f.number(weight, season::PLACES)]
                    )
                );
            }
        }
        let _ = writeln!(out, "leads = {}", number(value));
    }

    /// `conversion`: the period's bookings over its leads.
    fn conversion(&self, out: &mut String) {
        let (fig, l) = (&self.b.figures, self.f.lang);
        if let (Some(bookings), Some(leads)) = (fig.bookings, fig.leads)
            && let Some(v) = written_conversion(self.b)
        {
            let _ = writeln!(
                out,
                "# {}{}",
                l.fill(
                    "bookings / leads = {} / {}",
                    &[&self.count(bookings.into()), &self.count(leads.into())]
                ),
                self.spread("conversion", &|d| self.percent(d))
            );
            let _ = writeln!(out, "conversion = {}", number(v));
        }
    }

    /// `no_show_rate`: the period's no-shows over the bookings that ended; a
    /// comment when the data cannot say.
    fn no_show_rate(&self, out: &mut String) {
        let (fig, l) = (&self.b.figures, self.f.lang);
        match (fig.no_shows, written_no_show_rate(self.b)) {
            (Some(no_shows), Some(v)) => {
                // Written only where no-shows + visits is above zero and counted.
                let judged = no_shows.saturating_add(fig.visits.unwrap_or_default());
                let _ = writeln!(
                    out,
                    "# {}{}",
                    l.fill(
                        "no-shows / (visits + no-shows) = {} / {}",
                        &[&self.count(no_shows.into()), &self.count(judged.into())]
                    ),
                    self.spread("no_show_rate", &|d| self.percent(d))
                );
                let _ = writeln!(out, "no_show_rate = {}", number(v));
            }
            _ => {
                let _ = writeln!(
                    out,
                    "# {}",
                    l.tr("no_show_rate: not measured (the data has no no-show status); 0 is assumed unless you set it")
                );
            }
        }
    }

    /// `average_check`: the priced visits' revenue over their number.
    fn average_check(&self, out: &mut String) {
        let (fig, l) = (&self.b.figures, self.f.lang);
        if let (Some(revenue), Some(checks)) = (fig.revenue, fig.checks)
            && let Some(v) = exact_or_rounded(revenue, checks.into())
        {
            let _ = writeln!(
                out,
                "# {}{}",
                l.fill(
                    "revenue / visits = {} / {}",
                    &[&self.money(revenue), &self.count(checks.into())]
                ),
                self.spread("average_check", &|d| self.money(d))
            );
            let _ = writeln!(out, "average_check = {}", number(v));
        }
    }

    /// The model counts every booking as a visit or a no-show; bookings still
    /// open in the export make its revenue higher than the one measured, and
    /// a note says by how much.
    fn open_bookings(&self, out: &mut String) {
        let (b, l) = (self.b, self.f.lang);
        let fig = &b.figures;
        let open = match (fig.bookings, fig.visits, fig.no_shows) {
            (Some(b), Some(v), Some(n)) => b.saturating_sub(v.saturating_add(n)),
            (Some(b), Some(v), None) => b.saturating_sub(v),
            _ => 0,
        };
        if open > 0
            && let (Some(revenue), Some(leads), Some(conv), Some(check)) =
                (fig.revenue, b.leads, fig.conversion, fig.average_check)
        {
            // Revenue past exact arithmetic's reach has no note: the file is
            // then refused as a whole, by the check that calc would take it.
            let shown = Decimal::ONE - fig.no_show_rate.unwrap_or_default();
            let Some(model) = leads
                .checked_mul(conv)
                .and_then(|x| x.checked_mul(shown))
                .and_then(|x| x.checked_mul(check))
            else {
                return;
            };
            let months = Decimal::from(b.period.months());
            let _ = writeln!(out);
            comment(
                out,
                &l.fill(
                    "Note: {} bookings of these months are still open. The model counts every booking as a visit or a no-show, so its revenue, {} a month, is above the measured {} a month.",
                    &[&self.count(open.into()), &self.money(model.round_dp(0)), &self.money((revenue / months).round_dp(0))],
                ),
            );
        }
    }
}

/// `[after]` and `[costs]` commented out, as examples to fill in.
fn write_after_template(out: &mut String, l: Lang) {
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "# {}",
        l.tr("[after]: your plan with the assistant, as changes from the baseline.")
    );
    let _ = writeln!(out, "# [after]");
    let _ = writeln!(out, "# leads = \"+30%\"");
    let _ = writeln!(out, "# conversion = \"+5pp\"");
    let _ = writeln!(out, "# no_show_rate = \"-20%\"");
    let _ = writeln!(out, "# average_check = \"+5%\"");
    let _ = writeln!(out);
    let _ = writeln!(out, "# {}", l.tr("[costs]: what the assistant costs."));
    let _ = writeln!(out, "# [costs]");
    let _ = writeln!(out, "# setup = 25000");
    let _ = writeln!(out, "# monthly = 10000");
}

/// `[seasonality]` from the learnt season, projection month 1 being `start`.
fn write_season(out: &mut String, season: &Season, start: Month, l: Lang) {
    let learnt = Period {
        from: season.from,
        to: season.to,
    };
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "# {}",
        l.fill(
            "[seasonality]: each calendar month's leads over the mean month, learnt from {} ({}); a calendar month seen in two years is averaged.",
            &[&learnt.prose(l), &l.months(learnt.months())]
        )
    );
    let _ = writeln!(
        out,
        "# {}",
        l.fill(
            "Projection month 1 is {}, the month after the baseline: change start if the assistant starts later.",
            &[&start]
        )
    );
    let _ = writeln!(out, "[seasonality]");
    let _ = writeln!(out, "start = \"{start}\"");
    let factors: Vec<String> = season.factors.iter().map(|f| number(*f)).collect();
    let _ = writeln!(out, "# {}", l.tr("January … December"));
    let _ = writeln!(out, "leads = [{}]", factors.join(", "));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn writes_exact_decimals_exactly_and_others_to_twelve_places() {
        assert_eq!(exact_or_rounded(d("1233"), d("6")), Some(d("205.5")));
        assert_eq!(
            exact_or_rounded(d("246"), d("1233")),
            Some(d("0.199513381995"))
        );
        // 2/3 = 0.666…: the twelfth place rounds half away from zero.
        assert_eq!(exact_or_rounded(d("2"), d("3")), Some(d("0.666666666667")));
        assert_eq!(exact_or_rounded(d("1"), d("8")), Some(d("0.125")));
        assert_eq!(exact_or_rounded(d("1"), d("0")), None);
        assert_eq!(
            exact_or_rounded(d("285580.50"), d("133")),
            Some(d("2147.221804511278"))
        );
        assert_eq!(exact_or_rounded(d("37500.5"), d("25")), Some(d("1500.02")));
    }

    #[test]
    fn input_text_cannot_leave_its_comment() {
        assert_eq!(
            escaped("a\n[after]\r\nleads = \"+500%\"\u{1b}[2J\t\u{7f}\u{85}"),
            "a\\n[after]\\r\\nleads = \"+500%\"\\u{1b}[2J\\t\\u{7f}\\u{85}"
        );
        // Separators TOML does not end a line at, and marks that reorder
        // text on screen, are shown for what they are too.
        assert_eq!(escaped("x\u{2028}y\u{202e}z"), "x\\u{2028}y\\u{202e}z");
        assert_eq!(escaped("Салон «Роза», 1 500 ₽"), "Салон «Роза», 1 500 ₽");
        let mut out = String::new();
        comment(&mut out, "one\ntwo");
        assert_eq!(out, "# one\\ntwo\n");
    }

    #[test]
    fn numbers_are_written_as_toml_reads_them_back() {
        // TOML's integers end at 2⁶³ − 1; past that a whole number is quoted.
        assert_eq!(number(d("9223372036854775807")), "9223372036854775807");
        assert_eq!(number(d("9223372036854775808")), "\"9223372036854775808\"");
        assert_eq!(
            number(d("10000000000000000000.000")),
            "\"10000000000000000000\""
        );
        assert_eq!(number(d("1500.50")), "1500.5");
        assert_eq!(
            number(d("0.0000000000000000000000000001")),
            "0.0000000000000000000000000001"
        );
        assert_eq!(
            number(d("123456789012345678901.5")),
            "123456789012345678901.5"
        );
    }
}
