/**
 * Benchmark 10 — scale-out on PostgreSQL (issue #19): 1, 2 and 4 `hearback worker` processes plus
 * 2 `hearback serve` processes against one PostgreSQL, all delivering to one SMTP server on
 * 127.0.0.1. Per worker count: a fresh database with `--messages` outcome emails held back, every
 * process started and ready, then all of them made due at once ("go"); the serve processes carry a
 * steady API load (listing open follow-ups) while the workers drain the outbox. Reports messages/s
 * from go to the last first arrival, its ratio to the 1-worker figure, each serve process's API
 * req/s and p99, and, counted from the SMTP server and the tables, what arrived exactly once, twice,
 * never, and follow-ups left open although their outcome arrived.
 *
 *   npx tsx bench/scale-out.ts [--workers 1,2,4] [--messages 20000] [--serves 2] [--pool 5]
 *     [--smtp-pool 5] [--api-rate 50] [--api-connections 8] [--serve-services web] [--minutes 15]
 *     [--no-write]
 *
 * `--serve-services web,worker` runs `serve` as shipped (web app and dispatcher in one process), so
 * the serve processes deliver too; the default `web` keeps delivery to the worker processes, so the
 * figure is theirs. The run owns a throwaway PostgreSQL cluster (test/support/chaos.ts), talks to
 * 127.0.0.1 only, stops by itself after `--minutes`, and kills every child and the cluster on the
 * way out, on error or on SIGINT/SIGTERM too. Exits non-zero when a message was lost, a candidate
 * got two different Message-IDs, a message was not recorded as sent, or a follow-up was left open.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { openDb, type Db } from '../src/db/db.ts';
import { hashApiToken } from '../src/services/organization.service.ts';
import {
  countChaos,
  postgresInstalled,
  seedOutcomeMessages,
  startCluster,
  type Cluster,
} from '../test/support/chaos.ts';
import { startHearback, type ServingProcess } from '../test/support/hearback-process.ts';
import { startSmtpSink, type SmtpSink } from '../test/support/smtp-sink.ts';
import { args, fmt, freshDatabase, machine, numArg, table, writeSection } from './lib/common.ts';

// Real processes in real time: the wall clock is read on purpose.
/* eslint-disable no-restricted-syntax, no-restricted-properties */

const a = args();
const WORKERS = (a.get('workers') ?? '1,2,4').split(',').map((s) => {
  const n = Number(s.trim());
  if (!Number.isInteger(n) || n < 1 || n > 32) throw new Error('--workers must list counts between 1 and 32');
  return n;
});
const MESSAGES = numArg(a, 'messages', 20_000);
const SERVES = numArg(a, 'serves', 2);
const POOL = numArg(a, 'pool', 5);
const SMTP_POOL = numArg(a, 'smtp-pool', 5);
const API_RATE = numArg(a, 'api-rate', 50);
const API_CONNECTIONS = numArg(a, 'api-connections', 8);
const MINUTES = numArg(a, 'minutes', 15);
const SERVE_SERVICES = a.get('serve-services') ?? 'web';
if (!['web', 'web,worker'].includes(SERVE_SERVICES))
  throw new Error('--serve-services must be web or web,worker');
const SERVES_DELIVER = SERVE_SERVICES === 'web,worker';
const DB = 'bench_scale_out';

const started = Date.now();
const deadline = started + MINUTES * 60_000;
const log = (line: string) => process.stdout.write(`[scale-out] ${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One worker count's result. */
interface Round {
  workers: number;
  seconds: number;
  /** Unique messages that arrived between go and the deadline. */
  arrived: number;
  perSecond: number;
  /** Messages each delivering process reported sent (its "worker: sent N" lines), workers first. */
  sentBy: number[];
  api: { rps: number; p99: number; non2xx: number; errors: number }[];
  peakRssMiB: number[];
  deadlocks: number;
  drained: boolean;
  messages: number;
  exactlyOnce: number;
  duplicates: number;
  foreignOrSplit: number;
  lost: number;
  notRecorded: number;
  wronglyOpen: number;
}

// Everything the run started, so one cleanup (normal end, error, signal, time guard) ends it all.
const children = new Set<ServingProcess>();
let cluster: Cluster | null = null;
let sink: SmtpSink | null = null;
let cwd: string | null = null;
let cleaning: Promise<void> | null = null;
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const c of children) c.child.kill('SIGKILL');
    await Promise.all([...children].map((c) => c.exited));
    await sink?.close();
    await cluster?.destroy();
    if (cwd) await rm(cwd, { recursive: true, force: true });
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping every process and the cluster`);
    void cleanUp().finally(() => process.exit(130));
  });
}
// A run that hangs anyway (a child that ignores SIGTERM, a stuck query) still ends.
setTimeout(
  () => {
    log('time guard: the run outlived --minutes by a minute; stopping');
    void cleanUp().finally(() => process.exit(1));
  },
  MINUTES * 60_000 + 60_000,
).unref();

