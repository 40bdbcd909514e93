#!/usr/bin/env bash
# Packaging check, run by `bash scripts/setup.sh test` after the test suites:
#  1. `cmake --install` into a scratch prefix lays out the desktop files and the
#     installed binary runs from there (resources are compiled in);
#  2. CPack builds the .deb and the .tar.gz;
#  3. apt installs the .deb (a missing dependency fails here), the installed
#     /usr/bin/tickerwire prints its version and opens a fresh demo store;
#  4. the package is removed again.
# Needs root (apt). Usage: bash scripts/check-package.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BUILD_DIR=${1:-${TICKERWIRE_BUILD_DIR:-build}}
BUILD_DIR=$(realpath "$BUILD_DIR")
VERSION=$(sed -n 's/^project(tickerwire VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

echo "== cmake --install into a scratch prefix"
cmake --install "$BUILD_DIR" --prefix "$scratch/prefix" >/dev/null
for f in bin/tickerwire \
         share/applications/io.github.tickerwire.Tickerwire.desktop \
         share/metainfo/io.github.tickerwire.Tickerwire.metainfo.xml \
         share/icons/hicolor/scalable/apps/io.github.tickerwire.Tickerwire.svg \
         share/icons/hicolor/16x16/apps/io.github.tickerwire.Tickerwire.png \
         share/icons/hicolor/512x512/apps/io.github.tickerwire.Tickerwire.png \
         share/man/man1/tickerwire.1.gz; do
  [ -f "$scratch/prefix/$f" ] || { echo "missing after install: $f" >&2; exit 1; }
done
"$scratch/prefix/bin/tickerwire" --version | grep -qx "tickerwire $VERSION"
# Output goes to files first: `grep -q` on a pipe can end the writer early (SIGPIPE under pipefail).
(cd "$scratch" && "$scratch/prefix/bin/tickerwire" --demo --store "$scratch/prefix-store.db" stats) >"$scratch/prefix-stats.txt"
grep -q '^articles: [1-9]' "$scratch/prefix-stats.txt"

echo "== cpack: .deb and .tar.gz"
(cd "$BUILD_DIR" && cpack -G "DEB;TGZ" >/dev/null)
deb="$BUILD_DIR/tickerwire_${VERSION}_$(dpkg --print-architecture).deb"
[ -f "$deb" ] || { echo "no package at $deb" >&2; exit 1; }
[ -f "$BUILD_DIR/tickerwire-${VERSION}-Linux.tar.gz" ] || { echo "no tarball" >&2; exit 1; }
dpkg-deb --field "$deb" Depends

echo "== apt install, run from /usr/bin, remove"
export DEBIAN_FRONTEND=noninteractive
# apt reads the local .deb as the _apt user: give it a readable copy.
cp "$deb" "$scratch/" && chmod 755 "$scratch" && chmod 644 "$scratch/$(basename "$deb")"
deb="$scratch/$(basename "$deb")"
$sudo apt-get install -y -qq --reinstall --no-install-recommends "$deb" >/dev/null
status=0
{
  [ -x /usr/bin/tickerwire ] &&
  /usr/bin/tickerwire --version | grep -qx "tickerwire $VERSION" &&
  (cd "$scratch" && env -u TICKERWIRE_STORE HOME="$scratch" \
     /usr/bin/tickerwire --demo --store "$scratch/s.db" stats) >"$scratch/stats.txt" &&
  grep -q '^articles: [1-9]' "$scratch/stats.txt"
} || status=1
$sudo apt-get remove -y -qq --purge tickerwire >/dev/null
if [ -e /usr/bin/tickerwire ]; then
  echo "/usr/bin/tickerwire is still there after removing the package" >&2
  exit 1
fi
if [ "$status" -ne 0 ]; then
  echo "the installed package did not run" >&2
  exit 1
fi
cat "$scratch/stats.txt"
echo "package check passed: tickerwire $VERSION installed, ran and was removed"
