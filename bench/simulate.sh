#!/usr/bin/env bash
# 1,000,000 Monte Carlo trials of the salon with the article's ranges:
# wall time, CPU use and peak memory, release build. Needs GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet
for format in table json; do
  /usr/bin/time -f "simulate --trials 1000000 ($format): %e s wall, %U s user, %P CPU, %M KB peak" \
    target/release/roi simulate examples/salon-ranges.toml --trials 1000000 --format "$format" > /dev/null
done
/usr/bin/time -f "simulate --trials 1000000 --samples: %e s wall, %U s user, %P CPU, %M KB peak" \
  target/release/roi simulate examples/salon-ranges.toml --trials 1000000 --samples /tmp/roi-samples.csv > /dev/null
