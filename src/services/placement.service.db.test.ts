import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import type { CandidateAccess } from '../repositories/candidate-page.repository.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildCandidate, buildJob, buildMember, buildOrganization } from '../../test/support/factories.ts';
import {
  createClient,
  createClientContact,
  createJobOrder,
  createSubmission,
  logClientContact,
  moveSubmission,
  recordClientAnswer,
} from './agency.service.ts';
import { changeApplication, createApplication } from './application.service.ts';
import { sweepOwnedFollowUps } from './owned-sweep.service.ts';
import {
  getClientRecord,
  getDeskCoverage,
  getPlacement,
  placeSubmission,
  recordPlacementFallThrough,
} from './placement.service.ts';
import { answerPoolInvitation, inviteToPool } from './talent-pool.service.ts';

const identity = { from: { name: 'Hearback', address: 'hb@example.test' }, domain: 'example.test' };

/**
 * Placements, their guarantee and a client job's finalists on a real database with an injected
 * clock: placing schedules the recruiter's check-ins in each person's business time and the owned
 * sweep reminds them; a fall-through inside the guarantee opens a replacement search at once and
 * one after it does not; a client's decline of a finalist under the target opens a backfill naming
 * earlier submissions and the talent pool; the client view's feedback record and the desk's
 * contacts with no next contact.
 */
