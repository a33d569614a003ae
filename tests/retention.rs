//! Repeat visits end to end: the article's salon with `[retention]` against
//! figures worked by hand, a `[retention]` of zeros against none, mistakes
//! reported all at once in both languages, the keys in every command, and
//! the example in Russian, in a workbook and on a page.

mod common;
use common::{refused_with, stdout_with};
use serde_json::Value;

/// The article's salon (examples/salon-rostov.toml without its comments and variants).
const SALON: &str = "[scenario]\nname = \"Salon\"\nmonths = 12\n\
    [baseline]\nleads = 200\nconversion = \"20%\"\naverage_check = 1500\n\
    [after]\nleads = \"+30%\"\nconversion = \"25%\"\n\
    [costs]\nsetup = 25000\nmonthly = 10000\n";

const EXAMPLE: &str = "examples/salon-retention.toml";

/// `roi ARGS --format json` (reading `text` from standard input when given).
fn json(args: &[&str], text: Option<&str>) -> Value {
    let mut args = args.to_vec();
    args.extend(["--format", "json"]);
    serde_json::from_str(&stdout_with(&args, text)).unwrap()
}

fn texts(values: &Value) -> Vec<String> {
    values
        .as_array()
        .unwrap()
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn the_article_salon_with_returning_clients_matches_the_hand_figures() {
    // By hand. The assistant adds 65 − 40 = 25 visits a month: 25 new clients
    // a month. With repeat_visits = [0.5, 0.3, 0.2], month m gets
    // 0.5 × new(m − 1) + 0.3 × new(m − 2) + 0.2 × new(m − 3):
    //   month 1: 0 (no one to come back yet)
    //   month 2: 0.5 × 25 = 12.5
    //   month 3: 0.5 × 25 + 0.3 × 25 = 20
    //   months 4–12: (0.5 + 0.3 + 0.2) × 25 = 25
    // 12.5 + 20 + 9 × 25 = 257.5 = 25 × (0.5 + 0.8 + 1.0 × 9) repeat visits,
    // × 1 500 ₽ × 100% margin = 386 250 ₽ more benefit: 450 000 + 386 250 =
    // 836 250 ₽ against 145 000 ₽, ROI 691 250 / 145 000 = 476.72%. The
    // issue's figures hold. Month 1 is unchanged, so payback stays
    // 25 000 / 27 500 = 0.91 months.
    let v = json(&["calc", EXAMPLE], None);
    let months: Vec<String> = v["monthly"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["repeat_visits"].to_string())
        .collect();
    let mut want = vec!["0.00", "12.50", "20.00"];
    want.extend(["25.00"; 9]);
    assert_eq!(months, want);
    let s = &v["summary"];
    assert_eq!(s["repeat_visits"].to_string(), "257.50");
    assert_eq!(s["total_benefit"].to_string(), "836250.00");
    assert_eq!(s["total_cost"].to_string(), "145000.00");
    assert_eq!(s["net"].to_string(), "691250.00");
    assert_eq!(s["roi"].to_string(), "4.76724138");
    assert_eq!(s["payback_months"].to_string(), "0.90909091");
    assert_eq!(v["monthly"][1]["benefit"].to_string(), "56250.00");
    assert_eq!(
        texts(&v["scenario"]["retention"]["repeat_visits"]),
        ["0.5", "0.3", "0.2"]
    );
    // Without a cap there is nothing to turn away, and no capacity field.
    assert!(s.get("turned_away").is_none());
    // 386 250 ₽ more than the salon without returning clients.
    let plain = json(&["calc", "examples/salon-rostov.toml"], None);
    assert_eq!(plain["summary"]["total_benefit"].to_string(), "450000.00");
    let table = stdout_with(&["calc", EXAMPLE], None);
    for fragment in [
        "ROI over 12 months 476.7%",
        "Repeat visits over 12 months",
        "257.5",
    ] {
        assert!(table.contains(fragment), "{fragment:?} in\n{table}");
    }
}

/// `value` without the fields `[retention]` adds: scenario.retention,
/// summary.repeat_visits and each month's repeat_visits.
fn without_repeat_fields(mut value: Value) -> Value {
    value["scenario"]
        .as_object_mut()
        .unwrap()
        .remove("retention");
    value["summary"]
        .as_object_mut()
        .unwrap()
        .remove("repeat_visits");
    for month in value["monthly"].as_array_mut().unwrap() {
        month.as_object_mut().unwrap().remove("repeat_visits");
    }
    value
}

#[test]
fn a_retention_of_zeros_changes_no_figure() {
    // With and without the cap, ramp and discounting: every figure the same,
    // only the repeat-visit fields (all zero) added.
    for extra in [
        "",
        "[capacity]\nvisits = 50\n",
        "[assumptions]\nramp_months = 2\ndiscount_rate = \"12%\"\n",
    ] {
        let plain = format!("{SALON}{extra}");
        let zeros = format!("{plain}[retention]\nrepeat_visits = [0, 0.0, \"0%\"]\n");
        let with = json(&["calc", "-"], Some(&zeros));
        assert_eq!(with["summary"]["repeat_visits"].to_string(), "0.00");
        assert_eq!(
            without_repeat_fields(with),
            json(&["calc", "-"], Some(&plain)),
            "{extra}"
        );
        // The CSV gains its column, and nothing else changes.
        let csv = |text: &str| stdout_with(&["calc", "-", "--format", "csv"], Some(text));
        let stripped: Vec<String> = csv(&zeros)
            .lines()
            .map(|l| l.rsplit_once(',').unwrap().0.to_string())
            .collect();
        let plain_csv = csv(&plain);
        assert_eq!(stripped, plain_csv.lines().collect::<Vec<_>>());
    }
}

#[test]
fn repeat_visits_take_the_room_the_cap_leaves() {
    // Room for 70 visits: the month's own 65 first, 5 left for returning
    // clients from month 2, so 11 × 5 = 55 served and 7.5 + 15 + 9 × 20 =
    // 202.5 turned away; 450 000 + 55 × 1 500 = 532 500 ₽ of benefit,
    // ROI (532 500 − 145 000) / 145 000 = 267.24%.
    let v = json(&["calc", EXAMPLE, "--set", "capacity.visits=70"], None);
    let s = &v["summary"];
    assert_eq!(s["repeat_visits"].to_string(), "55.00");
    assert_eq!(s["turned_away"].to_string(), "202.50");
    assert_eq!(s["total_benefit"].to_string(), "532500.00");
    assert_eq!(s["roi"].to_string(), "2.67241379");
    let m3 = &v["monthly"][2];
    assert_eq!(m3["repeat_visits"].to_string(), "5.00");
    assert_eq!(m3["turned_away"].to_string(), "15.00");
    let note = stdout_with(&["calc", EXAMPLE, "--set", "capacity.visits=70"], None);
    assert!(note.contains("repeat visits take the room left"), "{note}");
}

#[test]
fn every_mistake_in_retention_is_reported_at_once() {
    let text = format!(
        "{SALON}[retention]\nrepeat_visits = [0.5, -1, \"+5%\", \"abc\", \"30%\"]\nrepeats = 2\n"
    );
    let e = refused_with(
        &["calc", "-", "--set", "retention.repeat_visits.30=1"],
        Some(&text),
    );
    let lines: Vec<&str> = e.lines().skip(1).map(str::trim).collect();
    let takes = "it takes a number ≥ 0 of repeat visits per new client, like 0.5 or \"50%\" (one new client in two comes back that month)";
    // SALON is 13 lines: [retention] is line 14, its list line 15.
    assert_eq!(
        lines,
        [
            format!("line 15: retention.repeat_visits.2 = -1: must not be negative; {takes}"),
            format!("line 15: retention.repeat_visits.3 = \"+5%\": a change needs something to change from; only [after] keys change from the baseline; {takes}"),
            format!("line 15: retention.repeat_visits.4 = \"abc\": cannot be read as a number; {takes}"),
            "line 16: retention.repeats: unknown key (did you mean `repeat_visits`?); [retention] takes: repeat_visits".to_string(),
            "--set retention.repeat_visits.30=1: names no month of repeat visits; they are set one month at a time, from retention.repeat_visits.1 (the month after a client's first visit) to retention.repeat_visits.24".to_string(),
        ]
    );
    let ru = refused_with(&["--lang", "ru", "calc", "-"], Some(&text));
    for fragment in [
        "строка 15: retention.repeat_visits.2 = -1: не может быть отрицательным; допустимо: число повторных визитов на одного нового клиента, ≥ 0",
        "каждый второй новый клиент",
    ] {
        assert!(ru.contains(fragment), "{fragment:?} in\n{ru}");
    }
    // A table without its list, a list too long, a value that is no list.
    let e = refused_with(&["calc", "-"], Some(&format!("{SALON}[retention]\n")));
    assert!(
        e.contains("line 14: retention.repeat_visits: is required"),
        "{e}"
    );
    let long = vec!["0.1"; 25].join(", ");
    let e = refused_with(
        &["--lang", "ru", "calc", "-"],
        Some(&format!("{SALON}[retention]\nrepeat_visits = [{long}]\n")),
    );
    assert!(
        e.contains("месяцев: 25, а учитывается не больше 24 месяцев после первого визита клиента"),
        "{e}"
    );
    let e = refused_with(
        &["calc", "-"],
        Some(&format!("{SALON}[retention]\nrepeat_visits = 0.5\n")),
    );
    assert!(
        e.contains("retention.repeat_visits = 0.5: must be a list of repeat visits per new client"),
        "{e}"
    );
}

#[test]
fn the_keys_work_in_set_variants_and_compare() {
    // --set brings [retention] in, months left out at none: 25 clients a
    // month come back once, two months later, from month 3: 10 × 25 = 250.
    let v = json(
        &["calc", "-", "--set", "retention.repeat_visits.2=1"],
        Some(SALON),
    );
    assert_eq!(
        texts(&v["scenario"]["retention"]["repeat_visits"]),
        ["0", "1"]
    );
    assert_eq!(v["summary"]["repeat_visits"].to_string(), "250.00");
    // A variant changes a month like any key; compare shows the horizon's repeat visits.
    let text = format!(
        "{}\n[[variant]]\nname = \"loyal\"\nset = {{ \"retention.repeat_visits.1\" = 1 }}\n",
        std::fs::read_to_string(EXAMPLE).unwrap()
    );
    let table = stdout_with(&["compare", "-"], Some(&text));
    let row = table
        .lines()
        .find(|l| l.contains("Repeat visits"))
        .unwrap_or_else(|| panic!("{table}"));
    // loyal: r_1 = 1: 25 + 32.5 + 9 × 37.5 = 395 repeat visits, 137.5 more.
    assert!(
        row.contains("257.5") && row.contains("395 (+137.5)"),
        "{row}"
    );
    let v = json(&["compare", "-"], Some(&text));
    assert_eq!(
        v["scenarios"][1]["summary"]["repeat_visits"].to_string(),
        "395.00"
    );
    let plain = stdout_with(&["compare", "examples/salon-rostov.toml"], None);
    assert!(!plain.contains("Repeat visits"), "{plain}");
}

#[test]
fn sweep_and_solve_vary_a_month_of_repeat_visits() {
    // How much must come back in the first month alone for ROI 300%?
    // 4 × 145 000 = 580 000 ₽ of benefit, 130 000 ₽ more than the salon's
    // 450 000: 86.67 visits at 1 500 ₽. r_1 brings 25 r_1 in each of months
    // 2–12, 275 r_1 in all: r_1 = 86.67 / 275 = 0.31515…
    let v = json(
        &[
            "solve",
            "examples/salon-rostov.toml",
            "--for",
            "retention.repeat_visits.1",
            "--target",
            "roi=300%",
        ],
        None,
    );
    assert_eq!(v["value"].to_string(), "0.315151515152", "{v}");
    assert_eq!(v["method"], "exact");
    // With room for 70 visits only 5 a month are left for returning clients:
    // months 3–12 fill them whatever r_1 (r_2 × 25 = 7.5 ≥ 5), month 2 holds
    // min(25 r_1, 5). ROI 265% needs 3.65 × 145 000 = 529 250 ₽, 79 250 ₽ or
    // 52.83 visits over the salon: 25 r_1 = 2.83, r_1 = 0.11333… The cap
    // bends the residual at r_1 = 0.2, and the answer says so.
    let v = json(
        &[
            "solve",
            EXAMPLE,
            "--for",
            "retention.repeat_visits.1",
            "--target",
            "roi=265%",
            "--set",
            "capacity.visits=70",
        ],
        None,
    );
    assert_eq!(v["method"], "piecewise", "{v}");
    assert_eq!(v["value"].to_string(), "0.113333333334", "{v}");
    // Each step of r_2 by 0.5 adds 0.5 × 25 × 10 months = 125 visits, 187 500 ₽.
    let out = stdout_with(
        &[
            "sweep",
            EXAMPLE,
            "--vary",
            "retention.repeat_visits.2=0..1:0.5",
            "--format",
            "csv",
        ],
        None,
    );
    let nets: Vec<&str> = out
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(11).unwrap())
        .collect();
    assert_eq!(nets, ["578750.00", "766250.00", "953750.00"], "{out}");
}

