#!/usr/bin/env bash
# Every message is translated: xgettext over po/POTFILES, msgmerge against
# po/zh_CN.po, and nothing may be left untranslated or fuzzy; every file
# with translatable text is in po/POTFILES; the catalogue compiles with
# its format strings checked (msgfmt -c). Speaks TAP.
set -u
SRC="${AIXINWU_SRCDIR:?AIXINWU_SRCDIR is not set}"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/axw-po-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
N=0
FAILED=0
result () {  # result OK|FAIL DESCRIPTION [DETAIL]
  N=$((N + 1))
  if [ "$1" = OK ]; then echo "ok $N $2"
  else FAILED=$((FAILED + 1)); echo "not ok $N $2"; [ -n "${3:-}" ] && printf '%s\n' "$3" | sed 's/^/# /'; fi
}

cd "$SRC" || exit 1
missing=$( { grep -l -E '\b(N?_|g_dngettext) \(' src/*.c src/*/*.c; grep -l 'translatable="yes"' ui/*.ui ui/*/*.ui; } |
           sort -u | while read -r f; do grep -qx "$f" po/POTFILES || echo "$f"; done)
[ -z "$missing" ] && result OK "every file with translatable text is in po/POTFILES" ||
  result FAIL "every file with translatable text is in po/POTFILES" "missing: $missing"

if xgettext --from-code=UTF-8 -k_ -kN_ -kC_:1c,2 -kNC_:1c,2 -kg_dngettext:2,3 --add-comments \
     --files-from=po/POTFILES -o "$WORK/aixinwu.pot" 2>"$WORK/err"; then
  result OK "xgettext reads po/POTFILES"
else
  result FAIL "xgettext reads po/POTFILES" "$(cat "$WORK/err")"
fi
msgmerge -q --no-fuzzy-matching po/zh_CN.po "$WORK/aixinwu.pot" -o "$WORK/merged.po" 2>"$WORK/err" ||
  result FAIL "msgmerge" "$(cat "$WORK/err")"
untranslated=$(msgattrib --untranslated --no-obsolete "$WORK/merged.po" | grep -A3 '^msgid' | grep -v '^msgid ""$' | head -40)
[ -z "$(msgattrib --untranslated --no-obsolete "$WORK/merged.po" | grep '^msgid' | grep -v '^msgid ""$')" ] &&
  result OK "no message left untranslated in zh_CN" ||
  result FAIL "no message left untranslated in zh_CN" "$untranslated"
fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$WORK/merged.po" | grep -A2 '^msgid' | head -40)
[ -z "$(msgattrib --only-fuzzy --no-obsolete "$WORK/merged.po" | grep '^msgid' | grep -v '^msgid ""$')" ] &&
  result OK "no fuzzy message in zh_CN" || result FAIL "no fuzzy message in zh_CN" "$fuzzy"
msgfmt -c -o /dev/null po/zh_CN.po 2>"$WORK/err" && result OK "zh_CN.po compiles with checked formats" ||
  result FAIL "zh_CN.po compiles with checked formats" "$(cat "$WORK/err")"
# a translation must not double the punctuation its sentence ends with
doubled=$(msgattrib --translated --no-obsolete "$WORK/merged.po" | grep -E '^msgstr' | grep -E '\.。|。。|：：|，，|。\.' | head)
[ -z "$doubled" ] && result OK "no doubled punctuation in zh_CN" ||
  result FAIL "no doubled punctuation in zh_CN" "$doubled"

# errors of the store, printer, sync, CLI… layers reach people: through gettext
bare=$(python3 "$SRC/tests/untranslated-errors.py" "$SRC")
[ -z "$bare" ] && result OK "every error message goes through gettext" ||
  result FAIL "every error message goes through gettext" "$bare"

echo "1..$N"
[ "$FAILED" -eq 0 ]
