/**
 * Benchmark 2 — sweep: N outcome follow-ups falling due at once (their promises broke an hour
 * ago) are claimed, the policy applied (an honest update to the candidate, an escalation to the
 * hiring manager, a renewed promise), the messages rendered and written to the outbox.
 *
 *   npx tsx bench/sweep.ts [--follow-ups 100000] [--pglite-follow-ups 20000] [--orgs 100]
 *                          [--batch 100] [--library-follow-ups 20000] [--no-write]
 *                          [--only hearback,ceiling,pglite,graphile,pgboss,graphile-hb,pgboss-hb]
 *
 * Reports follow-ups/s for Hearback with 1 and 2 worker processes on PostgreSQL and on PGlite,
 * the raw SQL ceiling (claim + mark + bare outbox row, one statement per batch of 500), the same
 * minimal per-item work through graphile-worker and pg-boss at their documented fast settings,
 * and (`-hb`) Hearback's own ladder step run as one job per follow-up by each library: the same
 * work, scheduled by the library instead of the sweep's batches.
 */
import { fork } from 'node:child_process';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { ManualClock } from '../src/clock.ts';
import { openDb, wrapPglite } from '../src/db/db.ts';
import { sweepFollowUps } from '../src/services/sweep.service.ts';
import { migrate } from '../src/db/migrate.ts';
import {
  ADMIN_URL,
  args,
  databaseUrl,
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
import { loadPglite, loadPostgres, type DatasetSpec } from './lib/dataset.ts';
import { IDENTITY, ONE_ROW_SQL, runCeiling, runHearbackSweep, type LoopResult } from './lib/sweep-work.ts';

const a = args();
const N = numArg(a, 'follow-ups', 100_000);
const N_PGLITE = numArg(a, 'pglite-follow-ups', Math.min(N, 20_000));
const BATCH = numArg(a, 'batch', 100);
const CEILING_BATCH = 500;
const only = new Set(
  (a.get('only') ?? 'hearback,ceiling,pglite,graphile,pgboss,graphile-hb,pgboss-hb').split(','),
);
// Hearback's step per job is slow enough that the libraries run it on a smaller backlog.
const N_LIBRARY_HB = numArg(a, 'library-follow-ups', Math.min(N, 20_000));
const NOW = Date.parse('2026-11-18T14:00:00Z'); // a Wednesday afternoon: the ladder acts at once
const spec = (followUps: number): DatasetSpec => ({
  seed: 2,
  organizations: numArg(a, 'orgs', 100),
  followUps,
  touchpointsPerFollowUp: 1,
  skew: 1,
  now: NOW,
  mode: 'due',
});

interface Row {
  engine: string;
  impl: string;
  workers: number;
  items: number;
  seconds: number;
  statements: number | null;
  rssMiB: number | null;
  note: string;
}
const rows: Row[] = [];
const perSecond = (r: Row) => r.items / r.seconds;

function record(r: Row): void {
  rows.push(r);
  console.log(
    `${r.engine.padEnd(10)} ${r.impl.padEnd(16)} ${r.workers}w  ${fmt(r.items)} in ${r.seconds.toFixed(1)} s = ` +
      `${fmt(perSecond(r))}/s${r.statements !== null ? `, ${(r.statements / r.items).toFixed(1)} statements each` : ''}` +
      `${r.rssMiB !== null ? `, peak RSS ${fmt(r.rssMiB)} MiB` : ''} ${r.note}`,
  );
}

const TEMPLATE = 'bench_sweep_tpl';
const RUN = 'bench_sweep_run';

/** Load the due dataset once into a template database; each run clones it (a file copy). */
async function prepareTemplate(): Promise<void> {
  const url = await freshDatabase(TEMPLATE);
  const start = performance.now();
  const report = await loadPostgres(url, spec(N), { fast: false, parallel: 2 });
  const n = report.reduce((s, r) => s + r.rows, 0);
  console.log(`template: ${fmt(n)} rows loaded in ${since(start).toFixed(1)} s`);
}

async function cloneTemplate(): Promise<string> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${RUN} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${RUN} TEMPLATE ${TEMPLATE}`);
  } finally {
    await admin.end();
  }
  const url = databaseUrl(RUN);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query('ANALYZE');
  await c.end();
  return url;
}

/** What is left to do after a run: it must be nothing, or the figure is void. */
async function dueLeft(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const r = await c.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM follow_ups WHERE status = 'open' AND kind = 'outcome' AND next_action_at <= $1`,
    [new Date(NOW)],
  );
  await c.end();
  return r.rows[0]!.n;
}

