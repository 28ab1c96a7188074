import { describe, expect, it } from 'vitest';
import { dueWords as serverDueWords } from '../../src/domain/due-words.ts';
import { dueWords } from './format.ts';

describe('dueWords in the web app', () => {
  const now = Date.parse('2026-11-30T15:00:00Z');
  const MIN = 60_000;
  it.each([
    [30_000, 'due now'],
    [-30_000, 'due now'],
    [45 * MIN, 'due in 45 minutes'],
    [3 * 60 * MIN, 'due in 3 hours'],
    [26 * 60 * MIN, 'due in 26 hours'],
    [3 * 24 * 60 * MIN + 5 * MIN, 'due in 3 days'],
    [-90 * MIN, '1 hour late'],
    [-24 * 60 * MIN, '24 hours late'],
    [-2 * 24 * 60 * MIN, '2 days late'],
    [-1 * MIN, '1 minute late'],
  ])('%d ms away reads "%s", as the API words it', (offset, words) => {
    const due = new Date(now + offset);
    expect(dueWords(due.toISOString(), now)).toBe(words);
    // One rule on both sides: a screen never words a time differently from the API.
    expect(serverDueWords(due, new Date(now))).toBe(words);
  });
});