/** Peak resident memory of a live process (VmHWM, Linux), in MiB. */
function peakRss(pid: number | undefined): number {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/**
 * Seed the outbox held back a day (so no process sends before go) and an API token for the seeded
 * organization's recruiter, whose open follow-ups the API load lists while the workers close them.
 */
async function seedRound(db: Db): Promise<string> {
  await seedOutcomeMessages(db, MESSAGES);
  await db.query(`UPDATE messages SET send_at = send_at + interval '1 day' WHERE kind = 'outcome'`);
  const [owner] = await db.query<{ org_id: string; id: string }>(
    `SELECT org_id, id FROM members WHERE email = 'owner@crash.test'`,
  );
  const token = `hb_scale_out_${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
  await db.query(
    `INSERT INTO api_tokens (org_id, member_id, name, token_hash, scopes, created_at)
     VALUES ($1, $2, 'scale-out', $3, ARRAY['*'], now())`,
    [owner!.org_id, owner!.id, hashApiToken(token)],
  );
  await db.query('ANALYZE');
  return token;
}

/**
 * Steady API load on one serve process until stopped: `API_RATE` lists a second of the open
 * follow-ups. The requests come as through a reverse proxy from 256 client addresses, so the
 * per-address limit (1,200 a minute) is not what is measured.
 */
function loadApi(port: number, token: string, seconds: number) {
  let n = 0;
  let finish: (r: autocannon.Result) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve) => (finish = resolve));
  const instance = autocannon(
    {
      url: `http://127.0.0.1:${port}/api/v1/follow-ups?status=open&limit=50`,
      // Without pipelining a connection waits for each answer: the rate is reached only while
      // connections × latency covers it, and the table shows what was achieved, not offered.
      connections: API_CONNECTIONS,
      overallRate: API_RATE,
      duration: seconds,
      headers: { authorization: `Bearer ${token}` },
      requests: [
        {
          setupRequest: (req) => ({
            ...req,
            headers: { ...req.headers, 'x-forwarded-for': `10.0.0.${n++ % 256}` },
          }),
        },
      ],
    },
    (error, result) => {
      if (error) log(`autocannon on port ${port}: ${String(error)}`);
      finish(result);
    },
  );
  return { stop: () => instance.stop(), done };
}

