#!/usr/bin/env bash
# Instructions counted by callgrind for the sweep and simulate benchmarks,
# scaled down (20,000 sweep points, 100,000 trials) so that each run takes
# seconds under valgrind. Wall time on the shared 2-core machine swings by
# 2x with the other builds on it; an instruction count does not, so this is
# the figure to compare two builds by (pass a second binary to compare it
# with, e.g. a copy of main's target/release/roi). Needs valgrind.
#
#   bench/instructions.sh [OTHER_ROI_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet
grid="--vary after.leads=+0%..+99.9%:0.5% --vary costs.monthly=0..99900:1000 --format csv"
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
    sed -n 's/.*Collected : //p'
}
for roi in target/release/roi "$@"; do
  for example in salon-rostov clinic-rostov fitness-rostov; do
    echo "$roi sweep $example (20,000 points): $(count "$roi" sweep "examples/$example.toml" $grid) instructions"
  done
  echo "$roi simulate (100,000 trials): $(count "$roi" simulate examples/salon-ranges.toml --trials 100000) instructions"
done
