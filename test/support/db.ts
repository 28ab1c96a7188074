import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { openDb, type Db } from '../../src/db/db.ts';

/** The database engines the suite runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export type Backend = 'pglite' | 'postgres';

/** Backends available in this run. */
export const backends: Backend[] = inject('postgresUrl') ? ['pglite', 'postgres'] : ['pglite'];

/**
 * A private, migrated database for one test file: a PGlite loaded from the run's template dump,
 * or a PostgreSQL database created from the run's template database (and dropped on close). No
 * test file sees another's rows — which matters for the worker, whose claims span organizations.
 */
export async function openTestDb(backend: Backend): Promise<Db> {
  if (backend === 'postgres') {
    const { url, drop } = await createPostgresDatabase();
    const db = await openDb({ kind: 'postgres', url, poolMax: 4 });
    return {
      ...db,
      close: async () => {
        await db.close();
        await drop();
      },
    };
  }
  const tarball = await readFile(inject('pgliteTemplate'));
  return openDb({ kind: 'pglite', loadDataDir: new Blob([tarball]) });
}

/**
 * Inside a `describe`: a private database (`openTestDb`) for the block's tests, closed after them.
 * Its `db` is set when the block starts, so read it inside the tests, not at collection time.
 */
export function useTestDb(backend: Backend): { db: Db } {
  const opened = {} as { db: Db };
  beforeAll(async () => {
    opened.db = await openTestDb(backend);
  });
  afterAll(async () => {
    await opened.db?.close();
  });
  return opened;
}

/** The PostgreSQL URL of a private database for tests that open their own connections (workers, migrators). */
export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const template = new URL(inject('postgresUrl'));
  const templateName = template.pathname.slice(1);
  const name = `${templateName}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${templateName}`);
  const url = new URL(template);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Run one statement as TEST_DATABASE_URL's admin (databases, login roles). */
export async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}
