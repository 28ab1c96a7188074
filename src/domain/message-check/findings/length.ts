/**
 * Finding — length out of range. Above `maxWords` (default 400; candidate notes: the policy's
 * thank-you limit, default 250, and then an error, since the note is refused) a message is too
 * long; a rejection over 250 words gets an `info` (shorter is kinder). Under a kind's minimum it
 * is too short to carry its parts (a rejection or feedback under 15 words).
 */
import type { CheckContext, Finding, CheckKind } from '../types.ts';

const DEFAULT_MAX_WORDS = 400;
/** Default word cap of a candidate's note. */
export const NOTE_MAX_WORDS = 250;
/** Rejections longer than this get an `info`: shorter is kinder. */
export const REJECTION_SHORT_WORDS = 250;
const MIN_WORDS: Partial<Record<CheckKind, number>> = { rejection: 15, feedback: 15 };

/** `too_long` / `too_short` for a message of `wordCount` words. */
export function findLength(ctx: CheckContext, wordCount: number): Finding[] {
  const note = ctx.kind === 'thank_you' || ctx.kind === 'check_in';
  const maxWords = ctx.options.maxWords ?? (note ? NOTE_MAX_WORDS : DEFAULT_MAX_WORDS);
  if (wordCount > maxWords) {
    return [
      {
        code: 'too_long',
        severity: note ? 'error' : 'warning',
        message: note
          ? `Keep it under ${maxWords} words; yours has ${wordCount}.`
          : `${wordCount} words, more than ${maxWords}: keep it short and to the point.`,
        suggestion: note
          ? 'Keep to thanks, one thing you valued in the conversation, and your interest.'
          : 'Keep to the outcome, the reason, one recommendation and thanks.',
      },
    ];
  }
  if (ctx.kind === 'rejection' && wordCount > REJECTION_SHORT_WORDS) {
    return [
      {
        code: 'too_long',
        severity: 'info',
        message: `${wordCount} words: a rejection under ${REJECTION_SHORT_WORDS} words is kinder to read.`,
        suggestion: 'Cut to the four parts: not selected, why, one recommendation, thanks.',
      },
    ];
  }
  const min = MIN_WORDS[ctx.kind];
  if (min !== undefined && wordCount < min) {
    return [
      {
        code: 'too_short',
        severity: 'info',
        message: `${wordCount} words is too few to say the outcome, why, and what next.`,
        suggestion: 'Add a sentence on why, and one the candidate can use next time.',
      },
    ];
  }
  return [];
}
