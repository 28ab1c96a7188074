#!/usr/bin/env bash
# Every benchmark at a tiny scale, writing nothing: proves they still run and end by themselves.
# Needs the PostgreSQL of bench/README.md (BENCH_DATABASE_URL, default port 55432). Never gates on a time.
set -euo pipefail
cd "$(dirname "$0")/.."
# Its own database, so a smoke run never replaces the 1M dataset kept for bench/queries.ts.
npx tsx bench/generate.ts --follow-ups 3000 --orgs 20 --db bench_smoke --keep --no-write
npx tsx bench/queries.ts --db bench_smoke --runs 3 --no-write
npx tsx bench/sweep.ts --follow-ups 300 --pglite-follow-ups 100 --orgs 10 --no-write
npx tsx bench/delivery.ts --messages 300 --no-write
npx tsx bench/api.ts --duration 2 --interviews 2000 --no-write
npx tsx bench/load.ts --duration 3 --clients 10 --interviews 300 --no-write
npx tsx bench/startup.ts --runs 1 --settle 0 --no-write
npx tsx bench/closure.ts --candidates 12 --weeks 1 --drain-weeks 1 --step-minutes 60 --no-write
echo "bench smoke: all benchmarks ran"
