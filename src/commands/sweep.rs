//! `roi sweep`.
use crate::cli::SweepArgs;
/// Runs `roi sweep`.
pub fn run(_args: SweepArgs) -> anyhow::Result<()> {
    anyhow::bail!("not yet")
}
