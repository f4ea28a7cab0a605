#!/usr/bin/env bash
# Donations (docs/design.md §15) end to end on a real SQLite file: funds,
# 一元捐 and round-up in quote and sell, stored apart from the goods, and
# given back only with the whole sale.
. "$(dirname "$0")/tap.sh"

"$AXW" init --demo >/dev/null
AT=2026-12-12T10:00:00+08:00
FUND=集美区助残爱心基金

# Funds
expect_ok "demo fund listed" "$AXW" funds list
check "demo fund" "$FUND	集美区残疾人家庭的康复辅具与助学	active" "$OUT"
expect_fail "funds add needs a manager" "needs a manager" "$AXW" funds add 新基金 受助人
expect_fail "funds add: a cashier may not" "not a manager" "$AXW" funds add 新基金 受助人 --staff 小林 <"$CPIN"
expect_fail "funds add: same name" "already a fund named" "$AXW" funds add "$FUND" x --staff 王店长 <"$MPIN"
check "refused adds changed nothing" 1 "$(sql 'SELECT count(*) FROM funds')"
expect_ok "funds add" "$AXW" funds add 思明区助学基金 思明区残疾人家庭的孩子 --staff 王店长 <"$MPIN"
check "fund add audited" 1 "$(sql "SELECT count(*) FROM audit_log WHERE action = 'fund.add' AND staff = '王店长' AND detail = '思明区助学基金: 思明区残疾人家庭的孩子'")"

# With two active funds, a round-up needs the setting donation.fund
expect_fail "round-up: two funds and no setting" "Several funds" "$AXW" quote --at "$AT" --round-up 1 6971234560018
expect_ok "funds end" "$AXW" funds end 思明区助学基金 --staff 王店长 <"$MPIN"
check "fund end audited" 1 "$(sql "SELECT count(*) FROM audit_log WHERE action = 'fund.end' AND detail = '思明区助学基金'")"
expect_fail "an ended fund takes nothing" "takes no donations" "$AXW" quote --at "$AT" --donate 思明区助学基金:1 6971234560018
expect_fail "funds end twice" "no active fund" "$AXW" funds end 思明区助学基金 --staff 王店长 <"$MPIN"

# Quote: 赤松茸 ¥28 − 爱心月 10 % = ¥25.20, + ¥1
expect_ok "quote with 一元捐" "$AXW" quote --at "$AT" --donate "$FUND:1" 6971234560018
echo "$OUT" | grep -q '"net_fen":2520,"red_packet":null,"donation_fen":100,"donation_fund":"集美区助残爱心基金","total_fen":2620,"cash_total_fen":2620}' \
  && tap_result OK "quote JSON has the donation" || tap_result FAIL "quote JSON has the donation" "$OUT"
expect_ok "quote with round-up to ten yuan" "$AXW" quote --at "$AT" --round-up 10 6971234560018
echo "$OUT" | grep -q '"donation_fen":480,"donation_fund":"集美区助残爱心基金","total_fen":3000,' \
  && tap_result OK "round-up to ¥30" || tap_result FAIL "round-up to ¥30" "$OUT"
expect_ok "quote without a donation has no donation fields" "$AXW" quote --at "$AT" 6971234560018
echo "$OUT" | grep -q donation && tap_result FAIL "no donation fields" "$OUT" || tap_result OK "no donation fields"
expect_fail "both --donate and --round-up" "One donation per sale" "$AXW" quote --donate 1 --round-up 1 6971234560018
expect_fail "--round-up 5" "takes 1" "$AXW" quote --round-up 5 6971234560018
expect_fail "a donation of 0" "above 0" "$AXW" quote --donate "$FUND:0" 6971234560018
expect_fail "unknown fund" "takes no donations" "$AXW" quote --donate 无此基金:1 6971234560018
expect_fail "a donation alone is no sale" "at least one item" "$AXW" quote --donate 1

# Sell: the red packet's share is the same with or without the donation
expect_ok "sell with round-up, red packet and split payment" sh -c "'$AXW' sell --at '$AT' --round-up 1 \
  --voucher HB20260001 --pay wechat:20,cash:40 --staff 小林 6971234560018*2 6971234560025 <'$CPIN'"
