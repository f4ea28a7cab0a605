#!/usr/bin/env bash
# Crash safety: SIGKILL a stream of `aixinwu sell` at random moments; every
# sale the seller acknowledged must survive, no sale may be half-written,
# and the file must pass integrity_check. Then a full disk (a tiny tmpfs in
# a private mount namespace): a clear error and no partial sale.
. "$(dirname "$0")/tap.sh"
N=${AXW_CRASH_ROUNDS:-300}
RANDOM=${AXW_CRASH_SEED:-8}

"$AXW" init --demo >/dev/null
# Kill delays span 0 to 3 times one uninterrupted sell on this machine
# (an ASan build or a busy machine is several times slower).
t0=$(date +%s%N)
for i in 1 2 3; do "$AXW" sell --pay cash:100 --staff 小林 <"$CPIN" 6971234560049 >/dev/null; done
span_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
[ "$span_ms" -gt 5 ] || span_ms=5
echo "# one sell takes about $((span_ms / 3)) ms; kill delays 0-$span_ms ms"
acked="$WORK/acked"; : >"$acked"
killed=0 done_ok=0
for i in $(seq 1 "$N"); do
  items="6971234560018 6971234560025*$((i % 3 + 1))"
  [ $((i % 4)) -eq 0 ] && items="$items 6971234560032"
  pay="cash:500"; [ $((i % 5)) -eq 0 ] && pay="wechat:20,cash:480"
  # shellcheck disable=SC2086
  "$AXW" sell --pay "$pay" --staff 小林 <"$CPIN" $items >"$WORK/sell.out" 2>"$WORK/sell.err" &
  pid=$!
  d=$(( (RANDOM * 32768 + RANDOM) % span_ms ))
  sleep "$(printf '%d.%03d' $((d / 1000)) $((d % 1000)))"
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null; rc=$?
  if [ $rc -eq 0 ]; then
    uuid=$(grep -o '"uuid":"[^"]*"' "$WORK/sell.out" | cut -d'"' -f4)
    [ -n "$uuid" ] && echo "$uuid" >>"$acked" && done_ok=$((done_ok + 1))
  elif [ $rc -eq 137 ]; then
    killed=$((killed + 1))
  fi
done
echo "# $N sellers: $done_ok acknowledged, $killed killed"
[ "$done_ok" -ge $((N / 10)) ] && [ "$killed" -ge $((N / 10)) ] \
  && tap_result OK "both finished and killed sellers ($done_ok acked, $killed killed)" \
  || tap_result FAIL "both finished and killed sellers" "$done_ok acked, $killed killed: change the delays"

check "integrity_check after $N kills" ok "$(sql 'PRAGMA integrity_check')"
check "foreign keys hold" "" "$(sql 'PRAGMA foreign_key_check')"
list=$(sed "s/.*/'&'/" "$acked" | paste -sd,)
found=$(sql "SELECT count(*) FROM sales WHERE uuid IN (${list:-''})")
check "every acknowledged sale survived" "$done_ok" "$found"
check "no sale without its lines, payments, outbox and print job" 0 "$(sql "SELECT count(*) FROM sales s WHERE
  NOT EXISTS (SELECT 1 FROM sale_lines WHERE sale_id = s.id) OR NOT EXISTS (SELECT 1 FROM payments WHERE sale_id = s.id)
  OR NOT EXISTS (SELECT 1 FROM outbox WHERE sale_id = s.id) OR NOT EXISTS (SELECT 1 FROM print_jobs WHERE sale_id = s.id)")"
check "line sums equal the sale totals" 0 "$(sql "SELECT count(*) FROM sales s WHERE total_fen <>
  (SELECT sum(pay_fen) FROM sale_lines WHERE sale_id = s.id)")"
check "stock moved exactly by the committed lines" 0 "$(sql "SELECT count(*) FROM products p WHERE barcode = '6971234560018'
  AND stock_milli <> 50000 - (SELECT coalesce (sum(qty_milli), 0) FROM sale_lines WHERE product_id = p.id)")"
check "one audit row per sale" "$(sql "SELECT count(*) FROM sales")" \
  "$(sql "SELECT count(*) FROM audit_log WHERE action = 'sale'")"
expect_ok "the database opens and sells after the kills" "$AXW" sell --pay cash:100 --staff 小林 <"$CPIN" 6971234560018

