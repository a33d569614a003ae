#!/usr/bin/env bash
# The simulation study of `roi pilot`'s decisions (issue 18, item 8): the
# issue's scenarios, each run RUNS times from SEED, in-process through the
# pilot's command line and JSON (tests/study, examples/pilot_study.rs).
# Usage: bench/pilot_study.sh [RUNS] [SEED] [extra pilot_study options, e.g. --only null,looks]
#   (defaults 2000 runs, seed 18; THREADS in the environment, default all cores).
# The Markdown tables go to stdout and to /tmp/roi-pilot-study.md.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-2000}
seed=${2:-18}
shift $(( $# < 2 ? $# : 2 ))
threads=${THREADS:-$(nproc)}
cargo build --release --locked --quiet --example pilot_study
bin=${CARGO_TARGET_DIR:-target}/release/examples/pilot_study
cmd=("$bin" --runs "$runs" --seed "$seed" --threads "$threads" "$@")
echo "command: ${cmd[*]}" >&2
echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (modified)')" >&2
start=$(date +%s%N)
"${cmd[@]}" | tee /tmp/roi-pilot-study.md
ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "seed $seed, $runs runs per scenario, $threads threads: $((ms / 1000)).$((ms % 1000 / 100)) s wall" >&2
