import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { createDevMailboxTransport } from '../mail/dev-mailbox.transport.ts';
import { createApplication } from '../services/application.service.ts';
import { createInterview } from '../services/interview.service.ts';
import { createApiToken } from '../services/organization.service.ts';
import { dispatchDueMessages } from '../services/outbox.service.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildCandidate, buildJob, buildMember, buildOrganization } from '../../test/support/factories.ts';
import { buildApp } from './app.ts';

const identity = { from: { name: 'Acme', address: 'jobs@acme.test' }, domain: 'acme.test' };
const publicUrl = 'https://hire.acme.test';

/**
 * Issue #13.1, the written promise: closing an interview sends the candidate, in their business
 * hours, what was promised (who, how, by when in their zone) and a working status link.
 */
describe.each(backends)('the written promise on %s', (backend) => {
  let db: Db;
  let app: FastifyInstance;
  // Friday 4 December 2026, 17:30 in New York (the candidate), 22:30 in London (the team).
  const FRIDAY_EVENING = '2026-12-04T22:30:00Z';
  const clock = new ManualClock(FRIDAY_EVENING);

  beforeAll(async () => {
    db = await openTestDb(backend);
    app = await buildApp({ db, clock, identity, publicUrl, devMailbox: true });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  /** A team in London, a candidate in New York (or without an email), an interview that just ended. */
  async function scenario(candidate: { email?: string | null } = {}) {
    clock.set(FRIDAY_EVENING);
    const deps = { db, clock };
    const { organization, apiToken } = await buildOrganization(deps, {
      policy: { timeZone: 'Europe/London' },
    });
    const orgId = organization.id;
    const recruiter = await buildMember(deps, orgId, { role: 'recruiter', name: 'Riley Recruiter' });
    const interviewer = await buildMember(deps, orgId, { role: 'interviewer', name: 'Ines Interviewer' });
    const job = await buildJob(deps, orgId, { recruiterId: recruiter.id });
    const person = await buildCandidate(deps, orgId, {
      name: 'Casey Candidate',
      timeZone: 'America/New_York',
      ...candidate,
    });
    const application = await createApplication(deps, orgId, { jobId: job.id, candidateId: person.id });
    const interview = await createInterview(deps, orgId, {
      applicationId: application.id,
      title: 'Panel',
      endsAt: new Date('2026-12-04T22:00:00Z'),
      interviewerIds: [interviewer.id],
      sendInvitations: false,
    });
    const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, token = apiToken) =>
      app.inject({
        method,
        url: `/api/v1${url}`,
        headers: { authorization: `Bearer ${token}` },
        ...(payload && { payload }),
      });
    return { orgId, recruiter, interviewer, job, candidate: person, application, interview, call };
  }

  const dispatch = () =>
    dispatchDueMessages(
      { db, clock, transport: createDevMailboxTransport(db, clock), identity },
      { batchSize: 50, leaseMs: 60_000, maxAttempts: 3 },
    );
  const mailTo = (orgId: string, address: string) =>
    db.query<{ subject: string; body_text: string; body_html: string }>(
      `SELECT subject, body_text, body_html FROM dev_mailbox WHERE org_id = $1 AND envelope_to = $2`,
      [orgId, address],
    );

  it('closing at 17:30 on a Friday: the note reaches the candidate on Monday at 09:00 their time, with the promised date in their zone and a working status link', async () => {
    const s = await scenario();
    const statement = "We'll get back to you within 3 business days.";

    // The close form says what will happen before anything is saved.
    const preview = await s.call('POST', `/interviews/${s.interview.id}/promise-preview`, { statement });
    expect(preview.statusCode).toBe(200);
    const expected =
      'A written note with this promise goes to Casey Candidate at Monday 7 December, 09:00 their time (America/New_York) — Monday 7 December, 14:00 your time (Europe/London).';
    expect(preview.json().writtenPromise).toMatchObject({
      status: 'scheduled',
      messageId: null,
      summary: expected,
    });

    const res = await s.call('POST', `/interviews/${s.interview.id}/close`, { statement });
    expect(res.statusCode).toBe(200);
    const closed = res.json();
    // Friday 22:00 London + 3 business days: Wednesday 17:00 London, 12:00 in New York.
    expect(closed.promise.dueAt).toBe('2026-12-09T17:00:00.000Z');
    expect(closed.writtenPromise).toMatchObject({
      status: 'scheduled',
      sendAt: '2026-12-07T14:00:00.000Z',
      scheduledBecause: 'candidate_business_hours',
      candidateTimeZone: 'America/New_York',
      yourTimeZone: 'Europe/London',
      reason: null,
      summary: expected,
    });
    const messageId: string = closed.writtenPromise.messageId;

    // The timeline shows it as scheduled; the outbox lists it with its time and reason.
    const timeline = (await s.call('GET', `/applications/${s.application.id}/timeline`)).json();
    const entry = timeline.events.find((e: { type: string }) => e.type === 'written_promise');
    expect(entry.writtenPromise).toMatchObject({
      interviewId: s.interview.id,
      status: 'scheduled',
      messageId,
      sendAt: '2026-12-07T14:00:00.000Z',
    });
    const message = (await s.call('GET', `/messages/${messageId}`)).json();
    expect(message).toMatchObject({
      kind: 'written_promise',
      audience: 'candidate',
      toAddress: s.candidate.email,
      status: 'scheduled',
      scheduledBecause: 'candidate_business_hours',
    });
    expect(message.check.blocking).toBe(false);
    expect(message.check.elements).toEqual({ next_steps: true, who: true, timeline: true });
    // The stored copy holds the status link masked: reading the outbox is not being the candidate.
    expect(message.bodyText).toContain(`${publicUrl}/s/link-hidden`);

    // Before the slot nothing goes: the weekend, and Monday up to 08:59 in New York.
    for (const at of ['2026-12-05T15:00:00Z', '2026-12-07T13:59:00Z']) {
      clock.set(at);
      expect((await dispatch()).sent).toBe(0);
      expect(await mailTo(s.orgId, s.candidate.email!)).toEqual([]);
    }

    clock.set('2026-12-07T14:00:00Z');
    await dispatch();
    const mail = await mailTo(s.orgId, s.candidate.email!);
    expect(mail).toHaveLength(1);
    const { subject, body_text: text, body_html: html } = mail[0]!;
    expect(subject).toContain(s.job.title);
    expect(text).toContain('Thank you for interviewing');
    expect(text).toContain(
      'Riley Recruiter will contact you by email by Wednesday 9 December, 12:00 (America/New_York time)',
    );
    expect(html).toContain('Wednesday 9 December, 12:00');
    expect(text).not.toContain('link-hidden');

    // The link in the email opens the candidate's page.
    const token = new RegExp(`${publicUrl}/s/([A-Za-z0-9_-]{43})`).exec(text)?.[1];
    expect(token).toBeDefined();
    const open = await app.inject({ method: 'GET', url: `/s/${token}`, remoteAddress: '10.9.0.1' });
    expect(open.statusCode).toBe(303);
    const cookie = open.cookies.find((c) => c.name === 'hb_candidate')!;
    const page = await app.inject({ method: 'GET', url: '/s', cookies: { hb_candidate: cookie.value } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(s.job.title);
    // The page lists the note it came from; its masked link reads as what it was.
    expect(page.body).toContain('Messages we sent you');
    expect(page.body).toContain('(your link to this page)');
    expect(page.body).not.toContain('link-hidden');

    const after = (await s.call('GET', `/applications/${s.application.id}/timeline`)).json();
    expect(
      after.events.find((e: { type: string }) => e.type === 'written_promise').writtenPromise.status,
    ).toBe('sent');
  });

  it('can be cancelled like any scheduled message before it goes', async () => {
    const s = await scenario();
    const closed = (
      await s.call('POST', `/interviews/${s.interview.id}/close`, { statement: 'by Wednesday' })
    ).json();
    const cancel = await s.call('POST', `/messages/${closed.writtenPromise.messageId}/cancel`);
    expect(cancel.statusCode).toBe(200);
    clock.set('2026-12-07T14:00:00Z');
    await dispatch();
    expect(await mailTo(s.orgId, s.candidate.email!)).toEqual([]);
    const timeline = (await s.call('GET', `/applications/${s.application.id}/timeline`)).json();
    expect(
      timeline.events.find((e: { type: string }) => e.type === 'written_promise').writtenPromise.status,
    ).toBe('cancelled');
  });

  it('can be undone to a draft, edited, and sent again in the candidate’s business hours', async () => {
    const s = await scenario();
    const closed = (
      await s.call('POST', `/interviews/${s.interview.id}/close`, { statement: 'by Wednesday' })
    ).json();
    const id: string = closed.writtenPromise.messageId;
    expect((await s.call('POST', `/messages/${id}/undo`)).json().status).toBe('draft');
    const draft = (await s.call('GET', `/messages/${id}`)).json();
    const edited = await s.call('PATCH', `/messages/${id}`, {
      bodyText: draft.bodyText.replace('We appreciated the time you gave us.', 'It was good to meet you.'),
    });
    expect(edited.statusCode).toBe(200);
    const sent = (await s.call('POST', `/messages/${id}/send`, {})).json();
    expect(sent.message).toMatchObject({
      status: 'scheduled',
      scheduledFor: '2026-12-07T14:00:00.000Z',
      scheduledBecause: 'candidate_business_hours',
    });
    clock.set('2026-12-07T14:00:00Z');
    await dispatch();
    const [mail] = await mailTo(s.orgId, s.candidate.email!);
    expect(mail!.body_text).toContain('It was good to meet you.');
    expect(mail!.body_text).toMatch(new RegExp(`${publicUrl}/s/[A-Za-z0-9_-]{43}`));
  });

  it('a job turns it off only with a reason, only by someone who may change the policy; then closing queues nothing and records why', async () => {
    const s = await scenario();
    for (const writtenPromise of [{ send: false }, { send: false, reason: '   ' }]) {
      const refused = await s.call('PATCH', `/jobs/${s.job.id}`, { policyOverrides: { writtenPromise } });
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({
        code: 'reason_required',
        field: 'policyOverrides.writtenPromise.reason',
      });
    }
    const reason = 'Candidates of this agency role hear from the agency recruiter only.';
    const recruiterToken = (
      await createApiToken(
        { db, clock },
        s.orgId,
        { name: 'r', scopes: ['write'] },
        { memberId: s.recruiter.id },
      )
    ).token;
    const forbidden = await s.call(
      'PATCH',
      `/jobs/${s.job.id}`,
      { policyOverrides: { writtenPromise: { send: false, reason } } },
      recruiterToken,
    );
    expect(forbidden.statusCode).toBe(403);

    const off = await s.call('PATCH', `/jobs/${s.job.id}`, {
      policyOverrides: { writtenPromise: { send: false, reason } },
    });
    expect(off.statusCode).toBe(200);
    const closed = (
      await s.call('POST', `/interviews/${s.interview.id}/close`, { statement: 'by Wednesday' })
    ).json();
    expect(closed.writtenPromise).toMatchObject({ status: 'off', messageId: null, sendAt: null, reason });
    expect(closed.writtenPromise.summary).toContain(reason);
    const messages = (await s.call('GET', `/messages?applicationId=${s.application.id}`)).json();
    expect(messages.items.filter((m: { kind: string }) => m.kind === 'written_promise')).toEqual([]);
    const timeline = (await s.call('GET', `/applications/${s.application.id}/timeline`)).json();
    expect(
      timeline.events.find((e: { type: string }) => e.type === 'written_promise').writtenPromise,
    ).toEqual({
      interviewId: s.interview.id,
      status: 'off',
      messageId: null,
      sendAt: null,
      reason,
    });
  });

  it('the organization cannot turn it off for everyone', async () => {
    const s = await scenario();
    const res = await s.call('PATCH', '/policy', { writtenPromise: { send: false, reason: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
  });

  it('an interviewer who closes the interview queues it too, and still cannot read the candidate’s mail', async () => {
    const s = await scenario();
    const deps = { db, clock };
    const ines = s.interviewer;
    const token = (
      await createApiToken(deps, s.orgId, { name: 'i', scopes: ['write'] }, { memberId: ines.id })
    ).token;
    const res = await s.call(
      'POST',
      `/interviews/${s.interview.id}/close`,
      { statement: 'by Wednesday' },
      token,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().writtenPromise).toMatchObject({
      status: 'scheduled',
      sendAt: '2026-12-07T14:00:00.000Z',
    });
    const [row] = await db.query<{ kind: string; created_by: string; status: string }>(
      `SELECT kind, created_by, status FROM messages WHERE id = $1`,
      [res.json().writtenPromise.messageId],
    );
    expect(row).toEqual({ kind: 'written_promise', created_by: ines.id, status: 'scheduled' });
    const read = await s.call('GET', `/messages/${res.json().writtenPromise.messageId}`, undefined, token);
    expect(read.statusCode).toBe(403);
  });

  it('a candidate without an email address: no message, and the close says so', async () => {
    const s = await scenario({ email: null });
    const res = await s.call('POST', `/interviews/${s.interview.id}/close`, { statement: 'by Wednesday' });
    expect(res.statusCode).toBe(200);
    expect(res.json().writtenPromise).toMatchObject({ status: 'no_email', messageId: null });
    expect(res.json().writtenPromise.summary).toBe(
      'No written note goes: Casey Candidate has no working email address. Tell them the promise another way.',
    );
    const messages = (await s.call('GET', `/messages?applicationId=${s.application.id}`)).json();
    expect(messages.items).toEqual([]);
  });
});