# --- killed refunds, products imports, shift close and Z ------------------
# Each is SIGKILLed at random moments within three times its own run time:
# afterwards the data is as before the command or as after it, never between.
span_of () {  # span_of CMD...: three times one uninterrupted run, in ms
  local t0; t0=$(date +%s%N); "$@" >/dev/null 2>&1
  local ms=$(( ($(date +%s%N) - t0) * 3 / 1000000 )); [ "$ms" -gt 5 ] || ms=5; echo "$ms"
}
kill_after () {  # kill_after SPAN_MS IN OUT CMD...: runs CMD <IN >OUT, SIGKILLs it at random; returns its status
  local span=$1 in=$2 out=$3; shift 3
  "$@" <"$in" >"$out" 2>/dev/null &
  local pid=$! d=$(( (RANDOM * 32768 + RANDOM) % span ))
  sleep "$(printf '%d.%03d' $((d / 1000)) $((d % 1000)))"
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
}
"$AXW" shift open --staff 小林 200 >/dev/null 2>&1 <"$CPIN"

sales=$(sql "SELECT receipt_no FROM sales WHERE kind = 'sale' ORDER BY id LIMIT 61")
first=$(echo "$sales" | head -1)
rspan=$(span_of "$AXW" refund "$first" 1*1 --staff 王店长 <"$MPIN")
racked=0 rkilled=0
for sale in $(echo "$sales" | tail -n +2); do
  kill_after "$rspan" "$MPIN" "$WORK/refund.out" "$AXW" refund "$sale" --staff 王店长; rc=$?
  if [ $rc -eq 0 ]; then
    racked=$((racked + 1)); grep -o '"uuid":"[^"]*"' "$WORK/refund.out" | cut -d'"' -f4 >>"$WORK/racked"
  elif [ $rc -eq 137 ]; then rkilled=$((rkilled + 1)); fi
done
echo "# 60 refunds: $racked acknowledged, $rkilled killed (span $rspan ms)"
[ "$racked" -gt 0 ] && [ "$rkilled" -gt 0 ] && [ $((racked + rkilled)) -eq 60 ] \
  && tap_result OK "refunds: both finished and killed ones" \
  || tap_result FAIL "refunds: both finished and killed ones" "$racked acked, $rkilled killed of 60"
check "refunds: integrity_check after the kills" ok "$(sql 'PRAGMA integrity_check')"
list=$(sed "s/.*/'&'/" "$WORK/racked" 2>/dev/null | paste -sd,)
check "refunds: every acknowledged refund survived" "$racked" "$(sql "SELECT count(*) FROM sales WHERE uuid IN (${list:-''})")"
check "refunds: none half-written (lines, payments, totals)" 0 "$(sql "SELECT count(*) FROM sales s WHERE kind = 'refund' AND
  (NOT EXISTS (SELECT 1 FROM sale_lines WHERE sale_id = s.id) OR NOT EXISTS (SELECT 1 FROM payments WHERE sale_id = s.id)
   OR total_fen <> (SELECT sum(pay_fen) FROM sale_lines WHERE sale_id = s.id))")"
check "refunds: never more than was sold" 0 "$(sql "SELECT count(*) FROM sale_lines l JOIN sales s ON s.id = l.sale_id
  WHERE s.kind = 'sale' AND l.qty_milli < (SELECT coalesce (sum (r.qty_milli), 0) FROM sale_lines r
  WHERE r.refund_of_line = l.id)")"

# a products import of 2000 rows, killed: all rows or none, with one price
for i in $(seq 0 1999); do printf ',%d,品%d,批量,,1.00,piece,0,%d\n' $((20000 + i)) "$i" "$i"; done \
  | sed "1i barcode,plu,name,category,origin,price,unit,aid_eligible,stock" >"$WORK/bulk.csv"
"$AXW" products import "$WORK/bulk.csv" --staff 王店长 <"$MPIN" >/dev/null   # the rows exist: later runs update
ispan=$(span_of "$AXW" products import "$WORK/bulk.csv" --staff 王店长 <"$MPIN")
bad_import=0 done_import=0 killed_import=0
for round in $(seq 2 21); do
  sed "s/,1\.00,piece/,$round.00,piece/" "$WORK/bulk.csv" >"$WORK/bulk-$round.csv"
  kill_after "$ispan" "$MPIN" /dev/null "$AXW" products import "$WORK/bulk-$round.csv" --staff 王店长; rc=$?
  [ $rc -eq 0 ] && done_import=$((done_import + 1)); [ $rc -eq 137 ] && killed_import=$((killed_import + 1))
  n=$(sql "SELECT count(*) FROM products WHERE category_id = (SELECT id FROM categories WHERE name = '批量')")
  prices=$(sql "SELECT count(DISTINCT price_fen) FROM products WHERE category_id = (SELECT id FROM categories WHERE name = '批量')")
  { [ "$n" = 2000 ] && [ "$prices" = 1 ]; } || bad_import=$((bad_import + 1))
