import { describe, expect, it } from 'vitest';
import { buildContext } from '../context.ts';
import { findVagueReasons } from './vague-reason.ts';

// Vague reasons, one finding per clause; a wish ("a role that's a great match") is not a reason,
// and beside a protected characteristic the characteristic is the finding.
describe('findVagueReasons', () => {
  it.each([
    ["We've decided to go in a different direction.", 'a different direction'],
    ["You weren't quite the right fit for the team.", "weren't quite the right fit"],
    ['It was not a culture fit.', 'culture fit'],
    [
      "Other candidates' experience more closely matches our current needs.",
      'more closely matches our current needs',
    ],
    ['We had many strong applicants.', 'many strong applicants'],
    ["We've decided to pursue candidates who better align with our priorities.", 'better align'],
  ])('%j → a finding on %j', (text, excerpt) => {
    const found = findVagueReasons(buildContext('rejection', text), false);
    expect(found.map((f) => f.excerpt)).toContain(excerpt);
    for (const f of found) expect(f.severity).toBe('warning');
  });

  it('is only info when a specific reason was also given', () => {
    const found = findVagueReasons(buildContext('rejection', 'Overall, a closer match.'), true);
    expect(found.map((f) => f.severity)).toEqual(['info']);
  });

  it.each([
    'The role needs SQL window functions.',
    "We hope you find a role that's a great match for your skills.",
    'We felt a male candidate would be a better match for the client.',
  ])('nothing in %j', (text) => {
    expect(findVagueReasons(buildContext('rejection', text), false)).toEqual([]);
  });
});
