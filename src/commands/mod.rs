//! One module per subcommand, each with `run(args) -> anyhow::Result<()>`.

pub mod calc;
pub mod init;

use crate::cli::{Cli, Command};

/// Dispatches to the subcommand.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Calc(args) => calc::run(args),
        Command::Init(args) => init::run(args),
    }
}
