#!/usr/bin/env bash
# End-to-end tests of the foundation commands on a real SQLite file.
. "$(dirname "$0")/tap.sh"

expect_ok "--version" "$AXW" --version
check "--version names the program and version" "aixinwu 0.1.0" "$(echo "$OUT" | cut -d' ' -f1-2)"
expect_ok "version command" "$AXW" version
check "--version creates no database" "no" "$([ -e "$AIXINWU_DB" ] && echo yes || echo no)"

umask 022
expect_ok "init creates the database" "$AXW" init
check "the database is private (0600) under umask 022" 600 "$(stat -c %a "$AIXINWU_DB")"
check "schema is the latest" "$("$AXW" version | sed 's/.*schema \([0-9]*\).*/\1/')" "$(sql 'PRAGMA user_version')"
check "journal is WAL" wal "$(sql 'PRAGMA journal_mode')"

expect_ok "--help lists commands" "$AXW" --help
echo "$OUT" | grep -q "products" && tap_result OK "help names products" || tap_result FAIL "help names products"
for c in init products promotions staff settings; do
  "$AXW" "$c" --help >"$WORK/h" 2>/dev/null; rc=$?
  check "$c --help prints usage (exit 0)" "0:yes" "$rc:$(grep -q Usage "$WORK/h" && echo yes)"
done
expect_fail "unknown command" "unknown command" "$AXW" frobnicate

cat >"$WORK/p.csv" <<'CSV'
barcode,plu,name,category,origin,price,unit,aid_eligible,stock
6971234560018,,赤松茸,干货,甘肃和政,28,piece,1,50
,1001,散装红枣,散装,,24,kg,是,10
CSV
# Who may do what: no manager yet, so nothing privileged works; the first
# manager is added without one, the second needs the first.
expect_fail "no manager yet: import refused" "no manager yet" "$AXW" products import "$WORK/p.csv" --staff 王店长 <"$MPIN"
printf '8888\n8888\n' >"$WORK/first"
expect_ok "the first manager needs no manager" "$AXW" staff add 王店长 --role manager <"$WORK/first"
expect_fail "a second manager needs one" "needs a manager" "$AXW" staff add 李店长 --role manager <"$WORK/first"
printf '8888\n5678\n5679\n' >"$WORK/differ"
expect_fail "the new PIN typed twice must agree" "differ" "$AXW" staff add 李店长 --role manager --staff 王店长 <"$WORK/differ"
check "nobody else was added" 1 "$(sql 'SELECT count(*) FROM staff')"
expect_fail "import without --staff refused" "needs a manager" "$AXW" products import "$WORK/p.csv"
echo 0000 >"$WORK/wrong"
expect_fail "import with a wrong PIN refused" "PIN" "$AXW" products import "$WORK/p.csv" --staff 王店长 <"$WORK/wrong"
check "refused imports changed nothing" 0 "$(sql 'SELECT count(*) FROM products')"
check "the wrong PIN counts toward the lockout" 1 "$(sql "SELECT failed_attempts FROM staff WHERE name = '王店长'")"
for cmd in "settings set shop.name X" "promotions remove 爱心日" "vouchers trust 市残联 AAAA" \
           "vouchers untrust 市残联 AAAA" "vouchers import $WORK/p.csv" "promotions import $WORK/p.csv" \
           "import-online $WORK/p.csv" "restore $WORK/p.csv"; do
  # shellcheck disable=SC2086
  expect_fail "$cmd without --staff refused" "manager\|not a valid\|not an Aixinwu\|backup" "$AXW" $cmd </dev/null
done
check "no refused command was audited" 0 "$(sql "SELECT count(*) FROM audit_log WHERE action NOT IN ('staff.add', 'login.failed')")"
expect_ok "products import" "$AXW" products import "$WORK/p.csv" --staff 王店长 <"$MPIN"
check "the import is audited in the manager's name" 1 "$(sql "SELECT count(*) FROM audit_log WHERE action = 'product.import' AND staff = '王店长'")"
check "a right PIN starts the count again" 0 "$(sql "SELECT failed_attempts FROM staff WHERE name = '王店长'")"
check "import counts" "2 new, 0 updated, 0 unchanged." "$OUT"
expect_ok "products import again" "$AXW" products import "$WORK/p.csv" --staff 王店长 <"$MPIN"
check "second import changes nothing" "0 new, 0 updated, 2 unchanged." "$OUT"

