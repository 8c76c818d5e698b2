#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the storage tests and prints its URL.
#
#   scripts/start-test-postgres.sh [DIR]     → postgresql://postgres@127.0.0.1:PORT/kehoach_test
#   scripts/start-test-postgres.sh stop DIR  stops it and removes DIR
#
# Runs the server as the postgres user (needs root, or to be that user) on a free loopback
# port, with its socket and data under DIR (default: a new /tmp/kehoach-pg.XXXXXX).
set -euo pipefail

bindir=""
for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && bindir="$d"; done
if [ -z "$bindir" ] && command -v initdb >/dev/null; then bindir="$(dirname "$(command -v initdb)")"; fi
[ -n "$bindir" ] || { echo "start-test-postgres: PostgreSQL server binaries not found" >&2; exit 2; }

if [ "$(id -u)" -eq 0 ]; then
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

if [ "${1:-}" = "stop" ]; then
  dir="${2:?usage: start-test-postgres.sh stop DIR}"
  [ -d "$dir/data" ] && as_pg "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  case "$dir" in /tmp/*) rm -rf "$dir" ;; esac
  exit 0
fi

dir="${1:-$(mktemp -d /tmp/kehoach-pg.XXXXXX)}"
mkdir -p "$dir"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

if [ "$(id -u)" -eq 0 ]; then
  chown postgres: "$dir"
  chmod 700 "$dir"
fi

as_pg "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
as_pg "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres kehoach_test

echo "postgresql://postgres@127.0.0.1:$port/kehoach_test"
