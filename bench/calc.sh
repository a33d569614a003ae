#!/usr/bin/env bash
# Start-up and run time of `roi calc` on the examples, release build.
# Usage: bench/calc.sh            (needs hyperfine and GNU time: apt-get install hyperfine time)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet
bin=target/release/roi
for example in examples/salon-rostov.toml examples/clinic-rostov.toml; do
  for format in table json; do
    hyperfine --warmup 20 --runs 300 --shell=none --style basic \
      "$bin calc $example --format $format"
  done
done
echo "Peak memory (GNU time, maximum resident set size):"
/usr/bin/time -v "$bin" calc examples/clinic-rostov.toml >/dev/null 2>/tmp/roi-time.txt || true
grep -E "Maximum resident|Elapsed" /tmp/roi-time.txt
