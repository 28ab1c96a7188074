#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster on 127.0.0.1 and print its admin URL on stdout.
# Usage: scripts/start-postgres.sh [PGDATA]   (stop it with scripts/stop-postgres.sh PGDATA)
# initdb refuses root, so as root the cluster belongs to the unprivileged `postgres` user.
set -euo pipefail
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PGDATA=${1:-$(mktemp -d /tmp/hearback-pg-XXXXXX)}
PGPORT=${PGPORT:-$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}
if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
  useradd --system --create-home postgres
fi
mkdir -p "$PGDATA"
as_owner() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$PGDATA"
as_owner "'$PGBIN/initdb' -D '$PGDATA' -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >'$PGDATA.initdb.log' 2>&1" \
  || { cat "$PGDATA.initdb.log" >&2; exit 1; }
# fsync=off: a test cluster is thrown away; durability would only slow the suite down.
as_owner "'$PGBIN/pg_ctl' -D '$PGDATA' -l '$PGDATA/server.log' -w start \
  -o \"-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off\" >/dev/null" \
  || { cat "$PGDATA/server.log" >&2; exit 1; }
echo "postgres://postgres@127.0.0.1:$PGPORT/postgres"
