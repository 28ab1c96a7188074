#!/usr/bin/env bash
# Run a command with PostgreSQL for tests: TEST_DATABASE_URL as set, or else a throwaway
# PostgreSQL 15 cluster started for the command and stopped after it, when its binaries are
# installed (PGBIN, default /usr/lib/postgresql/15/bin). Without either, TEST_DATABASE_URL stays unset.
# Usage: scripts/with-postgres.sh COMMAND [ARGS…]
set -euo pipefail
cd "$(dirname "$0")/.."
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
if [ -z "${TEST_DATABASE_URL:-}" ] && [ -x "$PGBIN/initdb" ]; then
  PGDATA=$(mktemp -d /tmp/hearback-pg-XXXXXX)
  trap 'scripts/stop-postgres.sh "$PGDATA"' EXIT
  TEST_DATABASE_URL=$(scripts/start-postgres.sh "$PGDATA")
  export TEST_DATABASE_URL
fi
"$@"
