//! The `roi` binary: parse the command line, run, report errors.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = roi::cli::Cli::parse();
    match roi::commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{} {error:#}", roi::i18n::t("Error:"));
            ExitCode::from(roi::exit_code(&error))
        }
    }
}
