import { loadConfig } from '../config.ts';
import { controlSocketPath } from './control-client.ts';
import type { ControlServer } from './control-server.ts';
import { openServingRuntime, type Notice } from './owner.ts';
import { parseNoArguments } from './usage.ts';

/**
 * `hearback worker`: sweep follow-ups and deliver the outbox until SIGINT/SIGTERM. As many as you
 * like against one PostgreSQL; on PGlite it is the data directory's one process (`hearback serve`
 * already runs a worker), and takes the other commands over the control channel like a server.
 */
export async function runWorkerCommand(args: string[], notice: Notice): Promise<number> {
  parseNoArguments(args);
  const config = loadConfig();
  const socketPath = config.database.kind === 'pglite' ? controlSocketPath(config.database.dataDir) : null;
  const runtime = await openServingRuntime(
    config,
    { command: 'worker', controlSocket: socketPath, worker: true },
    notice,
  );
  const log = {
    info: (msg: string) => process.stdout.write(`${msg}\n`),
    error: (obj: unknown, msg: string) =>
      process.stderr.write(
        `${msg}: ${obj && typeof obj === 'object' && 'err' in obj ? String(obj.err) : ''}\n`,
      ),
  };
  // Loaded once the directory is ours: an extra worker is refused before paying for them.
  const [
    { startWorker },
    { startControlServer },
    { createServingTransport, createWebhookSender, workerOptions },
  ] = await Promise.all([
    import('../worker/worker.ts'),
    import('./control-server.ts'),
    import('./serving.ts'),
  ]);
  const transport = createServingTransport(runtime);
  const worker = startWorker(
    { ...runtime.deps, transport, appUrl: config.publicUrl, sender: createWebhookSender(config) },
    workerOptions(config),
    log,
  );
  let control: ControlServer | null = null;
  try {
    if (socketPath) {
      control = await startControlServer(
        socketPath,
        { runtime, via: 'owner', lock: runtime.db.lock?.owner ?? null, pauseWorker: () => worker.pause() },
        log,
      );
    }
    log.info(
      `hearback worker: ${transport.kind === 'smtp' ? 'SMTP' : 'dev mailbox'}, polling every ${config.worker.pollMs} ms`,
    );
    await new Promise<void>((resolve) => {
      // Signal listeners do not keep Node running, and the worker sleeps on an unref'd timer: this
      // handle keeps the process up until a signal, not the pool's idle connections.
      const running = setInterval(() => undefined, 60_000);
      const stop = () => {
        clearInterval(running);
        resolve();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  } finally {
    await control?.close();
    await worker.stop();
    await transport.close();
    await runtime.db.close();
  }
}
