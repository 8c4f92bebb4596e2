#!/usr/bin/env bash
# Real-app benchmark: the release build of Dateline, served under a sub-path
# with gzip, in headless Chromium, per corpus size: navigation to a usable
# search box, keystroke to next paint, results settled, memory, DOM rows, and
# the sizes of the app code and of its data files. Prints the table and
# rewrites the "In the app: ..." section of BENCHMARKS.md.
#
#   scripts/bench-app.sh                                  # 1k, 10k and 100k records
#   BENCH_APP_SIZES=1000,10000 BENCH_APP_LOADS=3 scripts/bench-app.sh
#   BENCH_APP_SIZES=built scripts/bench-app.sh            # the build as is (its own data/)
#   BENCH_APP_SKIP_BUILD=1 scripts/bench-app.sh           # reuse bench/.cache/app-dist
#   BENCH_NO_WRITE=1 scripts/bench-app.sh                 # print only
#
# Other knobs (bench/app.mjs): BENCH_APP_LOADS_LARGE (3), BENCH_APP_GAP_MS (60),
# BENCH_APP_TIMEOUT_S (300), BENCH_APP_LIST_DATA (regexp), BENCH_APP_NICE (0:
# niceness of the measuring run; the builds always run under nice).
# Records come from bench/.cache/records-N.json (made as scripts/bench-search.sh
# makes them when missing: generate --seed 1, then ingest; 100k is slow).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
. scripts/env.sh

PUBLIC_URL="${BENCH_APP_PUBLIC_URL:-/dateline/}"
DIST="${BENCH_APP_DIST:-bench/.cache/app-dist}"
export BENCH_APP_PUBLIC_URL="$PUBLIC_URL" BENCH_APP_DIST="$DIST"
export BENCH_DATELINE="${BENCH_DATELINE:-$ROOT/target/release/dateline}"

# The one place that says how a size's data files are written. Run by bash
# with $DATELINE (the CLI), $RECORDS (bench/.cache/records-N.json), $OUT (the
# data/ folder of this size's copy of the build, bench/.cache/app-dist-N/data)
# and $N. A size whose command fails is reported and skipped.
export BENCH_APP_PACK="${BENCH_APP_PACK:-\"\$DATELINE\" pack --records \"\$RECORDS\" --out \"\$OUT\"}"

# The browser launcher is shared with the end-to-end tests (tests/e2e/browser.mjs).
if [ ! -d tests/e2e/node_modules/playwright-core ]; then
  npm ci --prefix tests/e2e --no-audit --no-fund --loglevel=error
fi
if [ ! -d bench/node_modules/playwright-core ]; then
  echo "== npm ci (bench/)" >&2
  (cd bench && npm ci --no-audit --no-fund --loglevel=error)
fi

if [ -z "${BENCH_APP_SKIP_BUILD:-}" ]; then
  echo "== dateline CLI (release)" >&2
  nice cargo build --release -q -p dateline-core --bin dateline
  echo "== app: trunk build --release --public-url $PUBLIC_URL --dist $DIST" >&2
  mkdir -p "$(dirname "$DIST")"
  nice trunk build --release --public-url "$PUBLIC_URL" --dist "$DIST"
fi

echo "== benchmark" >&2
nice -n "${BENCH_APP_NICE:-0}" node bench/app.mjs

if [ -n "${BENCH_NO_WRITE:-}" ]; then
  exit 0
fi

CMD="scripts/bench-app.sh"
for v in BENCH_APP_SIZES BENCH_APP_LOADS BENCH_APP_LOADS_LARGE BENCH_APP_GAP_MS; do
  if [ -n "${!v:-}" ]; then CMD="$v=${!v} $CMD"; fi
done
BENCH_CMD="$CMD" node bench/write-app-section.mjs BENCHMARKS.md
echo "BENCHMARKS.md: app section rewritten" >&2
