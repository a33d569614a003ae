//! The readers on byte-exact fixtures written the way each system writes its files.

use std::sync::Arc;

use chrono::NaiveDate;

use super::super::table::{Cell, Encoding, Kind, Opened, Origin, ReadError, Rows};
use super::{open, sniff_kind};

/// A cell owned, to compare whole rows.
#[derive(Debug, Clone, PartialEq)]
enum V {
    E,
    T(String),
    N(f64),
    D(chrono::NaiveDateTime),
    B(bool),
}

fn txt(s: &str) -> V {
    V::T(s.to_owned())
}

fn owned(c: Cell<'_>) -> V {
    match c {
        Cell::Empty => V::E,
        Cell::Text(s) => txt(s),
        Cell::Number(n) => V::N(n),
        Cell::DateTime(d) => V::D(d),
        Cell::Bool(b) => V::B(b),
    }
}

/// Every row as (number, cells up to its width).
fn all(rows: &mut dyn Rows) -> Vec<(u64, Vec<V>)> {
    let mut out = Vec::new();
    while rows.advance().unwrap() {
        let cells = (0..rows.width()).map(|i| owned(rows.cell(i))).collect();
        // Past the row's end every cell reads empty.
        assert_eq!(rows.cell(rows.width() + 3), Cell::Empty);
        out.push((rows.number(), cells));
    }
    out
}

fn bytes(name: &str, data: &[u8]) -> Origin {
    Origin::Bytes {
        name: name.to_owned(),
        bytes: Arc::from(data),
    }
}

/// `data` written to a file called `name` in a fresh directory (kept alive by the guard).
fn on_disk(name: &str, data: &[u8]) -> (tempfile::TempDir, Origin) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, data).unwrap();
    (dir, Origin::Path(path))
}

fn cp1251(s: &str) -> Vec<u8> {
    let (out, _, lossy) = encoding_rs::WINDOWS_1251.encode(s);
    assert!(!lossy);
    out.into_owned()
}

fn utf16le_with_bom(s: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    out.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
    out
}

fn opened(origin: &Origin) -> Opened {
    match open(origin, None) {
        Ok(o) => o,
        Err(e) => panic!("{e}"),
    }
}

fn error(origin: &Origin, sheet: Option<&str>) -> ReadError {
    match open(origin, sheet) {
        Ok(o) => panic!("opened as {:?}", o.kind),
        Err(e) => e,
    }
}

// ---- CSV ----

/// Bitrix24's CSV: every field quoted and followed by `;`.
const BITRIX_CSV: &str = "\"ID\";\"Стадия сделки\";\"Сумма\";\"Комментарий\";\n\
\"101\";\"Сделка успешна\";\"15 000.00\";\"звонок \"\"с сайта\"\"\";\n\
\"102\";\"В работе\";\"\";\" \u{a0}\";\n";

fn bitrix_rows() -> Vec<(u64, Vec<V>)> {
    vec![
        (
            1,
            vec![
                txt("ID"),
                txt("Стадия сделки"),
                txt("Сумма"),
                txt("Комментарий"),
                V::E,
            ],
        ),
        (
            2,
            vec![
                txt("101"),
                txt("Сделка успешна"),
                txt("15 000.00"),
                txt("звонок \"с сайта\""),
                V::E,
            ],
        ),
        (3, vec![txt("102"), txt("В работе"), V::E, V::E, V::E]),
    ]
}

#[test]
fn bitrix_csv_in_utf8_with_a_bom() {
    let mut data = b"\xEF\xBB\xBF".to_vec();
    data.extend(BITRIX_CSV.as_bytes());
    for origin in [bytes("<stdin>", &data), on_disk("deals.csv", &data).1] {
        let mut o = opened(&origin);
        assert_eq!(
            (o.kind, o.encoding, o.sheet.clone()),
            (Kind::Csv, Some(Encoding::Utf8Bom), None)
        );
        // The BOM is gone from the first cell.
        assert_eq!(all(&mut *o.rows), bitrix_rows());
    }
}

