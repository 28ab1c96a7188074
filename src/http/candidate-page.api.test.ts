import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { revokeStatusLinks } from '../repositories/candidate-page.repository.ts';
import { createStatusLink } from '../services/candidate-links.ts';
import { closeInterview } from '../services/interview.service.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildInterviewScenario } from '../../test/support/factories.ts';
import { buildApp } from './app.ts';

const PUBLIC = 'https://hire.acme.test';

describe.each(backends)('candidate status links on %s', (backend) => {
  let db: Db;
  let app: FastifyInstance;
  const clock = new ManualClock('2026-12-01T15:00:00Z');

  beforeAll(async () => {
    db = await openTestDb(backend);
    app = await buildApp({ db, clock, publicUrl: PUBLIC });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  async function link() {
    const s = await buildInterviewScenario({ db, clock });
    await closeInterview({ db, clock }, s.organization.id, s.interview.id, {
      statement: 'within 3 business days',
    });
    const url = await db
      .tenant(s.organization.id)
      .transaction((tx) => createStatusLink(tx, PUBLIC, s.organization.id, s.application.id, clock.now()));
    return { s, path: url.slice(PUBLIC.length) };
  }

  it('exchanges the token for a cookie and leaves it out of the address', async () => {
    const { path } = await link();
    expect(path).toMatch(/^\/s\/[A-Za-z0-9_-]{43}$/);
    const res = await app.inject({ method: 'GET', url: path, remoteAddress: '10.0.0.1' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/s');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
    const cookie = res.cookies.find((c) => c.name === 'hb_candidate')!;
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, path: '/s', sameSite: 'Lax' });
    const page = await app.inject({ method: 'GET', url: '/s', cookies: { hb_candidate: cookie.value } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('We promised to contact you by');
  });

  it('gives wrong, expired and revoked links the same neutral answer, and rate-limits guessing', async () => {
    const neutral = async (url: string, ip: string) => {
      const res = await app.inject({ method: 'GET', url, remoteAddress: ip });
      return { status: res.statusCode, body: res.body };
    };
    const wrong = await neutral(`/s/${'A'.repeat(43)}`, '10.0.0.2');
    const malformed = await neutral('/s/short', '10.0.0.2');
    const revoked = await link();
    await revokeStatusLinks(
      db.tenant(revoked.s.organization.id),
      revoked.s.organization.id,
      revoked.s.application.id,
      clock.now(),
    );
    const revokedRes = await neutral(revoked.path, '10.0.0.2');
    const expired = await link();
    clock.advance(31 * 86_400_000); // 30 days after the application last changed
    const expiredRes = await neutral(expired.path, '10.0.0.2');
    clock.set('2026-12-01T15:00:00Z');
    for (const r of [malformed, revokedRes, expiredRes]) expect(r).toEqual(wrong);
    expect(wrong.status).toBe(404);

    const statuses: number[] = [];
    for (let i = 0; i < 32; i++)
      statuses.push((await neutral(`/s/${String(i).padStart(43, 'x')}`, '10.0.0.3')).status);
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
    const good = await link();
    expect((await neutral(good.path, '10.0.0.3')).status).toBe(429); // even a good link waits
  });

  it('schedules erasure under a legal hold and carries it out when the hold ends', async () => {
    clock.set('2026-12-01T15:00:00Z');
    const { s, path } = await link();
    const { updatePolicy } = await import('../services/organization.service.ts');
    const { eraseDueCandidates } = await import('../services/candidate-privacy.service.ts');
    const { getCandidate } = await import('../services/candidate.service.ts');
    await updatePolicy({ db, clock }, s.organization.id, { legalHoldDays: 30 });
    const open = await app.inject({ method: 'GET', url: path, remoteAddress: '10.0.0.5' });
    const cookie = open.cookies.find((c) => c.name === 'hb_candidate')!.value;
    const { csrfTokenFor } = await import('../services/auth.service.ts');
    const ask = await app.inject({
      method: 'POST',
      url: '/s/erase',
      cookies: { hb_candidate: cookie },
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `csrf=${csrfTokenFor(cookie)}`,
    });
    expect(ask.body).toContain('Erase your data?'); // the button asks first; nothing is erased yet
    expect(ask.body).toContain('name="confirmed" value="yes"');
    expect((await getCandidate({ db, clock }, s.organization.id, s.candidate.id)).email).toBe(
      s.candidate.email,
    );
    const erase = await app.inject({
      method: 'POST',
      url: '/s/erase',
      cookies: { hb_candidate: cookie },
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `csrf=${csrfTokenFor(cookie)}&confirmed=yes`,
    });
    expect(erase.body).toContain('will be erased');
    expect(erase.body).toContain('2026-12-31');
    expect((await getCandidate({ db, clock }, s.organization.id, s.candidate.id)).email).toBe(
      s.candidate.email,
    );
    clock.advance(31 * 86_400_000);
    expect(await eraseDueCandidates({ db, clock })).toBeGreaterThanOrEqual(1);
    const erased = await getCandidate({ db, clock }, s.organization.id, s.candidate.id);
    expect(erased).toMatchObject({ name: 'Erased candidate', email: null, phone: null });
    clock.set('2026-12-01T15:00:00Z');
  });

  it('names the agency recruiter as the contact and sends them the check-ins', async () => {
    clock.set('2026-12-01T15:00:00Z');
    const { s, path } = await link();
    const { changeApplication } = await import('../services/application.service.ts');
    const { csrfTokenFor } = await import('../services/auth.service.ts');
    await changeApplication({ db, clock }, s.organization.id, s.application.id, {
      agencyRecruiter: { name: 'Alex Agent', email: 'alex@agency.test' },
    });
    const open = await app.inject({ method: 'GET', url: path, remoteAddress: '10.0.0.6' });
    const cookie = open.cookies.find((c) => c.name === 'hb_candidate')!.value;
    const page = await app.inject({ method: 'GET', url: '/s', cookies: { hb_candidate: cookie } });
    expect(page.body).toContain('Alex Agent (your recruiter)');
    clock.set('2026-12-15T15:00:00Z'); // past the promise and the grace period
    // A session lasts a week: the candidate opens the link from their email again.
    const again = await app.inject({ method: 'GET', url: path, remoteAddress: '10.0.0.6' });
    const fresh = again.cookies.find((c) => c.name === 'hb_candidate')!.value;
    const res = await app.inject({
      method: 'POST',
      url: '/s/check-in',
      cookies: { hb_candidate: fresh },
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `csrf=${csrfTokenFor(fresh)}&text=${encodeURIComponent('Hello, any news on the role?')}`,
    });
    expect(res.statusCode).toBe(303);
    const [mail] = await db.query<{ to_address: string }>(
      `SELECT to_address FROM messages WHERE org_id = $1 AND kind = 'candidate_note'`,
      [s.organization.id],
    );
    expect(mail!.to_address).toBe('alex@agency.test');
    const [owed] = await db.query<{ owed_by: string }>(
      `SELECT owed_by FROM follow_ups WHERE org_id = $1 AND kind = 'check_in'`,
      [s.organization.id],
    );
    expect(owed!.owed_by).toBe('recruiter');
    clock.set('2026-12-01T15:00:00Z');
  });

  it('refuses form posts without the session’s CSRF token', async () => {
    const { path } = await link();
    const open = await app.inject({ method: 'GET', url: path, remoteAddress: '10.0.0.4' });
    const cookie = open.cookies.find((c) => c.name === 'hb_candidate')!.value;
    const res = await app.inject({
      method: 'POST',
      url: '/s/withdraw',
      cookies: { hb_candidate: cookie },
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'csrf=forged',
    });
    expect(res.statusCode).toBe(403);
  });

  it('refuses a note with control characters as a 400, never a 500', async () => {
    const { csrfTokenFor } = await import('../services/auth.service.ts');
    const { path } = await link();
    const open = await app.inject({ method: 'GET', url: path, remoteAddress: '10.0.0.7' });
    const cookie = open.cookies.find((c) => c.name === 'hb_candidate')!.value;
    const res = await app.inject({
      method: 'POST',
      url: '/s/thank-you',
      cookies: { hb_candidate: cookie },
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `csrf=${csrfTokenFor(cookie)}&text=${encodeURIComponent('Thank you\u0000 for today')}`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed' });
  });

  it('shows a decision only once the candidate has been told: not during the undo window, after delivery', async () => {
    clock.set('2026-12-01T15:00:00Z');
    const { s, path } = await link();
    const org = s.organization.id;
    const identity = { from: { name: 'Acme Hiring', address: 'jobs@acme.test' }, domain: 'acme.test' };
    const deps = { db, clock, identity, publicUrl: PUBLIC };
    const { recordDecision } = await import('../services/decision.service.ts');
    const { draftOutcomeMessage, sendMessage } = await import('../services/message.service.ts');
    const { dispatchDueMessages } = await import('../services/outbox.service.ts');
    const { createDevMailboxTransport } = await import('../mail/dev-mailbox.transport.ts');
    const open = await app.inject({ method: 'GET', url: path, remoteAddress: '10.0.0.9' });
    const cookie = open.cookies.find((c) => c.name === 'hb_candidate')!.value;
    const view = async () =>
      (await app.inject({ method: 'GET', url: '/s', cookies: { hb_candidate: cookie } })).body;
    const decided = 'The team decided not to move forward';

    await recordDecision(
      deps,
      org,
      s.application.id,
      {
        outcome: 'reject',
        reasons: ['We need deeper experience running enterprise onboarding programmes'],
        recommendation: 'Leading one onboarding programme end to end would make a strong application.',
      },
      { memberId: s.manager.id },
    );
    expect(await view()).not.toContain(decided); // recorded is not told
    const draft = await draftOutcomeMessage(
      deps,
      org,
      { applicationId: s.application.id },
      { memberId: s.recruiter.id },
    );
    const sent = await sendMessage(deps, org, draft.id, {}, { memberId: s.recruiter.id });
    expect(sent.message.scheduledBecause).toBeDefined();
    const page = await view();
    expect(page).not.toContain(decided); // in the undo window
    expect(page).toContain('in progress');

    clock.set(new Date(sent.message.scheduledFor!.getTime() + 60_000));
    await dispatchDueMessages(
      { db, clock, transport: createDevMailboxTransport(db, clock), identity },
      { batchSize: 50, leaseMs: 60_000, maxAttempts: 3, onlyOrgId: org },
    );
    expect(await view()).toContain(decided); // delivered: now the page may say it
    clock.set('2026-12-01T15:00:00Z');
  });

  it('asks before a withdrawal, and keeps a refused note in its form with the reason', async () => {
    clock.set('2026-12-01T15:00:00Z');
    const { csrfTokenFor } = await import('../services/auth.service.ts');
    const { getApplication } = await import('../services/application.service.ts');
    const { s, path } = await link();
    const open = await app.inject({ method: 'GET', url: path, remoteAddress: '10.0.0.11' });
    const cookie = open.cookies.find((c) => c.name === 'hb_candidate')!.value;
    const post = (action: string, payload: string) =>
      app.inject({
        method: 'POST',
        url: `/s/${action}`,
        cookies: { hb_candidate: cookie },
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `csrf=${csrfTokenFor(cookie)}${payload}`,
      });
    const long = Array.from({ length: 300 }, (_, i) => `word${i}`).join(' ');
    const refused = await post('thank-you', `&text=${encodeURIComponent(long)}`);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('role="alert"');
    expect(refused.body).toMatch(
      /<textarea id="thank-you-text" name="text" required>word0 word1 [^<]*word299<\/textarea>/,
    );

    const ask = await post('withdraw', '');
    expect(ask.statusCode).toBe(200);
    expect(ask.body).toContain('Withdraw your application?');
    expect((await getApplication({ db, clock }, s.organization.id, s.application.id)).status).toBe('active');
    const done = await post('withdraw', '&confirmed=yes');
    expect(done.statusCode).toBe(303);
    expect((await getApplication({ db, clock }, s.organization.id, s.application.id)).status).toBe(
      'withdrawn',
    );
  });
});
