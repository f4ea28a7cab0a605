#!/usr/bin/env bash
# Installs the Debian 12 packages that building and testing need, only those missing.
set -euo pipefail
pkgs=(
  meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libsqlite3-dev libqrencode-dev
  libusb-1.0-0-dev libsoup-3.0-dev libjson-glib-dev libsodium-dev libcairo2-dev libpango1.0-dev
  libxtst-dev
  xvfb xauth umockdev libumockdev-dev gir1.2-umockdev-1.0 zbar-tools sqlite3
  fonts-noto-cjk poppler-utils desktop-file-utils appstream python3 dbus-daemon at-spi2-core
  python3-pyatspi
  orca speech-dispatcher python3-xlib
  clang libclang-rt-14-dev locales
  postgresql-15 libpq-dev
  build-essential debhelper dpkg-dev fakeroot lintian
)
# The UI tests read the screens as a Chinese desktop would: LC_ALL=zh_CN.UTF-8.
need_locale () { ! locale -a 2>/dev/null | grep -qix 'zh_CN.utf8'; }
gen_locale () {
  sed -i 's/^# *zh_CN.UTF-8 UTF-8/zh_CN.UTF-8 UTF-8/' /etc/locale.gen
  grep -q '^zh_CN.UTF-8 UTF-8' /etc/locale.gen || echo 'zh_CN.UTF-8 UTF-8' >>/etc/locale.gen
  locale-gen >/dev/null
}
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  if need_locale; then
    [ "$(id -u)" -eq 0 ] || { echo "Run as root to generate the zh_CN.UTF-8 locale" >&2; exit 1; }
    gen_locale
  fi
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing packages: ${missing[*]}" >&2
  echo "Run as root, or: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
need_locale && gen_locale
exit 0
