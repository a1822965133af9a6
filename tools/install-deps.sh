#!/bin/sh
# Install the Debian 12 packages glstream needs to build, test and demo.
# Only missing packages are installed; apt-get update runs only then.
#
#   tools/install-deps.sh           build, test and demo packages
#   tools/install-deps.sh --bench   also the optional benchmark packages:
#                                   virgl-server (virgl_test_server), which
#                                   bench/compare uses for its `virgl` mode
#                                   (skipped with a message when missing)
set -eu

OPTIONAL=
case "${1:-}" in
    --bench) OPTIONAL="virgl-server" ;;
    "") ;;
    *) echo "usage: tools/install-deps.sh [--bench]" >&2; exit 2 ;;
esac

# Build: compiler, meson/ninja, Khronos registry (gl.xml), EGL/GLES/glvnd/X11
# headers (xcb and MIT-SHM for presentation), libseccomp.  Run/test: Mesa
# (llvmpipe), Xvfb, xwd (x11-apps), xwininfo (x11-utils), netpbm (PNG screenshots), es2gears_x11 and
# glmark2-es2.  In Debian 12, es2gears_x11 is part of mesa-utils, which also
# provides the old package name mesa-utils-extra.  Conformance
# (tests/conformance): piglit, waffle-utils (without it piglit skips every
# GLES shader test), apitrace + apitrace-tracers (eglretrace, egltrace.so).
# Fuzzing (tests/fuzz/run-fuzz): clang and its libFuzzer runtime.
PACKAGES="build-essential meson ninja-build pkg-config python3 khronos-api
libegl-dev libgles-dev libglvnd-dev libx11-dev libxcb1-dev libxcb-shm0-dev
libx11-xcb-dev libseccomp-dev
libegl-mesa0 libgl1-mesa-dri xvfb x11-apps x11-utils netpbm mesa-utils
glmark2-es2-x11 piglit waffle-utils apitrace apitrace-tracers clang libclang-rt-14-dev
$OPTIONAL"

is_installed() {
    [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)" = installed ]
}

missing=
for p in $PACKAGES; do
    is_installed "$p" || missing="$missing $p"
done
if [ -z "$missing" ]; then
    echo "install-deps: all packages are installed"
    exit 0
fi

SUDO=
if [ "$(id -u)" != 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
        echo "install-deps: missing packages:$missing -- run as root to install them" >&2
        exit 1
    fi
    SUDO=sudo
fi

echo "install-deps: installing:$missing"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
# shellcheck disable=SC2086  # the package list is split on purpose
$SUDO apt-get install -y -q --no-install-recommends $missing
