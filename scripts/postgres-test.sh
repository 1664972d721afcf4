#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, from Debian's postgresql package, on 127.0.0.1.
#   eval "$(bash scripts/postgres-test.sh)"   starts it (or finds it running) and exports TEST_DATABASE_URL
#   bash scripts/postgres-test.sh stop        stops it
# Trust authentication on loopback only: test data, never real data. Runs the server as the
# `postgres` user when started as root (initdb refuses root).
set -euo pipefail

PORT="${PG_TEST_PORT:-54329}"
DATA_DIR="${PG_TEST_DIR:-/tmp/field-office-pg-test}"
URL="postgres://postgres@127.0.0.1:${PORT}/postgres"

bindir=""
for dir in /usr/lib/postgresql/*/bin; do
  [ -x "$dir/initdb" ] && bindir="$dir"
done
if [ -z "$bindir" ]; then
  echo "postgres-test: no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install -y postgresql)" >&2
  exit 1
fi

as_postgres() {
  if [ "$(id -u)" = "0" ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

if [ "${1:-start}" = "stop" ]; then
  if [ -f "$DATA_DIR/postmaster.pid" ]; then
    as_postgres "$bindir/pg_ctl" -D "$DATA_DIR" -m fast -w stop >&2
  fi
  exit 0
fi

if ! as_postgres "$bindir/pg_ctl" -D "$DATA_DIR" status >/dev/null 2>&1; then
  if [ ! -f "$DATA_DIR/PG_VERSION" ]; then
    mkdir -p "$DATA_DIR"
    [ "$(id -u)" = "0" ] && chown postgres:postgres "$DATA_DIR"
    as_postgres "$bindir/initdb" -D "$DATA_DIR" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >&2
  fi
  # Tuned for throwaway test data: no fsync, more connections for parallel test files.
  as_postgres "$bindir/pg_ctl" -D "$DATA_DIR" -w -l "$DATA_DIR/server.log" \
    -o "-h 127.0.0.1 -p $PORT -k /tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >&2
fi

echo "export TEST_DATABASE_URL=$URL"
