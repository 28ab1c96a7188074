import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildMember, buildOrganization } from '../../test/support/factories.ts';
import { buildApp } from './app.ts';

describe.each(backends)('members on %s', (backend) => {
  let db: Db;
  let app: FastifyInstance;
  const clock = new ManualClock('2026-12-01T15:00:00Z');

  beforeAll(async () => {
    db = await openTestDb(backend);
    app = await buildApp({ db, clock, publicUrl: 'https://hire.acme.test' });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('never leaves an organization without an active admin', async () => {
    const { organization, admin, apiToken } = await buildOrganization({ db, clock });
    const patch = (id: string, payload: Record<string, unknown>) =>
      app.inject({
        method: 'PATCH',
        url: `/api/v1/members/${id}`,
        headers: { authorization: `Bearer ${apiToken}` },
        payload,
      });

    for (const change of [{ role: 'recruiter' }, { active: false }]) {
      const res = await patch(admin.id, change);
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'invalid_state', reason: 'last_active_admin' });
    }
    const other = await buildMember({ db, clock }, organization.id, { role: 'admin' });
    expect((await patch(other.id, { active: false })).statusCode).toBe(200); // another admin remains
    expect((await patch(admin.id, { active: false })).statusCode).toBe(409); // the last one again
    expect((await patch(other.id, { active: true })).statusCode).toBe(200);
    const demoted = await patch(admin.id, { role: 'recruiter' });
    expect(demoted.statusCode).toBe(200); // with a second active admin the change is fine
    expect(demoted.json()).toMatchObject({ role: 'recruiter', active: true });
  });
});
