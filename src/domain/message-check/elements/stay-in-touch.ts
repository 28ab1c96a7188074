/**
 * Rejection element 5 — an invitation to stay in touch, owed where the candidate opted in to hear
 * about future roles: "we'd like to keep your details for future openings", "please stay in
 * touch", "we'll let you know when a similar role opens".
 */
import { findAll, rx } from '../text.ts';
import type { CheckContext, Span } from '../types.ts';

const STAY = rx([
  '(?:stay|keep|remain) in (?:touch|contact)',
  'keep (?:your|you) (?:details|cv|resume|profile|application|name)? ?(?:on file|in mind|on our radar|in our talent)',
  'keep you in mind',
  '(?:talent|candidate) (?:pool|community|network|list)',
  '(?:let you know|get in touch|contact you|reach out|be in touch) (?:about|when|if) (?:future|other|similar|new|a similar|another|relevant)',
  '(?:future|other|similar|upcoming) (?:roles?|openings?|opportunities|positions|vacancies)',
  'hear from you (?:again|in the future)',
  '(?:reach out|get in touch|contact us) (?:again|any ?time|in the future)',
  '(?:follow|connect with) (?:us|our careers|our company)',
  'door (?:is|remains) open',
]);

/** Where the message invites the candidate to stay in touch, or null. */
export function detectStayInTouch(ctx: CheckContext): Span | null {
  return findAll(STAY, ctx.lower)[0] ?? null;
}
