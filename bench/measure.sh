#!/usr/bin/env bash
# `roi measure` on big exports, release build: a year of an agency's deals.
# Usage: bench/measure.sh [ROWS]   (default 1000000; needs GNU time and hyperfine:
#   apt-get install time hyperfine; and DuckDB for the comparison: pip install duckdb)
# Writes the exports under /tmp with the fixture generator (examples/make_exports.rs).
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
cargo build --release --locked --quiet
cargo build --release --locked --quiet --example make_exports
# Cargo builds where CARGO_TARGET_DIR says, when it is set.
target=${CARGO_TARGET_DIR:-target}
bin=$target/release/roi
csv=/tmp/roi-bench-deals.csv
"$target/release/examples/make_exports" big "$rows" "$csv"
# The same rows without the ID column: nothing to de-duplicate, so memory stays flat.
cut -d';' -f2- "$csv" | sed '1s/^/\xEF\xBB\xBF/; 1s/^\xEF\xBB\xBF\xEF\xBB\xBF/\xEF\xBB\xBF/' > /tmp/roi-bench-noid.csv
xlsx=/tmp/roi-bench-deals.xlsx
"$target/release/examples/make_exports" big-xlsx 100000 "$xlsx"
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
# Side by side with DuckDB on the same file and the same question: each deal
# once (distinct on ID), its date parsed, leads, bookings, visits and revenue
# by month and source; roi with --by Источник answers it, with its account
# of every row besides. Both use the machine's two cores.
cat > /tmp/roi-bench-duckdb.py <<'PY'
import sys, duckdb
path = sys.argv[1]
rows = duckdb.connect().execute(f"""
with deals as (
  select distinct on ("ID") "ID", "Стадия сделки" as stage, "Сумма" as amount,
         strptime("Дата создания", '%d.%m.%Y %H:%M:%S') as created, "Источник" as source
  from read_csv('{path}', delim=';', header=true, all_varchar=true, quote='"')
  order by "ID")
select date_trunc('month', created) as month, source, count(*) as leads,
       count(*) filter (where stage in ('Сделка успешна', 'Записан', 'Не пришёл')) as bookings,
       count(*) filter (where stage = 'Сделка успешна') as visits,
       sum(try_cast(amount as decimal(18, 2))) filter (where stage = 'Сделка успешна') as revenue
from deals group by all order by all""").fetchall()
print(len(rows), "rows,", sum(r[2] for r in rows), "leads", file=sys.stderr)
PY
if python3 -c "import duckdb" 2>/dev/null; then
  hyperfine --warmup 1 --runs 5 --export-json /tmp/roi-bench-vs-duckdb.json \
    -n roi "$bin measure $csv --map examples/salon-map.toml --by Источник --format json" \
    -n duckdb "python3 /tmp/roi-bench-duckdb.py $csv"
  python3 - <<'PY'
import json
r = {x["command"]: x for x in json.load(open("/tmp/roi-bench-vs-duckdb.json"))["results"]}
roi, duck = r["roi"]["mean"], r["duckdb"]["mean"]
print(f"roi {roi:.3f} s, DuckDB {duck:.3f} s: roi takes {roi / duck:.2f} of DuckDB's time")
PY
  /usr/bin/time -f "DuckDB peak: %M KB" python3 /tmp/roi-bench-duckdb.py "$csv"
  /usr/bin/time -f "roi --by peak: %M KB" "$bin" measure "$csv" --map examples/salon-map.toml --by Источник --format json >/dev/null
else
  echo "DuckDB comparison skipped: pip install duckdb"
fi
