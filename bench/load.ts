/**
 * Benchmark 9 — sustained mixed load with the worker running: `--clients` concurrent API clients
 * (default 200) for `--duration` seconds (default 300) closing interviews, recording decisions,
 * listing follow-ups and viewing candidates' status pages, against one `serve` process and one
 * `hearback worker` on the same PostgreSQL. Reports, per kind of request, the error rate and
 * p50/p95/p99; the server's memory at the start and the end of the load (and whether the end
 * stays within the stated bound); and PostgreSQL's deadlock count for the database.
 *
 *   npx tsx bench/load.ts [--duration 300] [--clients 200] [--pool 10] [--interviews 60000] [--no-write]
 *
 * Everything talks to 127.0.0.1 only, and the run ends by itself: the load stops at the duration,
 * the worker and server are stopped, and each child gives up after ten minutes whatever happens.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createInterface } from 'node:readline';
import { systemClock } from '../src/clock.ts';
import { openDb } from '../src/db/db.ts';
import { createOrganization } from '../src/services/organization.service.ts';
import { mintStatusLinkToken } from '../src/services/candidate-links.ts';
import {
  args,
  dropDatabase,
  fmt,
  freshDatabase,
  machine,
  numArg,
  percentile,
  ROOT,
  table,
  writeSection,
} from './lib/common.ts';
import { seedOpenInterviews } from './lib/api-seed.ts';

const a = args();
const DURATION_S = numArg(a, 'duration', 300);
const CLIENTS = numArg(a, 'clients', 200);
const POOL = numArg(a, 'pool', 10);
const INTERVIEWS = numArg(a, 'interviews', 60_000);
// The status-link exchange is limited to 30 a minute per address (a guessing defence), and all the
// load comes from one: 25 candidates keep their page open.
const PAGES = 25;
/** The memory bound this run states: the server may end at most this much above where it started. */
const RSS_GROWTH_BOUND_MIB = 150;
const DB = 'bench_load';

const url = await freshDatabase(DB);
const db = await openDb({ kind: 'postgres', url, poolMax: 2 });
await db.query(`CREATE TABLE bench_hits (id bigserial PRIMARY KEY, at timestamptz NOT NULL)`);
const { organization, apiToken } = await createOrganization(
  { db, clock: systemClock },
  { name: 'Load Hiring', admin: { email: 'admin@load.test' } },
);

