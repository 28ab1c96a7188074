import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { setMemberPassword } from '../services/auth.service.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildMember, buildOrganization } from '../../test/support/factories.ts';
import { buildApp } from './app.ts';

const PASSWORD = 'token admin passphrase';

describe.each(backends)('API tokens on %s', (backend) => {
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

  /** An organization with a signed-in admin, who calls the API as the web app does. */
  async function signedInAdmin() {
    const { organization, apiToken } = await buildOrganization({ db, clock });
    const admin = await buildMember({ db, clock }, organization.id, { role: 'admin' });
    await setMemberPassword({ db, clock }, organization.id, admin.id, PASSWORD);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: admin.email, password: PASSWORD },
    });
    const cookie = res.cookies.find((c) => c.name === 'hb_session')!.value;
    const csrf = res.json<{ csrfToken: string }>().csrfToken;
    const call = async (method: 'GET' | 'POST', url: string, payload?: object) => {
      const r = await app.inject({
        method,
        url,
        cookies: { hb_session: cookie },
        headers: { 'x-csrf-token': csrf },
        ...(payload && { payload }),
      });
      return { status: r.statusCode, body: r.body ? r.json<Record<string, any>>() : null, raw: r.body };
    };
    return { organization, apiToken, admin, call };
  }

  const withToken = (token: string, url = '/api/v1/jobs') =>
    app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

  it('lists tokens without their secrets, and a revoked token stops working at once', async () => {
    clock.set('2026-12-01T14:59:00Z');
    const { call, admin } = await signedInAdmin();
    clock.set('2026-12-01T15:00:00Z'); // the default token was issued a minute earlier
    const created = await call('POST', '/api/v1/api-tokens', { name: 'ATS sync', scopes: ['read'] });
    expect(created.status).toBe(201);
    const token = created.body!.token as string;
    clock.advance(5 * 60_000);
    expect((await withToken(token)).statusCode).toBe(200);

    const list = await call('GET', '/api/v1/api-tokens');
    expect(list.status).toBe(200);
    const items = list.body!.items as Record<string, unknown>[];
    expect(items.map((t) => t.name)).toEqual(['ATS sync', 'default']); // newest first
    expect(items[0]).toEqual({
      id: created.body!.id,
      name: 'ATS sync',
      scopes: ['read'],
      memberId: admin.id, // it acts as the admin who created it
      createdAt: '2026-12-01T15:00:00.000Z',
      lastUsedAt: '2026-12-01T15:05:00.000Z',
      revokedAt: null,
    });
    expect(list.raw).not.toContain(token);
    expect(list.raw).not.toMatch(/hash/i);

    clock.advance(60_000);
    const revoked = await call('POST', `/api/v1/api-tokens/${created.body!.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id: created.body!.id, revokedAt: '2026-12-01T15:06:00.000Z' });
    expect((await withToken(token)).statusCode).toBe(401);

    // Revoking again changes nothing and is not audited twice.
    clock.advance(60_000);
    const again = await call('POST', `/api/v1/api-tokens/${created.body!.id}/revoke`);
    expect(again.body!.revokedAt).toBe('2026-12-01T15:06:00.000Z');
    const audit = await call('GET', '/api/v1/audit?action=api_token_revoked');
    expect(audit.body!.items).toHaveLength(1);
    expect(audit.body!.items[0]).toMatchObject({
      actorType: 'member',
      targetType: 'api_token',
      targetId: created.body!.id,
    });
  });

  it("answers 404 for an unknown token and for another organization's", async () => {
    const { call } = await signedInAdmin();
    const other = await signedInAdmin();
    const theirs = await other.call('POST', '/api/v1/api-tokens', { name: 'theirs', scopes: ['*'] });
    const unknown = await call('POST', `/api/v1/api-tokens/${crypto.randomUUID()}/revoke`);
    expect(unknown.status).toBe(404);
    expect(unknown.body!.code).toBe('not_found');
    expect((await call('POST', `/api/v1/api-tokens/${theirs.body!.id}/revoke`)).status).toBe(404);
    expect((await withToken(theirs.body!.token as string)).statusCode).toBe(200); // untouched
    const mine = await call('GET', '/api/v1/api-tokens');
    expect(JSON.stringify(mine.body)).not.toContain(theirs.body!.id);
  });

  it('lets a token with every scope manage tokens, and refuses a write-scoped one', async () => {
    const { apiToken } = await signedInAdmin();
    expect((await withToken(apiToken, '/api/v1/api-tokens')).statusCode).toBe(200);
    const write = await app.inject({
      method: 'POST',
      url: '/api/v1/api-tokens',
      headers: { authorization: `Bearer ${apiToken}` },
      payload: { name: 'w', scopes: ['write'] },
    });
    const writeToken = write.json<{ token: string }>().token;
    expect((await withToken(writeToken, '/api/v1/api-tokens')).statusCode).toBe(403);
  });
});
