#!/usr/bin/env bash
# 1,000,000 Monte Carlo trials of the salon with the article's ranges, release
# build: wall time with hyperfine (2 warm-ups, 10 runs: min, median, mean),
# then CPU use and peak memory with GNU time. Needs hyperfine and GNU time.
# The target is 0.18 s on the project's 2-core machine; `uptime` is printed
# first, since other builds on the machine skew wall time.
# Last measured (load ~2, README's Performance): table min 0.17 s / median
# 0.20 s, JSON 0.17 / 0.18 s; bench/instructions.sh counts instructions.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet
uptime
run="target/release/roi simulate examples/salon-ranges.toml --trials 1000000"
for format in table json; do
  hyperfine -N --output=null -w 2 -r 10 --export-json "/tmp/roi-simulate-$format.json" \
    "$run --format $format" >/dev/null
  python3 -c 'import json,sys,statistics as s; t=json.load(open(sys.argv[1]))["results"][0]["times"]; print(f"simulate ({sys.argv[2]}): min {min(t):.3f} s, median {s.median(t):.3f} s, mean {s.mean(t):.3f} s")' \
    "/tmp/roi-simulate-$format.json" "$format"
  /usr/bin/time -f "simulate --trials 1000000 ($format): %e s wall, %U s user, %P CPU, %M KB peak" \
    $run --format "$format" > /dev/null
done
/usr/bin/time -f "simulate --trials 1000000 --samples: %e s wall, %U s user, %P CPU, %M KB peak" \
  $run --samples /tmp/roi-samples.csv > /dev/null
uptime
