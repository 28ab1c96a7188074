import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { setMemberPassword } from '../services/auth.service.ts';
import { createApiToken } from '../services/organization.service.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildInterviewScenario, buildMember, buildOrganization } from '../../test/support/factories.ts';
import { buildApp, PERMISSIONS_POLICY } from './app.ts';

// Issue #14: each finding of the security review, as the attacker would try it through HTTP.
describe.each(backends)('security review findings on %s', (backend) => {
  let db: Db;
  let app: FastifyInstance;
  const clock = new ManualClock('2026-12-01T15:00:00Z');

  beforeAll(async () => {
    db = await openTestDb(backend);
    app = await buildApp({ db, clock });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('finding 4: per-job compliance overrides need the right to change the policy', async () => {
    const deps = { db, clock };
    const s = await buildInterviewScenario(deps);
    const org = s.organization.id;
    const token = async (memberId: string, scopes: ('*' | 'write')[]) =>
      (await createApiToken(deps, org, { name: `t-${scopes[0]}`, scopes }, { memberId })).token;
    const recruiter = await token(s.recruiter.id, ['*']);
    const adminWrite = await token(s.admin.id, ['write']);
    const adminAll = await token(s.admin.id, ['*']);
    const patch = async (bearer: string, policyOverrides: Record<string, unknown>) =>
      (
        await app.inject({
          method: 'PATCH',
          url: `/api/v1/jobs/${s.job.id}`,
          headers: { authorization: `Bearer ${bearer}` },
          payload: { policyOverrides },
        })
      ).statusCode;

    expect(await patch(recruiter, { legalHoldDays: 0, undoWindowMinutes: 0 })).toBe(403);
    expect(await patch(recruiter, { undoWindowMinutes: 0 })).toBe(403);
    expect(await patch(adminWrite, { legalHoldDays: 30 })).toBe(403);
    // Other overrides stay with whoever may change the job.
    expect(await patch(recruiter, { defaultPromiseBusinessDays: 2 })).toBe(200);
    expect(await patch(adminAll, { defaultPromiseBusinessDays: 2, legalHoldDays: 30 })).toBe(200);
    // Keeping the admin's hold is fine; lifting it is not.
    expect(await patch(recruiter, { defaultPromiseBusinessDays: 3, legalHoldDays: 30 })).toBe(200);
    expect(await patch(recruiter, { defaultPromiseBusinessDays: 3 })).toBe(403);
    const [job] = await db.query<{ policy_overrides: Record<string, unknown> }>(
      `SELECT policy_overrides FROM jobs WHERE id = $1`,
      [s.job.id],
    );
    expect(job!.policy_overrides).toEqual({ defaultPromiseBusinessDays: 3, legalHoldDays: 30 });
  });

  it('finding 10: every answer carries a Permissions-Policy, and common passwords are refused', async () => {
    for (const url of ['/healthz', '/', '/s/short', '/api/v1/jobs']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.headers['permissions-policy'], url).toBe(PERMISSIONS_POLICY);
    }
    const { organization } = await buildOrganization({ db, clock });
    const member = await buildMember({ db, clock }, organization.id, { role: 'recruiter' });
    await expect(
      setMemberPassword({ db, clock }, organization.id, member.id, 'qwerty123456'),
    ).rejects.toMatchObject({ code: 'validation_failed' });
  });
});
