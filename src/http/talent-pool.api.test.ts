import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { csrfTokenFor } from '../services/auth.service.ts';
import { createStatusLink } from '../services/candidate-links.ts';
import { getCandidate } from '../services/candidate.service.ts';
import { recordDecision } from '../services/decision.service.ts';
import { listFollowUpsPage } from '../services/follow-up.service.ts';
import { closeInterview } from '../services/interview.service.ts';
import {
  expirePoolConsents,
  getPoolCandidate,
  inviteToPool,
  matchPoolCandidate,
  searchTalentPool,
} from '../services/talent-pool.service.ts';
import { logTouchpoint } from '../services/touchpoint.service.ts';
import { createDevMailboxTransport } from '../mail/dev-mailbox.transport.ts';
import { dispatchDueMessages } from '../services/outbox.service.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildInterviewScenario, buildJob } from '../../test/support/factories.ts';
import { buildApp } from './app.ts';

const PUBLIC = 'https://hire.acme.test';
const identity = { from: { name: 'Acme Hiring', address: 'jobs@acme.test' }, domain: 'acme.test' };

describe.each(backends)('the talent pool on %s', (backend) => {
  let db: Db;
  let app: FastifyInstance;
  const clock = new ManualClock('2026-12-01T15:00:00Z');
  const deps = () => ({ db, clock, identity, publicUrl: PUBLIC });

  beforeAll(async () => {
    db = await openTestDb(backend);
    app = await buildApp({ db, clock, publicUrl: PUBLIC, identity });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  /** A rejected runner-up, invited to stay in touch, with their page open. */
  async function invitedRunnerUp(tags: string[]) {
    const s = await buildInterviewScenario(deps());
    const org = s.organization.id;
    await closeInterview(deps(), org, s.interview.id, { statement: 'within 3 business days' });
    await recordDecision(
      deps(),
      org,
      s.application.id,
      {
        outcome: 'reject',
        reasons: ['Another finalist had more enterprise experience'],
      },
      { memberId: s.manager.id },
    );
    await inviteToPool(deps(), org, s.recruiter.id, s.application.id, {
      offer: 'sales roles in London',
      tags,
    });
    const url = await db
      .tenant(org)
      .transaction((tx) => createStatusLink(tx, PUBLIC, org, s.application.id, clock.now()));
    const open = await app.inject({
      method: 'GET',
      url: url.slice(PUBLIC.length),
      remoteAddress: '10.9.0.1',
    });
    const cookie = open.cookies.find((c) => c.name === 'hb_candidate')!.value;
    const post = (action: string, form: string) =>
      app.inject({
        method: 'POST',
        url: `/s/${action}`,
        cookies: { hb_candidate: cookie },
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `csrf=${csrfTokenFor(cookie)}${form}`,
      });
    const page = () => app.inject({ method: 'GET', url: '/s', cookies: { hb_candidate: cookie } });
    return { s, org, post, page };
  }

  it('a rejected candidate opts in on their page, is found by tag, and is matched to a new job in one action', async () => {
    const { s, org, post, page } = await invitedRunnerUp(['sales', 'London']);
    expect((await page()).body).toContain('The team would like to keep in touch about sales roles in London');
    // Nothing is searchable before they say yes.
    expect((await searchTalentPool(deps(), org, { tags: ['sales'], limit: 10 })).items).toEqual([]);
    const joined = await post(
      'pool-join',
      `&text=${encodeURIComponent('Enterprise sales, hybrid')}&months=6`,
    );
    expect(joined.statusCode, joined.body).toBe(303);
    expect((await page()).body).toContain("You are in the team's talent pool until");

    const found = await searchTalentPool(deps(), org, { tags: ['london'], limit: 10 });
    expect(found.items.map((m) => m.candidate.name)).toEqual([s.candidate.name]);
    expect(found.items[0]).toMatchObject({
      interests: 'Enterprise sales, hybrid',
      consentMonths: 6,
      tags: ['sales', 'london'],
    });
    expect((await searchTalentPool(deps(), org, { tags: ['engineering'], limit: 10 })).items).toEqual([]);
    expect((await searchTalentPool(deps(), org, { q: 'hybrid', limit: 10 })).items).toHaveLength(1);

    const detail = await getPoolCandidate(deps(), org, s.candidate.id);
    expect(detail.applications[0]!.interviews.map((i) => i.title)).toEqual(['Panel']);

    // A stay-in-touch follow-up at the team's cadence; keeping in touch schedules the next one.
    const owed = await listFollowUpsPage(deps(), org, { status: 'open', kind: 'stay_in_touch', limit: 10 });
    expect(owed.items).toHaveLength(1);
    expect(owed.items[0]!.ownerId).toBe(s.recruiter.id);
    // The pool's list says when that next contact is due.
    expect(found.items[0]!.nextContactAt).toEqual(owed.items[0]!.dueAt);
    clock.advance(90 * 86_400_000);
    await logTouchpoint(
      deps(),
      org,
      {
        applicationId: s.application.id,
        channel: 'email',
        kind: 'stay_in_touch',
        fromParty: 'team',
        toParty: 'candidate',
      },
      { memberId: s.recruiter.id },
    );
    const next = await listFollowUpsPage(deps(), org, { status: 'open', kind: 'stay_in_touch', limit: 10 });
    expect(next.items).toHaveLength(0); // 6 months of consent: the next contact would fall after it
    clock.set('2026-12-01T15:00:00Z');

    const newJob = await buildJob(deps(), org, {
      title: 'Senior Account Executive',
      recruiterId: s.recruiter.id,
    });
    const application = await matchPoolCandidate(deps(), org, s.recruiter.id, s.candidate.id, newJob.id);
    expect(application).toMatchObject({
      jobId: newJob.id,
      candidateId: s.candidate.id,
      status: 'active',
      stage: 'talent_pool',
    });
  });

  it('declining leaves them out; consent expiry removes them and erases per the policy', async () => {
    const declined = await invitedRunnerUp(['sales']);
    expect((await declined.post('pool-decline', '')).statusCode).toBe(303);
    expect((await declined.page()).body).toContain('You chose not to stay in touch');
    expect((await searchTalentPool(deps(), declined.org, { tags: ['sales'], limit: 10 })).items).toEqual([]);
    await expect(
      matchPoolCandidate(deps(), declined.org, null, declined.s.candidate.id, declined.s.job.id),
    ).rejects.toMatchObject({ code: 'invalid_state' });

    const joined = await invitedRunnerUp(['sales']);
    await joined.post('pool-join', '&months=1');
    clock.advance(31 * 86_400_000);
    expect(await expirePoolConsents(deps())).toBeGreaterThanOrEqual(1);
    expect((await searchTalentPool(deps(), joined.org, { tags: ['sales'], limit: 10 })).items).toEqual([]);
    // The default policy erases someone with nothing else open.
    expect(await getCandidate(deps(), joined.org, joined.s.candidate.id)).toMatchObject({
      name: 'Erased candidate',
      email: null,
    });
    clock.set('2026-12-01T15:00:00Z');
  });

  it('the candidate receives the team’s own pool invitation; the API says what is wrong, at the field', async () => {
    const s = await buildInterviewScenario(deps());
    const org = s.organization.id;
    const as = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown) => {
      const res = await app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${s.apiToken}` },
        ...(body !== undefined && { payload: body as Record<string, unknown> }),
      });
      return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null };
    };
    await closeInterview(deps(), org, s.interview.id, { statement: 'within 3 business days' });
    await recordDecision(
      deps(),
      org,
      s.application.id,
      { outcome: 'reject', reasons: ['Another finalist had more enterprise experience'] },
      { memberId: s.manager.id },
    );

    // An invitation the candidate could not answer is refused: it must keep its link.
    const noLink = await as('PUT', '/api/v1/templates/pool_invitation', {
      subject: 'Keep in touch, {{ candidate.first_name }}?',
      body: 'We would like to tell you about {{ offer }}.',
    });
    expect(noLink.status).toBe(400);
    expect(noLink.body.detail).toContain('it must use {{ status_link }}');
    const saved = await as('PUT', '/api/v1/templates/pool_invitation', {
      subject: 'Keep in touch, {{ candidate.first_name }}?',
      body: 'Dear {{ candidate.name }}, {{ owner.name }} here: may we write to you about {{ offer }}?\n\nTell us on your page: {{ status_link }}',
    });
    expect(saved.status).toBe(200);

    const bad = await as('POST', `/api/v1/applications/${s.application.id}/pool-invitation`, {
      offer: '',
      cadenceDays: 3,
      consentMonths: 48,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'body.cadenceDays',
      'body.consentMonths',
      'body.offer',
    ]);

    const invited = await as('POST', `/api/v1/applications/${s.application.id}/pool-invitation`, {
      offer: 'enterprise sales roles',
      tags: ['Sales'],
      consentMonths: 12,
    });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ status: 'invited', tags: ['sales'], consentMonths: 12 });

    await dispatchDueMessages(
      { db, clock, transport: createDevMailboxTransport(db, clock), identity },
      { batchSize: 20, leaseMs: 60_000, maxAttempts: 3 },
    );
    const mails = await db.query<{ subject: string; body_text: string }>(
      `SELECT subject, body_text FROM dev_mailbox WHERE org_id = $1 AND lower(envelope_to) = lower($2)
          AND subject LIKE 'Keep in touch%'`,
      [org, s.candidate.email],
    );
    expect(mails).toHaveLength(1);
    const first = s.candidate.name.split(' ')[0]!;
    expect(mails[0]!.subject).toBe(`Keep in touch, ${first}?`);
    expect(mails[0]!.body_text).toContain(
      `Dear ${s.candidate.name}, ${s.admin.name} here: may we write to you about enterprise sales roles?`,
    );
    // The link in the email works: minted at delivery, it opens the page with the invitation.
    const link = /(https?:\/\/\S+\/s\/[A-Za-z0-9_-]{43})/.exec(mails[0]!.body_text)![1]!;
    const open = await app.inject({
      method: 'GET',
      url: link.slice(PUBLIC.length),
      remoteAddress: '10.9.0.3',
    });
    const cookie = open.cookies.find((c) => c.name === 'hb_candidate')!.value;
    const page = await app.inject({ method: 'GET', url: '/s', cookies: { hb_candidate: cookie } });
    expect(page.body).toContain('keep in touch about enterprise sales roles');
    // The team's suggested duration is the one offered first.
    expect(page.body).toContain('<option value="12" selected>12 months</option>');

    // The team withdraws it: the page no longer offers it, and it cannot be removed twice.
    expect((await as('DELETE', `/api/v1/talent-pool/${s.candidate.id}`)).status).toBe(204);
    const after = await app.inject({ method: 'GET', url: '/s', cookies: { hb_candidate: cookie } });
    expect(after.body).not.toContain('Stay in touch?');
    expect((await as('GET', `/api/v1/talent-pool/${s.candidate.id}`)).body.membership.status).toBe('removed');
    expect((await as('DELETE', `/api/v1/talent-pool/${s.candidate.id}`)).status).toBe(404);
  });
});
