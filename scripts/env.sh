# Sourced by scripts/* and ./dev: where the project's tools live, and PATH to reach them.
# Tools are cached outside the work tree so a clean clone (CI) reuses them:
#   $WHOSAID_TOOLS/wasm-bindgen-cli-<version>/bin/{wasm-bindgen,wasm-bindgen-test-runner}
# wasm-opt comes from e2e/node_modules (npm `binaryen`, pinned by e2e/package-lock.json).

WHOSAID_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WHOSAID_TOOLS="${WHOSAID_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/whosaid-tools}"
WHOSAID_TARGET="${CARGO_TARGET_DIR:-$WHOSAID_ROOT/target}"

# The wasm-bindgen version locked in Cargo.lock: the CLI must match it exactly, or the
# generated JS glue and the wasm disagree about the ABI.
wasm_bindgen_locked_version() {
    awk '/^\[\[package\]\]/ { name = "" }
         /^name = "wasm-bindgen"$/ { name = "wb" }
         name == "wb" && /^version = / { gsub(/"/, "", $3); print $3; exit }' \
        "$WHOSAID_ROOT/Cargo.lock"
}

WASM_BINDGEN_VERSION="$(wasm_bindgen_locked_version)"
if [ -z "$WASM_BINDGEN_VERSION" ]; then
    echo "whosaid: cannot find wasm-bindgen's version in Cargo.lock" >&2
    exit 1
fi
WASM_BINDGEN_ROOT="$WHOSAID_TOOLS/wasm-bindgen-cli-$WASM_BINDGEN_VERSION"

export PATH="$WASM_BINDGEN_ROOT/bin:$WHOSAID_ROOT/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# Runs a command as root: directly when we are root, through sudo otherwise.
as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}
