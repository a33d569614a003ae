//! CSV for spreadsheets, in one of two dialects, and `calc`'s monthly projection.
//!
//! Plain CSV is RFC 4180 quoting with `,` and decimal points, for scripts.
//! The Excel dialect (`--excel`) opens by double-click in a Russian or other
//! European Excel: a UTF-8 byte-order mark, `;` between fields, decimal
//! commas and CRLF line ends, whatever the language of the text (a `;` file
//! with decimal points fits no spreadsheet locale). In both, a text cell a
//! spreadsheet would run as a formula is neutralised.

use crate::forecast::report::Report;
use crate::format::{MONEY_PLACES, RATIO_PLACES, write_fixed};
use std::fmt::Display;
use std::fmt::Write as _;

/// How CSV is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dialect {
    /// Excel's conventions: BOM, `;`, CRLF.
    pub excel: bool,
    /// Decimal commas in numbers.
    pub decimal_comma: bool,
}

impl Dialect {
    /// RFC 4180 with `,` and decimal points.
    pub const PLAIN: Dialect = Dialect {
        excel: false,
        decimal_comma: false,
    };

    /// A Russian (or German, French…) Excel's: BOM, `;`, decimal commas, CRLF.
    pub const EXCEL: Dialect = Dialect {
        excel: true,
        decimal_comma: true,
    };

    /// The field separator.
    pub fn delimiter(self) -> u8 {
        if self.excel { b';' } else { b',' }
    }
}

/// Rows of one CSV document (or one block of a streamed one).
pub struct Rows {
    w: csv::Writer<Vec<u8>>,
    dialect: Dialect,
    scratch: String,
}

impl Rows {
    /// An empty block; `start` puts the byte-order mark first when the dialect has one.
    pub fn new(dialect: Dialect, start: bool) -> Rows {
        let terminator = if dialect.excel {
            csv::Terminator::CRLF
        } else {
            csv::Terminator::Any(b'\n')
        };
        let mut buffer = Vec::with_capacity(4096);
        if start && dialect.excel {
            buffer.extend_from_slice("\u{feff}".as_bytes());
        }
        Rows {
            w: csv::WriterBuilder::new()
                .delimiter(dialect.delimiter())
                .terminator(terminator)
                .from_writer(buffer),
            dialect,
            scratch: String::new(),
        }
    }

    // Writing to memory cannot fail: the `expect`s below guard an invariant.

    /// A text cell; one starting with `=`, `+`, `-`, `@`, a tab or a CR is
    /// prefixed with `'` so that no spreadsheet runs it as a formula, unless
    /// it is just a signed figure like `+5%` or `-2.5pp`.
    pub fn text(&mut self, s: &str) -> &mut Self {
        let risky = s.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_signed_figure(s);
        if risky {
            self.scratch.clear();
            self.scratch.push('\'');
            self.scratch.push_str(s);
            self.w.write_field(&self.scratch).expect("CSV to memory");
        } else if self.dialect.decimal_comma && is_signed_figure(s) {
            self.w
                .write_field(s.replace('.', ","))
                .expect("CSV to memory");
        } else {
            self.w.write_field(s).expect("CSV to memory");
        }
        self
    }

    /// A value written in a key's grammar (`+5%`, `25.5%`, `5000`): a figure,
    /// so it needs no neutralising, only the dialect's decimal mark.
    pub fn figure(&mut self, v: impl Display) -> &mut Self {
        self.scratch.clear();
        let _ = write!(self.scratch, "{v}");
        if is_signed_figure(&self.scratch) {
            self.put_number()
        } else {
            let text = std::mem::take(&mut self.scratch);
            self.text(&text);
            self.scratch = text;
            self
        }
    }

    /// A number cell, with a decimal comma in the Russian Excel dialect.
    pub fn number(&mut self, v: impl Display) -> &mut Self {
        self.scratch.clear();
        let _ = write!(self.scratch, "{v}");
        self.put_number()
    }

    /// Money to 2 places (half away from zero).
    pub fn money(&mut self, d: rust_decimal::Decimal) -> &mut Self {
        self.scratch.clear();
        let _ = write_fixed(&mut self.scratch, d, MONEY_PLACES);
        self.put_number()
    }

    /// A ratio to 8 places, or an empty cell when undefined.
    pub fn ratio(&mut self, d: Option<rust_decimal::Decimal>) -> &mut Self {
        self.scratch.clear();
        if let Some(d) = d {
            let _ = write_fixed(&mut self.scratch, d, RATIO_PLACES);
        }
        self.put_number()
    }

    fn put_number(&mut self) -> &mut Self {
        if self.dialect.decimal_comma {
            // Numbers hold at most one '.', and never a ','.
            let comma = self.scratch.replace('.', ",");
            self.w.write_field(comma).expect("CSV to memory");
        } else {
            self.w.write_field(&self.scratch).expect("CSV to memory");
        }
        self
    }

    /// A summary figure; undefined is an empty cell.
    pub fn cell(&mut self, cell: super::json::Cell) -> &mut Self {
        match cell {
            super::json::Cell::Null => self.empty(),
            other => self.number(other),
        }
    }

