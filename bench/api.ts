/**
 * Benchmark 4 — the API under load from a separate process on loopback: closing interviews
 * (resolve the promise, write the follow-up) and listing a member's follow-ups, against a bare
 * Fastify route doing one INSERT on the same pool (the baseline).
 *
 *   npx tsx bench/api.ts [--duration 15] [--connections 16] [--pool 10] [--interviews 40000] [--no-write] [--keep]
 *
 * Each app phase has its own baseline on the same pool and the same token check: a bare Fastify
 * route doing one INSERT (for the close), and one reading the same page of follow-ups with the
 * repository's own query but none of the app around it (for the list). `--keep` leaves the
 * database (bench_api) for EXPLAIN.
 *
 * The server runs in its own process (bench/api-server.ts); autocannon drives it from this one.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { systemClock } from '../src/clock.ts';
import { openDb } from '../src/db/db.ts';
import { createOrganization } from '../src/services/organization.service.ts';
import {
  args,
  dropDatabase,
  fmt,
  freshDatabase,
  machine,
  numArg,
  table,
  writeSection,
} from './lib/common.ts';
import { seedOpenInterviews } from './lib/api-seed.ts';

const a = args();
const DURATION = numArg(a, 'duration', 15);
const CONNECTIONS = numArg(a, 'connections', 16);
const POOL = numArg(a, 'pool', 10);
const INTERVIEWS = numArg(a, 'interviews', 40_000);
const DB = 'bench_api';

const url = await freshDatabase(DB);
const db = await openDb({ kind: 'postgres', url, poolMax: 2 });
await db.query(`CREATE TABLE bench_hits (id bigserial PRIMARY KEY, at timestamptz NOT NULL)`);
const { organization, apiToken } = await createOrganization(
  { db, clock: systemClock },
  { name: 'Bench Hiring', admin: { email: 'admin@bench.test' } },
);

// BENCH_CPU_PROF=dir writes a V8 CPU profile of the server there.
const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
const server = spawn(
  process.execPath,
  ['--import', 'tsx', ...prof, new URL('./api-server.ts', import.meta.url).pathname, url, String(POOL)],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const ports = await new Promise<{ app: number; bare: number; unprepared: number }>((resolve, reject) => {
  const lines = createInterface({ input: server.stdout });
  lines.once('line', (line) =>
    resolve(JSON.parse(line) as { app: number; bare: number; unprepared: number }),
  );
  server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
});
const api = `http://127.0.0.1:${ports.app}/api/v1`;
const unpreparedApi = `http://127.0.0.1:${ports.unprepared}/api/v1`;
const auth = { authorization: `Bearer ${apiToken}`, 'content-type': 'application/json' };
async function post<T>(path: string, body: unknown): Promise<T> {
  const r = await fetch(`${api}${path}`, { method: 'POST', headers: auth, body: JSON.stringify(body) });
  if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

const { recruiter } = await seedOpenInterviews(
  db,
  post,
  organization.id,
  'bench.example',
  INTERVIEWS,
  systemClock.now(),
);
const interviewIds = (
  await db.query<{ id: string }>(`SELECT id FROM interviews WHERE org_id = $1 ORDER BY id`, [organization.id])
).map((r) => r.id);
console.log(`setup: organization, 2 members, 1 job, ${fmt(interviewIds.length)} open interviews`);

interface Phase {
  name: string;
  what: string;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  statements: number;
  /** The phase this one is measured against. */
  baseline?: string;
}
const phases: Phase[] = [];
const statements = async () =>
  (await (await fetch(`http://127.0.0.1:${ports.bare}/statements`)).json()) as {
    n: number;
    top: [string, number][];
  };
// --only close,list skips phases (profiling one of them).
const only = new Set((a.get('only') ?? 'baseline,close,list').split(','));

const ratio = (p: Phase) => {
  const base = phases.find((b) => b.name === p.baseline);
  return base ? `${(p.rps / base.rps).toFixed(3)} of ${base.name.replace('baseline: ', '')}` : '—';
};

