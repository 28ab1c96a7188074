import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { openDb, type Db } from '../../src/db/db.ts';

/** The database engines the suite runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export type Backend = 'pglite' | 'postgres';

/** Backends available in this run. */
export const backends: Backend[] = inject('postgresUrl') ? ['pglite', 'postgres'] : ['pglite'];

/**
 * A migrated database for one test file: a private PGlite cloned from the run's template, or a
 * pool on the run's PostgreSQL database (shared; tests isolate themselves by organization).
 */
export async function openTestDb(backend: Backend): Promise<Db> {
  if (backend === 'postgres') {
    return openDb({ kind: 'postgres', url: inject('postgresUrl'), poolMax: 4 });
  }
  const tarball = await readFile(inject('pgliteTemplate'));
  return openDb({ kind: 'pglite', loadDataDir: new Blob([tarball]) });
}
