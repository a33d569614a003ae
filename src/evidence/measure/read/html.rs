//! An HTML `<table>`, as Bitrix24 writes its "Excel" export: decoded with the
//! sniffed encoding, parsed whole (such exports are small), its first table's
//! rows numbered as Excel shows the file when it opens it.

use scraper::{ElementRef, Html, Node, Selector};

use super::super::table::{Cell, Kind, Opened, Origin, ReadError, Rows};
use super::text;

/// The most columns one cell's `colspan` may take, against a hostile file.
const MAX_SPAN: usize = 256;

/// Opens `origin` as an HTML table.
pub(super) fn open(origin: &Origin) -> Result<Opened, ReadError> {
    let bytes = super::whole(origin)?;
    let text = text::detect_in(&bytes);
    let document = Html::parse_document(&text::decode_whole(&bytes, text));
    let table = Selector::parse("table").expect("a valid selector");
    let Some(table) = document.select(&table).next() else {
        return Err(ReadError::NoTable {
            file: origin.name(),
        });
    };
    let rows = rows(table);
    Ok(Opened {
        kind: Kind::Html,
        encoding: Some(text.encoding),
        sheet: None,
        rows: Box::new(HtmlRows { rows, at: None }),
    })
}

/// The texts of `table`'s rows in document order (`thead`, `tbody`, `tfoot` alike),
/// leaving out the rows of a table nested in a cell.
fn rows(table: ElementRef<'_>) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for tr in table.descendants().filter_map(ElementRef::wrap) {
        if tr.value().name() != "tr" || !directly_in(tr, table) {
            continue;
        }
        let mut row = Vec::new();
        for td in tr.children().filter_map(ElementRef::wrap) {
            if !matches!(td.value().name(), "td" | "th") {
                continue;
            }
            row.push(cell_text(td));
            // A cell spanning columns pushes the next one right, as in a spreadsheet.
            let span: usize = td
                .value()
                .attr("colspan")
                .and_then(|s| s.trim().parse().ok())
                .unwrap_or(1);
            row.extend(std::iter::repeat_n(
                String::new(),
                span.clamp(1, MAX_SPAN) - 1,
            ));
        }
        out.push(row);
    }
    out
}

/// Whether `table` is the nearest table around `element`.
fn directly_in(element: ElementRef<'_>, table: ElementRef<'_>) -> bool {
    element
        .ancestors()
        .find(|n| matches!(n.value(), Node::Element(e) if e.name() == "table"))
        .is_some_and(|n| n.id() == table.id())
}

/// A cell's text, whitespace (no-break spaces too) collapsed to single spaces
/// and trimmed; a `<br>` separates words like a space.
fn cell_text(cell: ElementRef<'_>) -> String {
    let mut raw = String::new();
    for node in cell.descendants() {
        match node.value() {
            Node::Text(t) => raw.push_str(t),
            Node::Element(e) if e.name() == "br" => raw.push(' '),
            _ => {}
        }
    }
    // `split_whitespace` splits at U+00A0 too: it is Unicode White_Space.
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An HTML table's rows, held whole.
struct HtmlRows {
    rows: Vec<Vec<String>>,
    at: Option<usize>,
}

impl Rows for HtmlRows {
    fn advance(&mut self) -> Result<bool, ReadError> {
        let next = self.at.map_or(0, |r| r + 1);
        self.at = Some(next.min(self.rows.len()));
        Ok(next < self.rows.len())
    }

    fn number(&self) -> u64 {
        self.at.map_or(0, |r| r as u64 + 1)
    }

    fn width(&self) -> usize {
        self.current().map_or(0, Vec::len)
    }

    fn cell(&self, i: usize) -> Cell<'_> {
        match self.current().and_then(|r| r.get(i)).map(String::as_str) {
            None | Some("") => Cell::Empty,
            Some(text) => Cell::Text(text),
        }
    }
}

impl HtmlRows {
    fn current(&self) -> Option<&Vec<String>> {
        self.at.and_then(|r| self.rows.get(r))
    }
}