async function load(name: string, what: string, opts: autocannon.Options, baseline?: string): Promise<void> {
  if (!only.has(name.split(/[ :]/)[0]!)) return;
  const before = await statements();
  const r = await autocannon({ connections: CONNECTIONS, duration: DURATION, ...opts });
  const after = await statements();
  const phase = {
    name,
    what,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    statements: (after.n - before.n) / Math.max(1, r.requests.total),
    baseline,
  };
  if (process.env.BENCH_SQL_HIST) {
    const b = new Map(before.top);
    for (const [sql, n] of after.top) {
      const d = n - (b.get(sql) ?? 0);
      if (d > 0) console.log(`${(d / r.requests.total).toFixed(2).padStart(8)}/req  ${sql}`);
    }
  }
  phases.push(phase);
  console.log(
    `${name.padEnd(22)} ${fmt(phase.rps)} req/s  p50 ${phase.p50} ms  p99 ${phase.p99} ms  ` +
      `${phase.statements.toFixed(1)} statements each (${fmt(phase.requests)} requests, ${phase.non2xx} non-2xx, ${phase.errors} errors)` +
      (baseline ? `  ${ratio(phase)}` : ''),
  );
}

// A few seconds of each first so the JIT and the pool are warm, not measured.
await autocannon({
  url: `http://127.0.0.1:${ports.bare}/insert`,
  method: 'POST',
  headers: auth,
  body: '{}',
  connections: CONNECTIONS,
  duration: 3,
});
await load(
  'baseline: bare INSERT',
  'POST /insert — bare Fastify route, the API-token check, one INSERT on the same pool',
  { url: `http://127.0.0.1:${ports.bare}/insert`, method: 'POST', headers: auth, body: '{}' },
);

let next = 0;
const closeBody = JSON.stringify({ statement: "We'll get back to you within three business days" });
const closeOn = (base: string): autocannon.Options => ({
  url: base,
  headers: auth,
  requests: [
    {
      method: 'POST',
      body: closeBody,
      // A fresh interview for every request; when they run out the pipeline stops (no repeats).
      setupRequest: (req) => {
        const id = interviewIds[next++];
        return id ? { ...req, path: `/api/v1/interviews/${id}/close` } : (undefined as unknown as typeof req);
      },
    },
  ],
});
await load(
  'close interview, unprepared',
  'the same close with DATABASE_PREPARED_STATEMENTS=off (before finding F8)',
  closeOn(unpreparedApi),
  'baseline: bare INSERT',
);
await load(
  'close interview',
  'POST /api/v1/interviews/:id/close — resolve the promise, open the follow-up, queue the written promise',
  closeOn(api),
  'baseline: bare INSERT',
);
const open = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM follow_ups WHERE status = 'open'`);
console.log(`  ${fmt(open[0]!.n)} open follow-ups now owned by the recruiter`);
await db.query('ANALYZE');

await load(
  'baseline: bare list',
  "GET /list — bare Fastify route, the API-token check, the list's page query (no transaction, no row-level security, no view)",
  { url: `http://127.0.0.1:${ports.bare}/list?ownerId=${recruiter.id}&limit=50`, headers: auth },
);
await load(
  'list follow-ups, unprepared',
  'the same list with DATABASE_PREPARED_STATEMENTS=off (before finding F8)',
  { url: `${unpreparedApi}/follow-ups?ownerId=${recruiter.id}&status=open&limit=50`, headers: auth },
  'baseline: bare list',
);
await load(
  'list follow-ups',
  `GET /api/v1/follow-ups?ownerId=…&status=open&limit=50 — first page of ${fmt(open[0]!.n)}`,
  {
    url: `${api}/follow-ups?ownerId=${recruiter.id}&status=open&limit=50`,
    headers: auth,
  },
  'baseline: bare list',
);

const rss = (await (await fetch(`http://127.0.0.1:${ports.bare}/rss`)).json()) as { peakRssMiB: number };
server.kill('SIGTERM');
await new Promise((resolve) => server.once('exit', resolve));
await db.close();
if (a.has('keep')) console.log(`kept the database ${DB} (--keep)`);
else await dropDatabase(DB);

console.log(`serve peak RSS: ${fmt(rss.peakRssMiB)} MiB`);
writeSection(
  'api',
  `### 4. API under load (autocannon, ${CONNECTIONS} connections, ${DURATION} s per phase, pool ${POOL})

\`npx tsx bench/api.ts --duration ${DURATION} --connections ${CONNECTIONS} --pool ${POOL}\` — ${await machine()}

${table(
  [
    'phase',
    'requests/s',
    'p50 ms',
    'p99 ms',
    'statements/request',
    'requests',
    'non-2xx',
    'errors',
    'vs baseline',
  ],
  phases.map((p) => [
    `${p.name} — ${p.what}`,
    `**${fmt(p.rps)}**`,
    p.p50,
    p.p99,
    p.statements.toFixed(1),
    fmt(p.requests),
    p.non2xx,
    p.errors,
    ratio(p),
  ]),
)}

\`serve\` peak RSS: ${fmt(rss.peakRssMiB)} MiB. The load generator runs on the same 2 cores as the server and PostgreSQL.`,
);
