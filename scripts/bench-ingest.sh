#!/usr/bin/env bash
# Ingest throughput: generate a synthetic corpus with the CLI, then time
# `dateline ingest --json > /dev/null` (release build) against floor references
# over the same files, measured in the same run.
#
#   scripts/bench-ingest.sh                  # 20,000 releases, 5 runs each
#   BENCH_COUNT=2000 BENCH_RUNS=3 scripts/bench-ingest.sh
set -euo pipefail

COUNT="${BENCH_COUNT:-20000}"
RUNS="${BENCH_RUNS:-5}"
SEED="${BENCH_SEED:-1}"
cd "$(dirname "$0")/.."

cargo build --release -q -p dateline-core --bin dateline
BIN="$(pwd)/target/release/dateline"

WORK="$(mktemp -d -t dateline-bench.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
CORPUS="$WORK/corpus"
"$BIN" generate --count "$COUNT" --seed "$SEED" --out "$CORPUS" 2>/dev/null
BYTES=$(find "$CORPUS" -type f -exec cat {} + | wc -c)
FILES=$(find "$CORPUS" -type f | wc -l)

# Median wall time (seconds) of $RUNS runs of a shell command.
median_seconds() {
  local cmd="$1" times=()
  for _ in $(seq "$RUNS"); do
    local start end
    start=$(date +%s.%N)
    bash -c "$cmd" > /dev/null
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc -l)")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'
}

report() {
  local name="$1" secs="$2"
  awk -v n="$name" -v s="$secs" -v b="$BYTES" -v f="$FILES" \
    'BEGIN { printf "%-34s %8.3f s %10.1f MB/s %12.0f releases/s\n", n, s, b / 1e6 / s, f / s }'
}

echo "corpus: $FILES files, $(awk -v b="$BYTES" 'BEGIN{printf "%.1f", b/1e6}') MB (seed $SEED), median of $RUNS runs, $(nproc) cores"
report "dateline ingest --json" "$(median_seconds "'$BIN' ingest '$CORPUS' --json 2>/dev/null")"
report "cat (read floor)" "$(median_seconds "find '$CORPUS' -type f -exec cat {} +")"
report "wc -w (tokenise floor)" "$(median_seconds "find '$CORPUS' -type f -exec cat {} + | wc -w")"
PY='import json,os,sys
d=sys.argv[1]
out=[{"source":n,"text":open(os.path.join(d,n),encoding="utf-8").read()} for n in sorted(os.listdir(d))]
sys.stdout.write(json.dumps(out))'
report "python3 json.dumps of texts" "$(median_seconds "python3 -c '$PY' '$CORPUS'")"
