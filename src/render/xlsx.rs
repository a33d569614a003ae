//! Excel workbooks: every figure is a number cell with a number format
//! (`#,##0.00 "₽"`, `0.0%`), so Excel and LibreOffice in any locale show it
//! with their own separators and can sum it; text is always a text cell, never
//! a formula. Headings and sheet names follow the reader's language.
//!
//! [`Book`] holds the workbook and its styles; a [`Sheet`] is filled row by
//! row with [`Value`]s, sizes its columns to what it holds and freezes its
//! heading. Each command builds its own sheets (`calc`'s in
//! [`calc_xlsx`](super::calc_xlsx)) and a new command adds its own the same way.

use crate::forecast::scenario::Key;
use crate::forecast::scenario::value::Written;
use crate::format::{MONEY_PLACES, RATIO_PLACES, currency_symbol, round};
use crate::i18n::Lang;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{ColNum, Format, RowNum, Workbook, Worksheet, XlsxError};

/// One cell's content and how it reads.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Text, written as a text cell (so `=…` is never run as a formula).
    Text(String),
    /// Money in the book's currency, to the kopeck.
    Money(Decimal),
    /// Money in another currency (a compared scenario's own).
    MoneyIn(Decimal, String),
    /// A share or ROI, shown as a percentage: 0.071 → `7.1%`.
    Ratio(Decimal),
    /// A relative change, shown with its sign: 0.3 → `+30.0%`.
    Change(Decimal),
    /// A difference of two shares, shown in percentage points: 0.05 → `+5.0 pp`.
    Points(Decimal),
    /// A count (leads, bookings, hours), whole or to two places.
    Count(Decimal),
    /// Fractional months (payback), to two places.
    Months(Decimal),
    /// A p-value, to three places: 0.0386 reads `0.039`, not a rounded 0.04
    /// beside its 0.05 threshold.
    PValue(Decimal),
    /// A whole number: a month, a year, a trial count.
    Whole(u64),
    /// Nothing: the figure is undefined (no costs, no payback).
    Empty,
}

impl Value {
    /// Money, or an empty cell when undefined.
    pub fn money(d: Option<Decimal>) -> Value {
        d.map_or(Value::Empty, Value::Money)
    }

    /// A ratio, or an empty cell when undefined.
    pub fn ratio(d: Option<Decimal>) -> Value {
        d.map_or(Value::Empty, Value::Ratio)
    }

    /// Months, or an empty cell when undefined.
    pub fn months(d: Option<Decimal>) -> Value {
        d.map_or(Value::Empty, Value::Months)
    }

    /// Text from anything printable.
    pub fn text(s: impl Into<String>) -> Value {
        Value::Text(s.into())
    }

    /// A key's value in the key's own terms: `+5%` a signed percentage,
    /// `+2pp` points, `25%` or a bare share a percentage, an amount as money
    /// or a count.
    pub fn key(key: Key, w: Written) -> Value {
        match w {
            Written::Relative(n) => Value::Change(n),
            Written::Points(n) => Value::Points(n),
            Written::Percent(n) => Value::Ratio(n),
            Written::Number(n) if key.kind().is_rate() => Value::Ratio(n),
            Written::Number(n) if key.is_money() => Value::Money(n),
            Written::Number(n) => Value::Count(n),
        }
    }
}

/// The number formats, built once per book.
#[derive(Debug, Clone)]
struct Styles {
    lang: Lang,
    currency: String,
    title: Format,
    header: Format,
    text: Format,
    ratio: Format,
    change: Format,
    points: Format,
    count: Format,
    fraction: Format,
    months: Format,
    p_value: Format,
    whole: Format,
}

impl Styles {
    fn new(lang: Lang, currency: &str) -> Styles {
        let points = match lang {
            Lang::En => "+0.0\" pp\";-0.0\" pp\";0.0\" pp\"",
            Lang::Ru => "+0.0\" п. п.\";-0.0\" п. п.\";0.0\" п. п.\"",
        };
        Styles {
            lang,
            currency: currency.to_string(),
            title: Format::new().set_bold().set_font_size(14),
            header: Format::new().set_bold().set_text_wrap(),
            text: Format::new(),
            ratio: Format::new().set_num_format("0.0%"),
            change: Format::new().set_num_format("+0.0%;-0.0%;0.0%"),
            points: Format::new().set_num_format(points),
            count: Format::new().set_num_format("#,##0"),
            fraction: Format::new().set_num_format("#,##0.00"),
            months: Format::new().set_num_format("0.00"),
            p_value: Format::new().set_num_format("0.000"),
            whole: Format::new().set_num_format("0"),
        }
    }

