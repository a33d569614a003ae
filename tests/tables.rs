//! Model v2 end to end: `[capacity]`, `[seasonality]` and `[[costs.item]]`
//! against figures worked by hand, their mistakes reported all at once, and
//! their keys in every command.

mod common;
use common::{refused_with, stdout_with};
use serde_json::Value;

/// The article's salon (examples/salon-rostov.toml without its comments and variants).
const SALON: &str = "[scenario]\nname = \"Salon\"\nmonths = 12\n\
    [baseline]\nleads = 200\nconversion = \"20%\"\naverage_check = 1500\n\
    [after]\nleads = \"+30%\"\nconversion = \"25%\"\n\
    [costs]\nsetup = 25000\nmonthly = 10000\n";

/// `roi calc - --format json` on `text`, plus any extra arguments.
fn calc(text: &str, extra: &[&str]) -> Value {
    let mut args = vec!["calc", "-", "--format", "json"];
    args.extend_from_slice(extra);
    serde_json::from_str(&stdout_with(&args, Some(text))).unwrap()
}

fn num(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"))
}

#[test]
fn the_capped_salon_matches_the_hand_figures() {
    // By hand, from the article's salon with room for 50 visits a month:
    //   baseline demand 200 × 20% = 40 visits ≤ 50, all served: 40 × 1 500 = 60 000 ₽;
    //   after: 260 × 25% = 65 visits wanted, 50 served, 15 turned away:
    //   50 × 1 500 = 75 000 ₽, so the uplift is 15 000 ₽ a month (not 37 500 ₽).
    //   Benefit 12 × 15 000 = 180 000 ₽; cost 25 000 + 12 × 10 000 = 145 000 ₽.
    //   ROI (180 000 − 145 000) / 145 000 = 35/145 = 24.14%.
    //   Cash −25 000 ₽ at the start, +5 000 ₽ a month: back to 0 after exactly 5 months.
    //   Turned away: 15 × 12 = 180 visits.
    let v = calc(&format!("{SALON}[capacity]\nvisits = 50\n"), &[]);
    let s = &v["summary"];
    assert_eq!(num(&s["baseline_revenue"]), 60000.0);
    assert_eq!(num(&s["after_revenue"]), 75000.0);
    assert_eq!(num(&s["monthly_benefit"]), 15000.0);
    assert_eq!(num(&s["total_benefit"]), 180000.0);
    assert_eq!(num(&s["total_cost"]), 145000.0);
    assert_eq!(s["roi"].to_string(), "0.24137931");
    assert_eq!(s["payback_months"].to_string(), "5.00000000");
    assert_eq!(s["break_even_month"], 5);
    assert_eq!(s["turned_away"].to_string(), "180.00");
    assert_eq!(v["after"]["visits"], 50);
    assert_eq!(v["scenario"]["capacity"], 50);
    let m1 = &v["monthly"][0];
    assert_eq!(num(&m1["turned_away"]), 15.0);
    assert_eq!(num(&m1["revenue_baseline"]), 60000.0);
    assert_eq!(num(&m1["revenue_after"]), 75000.0);
    // The same figures in the table a person reads.
    let table = stdout_with(
        &["calc", "-"],
        Some(&format!("{SALON}[capacity]\nvisits = 50\n")),
    );
    assert!(table.contains("24.1%"), "{table}");
    assert!(table.contains("180"), "{table}");
}

#[test]
fn a_cap_that_does_not_bind_changes_nothing() {
    // 65 visits wanted after rollout, room for 65: the article's figures exactly.
    let plain = calc(SALON, &[]);
    let capped = calc(&format!("{SALON}[capacity]\nvisits = 65\n"), &[]);
    for key in [
        "total_benefit",
        "total_cost",
        "roi",
        "payback_months",
        "npv",
    ] {
        assert_eq!(plain["summary"][key], capped["summary"][key], "{key}");
    }
    assert_eq!(capped["summary"]["turned_away"].to_string(), "0.00");
    // Without the tables the JSON keeps today's layout.
    assert!(plain["summary"].get("turned_away").is_none());
    assert!(plain["monthly"][0].get("revenue_after").is_none());
}

