import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textProblem } from './text.ts';

describe('textProblem', () => {
  it.each([
    ['Ada Lovelace', 'line', null],
    ['Zoë 🙂 日本', 'line', null],
    ['two\nlines', 'line', 'control_character'],
    ['two\nlines\tand a tab\r\n', 'prose', null],
    ['nul \u0000 inside', 'prose', 'control_character'],
    ['bell \u0007', 'prose', 'control_character'],
    ['c1 \u0085', 'prose', 'control_character'],
    ['line separator \u2028', 'line', 'control_character'],
    ['lone high \uD800 x', 'prose', 'unpaired_surrogate'],
    ['lone low \uDC00', 'line', 'unpaired_surrogate'],
    ['pair \uD83D\uDE42', 'line', null],
  ] as const)('%j as %s → %s', (value, kind, expected) => {
    expect(textProblem(value, kind)).toBe(expected);
  });

  it('accepts every well-formed string without control characters, and PostgreSQL-safe means JSON round-trips', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        // eslint-disable-next-line no-control-regex -- matching control characters is the point
        const clean = s.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g, '');
        expect(textProblem(clean, 'line')).toBeNull();
        expect(JSON.parse(JSON.stringify(clean))).toBe(clean);
      }),
    );
  });

  it('finds every unpaired surrogate', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        // Well-formed UTF-16 survives a round trip through UTF-8; a lone surrogate becomes U+FFFD.
        const wellFormed = new TextDecoder().decode(new TextEncoder().encode(s)) === s;
        // eslint-disable-next-line no-control-regex -- matching control characters is the point
        const controls = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/.test(s);
        expect(textProblem(s, 'prose') === null).toBe(wellFormed && !controls);
      }),
    );
  });
});
