#!/usr/bin/env bash
# Search benchmark: Dateline's engine (core/src/query, compiled to wasm) vs
# MiniSearch, FlexSearch and Pagefind in headless Chromium, on the same
# synthetic corpus (dateline generate --seed 1, then ingest). Prints the table
# and rewrites the "Search: ..." section of BENCHMARKS.md.
#
#   scripts/bench-search.sh                         # 1k, 10k and 100k records
#   BENCH_SIZES=1000,10000 BENCH_PASSES=3 scripts/bench-search.sh
#   BENCH_NO_WRITE=1 scripts/bench-search.sh        # print only
#
# Corpora, Pagefind bundles and results are cached in bench/.cache/ (delete it
# to start over). The 100k ingest takes several minutes of CPU on first run.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
. scripts/env.sh

# Engine build: opt-level 3 + LTO (bench/engine/Cargo.toml), then wasm-opt
# (-Oz by default, as asked by the issue; BENCH_WASM_OPT=-O3 to compare).
WASM_OPT_LEVEL="${BENCH_WASM_OPT:--Oz}"

# The browser launcher is shared with the end-to-end tests (tests/e2e/browser.mjs).
if [ ! -d tests/e2e/node_modules/playwright-core ]; then
  npm ci --prefix tests/e2e --no-audit --no-fund --loglevel=error
fi
echo "== npm ci (bench/)" >&2
(cd bench && npm ci --no-audit --no-fund --loglevel=error)

echo "== dateline CLI (release)" >&2
cargo build --release -q -p dateline-core --bin dateline

echo "== engine wasm" >&2
(
  cd bench/engine
  cargo build --release -q --target wasm32-unknown-unknown --target-dir target
  wasm-bindgen --target web --no-typescript --out-dir pkg \
    target/wasm32-unknown-unknown/release/dateline_bench_engine.wasm
  wasm-opt "$WASM_OPT_LEVEL" --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals \
    pkg/dateline_bench_engine_bg.wasm -o pkg/dateline_bench_engine_bg.wasm
)

echo "== benchmark" >&2
BENCH_DATELINE="$ROOT/target/release/dateline" node bench/run.mjs

if [ -n "${BENCH_NO_WRITE:-}" ]; then
  exit 0
fi

CPU="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
MEM_GB="$(awk '/MemTotal/ {printf "%.0f", $2 / 1048576}' /proc/meminfo)"
CMD="scripts/bench-search.sh"
for v in BENCH_SIZES BENCH_ENGINES BENCH_PASSES BENCH_PASSES_LARGE BENCH_WARMUP_LARGE; do
  if [ -n "${!v:-}" ]; then CMD="$v=${!v} $CMD"; fi
done
MACHINE="$(nproc) cores ($CPU), ${MEM_GB} GB, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end of the run"
BENCH_MACHINE="$MACHINE" BENCH_CMD="$CMD" BENCH_WASM_OPT_LEVEL="$WASM_OPT_LEVEL" \
  node bench/write-section.mjs BENCHMARKS.md
echo "BENCHMARKS.md: search section rewritten" >&2