done
echo "# 20 imports updating 2000 rows: $done_import finished, $killed_import killed (span $ispan ms)"
[ "$killed_import" -gt 0 ] && tap_result OK "imports: some were killed mid-way ($killed_import of 20)" \
  || tap_result FAIL "imports: some were killed mid-way" "none of 20 was killed: change the delays"
check "imports killed: all rows or none, never a mix of prices" 0 "$bad_import"
expect_ok "an import after the kills" "$AXW" products import "$WORK/bulk-21.csv" --staff 王店长 <"$MPIN"
check "it applies every row" 2000 "$(sql "SELECT count(*) FROM products WHERE price_fen = 2100")"

# shift close, killed until one finishes: open with no count, or closed with it
cspan=$(span_of "$AXW" shift status)
cspan=$((cspan * 20)); bad_shift=0
for round in $(seq 1 30); do
  kill_after "$cspan" "$CPIN" /dev/null "$AXW" shift close --staff 小林 100:3; rc=$?
  st=$(sql "SELECT count(*) || ':' || coalesce (sum (closed_at IS NOT NULL AND counted_fen = 30000 AND count_json IS NOT NULL), 0)
            || ':' || coalesce (sum (closed_at IS NULL AND counted_fen IS NULL), 0) FROM shifts")
  case "$st" in 1:1:0|1:0:1) ;; *) bad_shift=$((bad_shift + 1));; esac
  [ $rc -eq 0 ] && break
done
check "shift close killed: open, or closed with its count" 0 "$bad_shift"
check "shift close finished in the end" 1 "$(sql "SELECT count(*) FROM shifts WHERE closed_at IS NOT NULL")"

# Z close, killed until one finishes: no Z and no sale marked, or the Z and all the day's sales
zspan=$(span_of "$AXW" report x); zspan=$((zspan * 10)); bad_z=0
day=$(sql "SELECT max(business_date) FROM sales")
for round in $(seq 1 30); do
  kill_after "$zspan" "$MPIN" /dev/null "$AXW" report z --staff 王店长; rc=$?
  st=$(sql "SELECT (SELECT count(*) FROM z_reports) || ':' ||
                   (SELECT count(*) FROM sales WHERE business_date = '$day' AND z_id IS NULL)")
  case "$st" in 0:*) [ "$(sql "SELECT count(*) FROM sales WHERE z_id IS NOT NULL")" = 0 ] || bad_z=$((bad_z + 1));;
                1:0) ;; *) bad_z=$((bad_z + 1));; esac
  [ $rc -eq 0 ] && break
done
check "Z killed: nothing closed, or the whole day closed" 0 "$bad_z"
check "Z finished in the end" 1 "$(sql 'SELECT count(*) FROM z_reports')"
check "integrity_check after killed imports, shift close and Z" ok "$(sql 'PRAGMA integrity_check')"

