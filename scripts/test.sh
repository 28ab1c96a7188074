#!/usr/bin/env bash
# The whole test suite, on PGlite and on PostgreSQL. Uses TEST_DATABASE_URL when set; otherwise
# starts a throwaway PostgreSQL 15 cluster if its binaries are installed, and stops it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
if [ -z "${TEST_DATABASE_URL:-}" ] && [ -x "$PGBIN/initdb" ]; then
  PGDATA=$(mktemp -d /tmp/hearback-pg-XXXXXX)
  trap 'scripts/stop-postgres.sh "$PGDATA"' EXIT
  TEST_DATABASE_URL=$(scripts/start-postgres.sh "$PGDATA")
  export TEST_DATABASE_URL
fi
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  echo "note: no PostgreSQL (set TEST_DATABASE_URL or install postgresql-15); running on PGlite only" >&2
fi
npx vitest run "$@"
