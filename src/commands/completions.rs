//! `roi completions SHELL` and `roi man`: generated from the clap definition, so they never drift from it.

use crate::cli::{Cli, CompletionsArgs};
use crate::output::Destination;
use anyhow::Result;
use clap::CommandFactory;

/// Prints the completion script for a shell.
pub fn run(args: CompletionsArgs) -> Result<()> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "roi", &mut script);
    Destination::Stdout.write(&script)
}

/// Prints the manual page.
pub fn man() -> Result<()> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    Destination::Stdout.write(&page)
}
