#!/usr/bin/env bash
# Runs clang-tidy (repo .clang-tidy, every warning an error) on the C++ files changed since a base
# commit, using the compile commands of a configured build. Usage: scripts/tidy.sh [build-dir]
# The base: JIFEN_TIDY_BASE if set; else the merge base with origin/main when this branch has
# commits of its own; else the previous commit (a clean clone of main checks its last commit).
# A changed header is checked through the changed .cpp files that include it (HeaderFilterRegex).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
tidy="${JIFEN_CLANG_TIDY:-clang-tidy-14}"
command -v "$tidy" >/dev/null || { echo "tidy.sh: $tidy not found (apt-get install clang-tidy-14)" >&2; exit 1; }
[ -f "$build/compile_commands.json" ] || { echo "tidy.sh: no $build/compile_commands.json; build first" >&2; exit 1; }
cd "$root"

base="${JIFEN_TIDY_BASE:-}"
if [ -z "$base" ] && git rev-parse -q --verify origin/main >/dev/null; then
    mb=$(git merge-base HEAD origin/main)
    [ "$mb" != "$(git rev-parse HEAD)" ] && base="$mb"
fi
if [ -z "$base" ]; then
    if ! base=$(git rev-parse -q --verify HEAD~1); then
        echo "tidy.sh: no previous commit (shallow clone?); nothing to compare, skipped" >&2
        exit 0
    fi
fi

# Only translation units of our own code that the build compiles (generated files excluded).
files=()
while IFS= read -r f; do
    [ -f "$f" ] && grep -q "\"file\": \"$root/$f\"" "$build/compile_commands.json" && files+=("$f")
done < <(git diff --name-only --diff-filter=d "$base" HEAD -- '*.cpp' | grep -E '^(core|sync|ui|app|tests|bench)/')

echo "tidy.sh: ${#files[@]} changed .cpp file(s) since $(git rev-parse --short "$base")"
[ ${#files[@]} -gt 0 ] || exit 0
# GCC's compile flags reach clang here; a flag clang does not know is not a finding.
"$tidy" -p "$build" --quiet --warnings-as-errors='*' --extra-arg=-Wno-unknown-warning-option "${files[@]}"
echo "tidy.sh: clean"
