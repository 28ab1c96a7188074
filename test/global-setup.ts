import { randomBytes } from 'node:crypto';
import { writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDb, wrapPglite } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A tarball of a migrated PGlite database; each test file loads a private copy. */
    pgliteTemplate: string;
    /** A migrated PostgreSQL database for this run, used as the template of each test file's own database; '' when TEST_DATABASE_URL is unset. */
    postgresUrl: string;
  }
}

/** The migrated templates of one run, and how to remove them. */
interface Templates {
  pgliteTemplate: string;
  postgresUrl: string;
  remove: () => Promise<void>;
}

/** What the tiers of one run share (see `setup`): the templates and how many tiers use them. */
interface Shared {
  templates: Promise<Templates>;
  users: number;
}

// Every tier but `unit` names this file as its global setup, and vitest runs it once per tier in
// the same process. The first call migrates; the others reuse its result (globalThis outlives the
// module instance each tier loads), and the last teardown removes the templates.
const SHARED = Symbol.for('hearback.test.templates');
const registry = globalThis as { [SHARED]?: Shared };

/**
 * Migrate once per run, then let every test file clone the result: migrating PGlite from scratch
 * takes seconds, loading a dump well under one.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const shared = (registry[SHARED] ??= { templates: createTemplates(), users: 0 });
  shared.users += 1;
  const { pgliteTemplate, postgresUrl } = await shared.templates;
  project.provide('pgliteTemplate', pgliteTemplate);
  project.provide('postgresUrl', postgresUrl);
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    delete registry[SHARED];
    await (await shared.templates).remove();
  };
}

async function createTemplates(): Promise<Templates> {
  const instance = await PGlite.create();
  await migrate(wrapPglite(instance));
  const dump = await instance.dumpDataDir('none');
  await instance.close();
  const pgliteTemplate = join(tmpdir(), `hearback-test-template-${process.pid}.tar`);
  await writeFile(pgliteTemplate, Buffer.from(await dump.arrayBuffer()));

  let dropPostgres = async (): Promise<void> => {};
  let postgresUrl = '';
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl && process.env.CI) {
    // CI must prove the suite on PostgreSQL too; a silent PGlite-only run would hide regressions.
    throw new Error('CI is set but TEST_DATABASE_URL is not: start PostgreSQL first (see .ci/run).');
  }
  if (adminUrl) {
    const name = `hearback_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const db = await openDb({ kind: 'postgres', url: url.toString(), poolMax: 2 });
    await migrate(db);
    await db.close();
    postgresUrl = url.toString();
    dropPostgres = async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    };
  }

  return {
    pgliteTemplate,
    postgresUrl,
    remove: async () => {
      await rm(pgliteTemplate, { force: true });
      await dropPostgres();
    },
  };
}
