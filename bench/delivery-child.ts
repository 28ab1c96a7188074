/**
 * A sending process of benchmark 3 (started by bench/delivery.ts): `hearback` runs the worker's
 * dispatcher (claim due messages, send through the SMTP transport, record sent + touchpoint +
 * close the follow-up) until the outbox is empty; `bare` sends the same number of pre-rendered
 * messages straight through nodemailer's pool, no database (the ceiling).
 *
 *   argv: <hearback|bare> <smtp url> <pool size> <database url | count> <batch size> [lanes]
 */
import { systemClock } from '../src/clock.ts';
import { openDb } from '../src/db/db.ts';
import { createSmtpTransport } from '../src/mail/smtp.transport.ts';
import { dispatchBacklog } from '../src/services/outbox.service.ts';
import { IDENTITY, MAX_ROUNDS, statementsSent } from './lib/sweep-work.ts';

const [kind, smtpUrl, poolArg, target, batchArg, lanesArg] = process.argv.slice(2);
if (!process.send || !smtpUrl || !target || (kind !== 'hearback' && kind !== 'bare')) {
  console.error('usage: started by bench/delivery.ts');
  process.exit(2);
}
const pool = Number(poolArg);
const transport = createSmtpTransport({ url: smtpUrl, maxConnections: pool });
const db = kind === 'hearback' ? await openDb({ kind: 'postgres', url: target, poolMax: pool + 2 }) : null;
setTimeout(() => process.exit(3), 900_000).unref();
process.send({ type: 'ready' });
await new Promise<void>((resolve) => process.once('message', () => resolve()));

const start = performance.now();
let sent = 0;
const before = statementsSent();
if (db) {
  // As the worker's tick delivers: overlapping lanes of batches until one comes back short.
  const options = {
    batchSize: Number(batchArg),
    leaseMs: 60_000,
    maxAttempts: 8,
    concurrency: pool,
    lanes: Number(lanesArg ?? 2),
    maxBatches: MAX_ROUNDS,
  };
  let empty = 0;
  while (empty < 2) {
    const r = await dispatchBacklog({ db, clock: systemClock, transport, identity: IDENTITY }, options);
    sent += r.sent;
    if (r.retried + r.failed > 0) throw new Error(`delivery failures: ${JSON.stringify(r)}`);
    if (r.claimed === 0) {
      empty++;
      await new Promise((resolve) => setTimeout(resolve, 50));
    } else empty = 0;
  }
} else {
  const total = Number(target);
  const body = 'Thank you for interviewing with us. '.repeat(40);
  let next = 0;
  await Promise.all(
    Array.from({ length: pool }, async () => {
      while (next < total) {
        const i = next++;
        await transport.send({
          orgId: 'bare',
          messageId: `<bare-${i}@bench.example>`,
          date: systemClock.now(),
          from: IDENTITY.from,
          to: { name: `Candidate ${i}`, address: `candidate${i}@mail.example` },
          replyTo: 'owner@bench.example',
          subject: 'Your application',
          text: body,
          html: `<p>${body}</p>`,
          inReplyTo: null,
          references: [],
          automatic: false,
          kind: 'outcome',
        });
        sent++;
      }
    }),
  );
}
const seconds = (performance.now() - start) / 1000 - (db ? 0.1 : 0);
await transport.close();
await db?.close();
const cpu = process.cpuUsage();
process.send(
  {
    type: 'done',
    sent,
    seconds,
    statements: statementsSent() - before,
    rssMiB: process.resourceUsage().maxRSS / 1024,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  },
  () => process.exit(0),
);
