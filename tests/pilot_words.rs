//! `roi pilot`'s words and page, both languages: each reason sentence
//! against the figures beside it, the statistics explained once where they
//! first appear, and snapshots of the table and the page (before/after and
//! switchback) that a reader checked by eye and in Chromium.

mod common;
mod exports;

use common::{roi, stdout};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The shipped salon's export, mapping and periods, with its plan.
const SALON: [&str; 9] = [
    "examples/salon-deals.csv",
    "--map",
    "examples/salon-map.toml",
    "--baseline",
    "2025-06..2025-11",
    "--pilot",
    "2025-12..2026-02",
    "--scenario",
    "examples/salon-rostov.toml",
];

/// The shipped switchback: the daily export and its schedule, with the plan.
const SWITCHBACK: [&str; 9] = [
    "examples/salon-daily.csv",
    "--map",
    "examples/salon-map.toml",
    "--schedule",
    "examples/salon-schedule.csv",
    "--scenario",
    "examples/salon-rostov.toml",
    // Fewer trials than the default, for a debug build's speed; the odds
    // are what `roi simulate` gives on the written scenario with as many.
    "--trials",
    "20000",
];

/// `roi pilot args… --lang lang` at 80 columns.
fn pilot(args: &[&str], lang: &str) -> String {
    let out = roi()
        .env("COLUMNS", "80")
        .arg("pilot")
        .args(args)
        .args(["--lang", lang])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The text with its line breaks and indents as single spaces, so that a
/// sentence is found wherever the table wrapped it.
fn flat(text: &str) -> String {
    text.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

/// A page written with `-o`, its version line left out so a release does
/// not rewrite the snapshot.
fn page(args: &[&str], lang: &str, dir: &Path) -> String {
    let file = dir.join(format!("page-{lang}.html"));
    let mut all = vec!["pilot"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--lang", lang, "-o", file.to_str().unwrap()]);
    assert_eq!(stdout(&all), "", "nothing on stdout with -o");
    let html = std::fs::read_to_string(&file).unwrap();
    html.replace(
        &format!("<footer>roi {}</footer>", env!("CARGO_PKG_VERSION")),
        "<footer>roi VERSION</footer>",
    )
}

/// A March that is as busy as last March: Sep 2023 … Mar 2025, the pilot
/// in March 2025 (the same export as tests/pilot.rs's season case).
fn march_peak(dir: &Path) -> PathBuf {
    let year = [100, 98, 102, 99, 101, 100, 150, 100, 100, 100, 100, 100];
    let mut counts: Vec<u32> = year.to_vec();
    counts.extend([99, 101, 100, 98, 102, 100, 152]);
    let path = dir.join("deals.csv");
    let recs = exports::salon((2023, 9), &counts, None, 9);
    std::fs::write(&path, exports::bitrix_csv(&recs)).unwrap();
    path
}

#[test]
fn the_salons_verdict_reads_in_both_languages() {
    for lang in ["en", "ru"] {
        let text = pilot(&SALON, lang);
        for line in text.lines() {
            assert!(line.chars().count() <= 80, "wider than 80: {line}");
        }
        insta::assert_snapshot!(format!("words_salon_{lang}"), text);
    }
}

#[test]
fn each_statistic_is_explained_once() {
    let text = flat(&pilot(&SALON, "ru"));
    for once in [
        // The range, under the table that first shows it.
        "Диапазон (95\u{a0}%) — доверительный интервал",
        // The p-value, beside the one the decision rests on.
        "p-значение — насколько вероятна",
        // The odds, in words of 100 simulated futures.
        "в 56 из\u{a0}100 смоделированных вариантов",
        // The smallest rise a pilot tells from chance.
        "Пилот надёжно (в 8 случаях из 10)",
    ] {
        assert_eq!(text.matches(once).count(), 1, "{once}: {text}");
    }
    // The glossary's words, never the calques the review found.
    for never in [
        "настоящ",
        "Интервал 95",
        "исход",
        "горячий",
        "прочие",
        "Мин.",
        "подлиннее",
    ] {
        assert!(!text.contains(never), "{never}: {text}");
    }
    let en = flat(&pilot(&SALON, "en"));
    assert_eq!(
        en.matches("Range (95%) is the confidence interval").count(),
        1
    );
    assert_eq!(en.matches("The p-value is how likely").count(), 1);
}

#[test]
fn the_odds_are_told_in_hundreds_and_carry_their_spread() {
    let mut args = vec!["pilot"];
    args.extend_from_slice(&SALON);
    args.extend_from_slice(&["--format", "json"]);
    let json: Value = serde_json::from_str(&stdout(&args)).unwrap();
    let o = &json["odds"];
    let q = &o["roi_quantiles"];
    let p: Vec<f64> = ["p5", "p10", "p25", "p50", "p75", "p90", "p95"]
        .iter()
        .map(|k| q[k].as_f64().unwrap())
        .collect();
    assert!(p.windows(2).all(|w| w[0] <= w[1]), "in order: {p:?}");
    assert_eq!(q["p10"], o["roi_p10"]);
    assert_eq!(q["p50"], o["roi_p50"]);
    assert_eq!(q["p90"], o["roi_p90"]);
    // P(ROI > 0) = 0.558… shown as 56 of 100 (see the test above), and the
    // sentence's ends are the JSON's P10 and P90.
    let share = o["roi_positive"].as_f64().unwrap();
    assert_eq!((share * 100.0).round(), 56.0);
    let text = flat(&pilot(&SALON, "en"));
    let pct = |x: f64| format!("{:.1}%", x * 100.0);
    assert!(
        text.contains(&format!(
            "1 in 10 falls below {} and 1 in 10 above {}",
            pct(p[1]),
            pct(p[5])
        )),
        "{text}"
    );
}

#[test]
fn the_season_gets_its_own_reason_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let file = march_peak(dir.path());
    let args = [
        file.to_str().unwrap(),
        "--map",
        "examples/salon-map.toml",
        "--baseline",
        "2024-09..2025-02",
        "--pilot",
        "2025-03",
    ];
    let ru = pilot(&args, "ru");
    let en = pilot(&args, "en");
    // The rise as measured is wholly above zero (+47.1% … +57.1%), so the
    // reason says the season explains it, never that it could be chance;
    // the change net of the season (−2.8% … +5.7%) is the one called chance.
    let (fru, fen) = (flat(&ru), flat(&en));
    assert!(
        fen.contains("Leads per month: +52.0% (95% range: from +47.1% to +57.1%) — there is a rise, but the season explains it"),
        "{fen}"
    );
    assert!(
        fen.contains("is +1.3% (95% range: from -2.8% to +5.7%), and that could be chance"),
        "{fen}"
    );
    assert!(fru.contains("рост есть, но его объясняет сезон"), "{fru}");
    assert!(
        !fru.contains("в диапазон попадает и рост, и снижение."),
        "{fru}"
    );
    // No assistant records in either period: said so, not "new".
    assert!(fru.contains("ни до пилота, ни в пилоте не было"), "{fru}");
    assert!(fru.contains("Заявок через ассистента за время пилота не было."));
    assert!(fru.starts_with(
        "Пилот: март\u{a0}2025 (1\u{a0}месяц); базовый период: сентябрь\u{a0}2024\u{a0}— февраль\u{a0}2025"
    ));
    insta::assert_snapshot!("words_season_ru", ru);
    insta::assert_snapshot!("words_season_en", en);
}

#[test]
fn a_booking_export_has_no_leads_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("records.xlsx");
    let recs = exports::salon((2025, 1), &[50, 52, 48, 60, 62, 58], None, 5);
    std::fs::write(&file, exports::yclients_xlsx(&recs)).unwrap();
    let args = [
        file.to_str().unwrap(),
        "--baseline",
        "2025-01..2025-03",
        "--pilot",
        "2025-04..2025-06",
    ];
    let text = flat(&pilot(&args, "ru"));
    // Three baseline months: never the one-month sentence.
    assert!(!text.contains("По одному месяцу"), "{text}");
    assert!(!text.contains("одному месяцу базы"), "{text}");
    assert!(
        text.contains(
            "В данных нет заявок, поэтому их колебания от месяца к месяцу не оцениваются."
        ),
        "{text}"
    );
    assert!(text.contains("--primary bookings"), "{text}");
    assert!(!text.contains("даже за три года"), "{text}");
}

#[test]
fn the_pilots_page_tells_the_whole_verdict() {
    let dir = tempfile::tempdir().unwrap();
    for lang in ["en", "ru"] {
        let html = page(&SALON, lang, dir.path());
        insta::assert_snapshot!(format!("page_salon_{lang}"), html);
    }
    let html = page(&SALON, "ru", dir.path());
    for part in [
        "Решение: ПРОДЛИТЬ",
        "Что изменилось (все каналы)",
        "Заявки в месяц по каналам",
        "Диапазон (95\u{a0}%) — доверительный интервал",
        "Сезонность учтена",
        "Пилот надёжно (в 8 случаях из 10)",
        "станет заметен за 2\u{a0}месяца пилота",
        "Записи, ещё не закрытые на дату выгрузки",
        "Шансы окупиться",
        "Сравнение с планом «Beauty salon, Rostov-on-Don»",
        "Базовые показатели: план и данные",
        "@page { size: A4",
    ] {
        assert!(html.contains(part), "{part}");
    }
    // Two charts: the odds' spread and the monthly leads.
    assert_eq!(html.matches("<svg").count(), 2);
}

#[test]
fn text_from_inputs_is_escaped_on_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let plan = std::fs::read_to_string("examples/salon-rostov.toml").unwrap();
    let plan = plan.replacen(
        "name = \"Beauty salon, Rostov-on-Don\"",
        "name = \"<script>alert('x')</script> & Co\"",
        1,
    );
    let file = dir.path().join("plan.toml");
    std::fs::write(&file, plan).unwrap();
    let mut args = SALON.to_vec();
    args[8] = file.to_str().unwrap();
    let html = page(&args, "en", dir.path());
    assert!(!html.contains("<script>"), "escaped");
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co"));
}

