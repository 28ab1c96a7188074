#!/usr/bin/env bash
# Start a throwaway PostgreSQL 15 cluster on 127.0.0.1:${PGPORT:-54329} for the test suite and print
# its admin URL. initdb refuses root, so the cluster belongs to the unprivileged `postgres` user.
set -euo pipefail
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PGPORT=${PGPORT:-54329}
PGDATA=${PGDATA:-/tmp/hearback-pg-$PGPORT}
if ! id postgres >/dev/null 2>&1; then
  useradd --system --create-home postgres
fi
rm -rf "$PGDATA"
mkdir -p "$PGDATA"
chown postgres "$PGDATA"
run_as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
run_as_postgres "$PGBIN/initdb -D $PGDATA -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null"
run_as_postgres "$PGBIN/pg_ctl -D $PGDATA -o '-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off' -l $PGDATA/server.log -w start >/dev/null"
echo "postgres://postgres@127.0.0.1:$PGPORT/postgres"
