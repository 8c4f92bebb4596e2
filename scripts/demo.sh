#!/usr/bin/env bash
# Serves Dateline with a demo corpus: N deterministic synthetic releases (seeded)
# plus the real releases/ folder, for development and screenshots. The shipped
# corpus stays releases/ alone: synthetic data is only ever used through here.
#
#   scripts/demo.sh [COUNT] [SEED] [trunk serve args...]   # default 1000 releases, seed 1
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
count=${1:-1000}
seed=${2:-1}
shift $(( $# > 2 ? 2 : $# ))
demo="$ROOT/target/demo-releases-$count-$seed"
if [ ! -d "$demo" ]; then
  rm -rf "$demo.tmp" # left by an interrupted run
  cargo run --release --quiet --bin dateline -- generate --count "$count" --seed "$seed" --out "$demo.tmp"
  cp -r "$ROOT/releases/." "$demo.tmp/"
  mv "$demo.tmp" "$demo"
fi
DATELINE_RELEASES="$demo" exec "$ROOT/scripts/serve.sh" "$@"
