//! The fast path against the reference: the same points, the same bytes.
//!
//! The reference is the draft resolved at every point with all its rules
//! ([`collect_reference`]) and rendered by the general CSV and JSON writers
//! ([`render::csv_rows`], [`render::json_points`]); the fast path sets values
//! into inputs resolved once and writes bytes directly. Grids cover every
//! value form (number, `N%`, `+N%`, `+Npp`), baselines with `[after]` keys
//! that follow them, the horizon, the ramp and the discount rate.

use roi::forecast::engine;
use roi::forecast::metric::Metric;
use roi::forecast::scenario::{Draft, Key, Kind, Override, Source};
use roi::forecast::sweep::*;
use roi::format::Fmt;
use roi::i18n::Lang;
use roi::render::csv::Dialect;
use roi::render::sweep as render;
use rust_decimal::Decimal;

/// A scenario with every table, a ramp, discounting and a range.
const FULL: &str = r#"
[scenario]
months = 18
[baseline]
leads = 180
conversion = "20%"
average_check = 1750.5
no_show_rate = "10%"
[after]
leads = "+25%"
conversion = "+4pp"
no_show_rate = "-20%"
[costs]
setup = 40000
monthly = 12500
[savings]
staff_hours = 10
hourly_rate = 350
other = 1500
[assumptions]
gross_margin = "60%"
ramp_months = 2
discount_rate = "18%"
"#;

/// The shipped salon with the assistant's checks left out: `[after]` keys
/// missing follow their baseline.
const SALON: &str = include_str!("../examples/salon-rostov.toml");

fn draft(text: &str, sets: &[&str]) -> Draft {
    let source = Source {
        name: "t.toml".into(),
        text: text.into(),
    };
    let mut draft = Draft::parse(&source).unwrap();
    for set in sets {
        draft.apply(&Override::from_flag("--set", set).unwrap());
    }
    draft
}

fn grid(varies: &[&str]) -> Grid {
    Grid::new(varies.iter().map(|v| Axis::parse(v).unwrap()).collect()).unwrap()
}

/// Every output the sweep makes from the fast path equals the reference's.
fn assert_same(text: &str, sets: &[&str], varies: &[&str]) {
    let (draft, grid) = (draft(text, sets), grid(varies));
    let plan = check(&grid, &draft).unwrap();
    let fast = collect(&plan).unwrap();
    let reference = collect_reference(&grid, &draft).unwrap();
    assert_eq!(fast, reference, "{varies:?}");
    let keys = grid.axes().len();
    for dialect in [Dialect::PLAIN, Dialect::EXCEL] {
        let writer = render::Writer::new(&grid, dialect);
        let mut streamed = Vec::new();
        run(
            &plan,
            3,
            b"",
            |first, points, out| writer.csv(first, points, out),
            |bytes| {
                streamed.extend_from_slice(bytes);
                Ok(())
            },
        )
        .unwrap();
        let expected = render::csv_rows(&reference, keys, dialect);
        assert_eq!(
            String::from_utf8(streamed).unwrap(),
            String::from_utf8(expected).unwrap(),
            "{varies:?}"
        );
    }
    let writer = render::Writer::new(&grid, Dialect::PLAIN);
    let mut json = Vec::new();
    run(
        &plan,
        2,
        b"",
        |first, points, out| writer.json(first, points, out),
        |bytes| {
            json.extend_from_slice(bytes);
            Ok(())
        },
    )
    .unwrap();
    assert_eq!(
        String::from_utf8(json).unwrap(),
        render::json_points(&grid, 0, &reference),
        "{varies:?}"
    );
    if grid.len() <= render::MAX_TABLE_CELLS {
        for lang in [Lang::En, Lang::Ru] {
            let table = |points: &[Point]| {
                render::table(
                    &grid,
                    points,
                    Metric::Payback,
                    &render::Sweep {
                        name: "t",
                        ranges: &[],
                        discounted: true,
                    },
                    &Fmt {
                        lang,
                        currency: "RUB",
                    },
                    80,
                )
            };
            assert_eq!(table(&fast), table(&reference), "{varies:?}");
        }
    }
}

