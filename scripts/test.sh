#!/usr/bin/env bash
# Builds Jifen and runs the whole test suite. This is README's test command and what CI runs.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${JIFEN_BUILD_DIR:-$root/build}"
bash "$root/scripts/build.sh" "$build"
cd "$build"
QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j2 --timeout 900
