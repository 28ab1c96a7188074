import { describe, expect, it } from 'vitest';
import { buildContext } from '../context.ts';
import type { CheckKind } from '../types.ts';
import { findLength } from './length.ts';

// Length out of range: too long (a warning; for candidate notes an error at the policy's cap),
// a long rejection (info), too short to carry its parts.
describe('findLength', () => {
  it.each<[CheckKind, number, number | undefined, string | null]>([
    ['rejection', 14, undefined, 'too_short'],
    ['rejection', 15, undefined, null],
    ['rejection', 251, undefined, 'too_long'],
    ['update', 401, undefined, 'too_long'],
    ['thank_you', 251, undefined, 'too_long'],
    ['thank_you', 60, 50, 'too_long'],
    ['feedback', 10, undefined, 'too_short'],
    ['advance', 3, undefined, null],
  ])('%s of %i words (max %s) → %s', (kind, words, maxWords, code) => {
    const ctx = buildContext(kind, 'x', maxWords === undefined ? {} : { maxWords });
    expect(findLength(ctx, words).map((f) => f.code)[0] ?? null).toBe(code);
  });

  it('is an error for a candidate note over the cap, so the note is refused', () => {
    expect(findLength(buildContext('check_in', 'x', { maxWords: 20 }), 21)[0]?.severity).toBe('error');
  });
});
