#!/usr/bin/env bash
# Every test of Dateline, installing what is missing first:
# formatting, clippy (host and wasm32), native core tests, component tests in
# headless Chromium and Firefox, a release build under a sub-path with
# end-to-end tests in Chromium, and the shipped sizes.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
"$ROOT/scripts/setup.sh" test
# shellcheck source=env.sh
. "$ROOT/scripts/env.sh"

export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}
PUBLIC_URL=/dateline/
started=$(date +%s)
step() { printf '\n\033[1m== %s\033[0m (%ss)\n' "$*" "$(($(date +%s) - started))"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "clippy: host (workspace, all targets)"
cargo clippy --workspace --all-targets -- -D warnings
step "clippy: host, the app with pre-rendering (feature ssr)"
cargo clippy -p dateline-app --features ssr --lib --bins -- -D warnings
step "clippy: wasm32 (app and its tests)"
cargo clippy -p dateline-app --target wasm32-unknown-unknown --all-targets -- -D warnings
step "clippy: wasm32 (the import worker, and the core's extract feature without its native parts)"
cargo clippy -p dateline-import --target wasm32-unknown-unknown -- -D warnings

step "native tests: core, CLI"
cargo test -p dateline-core
step "native tests: pre-rendering (the app's pages rendered by Yew's server renderer)"
cargo test -p dateline-app --features ssr --lib --bins

# The runner picks the first driver named in the environment: one browser per run.
step "component tests: headless Chromium"
env -u GECKODRIVER CHROMEDRIVER="$(command -v chromedriver)" \
  cargo test -p dateline-app --target wasm32-unknown-unknown
step "component tests: headless Firefox"
env -u CHROMEDRIVER GECKODRIVER="$(command -v geckodriver)" \
  cargo test -p dateline-app --target wasm32-unknown-unknown

# The end-to-end corpus: the shipped releases plus the core's fixture releases
# (varied layouts, a release whose text contains <script>), so that related
# releases, facets and neighbours have something to show.
step "release build under $PUBLIC_URL (releases/ + core/tests/fixtures/)"
DATELINE_RELEASES=releases:core/tests/fixtures \
  trunk build --release --public-url "$PUBLIC_URL" --dist dist

step "end-to-end: Chromium against dist/ served under $PUBLIC_URL"
DATELINE_DIST="$ROOT/dist" DATELINE_PUBLIC_URL="$PUBLIC_URL" npm --prefix tests/e2e test

step "sizes shipped in dist/"
"$ROOT/scripts/sizes.sh" dist

step "all tests passed"
