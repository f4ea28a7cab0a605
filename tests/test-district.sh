#!/usr/bin/env bash
# End-to-end: three shops push to a real PostgreSQL 15 hub (started and
# stopped here, tests/pg-hub.sh): setup, shop roles, exactly-once delivery
# under concurrency, SIGKILL, a hub crash, dropped connections and a
# replayed batch; one red packet redeemed in two shops; refused input.
. "$(dirname "$0")/tap.sh"
. "$(dirname "$0")/pg-hub.sh"

if ! hub_start; then
  echo "1..0 # SKIP no PostgreSQL 15 server (tools/install-deps.sh installs postgresql-15)"
  exit 0
fi

# The counter asks the hub within 300 ms; a sanitized build on a busy machine
# may need longer to connect, so the tests give it 3 s except where the
# deadline itself is tested.
export AIXINWU_HUB_CHECK_MS=3000
shop () {  # shop N CMD...: aixinwu on shop N's database
  local n=$1; shift
  AIXINWU_DB="$WORK/s$n/shop.db" "$AXW" "$@"
}
SOLD=0
sell () {  # sell N COUNT [VOUCHER]: COUNT sales in shop N, the first with VOUCHER
  local n=$1 count=$2 v=${3:-} i
  for i in $(seq "$count"); do
    SOLD=$((SOLD + 1))
    [ "$i" -gt 1 ] && v=
    shop "$n" sell --at "2026-12-$((10 + SOLD % 5))T1$((SOLD % 10)):00:00+08:00" ${v:+--voucher "$v"} \
      --pay cash:200 --staff 小林 6971234560018 "6971234560025*$((SOLD % 3 + 1))" <"$CPIN" >/dev/null \
      || echo "sell in shop $n failed" >&2
  done
}
hub_count () { hub_psql district -c "$1"; }
# every sale of the three shops exactly once at the hub, and nothing else
exact () {
  local want got
  want=$(for n in 1 2 3; do sqlite3 "$WORK/s$n/shop.db" "SELECT uuid FROM sales"; done | sort)
  got=$(hub_count "SELECT uuid FROM district.sale_docs" | sort)
  [ "$want" = "$got" ] && [ -n "$want" ] && echo exact || echo "hub $(echo "$got" | wc -l) / shops $(echo "$want" | wc -l)"
}
pending () { sqlite3 "$WORK/s$1/shop.db" "SELECT count(*) FROM outbox_targets WHERE sent_at IS NULL"; }

# --- setup ------------------------------------------------------------------
expect_ok "district init creates the hub schema" "$AXW" district init "$ADMIN_URL"
before=$(hub_psql district -c "SELECT md5(string_agg(table_name || column_name, ',' ORDER BY table_name, ordinal_position)) FROM information_schema.columns WHERE table_schema = 'district'")
expect_ok "a second district init changes nothing" "$AXW" district init "$ADMIN_URL"
after=$(hub_psql district -c "SELECT md5(string_agg(table_name || column_name, ',' ORDER BY table_name, ordinal_position)) FROM information_schema.columns WHERE table_schema = 'district'")
[ "$before" = "$after" ] && echo "$OUT" | grep -q "nothing changed" && tap_result OK "init is idempotent" || tap_result FAIL "init is idempotent" "$OUT"
[ "$(hub_count "SELECT count(*) FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid WHERE c.relname = 'sale_lines'")" = 1 ] \
  && tap_result OK "sale lines are partitioned" || tap_result FAIL "sale lines are partitioned"

expect_fail "a password in the address is refused" "must not contain the password" \
  "$AXW" district init "postgresql://axw_admin:admin-secret@/district?host=$PGDIR&port=$PGPORT"
chmod 644 "$PGPASSFILE"
expect_fail "a password file others can read is refused" "chmod 600" "$AXW" district init "$ADMIN_URL"
chmod 600 "$PGPASSFILE"
expect_fail "an unreachable hub is a clear error" "cannot be reached" \
  "$AXW" district init "postgresql://axw_admin@/district?host=$PGDIR&port=1"

