/**
 * `npm run schema:dump`: migrate a fresh PostgreSQL database and write its schema to
 * migrations/schema.sql, the snapshot `src/db/schema.db.test.ts` compares with. Run it after
 * adding a migration and commit the file with it, so review shows what the migration changed.
 * Needs TEST_DATABASE_URL (an admin URL); `scripts/with-postgres.sh` starts a throwaway cluster.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import pg from 'pg';
import { openDb } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { dumpSchema, hasPgDump, pgDumpPath, SCHEMA_SNAPSHOT } from '../test/support/schema.ts';

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

async function main(): Promise<number> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    process.stderr.write('schema:dump needs PostgreSQL: set TEST_DATABASE_URL or install postgresql-15\n');
    return 2;
  }
  if (!hasPgDump()) {
    process.stderr.write(`schema:dump needs ${pgDumpPath()} (postgresql-15, or set PGBIN)\n`);
    return 2;
  }
  const name = `hearback_schema_${randomBytes(4).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const db = await openDb({ kind: 'postgres', url: url.toString(), poolMax: 1 });
    try {
      await migrate(db);
    } finally {
      await db.close();
    }
    await writeFile(SCHEMA_SNAPSHOT, await dumpSchema(url.toString()));
    process.stdout.write(`wrote ${relative(process.cwd(), SCHEMA_SNAPSHOT)}\n`);
    return 0;
  } finally {
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

process.exitCode = await main();