/** Run `workers` child processes of `kind` against `url`; time from `go` to the last `done`. */
async function runChildren(kind: 'hearback' | 'ceiling', url: string, workers: number, batch: number) {
  const children = Array.from({ length: workers }, () =>
    fork(new URL('./sweep-child.ts', import.meta.url).pathname, [kind, url, String(NOW), String(batch)], {
      // BENCH_CPU_PROF=dir writes a V8 CPU profile of each worker there (see bench/README.md).
      execArgv: [
        '--import',
        'tsx',
        ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
      ],
    }),
  );
  const ready = children.map((c) => new Promise<void>((resolve) => c.once('message', () => resolve())));
  const done = children.map(
    (c) =>
      new Promise<{ result: LoopResult; rssMiB: number; cpuSeconds: number }>((resolve, reject) => {
        c.on('message', (m: { type: string; result: LoopResult; rssMiB: number; cpuSeconds: number }) => {
          if (m.type === 'done') resolve(m);
        });
        c.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
      }),
  );
  await Promise.all(ready);
  const start = performance.now();
  for (const c of children) c.send('go');
  const results = await Promise.all(done);
  // Both stop after two empty claims 50 ms apart; that idle tail is not work.
  const seconds = since(start) - 0.1;
  return {
    seconds,
    examined: results.reduce((s, r) => s + r.result.examined, 0),
    statements: results.reduce((s, r) => s + r.result.statements, 0),
    rssMiB: Math.max(...results.map((r) => r.rssMiB)),
    cpuSeconds: results.reduce((s, r) => s + r.cpuSeconds, 0),
  };
}

async function postgresRuns(): Promise<void> {
  await prepareTemplate();
  if (only.has('hearback')) {
    for (const workers of [1, 2]) {
      const url = await cloneTemplate();
      const r = await runChildren('hearback', url, workers, BATCH);
      const left = await dueLeft(url);
      record({
        engine: 'PostgreSQL',
        impl: 'Hearback sweep',
        workers,
        items: N,
        seconds: r.seconds,
        statements: r.statements,
        rssMiB: r.rssMiB,
        note: `(${fmt(r.examined)} ladder steps: each broken promise is stepped once (update, escalation, renewed promise planned in the same step); worker CPU ${r.cpuSeconds.toFixed(0)} s${left ? `; ${left} LEFT DUE` : ''})`,
      });
    }
  }
  if (only.has('ceiling')) {
    for (const workers of [1, 2]) {
      const url = await cloneTemplate();
      const r = await runChildren('ceiling', url, workers, CEILING_BATCH);
      record({
        engine: 'PostgreSQL',
        impl: 'raw SQL ceiling',
        workers,
        items: r.examined,
        seconds: r.seconds,
        statements: r.statements,
        rssMiB: r.rssMiB,
        note: `(batch ${CEILING_BATCH})`,
      });
    }
  }
  if (only.has('graphile')) await graphileRun('minimal');
  if (only.has('pgboss')) await pgBossRun('minimal');
  if (only.has('graphile-hb')) await graphileRun('hearback');
  if (only.has('pgboss-hb')) await pgBossRun('hearback');
  await dropDatabase(RUN);
  await dropDatabase(TEMPLATE);
}

/** Wait (bounded) until `check` says done; returns whether it did. */
async function until(check: () => Promise<boolean>, timeoutMs: number, everyMs = 100): Promise<boolean> {
  const end = performance.now() + timeoutMs;
  while (performance.now() < end) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return false;
}

/** What each library job does: the ceiling's one statement, or Hearback's ladder step. */
type LibraryWork = 'minimal' | 'hearback';

