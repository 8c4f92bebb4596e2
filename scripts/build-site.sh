#!/usr/bin/env bash
# Builds a deployable Dateline site (installing the build tools first, like serve.sh).
#
#   scripts/build-site.sh /my/sub/path/ [OUT]     # default sub-path /, OUT dist
#
# The site is a folder of static files for a host that serves it at the
# sub-path. DATELINE_RELEASES picks the releases folder(s) (default
# releases/, several separated by `:`); DATELINE_SITE_URL (absolute, e.g.
# https://example.org/my/sub/path/) gives the feed absolute links.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PUBLIC_URL=${1:-/}
OUT=${2:-dist}
case "$PUBLIC_URL" in
  /*/ | /) ;;
  *) echo "build-site.sh: the sub-path must start and end with '/', e.g. /dateline/ (got '$PUBLIC_URL')" >&2; exit 2 ;;
esac
cd "$ROOT"
"$ROOT/scripts/setup.sh" build
# shellcheck source=env.sh
. "$ROOT/scripts/env.sh"
trunk build --release --public-url "$PUBLIC_URL" --dist "$OUT"
files=$(find "$OUT" -type f | wc -l)
bytes=$(du -sb "$OUT" | cut -f1)
largest=$(find "$OUT" -type f -printf '%s %p\n' | sort -n | tail -1)
echo "build-site.sh: $OUT/ is ready for $PUBLIC_URL: $files files, $bytes bytes; largest: $largest"
