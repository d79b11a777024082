# The one place the nightly toolchain is pinned, sourced by scripts/setup.sh,
# scripts/build.sh and scripts/fuzz.sh. Everything native (the CLI, the tests, clippy,
# the wasm32 tests in Chromium) stays on stable; two things need nightly:
#   - the .wasm that visitors download, built by scripts/build.sh with `-Z build-std`
#     and `-C panic=immediate-abort`: the standard library compiled again without its
#     panic and formatting machinery (BENCHMARKS.md, "The size cut");
#   - cargo fuzz (scripts/fuzz.sh).
# A dated nightly, so that a build today and a build next year give the same bytes.
# To move it: change the date, run `make test`, and lower bench/size-budget.json if
# the build got smaller (or say why it grew).
NIGHTLY=nightly-2026-10-30
