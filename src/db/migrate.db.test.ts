import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { openDb } from './db.ts';
import { loadMigrations, migrate } from './migrate.ts';

const postgresUrl = inject('postgresUrl');

describe('loadMigrations', () => {
  it('reads the numbered files in order', async () => {
    const migrations = await loadMigrations();
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(migrations[0]!.name).toBe('core');
  });

  it('rejects gaps and badly named files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hb-mig-'));
    try {
      await writeFile(join(dir, '0001_a.sql'), 'SELECT 1;');
      await writeFile(join(dir, '0003_c.sql'), 'SELECT 1;');
      await expect(loadMigrations(dir)).rejects.toThrow(/out of sequence/);
      await rm(join(dir, '0003_c.sql'));
      await writeFile(join(dir, 'two.sql'), 'SELECT 1;');
      await expect(loadMigrations(dir)).rejects.toThrow(/0001_name.sql/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('migrate on PGlite', () => {
  it('rolls back a failing migration, then applies every migration once', async () => {
    const db = await openDb({ kind: 'pglite' });
    try {
      const broken = [
        { version: 1, name: 'broken', sql: 'CREATE TABLE t1 (id int); SELECT * FROM missing_table;' },
      ];
      await expect(migrate(db, broken)).rejects.toThrow();
      const rows = await db.query(`SELECT to_regclass('t1') AS t, to_regclass('schema_migrations') AS s`);
      expect(rows[0]).toEqual({ t: null, s: null });

      const all = await loadMigrations();
      expect(await migrate(db)).toEqual(all.map((m) => m.version));
      expect(await migrate(db)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});

describe.skipIf(!postgresUrl)('migrate on PostgreSQL', () => {
  it('is safe when several processes start at once', async () => {
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    const name = `hearback_race_${randomBytes(4).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(postgresUrl);
    url.pathname = `/${name}`;
    const dbs = await Promise.all(
      [1, 2, 3, 4].map(() => openDb({ kind: 'postgres', url: url.toString(), poolMax: 2 })),
    );
    try {
      const results = await Promise.all(dbs.map((db) => migrate(db)));
      const all = (await loadMigrations()).map((m) => m.version);
      // Exactly one migrator did the work; the others found nothing left.
      expect(results.filter((r) => r.length > 0)).toEqual([all]);
      const rows = await dbs[0]!.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
      expect(rows[0]!.n).toBe(all.length);
    } finally {
      await Promise.all(dbs.map((db) => db.close()));
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