const server = spawn(
  process.execPath,
  ['--import', 'tsx', new URL('./api-server.ts', import.meta.url).pathname, url, String(POOL)],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const ports = await new Promise<{ app: number; bare: number }>((resolve, reject) => {
  createInterface({ input: server.stdout }).once('line', (line) =>
    resolve(JSON.parse(line) as { app: number; bare: number }),
  );
  server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
});

const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
const auth = { authorization: `Bearer ${apiToken}` };

/** One HTTP request to the app on loopback: its status (0 for a network error) and milliseconds. */
function call(method: string, path: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; ms: number; text: string }>((resolve) => {
    const start = performance.now();
    const req = request(
      {
        host: '127.0.0.1',
        port: ports.app,
        method,
        path,
        agent,
        headers: { ...headers, ...(body !== undefined && { 'content-type': 'application/json' }) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            ms: performance.now() - start,
            text: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', () => resolve({ status: 0, ms: performance.now() - start, text: '' }));
    req.setTimeout(30_000, () => req.destroy());
    req.end(body);
  });
}

async function post<T>(path: string, body: unknown): Promise<T> {
  const r = await call('POST', `/api/v1${path}`, auth, JSON.stringify(body));
  if (r.status >= 300) throw new Error(`${path}: ${r.status} ${r.text}`);
  return JSON.parse(r.text) as T;
}

const { recruiter } = await seedOpenInterviews(
  db,
  post,
  organization.id,
  'load.example',
  INTERVIEWS,
  systemClock.now(),
);
const interviews = await db.query<{ id: string; application_id: string }>(
  `SELECT id, application_id FROM interviews WHERE org_id = $1 ORDER BY id`,
  [organization.id],
);
// Candidates with a status page open: their session cookies (the status link is exchanged once,
// as a candidate's browser does; the page views then ride the cookie).
const cookies: string[] = [];
for (const iv of interviews.slice(-PAGES)) {
  const token = await db
    .tenant(organization.id)
    .transaction((tx) => mintStatusLinkToken(tx, organization.id, iv.application_id, systemClock.now()));
  const r = await new Promise<string>((resolve, reject) => {
    request({ host: '127.0.0.1', port: ports.app, path: `/s/${token}`, agent }, (res) => {
      res.resume();
      const set = res.headers['set-cookie']?.[0];
      if (!set) reject(new Error(`no candidate session: ${res.statusCode}`));
      else resolve(set.split(';')[0]!);
    }).end();
  });
  cookies.push(r);
}
console.log(`setup: ${fmt(interviews.length)} open interviews, ${cookies.length} candidate sessions`);

// The worker beside the server, as a deployment runs it (dev mailbox transport: no SMTP).
const worker: ChildProcess = spawn(process.execPath, [`${ROOT}bin/hearback.js`, 'worker'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, DATABASE_URL: url, PUBLIC_URL: `http://127.0.0.1:${ports.app}` },
});
setTimeout(() => worker.kill('SIGKILL'), 600_000).unref();

/** Resident memory of a process, from /proc (Linux), in MiB. */
function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return line ? Number(line[1]) / 1024 : NaN;
}
const deadlocks = async () =>
  (
    await db.query<{ n: number }>(
      `SELECT deadlocks::int AS n FROM pg_stat_database WHERE datname = current_database()`,
    )
  )[0]!.n;

type Kind = 'close' | 'decide' | 'list' | 'page';
const samples: Record<Kind, { ms: number[]; errors: number; statuses: Map<number, number> }> = {
  close: { ms: [], errors: 0, statuses: new Map() },
  decide: { ms: [], errors: 0, statuses: new Map() },
  list: { ms: [], errors: 0, statuses: new Map() },
  page: { ms: [], errors: 0, statuses: new Map() },
};
let nextInterview = 0;
const closed: string[] = [];
const closeBody = JSON.stringify({ statement: "We'll get back to you within three business days" });
const decideBody = JSON.stringify({
  outcome: 'reject',
  reasons: ['We need deeper experience running production PostgreSQL'],
  recommendation: 'Run a service in production end to end.',
});

/** One request of a mix like a team's day: lists and pages most, then closes, then decisions. */
async function one(): Promise<void> {
  const roll = Math.random();
  let kind: Kind;
  let r: { status: number; ms: number };
  if (roll < 0.35) {
    kind = 'list';
    r = await call('GET', `/api/v1/follow-ups?ownerId=${recruiter.id}&status=open&limit=50`, auth);
  } else if (roll < 0.6 && cookies.length > 0) {
    kind = 'page';
    r = await call('GET', '/s', { cookie: cookies[Math.floor(Math.random() * cookies.length)]! });
  } else if (roll < 0.85 || closed.length === 0) {
    const iv = interviews[nextInterview++];
    if (!iv) return;
    kind = 'close';
    r = await call('POST', `/api/v1/interviews/${iv.id}/close`, auth, closeBody);
    if (r.status < 300) closed.push(iv.application_id);
  } else {
    kind = 'decide';
    r = await call('POST', `/api/v1/applications/${closed.shift()!}/decisions`, auth, decideBody);
  }
  const s = samples[kind];
  s.ms.push(r.ms);
  s.statuses.set(r.status, (s.statuses.get(r.status) ?? 0) + 1);
  if (r.status === 0 || r.status >= 400) s.errors++;
}

const deadlocksBefore = await deadlocks();
// Warm the JIT and the pools for a few seconds, then measure memory from there.
const warmUntil = performance.now() + 5_000;
await Promise.all(
  Array.from({ length: Math.min(CLIENTS, 16) }, async () => {
    while (performance.now() < warmUntil) await one();
  }),
);
for (const s of Object.values(samples)) {
  s.ms.length = 0;
  s.errors = 0;
  s.statuses.clear();
}
const rssStart = rssMiB(server.pid!);
const rssTrail: number[] = [rssStart];
const sampler = setInterval(() => rssTrail.push(rssMiB(server.pid!)), 10_000);
const start = performance.now();
const stopAt = start + DURATION_S * 1000;
await Promise.all(
  Array.from({ length: CLIENTS }, async () => {
    while (performance.now() < stopAt && nextInterview < interviews.length) await one();
  }),
);
const elapsedS = (performance.now() - start) / 1000;
clearInterval(sampler);
const rssEnd = rssMiB(server.pid!);
rssTrail.push(rssEnd);
const deadlocksDuring = (await deadlocks()) - deadlocksBefore;
const outbox = await db.query<{ status: string; n: number }>(
  `SELECT status, count(*)::int AS n FROM messages GROUP BY status ORDER BY status`,
);

server.kill('SIGTERM');
worker.kill('SIGTERM');
const workerDiedEarly = worker.exitCode !== null || worker.signalCode !== null;
await Promise.all(
  [server, worker]
    .filter((p) => p.exitCode === null && p.signalCode === null)
    .map((p) => new Promise((resolve) => p.once('exit', resolve))),
);
if (workerDiedEarly)
  throw new Error('the worker exited during the load: the figures would not be with it running');
agent.destroy();
await db.close();
await dropDatabase(DB);

const all = Object.values(samples);
const total = all.reduce((n, s) => n + s.ms.length, 0);
const errors = all.reduce((n, s) => n + s.errors, 0);
const rows = (Object.entries(samples) as [Kind, (typeof samples)[Kind]][]).map(([kind, s]) => [
  kind,
  fmt(s.ms.length),
  fmt(s.ms.length / elapsedS),
  `${((100 * s.errors) / Math.max(1, s.ms.length)).toFixed(2)} %`,
  fmt(percentile(s.ms, 50), 1),
  fmt(percentile(s.ms, 95), 1),
  fmt(percentile(s.ms, 99), 1),
  [...s.statuses].map(([code, n]) => `${code}: ${fmt(n)}`).join(', '),
]);
const within = rssEnd - rssStart <= RSS_GROWTH_BOUND_MIB;
const summary = `${fmt(total)} requests in ${fmt(elapsedS)} s (${fmt(total / elapsedS)}/s), ${((100 * errors) / Math.max(1, total)).toFixed(2)} % errors; serve RSS ${fmt(rssStart)} MiB at the start, ${fmt(rssEnd)} MiB at the end (max ${fmt(Math.max(...rssTrail))} MiB; bound: end ≤ start + ${RSS_GROWTH_BOUND_MIB} MiB — ${within ? 'within' : 'EXCEEDED'}); deadlocks in PostgreSQL: ${deadlocksDuring}; messages after the run: ${outbox.map((o) => `${o.status} ${fmt(o.n)}`).join(', ') || 'none'}`;
console.log(table(['request', 'count', 'per s', 'errors', 'p50 ms', 'p95 ms', 'p99 ms', 'statuses'], rows));
console.log(summary);

writeSection(
  'load',
  `### 9. Sustained mixed load (${CLIENTS} clients, ${DURATION_S} s, worker running)

\`npx tsx bench/load.ts --duration ${DURATION_S} --clients ${CLIENTS} --pool ${POOL}\` — ${await machine()}

${table(['request', 'count', 'per s', 'errors', 'p50 ms', 'p95 ms', 'p99 ms', 'statuses'], rows)}

${summary}. The ${CLIENTS} clients, the server, the worker and PostgreSQL share the same 2 cores.`,
);
