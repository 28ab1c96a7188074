import { describe, expect, it } from 'vitest';
import { buildContext } from '../context.ts';
import { findPlaceholders } from './placeholder.ts';

// Unfilled placeholders of any form.
describe('findPlaceholders', () => {
  it.each([
    ['Hi [Candidate Name],', '[Candidate Name]'],
    ['[Describe the specific reason here]', '[Describe the specific reason here]'],
    ['Hi {{first_name}},', '{{first_name}}'],
    ['Dear <NAME>,', '<NAME>'],
    ['Your start date is XXX.', 'XXX'],
    ['Reason: TBD.', 'TBD'],
    ['Lorem ipsum dolor sit amet.', 'Lorem ipsum dolor sit amet'],
    ['{% signature %}', '{% signature %}'],
  ])('%j → a finding on %j', (text, excerpt) => {
    const found = findPlaceholders(buildContext('rejection', text));
    expect(found.map((f) => f.excerpt)).toContain(excerpt);
    for (const f of found) {
      expect(text.slice(f.start, f.end).replace(/\s+/g, ' ')).toBe(f.excerpt);
      expect(f.suggestion).toMatch(/\w/);
    }
  });

  it.each([
    'He said it wasnt [sic] ready.',
    'See footnote [1].',
    'Visit [our Careers page](https://example.com/careers).',
    'Text in <b>bold</b>.',
  ])('nothing in %j', (text) => {
    expect(findPlaceholders(buildContext('rejection', text))).toEqual([]);
  });
});
