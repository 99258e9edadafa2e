#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the tests: initdb + pg_ctl as the postgres user, a
# Unix socket in a temp dir, no TCP. Prints the directory; `pg-throwaway.sh stop DIR` removes it.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "postgresql is not installed" >&2; exit 1; }
as_postgres() {
    if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi
}
if [ "${1:-}" = stop ]; then
    dir="$2"
    as_postgres "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    exit 0
fi
dir=$(mktemp -d /tmp/jifen-pg.XXXXXX)
chown postgres "$dir"
chmod 700 "$dir"
as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=on -c max_connections=200" start >/dev/null
chmod 755 "$dir"
echo "$dir"
