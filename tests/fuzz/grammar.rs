//! The fuzz harness's grammar: values in every form the scenario file
//! knows and some it does not, `--set` changes, and the optional tables as
//! source text.

use proptest::prelude::*;

/// Numbers at and past the edges of exact arithmetic, as TOML source text.
pub fn extreme() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("7.9e28".to_string()),
        Just("79228162514264337593543950335".to_string()),
        Just("\"79228162514264337593543950336\"".to_string()),
        Just("4e28".to_string()),
        Just("1e-28".to_string()),
        Just("1e-20".to_string()),
        Just("1e-29".to_string()),
        Just("1e400".to_string()),
        Just("0e-400".to_string()),
        Just("\"_1500\"".to_string()),
        Just("\"123456789012345678901234567\"".to_string()),
        Just("0.123456789".to_string()),
        (1u64..=9_999_999_999_999_999, -30i32..=30).prop_map(|(m, e)| format!("{m}e{e}")),
    ]
}

/// A normal or lognormal range as TOML source text: ends in every form,
/// lognormal where it is refused (shares, points, ends at or below 0 or
/// −100%) as well as where it is not, ends at the limits of exact
/// arithmetic, and now and then a mode, which both refuse.
pub fn dist_range() -> impl Strategy<Value = String> {
    let ends = prop_oneof![
        (-120i32..=80, 0i32..=80)
            .prop_map(|(a, w)| (format!("\"{a:+}%\""), format!("\"{:+}%\"", a + w))),
        (-20i32..=20, 0i32..=20)
            .prop_map(|(a, w)| (format!("\"{a:+}pp\""), format!("\"{:+}pp\"", a + w))),
        (0u32..=100, 0u32..=50).prop_map(|(a, w)| (format!("\"{a}%\""), format!("\"{}%\"", a + w))),
        (-10i64..=100_000, 0i64..=100_000).prop_map(|(a, w)| (a.to_string(), (a + w).to_string())),
        (extreme(), extreme()),
    ];
    let dist = prop::sample::select(vec!["normal", "lognormal"]);
    let mode = prop::option::weighted(0.1, (0u32..=100).prop_map(|n| n.to_string()));
    (ends, dist, mode).prop_map(|((low, high), dist, mode)| {
        let mode = mode.map_or_else(String::new, |m| format!("mode = {m}, "));
        format!("{{ low = {low}, high = {high}, {mode}dist = \"{dist}\" }}")
    })
}

/// A value as TOML source text, in every form the grammar knows and some it does not.
pub fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (0u32..=100_000).prop_map(|n| n.to_string()),
        3 => (0u32..=1000).prop_map(|n| format!("{}", f64::from(n) / 1000.0)),
        2 => (0u32..=100).prop_map(|n| format!("\"{n}%\"")),
        2 => (-100i32..=200).prop_map(|n| format!("\"{n:+}%\"")),
        2 => (-20i32..=20).prop_map(|n| format!("\"{n:+}pp\"")),
        3 => extreme(),
        1 => (0u32..=50, 0u32..=50).prop_map(|(a, b)| format!("\"+{}%..+{}%\"", a.min(b), a.max(b))),
        1 => (extreme(), extreme()).prop_map(|(a, b)| format!("\"{}..{}\"", a.trim_matches('"'), b.trim_matches('"'))),
        1 => (0u32..=10, 10u32..=20, 20u32..=30).prop_map(|(l, m, h)| format!(
            "{{ low = {l}, high = {h}, mode = {m}, dist = \"pert\" }}"
        )),
        2 => dist_range(),
        1 => Just("-5".to_string()),
        1 => Just("true".to_string()),
        1 => Just("\"abc\"".to_string()),
        1 => Just("[1, 2]".to_string()),
        1 => Just("\"1,500\"".to_string()),
        1 => Just("nan".to_string()),
    ]
}

