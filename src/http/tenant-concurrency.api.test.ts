import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildCandidate, buildOrganization } from '../../test/support/factories.ts';
import { buildApp } from './app.ts';

/**
 * Many organizations' requests interleaved on a small pool (4 connections for 600 requests in
 * flight): connections are reused across tenants all the time, so a tenant setting that leaked
 * from one transaction to the next would show up as another organization's row.
 */
describe.each(backends)('tenant isolation under concurrency on %s', (backend) => {
  let db: Db;
  let app: FastifyInstance;
  const clock = new ManualClock('2026-12-01T15:00:00Z');

  beforeAll(async () => {
    db = await openTestDb(backend);
    app = await buildApp({ db, clock }, { rateLimitPerMinute: 100_000 });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('never returns another organization’s row', { timeout: 120_000 }, async () => {
    const orgs = await Promise.all(
      Array.from({ length: 12 }, async () => {
        const { organization, apiToken } = await buildOrganization({ db, clock });
        const ids = new Set<string>();
        for (let i = 0; i < 3; i++) ids.add((await buildCandidate({ db, clock }, organization.id)).id);
        return { orgId: organization.id, token: apiToken, ids };
      }),
    );
    const all = new Set(orgs.flatMap((o) => [...o.ids]));
    const calls = Array.from({ length: 600 }, (_, i) => {
      const o = orgs[i % orgs.length]!;
      const other = orgs[(i + 5) % orgs.length]!;
      const kind = i % 3;
      const url =
        kind === 0
          ? '/api/v1/candidates?limit=50'
          : kind === 1
            ? `/api/v1/candidates/${[...other.ids][0]}` // someone else's real id
            : `/api/v1/candidates/${[...o.ids][i % 3]}`;
      return app
        .inject({ method: 'GET', url, headers: { authorization: `Bearer ${o.token}` } })
        .then((res) => ({ o, kind, url, res }));
    });
    const results = await Promise.all(calls);
    let checked = 0;
    for (const { o, kind, url, res } of results) {
      const seen = [
        ...res.body.matchAll(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g),
      ].map((m) => m[0]);
      // A 404's detail echoes the id that was asked for; anything else foreign would be a leak.
      const asked = kind === 1 ? url.split('/').pop() : null;
      const foreign = seen.filter((id) => all.has(id) && !o.ids.has(id) && id !== asked);
      expect(foreign).toEqual([]);
      if (kind === 0)
        expect(new Set(res.json<{ items: { id: string }[] }>().items.map((c) => c.id))).toEqual(o.ids);
      if (kind === 1) expect(res.statusCode).toBe(404);
      if (kind === 2) expect(res.statusCode).toBe(200);
      checked += 1;
    }
    expect(checked).toBe(600);
  });
});
