#!/usr/bin/env bash
# Builds the preview's WebAssembly (feature `preview`: it compiles packs in the page)
# into www/dist-preview, beside the visitors' build and never mixed with it. Its own
# target directory keeps the visitors' build untouched; not optimised for size.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --target wasm32-unknown-unknown --lib --features preview --target-dir target/preview
rm -rf www/dist-preview
wasm-bindgen --target web --no-typescript --out-dir www/dist-preview --out-name eligibility \
  target/preview/wasm32-unknown-unknown/release/eligibility.wasm
