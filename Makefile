# The two commands: `make run` and `make test`. Each sets up what the machine lacks.
PORT ?= 8080

.PHONY: run test build bench preview
run:
	@scripts/setup.sh
	@scripts/build.sh
	@PORT=$(PORT) node scripts/serve.mjs

test:
	@scripts/setup.sh test
	@scripts/test.sh

build:
	@scripts/setup.sh
	@scripts/build.sh

# Every benchmark, each also runnable alone (BENCHMARKS.md has the results and says
# what each measures). Timings are for comparing within one run: none is a test.
bench:
	@scripts/setup.sh test
	@scripts/build.sh
	cargo bench --bench evaluate
	bench/cold.sh
	BASELINES="nothing remembered=target/bench-cold/dist" node bench/peers.mjs
	node bench/sizes.mjs
	node bench/memory.mjs
	node bench/browser.mjs
	node bench/profile.mjs
	bench/jsonl.sh

# The live preview of a pack for its authors: make preview PACK=packs/my-pack.toml
preview:
	@scripts/setup.sh
	@scripts/build-preview.sh
	@node scripts/preview.mjs $(PACK)
