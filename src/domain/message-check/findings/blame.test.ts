import { describe, expect, it } from 'vitest';
import { buildContext } from '../context.ts';
import { findBlame } from './blame.ts';

// Blame or talking down.
describe('findBlame', () => {
  it.each([
    ["You clearly didn't prepare for the SQL round.", "You clearly didn't"],
    ['No offence, but you were out of your depth.', 'No offence'],
    ['Frankly, the interview was painful to watch.', 'Frankly'],
    ['You need to learn to listen.', 'You need to learn'],
    ['We were surprised you even applied.', 'surprised you even applied'],
  ])('%j → a finding on %j', (text, excerpt) => {
    const found = findBlame(buildContext('feedback', text));
    expect(found.map((f) => f.excerpt)).toContain(excerpt);
    for (const f of found) {
      expect(text.slice(f.start, f.end).replace(/\s+/g, ' ')).toBe(f.excerpt);
      expect(f.suggestion).toMatch(/\w/);
    }
  });

  it.each(['The tests did not cover the retry path.', 'I know this is disappointing news.'])(
    'nothing in %j',
    (text) => {
      expect(findBlame(buildContext('feedback', text))).toEqual([]);
    },
  );
});
