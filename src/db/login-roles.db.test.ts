import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import { closeInterview } from '../services/interview.service.ts';
import { listFollowUpsPage } from '../services/follow-up.service.ts';
import { adminQuery, backends, createPostgresDatabase } from '../../test/support/db.ts';
import { buildInterviewScenario } from '../../test/support/factories.ts';
import { openDb, type Db } from './db.ts';

const onPostgres = backends.includes('postgres');

/**
 * Issue #14.8: with DATABASE_TENANT_URL, tenant work runs on a login that is a member of
 * hearback_app only. SQL run on that connection cannot switch to the cross-tenant role (with one
 * login for both, it can: the weakness this closes), and the application still works end to end.
 * PostgreSQL only: PGlite has one user in one process.
 */
describe.runIf(onPostgres)('separate PostgreSQL logins for tenant and system work', () => {
  const clock = new ManualClock('2026-12-01T15:00:00Z');
  const login = `hearback_tenant_${randomBytes(4).toString('hex')}`;
  let database: { url: string; drop: () => Promise<void> };
  let split: Db;
  let single: Db;

  beforeAll(async () => {
    database = await createPostgresDatabase();
    // What docs/SECURITY.md tells an operator to run once (the test cluster trusts local logins).
    await adminQuery(
      `CREATE ROLE ${login} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE IN ROLE hearback_app`,
    );
    const tenantUrl = new URL(database.url);
    tenantUrl.username = login;
    split = await openDb({
      kind: 'postgres',
      url: database.url,
      tenantUrl: tenantUrl.toString(),
      poolMax: 2,
    });
    single = await openDb({ kind: 'postgres', url: database.url, poolMax: 2 });
  });
  afterAll(async () => {
    await split?.close();
    await single?.close();
    await database?.drop();
    await adminQuery(`DROP ROLE IF EXISTS ${login}`);
  });

  it('runs tenant transactions as the tenant login, which cannot become the system role', async () => {
    await buildInterviewScenario({ db: split, clock }); // another organization
    const { organization } = await buildInterviewScenario({ db: split, clock });
    const tenant = split.tenant(organization.id);
    const [who] = await tenant.query<{ session_user: string; current_user: string }>(
      `SELECT session_user, current_user`,
    );
    expect(who).toEqual({ session_user: login, current_user: 'hearback_app' });
    await expect(tenant.query(`SET LOCAL ROLE hearback_system`)).rejects.toThrow(/permission denied/);
    await expect(tenant.query(`SELECT set_config('role', 'hearback_system', true)`)).rejects.toThrow(
      /permission denied/,
    );
    // Nor does resetting the role to its login's own reach another organization's rows.
    await tenant.transaction(async (tx) => {
      await tx.query(`RESET ROLE`);
      expect(await tx.query(`SELECT id FROM organizations`)).toEqual([{ id: organization.id }]);
    });
  });

  it('is needed: with one login for both, tenant SQL can switch to the system role', async () => {
    const { organization } = await buildInterviewScenario({ db: single, clock });
    const [who] = await single
      .tenant(organization.id)
      .query<{ role: string }>(`SELECT set_config('role', 'hearback_system', true) AS role`);
    expect(who!.role).toBe('hearback_system');
  });

  it('serves the application: an interview closed through the services opens its follow-up', async () => {
    const s = await buildInterviewScenario({ db: split, clock });
    await closeInterview({ db: split, clock }, s.organization.id, s.interview.id, {
      statement: 'within 2 business days',
    });
    const page = await listFollowUpsPage({ db: split, clock }, s.organization.id, {
      status: 'open',
      limit: 10,
    });
    // The outcome owed to the candidate, and inside the team the scorecard and the decide-by.
    expect(page.items.map((f) => [f.kind, f.applicationId]).sort()).toEqual([
      ['decision_due', s.application.id],
      ['feedback_due', s.application.id],
      ['outcome', s.application.id],
    ]);
  });
});
