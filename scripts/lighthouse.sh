#!/usr/bin/env bash
# Lighthouse 12.2.3 with the local Chromium on the timeline and a release's
# pre-rendered page ("detail"), desktop and mobile, against a release build
# served under a sub-path by the end-to-end tests' plain static server (no
# rewrites); and on the same release shown by the plain app shell ("shell",
# the site without pre-rendered pages behind a rewrite rule), for comparison.
# Prints the four category scores and the first contentful paint per page;
# the JSON reports go to target/lighthouse/.
#
#   scripts/lighthouse.sh [DIST]    # without DIST: builds to target/lighthouse/dist
#
# Lighthouse is installed on first use into .tools/lighthouse (gitignored), not
# into tests/e2e/package.json: CI does not need it.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=env.sh
. "$ROOT/scripts/env.sh"

LH_VERSION=12.2.3
PUBLIC_URL=/dateline/
OUT="$ROOT/target/lighthouse"
LH="$ROOT/.tools/lighthouse/node_modules/.bin/lighthouse"
mkdir -p "$OUT"

if [ ! -x "$LH" ] || [ "$("$LH" --version)" != "$LH_VERSION" ]; then
  echo "installing lighthouse@$LH_VERSION into .tools/lighthouse"
  mkdir -p "$ROOT/.tools/lighthouse"
  npm install --prefix "$ROOT/.tools/lighthouse" --no-audit --no-fund --silent "lighthouse@$LH_VERSION"
fi

dist=${1:-}
if [ -z "$dist" ]; then
  dist="$OUT/dist"
  trunk build --release --public-url "$PUBLIC_URL" --dist "$dist"
fi
dist=$(cd "$dist" && pwd)

# The static server prints its URL on the first line, then serves until killed.
# No rewrite rules, like GitHub Pages: the release's permalink is its
# pre-rendered page, release/<id>/index.html.
# --gzip: compressed like on any real host (the wasm is 2.5 times smaller).
# url_of LOG: the URL a static server prints on its first line, once it has.
url_of() {
  for _ in $(seq 50); do
    [ -s "$1" ] && break
    sleep 0.1
  done
  head -n1 "$1"
}
node "$ROOT/tests/e2e/serve-cli.mjs" --gzip "$dist" "$PUBLIC_URL" >"$OUT/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
base=$(url_of "$OUT/server.log")
origin=${base%"$PUBLIC_URL"}

# For comparison, the same release as the plain app shell shows it (the site
# without pre-rendered pages, on a host that rewrites every path to the app
# with status 200): page "shell" below.
shell="$OUT/shell-dist"
rm -rf "$shell"
cp -al "$dist" "$shell"
rm -rf "$shell/release" "$shell/country" "$shell/organisation" "$shell/person"
rm "$shell/index.html" && cp "$shell/404.html" "$shell/index.html"
node "$ROOT/tests/e2e/serve-cli.mjs" --rewrite --gzip "$shell" "$PUBLIC_URL" >"$OUT/shell-server.log" 2>&1 &
shell_server=$!
trap 'kill "$server" "$shell_server" 2>/dev/null || true' EXIT
shell_origin=$(url_of "$OUT/shell-server.log")
shell_origin=${shell_origin%"$PUBLIC_URL"}

# A release page: the seed release when the feed lists it, else the newest one.
links=$(grep -o 'rel="alternate" type="text/html" href="[^"]*release/[^"]*"' "$dist/feed.xml" | sed 's/.*href="//; s/"$//')
detail=$(grep -m1 'islamic-republic-of-iran' <<<"$links" || head -n1 <<<"$links")
[ -n "$detail" ] || { echo "no release link in $dist/feed.xml" >&2; exit 1; }

export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run"

printf '%-10s %-8s %14s %15s %5s %12s %8s\n' page preset accessibility best-practices seo performance fcp-ms
for page in timeline detail shell; do
  case $page in
    timeline) url=$base ;;
    detail) url=$origin${detail%/}/ ;;
    shell) url=$shell_origin${detail%/}/ ;;
  esac
  for preset in desktop mobile; do
    report="$OUT/$page-$preset.json"
    args=(--quiet --output=json --output-path="$report" --chrome-flags="$flags"
      --only-categories=accessibility,best-practices,seo,performance)
    [ "$preset" = desktop ] && args+=(--preset=desktop)
    "$LH" "$url" "${args[@]}" >/dev/null 2>"$OUT/$page-$preset.log" || {
      echo "lighthouse failed on $url ($preset); see $OUT/$page-$preset.log" >&2
      exit 1
    }
    node -e '
      const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      const s = (k) => Math.round(r.categories[k].score * 100);
      const [page, preset] = process.argv.slice(2);
      const fcp = Math.round(r.audits["first-contentful-paint"].numericValue);
      console.log(`${page.padEnd(10)} ${preset.padEnd(8)} ${String(s("accessibility")).padStart(14)} ${String(s("best-practices")).padStart(15)} ${String(s("seo")).padStart(5)} ${String(s("performance")).padStart(12)} ${String(fcp).padStart(8)}`);
      for (const a of Object.values(r.audits)) {
        if (a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual" && a.scoreDisplayMode !== "notApplicable")
          console.log(`    ${a.id}: ${a.score}${a.displayValue ? ` (${a.displayValue})` : ""}`);
      }
    ' "$report" "$page" "$preset"
  done
done
echo "reports: $OUT/*.json"
