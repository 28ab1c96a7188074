import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { adminQuery, backends } from '../../test/support/db.ts';
import { openDb, type Db } from './db.ts';
import { loadMigrations, migrate } from './migrate.ts';

/** An empty database of the backend, dropped by the returned function. */
async function emptyDb(backend: 'pglite' | 'postgres'): Promise<{ db: Db; drop: () => Promise<void> }> {
  if (backend === 'pglite') {
    const db = await openDb({ kind: 'pglite' });
    return { db, drop: () => db.close() };
  }
  // A database from the run's template is already migrated: start from an empty one.
  const name = `hearback_stages_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(inject('postgresUrl'));
  url.pathname = `/${name}`;
  const db = await openDb({ kind: 'postgres', url: url.toString(), poolMax: 2 });
  const drop = () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  return {
    db,
    drop: async () => {
      await db.close();
      await drop();
    },
  };
}

/**
 * Migration 0026: existing jobs get the default stages, then every other stage their applications
 * use, in the order first entered, so no board loses a column; new jobs get the default list.
 */
describe.each(backends)('migration 0026 on %s', (backend) => {
  it('backfills each job’s stages from the default and the stages in use', { timeout: 300_000 }, async () => {
    const { db, drop } = await emptyDb(backend);
    try {
      const all = await loadMigrations();
      await migrate(
        db,
        all.filter((m) => m.version < 26),
      );
      const at = (day: number) => new Date(Date.UTC(2026, 10, day));
      const org = randomUUID();
      await db.query(`INSERT INTO organizations (id, name, policy, created_at) VALUES ($1, 'A', '{}', $2)`, [
        org,
        at(1),
      ]);
      const job = async (title: string) => {
        const [row] = await db.query<{ id: string }>(
          `INSERT INTO jobs (org_id, title, role_kind, created_at, updated_at) VALUES ($1, $2, 'other', $3, $3) RETURNING id`,
          [org, title, at(1)],
        );
        return row!.id;
      };
      const apply = async (jobId: string, stage: string, day: number) => {
        const [c] = await db.query<{ id: string }>(
          `INSERT INTO candidates (org_id, name, created_at, updated_at) VALUES ($1, 'C', $2, $2) RETURNING id`,
          [org, at(day)],
        );
        await db.query(
          `INSERT INTO applications (org_id, job_id, candidate_id, stage, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)`,
          [org, jobId, c!.id, stage, at(day)],
        );
      };
      const used = await job('Used');
      await apply(used, 'onsite', 5);
      await apply(used, 'Phone screen', 3);
      await apply(used, 'applied', 2);
      await apply(used, 'Onsite', 7); // the same stage, other case: one column, spelt as first entered
      await apply(used, 'x'.repeat(61), 4); // longer than a stage name may be: still shown, not listed
      const unused = await job('Unused');
      const crowded = await job('Crowded');
      for (let i = 0; i < 25; i++) await apply(crowded, `round ${String(i).padStart(2, '0')}`, 2 + i);

      await migrate(db);
      const stages = async (id: string) =>
        (await db.query<{ stages: string[] }>(`SELECT stages FROM jobs WHERE id = $1`, [id]))[0]!.stages;
      const defaults = ['applied', 'screen', 'interview', 'final', 'offer'];
      expect(await stages(used)).toEqual([...defaults, 'Phone screen', 'onsite']);
      expect(await stages(unused)).toEqual(defaults);
      const many = await stages(crowded);
      expect(many).toHaveLength(20);
      expect(many.slice(5)).toEqual(
        Array.from({ length: 15 }, (_, i) => `round ${String(i).padStart(2, '0')}`),
      );
      // A job made after the migration without stages gets the default list.
      expect(await stages(await job('New'))).toEqual(defaults);
      const [src] = await db.query<{ source: string | null }>(`SELECT source FROM candidates LIMIT 1`);
      expect(src!.source).toBeNull();
    } finally {
      await drop();
    }
  });
});
