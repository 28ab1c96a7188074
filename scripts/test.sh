#!/usr/bin/env bash
# The test suite on PGlite and on PostgreSQL: every tier, or the ones named
# (`scripts/test.sh --project db`; tiers are in test/tiers.ts). Uses TEST_DATABASE_URL when set;
# otherwise starts a throwaway PostgreSQL 15 cluster if its binaries are installed, and stops it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${TEST_DATABASE_URL:-}" ] && [ ! -x "${PGBIN:-/usr/lib/postgresql/15/bin}/initdb" ]; then
  echo "note: no PostgreSQL (set TEST_DATABASE_URL or install postgresql-15); running on PGlite only" >&2
fi
exec scripts/with-postgres.sh npx vitest run "$@"
