import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildInterviewScenario } from '../../test/support/factories.ts';
import { listApplicationEventsPage } from './application.service.ts';
import { listDecisionsOfApplication } from '../repositories/decision.repository.ts';
import { recordDecision } from './decision.service.ts';
import { getFollowUp, listFollowUpsPage } from './follow-up.service.ts';
import { closeInterview } from './interview.service.ts';
import { sweepFollowUps } from './sweep.service.ts';
import { logTouchpoint } from './touchpoint.service.ts';

const identity = { from: { name: 'Hearback', address: 'hb@example.test' }, domain: 'example.test' };
const at = (iso: string) => new Date(iso);
// The default policy: UTC, Monday–Friday 09:00–17:00, one business day's reminder lead.
const MONDAY_10 = '2026-11-30T10:00:00Z';
const FRIDAY_CLOSE = at('2026-12-04T17:00:00Z');

/** Issue 13, "a decision pulls the promise forward". */
describe.each(backends)('a decision pulls the promise forward on %s', (backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(backend);
  });
  afterAll(async () => {
    await db.close();
  });

  async function promisedFriday(clock: ManualClock, candidateTimeZone?: string) {
    const deps = { db, clock, identity, appUrl: 'http://hearback.test' };
    const s = await buildInterviewScenario(deps, { interviewEndsAt: clock.now() });
    const orgId = s.organization.id;
    if (candidateTimeZone) {
      await db
        .tenant(orgId)
        .transaction((tx) =>
          tx.query(`UPDATE candidates SET time_zone = $3 WHERE org_id = $1 AND id = $2`, [
            orgId,
            s.candidate.id,
            candidateTimeZone,
          ]),
        );
    }
    const { followUp } = await closeInterview(deps, orgId, s.interview.id, {
      statement: "We'll let you know by Friday.",
      dueAt: FRIDAY_CLOSE,
    });
    expect(followUp.dueAt).toEqual(FRIDAY_CLOSE);
    return { deps, s, orgId, followUpId: followUp.id };
  }

  it('keeps the later of two decisions recorded in the same millisecond the latest', async () => {
    const clock = new ManualClock('2026-11-30T15:00:00Z'); // frozen: both decisions at one instant
    const deps = { db, clock, identity, appUrl: 'http://hearback.test' };
    const s = await buildInterviewScenario(deps);
    const decide = (outcome: 'advance' | 'reject') =>
      recordDecision(deps, s.organization.id, s.application.id, { outcome }, { memberId: s.manager.id });
    await decide('advance');
    await decide('reject');
    await decide('advance');
    await decide('reject');
    const decisions = await listDecisionsOfApplication(
      db.tenant(s.organization.id),
      s.organization.id,
      s.application.id,
    );
    // The draft tells the latest decision: it must be the one recorded last, every time.
    expect(decisions.map((d) => d.outcome)).toEqual(['advance', 'reject', 'advance', 'reject']);
    expect(new Set(decisions.map((d) => d.decidedAt.getTime())).size).toBe(4);
  });

  const reject = (deps: { db: Db; clock: ManualClock }, s: Awaited<ReturnType<typeof promisedFriday>>['s']) =>
    recordDecision(
      deps,
      s.organization.id,
      s.application.id,
      { outcome: 'reject', reasons: ['We need deeper enterprise experience'] },
      { memberId: s.manager.id },
    );

  it("decided on Monday for a Friday promise: due by Monday's close; the candidate's promise stands", async () => {
    const clock = new ManualClock(MONDAY_10);
    const { deps, s, orgId, followUpId } = await promisedFriday(clock);
    clock.advance(60_000);
    const { outcomeFollowUp, decision } = await reject(deps, s);
    expect(outcomeFollowUp).toMatchObject({
      id: followUpId,
      status: 'open',
      dueAt: at('2026-11-30T17:00:00Z'),
      promisedDueAt: FRIDAY_CLOSE,
      // The sweep re-plans it at once, as for a new promise.
      nextActionAt: clock.now(),
    });

    // The queue: decided, not told; due in hours; the owner is reminded next, by name.
    const page = await listFollowUpsPage(deps, orgId, {
      applicationId: s.application.id,
      kind: 'outcome',
      limit: 10,
    });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      decidedNotTold: true,
      dueWords: 'due in 6 hours',
      owner: { id: s.recruiter.id, name: 'Riley Recruiter' },
      // No sooner than an hour after the promise was made (the ladder's rule): 11:00.
      nextStep: {
        action: 'reminder',
        toRole: 'owner',
        to: 'Riley Recruiter',
        at: at('2026-11-30T11:00:00Z'),
      },
    });

    // On the timeline, with what the candidate was told.
    const events = await listApplicationEventsPage(deps, orgId, s.application.id, { limit: 50 });
    expect(events.items.find((e) => e.type === 'outcome_due_pulled_forward')).toMatchObject({
      followUpId,
      data: {
        outcome: 'reject',
        fromDueAt: FRIDAY_CLOSE.toISOString(),
        dueAt: '2026-11-30T17:00:00.000Z',
        promisedDueAt: FRIDAY_CLOSE.toISOString(),
      },
    });

    // The sweep reminds the owner; once the pulled-forward time passes, the candidate is still not
    // sent a "still deciding" update — they were promised Friday, and the team has decided.
    const sweep = () => sweepFollowUps(deps, { batchSize: 50, onlyOrgId: orgId });
    expect(await sweep()).toMatchObject({ reminders: 0, updates: 0, escalations: 0 });
    clock.set(at('2026-11-30T11:00:00Z'));
    expect(await sweep()).toMatchObject({ reminders: 1, updates: 0, escalations: 0 });
    clock.set(at('2026-12-01T10:00:00Z'));
    expect(await sweep()).toMatchObject({ updates: 0, escalations: 0 });
    const tuesday = await getFollowUp(deps, orgId, followUpId);
    expect(tuesday).toMatchObject({
      overdue: true,
      state: 'overdue',
      breachedAt: null,
      nextAction: { kind: 'update' },
    });
    expect(tuesday.nextAction?.at).toEqual(FRIDAY_CLOSE);

    // Told on Wednesday: late by the team's aim, kept by the promise the candidate had.
    clock.set(at('2026-12-02T11:00:00Z'));
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
        followUpId,
        decisionId: decision.id,
        summary: 'Told them the decision, why, and what to work on next; wished them well.',
      },
      { memberId: s.recruiter.id },
    );
    expect(await getFollowUp(deps, orgId, followUpId)).toMatchObject({
      status: 'done',
      kept: true,
      state: 'kept',
      decidedNotTold: false,
    });
  });

  it("decided after hours: due by the close of the candidate's next business day, in their zone", async () => {
    // Monday 20:00 UTC is 05:00 Tuesday in Tokyo: inside no business hours there; Tuesday 09:00
    // Tokyo is the next slot, so the outcome is owed by Tuesday 17:00 Tokyo (08:00Z).
    const clock = new ManualClock('2026-11-30T10:00:00Z');
    const { deps, s } = await promisedFriday(clock, 'Asia/Tokyo');
    clock.set(at('2026-11-30T20:00:00Z'));
    const { outcomeFollowUp } = await reject(deps, s);
    expect(outcomeFollowUp).toMatchObject({ dueAt: at('2026-12-01T08:00:00Z'), promisedDueAt: FRIDAY_CLOSE });
  });

  it('a decision recorded after the promised time changes nothing', async () => {
    const clock = new ManualClock(MONDAY_10);
    const { deps, s, orgId, followUpId } = await promisedFriday(clock);
    clock.set(at('2026-12-05T10:00:00Z'));
    const { outcomeFollowUp } = await reject(deps, s);
    expect(outcomeFollowUp).toMatchObject({ id: followUpId, dueAt: FRIDAY_CLOSE, promisedDueAt: null });
    const events = await listApplicationEventsPage(deps, orgId, s.application.id, { limit: 50 });
    expect(events.items.some((e) => e.type === 'outcome_due_pulled_forward')).toBe(false);
    const [item] = (
      await listFollowUpsPage(deps, orgId, { applicationId: s.application.id, kind: 'outcome', limit: 10 })
    ).items;
    expect(item).toMatchObject({ decidedNotTold: true, dueWords: '17 hours late', overdue: true });
  });

  it('a hold after the decision puts the promise back: the team is deciding again', async () => {
    const clock = new ManualClock(MONDAY_10);
    const { deps, s, orgId, followUpId } = await promisedFriday(clock);
    await reject(deps, s);
    clock.advance(3_600_000);
    const { outcomeFollowUp } = await recordDecision(
      deps,
      orgId,
      s.application.id,
      { outcome: 'hold', reasons: ['Waiting for the second panel'] },
      { memberId: s.manager.id },
    );
    expect(outcomeFollowUp).toMatchObject({ id: followUpId, dueAt: FRIDAY_CLOSE, promisedDueAt: null });
    const [item] = (await listFollowUpsPage(deps, orgId, { applicationId: s.application.id, limit: 10 }))
      .items;
    expect(item).toMatchObject({ decidedNotTold: false });
    const events = await listApplicationEventsPage(deps, orgId, s.application.id, { limit: 50 });
    expect(events.items.find((e) => e.type === 'outcome_due_restored')).toMatchObject({
      data: { outcome: 'hold', fromDueAt: '2026-11-30T17:00:00.000Z', dueAt: FRIDAY_CLOSE.toISOString() },
    });
    // A second decision pulls it forward again, from the promise.
    const again = await reject(deps, s);
    expect(again.outcomeFollowUp).toMatchObject({
      dueAt: at('2026-11-30T17:00:00Z'),
      promisedDueAt: FRIDAY_CLOSE,
    });
  });
});
