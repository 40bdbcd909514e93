#!/usr/bin/env bash
# The two set-up commands of the README, for a fresh Debian 12 machine:
#   bash scripts/setup.sh run    install what is missing, build, start the app on the demo workspace (its own store)
#   bash scripts/setup.sh test   install what is missing, build, run every test suite,
#                                then each parser fuzzer for 10 s (ctest label fuzz)
#   bash scripts/setup.sh fuzz   only the parser fuzzers (clang), 20 s each by default
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

BUILD_DIR=${TICKERWIRE_BUILD_DIR:-build}
# Real package names only (what `dpkg-query -W NAME` reports as installed),
# never virtual ones (Debian 12's libqt6charts6-dev is provided by
# qt6-charts-dev): dpkg never reports a virtual name installed, so every run
# would go to the network again.
PACKAGES=(
  cmake ninja-build g++ pkg-config file dpkg-dev
  qt6-base-dev qt6-base-dev-tools qt6-qpa-plugins qt6-charts-dev libqt6opengl6-dev qt6-svg-dev
  libqt6sql6-sqlite libqt6sql6-psql qtkeychain-qt6-dev libgl-dev libglx-dev libegl-dev libxkbcommon-dev
  libsqlite3-dev zlib1g-dev libbenchmark-dev postgresql
  libicu-dev   # feeds/parsers: ICU's charset detector (Qt's own decoders are ICU's too)
  dbus dbus-x11 gnome-keyring   # a session bus and a Secret Service for the D-Bus and keychain suites
  xvfb xauth fonts-dejavu-core  # X servers the tray and dock-tab suites start for themselves
  trayer    # a system tray on Xvfb for the tray-notification test
  openbox   # a window manager on Xvfb for the dock-tab test
  appstream desktop-file-utils man-db
  wamerican-small   # the word list tickerwire build-directory reduces into resources/directory (a test regenerates it)
)

missing_packages() {
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
  done
}

# On a machine that has everything this touches no network (no apt-get at all).
install_packages() {
  local missing
  mapfile -t missing < <(missing_packages)
  if ((${#missing[@]})); then
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    echo "Installing: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    mapfile -t missing < <(missing_packages)
    if ((${#missing[@]})); then
      echo "setup.sh: apt installed something else for: ${missing[*]} (a virtual package name?)." >&2
      echo "          Put the real package (dpkg-query -W reports it installed) in PACKAGES." >&2
      exit 1
    fi
  fi
}

build() {
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$BUILD_DIR" --parallel "$(nproc)"
}

run_tests() {
  # The D-Bus and keychain suites need a session bus with an unlocked Secret
  # Service (dbus-run-session, gnome-keyring); the tray and dock-tab suites
  # start their own Xvfb (with trayer, openbox); everything else runs
  # offscreen and talks only to servers it starts itself. A suite that finds
  # none of these reports SKIPPED in ctest, not passed.
  dbus-run-session -- bash -c '
    set -euo pipefail
    echo -n "tickerwire-ci" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    QT_QPA_PLATFORM=offscreen ctest --test-dir "$0" --output-on-failure --parallel "$(nproc)" --timeout 600
  ' "$BUILD_DIR"
}

run_fuzzers() {
  # libFuzzer needs clang; the fuzz project builds only the parsers, apart
  # from the GCC build. TW_FUZZ_SECONDS bounds each fuzzer (CI: 20 s).
  cmake -S fuzz -B "$BUILD_DIR-fuzz" -G Ninja -DCMAKE_CXX_COMPILER=clang++ \
    -DTW_FUZZ_SECONDS="${TW_FUZZ_SECONDS:-20}" >/dev/null
  cmake --build "$BUILD_DIR-fuzz" --parallel "$(nproc)"
  ctest --test-dir "$BUILD_DIR-fuzz" -L fuzz --output-on-failure
}

case "${1:-}" in
  fuzz)
    PACKAGES+=(clang libclang-rt-14-dev)   # only the fuzzers need clang
    install_packages
    run_fuzzers
    ;;
  run)
    install_packages
    build
    shift
    exec "$BUILD_DIR/app/tickerwire" --demo "$@"
    ;;
  test)
    PACKAGES+=(clang libclang-rt-14-dev)   # the parser fuzzers run briefly too
    install_packages
    build
    # Builds the .deb, installs it with apt, runs it from /usr/bin, removes it
    # (needs root or sudo; TICKERWIRE_SKIP_PACKAGE_CHECK=1 skips it on a workstation).
    [ "${TICKERWIRE_SKIP_PACKAGE_CHECK:-0}" = 1 ] || bash scripts/check-package.sh "$BUILD_DIR"
    run_tests
    TW_FUZZ_SECONDS="${TW_FUZZ_SECONDS:-10}" run_fuzzers
    ;;
  *)
    echo "usage: bash scripts/setup.sh run|test|fuzz" >&2
    exit 2
    ;;
esac