# --- killed backups and restores -----------------------------------
# A backup killed half-way never replaces a good file with a partial one;
# a restore killed half-way leaves the database as it was or as restored.
if [ -n "${AXW_GEN:-}" ]; then
  big=$WORK/big.db
  "$AXW_GEN" --db "$big" --products 2000 --shops 2 --days 40 --sales-per-day 60 >/dev/null
  fp () { sqlite3 "$big" "SELECT count(*), total(total_fen), max(uuid) FROM sales"; }
  t0=$(date +%s%N); "$AXW" --db "$big" backup --to "$WORK/bk" >/dev/null
  bspan=$(( ($(date +%s%N) - t0) / 500000 )); [ "$bspan" -gt 5 ] || bspan=5
  good=$WORK/good.db; cp "$WORK"/bk/aixinwu-*.db "$good"   # the loop rewrites today's file
  fp_a=$(fp)
  "$AXW" --db "$big" sell --pay cash:1000 --staff 收银员1 <"$CPIN" 6900000000007 >/dev/null
  t0=$(date +%s%N); "$AXW" --db "$big" restore "$good" --staff 王店长 <"$MPIN" >/dev/null
  rspan=$(( ($(date +%s%N) - t0) / 500000 )); [ "$rspan" -gt 5 ] || rspan=5
  check "a restore gives back the backed-up sales" "$fp_a" "$(fp)"
  "$AXW" --db "$big" sell --pay cash:1000 --staff 收银员1 <"$CPIN" 6900000000007 >/dev/null
  bad_backup=0 bad_restore=0 restored=0 kb=0 kr=0
  for i in $(seq 1 25); do
    "$AXW" --db "$big" backup --to "$WORK/bk" >/dev/null 2>&1 &
    pid=$!; d=$(( (RANDOM * 32768 + RANDOM) % bspan ))
    sleep "$(printf '%d.%03d' $((d / 1000)) $((d % 1000)))"; kill -KILL $pid 2>/dev/null
    wait $pid 2>/dev/null; [ $? -eq 137 ] && kb=$((kb + 1))
    for f in "$WORK"/bk/aixinwu-*.db; do
      [ "$(sqlite3 "$f" 'PRAGMA quick_check' 2>&1)" = ok ] || bad_backup=$((bad_backup + 1))
    done
    before=$(fp)
    "$AXW" --db "$big" restore "$good" --staff 王店长 <"$MPIN" >/dev/null 2>&1 &
    pid=$!; d=$(( (RANDOM * 32768 + RANDOM) % rspan ))
    sleep "$(printf '%d.%03d' $((d / 1000)) $((d % 1000)))"; kill -KILL $pid 2>/dev/null
    wait $pid 2>/dev/null; [ $? -eq 137 ] && kr=$((kr + 1))
    after=$(fp)
    [ "$(sqlite3 "$big" 'PRAGMA integrity_check' 2>&1)" = ok ] || bad_restore=$((bad_restore + 1))
    if [ "$after" = "$fp_a" ]; then
      restored=$((restored + 1))
      "$AXW" --db "$big" sell --pay cash:1000 --staff 收银员1 <"$CPIN" 6900000000007 >/dev/null
    elif [ "$after" != "$before" ]; then
      bad_restore=$((bad_restore + 1))
    fi
  done
  echo "# 25 backups ($kb killed) and 25 restores ($kr killed, $restored completed)"
  check "killed backups left only complete backup files" 0 "$bad_backup"
  check "killed restores left the old or the restored data, intact" 0 "$bad_restore"
  "$AXW" --db "$big" backup --to "$WORK/bk" >/dev/null
  check "the next backup clears what killed ones left" "" \
    "$(ls "$WORK"/bk | grep -v '^aixinwu-[0-9-]*\.db$')"
fi