cat >"$WORK/change.csv" <<'CSV'
barcode,plu,name,category,origin,price,unit,aid_eligible,stock
6971234560018,,赤松茸,干货,甘肃和政,30,piece,1,45
,1001,散装红枣,散装,,24,kg,是,10
6971234560049,,高原藜麦,冲调,,35,,0,
CSV
expect_ok "products import --dry-run" "$AXW" products import "$WORK/change.csv" --dry-run
check "dry run lists the changes" "Dry run, nothing imported: 1 new, 1 updated (1 price changes, 1 stock changes), 1 unchanged.
Row 1: 6971234560018 赤松茸: price ¥28.00 → ¥30.00, stock 50 → 45
Row 3: new 6971234560049 高原藜麦: price ¥35.00, stock 0" "$OUT"
check "dry run wrote nothing" "2800:2" "$(sql "SELECT price_fen FROM products WHERE barcode = '6971234560018'"):$(sql 'SELECT count(*) FROM products')"
printf 'barcode,name,price\n6971234560018,赤松茸,28\n6971234560025,藜麦粥,1.2.3\n' >"$WORK/bad-dry.csv"
expect_fail "dry run names a bad row" "Row 2 (line 3), column “price”" "$AXW" products import "$WORK/bad-dry.csv" --dry-run

printf 'barcode,name,price\n6971234560018,赤松茸,28\n6971234560025,藜麦粥,x\n' >"$WORK/bad.csv"
expect_fail "bad row refused" "Row 2 (line 3), column “price”" "$AXW" products import "$WORK/bad.csv" --staff 王店长 <"$MPIN"
check "bad file imported nothing" 2 "$(sql 'SELECT count(*) FROM products')"
expect_fail "missing file" "No such file" "$AXW" products import "$WORK/nope.csv" --staff 王店长 <"$MPIN"
printf 'barcode,name,price,size\n1,a,1,2\n' >"$WORK/unk.csv"
expect_fail "unknown column refused" "Unknown column “size”" "$AXW" products import "$WORK/unk.csv" --staff 王店长 <"$MPIN"

expect_ok "products export" "$AXW" products export "$WORK/out.csv"
check "export header" "barcode,plu,name,category,origin,price,unit,aid_eligible,stock,supplier,cost,low_stock,fund,fund_discounts" "$(head -1 "$WORK/out.csv" | tr -d '\r')"
check "export row" "6971234560018,,赤松茸,干货,甘肃和政,28.00,piece,1,50,,0.00,0,,0" "$(sed -n 2p "$WORK/out.csv" | tr -d '\r')"

printf 'name,scope,percent,day_of_month,month,from,to\n爱心日,aid,5,12,,,\n' >"$WORK/promo.csv"
expect_ok "promotions import" "$AXW" promotions import "$WORK/promo.csv" --staff 王店长 <"$MPIN"
expect_ok "promotions list" "$AXW" promotions list
echo "$OUT" | grep -q "爱心日" && tap_result OK "list shows 爱心日" || tap_result FAIL "list shows 爱心日" "$OUT"
printf 'name,scope,percent\nx,aid,abc\n' >"$WORK/badpromo.csv"
expect_fail "bad promotion refused" "column “percent”" "$AXW" promotions import "$WORK/badpromo.csv" --staff 王店长 <"$MPIN"
expect_fail "remove unknown promotion" "No running promotion" "$AXW" promotions remove 没有 --staff 王店长 <"$MPIN"
expect_ok "promotions remove" "$AXW" promotions remove 爱心日 --staff 王店长 <"$MPIN"
check "promotions audited in the manager's name" 2 "$(sql "SELECT count(*) FROM audit_log WHERE action LIKE 'promotion.%' AND staff = '王店长'")"
expect_ok "promotions list after remove" "$AXW" promotions list
check "removed promotion not listed" "" "$OUT"
check "removed promotion kept inactive" 1 "$(sql "SELECT count(*) FROM promotions WHERE name = '爱心日' AND NOT active")"

