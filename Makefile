# dossier: `make site` builds the dossier into public/, `make test` runs every test, `make bench` times builds.
# Each installs what is missing first (Debian packages through apt-get, with sudo when not root).

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_INSTALL = $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq

.PHONY: site build release test test-swift bench deps clean

## site: build the dossier in content/ into public/ (release build)
site: release
	.build/release/dossier build

## release: compile the release binary
release: deps
	$(SWIFT) build -c release --product dossier

## build: compile a debug build
build: deps
	$(SWIFT) build

## bench: release-build synthetic dossiers of BENCH_N briefs and print times per phase and peak memory
BENCH_N ?= 1000 10000 100000
BENCH_RUNS ?= 1
bench: deps
	$(SWIFT) build -c release --product DossierBench
	.build/release/DossierBench --runs $(BENCH_RUNS) $(BENCH_N)

## deps: install libcmark-dev when pkg-config cannot find it
deps:
	@command -v pkg-config >/dev/null && pkg-config --exists libcmark || { $(APT_INSTALL) pkg-config libcmark-dev; }

## test: every test suite
test: test-swift

test-swift: deps
	$(SWIFT) test

clean:
	rm -rf .build public
