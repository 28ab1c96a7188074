import { describe, expect, it } from 'vitest';
import { buildContext } from '../context.ts';
import { findUnkeepablePromises } from './unkeepable-promise.ts';

// Promises the team cannot be sure to keep.
describe('findUnkeepablePromises', () => {
  it.each([
    ["We'll definitely find you a role here in the future.", 'll definitely find'],
    ["You'll be first in line when something opens up.", 'first in line'],
    ['I promise we will call you the moment a suitable position comes up.', 'I promise'],
    ["It's just a matter of time before we have the right role for you.", "It's just a matter of time"],
  ])('%j → a finding on %j', (text, excerpt) => {
    const found = findUnkeepablePromises(buildContext('rejection', text));
    expect(found.map((f) => f.excerpt)).toContain(excerpt);
    for (const f of found) {
      expect(text.slice(f.start, f.end).replace(/\s+/g, ' ')).toBe(f.excerpt);
      expect(f.suggestion).toMatch(/\w/);
    }
  });

  it.each([
    'We will keep your details for 12 months and email you about similar roles.',
    'You will hear from us by Friday.',
  ])('nothing in %j', (text) => {
    expect(findUnkeepablePromises(buildContext('rejection', text))).toEqual([]);
  });
});
