//! clap's usage mistakes and the first screen of help, in the language of
//! messages: under `--lang ru` or a Russian locale a mistyped command line is
//! told as the tool's own errors are («Ошибка: …», exit 2, nothing on stdout).

mod common;

use common::roi;

/// Runs `roi args` with `LANG` set, which must be refused; returns stderr.
fn refused_in(lang: &str, args: &[&str]) -> String {
    let out = roi().env("LANG", lang).args(args).output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    assert!(out.stdout.is_empty(), "{args:?} wrote to stdout");
    stderr
}

const SALON: [&str; 5] = [
    "pilot",
    "examples/salon-deals.csv",
    "--map",
    "examples/salon-map.toml",
    "--baseline",
];

#[test]
fn usage_mistakes_are_russian_under_lang_ru() {
    let missing = refused_in(
        "C.UTF-8",
        &[&SALON[..], &["2025-06..2025-11", "--lang", "ru"]].concat(),
    );
    assert_eq!(
        missing,
        "Ошибка: не указан обязательный аргумент --pilot <FROM..TO>; справка: `roi pilot --help`\n"
    );
    assert_eq!(
        refused_in("C.UTF-8", &["calc", "--bogus", "--lang", "ru"]),
        "Ошибка: --bogus: нет такого флага; справка: `roi calc --help`\n"
    );
    assert_eq!(
        refused_in(
            "C.UTF-8",
            &[
                "calc",
                "examples/salon-rostov.toml",
                "--format",
                "xml",
                "--lang=ru"
            ]
        ),
        "Ошибка: --format xml: недопустимое значение; допустимо: table, json, csv, xlsx, html \
         (возможно, html); справка: `roi calc --help`\n"
    );
    assert_eq!(
        refused_in("C.UTF-8", &["clac", "--lang", "ru"]),
        "Ошибка: «clac» — не команда (возможно, calc); справка: `roi --help`\n"
    );
}

#[test]
fn usage_mistakes_follow_a_russian_locale() {
    let e = refused_in("ru_RU.UTF-8", &["measure", "x.csv", "--scenario"]);
    assert_eq!(
        e,
        "Ошибка: не указан обязательный аргумент --baseline <FROM..TO>; справка: `roi measure --help`\n"
    );
    // clap's range check and the tool's own value parsers speak Russian too.
    let e = refused_in(
        "ru_RU.UTF-8",
        &[
            "pilot",
            "x.csv",
            "--baseline",
            "2025-06..2025-11",
            "--plan",
            "--months",
            "40",
        ],
    );
    assert_eq!(
        e,
        "Ошибка: --months 40: должно быть от 1 до 36; справка: `roi pilot --help`\n"
    );
    let e = refused_in("ru_RU.UTF-8", &["pilot", "design", "--bogus"]);
    assert!(e.contains("справка: `roi pilot design --help`"), "{e}");
    let e = refused_in("ru_RU.UTF-8", &["calc", "a.toml", "b.toml"]);
    assert!(e.starts_with("Ошибка: «b.toml»: лишний аргумент;"), "{e}");
    // --lang en wins over the locale, and English keeps clap's own form.
    let e = refused_in("ru_RU.UTF-8", &["calc", "--bogus", "--lang", "en"]);
    assert!(
        e.starts_with("error: unexpected argument '--bogus' found"),
        "{e}"
    );
}

#[test]
fn help_opens_with_a_russian_summary_under_a_russian_locale() {
    let help = |lang: &str, args: &[&str]| {
        let out = roi().env("LANG", lang).args(args).output().unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let top = help("ru_RU.UTF-8", &["--help"]);
    assert!(
        top.starts_with("roi отвечает, окупится ли ИИ-ассистент"),
        "{top}"
    );
    assert!(top.contains("Справка по флагам ниже — на английском"));
    assert!(top.contains("Usage: roi [OPTIONS] <COMMAND>"));
    let measure = help("ru_RU.UTF-8", &["measure", "--help"]);
    assert!(measure.starts_with("roi measure читает выгрузки Битрикс24, amoCRM, YCLIENTS"));
    // Issue 20's flag is named where an owner looks first.
    assert!(
        measure.contains("с --retention — сколько клиентов"),
        "{measure}"
    );
    let pilot = help("C.UTF-8", &["pilot", "-h", "--lang", "ru"]);
    assert!(pilot.starts_with("roi pilot сравнивает месяцы пилота с базовым периодом"));
    assert!(pilot.contains("ОСТАНОВИТЬ"));
    // English help is clap's alone.
    let en = help("C.UTF-8", &["--help"]);
    assert!(
        en.starts_with("Does an AI sales assistant pay for itself?"),
        "{en}"
    );
}

#[test]
fn a_bare_expect_above_three_is_questioned() {
    let plan = |expect: &str, lang: &str| {
        let out = roi()
            .args([
                "pilot",
                "examples/salon-deals.csv",
                "--map",
                "examples/salon-map.toml",
                "--baseline",
                "2025-06..2025-11",
                "--plan",
                "--expect",
                expect,
                "--lang",
                lang,
            ])
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stderr).unwrap()
    };
    assert_eq!(
        plan("30", "en"),
        "Warning: --expect 30 is read as a rise of +3,000.0%; did you mean +30%?\n"
    );
    assert_eq!(
        plan("30", "ru"),
        "Предупреждение: --expect 30 читается как рост на +3\u{a0}000,0\u{a0}%; может быть, имелось в виду +30%?\n"
    );
    // A share, a percentage or a signed number is what it says.
    for fine in ["0.3", "+30%", "30%", "3", "+30"] {
        assert_eq!(plan(fine, "en"), "", "{fine}");
    }
}
