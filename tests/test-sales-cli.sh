#!/usr/bin/env bash
# End-to-end tests of quote, sell, refund and vouchers on a real SQLite file,
# including two processes racing for one red packet and SIGKILLs mid-commit.
. "$(dirname "$0")/tap.sh"

"$AXW" init --demo >/dev/null
AT=2026-12-12T10:00:00+08:00
echo 8888 >"$WORK/mgr"

expect_ok "quote prices a basket" "$AXW" quote --at "$AT" --voucher HB20260001 6971234560018*2
check "quote JSON (docs/design.md §12 example)" \
  '{"business_date":"2026-12-12","lines":[{"line":1,"barcode":"6971234560018","name":"赤松茸","qty_milli":2000,"unit_price_fen":2800,"gross_fen":5600,"promo_fen":560,"promotion":"爱心月","net_fen":5040,"aid_eligible":true,"red_packet_fen":1000,"pay_fen":4040}],"gross_fen":5600,"promo_fen":560,"net_fen":5040,"red_packet":{"code":"HB20260001","accepted":true,"reason":null,"discount_fen":1000,"campaign":"2026惠民助残红包","funder":"厦门市残疾人联合会"},"total_fen":4040,"cash_total_fen":4040}' \
  "$OUT"
check "quote wrote nothing" 0 "$(sql 'SELECT count(*) FROM sales')"

expect_ok "quote with a refused red packet" "$AXW" quote --at 2027-01-05T10:00:00+08:00 --voucher HB20260001 6971234560018
echo "$OUT" | grep -q '"accepted":false,"reason":"expired"' && tap_result OK "expired reason in JSON" || tap_result FAIL "expired reason in JSON" "$OUT"
# a red packet among the items is taken as the red packet, as at the counter
expect_ok "red packet among the items" "$AXW" quote --at "$AT" 6971234560018*2 HB20260001
echo "$OUT" | grep -q '"red_packet":{"code":"HB20260001","accepted":true' && tap_result OK "item red packet applied" || tap_result FAIL "item red packet applied" "$OUT"
expect_fail "unknown HB code is no red packet" "nor a red packet" "$AXW" quote --at "$AT" 6971234560018 HB20269999
expect_fail "red packet item and --voucher: one per sale" "one_per_sale" "$AXW" quote --at "$AT" --voucher HB20260003 6971234560018 HB20260001
expect_fail "second red packet refused" "one_per_sale" "$AXW" quote --at "$AT" --voucher HB20260001 --voucher HB20260003 6971234560018
expect_fail "bad check digit" "check digit should be 8" "$AXW" quote 6971234560019
expect_fail "unknown barcode" "not in the catalog" "$AXW" quote 6970000000000
expect_fail "payment code is not a product" "payment code" "$AXW" quote 134567890123456789
expect_fail "bad quantity" "not a valid quantity" "$AXW" quote 6971234560018*x
expect_fail "bad time" "not a time with an offset" "$AXW" quote --at yesterday 6971234560018

expect_fail "sell: payment short" "short" "$AXW" sell --at "$AT" --pay cash:10 --staff 小林 <"$CPIN" 6971234560018
expect_fail "sell: unknown staff" "no staff member" "$AXW" sell --at "$AT" --pay cash:100 --staff 某人 <"$CPIN" 6971234560018
expect_fail "sell: bad method" "METHOD" "$AXW" sell --at "$AT" --pay bitcoin:100 --staff 小林 <"$CPIN" 6971234560018
expect_fail "sell: change from wechat refused" "only given from cash" "$AXW" sell --at "$AT" --pay wechat:100 --staff 小林 <"$CPIN" 6971234560018
expect_fail "sell: expired red packet" "expired" "$AXW" sell --at 2027-01-05T10:00:00+08:00 --voucher HB20260001 --pay cash:100 --staff 小林 <"$CPIN" 6971234560018
expect_fail "sell: the cashier's wrong PIN" "Wrong PIN" "$AXW" sell --pay cash:100 --staff 小林 6971234560018 <"$MPIN"
expect_fail "sell: no PIN, no sale" "No PIN" "$AXW" sell --pay cash:100 --staff 小林 6971234560018 </dev/null
# Backdating money: only a manager (or tests, with AIXINWU_ALLOW_AT=1)
expect_fail "sell --at: a cashier may not backdate" "Only a manager" \
  env -u AIXINWU_ALLOW_AT "$AXW" sell --at "$AT" --pay cash:100 --staff 小林 6971234560018 <"$CPIN"
