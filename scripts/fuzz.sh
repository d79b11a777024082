#!/usr/bin/env bash
# A short coverage-guided fuzz of every target (libFuzzer through cargo-fuzz, on the
# nightly toolchain it needs, pinned in scripts/toolchain.sh), failing on any crash: `scripts/fuzz.sh [seconds per target]`.
# `make test` runs it for FUZZ_SECONDS (default 15) each; longer runs: docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/toolchain.sh
seconds=${1:-${FUZZ_SECONDS:-15}}
fail=0
for target in pack_compile condition answers_json typed_amount link; do
  # The seeds are copied so that what libFuzzer adds stays out of the repository.
  corpus=$(mktemp -d)
  cp fuzz/corpus/"$target"/* "$corpus"/
  if out=$(cargo +"$NIGHTLY" fuzz run --fuzz-dir fuzz "$target" "$corpus" -- \
      -max_total_time="$seconds" -print_final_stats=1 2>&1); then
    runs=$(printf '%s\n' "$out" | awk '/stat::number_of_executed_units/ { print $2 }')
    printf 'fuzz: %s ran %s s, %s executions, no crash\n' "$target" "$seconds" "${runs:-?}"
  else
    printf '%s\n' "$out" | tail -40
    printf 'fuzz: %s FAILED\n' "$target"
    fail=1
  fi
  rm -rf "$corpus"
done
exit $fail
