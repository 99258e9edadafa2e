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

# Each phase prints its wall time; docs/reliability.md keeps the figures of a full run.
phase_start=0
phase() { [ "$phase_start" -eq 0 ] || echo "test.sh: $phase_name took $(( $(date +%s) - phase_start )) s"; phase_name="$1"; phase_start=$(date +%s); }

phase "the suite"
(cd "$build" && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j2 --timeout 900)

# clang-tidy, timed fuzzing and the sanitizer run are opt-in (JIFEN_TIDY=1, JIFEN_FUZZ=1,
# JIFEN_ASAN=1) until a whole clean-clone run with them has been timed inside CI's 90 minutes on
# two cores (docs/reliability.md); JIFEN_FULL=1 turns on all three. The fuzzers' seed and
# regression inputs always run in the suite above (tst_fuzz_regressions).
if [ -n "${JIFEN_FULL:-}" ]; then
    JIFEN_TIDY=1 JIFEN_FUZZ=1 JIFEN_ASAN=1
fi

# clang-tidy (.clang-tidy, every warning an error) on the C++ files changed by the last commit or
# this branch (scripts/tidy.sh says which).
if [ -n "${JIFEN_TIDY:-}" ]; then
    phase "clang-tidy"
    bash "$root/scripts/tidy.sh" "$build"
fi

# Fuzzing: every libFuzzer target built with clang, ASan and UBSan in build-fuzz/, run for a bounded
# time from its seed corpus (JIFEN_FUZZ_SECONDS per target, default 20). A crash fails the run and
# says how to make it a regression input. The seed and regression inputs also run in the suite
# above (tst_fuzz_regressions).
if [ -n "${JIFEN_FUZZ:-}" ]; then
    phase "fuzzing"
    bash "$root/scripts/fuzz.sh"
fi

# The suites once more under AddressSanitizer, LeakSanitizer and UndefinedBehaviorSanitizer
# (JIFEN_SANITIZE) in build-asan/ (no benchmarks, no ui suites). The simulation runs fewer seeds
# there (JIFEN_ASAN_SIM_SEEDS, default 30); JIFEN_ASAN_EXCLUDE (a ctest regex) leaves suites out:
# by default the three slowest, whose code the other suites run too (the kill -9 rounds, every HQ
# statement failing in turn, the headless browser).
if [ -n "${JIFEN_ASAN:-}" ]; then
    phase "ASan+UBSan build"
    asan="${JIFEN_ASAN_BUILD_DIR:-$root/build-asan}"
    bash "$root/scripts/build.sh" "$asan" -DJIFEN_SANITIZE=ON -DJIFEN_BUILD_BENCH=OFF
    phase "ASan+UBSan suites"
    (
        cd "$asan"
        # Leaks are reported, except Qt's own caches that live until exit (listed and explained in
        # tests/sanitizer/lsan.supp); any other report fails the test.
        export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}"
        export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$root/tests/sanitizer/lsan.supp:print_suppressions=0}"
        export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
        export JIFEN_SIM_SEEDS="${JIFEN_ASAN_SIM_SEEDS:-30}"
        QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j2 --timeout 1800 \
            -L '^(core|cli|fault|sync|security|fuzz|sim)$' -E "${JIFEN_ASAN_EXCLUDE:-^(tst_sync_faults|tst_hq_sql_failure|tst_hq_status_browser)$}"
    )
fi

phase "package check"
# The Debian packages: built, installed with dpkg, checked (--version, systemd units), removed.
bash "$root/scripts/package-check.sh" "$build"
phase done
