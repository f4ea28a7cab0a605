#!/usr/bin/env bash
# Builds the Debian package of the working tree into DIR (default _deb/):
# copies the sources (tracked and new files, as the tree has them now; no
# build folders) into DIR/src and runs dpkg-buildpackage there, so nothing
# is written into the tree itself and `_build` is never touched. The .deb,
# .changes and .buildinfo land in DIR. Lintian is run by `make deb` and by
# the `deb` test suite, not here.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$top/_deb}
mkdir -p "$out"
out=$(cd "$out" && pwd)
rm -rf "$out/src" "$out"/aixinwu_* "$out"/aixinwu-dbgsym_*
mkdir -p "$out/src"
cd "$top"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  # files present now: tracked (minus deleted ones) and untracked but not ignored
  git ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
    tar --null -T - -cf - | tar -xf - -C "$out/src"
else
  tar --exclude='./_*' --exclude='./.git' -cf - . | tar -xf - -C "$out/src"
fi
cd "$out/src"
export DEB_BUILD_OPTIONS=${DEB_BUILD_OPTIONS:-parallel=$(nproc)}
dpkg-buildpackage -us -uc -b
ls -1 "$out"/*.deb
