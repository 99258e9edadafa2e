#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with clang, ASan and UBSan into build-fuzz/, then runs
# each for a bounded time from its seed corpus. Usage: scripts/fuzz.sh [seconds-per-target] [target...]
# (default 20 s, every target; JIFEN_FUZZ_SECONDS also sets the time). New inputs the fuzzer finds go
# to build-fuzz/corpus/<target>/ (not the repo); a crash is saved in build-fuzz/artifacts/<target>/
# and the script fails. Turn a crash into a regression test by copying its file to
# tests/fuzz/regressions/<target>/ (tst_fuzz_regressions runs it) and fixing the bug.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${JIFEN_FUZZ_BUILD_DIR:-$root/build-fuzz}"
seconds="${1:-${JIFEN_FUZZ_SECONDS:-20}}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(journal_entry hq_sync rule_set parsers cli_args escpos)
cxx="${JIFEN_FUZZ_CXX:-clang++-14}"
command -v "$cxx" >/dev/null || { echo "fuzz.sh: $cxx not found (apt-get install clang-14)" >&2; exit 1; }

if [ ! -f "$build/build.ninja" ]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJIFEN_FUZZ=ON \
        -DCMAKE_CXX_COMPILER="$cxx" -DJIFEN_BUILD_TESTS=OFF -DJIFEN_BUILD_BENCH=OFF >/dev/null
fi
cmake --build "$build" -j2 --target fuzzers

# Qt's own (uninstrumented) one-time allocations are not leaks of ours; everything else aborts.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export QT_LOGGING_RULES="*.debug=false;*.warning=false"
failed=()
printf '%-14s %10s %8s %8s %s\n' target executions exec/s corpus result
for t in "${targets[@]}"; do
    corpus="$build/corpus/$t"
    artifacts="$build/artifacts/$t"
    mkdir -p "$corpus" "$artifacts"
    log="$build/fuzz-$t.log"
    set +e
    "$build/bin/fuzz/fuzz_$t" -max_total_time="$seconds" -print_final_stats=1 -rss_limit_mb=4096 -timeout=10 \
        -max_len=65536 -artifact_prefix="$artifacts/" "$corpus" "$root/tests/fuzz/corpus/$t" >"$log" 2>&1
    rc=$?
    set -e
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    size=$(find "$corpus" -type f | wc -l)
    if [ $rc -eq 0 ]; then
        result=ok
    else
        result="CRASH (exit $rc): $(ls -t "$artifacts" | head -1), see $log"
        failed+=("$t")
    fi
    printf '%-14s %10s %8s %8s %s\n' "$t" "${runs:-?}" "${speed:-?}" "$size" "$result"
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz.sh: crashes in: ${failed[*]}" >&2
    for t in "${failed[@]}"; do
        crash="$build/artifacts/$t/$(ls -t "$build/artifacts/$t" | head -1)"
        echo "  $t: replay with: $build/bin/fuzz/fuzz_$t $crash" >&2
        echo "  keep it as a regression input (tst_fuzz_regressions feeds every file there), then fix the bug:" >&2
        echo "    mkdir -p tests/fuzz/regressions/$t && cp $crash tests/fuzz/regressions/$t/" >&2
    done
    exit 1
fi
