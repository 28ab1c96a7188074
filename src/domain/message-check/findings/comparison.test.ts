import { describe, expect, it } from 'vitest';
import { buildContext } from '../context.ts';
import { findComparisons } from './comparison.ts';

// Naming, identifying or ranking people is flagged; what another application showed on a specific point is a reason (seed 002).
describe('findComparisons', () => {
  it.each([
    ['The other candidates were simply stronger than you.', 'than you'],
    ['We hired Rebecca, who outperformed you in every round.', 'outperformed you'],
    ['You were our second choice.', 'our second choice'],
    ['Compared to the other finalists, your case study was weaker.', 'Compared to the other'],
    [
      'The successful candidate had already worked at two competitors.',
      'The successful candidate had already',
    ],
    ['Another candidate had more experience.', 'Another candidate had'],
    ['We had stronger candidates who ranked higher.', 'ranked higher'],
  ])('%j → a finding on %j', (text, excerpt) => {
    const found = findComparisons(buildContext('rejection', text));
    expect(found.map((f) => f.excerpt)).toContain(excerpt);
    for (const f of found) {
      expect(text.slice(f.start, f.end).replace(/\s+/g, ' ')).toBe(f.excerpt);
      expect(f.suggestion).toMatch(/\w/);
    }
  });

  it.each([
    'Another candidate had more concrete examples of running A/B tests end to end.',
    'Another applicant had set up a support on-call rota and escalation process at a company our size.',
    'We chose someone else.',
    'It took longer than you expected, sorry.',
    'The successful candidate will start in May.',
  ])('nothing in %j', (text) => {
    expect(findComparisons(buildContext('rejection', text))).toEqual([]);
  });
});