describe.each(backends)('placements and client-job coverage on %s', (backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(backend);
  });
  afterAll(async () => {
    await db.close();
  });

  /** An agency in New York; a client contact in New York; candidates in London. */
  async function agency(clock: ManualClock) {
    const deps = { db, clock, identity, publicUrl: 'https://hire.example.test' };
    const { organization, admin } = await buildOrganization(deps, {
      policy: { timeZone: 'America/New_York', holidays: null },
    });
    const orgId = organization.id;
    const recruiter = await buildMember(deps, orgId, { name: 'Rita Recruiter', role: 'recruiter' });
    const client = await createClient(deps, orgId, { name: 'Kumo Logistics', guaranteeDays: 90 });
    const contact = await createClientContact(deps, orgId, client.id, {
      name: 'Hana Sato',
      email: 'h@kumo.test',
    });
    const job = await createJobOrder(deps, orgId, client.id, {
      title: 'Regional Sales Lead',
      roleKind: 'sales',
      hiringAuthorityId: contact.id,
    });
    const actor = { memberId: recruiter.id };
    const submit = async (name: string) => {
      const candidate = await buildCandidate(deps, orgId, { name, timeZone: 'Europe/London' });
      return (
        await createSubmission(
          deps,
          orgId,
          { jobId: job.id, candidateId: candidate.id, pitch: `${name} sells.` },
          actor,
        )
      ).submission;
    };
    /** A runner-up of an internal job who opted into the talent pool. */
    const poolMember = async (name: string) => {
      const internal = await buildJob(deps, orgId, { title: 'Account Executive' });
      const candidate = await buildCandidate(deps, orgId, { name });
      const application = await createApplication(deps, orgId, {
        jobId: internal.id,
        candidateId: candidate.id,
      });
      await changeApplication(deps, orgId, application.id, { status: 'rejected' });
      await inviteToPool(deps, orgId, recruiter.id, application.id, {
        offer: 'sales roles',
        tags: ['sales'],
      });
      await answerPoolInvitation(deps, { orgId, applicationId: application.id } as CandidateAccess, {
        accept: true,
        interests: 'Sales leadership',
        months: 6,
      });
      return candidate;
    };
    return { deps, orgId, admin, recruiter, client, contact, job, actor, submit, poolMember };
  }

  const rowsOf = (placementId: string) =>
    db.query<{
      kind: string;
      owed_to: string;
      status: string;
      due_at: Date;
      owner_id: string;
      client_contact_id: string | null;
    }>(
      `SELECT kind, owed_to, status, due_at, owner_id, client_contact_id FROM follow_ups
        WHERE placement_id = $1 ORDER BY due_at, owed_to`,
      [placementId],
    );

  it("placing records the guarantee and schedules the recruiter's check-ins, which the owned sweep reminds", async () => {
    // Tuesday 1 December 2026, 10:00 in New York.
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const a = await agency(clock);
    const s = await a.submit('Lee Park');
    const placed = await placeSubmission(
      a.deps,
      a.orgId,
      s.id,
      { startDate: '2026-12-07', fee: { kind: 'percent', percent: 20 }, feeNote: 'Of first-year base' },
      a.actor,
    );
    // The client's 90 days by default: the guarantee covers through Sunday 7 March 2027.
    expect(placed).toMatchObject({
      startDate: '2026-12-07',
      guaranteeDays: 90,
      guaranteeEndsOn: '2027-03-07',
      fee: { kind: 'percent', percent: 20 },
      feeNote: 'Of first-year base',
      fellThroughOn: null,
    });
    const rows = await rowsOf(placed.id);
    expect(rows.map((r) => [r.owed_to, r.due_at.toISOString(), r.status])).toEqual([
      // The first day, at the close of business in London.
      ['candidate', '2026-12-07T17:00:00.000Z', 'open'],
      // Thirty days on: Wednesday 6 January.
      ['candidate', '2027-01-06T17:00:00.000Z', 'open'],
      // Three business days before the guarantee's last day (Sunday 7 March): Wednesday 3 March,
      // in London for the candidate, in New York for the client.
      ['candidate', '2027-03-03T17:00:00.000Z', 'open'],
      ['client', '2027-03-03T22:00:00.000Z', 'open'],
    ]);
    expect(rows.every((r) => r.kind === 'placement_check_in' && r.owner_id === a.recruiter.id)).toBe(true);
    expect(rows[3]!.client_contact_id).toBe(a.contact.id);
    // The submission is placed, its application a hire, and the client owes no more feedback.
    const [sub] = await db.query<{ stage: string; status: string }>(
      `SELECT s.stage, a.status FROM submissions s JOIN applications a ON a.id = s.application_id WHERE s.id = $1`,
      [s.id],
    );
    expect(sub).toEqual({ stage: 'placed', status: 'hired' });
    const [feedback] = await db.query<{ status: string }>(
      `SELECT status FROM follow_ups WHERE submission_id = $1 AND kind = 'client_feedback'`,
      [s.id],
    );
    expect(feedback!.status).toBe('cancelled');

    // Nothing before the first day; at its close the recruiter is reminded.
    clock.set('2026-12-07T16:59:00Z');
    expect(await sweepOwnedFollowUps(a.deps, { batchSize: 50, onlyOrgId: a.orgId })).toMatchObject({
      reminders: 0,
    });
    clock.set('2026-12-07T17:00:00Z');
    expect(await sweepOwnedFollowUps(a.deps, { batchSize: 50, onlyOrgId: a.orgId })).toMatchObject({
      reminders: 1,
      escalations: 0,
    });
    const [reminder] = await db.query<{ to_address: string; body_text: string }>(
      `SELECT to_address, body_text FROM messages WHERE org_id = $1 AND kind = 'reminder'`,
      [a.orgId],
    );
    expect(reminder!.to_address).toBe(a.recruiter.email);
    expect(reminder!.body_text).toContain('A placement check-in is owed: Lee Park — Regional Sales Lead');

    // A submission already placed cannot be placed again.
    await expect(
      placeSubmission(
        a.deps,
        a.orgId,
        s.id,
        { startDate: '2026-12-07', fee: { kind: 'percent', percent: 20 } },
        a.actor,
      ),
    ).rejects.toMatchObject({ code: 'invalid_state' });
    // The desk lists it with its next check-in and the guarantee's end.
    const desk = await getDeskCoverage(a.deps, a.orgId);
    expect(desk.placements).toEqual([
      expect.objectContaining({
        placementId: placed.id,
        candidateName: 'Lee Park',
        guaranteeEndsOn: '2027-03-07',
        nextCheckInWith: 'candidate',
      }),
    ]);
    // The first day's check-in was reminded, not done: it is still the next one, now overdue.
    expect(desk.placements[0]!.nextCheckInAt?.toISOString()).toBe('2026-12-07T17:00:00.000Z');
  });

  it('a placement that falls through inside the guarantee opens a replacement search at once, naming who could fill it', async () => {
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const a = await agency(clock);
    const placedSub = await a.submit('Lee Park');
    const waiting = await a.submit('Mo Waiting');
    await a.poolMember('Pia Pool');
    const placed = await placeSubmission(
      a.deps,
      a.orgId,
      placedSub.id,
      { startDate: '2026-12-07', fee: { kind: 'fixed', amount: 18000, currency: 'USD' }, guaranteeDays: 60 },
      a.actor,
    );
    expect(placed.guaranteeEndsOn).toBe('2027-02-05');
    // Friday 15 January 2027: the new hire left for a counter-offer.
    clock.set('2027-01-15T15:00:00Z');
    await expect(
      recordPlacementFallThrough(
        a.deps,
        a.orgId,
        placed.id,
        { on: '2027-01-16', reason: 'Counter-offer' },
        a.actor,
      ),
    ).rejects.toMatchObject({ code: 'validation_failed', details: { field: 'on' } });
    const fell = await recordPlacementFallThrough(
      a.deps,
      a.orgId,
      placed.id,
      { on: '2027-01-15', reason: 'Took a counter-offer from her old employer' },
      a.actor,
    );
    expect(fell.placement).toMatchObject({ fellThroughOn: '2027-01-15', fellWithinGuarantee: true });
    expect(fell.replacement).toMatchObject({
      earlier: [
        expect.objectContaining({ candidateName: 'Mo Waiting', applicationId: waiting.applicationId }),
      ],
      pool: [expect.objectContaining({ candidateName: 'Pia Pool' })],
    });
    // Due at the close of the next business day in New York: Monday 18 January, 17:00.
    expect(fell.replacement!.dueAt.toISOString()).toBe('2027-01-18T22:00:00.000Z');
    const rows = await rowsOf(placed.id);
    expect(rows.filter((r) => r.kind === 'backfill')).toEqual([
      expect.objectContaining({ status: 'open', owner_id: a.recruiter.id }),
    ]);
    // The check-ins still ahead are cancelled; there is nobody to check in on.
    expect(rows.filter((r) => r.kind === 'placement_check_in' && r.status === 'open')).toEqual([]);
    await expect(
      recordPlacementFallThrough(a.deps, a.orgId, placed.id, { on: '2027-01-15', reason: 'Again' }, a.actor),
    ).rejects.toMatchObject({ code: 'invalid_state' });
    // The owned sweep reminds the recruiter of the replacement search when it is due.
    clock.set('2027-01-18T22:00:00Z');
    await sweepOwnedFollowUps(a.deps, { batchSize: 50, onlyOrgId: a.orgId });
    const reminded = await db.query<{ follow_up_id: string }>(
      `SELECT follow_up_id FROM events WHERE org_id = $1 AND type = 'reminder_sent' AND data->>'kind' = 'backfill'`,
      [a.orgId],
    );
    expect(reminded.map((r) => r.follow_up_id)).toEqual([fell.replacement!.id]);
  });

  it('after the guarantee, falling through is recorded and opens no replacement search', async () => {
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const a = await agency(clock);
    const s = await a.submit('Lee Park');
    const placed = await placeSubmission(
      a.deps,
      a.orgId,
      s.id,
      { startDate: '2026-12-07', fee: { kind: 'percent', percent: 18 }, guaranteeDays: 30 },
      a.actor,
    );
    // A 30-day guarantee: the first day and the closing check-ins (30 days would come after them).
    expect((await rowsOf(placed.id)).map((r) => r.owed_to)).toEqual(['candidate', 'candidate', 'client']);
    clock.set('2027-02-01T15:00:00Z');
    const fell = await recordPlacementFallThrough(
      a.deps,
      a.orgId,
      placed.id,
      { on: '2027-01-08', reason: 'Relocated' },
      a.actor,
    );
    expect(fell.placement).toMatchObject({ fellWithinGuarantee: false, replacementFollowUpId: null });
    expect(fell.replacement).toBeNull();
    expect((await rowsOf(placed.id)).filter((r) => r.kind === 'backfill')).toEqual([]);
    expect((await getPlacement(a.deps, a.orgId, placed.id)).fallThroughReason).toBe('Relocated');
  });

  it("a client's decline of a finalist under the target opens a backfill with earlier submissions and the talent pool", async () => {
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const a = await agency(clock);
    const first = await a.submit('Fay Finalist');
    const second = await a.submit('Sam Second');
    const earlier = await a.submit('Eli Earlier');
    await a.poolMember('Pia Pool');
    // Two in the client's final interview: the default target of two is met.
    await changeApplication(a.deps, a.orgId, first.applicationId, { finalStage: true });
    await moveSubmission(a.deps, a.orgId, second.id, { stage: 'offered' });
    expect((await getDeskCoverage(a.deps, a.orgId)).jobOrders).toEqual([
      expect.objectContaining({ jobId: a.job.id, finalists: 2, target: 2, short: false, candidates: null }),
    ]);
    const backfills = () =>
      db.query<{ status: string; owner_id: string; due_at: Date }>(
        `SELECT f.status, f.owner_id, f.due_at FROM follow_ups f JOIN applications ap ON ap.id = f.application_id
          WHERE ap.job_id = $1 AND f.kind = 'backfill'`,
        [a.job.id],
      );
    expect(await backfills()).toEqual([]);

    await recordClientAnswer(
      a.deps,
      a.orgId,
      first.id,
      { answer: 'decline', reason: 'Wants more logistics experience', channel: 'phone' },
      a.actor,
    );
    const [backfill] = await backfills();
    // The job order names no recruiter: the submitting recruiter owns it, due at the close of the
    // next business day in New York.
    expect(backfill).toMatchObject({ status: 'open', owner_id: a.recruiter.id });
    expect(backfill!.due_at.toISOString()).toBe('2026-12-02T22:00:00.000Z');
    const [event] = await db.query<{
      data: { earlier: { candidateName: string }[]; pool: { candidateName: string }[] };
    }>(`SELECT data FROM events WHERE org_id = $1 AND type = 'backfill_needed'`, [a.orgId]);
    expect(event!.data.earlier.map((e) => e.candidateName)).toEqual(['Eli Earlier']);
    expect(event!.data.pool.map((e) => e.candidateName)).toEqual(['Pia Pool']);
    const coverage = (await getDeskCoverage(a.deps, a.orgId)).jobOrders[0]!;
    expect(coverage).toMatchObject({ finalists: 1, target: 2, short: true });
    expect(coverage.openBackfillId).not.toBeNull();
    expect(coverage.candidates!.earlier.map((e) => e.applicationId)).toEqual([earlier.applicationId]);

    // Eli moves into the final interview: back at the target, the backfill is settled.
    await changeApplication(a.deps, a.orgId, earlier.applicationId, { finalStage: true });
    expect(await backfills()).toEqual([expect.objectContaining({ status: 'cancelled' })]);
    // A candidate's withdrawal of a finalist opens one again.
    await moveSubmission(a.deps, a.orgId, earlier.id, { stage: 'withdrawn' });
    expect((await backfills()).filter((b) => b.status === 'open')).toHaveLength(1);
  });

  it("the client view's feedback record, and contacts with no next contact shown as defects", async () => {
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const a = await agency(clock);
    const s1 = await a.submit('Ann One');
    clock.advance(60_000);
    const s2 = await a.submit('Ben Two');
    // Due Thursday 3 December at 17:00 New York. Ann's answer comes a day later, in time.
    clock.set('2026-12-02T15:00:00Z');
    await recordClientAnswer(a.deps, a.orgId, s1.id, { answer: 'interview', channel: 'email' }, a.actor);
    // Ben's is still unanswered on Friday: missed.
    clock.set('2026-12-04T15:00:00Z');
    const record = await getClientRecord(a.deps, a.orgId, a.client.id);
    expect(record.feedback).toEqual({
      answered: 1,
      overdue: 1,
      medianDaysToFeedback: 1,
      shareWithinDeadline: 0.5,
    });
    expect(
      record.openSubmissions.map((o) => [o.candidateName, o.stage, o.pastDeadline, o.daysWaiting]),
    ).toEqual([
      ['Ann One', 'interviewing', false, 3],
      ['Ben Two', 'submitted', true, 2],
    ]);
    expect(s2.stage).toBe('submitted');

    // Hana was never called: a defect. Setting a next contact fixes it; so does saying why there is none.
    const other = await createClientContact(a.deps, a.orgId, a.client.id, { name: 'Ken Ito' });
    const defects = async () =>
      (await getDeskCoverage(a.deps, a.orgId)).contactsWithoutNextContact.map((c) => c.contactName);
    expect(await defects()).toEqual(['Hana Sato', 'Ken Ito']);
    await logClientContact(
      a.deps,
      a.orgId,
      a.contact.id,
      {
        channel: 'phone',
        direction: 'outbound',
        summary: 'Walked through Ben.',
        nextContactAt: { date: '2026-12-08' },
      },
      a.actor,
    );
    await logClientContact(
      a.deps,
      a.orgId,
      other.id,
      {
        channel: 'email',
        direction: 'outbound',
        summary: 'Intro.',
        noNextContactReason: 'He hands over to Hana.',
      },
      a.actor,
    );
    expect(await defects()).toEqual([]);
    // When the next contact is kept without setting another, the defect is back.
    clock.set('2026-12-08T15:00:00Z');
    await db.query(
      `UPDATE follow_ups SET status = 'done', done_at = $2 WHERE client_contact_id = $1 AND status = 'open'`,
      [a.contact.id, clock.now()],
    );
    expect(await defects()).toEqual(['Hana Sato']);
    await expect(
      getClientRecord(a.deps, a.orgId, '00000000-0000-4000-8000-000000000000'),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
