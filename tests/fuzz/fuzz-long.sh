#!/usr/bin/env bash
# fuzz-long.sh BUILDDIR SECONDS TARGET... — the by-hand run of `make fuzz`:
# each target in turn, new inputs kept in BUILDDIR/corpus/TARGET, crashes
# in BUILDDIR/artifacts/. Prints the executions of each target.
set -uo pipefail
build=$1 secs=$2; shift 2
src=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$build/artifacts"
export G_DEBUG=gc-friendly,fatal-criticals ASAN_OPTIONS=detect_leaks=1
failed=0
for t in "$@"; do
  mkdir -p "$build/corpus/$t"
  log="$build/artifacts/$t.log"
  max_len=4096; [ "$t" = fuzz-online-orders ] && max_len=1048576   # room for nesting attacks
  "$build/tests/fuzz/$t" -max_total_time="$secs" -max_len="$max_len" -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$build/artifacts/$t-" "$build/corpus/$t" "$src/corpus/$t" >"$log" 2>&1
  rc=$?
  runs=$(grep -o '^stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
  printf '%-18s %4s s  %12s executions  %s\n' "$t" "$secs" "${runs:-?}" \
    "$([ $rc -eq 0 ] && echo 'no crash' || echo "CRASH (exit $rc, see $log)")"
  [ $rc -eq 0 ] || failed=1
done
exit $failed
