import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { setMemberPassword } from '../services/auth.service.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildMember, buildOrganization } from '../../test/support/factories.ts';
import { buildApp } from './app.ts';

const PASSWORD = 'correct horse battery staple';
const HOUR = 3_600_000;

describe.each(backends)('signing in on %s', (backend) => {
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

  async function member(role: 'admin' | 'recruiter' | 'interviewer' = 'recruiter', email?: string) {
    const { organization, apiToken } = await buildOrganization({ db, clock });
    const m = await buildMember({ db, clock }, organization.id, { role, ...(email && { email }) });
    await setMemberPassword({ db, clock }, organization.id, m.id, PASSWORD);
    return { organization, member: m, apiToken };
  }

  async function signIn(email: string, password = PASSWORD, extra: Record<string, unknown> = {}) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email, password, ...extra },
    });
    const cookie = res.cookies.find((c) => c.name === 'hb_session');
    return { res, cookie, csrf: res.statusCode === 200 ? res.json<{ csrfToken: string }>().csrfToken : '' };
  }

  function as(cookie: string, csrf?: string) {
    return (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
      app.inject({
        method,
        url,
        cookies: { hb_session: cookie },
        headers: csrf ? { 'x-csrf-token': csrf } : {},
        ...(payload && { payload }),
      });
  }

  it('signs in with a password and sets a hardened session cookie', async () => {
    const { member: m } = await member();
    const { res, cookie, csrf } = await signIn(m.email);
    expect(res.statusCode).toBe(200);
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
    expect(cookie!.value).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits
    const session = await as(cookie!.value)('GET', '/api/v1/auth/session');
    expect(session.json()).toMatchObject({ member: { id: m.id }, csrfToken: csrf });
    expect(session.headers['cache-control']).toBe('no-store');
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const { member: m } = await member();
    const wrong = await signIn(m.email, 'not the password at all');
    const unknown = await signIn('nobody@nowhere.test', 'not the password at all');
    expect(wrong.res.statusCode).toBe(401);
    expect(unknown.res.statusCode).toBe(401);
    expect(wrong.res.json().code).toBe('invalid_credentials');
    expect(wrong.res.json().detail).toBe(unknown.res.json().detail);
  });

  it('requires the CSRF token for changes made with the cookie', async () => {
    const { member: m } = await member();
    const { cookie, csrf } = await signIn(m.email);
    const without = await as(cookie!.value)('POST', '/api/v1/candidates', { name: 'Ana' });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('csrf_failed');
    const forged = await as(cookie!.value, 'x'.repeat(43))('POST', '/api/v1/candidates', { name: 'Ana' });
    expect(forged.statusCode).toBe(403);
    const ok = await as(cookie!.value, csrf)('POST', '/api/v1/candidates', { name: 'Ana' });
    expect(ok.statusCode).toBe(201);
  });

  it('ends sessions on sign-out, after idling, at their absolute limit, and on deactivation', async () => {
    clock.set('2026-12-01T15:00:00Z');
    const { member: m, organization, apiToken } = await member();
    const a = await signIn(m.email);
    const out = await as(a.cookie!.value, a.csrf)('POST', '/api/v1/auth/sign-out');
    expect(out.statusCode).toBe(204);
    expect((await as(a.cookie!.value)('GET', '/api/v1/auth/session')).statusCode).toBe(401);

    const b = await signIn(m.email);
    clock.advance(7 * HOUR);
    expect((await as(b.cookie!.value)('GET', '/api/v1/auth/session')).statusCode).toBe(200);
    clock.advance(8 * HOUR + 1000); // idle for more than 8 hours
    expect((await as(b.cookie!.value)('GET', '/api/v1/auth/session')).statusCode).toBe(401);

    const c = await signIn(m.email);
    for (let i = 0; i < 7 * 4; i++) {
      clock.advance(6 * HOUR); // in use every 6 hours: never idle …
      const res = await as(c.cookie!.value)('GET', '/api/v1/auth/session');
      if (res.statusCode !== 200) {
        expect(i).toBeGreaterThanOrEqual(27); // … but over after 7 days
        break;
      }
    }
    expect((await as(c.cookie!.value)('GET', '/api/v1/auth/session')).statusCode).toBe(401);

    const d = await signIn(m.email);
    await app.inject({
      method: 'PATCH',
      url: `/api/v1/members/${m.id}`,
      headers: { authorization: `Bearer ${apiToken}` },
      payload: { active: false },
    });
    expect((await as(d.cookie!.value)('GET', '/api/v1/auth/session')).statusCode).toBe(401);
    expect((await signIn(m.email)).res.statusCode).toBe(401);
    const audit = await app.inject({
      method: 'GET',
      url: '/api/v1/audit',
      headers: { authorization: `Bearer ${apiToken}` },
    });
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['sign_in', 'member_deactivated']),
    );
    void organization;
  });

  it('changing the password ends every other session', async () => {
    clock.set('2026-12-01T15:00:00Z');
    const { member: m } = await member();
    const phone = await signIn(m.email);
    const laptop = await signIn(m.email);
    const changed = await as(laptop.cookie!.value, laptop.csrf)('POST', '/api/v1/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'an entirely new passphrase',
    });
    expect(changed.statusCode).toBe(200);
    const fresh = changed.cookies.find((c) => c.name === 'hb_session')!.value;
    expect((await as(phone.cookie!.value)('GET', '/api/v1/auth/session')).statusCode).toBe(401);
    expect((await as(laptop.cookie!.value)('GET', '/api/v1/auth/session')).statusCode).toBe(401);
    expect((await as(fresh)('GET', '/api/v1/auth/session')).statusCode).toBe(200);
    expect((await signIn(m.email, 'an entirely new passphrase')).res.statusCode).toBe(200);
  });

  it('signs in with a single-use magic link that expires after 10 minutes', async () => {
    clock.set('2026-12-01T15:00:00Z');
    const { member: m, organization } = await member();
    const ask = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/magic-link',
      payload: { email: m.email },
    });
    expect(ask.statusCode).toBe(202);
    const nobody = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/magic-link',
      payload: { email: 'ghost@nowhere.test' },
    });
    expect(nobody.statusCode).toBe(202);
    expect(nobody.body).toBe(ask.body);
    const linkOf = async () => {
      const [row] = await db.query<{ body_text: string }>(
        `SELECT body_text FROM messages WHERE org_id = $1 AND kind = 'sign_in' ORDER BY created_at DESC LIMIT 1`,
        [organization.id],
      );
      return /https:\/\/hire\.acme\.test(\/auth\/magic-link\?token=[A-Za-z0-9_-]+)/.exec(row!.body_text)![1]!;
    };
    const path = await linkOf();
    const first = await app.inject({ method: 'GET', url: path });
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe('/');
    expect(first.headers['referrer-policy']).toBe('no-referrer');
    const cookie = first.cookies.find((c) => c.name === 'hb_session')!.value;
    expect((await as(cookie)('GET', '/api/v1/auth/session')).json().member.id).toBe(m.id);
    expect((await app.inject({ method: 'GET', url: path })).statusCode).toBe(400); // used

    clock.advance(60_000);
    await app.inject({ method: 'POST', url: '/api/v1/auth/magic-link', payload: { email: m.email } });
    const late = await linkOf();
    clock.advance(10 * 60_000 + 1000);
    expect((await app.inject({ method: 'GET', url: late })).statusCode).toBe(400); // expired
    const [stored] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM login_tokens WHERE token_hash = $1`,
      [late.split('token=')[1]],
    );
    expect(stored!.n).toBe(0); // only hashes are stored
  });

  it('invites a member, who chooses a password and lands signed in', async () => {
    clock.set('2026-12-01T15:00:00Z');
    const { organization, apiToken } = await member('admin');
    const invited = await buildMember({ db, clock }, organization.id, { role: 'interviewer' });
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/members/${invited.id}/invite`,
      headers: { authorization: `Bearer ${apiToken}` },
    });
    expect(res.statusCode).toBe(202);
    const [row] = await db.query<{ body_text: string }>(
      `SELECT body_text FROM messages WHERE org_id = $1 AND kind = 'invite'`,
      [organization.id],
    );
    const token = /token=([A-Za-z0-9_-]+)/.exec(row!.body_text)![1]!;
    const form = await app.inject({ method: 'GET', url: `/auth/invite?token=${token}` });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<form method="post" action="/auth/invite">');
    const short = await app.inject({
      method: 'POST',
      url: '/auth/invite',
      payload: { token, password: 'short' },
    });
    expect(short.statusCode).toBe(400);
    const joined = await app.inject({
      method: 'POST',
      url: '/auth/invite',
      payload: new URLSearchParams({ token, password: 'a long enough passphrase' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(joined.statusCode).toBe(303);
    expect((await signIn(invited.email, 'a long enough passphrase')).res.statusCode).toBe(200);
  });

  it('asks which organization when one person has accounts in several', async () => {
    const email = `shared-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const one = await member('recruiter', email);
    const two = await member('recruiter', email);
    const both = await signIn(email);
    expect(both.res.statusCode).toBe(409);
    expect(
      both.res
        .json()
        .organizations.map((o: { id: string }) => o.id)
        .sort(),
    ).toEqual([one.organization.id, two.organization.id].sort());
    const chosen = await signIn(email, PASSWORD, { organizationId: two.organization.id });
    expect(chosen.res.json().organization.id).toBe(two.organization.id);
  });

  it('limits failed sign-ins per address, over every account', async () => {
    const local = await buildApp({ db, clock });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 23; i++) {
        const r = await local.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-in',
          remoteAddress: '198.51.100.23',
          payload: { email: `guess${i}@example.com`, password: 'guess' },
        });
        codes.push(r.statusCode);
      }
      // 20 free failures; the 21st is answered and blocks the address, the next ones wait.
      expect(codes.slice(0, 21).every((c) => c === 401)).toBe(true);
      expect(codes.slice(21)).toEqual([429, 429]);
    } finally {
      await local.close();
    }
  });

  it('sends security headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['strict-transport-security']).toContain('max-age=');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });
});
