import { describe, expect, it } from 'vitest';
import { moveStage, stageListProblem } from './stages.ts';

describe('stageListProblem', () => {
  it.each([
    [['applied', 'screen', 'offer'], null],
    [[], { rows: [], message: 'A job needs at least one stage.' }],
    [['applied', ' ', 'offer'], { rows: [1], message: 'Name each stage, or remove the empty one.' }],
    [['applied', 'x'.repeat(61)], { rows: [1], message: 'A stage name has at most 60 characters.' }],
    [
      ['applied', 'Screen', 'screen ', 'offer'],
      { rows: [2], message: 'Each stage once: screen is already in the list.' },
    ],
  ])('%j → %j', (names, problem) => {
    expect(stageListProblem(names)).toEqual(problem);
  });

  it('refuses more than 20 stages', () => {
    const names = Array.from({ length: 21 }, (_, i) => `stage ${i}`);
    expect(stageListProblem(names)?.message).toBe('A job has at most 20 stages.');
    expect(stageListProblem(names.slice(0, 20))).toBeNull();
  });
});

describe('moveStage', () => {
  it('moves one entry and keeps the others in order', () => {
    expect(moveStage(['a', 'b', 'c', 'd'], 2, 1)).toEqual(['a', 'c', 'b', 'd']);
    expect(moveStage(['a', 'b', 'c', 'd'], 0, 3)).toEqual(['b', 'c', 'd', 'a']);
    expect(moveStage(['a'], 0, 0)).toEqual(['a']);
  });
});