for n in 1 2 3; do
  mkdir -p "$WORK/s$n"
  shop $n init --demo >/dev/null
  shop $n settings set shop.code "S0$n" --staff 王店长 <"$MPIN" >/dev/null
  expect_ok "add-shop S0$n" "$AXW" district add-shop "S0$n" --password-file "$WORK/s$n/hub.pgpass" --url "$ADMIN_URL"
  url=$(echo "$OUT" | tail -n 1)
  mode=$(stat -c %a "$WORK/s$n/hub.pgpass")
  case "$url" in
    postgresql://axw_shop_s0$n@*) [ "$mode" = 600 ] && ! grep -q "$(cut -d: -f5 "$WORK/s$n/hub.pgpass")" <<<"$url" \
      && tap_result OK "S0$n: password file 0600, URL without password" || tap_result FAIL "S0$n: file/URL" "$mode $url" ;;
    *) tap_result FAIL "add-shop prints the shop's URL last" "$OUT" ;;
  esac
  shop $n settings set district.password_file "$WORK/s$n/hub.pgpass" --staff 王店长 <"$MPIN" >/dev/null
  shop $n settings set district.url "$url" --staff 王店长 <"$MPIN" >/dev/null
done
expect_fail "settings refuse a password in district.url" "must not contain the password" \
  shop 1 settings set district.url "postgresql://axw_shop_s01:x@hub/district" --staff 王店长 <"$MPIN"
S1_URL=$(shop 1 settings get district.url)

# --- the shop roles -------------------------------------------------------------
as_shop () {  # as_shop N SQL: psql as shop N's role with its own password file
  PGPASSFILE="$WORK/s$1/hub.pgpass" psql -X -q -At -v ON_ERROR_STOP=1 "$(shop "$1" settings get district.url)" -c "$2" 2>&1
}
deny () {  # deny DESCRIPTION N SQL
  local out
  if out=$(as_shop "$2" "$3"); then tap_result FAIL "$1" "$out"
  elif grep -q "permission denied\|may send only its own" <<<"$out"; then tap_result OK "$1"
  else tap_result FAIL "$1" "$out"; fi
}
deny "a shop cannot write to the documents table" 1 \
  "INSERT INTO district.sale_docs (uuid, shop, terminal, receipt_no, kind, created_at, business_date, staff, gross_fen, promo_fen, red_packet_fen, total_fen, cash_rounding_fen) VALUES (gen_random_uuid(), 'S02', 'T01', 'x', 'sale', now(), now(), 'x', 0, 0, 0, 0, 0)"
deny "a shop cannot send another shop's documents" 1 \
  "SELECT district.ingest ('[{\"uuid\":\"00000000-0000-0000-0000-000000000001\",\"shop\":\"S02\",\"business_date\":\"2026-12-12\"}]')"
deny "a shop cannot read the other shops' sales" 1 "SELECT count(*) FROM district.sale_docs"
deny "a shop cannot read the redemptions" 1 "SELECT count(*) FROM district.redemptions"
deny "a shop cannot read password hashes" 1 "SELECT rolpassword FROM pg_authid"
out=$(as_shop 1 "SELECT count(*) FROM district.catalog")
[ "$out" = 0 ] && tap_result OK "a shop reads the district catalog" || tap_result FAIL "a shop reads the catalog" "$out"

# --- push: three shops at once -------------------------------------------------------
sell 1 12 HB20260001
sell 2 12 HB20260001    # the same red packet, offline in another shop
sell 3 12 HB20260003
first=$(sqlite3 "$WORK/s1/shop.db" "SELECT receipt_no FROM sales ORDER BY id LIMIT 1")
shop 1 refund "$first" '1*1' --staff 王店长 --at 2026-12-14T18:00:00+08:00 <"$MPIN" >/dev/null \
  && tap_result OK "a refund of a red-packet sale" || tap_result FAIL "refund"
