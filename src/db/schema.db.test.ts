import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { createPostgresDatabase } from '../../test/support/db.ts';
import {
  dumpSchema,
  hasPgDump,
  normaliseDump,
  pgDumpPath,
  SCHEMA_SNAPSHOT,
} from '../../test/support/schema.ts';

const postgresUrl = inject('postgresUrl');

/** `diff -u` of two texts, labelled; '' when they are equal. */
async function unifiedDiff(before: string, after: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'hb-schema-'));
  try {
    await writeFile(join(dir, 'a'), before);
    await writeFile(join(dir, 'b'), after);
    await promisify(execFile)(
      'diff',
      ['-u', '--label', 'migrations/schema.sql', '--label', 'migrated', 'a', 'b'],
      {
        cwd: dir,
      },
    );
    return '';
  } catch (error) {
    const e = error as { code?: number; stdout?: string };
    if (e.code === 1 && e.stdout) return e.stdout;
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('normaliseDump', () => {
  it('drops what changes between runs and machines, and keeps the schema', () => {
    const dump = [
      '--',
      '-- PostgreSQL database dump',
      '--',
      '',
      '\\restrict 3kT9aQ',
      '',
      '-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)',
      '-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)',
      '',
      'SET statement_timeout = 0;',
      "SELECT pg_catalog.set_config('search_path', '', false);",
      '',
      '',
      '',
      'CREATE TABLE public.jobs (   ',
      '    id uuid NOT NULL',
      ');',
      '',
      '\\unrestrict 3kT9aQ',
      '',
    ].join('\n');
    expect(normaliseDump(dump)).toBe(
      '--\n-- PostgreSQL database dump\n--\n\nCREATE TABLE public.jobs (\n    id uuid NOT NULL\n);\n',
    );
  });
});

// PostgreSQL only: PGlite is a newer major version, and pg_dump cannot read it. CI always has both.
const canDump = Boolean(postgresUrl) && (hasPgDump() || Boolean(process.env.CI));

describe.skipIf(!canDump)('the schema snapshot (migrations/schema.sql)', () => {
  it('is what the migrations build: after a migration, run `npm run schema:dump` and commit the file', async () => {
    expect(hasPgDump(), `${pgDumpPath()} is missing (install postgresql-15 or set PGBIN)`).toBe(true);
    // A private copy: pg_dump connected to the run's template would block other files' copies of it.
    const { url, drop } = await createPostgresDatabase();
    try {
      const migrated = await dumpSchema(url);
      const snapshot = await readFile(SCHEMA_SNAPSHOT, 'utf8').catch(() => '');
      const diff = await unifiedDiff(snapshot, migrated);
      if (diff) {
        expect.fail(
          `migrations/schema.sql is not what the migrations build; run \`npm run schema:dump\`, review and commit:\n\n${diff}`,
        );
      }
      expect(migrated).toBe(snapshot);
    } finally {
      await drop();
    }
  });
});
