import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { checkMessage, hasBlockingFindings } from '../domain/message-check/index.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildCandidate, buildMember, buildOrganization } from '../../test/support/factories.ts';
import {
  createClient,
  createClientContact,
  createJobOrder,
  createSubmission,
  recordClientAnswer,
  sendNudge,
} from './agency.service.ts';
import { draftSubmissionNudge, logDebrief, recordClientInterview } from './debrief.service.ts';
import { sweepOwnedFollowUps } from './owned-sweep.service.ts';

const identity = { from: { name: 'Hearback', address: 'hb@example.test' }, domain: 'example.test' };

interface FollowUpRow {
  id: string;
  kind: string;
  status: string;
  owed_to: string;
  due_at: Date;
  owner_id: string;
  interview_id: string | null;
  done_by_touchpoint_id: string | null;
}

/**
 * The candidate side of the agency desk on a real database with an injected clock: an interview
 * at the client with the client's promise resolved in the contact's zone, the debrief due the same
 * business day in the candidate's, the next contact required at the debrief, the nudge drafted
 * from the debrief's news, and the candidate's update opened when the client's feedback escalates.
 */
describe.each(backends)('interviews at the client and debriefs on %s', (backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(backend);
  });
  afterAll(async () => {
    await db.close();
  });

  /** An agency in New York, a client contact in Tokyo, a candidate in London, one submission. */
  async function submitted(
    clock: ManualClock,
    terms: { feedbackDaysAfterInterview: number } = { feedbackDaysAfterInterview: 3 },
  ) {
    const deps = { db, clock, identity };
    const { organization } = await buildOrganization(deps, {
      policy: { timeZone: 'America/New_York', holidays: null },
    });
    const orgId = organization.id;
    const recruiter = await buildMember(deps, orgId, { name: 'Rita Recruiter', role: 'recruiter' });
    const client = await createClient(deps, orgId, { name: 'Kumo Logistics', ...terms });
    const contact = await createClientContact(deps, orgId, client.id, {
      name: 'Hana Sato',
      email: 'hana@kumo.test',
      timeZone: 'Asia/Tokyo',
    });
    const job = await createJobOrder(deps, orgId, client.id, {
      title: 'Regional Sales Lead',
      roleKind: 'sales',
      hiringAuthorityId: contact.id,
    });
    const candidate = await buildCandidate(deps, orgId, { name: 'Lee Park', timeZone: 'Europe/London' });
    const actor = { memberId: recruiter.id };
    const { submission } = await createSubmission(
      deps,
      orgId,
      { jobId: job.id, candidateId: candidate.id, pitch: 'Built the APAC channel at her last firm.' },
      actor,
    );
    return { deps, orgId, recruiter, client, contact, job, candidate, actor, submission };
  }

  const followUps = (submissionId: string) =>
    db.query<FollowUpRow>(`SELECT * FROM follow_ups WHERE submission_id = $1 ORDER BY created_at, kind`, [
      submissionId,
    ]);

  it("resolves the client's promise in the contact's zone and owes the debrief the same business day in the candidate's", async () => {
    // Submitted Tuesday 1 December 2026, 10:00 New York.
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const s = await submitted(clock);
    // The interview: Thursday 3 December, 10:00 in Tokyo (01:00 UTC; still Wednesday evening in New York).
    clock.set('2026-12-03T02:00:00Z');
    const recorded = await recordClientInterview(
      s.deps,
      s.orgId,
      s.submission.id,
      {
        at: new Date('2026-12-03T01:00:00Z'),
        interviewers: ['Hana Sato', 'Ken Mori'],
        promise: "We'll decide by Friday.",
      },
      s.actor,
    );
    // Friday in Tokyo: 17:00 there (08:00 UTC), not Friday 17:00 in New York (22:00 UTC).
    expect(recorded.interview.promise).toMatchObject({ resolution: 'parsed', ownerId: s.recruiter.id });
    expect(recorded.interview.promise.dueAt.toISOString()).toBe('2026-12-04T08:00:00.000Z');
    // The promise is earlier than the terms (three business days), so it is the deadline.
    expect(recorded.clientFeedback.dueAt.toISOString()).toBe('2026-12-04T08:00:00.000Z');
    expect(recorded.interview.interviewers).toEqual(['Hana Sato', 'Ken Mori']);
    expect(recorded.submission.stage).toBe('interviewing');
    // 01:00 UTC is Thursday 01:00 in London: the debrief is due by 17:00 London that Thursday
    // (read in New York it would have been Thursday 17:00 there, five hours later).
    expect(recorded.debrief.dueAt.toISOString()).toBe('2026-12-03T17:00:00.000Z');
    const rows = await followUps(s.submission.id);
    expect(rows.map((r) => [r.kind, r.status, r.owed_to])).toEqual([
      ['client_feedback', 'done', 'recruiter'],
      ['client_feedback', 'open', 'recruiter'],
      ['debrief', 'open', 'candidate'],
    ]);
    expect(rows[0]!.done_by_touchpoint_id).not.toBeNull();
    expect(rows[1]).toMatchObject({ owner_id: s.recruiter.id, interview_id: recorded.interview.id });
  });

  it('takes an explicit date over the terms, and the terms over a vague promise', async () => {
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const s = await submitted(clock, { feedbackDaysAfterInterview: 1 });
    clock.set('2026-12-03T02:00:00Z');
    const vague = await recordClientInterview(
      s.deps,
      s.orgId,
      s.submission.id,
      { at: new Date('2026-12-03T01:00:00Z'), interviewers: ['Hana Sato'], promise: "We'll be in touch." },
      s.actor,
    );
    expect(vague.interview.promise.resolution).toBe('policy_default');
    // One Tokyo business day after Thursday: Friday 17:00 Tokyo.
    expect(vague.clientFeedback.dueAt.toISOString()).toBe('2026-12-04T08:00:00.000Z');
    const explicit = await recordClientInterview(
      s.deps,
      s.orgId,
      s.submission.id,
      {
        at: new Date('2026-12-03T01:30:00Z'),
        interviewers: ['Ken Mori'],
        promise: 'After the board meets.',
        promiseDueAt: { date: '2026-12-09' },
      },
      s.actor,
    );
    expect(explicit.interview.promise.resolution).toBe('explicit');
    // Wednesday 9 December, close of business in Tokyo.
    expect(explicit.clientFeedback.dueAt.toISOString()).toBe('2026-12-09T08:00:00.000Z');
    await expect(
      recordClientInterview(
        s.deps,
        s.orgId,
        s.submission.id,
        { at: new Date('2026-12-05T01:00:00Z'), interviewers: ['Hana Sato'], promise: 'Soon.' },
        s.actor,
      ),
    ).rejects.toMatchObject({ code: 'validation_failed', details: { field: 'at' } });
    await expect(
      recordClientInterview(
        s.deps,
        s.orgId,
        s.submission.id,
        { at: new Date('2026-12-03T01:00:00Z'), interviewers: [' '], promise: 'Soon.' },
        s.actor,
      ),
    ).rejects.toMatchObject({ code: 'validation_failed', details: { field: 'interviewers' } });
  });

  it('requires the next contact at the debrief, closes the debrief owed and suggests the thank-you note', async () => {
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const s = await submitted(clock);
    const early = await logDebrief(
      s.deps,
      s.orgId,
      s.submission.id,
      {
        channel: 'phone',
        impressions: 'Fine.',
        interestLevel: 4,
        noNextContactReason: 'Waiting on the client.',
      },
      s.actor,
    ).catch((e: unknown) => e);
    expect(early).toMatchObject({ code: 'invalid_state' });
    clock.set('2026-12-03T02:00:00Z');
    const { interview } = await recordClientInterview(
      s.deps,
      s.orgId,
      s.submission.id,
      {
        at: new Date('2026-12-03T01:00:00Z'),
        interviewers: ['Hana Sato'],
        promise: "We'll decide by Friday.",
      },
      s.actor,
    );
    clock.set('2026-12-03T09:00:00Z');
    const points = {
      channel: 'phone' as const,
      impressions: 'The deep dive into their APAC distributor network.',
      surprises: 'The team is twice the size the ad said.',
      interestLevel: 5,
      nextSteps: 'A second round with the COO.',
      questionsForClient: 'How the quota is set in the first year',
      availability: 'Free for a second round on Tuesdays and Wednesdays',
    };
    for (const missing of [{}, { nextContactAt: { date: '2026-12-07' }, noNextContactReason: 'Both.' }]) {
      await expect(
        logDebrief(s.deps, s.orgId, s.submission.id, { ...points, ...missing }, s.actor),
      ).rejects.toMatchObject({ code: 'validation_failed', details: { field: 'nextContactAt' } });
    }
    const logged = await logDebrief(
      s.deps,
      s.orgId,
      s.submission.id,
      { ...points, nextContactAt: { date: '2026-12-07' } },
      s.actor,
    );
    expect(logged.debrief).toMatchObject({
      interviewId: interview.id,
      interestLevel: 5,
      memberId: s.recruiter.id,
    });
    // Monday 7 December, close of business in London (the candidate's zone).
    expect(logged.nextContact!.dueAt.toISOString()).toBe('2026-12-07T17:00:00.000Z');
    const rows = await followUps(s.submission.id);
    const debrief = rows.find((r) => r.kind === 'debrief')!;
    expect(debrief).toMatchObject({ status: 'done', done_by_touchpoint_id: logged.debrief.touchpointId });
    expect(rows.find((r) => r.id === logged.closedFollowUpIds[0])?.kind).toBe('debrief');
    expect(rows.find((r) => r.id === logged.nextContact!.id)).toMatchObject({
      kind: 'update',
      status: 'open',
      owed_to: 'candidate',
      owner_id: s.recruiter.id,
    });
    expect(logged.thankYou.text).toContain('Dear Hana Sato,');
    expect(logged.thankYou.text).toContain('the deep dive into their APAC distributor network');
    expect(logged.thankYou.text).toContain('how the quota is set in the first year');
    expect(logged.thankYou.text).toMatch(/Lee Park$/);
  });

  it('drafts the nudge from the debrief’s news, mentions other interviews only with consent, and says what to add when nothing is new', async () => {
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const s = await submitted(clock);
    // Another client of the agency interviews the same candidate.
    const other = await createClient(s.deps, s.orgId, { name: 'Aster Freight' });
    const otherContact = await createClientContact(s.deps, s.orgId, other.id, { name: 'Ola Berg' });
    const otherJob = await createJobOrder(s.deps, s.orgId, other.id, {
      title: 'Sales Director',
      roleKind: 'sales',
      hiringAuthorityId: otherContact.id,
    });
    const otherSubmission = await createSubmission(
      s.deps,
      s.orgId,
      { jobId: otherJob.id, candidateId: s.candidate.id, pitch: 'Same strengths.' },
      s.actor,
    );
    clock.set('2026-12-02T15:00:00Z');
    await recordClientInterview(
      s.deps,
      s.orgId,
      otherSubmission.submission.id,
      { at: new Date('2026-12-02T14:00:00Z'), interviewers: ['Ola Berg'], promise: 'Next week.' },
      s.actor,
    );
    const nothing = await draftSubmissionNudge(s.deps, s.orgId, s.submission.id, {});
    expect(nothing.text).toBeNull();
    expect(nothing.check).toBeNull();
    expect(nothing.couldAdd.join('\n')).toMatch(
      /whether you may mention their other interviews or offers \(1/,
    );
    clock.set('2026-12-03T02:00:00Z');
    await recordClientInterview(
      s.deps,
      s.orgId,
      s.submission.id,
      {
        at: new Date('2026-12-03T01:00:00Z'),
        interviewers: ['Hana Sato'],
        promise: "We'll decide by Friday.",
      },
      s.actor,
    );
    clock.set('2026-12-03T09:00:00Z');
    await logDebrief(
      s.deps,
      s.orgId,
      s.submission.id,
      {
        channel: 'phone',
        impressions: 'Liked the team.',
        interestLevel: 5,
        questionsForClient: 'How the quota is set in the first year',
        mayMentionOtherProcesses: true,
        noNextContactReason: 'Next step is the client’s.',
      },
      s.actor,
    );
    const draft = await draftSubmissionNudge(s.deps, s.orgId, s.submission.id, {
      facts: ['Two competitors are hiring for the same profile this quarter.'],
    });
    expect(draft.text).toContain('Lee is also interviewing elsewhere');
    expect(draft.text).not.toContain('Aster');
    expect(draft.text).toContain('very keen (5 of 5)');
    expect(draft.text).toContain('How the quota is set in the first year');
    expect(draft.text).toContain('Two competitors are hiring');
    expect(draft.check && hasBlockingFindings(draft.check)).toBe(false);
    expect(hasBlockingFindings(checkMessage('nudge', draft.text!))).toBe(false);
    // Sent: the nudge is the last contact, and the same news is not news twice.
    await sendNudge(
      s.deps,
      s.orgId,
      s.submission.id,
      { text: draft.text!, channel: 'email', nextContactAt: { date: '2026-12-08' } },
      s.actor,
    );
    clock.set('2026-12-03T10:00:00Z');
    const after = await draftSubmissionNudge(s.deps, s.orgId, s.submission.id, {});
    expect(after.text).toBeNull();
    expect(after.couldAdd.length).toBeGreaterThan(0);
  });

  it("opens the candidate's update when the client's feedback escalates after two missed nudges", async () => {
    // Tuesday 1 December 2026, 10:00 New York: the client's feedback is due Friday 4, 17:00 Tokyo.
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const s = await submitted(clock);
    const sweep = () => sweepOwnedFollowUps(s.deps, { batchSize: 50, onlyOrgId: s.orgId });
    const updates = async () => (await followUps(s.submission.id)).filter((r) => r.kind === 'update');
    clock.set('2026-12-04T08:00:00Z');
    expect(await sweep()).toMatchObject({ reminders: 1, escalations: 0, candidateUpdates: 0 });
    clock.set('2026-12-08T22:00:00Z');
    expect(await sweep()).toMatchObject({ reminders: 1, escalations: 0, candidateUpdates: 0 });
    expect(await updates()).toEqual([]);
    // Thursday 10 December, 17:00 New York: the escalation.
    clock.set('2026-12-10T22:00:00Z');
    expect(await sweep()).toMatchObject({ escalations: 1, candidateUpdates: 1 });
    const [update] = await updates();
    // 22:00 in London is after the close: due by the close of Friday 11 December, London.
    expect(update).toMatchObject({ status: 'open', owed_to: 'candidate', owner_id: s.recruiter.id });
    expect(update!.due_at.toISOString()).toBe('2026-12-11T17:00:00.000Z');
  });

  it('does not open a second update when the candidate is already owed one by then', async () => {
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const s = await submitted(clock);
    // The client asks for more time until Friday: the recruiter owes the candidate that news.
    clock.set('2026-12-02T15:00:00Z');
    const answer = await recordClientAnswer(
      s.deps,
      s.orgId,
      s.submission.id,
      { answer: 'more_time', until: { date: '2026-12-04' }, channel: 'email' },
      s.actor,
    );
    expect(answer.nextClientFeedback).not.toBeNull();
    clock.set('2026-12-10T22:00:00Z');
    const r = await sweepOwnedFollowUps(s.deps, { batchSize: 50, onlyOrgId: s.orgId });
    expect(r.escalations).toBeGreaterThanOrEqual(1);
    expect(r.candidateUpdates).toBe(0);
  });
});
