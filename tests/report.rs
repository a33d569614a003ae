//! `roi report`: a self-contained page, checked as HTML and rendered in a real browser.

mod common;

use common::roi;
use std::path::{Path, PathBuf};

fn page(args: &[&str]) -> String {
    let out = roi().arg("report").args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_page_stands_alone() {
    let html = page(&["examples/clinic-rostov.toml"]);
    assert!(html.starts_with("<!doctype html>"));
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("<svg"), "an inline chart");
    assert!(html.contains("@media print"), "a print stylesheet");
    // Nothing is fetched: no scripts, no external styles, fonts or images.
    for banned in ["<script", "src=", "@import", "url(", "<link", "href=\"http"] {
        assert!(!html.contains(banned), "{banned} in the page");
    }
    // The answer, the tables and the assumptions are all there.
    for text in [
        "Pays back in 1.12 months; ROI over 24 months 442.8%, net +2,470,903.55 ₽.",
        "Funnel per month",
        "596,931.38 ₽",
        "Monthly projection",
        "Annual projection",
        "Gross margin 55.0%",
        // The chart marks payback, in the summary's words and figure.
        "payback 1.12 months",
        "<td>Payback</td><td class=\"num\">1.12 months</td>",
    ] {
        assert!(html.contains(text), "{text} missing");
    }
    assert!(
        !html.contains("break-even 1.12"),
        "payback is not break-even"
    );
    // Losses and gains are styled.
    assert!(html.contains("<td class=\"num loss\">-8,102.85 ₽</td>"));
    assert!(html.contains("<td class=\"num gain\">+65,794.31 ₽</td>"));
}

#[test]
fn the_page_is_for_an_owner_and_for_a4() {
    let html = page(&["examples/salon-ranges.toml", "--lang", "ru"]);
    // The title block names the scenario once.
    let name = "Beauty salon, Rostov-on-Don (ranges)";
    let head = &html[html.find("<main>").unwrap()..html.find("<section").unwrap()];
    assert_eq!(head.matches(name).count(), 1, "{head}");
    // No command-line text for someone who only has the page.
    for cli in ["`roi", "roi simulate", "--set", "assumptions.gross_margin"] {
        assert!(!html.contains(cli), "{cli} in the page");
    }
    assert!(
        html.contains("взята середина диапазона"),
        "the range note reads as Russian"
    );
    assert!(html.contains("100,0\u{a0}%"), "a no-break space before %");
    assert!(html.contains("@page { size: A4"), "A4, as Russia prints");
}

#[test]
fn the_page_speaks_russian_and_escapes_names() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.toml");
    std::fs::write(
        &path,
        "[scenario]\nname = \"Салон <Роза> & Co\"\n[baseline]\nleads = 200\nconversion = 0.2\naverage_check = 1500\n\
         [after]\nleads = \"+30%\"\n[costs]\nmonthly = 5000\n",
    )
    .unwrap();
    let html = page(&[path.to_str().unwrap(), "--lang", "ru"]);
    assert!(html.contains("<html lang=\"ru\">"));
    assert!(html.contains("<h1>Салон &lt;Роза&gt; &amp; Co</h1>"));
    assert!(html.contains("Воронка за месяц"));
    assert!(html.contains("Чистый денежный поток нарастающим итогом"));
}

#[test]
fn output_file_is_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.html");
    let status = roi()
        .args(["report", "examples/salon-rostov.toml", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(status.status.success());
    assert!(status.stdout.is_empty());
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        page(&["examples/salon-rostov.toml"])
    );
    let entries: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(entries.len(), 1, "no temporary file left behind");
}

fn chromium() -> Option<PathBuf> {
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.exists())
}

/// Chromium, or `None` to skip; CI installs it and sets ROI_BROWSER_TESTS,
/// so there a browser test cannot be skipped.
fn browser() -> Option<PathBuf> {
    let found = chromium();
    if found.is_none() {
        assert!(
            std::env::var_os("ROI_BROWSER_TESTS").is_none(),
            "ROI_BROWSER_TESTS is set but no Chromium is installed"
        );
        eprintln!("skipped: no Chromium here (apt-get install chromium)");
    }
    found
}

/// A PNG's width, height, pixel bytes and bytes per pixel.
fn decoded(png: &Path) -> (u32, u32, Vec<u8>, usize) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(png).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    buf.truncate(info.buffer_size());
    (info.width, info.height, buf, info.color_type.samples())
}

/// The flags this machine's headless Chromium needs (its network is closed).
const HEADLESS: [&str; 9] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
];

/// Prints `html` to a PDF with headless Chromium and returns the PDF's bytes.
fn print_to_pdf(browser: &Path, html: &Path, dir: &Path) -> Vec<u8> {
    let pdf = dir.join("report.pdf");
    let status = std::process::Command::new(browser)
        .args(HEADLESS)
        .arg("--no-pdf-header-footer")
        .arg(format!(
            "--user-data-dir={}",
            dir.join("pdf-profile").display()
        ))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .unwrap();
    std::fs::read(&pdf)
        .unwrap_or_else(|_| panic!("no PDF: {}", String::from_utf8_lossy(&status.stderr)))
}

