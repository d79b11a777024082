#!/usr/bin/env bash
# Every test: native Rust, Rust in headless Chromium, then the built widget end to end.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== format and lints"
cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --tests -- -D warnings

echo "== native: engine, packs, scenarios, CLI, properties"
cargo test --all-targets
cargo test --doc

echo "== coverage: the scenarios reach every reachable case of each shipped programme"
for programme in $(cargo run -q --bin eligibility -- programmes | cut -f1); do
  cargo run -q --bin eligibility -- coverage "$programme" tests/scenarios/*.toml --min 100 | grep -Ev '^  ok |^$|^[a-z]+$'
done

echo "== headless Chromium: the DOM layer and the scenarios compiled to WebAssembly"
CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver} \
  cargo test --target wasm32-unknown-unknown --test web --test scenarios

echo "== headless Chromium: the built widget, end to end"
scripts/build.sh
npm test
