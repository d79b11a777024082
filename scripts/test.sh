#!/usr/bin/env bash
# Every test: native Rust, Rust in headless Chromium, then the built widget end to end.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== format and lints"
cargo fmt --all --check
cargo clippy --workspace --all-targets --all-features -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --tests -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --no-default-features -- -D warnings
cargo clippy --no-default-features --test texts_apart -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --features preview -- -D warnings

echo "== native: the rules crate, packs, scenarios, CLI, properties"
cargo test --workspace --all-targets --all-features
cargo test --workspace --doc
# The catalogue as the element's engine has it: built without the programmes' texts.
cargo test --no-default-features --test texts_apart

echo "== coverage: the scenarios reach every reachable case of each shipped programme"
for programme in $(cargo run -q --bin eligibility -- programmes | cut -f1); do
  cargo run -q --bin eligibility -- coverage "$programme" tests/scenarios/*.toml --min 100 | grep -Ev '^  ok |^$|^[a-z]+$'
done

echo "== headless Chromium: the DOM layer and the scenarios compiled to WebAssembly"
CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver} \
  cargo test --target wasm32-unknown-unknown --test web --test scenarios

echo "== headless Chromium: the built widget and the live preview, end to end"
scripts/build.sh
scripts/build-preview.sh
npm test

echo "== a short fuzz of the parsers and the engine"
scripts/fuzz.sh
