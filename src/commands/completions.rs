//! `roi completions SHELL` and `roi man`: generated from the clap definition, so they never drift from it.

use crate::cli::{Cli, CompletionsArgs, ManArgs};
use crate::output::{Destination, UsageError};
use anyhow::Result;
use clap::CommandFactory;

/// Prints the completion script for a shell.
pub fn run(args: CompletionsArgs) -> Result<()> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "roi", &mut script);
    Destination::Stdout.write(&script)
}

/// Prints the manual page of `roi` or of one subcommand (`roi-calc(1)`, which
/// the top page's SUBCOMMANDS section refers to).
pub fn man(args: ManArgs) -> Result<()> {
    let top = Cli::command();
    let command = match &args.command {
        None => top,
        Some(name) => {
            // The pages are named roi-calc(1), …, so that spelling is taken too.
            let name = name.strip_prefix("roi-").unwrap_or(name);
            let Some(sub) = top.find_subcommand(name) else {
                let names: Vec<&str> = top.get_subcommands().map(|c| c.get_name()).collect();
                return Err(UsageError(crate::i18n::f(
                    "no subcommand {}; pages exist for: {}",
                    &[&name, &names.join(", ")],
                ))
                .into());
            };
            let page = format!("roi-{}", sub.get_name());
            sub.clone().name(page)
        }
    };
    let mut page = Vec::new();
    clap_mangen::Man::new(command).render(&mut page)?;
    Destination::Stdout.write(&page)
}
