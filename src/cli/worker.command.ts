import { startWorker } from '../worker/worker.ts';
import { createTransport, createWebhookSender, openRuntime, workerOptions } from './runtime.ts';

/** `hearback worker`: sweep follow-ups and deliver the outbox until SIGINT/SIGTERM. */
export async function runWorkerCommand(): Promise<number> {
  const runtime = await openRuntime();
  const transport = createTransport(runtime);
  const log = {
    info: (msg: string) => process.stdout.write(`${msg}\n`),
    error: (obj: unknown, msg: string) =>
      process.stderr.write(
        `${msg}: ${obj && typeof obj === 'object' && 'err' in obj ? String(obj.err) : ''}\n`,
      ),
  };
  const worker = startWorker(
    {
      ...runtime.deps,
      transport,
      appUrl: runtime.config.publicUrl,
      sender: createWebhookSender(runtime.config),
    },
    workerOptions(runtime.config),
    log,
  );
  log.info(
    `hearback worker: ${transport.kind === 'smtp' ? 'SMTP' : 'dev mailbox'}, polling every ${runtime.config.worker.pollMs} ms`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await worker.stop();
  await transport.close();
  await runtime.db.close();
  return 0;
}
