//! The `roi` binary: parse the command line, run, report errors.

use clap::Parser;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = roi::cli::Cli::parse();
    match roi::commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // `eprintln!` panics when stderr is a closed pipe; the exit code
            // still tells the caller what happened, so a failed write is let go.
            let _ = writeln!(std::io::stderr(), "{} {error:#}", roi::i18n::t("Error:"));
            ExitCode::from(roi::exit_code(&error))
        }
    }
}
