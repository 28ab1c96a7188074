import { describe, expect, it } from 'vitest';
import { backfillStep, isFinalist } from './finalists.ts';

describe('finalists and backfill', () => {
  it('counts as a finalist only someone in the final stage and still in the running', () => {
    expect(isFinalist({ finalStage: true, status: 'active' })).toBe(true);
    expect(isFinalist({ finalStage: true, status: 'offered' })).toBe(true);
    expect(isFinalist({ finalStage: true, status: 'rejected' })).toBe(false);
    expect(isFinalist({ finalStage: true, status: 'withdrawn' })).toBe(false);
    expect(isFinalist({ finalStage: false, status: 'active' })).toBe(false);
  });

  it.each([
    // A finalist turned down or withdrawing under the target: backfill.
    [{ jobOpen: true, target: 2, finalists: 1, leftAs: 'rejected' }, 'open'],
    [{ jobOpen: true, target: 3, finalists: 2, leftAs: 'withdrawn' }, 'open'],
    // Hired is not a loss: the job is being filled.
    [{ jobOpen: true, target: 2, finalists: 1, leftAs: 'hired' }, 'none'],
    // Still at the target after the loss: nothing owed (and any open backfill is settled).
    [{ jobOpen: true, target: 2, finalists: 2, leftAs: 'rejected' }, 'settle'],
    // Under the target but nobody left in this change (e.g. a stage edit elsewhere): nothing new.
    [{ jobOpen: true, target: 2, finalists: 1, leftAs: null }, 'none'],
    // A closed job, or a job that does not track finalists, owes no backfill.
    [{ jobOpen: false, target: 2, finalists: 0, leftAs: 'rejected' }, 'settle'],
    [{ jobOpen: true, target: 0, finalists: 0, leftAs: 'rejected' }, 'settle'],
  ] as const)('%j → %s', (input, step) => {
    expect(backfillStep(input)).toBe(step);
  });
});
