#!/usr/bin/env bash
# Build (pack) throughput and the incremental rebuild: generate a synthetic
# corpus, then time `dateline pack` (release build) cold, with the build
# cache, and after adding releases, next to the read floor (`cat`), a named
# peer (Pagefind, its pinned Node API, indexing the same files:
# bench/pagefind-build.mjs) and, when BENCH_BASE names an older build of
# dateline, that build, in the same run.
#
#   scripts/bench-build.sh                     # 100,000 releases (Pagefind: minutes)
#   BENCH_COUNT=20000 scripts/bench-build.sh   # quicker
#   BENCH_PEER=none scripts/bench-build.sh     # without Pagefind
#   BENCH_ADD=100 BENCH_BASE=/path/to/old/dateline scripts/bench-build.sh
#
# Prints wall and CPU seconds, MB/s and peak memory (GNU time) per step, the
# plain build against the peer, then the data folder's size and file count
# (and BENCH_BASE's and the peer's).
set -euo pipefail

COUNT="${BENCH_COUNT:-100000}"
ADD="${BENCH_ADD:-100}"
SEED="${BENCH_SEED:-1}"
PEER="${BENCH_PEER:-pagefind}"
cd "$(dirname "$0")/.."

cargo build --release -q -p dateline-core --bin dateline
BIN="$(pwd)/target/release/dateline"
WORK="${BENCH_WORK:-$(mktemp -d -t dateline-build.XXXXXX)}"
[ -n "${BENCH_WORK:-}" ] || trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK"

# The corpus: COUNT releases, and ADD more (another seed) to add later.
if [ ! -d "$WORK/corpus" ]; then
  "$BIN" generate --count "$COUNT" --seed "$SEED" --out "$WORK/corpus" 2>/dev/null
fi
rm -rf "$WORK/more"
"$BIN" generate --count "$ADD" --seed "$((SEED + 1000))" --out "$WORK/more" 2>/dev/null
BYTES=$(find "$WORK/corpus" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
echo "corpus: $COUNT releases, $(awk -v b="$BYTES" 'BEGIN{printf "%.1f", b/1e6}') MB (seed $SEED); $(nproc) cores; adding $ADD"

# step NAME COMMAND...: wall, user+sys, MB/s of the corpus, peak RSS.
step() {
  local name="$1"
  shift
  local t
  t=$(mktemp)
  /usr/bin/time -f '%e %U %S %M' -o "$t" "$@" >/dev/null 2>&1 || { echo "$name: failed"; cat "$t"; return 1; }
  awk -v n="$name" -v b="$BYTES" '{printf "%-44s %8.2f s wall %8.2f s cpu %8.1f MB/s %7.0f MB peak\n", n, $1, $2 + $3, b / 1e6 / $1, $4 / 1024}' "$t"
  # The step's wall and CPU seconds, for the comparisons below.
  read -r WALL CPU < <(awk '{print $1, $2 + $3}' "$t")
  rm -f "$t"
}

step "cat (read floor)" bash -c "find '$WORK/corpus' -type f -print0 | xargs -0 cat"
if [ -n "${BENCH_BASE:-}" ]; then
  step "pack, BENCH_BASE ($(basename "$BENCH_BASE"))" "$BENCH_BASE" pack "$WORK/corpus" --out "$WORK/base-out"
fi
step "pack, no cache" "$BIN" pack "$WORK/corpus" --out "$WORK/out"
PACK_WALL=$WALL PACK_CPU=$CPU
# The named peer on the same files. Node does not wait for Pagefind's own
# process, so its CPU seconds and peak come from the script (read from /proc
# before it closes), added to Node's.
if [ "$PEER" = pagefind ]; then
  [ -d bench/node_modules/pagefind ] || (cd bench && npm ci --no-audit --no-fund --loglevel=error)
  t=$(mktemp)
  /usr/bin/time -f '%e %U %S %M' -o "$t.time" node bench/pagefind-build.mjs "$WORK/corpus" "$WORK/pagefind" >"$t" 2>/dev/null \
    || { echo "Pagefind: failed"; cat "$t.time"; exit 1; }
  read -r WALL CPU PEAK < <(node -e '
    const [w, u, s, kb] = require("fs").readFileSync(process.argv[1] + ".time", "utf8").trim().split(/\s+/).map(Number);
    const child = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    console.log(w, u + s + child.childCpuS, Math.max(kb / 1024, child.childPeakMB));' "$t")
  rm -f "$t" "$t.time"
  awk -v n="Pagefind $(node -p "require('./bench/node_modules/pagefind/package.json').version"), same files (index only)" \
    -v b="$BYTES" -v w="$WALL" -v c="$CPU" -v p="$PEAK" \
    'BEGIN {printf "%-44s %8.2f s wall %8.2f s cpu %8.1f MB/s %7.0f MB peak\n", n, w, c, b / 1e6 / w, p}'
  awk -v pw="$PACK_WALL" -v pc="$PACK_CPU" -v fw="$WALL" -v fc="$CPU" 'BEGIN {
    printf "%-44s %8.1fx wall %8.1fx cpu (Pagefind / dateline)\n", "pack, no cache, against Pagefind", fw / pw, fc / pc }'
fi
rm -f "$WORK/build.cache"
step "pack --cache, cold (writes the cache)" "$BIN" pack "$WORK/corpus" --out "$WORK/out" --cache "$WORK/build.cache"
step "pack --cache, nothing changed" "$BIN" pack "$WORK/corpus" --out "$WORK/out" --cache "$WORK/build.cache"
# ADD new releases in a sub-folder of the corpus, rebuilt with the same cache.
rm -rf "$WORK/corpus/added"
cp -r "$WORK/more" "$WORK/corpus/added"
step "pack --cache, $ADD releases added" "$BIN" pack "$WORK/corpus" --out "$WORK/out" --cache "$WORK/build.cache"
rm -rf "$WORK/corpus/added"

size() {
  local files bytes chunks
  files=$(find "$2" -type f | wc -l)
  bytes=$(du -sb "$2" | cut -f1)
  chunks=$(du -sb "$2/r" | cut -f1)
  awk -v n="$1" -v f="$files" -v b="$bytes" -v c="$chunks" \
    'BEGIN {printf "%-44s %8.1f MB in %d files (chunks r/: %.1f MB)\n", n, b / 1e6, f, c / 1e6}'
}
size "data folder" "$WORK/out"
if [ -n "${BENCH_BASE:-}" ]; then size "data folder, BENCH_BASE" "$WORK/base-out"; fi
if [ "$PEER" = pagefind ]; then
  awk -v f="$(find "$WORK/pagefind" -type f | wc -l)" -v b="$(du -sb "$WORK/pagefind" | cut -f1)" \
    'BEGIN {printf "%-44s %8.1f MB in %d files\n", "Pagefind bundle", b / 1e6, f}'
fi