SALE=$(echo "$OUT" | sed -n 's/.*"receipt_no":"\([^"]*\)".*/\1/p')
# 5040 + 1152 − 1000 = 5192, rounded up to 5200
echo "$OUT" | grep -q '"red_packet_fen":814,"pay_fen":4226}.*"red_packet_fen":186,"pay_fen":966}.*"donation_fen":8,"donation_fund":"集美区助残爱心基金","total_fen":5200,' \
  && tap_result OK "sell JSON: shares unchanged, donation 8 fen" || tap_result FAIL "sell JSON" "$OUT"
check "donation stored apart" "$FUND|8" "$(sql "SELECT f.name, d.amount_fen FROM donations d JOIN funds f ON f.id = d.fund_id JOIN sales s ON s.id = d.sale_id WHERE s.receipt_no = '$SALE'")"
check "payments = total" 5200 "$(sql "SELECT sum(p.amount_fen) FROM payments p JOIN sales s ON s.id = p.sale_id WHERE s.receipt_no = '$SALE'")"
check "no stock taken for the donation" 2 "$(sql "SELECT count(*) FROM sale_lines l JOIN sales s ON s.id = l.sale_id WHERE s.receipt_no = '$SALE'")"

# Refunds: a part leaves the donation, the rest gives it back
expect_ok "refund one piece" sh -c "'$AXW' refund '$SALE' 1*1 --staff 王店长 --at 2026-12-13T09:00:00+08:00 <'$MPIN'"
echo "$OUT" | grep -q donation && tap_result FAIL "part refund keeps the donation" "$OUT" || tap_result OK "part refund keeps the donation"
expect_ok "refund the rest" sh -c "'$AXW' refund '$SALE' --staff 王店长 --at 2026-12-14T09:00:00+08:00 <'$MPIN'"
echo "$OUT" | grep -q '"donation_fen":8,"donation_fund":"集美区助残爱心基金"' \
  && tap_result OK "the last refund gives the donation back" || tap_result FAIL "the last refund gives the donation back" "$OUT"
check "refunds return all that was paid" 5200 "$(sql "SELECT sum(p.amount_fen) FROM payments p JOIN sales s ON s.id = p.sale_id WHERE s.kind = 'refund'")"
check "the donation's refund is dated the refund's day" "2026-12-14|8" "$(sql "SELECT s.business_date, d.amount_fen FROM donations d JOIN sales s ON s.id = d.sale_id WHERE s.kind = 'refund'")"

# Cash rounding never takes from the donation
expect_ok "cash rounding setting" "$AXW" settings set cash_rounding down_jiao --staff 王店长 <"$MPIN"
expect_ok "sell ¥1 donation in cash" sh -c "'$AXW' sell --at '$AT' --donate 1 --pay cash:50 --staff 小林 6971234560025 <'$CPIN'"
# 藜麦粥 ¥12.80 − 10 % = ¥11.52 → ¥11.50 in cash, + ¥1.00
echo "$OUT" | grep -q '"donation_fen":100,.*"total_fen":1252,.*"amount_fen":1250,"tendered_fen":5000}\],"change_fen":3750,"cash_rounding_fen":-2}' \
  && tap_result OK "rounding on the goods only" || tap_result FAIL "rounding on the goods only" "$OUT"

# Reports: donations apart from revenue, the sums add up, a stored Z rebuilds the same
expect_ok "Z of the day with donations" sh -c "'$AXW' report z --staff 王店长 --date 2026-12-12 --at 2026-12-12T22:00:00+08:00 --format json <'$MPIN'"
Z="$OUT"
# revenue 5192 + 1152; payments 5200 + 1250 = 6344 + 108 − 2
echo "$Z" | grep -q '"total_fen":6344,"refunds_fen":0,"cash_rounding_fen":-2,"payments":{"cash":4450,"wechat":2000,"alipay":0,"unionpay":0}' \
  && tap_result OK "Z: revenue without the donations" || tap_result FAIL "Z: revenue without the donations" "$Z"
echo "$Z" | grep -q '"donation_fen":108,"donations":\[{"fund":"集美区助残爱心基金","count":2,"amount_fen":108}\]' \
  && tap_result OK "Z: donations per fund" || tap_result FAIL "Z: donations per fund" "$Z"