check "failed sells wrote nothing" "0|0|50000" "$(sql "SELECT (SELECT count(*) FROM sales), (SELECT count(*) FROM redemptions), (SELECT stock_milli FROM products WHERE barcode='6971234560018')")"

expect_ok "sell with split payment" "$AXW" sell --at "$AT" --voucher HB20260001 --pay wechat:20,cash:50 --staff 小林 <"$CPIN" 6971234560018*2 6971234560025
SALE=$(echo "$OUT" | sed -n 's/.*"receipt_no":"\([^"]*\)".*/\1/p')
check "receipt number" "S01-T01-20261212-0001" "$SALE"
echo "$OUT" | grep -q '"change_fen":1808' && tap_result OK "change from cash" || tap_result FAIL "change from cash" "$OUT"
check "stock decremented" 48000 "$(sql "SELECT stock_milli FROM products WHERE barcode='6971234560018'")"
check "sum of line pay = total" "$(sql "SELECT total_fen FROM sales")" "$(sql "SELECT sum(pay_fen) FROM sale_lines")"

expect_fail "refund: wrong PIN" "Wrong PIN" sh -c "echo 0000 | '$AXW' refund '$SALE' 1 --staff 王店长"
expect_fail "refund: cashier may not" "not a manager" sh -c "echo 1234 | '$AXW' refund '$SALE' 1 --staff 小林"
expect_fail "refund: more than sold" "left to refund" sh -c "'$AXW' refund '$SALE' 1*3 --staff 王店长 <'$WORK/mgr'"
expect_ok "refund one piece" sh -c "'$AXW' refund '$SALE' 1*1 --staff 王店长 --at 2026-12-13T09:00:00+08:00 <'$WORK/mgr'"
echo "$OUT" | grep -q '"kind":"refund"' && tap_result OK "refund document" || tap_result FAIL "refund document" "$OUT"
expect_ok "refund the rest (a manager may date it)" env -u AIXINWU_ALLOW_AT "$AXW" refund "$SALE" --staff 王店长 --at 2026-12-13T09:00:00+08:00 <"$MPIN"
check "everything came back" "$(sql "SELECT total_fen + cash_rounding_fen FROM sales WHERE kind='sale'")" \
  "$(sql "SELECT sum(amount_fen) FROM payments p JOIN sales s ON s.id=p.sale_id WHERE s.kind='refund'")"
check "stock back" 50000 "$(sql "SELECT stock_milli FROM products WHERE barcode='6971234560018'")"

# void: a whole sale back, with the manager's reason; return without a receipt
expect_ok "sell to void" "$AXW" sell --at "$AT" --pay cash:100 --staff 小林 <"$CPIN" 6971234560025
VOID=$(echo "$OUT" | sed -n 's/.*"receipt_no":"\([^"]*\)".*/\1/p')
expect_fail "void: reason required" "Usage" sh -c "'$AXW' void '$VOID' --staff 王店长 <'$WORK/mgr'"
expect_fail "void: cashier may not" "not a manager" sh -c "echo 1234 | '$AXW' void '$VOID' --staff 小林 --reason x"
expect_ok "void" sh -c "'$AXW' void '$VOID' --staff 王店长 --reason 'wrong goods' --at '$AT' <'$WORK/mgr'"
echo "$OUT" | grep -q '"kind":"refund"' && tap_result OK "void is a refund" || tap_result FAIL "void is a refund" "$OUT"
check "void audited" 1 "$(sql "SELECT count(*) FROM audit_log WHERE action='void' AND staff='王店长' AND detail LIKE '$VOID %: wrong goods'")"
expect_fail "void twice" "Nothing is left" sh -c "'$AXW' void '$VOID' --staff 王店长 --reason again <'$WORK/mgr'"
expect_ok "return without receipt" sh -c "'$AXW' return 6971234560018*2 --staff 王店长 --reason 'no receipt' --at '$AT' <'$WORK/mgr'"
echo "$OUT" | grep -q '"refund_of":null' && echo "$OUT" | grep -q '"total_fen":5600' \
  && tap_result OK "return: catalog price, no original" || tap_result FAIL "return: catalog price, no original" "$OUT"
check "return: stock back" 52000 "$(sql "SELECT stock_milli FROM products WHERE barcode='6971234560018'")"

