import { createHmac } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { createHttpSender } from '../net/webhook-sender.ts';
import { csrfTokenFor } from '../services/auth.service.ts';
import { createStatusLink } from '../services/candidate-links.ts';
import { createApiToken } from '../services/organization.service.ts';
import { dispatchDueDeliveries } from '../services/webhook.service.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildInterviewScenario, buildJob, buildMember } from '../../test/support/factories.ts';
import { buildUnassignedMail } from '../../test/support/inbound.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../test/support/webhook-receiver.ts';
import { buildApp } from './app.ts';

const PUBLIC = 'https://hb.acme.test';
const identity = {
  from: { name: 'Acme Hiring', address: 'jobs@acme.test' },
  domain: 'acme.test',
  inboundAddress: 'replies@hb.acme.test',
};
const limits = { maxBytes: 200_000, maxAttachments: 5 };

/** Issue 18 over HTTP: the inbox, webhooks, calendars and the talent pool, as the API's conventions say. */
describe.each(backends)('connected routes on %s', (backend) => {
  let db: Db;
  let app: FastifyInstance;
  let receiver: WebhookReceiver;
  const clock = new ManualClock('2026-12-01T15:00:00Z');
  const deps = () => ({ db, clock, identity, publicUrl: PUBLIC, limits });

  beforeAll(async () => {
    db = await openTestDb(backend);
    receiver = await startWebhookReceiver();
    app = await buildApp({
      db,
      clock,
      identity,
      publicUrl: PUBLIC,
      webhooks: { allowPrivateTargets: true },
      inboundLimits: limits,
    });
  });
  afterAll(async () => {
    await app.close();
    await receiver.close();
    await db.close();
  });

  const as =
    (token: string) => async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) => {
      const res = await app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${token}` },
        ...(body !== undefined && { payload: body as object }),
      });
      return { status: res.statusCode, body: res.body ? res.json<any>() : null, raw: res };
    };

  async function scenario() {
    const s = await buildInterviewScenario(deps());
    const org = s.organization.id;
    const tokenOf = async (memberId: string) =>
      (await createApiToken(deps(), org, { name: 't', scopes: ['*'] }, { memberId })).token;
    return { ...s, org, asAdmin: as(s.apiToken), asRecruiter: as(await tokenOf(s.recruiter.id)), tokenOf };
  }

  it('the inbox: unmatched mail is listed, assigned to an application or dismissed', async () => {
    clock.set('2026-12-01T15:00:00Z');
    const s = await scenario();
    const first = await buildUnassignedMail(deps(), s.candidate.email!, 'A question');
    const second = await buildUnassignedMail(deps(), s.candidate.email!, 'Unsubscribe');

    const list = await s.asRecruiter('GET', '/api/v1/inbox?limit=1');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.nextCursor).toEqual(expect.any(String));
    const rest = await s.asRecruiter('GET', `/api/v1/inbox?limit=1&cursor=${list.body.nextCursor}`);
    expect([...list.body.items, ...rest.body.items].map((m: { id: string }) => m.id).sort()).toEqual(
      [first, second].sort(),
    );
    const one = await s.asRecruiter('GET', `/api/v1/inbox/${first}`);
    expect(one.body).toMatchObject({ status: 'unassigned', subject: 'A question', matchedBy: 'sender' });
    expect(one.body).not.toHaveProperty('fullText');

    // Who acts comes from authentication: a body naming a member is a 400.
    const named = await s.asRecruiter('POST', `/api/v1/inbox/${first}/assign`, {
      applicationId: s.application.id,
      memberId: s.manager.id,
    });
    expect(named.status).toBe(400);
    const assigned = await s.asRecruiter('POST', `/api/v1/inbox/${first}/assign`, {
      applicationId: s.application.id,
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body.inbound).toMatchObject({
      status: 'processed',
      matchedBy: 'assigned',
      applicationId: s.application.id,
      handledBy: s.recruiter.id,
    });
    const again = await s.asRecruiter('POST', `/api/v1/inbox/${first}/assign`, {
      applicationId: s.application.id,
    });
    expect(again.status).toBe(409);

    const dismissed = await s.asRecruiter('POST', `/api/v1/inbox/${second}/dismiss`);
    expect(dismissed.status).toBe(200);
    expect(dismissed.body).toMatchObject({ status: 'dismissed', handledBy: s.recruiter.id });
    expect((await s.asRecruiter('GET', '/api/v1/inbox')).body.items).toEqual([]);
    expect((await s.asRecruiter('GET', '/api/v1/inbox?status=dismissed')).body.items).toHaveLength(1);

    // An interviewer reads no mail.
    const interviewer = await buildMember(deps(), s.org, { role: 'interviewer' });
    const asInterviewer = as(await s.tokenOf(interviewer.id));
    expect((await asInterviewer('GET', '/api/v1/inbox')).status).toBe(403);
    // Another organization's mail is not found.
    const other = await scenario();
    expect((await other.asAdmin('GET', `/api/v1/inbox/${first}`)).status).toBe(404);
  });

  it('webhooks: an admin registers one (secret once), events are delivered signed, logged and replayed; others may not', async () => {
    clock.set('2026-12-01T15:00:00Z');
    const s = await scenario();
    expect(
      (await s.asRecruiter('POST', '/api/v1/webhooks', { url: receiver.url, events: ['interview.closed'] }))
        .status,
    ).toBe(403);
    const refused = await s.asAdmin('POST', '/api/v1/webhooks', {
      url: 'ftp://x.test/',
      events: ['interview.closed'],
    });
    expect(refused.status).toBe(400);
    const created = await s.asAdmin('POST', '/api/v1/webhooks', {
      url: receiver.url,
      events: ['interview.closed', 'decision.recorded'],
      description: 'ATS',
    });
    expect(created.status).toBe(201);
    const { endpoint, secret } = created.body;
    expect(secret).toMatch(/^whsec_/);
    expect(endpoint).toMatchObject({ kind: 'webhook', active: true, createdBy: s.admin.id });
    const shown = await s.asAdmin('GET', `/api/v1/webhooks/${endpoint.id}`);
    expect(shown.status).toBe(200);
    expect(JSON.stringify(shown.body)).not.toContain(secret);
    const listed = await s.asAdmin('GET', '/api/v1/webhooks');
    expect(listed.body).toMatchObject({ items: [{ id: endpoint.id }], nextCursor: null });

    // An event, delivered by the worker's sender to a real receiver that fails once.
    receiver.received.length = 0;
    receiver.failNext = [500];
    const closed = await s.asRecruiter('POST', `/api/v1/interviews/${s.interview.id}/close`, {
      statement: 'We will let you know within a week',
    });
    expect(closed.status).toBe(200);
    const sender = createHttpSender({ allowPrivate: true, timeoutMs: 5000 });
    const dispatch = () =>
      dispatchDueDeliveries(
        { db, clock, sender, identity, appUrl: PUBLIC },
        { batchSize: 10, leaseMs: 60_000, maxAttempts: 5 },
      );
    await dispatch();
    clock.advance(31_000);
    await dispatch();
    const hooks = receiver.received.filter((r) => r.headers['hearback-event'] === 'interview.closed');
    expect(hooks.map((h) => h.status)).toEqual([500, 200]);
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(hooks[1]!.headers['hearback-signature']))!;
    expect(createHmac('sha256', secret).update(`${t}.${hooks[1]!.body}`).digest('hex')).toBe(v1);

    const log = await s.asAdmin('GET', `/api/v1/webhooks/${endpoint.id}/deliveries`);
    expect(log.status).toBe(200);
    expect(log.body.items).toHaveLength(1);
    expect(log.body.items[0]).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 200 });
    expect(log.body.items[0].attemptLog.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 200]);
    expect(log.body.items[0]).not.toHaveProperty('payload');

    const replay = await s.asAdmin('POST', `/api/v1/webhook-deliveries/${log.body.items[0].id}/replay`);
    expect(replay.status).toBe(201);
    expect(replay.body).toMatchObject({ eventId: log.body.items[0].eventId, replayOf: log.body.items[0].id });
    await dispatch();
    expect(receiver.received.at(-1)!.headers['hearback-event-id']).toBe(log.body.items[0].eventId);

    const paused = await s.asAdmin('PATCH', `/api/v1/webhooks/${endpoint.id}`, { active: false });
    expect(paused.body).toMatchObject({ active: false });
    expect((await s.asAdmin('DELETE', `/api/v1/webhooks/${endpoint.id}`)).status).toBe(204);
    expect((await s.asAdmin('GET', `/api/v1/webhooks/${endpoint.id}`)).status).toBe(404);
  });

  it("calendars: an interview moves (a plain date in the organization's zone) and is cancelled; a member's feed is created and revoked", async () => {
    clock.set('2026-12-01T15:00:00Z');
    const s = await scenario();
    const moved = await s.asRecruiter('PATCH', `/api/v1/interviews/${s.interview.id}`, {
      scheduledAt: '2026-12-10',
      endsAt: '2026-12-10T11:00:00Z',
      location: 'Room 4',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      scheduledAt: '2026-12-10T00:00:00.000Z', // the default policy's zone is UTC
      endsAt: '2026-12-10T11:00:00.000Z',
      location: 'Room 4',
      cancelledAt: null,
    });
    const backwards = await s.asRecruiter('PATCH', `/api/v1/interviews/${s.interview.id}`, {
      endsAt: '2026-12-09T11:00:00Z',
    });
    expect(backwards.status).toBe(400);
    const cancelled = await s.asRecruiter('POST', `/api/v1/interviews/${s.interview.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.cancelledAt).toBe('2026-12-01T15:00:00.000Z');
    expect((await s.asRecruiter('POST', `/api/v1/interviews/${s.interview.id}/cancel`)).status).toBe(409);

    const feed = await s.asRecruiter('POST', '/api/v1/calendar-feed');
    expect(feed.status).toBe(201);
    expect(feed.body.url).toMatch(new RegExp(`^${PUBLIC}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    const path = feed.body.url.slice(PUBLIC.length);
    const ics = await app.inject({ method: 'GET', url: path });
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('BEGIN:VCALENDAR');
    expect((await s.asRecruiter('DELETE', '/api/v1/calendar-feed')).status).toBe(204);
    expect((await app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
  });

  it('the talent pool: invite a rejected runner-up, they opt in on their page, found by tag, matched to a job', async () => {
    clock.set('2026-12-01T15:00:00Z');
    const s = await scenario();
    await s.asRecruiter('POST', `/api/v1/interviews/${s.interview.id}/close`, { statement: 'within a week' });
    const decided = await s.asRecruiter('POST', `/api/v1/applications/${s.application.id}/decisions`, {
      outcome: 'reject',
      reasons: ['Another finalist had more enterprise experience'],
    });
    expect(decided.status).toBe(201);
    const invited = await s.asRecruiter('POST', `/api/v1/applications/${s.application.id}/pool-invitation`, {
      offer: 'sales roles in London',
      tags: ['Sales', 'london'],
    });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    expect(invited.body).toMatchObject({
      status: 'invited',
      tags: ['sales', 'london'],
      ownerId: s.recruiter.id,
    });
    // Nothing is searchable before they say yes.
    expect((await s.asRecruiter('GET', '/api/v1/talent-pool?tag=sales')).body.items).toEqual([]);

    const url = await db
      .tenant(s.org)
      .transaction((tx) => createStatusLink(tx, PUBLIC, s.org, s.application.id, clock.now()));
    const open = await app.inject({
      method: 'GET',
      url: url.slice(PUBLIC.length),
      remoteAddress: '10.9.0.2',
    });
    const cookie = open.cookies.find((c) => c.name === 'hb_candidate')!.value;
    const joined = await app.inject({
      method: 'POST',
      url: '/s/pool-join',
      cookies: { hb_candidate: cookie },
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `csrf=${csrfTokenFor(cookie)}&text=${encodeURIComponent('Enterprise sales')}&months=6`,
    });
    expect(joined.statusCode).toBe(303);

    const found = await s.asRecruiter('GET', '/api/v1/talent-pool?tag=sales&tag=london');
    expect(found.status).toBe(200);
    expect(found.body.items.map((m: { candidateId: string }) => m.candidateId)).toEqual([s.candidate.id]);
    expect((await s.asRecruiter('GET', '/api/v1/talent-pool?q=enterprise')).body.items).toHaveLength(1);
    expect((await s.asRecruiter('GET', '/api/v1/talent-pool?tag=engineering')).body.items).toEqual([]);
    const one = await s.asRecruiter('GET', `/api/v1/talent-pool/${s.candidate.id}`);
    expect(one.status).toBe(200);
    expect(one.body.membership).toMatchObject({ status: 'opted_in', consentMonths: 6 });
    expect(one.body.applications[0]).toMatchObject({ id: s.application.id, status: 'rejected' });

    const job = await buildJob(deps(), s.org, { recruiterId: s.recruiter.id });
    const matched = await s.asRecruiter('POST', `/api/v1/talent-pool/${s.candidate.id}/match`, {
      jobId: job.id,
    });
    expect(matched.status).toBe(201);
    expect(matched.body).toMatchObject({ candidateId: s.candidate.id, jobId: job.id, status: 'active' });

    // The pool shows interview history and feedback: not for interviewers.
    const interviewer = await buildMember(deps(), s.org, { role: 'interviewer' });
    expect((await as(await s.tokenOf(interviewer.id))('GET', '/api/v1/talent-pool')).status).toBe(403);
  });
});
