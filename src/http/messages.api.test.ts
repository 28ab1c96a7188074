import { checkMessage } from '../domain/message-check/index.ts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { createDevMailboxTransport } from '../mail/dev-mailbox.transport.ts';
import { dispatchDueMessages } from '../services/outbox.service.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildOrganization } from '../../test/support/factories.ts';
import { buildApp } from './app.ts';

const identity = { from: { name: 'Acme', address: 'jobs@acme.test' }, domain: 'acme.test' };

describe.each(backends)('messages API on %s', (backend) => {
  let db: Db;
  let app: FastifyInstance;
  const clock = new ManualClock('2026-12-01T15:00:00Z');

  beforeAll(async () => {
    db = await openTestDb(backend);
    app = await buildApp({ db, clock, identity, devMailbox: true });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  async function org() {
    const { apiToken } = await buildOrganization({ db, clock });
    return async (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown) => {
      const res = await app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${apiToken}` },
        ...(body !== undefined && { payload: body as object }),
      });
      return { status: res.statusCode, body: res.body ? res.json<any>() : null };
    };
  }

  it('checks a message', async () => {
    const api = await org();
    const res = await api('POST', '/api/v1/messages/check', {
      kind: 'rejection',
      text: 'Hi [Name], we will not be moving forward; we decided to go in a different direction.',
    });
    expect(res.status).toBe(200);
    expect(res.body.elements).toMatchObject({ not_selected: true, recommendation: false, good_luck: false });
    expect(res.body.findings.map((f: { code: string }) => f.code)).toEqual(
      expect.arrayContaining(['unfilled_placeholder', 'missing_recommendation', 'missing_good_luck']),
    );
    expect((await api('POST', '/api/v1/messages/check', { kind: 'poem', text: 'x' })).status).toBe(400);
  });

  it('checks every kind with spans and suggestions, exactly as the domain does (one engine)', async () => {
    const api = await org();
    for (const [kind, text] of [
      ['nudge', 'Hi Sarah, just checking in — any update on Priya?'],
      ['feedback', 'Your SQL was strong. The dashboard lacked titles. Next time, label every chart.'],
      [
        'check_in',
        'Hi, I have an offer elsewhere with a deadline of Friday; I remain very interested. Any news?',
      ],
      ['rejection', 'Hi Gary, we have decided to go with someone younger. All the best.'],
    ] as const) {
      const res = await api('POST', '/api/v1/messages/check', { kind, text });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(JSON.parse(JSON.stringify(checkMessage(kind, text))));
    }
    const nudge = await api('POST', '/api/v1/messages/check', { kind: 'nudge', text: 'Any update?' });
    expect(nudge.body.findings[0]).toMatchObject({ code: 'no_news', severity: 'error', start: 0, end: 10 });
    expect(nudge.body.findings[0].suggestion).toMatch(/offers/);
  });

  it('drafts, refuses a blocked send, sends with an override, delivers to the dev mailbox', async () => {
    clock.set('2026-12-01T15:00:00Z');
    const api = await org();
    const m = (
      await api('POST', '/api/v1/members', { email: 'r@acme.test', name: 'Riley', role: 'recruiter' })
    ).body;
    const job = (await api('POST', '/api/v1/jobs', { title: 'Designer', recruiterId: m.id })).body;
    const c = (await api('POST', '/api/v1/candidates', { name: 'Ana Lima', email: 'ana@example.com' })).body;
    const a = (await api('POST', '/api/v1/applications', { jobId: job.id, candidateId: c.id })).body;
    const iv = (await api('POST', '/api/v1/interviews', { applicationId: a.id })).body;
    const closed = await api('POST', `/api/v1/interviews/${iv.id}/close`, {
      statement: 'within 5 business days',
    });
    expect(closed.body.writtenPromise.status).toBe('scheduled');
    expect((await api('POST', `/api/v1/applications/${a.id}/messages`, {})).body).toMatchObject({
      code: 'invalid_state', // no decision yet
    });
    await api('POST', `/api/v1/applications/${a.id}/decisions`, {
      outcome: 'reject',
      reasons: ['Your portfolio had no end-to-end research project'],
    });
    const draft = await api('POST', `/api/v1/applications/${a.id}/messages`);
    expect(draft.status).toBe(201);
    expect(draft.body.check.blocking).toBe(true);
    const refused = await api('POST', `/api/v1/messages/${draft.body.id}/send`);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('message_check_failed');
    const sent = await api('POST', `/api/v1/messages/${draft.body.id}/send`, {
      override: { reason: 'Recommendation given on the phone' },
    });
    expect(sent.status).toBe(200);
    expect(sent.body.message.status).toBe('scheduled');

    clock.advance(15 * 60_000);
    await dispatchDueMessages(
      { db, clock, transport: createDevMailboxTransport(db, clock), identity },
      { batchSize: 10, leaseMs: 60_000, maxAttempts: 3 },
    );
    // Two emails reached Ana: the written promise from the close, then the outcome.
    const mail = await api('GET', '/api/v1/dev/mail');
    expect(mail.body.items).toHaveLength(2);
    const messageIds = mail.body.items.map((i: { messageId: string }) => i.messageId);
    const promiseMessage = await api('GET', `/api/v1/messages/${closed.body.writtenPromise.messageId}`);
    expect(messageIds.sort()).toEqual([sent.body.message.messageId, promiseMessage.body.messageId].sort());
    const outcome = mail.body.items.find(
      (i: { messageId: string }) => i.messageId === sent.body.message.messageId,
    );
    expect(outcome).toMatchObject({ envelopeTo: 'ana@example.com' });
    expect(outcome.subject).toContain('Your application for Designer');
    expect((await api('GET', `/api/v1/follow-ups?applicationId=${a.id}`)).body.items[0]).toMatchObject({
      status: 'done',
    });
    const late = await api('POST', `/api/v1/messages/${draft.body.id}/cancel`);
    expect(late.body).toMatchObject({ status: 409 });
  });

  it('edits, previews and resets templates, rejecting unsafe or broken ones', async () => {
    const api = await org();
    const all = await api('GET', '/api/v1/templates');
    expect(all.body.items.map((t: { key: string }) => t.key)).toContain('rejection');
    expect(all.body.nextCursor).toBeNull();
    const bad = await api('PUT', '/api/v1/templates/rejection', {
      subject: 'Hi',
      body: "{% include '/etc/passwd' %}",
    });
    expect(bad.status).toBe(400);
    const unknown = await api('PUT', '/api/v1/templates/rejection', {
      subject: 'Hi',
      body: '{{ candidate.salary }}',
    });
    expect(unknown.status).toBe(400);
    const saved = await api('PUT', '/api/v1/templates/update', {
      subject: 'Still deciding on {{ job.title }}',
      body: 'Hi {{ candidate.first_name }}, sorry for the wait. You will hear from us by {{ new_date }}.',
    });
    expect(saved.status).toBe(200);
    expect(saved.body.customised).toBe(true);
    const preview = await api('POST', '/api/v1/templates/update/preview');
    expect(preview.status).toBe(200);
    expect(preview.body.check.elements.new_date).toBe(true);
    expect(preview.body.text).toContain('sorry for the wait'); // the saved version, not the default
    const reset = await api('DELETE', '/api/v1/templates/update');
    expect(reset.body.customised).toBe(false);
  });

  it('closes a job through its own endpoint, not a PATCH', async () => {
    const api = await org();
    const m = (await api('POST', '/api/v1/members', { email: 'x@acme.test', name: 'X', role: 'recruiter' }))
      .body;
    const job = (await api('POST', '/api/v1/jobs', { title: 'Closer', recruiterId: m.id })).body;
    const c = (await api('POST', '/api/v1/candidates', { name: 'Bo', email: 'bo@example.com' })).body;
    await api('POST', '/api/v1/applications', { jobId: job.id, candidateId: c.id });
    expect((await api('PATCH', `/api/v1/jobs/${job.id}`, { status: 'closed' })).status).toBe(409);
    const preview = await api('GET', `/api/v1/jobs/${job.id}/close-out`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ total: 1, stages: [{ stage: 'applied', reach: 'applied' }] });
    // Filled names its hire; the body names no actor.
    const noHire = await api('POST', `/api/v1/jobs/${job.id}/close`, { status: 'filled' });
    expect(noHire.status).toBe(400);
    expect(noHire.body.code).toBe('hire_required');
    const withActor = await api('POST', `/api/v1/jobs/${job.id}/close`, {
      status: 'closed',
      closedBy: m.id,
    });
    expect(withActor.status).toBe(400);
    expect(withActor.body.code).toBe('validation_failed');
    const closed = await api('POST', `/api/v1/jobs/${job.id}/close`, {
      status: 'closed',
      hiredApplicationIds: [],
    });
    expect(closed.status).toBe(200);
    expect(closed.body.drafts).toHaveLength(1);
    expect(closed.body.stages).toMatchObject([{ stage: 'applied', reach: 'applied' }]);
    expect((await api('GET', `/api/v1/jobs/${job.id}`)).body.status).toBe('closed');
    // The draft is in the "to send" list for the job, and goes with a bulk send.
    const toSend = await api('GET', `/api/v1/messages?status=draft&jobId=${job.id}`);
    expect(toSend.body.items.map((d: { id: string }) => d.id)).toEqual([closed.body.drafts[0].id]);
    const bulk = await api('POST', '/api/v1/messages/send', { ids: [closed.body.drafts[0].id] });
    expect(bulk.status).toBe(200);
    expect(bulk.body.results).toMatchObject([
      { id: closed.body.drafts[0].id, outcome: 'scheduled', message: { status: 'scheduled' } },
    ]);
    const again = await api('POST', '/api/v1/messages/send', { ids: [closed.body.drafts[0].id] });
    expect(again.body.results).toMatchObject([{ outcome: 'refused', code: 'invalid_state' }]);
    expect((await api('GET', `/api/v1/messages?status=draft&jobId=${job.id}`)).body.items).toEqual([]);
    expect(
      (await api('PATCH', `/api/v1/jobs/${job.id}`, { policyOverrides: { undoWindowMinutes: 999 } })).status,
    ).toBe(400);
    expect(
      (await api('PATCH', `/api/v1/jobs/${job.id}`, { policyOverrides: { undoWindowMinutes: 2 } })).status,
    ).toBe(200);
  });
});
