import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import { backends } from '../../test/support/db.ts';
import { newAgencyApi, useApiApp } from '../../test/support/api-client.ts';

/**
 * The agency desk over HTTP: an agency's day through the API, and tenant isolation — one
 * organization's clients, contacts and submissions are invisible to another, in the API (404,
 * empty lists) and in the database itself (row-level security).
 */
describe.each(backends)('the agency API on %s', (backend) => {
  const clock = new ManualClock('2026-12-01T15:00:00Z'); // Tuesday, 10:00 in New York
  const running = useApiApp(backend, { clock });

  async function newAgency() {
    return newAgencyApi(running.app, { db: running.db, clock });
  }

  /** A client with a contact in Chicago, a job order and a submitted candidate. */
  async function withSubmission(api: Awaited<ReturnType<typeof newAgency>>['api']) {
    const client = await api('POST', '/api/v1/clients', {
      name: 'Northwind',
      feedbackDaysAfterSubmission: 1,
    });
    expect(client.status).toBe(201);
    const contact = await api('POST', `/api/v1/clients/${client.body.id}/contacts`, {
      name: 'Dana Cole',
      title: 'Head of Sales',
      email: 'dana@northwind.test',
      preferredChannel: 'phone',
      timeZone: 'America/Chicago',
    });
    expect(contact.status).toBe(201);
    const job = await api('POST', `/api/v1/clients/${client.body.id}/job-orders`, {
      title: 'Account Executive',
      roleKind: 'sales',
      hiringAuthorityId: contact.body.id,
    });
    expect(job.status).toBe(201);
    const candidate = await api('POST', '/api/v1/candidates', {
      name: 'Jo Rivera',
      email: 'jo@example.test',
    });
    const submission = await api('POST', '/api/v1/submissions', {
      jobId: job.body.id,
      candidateId: candidate.body.id,
      pitch: 'Closed the two largest accounts in her region last year.',
      consent: true,
      consentNote: 'Agreed on a call this morning.',
    });
    expect(submission.status).toBe(201);
    return {
      client: client.body,
      contact: contact.body,
      job: job.body,
      candidate: candidate.body,
      submission: submission.body,
    };
  }

  it("walks a submission: the client's deadline, a refused double, a refused status-only nudge, the answer", async () => {
    clock.set('2026-12-01T15:00:00Z');
    const { api } = await newAgency();
    const s = await withSubmission(api);
    // One Chicago business day: Wednesday 2 December, 17:00 in Chicago.
    expect(s.submission.feedbackFollowUp.dueAt).toBe('2026-12-02T23:00:00.000Z');
    expect(s.submission.submission).toMatchObject({ stage: 'submitted', contactId: s.contact.id });

    const again = await api('POST', '/api/v1/submissions', {
      jobId: s.job.id,
      candidateId: s.candidate.id,
      pitch: 'Again.',
      consent: true,
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('conflict');
    expect(again.body.detail).toMatch(/already submitted to Northwind/);
    const noConsent = await api('POST', '/api/v1/submissions', {
      jobId: s.job.id,
      candidateId: s.candidate.id,
      pitch: 'Without asking.',
    });
    expect(noConsent.status).toBe(400);

    clock.set('2026-12-03T15:00:00Z');
    const id = s.submission.submission.id;
    const statusOnly = await api('POST', `/api/v1/submissions/${id}/nudges`, {
      text: 'Hi Dana, following up on my last email — any update?',
      channel: 'email',
      nextContactAt: '2026-12-07',
    });
    expect(statusOnly.status).toBe(422);
    expect(statusOnly.body.code).toBe('message_check_failed');
    const noNext = await api('POST', `/api/v1/submissions/${id}/nudges`, {
      text: 'Jo has a second interview elsewhere on Friday.',
      channel: 'email',
    });
    // Every contact with a client sets the next one, a nudge too.
    expect([noNext.status, noNext.body.code]).toEqual([400, 'validation_failed']);
    const nudge = await api('POST', `/api/v1/submissions/${id}/nudges`, {
      text: 'Hi Dana, Jo has a second interview elsewhere on Friday; could you look at her profile before then?',
      channel: 'email',
      nextContactAt: '2026-12-07',
    });
    expect(nudge.status).toBe(201);
    expect(nudge.body.nextContact.dueAt).toBe('2026-12-07T23:00:00.000Z');

    const desk = await api('GET', '/api/v1/desk');
    expect(desk.status).toBe(200);
    expect(desk.body.followUps.map((f: { kind: string }) => f.kind)).toEqual([
      'client_feedback',
      'client_update',
    ]);
    expect(desk.body.waiting).toHaveLength(1);

    const answer = await api('POST', `/api/v1/submissions/${id}/client-answer`, {
      answer: 'decline',
      reason: 'Wants someone with channel sales experience.',
      channel: 'phone',
    });
    expect(answer.status).toBe(200);
    expect(answer.body.submission).toMatchObject({ stage: 'declined', declinedBy: 'client' });
    expect(answer.body.tellCandidate.dueAt).toBe('2026-12-04T22:00:00.000Z');
    const after = await api('GET', '/api/v1/desk');
    expect(after.body.waiting).toEqual([]);
    expect(after.body.followUps.map((f: { kind: string }) => f.kind)).toEqual(['update', 'client_update']);
  });

  it("keeps one organization's clients, contacts and submissions invisible to another", async () => {
    clock.set('2026-12-01T15:00:00Z');
    const a = await newAgency();
    const b = await newAgency();
    const s = await withSubmission(a.api);

    for (const url of [
      `/api/v1/clients/${s.client.id}`,
      `/api/v1/clients/${s.client.id}/contacts`,
      `/api/v1/clients/${s.client.id}/job-orders`,
      `/api/v1/submissions/${s.submission.submission.id}`,
    ]) {
      const res = await b.api('GET', url);
      expect([url, res.status, res.body.code]).toEqual([url, 404, 'not_found']);
    }
    expect((await b.api('PATCH', `/api/v1/clients/${s.client.id}`, { name: 'Mine now' })).status).toBe(404);
    expect((await b.api('PATCH', `/api/v1/client-contacts/${s.contact.id}`, { name: 'X' })).status).toBe(404);
    const log = await b.api('POST', `/api/v1/client-contacts/${s.contact.id}/contact-logs`, {
      channel: 'phone',
      direction: 'outbound',
      summary: 'Hello',
      noNextContactReason: 'Not ours',
    });
    expect(log.status).toBe(404);
    const answer = await b.api('POST', `/api/v1/submissions/${s.submission.submission.id}/client-answer`, {
      answer: 'interview',
      channel: 'email',
    });
    expect(answer.status).toBe(404);
    const submit = await b.api('POST', '/api/v1/submissions', {
      jobId: s.job.id,
      candidateId: s.candidate.id,
      pitch: 'Borrowed.',
      consent: true,
    });
    expect(submit.status).toBe(422);
    expect((await b.api('GET', '/api/v1/clients')).body.items).toEqual([]);
    expect((await b.api('GET', '/api/v1/submissions')).body.items).toEqual([]);
    const desk = (await b.api('GET', '/api/v1/desk')).body;
    expect([desk.followUps, desk.waiting, desk.clients]).toEqual([[], [], []]);
    expect((await a.api('GET', '/api/v1/clients')).body.items).toHaveLength(1);

    // The database itself: organization B's application role sees no row of A's.
    const { db } = running;
    const seen = await db
      .tenant(b.orgId)
      .transaction(async (tx) =>
        Promise.all(
          ['clients', 'client_contacts', 'submissions', 'client_contact_logs'].map(
            async (t) => (await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`))[0]!.n,
          ),
        ),
      );
    expect(seen).toEqual([0, 0, 0, 0]);
    const own = await db
      .tenant(a.orgId)
      .transaction(
        async (tx) => (await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM submissions`))[0]!.n,
      );
    expect(own).toBe(1);
    // Nor can it write a row into A's organization.
    await expect(
      db
        .tenant(b.orgId)
        .transaction((tx) =>
          tx.query(
            `INSERT INTO clients (org_id, name, created_at, updated_at) VALUES ($1, 'x', now(), now())`,
            [a.orgId],
          ),
        ),
    ).rejects.toThrow(/row-level security/);
  });
});
