# tap.sh — a few helpers for CLI end-to-end tests that speak TAP.
# Source it; call `tap_done` last.
set -u
TAP_N=0
TAP_FAILED=0
AXW="${AIXINWU_BIN:?AIXINWU_BIN is not set}"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/axw-cli-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export AIXINWU_DB="$WORK/shop.db"
export XDG_DATA_HOME="$WORK/xdg"
# The demo manager's PIN for privileged commands: CMD … --staff 王店长 <"$MPIN"
MPIN="$WORK/manager.pin"
echo 8888 >"$MPIN"
# The demo cashier's PIN, for sell: … --staff 小林 <"$CPIN"
CPIN="$WORK/cashier.pin"
echo 1234 >"$CPIN"

tap_result () {  # tap_result OK|FAIL DESCRIPTION [DETAIL]
  TAP_N=$((TAP_N + 1))
  if [ "$1" = OK ]; then
    echo "ok $TAP_N $2"
  else
    TAP_FAILED=$((TAP_FAILED + 1))
    echo "not ok $TAP_N $2"
    [ -n "${3:-}" ] && printf '%s\n' "$3" | sed 's/^/# /'
  fi
}

# expect_ok DESCRIPTION CMD... : exits 0; stdout in $OUT, stderr in $ERR
expect_ok () {
  local d=$1; shift
  if "$@" >"$WORK/out" 2>"$WORK/err"; then tap_result OK "$d"
  else tap_result FAIL "$d" "exit $? : $(cat "$WORK/err")"; fi
  OUT=$(cat "$WORK/out"); ERR=$(cat "$WORK/err")
}

# expect_fail DESCRIPTION PATTERN CMD... : exits non-zero and stderr matches PATTERN
expect_fail () {
  local d=$1 pat=$2; shift 2
  if "$@" >"$WORK/out" 2>"$WORK/err"; then
    tap_result FAIL "$d" "succeeded but should fail: $(cat "$WORK/out")"
  elif grep -q -- "$pat" "$WORK/err"; then tap_result OK "$d"
  else tap_result FAIL "$d" "stderr lacks '$pat': $(cat "$WORK/err")"; fi
  OUT=$(cat "$WORK/out"); ERR=$(cat "$WORK/err")
}

# check DESCRIPTION EXPECTED ACTUAL
check () {
  if [ "$2" = "$3" ]; then tap_result OK "$1"
  else tap_result FAIL "$1" "expected: $2
actual:   $3"; fi
}

sql () { sqlite3 "$AIXINWU_DB" "$@"; }

tap_done () {
  echo "1..$TAP_N"
  [ "$TAP_FAILED" -eq 0 ]
}