    /// `#,##0.00 "₽"`, or `"$"#,##0.00` where the symbol comes first (as in English text).
    fn money(&self, code: &str) -> Format {
        let symbol = currency_symbol(code).replace('"', "");
        let format = match (self.lang, symbol.as_str()) {
            (Lang::En, "$" | "€") => format!("\"{symbol}\"#,##0.00"),
            _ => format!("#,##0.00\\ \"{symbol}\""),
        };
        Format::new().set_num_format(format)
    }
}

/// A workbook being built.
pub struct Book {
    workbook: Workbook,
    styles: Styles,
}

impl Book {
    /// An empty workbook for readers of `lang`, amounts in `currency` (ISO code).
    pub fn new(lang: Lang, currency: &str) -> Book {
        Book {
            workbook: Workbook::new(),
            styles: Styles::new(lang, currency),
        }
    }

    /// A new sheet named `name` (cut to Excel's 31 characters, with the
    /// characters Excel forbids replaced); add it with [`Book::add`].
    pub fn sheet(&self, name: &str) -> Result<Sheet, XlsxError> {
        let mut ws = Worksheet::new();
        ws.set_name(sheet_name(name))?;
        Ok(Sheet {
            ws,
            row: 0,
            widths: Vec::new(),
            styles: self.styles.clone(),
            frozen: None,
        })
    }

    /// Adds a filled sheet after the others.
    pub fn add(&mut self, mut sheet: Sheet) -> Result<(), XlsxError> {
        sheet.finish()?;
        self.workbook.push_worksheet(sheet.ws);
        Ok(())
    }

    /// The workbook as the bytes of an `.xlsx` file.
    pub fn bytes(mut self) -> Result<Vec<u8>, XlsxError> {
        self.workbook.save_to_buffer()
    }
}

/// A sheet being filled row by row.
pub struct Sheet {
    ws: Worksheet,
    row: RowNum,
    widths: Vec<usize>,
    styles: Styles,
    frozen: Option<(RowNum, ColNum)>,
}

/// The most characters Excel keeps in a cell.
pub const CELL_CHARS: usize = 32_767;

/// `text` as a cell can hold it: a longer one (a 40 000-character cell of
/// an export) is cut at Excel's limit and ends with "…", where before the
/// whole workbook failed to write.
fn cell_text(text: &str) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(CELL_CHARS - 1) {
        Some((at, _)) if text.len() > at + text[at..].chars().next().map_or(0, char::len_utf8) => {
            std::borrow::Cow::Owned(format!("{}…", &text[..at]))
        }
        _ => std::borrow::Cow::Borrowed(text),
    }
}

impl Sheet {
    /// A bold title line in the first column; it does not widen the column.
    pub fn title(&mut self, text: &str) -> Result<&mut Sheet, XlsxError> {
        self.ws
            .write_string_with_format(self.row, 0, cell_text(text), &self.styles.title)?;
        self.row += 1;
        Ok(self)
    }

    /// A line of prose in the first column; it does not widen the column.
    pub fn note(&mut self, text: &str) -> Result<&mut Sheet, XlsxError> {
        self.ws
            .write_string_with_format(self.row, 0, cell_text(text), &self.styles.text)?;
        self.row += 1;
        Ok(self)
    }

    /// An empty row.
    pub fn blank(&mut self) -> &mut Sheet {
        self.row += 1;
        self
    }

    /// A row of bold headings; the rows above it and the first `columns`
    /// columns stay in view when scrolling.
    pub fn header(&mut self, names: &[&str], columns: ColNum) -> Result<&mut Sheet, XlsxError> {
        for (col, name) in names.iter().enumerate() {
            let col = col_num(col)?;
            self.ws.write_string_with_format(
                self.row,
                col,
                cell_text(name),
                &self.styles.header,
            )?;
            // A heading may wrap onto two lines, so its longest word sets the width.
            let word = name
                .split(' ')
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(0);
            self.widen(col, word.max(name.chars().count().min(14)));
        }
        self.row += 1;
        self.frozen = Some((self.row, columns));
        Ok(self)
    }

    /// A row of values from the first column on.
    pub fn row(&mut self, values: &[Value]) -> Result<&mut Sheet, XlsxError> {
        for (col, value) in values.iter().enumerate() {
            self.cell(col_num(col)?, value)?;
        }
        self.row += 1;
        Ok(self)
    }

    /// The row the next [`Sheet::row`] writes, counting from 0.
    pub fn next_row(&self) -> RowNum {
        self.row
    }

    /// The underlying worksheet, for what the builder does not cover (charts).
    pub fn worksheet(&mut self) -> &mut Worksheet {
        &mut self.ws
    }