#[test]
fn a_switchback_reads_and_prints_as_a_page() {
    let dir = tempfile::tempdir().unwrap();
    let mut pages = Vec::new();
    for lang in ["en", "ru"] {
        insta::assert_snapshot!(format!("words_switchback_{lang}"), pilot(&SWITCHBACK, lang));
        let html = page(&SWITCHBACK, lang, dir.path());
        insta::assert_snapshot!(format!("page_switchback_{lang}"), html);
        pages.push(html);
    }
    let html = &pages[1];
    // The calendar, the verdict and the range explained; leads counted a day.
    assert!(html.contains("<table class=\"calendar\">"));
    assert!(html.contains("<td class=\"on\">12 ■ ВКЛ</td>"), "{html}");
    assert!(html.contains("Решение: МАСШТАБИРОВАТЬ"));
    assert!(html.contains("Заявки в день: +36,9\u{a0}%"));
    assert!(html.contains("Диапазон (95\u{a0}%) — доверительный интервал"));
}

/// A constructed salon: the months after a year of history, the export's
/// first month, the baseline and the pilot.
type Case = (&'static [u32], (i32, u32), &'static str, &'static str);

/// Every reason about a change says what its own range shows: a clear
/// improvement or worsening only with the range wholly on that side of no
/// change, "could be chance" only with both a rise and a fall in it, and
/// the season's reason only beside a net change that could be chance.
#[test]
fn every_reason_agrees_with_the_range_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let flatline = [100, 97, 103, 99, 101, 100, 98, 102, 100, 99, 101, 100];
    let cases: [Case; 4] = [
        // Clearly up, clearly down, noisy, and a season-made rise.
        (
            &[100, 96, 104, 99, 101, 100, 160, 158, 162],
            (2024, 1),
            "2025-01..2025-06",
            "2025-07..2025-09",
        ),
        (
            &[100, 96, 104, 99, 101, 100, 60, 62, 58],
            (2024, 1),
            "2025-01..2025-06",
            "2025-07..2025-09",
        ),
        (
            &[80, 120, 90, 115, 85, 110, 130],
            (2024, 1),
            "2025-01..2025-06",
            "2025-07",
        ),
        (
            &[99, 101, 100, 98, 102, 100, 152],
            (2023, 9),
            "2024-09..2025-02",
            "2025-03",
        ),
    ];
    let mut seen = std::collections::BTreeSet::new();
    for (i, (months, start, baseline, pilot_months)) in cases.iter().enumerate() {
        let mut counts: Vec<u32> = if i == 3 {
            vec![100, 98, 102, 99, 101, 100, 150, 100, 100, 100, 100, 100]
        } else {
            flatline.to_vec()
        };
        counts.extend_from_slice(months);
        let file = dir.path().join(format!("case{i}.csv"));
        let recs = exports::salon(*start, &counts, None, 3 + i as u64);
        std::fs::write(&file, exports::bitrix_csv(&recs)).unwrap();
        let args = [
            file.to_str().unwrap(),
            "--map",
            "examples/salon-map.toml",
            "--baseline",
            baseline,
            "--pilot",
            pilot_months,
        ];
        let mut json_args = vec!["pilot"];
        json_args.extend_from_slice(&args);
        json_args.extend_from_slice(&["--format", "json"]);
        let json: Value = serde_json::from_str(&stdout(&json_args)).unwrap();
        let text = flat(&pilot(&args, "en"));
        let bullets: Vec<&str> = text.split(" • ").skip(1).collect();
        let reasons = json["decision"]["reasons"].as_array().unwrap();
        assert_eq!(bullets.len(), reasons.len(), "{text}");
        for (r, bullet) in reasons.iter().zip(&bullets) {
            seen.insert(r["reason"].as_str().unwrap().to_string());
            let (low, high) = (r["low"].as_f64(), r["high"].as_f64());
            match r["reason"].as_str().unwrap() {
                "better" => {
                    assert!(low.unwrap() > 0.0, "{r}");
                    assert!(
                        bullet
                            .contains("a clear improvement: the whole range is on the better side"),
                        "{bullet}"
                    );
                }
                "worse" => {
                    assert!(high.unwrap() < 0.0, "{r}");
                    assert!(bullet.contains("a clear change for the worse"), "{bullet}");
                }
                "unclear" => {
                    assert!(low.unwrap() <= 0.0 && high.unwrap() >= 0.0, "{r}");
                    assert!(
                        bullet.contains("the range holds both a rise and a fall"),
                        "{bullet}"
                    );
                }
                "season" => {
                    assert!(low.unwrap() <= 0.0 && high.unwrap() >= 0.0, "{r}");
                    assert!(bullet.contains("the season explains it"), "{bullet}");
                    assert!(bullet.contains("and that could be chance"), "{bullet}");
                }
                _ => {}
            }
            // The figures in the sentence are the JSON's, as shown (one decimal).
            if let (Some(lo), Some(hi)) = (low, high) {
                let shown = |x: f64| format!("{:+.1}%", x * 100.0);
                assert!(
                    bullet.contains(&format!("from {} to {}", shown(lo), shown(hi))),
                    "{bullet} vs {r}"
                );
            }
        }
    }
    for kind in ["better", "worse", "unclear", "season"] {
        assert!(seen.contains(kind), "{kind} not exercised: {seen:?}");
    }
}
