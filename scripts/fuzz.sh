#!/usr/bin/env bash
# Fuzz dateline-core with cargo-fuzz (libFuzzer): the readers and extractors,
# every data file the app downloads, and the URL query parser.
#
#   scripts/fuzz.sh [TARGET...]          # default: every target, one after another
#
#   FUZZ_SECONDS=600     time per target (default 600; with FUZZ_RUNS: 3600, a bound)
#   FUZZ_RUNS=1000000    stop each target after this many executions (libFuzzer -runs)
#   FUZZ_SANITIZER=none  none (default: safe Rust, about 2x faster) or address
#   FUZZ_CMIN=1          minimise the corpus after each run (default 1; 0 to keep all)
#   FUZZ_RESULTS=FILE    also append one tab-separated line per run to FILE
#   FUZZ_KEEP_MAX_BYTES  after minimising, drop corpus files larger than this
#                        (default 2048, positions 8192 since a valid p/0.bin
#                        of the fixtures is 6.4 kB: the committed corpus stays
#                        under 4 MB; the large seeds are re-made on every run)
#
# Targets (core/fuzz/fuzz_targets/): ingest (readers + extractors), list
# (l/0.bin, the first piece of the list), index (index.bin, then searched), positions (p/0.bin on the
# fixtures' index, phrases), chunk (r/N.bin), query (URL query string →
# Filter → URL, round trip asserted), packed (the fixtures' packed files with
# fuzz-chosen damage, decoded and searched like the app).
#
# Seeds: the data files of a real `dateline pack` of core/tests/fixtures and
# releases/ (all of them, and each fixture alone), the fixtures themselves for
# ingest, core/fuzz/seeds/queries.txt for the query parser. They are copied into
# the kept corpus, core/fuzz/corpus/<target>/ (committed), which `cargo fuzz
# cmin` then minimises; crashes go to core/fuzz/artifacts/<target>/ (ignored).
#
# cargo-fuzz needs nightly-only rustc flags (-Z sanitizer, and cargo-fuzz's
# own nightly checks). The machine only has stable rustc, so we set
# RUSTC_BOOTSTRAP=1, which lets a stable compiler accept unstable flags. It is
# only set for this fuzz build (separate crate and target dir), never for the
# product build. Targets build optimised with debug assertions and overflow
# checks on (cargo-fuzz's default; an arithmetic overflow is a crash).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
FUZZ="$ROOT/core/fuzz"
ALL_TARGETS=(ingest list index positions chunk query packed)
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=("${ALL_TARGETS[@]}")
RUNS="${FUZZ_RUNS:-}"
if [ -n "$RUNS" ]; then SECONDS_TO_RUN="${FUZZ_SECONDS:-3600}"; else SECONDS_TO_RUN="${FUZZ_SECONDS:-600}"; fi
SANITIZER="${FUZZ_SANITIZER:-none}"
CMIN="${FUZZ_CMIN:-1}"
RESULTS="${FUZZ_RESULTS:-}"
[ -z "$RESULTS" ] || RESULTS="$(cd "$(dirname "$RESULTS")" && pwd)/$(basename "$RESULTS")"
export RUSTC_BOOTSTRAP=1

for t in "${TARGETS[@]}"; do
  case " ${ALL_TARGETS[*]} " in *" $t "*) ;; *) echo "fuzz.sh: unknown target $t (have: ${ALL_TARGETS[*]})" >&2; exit 2 ;; esac
done

if ! command -v cargo-fuzz >/dev/null 2>&1; then
  echo "fuzz.sh: installing cargo-fuzz" >&2
  cargo install cargo-fuzz --locked || cargo install cargo-fuzz
fi

# Largest input per target: the seeds fit, and inputs stay quick to run.
max_len() {
  case "$1" in
    ingest) echo 16384 ;;
    query) echo 4096 ;;
    packed) echo 1024 ;;
    *) echo 65536 ;;
  esac
}

