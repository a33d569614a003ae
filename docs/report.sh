#!/usr/bin/env bash
# Regenerates docs/report.png, the README's picture of `roi report`: the
# clinic example in Russian, rendered by headless Chromium with the flags the
# tests use (this machine's network is closed). Needs chromium (apt-get install chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo run --quiet --release -- report examples/clinic-rostov.toml --lang ru -o "$work/report.html"
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --hide-scrollbars --window-size=1000,1400 --user-data-dir="$work/profile" \
  --screenshot="$work/report.png" "file://$work/report.html" 2>/dev/null
mv "$work/report.png" docs/report.png
echo "wrote docs/report.png"
