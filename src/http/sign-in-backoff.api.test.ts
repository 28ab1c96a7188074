import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import type { Member } from '../domain/model.ts';
import { setMemberPassword } from '../services/auth.service.ts';
import { purgeSignInAttempts } from '../services/sign-in-attempts.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildMember, buildOrganization } from '../../test/support/factories.ts';
import { buildApp } from './app.ts';

const PASSWORD = 'the right passphrase 7';
const STRANGER = '203.0.113.66';
const OFFICE = '198.51.100.10';

/**
 * Issue #14.7: a stranger guessing a member's password blocks only themself (the member still signs
 * in from elsewhere, even with the stranger's block in force), blocks grow from one minute and
 * reset on success, every process sees the same counters, and a forwarded client address counts
 * only from a configured proxy.
 */
describe.each(backends)('sign-in backoff on %s', (backend) => {
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

  async function member(): Promise<Member> {
    const { organization } = await buildOrganization({ db, clock });
    const m = await buildMember({ db, clock }, organization.id, { role: 'recruiter' });
    await setMemberPassword({ db, clock }, organization.id, m.id, PASSWORD);
    return m;
  }

  const attempt = (
    on: FastifyInstance,
    email: string,
    password: string,
    remoteAddress: string,
    headers: Record<string, string> = {},
  ) =>
    on.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      remoteAddress,
      headers,
      payload: { email, password },
    });

  it('blocks the stranger, not the member', async () => {
    const m = await member();
    const codes: number[] = [];
    for (let i = 0; i < 8; i++) codes.push((await attempt(app, m.email, `guess ${i}`, STRANGER)).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 401, 401, 429, 429]);
    // Even the right password waits, from the stranger's address…
    const blocked = await attempt(app, m.email, PASSWORD, STRANGER);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(blocked.json()).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 60 });
    expect(blocked.headers['retry-after']).toBe('60');
    // …while the member, from the office, signs in.
    expect((await attempt(app, m.email, PASSWORD, OFFICE)).statusCode).toBe(200);
  });

  it('doubles the block with every further failure, and forgets on success', async () => {
    const m = await member();
    for (let i = 0; i < 6; i++) await attempt(app, m.email, 'wrong', STRANGER);
    expect((await attempt(app, m.email, 'wrong', STRANGER)).statusCode).toBe(429);
    clock.advance(61_000);
    // One more failure after the first minute: two minutes now.
    expect((await attempt(app, m.email, 'wrong', STRANGER)).statusCode).toBe(401);
    expect((await attempt(app, m.email, PASSWORD, STRANGER)).json()).toMatchObject({
      retryAfterSeconds: 120,
    });
    clock.advance(121_000);
    // The right password from that address clears its count: the next typo is free again.
    expect((await attempt(app, m.email, PASSWORD, STRANGER)).statusCode).toBe(200);
    expect((await attempt(app, m.email, 'typo', STRANGER)).statusCode).toBe(401);
    expect((await attempt(app, m.email, PASSWORD, STRANGER)).statusCode).toBe(200);
  });

  it('shares the counters between processes: a second server sees the block', async () => {
    const m = await member();
    const other = await buildApp({ db, clock });
    try {
      for (let i = 0; i < 6; i++)
        expect((await attempt(app, m.email, 'wrong', '192.0.2.44')).statusCode).toBe(401);
      expect((await attempt(other, m.email, PASSWORD, '192.0.2.44')).statusCode).toBe(429);
    } finally {
      await other.close();
    }
  });

  it('takes the client address from X-Forwarded-For only behind a configured proxy', async () => {
    const m = await member();
    const spoof = { 'x-forwarded-for': OFFICE };
    // Not configured: the header is ignored, so a guesser cannot rotate addresses with it…
    for (let i = 0; i < 6; i++)
      await attempt(app, m.email, 'wrong', '192.0.2.80', { 'x-forwarded-for': `10.9.0.${i}` });
    expect((await attempt(app, m.email, PASSWORD, '192.0.2.80', spoof)).statusCode).toBe(429);
    // …behind a trusted proxy, each forwarded client is its own address.
    const proxied = await buildApp({ db, clock, trustProxy: ['192.0.2.1'] });
    try {
      for (let i = 0; i < 6; i++) {
        await attempt(proxied, m.email, 'wrong', '192.0.2.1', { 'x-forwarded-for': '203.0.113.200' });
      }
      expect(
        (await attempt(proxied, m.email, PASSWORD, '192.0.2.1', { 'x-forwarded-for': '203.0.113.200' }))
          .statusCode,
      ).toBe(429);
      expect((await attempt(proxied, m.email, PASSWORD, '192.0.2.1', spoof)).statusCode).toBe(200);
    } finally {
      await proxied.close();
    }
  });

  it('stores no email or address, and forgets after a quiet day', async () => {
    const m = await member();
    await attempt(app, m.email, 'wrong', '192.0.2.99');
    const rows = await db.system().query<Record<string, unknown>>(`SELECT * FROM sign_in_attempts`);
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(m.email);
    expect(JSON.stringify(rows)).not.toContain('192.0.2.99');
    clock.advance(25 * 3_600_000);
    expect(await purgeSignInAttempts({ db, clock })).toBe(rows.length);
    expect(await db.system().query(`SELECT key FROM sign_in_attempts`)).toEqual([]);
  });
});
