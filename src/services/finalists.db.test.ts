import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildCandidate, buildInterviewScenario } from '../../test/support/factories.ts';
import { changeApplication, createApplication } from './application.service.ts';
import { recordDecision } from './decision.service.ts';
import { changeJob } from './job.service.ts';
import { closeJob } from './close-job.service.ts';
import { sweepOwnedFollowUps } from './owned-sweep.service.ts';

const identity = { from: { name: 'Hearback', address: 'hb@example.test' }, domain: 'example.test' };

describe.each(backends)('finalists and backfill on %s', (backend) => {
  let db: Db;
  // Tuesday 1 December 2026, 10:00 in London (the default policy's zone is UTC).
  const clock = new ManualClock('2026-12-01T10:00:00Z');
  const deps = () => ({ db, clock, identity, publicUrl: 'https://hire.example.test' });

  beforeAll(async () => {
    db = await openTestDb(backend);
  });
  afterAll(async () => {
    await db.close();
  });

  /** A job with two finalists (its target) and one candidate in an earlier stage. */
  async function jobWithFinalists() {
    const s = await buildInterviewScenario(deps());
    const org = s.organization.id;
    const finalist = (name: string) =>
      buildCandidate(deps(), org, { name }).then((c) =>
        createApplication(deps(), org, {
          jobId: s.job.id,
          candidateId: c.id,
          stage: 'Final',
          finalStage: true,
        }),
      );
    const first = await finalist('Fay Finalist');
    const second = await finalist('Sam Second');
    clock.advance(60_000); // Eli applied after the scenario's candidate
    const earlier = await createApplication(deps(), org, {
      jobId: s.job.id,
      candidateId: (await buildCandidate(deps(), org, { name: 'Eli Earlier' })).id,
      stage: 'Phone screen',
    });
    const backfills = () =>
      db.query<{ id: string; status: string; owner_id: string; due_at: Date; cancel_reason: string | null }>(
        `SELECT f.id, f.status, f.owner_id, f.due_at, f.cancel_reason FROM follow_ups f
          WHERE f.org_id = $1 AND f.kind = 'backfill' ORDER BY f.created_at, f.id`,
        [org],
      );
    return { ...s, org, first, second, earlier, backfills };
  }

  it('a finalist turned down under the target opens a backfill for the recruiter, naming who is earlier', async () => {
    clock.set('2026-12-01T10:00:00Z');
    const j = await jobWithFinalists();
    await recordDecision(
      deps(),
      j.org,
      j.first.id,
      { outcome: 'reject', reasons: ['Less depth in enterprise sales'] },
      { memberId: j.manager.id },
    );
    const [backfill] = await j.backfills();
    expect(backfill).toMatchObject({ status: 'open', owner_id: j.recruiter.id });
    // Due at the close of the next business day.
    expect(backfill!.due_at.toISOString()).toBe('2026-12-02T17:00:00.000Z');
    const [event] = await db.query<{ data: { finalists: number; target: number; earlier: unknown[] } }>(
      `SELECT data FROM events WHERE org_id = $1 AND type = 'backfill_needed'`,
      [j.org],
    );
    expect(event!.data).toMatchObject({
      finalists: 1,
      target: 2,
      leftAs: 'rejected',
      // The scenario's own candidate (first stage) and Eli, oldest first.
      earlier: [
        expect.objectContaining({ applicationId: j.application.id, candidateName: 'Casey Candidate' }),
        { applicationId: j.earlier.id, candidateName: 'Eli Earlier', stage: 'Phone screen' },
      ],
    });

    // Unanswered, it reminds the recruiter at the due time, naming the finalist who left and the job.
    clock.set('2026-12-02T17:00:00Z');
    expect(await sweepOwnedFollowUps(deps(), { batchSize: 50, onlyOrgId: j.org })).toMatchObject({
      reminders: 1,
    });
    const [reminder] = await db.query<{ to_address: string; body_text: string }>(
      `SELECT to_address, body_text FROM messages WHERE org_id = $1 AND kind = 'reminder'`,
      [j.org],
    );
    expect(reminder!.to_address).toBe(j.recruiter.email);
    expect(reminder!.body_text).toContain('Fay Finalist — Account Executive');
    expect(reminder!.body_text).toContain('finalist target');

    // The earlier candidate moves into the final stage: back at the target, the backfill is settled.
    await changeApplication(deps(), j.org, j.earlier.id, { stage: 'Final', finalStage: true });
    expect(await j.backfills()).toEqual([
      expect.objectContaining({ status: 'cancelled', cancel_reason: '2 finalists again' }),
    ]);
  });

  it('a withdrawal opens one backfill (not two), a hire opens none, and closing the job settles it', async () => {
    clock.set('2026-12-01T10:00:00Z');
    const j = await jobWithFinalists();
    // A hire is not a loss.
    await changeApplication(deps(), j.org, j.second.id, { status: 'hired' });
    expect(await j.backfills()).toEqual([]);
    await changeApplication(deps(), j.org, j.first.id, { status: 'withdrawn' });
    expect(await j.backfills()).toEqual([expect.objectContaining({ status: 'open' })]);
    // Another loss while one is open: still one.
    await changeApplication(deps(), j.org, j.earlier.id, { finalStage: true });
    await changeApplication(deps(), j.org, j.earlier.id, { status: 'withdrawn' });
    expect(await j.backfills()).toHaveLength(1);

    await closeJob(deps(), j.org, j.job.id, { status: 'closed' }, { memberId: j.recruiter.id });
    expect(await j.backfills()).toEqual([
      expect.objectContaining({ status: 'cancelled', cancel_reason: 'the job is closed' }),
    ]);
  });

  it('a job that tracks no finalists (target 0) owes no backfill; raising the target again does not invent one', async () => {
    clock.set('2026-12-01T10:00:00Z');
    const j = await jobWithFinalists();
    await changeJob(deps(), j.org, j.job.id, { policyOverrides: { finalistTarget: 0 } });
    await recordDecision(
      deps(),
      j.org,
      j.first.id,
      { outcome: 'reject', reasons: ['Less depth in enterprise sales'] },
      { memberId: j.manager.id },
    );
    expect(await j.backfills()).toEqual([]);
    await changeJob(deps(), j.org, j.job.id, { policyOverrides: { finalistTarget: 3 } });
    expect(await j.backfills()).toEqual([]);
  });
});
