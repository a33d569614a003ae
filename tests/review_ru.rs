//! The forecast half's Russian left over from the first review (items 83–99
//! of ru-measure-pilot.md): agreement, one term for one thing, the minus sign.

mod common;

use common::{refused_with, stdout};

#[test]
fn an_undefined_end_of_a_search_keeps_its_case() {
    let out = stdout(&[
        "solve",
        "examples/salon-rostov.toml",
        "--for",
        "after.conversion",
        "--target",
        "payback=0.01",
        "--lang",
        "ru",
    ]);
    assert!(
        out.contains("от 0\u{a0}% (окупаемость: нет значения) до"),
        "{out}"
    );
    assert!(!out.contains("окупаемость нет значения"), "{out}");
}

#[test]
fn a_negative_result_is_written_with_the_minus_sign() {
    let e = refused_with(
        &["calc", "-", "--lang", "ru"],
        Some(
            "[baseline]\nleads = 200\nconversion = 0.2\naverage_check = 1500\n[after]\nleads = \"-150%\"\n",
        ),
    );
    assert!(
        e.contains("значение станет отрицательным (\u{2212}100 при базе 200)"),
        "{e}"
    );
}

#[test]
fn the_starter_speaks_as_the_output_does() {
    let starter = stdout(&["init", "--lang", "ru", "-"]);
    for wrong in ["п.п.", "+15..40%", "1..120", "доп. ", "растёт на столько"] {
        assert!(!starter.contains(wrong), "{wrong} in the starter");
    }
    assert!(starter.contains("\"+5 п. п.\""));
    assert!(starter.contains("от 1 до 120 месяцев"));
}

#[test]
fn a_column_of_amounts_shows_kopecks_on_all_or_none() {
    let out = stdout(&["calc", "examples/fitness-seasonal.toml", "--lang", "ru"]);
    // «Выручка до внедрения» in month 5 is whole, but its column has kopecks.
    assert!(out.contains("│     5 ┆ 36\u{a0}855,00\u{a0}₽ ┆"), "{out}");
    // A column of whole amounts keeps none: the costs.
    assert!(out.contains("┆ 30\u{a0}000\u{a0}₽ ┆"), "{out}");
}
