#!/usr/bin/env bash
# Trunk post-build hook (see Trunk.toml): runs in the staging dir before dist/ is replaced.
# Trunk gives hooks TRUNK_STAGING_DIR, TRUNK_PUBLIC_URL, TRUNK_PROFILE,
# TRUNK_SOURCE_DIR, TRUNK_DIST_DIR and TRUNK_HTML_FILE.
set -euo pipefail
staging=${TRUNK_STAGING_DIR:?run by trunk}
public_url=${TRUNK_PUBLIC_URL:-/}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

# The data the app downloads (data/index.bin, data/l/N.bin, data/r/N.bin, …)
# and the Atom feed, from one ingest of the releases folder; a file that cannot
# be read fails the build with `file:line: error: ...`. DATELINE_RELEASES
# overrides the folder: several separated like PATH (`releases:more`).
# DATELINE_RECORDS instead packs records already ingested (a JSON array from
# `dateline ingest --json`), as the benchmarks do. DATELINE_SITE_URL (absolute,
# e.g. https://example.org/dateline/) gives the feed absolute links and ids,
# and writes sitemap.xml (search engines need absolute URLs); without it the
# feed's links are paths under the public URL and robots.txt names no sitemap.
IFS=: read -ra folders <<<"${DATELINE_RELEASES:-releases}"
if [ -n "${DATELINE_RECORDS:-}" ]; then
  source_args=(--records "$DATELINE_RECORDS")
else
  source_args=("${folders[@]}")
fi
# Releases keep the ids of the previous build in dist/ (a new twin of a
# published release must not rename it; see core/src/ingest/ids.rs).
previous_dir="${TRUNK_DIST_DIR:-}/data"
if [ -n "${TRUNK_DIST_DIR:-}" ] && [ -d "$previous_dir" ]; then
  source_args+=(--previous "$previous_dir")
fi
# Each file's extracted records are kept in the build cache (keyed by its
# path and bytes, and by the build of dateline): a rebuild extracts only new
# and changed files. DATELINE_CACHE moves it; outside dist/, never deployed.
if [ -z "${DATELINE_RECORDS:-}" ]; then
  cache="${DATELINE_CACHE:-$ROOT/target/dateline-build.cache}"
  mkdir -p "$(dirname "$cache")"
  source_args+=(--cache "$cache")
fi
profile_args=()
if [ "${TRUNK_PROFILE:-debug}" = release ]; then profile_args=(--release); fi
cargo run --quiet "${profile_args[@]}" -p dateline-core --bin dateline -- pack "${source_args[@]}" \
  --out "$staging/data" --feed "$staging/feed.xml" --sitemap "$staging" \
  --base "${DATELINE_SITE_URL:-$public_url}"

# Trunk's minifier stops at the app's JS glue (it cannot parse the module's
# `export default`), which then shipped as written: 67 kB, 9.0 kB brotli;
# minified by terser (pinned in tests/e2e, installed by setup.sh), 30 kB and
# 7.1 kB. post-build.mjs then gives its preload the integrity of these bytes.
if [ "${TRUNK_PROFILE:-debug}" = release ]; then
  for glue in "$staging"/dateline-app-*.js; do
    node "$ROOT/tests/e2e/node_modules/terser/bin/terser" "$glue" --module --compress --mangle --output "$glue"
  done
fi

# No inline script: Trunk's loader moves to start-<hash>.js, and the page gets
# a Content-Security-Policy meta (see post-build.mjs).
node "$ROOT/scripts/post-build.mjs" "$staging" "$public_url"

# Static hosts serve 404.html for unknown paths: a copy of index.html boots the
# app there, and the router restores the deep link from the address bar.
# Copied after the rewrite, so it carries the same policy and loader.
cp "$staging/index.html" "$staging/404.html"

# Each release's page as HTML (release/ID/index.html) and the home page with
# the newest releases, rendered by the app's own components: a plain static
# host answers a permalink with the release, for search engines, link
# previews and readers without JavaScript, and the app takes the page over.
# After the 404.html copy, which stays the plain shell. DATELINE_PRERENDER:
# all (default), none, or a number (the newest N releases); see docs/deploy.md
# for the hosts' file limits.
site_args=()
if [ -n "${DATELINE_SITE_URL:-}" ]; then site_args=(--site "$DATELINE_SITE_URL"); fi
prerender_profile=()
if [ "${TRUNK_PROFILE:-debug}" = release ]; then prerender_profile=(--profile prerender); fi
cargo run --quiet "${prerender_profile[@]}" -p dateline-app --features ssr --bin dateline-prerender -- \
  --dist "$staging" --base "$public_url" "${site_args[@]}" --pages "${DATELINE_PRERENDER:-all}"