printf 'code,campaign,funder,face,min_spend,valid_from,valid_to,scope\nR1,春节,市残联,5,0,2026-01-01,2026-12-31,all\nR1,春节,市残联,5,0,2026-01-01,2026-12-31,all\n' >"$WORK/dup.csv"
expect_fail "vouchers: duplicate code refused" "also in row 1" "$AXW" vouchers import "$WORK/dup.csv" --staff 王店长 <"$MPIN"
printf 'code,campaign,funder,face,valid_from,valid_to\nR2,春节,市残联,abc,2026-01-01,2026-12-31\n' >"$WORK/bad.csv"
expect_fail "vouchers: bad face" "column “face”" "$AXW" vouchers import "$WORK/bad.csv" --staff 王店长 <"$MPIN"
expect_fail "vouchers: bad key" "Ed25519 public key" "$AXW" vouchers trust 市残联 abc --staff 王店长 <"$MPIN"
KEY=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=
expect_ok "vouchers trust" "$AXW" vouchers trust 市残联 "$KEY" --staff 王店长 <"$MPIN"
expect_ok "vouchers keys" "$AXW" vouchers keys
check "keys lists the key" "市残联 $KEY" "$(echo "$OUT" | cut -f1,2 | tr '\t' ' ')"
check "keys: when, on the shop's clock" "1" "$(echo "$OUT" | cut -f3 | grep -c -E '^[0-9-]{10}T[0-9:]{8}\+08:00$')"
expect_fail "vouchers untrust unknown" "no trusted key" "$AXW" vouchers untrust 别人 "$KEY" --staff 王店长 <"$MPIN"
expect_ok "vouchers untrust" "$AXW" vouchers untrust 市残联 "$KEY" --staff 王店长 <"$MPIN"
check "key gone" 0 "$(sql 'SELECT count(*) FROM funder_keys')"
expect_ok "vouchers check" "$AXW" vouchers check HB20260003 --at "$AT"
expect_fail "vouchers check spent" "already_redeemed" "$AXW" vouchers check HB20260001 --at "$AT"

# Two processes race for one red packet on one file, ten times: one wins each time.
wins=0; losses=0
for i in $(seq 5 14); do
  code=$(printf 'HB2026%04d' "$i")
  "$AXW" sell --at "$AT" --voucher "$code" --pay cash:100 --staff 小林 <"$CPIN" 6971234560018*2 >"$WORK/a.$i" 2>"$WORK/ae.$i" &
  p1=$!
  "$AXW" sell --at "$AT" --voucher "$code" --pay cash:100 --staff 小林 <"$CPIN" 6971234560018*2 >"$WORK/b.$i" 2>"$WORK/be.$i" &
  p2=$!
  wait $p1; r1=$?; wait $p2; r2=$?
  [ $((r1 + r2)) -eq 1 ] && wins=$((wins + 1))
  grep -qh already_redeemed "$WORK/ae.$i" "$WORK/be.$i" && losses=$((losses + 1))
done
check "race: exactly one winner each time" "10 10" "$wins $losses"
check "race: each code redeemed once" 10 "$(sql "SELECT count(*) FROM redemptions WHERE code BETWEEN 'HB20260005' AND 'HB20260014'")"

# SIGKILL a stream of sells at random moments: every acknowledged sale survives.
: >"$WORK/acked"
killed=0
for i in $(seq 1 120); do
  "$AXW" sell --at "$AT" --pay cash:20 --staff 小林 <"$CPIN" 6971234560124 >"$WORK/k.out" 2>/dev/null &
  pid=$!
  sleep "0.0$((RANDOM % 10))$((RANDOM % 10))"
  kill -9 $pid 2>/dev/null && killed=$((killed + 1))
  wait $pid 2>/dev/null
  sed -n 's/.*"uuid":"\([^"]*\)".*/\1/p' "$WORK/k.out" >>"$WORK/acked"
done
acked=$(wc -l <"$WORK/acked")
missing=0
while read -r u; do
  [ "$(sql "SELECT count(*) FROM sales WHERE uuid='$u'")" = 1 ] || missing=$((missing + 1))
done <"$WORK/acked"
echo "# SIGKILL stream: $acked acknowledged, $killed kill signals delivered"
check "every acknowledged sale survived ($acked acked)" 0 "$missing"
check "integrity after kills" ok "$(sql 'PRAGMA integrity_check')"
check "no half-written sale" 0 "$(sql "SELECT count(*) FROM sales s WHERE NOT EXISTS (SELECT 1 FROM sale_lines l WHERE l.sale_id=s.id) OR NOT EXISTS (SELECT 1 FROM outbox o WHERE o.sale_id=s.id)")"

tap_done
