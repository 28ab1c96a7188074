import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { columnsOf, daysInStage, pipelineStages } from './pipeline.ts';

const JOB = ['applied', 'screen', 'interview', 'final', 'offer'];

describe('pipelineStages', () => {
  it.each([
    [JOB, [], JOB],
    [JOB, ['interview', 'applied', 'interview'], JOB],
    [JOB, ['offer', 'Zeta round', 'screen', 'Alpha round'], [...JOB, 'Alpha round', 'Zeta round']],
    [
      ['phone', 'onsite'],
      ['onsite', 'applied'],
      ['phone', 'onsite', 'applied'],
    ],
  ])('job %j with %j in use → %j', (jobStages, inUse, columns) => {
    expect(pipelineStages(jobStages, inUse)).toEqual(columns);
  });
});

describe('columnsOf', () => {
  it('puts every card in exactly one column, in its own stage, after the job’s stages', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ stage: fc.constantFrom('applied', 'onsite', 'x', 'offer', '') })),
        (cards) => {
          const columns = columnsOf(JOB, cards);
          expect(columns.slice(0, JOB.length).map((c) => c.stage)).toEqual(JOB);
          expect(columns.flatMap((c) => c.cards)).toHaveLength(cards.length);
          for (const c of columns) for (const card of c.cards) expect(card.stage).toBe(c.stage);
        },
      ),
    );
  });
});

describe('daysInStage', () => {
  it('counts whole days, never negative', () => {
    const since = new Date('2026-12-01T15:00:00Z');
    expect(daysInStage(since, new Date('2026-12-01T20:00:00Z'))).toBe(0);
    expect(daysInStage(since, new Date('2026-12-04T15:00:00Z'))).toBe(3);
    expect(daysInStage(since, new Date('2026-11-30T15:00:00Z'))).toBe(0);
  });
});
