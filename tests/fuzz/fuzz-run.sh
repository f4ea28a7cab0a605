#!/usr/bin/env bash
# fuzz-run.sh FUZZER SRCDIR NAME — replay the regressions, then fuzz for
# $FUZZ_SECONDS seconds from the seed corpus (new inputs go to a temp dir,
# never into the source tree). Exit 0 means no crash, leak or hang.
set -euo pipefail
exe=$1 src=$2 name=$3
work=$(mktemp -d "${TMPDIR:-/tmp}/axw-fuzz-XXXXXX")
trap 'rm -rf "$work"' EXIT
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export G_DEBUG=gc-friendly,fatal-criticals
# Order files are JSON Lines of any length: nesting attacks need room (400 KB of "[").
max_len=4096; [ "$name" = fuzz-online-orders ] && max_len=1048576
reg="$src/regressions/$name"
if [ -d "$reg" ] && [ -n "$(ls -A "$reg")" ]; then
  "$exe" "$reg"/*
fi
"$exe" -max_total_time="${FUZZ_SECONDS:-5}" -seed=1 -max_len="$max_len" -timeout=10 \
  -artifact_prefix="$work/" "$work" "$src/corpus/$name" 2>&1 | tail -4