for n in 1 2 3; do shop $n sync >"$WORK/sync$n.out" 2>&1 & done
wait
grep -q "District hub: [0-9]* sales sent" "$WORK/sync1.out" && tap_result OK "sync reports the hub" || tap_result FAIL "sync reports the hub" "$(cat "$WORK/sync1.out")"
[ "$(exact)" = exact ] && tap_result OK "three shops at once: every document exactly once" || tap_result FAIL "three shops at once" "$(exact)"
[ "$(pending 1)$(pending 2)$(pending 3)" = 000 ] && tap_result OK "every sale marked delivered" || tap_result FAIL "marked" "$(pending 1)$(pending 2)$(pending 3)"
lines_hub=$(hub_count "SELECT count(*) FROM district.sale_lines")
lines_shops=$(for n in 1 2 3; do sqlite3 "$WORK/s$n/shop.db" "SELECT count(*) FROM sale_lines"; done | awk "{s+=\$1} END {print s}")
[ "$lines_hub" = "$lines_shops" ] && tap_result OK "lines exact ($lines_hub)" || tap_result FAIL "lines" "$lines_hub vs $lines_shops"
online=$(sqlite3 "$WORK/s1/shop.db" "SELECT count(*) FROM outbox WHERE status = 'pending'")
[ "$online" -gt 0 ] && tap_result OK "the online shop's queue is untouched" || tap_result FAIL "online queue" "$online"

# --- one red packet, two shops --------------------------------------------------------
expect_ok "district conflicts" "$AXW" district conflicts --format json --url "$ADMIN_URL"
python3 - "$OUT" <<'PY' && tap_result OK "the second redemption is a conflict naming both shops" || tap_result FAIL "conflicts" "$OUT"
import json, sys
c = json.loads(sys.argv[1])
assert len(c) == 1, c
c = c[0]
assert c["code"] == "HB20260001" and c["funder"] == "厦门市残疾人联合会" and c["amount_fen"] > 0
assert {c["first"]["shop"], c["second"]["shop"]} == {"S01", "S02"}
assert c["first"]["receipt_no"] != c["second"]["receipt_no"]
PY
expect_ok "district claim" "$AXW" district claim --funder 厦门市残疾人联合会 --from 2026-12-01 --to 2026-12-31 --format json --url "$ADMIN_URL"
CLAIM=$OUT
python3 - "$CLAIM" "$WORK" <<'PY' && tap_result OK "claim: each code once, refunds netted, conflict apart, to the fen" || tap_result FAIL "claim" "$CLAIM"
import json, sqlite3, sys
c = json.loads(sys.argv[1]); w = sys.argv[2]
codes = [r["code"] for r in c["redemptions"]]
assert codes == ["HB20260001", "HB20260003"] or sorted(codes) == ["HB20260001", "HB20260003"], codes
assert c["count"] == 2 and len(c["conflicts"]) == 1
# the shops' own figures: every redemption, minus the refunded shares, minus the conflict
owed = 0
for n in (1, 2, 3):
    db = sqlite3.connect(f"{w}/s{n}/shop.db")
    owed += db.execute("SELECT coalesce(sum(discount_fen), 0) FROM redemptions").fetchone()[0]
refunded = sum(r["refunded_fen"] for r in c["redemptions"])
assert c["amount_fen"] == owed - c["conflicts"][0]["amount_fen"] - refunded, (c["amount_fen"], owed, refunded)
assert c["amount_fen"] == sum(r["amount_fen"] - r["refunded_fen"] for r in c["redemptions"])
PY

# --- the counter asks the hub before it accepts a red packet -------------------------------
expect_fail "sell refuses a red packet redeemed in another shop, naming it" "already_redeemed.*shop S0[12] on 2026-12-1" \
  shop 3 sell --at 2026-12-14T10:00:00+08:00 --voucher HB20260001 --pay cash:200 --staff 小林 6971234560018 <"$CPIN"
expect_fail "quote refuses it the same way" "already_redeemed.*shop S0[12]" \
  shop 3 quote --at 2026-12-14T10:00:00+08:00 --voucher HB20260001 6971234560018
expect_ok "a red packet the hub does not know is accepted" \
  shop 3 sell --at 2026-12-14T10:00:00+08:00 --voucher HB20260005 --pay cash:200 --staff 小林 6971234560018 <"$CPIN"
[ "$(sqlite3 "$WORK/s3/shop.db" "SELECT district_check FROM redemptions WHERE code = 'HB20260005'")" = checked ] \
  && tap_result OK "its redemption is marked checked" || tap_result FAIL "checked"
python3 -c 'import socket,sys,time; s=socket.socket(); s.bind(("127.0.0.1",0)); s.listen(8); print(s.getsockname()[1]); sys.stdout.flush(); time.sleep(60)' >"$WORK/port" &
silent=$!
# listening once it has printed its port (python takes 0.3 s to start on a busy machine)
until [ -s "$WORK/port" ] || ! kill -0 "$silent" 2>/dev/null; do sleep 0.05; done
shop 3 settings set district.url "postgresql://axw_shop_s03@127.0.0.1:$(cat "$WORK/port")/district?sslmode=disable" --staff 王店长 <"$MPIN" >/dev/null
t0=$(date +%s%N)
expect_ok "a hub that does not answer: the sale goes on" env -u AIXINWU_HUB_CHECK_MS \
  AIXINWU_DB="$WORK/s3/shop.db" "$AXW" sell --at 2026-12-14T10:00:00+08:00 --voucher HB20260007 --pay cash:200 --staff 小林 6971234560018 <"$CPIN"
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
grep -q "not checked with the district hub" <<<"$ERR" && [ "$ms" -lt 1500 ] \
  && tap_result OK "… after the 300 ms deadline (${ms} ms in all), saying it was not checked" || tap_result FAIL "deadline" "$ms ms: $ERR"
[ "$(sqlite3 "$WORK/s3/shop.db" "SELECT district_check FROM redemptions WHERE code = 'HB20260007'")" = not_checked ] \
  && tap_result OK "its redemption is marked not checked" || tap_result FAIL "not checked"
# the same question from a worker thread, as the counter's screen asks it
if AXW_SHOP_DB="$WORK/s1/shop.db" AXW_SILENT_URL="$(shop 3 settings get district.url)" \
   "${AXW_TEST_DISTRICT_CHECK:?}" >"$WORK/check.out" 2>&1; then
  tap_result OK "async check: redeemed, free, and a silent hub in 300 ms with the main loop running"
else
  tap_result FAIL "async check" "$(cat "$WORK/check.out")"
fi
kill "$silent"; wait "$silent" 2>/dev/null
shop 3 settings set district.url "$(sed 's/S01/S03/; s/s01/s03/' <<<"$S1_URL")" --staff 王店长 <"$MPIN" >/dev/null
shop 3 sync >/dev/null 2>&1

# --- exactly once under failure ----------------------------------------------------------
sell 1 5
shop 1 sync >/dev/null 2>&1
sqlite3 "$WORK/s1/shop.db" "UPDATE outbox_targets SET sent_at = NULL"   # every confirmation lost
docs_before=$(hub_count "SELECT count(*) FROM district.sale_docs")
expect_ok "the same batch sent twice is taken once" shop 1 sync
[ "$(exact)" = exact ] && [ "$(hub_count "SELECT count(*) FROM district.sale_docs")" = "$docs_before" ] \
  && [ "$(hub_count "SELECT count(*) FROM district.conflicts")" = 1 ] \
  && tap_result OK "a replayed batch: no document twice, no new conflict" || tap_result FAIL "replay" "$(exact)"

# the hub took the batch, the shop did not record it (a failure right after the hub's commit)
sell 2 4
sqlite3 "$WORK/s2/shop.db" "CREATE TRIGGER lost_ack BEFORE UPDATE OF sent_at ON outbox_targets
  BEGIN SELECT RAISE (ABORT, 'the counter died here'); END"
shop 2 sync >/dev/null 2>&1
[ "$(pending 2)" = 4 ] && [ "$(exact)" = exact ] \
  && tap_result OK "after the hub's commit, before the shop's: the hub has them, the shop still waits" \
  || tap_result FAIL "lost acknowledgement" "pending $(pending 2) $(exact)"
sqlite3 "$WORK/s2/shop.db" "DROP TRIGGER lost_ack"
expect_ok "the next sync confirms what the hub already had" shop 2 sync
[ "$(pending 2)" = 0 ] && [ "$(exact)" = exact ] && tap_result OK "exactly once after it" || tap_result FAIL "after lost ack" "$(exact)"
# SIGKILL at the shop's first write of the run (in a normal build: right after the hub's commit)
sell 2 3
AXW_KILL_AT="pwrite:$(realpath "$WORK/s2")/shop.db-wal" LD_PRELOAD="${AXW_KILL_SHIM:?}" shop 2 sync >/dev/null 2>&1
at_hub=$(hub_count "SELECT count(*) FROM district.sale_docs WHERE shop = 'S02'")
[ "$(pending 2)" = 3 ] && tap_result OK "SIGKILL at the shop's first write: nothing marked ($at_hub at the hub)" \
  || tap_result FAIL "kill" "pending $(pending 2)"
expect_ok "the next sync after the SIGKILL" shop 2 sync
[ "$(pending 2)" = 0 ] && [ "$(exact)" = exact ] && tap_result OK "exactly once after the kill" || tap_result FAIL "after kill" "$(exact)"

# SIGKILL at random moments of a longer push (several batches)
sqlite3 "$WORK/s3/shop.db" "UPDATE outbox_targets SET sent_at = NULL"
sell 3 6
for i in $(seq 8); do
  shop 3 sync >/dev/null 2>&1 &
  pid=$!
  sleep "0.0$((RANDOM % 9))"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
done
shop 3 sync >/dev/null 2>&1
[ "$(pending 3)" = 0 ] && [ "$(exact)" = exact ] && tap_result OK "SIGKILL at random points: every document exactly once" \
  || tap_result FAIL "random kills" "pending $(pending 3) $(exact)"

# connections dropped by the hub while shops push
sell 1 3; sell 2 3
sqlite3 "$WORK/s1/shop.db" "UPDATE outbox_targets SET sent_at = NULL"
( for i in $(seq 20); do hub_psql district -c "SELECT pg_terminate_backend (pid) FROM pg_stat_activity WHERE usename LIKE 'axw_shop_%'" >/dev/null 2>&1; sleep 0.02; done ) &
killer=$!
for i in 1 2 3; do shop 1 sync >/dev/null 2>&1; shop 2 sync >/dev/null 2>&1; done
wait $killer
shop 1 sync >/dev/null 2>&1; shop 2 sync >/dev/null 2>&1
[ "$(pending 1)$(pending 2)" = 00 ] && [ "$(exact)" = exact ] && tap_result OK "dropped connections: every document exactly once" \
  || tap_result FAIL "dropped connections" "$(pending 1)$(pending 2) $(exact)"

# the hub crashes; the counter sells on and catches up after the restart
hub_stop immediate
sell 1 2
[ "$(sqlite3 "$WORK/s1/shop.db" "SELECT count(*) FROM sales")" -gt 0 ] && tap_result OK "the counter sells with the hub down"
expect_fail "a sync with the hub down says so and marks nothing" "cannot be reached" shop 1 sync
[ "$(pending 1)" = 2 ] && tap_result OK "nothing marked while the hub is down" || tap_result FAIL "hub down" "$(pending 1)"
shop 1 sync --status >/dev/null 2>&1
hub_server_start
expect_ok "after the restart the sales go" shop 1 sync
[ "$(pending 1)" = 0 ] && [ "$(exact)" = exact ] && tap_result OK "hub restart: every document exactly once" || tap_result FAIL "restart" "$(exact)"
expect_ok "district status" shop 1 district status
grep -q "last_push	20" <<<"$OUT" && grep -q "pending	0" <<<"$OUT" && tap_result OK "status shows the last push" || tap_result FAIL "status" "$OUT"

# --- the district report adds up the shops' own reports, to the fen -----------------------
for n in 1 2 3; do shop $n report range --from 2026-12-01 --to 2026-12-31 --format json >"$WORK/r$n.json"; done
expect_ok "district report" "$AXW" district report --from 2026-12-01 --to 2026-12-31 --format json --url "$ADMIN_URL"
python3 - "$OUT" "$WORK" <<'PY' && tap_result OK "district report = Σ shop reports, shops listed, to the fen" || tap_result FAIL "district report" "$OUT"
import json, sys
d = json.loads(sys.argv[1]); w = sys.argv[2]
shops = [json.load(open(f"{w}/r{n}.json")) for n in (1, 2, 3)]
for k in ("sales_count", "refunds_count", "gross_fen", "promo_fen", "red_packet_fen", "total_fen",
          "refunds_fen", "cash_rounding_fen"):
    assert d[k] == sum(s[k] for s in shops), (k, d[k], [s[k] for s in shops])
