#!/usr/bin/env bash
# The Debian package (`make deb`, tools/build-deb.sh) as a shop terminal gets
# it: lintian finds no errors, it holds exactly the files of tests/deb-files.txt,
# and unpacked into a scratch root its program runs, knows its version, creates
# a database, and finds its translation, schema, desktop file and icon there.
# The package is built beforehand by `make check` (or `make deb`) into
# AXW_DEB_DIR (default: _deb in the source tree). Speaks TAP.
. "$(dirname "$0")/tap.sh"
SRC="${AIXINWU_SRCDIR:?AIXINWU_SRCDIR is not set}"
VERSION="${AXW_PROJECT_VERSION:?AXW_PROJECT_VERSION is not set}"
DIR="${AXW_DEB_DIR:-$SRC/_deb}"
DEB="$DIR/aixinwu_${VERSION}_$(dpkg --print-architecture).deb"
ROOT="$WORK/root"

if [ ! -f "$DEB" ]; then
  tap_result FAIL "the package of version $VERSION was built" \
    "$DEB is missing: run make deb (its version is debian/changelog's, the program's meson.build's)"
  tap_done
  exit 1
fi
tap_result OK "the package of version $VERSION was built"

# lintian: no errors; its warnings are shown, not counted
lintian --fail-on error "$DEB" >"$WORK/lintian" 2>&1
status=$?
sed -i '/running with root privileges/d' "$WORK/lintian"
if [ "$status" -eq 0 ]; then
  tap_result OK "lintian reports no errors"
  sed 's/^/# /' "$WORK/lintian"
else
  tap_result FAIL "lintian reports no errors" "$(cat "$WORK/lintian")"
fi

check "the package's version is the program's" "$VERSION" "$(dpkg-deb -f "$DEB" Version)"

mkdir -p "$ROOT"
expect_ok "the package unpacks into a scratch root" dpkg -x "$DEB" "$ROOT"
(cd "$ROOT" && find . ! -type d | sed 's/^\.//' | LC_ALL=C sort) >"$WORK/files"
LC_ALL=C sort "$SRC/tests/deb-files.txt" | grep -v '^#' >"$WORK/expected"
if diff -u "$WORK/expected" "$WORK/files" >"$WORK/diff"; then
  tap_result OK "the package holds the files of tests/deb-files.txt"
else
  tap_result FAIL "the package holds the files of tests/deb-files.txt" "$(cat "$WORK/diff")"
fi

BIN="$ROOT/usr/bin/aixinwu"
expect_ok "the installed aixinwu --version runs" "$BIN" --version
case "$OUT" in
  "aixinwu $VERSION "*) tap_result OK "the installed program says its version" ;;
  *) tap_result FAIL "the installed program says its version" "got: $OUT" ;;
esac
rpath=$(readelf -d "$BIN" 2>&1 | grep -E 'RPATH|RUNPATH')
check "the installed program looks for libraries only where the system does" "" "$rpath"
expect_ok "the installed program creates a database" "$BIN" --db "$WORK/new.db" init
expect_ok "the installed program reads it" "$BIN" --db "$WORK/new.db" staff list

# a message of po/zh_CN.po (the first plain one-line message) as the installed catalogue has it
IFS=$'\t' read -r msgid msgstr < <(python3 - "$SRC/po/zh_CN.po" <<'PY'
import re, sys
po = open(sys.argv[1], encoding="utf-8").read()
for entry in po.split("\n\n"):
    m = re.search(r'^msgid "([^"%\\]+)"\nmsgstr "([^"\\]+)"$', entry, re.M)
    if m and "msgctxt" not in entry and "fuzzy" not in entry:
        print(m.group(1), m.group(2), sep="\t")
        break
PY
)
hello=$(LC_ALL=C.UTF-8 LANGUAGE=zh_CN TEXTDOMAINDIR="$ROOT/usr/share/locale" \
        gettext -d aixinwu "$msgid")
check "the installed catalogue translates the program's messages (“$msgid”)" "$msgstr" "$hello"
expect_ok "the installed GSettings schema compiles" \
  glib-compile-schemas --strict --dry-run "$ROOT/usr/share/glib-2.0/schemas"
desktop="$ROOT/usr/share/applications/cn.aixinwu.Pos.desktop"
expect_ok "the installed desktop file is valid" desktop-file-validate "$desktop"
exec=$(sed -n 's/^Exec=//p' "$desktop")
icon=$(sed -n 's/^Icon=//p' "$desktop")
if [ -x "$ROOT/usr/bin/$exec" ] &&
   [ -f "$ROOT/usr/share/icons/hicolor/scalable/apps/$icon.svg" ]; then
  tap_result OK "the desktop file's program and icon are installed"
else
  tap_result FAIL "the desktop file's program and icon are installed" "Exec=$exec Icon=$icon"
fi
rule="$ROOT/usr/lib/udev/rules.d/70-aixinwu-printer.rules"
if grep -q '^SUBSYSTEM=="usb".*ID_USB_INTERFACES.*:0701.*TAG+="uaccess"' "$rule"; then
  tap_result OK "the udev rule gives the user at the counter the USB printers"
else
  tap_result FAIL "the udev rule gives the user at the counter the USB printers"
fi
tap_done
