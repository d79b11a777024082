#!/usr/bin/env bash
# Installs what this machine lacks, and nothing it already has:
#   scripts/setup.sh        what `make run` needs: the wasm target, the pinned nightly with
#                           rust-src (the shipped .wasm, scripts/toolchain.sh), wasm-bindgen,
#                           npm packages
#   scripts/setup.sh test   the same, plus Chromium and ChromeDriver for the browser tests
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/toolchain.sh

say() { printf 'setup: %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The .wasm visitors download is built on the pinned nightly, which compiles the
# standard library again from its sources (scripts/build.sh): no wasm32 target needed
# there, its rust-src is. The native build and the tests stay on stable.
if ! rustup run "$NIGHTLY" rustc --version >/dev/null 2>&1; then
  say "installing the $NIGHTLY toolchain with rust-src (for the shipped .wasm)"
  rustup toolchain install "$NIGHTLY" --profile minimal --component rust-src
elif ! rustup component list --installed --toolchain "$NIGHTLY" | grep -q '^rust-src'; then
  say "adding rust-src to $NIGHTLY"
  rustup component add rust-src --toolchain "$NIGHTLY"
fi

# wasm-bindgen's CLI must be the exact version of the library in Cargo.lock.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (found: ${have:-none})"
  # Not --locked: one of its locked dependencies is missing from the registry.
  cargo install wasm-bindgen-cli --version "$want"
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi

# The short fuzz of `make test` needs cargo-fuzz, and runs on the same pinned nightly.
if [ "${1:-}" = test ] && ! cargo fuzz --version >/dev/null 2>&1; then
  say "installing cargo-fuzz"
  cargo +"$NIGHTLY" install cargo-fuzz
fi

if [ "${1:-}" = test ] && ! { command -v chromium && command -v chromedriver; } >/dev/null; then
  say "installing Chromium and ChromeDriver"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi
