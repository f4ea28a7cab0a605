#!/usr/bin/env bash
# End-to-end: sales made with `aixinwu sell`/`refund`, exported with
# `aixinwu export`, with the process SIGKILLed at every step of the export.
. "$(dirname "$0")/tap.sh"

"$AXW" init --demo >/dev/null
echo 8888 >"$WORK/mgr"
OUTD="$WORK/export"

sell () {  # sell N: N sales on 12 December, every third with a red packet
  local i
  for i in $(seq "$1"); do
    SOLD=$((${SOLD:-0} + 1))
    "$AXW" sell --at "2026-12-12T1$((SOLD % 10)):00:00+08:00" --pay cash:200 --staff 小林 <"$CPIN" \
      6971234560018 "6971234560025*$((SOLD % 3 + 1))" >/dev/null || echo "sell $SOLD failed" >&2
  done
}

# The folder as the online shop sees it: each listed file's hash, and the
# multiset of sale UUIDs in the listed files and in all files.
audit () {
  python3 - "$OUTD" "$AIXINWU_DB" <<'PY'
import hashlib, json, os, sqlite3, sys
d, db = sys.argv[1], sys.argv[2]
m = json.load(open(os.path.join(d, "manifest.json")))
bad = [f["name"] for f in m["files"]
       if hashlib.sha256(open(os.path.join(d, f["name"]), "rb").read()).hexdigest() != f["sha256"]]
listed = [json.loads(l)["uuid"] for f in m["files"] if f["kind"] == "sales"
          for l in open(os.path.join(d, f["name"]), encoding="utf-8")]
every = [json.loads(l)["uuid"] for n in os.listdir(d) if n.startswith("sales-")
         for l in open(os.path.join(d, n), encoding="utf-8")]
want = sorted(r[0] for r in sqlite3.connect(db).execute("SELECT uuid FROM sales"))
partial = [n for n in os.listdir(d) if n.endswith(".tmp")]
print("hashes", "ok" if not bad else bad,
      "listed", "exact" if sorted(listed) == want else "%d/%d" % (len(listed), len(want)),
      "all", "exact" if sorted(every) == want else "%d/%d" % (len(every), len(want)),
      "partial", len(partial))
PY
}
EXACT="hashes ok listed exact all exact partial 0"

# killed_at POINT CMD...: runs CMD under the kill shim, SIGKILLed right after
# the step POINT of the export: the first write of the sales file, the rename
# of the sales file, of the manifest or of products.csv.
mkdir -p "$OUTD"
OUTD=$(realpath "$OUTD")
killed_at () {
  local point=$1 at; shift
  case $point in
    sales-partial) at="write:$OUTD" ;;
    sales-file) at="rename:sales-" ;;
    manifest) at="rename:manifest.json" ;;
    products-file) at="rename:products.csv" ;;
  esac
  AXW_KILL_AT=$at LD_PRELOAD="${AXW_KILL_SHIM:?}" \
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" "$@" >/dev/null 2>&1
}

for c in export sync import-online; do
  "$AXW" "$c" --help >"$WORK/h" 2>/dev/null; rc=$?
  check "$c --help prints usage (exit 0)" "0:yes" "$rc:$(grep -q Usage "$WORK/h" && echo yes)"
done
expect_fail "export needs --out" "Usage" "$AXW" export
sell 6
echo 8888 | "$AXW" refund S01-T01-20261212-0002 --staff 王店长 --at 2026-12-13T09:00:00+08:00 >/dev/null
expect_ok "first export" "$AXW" export --out "$OUTD"
check "first export says what it wrote" "7 sales written; exported up to sale 7." "$(echo "$OUT" | head -1)"
check "files, hashes, every sale once" "$EXACT" "$(audit)"
check "refund points at its sale" "$(sql "SELECT uuid FROM sales WHERE receipt_no = 'S01-T01-20261212-0002'")" \
  "$(python3 -c 'import json,sys; print([d for d in map(json.loads, open(sys.argv[1])) if d["kind"] == "refund"][0]["refund_of"])' "$OUTD/sales-1-7.jsonl")"
check "sales file for its owner only" 600 "$(stat -c %a "$OUTD/sales-1-7.jsonl")"
check "products.csv readable by all" 644 "$(stat -c %a "$OUTD/products.csv")"
snap=$(ls -l --time-style=full-iso "$OUTD"; sha256sum "$OUTD"/*)
expect_ok "second export with nothing new" "$AXW" export --out "$OUTD"
check "says nothing new" "Nothing new to export." "$OUT"
check "nothing rewritten" "$snap" "$(ls -l --time-style=full-iso "$OUTD"; sha256sum "$OUTD"/*)"

# Killed at each step; the next run finishes the job without loss or duplicate.
for point in sales-partial sales-file manifest products-file; do
  sell 3
  killed_at "$point" "$AXW" export --out "$OUTD"
  check "killed at $point (SIGKILL)" 137 "$?"
  [ "$point" = products-file ] && inside=0 || inside=1
  check "the kill at $point landed inside the sales range" "$inside" \
    "$(sql "SELECT count(*) FROM export_cursor WHERE name LIKE '%pending'")"
  visible=$(cd "$OUTD" && ls | grep -v -E '^(manifest.json|products.csv|sales-[0-9]+-[0-9]+\.jsonl)$')
  check "no partial file after a kill at $point" "" "$visible"
  sell 1     # a sale made between the crash and the next run
  expect_ok "export after a kill at $point" "$AXW" export --out "$OUTD"
  check "every sale exactly once after a kill at $point" "$EXACT" "$(audit)"
done
check "cursor at the last sale" "$(sql 'SELECT max(id) FROM sales')" \
  "$(sql "SELECT last_sale_id FROM export_cursor WHERE name = 'online-shop'")"
check "no pending range left" 0 "$(sql "SELECT count(*) FROM export_cursor WHERE name LIKE '%pending'")"

expect_ok "export --full" "$AXW" export --out "$OUTD" --full
check "full export: one sales file" 1 "$(ls "$OUTD" | grep -c '^sales-')"
check "full export: every sale once" "$EXACT" "$(audit)"
killed_at sales-file "$AXW" export --out "$OUTD" --full
expect_ok "export after a killed --full" "$AXW" export --out "$OUTD"
check "killed --full finishes as a full export" "$EXACT" "$(audit)"

totals=$(python3 - "$OUTD" <<'PY'
import json, os, sys
d = sys.argv[1]
m = json.load(open(os.path.join(d, "manifest.json")))
t = {"sale": 0, "refund": 0}
for f in m["files"]:
    if f["kind"] == "sales":
        for l in open(os.path.join(d, f["name"]), encoding="utf-8"):
            doc = json.loads(l)
            t[doc["kind"]] += doc["total_fen"]
print(t["sale"], t["refund"])
PY
)
check "sums equal the database to the fen" \
  "$(sql "SELECT (SELECT sum(total_fen) FROM sales WHERE kind='sale') || ' ' || (SELECT sum(total_fen) FROM sales WHERE kind='refund')")" \
  "$totals"

# Online orders take from the same stock; the next export carries it.
before=$(sql "SELECT stock_milli FROM products WHERE barcode = '6971234560025'")
cat >"$WORK/orders.jsonl" <<'JSONL'
{"order_id":"WX-20261212-0001","lines":[{"sku":"6971234560025","qty":3}]}
{"order_id":"WX-20261212-0002","lines":[{"barcode":"6971234560025","qty_milli":2000},{"sku":"6971234560018","qty":1}]}
JSONL
expect_ok "import-online" "$AXW" import-online "$WORK/orders.jsonl" --staff 王店长 <"$MPIN"
check "import-online report" "2 orders applied (3 lines), 0 already applied before." "$OUT"
check "stock taken" $((before - 5000)) "$(sql "SELECT stock_milli FROM products WHERE barcode = '6971234560025'")"
cat "$MPIN" "$WORK/orders.jsonl" >"$WORK/pin+orders"
expect_ok "import-online again, the orders on stdin after the PIN" "$AXW" import-online - --staff 王店长 <"$WORK/pin+orders"
check "each order once" "0 orders applied (0 lines), 2 already applied before." "$OUT"
check "stock unchanged" $((before - 5000)) "$(sql "SELECT stock_milli FROM products WHERE barcode = '6971234560025'")"
printf '{"order_id":"W3","lines":[{"sku":"6971234560025","qty":1}]}\n{"order_id":"W4","lines":[{"sku":"123","qty":1}]}\n' >"$WORK/bad.jsonl"
expect_fail "unknown SKU refused" "Line 2: order W4: 123 is not in the catalog" "$AXW" import-online "$WORK/bad.jsonl" --staff 王店长 <"$MPIN"
check "bad file changed nothing" "0|$((before - 5000))" \
  "$(sql "SELECT (SELECT count(*) FROM online_orders WHERE order_id = 'W3'), stock_milli FROM products WHERE barcode = '6971234560025'")"
expect_ok "export after online orders" "$AXW" export --out "$OUTD"
check "products.csv has the shared stock" $((before - 5000)) \
  "$(python3 -c 'import csv,sys; print([round(float(r["stock"]) * 1000) for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")) if r["barcode"] == "6971234560025"][0])' "$OUTD/products.csv")"

# A reader holding the folder shared makes the export wait, not fail.
sell 1
flock -s "$OUTD/.aixinwu-export.lock" sleep 1 &
sleep 0.2
expect_ok "export waits for a reader of the folder" "$AXW" export --out "$OUTD"
wait
check "and then writes" "$EXACT" "$(audit)"

mkdir -p "$WORK/ro" && chmod 500 "$WORK/ro"
if [ "$(id -u)" != 0 ]; then
  expect_fail "unwritable folder refused" "Cannot" "$AXW" export --out "$WORK/ro/x"
fi

tap_done
