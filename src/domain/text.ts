/**
 * What text Hearback stores: Unicode without control characters. PostgreSQL refuses NUL in text
 * and jsonb and unpaired surrogates in jsonb, and control characters in names, subjects or
 * headers are never meant (a CR/LF in a subject is a header injection waiting to happen), so
 * they are refused at the edge with a 400 instead of failing deep inside with a 500.
 *
 * Pure: no I/O.
 */

// C0 controls except tab, LF and CR; DEL; C1 controls.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_IN_PROSE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// Every control character, and the Unicode line and paragraph separators.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_IN_LINE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a text cannot be stored, or null when it can. */
export type TextProblem = 'control_character' | 'unpaired_surrogate';

/**
 * Check a text: `line` for one-line values (names, titles, subjects: no control character at
 * all), `prose` for multi-line values (tab, LF and CR allowed).
 */
export function textProblem(value: string, kind: 'line' | 'prose'): TextProblem | null {
  if ((kind === 'line' ? CONTROL_IN_LINE : CONTROL_IN_PROSE).test(value)) return 'control_character';
  if (LONE_SURROGATE.test(value)) return 'unpaired_surrogate';
  return null;
}

/** The message for a text problem, for people. */
export const TEXT_PROBLEM_MESSAGES: Record<TextProblem, Record<'line' | 'prose', string>> = {
  control_character: {
    line: 'must not contain control characters or line breaks',
    prose: 'must not contain control characters (tab and line breaks are fine)',
  },
  unpaired_surrogate: {
    line: 'must be valid Unicode (it has an unpaired UTF-16 surrogate)',
    prose: 'must be valid Unicode (it has an unpaired UTF-16 surrogate)',
  },
};
