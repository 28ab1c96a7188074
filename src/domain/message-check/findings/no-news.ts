/**
 * Finding — a nudge without news (blocking). An agency recruiter's follow-up that only asks for
 * status ("any update?", "just checking in", "following up on my last email") gives the client
 * no reason to answer: bring new information instead.
 */
import { excerptOf, findAll, rx } from '../text.ts';
import type { CheckContext, Finding } from '../types.ts';

const STATUS_ONLY = rx([
  'any (?:update|news|feedback|word|thoughts)s?',
  '(?:just )?checking in',
  '(?:just )?(?:following|circling|touching) (?:up|back|base)',
  'follow(?:ing)? up on my (?:last|previous|earlier) (?:email|message|note|voicemail|call)',
  'bump(?:ing)? (?:this|my)',
  'have you had a chance',
  'where (?:are|do) (?:we|things) (?:stand|at)',
  "(?:what's|what is) the (?:status|latest)",
  'status update',
  'any movement',
  'hear back',
]);

/** `no_news` when a nudge brings no new information. */
export function findNoNews(ctx: CheckContext, hasNews: boolean): Finding[] {
  if (ctx.kind !== 'nudge' || hasNews) return [];
  const span = findAll(STATUS_ONLY, ctx.lower)[0];
  return [
    {
      code: 'no_news',
      severity: 'error',
      message: 'This nudge only asks for status; a client answers news, not "any update?".',
      ...(span && { excerpt: excerptOf(ctx.text, span), ...span }),
      suggestion:
        "Add something new: the candidate's other interviews or offers and their deadlines, new availability, a new candidate for the shortlist, or a market fact (salary data, how fast similar roles are filling).",
    },
  ];
}