#[test]
fn every_value_form_matches_the_reference() {
    for varies in [
        &["after.leads=+0%..+50%:5%", "costs.monthly=5000..20000:2500"][..],
        &["after.conversion=20%..30%:1pp"],
        &[
            "after.conversion=+0pp..+9pp:1.5pp",
            "after.no_show_rate=-50%..+50%:12.5%",
        ],
        &["after.average_check=1500..2100:150.25"],
        &["baseline.leads=100..300:25", "after.leads=+10%..+40%:10%"],
        &["after.leads=+10%..+40%:10%", "baseline.leads=100..300:25"],
        &[
            "baseline.conversion=0.1..0.3:0.05",
            "baseline.no_show_rate=0%..20%:5%",
        ],
        &[
            "baseline.average_check=1000..2000:333",
            "savings.other=0..3000:750",
        ],
        &["scenario.months=1..24", "assumptions.ramp_months=0..6:2"],
        &[
            "assumptions.discount_rate=0%..40%:8%",
            "costs.setup=0..80000:20000",
        ],
        &[
            "assumptions.gross_margin=30%..100%:10%",
            "savings.staff_hours=0..40:10",
        ],
        &[
            "savings.hourly_rate=0..500:125",
            "costs.monthly=0..30000:10000",
        ],
    ] {
        assert_same(FULL, &[], varies);
        assert_same(SALON, &[], varies);
    }
    // A baseline varied while its `[after]` key is a fixed number, a change, or missing.
    assert_same(SALON, &["after.leads=260"], &["baseline.leads=150..250:50"]);
    assert_same(
        SALON,
        &["after.leads=+10%"],
        &["baseline.leads=150..250:50"],
    );
    assert_same(SALON, &[], &["baseline.average_check=1000..2000:100"]);
    assert_same(
        FULL,
        &["after.conversion=25%"],
        &["baseline.conversion=10%..30%:5pp"],
    );
    // Figures that need many decimal places, and a horizon with no payback.
    assert_same(
        FULL,
        &["costs.monthly=0.0000001"],
        &["costs.setup=0.123456789..1000000.123456789:99999.9"],
    );
    assert_same(FULL, &["costs.monthly=900000"], &["scenario.months=1..12"]);
}

#[test]
fn the_optional_tables_match_the_reference() {
    let seasonal = include_str!("../examples/fitness-seasonal.toml");
    let capacity = include_str!("../examples/salon-capacity.toml");
    for varies in [
        &["costs.item.Telephony.monthly=1000..3000:500"][..],
        &[
            "seasonality.leads.3=0.8..1.2:0.1",
            "capacity.visits=100..200:50",
        ],
        &[
            "costs.item.CRM licence.yearly_increase=0%..20%:5%",
            "after.leads=+0%..+40%:10%",
        ],
        // A cost line's months are set through the draft: the slow path, still the same.
        &["costs.item.Staff training.from=1..2"],
    ] {
        assert_same(seasonal, &[], varies);
    }
    assert_same(
        capacity,
        &[],
        &["capacity.visits=40..60:5", "after.leads=+0%..+40%:10%"],
    );
    // Repeat visits: a month of the curve against the funnel, the cap and the
    // ramp; one past the list (set through the draft, which lengthens it);
    // and one brought into a scenario without [retention].
    let retention = include_str!("../examples/salon-retention.toml");
    for (sets, varies) in [
        (
            &[][..],
            &[
                "retention.repeat_visits.1=0..1:0.25",
                "after.leads=+0%..+40%:10%",
            ][..],
        ),
        (
            &["capacity.visits=70"][..],
            &[
                "retention.repeat_visits.2=0..2:0.5",
                "capacity.visits=65..90:5",
            ][..],
        ),
        (
            &["assumptions.ramp_months=3"][..],
            &[
                "retention.repeat_visits.5=0..1:0.5",
                "assumptions.ramp_months=0..4:2",
            ][..],
        ),
    ] {
        assert_same(retention, sets, varies);
    }
    assert_same(SALON, &[], &["retention.repeat_visits.2=0..1:0.5"]);
}

