#!/usr/bin/env bash
# Stop and delete a cluster started by scripts/start-postgres.sh.
set -uo pipefail
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PGDATA=$1
if [ "$(id -u)" = 0 ]; then
  su postgres -s /bin/bash -c "'$PGBIN/pg_ctl' -D '$PGDATA' -m immediate stop" >/dev/null 2>&1
else
  "$PGBIN/pg_ctl" -D "$PGDATA" -m immediate stop >/dev/null 2>&1
fi
rm -rf "$PGDATA" "$PGDATA.initdb.log"
