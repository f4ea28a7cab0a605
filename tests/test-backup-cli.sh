#!/usr/bin/env bash
# End-to-end tests of backup and restore on real SQLite files.
. "$(dirname "$0")/tap.sh"

AT=2026-11-20T10:00:00+08:00
"$AXW" init --demo >/dev/null
"$AXW" sell --at "$AT" --pay cash:100 --staff 小林 <"$CPIN" 6971234560018 >/dev/null
sales_before=$(sql 'SELECT group_concat(uuid) FROM sales')

expect_ok "backup into a folder" "$AXW" backup --to "$WORK/bk"
check "backup names the file by date" "$WORK/bk/aixinwu-$(date +%F).db" "$OUT"
check "backup is a clean single file" "ok|delete" \
  "$(sqlite3 "$OUT" 'PRAGMA quick_check' 'PRAGMA journal_mode' | paste -sd'|')"
BK=$OUT
expect_ok "backup to the default folder" "$AXW" backup
check "default folder is next to the database" "$WORK/backups/aixinwu-$(date +%F).db" "$OUT"
expect_fail "backup --keep 0 refused" "1 to 3650" "$AXW" backup --keep 0

"$AXW" sell --at "$AT" --pay cash:100 --staff 小林 <"$CPIN" 6971234560025 >/dev/null
check "a second sale exists" 2 "$(sql 'SELECT count(*) FROM sales')"
expect_ok "restore" "$AXW" restore "$BK" --staff 王店长 <"$MPIN"
echo "$OUT" | grep -q "previous data is kept in $AIXINWU_DB.before-restore-" \
  && tap_result OK "restore names the safety copy" || tap_result FAIL "restore names the safety copy" "$OUT"
check "restored sales are the backed-up ones" "$sales_before" "$(sql 'SELECT group_concat(uuid) FROM sales')"
check "restored database is still WAL" wal "$(sql 'PRAGMA journal_mode')"
safety=$(ls "$AIXINWU_DB".before-restore-* | head -1)
check "safety copy has both sales" 2 "$(sqlite3 "$safety" 'SELECT count(*) FROM sales')"

printf 'garbage' >"$WORK/bad.db"
expect_fail "restore of a non-database refused" "not a usable backup" "$AXW" restore "$WORK/bad.db" --staff 王店长 <"$MPIN"
cp "$BK" "$WORK/newer.db"; sqlite3 "$WORK/newer.db" 'PRAGMA user_version = 99'
expect_fail "restore of a newer schema refused" "newer Aixinwu POS" "$AXW" restore "$WORK/newer.db" --staff 王店长 <"$MPIN"
check "refused restores changed nothing" "$sales_before" "$(sql 'SELECT group_concat(uuid) FROM sales')"

# A damaged live database can be restored over (it cannot even be opened).
printf 'garbage garbage garbage' >"$AIXINWU_DB"; rm -f "$AIXINWU_DB-wal" "$AIXINWU_DB-shm"
expect_fail "a damaged database is refused" "damaged\|not a database" "$AXW" products export -
expect_ok "restore over a damaged database" "$AXW" restore "$BK" --staff 王店长 <"$MPIN"
check "sales are back" "$sales_before" "$(sql 'SELECT group_concat(uuid) FROM sales')"
expect_ok "the program works again" "$AXW" sell --at "$AT" --pay cash:100 --staff 小林 <"$CPIN" 6971234560025

tap_done
