import { describe, expect, it } from 'vitest';
import { buildContext } from '../context.ts';
import { findProtectedCharacteristics } from './protected-characteristic.ts';

// Protected characteristics, named or implied (proxies), each with its span and one suggestion.
describe('findProtectedCharacteristics', () => {
  it.each([
    ["We've decided to go with someone younger.", 'someone younger'],
    ['We felt a more junior profile would suit the team.', 'a more junior profile'],
    ['We want a digital native.', 'digital native'],
    ['You seemed overqualified.', 'overqualified'],
    ["Since you're close to retirement, we hired for the long term.", 'close to retirement'],
    ['The team is mostly in their twenties.', 'in their twenties'],
    ['You might be set in your ways.', 'set in your ways'],
    ['With your wedding in June and the honeymoon after, the timing is hard.', 'your wedding'],
    ['You mentioned you just got engaged.', 'got engaged'],
    ["Your husband's job may move you.", 'husband'],
    ["You're planning to start a family next year.", 'planning to start a family'],
    ['With two young children at home, travel is hard.', 'young children'],
    ['We want a man in this role.', 'a man in this role'],
    ['Your accent may be hard for clients.', 'Your accent'],
    ["Someone who's just moved to the country would struggle.", 'just moved to the country'],
    ['Friday prayers would clash with standups.', 'prayers'],
    ['Given your recent surgery, the job is too physical.', 'your recent surgery'],
    ['We noticed you use a walking stick.', 'walking stick'],
    ['Your sexual orientation is irrelevant.', 'sexual orientation'],
  ])('%j → a finding on %j', (text, excerpt) => {
    const found = findProtectedCharacteristics(buildContext('rejection', text));
    expect(found.map((f) => f.excerpt)).toContain(excerpt);
    for (const f of found) {
      expect(text.slice(f.start, f.end).replace(/\s+/g, ' ')).toBe(f.excerpt);
      expect(f.suggestion).toMatch(/\w/);
    }
  });

  it.each([
    'You will manage a team of five.',
    'The role requires a Level 3 childcare qualification.',
    'You were very engaged in the discussion.',
    'Christian will call you on Friday.',
    'The product is a marriage of design and code.',
    'We acted in good faith.',
    'You found the race condition quickly.',
    'Our cloud-native platform runs on Kubernetes.',
  ])('nothing in %j', (text) => {
    expect(findProtectedCharacteristics(buildContext('rejection', text))).toEqual([]);
  });
});
