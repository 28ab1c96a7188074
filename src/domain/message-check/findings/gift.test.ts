import { describe, expect, it } from 'vitest';
import { buildContext } from '../context.ts';
import { findGifts } from './gift.ts';

// Gifts need a giving context.
describe('findGifts', () => {
  it.each([
    ["I've sent a box of chocolates to the office as a small thank-you!", 'chocolates'],
    ['I hope the team enjoys the flowers I sent over.', 'flowers'],
    ["Coffee's on me next time you're in town.", "Coffee's on me"],
    ["I'd like to send you a $50 Amazon gift card.", 'gift card'],
    ['A bottle of wine is on its way to the office.', 'bottle of wine'],
    ["I'm dropping off some cupcakes for the team tomorrow.", 'some cupcakes'],
    ["I've left some brownies at reception for the team.", 'some brownies'],
  ])('%j → a finding on %j', (text, excerpt) => {
    const found = findGifts(buildContext('thank_you', text));
    expect(found.map((f) => f.excerpt)).toContain(excerpt);
    for (const f of found) {
      expect(text.slice(f.start, f.end).replace(/\s+/g, ' ')).toBe(f.excerpt);
      expect(f.suggestion).toMatch(/\w/);
    }
  });

  it.each([
    'Thank you for showing me your flower-delivery app.',
    'I loved the cake analogy you used for layered caching.',
    "I've attached the sample analysis I mentioned.",
  ])('nothing in %j', (text) => {
    expect(findGifts(buildContext('thank_you', text))).toEqual([]);
  });
});