# --- disk full --------------------------------------------------------
disk_full () {
  local mnt=$WORK/small
  mkdir -p "$mnt"
  mount -t tmpfs -o size=1m tmpfs "$mnt" || return 3
  export AIXINWU_DB=$mnt/shop.db
  "$AXW" init --demo >/dev/null || return 4
  "$AXW" sell --pay cash:100 --staff 小林 <"$CPIN" 6971234560018 >/dev/null || return 5
  # an online shop on loopback that confirms every sale it gets
  python3 "$WORK/shop.py" "$WORK/shop.port" "$WORK/shop.got" & shop=$!
  for _ in $(seq 50); do [ -s "$WORK/shop.port" ] && break; sleep 0.1; done
  echo s3cret >"$WORK/token"; chmod 600 "$WORK/token"
  "$AXW" settings set sync.endpoint "http://127.0.0.1:$(cat "$WORK/shop.port")/sales" --staff 王店长 <"$MPIN" >/dev/null
  "$AXW" settings set sync.token_file "$WORK/token" --staff 王店长 <"$MPIN" >/dev/null
  before=$(sqlite3 "$AIXINWU_DB" "SELECT count(*) FROM sales")
  # fill the disk but for a few pages: the first sells fit, then one does not
  dd if=/dev/zero of="$mnt/filler" bs=4k 2>/dev/null; truncate -s -96K "$mnt/filler"
  fails=0 sold=0
  for i in $(seq 1 40); do
    if ! "$AXW" sell --pay cash:500 --staff 小林 <"$CPIN" 6971234560018 6971234560025*3 >/dev/null 2>"$WORK/full.err"; then
      fails=1; break
    fi
    sold=$((sold + 1))
  done
  echo "full_err=$(head -1 "$WORK/full.err")"
  echo "full_failed=$fails"
  # the rest of the program on the full disk: refused cleanly, nothing half-written
  "$AXW" backup --to "$mnt/bk" >/dev/null 2>"$WORK/bk.err"; echo "backup_rc=$?"
  echo "backup_err=$(head -1 "$WORK/bk.err")"
  echo "backup_partial=$(ls "$mnt/bk" 2>/dev/null | grep -vc '^aixinwu-[0-9-]*\.db$')"
  mkdir -p "$mnt/out"; dd if=/dev/zero of="$mnt/filler2" bs=4k 2>/dev/null   # what the backup gave back
  "$AXW" sync --now >/dev/null 2>"$WORK/sync.err"; echo "sync_rc=$?"
  echo "sync_err=$(head -1 "$WORK/sync.err")"
  # the receipts print (the printer is elsewhere) but their state cannot be written
  "$AXW" printers retry --printer "file:$WORK/full-receipts.bin" >/dev/null 2>"$WORK/print.err"; echo "print_rc=$?"
  echo "print_err=$(head -1 "$WORK/print.err")"
  "$AXW" export --out "$mnt/out" >/dev/null 2>"$WORK/ex.err"; echo "export_rc=$?"
  echo "export_err=$(head -1 "$WORK/ex.err")"
  echo "export_partial=$(ls -A "$mnt/out" 2>/dev/null | grep -v '^\.aixinwu-export\.lock$' | grep -c .)"
  rm -f "$mnt/filler2"
  # the sqlite3 shell needs space for its -shm file too
  rm -f "$mnt/filler"
  echo "unexpected_sales=$(( $(sqlite3 "$AIXINWU_DB" "SELECT count(*) FROM sales") - before - sold ))"
  echo "integrity=$(sqlite3 "$AIXINWU_DB" 'PRAGMA integrity_check' 2>&1 | head -1)"
  echo "partial=$(sqlite3 "$AIXINWU_DB" "SELECT count(*) FROM sales s WHERE NOT EXISTS (SELECT 1 FROM sale_lines WHERE sale_id = s.id)
    OR total_fen <> (SELECT sum(pay_fen) FROM sale_lines WHERE sale_id = s.id)" 2>&1)"
  "$AXW" sell --pay cash:100 --staff 小林 <"$CPIN" 6971234560018 >/dev/null && echo "after_free=ok"
  "$AXW" export --out "$mnt/out" >/dev/null && echo "export_exported=$(cat "$mnt"/out/sales-*.jsonl | wc -l)"
  echo "sales_now=$(sqlite3 "$AIXINWU_DB" "SELECT count(*) FROM sales")"
  echo "pending_after_full=$(sqlite3 "$AIXINWU_DB" "SELECT count(*) FROM outbox WHERE status <> 'sent'")"
  echo "jobs_lost=$(sqlite3 "$AIXINWU_DB" "SELECT count(*) FROM sales s WHERE NOT EXISTS (SELECT 1 FROM print_jobs
    WHERE sale_id = s.id)")"
  "$AXW" printers retry --printer "file:$WORK/receipts-after.bin" >/dev/null 2>&1; echo "print_after_rc=$?"
  echo "jobs_open=$(sqlite3 "$AIXINWU_DB" "SELECT count(*) FROM print_jobs WHERE status <> 'done'")"
  "$AXW" sync --now >/dev/null 2>&1; echo "sync_after_rc=$?"
  echo "sent_after=$(sqlite3 "$AIXINWU_DB" "SELECT count(*) FROM outbox WHERE status = 'sent'")"
  echo "shop_got=$(sort -u "$WORK/shop.got" | wc -l)"
  kill "$shop" 2>/dev/null
  umount -l "$mnt"
}
cat >"$WORK/shop.py" <<'PY'
import http.server, json, sys
class Shop(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        sales = json.loads(self.rfile.read(int(self.headers["Content-Length"])))["sales"]
        with open(sys.argv[2], "a") as got:
            got.writelines(s["uuid"] + "\n" for s in sales)
        body = json.dumps({"accepted": [s["uuid"] for s in sales]}).encode()
        self.send_response(200); self.send_header("Content-Length", str(len(body))); self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args): pass
