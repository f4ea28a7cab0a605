# Aixinwu POS — the two commands people use: `make run` and `make check`.
BUILD      ?= _build
ASAN_BUILD ?= _build-asan
FUZZ_BUILD ?= _build-fuzz
FUZZ_SECONDS ?= 600
DEB_DIR    ?= _deb
DEMO_DB    ?= $(CURDIR)/demo.db
MESON_OPTS ?=

.PHONY: all deps build run deb check check-asan bench fuzz clean

all: build

deps:
	@bash tools/install-deps.sh

$(BUILD)/build.ninja:
	meson setup $(BUILD) --werror $(MESON_OPTS)

build: deps $(BUILD)/build.ninja
	meson compile -C $(BUILD)

run: build
	$(BUILD)/src/aixinwu --db $(DEMO_DB) init --demo
	$(BUILD)/src/aixinwu --db $(DEMO_DB)

$(ASAN_BUILD)/build.ninja:
	meson setup $(ASAN_BUILD) --werror -Db_sanitize=address,undefined -Db_lundef=false $(MESON_OPTS)

# libFuzzer targets: clang, coverage in the libraries, ASan+UBSan everywhere.
$(FUZZ_BUILD)/build.ninja:
	CC=clang meson setup $(FUZZ_BUILD) -Dfuzzing=true -Db_sanitize=address,undefined \
	  -Db_lundef=false -Dc_args=-fsanitize=fuzzer-no-link $(MESON_OPTS)

FUZZ_TARGETS = fuzz-signed-code fuzz-barcode fuzz-money fuzz-csv fuzz-import fuzz-online-orders \
  fuzz-receipt fuzz-settings fuzz-json

# Each target for FUZZ_SECONDS (default 10 minutes), one after the other;
# crashes land in $(FUZZ_BUILD)/artifacts/, new inputs in $(FUZZ_BUILD)/corpus/.
fuzz: deps $(FUZZ_BUILD)/build.ninja
	meson compile -C $(FUZZ_BUILD) $(FUZZ_TARGETS)
	bash tests/fuzz/fuzz-long.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# The Debian package for a shop terminal (docs/install-terminal.md): built from a
# copy of the tree in $(DEB_DIR)/src (never in $(BUILD)); the .deb lands in $(DEB_DIR).
deb: deps
	bash tools/build-deb.sh $(DEB_DIR)
	lintian --fail-on error $(DEB_DIR)/*.changes

# Runs every suite, then prints one line: N passed, N failed.
check: build $(ASAN_BUILD)/build.ninja $(FUZZ_BUILD)/build.ninja
	meson compile -C $(ASAN_BUILD)
	meson compile -C $(FUZZ_BUILD) $(FUZZ_TARGETS)
	rm -f $(BUILD)/meson-logs/core.json $(BUILD)/meson-logs/ui.json $(ASAN_BUILD)/meson-logs/asan.json \
	  $(FUZZ_BUILD)/meson-logs/fuzz.json $(BUILD)/meson-logs/deb.json
	-bash tools/build-deb.sh $(DEB_DIR) >$(BUILD)/meson-logs/deb-build.txt 2>&1 || \
	  tail -n 30 $(BUILD)/meson-logs/deb-build.txt
	-meson test -C $(BUILD) --no-rebuild --print-errorlogs --suite core --logbase core
	-xvfb-run -a -s "-screen 0 1600x1200x24" dbus-run-session -- \
	  meson test -C $(BUILD) --no-rebuild --print-errorlogs --suite ui --logbase ui
	-ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
	  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  meson test -C $(ASAN_BUILD) --no-rebuild --print-errorlogs --suite core --logbase asan
	-meson test -C $(FUZZ_BUILD) --no-rebuild --print-errorlogs --suite fuzz --logbase fuzz
	-AXW_DEB_DIR=$(abspath $(DEB_DIR)) \
	  meson test -C $(BUILD) --no-rebuild --print-errorlogs --suite deb --logbase deb
	@python3 tests/summarize.py $(BUILD)/meson-logs/core.json $(BUILD)/meson-logs/ui.json \
	  $(ASAN_BUILD)/meson-logs/asan.json $(FUZZ_BUILD)/meson-logs/fuzz.json \
	  $(BUILD)/meson-logs/deb.json

# Generates the district database, runs every benchmark built, and writes
# tests/bench/RESULTS.md (replaced on each run).
bench: build
	xvfb-run -a -s "-screen 0 1600x1200x24" dbus-run-session -- \
	  python3 tests/bench/run-bench.py $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD) $(DEB_DIR)