/// A studio whose spring pays back early, whose summer takes it below zero
/// again, and whose autumn pays back for good.
const SEASONAL: &str = "[scenario]\nname = \"Studio\"\nmonths = 12\n\
    [baseline]\nleads = 100\nconversion = \"10%\"\naverage_check = 1000\n\
    [after]\nleads = \"+100%\"\n\
    [costs]\nsetup = 15000\nmonthly = 6000\n\
    [seasonality]\nstart = \"2026-01\"\n\
    leads = [2, 2, 2, 0, 0, 0, 0, 0, 1, 1, 1, 1]\n";

#[test]
fn payback_is_the_last_crossing_when_a_low_season_dips_below_zero() {
    // By hand: an average month gains 10 visits × 1 000 ₽ = 10 000 ₽ of revenue,
    // so month m brings 10 000 × s_m against a 6 000 ₽ fee.
    //   Jan–Mar (s = 2): +14 000 a month; cash −15 000 → −1 000 → 13 000 → 27 000.
    //     (The first crossing is at 1 + 1 000/14 000 = 1.07 months.)
    //   Apr–Aug (s = 0): −6 000 a month; 27 000 → −3 000 at the end of August.
    //   Sep–Dec (s = 1): +4 000 a month; −3 000 → 1 000 by the end of September,
    //     crossing at 8 + 3 000/4 000 = 8.75 months, and 13 000 at the end.
    //   Benefit 3 × 20 000 + 4 × 10 000 = 100 000; cost 15 000 + 12 × 6 000 = 87 000;
    //   ROI 13 000 / 87 000 = 14.94%; cumulative benefit first covers cost in month 2
    //   (40 000 against 27 000).
    let v = calc(SEASONAL, &[]);
    let s = &v["summary"];
    assert_eq!(s["payback_months"].to_string(), "8.75000000");
    assert_eq!(s["break_even_month"], 2);
    assert_eq!(num(&s["total_benefit"]), 100000.0);
    assert_eq!(num(&s["total_cost"]), 87000.0);
    assert_eq!(s["roi"].to_string(), "0.14942529");
    assert_eq!(num(&v["monthly"][7]["cumulative_net"]), -3000.0);
    assert_eq!(num(&v["monthly"][3]["revenue_after"]), 0.0);
    assert_eq!(num(&v["monthly"][0]["revenue_after"]), 40000.0);
    // With no cap, nothing is turned away, and the summary does not say so.
    assert!(s.get("turned_away").is_none());
    // The table explains why break-even (month 2) comes before payback (8.75).
    let out = common::roi()
        .args(["calc", "-"])
        .write_stdin(SEASONAL)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Cash first reached zero in month 2, then fell below it again"),
        "{text}"
    );
    assert!(text.contains("for good: 8.75 months."), "{text}");
}

#[test]
fn cash_that_ends_below_zero_has_no_payback() {
    // The same studio over 8 months ends August at −3 000 ₽, after being
    // above zero since February: it has not paid back.
    let v = calc(SEASONAL, &["--set", "scenario.months=8"]);
    assert!(v["summary"]["payback_months"].is_null());
    assert_eq!(num(&v["summary"]["net"]), -3000.0);
}

#[test]
fn cost_lines_start_late_rise_yearly_and_are_discounted_from_their_month() {
    // No benefit (after = baseline), so the flows are the costs alone.
    // Telephony: 1 000 ₽ from month 3 to 30, +10% a year from month 3:
    //   months 3–14 at 1 000, 15–26 at 1 100, 27–30 at 1 210:
    //   12 000 + 13 200 + 4 840 = 30 040 ₽.
    // Training: 500 ₽ once, at the start of month 2.
    let text = "[scenario]\nmonths = 30\n\
        [baseline]\nleads = 100\nconversion = \"10%\"\naverage_check = 1000\n\
        [[costs.item]]\nname = \"Telephony\"\nmonthly = 1000\nfrom = 3\nyearly_increase = \"10%\"\n\
        [[costs.item]]\nname = \"Training\"\nsetup = 500\nfrom = 2\nto = 2\n";
    let v = calc(text, &[]);
    let monthly = v["monthly"].as_array().unwrap();
    let costs: Vec<f64> = monthly.iter().map(|m| num(&m["cost"])).collect();
    assert_eq!(costs[0], 0.0);
    assert_eq!(costs[1], 500.0);
    assert_eq!(costs[2], 1000.0);
    assert_eq!(costs[13], 1000.0);
    assert_eq!(costs[14], 1100.0);
    assert_eq!(costs[26], 1210.0);
    assert_eq!(num(&v["summary"]["total_cost"]), 30540.0);
    // Nothing is spent before month 2, so cash starts at 0 and falls: no payback.
    assert!(v["summary"]["payback_months"].is_null());
    let items = v["scenario"]["cost_items"].as_array().unwrap();
    assert_eq!(items[0]["name"], "Telephony");
    assert_eq!(items[0]["to"], 30);

    // At 12% a year (1% a month) a setup paid at the start of month 2 is
    // discounted by one month and a fee for month 1 by one month too:
    // −1 010/1.01 − 1 010/1.01 = −2 000 ₽ exactly.
    let text = "[scenario]\nmonths = 2\n\
        [baseline]\nleads = 100\nconversion = \"10%\"\naverage_check = 1000\n\
        [assumptions]\ndiscount_rate = \"12%\"\n\
        [[costs.item]]\nname = \"Setup later\"\nsetup = 1010\nfrom = 2\n\
        [[costs.item]]\nname = \"First fee\"\nmonthly = 1010\nto = 1\n";
    let v = calc(text, &[]);
    assert_eq!(num(&v["summary"]["npv"]), -2000.0);
    assert_eq!(num(&v["summary"]["net"]), -2020.0);
}

