#!/usr/bin/env bash
# Import benchmark (issue 14): generated releases (1,000 and 10,000 by
# default) picked as a folder in the release build under a sub-path, read and
# packed by the import worker in headless Chromium, next to the native CLI
# (`dateline pack`) on the same folder. Prints a table (medians of
# BENCH_IMPORT_RUNS, default 3).
#
#   scripts/bench-import.sh                        # builds dist/ if missing
#   BENCH_IMPORT_SIZES=1000 scripts/bench-import.sh
#   BENCH_IMPORT_DIST=dist scripts/bench-import.sh # an existing build under /dateline/
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
. scripts/env.sh

PUBLIC_URL=/dateline/
DIST="${BENCH_IMPORT_DIST:-dist}"
CACHE="$ROOT/bench/.cache"
mkdir -p "$CACHE"
cargo build --release --quiet -p dateline-core --bin dateline
CLI="$ROOT/target/release/dateline"
if [ ! -f "$DIST/dateline-import_loader.js" ]; then
  nice trunk build --release --public-url "$PUBLIC_URL" --dist "$DIST"
fi
corpora=()
IFS=, read -ra sizes <<<"${BENCH_IMPORT_SIZES:-1000,10000}"
for n in "${sizes[@]}"; do
  dir="$CACHE/import-$n"
  if [ ! -d "$dir" ]; then
    "$CLI" generate --count "$n" --seed 1 --out "$dir" >/dev/null
  fi
  echo "== $n releases: $(du -sh "$dir" | cut -f1) in $(find "$dir" -type f | wc -l) files" >&2
  corpora+=("$dir")
done
if [ ! -d tests/e2e/node_modules/playwright-core ]; then
  npm ci --prefix tests/e2e --no-audit --no-fund --loglevel=error
fi
if [ ! -d bench/node_modules/playwright-core ]; then
  npm ci --prefix bench --no-audit --no-fund --loglevel=error
fi
node bench/import.mjs "$ROOT/$DIST" "$PUBLIC_URL" "$CLI" "${corpora[@]}"
