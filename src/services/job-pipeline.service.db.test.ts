import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildCandidate, buildInterviewScenario } from '../../test/support/factories.ts';
import { changeApplication, createApplication } from './application.service.ts';
import { closeInterview } from './interview.service.ts';
import { getJobPipeline } from './job-pipeline.service.ts';
import { changeJob } from './job.service.ts';

const DAY = 86_400_000;

describe.each(backends)('a job pipeline on %s', (backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(backend);
  });
  afterAll(async () => {
    await db.close();
  });

  it('shows each application in its stage with days there and its next follow-up, overdue marked', async () => {
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const deps = { db, clock };
    const s = await buildInterviewScenario(deps);
    const org = s.organization.id;
    const other = await buildCandidate(deps, org, { name: 'Omar Onsite' });
    const moved = await createApplication(deps, org, { jobId: s.job.id, candidateId: other.id });
    await closeInterview(deps, org, s.interview.id, { statement: 'within 2 business days' });
    clock.advance(DAY);
    await changeApplication(deps, org, moved.id, { stage: 'onsite' });
    clock.advance(3 * DAY); // the outcome promised in two business days is now late

    const board = await getJobPipeline(deps, org, s.job.id);
    // The job's stages in its order, empty ones too, then a stage not on its list.
    expect(board.columns.map((c) => c.stage)).toEqual([
      'applied',
      'screen',
      'interview',
      'final',
      'offer',
      'onsite',
    ]);
    expect(board.columns.slice(1, 5).every((c) => c.cards.length === 0)).toBe(true);
    const applied = board.columns[0];
    const onsite = board.columns[5];
    expect(applied!.cards).toHaveLength(1);
    expect(applied!.cards[0]).toMatchObject({
      applicationId: s.application.id,
      daysInStage: 4,
      candidate: { id: s.candidate.id },
    });
    // The interview's scorecard is due first; either way the soonest owed is shown, and it is late.
    expect(applied!.cards[0]!.followUp).toMatchObject({ overdue: true });
    expect(applied!.cards[0]!.followUp!.dueWords).toMatch(/late/);
    expect(onsite!.cards).toEqual([
      expect.objectContaining({
        applicationId: moved.id,
        daysInStage: 3,
        followUp: null,
        candidate: expect.objectContaining({ name: 'Omar Onsite' }),
      }),
    ]);

    // With onsite on the job's list, its column moves into the job's order.
    await changeJob(deps, org, s.job.id, { stages: ['applied', 'onsite', 'offer'] });
    const reordered = await getJobPipeline(deps, org, s.job.id);
    expect(reordered.columns.map((c) => [c.stage, c.cards.length])).toEqual([
      ['applied', 1],
      ['onsite', 1],
      ['offer', 0],
    ]);

    // Another organization's job is not found.
    const theirs = await buildInterviewScenario(deps);
    await expect(getJobPipeline(deps, theirs.organization.id, s.job.id)).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
