import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildInterviewScenario } from '../../test/support/factories.ts';
import { changeApplication, getApplicationTimeline } from './application.service.ts';
import { recordDecision } from './decision.service.ts';
import { createFollowUp, getFollowUp, listFollowUpsPage } from './follow-up.service.ts';
import { closeInterview } from './interview.service.ts';
import { logTouchpoint } from './touchpoint.service.ts';

const HOUR = 3_600_000;

describe.each(backends)('closing follow-ups on %s', (backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(backend);
  });
  afterAll(async () => {
    await db.close();
  });

  async function promised(clock: ManualClock) {
    const deps = { db, clock };
    const s = await buildInterviewScenario(deps);
    const closed = await closeInterview(deps, s.organization.id, s.interview.id, {
      statement: "We'll call you within 2 business days.",
    });
    return { deps, s, orgId: s.organization.id, followUp: closed.followUp };
  }

  it('a decision alone does not close the outcome; a connected call does, as kept', async () => {
    const clock = new ManualClock('2026-12-01T15:00:00Z'); // Tuesday; due Thursday 17:00 UTC
    const { deps, s, orgId, followUp } = await promised(clock);
    clock.advance(24 * HOUR);
    const { outcomeFollowUp, decision } = await recordDecision(
      deps,
      orgId,
      s.application.id,
      { outcome: 'reject', reasons: ['Needs more experience with enterprise sales cycles'] },
      { memberId: s.manager.id },
    );
    expect(outcomeFollowUp).toMatchObject({ id: followUp.id, status: 'open' });

    const voicemail = await logTouchpoint(
      deps,
      orgId,
      {
        applicationId: s.application.id,
        channel: 'phone',
        kind: 'outcome',
        fromParty: 'team',
        toParty: 'candidate',
        connected: false,
        followUpId: followUp.id,
      },
      { memberId: s.recruiter.id },
    );
    expect(voicemail.closedFollowUps).toEqual([]);
    expect(voicemail.notClosed).toEqual({ followUpId: followUp.id, reason: 'did_not_reach' });
    expect((await getFollowUp(deps, orgId, followUp.id)).status).toBe('open');

    clock.advance(2 * HOUR);
    const call = await logTouchpoint(
      deps,
      orgId,
      {
        applicationId: s.application.id,
        channel: 'phone',
        kind: 'outcome',
        fromParty: 'team',
        toParty: 'candidate',
        connected: true,
        summary: 'Explained the decision and the reason; suggested a course.',
        decisionId: decision.id,
      },
      { memberId: s.recruiter.id },
    );
    expect(call.closedFollowUps.map((f) => f.id)).toEqual([followUp.id]);
    const done = await getFollowUp(deps, orgId, followUp.id);
    expect(done).toMatchObject({
      status: 'done',
      kept: true,
      overdue: false,
      doneByTouchpointId: call.touchpoint.id,
    });
    expect(done.doneAt).toEqual(clock.now());
  });

  it('a late delivery closes the follow-up but it is not kept; before that it shows as overdue', async () => {
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const { deps, s, orgId, followUp } = await promised(clock);
    clock.set('2026-12-04T09:00:00Z'); // past Thursday 17:00
    const overdue = await listFollowUpsPage(deps, orgId, { overdue: true, kind: 'outcome', limit: 10 });
    expect(overdue.items.map((f) => f.id)).toEqual([followUp.id]);
    expect(overdue.items[0]).toMatchObject({
      overdue: true,
      candidate: { id: s.candidate.id },
      job: { id: s.job.id },
    });
    expect(
      (await listFollowUpsPage(deps, orgId, { overdue: false, kind: 'outcome', limit: 10 })).items,
    ).toEqual([]);

    await logTouchpoint(
      deps,
      orgId,
      {
        applicationId: s.application.id,
        channel: 'email',
        kind: 'outcome',
        fromParty: 'team',
        toParty: 'candidate',
      },
      { memberId: s.recruiter.id },
    );
    const done = await getFollowUp(deps, orgId, followUp.id);
    expect(done).toMatchObject({ status: 'done', kept: false, overdue: false });
    expect(
      (await listFollowUpsPage(deps, orgId, { overdue: true, kind: 'outcome', limit: 10 })).items,
    ).toEqual([]);
  });

  it('a touchpoint about something else, or from the candidate, closes nothing', async () => {
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const { deps, s, orgId, followUp } = await promised(clock);
    clock.advance(HOUR);
    const inbound = await logTouchpoint(
      deps,
      orgId,
      {
        applicationId: s.application.id,
        channel: 'email',
        kind: 'check_in',
        fromParty: 'candidate',
        toParty: 'team',
        summary: 'Any news?',
      },
      { memberId: s.recruiter.id },
    );
    expect(inbound.touchpoint.direction).toBe('inbound');
    expect(inbound.closedFollowUps).toEqual([]);
    const chat = await logTouchpoint(
      deps,
      orgId,
      {
        applicationId: s.application.id,
        channel: 'in_person',
        kind: 'note',
        fromParty: 'team',
        toParty: 'candidate',
      },
      { memberId: s.recruiter.id },
    );
    expect(chat.closedFollowUps).toEqual([]);
    expect((await getFollowUp(deps, orgId, followUp.id)).status).toBe('open');
  });

  it('rejects a call without saying whether it connected, and contacts in the future', async () => {
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const { deps, s, orgId } = await promised(clock);
    const base = {
      applicationId: s.application.id,
      channel: 'phone' as const,
      kind: 'outcome' as const,
      fromParty: 'team' as const,
      toParty: 'candidate' as const,
    };
    await expect(logTouchpoint(deps, orgId, base, { memberId: s.recruiter.id })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(
      logTouchpoint(
        deps,
        orgId,
        { ...base, connected: true, occurredAt: new Date('2026-12-02T15:00:00Z') },
        { memberId: s.recruiter.id },
      ),
    ).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('withdrawal cancels every open follow-up of the application, both ways', async () => {
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const { deps, s, orgId, followUp } = await promised(clock);
    const thankYou = await createFollowUp(
      deps,
      orgId,
      {
        applicationId: s.application.id,
        kind: 'thank_you',
        owedBy: 'candidate',
        owedTo: 'team',
        dueAt: new Date('2026-12-03T15:00:00Z'),
      },
      { memberId: s.recruiter.id },
    );
    clock.advance(HOUR);
    // Owed to the candidate, by the candidate, and inside the team (scorecard, decide-by).
    const open = await listFollowUpsPage(deps, orgId, {
      applicationId: s.application.id,
      status: 'open',
      limit: 50,
    });
    expect(open.items.map((f) => f.kind).sort()).toEqual([
      'decision_due',
      'feedback_due',
      'outcome',
      'thank_you',
    ]);
    const { application, cancelledFollowUps } = await changeApplication(deps, orgId, s.application.id, {
      status: 'withdrawn',
    });
    expect(application.status).toBe('withdrawn');
    expect(cancelledFollowUps.map((f) => f.id).sort()).toEqual(open.items.map((f) => f.id).sort());
    expect(open.items.map((f) => f.id)).toEqual(expect.arrayContaining([followUp.id, thankYou.id]));
    expect(cancelledFollowUps.every((f) => f.status === 'cancelled' && f.cancelReason === 'withdrawn')).toBe(
      true,
    );
    await expect(
      changeApplication(deps, orgId, s.application.id, { status: 'active' }),
    ).rejects.toMatchObject({ code: 'invalid_state' });
  });

  it('a decision with nothing open opens an outcome follow-up due by the next business day', async () => {
    const clock = new ManualClock('2026-12-04T15:00:00Z'); // Friday
    const deps = { db, clock };
    const s = await buildInterviewScenario(deps);
    const { outcomeFollowUp } = await recordDecision(
      deps,
      s.organization.id,
      s.application.id,
      { outcome: 'reject' },
      { memberId: s.manager.id },
    );
    expect(outcomeFollowUp).toMatchObject({ kind: 'outcome', status: 'open', ownerId: s.recruiter.id });
    expect(outcomeFollowUp!.dueAt.toISOString()).toBe('2026-12-07T17:00:00.000Z'); // Monday, end of day
  });

  it('the timeline tells the story in order', async () => {
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const { deps, s, orgId } = await promised(clock);
    clock.advance(HOUR);
    const { decision } = await recordDecision(
      deps,
      orgId,
      s.application.id,
      { outcome: 'advance' },
      { memberId: s.manager.id },
    );
    clock.advance(HOUR);
    await logTouchpoint(
      deps,
      orgId,
      {
        applicationId: s.application.id,
        channel: 'phone',
        kind: 'outcome',
        fromParty: 'team',
        toParty: 'candidate',
        connected: true,
        decisionId: decision.id,
        summary: 'Told her she moves to the final round next week.',
      },
      { memberId: s.recruiter.id },
    );
    const timeline = await getApplicationTimeline(deps, orgId, s.application.id);
    expect(timeline.events.map((e) => e.type)).toEqual([
      'application_created',
      'interview_closed',
      'follow_up_opened', // the outcome, owed to the candidate
      'follow_up_opened', // the interviewer's scorecard
      'follow_up_opened', // the hiring manager's decide-by
      'decision_made',
      'follow_up_done', // the decide-by, met by the decision
      'touchpoint',
      'follow_up_done', // the outcome, told on the call
    ]);
    // The interviewer never gave feedback: their scorecard is still owed.
    expect(timeline.openFollowUps.map((f) => [f.kind, f.owedTo])).toEqual([['feedback_due', 'team']]);
    expect(timeline.candidate.id).toBe(s.candidate.id);
  });
});
