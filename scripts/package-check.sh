#!/usr/bin/env bash
# Builds the Debian packages (jifen-pos, jifen-hq), installs them with dpkg, checks the installed
# binaries and systemd units, then removes them. Part of scripts/test.sh (CI).
#
#   scripts/package-check.sh [build-dir]
#
# Needs root (dpkg); as another user it calls sudo. It refuses to run when jifen-pos or jifen-hq is
# already installed, so it never removes packages it did not install. The `jifen` system user made
# by jifen-hq's postinst is kept on removal, as on a real server.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-${JIFEN_BUILD_DIR:-$root/build}}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo

say() { printf 'package-check: %s\n' "$*"; }
fail() { say "FAIL: $*" >&2; exit 1; }

for p in jifen-pos jifen-hq; do
    if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "installed"; then
        fail "$p is already installed here; remove it first (this check installs and removes its own copy)"
    fi
done

[ -f "$build/build.ninja" ] || bash "$root/scripts/build.sh" "$build"
cmake --build "$build" -j2 --target jifen jifen-hq
rm -rf "$build/packages"
(cd "$build" && cpack -G DEB -C RelWithDebInfo >/dev/null) || fail "cpack failed (see $build/_CPack_Packages)"
shopt -s nullglob
debs=("$build"/packages/*.deb)
[ ${#debs[@]} -eq 2 ] || fail "expected 2 packages, got: ${debs[*]:-none}"
for deb in "${debs[@]}"; do
    say "built $(basename "$deb")"
    dpkg-deb -f "$deb" Package Version Depends | sed 's/^/    /'
done

installed=0
cleanup() {
    if [ "$installed" = 1 ]; then
        say "removing the packages"
        $SUDO dpkg --purge jifen-pos jifen-hq >/dev/null || say "warning: dpkg --purge failed" >&2
    fi
}
trap cleanup EXIT
$SUDO dpkg -i "${debs[@]}" >/dev/null || fail "dpkg -i failed (are the dependencies installed? scripts/install-deps.sh)"
installed=1

# The installed binaries, not the build tree's.
version="$(sed -n 's/^project(Jifen VERSION \([0-9.]*\).*/\1/p' "$root/CMakeLists.txt")"
[ "$(/usr/bin/jifen --version)" = "jifen $version" ] || fail "jifen --version: $(/usr/bin/jifen --version)"
[ "$(/usr/bin/jifen-hq --version)" = "jifen-hq $version" ] || fail "jifen-hq --version: $(/usr/bin/jifen-hq --version)"
say "jifen --version and jifen-hq --version print $version"

# What the postinst and the files should have done.
getent passwd jifen >/dev/null || fail "the jifen system user was not created"
[ "$(stat -c %U:%G /var/lib/jifen)" = "jifen:jifen" ] || fail "/var/lib/jifen is not owned by jifen"
[ "$(stat -c %a:%G /etc/jifen/hq.conf)" = "640:jifen" ] || fail "/etc/jifen/hq.conf is not 0640 root:jifen"
dpkg-query --control-show jifen-hq conffiles 2>/dev/null | grep -q /etc/jifen/hq.conf ||
    fail "/etc/jifen/hq.conf is not a conffile"
[ -d /usr/share/jifen/translations ] || fail "no translations directory"
[ -f /usr/share/icons/hicolor/scalable/apps/jifen.svg ] || fail "no icon"
# The service's own command line works: the jifen user, the packaged configuration.
if command -v runuser >/dev/null; then
    runuser -u jifen -- /usr/bin/jifen-hq --config /etc/jifen/hq.conf --json verify | grep -q '"ok":true' ||
        fail "jifen-hq --config /etc/jifen/hq.conf verify as the jifen user failed"
    say "jifen-hq --config /etc/jifen/hq.conf verify runs as the jifen user"
    $SUDO rm -f /var/lib/jifen/hq.db /var/lib/jifen/hq.db-wal /var/lib/jifen/hq.db-shm
fi

# systemd-analyze verify loads unit files without a running systemd; when even that cannot work
# here (no systemd-analyze, or it cannot initialise in this container) say so, never pass silently.
units=(/usr/lib/systemd/system/jifen-hq.service /usr/lib/systemd/system/jifen-sync@root.service
       /usr/lib/systemd/system/jifen-sync@root.timer)
for u in /usr/lib/systemd/system/jifen-hq.service /usr/lib/systemd/system/jifen-sync@.service \
         /usr/lib/systemd/system/jifen-sync@.timer; do
    [ -f "$u" ] || fail "$u is not installed"
done
if ! command -v systemd-analyze >/dev/null; then
    say "SKIPPED: systemd-analyze is not installed; the units were NOT verified"
else
    probe="$(mktemp -d)"
    printf '[Unit]\nDescription=probe\n[Service]\nType=oneshot\nExecStart=/bin/true\n' >"$probe/jifen-probe.service"
    if ! probe_out="$(SYSTEMD_LOG_LEVEL=err systemd-analyze verify "$probe/jifen-probe.service" 2>&1)"; then
        say "SKIPPED: systemd-analyze cannot run in this environment, the units were NOT verified:"
        printf '    %s\n' "$probe_out"
    else
        # Template units are verified as an instance (root, which exists everywhere).
        out="$(systemd-analyze verify "${units[@]}" 2>&1)" || { printf '%s\n' "$out" >&2; fail "systemd-analyze verify"; }
        # verify exits 0 on some warnings: any line naming our units is a finding.
        if printf '%s\n' "$out" | grep -E 'jifen' >&2; then
            fail "systemd-analyze verify reported problems in the units"
        fi
        say "systemd-analyze verify: jifen-hq.service, jifen-sync@.service, jifen-sync@.timer are valid"
    fi
    rm -rf "$probe"
fi
say "ok"