#[test]
fn every_mistake_in_the_tables_is_reported_at_once() {
    let text = "[scenario]\nmonths = 12\n\
        [baseline]\nleads = 200\nconversion = \"20%\"\naverage_check = 1500\n\
        [[costs.item]]\nname = \"Telephony\"\nmonthly = -5\nfrom = 3\nto = 30\ncolour = 1\n\
        [[costs.item]]\nname = \"Telephony\"\n\
        [[costs.item]]\nmonthly = 4\n\
        [[costs.item]]\nname = \"CRM\"\nfrom = 9\nto = 4\n\
        [capacity]\nvisits = 30\n\
        [seasonality]\nstart = \"2026-3\"\n\
        leads = [1, 1, -1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n";
    let e = refused_with(&["calc", "-"], Some(text));
    let lines: Vec<&str> = e.lines().skip(1).map(str::trim).collect();
    assert_eq!(
        lines,
        [
            "line 9: costs.item.Telephony.monthly = -5: must not be negative; it takes a number ≥ 0, like 1500 or 1500.50",
            "line 11: costs.item.Telephony.to = 30: is past the horizon (scenario.months = 12); it takes a month from 1 to 12",
            "line 12: costs.item.colour: unknown key; [[costs.item]] takes: name, setup, monthly, from, to, yearly_increase",
            "line 14: costs.item.name = \"Telephony\": another [[costs.item]] already has this name; names must differ",
            "line 15: costs.item.name: every [[costs.item]] needs a name in quotes, like name = \"Telephony\"",
            "line 20: costs.item.CRM.to = 4: comes before the line's first month (costs.item.CRM.from = 9); a line runs from `from` to `to`, with from ≤ to",
            "line 22: capacity.visits = 30: is below the 40 visits a month the baseline already serves (leads × conversion × (1 − no-show rate)); the baseline is what was served, so raise capacity.visits or correct [baseline]",
            "line 24: seasonality.start = \"2026-3\": must be the calendar month of projection month 1, written \"YYYY-MM\" in quotes, like \"2026-03\"",
            "line 25: seasonality.leads.3 = -1: must not be negative; it takes a factor ≥ 0 on an average month's leads, like 1.25 or \"125%\" (a quarter more) or 0.8",
        ]
    );
    assert!(e.contains("has 9 problems"), "{e}");
    let ru = refused_with(&["--lang", "ru", "calc", "-"], Some(text));
    for fragment in [
        "строка 11: costs.item.Telephony.to = 30: выходит за период прогноза (scenario.months = 12)",
        "это название уже есть у другой [[costs.item]]",
        "строка 22: capacity.visits = 30: меньше, чем обслуживается сейчас: визитов в месяц — 40",
        "в виде \"ГГГГ-ММ\"",
        "допустимые ключи в [[costs.item]]",
    ] {
        assert!(ru.contains(fragment), "{fragment:?} in\n{ru}");
    }
}

