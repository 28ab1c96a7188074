import { systemClock, type Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { OwnerInfo } from '../db/data-dir-lock.ts';
import { openDb, type Db } from '../db/db.ts';
import { migrate } from '../db/migrate.ts';
import { mailDomainOf } from '../domain/email.ts';
import type { MailIdentity } from '../services/outbox.service.ts';

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
  const identity: MailIdentity = {
    from: config.mail.from,
    domain: mailDomainOf(config.publicUrl),
    inboundAddress: config.inbound.replyAddress,
  };
  return {
    config,
    db,
    clock: systemClock,
    identity,
    deps: { db, clock: systemClock, identity, publicUrl: config.publicUrl },
    migrated,
  };
}
