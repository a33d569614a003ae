//! The `roi` binary: parse the command line, run, report errors.

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match roi::cli::parse_from(std::env::args_os()) {
        Ok(cli) => cli,
        Err(roi::cli::Stop::Clap(e)) => {
            // Help and the version go to standard output, mistakes to standard error.
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
        Err(roi::cli::Stop::Refused(why)) => {
            let _ = writeln!(std::io::stderr(), "{} {why}", roi::i18n::t("Error:"));
            return ExitCode::from(2);
        }
    };
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
