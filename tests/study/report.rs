//! The study's tallies as Markdown tables the README can take: each rate
//! with its Monte Carlo standard error, √(p(1 − p)/N).

use super::runner::{Scenario, Tally};
use std::fmt::Write;

/// A share and its Monte Carlo standard error, both in percent; `None` for no runs.
pub fn rate(hits: u64, runs: u64) -> Option<(f64, f64)> {
    (runs > 0).then(|| {
        let p = hits as f64 / runs as f64;
        (100.0 * p, 100.0 * (p * (1.0 - p) / runs as f64).sqrt())
    })
}

/// `6.1 ± 0.5`, or `—` for no runs.
pub fn cell(hits: u64, runs: u64) -> String {
    match rate(hits, runs) {
        Some((p, se)) => format!("{p:.1} ± {se:.1}"),
        None => "—".into(),
    }
}

/// One table: a row per scenario, rates in percent ± their MC error.
pub fn table(rows: &[(Scenario, Tally)]) -> String {
    let mut out = String::from(
        "| Scenario | Truth | Looks | N | Scale % | Extend % | Stop % \
         | Primary up % | Primary down % | Covers % | Issue |\n\
         |---|---|---|--:|--:|--:|--:|--:|--:|--:|---|\n",
    );
    for (s, t) in rows {
        let looks: Vec<String> = s.looks.iter().map(u32::to_string).collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            s.name,
            s.truth.describe(),
            looks.join(","),
            t.runs,
            cell(t.scale, t.runs),
            cell(t.extend, t.runs),
            cell(t.stop, t.runs),
            cell(t.primary_up, t.runs),
            cell(t.primary_down, t.runs),
            cell(t.covered, t.with_interval),
            s.reference.unwrap_or(""),
        );
    }
    for (s, t) in rows.iter().filter(|(_, t)| t.other > 0) {
        let (i, e) = t.error.clone().unwrap_or_default();
        let _ = writeln!(
            out,
            "\n{}: {} of {} runs gave no decision (run {i}: {e})",
            s.name, t.other, t.runs
        );
    }
    out
}

/// What moved: per scenario, the share of runs in which each metric of
/// channel `all` was judged up / down (at the deciding look), leads first.
/// Which of these the rules act on is theirs to say; this shows why a
/// decision's rate is what it is.
pub fn moved(rows: &[(Scenario, Tally)]) -> String {
    let mut metrics: Vec<&String> = rows.iter().flat_map(|(_, t)| t.moved.keys()).collect();
    metrics.sort_by_key(|m| (m.as_str() != "leads", m.as_str()));
    metrics.dedup();
    let mut out = String::from("| Scenario |");
    for m in &metrics {
        let _ = write!(out, " {m} up / down % |");
    }
    out.push_str("\n|---|");
    out.push_str(&"--:|".repeat(metrics.len()));
    out.push('\n');
    for (s, t) in rows {
        let _ = write!(out, "| {} |", s.name);
        for m in &metrics {
            let [up, down] = t.moved.get(*m).copied().unwrap_or_default();
            let share = |x: u64| rate(x, t.runs).map_or(0.0, |r| r.0);
            let _ = write!(out, " {:.1} / {:.1} |", share(up), share(down));
        }
        out.push('\n');
    }
    out
}