#[test]
fn a_stray_byte_in_a_utf8_file_with_a_bom_becomes_a_replacement_character() {
    let data = b"\xEF\xBB\xBFa;b\n1;x\xFFy\n";
    let (_dir, origin) = on_disk("deals.csv", data);
    let mut o = opened(&origin);
    assert_eq!(o.encoding, Some(Encoding::Utf8Bom));
    assert_eq!(
        all(&mut *o.rows),
        vec![
            (1, vec![txt("a"), txt("b")]),
            (2, vec![txt("1"), txt("x\u{FFFD}y")])
        ]
    );
}

#[test]
fn bitrix_csv_in_windows_1251_without_a_bom() {
    let data = cp1251(BITRIX_CSV);
    let (_dir, origin) = on_disk("deals.csv", &data);
    let mut o = opened(&origin);
    assert_eq!(
        (o.kind, o.encoding),
        (Kind::Csv, Some(Encoding::Windows1251))
    );
    assert_eq!(all(&mut *o.rows), bitrix_rows());
}

#[test]
fn utf16_tab_separated_as_excel_saves_unicode_text() {
    let data = utf16le_with_bom(
        "Месяц\tЛиды\tВыручка\r\nЯнварь 2025\t120\t1 500,50\r\nФевраль 2025\t95\t\r\n",
    );
    let mut o = opened(&bytes("kpi.txt", &data));
    assert_eq!((o.kind, o.encoding), (Kind::Csv, Some(Encoding::Utf16)));
    assert_eq!(
        all(&mut *o.rows),
        vec![
            (1, vec![txt("Месяц"), txt("Лиды"), txt("Выручка")]),
            (2, vec![txt("Январь 2025"), txt("120"), txt("1 500,50")]),
            (3, vec![txt("Февраль 2025"), txt("95"), V::E]),
        ]
    );
}

#[test]
fn comma_csv_with_a_title_line_above_the_header() {
    let data = "Отчёт за 01.01.2025, Иванов\nДата,Клиент,Сумма\n01.01.2025,Петрова,\"1,500.50\"\n02.01.2025,Сидорова,700\n";
    let mut o = opened(&bytes("report.csv", data.as_bytes()));
    assert_eq!(o.encoding, Some(Encoding::Utf8));
    assert_eq!(
        all(&mut *o.rows),
        vec![
            (1, vec![txt("Отчёт за 01.01.2025"), txt("Иванов")]),
            (2, vec![txt("Дата"), txt("Клиент"), txt("Сумма")]),
            (3, vec![txt("01.01.2025"), txt("Петрова"), txt("1,500.50")]),
            (4, vec![txt("02.01.2025"), txt("Сидорова"), txt("700")]),
        ]
    );
}

#[test]
fn the_delimiter_is_the_one_that_splits_consistently() {
    use super::csv::sniff_delimiter;
    // A Russian Excel CSV: `;` between fields, decimal commas unquoted, a title with a comma.
    let excel = "Отчёт за 01.01.2025, Иванов\nДата;Клиент;Сумма\n01.01.2025;Петрова;1500,50\n02.01.2025;Сидорова;700,00\n";
    assert_eq!(sniff_delimiter(excel.as_bytes(), true), b';');
    assert_eq!(sniff_delimiter(BITRIX_CSV.as_bytes(), true), b';');
    assert_eq!(sniff_delimiter(b"a,b,c\n1,2,3\n4,5,6\n", true), b',');
    assert_eq!(sniff_delimiter(b"a\tb;c\n1\t2;3\n4\t5\n", true), b'\t');
    // One column: nothing to split, the default.
    assert_eq!(sniff_delimiter(b"a\n1\n", true), b',');
    // A start cut mid-record does not count its last, partial record.
    assert_eq!(sniff_delimiter(b"a;b;c\n1;2;3\n4,5,6,7,8,9", false), b';');
}

#[test]
fn a_multi_line_quoted_field_keeps_row_numbers_right() {
    let data =
        "Имя;Комментарий\nИванова;\"первая строка\nвторая строка\"\nПетрова;ок\n\nСидорова;\"\"\n";
    let mut o = opened(&bytes("x.csv", data.as_bytes()));
    assert_eq!(
        all(&mut *o.rows),
        vec![
            (1, vec![txt("Имя"), txt("Комментарий")]),
            (2, vec![txt("Иванова"), txt("первая строка\nвторая строка")]),
            (4, vec![txt("Петрова"), txt("ок")]),
            // The blank line 5 is no record; the next starts on line 6.
            (6, vec![txt("Сидорова"), V::E]),
        ]
    );
}

