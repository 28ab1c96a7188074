import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildInterviewScenario } from '../../test/support/factories.ts';
import type { Db } from './db.ts';

describe.each(backends)('row-level security on %s', (backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(backend);
  });
  afterAll(async () => {
    await db.close();
  });

  it('is enabled and forced on every table that carries org_id, and on organizations', async () => {
    const rows = await db.query<{ table: string; rls: boolean; forced: boolean }>(
      `SELECT c.relname AS table, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r'
          AND (c.relname = 'organizations'
               OR EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'org_id' AND NOT a.attisdropped))
        ORDER BY 1`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(20);
    const unprotected = rows.filter((r) => !r.rls || !r.forced).map((r) => r.table);
    expect(unprotected).toEqual([]);
  });

  it('reads the tenant and the role once per statement, not once per row (BENCHMARKS.md, F13)', async () => {
    const policies = await db.query<{ name: string; expr: string }>(
      `SELECT tablename || '.' || policyname AS name, coalesce(qual, '') || ' ' || coalesce(with_check, '') AS expr
         FROM pg_policies WHERE schemaname = 'public'`,
    );
    expect(policies.length).toBeGreaterThanOrEqual(60);
    // A call inside "( SELECT app_x() AS app_x)" is an init plan; any other call runs per row.
    const perRow = policies.filter((p) =>
      /app_(is_system|org_id|member_id|member_role)\(\)/.test(
        p.expr.replace(/\( SELECT (public\.)?app_\w+\(\) AS app_\w+\)/g, ''),
      ),
    );
    expect(perRow.map((p) => p.name)).toEqual([]);
    // And the planner agrees: the tenant check of a plain read is an init plan, evaluated once.
    const plan = await db
      .tenant('00000000-0000-0000-0000-000000000000')
      .transaction((tx) =>
        tx.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN (COSTS OFF) SELECT id FROM follow_ups WHERE status = 'open'`,
        ),
      );
    const text = plan.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toMatch(/InitPlan/);
    expect(text).not.toMatch(/current_setting/);
  });

  it('runs the application as a role that owns nothing and cannot bypass RLS', async () => {
    const [role] = await db.query<{ super: boolean; bypass: boolean }>(
      `SELECT rolsuper AS super, rolbypassrls AS bypass FROM pg_roles WHERE rolname = 'hearback_app'`,
    );
    expect(role).toEqual({ super: false, bypass: false });
    const owned = await db.query(
      `SELECT c.relname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner
        WHERE r.rolname IN ('hearback_app', 'hearback_system') AND c.relkind = 'r'`,
    );
    expect(owned).toEqual([]);
    const [who] = await db
      .tenant('00000000-0000-0000-0000-000000000000')
      .query<{ user: string }>('SELECT current_user AS user');
    expect(who!.user).toBe('hearback_app');
  });

  it('shows a tenant only its own rows, even with no WHERE clause, and nothing when no tenant is set', async () => {
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const a = await buildInterviewScenario({ db, clock });
    const b = await buildInterviewScenario({ db, clock });
    for (const table of [
      'organizations',
      'members',
      'jobs',
      'candidates',
      'applications',
      'interviews',
      'api_tokens',
    ]) {
      const seen = await db
        .tenant(a.organization.id)
        .query<{ org: string }>(`SELECT ${table === 'organizations' ? 'id' : 'org_id'} AS org FROM ${table}`);
      expect([table, seen.length > 0]).toEqual([table, true]);
      expect([table, seen.every((r) => r.org === a.organization.id)]).toEqual([table, true]);
    }
    // Fails closed: the application role with no tenant sees nothing.
    const none = await db.transaction(async (tx) => {
      await tx.query(`SELECT set_config('role', 'hearback_app', true)`);
      return tx.query(`SELECT id FROM candidates`);
    });
    expect(none).toEqual([]);
    // Writing into another tenant is refused by the policy's WITH CHECK.
    await expect(
      db
        .tenant(a.organization.id)
        .query(
          `INSERT INTO candidates (org_id, name, created_at, updated_at) VALUES ($1, 'x', now(), now())`,
          [b.organization.id],
        ),
    ).rejects.toThrow(/row-level security/);
    // Updating another tenant's row touches nothing.
    const updated = await db
      .tenant(a.organization.id)
      .query(`UPDATE candidates SET name = 'hijacked' WHERE id = $1 RETURNING id`, [b.candidate.id]);
    expect(updated).toEqual([]);
  });

  it('keeps the audit log append-only for the application', async () => {
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const a = await buildInterviewScenario({ db, clock });
    const t = db.tenant(a.organization.id);
    await t.query(
      `INSERT INTO audit_log (org_id, at, actor_type, action) VALUES ($1, now(), 'system', 'test')`,
      [a.organization.id],
    );
    await expect(t.query(`UPDATE audit_log SET action = 'changed'`)).rejects.toThrow(/permission denied/);
    await expect(t.query(`DELETE FROM audit_log`)).rejects.toThrow(/permission denied/);
  });

  it('lets interviewers see only the applications they interview', async () => {
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const s = await buildInterviewScenario({ db, clock }); // the hiring manager interviews s.application
    const { withViewer } = await import('./db.ts');
    const { createApplication } = await import('../services/application.service.ts');
    const { buildCandidate } = await import('../../test/support/factories.ts');
    const other = await createApplication({ db, clock }, s.organization.id, {
      jobId: s.job.id,
      candidateId: (await buildCandidate({ db, clock }, s.organization.id)).id,
    });
    const asInterviewer = (sql: string) =>
      withViewer(
        { orgId: s.organization.id, memberId: s.manager.id, role: 'interviewer', apiTokenId: null },
        () => db.tenant(s.organization.id).query<{ id: string }>(sql),
      );
    expect((await asInterviewer('SELECT id FROM applications')).map((r) => r.id)).toEqual([s.application.id]);
    expect((await asInterviewer('SELECT id FROM candidates')).map((r) => r.id)).toEqual([s.candidate.id]);
    expect(await asInterviewer('SELECT id FROM decisions')).toEqual([]);
    const asRecruiter = await withViewer(
      { orgId: s.organization.id, memberId: s.recruiter.id, role: 'recruiter', apiTokenId: null },
      () =>
        db.tenant(s.organization.id).query<{ id: string }>('SELECT id FROM applications ORDER BY created_at'),
    );
    expect(asRecruiter.map((r) => r.id).sort()).toEqual([s.application.id, other.id].sort());
  });

  it('acts as the organization inside asOrganization, and as the interviewer again from the next statement', async () => {
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const s = await buildInterviewScenario({ db, clock });
    const { withViewer } = await import('./db.ts');
    const roleNow = 'SELECT current_setting($1) AS role';
    const seen = await withViewer(
      { orgId: s.organization.id, memberId: s.manager.id, role: 'interviewer', apiTokenId: null },
      () =>
        db.tenant(s.organization.id).transaction(async (tx) => {
          const read = async () => (await tx.query<{ role: string }>(roleNow, ['app.member_role']))[0]!.role;
          const before = await read();
          const inside = await tx.asOrganization(read);
          const after = await read();
          const again = await tx.asOrganization(read);
          const decisions = await tx.query('SELECT id FROM decisions'); // narrowed again: none
          return { before, inside, after, again, decisions };
        }),
    );
    expect(seen).toEqual({
      before: 'interviewer',
      inside: '',
      after: 'interviewer',
      again: '',
      decisions: [],
    });
  });
});
