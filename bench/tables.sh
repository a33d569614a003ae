#!/usr/bin/env bash
# Model v2 (capacity, seasons, cost lines) walks every month instead of the
# closed form: a 1,000,000-point sweep to CSV and a million-trial simulation
# on its examples, with the article's salon for comparison. Wall time, CPU
# use and peak memory, release build. Needs GNU time (apt-get install time).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet
run() {
  local label=$1
  shift
  /usr/bin/time -f "$label: %e s wall, %U s user, %P CPU, %M KB peak" "$@" > /dev/null
}
run "salon-rostov sweep" target/release/roi sweep examples/salon-rostov.toml \
  --vary after.leads=+0%..+99.9%:0.1% --vary costs.monthly=0..99900:100 --format csv
run "salon-capacity sweep" target/release/roi sweep examples/salon-capacity.toml \
  --vary after.leads=+0%..+99.9%:0.1% --vary capacity.visits=40..139.9:0.1 --format csv
run "fitness-seasonal sweep" target/release/roi sweep examples/fitness-seasonal.toml \
  --vary after.leads=+0%..+99.9%:0.1% --vary costs.item.Telephony.monthly=0..99900:100 --format csv
ranges=$(mktemp --suffix=.toml)
trap 'rm -f "$ranges"' EXIT
sed -e 's/^visits = 50 .*/visits = "45..60"/' examples/salon-capacity.toml > "$ranges"
run "salon-capacity simulate (capacity 45..60)" target/release/roi simulate "$ranges" --trials 1000000