    /// An empty cell.
    pub fn empty(&mut self) -> &mut Self {
        self.w.write_field("").expect("CSV to memory");
        self
    }

    /// Ends the current row.
    pub fn end(&mut self) -> &mut Self {
        self.w.write_record(None::<&[u8]>).expect("CSV to memory");
        self
    }

    /// A whole row of text cells (a header).
    pub fn header<'a>(&mut self, names: impl IntoIterator<Item = &'a str>) -> &mut Self {
        for name in names {
            self.text(name);
        }
        self.end()
    }

    /// The text written so far.
    pub fn finish(self) -> String {
        String::from_utf8(self.bytes()).expect("CSV built from strings is UTF-8")
    }

    /// The bytes written so far, for streaming without another pass over them.
    pub fn bytes(self) -> Vec<u8> {
        self.w.into_inner().expect("CSV to memory")
    }
}

/// `+5%`, `-2.5pp`, `-20360.59`: a sign, digits with at most one point, and an optional unit.
fn is_signed_figure(s: &str) -> bool {
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    let body = body
        .strip_suffix("pp")
        .or_else(|| body.strip_suffix('%'))
        .unwrap_or(body);
    !body.is_empty()
        && body.chars().all(|c| c.is_ascii_digit() || c == '.')
        && body.matches('.').count() <= 1
        && body.chars().any(|c| c.is_ascii_digit())
}

/// Column names of the monthly projection, stable for scripts.
pub const HEADER: [&str; 9] = [
    "month",
    "share",
    "benefit",
    "cost",
    "net",
    "cumulative_benefit",
    "cumulative_cost",
    "cumulative_net",
    "roi",
];

/// Columns a scenario with model v2's tables adds after [`HEADER`], as in its JSON.
pub const TABLES_HEADER: [&str; 3] = ["revenue_baseline", "revenue_after", "turned_away"];

/// The column a scenario with `[retention]` adds last, as in its JSON.
pub const RETENTION_HEADER: &str = "repeat_visits";

/// The monthly projection; an undefined ROI is an empty cell. A scenario with
/// `[capacity]`, `[seasonality]` or `[[costs.item]]` gains [`TABLES_HEADER`],
/// one with `[retention]` [`RETENTION_HEADER`] after them.
pub fn render(report: &Report, dialect: Dialect) -> String {
    let tables = &report.scenario.inputs.tables;
    let (v2, retention) = (tables.is_v2(), tables.repeat_visits.is_some());
    let mut rows = Rows::new(dialect, true);
    let v2_header = TABLES_HEADER.into_iter().filter(|_| v2);
    let retention_header = std::iter::once(RETENTION_HEADER).filter(|_| retention);
    rows.header(HEADER.into_iter().chain(v2_header).chain(retention_header));
    for m in &report.projection.monthly {
        rows.number(m.month)
            .ratio(Some(m.share))
            .money(m.benefit)
            .money(m.cost)
            .money(m.net)
            .money(m.cumulative_benefit)
            .money(m.cumulative_cost)
            .money(m.cumulative_net)
            .ratio(m.roi);
        if v2 {
            // Visits are shown to 2 places, like money.
            rows.money(m.revenue_baseline)
                .money(m.revenue_after)
                .money(m.turned_away);
        }
        if retention {
            rows.money(m.repeat_visits);
        }
        rows.end();
    }
    rows.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(dialect: Dialect, f: impl FnOnce(&mut Rows)) -> String {
        let mut rows = Rows::new(dialect, true);
        f(&mut rows);
        rows.end();
        rows.finish()
    }

    #[test]
    fn neutralises_formulas_but_not_figures() {
        let plain = |s: &str| {
            one(Dialect::PLAIN, |r| {
                r.text(s);
            })
        };
        assert_eq!(plain("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"\n");
        assert_eq!(plain("+cmd|' /C calc'!A0"), "'+cmd|' /C calc'!A0\n");
        assert_eq!(plain("-2+3"), "'-2+3\n");
        assert_eq!(plain("@SUM(A1)"), "'@SUM(A1)\n");
        assert_eq!(plain("\tx"), "'\tx\n");
        assert_eq!(plain("+5%"), "+5%\n");
        assert_eq!(plain("-2.5pp"), "-2.5pp\n");
        assert_eq!(plain("Salon, Rostov"), "\"Salon, Rostov\"\n");
    }

    #[test]
    fn excel_dialect_is_the_european_one() {
        let text = one(Dialect::EXCEL, |r| {
            r.text("Салон; Ростов")
                .money("1234.5".parse().unwrap())
                .ratio(None)
                .text("+2.5%");
        });
        assert_eq!(text, "\u{feff}\"Салон; Ростов\";1234,50;;+2,5%\r\n");
        // The same whatever the language: `;` goes with decimal commas.
        let text = one(Dialect::EXCEL, |r| {
            r.money("1234.5".parse().unwrap());
        });
        assert_eq!(text, "\u{feff}1234,50\r\n");
    }
}
