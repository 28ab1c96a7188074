import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callSummaryParagraph, withCallSummary, withoutCallSummary } from './call-script.ts';

describe('the written note after a call', () => {
  it.each([
    [
      'Hi Casey,\n\nThank you.\n\nRiley',
      'Told her why.',
      'Hi Casey,\n\nThank you.\n\nRiley\n\nFrom our call: Told her why.',
    ],
    [
      'Body with trailing space  \n\n',
      '  padded summary  ',
      'Body with trailing space\n\nFrom our call: padded summary',
    ],
  ])('ends %j with what was said', (body, summary, expected) => {
    expect(withCallSummary(body, summary)).toBe(expected);
    expect(callSummaryParagraph(summary)).toBe(`From our call: ${summary.trim()}`);
  });

  it('takes the paragraph out again, and leaves a note without it as it is', () => {
    expect(withoutCallSummary('Hi\n\nFrom our call: Told her.', 'Told her.')).toBe('Hi');
    expect(withoutCallSummary('Hi, edited since.', 'Told her.')).toBe('Hi, edited since.');
  });

  it('undoes what it added, for any note that does not end in spaces', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), (body, summary) => {
        const trimmed = body.trimEnd();
        expect(withoutCallSummary(withCallSummary(trimmed, summary), summary)).toBe(trimmed);
      }),
    );
  });
});
