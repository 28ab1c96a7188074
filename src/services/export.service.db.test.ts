import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { EXPORTED_TABLES } from '../domain/organization-export.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildInterviewScenario, buildMember } from '../../test/support/factories.ts';
import { exportOrganization } from './export.service.ts';
import { createInterview } from './interview.service.ts';

type Doc = { tables: Record<string, Record<string, unknown>[]> };

async function collect(pieces: AsyncGenerator<string>): Promise<Doc> {
  let text = '';
  for await (const piece of pieces) text += piece;
  return JSON.parse(text) as Doc;
}

/** The keyset walk of every table (single and composite keys) reads each row once, whatever the page size. */
describe.each(backends)('the organization export on %s', (backend) => {
  let db: Db;
  const clock = new ManualClock('2026-11-30T10:00:00Z');
  beforeAll(async () => {
    db = await openTestDb(backend);
  });
  afterAll(async () => {
    await db.close();
  });

  it('gives the same rows a row at a time as in one page', async () => {
    const deps = { db, clock };
    const s = await buildInterviewScenario(deps);
    const org = s.organization.id;
    const a = await buildMember(deps, org, { role: 'interviewer' });
    const b = await buildMember(deps, org, { role: 'interviewer' });
    await createInterview(deps, org, {
      applicationId: s.application.id,
      title: 'Panel 2',
      interviewerIds: [a.id, b.id, s.manager.id],
    });
    // Tables keyed by text and by (uuid, date), written as the worker and the template editor do.
    await db.query(
      `INSERT INTO templates (org_id, key, subject, body, updated_at)
       VALUES ($1, 'rejection', 's1', 'b1', now()), ($1, 'advance', 's2', 'b2', now())`,
      [org],
    );
    await db.query(
      `INSERT INTO digests (org_id, member_id, local_date, created_at)
       VALUES ($1, $2, '2026-11-27', now()), ($1, $2, '2026-11-30', now()), ($1, $3, '2026-11-27', now())`,
      [org, a.id, b.id],
    );

    const whole = await collect(exportOrganization(deps, org, { commandLine: true }));
    const byRow = await collect(exportOrganization(deps, org, { commandLine: true }, { pageSize: 1 }));
    for (const { table } of EXPORTED_TABLES) {
      // The second export found the first one's audit entry.
      const extra = table === 'audit_log' ? 1 : 0;
      expect([table, byRow.tables[table]!.length]).toEqual([table, whole.tables[table]!.length + extra]);
      if (table !== 'audit_log') expect(byRow.tables[table], table).toEqual(whole.tables[table]);
    }
    expect(whole.tables.interview_interviewers).toHaveLength(4);
    expect(whole.tables.templates!.map((t) => t.key)).toEqual(['advance', 'rejection']);
    expect(whole.tables.digests).toHaveLength(3);
    expect(whole.tables.members!.length).toBeGreaterThanOrEqual(5);
  });

  it('refuses an organization that does not exist, and records nothing', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    await expect(
      collect(exportOrganization({ db, clock }, missing, { commandLine: true })),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