#[test]
fn crlf_lines_blank_lines_and_a_last_line_without_a_break_number_right() {
    let data = "a;b\r\n\r\n1;\"x\r\ny\"\r\n\n2;z";
    let mut o = opened(&bytes("x.csv", data.as_bytes()));
    assert_eq!(
        all(&mut *o.rows),
        vec![
            (1, vec![txt("a"), txt("b")]),
            (3, vec![txt("1"), txt("x\r\ny")]),
            (6, vec![txt("2"), txt("z")]),
        ]
    );
}

#[test]
fn invalid_utf8_only_after_the_first_64_kib_is_windows_1251() {
    let mut data = b"Name;Sum\n".to_vec();
    while data.len() < 70 * 1024 {
        data.extend(b"Ivanova;100\n");
    }
    let rows_before = data.iter().filter(|&&b| b == b'\n').count() as u64;
    data.extend(cp1251("Петрова;200\n"));
    let (_dir, origin) = on_disk("old-portal.csv", &data);
    let mut o = opened(&origin);
    assert_eq!(o.encoding, Some(Encoding::Windows1251));
    let rows = all(&mut *o.rows);
    assert_eq!(
        rows.last().unwrap(),
        &(rows_before + 1, vec![txt("Петрова"), txt("200")])
    );
}

#[test]
fn utf8_check_carries_a_character_split_across_chunks() {
    // `я` is two bytes; after one ASCII byte, a 64 KiB chunk ends inside one.
    let mut data = b"a".to_vec();
    data.extend("я".repeat(40_000).as_bytes());
    assert!(super::text::is_utf8(&mut &data[..]).unwrap());
    let (_dir, origin) = on_disk("ya.csv", &data);
    assert_eq!(opened(&origin).encoding, Some(Encoding::Utf8));
    // A character cut off by the end of the file is not UTF-8.
    data.pop();
    assert!(!super::text::is_utf8(&mut &data[..]).unwrap());
}

#[test]
fn an_unclosed_quote_is_an_error_at_its_line() {
    let data = "Имя;Сумма\nИванова;100\nПетрова;\"200\nСидорова;300\n";
    let mut o = opened(&bytes("broken.csv", data.as_bytes()));
    assert!(o.rows.advance().unwrap());
    assert!(o.rows.advance().unwrap());
    assert_eq!(o.rows.number(), 2);
    match o.rows.advance() {
        Err(e @ ReadError::Csv { line: 3, .. }) => assert_eq!(
            e.to_string(),
            "broken.csv, line 3: a quoted field is never closed (a \" is missing)"
        ),
        other => panic!("{:?}", other.map(|_| ())),
    }
}

#[test]
fn quotes_closed_at_the_very_end_or_doubled_are_fine() {
    for (data, last) in [
        ("a;b\n1;\"x\"", txt("x")),
        ("a;b\n1;\"x \"\"y\"\"\"", txt("x \"y\"")),
        // A quote inside an unquoted field is a plain character.
        ("a;b\n1;ООО \"Ромашка", txt("ООО \"Ромашка")),
    ] {
        let mut o = opened(&bytes("x.csv", data.as_bytes()));
        let rows = all(&mut *o.rows);
        assert_eq!(rows[1], (2, vec![txt("1"), last]), "{data}");
    }
}

#[test]
fn an_empty_input_has_no_rows() {
    let mut o = opened(&bytes("<stdin>", b""));
    assert_eq!((o.kind, o.encoding), (Kind::Csv, Some(Encoding::Utf8)));
    assert!(!o.rows.advance().unwrap());
}

// ---- HTML ----