    fn cell(&mut self, col: ColNum, value: &Value) -> Result<(), XlsxError> {
        let (row, s) = (self.row, &self.styles);
        let number = |d: Decimal, places: u32| round(d, places).to_f64().unwrap_or(0.0);
        let shown = match value {
            Value::Text(t) => {
                self.ws
                    .write_string_with_format(row, col, cell_text(t), &s.text)?;
                t.chars().count()
            }
            Value::Money(d) => {
                let format = s.money(&s.currency);
                self.ws
                    .write_number_with_format(row, col, number(*d, MONEY_PLACES), &format)?;
                money_width(*d)
            }
            Value::MoneyIn(d, code) => {
                let format = s.money(code);
                self.ws
                    .write_number_with_format(row, col, number(*d, MONEY_PLACES), &format)?;
                money_width(*d)
            }
            Value::Ratio(d) => {
                self.ws
                    .write_number_with_format(row, col, number(*d, RATIO_PLACES), &s.ratio)?;
                percent_width(*d)
            }
            Value::Change(d) => {
                self.ws
                    .write_number_with_format(row, col, number(*d, RATIO_PLACES), &s.change)?;
                percent_width(*d) + 1
            }
            Value::Points(d) => {
                // Stored in points, so the cell reads 5 for +5 pp, as a person would type it.
                let points = d.checked_mul(Decimal::ONE_HUNDRED).unwrap_or_default();
                self.ws.write_number_with_format(
                    row,
                    col,
                    number(points, RATIO_PLACES - 2),
                    &s.points,
                )?;
                percent_width(*d) + 5
            }
            Value::Count(d) => {
                let whole = round(*d, 2).fract().is_zero();
                let format = if whole { &s.count } else { &s.fraction };
                self.ws
                    .write_number_with_format(row, col, number(*d, 2), format)?;
                money_width(*d) - 2
            }
            Value::Months(d) => {
                self.ws
                    .write_number_with_format(row, col, number(*d, 2), &s.months)?;
                6
            }
            Value::PValue(d) => {
                self.ws
                    .write_number_with_format(row, col, number(*d, 3), &s.p_value)?;
                6
            }
            Value::Whole(n) => {
                self.ws
                    .write_number_with_format(row, col, *n as f64, &s.whole)?;
                n.to_string().len()
            }
            Value::Empty => 0,
        };
        self.widen(col, shown);
        Ok(())
    }

    fn widen(&mut self, col: ColNum, chars: usize) {
        let col = usize::from(col);
        if self.widths.len() <= col {
            self.widths.resize(col + 1, 0);
        }
        self.widths[col] = self.widths[col].max(chars);
    }

    fn finish(&mut self) -> Result<(), XlsxError> {
        for (col, chars) in self.widths.iter().enumerate() {
            // Excel's unit is about one digit; a little room for padding, never absurdly wide.
            let width = (*chars as f64 + 2.0).clamp(6.0, 60.0);
            self.ws.set_column_width(col_num(col)?, width)?;
        }
        if let Some((row, col)) = self.frozen {
            self.ws.set_freeze_panes(row, col)?;
        }
        Ok(())
    }
}

/// Excel's column number, or Excel's own error past its last column.
fn col_num(col: usize) -> Result<ColNum, XlsxError> {
    ColNum::try_from(col).map_err(|_| XlsxError::RowColumnLimitError)
}

/// Roughly how wide `1 234 567,89 ₽` is.
fn money_width(d: Decimal) -> usize {
    let digits = d.abs().trunc().to_string().len();
    digits + digits / 3 + 5
}

/// Roughly how wide `210.3%` is.
fn percent_width(d: Decimal) -> usize {
    let whole = d
        .checked_mul(Decimal::ONE_HUNDRED)
        .unwrap_or(Decimal::MAX)
        .abs()
        .trunc()
        .to_string()
        .len();
    whole + 4
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
pub fn sheet_name(name: &str) -> String {
    name.chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .take(31)
        .collect::<String>()
        .trim_matches('\'')
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_what_excel_accepts() {
        assert_eq!(sheet_name("ROI: 12/24 [draft]?"), "ROI- 12-24 -draft--");
        assert_eq!(sheet_name(&"Ж".repeat(40)).chars().count(), 31);
    }

    #[test]
    fn a_book_writes_an_xlsx_file() {
        let mut book = Book::new(Lang::Ru, "RUB");
        let mut sheet = book.sheet("Итоги").unwrap();
        sheet.header(&["Показатель", "Значение"], 1).unwrap();
        sheet
            .row(&[Value::text("=1+1"), Value::Money(Decimal::new(150050, 2))])
            .unwrap();
        book.add(sheet).unwrap();
        let bytes = book.bytes().unwrap();
        // A zip archive, as every .xlsx is.
        assert_eq!(&bytes[..2], b"PK");
    }

    #[test]
    fn a_cell_is_cut_at_excels_limit() {
        let fits = "я".repeat(CELL_CHARS);
        assert_eq!(cell_text(&fits), fits.as_str());
        let long = "я".repeat(CELL_CHARS + 1);
        let cut = cell_text(&long);
        assert_eq!(cut.chars().count(), CELL_CHARS);
        assert!(cut.ends_with("я…"));
        assert_eq!(cell_text("short"), "short");
    }
}