#[test]
fn a_grid_larger_than_the_value_cache_matches_the_reference() {
    // 70 000 values: past the cached ones, values are worked out as they come.
    let (draft, grid) = (draft(SALON, &[]), grid(&["costs.monthly=0..69999.9:1.0"]));
    assert!(grid.len() > CACHED_VALUES);
    let plan = check(&grid, &draft).unwrap();
    let writer = render::Writer::new(&grid, Dialect::PLAIN);
    let mut fast = Vec::new();
    run(
        &plan,
        2,
        b"",
        |first, points, out| writer.csv(first, points, out),
        |bytes| {
            fast.extend_from_slice(bytes);
            Ok(())
        },
    )
    .unwrap();
    let reference = collect_reference(&grid, &draft).unwrap();
    assert_eq!(fast, render::csv_rows(&reference, 1, Dialect::PLAIN));
}

/// An axis over `key` in a form it takes, from random numbers.
fn axis(key: Key, from: i64, span: i64, steps: u8, scale: u32) -> Option<String> {
    let steps = i64::from(steps.max(1));
    let step = Decimal::new((span / steps).max(1), scale);
    let from = Decimal::new(from, scale);
    let to = from + step * Decimal::from(steps);
    let unit = |d: Decimal| d * Decimal::ONE_HUNDRED;
    Some(match key.kind() {
        Kind::Months { .. } => {
            let from = from.abs().trunc() % Decimal::from(24) + Decimal::ONE;
            format!("{}={}..{}", key.path(), from, from + Decimal::from(steps))
        }
        Kind::Amount => format!(
            "{}={}..{}:{}",
            key.path(),
            from.abs(),
            from.abs() + to - from,
            step
        ),
        Kind::Rate | Kind::Factor | Kind::PerClient => return None,
        Kind::ChangedAmount => format!(
            "{}=+{}%..+{}%:{}%",
            key.path(),
            unit(from.abs()),
            unit(from.abs() + to - from),
            unit(step)
        ),
        Kind::ChangedRate => format!(
            "{}=+{}pp..+{}pp:{}pp",
            key.path(),
            unit(from.abs()),
            unit(from.abs() + to - from),
            unit(step)
        ),
    })
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// Random grids over random keys: wherever the reference computes, the
    /// fast path gives the same points and bytes.
    #[test]
    fn random_grids_match_the_reference(
        keys in proptest::sample::subsequence(Key::ALL.to_vec(), 1..=2),
        shuffle in proptest::prelude::any::<bool>(),
        from in 0i64..2000,
        span in 1i64..5000,
        steps in 1u8..12,
        scale in 0u32..5,
        which in 0usize..2,
    ) {
        let mut keys = keys;
        if shuffle {
            keys.reverse();
        }
        let varies: Option<Vec<String>> = keys
            .iter()
            .enumerate()
            .map(|(i, k)| axis(*k, from + i as i64 * 7, span, steps, scale))
            .collect();
        let Some(varies) = varies else { return Ok(()) };
        let varies: Vec<&str> = varies.iter().map(String::as_str).collect();
        let text = [FULL, SALON][which];
        let Ok(grid) = Grid::new(varies.iter().filter_map(|v| Axis::parse(v).ok()).collect()) else {
            return Ok(());
        };
        if grid.axes().len() != varies.len() {
            return Ok(());
        }
        let draft = draft(text, &[]);
        // Grids whose corners break a rule are refused before any work.
        if check(&grid, &draft).is_err() {
            return Ok(());
        }
        assert_same(text, &[], &varies);
    }

    /// Whatever the bound proves safe computes at every point, at magnitudes
    /// near the limits of exact arithmetic.
    #[test]
    fn what_the_bound_proves_computes(
        exponent in 0u32..27,
        closer in 0u32..4,
        monthly_varied in proptest::prelude::any::<bool>(),
        ramp in 0u32..3,
    ) {
        // ROI ≈ 25 × check / monthly cost passes the limit for a cost below
        // about 3·10^(exponent − 28), which `closer` puts inside the range.
        let big = Decimal::from_i128_with_scale(10i128.pow(exponent), 0);
        let small = Decimal::new(1, (28 - exponent + closer).min(28));
        let sets = [
            format!("baseline.average_check={big}"),
            "costs.setup=0".to_string(),
            format!("assumptions.ramp_months={ramp}"),
        ];
        let sets: Vec<&str> = sets.iter().map(String::as_str).collect();
        let vary = if monthly_varied {
            format!("costs.monthly={}..0:-{small}", (small * Decimal::from(1000)).normalize())
        } else {
            "after.leads=+0%..+40%:1%".to_string()
        };
        let draft = draft(SALON, &sets);
        let Ok(axis) = Axis::parse(&vary) else {
            return Ok(());
        };
        let grid = Grid::new(vec![axis]).unwrap();
        let Ok(plan) = check(&grid, &draft) else {
            return Ok(());
        };
        if plan.proven() {
            proptest::prop_assert!(collect_reference(&grid, &draft).is_ok());
        }
    }
}

