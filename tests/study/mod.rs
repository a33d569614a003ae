//! A simulation study of `roi pilot`'s decisions: salons whose truth is
//! known ([`truth`]), thousands of their exports judged by the pilot
//! in-process ([`runner`]), the cases ([`scenarios`]), and the
//! tallies as Markdown with Monte Carlo errors ([`report`]).
//!
//! Shared by `tests/pilot_study.rs` (a short seeded run, and the
//! generator held to `roi measure`) and `examples/pilot_study.rs` (the full
//! study, `bench/pilot_study.sh`).
//!
//! For whoever changes the rules:
//! - A scenario is `Scenario::new("unique-name", Truth { .., ..Truth::null() })`
//!   pushed into a group of [`scenarios`] (a new group goes into
//!   `scenarios::issue()`); `.monthly_looks()` makes the owner look after
//!   every month, `.reference("…")` shows a figure beside ours. The name
//!   seeds the runs: a new truth takes a new name.
//! - The runner reads only JSON keys: `decision.decision` (`scale`,
//!   `extend`, `stop`; any other word, or a failed command, counts as
//!   `other` and its first error is printed under the table), the
//!   `metrics[]` entry whose `metric` and `channel` are the scenario's
//!   `primary` (default leads of `all`) for `low`, `high` (null is +∞) and
//!   `verdict`, and every `metrics[]` of channel `all` for "what moved".
//!   New keys (`primary`, `odds`, `open_bookings`) are ignored until the
//!   runner is taught them; the truth of another primary comes from
//!   `Truth::true_change`.
//! - A plan or a sequential plan file: put it in `Scenario::files` and its
//!   flag in `Scenario::extra_args`, `{dir}` standing for the folder the
//!   files are written to (`--pilot-plan {dir}/plan.toml`). With
//!   `looks = [1, 2, 3]` the runner calls the pilot after each month with
//!   `--pilot` of the months so far, and acts on the first look that is not
//!   `extend`: the owner following a group-sequential plan.
#![allow(dead_code)] // the test and the example each use a subset

pub mod report;
pub mod runner;
pub mod scenarios;
pub mod truth;