for m in ("cash", "wechat", "alipay", "unionpay"):
    assert d["payments"][m] == sum(s["payments"][m] for s in shops), m
rp = {}
for s in shops:
    for r in s["red_packets"]:
        t = rp.setdefault((r["campaign"], r["funder"]), [0, 0, 0])
        t[0] += r["count"]; t[1] += r["amount_fen"]; t[2] += r["refunded_fen"]
assert {(r["campaign"], r["funder"]): [r["count"], r["amount_fen"], r["refunded_fen"]] for r in d["red_packets"]} == rp
assert sum(c["net_fen"] for c in d["categories"]) == d["total_fen"]
assert [(x["shop"], x["sales_count"], x["total_fen"], x["red_packet_fen"]) for x in d["shops"]] == \
       [(f"S0{n}", s["sales_count"], s["total_fen"], s["red_packet_fen"]) for n, s in zip((1, 2, 3), shops)]
assert d["total_fen"] > 0 and d["refunds_count"] == 1
PY

expect_ok "district report as text" "$AXW" district report --from 2026-12-01 --to 2026-12-31 --format text --url "$ADMIN_URL"
grep -q "S01" <<<"$OUT" && grep -q "S03" <<<"$OUT" && tap_result OK "the text report lists the shops" || tap_result FAIL "text report" "$OUT"
expect_ok "district report as CSV" "$AXW" district report --from 2026-12-01 --to 2026-12-31 --format csv --url "$ADMIN_URL"
grep -q "^shop,sales_count,total_fen,red_packet_fen" <<<"$OUT" && tap_result OK "the CSV report ends with the shops" || tap_result FAIL "csv report" "$OUT"
expect_ok "district report as PDF" "$AXW" district report --from 2026-12-01 --to 2026-12-31 --format pdf --out "$WORK/district.pdf" --url "$ADMIN_URL"
[ "$(head -c 4 "$WORK/district.pdf")" = "%PDF" ] && tap_result OK "a PDF is written" || tap_result FAIL "pdf"
CLAIM=$("$AXW" district claim --funder 厦门市残疾人联合会 --from 2026-12-01 --to 2026-12-31 --format json --url "$ADMIN_URL")
expect_ok "district claim as CSV" "$AXW" district claim --funder 厦门市残疾人联合会 --from 2026-12-01 --to 2026-12-31 --format csv --url "$ADMIN_URL"
python3 - "$OUT" "$CLAIM" <<'PY' && tap_result OK "claim CSV: TOTAL equals the JSON claim, the conflict listed apart" || tap_result FAIL "claim csv" "$OUT"
import csv, io, json, sys
rows = list(csv.reader(io.StringIO(sys.argv[1])))
claim = json.loads(sys.argv[2])
total = [r for r in rows if r and r[0] == "TOTAL"][0]
assert round(float(total[4]) * 100) == claim["amount_fen"], (total, claim["amount_fen"])
i = [k for k, r in enumerate(rows) if r and r[0] == "conflict_code"][0]
assert rows[i + 1][0] == "HB20260001" and len(rows) == i + 2
PY
expect_ok "district claim as PDF" "$AXW" district claim --funder 厦门市残疾人联合会 --from 2026-12-01 --to 2026-12-31 --format pdf --out "$WORK/claim.pdf" --url "$ADMIN_URL"
[ "$(head -c 4 "$WORK/claim.pdf")" = "%PDF" ] && tap_result OK "a claim PDF is written" || tap_result FAIL "claim pdf"

# --- from the hub to the shops ---------------------------------------------------------------
hub_psql district -c "INSERT INTO district.catalog (sku, barcode, name, category, origin, price_fen, aid_eligible, updated_at) VALUES
  ('6971234560018', '6971234560018', '赤松茸', '干货', '甘肃和政', 3000, true, now()),
  ('6971234560025', '6971234560025', '藜麦粥(旧)', '冲调', '甘肃和政', 9900, true, '2020-01-01'),
  ('6971234560995', '6971234560995', '集美区特产礼盒', '礼盒', '厦门集美', 8800, false, now());
  INSERT INTO district.promotions (name, scope, percent_bp, date_from, date_to) VALUES ('集美区庆', 'all', 500, '2026-12-20', '2026-12-21');
  INSERT INTO district.voucher_batches VALUES ('HB20269001', '2026惠民助残红包', '厦门市残疾人联合会', 1500, 0, '2026-01-01', '2026-12-31', 'all');
  INSERT INTO district.trusted_keys (funder, public_key) VALUES ('厦门市残疾人联合会', 'MCowBQYDK2VwAyEAexamplekeyexamplekeyexamplekeyexample=');"
