#!/usr/bin/env bash
# The district hub's benchmark on a real PostgreSQL 15 (started and stopped
# here): an axw-gen database of AXW_BENCH_SHOPS (6) shops × AXW_BENCH_DAYS
# (365) days, pushed by 6 shops at once, then reports, claims and checks.
set -u
export LC_ALL=C.UTF-8
WORK=$(mktemp -d "${TMPDIR:-/tmp}/axw-bench-district-XXXXXX")
PG_FSYNC=on
. "$(dirname "$0")/../pg-hub.sh"
hub_start || exit 1
"${AXW_GEN:?}" --db "$WORK/gen.db" --shops "${AXW_BENCH_SHOPS:-6}" --days "${AXW_BENCH_DAYS:-365}" \
  --products 20000 >/dev/null || exit 1
"${AXW_BENCH_DISTRICT:?}" "$WORK/gen.db" "$ADMIN_URL" "$WORK" "${AXW_BENCH_SHOPS:-6}"
rc=$?
hub_stop
exit $rc
