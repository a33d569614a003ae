//! `roi init [PATH]`: a commented starter scenario, the article's salon, in
//! the reader's language.

use super::Ui;
use crate::cli::InitArgs;
use crate::i18n::Lang;
use crate::output::Destination;
use anyhow::Result;

/// The starter file: the article's worked example, with every other key shown commented out.
pub const STARTER: &str = include_str!("starter.toml");

/// The same starter with Russian comments and a Russian name; keys stay as they are.
pub const STARTER_RU: &str = include_str!("starter.ru.toml");

/// The starter for readers of `lang`.
pub fn starter(lang: Lang) -> &'static str {
    match lang {
        Lang::En => STARTER,
        Lang::Ru => STARTER_RU,
    }
}

/// Runs `roi init`.
pub fn run(args: InitArgs, ui: &Ui) -> Result<()> {
    let destination = if args.path.as_os_str() == "-" {
        Destination::Stdout
    } else {
        Destination::new_file(&args.path)?
    };
    destination.write(starter(ui.lang).as_bytes())?;
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