#[test]
fn a_grid_that_overflows_mid_way_is_refused_before_any_output() {
    // ROI divides by the monthly cost, which nears zero in the middle of
    // nowhere the corners can see: at 1e-14 (ROI 3.75e18) and at 0 (no cost,
    // no ROI) all is well.
    let draft = draft(SALON, &["costs.setup=0"]);
    let grid = grid(&["costs.monthly=1e-14..0:-1e-17"]);
    let plan = check(&grid, &draft).unwrap();
    assert!(!plan.proven());
    let mut written = 0;
    let result = run(
        &plan,
        2,
        b"header",
        |_, _, out| out.push(b'x'),
        |bytes| {
            written += bytes.len();
            Ok(())
        },
    );
    assert_eq!(written, 0);
    match result {
        Err(SweepError::OverflowAt { at, .. }) => {
            // The first point from the top past the limit: ROI = 450 000 / (12 m) − 1
            // reaches 10²⁰, the most a ratio shown to 8 places may be, below
            // m = 3.75e-16; at 3.8e-16 it is 9.87e19.
            assert_eq!(at, "costs.monthly=0.00000000000000037");
        }
        other => panic!("expected an overflow, got {:?}", other.map(|_| ())),
    }
    // The corners alone pass, which is why the whole grid had to be checked.
    let mut corner = draft.clone();
    for value in ["1e-14", "0"] {
        corner.apply(&Override::from_flag("--set", &format!("costs.monthly={value}")).unwrap());
        let inputs = corner.resolve_inputs().unwrap();
        assert!(engine::summarize(&inputs).is_ok(), "{value}");
    }
}

#[test]
fn the_shipped_benchmark_grids_are_proven_without_a_pass() {
    // bench/sweep.sh's grid over each example; the clinic and the fitness
    // studio ramp up, so their proof goes through the ramp's argument.
    for text in [
        SALON,
        include_str!("../examples/clinic-rostov.toml"),
        include_str!("../examples/fitness-rostov.toml"),
    ] {
        let draft = draft(text, &[]);
        let grid = grid(&["after.leads=+0%..+99.9%:0.1%", "costs.monthly=0..99900:100"]);
        assert!(check(&grid, &draft).unwrap().proven());
    }
}
