#!/usr/bin/env bash
# End-to-end: sell and refund at fixed times, then shift, X, Z, range and
# claim reports through the CLI; the PDF must render (pdftoppm).
. "$(dirname "$0")/tap.sh"

"$AXW" init --demo >/dev/null
echo 8888 >"$WORK/mgr"
echo 1234 >"$WORK/pin"
D=2026-12-10

expect_ok "shift open with a float" sh -c "'$AXW' shift open --staff 小林 200 --at ${D}T08:00:00+08:00 <'$WORK/pin'"
expect_fail "second shift refused" "already open" sh -c "'$AXW' shift open --staff 小林 1 <'$WORK/pin'"
expect_ok "split sale with red packet" "$AXW" sell --at ${D}T10:00:00+08:00 --voucher HB20260001 --pay wechat:20,cash:50 --staff 小林 <"$CPIN" 6971234560018*2 6971234560025
SALE=$(echo "$OUT" | sed -n 's/.*"receipt_no":"\([^"]*\)".*/\1/p')
expect_ok "cash sale" "$AXW" sell --at ${D}T15:20:00+08:00 --pay cash:100 --staff 小林 <"$CPIN" 6971234560025
expect_fail "cash out needs a manager" "not a manager" sh -c "'$AXW' shift cash --staff 小林 -10 --reason 买水 <'$WORK/pin'"
expect_ok "cash out" sh -c "'$AXW' shift cash --staff 王店长 -30 --reason 买水 --at ${D}T16:00:00+08:00 <'$WORK/mgr'"

expect_ok "report x json" "$AXW" report x --format json
X="$OUT"
j () { python3 -c "import json,sys; d=json.loads(sys.argv[1]); print(eval(sys.argv[2]))" "$1" "$2"; }
check "x: totals add up" True "$(j "$X" "d['gross_fen']-d['promo_fen']-d['red_packet_fen']-d['refunds_fen']==d['total_fen']==sum(c['net_fen'] for c in d['categories'])==sum(h['total_fen'] for h in d['hours'])")"
check "x: payments = total + rounding" True "$(j "$X" "sum(d['payments'].values())==d['total_fen']+d['cash_rounding_fen']")"
check "x: total = sum of the sales" "$(sql "SELECT sum(total_fen) FROM sales")" "$(j "$X" "d['total_fen']")"
check "x: expected cash" "$((20000 - 3000 + $(sql "SELECT sum(amount_fen) FROM payments WHERE method='cash'")))" "$(j "$X" "d['cash']['expected_fen']")"

expect_ok "z closes the day" sh -c "'$AXW' report z --staff 王店长 --at ${D}T22:00:00+08:00 --format json <'$WORK/mgr'"
Z="$OUT"
check "z number 1" 1 "$(j "$Z" "d['z_number']")"
check "z stored as printed" "$Z" "$(sql "SELECT report_json FROM z_reports WHERE number = 1")"
expect_fail "z twice refused" "already closed" sh -c "'$AXW' report z --staff 王店长 --date $D --at ${D}T23:00:00+08:00 <'$WORK/mgr'"
expect_fail "closed sales cannot change" "closed day" sql "UPDATE sales SET total_fen = 0"
expect_fail "no new sale in a closed day" "already closed" "$AXW" sell --at ${D}T23:30:00+08:00 --pay cash:100 --staff 小林 <"$CPIN" 6971234560124

