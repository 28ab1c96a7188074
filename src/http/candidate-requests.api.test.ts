import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { changeApplication, createApplication } from '../services/application.service.ts';
import { csrfTokenFor } from '../services/auth.service.ts';
import { createStatusLink } from '../services/candidate-links.ts';
import { closeInterview } from '../services/interview.service.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import {
  buildCandidate,
  buildInterviewScenario,
  buildJob,
  buildOrganization,
} from '../../test/support/factories.ts';
import { buildApp } from './app.ts';

const PUBLIC = 'https://hire.acme.test';

interface TimelineEvent {
  type: string;
  touchpoint?: { kind: string; fromParty: string; summary: string };
  followUp?: { kind: string; owedBy: string; owedTo: string; ownerId: string | null; dueAt: string };
}

// What a candidate sends from their page reaches a named owner as a follow-up with a due date,
// and both what they sent and what the team now owes are on the application's timeline.
describe.each(backends)('check-ins and feedback requests reach an owner on %s', (backend) => {
  let db: Db;
  let app: FastifyInstance;
  const clock = new ManualClock('2026-12-01T15:00:00Z'); // Tuesday

  beforeAll(async () => {
    db = await openTestDb(backend);
    app = await buildApp({ db, clock, publicUrl: PUBLIC });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  /** A fresh candidate session on the application's status page. */
  async function session(orgId: string, applicationId: string, ip: string) {
    const url = await db
      .tenant(orgId)
      .transaction((tx) => createStatusLink(tx, PUBLIC, orgId, applicationId, clock.now()));
    const open = await app.inject({ method: 'GET', url: url.slice(PUBLIC.length), remoteAddress: ip });
    return open.cookies.find((c) => c.name === 'hb_candidate')!.value;
  }

  async function post(cookie: string, action: string, text = '') {
    return app.inject({
      method: 'POST',
      url: `/s/${action}`,
      cookies: { hb_candidate: cookie },
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `csrf=${csrfTokenFor(cookie)}${text ? `&text=${encodeURIComponent(text)}` : ''}`,
    });
  }

  async function timeline(token: string, applicationId: string): Promise<TimelineEvent[]> {
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/applications/${applicationId}/timeline`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(200);
    return res.json<{ events: TimelineEvent[] }>().events;
  }

  it("gives a candidate's check-in to the outcome's owner, due the next business day, on the timeline", async () => {
    clock.set('2026-12-01T15:00:00Z');
    const s = await buildInterviewScenario({ db, clock });
    const org = s.organization.id;
    await closeInterview({ db, clock }, org, s.interview.id, { statement: 'within 3 business days' });
    clock.set('2026-12-15T15:00:00Z'); // a Tuesday past the promise and the grace period
    const cookie = await session(org, s.application.id, '10.1.0.1');
    const text = 'Hello, is there any news on the role?';
    const res = await post(cookie, 'check-in', text);
    expect(res.statusCode).toBe(303);

    const events = await timeline(s.apiToken, s.application.id);
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'touchpoint',
        touchpoint: expect.objectContaining({ kind: 'check_in', fromParty: 'candidate', summary: text }),
      }),
    );
    const opened = events.find((e) => e.type === 'follow_up_opened' && e.followUp?.kind === 'check_in');
    expect(opened?.followUp).toMatchObject({ owedBy: 'team', owedTo: 'candidate' });
    const [outcome] = await db.query<{ owner_id: string }>(
      `SELECT owner_id FROM follow_ups WHERE org_id = $1 AND application_id = $2 AND kind = 'outcome'`,
      [org, s.application.id],
    );
    expect(opened!.followUp!.ownerId).toBe(outcome!.owner_id);
    // Due by the end of the next business day (Wednesday), not left open-ended.
    const due = new Date(opened!.followUp!.dueAt);
    expect(due.getTime()).toBeGreaterThan(Date.parse('2026-12-16T00:00:00Z'));
    expect(due.getTime()).toBeLessThan(Date.parse('2026-12-17T12:00:00Z'));
    // The owner is told by email.
    const [note] = await db.query<{ to_address: string }>(
      `SELECT to_address FROM messages WHERE org_id = $1 AND kind = 'candidate_note'`,
      [org],
    );
    const [owner] = await db.query<{ email: string }>(`SELECT email FROM members WHERE id = $1`, [
      outcome!.owner_id,
    ]);
    expect(note!.to_address).toBe(owner!.email);
    clock.set('2026-12-01T15:00:00Z');
  });

  it('opens one feedback follow-up owed to the candidate when they ask (twice), due in three business days', async () => {
    clock.set('2026-12-01T15:00:00Z');
    const s = await buildInterviewScenario({ db, clock });
    const org = s.organization.id;
    await changeApplication({ db, clock }, org, s.application.id, { status: 'rejected' });
    const cookie = await session(org, s.application.id, '10.1.0.2');
    expect((await post(cookie, 'feedback')).statusCode).toBe(303);
    expect((await post(cookie, 'feedback')).statusCode).toBe(303);

    const events = await timeline(s.apiToken, s.application.id);
    const asked = events.filter((e) => e.type === 'touchpoint' && e.touchpoint?.kind === 'feedback_due');
    expect(asked).toHaveLength(1);
    expect(asked[0]!.touchpoint!.fromParty).toBe('candidate');
    const opened = events.filter((e) => e.type === 'follow_up_opened' && e.followUp?.kind === 'feedback_due');
    expect(opened).toHaveLength(1);
    expect(opened[0]!.followUp).toMatchObject({
      owedBy: 'team',
      owedTo: 'candidate',
      ownerId: s.recruiter.id,
    });
    // Three business days from Tuesday: by the end of Friday.
    const due = new Date(opened[0]!.followUp!.dueAt);
    expect(due.getTime()).toBeGreaterThan(Date.parse('2026-12-04T00:00:00Z'));
    expect(due.getTime()).toBeLessThan(Date.parse('2026-12-05T12:00:00Z'));
  });

  it('gives the request to an admin when the job names no recruiter or hiring manager', async () => {
    clock.set('2026-12-01T15:00:00Z');
    const deps = { db, clock };
    const { organization, admin, apiToken } = await buildOrganization(deps);
    const org = organization.id;
    const job = await buildJob(deps, org);
    const candidate = await buildCandidate(deps, org);
    const application = await createApplication(deps, org, { jobId: job.id, candidateId: candidate.id });
    await changeApplication(deps, org, application.id, { status: 'rejected' });
    const cookie = await session(org, application.id, '10.1.0.3');
    expect((await post(cookie, 'feedback')).statusCode).toBe(303);
    const events = await timeline(apiToken, application.id);
    const opened = events.find((e) => e.type === 'follow_up_opened' && e.followUp?.kind === 'feedback_due');
    expect(opened?.followUp).toMatchObject({ owedTo: 'candidate', ownerId: admin.id });
  });
});