const BITRIX_HTML: &str = "<meta http-equiv=\"Content-type\" content=\"text/html;charset=CHARSET\" />\
<table border=\"1\"><thead><tr><th>ID</th><th>Стадия сделки</th><th>Сумма</th></tr></thead>\n\
<tbody><tr><td>101</td><td> Сделка&nbsp;успешна </td><td>15&nbsp;000</td></tr>\n\
<tr><td>102</td><td>\n  В   работе<br>у Иванова\n</td><td></td></tr>\n\
<tr><td colspan=\"2\">Итого</td><td>15000</td></tr></tbody></table>";

fn bitrix_html_rows() -> Vec<(u64, Vec<V>)> {
    vec![
        (1, vec![txt("ID"), txt("Стадия сделки"), txt("Сумма")]),
        (2, vec![txt("101"), txt("Сделка успешна"), txt("15 000")]),
        (3, vec![txt("102"), txt("В работе у Иванова"), V::E]),
        (4, vec![txt("Итого"), V::E, txt("15000")]),
    ]
}

#[test]
fn bitrix_html_xls_in_utf8_with_a_bom() {
    let mut data = b"\xEF\xBB\xBF".to_vec();
    data.extend(BITRIX_HTML.replace("CHARSET", "UTF-8").as_bytes());
    // The bytes Bitrix's documented export starts with.
    assert!(data.starts_with(&[0xEF, 0xBB, 0xBF, 0x3C, 0x6D, 0x65, 0x74, 0x61]));
    let (_dir, origin) = on_disk("deals.xls", &data);
    let mut o = opened(&origin);
    assert_eq!(
        (o.kind, o.encoding, o.sheet.clone()),
        (Kind::Html, Some(Encoding::Utf8Bom), None)
    );
    assert_eq!(all(&mut *o.rows), bitrix_html_rows());
}

#[test]
fn bitrix_html_xls_in_windows_1251() {
    let data = cp1251(&BITRIX_HTML.replace("CHARSET", "windows-1251"));
    let mut o = opened(&bytes("deals.xls", &data));
    assert_eq!(
        (o.kind, o.encoding),
        (Kind::Html, Some(Encoding::Windows1251))
    );
    assert_eq!(all(&mut *o.rows), bitrix_html_rows());
}

#[test]
fn html_in_utf16() {
    let data = utf16le_with_bom(
        "\r\n<table><tr><td>Имя</td><td>Визит</td></tr><tr><td>Иванова</td></tr></table>",
    );
    let mut o = opened(&bytes("x.xls", &data));
    assert_eq!((o.kind, o.encoding), (Kind::Html, Some(Encoding::Utf16)));
    assert_eq!(
        all(&mut *o.rows),
        vec![
            (1, vec![txt("Имя"), txt("Визит")]),
            (2, vec![txt("Иванова")])
        ]
    );
}

#[test]
fn html_reads_the_first_table_only_and_not_a_nested_one() {
    let data = "\n  <html><body><table><tr><td>a<table><tr><td>inner</td></tr></table></td><td>b</td></tr>\
<tr><th>c</th></tr></table><table><tr><td>second</td></tr></table></body></html>";
    let mut o = opened(&bytes("x.html", data.as_bytes()));
    assert_eq!(o.encoding, Some(Encoding::Utf8));
    assert_eq!(
        all(&mut *o.rows),
        vec![(1, vec![txt("ainner"), txt("b")]), (2, vec![txt("c")])]
    );
}

#[test]
fn html_without_a_table_is_refused() {
    let e = error(
        &bytes("page.html", b"<html><body><p>nothing</p></body></html>"),
        None,
    );
    assert!(matches!(e, ReadError::NoTable { .. }));
    assert_eq!(e.to_string(), "page.html: an HTML file with no table in it");
}

// ---- spreadsheets ----

