import { buildApp } from '../http/app.ts';
import { startWorker, type RunningWorker } from '../worker/worker.ts';
import { startInbound, type RunningInbound } from './inbound.ts';
import { createTransport, createWebhookSender, openRuntime, workerOptions } from './runtime.ts';
import { parseCommandLine, UsageError } from './usage.ts';

const SERVICES = ['web', 'worker'] as const;

/**
 * `hearback serve [--services web,worker]`: migrate, then run the web app and/or the worker in
 * this process until SIGINT/SIGTERM. Both by default, so `npm start` is a complete Hearback.
 */
export async function runServe(args: string[]): Promise<number> {
  const { values } = parseCommandLine({
    args,
    options: { services: { type: 'string', default: 'web,worker' } },
    allowPositionals: false,
    strict: true,
  });
  const services = values.services.split(',').map((s) => s.trim());
  const unknown = services.filter((s) => !(SERVICES as readonly string[]).includes(s));
  if (unknown.length > 0 || services.length === 0) {
    throw new UsageError(`--services must be a comma-separated list of ${SERVICES.join(', ')}`);
  }
  const runtime = await openRuntime();
  const { config, db } = runtime;
  const transport = createTransport(runtime);
  const app = await buildApp(
    { ...runtime.deps, publicUrl: config.publicUrl, devMailbox: transport.kind === 'dev_mailbox' },
    { logger: { level: config.logLevel } },
  );
  const stop = new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      app.log.info(`${signal}: shutting down`);
      resolve();
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });
  let worker: RunningWorker | null = null;
  let inbound: RunningInbound | null = null;
  try {
    // Replies: the SMTP listener (INBOUND_SMTP_PORT) and the IMAP poller (IMAP_URL), when set.
    inbound = await startInbound(runtime, app.log);
    if (services.includes('worker')) {
      worker = startWorker(
        { ...runtime.deps, transport, appUrl: config.publicUrl, sender: createWebhookSender(config) },
        workerOptions(config),
        app.log,
      );
      app.log.info(`worker running (${transport.kind === 'smtp' ? 'SMTP' : 'dev mailbox at /dev/mail'})`);
    }
    if (services.includes('web')) {
      await app.listen({ port: config.port, host: config.host });
      const where = config.database.kind === 'pglite' ? `PGlite in ${config.database.dataDir}` : 'PostgreSQL';
      app.log.info(`Hearback on ${config.publicUrl} (${where}); API docs at ${config.publicUrl}/api/docs`);
    }
    await stop;
    return 0;
  } finally {
    // Finish the current worker tick and in-flight requests, then close the database so PGlite
    // flushes its files.
    await inbound?.stop();
    await worker?.stop();
    await app.close();
    await transport.close();
    await db.close();
  }
}
