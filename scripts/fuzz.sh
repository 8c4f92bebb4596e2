#!/usr/bin/env bash
# Fuzz dateline-core's readers and extractors with cargo-fuzz (libFuzzer).
#
#   FUZZ_SECONDS=600 scripts/fuzz.sh          # default: 10 minutes
#   FUZZ_SANITIZER=address scripts/fuzz.sh    # default: none (safe Rust; faster)
#
# cargo-fuzz needs nightly-only rustc flags (-Z sanitizer, and cargo-fuzz's
# own nightly checks). The machine only has stable rustc, so we set
# RUSTC_BOOTSTRAP=1, which lets a stable compiler accept unstable flags. It is
# only set for this fuzz build (separate crate and target dir), never for the
# product build.
set -euo pipefail

cd "$(dirname "$0")/../core/fuzz"
SECONDS_TO_RUN="${FUZZ_SECONDS:-600}"
SANITIZER="${FUZZ_SANITIZER:-none}"
TARGET=ingest
export RUSTC_BOOTSTRAP=1

if ! command -v cargo-fuzz >/dev/null 2>&1; then
  echo "fuzz.sh: installing cargo-fuzz" >&2
  cargo install cargo-fuzz --locked || cargo install cargo-fuzz
fi

# Seed corpus: the fixtures and the seed release, each prefixed with the byte
# that selects its reader (0 text, 1 Markdown, 2 JSON; see fuzz_targets/ingest.rs).
CORPUS="corpus/$TARGET"
mkdir -p "$CORPUS"
for f in ../tests/fixtures/* ../../releases/*; do
  [ -f "$f" ] || continue
  case "$f" in
    *expected.json) continue ;;
    *.md) sel='\001' ;;
    *.json) sel='\002' ;;
    *) sel='\000' ;;
  esac
  { printf "$sel"; cat "$f"; } > "$CORPUS/seed-$(basename "$f")"
done

LOG="$(mktemp -t dateline-fuzz.XXXXXX.log)"
echo "fuzz.sh: running $TARGET for ${SECONDS_TO_RUN}s (sanitizer: $SANITIZER), log in $LOG" >&2
set +e
cargo fuzz run --release -s "$SANITIZER" "$TARGET" "$CORPUS" -- \
  -max_total_time="$SECONDS_TO_RUN" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
  -print_final_stats=1 2>&1 | tee "$LOG" | grep -E "^#[0-9]+.*(pulse|DONE)|ERROR|panicked|Test unit written|SUMMARY" >&2
status=${PIPESTATUS[0]}
set -e

execs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$LOG" | grep -Eo '[0-9]+$' | tail -1 || true)
rate=$(grep -Eo 'exec/s: *[0-9]+' "$LOG" | grep -Eo '[0-9]+$' | tail -1 || true)
echo "fuzz.sh: executions: ${execs:-unknown}, last exec/s: ${rate:-unknown}, exit status: $status"
if [ "$status" -ne 0 ] || ls artifacts/"$TARGET"/crash-* >/dev/null 2>&1; then
  echo "fuzz.sh: CRASH found. Inputs:" >&2
  for c in artifacts/"$TARGET"/crash-* artifacts/"$TARGET"/timeout-* artifacts/"$TARGET"/oom-*; do
    [ -f "$c" ] || continue
    echo "--- $c ($(wc -c < "$c") bytes)" >&2
    head -c 2000 "$c" | od -c | head -40 >&2
  done
  grep -A 20 "panicked" "$LOG" | head -40 >&2 || true
  exit 1
fi
echo "fuzz.sh: no crashes"
