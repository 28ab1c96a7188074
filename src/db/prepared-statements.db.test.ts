import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { ManualClock } from '../clock.ts';
import { listFollowUpsPage } from '../services/follow-up.service.ts';
import { getFollowUpReport } from '../services/report.service.ts';
import { backends, createPostgresDatabase } from '../../test/support/db.ts';
import { buildInterviewScenario } from '../../test/support/factories.ts';
import { openDb, type Db } from './db.ts';

const onPostgres = backends.includes('postgres');

/** What the connection of the current transaction has prepared, by statement text. */
async function preparedTexts(db: Db, orgId: string): Promise<string[]> {
  return db.tenant(orgId).transaction(async (tx) => {
    // A parameter makes this statement a prepared one too; it lists itself among the others.
    const rows = await tx.query<{ statement: string }>(
      `SELECT statement FROM pg_prepared_statements WHERE name LIKE $1`,
      ['hb\\_%'],
    );
    return rows.map((r) => r.statement);
  });
}

/**
 * BENCHMARKS.md F8: a tenant transaction's statements go as named prepared statements, planned once
 * per connection; `prepare: false` (DATABASE_PREPARED_STATEMENTS=off) sends them unnamed. A
 * prepared `SELECT *` outliving a migration that adds a column fails once, and its connection is
 * dropped so the next transaction works. PostgreSQL only: PGlite has no connections to keep them on.
 */
describe.runIf(onPostgres)('prepared statements on PostgreSQL', () => {
  const clock = new ManualClock('2026-12-01T15:00:00Z');
  let database: { url: string; drop: () => Promise<void> };
  let prepared: Db;
  let unprepared: Db;

  beforeAll(async () => {
    database = await createPostgresDatabase();
    // One connection each, so every transaction sees what the earlier ones prepared.
    prepared = await openDb({ kind: 'postgres', url: database.url, poolMax: 1 });
    unprepared = await openDb({ kind: 'postgres', url: database.url, poolMax: 1, prepare: false });
  });
  afterAll(async () => {
    await prepared?.close();
    await unprepared?.close();
    await database?.drop();
  });

  it('prepares the statements of a tenant transaction once per connection, and answers the same', async () => {
    const { organization, recruiter } = await buildInterviewScenario({ db: prepared, clock });
    const query = { status: 'open' as const, ownerId: recruiter.id, limit: 50 };
    const first = await listFollowUpsPage({ db: prepared, clock }, organization.id, query);
    const again = await listFollowUpsPage({ db: prepared, clock }, organization.id, query);
    const plain = await listFollowUpsPage({ db: unprepared, clock }, organization.id, query);
    expect(again).toEqual(first);
    expect(plain).toEqual(first);

    const texts = await preparedTexts(prepared, organization.id);
    expect(texts.some((t) => t.includes('WITH page AS'))).toBe(true);
    // Each text is prepared once, however often it ran.
    expect(new Set(texts).size).toBe(texts.length);
    expect(await preparedTexts(unprepared, organization.id)).toEqual([]);
  });

  it('drops a connection whose prepared SELECT * went stale, so the next transaction works', async () => {
    const { organization } = await buildInterviewScenario({ db: prepared, clock });
    const read = () =>
      prepared
        .tenant(organization.id)
        .query<{ id: string }>(`SELECT * FROM organizations WHERE id = $1`, [organization.id]);
    expect(await read()).toHaveLength(1);
    // Another process migrates: the table gains a column under the prepared statement.
    await prepared.exec(`ALTER TABLE organizations ADD COLUMN prepared_test_column int`);
    try {
      await expect(read()).rejects.toThrow(/cached plan must not change result type/);
      const [row] = await read();
      expect(row).toHaveProperty('prepared_test_column', null);
    } finally {
      await prepared.exec(`ALTER TABLE organizations DROP COLUMN prepared_test_column`);
    }
  });
  it('keeps an idle connection, and what it prepared, past pg’s default idle timeout of 10 s', async () => {
    // A pool of its own: the other tests leave statements that a migration made stale.
    const db = await openDb({ kind: 'postgres', url: database.url, poolMax: 1 });
    onTestFinished(() => db.close());
    const s = await buildInterviewScenario({ db, clock });
    const org = s.organization.id;
    const backend = () =>
      db.tenant(org).transaction((tx) => tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'));
    await listFollowUpsPage({ db, clock }, org, { status: 'open', limit: 10 });
    const [before] = await backend();
    const preparedBefore = await preparedTexts(db, org);
    expect(preparedBefore.length).toBeGreaterThan(1);
    // Real time on purpose: the pool's idle timer is what is under test.
    await new Promise((resolve) => setTimeout(resolve, 10_500));
    const [after] = await backend();
    expect(after!.pid).toBe(before!.pid);
    expect(await preparedTexts(db, org)).toEqual(expect.arrayContaining(preparedBefore));
  }, 20_000);

  it('plans a report for its own parameters every time, never with a generic plan (F11)', async () => {
    // Its own connection: the test before left a column behind that stales older statements.
    const db = await openDb({ kind: 'postgres', url: database.url, poolMax: 1 });
    onTestFinished(() => db.close());
    const { organization } = await buildInterviewScenario({ db, clock });
    const year = { from: new Date('2026-01-01T00:00:00Z'), to: clock.now(), group: 'none' as const };
    // PostgreSQL considers a generic plan from the sixth run of a prepared statement on.
    for (let i = 0; i < 8; i++) await getFollowUpReport({ db, clock }, organization.id, year);
    const [report] = await db.tenant(organization.id).transaction((tx) =>
      tx.query<{ generic: string; custom: string }>(
        `SELECT generic_plans::text AS generic, custom_plans::text AS custom
           FROM pg_prepared_statements WHERE statement LIKE $1`,
        ['WITH cohort AS%'],
      ),
    );
    expect(report).toEqual({ generic: '0', custom: '8' });
  });
});
