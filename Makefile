# Aixinwu POS — the two commands people use: `make run` and `make check`.
BUILD      ?= _build
ASAN_BUILD ?= _build-asan
DEMO_DB    ?= $(CURDIR)/demo.db
MESON_OPTS ?=

.PHONY: all deps build run check check-asan bench clean

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

# Runs every suite, then prints one line: N passed, N failed.
check: build $(ASAN_BUILD)/build.ninja
	meson compile -C $(ASAN_BUILD)
	rm -f $(BUILD)/meson-logs/core.json $(BUILD)/meson-logs/ui.json $(ASAN_BUILD)/meson-logs/asan.json
	-meson test -C $(BUILD) --no-rebuild --print-errorlogs --suite core --logbase core
	-xvfb-run -a -s "-screen 0 1600x1200x24" dbus-run-session -- \
	  meson test -C $(BUILD) --no-rebuild --print-errorlogs --suite ui --logbase ui
	-ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
	  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  meson test -C $(ASAN_BUILD) --no-rebuild --print-errorlogs --suite core --logbase asan
	@python3 tests/summarize.py $(BUILD)/meson-logs/core.json $(BUILD)/meson-logs/ui.json \
	  $(ASAN_BUILD)/meson-logs/asan.json

bench: build
	xvfb-run -a -s "-screen 0 1600x1200x24" dbus-run-session -- \
	  meson test -C $(BUILD) --benchmark --verbose

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