/// Renders `html` headless to a PNG, as the probe of this machine does.
fn screenshot(browser: &Path, html: &Path, png: &Path, profile: &Path) {
    let status = std::process::Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--window-size=1000,1400",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--screenshot={}", png.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .unwrap();
    assert!(
        png.exists(),
        "no screenshot: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}

#[test]
fn the_page_renders_in_a_real_browser() {
    let Some(browser) = browser() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("report.html");
    let png = dir.path().join("report.png");
    let status = roi()
        .args([
            "report",
            "examples/clinic-rostov.toml",
            "--lang",
            "ru",
            "-o",
        ])
        .arg(&html)
        .output()
        .unwrap();
    assert!(status.status.success());
    screenshot(&browser, &html, &png, &dir.path().join("profile"));

    let (width, height, buf, channels) = decoded(&png);
    let pixels: Vec<&[u8]> = buf.chunks(channels).collect();
    let inked = pixels
        .iter()
        .filter(|p| p[..3].iter().any(|&c| c < 200))
        .count();
    // The chart's line and area are green: rgb(46, 139, 87) and its tints.
    let green = pixels
        .iter()
        .filter(|p| p[1] > p[0].saturating_add(40) && p[1] > p[2].saturating_add(20))
        .count();
    assert_eq!((width, height), (1000, 1400));
    assert!(
        inked > pixels.len() / 50,
        "the page looks blank: {inked} inked pixels"
    );
    assert!(green > 1000, "no chart: {green} green pixels");

    // Printed: two A4 pages, the answer and summary on the first.
    let pdf = print_to_pdf(&browser, &html, dir.path());
    let text = String::from_utf8_lossy(&pdf);
    let pages = text.matches("/Type /Page\n").count()
        + text.matches("/Type /Page/").count()
        + text.matches("/Type /Page>>").count()
        + text.matches("/Type /Page ").count();
    let a4 = text.matches("/MediaBox [0 0 594.95996 841.91998]").count();
    assert_eq!(pages, 2, "the clinic prints on two pages");
    assert_eq!(a4, 2, "both pages are A4");
}

#[test]
fn the_pilots_page_renders_in_a_real_browser() {
    let Some(browser) = browser() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("pilot.html");
    let png = dir.path().join("pilot.png");
    let status = roi()
        .args([
            "pilot",
            "examples/salon-deals.csv",
            "--map",
            "examples/salon-map.toml",
            "--baseline",
            "2025-06..2025-11",
            "--pilot",
            "2025-12..2026-02",
            "--scenario",
            "examples/salon-rostov.toml",
            "--lang",
            "ru",
            "-o",
        ])
        .arg(&html)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    screenshot(&browser, &html, &png, &dir.path().join("profile"));
    let (width, height, buf, channels) = decoded(&png);
    let pixels: Vec<&[u8]> = buf.chunks(channels).collect();
    assert_eq!((width, height), (1000, 1400));
    // Blue, rgb(46, 90, 160), draws the odds' bar and the measured leads;
    // red the zero of ROI and the plan's line: on the first screen, the odds.
    let blue = pixels
        .iter()
        .filter(|p| p[2] > p[0].saturating_add(60) && p[2] > p[1].saturating_add(30))
        .count();
    let red = pixels
        .iter()
        .filter(|p| p[0] > p[1].saturating_add(80) && p[0] > p[2].saturating_add(80))
        .count();
    assert!(blue > 500, "no measured line: {blue} blue pixels");
    assert!(red > 100, "no plan line: {red} red pixels");
    // Printed: every page A4, the whole verdict on two of them.
    let (pages, a4) = pdf_pages(&print_to_pdf(&browser, &html, dir.path()));
    assert_eq!(pages, 2, "the pilot's page prints on two pages");
    assert_eq!(a4, pages, "every page is A4");
}

/// A PDF's pages, and how many of them are A4.
fn pdf_pages(pdf: &[u8]) -> (usize, usize) {
    let text = String::from_utf8_lossy(pdf);
    let pages = text.matches("/Type /Page\n").count()
        + text.matches("/Type /Page/").count()
        + text.matches("/Type /Page>>").count()
        + text.matches("/Type /Page ").count();
    let a4 = text.matches("/MediaBox [0 0 594.95996 841.91998]").count();
    (pages, a4)
}

#[test]
fn a_switchbacks_page_renders_in_a_real_browser() {
    let Some(browser) = browser() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("switchback.html");
    let png = dir.path().join("switchback.png");
    let status = roi()
        .args([
            "pilot",
            "examples/salon-daily.csv",
            "--map",
            "examples/salon-map.toml",
            "--schedule",
            "examples/salon-schedule.csv",
            "--lang",
            "ru",
            "-o",
        ])
        .arg(&html)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    screenshot(&browser, &html, &png, &dir.path().join("profile"));
    let (_, _, buf, channels) = decoded(&png);
    // The calendar's on days are shaded rgb(198, 239, 206).
    let on = buf
        .chunks(channels)
        .filter(|p| p[0] == 198 && p[1] == 239 && p[2] == 206)
        .count();
    assert!(on > 5000, "no calendar: {on} shaded pixels");
    let (pages, a4) = pdf_pages(&print_to_pdf(&browser, &html, dir.path()));
    assert!((1..=2).contains(&pages), "{pages} pages");
    assert_eq!(a4, pages, "every page is A4");
}
