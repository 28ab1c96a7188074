import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildCandidate, buildMember, buildOrganization } from '../../test/support/factories.ts';
import {
  createClient,
  createClientContact,
  createJobOrder,
  createSubmission,
  getDesk,
  logClientContact,
  moveSubmission,
  recordClientAnswer,
  sendNudge,
} from './agency.service.ts';
import { sweepOwnedFollowUps } from './owned-sweep.service.ts';
import { sweepFollowUps } from './sweep.service.ts';

const identity = { from: { name: 'Hearback', address: 'hb@example.test' }, domain: 'example.test' };

interface FollowUpRow {
  id: string;
  kind: string;
  status: string;
  due_at: Date;
  owner_id: string;
  ladder_steps: number;
  escalation_level: number;
  next_action_at: Date | null;
  done_by_touchpoint_id: string | null;
}

/**
 * The agency desk on a real database with an injected clock: a client's deadline runs in the
 * contact's business time, the sweep prompts the recruiter and then escalates a client's missed
 * feedback, the client's answer opens the recruiter's duty to tell the candidate, and every
 * contact with a client sets the next one.
 */
describe.each(backends)('the agency desk on %s', (backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(backend);
  });
  afterAll(async () => {
    await db.close();
  });

  /** An agency in New York with a client whose hiring authority works in Tokyo. */
  async function agency(clock: ManualClock) {
    const deps = { db, clock, identity };
    const { organization, admin } = await buildOrganization(deps, {
      policy: { timeZone: 'America/New_York', holidays: null },
    });
    const orgId = organization.id;
    const recruiter = await buildMember(deps, orgId, { name: 'Rita Recruiter', role: 'recruiter' });
    const client = await createClient(deps, orgId, {
      name: 'Kumo Logistics',
      feedbackDaysAfterSubmission: 2,
      feedbackDaysAfterInterview: 1,
    });
    const contact = await createClientContact(deps, orgId, client.id, {
      name: 'Hana Sato',
      title: 'VP Sales',
      email: 'hana@kumo.test',
      timeZone: 'Asia/Tokyo',
    });
    const job = await createJobOrder(deps, orgId, client.id, {
      title: 'Regional Sales Lead',
      roleKind: 'sales',
      hiringAuthorityId: contact.id,
    });
    const candidate = await buildCandidate(deps, orgId, { name: 'Lee Park', timeZone: 'Europe/London' });
    return {
      deps,
      orgId,
      admin,
      recruiter,
      client,
      contact,
      job,
      candidate,
      actor: { memberId: recruiter.id },
    };
  }

  const followUps = (submissionId: string) =>
    db.query<FollowUpRow>(`SELECT * FROM follow_ups WHERE submission_id = $1 ORDER BY created_at, kind`, [
      submissionId,
    ]);

  it("dates the client's feedback in the contact's business time, not the agency's", async () => {
    // Friday 4 December 2026, 15:00 in New York — already Saturday 05:00 in Tokyo.
    const clock = new ManualClock('2026-12-04T20:00:00Z');
    const a = await agency(clock);
    const { submission, feedbackFollowUp } = await createSubmission(
      a.deps,
      a.orgId,
      { jobId: a.job.id, candidateId: a.candidate.id, pitch: 'Built the APAC channel at her last firm.' },
      a.actor,
    );
    expect(submission).toMatchObject({
      stage: 'submitted',
      contactId: a.contact.id,
      recruiterId: a.recruiter.id,
    });
    // Two Tokyo business days after Saturday: Monday, Tuesday — 17:00 Tuesday in Tokyo.
    // (Read in New York, Friday + 2 would be Tuesday 17:00 there, 14 hours later.)
    expect(feedbackFollowUp.dueAt.toISOString()).toBe('2026-12-08T08:00:00.000Z');
    const [row] = await followUps(submission.id);
    expect(row).toMatchObject({ kind: 'client_feedback', status: 'open', owner_id: a.recruiter.id });
    expect(row!.next_action_at?.toISOString()).toBe('2026-12-08T08:00:00.000Z');
  });

  it('refuses a second submission of the candidate to the same client, showing the earlier one', async () => {
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const a = await agency(clock);
    const first = await createSubmission(
      a.deps,
      a.orgId,
      { jobId: a.job.id, candidateId: a.candidate.id, pitch: 'Strong closer.' },
      a.actor,
    );
    const otherJob = await createJobOrder(a.deps, a.orgId, a.client.id, {
      title: 'Sales Manager',
      roleKind: 'sales',
      hiringAuthorityId: a.contact.id,
    });
    const refused = await createSubmission(
      a.deps,
      a.orgId,
      { jobId: otherJob.id, candidateId: a.candidate.id, pitch: 'Again.' },
      a.actor,
    ).catch((e: unknown) => e);
    expect(refused).toMatchObject({
      code: 'conflict',
      details: { earlierSubmission: { id: first.submission.id, jobId: a.job.id, stage: 'submitted' } },
    });
  });

  it("reminds the recruiter when the client's feedback is due, again two days on, then escalates", async () => {
    // Tuesday 1 December 2026, 10:00 in New York (Wednesday 00:00 in Tokyo).
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const a = await agency(clock);
    const { submission, feedbackFollowUp } = await createSubmission(
      a.deps,
      a.orgId,
      { jobId: a.job.id, candidateId: a.candidate.id, pitch: 'Strong closer.' },
      a.actor,
    );
    // Wed 2 Dec (Tokyo) + 2 business days = Friday 4 December, 17:00 Tokyo.
    expect(feedbackFollowUp.dueAt.toISOString()).toBe('2026-12-04T08:00:00.000Z');
    const sweep = () => sweepOwnedFollowUps(a.deps, { batchSize: 50, onlyOrgId: a.orgId });
    const mail = (kind: string) =>
      db.query<{ to_address: string; body_text: string }>(
        `SELECT to_address, body_text FROM messages WHERE org_id = $1 AND kind = $2 ORDER BY created_at`,
        [a.orgId, kind],
      );

    clock.set('2026-12-04T07:59:00Z');
    expect(await sweep()).toMatchObject({ examined: 0 });
    clock.set('2026-12-04T08:00:00Z');
    expect(await sweep()).toMatchObject({ examined: 1, reminders: 1, escalations: 0 });
    expect(await mail('reminder')).toEqual([
      expect.objectContaining({
        to_address: a.recruiter.email,
        body_text: expect.stringMatching(/Nudge the client/),
      }),
    ]);
    expect(await sweep()).toMatchObject({ examined: 0 });
    // The second prompt: close of business (New York) two business days after the due time.
    const [afterFirst] = await followUps(submission.id);
    expect(afterFirst!.next_action_at?.toISOString()).toBe('2026-12-08T22:00:00.000Z');
    clock.set('2026-12-08T22:00:00Z');
    expect(await sweep()).toMatchObject({ reminders: 1, escalations: 0 });
    clock.set('2026-12-10T22:00:00Z');
    expect(await sweep()).toMatchObject({ reminders: 0, escalations: 1 });
    expect((await mail('escalation')).map((m) => m.to_address)).toEqual([a.admin.email]);
    const [done] = await followUps(submission.id);
    expect(done).toMatchObject({
      status: 'open',
      ladder_steps: 3,
      escalation_level: 1,
      next_action_at: null,
    });
    expect(await sweep()).toMatchObject({ examined: 0 });
    // The outcome ladder has nothing to do with it.
    const outcome = await sweepFollowUps(
      { ...a.deps, appUrl: 'http://hearback.test' },
      { batchSize: 50, onlyOrgId: a.orgId },
    );
    expect(outcome.examined).toBe(0);
  });

  it("closes the client's feedback with their answer and opens the recruiter's duty to tell the candidate", async () => {
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const a = await agency(clock);
    const { submission } = await createSubmission(
      a.deps,
      a.orgId,
      { jobId: a.job.id, candidateId: a.candidate.id, pitch: 'Strong closer.' },
      a.actor,
    );
    // Wednesday 2 December, 14:00 UTC: the client asks for more time, until Monday.
    clock.set('2026-12-02T14:00:00Z');
    const more = await recordClientAnswer(
      a.deps,
      a.orgId,
      submission.id,
      { answer: 'more_time', until: { date: '2026-12-07' }, channel: 'phone' },
      a.actor,
    );
    expect(more.submission.stage).toBe('client_reviewing');
    expect(more.closedFollowUpIds).toHaveLength(1);
    // Monday 7 December, close of business in Tokyo.
    expect(more.nextClientFeedback?.dueAt.toISOString()).toBe('2026-12-07T08:00:00.000Z');
    // The candidate (London) hears within one business day: Thursday 3 December, 17:00 London.
    expect(more.tellCandidate.dueAt.toISOString()).toBe('2026-12-03T17:00:00.000Z');

    clock.set('2026-12-04T14:00:00Z');
    const yes = await recordClientAnswer(
      a.deps,
      a.orgId,
      submission.id,
      { answer: 'interview', channel: 'email' },
      a.actor,
    );
    expect(yes.submission.stage).toBe('interviewing');
    expect(yes.closedFollowUpIds).toEqual([more.nextClientFeedback!.id]);
    const rows = await followUps(submission.id);
    const feedback = rows.filter((r) => r.kind === 'client_feedback');
    expect(feedback.map((r) => r.status)).toEqual(['done', 'done']);
    expect(feedback.every((r) => r.done_by_touchpoint_id !== null)).toBe(true);
    expect(rows.filter((r) => r.kind === 'update' && r.status === 'open')).toHaveLength(2);

    const declined = await moveSubmission(a.deps, a.orgId, submission.id, {
      stage: 'declined',
      declinedBy: 'candidate',
    });
    expect(declined).toMatchObject({ stage: 'declined', declinedBy: 'candidate' });
    await expect(
      recordClientAnswer(a.deps, a.orgId, submission.id, { answer: 'interview', channel: 'email' }, a.actor),
    ).rejects.toMatchObject({ code: 'invalid_state' });
  });

  it('requires the next contact at every contact with a client, and makes it a follow-up', async () => {
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const a = await agency(clock);
    await expect(
      logClientContact(
        a.deps,
        a.orgId,
        a.contact.id,
        { channel: 'phone', direction: 'outbound', summary: 'Intake call for the sales lead role.' },
        a.actor,
      ),
    ).rejects.toMatchObject({ code: 'validation_failed', details: { field: 'nextContactAt' } });
    const first = await logClientContact(
      a.deps,
      a.orgId,
      a.contact.id,
      {
        channel: 'phone',
        direction: 'outbound',
        summary: 'Intake call for the sales lead role.',
        nextContactAt: { date: '2026-12-03' },
      },
      a.actor,
    );
    // Thursday 3 December, close of business in Tokyo.
    expect(first.nextContact?.dueAt.toISOString()).toBe('2026-12-03T08:00:00.000Z');
    clock.set('2026-12-02T15:00:00Z');
    const second = await logClientContact(
      a.deps,
      a.orgId,
      a.contact.id,
      {
        channel: 'email',
        direction: 'inbound',
        summary: 'They filled the role internally.',
        noNextContactReason: 'Role filled; next check-in with the new quarter’s plan.',
      },
      a.actor,
    );
    expect(second.nextContact).toBeNull();
    expect(second.closedFollowUpIds).toEqual([first.nextContact!.id]);
    const desk = await getDesk(a.deps, a.orgId, a.actor);
    expect(desk.followUps).toEqual([]);
    expect(desk.clients.map((c) => [c.name, c.contacts.map((k) => k.name)])).toEqual([
      ['Kumo Logistics', ['Hana Sato']],
    ]);
  });

  it('refuses a nudge that only asks for status, and logs one that brings news', async () => {
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const a = await agency(clock);
    const { submission } = await createSubmission(
      a.deps,
      a.orgId,
      { jobId: a.job.id, candidateId: a.candidate.id, pitch: 'Strong closer.' },
      a.actor,
    );
    clock.set('2026-12-07T15:00:00Z');
    await expect(
      sendNudge(
        a.deps,
        a.orgId,
        submission.id,
        {
          text: 'Hi Hana, just checking in — any update on Lee?',
          channel: 'email',
          nextContactAt: { date: '2026-12-09' },
        },
        a.actor,
      ),
    ).rejects.toMatchObject({
      code: 'message_check_failed',
      details: { findings: [expect.objectContaining({ code: 'no_news', severity: 'error' })] },
    });
    const sent = await sendNudge(
      a.deps,
      a.orgId,
      submission.id,
      {
        text: 'Hi Hana, Lee is now in final rounds with another firm and expects an offer by Friday. Could we book a first interview this week?',
        channel: 'email',
        nextContactAt: { date: '2026-12-09' },
      },
      a.actor,
    );
    expect(sent.check.elements.news).toBe(true);
    expect(sent.log).toMatchObject({ direction: 'outbound', submissionId: submission.id });
    const desk = await getDesk(a.deps, a.orgId, a.actor);
    // Overdue client feedback first, then the next contact the nudge set.
    expect(desk.followUps.map((f) => f.kind)).toEqual(['client_feedback', 'client_update']);
    expect(desk.waiting).toEqual([
      expect.objectContaining({
        submissionId: submission.id,
        clientName: 'Kumo Logistics',
        contactName: 'Hana Sato',
      }),
    ]);
  });
});
