//! The command line, all of it: every flag, argument and subcommand is declared here.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Does an AI sales assistant pay for itself? Exact ROI projections from a scenario file.
#[derive(Debug, Parser)]
#[command(name = "roi", version, about, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Project monthly and annual ROI for a scenario file.
    Calc(CalcArgs),
    /// Write a commented starter scenario (the article's salon).
    Init(InitArgs),
}

/// `roi calc`.
#[derive(Debug, Args)]
pub struct CalcArgs {
    /// Scenario file (TOML); `-` reads standard input.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Output options.
    #[command(flatten)]
    pub output: OutputArgs,
}

/// `roi init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to write the starter scenario; `-` prints it. Never overwrites.
    #[arg(value_name = "PATH", default_value = "scenario.toml")]
    pub path: PathBuf,
}

/// How and where to write a report; shared by every reporting command.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Write to this file instead of standard output (replaced whole, never half-written).
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Tables for people.
    Table,
    /// One JSON object (see README for the contract).
    Json,
    /// The monthly projection as CSV.
    Csv,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }
}