hub_psql district -c "INSERT INTO district.online_orders (order_id, ship_shop, doc) VALUES
  ('WX-1', 'S02', '{\"order_id\":\"WX-1\",\"lines\":[{\"sku\":\"6971234560032\",\"qty\":3}]}'),
  ('WX-2', 'S01', '{\"order_id\":\"WX-2\",\"lines\":[{\"sku\":\"6971234560032\",\"qty\":5}]}')"
stock_before=$(sqlite3 "$WORK/s2/shop.db" "SELECT stock_milli FROM products WHERE barcode = '6971234560032'")
expect_fail "pull needs a manager" "manager" shop 2 district pull
expect_ok "district pull" shop 2 district pull --staff 王店长 <"$MPIN"
db2="$WORK/s2/shop.db"
[ "$(sqlite3 "$db2" "SELECT price_fen FROM products WHERE barcode = '6971234560018'")" = 3000 ] \
  && [ "$(sqlite3 "$db2" "SELECT price_fen || name FROM products WHERE barcode = '6971234560025'")" = "1280藜麦粥" ] \
  && tap_result OK "a newer hub price is taken, an older one does not replace the shop's" \
  || tap_result FAIL "prices" "$(sqlite3 "$db2" "SELECT barcode, price_fen, name, updated_at FROM products WHERE barcode LIKE '69712345600%'")"
[ "$(sqlite3 "$db2" "SELECT c.name FROM products p JOIN categories c ON c.id = p.category_id WHERE barcode = '6971234560995'")" = 礼盒 ] \
  && [ "$(sqlite3 "$db2" "SELECT count(*) FROM promotions WHERE name = '集美区庆'")" = 1 ] \
  && [ "$(sqlite3 "$db2" "SELECT count(*) FROM funder_keys WHERE public_key LIKE 'MCow%'")" = 1 ] \
  && [ "$(sqlite3 "$db2" "SELECT count(*) FROM audit_log WHERE action = 'district.pull' AND staff = '王店长'")" = 1 ] \
  && tap_result OK "new product, promotion and key arrive, audited in the manager's name" || tap_result FAIL "pulled rows"
[ "$(sqlite3 "$db2" "SELECT stock_milli FROM products WHERE barcode = '6971234560032'")" = $((stock_before - 3000)) ] \
  && grep -q "1 online orders to ship" <<<"$OUT" \
  && tap_result OK "the online order this shop ships takes from its stock, the other shop's does not" \
  || tap_result FAIL "online orders" "$OUT $(sqlite3 "$db2" "SELECT stock_milli FROM products WHERE barcode = '6971234560032'") vs $stock_before"
expect_ok "a pulled red packet and product sell" \
  shop 2 sell --at 2026-12-14T11:00:00+08:00 --voucher HB20269001 --pay cash:100 --staff 小林 6971234560995 <"$CPIN"
grep -q '"discount_fen":1500' <<<"$OUT" && tap_result OK "… with the pulled red packet's face" || tap_result FAIL "voucher" "$OUT"
before=$(sqlite3 "$db2" "SELECT count(*) || '/' || total_changes() FROM products")
shop 2 district status | grep -q "^last_pull	20" && tap_result OK "status shows the last pull" || tap_result FAIL "last pull"
expect_ok "a second pull" shop 2 district pull --staff 王店长 <"$MPIN"
grep -q "0 new red packets, 0 new funder keys, 0 online orders" <<<"$OUT" && [ "$(sqlite3 "$db2" "SELECT count(*) FROM products")" = "${before%/*}" ] \
  && tap_result OK "a second pull adds nothing" || tap_result FAIL "second pull" "$OUT"