/** One worker count: fresh database, processes up, go, drain under API load, count. */
async function runRound(workers: number): Promise<Round> {
  const url = await freshDatabase(DB, cluster!.url);
  const db = await openDb({ kind: 'postgres', url, poolMax: 2 });
  try {
    const token = await seedRound(db);
    sink!.received.length = 0;
    const env: Record<string, string> = {
      DATABASE_URL: url,
      DATABASE_POOL_MAX: String(POOL),
      SMTP_URL: sink!.url,
      SMTP_POOL_SIZE: String(SMTP_POOL),
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      // The API load's X-Forwarded-For is believed from loopback only (the load's own socket).
      TRUST_PROXY: 'loopback',
      // A worker that found nothing sleeps this long: short, so go is seen within 0.1 s.
      WORKER_POLL_MS: '100',
    };
    const serves = Array.from({ length: SERVES }, () =>
      startHearback(['serve', '--services', SERVE_SERVICES], { cwd: cwd!, env }),
    );
    const workerProcs = Array.from({ length: workers }, () => startHearback(['worker'], { cwd: cwd!, env }));
    for (const p of [...serves, ...workerProcs]) children.add(p);
    const ports = await Promise.all(
      serves.map(async (s) =>
        Number((await s.waitForOutput(/Hearback on https?:\/\/[^\s:]+:(\d+)/, 120_000))[1]),
      ),
    );
    await Promise.all(workerProcs.map((w) => w.waitForOutput(/hearback worker:/, 120_000)));
    const deadlocksBefore = await deadlockCount(db);

    const go = new Date();
    await db.query(`UPDATE messages SET send_at = $1 WHERE kind = 'outcome'`, [go]);
    log(`${workers} worker(s) + ${SERVES} serve: go`);
    const loads = ports.map((port) => loadApi(port, token, Math.max(5, (deadline - Date.now()) / 1000)));
    const apiStarted = Date.now();
    let drained = false;
    let lastLog = Date.now();
    while (Date.now() < deadline) {
      const [row] = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM messages WHERE kind = 'outcome' AND status <> 'sent'`,
      );
      if (row!.n === 0) {
        drained = true;
        break;
      }
      if (Date.now() - lastLog > 10_000) {
        lastLog = Date.now();
        log(
          `${fmt(MESSAGES - row!.n)}/${fmt(MESSAGES)} recorded sent, ${((Date.now() - go.getTime()) / 1000).toFixed(0)} s`,
        );
      }
      const dead = [...serves, ...workerProcs].find(
        (p) => p.child.exitCode !== null || p.child.signalCode !== null,
      );
      if (dead) throw new Error(`a process exited during the round:\n${dead.output().slice(-3000)}`);
      await sleep(100);
    }
    for (const l of loads) l.stop();
    const apiResults = await Promise.all(loads.map((l) => l.done));
    const apiSeconds = (Date.now() - apiStarted) / 1000;
    const deadlocks = (await deadlockCount(db)) - deadlocksBefore;
    const delivering = [...workerProcs, ...(SERVES_DELIVER ? serves : [])];
    const peakRssMiB = workerProcs.map((w) => peakRss(w.child.pid));
    await Promise.all([...serves, ...workerProcs].map((p) => stopWithin(p, 15_000)));
    for (const p of [...serves, ...workerProcs]) children.delete(p);
    const sentBy = delivering.map((p) =>
      [...p.output().matchAll(/worker: sent (\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0),
    );

    // First arrival of each Message-ID: a duplicate arriving later does not stretch the figure.
    const first = new Map<string, number>();
    for (const m of sink!.received) {
      const id = m.headers.get('message-id') ?? '';
      const at = m.at.getTime();
      if (!first.has(id) || at < first.get(id)!) first.set(id, at);
    }
    const last = [...first.values()].reduce((max, at) => Math.max(max, at), go.getTime());
    const seconds = (last - go.getTime()) / 1000;
    const counts = await countChaos(db, sink!.received);
    return {
      workers,
      seconds,
      arrived: first.size,
      perSecond: first.size / Math.max(seconds, 0.001),
      sentBy,
      api: apiResults.map((r) => ({
        rps: r.requests.total / apiSeconds,
        p99: r.latency.p99,
        non2xx: r.non2xx,
        errors: r.errors + r.timeouts,
      })),
      peakRssMiB,
      deadlocks,
      drained: drained && counts.notRecorded === 0,
      ...counts,
    };
  } finally {
    await db.close();
  }
}

async function deadlockCount(db: Db): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT deadlocks::int AS n FROM pg_stat_database WHERE datname = current_database()`,
  );
  return row!.n;
}

/** SIGTERM (the worker finishes its tick and releases nothing half-done), SIGKILL after `ms`. */
async function stopWithin(p: ServingProcess, ms: number): Promise<void> {
  const timer = setTimeout(() => p.child.kill('SIGKILL'), ms);
  await p.stop();
  clearTimeout(timer);
}

const rounds: Round[] = [];
let failure: Error | null = null;
try {
  if (!(await postgresInstalled())) throw new Error('PostgreSQL binaries not found (set PGBIN)');
  cluster = await startCluster();
  sink = await startSmtpSink(() => new Date());
  cwd = await mkdtemp(join(tmpdir(), 'hb-scale-out-'));
  log(`cluster at ${cluster.url}, SMTP server at ${sink.url}`);
  for (const workers of WORKERS) {
    if (Date.now() >= deadline) {
      log(`--minutes reached: skipping ${workers} worker(s)`);
      continue;
    }
    const r = await runRound(workers);
    rounds.push(r);
    log(
      `${workers} worker(s): ${fmt(r.arrived)} in ${r.seconds.toFixed(1)} s = ${fmt(r.perSecond)} messages/s; ` +
        `duplicates ${r.duplicates}, lost ${r.lost}, wrongly open ${r.wronglyOpen}, sent per process ${r.sentBy.join(' / ')}`,
    );
  }
} catch (error) {
  failure = error instanceof Error ? error : new Error(String(error));
} finally {
  const described = cluster ? await machine(cluster.url) : await machine();
  await cleanUp();
  if (rounds.length > 0) report(described);
}
if (failure) throw failure;

function report(described: string): void {
  const base = rounds.find((r) => r.workers === 1) ?? rounds[0]!;
  const rows = rounds.map((r) => [
    r.workers,
    SERVES,
    SERVES_DELIVER ? r.workers + SERVES : r.workers,
    fmt(r.messages),
    r.seconds.toFixed(1),
    fmt(r.perSecond),
    (r.perSecond / base.perSecond).toFixed(2),
    r.sentBy.map((n) => fmt(n)).join(' / '),
    r.api.map((x) => fmt(x.rps)).join(' / '),
    r.api.map((x) => fmt(x.p99)).join(' / '),
    r.api.reduce((n, x) => n + x.non2xx + x.errors, 0),
    fmt(r.exactlyOnce),
    `${r.duplicates}`,
    r.foreignOrSplit,
    r.lost,
    r.notRecorded,
    r.wronglyOpen,
    r.deadlocks,
    r.peakRssMiB.map((m) => fmt(m)).join(' / '),
  ]);
  const head = [
    'workers',
    'serve',
    'delivering processes',
    'messages',
    'seconds',
    'messages/s',
    'ratio to 1 worker',
    'sent per process',
    'API req/s per serve',
    'API p99 ms per serve',
    'API errors',
    'exactly once',
    'duplicates',
    'other Message-ID',
    'lost',
    'not recorded sent',
    'wrongly open',
    'deadlocks',
    'worker peak RSS MiB',
  ];
  const result = table(head, rows);
  const argv = process.argv.slice(2).join(' ');
  const command = `npx tsx bench/scale-out.ts${argv ? ` ${argv}` : ''}`.replace(/ --no-write/, '');
  const delivers = SERVES_DELIVER
    ? `The ${SERVES} \`serve\` processes run the dispatcher too (\`--services web,worker\`, as shipped), so they deliver beside the workers`
    : `The ${SERVES} \`serve\` processes run \`--services web\` (a plain \`serve\` would also run the dispatcher): only the workers deliver`;
  const markdown = `### 10. Scale-out on PostgreSQL (workers + ${SERVES} serve processes, one database)

\`${command}\` — ${described}

${result}

Per row: a fresh database with ${fmt(MESSAGES)} outcome emails, every process started and ready, then all made
due at once; seconds run from then to the last message's first arrival at the one SMTP server (in the
benchmark's process, on 127.0.0.1).
${delivers}.
Meanwhile each serve process is offered ${fmt(API_RATE)} lists of open follow-ups a second over
${API_CONNECTIONS} connections (the table shows what it answered). "sent per process" is what each delivering process logged as sent. "duplicates" are second deliveries of the same
Message-ID: the only window for one is between the SMTP server accepting a message and the worker
committing it as sent (a crash or an expired lease there). A different Message-ID to the same candidate
would be a real double send and is counted under "other Message-ID". PostgreSQL runs with fsync on.`;
  console.log(`\n${markdown}\n`);
  writeSection('scale-out', markdown);
  const bad = rounds.filter(
    (r) => r.lost > 0 || r.foreignOrSplit > 0 || r.wronglyOpen > 0 || r.notRecorded > 0 || !r.drained,
  );
  if (bad.length > 0) {
    console.error(
      `FAILED: ${bad.map((r) => `${r.workers} worker(s)`).join(', ')} lost a message, sent one twice under another Message-ID, left a follow-up open or did not drain`,
    );
    process.exitCode = 1;
  }
}
