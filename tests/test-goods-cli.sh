#!/usr/bin/env bash
# End-to-end tests of goods in: suppliers, receive, deliveries return.
. "$(dirname "$0")/tap.sh"

expect_ok "init --demo" "$AXW" init --demo
expect_fail "suppliers add needs a manager" "needs a manager" "$AXW" suppliers add 和政县合作社 </dev/null
expect_fail "a cashier cannot add suppliers" "manager" "$AXW" suppliers add 和政县合作社 --staff 小林 <"$CPIN"
expect_ok "suppliers add" "$AXW" suppliers add 和政县合作社 --origin 甘肃和政县 --contact "马经理 0930-1234567" \
  --consignment --partner --staff 王店长 <"$MPIN"
check "suppliers add prints the supplier" "Supplier 1 和政县合作社 added." "$OUT"
expect_ok "a second supplier, bought outright" "$AXW" suppliers add 清流县食品公司 --origin 福建清流县 --staff 王店长 <"$MPIN"
expect_fail "a name is taken once" "already a supplier" "$AXW" suppliers add 和政县合作社 --staff 王店长 <"$MPIN"
expect_ok "suppliers list" "$AXW" suppliers list
check "suppliers list" "1	和政县合作社	甘肃和政县	马经理 0930-1234567	consignment	partner
2	清流县食品公司	福建清流县		outright" "$OUT"
check "audited in the manager's name" 2 "$(sql "SELECT count(*) FROM audit_log WHERE action = 'supplier.add' AND staff = '王店长'")"

printf 'barcode,name,price,supplier,cost\n6971234560018,赤松茸,28,和政县合作社,18.5\n' >"$WORK/sup.csv"
expect_ok "products import names the supplier and the cost" "$AXW" products import "$WORK/sup.csv" --staff 王店长 <"$MPIN"
check "supplier and cost stored" "1:1850" "$(sql "SELECT supplier_id || ':' || cost_fen FROM products WHERE barcode = '6971234560018'")"
printf 'barcode,name,price\n6971234560018,赤松茸,29\n' >"$WORK/price.csv"
expect_ok "a price list" "$AXW" products import "$WORK/price.csv" --staff 王店长 <"$MPIN"
check "a price list keeps supplier and cost" "1:1850:2900" "$(sql "SELECT supplier_id || ':' || cost_fen || ':' || price_fen FROM products WHERE barcode = '6971234560018'")"

cat >"$WORK/d.csv" <<'CSV'
barcode,plu,qty,cost
6971234560018,,12,18.5
,1001,2.345,16.3
CSV
before_kg=$(sql "SELECT stock_milli FROM products WHERE plu = '1001'")
expect_fail "receive needs a manager" "needs a manager" "$AXW" receive "$WORK/d.csv" --supplier 和政县合作社 </dev/null
expect_fail "receive needs --supplier" "Usage" "$AXW" receive "$WORK/d.csv" --staff 王店长 <"$MPIN"
expect_ok "receive" "$AXW" receive "$WORK/d.csv" --supplier 和政县合作社 --date 2026-12-05 --staff 王店长 <"$MPIN"
check "receive prints the delivery" "Delivery 1 received: 2 lines, cost ¥260.22." "$OUT"
check "stock up by 12 pieces" 62000 "$(sql "SELECT stock_milli FROM products WHERE barcode = '6971234560018'")"
check "stock up by 2.345 kg" $((before_kg + 2345)) "$(sql "SELECT stock_milli FROM products WHERE plu = '1001'")"
check "each line audited" 2 "$(sql "SELECT count(*) FROM audit_log WHERE action = 'stock.adjust' AND staff = '王店长' AND detail LIKE '%delivery 1 from 和政县合作社'")"
check "the delivery audited as the Goods in page audits it" 1 "$(sql "SELECT count(*) FROM audit_log WHERE action = 'delivery.receive' AND detail = 'delivery 1 from 和政县合作社 on 2026-12-05: 2 lines, cost 260.22'")"

printf 'barcode,plu,qty,cost\n6971234560018,,1,1\n6971234560025,,1.5,1\n' >"$WORK/bad.csv"
expect_fail "a bad row names row and column" "Row 2 (line 3), column “qty”: 藜麦粥 is counted in whole pieces. Nothing was received." \
  "$AXW" receive "$WORK/bad.csv" --supplier 和政县合作社 --staff 王店长 <"$MPIN"
expect_fail "an unknown supplier" "no supplier “没有”" "$AXW" receive "$WORK/d.csv" --supplier 没有 --staff 王店长 <"$MPIN"
check "refused deliveries changed nothing" "1:62000" "$(sql "SELECT count(*) FROM deliveries"):$(sql "SELECT stock_milli FROM products WHERE barcode = '6971234560018'")"

