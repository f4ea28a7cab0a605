#!/usr/bin/env bash
# The benchmark data generator: consistent with docs/design.md §5 and the schema,
# and the same file from the same seed.
. "$(dirname "$0")/tap.sh"
GEN="${AXW_GEN:?AXW_GEN is not set}"

gen () { "$GEN" --db "$1" --seed "$2" --products 300 --shops 2 --days 20 --sales-per-day 15 --verify; }
fingerprint () {
  sqlite3 "$1" 'SELECT * FROM sales; SELECT * FROM sale_lines; SELECT * FROM payments;
                SELECT * FROM redemptions; SELECT * FROM products;' | sha256sum
}

expect_ok "generate with --verify" gen "$WORK/a.db" 7
echo "$OUT" | grep -q "verified: line, red-packet and payment sums hold" \
  && tap_result OK "sums verified" || tap_result FAIL "sums verified" "$OUT"
check "integrity" ok "$(sqlite3 "$WORK/a.db" 'PRAGMA integrity_check')"
check "foreign keys hold" "" "$(sqlite3 "$WORK/a.db" 'PRAGMA foreign_key_check')"
check "has refunds, red packets and split payments" 1 \
  "$(sqlite3 "$WORK/a.db" "SELECT (SELECT count(*) FROM sales WHERE kind = 'refund') > 0
     AND (SELECT count(*) FROM redemptions) > 0
     AND (SELECT count(*) FROM sales s WHERE (SELECT count(*) FROM payments WHERE sale_id = s.id) > 1) > 0")"
expect_ok "same seed again" gen "$WORK/b.db" 7
check "same seed, same data" "$(fingerprint "$WORK/a.db")" "$(fingerprint "$WORK/b.db")"
expect_ok "another seed" gen "$WORK/c.db" 8
[ "$(fingerprint "$WORK/a.db")" != "$(fingerprint "$WORK/c.db")" ] \
  && tap_result OK "another seed, other data" || tap_result FAIL "another seed, other data"
expect_fail "an existing file is refused" "NEWFILE" gen "$WORK/a.db" 7
R=$(sqlite3 "$WORK/a.db" "SELECT receipt_no FROM sales WHERE kind = 'sale' AND red_packet_fen > 0
    AND id NOT IN (SELECT refund_of FROM sales WHERE refund_of IS NOT NULL) LIMIT 1")
printf '8888\n' >"$WORK/pin"
expect_ok "the real refund code accepts a generated sale" \
  sh -c "\"$AXW\" --db \"$WORK/a.db\" refund \"$R\" --staff 王店长 <\"$WORK/pin\""
tap_done
