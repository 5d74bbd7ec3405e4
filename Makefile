# The whole set-up on Debian/Ubuntu: `make run` (demo tour) and `make test` (every test).
# Both install missing packages with apt first, then configure and build with all cores.
# Elsewhere, `cmake -S . -B build` finds installed packages or fetches pinned releases.

BUILD    ?= build
JOBS     ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=

# Build dependencies (cairo, pango, qpdf and lcms2 draw the Factur-X PDF; iso-codes names the
# countries on invoice addresses, compiled in at build time; libcurl and libxml2
# talk to the e-invoicing platform and read its life-cycle messages), then the tools
# the tests drive (shells for completion tests, mandoc for man page lint, sqlite3 and jq for
# scripts, hyperfine and time for bench/, the Factur-X validators of tests/conformance,
# the poppler tools that inspect PDFs, and Timewarrior and hledger, which the import and
# export tests run against).
BUILD_PACKAGES = build-essential cmake pkg-config libcli11-dev libfmt-dev libtomlplusplus-dev \
                 libsqlitecpp-dev doctest-dev libsqlite3-dev libhowardhinnant-date-dev tzdata \
                 libcairo2-dev libpango1.0-dev libqpdf-dev liblcms2-dev fonts-dejavu-core \
                 fonts-droid-fallback \
                 libcurl4-openssl-dev libxml2-dev libutf8proc-dev iso-codes
TOOL_PACKAGES  = bash-completion zsh fish mandoc sqlite3 jq hyperfine time \
                 libxml2-utils libsaxonhe-java default-jre-headless qpdf poppler-utils \
                 timewarrior hledger python3
# clang and libFuzzer's runtime (libclang_rt.fuzzer) for `make fuzz`.
FUZZ_PACKAGES  = clang libclang-rt-dev
# sudo resets the environment, so DEBIAN_FRONTEND goes through `env` after it.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# libFuzzer targets of fuzz/ (fuzz/README.md), each run FUZZ_SECONDS on a scratch copy of
# its seed corpus; FUZZ_FLAGS adds libFuzzer options (-jobs=N, -seed=N, ...).
FUZZ_BUILD   ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= time_grammar money config import_timewarrior import_watson import_toggl import_clockify import_csv import_jsonl tzif
FUZZ_FLAGS   ?=

.PHONY: all deps configure build test run bench sanitize stress fuzz install clean

all: build

# $(call apt_install,NAME,PACKAGES): installs those of PACKAGES that are missing, on Debian.
define apt_install
@command -v dpkg-query >/dev/null 2>&1 || { echo "$(1): not a Debian system, skipping apt (CMake fetches what is missing)"; exit 0; }; \
	missing=""; \
	for p in $(2); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "$(1): installing$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

deps:
	$(call apt_install,deps,$(BUILD_PACKAGES) $(TOOL_PACKAGES))

configure: deps
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

build: configure
	cmake --build $(BUILD) -j $(JOBS)

# CTest cannot name a doctest case whose name holds ';' (CMake splits it and the case
# silently runs nowhere), so such names fail the build of the test list here.
test: build
	@if $(BUILD)/tests/slash_tests --list-test-cases --no-intro | grep -q ';'; then \
	  echo "test names must not contain ';' (ctest would skip them):"; \
	  $(BUILD)/tests/slash_tests --list-test-cases --no-intro | grep ';'; exit 1; fi
	cd $(BUILD) && ctest -j $(JOBS) --output-on-failure

run: build
	bash examples/tour.sh $(BUILD)/slash

# Start-up latency, then the time-tracking commands on a generated 1M-entry history.
bench: build
	bash bench/startup.sh $(BUILD)/slash
	bash bench/tracking.sh $(BUILD) 1000000
	bash bench/invoicing.sh $(BUILD) 1000000
	bash bench/report.sh $(BUILD) 1000000
	bash bench/plan.sh $(BUILD) 1000000
	bash bench/interchange.sh $(BUILD) 1000000
	bash bench/listings.sh $(BUILD) 1000000
	bash bench/shapes.sh $(BUILD) 1000000

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer.
sanitize:
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
	  $(MAKE) test BUILD=build-sanitize CMAKE_FLAGS="-DSLASH_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug"

# The reliability tests at the counts of issue 8 (4 x 250 concurrent logs, 50 SIGKILL
# rounds each during invoice issue, a migration and an import); the ordinary suite runs
# them with fewer rounds.
stress: build
	SLASH_STRESS=full $(BUILD)/tests/slash_tests -tc='cli/concurrency*,cli/invoice concurrency*,cli/migration*,cli/import*'

# Exits non-zero when a fuzzer finds a crash or a violated property; the input is printed
# and kept in $(FUZZ_BUILD)/findings/. The committed corpus never grows: runs add to a copy.
fuzz:
	$(call apt_install,fuzz,$(BUILD_PACKAGES) $(FUZZ_PACKAGES))
	CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD) -DSLASH_FUZZ=ON -DSLASH_BUILD_TESTS=OFF \
	  -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzzers
	@failed=""; \
	for t in $(FUZZ_TARGETS); do \
	  scratch=$$(mktemp -d); mkdir -p $$scratch/corpus $$scratch/artifacts; \
	  cp fuzz/corpus/$$t/* $$scratch/corpus/; \
	  echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
	  if nice -n 10 $(FUZZ_BUILD)/fuzz/$${t}_fuzz -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
	       -print_final_stats=1 -dict=fuzz/$$t.dict -artifact_prefix=$$scratch/artifacts/ \
	       $(FUZZ_FLAGS) $$scratch/corpus; then \
	    echo "fuzz: $$t: no finding, corpus $$(ls $$scratch/corpus | wc -l) inputs"; \
	  else \
	    failed="$$failed $$t"; mkdir -p $(FUZZ_BUILD)/findings; \
	    for f in $$scratch/artifacts/*; do \
	      [ -f "$$f" ] || continue; \
	      cp "$$f" $(FUZZ_BUILD)/findings/$$t-$$(basename "$$f"); \
	      echo "fuzz: $$t: finding $(FUZZ_BUILD)/findings/$$t-$$(basename "$$f"):"; od -c "$$f" | head -20; \
	    done; \
	  fi; \
	  rm -rf $$scratch; \
	done; \
	if [ -n "$$failed" ]; then echo "fuzz: findings in:$$failed"; exit 1; fi

install: build
	cmake --install $(BUILD)

clean:
	rm -rf $(BUILD) build-sanitize $(FUZZ_BUILD)
