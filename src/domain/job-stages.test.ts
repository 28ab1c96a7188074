import { describe, expect, it } from 'vitest';
import { duplicateStages } from './job-stages.ts';

describe('duplicateStages', () => {
  it.each([
    [['applied', 'screen', 'offer'], []],
    [['applied', 'Screen', 'screen'], [{ index: 2, stage: 'screen' }]],
    [
      ['applied', ' offer', 'offer ', 'applied', 'OFFER'],
      [
        { index: 2, stage: 'offer' },
        { index: 3, stage: 'applied' },
        { index: 4, stage: 'OFFER' },
      ],
    ],
    [[], []],
  ])('%j → %j', (stages, repeated) => {
    expect(duplicateStages(stages)).toEqual(repeated);
  });
});
