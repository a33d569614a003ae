#!/usr/bin/env bash
# `roi measure` on big exports, release build: a year of an agency's deals.
# Usage: bench/measure.sh [ROWS]   (default 1000000; needs GNU time: apt-get install time)
# Writes the exports under /tmp with the fixture generator (examples/make_exports.rs).
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
cargo build --release --locked --quiet
cargo build --release --locked --quiet --example make_exports
bin=target/release/roi
csv=/tmp/roi-bench-deals.csv
target/release/examples/make_exports big "$rows" "$csv"
# The same rows without the ID column: nothing to de-duplicate, so memory stays flat.
cut -d';' -f2- "$csv" | sed '1s/^/\xEF\xBB\xBF/; 1s/^\xEF\xBB\xBF\xEF\xBB\xBF/\xEF\xBB\xBF/' > /tmp/roi-bench-noid.csv
xlsx=/tmp/roi-bench-deals.xlsx
target/release/examples/make_exports big-xlsx 100000 "$xlsx"
ls -l "$csv" /tmp/roi-bench-noid.csv "$xlsx"
for run in 1 2 3; do
  /usr/bin/time -f "csv $rows rows: %e s wall, %M KB peak, %P CPU" \
    "$bin" measure "$csv" --map examples/salon-map.toml --format json >/dev/null
done
/usr/bin/time -f "csv $rows rows, no ID column: %e s wall, %M KB peak" \
  "$bin" measure /tmp/roi-bench-noid.csv --map examples/salon-map.toml --format json >/dev/null
# The same rows without the BOM (the whole file is checked as UTF-8 before it
# is trusted) and in Windows-1251 (checked, then transcoded), as Russian Excel saves them.
tail -c +4 "$csv" > /tmp/roi-bench-bare.csv
iconv -f UTF-8 -t CP1251 /tmp/roi-bench-bare.csv > /tmp/roi-bench-1251.csv
for enc in bare 1251; do
  /usr/bin/time -f "csv $rows rows, $enc: %e s wall, %M KB peak" \
    "$bin" measure "/tmp/roi-bench-$enc.csv" --map examples/salon-map.toml --format json >/dev/null
done
for run in 1 2 3; do
  /usr/bin/time -f "xlsx 100000 rows: %e s wall, %M KB peak, %P CPU" \
    "$bin" measure "$xlsx" --map examples/salon-map.toml --format json >/dev/null
done
