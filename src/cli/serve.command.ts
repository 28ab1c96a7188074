import { buildApp } from '../http/app.ts';
import { openRuntime } from './runtime.ts';

/** `hearback serve`: migrate, then serve the API until SIGINT/SIGTERM. */
export async function runServe(): Promise<number> {
  const { config, db, deps } = await openRuntime();
  const app = await buildApp(deps, { logger: { level: config.logLevel } });
  const stop = new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      app.log.info(`${signal}: shutting down`);
      resolve();
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });
  try {
    await app.listen({ port: config.port, host: config.host });
    const where = config.database.kind === 'pglite' ? `PGlite in ${config.database.dataDir}` : 'PostgreSQL';
    app.log.info(`Hearback on ${config.publicUrl} (${where}); API docs at ${config.publicUrl}/api/docs`);
    await stop;
    return 0;
  } finally {
    // Finish in-flight requests, then close the database so PGlite flushes its files.
    await app.close();
    await db.close();
  }
}
