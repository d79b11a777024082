#!/usr/bin/env bash
# Builds www/dist as it ships but for one thing: its sessions remember no status and no
# outcome by the regions of the answers (`ELIGIBILITY_FORGETFUL`, src/session.rs), so
# that every evaluation runs the engine. Into target/bench-cold/dist, for
#   BASELINES="nothing remembered=target/bench-cold/dist" node bench/peers.mjs
# (`make bench` does both). www/dist is built again as it ships afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=target/bench-cold/cargo
ELIGIBILITY_FORGETFUL=1 scripts/build.sh >/dev/null
rm -rf target/bench-cold/dist
mv www/dist target/bench-cold/dist
unset CARGO_TARGET_DIR
scripts/build.sh >/dev/null
echo "bench/cold.sh: target/bench-cold/dist remembers nothing by regions"
