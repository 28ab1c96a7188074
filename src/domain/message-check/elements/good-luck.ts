/**
 * Rejection element 4 — thanks and good wishes: "thank you for your time", "we wish you every
 * success", "best of luck with your search". (A candidate's thank-you note has its own element,
 * elements/note.ts.)
 */
import { findAll, rx } from '../text.ts';
import type { CheckContext, Span } from '../types.ts';

const THANKS_OR_WISH = rx([
  'thank(?:s| you)?',
  'good luck',
  'best of luck',
  'wish(?:ing)? you',
  'we wish',
  'all the best',
  'best wishes',
  'every success',
  'success in your',
  'grateful',
  'appreciate(?:d)? (?:your|the|you)',
  'hope (?:you|that you) (?:find|land|get|have|enjoy)',
  'wishing you',
]);

/** Where the message thanks the candidate or wishes them well, or null. */
export function detectGoodLuck(ctx: CheckContext): Span | null {
  return findAll(THANKS_OR_WISH, ctx.lower)[0] ?? null;
}
