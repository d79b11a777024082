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

bench:
	@scripts/setup.sh test
	@scripts/build.sh
	cargo bench --bench evaluate
	node bench/load.mjs

# The live preview of a pack for its authors: make preview PACK=packs/my-pack.toml
preview:
	@scripts/setup.sh
	@scripts/build-preview.sh
	@node scripts/preview.mjs $(PACK)
