#!/bin/sh
# The switchback study (README, "A pilot that proves cause"): 1000 replications
# a scenario of a 28-day day-level switchback at 300 leads a month, each
# written as a Bitrix24 export and judged by roi itself. A few minutes on two cores.
set -eu
cd "$(dirname "$0")/.."
cargo run --release --example switchback_study -- "${1:-1000}"
