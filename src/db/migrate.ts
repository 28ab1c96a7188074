import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths.ts';
import type { Db } from './db.ts';

/** The folder of numbered, forward-only SQL migrations (`0001_name.sql`). */
export const MIGRATIONS_DIR = join(PROJECT_ROOT, 'migrations');

/** One migration file. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The schema snapshot beside the migrations (`npm run schema:dump`): read by tests, never applied. */
export const SCHEMA_SNAPSHOT_FILE = 'schema.sql';

/** Read the migrations folder, in order. Rejects gaps and duplicate numbers. */
export async function loadMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql') && f !== SCHEMA_SNAPSHOT_FILE).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!match) throw new Error(`Migration file name must look like 0001_name.sql: ${file}`);
    const version = Number(match[1]);
    if (version !== migrations.length + 1) throw new Error(`Migration ${file} is out of sequence.`);
    migrations.push({ version, name: match[2]!, sql: await readFile(`${dir}/${file}`, 'utf8') });
  }
  return migrations;
}

// Arbitrary constant shared by every Hearback process: the advisory lock that serialises migrators.
const MIGRATION_LOCK_KEY = 7_405_128_311;

/**
 * Apply pending migrations in one transaction. Safe when several processes start at once: the
 * first takes a transaction-scoped advisory lock, the others wait for it and then find nothing
 * left to do. Returns the versions applied by this call.
 */
export async function migrate(db: Db, migrations?: Migration[]): Promise<number[]> {
  const all = migrations ?? (await loadMigrations());
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const rows = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((r) => r.version));
    const known = new Set(all.map((m) => m.version));
    const unknown = [...applied].filter((v) => !known.has(v));
    if (unknown.length > 0) {
      throw new Error(
        `The database has migrations this code does not know (${unknown.join(', ')}): is it a newer version?`,
      );
    }
    const done: number[] = [];
    for (const m of all) {
      if (applied.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      done.push(m.version);
    }
    return done;
  });
}
