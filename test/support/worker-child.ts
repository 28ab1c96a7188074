// A worker process for the crash test: `worker-child.ts <postgres-url | pglite-dir> <smtp-url>`.
// Runs the real worker loop against the real database and SMTP until killed (SIGKILL) or SIGTERM.
import { systemClock } from '../../src/clock.ts';
import { openDb } from '../../src/db/db.ts';
import { createSmtpTransport } from '../../src/mail/smtp.transport.ts';
import { createHttpSender } from '../../src/net/webhook-sender.ts';
import { startWorker } from '../../src/worker/worker.ts';

const [target, smtpUrl] = process.argv.slice(2) as [string, string];
const db = await openDb(
  target.startsWith('postgres')
    ? { kind: 'postgres', url: target, poolMax: 4 }
    : { kind: 'pglite', dataDir: target },
);
const transport = createSmtpTransport({ url: smtpUrl, maxConnections: 4 });
const worker = startWorker(
  {
    db,
    clock: systemClock,
    transport,
    identity: { from: { name: 'Crash Test', address: 'hiring@crash.test' }, domain: 'crash.test' },
    appUrl: 'http://localhost',
    // Webhook receivers in tests listen on loopback.
    sender: createHttpSender({ allowPrivate: true, timeoutMs: 5000 }),
  },
  { pollMs: 50, batchSize: 100, leaseMs: 1500, maxAttempts: 50, concurrency: 4 },
  {
    info: () => {},
    error: (obj) => process.stderr.write(`worker error: ${String((obj as { err?: unknown }).err)}\n`),
  },
);
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void (async () => {
    await worker.stop();
    await transport.close();
    await db.close();
    process.exit(0);
  })();
});
