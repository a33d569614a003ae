//! roi: does an AI sales assistant pay for itself? First as a forecast, then from the business's own data.
//!
//! Two halves share the plumbing. The [`forecast`]: a scenario file →
//! a checked scenario → the exact engine → what-ifs and uncertainty. The
//! [`evidence`]: exports → a measured funnel → statistics → a pilot's
//! verdict. Either way the data flows one way: [`input`] → a half's model and
//! analyses → a report value → [`render`] → [`output`]; [`cli`] and
//! [`commands`] tie them to the command line.

#![warn(missing_docs)]

pub mod cli;
pub mod commands;
pub mod evidence;
pub mod forecast;
pub mod format;
pub mod i18n;
pub mod input;
pub mod output;
pub mod render;
pub mod stdio;

/// Exit status for a mistake in what the user gave (file, key, value, path),
/// as opposed to 1 for a failure of the machine.
pub const EXIT_USER_ERROR: u8 = 2;

/// The exit status an error deserves.
pub fn exit_code(error: &anyhow::Error) -> u8 {
    let by_user = error.chain().any(|e| {
        e.is::<forecast::scenario::ScenarioError>()
            || e.is::<input::InputError>()
            || e.is::<evidence::measure::error::MeasureError>()
            || e.is::<evidence::measure::table::ReadError>()
            || e.is::<forecast::engine::Overflow>()
            || e.is::<output::AlreadyExists>()
            || e.is::<output::UsageError>()
    });
    if by_user { EXIT_USER_ERROR } else { 1 }
}
