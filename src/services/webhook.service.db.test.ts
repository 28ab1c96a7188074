import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import { verifySignature, type WebhookEvent } from '../domain/webhooks.ts';
import { createHttpSender } from '../net/webhook-sender.ts';
import { listMessages } from '../repositories/message.repository.ts';
import { backends, useTestDb } from '../../test/support/db.ts';
import { buildInterviewScenario, buildMember } from '../../test/support/factories.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../test/support/webhook-receiver.ts';
import { recordDecision } from './decision.service.ts';
import { closeInterview } from './interview.service.ts';
import { logTouchpoint } from './touchpoint.service.ts';
import { sweepFollowUps } from './sweep.service.ts';
import {
  changeEndpoint,
  createEndpoint,
  dispatchDueDeliveries,
  getEndpoint,
  listDeliveriesPage,
  replayDelivery,
} from './webhook.service.ts';

const identity = { from: { name: 'Acme Hiring', address: 'jobs@acme.test' }, domain: 'acme.test' };

describe.each(backends)('webhooks on %s', (backend) => {
  const database = useTestDb(backend);
  let receiver: WebhookReceiver;
  const clock = new ManualClock('2026-12-01T15:00:00Z');
  const sender = createHttpSender({ allowPrivate: true, timeoutMs: 5000 });
  const webhooks = { allowPrivateTargets: true };
  const options = { batchSize: 50, leaseMs: 60_000, maxAttempts: 4 };
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await receiver.close();
  });
  const dispatch = () =>
    dispatchDueDeliveries(
      { db: database.db, clock, sender, identity, appUrl: 'https://hb.acme.test' },
      options,
    );

  it('signs each delivery, retries after 500s with backoff, and replays from the log', async () => {
    const deps = { db: database.db, clock, identity, webhooks };
    const s = await buildInterviewScenario(deps);
    const org = s.organization.id;
    const { endpoint, secret } = await createEndpoint(deps, org, s.recruiter.id, {
      kind: 'webhook',
      url: receiver.url,
      events: ['interview.closed', 'outcome.delivered'],
    });
    expect(secret).toMatch(/^whsec_/);
    expect(await getEndpoint(deps, org, endpoint.id)).not.toHaveProperty('secret');
    receiver.received.length = 0;
    receiver.failNext = [500, 500, 500, 500];

    await closeInterview(deps, org, s.interview.id, { statement: 'within a week' });
    // An outcome call records the decision it told and what was said (issue #13).
    const { decision } = await recordDecision(
      deps,
      org,
      s.application.id,
      { outcome: 'advance', notes: 'A final interview with the team lead' },
      { memberId: s.manager.id },
    );
    await logTouchpoint(
      deps,
      org,
      {
        applicationId: s.application.id,
        channel: 'phone',
        connected: true,
        kind: 'outcome',
        fromParty: 'team',
        toParty: 'candidate',
        decisionId: decision.id,
        summary: 'Told them they move on to a final interview next week.',
      },
      { memberId: s.recruiter.id },
    );
    // Two events; each is refused twice with a 500.
    expect(await dispatch()).toMatchObject({ claimed: 2 });
    clock.advance(29_000);
    expect((await dispatch()).claimed).toBe(0); // backoff: not yet
    clock.advance(2_000);
    await dispatch(); // second attempts: 500 again
    clock.advance(61_000);
    await dispatch(); // third attempts (60 s later): delivered
    const ok = receiver.received.filter((r) => r.status === 200);
    expect(ok).toHaveLength(2);
    const now = Math.floor(clock.now().getTime() / 1000);
    for (const r of receiver.received) {
      expect(verifySignature(secret!, String(r.headers['hearback-signature']), r.body, now, 3600)).toBe(true);
      expect(verifySignature('whsec_wrong', String(r.headers['hearback-signature']), r.body, now, 3600)).toBe(
        false,
      );
    }
    const events = ok.map((r) => JSON.parse(r.body) as WebhookEvent);
    expect(events.map((e) => e.type).sort()).toEqual(['interview.closed', 'outcome.delivered']);
    const closed = events.find((e) => e.type === 'interview.closed')!;
    expect(closed.data).toMatchObject({ candidate: { id: s.candidate.id }, job: { title: s.job.title } });
    expect(closed.data).not.toHaveProperty('candidate.email');
    expect(
      receiver.received.filter((r) => (JSON.parse(r.body) as WebhookEvent).id === closed.id),
    ).toHaveLength(3);

    const log = await listDeliveriesPage(deps, org, endpoint.id, { limit: 10 });
    const closedDelivery = log.items.find((d) => d.eventType === 'interview.closed')!;
    expect(closedDelivery.attemptLog.map((a) => a.statusCode)).toEqual([500, 500, 200]);
    expect(closedDelivery.status).toBe('delivered');

    const replay = await replayDelivery(deps, org, closedDelivery.id);
    expect(replay).toMatchObject({
      eventId: closedDelivery.eventId,
      status: 'pending',
      replayOf: closedDelivery.id,
    });
    await dispatch();
    const last = receiver.received.at(-1)!;
    expect((JSON.parse(last.body) as WebhookEvent).id).toBe(closed.id); // same event id: receivers de-duplicate
    expect(last.headers['hearback-delivery']).toBe(replay.id);
  });

  it('disables an endpoint that keeps failing, tells the admins, and keeps its events for later', async () => {
    const deps = { db: database.db, clock, identity, webhooks };
    const s = await buildInterviewScenario(deps);
    const org = s.organization.id;
    const admin = await buildMember(deps, org, { role: 'admin', name: 'Ada Admin' });
    const { endpoint } = await createEndpoint(deps, org, admin.id, {
      kind: 'webhook',
      url: receiver.url,
      description: 'ATS bridge',
      events: ['interview.closed'],
    });
    receiver.failNext = [503, 503, 503, 503];
    await closeInterview(deps, org, s.interview.id, { statement: 'within a week' });
    for (let i = 0; i < 4; i++) {
      await dispatch();
      clock.advance(10 * 60_000);
    }
    const disabled = await getEndpoint(deps, org, endpoint.id);
    expect(disabled).toMatchObject({ active: false });
    expect(disabled.disabledReason).toContain('HTTP 503');
    const alerts = await listMessages(database.db.tenant(org), org, {}, { after: null, limit: 50 });
    expect(
      alerts.find((m) => m.toAddress === admin.email && m.subject.startsWith('Webhook disabled')),
    ).toBeDefined();
    // Fixed and enabled again, the failed delivery is replayed.
    await changeEndpoint(deps, org, endpoint.id, { active: true });
    const [failed] = (await listDeliveriesPage(deps, org, endpoint.id, { limit: 10 })).items;
    expect(failed!.status).toBe('failed');
    await replayDelivery(deps, org, failed!.id);
    await dispatch();
    expect(receiver.received.at(-1)!.status).toBe(200);
  });

  it('refuses internal targets unless the deployment allows them', async () => {
    const deps = { db: database.db, clock, identity, webhooks: { allowPrivateTargets: false } };
    const s = await buildInterviewScenario(deps);
    for (const url of ['http://127.0.0.1:9/x', 'http://169.254.169.254/latest', 'http://localhost/x']) {
      await expect(
        createEndpoint(deps, s.organization.id, null, { kind: 'webhook', url, events: ['interview.closed'] }),
      ).rejects.toMatchObject({ code: 'validation_failed' });
    }
    // A name that resolves to loopback is refused when the delivery connects.
    const strict = createHttpSender({ allowPrivate: false, timeoutMs: 2000 });
    await expect(strict.post({ url: 'http://localhost:9/x', headers: {}, body: '{}' })).rejects.toThrow(
      /forbidden/,
    );
  });

  it('chat endpoints get reminders for their member only, with a link to act', async () => {
    const deps = { db: database.db, clock, identity, webhooks };
    clock.set('2026-12-07T09:00:00Z');
    const s = await buildInterviewScenario(deps);
    const org = s.organization.id;
    const other = await buildMember(deps, org, { role: 'recruiter' });
    await createEndpoint(deps, org, null, {
      kind: 'slack',
      url: `${receiver.url}/slack-riley`,
      events: ['promise.due_soon', 'promise.escalated'],
      memberId: s.recruiter.id,
    });
    await createEndpoint(deps, org, null, {
      kind: 'teams',
      url: `${receiver.url}/teams-other`,
      events: ['promise.due_soon'],
      memberId: other.id,
    });
    await closeInterview(deps, org, s.interview.id, { statement: 'We will let you know by Thursday' });
    clock.set('2026-12-09T09:30:00Z'); // the business day before: the reminder is due
    await sweepFollowUps(
      { db: database.db, clock, identity, appUrl: 'https://hb.acme.test' },
      { batchSize: 50, onlyOrgId: org },
    );
    receiver.received.length = 0;
    await dispatch();
    expect(receiver.received).toHaveLength(1);
    const body = JSON.parse(receiver.received[0]!.body) as { text: string };
    expect(body.text).toContain('Reminder: the outcome for Casey Candidate');
    expect(body.text).toContain(`<https://hb.acme.test/#/applications/${s.application.id}|Open in Hearback>`);
    expect(receiver.received[0]!.headers).not.toHaveProperty('hearback-signature');
  });
});
