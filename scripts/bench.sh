#!/usr/bin/env bash
# Every benchmark of issue 5 in one command, on a fresh machine too: installs
# what is missing (scripts/setup.sh), then
#   1. scripts/bench-search.sh: the engine (core compiled to wasm, loading the
#      packed files as the app does) against MiniSearch, FlexSearch and
#      Pagefind on the same records and 200-keystroke log;
#   2. scripts/bench-app.sh: the real app (release build under a sub-path) —
#      navigation to a usable search box, keystroke to next paint, memory,
#      sizes and bytes per release.
# Both rewrite their section of BENCHMARKS.md. Sizes: BENCH_SIZES /
# BENCH_APP_SIZES (default 1000,10000,100000). The first run generates and
# ingests the synthetic corpora (bench/.cache/, several minutes at 100k).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/bench-search.sh
scripts/bench-app.sh
