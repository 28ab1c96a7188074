import { mkdir } from 'node:fs/promises';
import { systemClock, type Clock } from '../clock.ts';
import { loadConfig, type Config } from '../config.ts';
import { openDb, type Db } from '../db/db.ts';
import { migrate } from '../db/migrate.ts';
import { mailDomainOf } from '../domain/email.ts';
import { createDevMailboxTransport } from '../mail/dev-mailbox.transport.ts';
import { createSmtpTransport } from '../mail/smtp.transport.ts';
import type { MailTransport } from '../mail/transport.ts';
import type { MailIdentity } from '../services/outbox.service.ts';
import type { WorkerOptions } from '../worker/worker.ts';
import { createHttpSender, type WebhookSender } from '../net/webhook-sender.ts';

/** Everything a command needs, wired from the configuration: the composition root. */
export interface Runtime {
  config: Config;
  db: Db;
  clock: Clock;
  identity: MailIdentity;
  deps: { db: Db; clock: Clock; identity: MailIdentity };
}

/** Load the configuration, open the database and bring it up to date. */
export async function openRuntime(): Promise<Runtime> {
  const config = loadConfig();
  if (config.database.kind === 'pglite') await mkdir(config.database.dataDir, { recursive: true });
  const db = await openDb(config.database);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  const identity: MailIdentity = {
    from: config.mail.from,
    domain: mailDomainOf(config.publicUrl),
    inboundAddress: config.inbound.replyAddress,
  };
  return { config, db, clock: systemClock, identity, deps: { db, clock: systemClock, identity } };
}

/** The configured mail transport: SMTP when SMTP_URL is set, else the dev mailbox. */
export function createTransport(runtime: Runtime): MailTransport {
  const t = runtime.config.mail.transport;
  return t.kind === 'smtp'
    ? createSmtpTransport({ url: t.url, maxConnections: t.poolSize, dkim: runtime.config.mail.dkim })
    : createDevMailboxTransport(runtime.db, runtime.clock);
}

/** Worker options from the configuration. */
export function workerOptions(config: Config): WorkerOptions {
  return {
    pollMs: config.worker.pollMs,
    batchSize: config.worker.batchSize,
    leaseMs: config.worker.leaseSeconds * 1000,
    maxAttempts: config.worker.maxAttempts,
    concurrency: config.mail.transport.kind === 'smtp' ? config.mail.transport.poolSize : 5,
    webhookMaxAttempts: config.webhooks.maxAttempts,
  };
}

/** The webhook sender from the configuration (SSRF rules, timeout). */
export function createWebhookSender(config: Config): WebhookSender {
  return createHttpSender({
    allowPrivate: config.webhooks.allowPrivateTargets,
    timeoutMs: config.webhooks.timeoutMs,
  });
}
