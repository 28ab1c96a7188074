import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildInterviewScenario, buildMember } from '../../test/support/factories.ts';
import { recordDecision } from './decision.service.ts';
import { submitFeedback } from './feedback.service.ts';
import { closeInterview, createInterview } from './interview.service.ts';
import { closeJob } from './close-job.service.ts';
import { sweepOwnedFollowUps } from './owned-sweep.service.ts';

// The chain is tracked when the policy sets its times (off by default for now).
const ON = { feedbackDueBusinessDays: 1, decideByBusinessDaysBefore: 1 };
const identity = { from: { name: 'Hearback', address: 'hb@example.test' }, domain: 'example.test' };

interface Row {
  kind: string;
  status: string;
  owner_id: string;
  due_at: Date;
  owed_by: string;
  owed_to: string;
  cancel_reason: string | null;
}

/**
 * The chain inside the team on the injected clock: an interview closes with a promise; each
 * interviewer owes a scorecard and the hiring manager a decision by the decide-by time; the one who
 * gives no feedback is reminded, then the hiring manager is told; a decision not taken by decide-by
 * is escalated to the admins; recording the decision settles it; closing the job settles the rest.
 */
describe.each(backends)('deadlines inside the team on %s', (backend) => {
  let db: Db;
  const clock = new ManualClock('2026-12-01T15:00:00Z'); // Tuesday, UTC business hours
  const deps = () => ({ db, clock, identity, publicUrl: 'https://hire.example.test' });

  beforeAll(async () => {
    db = await openTestDb(backend);
  });
  afterAll(async () => {
    await db.close();
  });

  it('reminds the interviewer who owes a scorecard, tells the hiring manager, and escalates a late decision', async () => {
    clock.set('2026-12-01T15:00:00Z');
    const s = await buildInterviewScenario(deps(), { policy: ON });
    const org = s.organization.id;
    const ivan = await buildMember(deps(), org, { role: 'interviewer', name: 'Ivan Interviewer' });
    const panel = await createInterview(deps(), org, {
      applicationId: s.application.id,
      title: 'Onsite',
      endsAt: new Date('2026-12-01T14:00:00Z'),
      interviewerIds: [s.manager.id, ivan.id],
    });
    // Promised for Monday 7 December, close of business.
    await closeInterview(deps(), org, panel.id, { statement: 'by Monday' });
    const internal = () =>
      db.query<Row>(
        `SELECT kind, status, owner_id, due_at, owed_by, owed_to, cancel_reason FROM follow_ups
          WHERE org_id = $1 AND owed_to = 'team' ORDER BY kind, owner_id`,
        [org],
      );
    const mail = (kind: string) =>
      db.query<{ to_address: string; subject: string; body_text: string }>(
        `SELECT to_address, subject, body_text FROM messages WHERE org_id = $1 AND kind = $2 ORDER BY created_at, id`,
        [org, kind],
      );
    const sweep = () => sweepOwnedFollowUps(deps(), { batchSize: 50, onlyOrgId: org });

    const opened = await internal();
    expect(opened).toEqual(
      expect.arrayContaining([
        // The decide-by: one business day before the promise (Friday 4 December, 17:00), the hiring manager's.
        expect.objectContaining({
          kind: 'decision_due',
          owner_id: s.manager.id,
          owed_by: 'team',
          status: 'open',
        }),
        // One scorecard per interviewer, due the next business day's close (Wednesday 2 December).
        expect.objectContaining({ kind: 'feedback_due', owner_id: s.manager.id, status: 'open' }),
        expect.objectContaining({ kind: 'feedback_due', owner_id: ivan.id, status: 'open' }),
      ]),
    );
    expect(opened).toHaveLength(3);
    const decideBy = opened.find((r) => r.kind === 'decision_due')!;
    expect(decideBy.due_at.toISOString()).toBe('2026-12-04T17:00:00.000Z');
    for (const r of opened.filter((r) => r.kind === 'feedback_due')) {
      expect(r.due_at.toISOString()).toBe('2026-12-02T17:00:00.000Z');
    }

    // The hiring manager gives feedback in time; Ivan does not.
    clock.set('2026-12-02T11:00:00Z');
    await submitFeedback(deps(), org, panel.id, { recommendation: 'yes' }, { memberId: s.manager.id });
    expect(
      (await internal()).filter((r) => r.kind === 'feedback_due').map((r) => [r.owner_id, r.status]),
    ).toEqual(
      expect.arrayContaining([
        [s.manager.id, 'done'],
        [ivan.id, 'open'],
      ]),
    );

    // At the due time Ivan is reminded …
    clock.set('2026-12-02T17:00:00Z');
    expect(await sweep()).toMatchObject({ reminders: 1, escalations: 0 });
    expect((await mail('reminder')).map((m) => m.to_address)).toEqual([ivan.email]);
    expect((await mail('reminder'))[0]!.body_text).toContain('A scorecard is owed');
    // … and a business day later the hiring manager is told, not the admins.
    clock.set('2026-12-03T17:00:00Z');
    expect(await sweep()).toMatchObject({ escalations: 1 });
    expect((await mail('escalation')).map((m) => m.to_address)).toEqual([s.manager.email]);
    expect((await mail('escalation'))[0]!.body_text).toContain('after reminders to Ivan Interviewer');

    // Ivan's feedback comes in late: his scorecard is done, nothing more goes.
    await submitFeedback(deps(), org, panel.id, { recommendation: 'no' }, { memberId: ivan.id });

    // The decide-by passes without a decision: the hiring manager is reminded, then the admins hear.
    clock.set('2026-12-04T17:00:00Z');
    expect(await sweep()).toMatchObject({ reminders: 1 });
    expect((await mail('reminder')).at(-1)!.to_address).toBe(s.manager.email);
    expect((await mail('reminder')).at(-1)!.body_text).toContain('A decision is owed (decide-by)');
    clock.set('2026-12-07T17:00:00Z');
    expect(await sweep()).toMatchObject({ escalations: 1 });
    expect((await mail('escalation')).at(-1)!.to_address).toBe(s.admin.email);

    // A hold is still deciding; a rejection settles the decide-by.
    await recordDecision(deps(), org, s.application.id, { outcome: 'hold' }, { memberId: s.manager.id });
    expect((await internal()).find((r) => r.kind === 'decision_due')!.status).toBe('open');
    await recordDecision(
      deps(),
      org,
      s.application.id,
      { outcome: 'reject', reasons: ['Less depth in enterprise sales'] },
      { memberId: s.manager.id },
    );
    expect((await internal()).map((r) => [r.kind, r.status])).toEqual([
      ['decision_due', 'done'],
      ['feedback_due', 'done'],
      ['feedback_due', 'done'],
    ]);
    expect(await sweep()).toMatchObject({ examined: 0 });
  });

  it('closing the job cancels what is still owed inside the team', async () => {
    clock.set('2026-12-01T15:00:00Z');
    const s = await buildInterviewScenario(deps(), { policy: ON });
    const org = s.organization.id;
    await closeInterview(deps(), org, s.interview.id, { statement: 'by Monday' });
    await closeJob(deps(), org, s.job.id, { status: 'closed' }, { memberId: s.recruiter.id });
    const rows = await db.query<Row>(
      `SELECT kind, status, cancel_reason FROM follow_ups WHERE org_id = $1 AND owed_to = 'team' ORDER BY kind`,
      [org],
    );
    expect(rows).toEqual([
      expect.objectContaining({
        kind: 'decision_due',
        status: 'cancelled',
        cancel_reason: 'the job is closed',
      }),
      expect.objectContaining({
        kind: 'feedback_due',
        status: 'cancelled',
        cancel_reason: 'the job is closed',
      }),
    ]);
  });

  it('opens nothing inside the team when the policy turns the times off (null)', async () => {
    clock.set('2026-12-01T15:00:00Z');
    const s = await buildInterviewScenario(deps(), {
      policy: { feedbackDueBusinessDays: null, decideByBusinessDaysBefore: null },
    });
    await closeInterview(deps(), s.organization.id, s.interview.id, { statement: 'by Monday' });
    const rows = await db.query(`SELECT id FROM follow_ups WHERE org_id = $1 AND owed_to = 'team'`, [
      s.organization.id,
    ]);
    expect(rows).toEqual([]);
  });
});