expect_ok "Z again by number" "$AXW" report z --number 1 --format json
check "the stored Z is what was printed" "$Z" "$OUT"
check "the stored Z is what a rebuild gives" "$(sql 'SELECT report_json FROM z_reports WHERE number = 1')" "$Z"
expect_ok "range of the refund's day" "$AXW" report range --from 2026-12-14 --to 2026-12-14 --format json
echo "$OUT" | grep -q '"donation_fen":-8,"donations":\[{"fund":"集美区助残爱心基金","count":-1,"amount_fen":-8}\]' \
  && tap_result OK "the refund takes the donation back on its own day" || tap_result FAIL "the refund takes the donation back on its own day" "$OUT"
expect_ok "range without donations" "$AXW" report range --from 2026-12-13 --to 2026-12-13 --format json
echo "$OUT" | grep -q donation && tap_result FAIL "no donations section without donations" "$OUT" || tap_result OK "no donations section without donations"
expect_ok "range report as text" "$AXW" report range --from 2026-12-12 --to 2026-12-14 --width 80
echo "$OUT" | grep -q '集美区助残爱心基金 x1' && tap_result OK "text report lists the fund" || tap_result FAIL "text report lists the fund" "$OUT"
expect_fail "a closed day's donation cannot change" "closed day" sql "UPDATE donations SET amount_fen = 1 WHERE sale_id = 1"

# Export: every document has a donation (or null) and every line a fund (or null)
expect_ok "export" "$AXW" export --out "$WORK/exp"
DOCS=$(cat "$WORK"/exp/sales-*.jsonl)
check "documents exported" 4 "$(echo "$DOCS" | wc -l)"
check "each document has donation" 4 "$(echo "$DOCS" | grep -c '"red_packet":[^]]*,"donation":\(null\|{"fund":"[^"]*","amount_fen":[0-9]*}\),"total_fen"')"
check "each line has a fund" 0 "$(echo "$DOCS" | grep -o '"pay_fen":[0-9]*[,}]' | grep -vc '"pay_fen":[0-9]*,')"
echo "$DOCS" | grep "\"receipt_no\":\"$SALE\"" | grep -q '"pay_fen":966,"fund":null}\],"gross_fen":6880,.*"donation":{"fund":"集美区助残爱心基金","amount_fen":8},"total_fen":5200,' \
  && tap_result OK "the sale's document carries the donation" || tap_result FAIL "the sale's document carries the donation" "$DOCS"
check "the refunds: null, then the donation back" 'null
{"fund":"集美区助残爱心基金","amount_fen":8}' "$(echo "$DOCS" | grep '"kind":"refund"' | sed 's/.*"donation":\(null\|{[^}]*}\),"total_fen".*/\1/')"

# The donation book: every donation and every one given back, adding up to the donation rows
expect_ok "donation book as CSV" "$AXW" report donations --fund "$FUND" --from 2026-12-01 --to 2026-12-31 --format csv
check "donation book CSV" "date,receipt_no,amount,method,refund_of
2026-12-12,$SALE,0.08,cash+wechat,
2026-12-12,S01-T01-20261212-0002,1.00,cash,
2026-12-14,S01-T01-20261214-0001,-0.08,cash+wechat,$SALE
TOTAL,,1.00,," "$(echo "$OUT" | tr -d '\r')"
expect_ok "donation book as JSON" "$AXW" report donations --fund "$FUND" --from 2026-12-01 --to 2026-12-31 --format json
check "the book's total is the sum of the donations" \
  "$(sql "SELECT sum(CASE s.kind WHEN 'refund' THEN -d.amount_fen ELSE d.amount_fen END) FROM donations d JOIN sales s ON s.id = d.sale_id")" \
  "$(echo "$OUT" | sed -n 's/.*"count":3,"total_fen":\([-0-9]*\),.*/\1/p')"
