//! Shared by the end-to-end tests: the binary, in a fixed environment.

use assert_cmd::Command;

/// `roi`, with the locale pinned to English so that output does not depend
/// on the machine the tests run on; tests of Russian pass `--lang ru`.
pub fn roi() -> Command {
    let mut cmd = Command::cargo_bin("roi").unwrap();
    cmd.env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("NO_COLOR");
    cmd
}
