//! `roi init [PATH]`: a commented starter scenario, the article's salon.

use crate::cli::InitArgs;
use crate::output::Destination;
use anyhow::Result;

/// The starter file: the article's worked example, with every other key shown commented out.
pub const STARTER: &str = include_str!("starter.toml");

/// Runs `roi init`.
pub fn run(args: InitArgs) -> Result<()> {
    let destination = if args.path.as_os_str() == "-" {
        Destination::Stdout
    } else {
        Destination::NewFile(args.path.clone())
    };
    destination.write(STARTER.as_bytes())?;
    if destination != Destination::Stdout {
        let path = args.path.display();
        eprintln!(
            "{}",
            crate::i18n::f(
                "Wrote {}; run `roi calc {}` to see the projection.",
                &[&path, &path]
            )
        );
    }
    Ok(())
}
