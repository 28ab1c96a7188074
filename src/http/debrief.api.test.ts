import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import { backends } from '../../test/support/db.ts';
import { newAgencyApi, submitOverApi, useApiApp } from '../../test/support/api-client.ts';

/**
 * Interviews at the client, debriefs and nudge drafts over HTTP: the walk through the API, the
 * validation refusals (400, never a 500), and another organization's submission answering 404.
 */
describe.each(backends)('the debrief API on %s', (backend) => {
  const clock = new ManualClock('2026-12-01T15:00:00Z'); // Tuesday, 10:00 in New York
  const running = useApiApp(backend, { clock });

  async function newAgency() {
    clock.set('2026-12-01T15:00:00Z');
    const { orgId, api } = await newAgencyApi(running.app, { db: running.db, clock });
    const { submissionId } = await submitOverApi(api, {
      client: { feedbackDaysAfterInterview: 2 },
      contact: { timeZone: 'America/Chicago' },
      job: { roleKind: 'sales' },
      pitch: 'Closed the two largest accounts in her region last year.',
    });
    clock.set('2026-12-01T18:00:00Z');
    return { orgId, api, submissionId };
  }

  it('records a client interview, logs the debrief and drafts the nudge from its news', async () => {
    const a = await newAgency();
    const interview = await a.api('POST', `/api/v1/submissions/${a.submissionId}/client-interviews`, {
      at: '2026-12-01T17:00:00Z',
      interviewers: ['Dana Cole'],
      promise: "We'll decide by Thursday.",
    });
    expect(interview.status).toBe(201);
    expect(interview.body.submission.stage).toBe('interviewing');
    expect(interview.body.interview.promise).toMatchObject({
      resolution: 'parsed',
      statement: "We'll decide by Thursday.",
    });
    // Thursday 3 December, 17:00 in Chicago.
    expect(interview.body.clientFeedback.dueAt).toBe('2026-12-03T23:00:00.000Z');
    const before = await a.api('POST', `/api/v1/submissions/${a.submissionId}/nudge-drafts`, {});
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ text: null, check: null });
    expect(before.body.couldAdd.length).toBeGreaterThan(0);
    const debrief = await a.api('POST', `/api/v1/submissions/${a.submissionId}/debriefs`, {
      channel: 'phone',
      impressions: 'The case study on their enterprise pipeline.',
      interestLevel: 4,
      questionsForClient: 'Whether the territory includes Canada',
      nextContactAt: '2026-12-04',
    });
    expect(debrief.status).toBe(201);
    expect(debrief.body.closedFollowUpIds).toHaveLength(1);
    expect(debrief.body.thankYou.text).toContain('Dear Dana Cole,');
    const interviews = await a.api('GET', `/api/v1/submissions/${a.submissionId}/client-interviews`);
    expect(interviews.body).toMatchObject({ items: [{ interviewers: ['Dana Cole'] }], nextCursor: null });
    const debriefs = await a.api('GET', `/api/v1/submissions/${a.submissionId}/debriefs?limit=1`);
    expect(debriefs.body).toMatchObject({ items: [{ interestLevel: 4 }], nextCursor: null });
    const draft = await a.api('POST', `/api/v1/submissions/${a.submissionId}/nudge-drafts`);
    expect(draft.status).toBe(200);
    expect(draft.body.text).toContain('Whether the territory includes Canada');
    expect(draft.body.check.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
    const sent = await a.api('POST', `/api/v1/submissions/${a.submissionId}/nudges`, {
      text: draft.body.text,
      channel: 'email',
      nextContactAt: '2026-12-07',
    });
    expect(sent.status).toBe(201);
  });

  it('refuses bad input with 400s', async () => {
    const a = await newAgency();
    const url = `/api/v1/submissions/${a.submissionId}`;
    for (const body of [
      { at: '2026-12-01T17:00:00Z', interviewers: [], promise: 'Friday' },
      { at: 'yesterday', interviewers: ['Dana'], promise: 'Friday' },
      { at: '2026-12-01T17:00:00Z', interviewers: ['Dana'], promise: '' },
      { at: '2026-12-01T17:00:00Z', interviewers: ['Dana'], promise: 'Friday', interviewerIds: [] },
      { at: '2026-12-09T14:00:00Z', interviewers: ['Dana'], promise: 'Friday' },
    ]) {
      const res = await a.api('POST', `${url}/client-interviews`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    await a.api('POST', `${url}/client-interviews`, {
      at: '2026-12-01T17:00:00Z',
      interviewers: ['Dana'],
      promise: 'Friday',
    });
    for (const body of [
      { channel: 'phone', impressions: 'Good.', interestLevel: 6, noNextContactReason: 'Waiting.' },
      { channel: 'pigeon', impressions: 'Good.', interestLevel: 3, noNextContactReason: 'Waiting.' },
      { channel: 'phone', impressions: '', interestLevel: 3, noNextContactReason: 'Waiting.' },
      { channel: 'phone', impressions: 'Good.', interestLevel: 3 },
      { channel: 'phone', impressions: 'Good.', interestLevel: 3, nextContactAt: '2026-11-01' },
    ]) {
      const res = await a.api('POST', `${url}/debriefs`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await a.api('POST', `${url}/nudge-drafts`, { facts: [''] })).status).toBe(400);
    expect((await a.api('POST', `${url}/nudge-drafts`, { text: 'any update?' })).status).toBe(400);
  });

  it("answers 404 for another organization's submission", async () => {
    const a = await newAgency();
    const b = await newAgency();
    const url = `/api/v1/submissions/${a.submissionId}`;
    const interview = await b.api('POST', `${url}/client-interviews`, {
      at: '2026-12-01T17:00:00Z',
      interviewers: ['Dana'],
      promise: 'Friday',
    });
    expect(interview.status).toBe(404);
    const debrief = await b.api('POST', `${url}/debriefs`, {
      channel: 'phone',
      impressions: 'Good.',
      interestLevel: 3,
      noNextContactReason: 'Waiting.',
    });
    expect(debrief.status).toBe(404);
    expect((await b.api('POST', `${url}/nudge-drafts`, {})).status).toBe(404);
    expect((await b.api('GET', `${url}/client-interviews`)).status).toBe(404);
    expect((await b.api('GET', `${url}/debriefs`)).status).toBe(404);
  });

  it('tells the candidate the client answer: the update closes, the next contact opens, and a contact without one is refused', async () => {
    const a = await newAgency();
    const url = `/api/v1/submissions/${a.submissionId}`;
    const answered = await a.api('POST', `${url}/client-answer`, { answer: 'interview', channel: 'phone' });
    expect(answered.status).toBe(200);
    const tell = answered.body.tellCandidate.id as string;
    // Every contact sets the next one, or says why there is none; refused, nothing is recorded.
    const bare = await a.api('POST', `${url}/candidate-contacts`, { channel: 'phone', summary: 'Told her.' });
    expect(bare.status).toBe(400);
    expect(bare.body.code).toBe('validation_failed');
    expect(
      (
        await a.api('POST', `${url}/candidate-contacts`, {
          channel: 'phone',
          summary: 'Told her.',
          nextContactAt: '2026-12-01T10:00:00Z',
        })
      ).status,
    ).toBe(400);
    const unknown = await a.api('POST', `${url}/candidate-contacts`, {
      channel: 'phone',
      summary: 'Told her.',
      followUpId: '00000000-0000-4000-8000-000000000000',
      noNextContactReason: 'Done.',
    });
    expect([unknown.status, unknown.body.code]).toEqual([422, 'invalid_reference']);
    const open = async () =>
      (await a.api('GET', `/api/v1/follow-ups?status=open&kind=update`)).body.items.map(
        (f: { id: string; dueAt: string }) => f.id,
      );
    expect(await open()).toEqual([tell]);

    const told = await a.api('POST', `${url}/candidate-contacts`, {
      channel: 'phone',
      summary: 'Told Jo the client wants to interview her; she is free Thursday.',
      nextContactAt: '2026-12-04',
    });
    expect(told.status).toBe(201);
    expect(told.body.closedFollowUpIds).toEqual([tell]);
    expect(told.body.nextContact.id).not.toBe(tell);
    expect(await open()).toEqual([told.body.nextContact.id]);
    const timeline = await a.api(
      'GET',
      `/api/v1/applications/${answered.body.submission.applicationId}/timeline`,
    );
    expect(JSON.stringify(timeline.body.events)).toContain('she is free Thursday');

    // Another organization's submission is not found.
    const b = await newAgency();
    const other = await b.api('POST', `${url}/candidate-contacts`, {
      channel: 'phone',
      summary: 'x',
      noNextContactReason: 'y',
    });
    expect(other.status).toBe(404);
  });
});
