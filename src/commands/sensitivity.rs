//! `roi sensitivity FILE`.
use crate::cli::SensitivityArgs;
/// Runs `roi sensitivity`.
pub fn run(_args: SensitivityArgs) -> anyhow::Result<()> {
    anyhow::bail!("not yet")
}