#[test]
fn more_than_two_hundred_cost_lines_are_refused_at_the_first_extra() {
    let mut text = SALON.to_string();
    for n in 1..=201 {
        text.push_str(&format!(
            "[[costs.item]]\nname = \"Line {n}\"\nmonthly = 1\n"
        ));
    }
    // SALON is 13 lines, each cost line 3: line 201 starts on 13 + 200 × 3 + 1.
    let e = refused_with(&["calc", "-"], Some(&text));
    assert!(
        e.contains("line 614: costs.item: too many cost lines: a scenario holds at most 200"),
        "{e}"
    );
    // Two hundred are fine: 145 000 + 200 × 12 × 1 ₽.
    let text: String = text.lines().take(13 + 600).collect::<Vec<_>>().join("\n");
    assert_eq!(num(&calc(&text, &[])["summary"]["total_cost"]), 147400.0);
}

#[test]
fn a_half_written_seasonality_is_refused_with_what_is_missing() {
    let e = refused_with(
        &["calc", "-"],
        Some(&format!("{SALON}[seasonality]\nstart = \"2026-03\"\n")),
    );
    assert!(
        e.contains("seasonality.leads: is required with start"),
        "{e}"
    );
    let e = refused_with(
        &["calc", "-"],
        Some(&format!("{SALON}[seasonality]\nleads = [1, 1, 1]\n")),
    );
    assert!(e.contains("seasonality.leads: has 3 factors"), "{e}");
    // Said once: the list is there, only its length is wrong.
    assert!(!e.contains("seasonality.leads: is required"), "{e}");
    assert!(
        e.contains("seasonality.start: is required with the factors"),
        "{e}"
    );
    let e = refused_with(&["calc", "-"], Some(&format!("{SALON}[capacity]\n")));
    assert!(e.contains("capacity.visits: is required"), "{e}");
    // A range of capacities must hold today's 40 visits at its low end too.
    let e = refused_with(
        &["calc", "-"],
        Some(&format!("{SALON}[capacity]\nvisits = \"30..60\"\n")),
    );
    assert!(
        e.contains("capacity.visits = \"30..60\": is below the 40 visits a month"),
        "{e}"
    );
    // A baseline range must fit at its busy end: 150..300 leads × 20% is 60
    // visits at the high end, above the cap of 50, which simulate would draw.
    let e = refused_with(
        &["simulate", "-", "--set", "baseline.leads=150..300"],
        Some(&format!("{SALON}[capacity]\nvisits = 50\n")),
    );
    assert!(
        e.contains("capacity.visits = 50: is below the 60 visits a month the baseline serves at the busy end of its ranges"),
        "{e}"
    );
}

#[test]
fn keys_of_missing_tables_and_lines_are_refused_by_name() {
    let e = refused_with(
        &[
            "calc",
            "-",
            "--set",
            "costs.item.Phone.monthly=5",
            "--set",
            "seasonality.leads.3=2",
        ],
        Some(SALON),
    );
    assert!(
        e.contains(
            "--set costs.item.Phone.monthly=5: the scenario has no cost line named \"Phone\""
        ),
        "{e}"
    );
    assert!(
        e.contains("--set seasonality.leads.3=2: the scenario has no [seasonality] table"),
        "{e}"
    );
}

#[test]
fn a_misspelt_line_or_field_is_named_in_every_command() {
    let text = format!("{SALON}[[costs.item]]\nname = \"Telephony\"\nmonthly = 2000\n");
    let e = refused_with(
        &["calc", "-", "--set", "costs.item.Telephony.monthy=5"],
        Some(&text),
    );
    assert!(
        e.contains("did you mean `costs.item.Telephony.monthly`"),
        "{e}"
    );
    for args in [
        &[
            "solve",
            "-",
            "--for",
            "costs.item.Telefony.monthly",
            "--target",
            "roi=50%",
        ][..],
        &["sweep", "-", "--vary", "costs.item.Telefony.monthly=1..5:1"][..],
    ] {
        let e = refused_with(args, Some(&text));
        assert!(
            e.contains(
                "the scenario has no cost line named \"Telefony\"; its lines are \"Telephony\""
            ),
            "{args:?}: {e}"
        );
    }
}