echo "$OUT" | grep -qi 'staff\|小林\|customer' && tap_result FAIL "no people in the book" "$OUT" || tap_result OK "no people in the book"
expect_ok "the day's book equals the Z's donations" "$AXW" report donations --fund "$FUND" --from 2026-12-12 --to 2026-12-12 --format json
check "book of the closed day" 108 "$(echo "$OUT" | sed -n 's/.*"total_fen":\([-0-9]*\),.*/\1/p')"
expect_ok "donation book as PDF" "$AXW" report donations --fund "$FUND" --from 2026-12-01 --to 2026-12-31 --format pdf --out "$WORK/book.pdf"
TEXT=$(pdftotext -layout "$WORK/book.pdf" - 2>&1)
echo "$TEXT" | grep -q "$FUND" && echo "$TEXT" | grep -q "$SALE" && echo "$TEXT" | grep -q '¥1.00 (3 ' \
  && tap_result OK "the PDF has the fund, the receipts and the total" || tap_result FAIL "the PDF has the fund, the receipts and the total" "$TEXT"
expect_fail "book of an unknown fund" "no fund named" "$AXW" report donations --fund 无此基金 --from 2026-12-01 --to 2026-12-31
expect_fail "book with a bad date" "YYYY-MM-DD" "$AXW" report donations --fund "$FUND" --from 2026-12-01 --to 2026-13-01
expect_fail "book in a format it has not" "csv, json or pdf" "$AXW" report donations --fund "$FUND" --from 2026-12-01 --to 2026-12-31 --format png

# Charity goods (爱心义卖): the fund column, kept when a file leaves it out
printf 'barcode,name,price,fund\n6971234560124,爱心帆布袋,12.00,%s\n' "$FUND" >"$WORK/charity.csv"
printf 'barcode,name,price,fund\n6971234560124,爱心帆布袋,12.00,无此基金\n' >"$WORK/nofund.csv"
printf 'barcode,name,price\n6971234560124,爱心帆布袋,13.00\n' >"$WORK/prices.csv"
printf 'barcode,name,price,aid_eligible,fund_discounts\n6971234560018,赤松茸,28.00,1,yes\n' >"$WORK/baddisc.csv"
expect_fail "import: unknown fund" "column “fund”: there is no fund named 无此基金" "$AXW" products import "$WORK/nofund.csv" --staff 王店长 <"$MPIN"
expect_fail "import: bad fund_discounts" "column “fund_discounts”" "$AXW" products import "$WORK/baddisc.csv" --staff 王店长 <"$MPIN"
check "refused imports changed nothing" "" "$(sql "SELECT fund_id FROM products WHERE barcode = '6971234560124'")"
expect_ok "import: the bag's proceeds go to the fund" "$AXW" products import "$WORK/charity.csv" --staff 王店长 <"$MPIN"
expect_ok "import without the fund column" "$AXW" products import "$WORK/prices.csv" --staff 王店长 <"$MPIN"
check "the fund is kept" "$FUND|1300" "$(sql "SELECT f.name, p.price_fen FROM products p JOIN funds f ON f.id = p.fund_id WHERE p.barcode = '6971234560124'")"
# 新春 (8 % on all goods) and a red packet on all goods would apply to the bag, but not to charity goods
expect_ok "quote charity goods on a promotion day" "$AXW" quote --at 2027-02-01T10:00:00+08:00 6971234560124
echo "$OUT" | grep -q '"gross_fen":1300,"promo_fen":0,"promotion":null,"net_fen":1300,"aid_eligible":false,"red_packet_fen":0,"pay_fen":1300,"fund":"集美区助残爱心基金"}' \
  && tap_result OK "no promotion on charity goods, the line names its fund" || tap_result FAIL "no promotion on charity goods" "$OUT"
expect_ok "sell charity goods" sh -c "'$AXW' sell --at 2026-12-20T10:00:00+08:00 --pay cash:13 --staff 小林 6971234560124 <'$CPIN'"
check "the line keeps its fund" "$FUND" "$(sql "SELECT fund FROM sale_lines WHERE barcode = '6971234560124'")"
expect_ok "export the charity sale" "$AXW" export --out "$WORK/exp"
tail -n 1 "$WORK"/exp/sales-*.jsonl | grep -q '"pay_fen":1300,"fund":"集美区助残爱心基金"}' \
  && tap_result OK "the document's line carries the fund" || tap_result FAIL "the document's line carries the fund" "$(tail -n 1 "$WORK"/exp/sales-*.jsonl)"