#[test]
fn simulate_and_sensitivity_draw_and_swing_each_month() {
    let text = std::fs::read_to_string(EXAMPLE).unwrap().replace(
        "repeat_visits = [0.5, 0.3, 0.2]",
        "repeat_visits = [\"0.3..0.7\", { low = 0.2, high = 0.4, dist = \"normal\" }, { low = 0.1, high = 0.4, dist = \"lognormal\" }]",
    );
    let v = json(&["simulate", "-", "--trials", "2000"], Some(&text));
    let keys: Vec<&str> = v["ranges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["key"].as_str().unwrap())
        .collect();
    assert_eq!(
        keys,
        [
            "retention.repeat_visits.1",
            "retention.repeat_visits.2",
            "retention.repeat_visits.3"
        ]
    );
    // Every trial returns some clients: ROI stays well above the plain salon's 210%.
    let p5: f64 = v["metrics"]["roi"]["p5"].as_f64().unwrap();
    assert!(p5 > 3.5, "{v}");
    // The tornado swings each month by its range, or by ±20% without one:
    // r_1 0.4 … 0.6 moves 0.1 × 25 × 11 = 27.5 visits each way, 41 250 ₽.
    let v = json(&["sensitivity", EXAMPLE], None);
    let bar = v["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["key"] == "retention.repeat_visits.1")
        .unwrap_or_else(|| panic!("{v}"));
    // (836 250 ∓ 41 250 − 145 000) / 145 000
    assert_eq!(bar["roi_low"].to_string(), "4.48275862");
    assert_eq!(bar["roi_high"].to_string(), "5.05172414");
}

#[test]
fn the_example_reads_in_russian() {
    let text = common::stdout(&["--lang", "ru", "calc", EXAMPLE]);
    insta::assert_snapshot!("salon-retention_ru", text);
}

#[test]
fn the_workbook_and_the_page_show_the_repeat_visits() {
    use calamine::{Data, Reader, open_workbook_auto};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("salon.xlsx");
    let out = common::roi()
        .args(["calc", EXAMPLE, "-o"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut book = open_workbook_auto(&path).unwrap();
    let monthly = book.worksheet_range("Monthly projection").unwrap();
    // Without model v2's tables the repeat visits follow the ROI column.
    assert_eq!(
        monthly.get((0, 9)),
        Some(&Data::String("Repeat visits".into()))
    );
    assert_eq!(monthly.get((3, 9)), Some(&Data::Float(20.0)));
    let summary = book.worksheet_range("Summary").unwrap();
    let total = (0..summary.height())
        .find(|&r| {
            matches!(summary.get((r, 0)), Some(Data::String(s)) if s == "Repeat visits over the horizon")
        })
        .and_then(|r| summary.get((r, 1)).cloned());
    assert_eq!(total, Some(Data::Float(257.5)));
    let html = stdout_with(&["report", EXAMPLE], None);
    for fragment in ["Repeat visits", "257.5", "476.7%"] {
        assert!(html.contains(fragment), "{fragment:?}");
    }
}