expect_ok "refund next day" sh -c "'$AXW' refund '$SALE' 1*1 --staff 王店长 --at 2026-12-11T09:00:00+08:00 <'$WORK/mgr'"
expect_ok "z reprint" "$AXW" report z --number 1 --format json
check "z reprint unchanged by the refund" "$Z" "$OUT"
expect_ok "range report" "$AXW" report range --from 2026-12-10 --to 2026-12-11 --format json
R="$OUT"
check "range: refund counted" 1 "$(j "$R" "d['refunds_count']")"
check "range: total = sales - refunds" "$(sql "SELECT sum(CASE kind WHEN 'refund' THEN -total_fen ELSE total_fen END) FROM sales")" "$(j "$R" "d['total_fen']")"
check "range: cashiers add up" True "$(j "$R" "sum(c['total_fen'] for c in d['cashiers'])==d['total_fen']")"
expect_ok "empty day" "$AXW" report range --from 2026-12-20 --to 2026-12-20 --format csv
check "empty day total 0" 'summary,total,0,0,0.00' "$(echo "$OUT" | grep '^summary,total' | tr -d '\r')"
expect_fail "bad date" "YYYY-MM-DD" "$AXW" report range --from 2026-13-01 --to 2026-12-20
expect_fail "bad format" "Unknown format" "$AXW" report range --from 2026-12-01 --to 2026-12-20 --format xls

expect_ok "58 mm text" "$AXW" report range --from 2026-12-10 --to 2026-12-11 --width 58
check "58 mm: no line wider than 32 columns" 0 "$(echo "$OUT" | python3 -c "import sys,unicodedata as u; print(sum(1 for l in sys.stdin if sum(2 if u.east_asian_width(c) in 'WF' else 1 for c in l.rstrip('\n'))>32))")"

expect_ok "58 mm preview PNG" "$AXW" report range --from 2026-12-10 --to 2026-12-11 --width 58 --format png --out "$WORK/p.png"
check "58 mm preview is 384 dots wide" 384 "$(python3 -c "import struct,sys; d=open(sys.argv[1],'rb').read(24); print(struct.unpack('>I', d[16:20])[0])" "$WORK/p.png")"
expect_ok "pdf" "$AXW" report range --from 2026-12-10 --to 2026-12-11 --format pdf --out "$WORK/r.pdf"
check "pdf magic" "%PDF-" "$(head -c 5 "$WORK/r.pdf")"
# poppler-utils comes with tools/install-deps.sh: without pdftoppm this fails, it does not skip
pdftoppm -png -r 60 -singlefile "$WORK/r.pdf" "$WORK/r" && [ -s "$WORK/r.png" ] \
  && tap_result OK "pdf renders to PNG" || tap_result FAIL "pdf renders to PNG (is pdftoppm installed?)"
[ -n "${AXW_PNG_DIR:-}" ] && cp "$WORK/r.png" "$AXW_PNG_DIR/report-pdf.png"

expect_ok "claim csv" "$AXW" report claim --funder 厦门市残疾人联合会 --from 2026-12-01 --to 2026-12-31
check "claim: sale and its reversal" 2 "$(echo "$OUT" | grep -c HB20260001)"
expect_ok "claim pdf" "$AXW" report claim --funder 厦门市残疾人联合会 --from 2026-12-01 --to 2026-12-31 --format pdf --out "$WORK/c.pdf"
check "claim file for its owner only" 600 "$(stat -c %a "$WORK/c.pdf")"
check "report file for its owner only" 600 "$(stat -c %a "$WORK/r.pdf")"

expect_ok "shift close with a count" sh -c "'$AXW' shift close --staff 小林 100:2,20:2,5:1 --at 2026-12-11T18:00:00+08:00 <'$WORK/pin'"
check "shift over/short" "$(( 24500 - $(j "$OUT" "d['expected_fen']") ))" "$(j "$OUT" "d['over_short_fen']")"
expect_fail "no shift open" "No shift is open" "$AXW" report x

# The shift's JSON is built by json-glib: a name with quotes and a backslash stays one string.
odd='小"王\'
printf '8888\n4321\n4321\n' >"$WORK/oddstaff"
"$AXW" staff add "$odd" --role cashier --staff 王店长 <"$WORK/oddstaff" >/dev/null
echo 4321 >"$WORK/oddpin"
expect_ok "shift open by a name with quotes" "$AXW" shift open --staff "$odd" 10 <"$WORK/oddpin"
check "the name survives the JSON" "$odd" "$(j "$OUT" "d['staff']")"
tap_done
