import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { AppError } from '../errors.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildCandidate, buildInterviewScenario } from '../../test/support/factories.ts';
import { createApplication } from './application.service.ts';
import { closeInterview, createInterview } from './interview.service.ts';
import { snoozeFollowUp } from './snooze-follow-up.service.ts';
import { sweepFollowUps } from './sweep.service.ts';

const identity = { from: { name: 'Hearback', address: 'hb@example.test' }, domain: 'example.test' };
const policy = { timeZone: 'America/New_York', holidays: { country: 'US' as const } };

describe.each(backends)('snoozing a follow-up on %s', (backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(backend);
  });
  afterAll(async () => {
    await db.close();
  });

  it('holds the sweep until the snooze ends, refuses one past the promise, and records who and why', async () => {
    // Tuesday 1 December 2026, 10:00 in New York; "by Friday" is Friday 4 December, 17:00 (22:00Z).
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const deps = { db, clock, identity, appUrl: 'http://hearback.test' };
    const s = await buildInterviewScenario(deps, { policy });
    const org = s.organization.id;
    const other = await buildCandidate(deps, org, { name: 'Nora Unsnoozed' });
    const otherApp = await createApplication(deps, org, { jobId: s.job.id, candidateId: other.id });
    const otherIv = await createInterview(deps, org, { applicationId: otherApp.id, title: 'Panel' });
    await closeInterview(deps, org, s.interview.id, { statement: 'You will hear from us by Friday.' });
    await closeInterview(deps, org, otherIv.id, { statement: 'You will hear from us by Friday.' });
    const outcomeOf = async (applicationId: string) =>
      (
        await db
          .tenant(org)
          .query<{ id: string; due_at: Date }>(
            `SELECT id, due_at FROM follow_ups WHERE org_id = $1 AND application_id = $2 AND kind = 'outcome' AND status = 'open'`,
            [org, applicationId],
          )
      )[0]!;
    const snoozed = await outcomeOf(s.application.id);
    expect(snoozed.due_at.toISOString()).toBe('2026-12-04T22:00:00.000Z');
    const actor = { memberId: s.recruiter.id };
    const reason = 'Waiting for the hiring manager, back from leave on Friday';

    // Past the promise: refused, nothing changed.
    const refused = await snoozeFollowUp(
      deps,
      org,
      snoozed.id,
      { until: new Date('2026-12-07T14:00:00Z'), reason },
      actor,
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({
      code: 'snooze_past_promise',
      details: { promisedAt: '2026-12-04T22:00:00.000Z' },
    });

    // Until Friday 10:00, before the promise: allowed.
    const view = await snoozeFollowUp(
      deps,
      org,
      snoozed.id,
      { until: new Date('2026-12-04T15:00:00Z'), reason },
      actor,
    );
    expect(view.snoozedUntil?.toISOString()).toBe('2026-12-04T15:00:00.000Z');
    expect(view.snoozeReason).toBe(reason);

    // Thursday: the owner's reminder day. The unsnoozed one is reminded; the snoozed one is not.
    clock.set('2026-12-03T16:00:00Z');
    const thursday = await sweepFollowUps(deps, { batchSize: 50, onlyOrgId: org });
    expect(thursday.reminders).toBe(1);
    const reminded = async () =>
      db
        .tenant(org)
        .query<{ application_id: string }>(
          `SELECT application_id FROM messages WHERE org_id = $1 AND kind = 'reminder' ORDER BY created_at`,
          [org],
        );
    expect((await reminded()).map((r) => r.application_id)).toEqual([otherApp.id]);

    // Friday after the snooze ends, before the promise: its reminder goes at last.
    clock.set('2026-12-04T15:00:01Z');
    const friday = await sweepFollowUps(deps, { batchSize: 50, onlyOrgId: org });
    expect(friday.reminders).toBe(1);
    expect((await reminded()).map((r) => r.application_id)).toEqual([otherApp.id, s.application.id]);

    // Who snoozed it, until when and why: on its events and in the audit log.
    const [event] = await db
      .tenant(org)
      .query<{ member_id: string; data: Record<string, unknown> }>(
        `SELECT member_id, data FROM events WHERE org_id = $1 AND follow_up_id = $2 AND type = 'follow_up_snoozed'`,
        [org, snoozed.id],
      );
    expect(event).toMatchObject({
      member_id: s.recruiter.id,
      data: { until: '2026-12-04T15:00:00.000Z', reason, previousUntil: null },
    });
    const audit = await db
      .tenant(org)
      .query<{ action: string; target_id: string }>(
        `SELECT action, target_id FROM audit_log WHERE org_id = $1 AND action = 'follow_up_snoozed'`,
        [org],
      );
    expect(audit).toEqual([{ action: 'follow_up_snoozed', target_id: snoozed.id }]);

    // A follow-up past its promise cannot be snoozed at all: the candidate's update must go.
    clock.set('2026-12-05T15:00:00Z');
    await expect(
      snoozeFollowUp(deps, org, snoozed.id, { until: new Date('2026-12-06T15:00:00Z'), reason }, actor),
    ).rejects.toMatchObject({ code: 'snooze_past_promise' });
  });

  it('refuses a snooze in the past, too long, or of a follow-up that is not open', async () => {
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const deps = { db, clock, identity };
    const s = await buildInterviewScenario(deps, { policy });
    const org = s.organization.id;
    await closeInterview(deps, org, s.interview.id, { statement: 'You will hear from us by Friday.' });
    const [scorecard] = await db
      .tenant(org)
      .query<{ id: string }>(
        `SELECT id FROM follow_ups WHERE org_id = $1 AND kind = 'feedback_due' AND owed_to = 'team'`,
        [org],
      );
    const actor = { memberId: s.recruiter.id };
    const snooze = (id: string, until: string) =>
      snoozeFollowUp(deps, org, id, { until: new Date(until), reason: 'Panel rescheduled' }, actor);
    await expect(snooze(scorecard!.id, '2026-12-01T14:00:00Z')).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(snooze(scorecard!.id, '2027-03-01T14:00:00Z')).rejects.toMatchObject({
      code: 'validation_failed',
    });
    // A scorecard is owed inside the team: it may wait past its due time.
    const ok = await snooze(scorecard!.id, '2026-12-09T14:00:00Z');
    expect(ok.snoozedUntil?.toISOString()).toBe('2026-12-09T14:00:00.000Z');
    await db
      .tenant(org)
      .query(
        `UPDATE follow_ups SET status = 'cancelled', cancel_reason = 'test' WHERE org_id = $1 AND id = $2`,
        [org, scorecard!.id],
      );
    await expect(snooze(scorecard!.id, '2026-12-02T14:00:00Z')).rejects.toMatchObject({
      code: 'invalid_state',
    });
    await expect(
      snooze('00000000-0000-4000-8000-000000000000', '2026-12-02T14:00:00Z'),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
