#!/usr/bin/env bash
# Serves Dateline on http://127.0.0.1:8080/ (installing what is missing first).
# PORT=9000 picks another port; extra arguments go to `trunk serve` (e.g. `--release`).
# DATELINE_RELEASES=/some/folder serves another corpus (see README).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
"$ROOT/scripts/setup.sh" build
# shellcheck source=env.sh
. "$ROOT/scripts/env.sh"
exec trunk serve --address 127.0.0.1 --port "${PORT:-8080}" "$@"
