import { createServer } from 'node:net';
import { loadConfig, type Config } from '../config.ts';
import type { FastifyInstance } from 'fastify';
import type { RunningWorker } from '../worker/worker.ts';
import type { RunningInbound } from './inbound.ts';
import { controlSocketPath } from './control-client.ts';
import type { ControlServer } from './control-server.ts';
import { openServingRuntime, type Notice } from './owner.ts';
import type { Runtime } from './runtime.ts';
import type { MailTransport } from '../mail/transport.ts';
import { CliFailure, parseCommandLine, UsageError } from './usage.ts';
import { buildWeb, webBuildState } from './web-build.ts';

const SERVICES = ['web', 'worker'] as const;

/**
 * `hearback serve [--services web,worker]`: migrate, then run the web app and/or the worker in
 * this process until SIGINT/SIGTERM. Both by default, so `npm start` is a complete Hearback. On
 * PGlite it owns the data directory and takes the other commands over its control channel.
 */
export async function runServe(args: string[], notice: Notice): Promise<number> {
  const services = parseServices(args);
  const config = await withRealPort(loadConfig());
  const socketPath = config.database.kind === 'pglite' ? controlSocketPath(config.database.dataDir) : null;
  const runtime = await openServingRuntime(
    config,
    {
      command: services.length === SERVICES.length ? 'serve' : `serve --services ${services.join(',')}`,
      controlSocket: socketPath,
      url: services.includes('web') ? config.publicUrl : null,
      worker: services.includes('worker'),
    },
    notice,
  );
  const parts: ServingParts = { app: null, worker: null, control: null, inbound: null, transport: null };
  try {
    const { stop } = await startServing(runtime, config, services, socketPath, parts);
    await stop;
    return 0;
  } finally {
    // Stop taking commands, finish the current worker tick and in-flight requests, then close the
    // database (PGlite flushes its files) and with it release the data directory.
    await parts.control?.close();
    await parts.inbound?.stop();
    await parts.worker?.stop();
    await parts.app?.close();
    await parts.transport?.close();
    await runtime.db.close();
  }
}

/** What `serve` has started so far, each stopped on the way out (null: not started). */
interface ServingParts {
  app: FastifyInstance | null;
  worker: RunningWorker | null;
  control: ControlServer | null;
  inbound: RunningInbound | null;
  transport: MailTransport | null;
}

/** The `--services` list, each known and named once. */
function parseServices(args: string[]): string[] {
  const { values } = parseCommandLine({
    args,
    options: { services: { type: 'string', default: 'web,worker' } },
    allowPositionals: false,
    strict: true,
  });
  const services = values.services.split(',').map((s) => s.trim());
  const unknown = services.filter((s) => !(SERVICES as readonly string[]).includes(s));
  if (unknown.length > 0 || services.length === 0 || new Set(services).size !== services.length) {
    throw new UsageError(`--services must be a comma-separated list of ${SERVICES.join(', ')}`);
  }
  return services;
}

/**
 * Start the app, mail transport, inbound mail, worker, control channel and listener, recording
 * each in `parts` as it starts; `stop` settles on SIGINT/SIGTERM.
 */
async function startServing(
  runtime: Runtime,
  config: Config,
  services: string[],
  socketPath: string | null,
  parts: ServingParts,
): Promise<{ stop: Promise<void> }> {
  const { db } = runtime;
  // Loaded once the directory is ours: a second `serve` is refused before paying for them.
  const [{ buildApp }, { accountLinkNotice }, { startWorker }, { startControlServer }, serving] =
    await Promise.all([
      import('../http/app.ts'),
      import('../mail/dev-mailbox.transport.ts'),
      import('../worker/worker.ts'),
      import('./control-server.ts'),
      import('./serving.ts'),
    ]);
  const { createServingTransport, createWebhookSender, workerOptions } = serving;
  const app = await buildApp(
    {
      ...runtime.deps,
      devMailbox: config.mail.transport.kind === 'dev_mailbox',
      webhooks: config.webhooks,
      inboundLimits: config.inbound.limits,
      trustProxy: config.trustProxy,
    },
    { logger: { level: config.logLevel } },
  );
  parts.app = app;
  const log = app.log;
  // Without SMTP, sign-in links and invitations are printed here so a new user can sign in.
  const transport = createServingTransport(runtime, (email) => {
    const line = accountLinkNotice(email);
    if (line) log.info(line);
  });
  parts.transport = transport;
  const stop = new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      log.info(`${signal}: shutting down`);
      resolve();
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });
  if (runtime.migrated.length > 0) log.info(`applied migrations ${runtime.migrated.join(', ')}`);
  // Replies: the SMTP listener (INBOUND_SMTP_PORT) and the IMAP poller (IMAP_URL), when set.
  parts.inbound = await (await import('./inbound.ts')).startInbound(runtime, log);
  if (services.includes('worker')) {
    parts.worker = startWorker(
      { ...runtime.deps, transport, appUrl: config.publicUrl, sender: createWebhookSender(config) },
      workerOptions(config),
      log,
    );
    log.info(`worker running (${transport.kind === 'smtp' ? 'SMTP' : 'dev mailbox at /dev/mail'})`);
  }
  if (socketPath) {
    const running = parts.worker;
    parts.control = await startControlServer(
      socketPath,
      {
        runtime,
        via: 'owner',
        lock: db.lock?.owner ?? null,
        pauseWorker: running ? () => running.pause() : undefined,
      },
      log,
    );
  }
  if (services.includes('web')) {
    await listenWeb(app, config, log);
  }
  return { stop };
}

/** Build the web app if its sources changed, then listen on PORT/HOST (a taken port says so plainly). */
async function listenWeb(app: FastifyInstance, config: Config, log: FastifyInstance['log']): Promise<void> {
  await ensureWebBuild(log);
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new CliFailure(
        `port ${config.port} on ${config.host} is in use by another program; set PORT to a free one`,
      );
    }
    throw error;
  }
  const where = config.database.kind === 'pglite' ? `PGlite in ${config.database.dataDir}` : 'PostgreSQL';
  log.info(`Hearback on ${config.publicUrl} (${where}); API docs at ${config.publicUrl}/api/docs`);
}

/**
 * With PORT=0 (any free port) and no PUBLIC_URL, choose the port now so that every link — in
 * emails, in the CLI's output — carries the one the server really listens on.
 */
async function withRealPort(config: Config): Promise<Config> {
  if (config.port !== 0 || config.publicUrlExplicit) return config;
  const port = await new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, config.host, () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
  return { ...config, port, publicUrl: config.publicUrl.replace(/:0$/, `:${port}`) };
}

/**
 * Build the web app before listening when its sources changed since the last build (or it was
 * never built) — seconds, once; a start with a fresh build checks a hash and moves on.
 */
async function ensureWebBuild(log: { info(msg: string): void; warn(msg: string): void }): Promise<void> {
  const web = await webBuildState();
  if (web.state === 'fresh') return;
  log.info(`web app: ${web.state === 'missing' ? 'not built yet' : 'sources changed'}; building…`);
  const started = performance.now();
  const result = await buildWeb();
  if (result === 'unavailable') log.warn(`web app: ${web.message} (Vite is not installed here)`);
  else log.info(`web app built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