printf '8888\n1234\n1234\n' >"$WORK/pin"
expect_ok "staff add" "$AXW" staff add 小林 --role cashier --staff 王店长 <"$WORK/pin"
check "staff add audited in the manager's name" 1 "$(sql "SELECT count(*) FROM audit_log WHERE action = 'staff.add' AND staff = '王店长' AND detail = '小林'")"
expect_fail "staff add twice" "already" "$AXW" staff add 小林 --role cashier --staff 王店长 <"$WORK/pin"
printf '8888\n12\n12\n' >"$WORK/shortpin"
expect_fail "short PIN refused" "4 to 8 digits" "$AXW" staff add 小王 --role manager --staff 王店长 <"$WORK/shortpin"
expect_fail "bad role refused" "Usage" "$AXW" staff add 小王 --role boss --staff 王店长 <"$WORK/pin"
printf '1234\n4321\n4321\n' >"$WORK/cashierpin"
expect_fail "a cashier cannot add staff" "manager" "$AXW" staff add 小王 --role cashier --staff 小林 <"$WORK/cashierpin"
check "PIN not stored plain" 0 "$(sql "SELECT count(*) FROM staff WHERE pin_hash LIKE '%1234%'")"
expect_fail "staff deactivate needs a manager" "needs a manager" "$AXW" staff deactivate 小林 </dev/null
expect_ok "staff deactivate" "$AXW" staff deactivate 小林 --staff 王店长 <"$MPIN"
check "deactivated is not listed" "王店长	manager" "$("$AXW" staff list)"
check "deactivate audited in the manager's name" 1 "$(sql "SELECT count(*) FROM audit_log WHERE action = 'staff.deactivate' AND detail = '小林' AND staff = '王店长'")"
expect_fail "deactivate unknown" "小周" "$AXW" staff deactivate 小周 --staff 王店长 <"$MPIN"
expect_ok "staff activate" "$AXW" staff activate 小林 --staff 王店长 <"$MPIN"
check "activated is listed" "王店长	manager
小林	cashier" "$("$AXW" staff list)"

expect_fail "products retire needs a manager" "needs a manager" "$AXW" products retire 6971234560018 </dev/null
expect_ok "products retire" "$AXW" products retire 6971234560018 --staff 王店长 <"$MPIN"
expect_ok "products export" "$AXW" products export "$WORK/retired.csv"
check "retired not exported" 0 "$(grep -c 6971234560018 "$WORK/retired.csv")"
check "retire audited" 1 "$(sql "SELECT count(*) FROM audit_log WHERE action = 'product.retire'")"
expect_fail "retire unknown" "No product" "$AXW" products retire 6971234569999 --staff 王店长 <"$MPIN"
expect_ok "products restore" "$AXW" products restore 6971234560018 --staff 王店长 <"$MPIN"
check "restored" 1 "$(sql "SELECT active FROM products WHERE barcode = '6971234560018'")"

expect_ok "settings set" "$AXW" settings set shop.name "爱心屋·思明店" --staff 王店长 <"$MPIN"
expect_ok "settings get" "$AXW" settings get shop.name
check "setting value" "爱心屋·思明店" "$OUT"
check "setting change audited" 1 "$(sql "SELECT count(*) FROM audit_log WHERE action = 'settings.set' AND staff = '王店长' AND detail LIKE 'shop.name: % → 爱心屋·思明店'")"
expect_ok "settings set, same value" "$AXW" settings set shop.name "爱心屋·思明店" --staff 王店长 <"$MPIN"
check "same value not audited again" 1 "$(sql "SELECT count(*) FROM audit_log WHERE action = 'settings.set'")"
expect_fail "bad setting value" "58 or 80" "$AXW" settings set receipt.width 72 --staff 王店长 <"$MPIN"
expect_fail "bad setting value, no database yet" "58 or 80" "$AXW" --db "$WORK/none/shop.db" settings set receipt.width 72
check "a bad value made no database" no "$([ -e "$WORK/none" ] && echo yes || echo no)"
expect_fail "unknown setting" "Unknown setting" "$AXW" settings get shop.colour

expect_ok "--db FILE selects another database" "$AXW" --db "$WORK/other.db" init --demo
check "demo catalog loaded" yes "$(test "$(sqlite3 "$WORK/other.db" 'SELECT count(*) FROM products')" -ge 10 && echo yes)"
check "demo staff" 2 "$(sqlite3 "$WORK/other.db" 'SELECT count(*) FROM staff')"

echo "not a database at all, just text, long enough to be read as a header......" >"$WORK/junk.db"
expect_fail "corrupt file refused clearly" "damaged\|not a database" "$AXW" --db "$WORK/junk.db" init
sqlite3 "$WORK/newer.db" 'PRAGMA user_version = 99'
expect_fail "newer schema refused" "newer Aixinwu" "$AXW" --db "$WORK/newer.db" init
check "newer file untouched" 99 "$(sqlite3 "$WORK/newer.db" 'PRAGMA user_version')"

tap_done