# Reports: charity goods are the fund's, not revenue; payments = revenue + charity + donations + rounding
expect_ok "sell goods, charity goods and a donation" sh -c "'$AXW' sell --at 2026-12-20T11:00:00+08:00 --donate 2 --pay wechat:39.52 --staff 小林 6971234560025 6971234560124*2 <'$CPIN'"
expect_ok "Z of a day with charity sales" sh -c "'$AXW' report z --staff 王店长 --date 2026-12-20 --at 2026-12-20T22:00:00+08:00 --format json <'$MPIN'"
Z2="$OUT"
# 藜麦粥 ¥11.52 is revenue; three bags ¥39.00 are the fund's; ¥2.00 donated
echo "$Z2" | grep -q '"sales_count":2,"refunds_count":0,"gross_fen":5180,"promo_fen":128,"red_packet_fen":0,"total_fen":1152,"refunds_fen":0,"cash_rounding_fen":0,"payments":{"cash":1300,"wechat":3952,' \
  && tap_result OK "Z: revenue without charity goods" || tap_result FAIL "Z: revenue without charity goods" "$Z2"
echo "$Z2" | grep -q '"charity_fen":3900,"charity_sales":\[{"fund":"集美区助残爱心基金","count":2,"qty_milli":3000,"total_fen":3900}\],"donation_fen":200,' \
  && tap_result OK "Z: charity sales and donations per fund" || tap_result FAIL "Z: charity sales and donations per fund" "$Z2"
echo "$Z2" | grep -q '"categories":\[{"category":"冲调","qty_milli":1000,"net_fen":1152}\]' \
  && tap_result OK "Z: categories hold revenue only" || tap_result FAIL "Z: categories hold revenue only" "$Z2"
expect_ok "that Z again by number" "$AXW" report z --number 2 --format json
check "the stored Z with charity sales rebuilds the same" "$Z2" "$OUT"
expect_ok "refund the charity sale" sh -c "'$AXW' refund S01-T01-20261220-0001 --staff 王店长 --at 2026-12-21T09:00:00+08:00 <'$MPIN'"
expect_ok "range of the refund" "$AXW" report range --from 2026-12-21 --to 2026-12-21 --format json
echo "$OUT" | grep -q '"refunds_fen":1300,"cash_rounding_fen":0,"payments":{"cash":-1300,.*"charity_fen":-1300,"charity_sales":\[{"fund":"集美区助残爱心基金","count":-1,"qty_milli":-1000,"total_fen":-1300}\]' \
  && tap_result OK "the fund's figures go down on the refund's day" || tap_result FAIL "the fund's figures go down on the refund's day" "$OUT"

# The donation receipt (捐赠收据): its own number, the fund and the amount, audited
expect_fail "a donation receipt needs to know who asks" "Say who you are" "$AXW" receipt "$SALE" --donation --printer "file:$WORK/jz"
expect_fail "no donation receipt for a sale without one" "has no donation" sh -c "'$AXW' receipt S01-T01-20261220-0001 --donation --printer 'file:$WORK/jz' --staff 小林 <'$CPIN'"
expect_ok "print a donation receipt" sh -c "'$AXW' receipt '$SALE' --donation --printer 'file:$WORK/jz' --staff 小林 <'$CPIN'"
check "it names its number" "Donation receipt JZ-$SALE printed." "$OUT"
iconv -c -f GB18030 -t UTF-8 "$WORK/jz" 2>/dev/null | tr -d '\000-\037' >"$WORK/jz.txt"
for want in 捐赠收据 "收据号：JZ-$SALE" "受赠基金：$FUND" "￥0.08" "原销售单：$SALE" 谢谢您的爱心; do
  grep -q -- "$want" "$WORK/jz.txt" && tap_result OK "donation receipt shows $want" || tap_result FAIL "donation receipt shows $want" "$(cat "$WORK/jz.txt")"
done
check "no drawer kick on a donation receipt" 0 "$(grep -c $'\x1bp' "$WORK/jz" || true)"
check "donation receipt audited" 1 "$(sql "SELECT count(*) FROM audit_log WHERE action = 'receipt.donation' AND staff = '小林' AND detail = 'JZ-$SALE $SALE'")"
expect_ok "donation receipt as PNG" "$AXW" receipt "$SALE" --donation --png "$WORK/jz.png"
check "PNG written" PNG "$(head -c 4 "$WORK/jz.png" | tail -c 3)"

tap_done
