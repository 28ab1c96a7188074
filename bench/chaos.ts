/**
 * Chaos: `npm run bench:chaos -- [--messages 10000] [--kills 50] [--pg-restarts 3]
 * [--pglite-kills 20] [--backend postgres|pglite|both] [--minutes 10] [--seed 1]`.
 *
 * Seeds outcome messages due now, runs the real `hearback worker` and `hearback serve` against a
 * PostgreSQL cluster of its own (PGlite: `serve` alone, the directory's one process), delivering to
 * an SMTP server on 127.0.0.1; SIGKILLs them at random moments, crashes PostgreSQL (immediate
 * shutdown) and restarts it; then lets it drain and counts. Bounded by --minutes per backend;
 * prints a summary table and exits non-zero when a message was lost or a follow-up left open.
 */
import { args, machine, numArg } from './lib/common.ts';
import { chaosTable, postgresInstalled, runChaos, type ChaosResult } from '../test/support/chaos.ts';

// The run's duration is measured on the wall clock.
/* eslint-disable no-restricted-properties */

const a = args();
const messages = numArg(a, 'messages', 10_000);
const kills = numArg(a, 'kills', 50);
const pgliteKills = numArg(a, 'pglite-kills', kills);
const pgRestarts = numArg(a, 'pg-restarts', 3);
const minutes = numArg(a, 'minutes', 10);
const seed = numArg(a, 'seed', 1);
const backend = a.get('backend') ?? 'both';
if (!['postgres', 'pglite', 'both'].includes(backend))
  throw new Error('--backend must be postgres, pglite or both');

const log = (line: string) => process.stdout.write(`[chaos] ${line}\n`);
const results: ChaosResult[] = [];
const started = Date.now();
if (backend !== 'pglite') {
  if (!(await postgresInstalled())) throw new Error('PostgreSQL binaries not found (set PGBIN)');
  results.push(
    await runChaos({
      backend: 'postgres',
      messages,
      kills,
      pgRestarts,
      timeLimitMs: minutes * 60_000,
      seed,
      log: (l) => log(`postgres: ${l}`),
    }),
  );
}
if (backend !== 'postgres') {
  results.push(
    await runChaos({
      backend: 'pglite',
      messages,
      kills: pgliteKills,
      pgRestarts: 0,
      timeLimitMs: minutes * 60_000,
      seed,
      log: (l) => log(`pglite: ${l}`),
    }),
  );
}
const argv = process.argv.slice(2).join(' ');
console.log(`\n\`npm run bench:chaos${argv ? ` -- ${argv}` : ''}\` — ${await machine()}\n`);
console.log(chaosTable(results));
console.log(`\nTotal ${((Date.now() - started) / 1000).toFixed(0)} s.`);
const bad = results.filter((r) => r.lost > 0 || r.wronglyOpen > 0 || r.foreignOrSplit > 0 || !r.drained);
if (bad.length > 0) {
  console.error(`FAILED: ${bad.map((r) => r.backend).join(', ')} lost, left open or did not drain`);
  process.exitCode = 1;
}
