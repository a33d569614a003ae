#!/usr/bin/env bash
# Scenario files with many [[variant]]s: `roi calc` and `roi compare` on one
# with 10,000 of them (each changing three keys, half written nested), release
# build. The work must grow with the file, not with its square.
# Usage: bench/variants.sh [VARIANTS]   (default 10000; needs hyperfine and GNU time: apt-get install hyperfine time)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
cargo build --release --locked --quiet
bin=target/release/roi
file=/tmp/roi-bench-variants.toml
{
  cat examples/salon-rostov.toml
  for ((i = 1; i <= n; i++)); do
    if ((i % 2)); then
      printf '\n[[variant]]\nname = "v%d"\nset = { "after.leads" = "+%d%%", "after.conversion" = "+%dpp", "costs.monthly" = %d }\n' \
        "$i" $((i % 40 + 1)) $((i % 7)) $((9000 + i % 2000))
    else
      printf '\n[[variant]]\nname = "v%d"\nset = { after = { leads = "+%d%%", conversion = "+%dpp" }, costs = { monthly = %d } }\n' \
        "$i" $((i % 40 + 1)) $((i % 7)) $((9000 + i % 2000))
    fi
  done
} > "$file"
ls -l "$file"
hyperfine --warmup 3 --runs 20 --shell=none --style basic \
  "$bin calc $file" \
  "$bin calc $file --format json"
hyperfine --warmup 1 --runs 10 --shell=none --style basic \
  "$bin compare $file --format json" \
  "$bin compare $file --format csv" \
  "$bin compare $file"
echo "Peak memory (GNU time, maximum resident set size):"
/usr/bin/time -f "calc: %M KB" "$bin" calc "$file" >/dev/null
/usr/bin/time -f "compare --format json: %M KB" "$bin" compare "$file" --format json >/dev/null