expect_ok "return part of a line" "$AXW" deliveries return 1 2*1 --staff 王店长 <"$MPIN"
check "return prints" "Return 2 of delivery 1 recorded." "$OUT"
expect_fail "never more back than came in" "at most 1.345" "$AXW" deliveries return 1 2*2 --staff 王店长 <"$MPIN"
expect_ok "return the rest" "$AXW" deliveries return 1 --staff 王店长 <"$MPIN"
check "stock back where it was" "50000:$before_kg" "$(sql "SELECT stock_milli FROM products WHERE barcode = '6971234560018'"):$(sql "SELECT stock_milli FROM products WHERE plu = '1001'")"
expect_ok "deliveries list" "$AXW" deliveries list
check "deliveries list, newest first" "Return 3 of delivery 1, $(sql "SELECT delivered_on FROM deliveries WHERE id = 3"), 和政县合作社: 2 lines, ¥243.92
Return 2 of delivery 1, $(sql "SELECT delivered_on FROM deliveries WHERE id = 2"), 和政县合作社: 1 lines, ¥16.30
Delivery 1, 2026-12-05, 和政县合作社: 2 lines, ¥260.22" "$OUT"

# Consignment settlement: two sold on the 3rd at ¥18.50 cost; one refunded on the 6th
expect_ok "a sale of consignment goods" "$AXW" sell --at 2026-12-03T10:00:00+08:00 --pay cash:100 --staff 小林 6971234560018*2 <"$CPIN"
receipt=$(echo "$OUT" | sed -n 's/.*"receipt_no":"\([^"]*\)".*/\1/p' | head -1)
expect_fail "settle needs a manager" "needs a manager" "$AXW" consignment settle --supplier 和政县合作社 --from 2026-12-01 --to 2026-12-05 </dev/null
expect_ok "preview" "$AXW" consignment preview --supplier 和政县合作社 --from 2026-12-01 --to 2026-12-05
check "preview owes 2 × ¥18.50" "Owed to 和政县合作社: ¥37.00 (1 lines)" "$(echo "$OUT" | tail -1)"
expect_ok "settle" "$AXW" consignment settle --supplier 和政县合作社 --from 2026-12-01 --to 2026-12-05 --staff 王店长 <"$MPIN"
check "settled as number 1" "Consignment settlement 1: 和政县合作社, 2026-12-01 – 2026-12-05" "$(echo "$OUT" | head -1 | sed 's/, settled .*//')"
expect_fail "a period settled twice is refused" "left to settle" "$AXW" consignment settle --supplier 和政县合作社 --from 2026-12-01 --to 2026-12-05 --staff 王店长 <"$MPIN"
expect_ok "refund one after the settlement" "$AXW" refund "$receipt" 1*1 --at 2026-12-06T10:00:00+08:00 --staff 王店长 <"$MPIN"
expect_ok "the next period" "$AXW" consignment settle --supplier 和政县合作社 --from 2026-12-06 --to 2026-12-31 --format csv --staff 王店长 <"$MPIN"
check "the refund is taken off in the next period" "2,和政县合作社,,,total,-1,,-18.50" "$(echo "$OUT" | tail -1 | tr -d '\r')"
expect_ok "show as PDF" "$AXW" consignment show 1 --format pdf --out "$WORK/s1.pdf"
check "a PDF" "%PDF" "$(head -c 4 "$WORK/s1.pdf")"
expect_fail "an unknown settlement" "no settlement 9" "$AXW" consignment show 9

expect_ok "the 消费扶贫 report" "$AXW" suppliers report --from 2026-12-01 --to 2026-12-31 --format csv
# paid ¥50.40 (爱心月 10 %), ¥24.30 refunded; cost 2 × ¥18.50 − ¥18.50
check "by county and product, net of the refund" "甘肃和政,赤松茸,consignment,1,26.10,18.50," "$(echo "$OUT" | sed -n 2p | tr -d '\r')"
expect_fail "a period the wrong way round" "swap the dates" "$AXW" suppliers report --from 2026-12-31 --to 2026-12-01

printf 'barcode,name,price,low_stock\n6971234560025,藜麦粥,12.8,100\n' >"$WORK/low.csv"
expect_ok "a low-stock threshold from the CSV" "$AXW" products import "$WORK/low.csv" --staff 王店长 <"$MPIN"
expect_ok "products low-stock" "$AXW" products low-stock
check "the low-stock list" "6971234560025 藜麦粥: 80 in stock, low at 100" "$OUT"

tap_done
