//! Files built to hurt the reader: a workbook with one cell at the sheet's far
//! corner, a zip bomb of shared strings, a quote never closed, a line of
//! megabytes, a cell of megabytes. Each is read within bounded memory (the
//! process runs under an address-space limit, so an allocation past it
//! aborts the test) and answered or refused with exit 2 and a message of a
//! few lines.

mod common;
mod exports;

use common::refused;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The address space `roi` may use here: the debug binary maps ~150 MB
/// before it reads a byte, and every case needs far less than the rest.
const LIMIT_KB: u64 = 768 * 1024;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Runs `roi args` under [`LIMIT_KB`] of address space: (exit code, stdout, stderr).
fn bounded(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {LIMIT_KB}; exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_roi"))
        .args(args)
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A workbook of the salon's deals with one more cell at XFD1048576.
fn far_cell_xlsx() -> Vec<u8> {
    let recs = exports::salon((2025, 1), &[40, 40], None, 3);
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["ID", "Дата создания", "Стадия сделки", "Сумма"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (i, r) in recs.iter().enumerate() {
        let row = i as u32 + 1;
        sheet.write_number(row, 0, r.id as f64).unwrap();
        let date = format!("{:02}.{:02}.{} 10:00", r.day, r.month, r.year);
        sheet.write_string(row, 1, date).unwrap();
        let stage = match r.fate {
            exports::Fate::Came => "Сделка успешна",
            exports::Fate::Lost => "Сделка провалена",
            _ => "В работе",
        };
        sheet.write_string(row, 2, stage).unwrap();
    }
    sheet.write_string(1_048_575, 16_383, "x").unwrap();
    book.save_to_buffer().unwrap()
}

#[test]
fn a_cell_at_the_far_corner_costs_its_cell_not_the_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "far.xlsx", &far_cell_xlsx());
    let (code, stdout, stderr) = bounded(&[
        "measure",
        file.to_str().unwrap(),
        "--source",
        "bitrix24",
        "-f",
        "json",
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    // The 80 deals are counted; the far cell's row has no date and is left out.
    assert_eq!(json["quality"]["used"], 80, "{stdout}");
    assert_eq!(json["months"][0]["leads"], 40);
}

/// A workbook whose shared strings unpack to 80 MB from a zip of kilobytes.
fn shared_strings_bomb() -> Vec<u8> {
    let plain = far_cell_xlsx();
    let mut source = zip::ZipArchive::new(std::io::Cursor::new(plain)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..source.len() {
        let entry = source.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        if name == "xl/sharedStrings.xml" {
            continue;
        }
        out.raw_copy_file(entry).unwrap();
    }
    out.start_file("xl/sharedStrings.xml", deflated).unwrap();
    out.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#)
        .unwrap();
    let item = b"<si><t>xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx</t></si>";
    for _ in 0..(80 << 20) / item.len() {
        out.write_all(item).unwrap();
    }
    out.write_all(b"</sst>").unwrap();
    out.finish().unwrap().into_inner()
}

#[test]
fn a_zip_bomb_of_shared_strings_is_refused_before_it_is_unpacked() {
    let dir = tempfile::tempdir().unwrap();
    let bomb = shared_strings_bomb();
    assert!(bomb.len() < 1 << 20, "{} bytes", bomb.len());
    let file = write(dir.path(), "bomb.xlsx", &bomb);
    let (code, stdout, stderr) = bounded(&["measure", file.to_str().unwrap()]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("shared strings unpack to 80 MB"),
        "{stderr}"
    );
}

#[test]
fn a_quote_never_closed_is_refused_without_reading_the_file_into_one_field() {
    let dir = tempfile::tempdir().unwrap();
    let mut text =
        String::from("ID;Дата создания;Стадия сделки;Сумма\n1;\"01.02.2025;Сделка успешна;100\n");
    // 8 MB of rows after the quote that never closes.
    let row = "2;01.02.2025;Сделка успешна;1500\n";
    text.push_str(&row.repeat((8 << 20) / row.len()));
    let file = write(dir.path(), "open-quote.csv", text.as_bytes());
    let (code, stdout, stderr) = bounded(&["measure", file.to_str().unwrap()]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stdout.is_empty());
    assert!(stderr.contains("line 2"), "{stderr}");
    assert!(stderr.contains("runs past 1 MB"), "{stderr}");
}

#[test]
fn a_line_of_megabytes_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "ID;Дата создания;Стадия сделки;Сумма\n1;{}\n",
        "7".repeat(3 << 20)
    );
    let file = write(dir.path(), "long.csv", text.as_bytes());
    let err = refused(&["measure", file.to_str().unwrap(), "--source", "bitrix24"]);
    assert!(err.contains("runs past 1 MB"), "{err}");
    assert!(err.len() < 400, "{err}");
}

#[test]
fn a_cell_of_megabytes_is_quoted_in_80_characters() {
    let dir = tempfile::tempdir().unwrap();
    let huge = "з".repeat(500_000);
    let text = format!(
        "ID;Дата создания;Стадия сделки;Сумма\n1;01.02.2025;Сделка успешна;1500\n2;{huge};Сделка успешна;1500\n"
    );
    let file = write(dir.path(), "cell.csv", text.as_bytes());
    let path = file.to_str().unwrap();
    let out = common::roi()
        .args(["measure", path, "-f", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        out.stdout.len() < 10_000,
        "{} bytes of JSON",
        out.stdout.len()
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let value = json["quality"]["skipped"][0]["examples"][0]["value"]
        .as_str()
        .unwrap();
    assert!(value.starts_with(&"з".repeat(80)), "{value}");
    assert!(value.ends_with("(499920 more characters)"), "{value}");
    let note = String::from_utf8(out.stderr).unwrap();
    assert!(note.len() < 2_000, "{} bytes on stderr", note.len());
}
