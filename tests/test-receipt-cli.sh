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

expect_fail "refused network printer" "kept for retry" "$AXW" receipt "$NO" --printer tcp://127.0.0.1:1
check "first job failed, the next still waits" "failed,pending" "$(sql "SELECT group_concat(status) FROM (SELECT status FROM print_jobs ORDER BY id)")"
check "sale intact" "1" "$(sql 'SELECT count(*) FROM sales')"
expect_ok "queue shows the reason" "$AXW" printers queue
echo "$OUT" | grep -q "Could not reach the network printer 127.0.0.1:1" && tap_result OK "reason listed" || tap_result FAIL "reason listed" "$OUT"

expect_ok "retry to a file printer" "$AXW" printers retry --printer "file:$WORK/lp0"
check "retry printed both" "2 printed, 0 failed." "$OUT"
check "all done" "done" "$(sql "SELECT group_concat(DISTINCT status) FROM print_jobs")"
grep -q "$NO" "$WORK/lp0" && tap_result OK "receipt number on paper" || tap_result FAIL "receipt number on paper"
check "bytes start with init and Chinese mode" "1b401c26" "$(head -c 4 "$WORK/lp0" | od -An -tx1 | tr -d ' \n')"

expect_ok "test page to a file" "$AXW" printers test --printer "file:$WORK/test.bin" --width 58
expect_fail "bad width" "58 or 80" "$AXW" receipt "$NO" --width 70
expect_fail "unknown sale" "No sale" "$AXW" receipt NOPE --png "$WORK/x.png"
expect_fail "bad printer" "is not a printer" "$AXW" printers test --printer lpt1
"$AXW" receipt --help >/dev/null 2>&1; check "receipt --help is usage" 2 $?

tap_done
