/**
 * Benchmark 5 — queries at scale, on the dataset of bench/generate.ts (kept with --keep):
 * the follow-ups home view, an application's timeline and the follow-up (closure) report of the
 * largest organization, called through the services as the routes call them (row-level security
 * in force). Prints p50/p95 and writes each statement's plan to bench/plans/, checked in, so a
 * lost index shows up in review as a changed plan.
 *
 *   npx tsx bench/generate.ts --keep          # once: 1,000 orgs, 1M follow-ups, 5M touchpoints
 *   npx tsx bench/queries.ts [--db bench_data] [--runs 50] [--only home-view,overdue,…] [--no-write]
 *
 * Ten times the data (issue #19): generate it into its own database, then name the scale, which
 * writes its own section and its plans, with EXPLAIN (ANALYZE, BUFFERS), under bench/plans/10x/:
 *
 *   npx tsx bench/generate.ts --follow-ups 10000000 --orgs 10000 --fast --keep --db bench_10m --no-write
 *   npx tsx bench/queries.ts --db bench_10m --scale 10x
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { ManualClock } from '../src/clock.ts';
import { openDb } from '../src/db/db.ts';
import { getApplicationTimeline } from '../src/services/application.service.ts';
import { listFollowUpsPage } from '../src/services/follow-up.service.ts';
import { getFollowUpReport } from '../src/services/report.service.ts';
import {
  args,
  databaseUrl,
  fmt,
  machine,
  numArg,
  percentile,
  ROOT,
  table,
  writeSection,
} from './lib/common.ts';

const a = args();
const DB = a.get('db') ?? 'bench_data';
const RUNS = numArg(a, 'runs', 50);
// A named scale writes its own section and plan directory, with timings and buffers in the plans.
const SCALE = a.get('scale') ?? null;
const PLANS = SCALE ? `bench/plans/${SCALE}` : 'bench/plans';
const url = databaseUrl(DB);
// The dataset's "now" (bench/generate.ts --now), so overdue and due-today mean the same every run.
const clock = new ManualClock(a.get('now') ?? '2026-11-20T12:00:00Z');

// Capture the statements a call sends, to explain them afterwards.
let capture: { text: string; values: unknown[] }[] | null = null;
// eslint-disable-next-line @typescript-eslint/unbound-method -- re-applied below with the client as `this`
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...x: unknown[]) {
  // A prepared statement (src/db/db.ts, F8) arrives as a config object, not as text.
  const config =
    typeof x[0] === 'object' && x[0] !== null ? (x[0] as { text?: unknown; values?: unknown[] }) : null;
  if (capture && typeof x[0] === 'string')
    capture.push({ text: x[0], values: (x[1] as unknown[] | undefined) ?? [] });
  else if (capture && typeof config?.text === 'string')
    capture.push({ text: config.text, values: config.values ?? [] });
  return (originalQuery as (...y: unknown[]) => unknown).apply(this, x);
} as typeof pg.Client.prototype.query;

const db = await openDb({ kind: 'postgres', url, poolMax: 4 });
const deps = { db, clock };
const [largest] = await db.query<{ org_id: string; n: number; total: number }>(
  `SELECT org_id, count(*)::int AS n, (SELECT count(*)::int FROM follow_ups) AS total
     FROM follow_ups GROUP BY org_id ORDER BY n DESC LIMIT 1`,
);
if (!largest) throw new Error(`no dataset in ${DB}: run npx tsx bench/generate.ts --keep first`);
const orgId = largest.org_id;
const [owner] = await db.query<{ owner_id: string; n: number }>(
  `SELECT owner_id, count(*)::int AS n FROM follow_ups WHERE org_id = $1 AND status = 'open'
    GROUP BY owner_id ORDER BY n DESC LIMIT 1`,
  [orgId],
);
const apps = await db.query<{ id: string }>(
  `SELECT application_id AS id FROM follow_ups WHERE org_id = $1 ORDER BY md5(id::text) LIMIT $2`,
  [orgId, RUNS],
);
const counts = await db.query<{ t: number; m: number; o: number }>(
  `SELECT (SELECT count(*)::int FROM touchpoints) AS t, (SELECT count(*)::int FROM messages) AS m,
          (SELECT count(*)::int FROM organizations) AS o`,
);
console.log(
  `dataset ${DB}: ${fmt(largest.total)} follow-ups, ${fmt(counts[0]!.t)} touchpoints, ${fmt(counts[0]!.m)} messages; ` +
    `largest organization ${fmt(largest.n)} follow-ups; its busiest owner has ${fmt(owner!.n)} open`,
);

const now = clock.now();
const yearAgo = new Date(now.getTime() - 365 * 86_400_000);
const monthAgo = new Date(now.getTime() - 30 * 86_400_000);
const cases: { name: string; what: string; run: (i: number) => Promise<unknown> }[] = [
  {
    name: 'home-view',
    what: `GET /follow-ups?ownerId=…&status=open — first page of 50 of the busiest owner's ${fmt(owner!.n)} open`,
    run: () => listFollowUpsPage(deps, orgId, { ownerId: owner!.owner_id, status: 'open', limit: 50 }),
  },
  {
    name: 'overdue',
    what: "GET /follow-ups?overdue=true — the organization's broken promises, first page of 50",
    run: () => listFollowUpsPage(deps, orgId, { overdue: true, limit: 50 }),
  },
  {
    name: 'timeline',
    what: 'GET /applications/:id/timeline — a random application of the organization',
    run: (i) => getApplicationTimeline(deps, orgId, apps[i % apps.length]!.id),
  },
  {
    name: 'closure-report-by-job',
    what: 'GET /reports/follow-ups?group=job — the last 365 days, grouped by job',
    run: () => getFollowUpReport(deps, orgId, { from: yearAgo, to: now, group: 'job' }),
  },
  {
    name: 'closure-report',
    what: 'GET /reports/follow-ups — the last 365 days, whole organization',
    run: () => getFollowUpReport(deps, orgId, { from: yearAgo, to: now, group: 'none' }),
  },
  {
    name: 'closure-report-30d',
    what: 'GET /reports/follow-ups — the last 30 days, whole organization',
    run: () => getFollowUpReport(deps, orgId, { from: monthAgo, to: now, group: 'none' }),
  },
];

// --only a,b runs those cases alone (at 10x the data, the report by job runs for minutes).
const only = a.get('only')?.split(',') ?? null;
const rows: (string | number)[][] = [];
// Smoke runs (--no-write) run on a small dataset whose plans are not the reference ones.
const writePlans = !process.argv.includes('--no-write');
if (writePlans) mkdirSync(`${ROOT}${PLANS}`, { recursive: true });
for (const c of cases.filter((x) => !only || only.includes(x.name))) {
  // Warm the cache once, capturing the statements of this call.
  capture = [];
  await c.run(0);
  const statements = capture.filter(
    (s) => /^\s*(SELECT|WITH)/i.test(s.text) && !s.text.includes('set_config('),
  );
  capture = null;
  const runs = c.name.startsWith('closure-report') ? Math.max(5, Math.floor(RUNS / 5)) : RUNS;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await c.run(i);
    times.push(performance.now() - start);
  }
  const p50 = percentile(times, 50);
  const p95 = percentile(times, 95);
  console.log(
    `${c.name.padEnd(22)} p50 ${p50.toFixed(1)} ms  p95 ${p95.toFixed(1)} ms  (${runs} runs, ${statements.length} SELECTs)`,
  );
  rows.push([
    `${c.name} — ${c.what}`,
    p50.toFixed(1),
    p95.toFixed(1),
    runs,
    statements.length,
    `[plan](${PLANS}/${c.name}.txt)`,
  ]);

  // Plans without costs or timings: stable between runs, so a diff is a real change of plan.
  if (!writePlans) continue;
  const plans: string[] = [];
  for (const s of statements) {
    const plan = await db
      .tenant(orgId)
      .transaction((tx) =>
        tx.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN (${SCALE ? 'ANALYZE, BUFFERS, ' : ''}COSTS OFF) ${s.text}`,
          s.values,
        ),
      );
    plans.push(`-- ${s.text.replace(/\s+/g, ' ').trim()}\n${plan.map((p) => p['QUERY PLAN']).join('\n')}`);
  }
  writeFileSync(
    `${ROOT}${PLANS}/${c.name}.txt`,
    `# ${c.what}\n# As the application role (row-level security in force), largest organization ` +
      `(${fmt(largest.n)} follow-ups) of ${DB} (${fmt(largest.total)} follow-ups, seed 1).\n` +
      `# Regenerate: npx tsx bench/queries.ts${SCALE ? ` --db ${DB} --scale ${SCALE}` : ''}\n\n` +
      `${plans.join('\n\n')}\n`,
  );
}
await db.close();

writeSection(
  SCALE ? `queries-${SCALE}` : 'queries',
  `### 5${SCALE ? ` (${SCALE})` : ''}. Queries at scale (largest organization: ${fmt(largest.n)} of ${fmt(largest.total)} follow-ups)

\`npx tsx bench/queries.ts --runs ${RUNS}${SCALE ? ` --db ${DB} --scale ${SCALE}` : ''}${only ? ` --only ${only.join(',')}` : ''}\` on the dataset of \`npx tsx bench/generate.ts${SCALE ? ` --follow-ups ${largest.total} --orgs ${counts[0]!.o} --fast --db ${DB}` : ''} --keep\` — ${await machine()}

${table(['query (through the service, row-level security on)', 'p50 ms', 'p95 ms', 'runs', 'SELECTs', 'plan'], rows)}

Plans are checked in under [${PLANS}/](${PLANS}/) without costs${SCALE ? ', with the timings and buffers of one run (EXPLAIN ANALYZE, BUFFERS)' : ', so a changed plan (a lost index, a new sequential scan) shows in review'}.`,
);
