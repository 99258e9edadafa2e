#!/usr/bin/env bash
# Builds and runs the benchmarks, then rewrites docs/benchmarks.md with the results.
# Not part of the test suite: timings belong here, never in a test.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# A Release build of its own: benchmark figures are for optimised code, tests use the other tree.
build="${JIFEN_BENCH_BUILD_DIR:-$root/build-bench}"
bash "$root/scripts/install-deps.sh"
if [ ! -f "$build/build.ninja" ]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DJIFEN_BUILD_TESTS=OFF >/dev/null
fi
cmake --build "$build" -j2 --target bench_ledger >/dev/null
out="$root/docs/benchmarks.md"
{
    echo "# Benchmarks"
    echo
    echo "Produced by \`bash bench/run.sh\` on $(date -u +%Y-%m-%d) — $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo),"
    echo "$(. /etc/os-release && echo "$PRETTY_NAME"), build type $(grep -m1 CMAKE_BUILD_TYPE "$build/CMakeCache.txt" | cut -d= -f2)."
    echo "Every figure is compared with a baseline measured in the same run on the same machine."
    echo
    "$build/bench/bench_ledger" --dir "$build" "$@"
    # --- jifen-pos (bench/bench_pos.cpp): member shown, sale committed, offscreen ---
    cmake --build "$build" -j2 --target bench_pos >/dev/null
    "$build/bench/bench_pos" --dir "$build"
    # --- end jifen-pos ---
    cat "$root/bench/notes.md"
} > "$out.tmp"
mv "$out.tmp" "$out"
cat "$out"
