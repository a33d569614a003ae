#!/usr/bin/env bash
# A 1,000,000-point sweep (1000 × 1000 grid) to CSV for each example: wall time,
# CPU use and peak memory, release build. Needs GNU time (apt-get install time).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet
for example in salon-rostov clinic-rostov fitness-rostov; do
  /usr/bin/time -f "$example: %e s wall, %U s user, %P CPU, %M KB peak" \
    target/release/roi sweep "examples/$example.toml" \
      --vary after.leads=+0%..+99.9%:0.1% --vary costs.monthly=0..99900:100 \
      --format csv > /dev/null
done
