import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { createApiToken } from '../services/organization.service.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildInterviewScenario, buildMember } from '../../test/support/factories.ts';
import { buildApp } from './app.ts';

describe.each(backends)('scorecard versions on %s', (backend) => {
  let db: Db;
  let app: FastifyInstance;
  const clock = new ManualClock('2026-12-01T15:00:00Z'); // Tuesday

  beforeAll(async () => {
    db = await openTestDb(backend);
    app = await buildApp({ db, clock });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  async function call(token: string, method: 'GET' | 'POST', url: string, body?: object) {
    const res = await app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { authorization: `Bearer ${token}` },
      ...(body && { payload: body }),
    });
    return { status: res.statusCode, body: res.json<Record<string, any>>() };
  }

  it('keeps every saved version, answers the latest, and refuses a save over one the author has not seen', async () => {
    const deps = { db, clock };
    const s = await buildInterviewScenario(deps);
    const org = s.organization.id;
    const { token } = await createApiToken(
      deps,
      org,
      { name: 'hm', scopes: ['read', 'write'] },
      {
        memberId: s.manager.id,
      },
    );
    const base = `/interviews/${s.interview.id}/feedback`;

    const first = await call(token, 'POST', base, {
      recommendation: 'yes',
      ratings: { communication: 4 },
      notes: 'Clear on the pipeline numbers.',
      baseVersion: 0,
    });
    expect(first.status).toBe(201);
    expect(first.body.version).toBe(1);

    clock.advance(60_000);
    const second = await call(token, 'POST', base, {
      recommendation: 'strong_yes',
      ratings: { communication: 5 },
      notes: 'After the debrief: the strongest discovery call we saw.',
      baseVersion: 1,
    });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ id: first.body.id, version: 2, recommendation: 'strong_yes' });

    // A form loaded at version 1 cannot overwrite version 2 unseen.
    const stale = await call(token, 'POST', base, { recommendation: 'no', baseVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('conflict');
    expect(stale.body.currentVersion).toBe(2);

    // The list answers the latest scorecard, once per author.
    const list = await call(token, 'GET', base);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ version: 2, notes: second.body.notes });

    // Both versions are kept, the newest first, a page at a time.
    const versions = `${base}/${s.manager.id}/versions`;
    const p1 = await call(token, 'GET', `${versions}?limit=1`);
    expect(p1.status).toBe(200);
    expect(p1.body.items.map((f: { version: number }) => f.version)).toEqual([2]);
    expect(p1.body.nextCursor).toEqual(expect.any(String));
    const p2 = await call(token, 'GET', `${versions}?limit=1&cursor=${p1.body.nextCursor}`);
    expect(p2.body.items).toMatchObject([
      { id: first.body.id, version: 1, recommendation: 'yes', notes: 'Clear on the pipeline numbers.' },
    ]);
    expect(p2.body.nextCursor).toBeNull();

    // Saving without a base version still adds a version (API clients that do not track them).
    const third = await call(token, 'POST', base, { recommendation: 'yes' });
    expect(third.body.version).toBe(3);
  });

  it("shows an interviewer only their own versions, and another organization's scorecards not at all", async () => {
    const deps = { db, clock };
    const s = await buildInterviewScenario(deps);
    const org = s.organization.id;
    const asManager = await createApiToken(
      deps,
      org,
      { name: 'hm', scopes: ['read', 'write'] },
      {
        memberId: s.manager.id,
      },
    );
    await call(asManager.token, 'POST', `/interviews/${s.interview.id}/feedback`, { recommendation: 'no' });
    const other = await buildMember(deps, org, { role: 'interviewer' });
    const asOther = await createApiToken(deps, org, { name: 'iv', scopes: ['read'] }, { memberId: other.id });
    const peek = await call(
      asOther.token,
      'GET',
      `/interviews/${s.interview.id}/feedback/${s.manager.id}/versions`,
    );
    expect(peek.status).toBe(404);

    const elsewhere = await buildInterviewScenario(deps);
    const foreign = await call(
      elsewhere.apiToken,
      'GET',
      `/interviews/${s.interview.id}/feedback/${s.manager.id}/versions`,
    );
    expect(foreign.status).toBe(404);
  });
});
