//! The issue's cases (issue 18, item 8), as named scenarios in groups. A
//! name is the seed's source, so a name once published keeps its runs;
//! change a truth under a new name.

use super::runner::{Mode, Scenario};
use super::truth::{Season, Truth};

/// A titled group of scenarios: one table.
pub struct Group {
    /// The table's heading.
    pub title: &'static str,
    /// Its scenarios.
    pub scenarios: Vec<Scenario>,
}

/// `Truth::null()` with a pilot of `k1` months and months of this CV.
fn null(k1: u32, cv: f64) -> Truth {
    Truth {
        pilot_months: k1,
        cv,
        ..Truth::null()
    }
}

/// `poisson`, `cv15`, `cv20`.
fn spread(cv: f64) -> String {
    if cv > 0.0 {
        format!("cv{:.0}", cv * 100.0)
    } else {
        "poisson".into()
    }
}

fn no_effect() -> Group {
    let mut scenarios = Vec::new();
    for (cv, reference) in [
        (0.0, "4.9–8.1 (1–3 m)"),
        (0.15, "8.7–9.9 (1–3 m)"),
        (0.2, "10.2–11.3 (1–3 m)"),
    ] {
        for k1 in 1..=3 {
            let name = format!("null-{}-{k1}m", spread(cv));
            scenarios.push(Scenario::new(&name, null(k1, cv)).reference(reference));
        }
    }
    for (cv, reference) in [(0.15, "12.6"), (0.2, "18.6")] {
        let truth = Truth {
            baseline_months: 1,
            ..null(1, cv)
        };
        let name = format!("null-base1-{}-1m", spread(cv));
        scenarios.push(Scenario::new(&name, truth).reference(reference));
    }
    Group {
        title: "No effect: false scale (6 baseline months unless k0 says otherwise)",
        scenarios,
    }
}

fn season() -> Group {
    let mut scenarios = Vec::new();
    // The issue's truths are not all known: the spreads it may have used.
    for (cv, history) in [
        (0.0, false),
        (0.0, true),
        (0.1, false),
        (0.15, false),
        (0.15, true),
        (0.2, false),
    ] {
        let truth = Truth {
            season: Season::December,
            history,
            ..null(1, cv)
        };
        let name = format!(
            "december-{}{}",
            spread(cv),
            if history { "-history" } else { "" }
        );
        let reference = if history { "" } else { "34.1 (scale)" };
        scenarios.push(Scenario::new(&name, truth).reference(reference));
    }
    for cv in [0.0, 0.15, 0.2] {
        for k1 in [1, 3] {
            let truth = Truth {
                season: Season::SummerTrough,
                history: true,
                ..null(k1, cv)
            };
            let name = format!("summer-{}-history-{k1}m", spread(cv));
            scenarios.push(Scenario::new(&name, truth).reference("19–22 (stop)"));
        }
    }
    Group {
        title: "The season, no effect: December +26% (false scale), summer −20% (false stop)",
        scenarios,
    }
}

fn looks() -> Group {
    let scenarios = [(0.0, "15.5"), (0.15, "19.0")]
        .into_iter()
        .map(|(cv, reference)| {
            let name = format!("looks-{}-3m", spread(cv));
            Scenario::new(&name, null(3, cv))
                .monthly_looks()
                .reference(reference)
        })
        .collect();
    let mut scenarios: Vec<Scenario> = scenarios;
    for cv in [0.0, 0.15] {
        let truth = Truth {
            history: true,
            ..null(3, cv)
        };
        let name = format!("planned-looks-{}-history-3m", spread(cv));
        scenarios.push(Scenario::new(&name, truth).mode(Mode::Planned));
    }
    Group {
        title: "No effect, the owner looks after months 1, 2, 3 and acts on the first scale/stop (planned: under a --pilot-plan; the year before in the data)",
        scenarios,
    }
}

fn power() -> Group {
    let mut scenarios = Vec::new();
    for cv in [0.0, 0.15] {
        for uplift in [0.15, 0.3, 0.5] {
            for k1 in 1..=3 {
                let truth = Truth {
                    uplift,
                    history: true,
                    ..null(k1, cv)
                };
                let name = format!("power-{}-history-{:.0}-{k1}m", spread(cv), uplift * 100.0);
                scenarios.push(Scenario::new(&name, truth));
            }
        }
    }
    Group {
        title: "Power: a true rise in leads, 100 a month, 6 baseline months and the year before (scale)",
        scenarios,
    }
}

fn honest() -> Group {
    let mut scenarios = Vec::new();
    for cv in [0.0, 0.15] {
        for season in [Season::Flat, Season::December] {
            for k1 in [1, 3] {
                let truth = Truth {
                    season,
                    history: true,
                    ..null(k1, cv)
                };
                let tag = if season == Season::Flat {
                    "flat"
                } else {
                    "season"
                };
                let name = format!("detectable-{}-{tag}-{k1}m", spread(cv));
                let s = Scenario::new(&name, truth).mode(Mode::HonestDetectable);
                scenarios.push(s.reference("75–85 (scale)"));
            }
        }
    }
    Group {
        title: "The rise --plan says a pilot detects, exactly: scale (target 75–85%), with the year before",
        scenarios,
    }
}

fn dilution() -> Group {
    let scenarios = (1..=3)
        .map(|k1| {
            let truth = Truth {
                uplift: 0.5,
                pilot_conversion: 0.33,
                history: true,
                ..null(k1, 0.0)
            };
            let s = Scenario::new(&format!("dilution-history-{k1}m"), truth);
            s.reference("≤ 5 (stop)")
        })
        .collect();
    Group {
        title: "Dilution: leads +50%, conversion 40% → 33% (stop)",
        scenarios,
    }
}

fn coverage() -> Group {
    let mut scenarios = Vec::new();
    for k0 in [3, 6, 12] {
        for cv in [0.0, 0.15, 0.2] {
            let truth = Truth {
                baseline_months: k0,
                ..null(3, cv)
            };
            let reference = match (k0, cv > 0.0) {
                (6, true) => "90–92 (covers)",
                (3, true) => "86–90 (covers)",
                _ => "",
            };
            let name = format!("coverage-base{k0}-{}-3m", spread(cv));
            scenarios.push(Scenario::new(&name, truth).reference(reference));
        }
    }
    Group {
        title: "Coverage of the leads interval, no effect, 3-month pilot",
        scenarios,
    }
}

/// Every group of the issue's table, in its order.
pub fn issue() -> Vec<Group> {
    vec![
        no_effect(),
        season(),
        looks(),
        power(),
        honest(),
        dilution(),
        coverage(),
    ]
}