/// A `--set` change: a key (sometimes a wrong one) and a value as typed on
/// the command line, so strings lose their TOML quotes.
pub fn set() -> impl Strategy<Value = (String, String)> {
    let keys = prop::sample::select(vec![
        "scenario.months",
        "baseline.leads",
        "baseline.conversion",
        "baseline.average_check",
        "baseline.no_show_rate",
        "after.leads",
        "after.conversion",
        "after.average_check",
        "after.no_show_rate",
        "costs.setup",
        "costs.monthly",
        "savings.staff_hours",
        "savings.hourly_rate",
        "savings.other",
        "assumptions.gross_margin",
        "assumptions.ramp_months",
        "assumptions.discount_rate",
        "after.nosuch",
        "capacity.visits",
        "seasonality.leads.3",
        "seasonality.leads.13",
        "costs.item.Telephony.monthly",
        "costs.item.Telephony.yearly_increase",
        "costs.item.Nosuch.setup",
        "retention.repeat_visits.1",
        "retention.repeat_visits.4",
        "retention.repeat_visits.24",
        "retention.repeat_visits.25",
        "retention.repeat_visits",
    ]);
    (keys, value()).prop_map(|(k, v)| (k.to_string(), v.trim_matches('"').to_string()))
}

/// A month of repeat visits per new client: mostly a plausible share of a
/// visit, otherwise any value of the grammar.
fn repeat() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => (0u32..=150).prop_map(|n| format!("{}", f64::from(n) / 100.0)),
        1 => value(),
    ]
}

/// `[retention]` as source text: a list of any length up to a couple past
/// the 24 months allowed, now and then a value that is no list, or nothing.
fn retention() -> impl Strategy<Value = String> {
    let list = prop_oneof![
        8 => prop::collection::vec(repeat(), 0..=26)
            .prop_map(|v| format!("repeat_visits = [{}]\n", v.join(", "))),
        1 => value().prop_map(|v| format!("repeat_visits = {v}\n")),
        1 => Just(String::new()),
    ];
    prop::option::weighted(0.3, list)
        .prop_map(|r| r.map_or_else(String::new, |r| format!("[retention]\n{r}")))
}

/// Model v2's tables as source text: a cap, a season (sometimes a factor
/// short or a bad start), cost lines with any values and months, and
/// returning clients.
pub fn tables() -> impl Strategy<Value = String> {
    let capacity = prop::option::weighted(0.3, value())
        .prop_map(|v| v.map_or_else(String::new, |v| format!("[capacity]\nvisits = {v}\n")));
    let start = prop_oneof![
        Just("\"2026-03\"".to_string()),
        Just("\"2026-13\"".to_string()),
        Just("\"march\"".to_string()),
        Just("202603".to_string()),
    ];
    let season = prop::option::weighted(0.3, (start, prop::collection::vec(value(), 11..=13)))
        .prop_map(|s| {
            s.map_or_else(String::new, |(start, factors)| {
                format!(
                    "[seasonality]\nstart = {start}\nleads = [{}]\n",
                    factors.join(", ")
                )
            })
        });
    let month = prop_oneof![
        (0u32..=130).prop_map(|n| n.to_string()),
        Just("1.5".to_string()),
        Just("\"3\"".to_string()),
    ];
    let item = (
        prop::sample::select(vec!["Telephony", "CRM", "Telephony", ""]),
        value(),
        value(),
        prop::option::of(month.clone()),
        prop::option::of(month),
        prop::option::weighted(0.5, value()),
    )
        .prop_map(|(name, setup, monthly, from, to, rise)| {
            let mut t = format!(
                "[[costs.item]]\nname = \"{name}\"\nsetup = {setup}\nmonthly = {monthly}\n"
            );
            if let Some(from) = from {
                t.push_str(&format!("from = {from}\n"));
            }
            if let Some(to) = to {
                t.push_str(&format!("to = {to}\n"));
            }
            if let Some(rise) = rise {
                t.push_str(&format!("yearly_increase = {rise}\n"));
            }
            t
        });
    (
        capacity,
        season,
        prop::collection::vec(item, 0..3),
        retention(),
    )
        .prop_map(|(c, s, items, r)| format!("{c}{s}{}{r}", items.concat()))
}
