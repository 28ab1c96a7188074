import { describe, expect, it } from 'vitest';
import { buildContext } from '../context.ts';
import { findFriendRequests } from './friend-request.ts';

// Social-media requests; mentioning a public post is not one.
describe('findFriendRequests', () => {
  it.each([
    ["I've sent you a friend request on Facebook.", 'sent you a friend request'],
    ['Add me on Instagram — my handle is @dev.codes!', 'Add me on Instagram'],
    ["Let's connect on LinkedIn!", "Let's connect on LinkedIn"],
    ['I also followed you on Instagram.', 'followed you on Instagram'],
    ['I just sent you a follow request on Instagram!', 'sent you a follow request'],
  ])('%j → a finding on %j', (text, excerpt) => {
    const found = findFriendRequests(buildContext('thank_you', text));
    expect(found.map((f) => f.excerpt)).toContain(excerpt);
    for (const f of found) {
      expect(text.slice(f.start, f.end).replace(/\s+/g, ' ')).toBe(f.excerpt);
      expect(f.suggestion).toMatch(/\w/);
    }
  });

  it.each(['I read your LinkedIn article on pricing and enjoyed it.', 'Thank you for the interview.'])(
    'nothing in %j',
    (text) => {
      expect(findFriendRequests(buildContext('thank_you', text))).toEqual([]);
    },
  );
});