#[test]
fn the_new_keys_work_with_set_and_variants() {
    // --set brings a cap in; a factor and a cost line change like any key.
    let v = calc(SALON, &["--set", "capacity.visits=50"]);
    assert_eq!(v["summary"]["turned_away"].to_string(), "180.00");
    // A factor may be written as a percentage: "100%" is 1.
    let flat = calc(SEASONAL, &["--set", "seasonality.leads.4=100%"]);
    // April at s = 1 instead of 0: +10 000 ₽ of benefit.
    assert_eq!(num(&flat["summary"]["total_benefit"]), 110000.0);
    let text = format!(
        "{SALON}[[costs.item]]\nname = \"Telephony\"\nmonthly = 2000\n\
         [[variant]]\nname = \"dear phone\"\nset = {{ \"costs.item.Telephony.monthly\" = 3000 }}\n"
    );
    let v = calc(&text, &["--set", "costs.item.Telephony.monthly=1000"]);
    // 145 000 + 12 × 1 000.
    assert_eq!(num(&v["summary"]["total_cost"]), 157000.0);
    let compare = stdout_with(&["compare", "-", "--format", "json"], Some(&text));
    let compare: Value = serde_json::from_str(&compare).unwrap();
    let costs: Vec<f64> = compare["scenarios"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| num(&s["summary"]["total_cost"]))
        .collect();
    // Base: 145 000 + 24 000; the variant: 145 000 + 36 000.
    assert_eq!(costs, [169000.0, 181000.0]);
}

