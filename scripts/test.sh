#!/usr/bin/env bash
# Builds Jifen and runs the whole test suite. This is README's test command and what CI runs.
# HQ's integration tests run on SQLite and, on a throwaway PostgreSQL cluster started here, on
# PostgreSQL too.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${JIFEN_BUILD_DIR:-$root/build}"
bash "$root/scripts/build.sh" "$build"

pg=""
cleanup() { [ -n "$pg" ] && bash "$root/scripts/pg-throwaway.sh" stop "$pg"; }
trap cleanup EXIT
if [ -z "${JIFEN_TEST_PG:-}" ]; then
    if pg=$(bash "$root/scripts/pg-throwaway.sh"); then
        export JIFEN_TEST_PG="postgresql://postgres@/?host=$pg"
    else
        pg=""
        echo "warning: no PostgreSQL cluster could be started; HQ tests run on SQLite only" >&2
    fi
fi

cd "$build"
QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j2 --timeout 900

# The Debian packages: built, installed with dpkg, checked (--version, systemd units), removed.
bash "$root/scripts/package-check.sh" "$build"
