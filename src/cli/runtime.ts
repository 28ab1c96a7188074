import { systemClock, type Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { OwnerInfo } from '../db/data-dir-lock.ts';
import { openDb, type Db } from '../db/db.ts';
import { migrate } from '../db/migrate.ts';
import { mailDomainOf } from '../domain/email.ts';
import { createDevMailboxTransport } from '../mail/dev-mailbox.transport.ts';
import { createSmtpTransport } from '../mail/smtp.transport.ts';
import type { MailTransport, OutgoingEmail } from '../mail/transport.ts';
import type { MailIdentity } from '../services/outbox.service.ts';
import type { WorkerOptions } from '../worker/worker.ts';

/** Everything a command needs, wired from the configuration: the composition root. */
export interface Runtime {
  config: Config;
  db: Db;
  clock: Clock;
  identity: MailIdentity;
  deps: { db: Db; clock: Clock; identity: MailIdentity; publicUrl: string };
  /** Migrations this process applied when it opened the database (empty: it was up to date). */
  migrated: number[];
}

/**
 * Open the database and (unless `migrate: false`) bring it up to date. On PGlite this takes the
 * data directory's lock first and throws DataDirLockedError when another process holds it:
 * callers go through that owner instead (src/cli/owner.ts).
 */
export async function openRuntime(
  config: Config,
  owner: OwnerInfo,
  options: { migrate?: boolean } = {},
): Promise<Runtime> {
  const db = await openDb(config.database, owner);
  let migrated: number[] = [];
  if (options.migrate !== false) {
    try {
      migrated = await migrate(db);
    } catch (error) {
      await db.close();
      throw error;
    }
  }
  const identity: MailIdentity = { from: config.mail.from, domain: mailDomainOf(config.publicUrl) };
  return {
    config,
    db,
    clock: systemClock,
    identity,
    deps: { db, clock: systemClock, identity, publicUrl: config.publicUrl },
    migrated,
  };
}

/**
 * The configured mail transport: SMTP when SMTP_URL is set, else the dev mailbox — which calls
 * `onDevMail` with each email it keeps (the server prints sign-in links from it). SMTP never does:
 * with a real relay, links and tokens stay out of the logs.
 */
export function createServingTransport(
  runtime: Runtime,
  onDevMail?: (email: OutgoingEmail) => void,
): MailTransport {
  const t = runtime.config.mail.transport;
  return t.kind === 'smtp'
    ? createSmtpTransport({ url: t.url, maxConnections: t.poolSize, dkim: runtime.config.mail.dkim })
    : createDevMailboxTransport(runtime.db, runtime.clock, onDevMail ? { onDelivered: onDevMail } : {});
}

/** Worker options from the configuration. */
export function workerOptions(config: Config): WorkerOptions {
  return {
    pollMs: config.worker.pollMs,
    batchSize: config.worker.batchSize,
    leaseMs: config.worker.leaseSeconds * 1000,
    maxAttempts: config.worker.maxAttempts,
    concurrency: config.mail.transport.kind === 'smtp' ? config.mail.transport.poolSize : 5,
  };
}
