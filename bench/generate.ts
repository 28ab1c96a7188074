/**
 * Benchmark 1 — the data generator: a seeded, skewed dataset loaded with COPY, in rows/s.
 *
 *   npx tsx bench/generate.ts [--follow-ups 1000000] [--orgs 1000] [--touchpoints 5] [--seed 1]
 *                             [--fast] [--db bench_data] [--keep] [--no-write]
 *
 * --fast loads with foreign-key triggers off (session_replication_role = replica); the default
 * loads with every constraint checked. --keep leaves the database for bench/queries.ts.
 */
import { systemClock } from '../src/clock.ts';
import {
  args,
  dropDatabase,
  fmt,
  freshDatabase,
  machine,
  numArg,
  peakRssMiB,
  since,
  table,
  writeSection,
} from './lib/common.ts';
import { loadPostgres, shapeOf, type DatasetSpec } from './lib/dataset.ts';

const a = args();
const spec: DatasetSpec = {
  seed: numArg(a, 'seed', 1),
  organizations: numArg(a, 'orgs', 1000),
  followUps: numArg(a, 'follow-ups', 1_000_000),
  touchpointsPerFollowUp: numArg(a, 'touchpoints', 5),
  skew: numArg(a, 'skew', 1),
  // A fixed "now" keeps the dataset identical between runs (seeded), whatever day it is.
  now: Date.parse(a.get('now') ?? '2026-11-20T12:00:00Z'),
  mode: 'history',
};
const fast = a.has('fast');
const parallel = numArg(a, 'parallel', 2);
const dbName = a.get('db') ?? 'bench_data';

const shape = shapeOf(spec);
console.log(
  `dataset: ${fmt(spec.organizations)} organizations (largest ${fmt(shape[0]!.apps)} follow-ups, ` +
    `median ${fmt(shape[Math.floor(shape.length / 2)]!.apps)}, smallest ${fmt(shape.at(-1)!.apps)}), ` +
    `${fmt(spec.followUps)} follow-ups, ~${spec.touchpointsPerFollowUp} touchpoints each, seed ${spec.seed}; ` +
    `foreign keys ${fast ? 'OFF (--fast)' : 'checked'}`,
);
const url = await freshDatabase(dbName);
const start = performance.now();
const report = await loadPostgres(url, spec, { fast, parallel, log: console.log });
const seconds = since(start);
const rows = report.reduce((n, r) => n + r.rows, 0);
console.log(
  `total: ${fmt(rows)} rows in ${seconds.toFixed(1)} s = ${fmt(rows / seconds)} rows/s (ANALYZE included)`,
);
if (!a.has('keep')) await dropDatabase(dbName);

const command =
  `npx tsx bench/generate.ts --follow-ups ${spec.followUps} --orgs ${spec.organizations}` +
  `${fast ? ' --fast' : ''}${a.has('keep') ? ' --keep' : ''}`;
writeSection(
  `generate${fast ? '-fast' : ''}`,
  `### 1. Data generator — ${fast ? 'COPY, foreign-key triggers off' : 'COPY, every constraint checked'}

\`${command}\` — ${await machine()}

${fmt(spec.organizations)} organizations (Zipf s=${spec.skew}: largest ${fmt(shape[0]!.apps)} follow-ups, median ${fmt(shape[Math.floor(shape.length / 2)]!.apps)}), seed ${spec.seed}, generated at ${systemClock.now().toISOString().slice(0, 10)}.

${table(
  ['table', 'rows', 'seconds', 'rows/s'],
  report.map((r) => [r.table, fmt(r.rows), r.seconds.toFixed(1), r.rows ? fmt(r.rows / r.seconds) : '']),
)}

**Total ${fmt(rows)} rows in ${seconds.toFixed(1)} s = ${fmt(rows / seconds)} rows/s** (indexes maintained during the load, ANALYZE included). Loader peak RSS ${fmt(peakRssMiB())} MiB.`,
);
