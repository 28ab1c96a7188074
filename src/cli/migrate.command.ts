import { loadConfig } from '../config.ts';
import { openDb } from '../db/db.ts';
import { migrate } from '../db/migrate.ts';
import { mkdir } from 'node:fs/promises';

/** `hearback migrate`: apply pending migrations and say which. */
export async function runMigrate(): Promise<number> {
  const config = loadConfig();
  if (config.database.kind === 'pglite') await mkdir(config.database.dataDir, { recursive: true });
  const db = await openDb(config.database);
  try {
    const applied = await migrate(db);
    process.stdout.write(
      applied.length ? `Applied migrations: ${applied.join(', ')}\n` : 'The database is up to date.\n',
    );
    return 0;
  } finally {
    await db.close();
  }
}