srv = http.server.HTTPServer(("127.0.0.1", 0), Shop)
open(sys.argv[1], "w").write(str(srv.server_port))
srv.serve_forever()
PY
export -f disk_full
export AXW WORK CPIN MPIN
if [ "$(id -u)" -eq 0 ]; then runner=(unshare -m --propagation private bash -c disk_full)
else runner=(unshare -rm bash -c disk_full); fi
"${runner[@]}" >"$WORK/full.log" 2>&1;
if grep -q full_failed "$WORK/full.log"; then
  r () { grep "^$1=" "$WORK/full.log" | cut -d= -f2-; }
  check "disk full: a sale is refused" 1 "$(r full_failed)"
  echo "$(r full_err)" | grep -q "disk is full" \
    && tap_result OK "disk full: the message says so" || tap_result FAIL "disk full: the message says so" "$(r full_err)"
  check "disk full: integrity ok" ok "$(r integrity)"
  check "disk full: no partial sale" 0 "$(r partial)"
  check "disk full: only the acknowledged sales were saved" 0 "$(r unexpected_sales)"
  check "disk full: selling works again once space is freed" ok "$(r after_free)"
  check "disk full: backup refused" 1 "$(r backup_rc)"
  echo "$(r backup_err)" | grep -qi "full" \
    && tap_result OK "disk full: the backup says why" || tap_result FAIL "disk full: the backup says why" "$(r backup_err)"
  check "disk full: no partial backup left" 0 "$(r backup_partial)"
  check "disk full: export refused" 1 "$(r export_rc)"
  check "disk full: no partial export file left" 0 "$(r export_partial)"
  echo "$(r export_err)" | grep -qi "full\|space" \
    && tap_result OK "disk full: the export says why" || tap_result FAIL "disk full: the export says why" "$(r export_err)"
  check "disk full: the next export has every sale (the cursor did not move)" "$(r sales_now)" "$(r export_exported)"
  check "disk full: printing that cannot record its state fails" 1 "$(r print_rc)"
  echo "$(r print_err)" | grep -qi "full" \
    && tap_result OK "disk full: printing says why" || tap_result FAIL "disk full: printing says why" "$(r print_err)"
  check "disk full: no receipt job lost" 0 "$(r jobs_lost)"
  check "disk full: once there is room every receipt job finishes" "0:0" "$(r print_after_rc):$(r jobs_open)"
  check "disk full: sync that cannot mark fails" 1 "$(r sync_rc)"
  echo "$(r sync_err)" | grep -qi "full" \
    && tap_result OK "disk full: sync says why" || tap_result FAIL "disk full: sync says why" "$(r sync_err)"
  check "disk full: no sale marked sent while full" "$(r sales_now)" "$(r pending_after_full)"
  check "disk full: sync once space is freed" 0 "$(r sync_after_rc)"
  check "disk full: every sale sent and marked in the end" "$(r sales_now)" "$(r sent_after)"
  check "disk full: the shop got every sale" "$(r sales_now)" "$(r shop_got)"
else
  # no test passes by skipping: without a private mount namespace (root, or
  # unprivileged user namespaces) this machine cannot run the case, and says so
  tap_result FAIL "disk full via tmpfs: could not run in a private mount namespace" "$(head -3 "$WORK/full.log")"
fi
# --- a full disk under the WAL ------------------------------------------
# A reader holds an old snapshot while 3000 products are imported, so they
# stay in the WAL; then the disk fills. The checkpoint that must copy them
# into the database (which has to grow) fails: nothing may be lost, and a
# right PIN still logs in (a manager must be able to make room).
wal_full () {
  local mnt=$WORK/small-wal
  mkdir -p "$mnt"
  mount -t tmpfs -o size=4m tmpfs "$mnt" || return 3
  export AIXINWU_DB=$mnt/shop.db
  "$AXW" init --demo >/dev/null || return 4
  # a wrong PIN while there is room: counted, so the next right one has a count to clear
  printf '0000\n' | "$AXW" shift open 0 --staff 小林 >/dev/null 2>&1
  python3 - "$WORK/many.csv" <<'PY'
import sys
def check(s): return str((10 - sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(s)) % 10) % 10)
with open(sys.argv[1], "w") as f:
    f.write("barcode,plu,name,category,origin,price,unit,aid_eligible,stock\n")
    for i in range(3000):
        b = "69" + f"{i + 100:010d}"
        f.write(f"{b}{check(b)},,爱心测试商品第{i}号,干货,甘肃和政,{i % 90 + 1}.50,piece,1,{i % 50}\n")
