# Sourced by the scripts: puts the project's tools on PATH.
_dateline_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$_dateline_root/tests/e2e/node_modules/binaryen/bin:${DATELINE_TOOLS_ROOT:+$DATELINE_TOOLS_ROOT/bin:}${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
unset _dateline_root
