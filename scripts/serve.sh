#!/usr/bin/env bash
# Serves Dateline on http://127.0.0.1:8080/ (installing what is missing first).
# Extra arguments go to `trunk serve`, e.g. `--port 9000` or `--release`.
# DATELINE_RELEASES=/some/folder serves another corpus (see README).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
"$ROOT/scripts/setup.sh" build
# shellcheck source=env.sh
. "$ROOT/scripts/env.sh"
exec trunk serve --address 127.0.0.1 --port 8080 "$@"
