#!/usr/bin/env bash
# Where the app's wasm goes: builds it as Trunk does (the `app` profile that
# index.html selects, wasm-bindgen, wasm-opt -Os -Os) but keeps the function
# names, then sums twiggy's sizes per crate and module. Installs twiggy 0.8.0 when missing.
#
#   scripts/wasm-breakdown.sh          # the top 30 groups
#   TOP=60 scripts/wasm-breakdown.sh
#   PROFILE=release scripts/wasm-breakdown.sh   # another Cargo profile, to compare
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
. scripts/env.sh
command -v twiggy >/dev/null || cargo install twiggy --version 0.8.0 --locked
command -v wasm-opt >/dev/null || npm ci --prefix tests/e2e --no-audit --no-fund --loglevel=error

target=${CARGO_TARGET_DIR:-$ROOT/target}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# Must match the app's `data-cargo-profile-release` in index.html.
profile=${PROFILE:-app}
cargo build --profile "$profile" -q --target wasm32-unknown-unknown -p dateline-app --bin dateline-app
wasm-bindgen --target web --no-typescript --keep-debug --out-dir "$out" \
  "$target/wasm32-unknown-unknown/$profile/dateline-app.wasm"
flags=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals)
# `data-wasm-opt="s"`, then index.html's `data-wasm-opt-params` (Trunk passes them last).
wasm-opt -Os "${flags[@]}" "$out/dateline-app_bg.wasm" -o "$out/shipped.wasm" -Os --reorder-functions-by-name
wasm-opt -Os -g "${flags[@]}" "$out/dateline-app_bg.wasm" -o "$out/named.wasm" -Os --reorder-functions-by-name
printf 'shipped wasm: %d B raw, %d B brotli -q 11\n' \
  "$(wc -c <"$out/shipped.wasm")" "$(brotli -q 11 -c "$out/shipped.wasm" | wc -c)"
twiggy top -n 1000000 --format csv "$out/named.wasm" >"$out/top.csv"
python3 - "$out/top.csv" "${TOP:-30}" <<'EOF'
import collections, csv, re, sys
rows = list(csv.DictReader(open(sys.argv[1])))
groups, counts, total = collections.Counter(), collections.Counter(), 0
pattern = re.compile(
    r"(dateline_core::\w+|dateline_app::\w+|core::slice::sort|core::fmt|yew_router|yew|"
    r"serde_json|serde|wasm_bindgen|web_sys|js_sys|gloo\w*|dlmalloc|hashbrown|"
    r"form_urlencoded|data segment|core::|alloc::|std::)")
for r in rows:
    name, size = r["Name"], int(r["ShallowSize"])
    if name.startswith("custom section") or "names" in name or "debug" in name:
        continue
    total += size
    m = pattern.search(name)
    key = m.group(1).rstrip(":") if m else "other (imports, glue, generics)"
    groups[key] += size
    counts[key] += 1
print(f"code and data, optimised, names kept: {total} B")
print(f"{'group':<40} {'bytes':>8} {'share':>6} {'items':>6}")
for key, size in groups.most_common(int(sys.argv[2])):
    print(f"{key:<40} {size:>8} {100 * size / total:>5.1f}% {counts[key]:>6}")
EOF
