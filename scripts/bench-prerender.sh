#!/usr/bin/env bash
# Pre-rendering throughput: generate a synthetic corpus, pack it, then time
# `dateline-prerender` (every release's page and the home page, 2 threads)
# three times, next to a named peer in the same run: Jinja2 (the engine of
# Pelican and MkDocs) writing a simpler page per release from the same chunk
# files, one Python process.
#
#   scripts/bench-prerender.sh                    # 10,000 releases, pages on disk
#   BENCH_COUNT=20000 BENCH_WORK=/dev/shm/pr scripts/bench-prerender.sh   # in memory
#
# Prints the median of 3 runs: wall seconds, CPU seconds (user + sys), pages
# per second of wall time and per CPU second, the size of release/, and the
# ratios. On a busy machine the wall figure is the host's; CPU seconds are
# what the work costs.
set -euo pipefail

COUNT="${BENCH_COUNT:-10000}"
SEED="${BENCH_SEED:-7}"
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

cargo build --release -q -p dateline-core --bin dateline
cargo build --profile prerender -q -p dateline-app --features ssr --bin dateline-prerender
BIN="$ROOT/target/release/dateline"
PRE="$ROOT/target/prerender/dateline-prerender"
WORK="${BENCH_WORK:-$(mktemp -d -t dateline-prerender.XXXXXX)}"
[ -n "${BENCH_WORK:-}" ] || trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK"
python3 -c 'import jinja2' 2>/dev/null || pip install --quiet 'jinja2==3.1.6'

if [ ! -d "$WORK/corpus" ]; then
  "$BIN" generate --count "$COUNT" --seed "$SEED" --out "$WORK/corpus" 2>/dev/null
fi
rm -rf "$WORK/site"
mkdir -p "$WORK/site"
"$BIN" pack "$WORK/corpus" --out "$WORK/site/data" 2>/dev/null
echo "corpus: $COUNT releases (seed $SEED); $(nproc) cores; pages in $WORK"

# run NAME COMMAND...: one timed run, "wall cpu" on stdout.
run() {
  local t
  t=$(mktemp)
  rm -rf "$WORK/site/release" "$WORK/site/country" "$WORK/site/organisation" "$WORK/site/person"
  # The template: the repository's index.html (the built one is minified).
  cp "$ROOT/index.html" "$WORK/site/index.html"
  /usr/bin/time -f '%e %U %S' -o "$t" "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; cat "$t" >&2; exit 1; }
  awk '{printf "%s %.2f\n", $1, $2 + $3}' "$t"
  rm -f "$t"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

report() {
  local name="$1" pages="$2" walls="$3" cpus="$4"
  local wall cpu
  wall=$(tr ' ' '\n' <<<"$walls" | median)
  cpu=$(tr ' ' '\n' <<<"$cpus" | median)
  printf '%-28s %7d pages  wall %7.2f s (%6.0f pages/s)  cpu %7.2f s (%6.0f pages per cpu-s)  release/ %s\n' \
    "$name" "$pages" "$wall" "$(awk -v p="$pages" -v w="$wall" 'BEGIN{print p/w}')" \
    "$cpu" "$(awk -v p="$pages" -v c="$cpu" 'BEGIN{print p/c}')" "$(du -sh "$WORK/site/release" | cut -f1)" >&2
  echo "$wall $cpu"
}

# The same pages on both sides: every release's (--pages COUNT), and our home page.
d_walls="" d_cpus="" j_walls="" j_cpus="" a_walls="" a_cpus=""
for _ in 1 2 3; do
  read -r w c < <(run "$PRE" --dist "$WORK/site" --base /dateline/ --pages "$COUNT")
  d_walls+="$w " d_cpus+="$c "
  read -r w c < <(run python3 "$ROOT/scripts/bench/prerender_jinja.py" "$WORK/site")
  j_walls+="$w " j_cpus+="$c "
  read -r w c < <(run "$PRE" --dist "$WORK/site" --base /dateline/ --pages all)
  a_walls+="$w " a_cpus+="$c "
done
ALL=$(find "$WORK/site" -name index.html | wc -l)
read -r _ _ < <(report "dateline-prerender --pages all" "$ALL" "$a_walls" "$a_cpus")
# The last run left the entity pages too; ours once more for release/'s size.
run "$PRE" --dist "$WORK/site" --base /dateline/ --pages "$COUNT" >/dev/null
read -r dw dc < <(report "dateline-prerender" "$((COUNT + 1))" "$d_walls" "$d_cpus")
run python3 "$ROOT/scripts/bench/prerender_jinja.py" "$WORK/site" >/dev/null
read -r jw jc < <(report "jinja2 (peer)" "$COUNT" "$j_walls" "$j_cpus")
awk -v dw="$dw" -v jw="$jw" -v dc="$dc" -v jc="$jc" -v n="$COUNT" 'BEGIN {
  printf "dateline / jinja2: wall %.2fx, cpu %.2fx; dateline on 2 free cores (CPU seconds over 2): %.0f pages/s (target 2,000)\n", dw/jw, dc/jc, (n+1)/(dc/2)
}'
