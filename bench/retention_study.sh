#!/usr/bin/env bash
# The simulation study of the pilot's client returns (issue 20, item 4):
# clients drawn from known return rhythms, judged RUNS times per truth
# (tests/returns_study, examples/retention_study.rs).
# Usage: bench/retention_study.sh [RUNS] [SEED]   (defaults 2000 runs, seed 20)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-2000}
seed=${2:-20}
cargo build --release --locked --quiet --example retention_study
bin=${CARGO_TARGET_DIR:-target}/release/examples/retention_study
echo "command: $bin $runs $seed; commit $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (modified)')" >&2
start=$(date +%s%N)
"$bin" "$runs" "$seed" | tee /tmp/roi-retention-study.md
ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "seed $seed, $runs runs per truth: $((ms / 1000)).$((ms % 1000 / 100)) s wall" >&2