#[test]
fn sweep_and_solve_vary_the_capacity() {
    let capped = format!("{SALON}[capacity]\nvisits = 50\n");
    let v: Value = serde_json::from_str(&stdout_with(
        &[
            "sweep",
            "-",
            "--vary",
            "capacity.visits=40..70:10",
            "--format",
            "json",
        ],
        Some(&capped),
    ))
    .unwrap();
    let points = v["points"].as_array().unwrap();
    let nets: Vec<f64> = points.iter().map(|p| num(&p["net"])).collect();
    // Served after rollout: 40, 50, 60, 65 (all wanted) visits; uplift × 12 − 145 000.
    assert_eq!(nets, [-145000.0, 35000.0, 215000.0, 305000.0]);

    // ROI 50% needs benefit 1.5 × 145 000 = 217 500 ₽, so 18 125 ₽ a month,
    // so (cap − 40) × 1 500 = 18 125: cap = 40 + 12 1/12 = 52 1/12 exactly.
    let out = stdout_with(
        &[
            "solve",
            "-",
            "--for",
            "capacity.visits",
            "--target",
            "roi=50%",
            "--format",
            "json",
        ],
        Some(&capped),
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    assert!(v["value"].to_string().starts_with("52.08333333"), "{out}");
    assert_eq!(v["method"], "piecewise", "{out}");
}

#[test]
fn simulate_and_sensitivity_draw_and_swing_the_new_keys() {
    let text = format!(
        "{SALON}[capacity]\nvisits = \"45..60\"\n\
         [[costs.item]]\nname = \"Telephony\"\nmonthly = \"1000..3000\"\n"
    );
    let out = stdout_with(
        &["simulate", "-", "--trials", "500", "--format", "json"],
        Some(&text),
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    let keys: Vec<&str> = v["ranges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["key"].as_str().unwrap())
        .collect();
    assert_eq!(
        keys,
        ["capacity.visits", "costs.item.Telephony.monthly"],
        "{out}"
    );
    let out = stdout_with(&["sensitivity", "-", "--format", "json"], Some(&text));
    let v: Value = serde_json::from_str(&out).unwrap();
    let bars = v["inputs"].as_array().unwrap();
    let capacity = bars.iter().find(|b| b["key"] == "capacity.visits").unwrap();
    // At 45 visits: uplift 5 × 1 500 = 7 500 ₽ a month, 90 000 ₽ a year, against
    // 145 000 + 24 000 = 169 000 ₽: ROI 90/169 − 1 = −46.75%.
    assert_eq!(capacity["roi_low"].to_string(), "-0.46745562", "{out}");
    assert!(
        bars.iter()
            .any(|b| b["key"] == "costs.item.Telephony.monthly")
    );
}

#[test]
fn the_tables_read_in_russian() {
    for example in ["salon-capacity", "fitness-seasonal"] {
        let path = format!("examples/{example}.toml");
        let text = common::stdout(&["--lang", "ru", "calc", &path]);
        insta::assert_snapshot!(format!("{example}_ru"), text);
    }
}

#[test]
fn the_workbook_carries_the_capped_months_and_the_cost_lines() {
    use calamine::{Data, Reader, open_workbook_auto};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("studio.xlsx");
    let text = format!(
        "{SALON}[capacity]\nvisits = 50\n[[costs.item]]\nname = \"Telephony\"\nmonthly = 2000\nfrom = 3\n"
    );
    let out = common::roi()
        .args(["calc", "-", "-o"])
        .arg(&path)
        .write_stdin(text)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut book = open_workbook_auto(&path).unwrap();
    let monthly = book.worksheet_range("Monthly projection").unwrap();
    let header: Vec<String> = (0..12)
        .map(|c| {
            monthly
                .get((0, c))
                .map(|d| d.to_string())
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(
        &header[9..],
        ["Revenue before", "Revenue after", "Turned away"]
    );
    // Month 1: 50 of 65 visits served, 15 turned away; month 3 adds the line's 2 000 ₽.
    assert_eq!(monthly.get((1, 11)), Some(&Data::Float(15.0)));
    assert_eq!(monthly.get((1, 10)), Some(&Data::Float(75_000.0)));
    assert_eq!(monthly.get((3, 3)), Some(&Data::Float(12_000.0)));
    let assumptions = book.worksheet_range("Assumptions").unwrap();
    let keys: Vec<String> = (0..assumptions.height() as u32)
        .filter_map(|r| match assumptions.get((r as usize, 0)) {
            Some(Data::String(s)) if s.contains('.') && !s.contains(' ') => Some(s.clone()),
            _ => None,
        })
        .collect();
    assert!(keys.contains(&"capacity.visits".to_string()), "{keys:?}");
    assert!(
        keys.contains(&"costs.item.Telephony.from".to_string()),
        "{keys:?}"
    );
    let summary = book.worksheet_range("Summary").unwrap();
    let away = (0..summary.height())
        .find(|&r| {
            matches!(summary.get((r, 0)), Some(Data::String(s)) if s == "Visits turned away over the horizon")
        })
        .and_then(|r| summary.get((r, 1)).cloned());
    assert_eq!(away, Some(Data::Float(180.0)));
}

#[test]
fn the_page_and_the_csv_show_the_tables_too() {
    let text = format!(
        "{SALON}[capacity]\nvisits = 50\n[[costs.item]]\nname = \"Telephony\"\nmonthly = 2000\n"
    );
    let html = stdout_with(&["calc", "-", "--format", "html"], Some(&text));
    for fragment in [
        "<h2>Cost lines</h2>",
        "Telephony",
        "Turned away",
        "Capacity, visits a month",
    ] {
        assert!(html.contains(fragment), "{fragment:?}");
    }
    let csv = stdout_with(&["calc", "-", "--format", "csv"], Some(&text));
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .ends_with(",roi,revenue_baseline,revenue_after,turned_away")
    );
    // Month 1: 15 000 − 10 000 − 2 000 − 25 000 net; 60 000 and 75 000 of revenue; 15 turned away.
    assert_eq!(
        lines.next().unwrap(),
        "1,1.00000000,15000.00,37000.00,-22000.00,15000.00,37000.00,-22000.00,-0.59459459,60000.00,75000.00,15.00"
    );
}

#[test]
fn compare_shows_what_the_cap_turns_away() {
    // A third master lifts the cap to 75, above the after demand of 65 visits:
    // nothing is turned away and the salon is the article's uncapped one
    // (ROI 210.3%); with two masters 15 visits a month, 180 over 12 months, are lost.
    let text = format!(
        "{}\n[[variant]]\nname = \"Third master\"\nset = {{ \"capacity.visits\" = 75 }}\n",
        std::fs::read_to_string("examples/salon-capacity.toml").unwrap()
    );
    let table = stdout_with(&["compare", "-"], Some(&text));
    let row = table
        .lines()
        .find(|l| l.contains("Visits turned away"))
        .unwrap_or_else(|| panic!("{table}"));
    assert!(row.contains("180") && row.contains("0 (-180)"), "{row}");
    let json: Value =
        serde_json::from_str(&stdout_with(&["compare", "-", "-f", "json"], Some(&text))).unwrap();
    assert_eq!(
        json["scenarios"][0]["summary"]["turned_away"].to_string(),
        "180.00"
    );
    assert_eq!(
        json["scenarios"][1]["summary"]["turned_away"].to_string(),
        "0.00"
    );
    assert_eq!(
        json["scenarios"][1]["summary"]["roi"].to_string(),
        "2.10344828"
    );
    // Without a cap anywhere the row is not there.
    let plain = stdout_with(&["compare", "examples/salon-rostov.toml"], None);
    assert!(!plain.contains("turned away"), "{plain}");
}