shop 2 sync >/dev/null 2>&1

# --- refused input: clear errors, nothing written, the counter sells on -------------------------
sell 1 1
sed -i 's/:[0-9a-f]*$/:wrong/' "$WORK/s2/hub.pgpass"
sell 2 1
expect_fail "a wrong password is a clear error" "refused the password" shop 2 sync
[ "$(pending 2)" = 1 ] && tap_result OK "nothing marked after a wrong password" || tap_result FAIL "wrong pw" "$(pending 2)"
chmod 644 "$WORK/s1/hub.pgpass"
expect_fail "a shop's password file others can read is refused" "chmod 600" shop 1 sync
chmod 600 "$WORK/s1/hub.pgpass"
hub_psql district -c "UPDATE district.hub_meta SET value = '99' WHERE key = 'schema_version'"
docs_before=$(hub_count "SELECT count(*) FROM district.sale_docs")
expect_fail "a hub of a newer schema is refused" "newer than this program" shop 1 sync
expect_fail "init refuses a newer hub" "newer than this program" "$AXW" district init "$ADMIN_URL"
[ "$(hub_count "SELECT count(*) FROM district.sale_docs")" = "$docs_before" ] && [ "$(pending 1)" = 1 ] \
  && tap_result OK "nothing written to a newer hub" || tap_result FAIL "newer hub wrote"
hub_psql district -c "UPDATE district.hub_meta SET value = '1' WHERE key = 'schema_version'"
expect_ok "then the sale goes" shop 1 sync
shop 3 settings set district.url "postgresql://axw_shop_s03@/nosuchdb?host=$PGDIR&port=$PGPORT" --staff 王店长 <"$MPIN" >/dev/null
sell 3 1
expect_fail "a wrong URL is a clear error" "no such database or user" shop 3 sync
[ "$(pending 3)" = 1 ] && tap_result OK "nothing marked after a wrong URL" || tap_result FAIL "wrong url" "$(pending 3)"

# --- TLS: sslmode in district.url is honoured -------------------------------------------------
tls_cert () {  # tls_cert NAME: a self-signed certificate for 127.0.0.1
  openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=aixinwu test hub" \
    -addext "subjectAltName=IP:127.0.0.1" -keyout "$PGDIR/$1.key" -out "$PGDIR/$1.crt" >/dev/null 2>&1
  chmod 600 "$PGDIR/$1.key"
  [ ${#PG_AS[@]} -gt 0 ] && chown "$PG_USER" "$PGDIR/$1.key" "$PGDIR/$1.crt"
  return 0
}
if command -v openssl >/dev/null && tls_cert server && tls_cert other; then
  hub_stop
  PG_EXTRA="-c ssl=on -c ssl_cert_file=$PGDIR/server.crt -c ssl_key_file=$PGDIR/server.key -c listen_addresses=127.0.0.1"
  hub_server_start
  tls_url="postgresql://axw_shop_s01@127.0.0.1:$PGPORT/district?sslmode=verify-full&sslrootcert=$PGDIR"
  shop 1 settings set district.url "$tls_url/other.crt" --staff 王店长 <"$MPIN" >/dev/null
  sell 1 1
  expect_fail "verify-full with a hub certificate nobody trusts is refused" "certificate verify failed" shop 1 sync
  [ "$(pending 1)" -ge 1 ] && tap_result OK "nothing marked over an untrusted TLS connection" || tap_result FAIL "tls marked"
  shop 1 settings set district.url "$tls_url/server.crt" --staff 王店长 <"$MPIN" >/dev/null
  expect_ok "verify-full with the hub's own certificate sends" shop 1 sync
  s01=$(sqlite3 "$WORK/s1/shop.db" "SELECT count(*) FROM sales")
  [ "$(pending 1)" = 0 ] && [ "$(hub_count "SELECT count(*) FROM district.sale_docs WHERE shop = 'S01'")" = "$s01" ] \
    && tap_result OK "over TLS: every document of the shop exactly once" \
    || tap_result FAIL "tls exact" "$(hub_count "SELECT count(*) FROM district.sale_docs WHERE shop = 'S01'") vs $s01"
fi

hub_stop
tap_done
