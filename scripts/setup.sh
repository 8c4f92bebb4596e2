#!/usr/bin/env bash
# Installs what Dateline needs, only where missing, at pinned versions.
#
#   scripts/setup.sh build   # toolchain target, Trunk, wasm-bindgen-cli, wasm-opt
#   scripts/setup.sh test    # the above, plus browsers, drivers and Node packages
#
# Source scripts/env.sh afterwards (serve.sh and test.sh do) to put the tools on PATH.
# DATELINE_TOOLS_ROOT installs the cargo-built tools into another prefix
# (default: cargo's own, ~/.cargo), e.g. to try a cold set-up.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MODE=${1:-test}
# shellcheck source=env.sh
. "$ROOT/scripts/env.sh"

TRUNK_VERSION=0.21.14
GECKODRIVER_VERSION=0.37.1
# `node --test --test-concurrency` (the end-to-end runner) needs Node 20.10.
NODE_MIN=20.10
# wasm-bindgen-cli must be exactly the wasm-bindgen of Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")

say() { printf '\033[1msetup:\033[0m %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
cargo_install() {
  local root=()
  [ -n "${DATELINE_TOOLS_ROOT:-}" ] && root=(--root "$DATELINE_TOOLS_ROOT")
  cargo install "${root[@]}" "$@"
}
apt_install() {
  say "installing Debian packages: $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# --- build tools ------------------------------------------------------------
rustup target list --installed | grep -qx wasm32-unknown-unknown ||
  { say "adding the wasm32-unknown-unknown target"; rustup target add wasm32-unknown-unknown; }
for component in rustfmt clippy; do
  rustup component list --installed | grep -q "^$component" ||
    { say "adding rustup component $component"; rustup component add "$component"; }
done

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 9 minutes)"
  cargo_install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  # --locked fails against this registry (a yanked pin); the version itself is exact.
  cargo_install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked 2>/dev/null ||
    cargo_install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

command -v npm >/dev/null || apt_install nodejs npm
node_version=$(node --version | tr -d v)
if [ "$(printf '%s\n%s\n' "$NODE_MIN" "$node_version" | sort -V | head -1)" != "$NODE_MIN" ]; then
  say "Node $node_version is too old: the tests need Node $NODE_MIN or later (node --test --test-concurrency)"
  exit 1
fi
# wasm-opt comes from npm binaryen (Debian's binaryen 108 cannot parse current
# rustc output) and the JS glue's minifier from npm terser, both pinned in
# tests/e2e/package-lock.json with the end-to-end packages.
lock="$ROOT/tests/e2e/package-lock.json"
stamp="$ROOT/tests/e2e/node_modules/.dateline-installed"
if [ ! -f "$stamp" ] || [ "$lock" -nt "$stamp" ]; then
  say "installing Node packages of tests/e2e (binaryen, terser, playwright-core, axe-core)"
  npm ci --prefix "$ROOT/tests/e2e" --no-audit --no-fund --loglevel=error
  touch "$stamp"
fi

[ "$MODE" = build ] && exit 0

# --- browsers and drivers for the tests -------------------------------------
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v firefox-esr >/dev/null || command -v firefox >/dev/null || missing+=(firefox-esr)
command -v brotli >/dev/null || missing+=(brotli)
[ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"

if [ "$(geckodriver --version 2>/dev/null | awk 'NR == 1 { print $2 }')" != "$GECKODRIVER_VERSION" ]; then
  say "installing geckodriver $GECKODRIVER_VERSION (about 2 minutes)"
  cargo_install geckodriver --version "$GECKODRIVER_VERSION" --locked 2>/dev/null ||
    cargo_install geckodriver --version "$GECKODRIVER_VERSION" --force
fi
say "ready"