PY
  rm -f "$WORK/reader.in"; mkfifo "$WORK/reader.in"
  sqlite3 "$AIXINWU_DB" <"$WORK/reader.in" >"$WORK/reader.out" 2>&1 & reader=$!
  exec 7>"$WORK/reader.in"
  printf '.dbconfig no_ckpt_on_close on\nBEGIN;\nSELECT count(*) FROM products;\n.print ready\n' >&7
  for _ in $(seq 100); do grep -q ready "$WORK/reader.out" && break; sleep 0.05; done
  "$AXW" products import "$WORK/many.csv" --staff 王店长 <"$MPIN" >/dev/null; echo "import_rc=$?"
  dd if=/dev/zero of="$mnt/filler" bs=4k 2>/dev/null
  printf 'COMMIT;\n.quit\n' >&7; exec 7>&-; wait "$reader"
  echo "wal_before=$(stat -c %s "$AIXINWU_DB-wal")"
  # the last connection's checkpoint cannot grow the database
  "$AXW" products low-stock >/dev/null 2>"$WORK/ckpt.err"; echo "read_rc=$?"
  echo "wal_kept=$(stat -c %s "$AIXINWU_DB-wal")"
  "$AXW" shift open 0 --staff 小林 <"$CPIN" >/dev/null 2>"$WORK/login.err"
  echo "login_logged=$(grep -c 'logged in; the disk is full' "$WORK/login.err")"
  echo "login_then=$(grep -c 'disk is full, so nothing was saved' "$WORK/login.err")"
  printf '0000\n' | "$AXW" shift open 0 --staff 小林 >/dev/null 2>"$WORK/wrong.err"; echo "wrong_rc=$?"
  echo "wrong_err=$(head -1 "$WORK/wrong.err")"
  rm -f "$mnt/filler"
  "$AXW" products low-stock >/dev/null; echo "after_rc=$?"
  echo "wal_after=$(stat -c %s "$AIXINWU_DB-wal" 2>/dev/null || echo 0)"
  echo "integrity=$(sqlite3 "$AIXINWU_DB" 'PRAGMA integrity_check' 2>&1 | head -1)"
  echo "products=$(sqlite3 "$AIXINWU_DB" "SELECT count(*) FROM products WHERE name LIKE '爱心测试商品%'")"
  echo "attempts=$(sqlite3 "$AIXINWU_DB" "SELECT failed_attempts FROM staff WHERE name = '小林'")"
  umount -l "$mnt"
}
export -f wal_full
if [ "$(id -u)" -eq 0 ]; then runner=(unshare -m --propagation private bash -c wal_full)
else runner=(unshare -rm bash -c wal_full); fi
"${runner[@]}" >"$WORK/wal.log" 2>&1
if grep -q wal_kept "$WORK/wal.log"; then
  r () { grep "^$1=" "$WORK/wal.log" | cut -d= -f2-; }
  check "full WAL: the import went into the WAL" 0 "$(r import_rc)"
  check "full WAL: reading works while the checkpoint cannot" 0 "$(r read_rc)"
  [ "$(r wal_kept)" -ge "$(r wal_before)" ] && [ "$(r wal_before)" -gt 100000 ] \
    && tap_result OK "full WAL: the failed checkpoint kept the WAL ($(r wal_kept) bytes)" \
    || tap_result FAIL "full WAL: the failed checkpoint kept the WAL" "$(r wal_before) -> $(r wal_kept)"
  check "full WAL: a right PIN logs in (not recorded, said so)" 1 "$(r login_logged)"
  check "full WAL: then the shift says the disk is full" 1 "$(r login_then)"
  check "full WAL: a wrong PIN is refused" 1 "$(r wrong_rc)"
  echo "$(r wrong_err)" | grep -q "Wrong PIN. The disk is full" \
    && tap_result OK "full WAL: the wrong PIN says both why" || tap_result FAIL "full WAL: the wrong PIN says both why" "$(r wrong_err)"
  check "full WAL: works once space is freed" 0 "$(r after_rc)"
  check "full WAL: the checkpoint finished then" 0 "$(r wal_after)"
  check "full WAL: integrity ok" ok "$(r integrity)"
  check "full WAL: every imported product kept" 3000 "$(r products)"
  check "full WAL: the uncounted tries changed no count" 1 "$(r attempts)"
else
  tap_result FAIL "full WAL via tmpfs: could not run in a private mount namespace" "$(head -3 "$WORK/wal.log")"
fi
tap_done
