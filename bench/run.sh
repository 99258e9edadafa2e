#!/usr/bin/env bash
# Builds and runs the benchmarks, then rewrites docs/benchmarks.md with the results.
# Not part of the test suite: timings belong here, never in a test.
#   bash bench/run.sh                 ledger, HQ ingest (SQLite, and PostgreSQL when a throwaway
#                                     cluster can be started), 100,000-entry backlog, storms of
#                                     100x1000 and 1000x100 terminals x entries, jifen-pos with a
#                                     million members (a few minutes)
#   bash bench/run.sh --storm-full    the same plus the issue's full storm, 1000 x 1000
#   JIFEN_BENCH_STORM=NxM[,NxM]       other storm sizes
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# A Release build of its own: benchmark figures are for optimised code, tests use the other tree.
build="${JIFEN_BENCH_BUILD_DIR:-$root/build-bench}"
storm="${JIFEN_BENCH_STORM:-100x1000,1000x100}"
ledger_args=()
for arg in "$@"; do
    if [ "$arg" = --storm-full ]; then storm="$storm,1000x1000"; else ledger_args+=("$arg"); fi
done
bash "$root/scripts/install-deps.sh"
if [ ! -f "$build/build.ninja" ]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DJIFEN_BUILD_TESTS=OFF >/dev/null
fi
cmake --build "$build" -j2 --target bench_ledger bench_sync bench_pos jifen-hq >/dev/null

# A throwaway PostgreSQL cluster for the ingest comparison, as scripts/test.sh starts one.
pg=""
cleanup() { [ -n "$pg" ] && bash "$root/scripts/pg-throwaway.sh" stop "$pg"; }
trap cleanup EXIT
pg_args=()
if pg=$(bash "$root/scripts/pg-throwaway.sh" 2>/dev/null); then
    psql -q -h "$pg" -U postgres -d postgres -c "CREATE DATABASE jifen_bench" >/dev/null
    pg_args=(--pg "postgresql://postgres@/jifen_bench?host=$pg" --psql-host "$pg" --psql-db jifen_bench)
else
    pg=""
    echo "bench: no PostgreSQL cluster; the PostgreSQL ingest row is skipped" >&2
fi

out="$root/docs/benchmarks.md"
{
    echo "# Benchmarks"
    echo
    echo "Produced by \`bash bench/run.sh\` on $(date -u +%Y-%m-%d) — $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo),"
    echo "$(. /etc/os-release && echo "$PRETTY_NAME"), build type $(grep -m1 CMAKE_BUILD_TYPE "$build/CMakeCache.txt" | cut -d= -f2)."
    echo "Every figure is compared with a baseline measured in the same run on the same machine."
    echo
    "$build/bench/bench_ledger" --dir "$build" "${ledger_args[@]}"
    "$build/bench/bench_sync" --dir "$build" --hq "$build/bin/jifen-hq" "${pg_args[@]}" --storm "$storm"
    # --- jifen-pos (bench/bench_pos.cpp): member shown, sale committed, on the offscreen platform ---
    QT_QPA_PLATFORM=offscreen "$build/bench/bench_pos" --dir "$build"
    # --- end jifen-pos ---
    cat "$root/bench/notes.md"
} > "$out.tmp"
mv "$out.tmp" "$out"
cat "$out"
