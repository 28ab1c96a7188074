import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import type { Member } from '../domain/model.ts';
import { MASKED_TOKEN } from '../domain/sign-in-links.ts';
import { createDevMailboxTransport } from '../mail/dev-mailbox.transport.ts';
import { inviteMember, setMemberPassword } from '../services/auth.service.ts';
import { createApiToken } from '../services/organization.service.ts';
import { dispatchDueMessages } from '../services/outbox.service.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildMember, buildOrganization } from '../../test/support/factories.ts';
import { buildApp } from './app.ts';

const PASSWORD = 'dev mailbox passphrase';
const identity = { from: { name: 'Acme', address: 'jobs@acme.test' }, domain: 'acme.test' };
const publicUrl = 'http://hearback.test';

/**
 * The dev mailbox holds every member's mail, sign-in links included (issue #12.3, #14.1): only an
 * organization's admins read it, only their organization's, and never a usable sign-in link.
 */
describe.each(backends)('the dev mailbox on %s', (backend) => {
  let db: Db;
  let app: FastifyInstance;
  const clock = new ManualClock('2026-12-01T15:00:00Z');

  beforeAll(async () => {
    db = await openTestDb(backend);
    app = await buildApp({ db, clock, identity, publicUrl, devMailbox: true });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  async function signIn(member: Member) {
    await setMemberPassword({ db, clock }, member.orgId, member.id, PASSWORD);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: member.email, password: PASSWORD, organizationId: member.orgId },
    });
    expect(res.statusCode).toBe(200);
    return {
      cookie: res.cookies.find((c) => c.name === 'hb_session')!.value,
      csrf: res.json<{ csrfToken: string }>().csrfToken,
    };
  }

  /** An organization whose admin asked for a sign-in link and invited a colleague; the worker delivered both. */
  async function organizationWithMail(label: string) {
    const deps = { db, clock, identity, publicUrl };
    const { organization } = await buildOrganization(deps, { name: `Org ${label}` });
    const orgId = organization.id;
    const admin = await buildMember(deps, orgId, { role: 'admin', email: `admin-${label}@${label}.test` });
    const recruiter = await buildMember(deps, orgId, { role: 'recruiter' });
    const manager = await buildMember(deps, orgId, { role: 'hiring_manager' });
    const newcomer = await buildMember(deps, orgId, {
      role: 'interviewer',
      email: `new-${label}@${label}.test`,
    });
    const session = await signIn(admin);
    const link = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/magic-link',
      payload: { email: admin.email },
    });
    expect(link.statusCode).toBe(202);
    await inviteMember(deps, orgId, newcomer.id);
    await dispatchDueMessages(
      { db, clock, transport: createDevMailboxTransport(db, clock), identity },
      { batchSize: 50, leaseMs: 60_000, maxAttempts: 3 },
    );
    // The tokens as they left for their addressees; nothing Hearback shows may contain them.
    const stored = await db.query<{ body_text: string }>(
      `SELECT body_text FROM dev_mailbox WHERE org_id = $1 AND body_text LIKE '%token=%'`,
      [orgId],
    );
    const secrets = stored.map((r) => /token=([A-Za-z0-9_-]+)/.exec(r.body_text)![1]!);
    expect(secrets).toHaveLength(2);
    return { orgId, admin, recruiter, manager, session, secrets };
  }

  const asSession = (s: { cookie: string }, url: string, method: 'GET' | 'HEAD' = 'GET') =>
    app.inject({ method, url, cookies: { hb_session: s.cookie } });
  const asToken = (token: string, url: string) =>
    app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

  it('answers /dev/mail without a session with 401 and shows nothing', async () => {
    const a = await organizationWithMail('nosession');
    for (const method of ['GET', 'HEAD'] as const) {
      const res = await app.inject({ method, url: '/dev/mail' });
      expect(res.statusCode).toBe(401);
      expect(res.body).not.toContain('Your sign-in link');
    }
    const { token } = await createApiToken(
      { db, clock },
      a.orgId,
      { name: 't', scopes: ['*'] },
      { memberId: a.admin.id },
    );
    const withToken = await app.inject({
      method: 'GET',
      url: '/dev/mail',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(withToken.statusCode).toBe(401); // the page is for a signed-in admin's browser
    expect((await app.inject({ method: 'GET', url: '/api/v1/dev/mail' })).statusCode).toBe(401);
  });

  it("shows an admin their own organization's mail and none of another's", async () => {
    const a = await organizationWithMail('alpha');
    const b = await organizationWithMail('beta');
    const page = await asSession(a.session, '/dev/mail');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('admin-alpha@alpha.test');
    expect(page.body).not.toContain('beta.test');
    const api = await app.inject({
      method: 'GET',
      url: '/api/v1/dev/mail',
      cookies: { hb_session: a.session.cookie },
    });
    expect(api.statusCode).toBe(200);
    const items = api.json<{ items: { envelopeTo: string }[] }>().items;
    expect(items.map((m) => m.envelopeTo).sort()).toEqual(['admin-alpha@alpha.test', 'new-alpha@alpha.test']);
    expect(api.body).not.toContain('beta.test');
    // Filtering by another organization's address finds nothing either.
    const probe = await app.inject({
      method: 'GET',
      url: '/api/v1/dev/mail?to=admin-beta@beta.test',
      cookies: { hb_session: a.session.cookie },
    });
    expect(probe.json()).toEqual({ items: [], nextCursor: null });
    void b;
  });

  it('refuses the mailbox to recruiters, hiring managers and read or write tokens', async () => {
    const a = await organizationWithMail('gamma');
    for (const member of [a.recruiter, a.manager]) {
      const s = await signIn(member);
      expect((await asSession(s, '/dev/mail')).statusCode).toBe(403);
      const api = await asSession(s, '/api/v1/dev/mail');
      expect(api.statusCode).toBe(403);
      expect(api.json()).toMatchObject({ code: 'forbidden' });
    }
    for (const scopes of [['read'], ['write']] as const) {
      const { token } = await createApiToken(
        { db, clock },
        a.orgId,
        { name: 'x', scopes: [...scopes] },
        { memberId: a.admin.id },
      );
      const res = await asToken(token, '/api/v1/dev/mail');
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain('token=');
    }
  });

  it('never shows a usable sign-in or invitation link, on any route', async () => {
    const a = await organizationWithMail('delta');
    const s = a.session;
    const messages = await asSession(s, '/api/v1/messages?limit=200');
    const ids = messages.json<{ items: { id: string }[] }>().items.map((m) => m.id);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    const answers = [
      await asSession(s, '/dev/mail'),
      await asSession(s, '/api/v1/dev/mail'),
      messages,
      ...(await Promise.all(ids.map((id) => asSession(s, `/api/v1/messages/${id}`)))),
      await asSession(s, '/api/v1/audit?limit=200'),
    ];
    for (const res of answers) {
      expect(res.statusCode).toBe(200);
      for (const secret of a.secrets) expect(res.body).not.toContain(secret);
    }
    expect(answers[0]!.body).toContain(`/auth/magic-link?token=${MASKED_TOKEN}`);
    expect(answers[1]!.body).toContain(`/auth/magic-link?token=${MASKED_TOKEN}`);
    expect(answers[1]!.body).toContain(`/auth/invite?token=${MASKED_TOKEN}`);
  });
});