/** One job per due follow-up (N_LIBRARY_HB of them when each job runs Hearback's step). */
async function followUpIds(pool: pg.Pool, work: LibraryWork): Promise<string[]> {
  const r = await pool.query<{ id: string }>(
    `SELECT id FROM follow_ups WHERE status = 'open' ORDER BY next_action_at, id LIMIT $1`,
    [work === 'hearback' ? N_LIBRARY_HB : N],
  );
  return r.rows.map((x) => x.id);
}

/**
 * Hearback's ladder step for one follow-up, as a library job runs it: the sweep with a batch of
 * one (it claims the follow-up that has waited longest, so N jobs step N follow-ups). Null for
 * the minimal work.
 */
async function libraryStep(
  work: LibraryWork,
  url: string,
  connections: number,
): Promise<((() => Promise<void>) & { close: () => Promise<void> }) | null> {
  if (work === 'minimal') return null;
  const db = await openDb({ kind: 'postgres', url, poolMax: connections });
  const deps = {
    db,
    clock: new ManualClock(new Date(NOW)),
    identity: IDENTITY,
    appUrl: 'http://127.0.0.1:3000',
  };
  const step = async () => {
    const r = await sweepFollowUps(deps, { batchSize: 1 });
    if (r.errors > 0) throw new Error(`Hearback's step reported ${r.errors} errors`);
  };
  return Object.assign(step, { close: () => db.close() });
}

/**
 * graphile-worker 0.17 at the settings its performance page recommends for throughput: a
 * local queue (jobs fetched and locked in batches), batched completions, prepared statements,
 * concurrency well above the core count. One job per follow-up doing the ceiling's work for one row.
 */
