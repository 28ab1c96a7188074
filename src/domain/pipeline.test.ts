import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { columnsOf, daysInStage, pipelineStages } from './pipeline.ts';

describe('pipelineStages', () => {
  it.each([
    [[], ['applied']],
    [
      ['onsite', 'applied', 'onsite'],
      ['applied', 'onsite'],
    ],
    [
      ['offer', 'Zeta round', 'screen', 'Alpha round'],
      ['screen', 'offer', 'Alpha round', 'Zeta round'],
    ],
  ])('%j → %j', (inUse, columns) => {
    expect(pipelineStages(inUse)).toEqual(columns);
  });
});

describe('columnsOf', () => {
  it('puts every card in exactly one column, in its own stage', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ stage: fc.constantFrom('applied', 'onsite', 'x', 'offer', '') })),
        (cards) => {
          const columns = columnsOf(cards);
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