fn xlsx() -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("dd.mm.yyyy hh:mm");
    let sheet = book.add_worksheet().set_name("Записи").unwrap();
    // A 1C-style title block above the header.
    sheet
        .write_string(0, 0, "Отчёт по записям за январь 2025")
        .unwrap();
    sheet.write_string(1, 0, "Салон «Роза»").unwrap();
    sheet.write_string(3, 0, "Дата").unwrap();
    sheet.write_string(3, 1, "Клиент").unwrap();
    sheet.write_string(3, 2, "Сумма").unwrap();
    sheet.write_string(3, 3, "Пришёл").unwrap();
    let when = ExcelDateTime::parse_from_str("2025-01-15 10:30:00").unwrap();
    sheet
        .write_datetime_with_format(4, 0, &when, &date)
        .unwrap();
    sheet.write_string(4, 1, "  Петрова\u{a0}").unwrap();
    sheet.write_number(4, 2, 1500.5).unwrap();
    sheet.write_boolean(4, 3, true).unwrap();
    sheet.write_string(5, 1, " ").unwrap();
    sheet.write_number(5, 2, 700).unwrap();
    // An error as Excel caches it (`t="e"`), read as its text for the caller to report.
    sheet
        .write_formula(5, 3, Formula::new("=1/0").set_result("#DIV/0!"))
        .unwrap();
    // The second sheet's used range starts at C3, not A1.
    let totals = book.add_worksheet().set_name("Итоги").unwrap();
    totals.write_string(2, 2, "Месяц").unwrap();
    totals.write_string(3, 2, "Январь").unwrap();
    totals.write_number(3, 3, 42).unwrap();
    book.save_to_buffer().unwrap()
}

#[test]
fn xlsx_first_sheet_with_a_title_block_and_typed_cells() {
    let data = xlsx();
    // Named `.csv` on purpose: the bytes decide.
    let (_dir, origin) = on_disk("export.csv", &data);
    let mut o = opened(&origin);
    assert_eq!(
        (o.kind, o.encoding, o.sheet.as_deref()),
        (Kind::Xlsx, None, Some("Записи"))
    );
    let when = NaiveDate::from_ymd_opt(2025, 1, 15)
        .unwrap()
        .and_hms_opt(10, 30, 0)
        .unwrap();
    assert_eq!(
        all(&mut *o.rows),
        vec![
            (1, vec![txt("Отчёт по записям за январь 2025")]),
            (2, vec![txt("Салон «Роза»")]),
            (3, vec![]),
            (
                4,
                vec![txt("Дата"), txt("Клиент"), txt("Сумма"), txt("Пришёл")]
            ),
            (
                5,
                vec![V::D(when), txt("Петрова"), V::N(1500.5), V::B(true)]
            ),
            (6, vec![V::E, V::E, V::N(700.0), txt("#DIV/0!")]),
        ]
    );
}

#[test]
fn xlsx_sheet_chosen_by_name_keeps_the_sheets_row_and_column_numbers() {
    let mut o = open(&bytes("<stdin>", &xlsx()), Some("Итоги")).unwrap();
    assert_eq!(o.sheet.as_deref(), Some("Итоги"));
    assert_eq!(
        all(&mut *o.rows),
        vec![
            (3, vec![V::E, V::E, txt("Месяц")]),
            (4, vec![V::E, V::E, txt("Январь"), V::N(42.0)]),
        ]
    );
    // The name as typed in another case still finds the sheet.
    assert_eq!(
        open(&bytes("b.xlsx", &xlsx()), Some(" итоги"))
            .unwrap()
            .sheet
            .as_deref(),
        Some("Итоги")
    );
}

#[test]
fn a_missing_sheet_lists_the_sheets() {
    let e = error(&bytes("book.xlsx", &xlsx()), Some("Сделки"));
    assert!(matches!(&e, ReadError::NoSheet { sheets, .. } if sheets == &["Записи", "Итоги"]));
    assert_eq!(
        e.to_string(),
        "book.xlsx: no sheet named \"Сделки\"; the sheets are: Записи, Итоги"
    );
}

