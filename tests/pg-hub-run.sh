#!/usr/bin/env bash
# pg-hub-run.sh CMD...: runs CMD (a test program speaking TAP) next to a real
# PostgreSQL 15 hub, started and stopped here (tests/pg-hub.sh). CMD gets
# AXW_HUB_S01_URL and AXW_HUB_S01_PASSFILE for shop S01's role, AXW_HUB_ADMIN_URL (password
# in PGPASSFILE) for the administrator; shop S02 has
# already redeemed the red packet HB20260002 at the hub.
set -u
WORK=$(mktemp -d "${TMPDIR:-/tmp}/axw-hub-run-XXXXXX")
AXW="${AIXINWU_BIN:?AIXINWU_BIN is not set}"
. "$(dirname "$0")/pg-hub.sh"
if ! hub_start; then
  echo "1..0 # SKIP no PostgreSQL 15 server (tools/install-deps.sh installs postgresql-15)"
  exit 0
fi
"$AXW" district init "$ADMIN_URL" >/dev/null || exit 1
AXW_HUB_S01_URL=$("$AXW" district add-shop S01 --password-file "$WORK/s01.pgpass" --url "$ADMIN_URL" | tail -n 1)
s02=$("$AXW" district add-shop S02 --password-file "$WORK/s02.pgpass" --url "$ADMIN_URL" | tail -n 1)
export AXW_HUB_S01_URL AXW_HUB_S01_PASSFILE="$WORK/s01.pgpass" AXW_HUB_ADMIN_URL="$ADMIN_URL"
{
  export AIXINWU_DB="$WORK/s02.db"
  "$AXW" init --demo >/dev/null
  echo 8888 | "$AXW" settings set shop.code S02 --staff 王店长 >/dev/null
  echo 8888 | "$AXW" settings set district.password_file "$WORK/s02.pgpass" --staff 王店长 >/dev/null
  echo 8888 | "$AXW" settings set district.url "$s02" --staff 王店长 >/dev/null
  echo 1234 | "$AXW" sell --at 2026-12-11T10:00:00+08:00 --voucher HB20260002 --pay cash:100 --staff 小林 \
    6971234560018 6971234560018 >/dev/null
  "$AXW" sync >/dev/null
} || { echo "Bail out! could not set up shop S02 at the hub"; exit 1; }
unset AIXINWU_DB
"$@"