async function graphileRun(work: LibraryWork): Promise<void> {
  const { run, makeWorkerUtils } = await import('graphile-worker');
  const url = await cloneTemplate();
  const pool = new pg.Pool({ connectionString: url, max: 24 });
  pool.on('error', () => {});
  const utils = await makeWorkerUtils({ pgPool: pool });
  await utils.migrate();
  const ids = await followUpIds(pool, work);
  const step = await libraryStep(work, url, 16);
  const t0 = performance.now();
  for (let i = 0; i < ids.length; i += 5000) {
    await utils.addJobs(ids.slice(i, i + 5000).map((id) => ({ identifier: 'step', payload: { id } })));
  }
  await pool.query('ANALYZE');
  console.log(`graphile-worker: ${fmt(ids.length)} jobs enqueued in ${since(t0).toFixed(1)} s (not timed)`);
  let done = 0;
  const concurrency = 16;
  const start = performance.now();
  const runner = await run({
    pgPool: pool,
    concurrency,
    noHandleSignals: true,
    pollInterval: 200,
    logger: new (await import('graphile-worker')).Logger(() => () => {}),
    taskList: {
      step: async (payload, helpers) => {
        if (step) await step();
        else await helpers.query(ONE_ROW_SQL, [(payload as { id: string }).id]);
      },
    },
    preset: { worker: { localQueue: { size: 500 }, completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
  });
  runner.events.on('job:success', () => {
    done++;
  });
  const finished = await until(async () => {
    if (done < ids.length) return false;
    const r = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM graphile_worker._private_jobs`);
    return r.rows[0]!.n === 0;
  }, 900_000);
  const seconds = since(start);
  await runner.stop();
  await utils.release();
  await step?.close();
  await pool.end();
  record({
    engine: 'PostgreSQL',
    impl: work === 'hearback' ? "graphile-worker + Hearback's step" : 'graphile-worker',
    workers: 1,
    items: done,
    seconds,
    statements: null,
    rssMiB: null,
    note: `(0.17.3, concurrency ${concurrency}, localQueue 500, completeJobBatchDelay 0${finished ? '' : '; DID NOT FINISH in 15 min'})`,
  });
}

/** The part of pg-boss 12 this benchmark uses (the package is not a dependency; see loadPgBoss). */
interface PgBossLike {
  on(event: 'error', fn: (e: unknown) => void): void;
  start(): Promise<unknown>;
  stop(options: { graceful: boolean }): Promise<void>;
  createQueue(name: string): Promise<void>;
  insert(name: string, jobs: { data: { id: string } }[]): Promise<unknown>;
  work<T>(
    name: string,
    options: Record<string, unknown>,
    fn: (jobs: { data: T }[]) => Promise<void>,
  ): Promise<string>;
}
type PgBossClass = new (options: Record<string, unknown>) => PgBossLike;

/**
 * pg-boss 12 declares Node >= 22.12, above Hearback's floor, so it is not in package.json:
 * `npm install --no-save pg-boss@12.35` adds it for this comparison. Null (with a note) without it.
 */
async function loadPgBoss(): Promise<PgBossClass | null> {
  const specifier = 'pg-boss';
  try {
    return ((await import(specifier)) as { PgBoss: PgBossClass }).PgBoss;
  } catch {
    console.log(
      'pg-boss rows skipped: run `npm install --no-save pg-boss@12.35` (Node >= 22.12) to include them',
    );
    return null;
  }
}

/**
 * pg-boss 12.35 at its fast settings: batch fetch (batchSize 500) with burst polling, several
 * local workers, fresh planner statistics after the enqueue. One job per follow-up, each doing
 * the ceiling's work for one row.
 */
async function pgBossRun(work: LibraryWork): Promise<void> {
  const PgBoss = await loadPgBoss();
  if (!PgBoss) return;
  const url = await cloneTemplate();
  const pool = new pg.Pool({ connectionString: url, max: 12 });
  pool.on('error', () => {});
  const boss = new PgBoss({ connectionString: url, max: 12, supervise: false, schedule: false });
  boss.on('error', (e: unknown) => console.error('pg-boss error', e));
  await boss.start();
  await boss.createQueue('step');
  const ids = await followUpIds(pool, work);
  const step = await libraryStep(work, url, 4);
  const t0 = performance.now();
  for (let i = 0; i < ids.length; i += 5000) {
    await boss.insert(
      'step',
      ids.slice(i, i + 5000).map((id) => ({ data: { id } })),
    );
  }
  await pool.query('ANALYZE');
  console.log(`pg-boss: ${fmt(ids.length)} jobs enqueued in ${since(t0).toFixed(1)} s (not timed)`);
  let handled = 0;
  const localConcurrency = 4;
  const start = performance.now();
  await boss.work<{ id: string }>(
    'step',
    { batchSize: 500, burstWhenBatchFull: true, pollingIntervalSeconds: 0.5, localConcurrency },
    async (jobs) => {
      for (const job of jobs) {
        if (step) await step();
        else await pool.query(ONE_ROW_SQL, [job.data.id]);
      }
      handled += jobs.length;
    },
  );
  const finished = await until(async () => {
    if (handled < ids.length) return false;
    const r = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'step' AND state <> 'completed'`,
    );
    return r.rows[0]!.n === 0;
  }, 900_000);
  const seconds = since(start);
  await boss.stop({ graceful: false });
  await step?.close();
  await pool.end();
  record({
    engine: 'PostgreSQL',
    impl: work === 'hearback' ? "pg-boss + Hearback's step" : 'pg-boss',
    workers: 1,
    items: handled,
    seconds,
    statements: null,
    rssMiB: null,
    note: `(12.35, batchSize 500, burstWhenBatchFull, localConcurrency ${localConcurrency}${finished ? '' : '; DID NOT FINISH in 15 min'})`,
  });
}

/** PGlite, in this process: one backend, so one worker. */
async function pgliteRuns(): Promise<void> {
  for (const impl of ['Hearback sweep', 'raw SQL ceiling'] as const) {
    if (impl === 'Hearback sweep' ? !only.has('pglite') : !only.has('pglite') || !only.has('ceiling'))
      continue;
    const pglite = await PGlite.create();
    const db = wrapPglite(pglite);
    await migrate(db);
    const t0 = performance.now();
    await loadPglite(pglite, spec(N_PGLITE));
    console.log(`PGlite: ${fmt(N_PGLITE)} due follow-ups loaded in ${since(t0).toFixed(1)} s`);
    const r =
      impl === 'Hearback sweep'
        ? await runHearbackSweep(db, NOW, BATCH)
        : await runCeiling(db, NOW, CEILING_BATCH);
    const left = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM follow_ups WHERE status = 'open' AND next_action_at <= $1`,
      [new Date(NOW)],
    );
    record({
      engine: 'PGlite',
      impl,
      workers: 1,
      items: impl === 'Hearback sweep' ? N_PGLITE : r.examined,
      seconds: r.seconds,
      statements: null,
      rssMiB: peakRssMiB(),
      note: `(in-process${left[0]!.n ? `; ${left[0]!.n} LEFT DUE` : ''})`,
    });
    await db.close();
  }
}

console.log(
  `sweep benchmark: ${fmt(N)} follow-ups on PostgreSQL, ${fmt(N_PGLITE)} on PGlite, Hearback batch ${BATCH}`,
);
if (['hearback', 'ceiling', 'graphile', 'pgboss', 'graphile-hb', 'pgboss-hb'].some((k) => only.has(k)))
  await postgresRuns();
if (only.has('pglite')) await pgliteRuns();

const find = (engine: string, impl: string, workers = 1) =>
  rows.find((r) => r.engine === engine && r.impl === impl && r.workers === workers);
const ratio = (x: Row | undefined, y: Row | undefined) =>
  x && y ? (perSecond(x) / perSecond(y)).toPrecision(2) : 'n/a';
const ratios: [string, string][] = [
  [
    'Hearback / ceiling, PostgreSQL, 1 worker',
    ratio(find('PostgreSQL', 'Hearback sweep'), find('PostgreSQL', 'raw SQL ceiling')),
  ],
  [
    'Hearback / ceiling, PostgreSQL, 2 workers',
    ratio(find('PostgreSQL', 'Hearback sweep', 2), find('PostgreSQL', 'raw SQL ceiling', 2)),
  ],
  ['Hearback / ceiling, PGlite', ratio(find('PGlite', 'Hearback sweep'), find('PGlite', 'raw SQL ceiling'))],
  [
    'Hearback (1 worker) / graphile-worker',
    ratio(find('PostgreSQL', 'Hearback sweep'), find('PostgreSQL', 'graphile-worker')),
  ],
  [
    'Hearback (1 worker) / pg-boss',
    ratio(find('PostgreSQL', 'Hearback sweep'), find('PostgreSQL', 'pg-boss')),
  ],
  [
    "Hearback (1 worker) / graphile-worker running Hearback's step",
    ratio(find('PostgreSQL', 'Hearback sweep'), find('PostgreSQL', "graphile-worker + Hearback's step")),
  ],
  [
    "Hearback (1 worker) / pg-boss running Hearback's step",
    ratio(find('PostgreSQL', 'Hearback sweep'), find('PostgreSQL', "pg-boss + Hearback's step")),
  ],
  [
    'Hearback 2 workers / 1 worker',
    ratio(find('PostgreSQL', 'Hearback sweep', 2), find('PostgreSQL', 'Hearback sweep')),
  ],
];
console.log('');
for (const [k, v] of ratios) console.log(`${k}: ${v}`);

const whatIf = process.env.BENCH_WHATIF ? `BENCH_WHATIF=${process.env.BENCH_WHATIF} ` : '';
const command = `${whatIf}npx tsx bench/sweep.ts --follow-ups ${N} --pglite-follow-ups ${N_PGLITE} --batch ${BATCH} --library-follow-ups ${N_LIBRARY_HB}${a.has('only') ? ` --only ${a.get('only')}` : ''}`;
const hostLine = await machine();
writeSection(
  `sweep${a.has('only') ? `-${[...only].join('-')}` : ''}${process.env.BENCH_WHATIF ? `-whatif-${process.env.BENCH_WHATIF}` : ''}`,
  `### 2. Sweep: ${fmt(N)} follow-ups falling due at once

\`${command}\` — ${hostLine}

${table(
  [
    'engine',
    'implementation',
    'workers',
    'items',
    'seconds',
    'items/s',
    'statements/item',
    'worker peak RSS',
    'notes',
  ],
  rows.map((r) => [
    r.engine,
    r.impl,
    r.workers,
    fmt(r.items),
    r.seconds.toFixed(1),
    `**${fmt(perSecond(r))}**`,
    r.statements !== null ? (r.statements / r.items).toFixed(1) : '',
    r.rssMiB !== null ? `${fmt(r.rssMiB)} MiB` : '',
    r.note,
  ]),
)}

${table(['ratio', 'value'], ratios)}`,
);
