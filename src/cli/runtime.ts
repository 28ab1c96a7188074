import { mkdir } from 'node:fs/promises';
import { systemClock } from '../clock.ts';
import { loadConfig, type Config } from '../config.ts';
import { openDb, type Db } from '../db/db.ts';
import { migrate } from '../db/migrate.ts';
import type { ServiceDeps } from '../services/deps.ts';

/** Load the configuration, open the database and bring it up to date. */
export async function openRuntime(): Promise<{ config: Config; db: Db; deps: ServiceDeps }> {
  const config = loadConfig();
  if (config.database.kind === 'pglite') await mkdir(config.database.dataDir, { recursive: true });
  const db = await openDb(config.database);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return { config, db, deps: { db, clock: systemClock } };
}
