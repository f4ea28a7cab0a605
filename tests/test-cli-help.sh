#!/usr/bin/env bash
# Every command and sub-command parses its options the same way (GOptionContext):
# --help prints the usage on stdout and exits 0, an unknown option is refused
# on one line of stderr with a hint to --help and exit 2, and the help speaks
# Chinese under LANGUAGE=zh_CN. The commands are read from the help itself.
. "$(dirname "$0")/tap.sh"

# "Commands:" section of a help text: the first word of each line
verbs_of () {
  sed -n '/^Commands:$/,/^$/p' | awk 'NR > 1 && NF { print $1 }'
}

commands=$("$AXW" --help | verbs_of)
all=""
for c in $commands; do
  all="$all$c"$'\n'
  for v in $("$AXW" "$c" --help | verbs_of); do all="$all$c $v"$'\n'; done
done
n=$(printf '%s' "$all" | grep -c .)
[ "$(echo "$commands" | wc -w)" -ge 25 ] && [ "$n" -ge 70 ] &&
  tap_result OK "the help lists the commands and their sub-commands ($n)" ||
  tap_result FAIL "the help lists the commands and their sub-commands" "$all"

help_bad="" bad_bad="" zh_bad=""
while IFS= read -r cmd; do
  [ -n "$cmd" ] || continue
  # shellcheck disable=SC2086 # "products import" is two words
  set -- $cmd
  "$AXW" "$@" --help >"$WORK/out" 2>"$WORK/err"; rc=$?
  { [ $rc = 0 ] && [ "$(sed -n 1p "$WORK/out")" = "Usage:" ] &&
    grep -qx "  aixinwu $cmd \[OPTION…\].*" "$WORK/out" && [ ! -s "$WORK/err" ]; } ||
    help_bad="$help_bad$cmd: exit $rc, $(head -2 "$WORK/out" | tr '\n' ' ')"$'\n'

  "$AXW" "$@" --no-such-option >"$WORK/out" 2>"$WORK/err"; rc=$?
  want="aixinwu $cmd: Unknown option --no-such-option (see “aixinwu $cmd --help”)"
  { [ $rc = 2 ] && [ "$(cat "$WORK/err")" = "$want" ] && [ ! -s "$WORK/out" ]; } ||
    bad_bad="$bad_bad$cmd: exit $rc, $(cat "$WORK/err" "$WORK/out" | head -3)"$'\n'

  # Chinese: the usage line, the summary and every option's description
  LANGUAGE=zh_CN "$AXW" "$@" --help >"$WORK/zh" 2>&1
  untranslated=$(grep -E '^  -' "$WORK/zh" | grep -vP '\p{Han}')
  { [ "$(sed -n 1p "$WORK/zh")" = "用法：" ] && sed -n 4p "$WORK/zh" | grep -qP '\p{Han}' &&
    grep -qx "选项：" "$WORK/zh" && grep -qx "全局选项：" "$WORK/zh" && [ -z "$untranslated" ]; } ||
    zh_bad="$zh_bad$cmd: $(sed -n 4p "$WORK/zh") $untranslated"$'\n'
done <<<"$all"
check "every command's --help exits 0 with its Usage line" "" "$help_bad"
check "every command refuses an unknown option on one line, exit 2" "" "$bad_bad"
check "every command's help is Chinese under LANGUAGE=zh_CN" "" "$zh_bad"
check "neither --help nor a refused option creates the database" no \
  "$([ -e "$AIXINWU_DB" ] && echo yes || echo no)"

# the program itself, the same way
expect_ok "aixinwu --help" "$AXW" --help
check "its usage line" "  aixinwu [OPTION…] [COMMAND [ARGUMENT…]]" "$(echo "$OUT" | sed -n 2p)"
"$AXW" --no-such-option >/dev/null 2>"$WORK/err"; rc=$?
check "aixinwu --no-such-option: exit 2, one line" \
  "2:aixinwu: Unknown option --no-such-option (see “aixinwu --help”)" "$rc:$(cat "$WORK/err")"
LANGUAGE=zh_CN "$AXW" sell --no-such-option 2>"$WORK/err"
check "the refusal in Chinese too" "aixinwu sell：未知选项 --no-such-option（见“aixinwu sell --help”）" \
  "$(cat "$WORK/err")"

# a missing value, a bad number: the same one line, exit 2
"$AXW" sell --pay >/dev/null 2>"$WORK/err"; rc=$?
check "a missing value: exit 2, one line" "2:1" "$rc:$(wc -l <"$WORK/err")"
grep -q "(see “aixinwu sell --help”)" "$WORK/err" && tap_result OK "it points to --help" ||
  tap_result FAIL "it points to --help" "$(cat "$WORK/err")"
"$AXW" backup --keep many >/dev/null 2>"$WORK/err"; rc=$?
check "not a number: exit 2, one line" "2:1" "$rc:$(wc -l <"$WORK/err")"

# the global options go anywhere before or after the sub-command, --opt=value too
expect_ok "init" "$AXW" init --demo
expect_ok "--db before a sub-command" "$AXW" settings --db="$AIXINWU_DB" get shop.name
expect_ok "--db after it" "$AXW" settings get shop.name --db "$AIXINWU_DB"
echo 8888 >"$WORK/pin"
expect_ok "--staff before a sub-command" sh -c "'$AXW' funds --staff 王店长 add 测试基金 <'$WORK/pin'"
expect_ok "--db given after the command is the one opened" \
  "$AXW" settings get shop.name --db "$WORK/other.db"
check "it was created" yes "$([ -e "$WORK/other.db" ] && echo yes || echo no)"
# a negative amount is an argument, not an option; after --reason it is the reason
expect_ok "open a shift" sh -c "'$AXW' shift open --staff 王店长 100 <'$WORK/pin'"
expect_ok "shift cash -5 --reason -5" \
  sh -c "'$AXW' shift cash --staff 王店长 -5 --reason -5 <'$WORK/pin'"
check "five yuan out" -500 "$(echo "$OUT" | sed 's/.*"in_out_fen":\(-\?[0-9]*\).*/\1/')"
check "the reason is -5" -5 "$(sql "SELECT reason FROM cash_movements ORDER BY id DESC LIMIT 1")"

tap_done
