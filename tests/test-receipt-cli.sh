#!/usr/bin/env bash
# End-to-end tests of `receipt` and `printers`: a committed sale's job, printed
# to a file, drawn to PNG, a refused network printer that keeps the job.
. "$(dirname "$0")/tap.sh"

"$AXW" init --demo >/dev/null
"$AXW" sell --at 2026-12-12T10:00:00+08:00 --pay cash:100 --staff 小林 <"$CPIN" 6971234560018 6971234560025 >"$WORK/sale.json"
NO=$(sql 'SELECT receipt_no FROM sales LIMIT 1')

check "the sale queued its receipt" "pending" "$(sql 'SELECT status FROM print_jobs')"
expect_ok "receipt to PNG" "$AXW" receipt "$NO" --png "$WORK/r.png" --width 80
check "PNG is 576 dots wide" "576" "$(python3 -c "import struct,sys; d=open(sys.argv[1],'rb').read(24); print(struct.unpack('>I', d[16:20])[0])" "$WORK/r.png")"
check "PNG alone prints nothing" "pending" "$(sql 'SELECT group_concat(status) FROM print_jobs')"

expect_fail "a copy needs to know who asks" "Say who you are" "$AXW" receipt "$NO" --printer "file:$WORK/lp0"
check "nothing queued without a name" "1" "$(sql 'SELECT count(*) FROM print_jobs')"
expect_fail "refused network printer" "kept for retry" sh -c "'$AXW' receipt '$NO' --printer tcp://127.0.0.1:1 --staff 小林 <'$CPIN'"
check "only the copy was tried: it failed, the sale's own job still waits" "pending,failed" "$(sql "SELECT group_concat(status) FROM (SELECT status FROM print_jobs ORDER BY id)")"
check "sale intact" "1" "$(sql 'SELECT count(*) FROM sales')"
expect_ok "queue shows the reason" "$AXW" printers queue
echo "$OUT" | grep -q "Could not reach the network printer 127.0.0.1:1" && tap_result OK "reason listed" || tap_result FAIL "reason listed" "$OUT"

expect_ok "retry to a file printer" "$AXW" printers retry --printer "file:$WORK/lp0"
check "retry printed both" "2 printed, 0 failed." "$OUT"
check "all done" "done" "$(sql "SELECT group_concat(DISTINCT status) FROM print_jobs")"
grep -q "$NO" "$WORK/lp0" && tap_result OK "receipt number on paper" || tap_result FAIL "receipt number on paper"
check "bytes start with init and Chinese mode" "1b401c26" "$(head -c 4 "$WORK/lp0" | od -An -tx1 | tr -d ' \n')"

# receipt SALE prints that copy alone, marked, without a drawer kick, and says what still waits
"$AXW" sell --at 2026-12-12T11:00:00+08:00 --pay cash:50 --staff 小林 <"$CPIN" 6971234560018 >/dev/null
NO2=$(sql 'SELECT receipt_no FROM sales ORDER BY id DESC LIMIT 1')
expect_ok "reprint one receipt" sh -c "'$AXW' receipt '$NO' --printer 'file:$WORK/copy' --staff 王店长 <'$MPIN'"
echo "$OUT" | grep -q "1 other receipt waits in the queue and was not printed" && tap_result OK "says the rest of the queue waits" || tap_result FAIL "says the rest of the queue waits" "$OUT"
check "the new sale's receipt still waits" "pending" "$(sql "SELECT status FROM print_jobs j JOIN sales s ON s.id = j.sale_id WHERE s.receipt_no = '$NO2'")"
check "copies counted" "0,1,2" "$(sql "SELECT group_concat(reprint) FROM (SELECT reprint FROM print_jobs j JOIN sales s ON s.id = j.sale_id WHERE s.receipt_no = '$NO' ORDER BY j.id)")"
check "reprints audited with the staff" "王店长" "$(sql "SELECT staff FROM audit_log WHERE action = 'receipt.reprint' ORDER BY id DESC LIMIT 1")"
if grep -q "$NO2" "$WORK/copy"; then tap_result FAIL "only that receipt on paper"; else tap_result OK "only that receipt on paper"; fi
# 58 mm: the mark wraps after 原单时间
iconv -c -f GB18030 -t UTF-8 "$WORK/copy" 2>/dev/null | tr -d '\000-\037' >"$WORK/copy.txt"
grep -q "重印 第2次 · 原单时间.*2026-12-12 10:00:00" "$WORK/copy.txt" && tap_result OK "copy marked" || tap_result FAIL "copy marked" "$(cat "$WORK/copy.txt")"
python3 -c 'import sys; sys.exit(b"\x1bp\x00" in open(sys.argv[1], "rb").read())' "$WORK/copy" && tap_result OK "no drawer kick on a copy" || tap_result FAIL "no drawer kick on a copy"
expect_ok "reprint to PNG" "$AXW" receipt "$NO" --png "$WORK/copy3.png" --width 58
check "a PNG preview is not a copy" "3" "$(sql "SELECT count(*) FROM print_jobs j JOIN sales s ON s.id = j.sale_id WHERE s.receipt_no = '$NO'")"
# A sale at 07:10 in Xiamen: its receipt says 07:10 and 20261212 whatever the
# machine's TZ (meson runs this script with TZ=UTC and TZ=America/New_York too).
"$AXW" sell --at 2026-12-12T07:10:00+08:00 --pay cash:50 --staff 小林 <"$CPIN" 6971234560018 >/dev/null
EARLY=$(sql "SELECT receipt_no FROM sales WHERE created_at LIKE '2026-12-11T23:10%'")
check "early sale's receipt number has the shop's date" "1" "$(echo "$EARLY" | grep -c -- '-20261212-')"
expect_ok "early receipt to a file" "$AXW" receipt "$EARLY" --printer "file:$WORK/early.bin" --staff 王店长 <"$MPIN"
check "early receipt shows the shop's time" "yes" \
  "$(iconv -f GB18030 -t UTF-8 -c "$WORK/early.bin" | grep -q '时间：2026-12-12 07:10:00' && echo yes)"

expect_ok "test page to a file" "$AXW" printers test --printer "file:$WORK/test.bin" --width 58
expect_fail "bad width" "58 or 80" "$AXW" receipt "$NO" --width 70
expect_fail "unknown sale" "No sale" "$AXW" receipt NOPE --png "$WORK/x.png"
expect_fail "bad printer" "is not a printer" "$AXW" printers test --printer lpt1
"$AXW" receipt --help >/dev/null 2>&1; check "receipt --help is usage" 0 $?

tap_done
