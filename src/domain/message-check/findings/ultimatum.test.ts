import { describe, expect, it } from 'vitest';
import { buildContext } from '../context.ts';
import { findUltimatums } from './ultimatum.ts';

// Threats and demands are pressure; a polite mention of another offer and its deadline is information.
describe('findUltimatums', () => {
  it.each([
    ["I need an answer by tomorrow, otherwise I'll accept another offer.", 'I need an answer by'],
    ["If I don't hear back by Friday I'll take the other offer.", "If I don't hear back by Friday I'll take"],
    ['I expect a decision by Friday.', 'I expect a decision'],
    ['This is unacceptable. Please respond ASAP.', 'This is unacceptable'],
    ['I demand an answer by tomorrow.', 'I demand'],
  ])('%j → a finding on %j', (text, excerpt) => {
    const found = findUltimatums(buildContext('thank_you', text));
    expect(found.map((f) => f.excerpt)).toContain(excerpt);
    for (const f of found) {
      expect(text.slice(f.start, f.end).replace(/\s+/g, ' ')).toBe(f.excerpt);
      expect(f.suggestion).toMatch(/\w/);
    }
  });

  it.each([
    "I've received another offer that I need to answer by Friday; your team remains my first choice, so I'd be grateful to know where things stand before then, if possible.",
    "I have an offer elsewhere with a deadline of next Wednesday, but I'd much prefer to join your team. Is there any update you can share?",
    "Just so you know, I have a second interview elsewhere next week, and I'd love to hear from you first if you can.",
  ])('nothing in %j', (text) => {
    expect(findUltimatums(buildContext('thank_you', text))).toEqual([]);
  });
});