# --- Seeds -----------------------------------------------------------------
SEEDS="$FUZZ/target/seeds"
make_seeds() {
  rm -rf "$SEEDS"
  mkdir -p "$SEEDS"/{ingest,list,index,positions,chunk,query,packed}
  local cli_target="${CARGO_TARGET_DIR_CLI:-/work/tgt/fuzz-cli}"
  (cd "$ROOT" && CARGO_TARGET_DIR="$cli_target" cargo build -q -p dateline-core --bin dateline)
  local dateline="$cli_target/debug/dateline"
  local packs="$SEEDS/packs"
  # The whole fixture corpus, then each fixture alone (small, complete files).
  "$dateline" pack "$ROOT/core/tests/fixtures" "$ROOT/releases" --out "$packs/all" >/dev/null 2>&1
  for f in "$ROOT"/core/tests/fixtures/* "$ROOT"/releases/*; do
    [ -f "$f" ] || continue
    "$dateline" pack "$f" --out "$packs/$(basename "$f")" >/dev/null 2>&1 || true
  done
  for dir in "$packs"/*; do
    [ -f "$dir/l/0.bin" ] || continue
    local name; name="$(basename "$dir")"
    cp "$dir/l/0.bin" "$SEEDS/list/seed-$name"
    cp "$dir/index.bin" "$SEEDS/index/seed-$name"
    cp "$dir/p/0.bin" "$SEEDS/positions/seed-$name"
    cp "$dir/r/0.bin" "$SEEDS/chunk/seed-$name"
  done
  # Ingest: each fixture prefixed with the byte that selects its reader
  # (0 text, 1 Markdown, 2 JSON; see fuzz_targets/ingest.rs).
  for f in "$ROOT"/core/tests/fixtures/* "$ROOT"/releases/*; do
    [ -f "$f" ] || continue
    case "$f" in *.md) sel='\001' ;; *.json) sel='\002' ;; *) sel='\000' ;; esac
    { printf "$sel"; cat "$f"; } > "$SEEDS/ingest/seed-$(basename "$f")"
  done
  # Query strings, one per line; for packed, each behind a few mutations
  # (selector, count, then op + u32 offset + value per mutation).
  local n=0
  while IFS= read -r line; do
    n=$((n + 1))
    printf '%s' "$line" > "$SEEDS/query/seed-$n"
    case $((n % 4)) in
      0) printf '\004\000%s' "$line" ;;
      1) printf '\001\001\000\100\000\000\000\001%s' "$line" ;;
      2) printf '\000\002\006\020\000\000\000\000\001\200\000\000\000\007%s' "$line" ;;
      3) printf '\011\003\005\000\001\000\000\000\002\000\040\000\000\000\003\060\000\000\000\377%s' "$line" ;;
    esac > "$SEEDS/packed/seed-$n"
  done < "$FUZZ/seeds/queries.txt"
}

# --- Runs --------------------------------------------------------------------
cd "$FUZZ"
echo "fuzz.sh: making seeds (dateline pack of the fixtures)" >&2
make_seeds
echo "fuzz.sh: building the targets (sanitizer: $SANITIZER)" >&2
cargo fuzz build -s "$SANITIZER" >&2

stat_of() { grep -Eo "stat::$1: *[0-9]+" "$2" | grep -Eo '[0-9]+$' | tail -1 || true; }

failed=0
summary=()
for t in "${TARGETS[@]}"; do
  corpus="corpus/$t"
  mkdir -p "$corpus" "artifacts/$t"
  cp -n "$SEEDS/$t"/* "$corpus"/ 2>/dev/null || true
  before=$(find "artifacts/$t" -type f | wc -l)
  log="$FUZZ/target/fuzz-$t-$SANITIZER.log"
  limits=(-max_total_time="$SECONDS_TO_RUN" -timeout=10 -rss_limit_mb=2048 -max_len="$(max_len "$t")" -print_final_stats=1)
  [ -n "$RUNS" ] && limits+=(-runs="$RUNS")
  echo "fuzz.sh: $t: ${RUNS:+$RUNS runs or }${SECONDS_TO_RUN}s, sanitizer $SANITIZER, log $log" >&2
  start=$(date +%s)
  set +e
  cargo fuzz run -s "$SANITIZER" "$t" "$corpus" -- "${limits[@]}" > "$log" 2>&1
  status=$?
  set -e
  elapsed=$(( $(date +%s) - start ))
  execs=$(stat_of number_of_executed_units "$log")
  rate=$(stat_of average_exec_per_sec "$log")
  rss=$(stat_of peak_rss_mb "$log")
  crashes=$(( $(find "artifacts/$t" -type f | wc -l) - before ))
  if [ "$status" -ne 0 ] && [ "$crashes" -eq 0 ]; then crashes=1; fi
  if [ "$crashes" -gt 0 ]; then
    failed=1
    echo "fuzz.sh: $t: CRASH (exit $status). Inputs in $FUZZ/artifacts/$t:" >&2
    grep -E -A 25 "panicked|ERROR: libFuzzer|ERROR: AddressSanitizer|SUMMARY" "$log" | head -60 >&2 || true
  elif [ "$CMIN" = 1 ]; then
    # Minimise: keep the inputs that add coverage, smallest first.
    cargo fuzz cmin -s "$SANITIZER" "$t" "$corpus" -- -max_len="$(max_len "$t")" -rss_limit_mb=2048 -timeout=10 \
      > "$FUZZ/target/cmin-$t.log" 2>&1 || echo "fuzz.sh: $t: cmin failed, see target/cmin-$t.log" >&2
    keep=2048; [ "$t" = positions ] && keep=8192
    find "$corpus" -type f -size +"${FUZZ_KEEP_MAX_BYTES:-$keep}"c -delete
  fi
  files=$(find "$corpus" -type f | wc -l)
  size=$(( $(du -sb "$corpus" | cut -f1) / 1024 ))
  line="$t	$SANITIZER	${execs:-?}	${rate:-?}	$elapsed	$files	$crashes	${rss:-?}"
  summary+=("$line")
  if [ -n "$RESULTS" ]; then echo "$line" >> "$RESULTS"; fi
  echo "fuzz.sh: $t: executions ${execs:-?}, exec/s ${rate:-?}, ${elapsed}s, peak RSS ${rss:-?} MB, corpus $files files (${size} kB), crashes $crashes" >&2
done

echo
echo "target	sanitizer	executions	exec/s	seconds	corpus files	crashes	peak RSS MB"
printf '%s\n' "${summary[@]}"
if [ "$failed" -ne 0 ]; then
  echo "fuzz.sh: CRASH found (inputs in core/fuzz/artifacts/<target>/)" >&2
  exit 1
fi
echo "fuzz.sh: no crashes" >&2