/// A minimal OpenDocument spreadsheet as LibreOffice lays one out: the stored
/// `mimetype` first, then the content.
fn ods() -> Vec<u8> {
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    let content = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>
<table:table table:name="Лист1">
<table:table-row><table:table-cell office:value-type="string"><text:p>Дата</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Сумма</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Создана</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell office:value-type="date" office:date-value="2025-01-15"><text:p>15.01.2025</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="1500.5"><text:p>1500,5</text:p></table:table-cell><table:table-cell office:value-type="date" office:date-value="2025-01-14T09:05:00"><text:p>14.01.2025 09:05</text:p></table:table-cell></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>"#;
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, body) in [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("META-INF/manifest.xml", manifest),
        ("content.xml", content),
    ] {
        zip.start_file(name, stored).unwrap();
        zip.write_all(body.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn ods_dates_come_as_datetimes() {
    let mut o = opened(&bytes("kpi.xlsx", &ods()));
    assert_eq!((o.kind, o.sheet.as_deref()), (Kind::Ods, Some("Лист1")));
    let day = NaiveDate::from_ymd_opt(2025, 1, 15).unwrap();
    assert_eq!(
        all(&mut *o.rows),
        vec![
            (1, vec![txt("Дата"), txt("Сумма"), txt("Создана")]),
            (
                2,
                vec![
                    V::D(day.and_hms_opt(0, 0, 0).unwrap()),
                    V::N(1500.5),
                    V::D(
                        NaiveDate::from_ymd_opt(2025, 1, 14)
                            .unwrap()
                            .and_hms_opt(9, 5, 0)
                            .unwrap()
                    ),
                ]
            ),
        ]
    );
}

#[test]
fn damaged_workbooks_are_refused_naming_the_file_and_kind() {
    let e = error(&bytes("deals.xlsx", b"PK\x03\x04 not really a zip"), None);
    assert!(
        matches!(
            e,
            ReadError::Damaged {
                kind: Kind::Xlsx,
                ..
            }
        ),
        "{e}"
    );
    assert!(
        e.to_string()
            .starts_with("deals.xlsx: not a readable xlsx file: "),
        "{e}"
    );
    let e = error(
        &bytes(
            "old.xls",
            &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0],
        ),
        None,
    );
    assert!(
        matches!(
            e,
            ReadError::Damaged {
                kind: Kind::Xls,
                ..
            }
        ),
        "{e}"
    );
}

#[test]
fn a_missing_file_is_an_io_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("нет.csv");
    let e = error(&Origin::Path(path.clone()), None);
    assert!(matches!(e, ReadError::Io { .. }));
    assert!(
        e.to_string()
            .starts_with(&format!("cannot read {}: ", path.display())),
        "{e}"
    );
}

// ---- sniffing ----

#[test]
fn the_kind_comes_from_the_bytes() {
    assert_eq!(sniff_kind(b"PK\x03\x04\x14\x00"), Kind::Xlsx);
    assert_eq!(sniff_kind(&xlsx()[..super::HEAD]), Kind::Xlsx);
    assert_eq!(sniff_kind(&ods()[..super::HEAD]), Kind::Ods);
    assert_eq!(sniff_kind(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1]), Kind::Xls);
    assert_eq!(sniff_kind(b" \r\n\t<table>"), Kind::Html);
    assert_eq!(sniff_kind(b"\xEF\xBB\xBF\n<meta"), Kind::Html);
    assert_eq!(sniff_kind(&utf16le_with_bom(" <table>")), Kind::Html);
    let mut be = vec![0xFE, 0xFF];
    be.extend("<html>".encode_utf16().flat_map(u16::to_be_bytes));
    assert_eq!(sniff_kind(&be), Kind::Html);
    assert_eq!(sniff_kind(&utf16le_with_bom("a\tb")), Kind::Csv);
    assert_eq!(sniff_kind(b"\xEF\xBB\xBF\"ID\";"), Kind::Csv);
    assert_eq!(sniff_kind(b""), Kind::Csv);
    // `P` alone is text.
    assert_eq!(sniff_kind(b"PO;x"), Kind::Csv);
}

#[test]
fn every_read_error_speaks_russian() {
    use crate::i18n::Lang;
    for key in [
        "{}: not a readable {} file: {}",
        "{}: no sheet named \"{}\"; the sheets are: {}",
        "{}: an HTML file with no table in it",
        "{}, line {}: {}",
        "cannot read {}: {}",
        "a quoted field is never closed (a \" is missing)",
        "the text is not valid UTF-8",
        "the workbook has no sheets",
    ] {
        assert_ne!(Lang::Ru.tr(key), key);
    }
}
