#!/usr/bin/env bash
# Prints raw, gzip -9 and brotli -q 11 sizes of the wasm, js and css in a dist folder.
set -euo pipefail
dist=${1:-dist}
printf '%-44s %10s %10s %10s\n' file raw gzip brotli
total_gz=0 total_br=0
for f in "$dist"/*.wasm "$dist"/*.js "$dist"/*.css; do
  [ -f "$f" ] || continue
  raw=$(wc -c <"$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  br=$(brotli -q 11 -c "$f" | wc -c)
  total_gz=$((total_gz + gz)) total_br=$((total_br + br))
  printf '%-44s %10d %10d %10d\n' "$(basename "$f")" "$raw" "$gz" "$br"
done
printf '%-44s %10s %10d %10d\n' total '' "$total_gz" "$total_br"
