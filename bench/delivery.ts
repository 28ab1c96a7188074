/**
 * Benchmark 3 — delivery: N due outcome messages in the outbox are claimed, sent to an SMTP
 * server on loopback through the SMTP transport's pool, and recorded (sent, touchpoint, follow-up
 * closed). The ceiling is the same SMTP server receiving pre-rendered mail from a bare
 * nodemailer pool of the same size, no database.
 *
 *   npx tsx bench/delivery.ts [--messages 50000] [--pool 5] [--batch 100] [--no-write]
 */
import { fork, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import {
  ADMIN_URL,
  args,
  databaseUrl,
  dropDatabase,
  fmt,
  freshDatabase,
  machine,
  numArg,
  since,
  table,
  writeSection,
} from './lib/common.ts';
import { loadPostgres } from './lib/dataset.ts';

const a = args();
const N = numArg(a, 'messages', 50_000);
const POOL = numArg(a, 'pool', 5);
const BATCH = numArg(a, 'batch', 100);
const TEMPLATE = 'bench_delivery_tpl';
const RUN = 'bench_delivery_run';
const NOW = Date.parse('2026-11-18T14:00:00Z');

const here = (f: string) => new URL(f, import.meta.url).pathname;
const startedAt = performance.now();
const url = await freshDatabase(TEMPLATE);
await loadPostgres(
  url,
  { seed: 3, organizations: 50, followUps: N, touchpointsPerFollowUp: 1, skew: 1, now: NOW, mode: 'due' },
  { fast: false, parallel: 2 },
);
{
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const body = 'Thank you for interviewing with us. '.repeat(40);
  // One outcome email per open follow-up, due now: delivering it closes the follow-up.
  await c.query(
    `INSERT INTO messages (org_id, application_id, follow_up_id, kind, audience, to_address, to_name, subject,
                           body_text, body_html, automatic, status, send_at, message_id, created_at, updated_at)
     SELECT f.org_id, f.application_id, f.id, 'outcome', 'candidate', c.email, c.name, 'Your application',
            $1, '<p>' || $1 || '</p>', false, 'scheduled', now() - interval '1 minute',
            '<' || gen_random_uuid() || '@bench.example>', now(), now()
       FROM follow_ups f
       JOIN applications ap ON ap.org_id = f.org_id AND ap.id = f.application_id
       JOIN candidates c ON c.org_id = ap.org_id AND c.id = ap.candidate_id`,
    [body],
  );
  await c.query('ANALYZE');
  await c.end();
}
console.log(`setup: ${fmt(N)} due outcome messages in ${since(startedAt).toFixed(1)} s`);

const sink = fork(here('./smtp-sink-child.ts'), [], { execArgv: ['--import', 'tsx'] });
const smtpPort = await new Promise<number>((resolve) =>
  sink.once('message', (m: { port: number }) => resolve(m.port)),
);
const smtpUrl = `smtp://127.0.0.1:${smtpPort}`;
const sinkCount = () =>
  new Promise<{ received: number; peakRssMiB: number }>((resolve) => {
    sink.once('message', resolve);
    sink.send('count');
  });

async function clone(): Promise<string> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${RUN} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${RUN} TEMPLATE ${TEMPLATE}`);
  await admin.end();
  return databaseUrl(RUN);
}

interface Done {
  sent: number;
  seconds: number;
  statements: number;
  rssMiB: number;
  cpuSeconds: number;
}
async function runSenders(
  kind: 'hearback' | 'bare',
  workers: number,
  target: (i: number) => string,
  lanes = 2,
): Promise<Done & { received: number }> {
  const before = await sinkCount();
  const children: ChildProcess[] = Array.from({ length: workers }, (_, i) =>
    fork(
      here('./delivery-child.ts'),
      [kind, smtpUrl, String(POOL), target(i), String(BATCH), String(lanes)],
      {
        // BENCH_CPU_PROF=dir writes a V8 CPU profile of each sender there.
        execArgv: [
          '--import',
          'tsx',
          ...(process.env.BENCH_CPU_PROF
            ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
            : []),
        ],
      },
    ),
  );
  const ready = children.map((c) => new Promise<void>((resolve) => c.once('message', () => resolve())));
  const done = children.map(
    (c) =>
      new Promise<Done>((resolve, reject) => {
        c.on('message', (m: Done & { type: string }) => {
          if (m.type === 'done') resolve(m);
        });
        c.once('exit', (code) => reject(new Error(`sender exited with ${code}`)));
      }),
  );
  await Promise.all(ready);
  const start = performance.now();
  for (const c of children) c.send('go');
  const results = await Promise.all(done);
  const seconds = since(start) - (kind === 'hearback' ? 0.1 : 0);
  const after = await sinkCount();
  return {
    sent: results.reduce((s, r) => s + r.sent, 0),
    seconds,
    statements: results.reduce((s, r) => s + r.statements, 0),
    rssMiB: Math.max(...results.map((r) => r.rssMiB)),
    cpuSeconds: results.reduce((s, r) => s + r.cpuSeconds, 0),
    received: after.received - before.received,
  };
}

const rows: (string | number)[][] = [];
const rates: Record<string, number> = {};
function report(name: string, workers: number, r: Done & { received: number }, extra: string): void {
  const rate = r.received / r.seconds;
  rates[`${name}/${workers}`] = rate;
  console.log(
    `${name.padEnd(28)} ${workers}w  ${fmt(r.received)} received in ${r.seconds.toFixed(1)} s = ${fmt(rate)} messages/s ` +
      `(sender CPU ${r.cpuSeconds.toFixed(0)} s, peak RSS ${fmt(r.rssMiB)} MiB) ${extra}`,
  );
  rows.push([
    name,
    workers,
    fmt(r.received),
    r.seconds.toFixed(1),
    `**${fmt(rate)}**`,
    r.statements ? (r.statements / r.sent).toFixed(1) : '',
    `${fmt(r.rssMiB)} MiB`,
    extra,
  ]);
}

const bare = await runSenders('bare', 1, () => String(N));
report('ceiling: bare nodemailer pool', 1, bare, `pool ${POOL}, no database`);
// One lane is the dispatcher before F11 (a batch claimed only when the last one was recorded).
for (const [workers, lanes] of [
  [1, 1],
  [1, 2],
  [2, 2],
] as const) {
  const runUrl = await clone();
  const r = await runSenders('hearback', workers, () => runUrl, lanes);
  const c = new pg.Client({ connectionString: runUrl });
  await c.connect();
  const check = await c.query<{ sent: number; done: number }>(
    `SELECT (SELECT count(*)::int FROM messages WHERE status = 'sent') AS sent,
            (SELECT count(*)::int FROM follow_ups WHERE status = 'done') AS done`,
  );
  await c.end();
  const { sent, done } = check.rows[0]!;
  report(
    lanes === 1 ? 'Hearback dispatcher, 1 lane' : 'Hearback dispatcher',
    workers,
    r,
    `pool ${POOL} per worker, batch ${BATCH}, ${lanes} lane${lanes === 1 ? '' : 's'}; ${fmt(sent)} sent, ${fmt(done)} follow-ups closed`,
  );
}
const sinkRss = (await sinkCount()).peakRssMiB;
sink.send('stop');
await dropDatabase(RUN);
await dropDatabase(TEMPLATE);

const ratio1 = (rates['Hearback dispatcher/1']! / rates['ceiling: bare nodemailer pool/1']!).toFixed(2);
const ratioOneLane = (
  rates['Hearback dispatcher, 1 lane/1']! / rates['ceiling: bare nodemailer pool/1']!
).toFixed(2);
const ratio2 = (rates['Hearback dispatcher/2']! / rates['ceiling: bare nodemailer pool/1']!).toFixed(2);
console.log(
  `Hearback / ceiling: 1 worker ${ratio1} (1 lane: ${ratioOneLane}), 2 workers ${ratio2}; SMTP server peak RSS ${fmt(sinkRss)} MiB`,
);
writeSection(
  'delivery',
  `### 3. Delivery: ${fmt(N)} messages to an SMTP server on loopback

\`npx tsx bench/delivery.ts --messages ${N} --pool ${POOL} --batch ${BATCH}\` — ${await machine()}

${table(['sender', 'workers', 'received', 'seconds', 'messages/s', 'statements/message', 'sender peak RSS', 'notes'], rows)}

Hearback / ceiling: **${ratio1}** with 1 worker (**${ratioOneLane}** with the one lane of before F11), **${ratio2}** with 2. The SMTP server (smtp-server, its own process, reads and counts each message) peaked at ${fmt(sinkRss)} MiB.`,
);
