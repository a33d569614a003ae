//! `roi solve`.
use crate::cli::SolveArgs;
/// Runs `roi solve`.
pub fn run(_args: SolveArgs) -> anyhow::Result<()> {
    anyhow::bail!("not yet")
}
