/**
 * Candidate-note elements — a thank-you thanks the interviewer and says something specific to the
 * conversation ("I enjoyed hearing how the team moved billing to event sourcing"); a check-in
 * reaffirms interest ("I remain very interested in the role").
 */
import { blankOut, contentWords, findAll, rx } from '../text.ts';
import type { CheckContext, Span } from '../types.ts';

const THANKS = rx(['thank(?:s| you)?', 'grateful', 'appreciate(?:d)?', 'cheers for']);
const SPECIFIC = rx([
  '(?:enjoyed|loved|liked|appreciated|valued) (?:hearing|learning|discussing|talking|our|the|your|seeing|getting|meeting|how|that|chatting|walking|the chance)',
  '(?:interesting|fascinating|exciting|inspiring|eye-opening|useful|helpful) (?:to|hearing|learning|discussing|conversation|discussion|chat)',
  '(?:especially|particularly|in particular|specifically)',
  '(?:when|where|how) (?:we|you) (?:discussed|talked|mentioned|described|explained|showed|walked)',
  '(?:our|the) (?:conversation|discussion|chat|talk) (?:about|on|around)',
  '(?:your|the) (?:point|description|plan|explanation|question|idea|example|story|vision|demo|walkthrough|overview)s? (?:about|on|of|for|around)',
  '(?:learning|hearing) (?:about|more about|how)',
  '(?:the|your) (?:challenge|project|roadmap|migration|problem|launch|plans?|goals?|approach|team|product|platform|initiative)s? (?:you|we|of|around|about|for|to)',
  'follow(?:ing)? up on',
  '(?:sounds|sounded|looks|looked) (?:really )?(?:great|fascinating|exciting|interesting|brilliant|amazing|fun)',
  '(?:great|good|nice|lovely|interesting|fascinating|helpful|useful) to (?:learn|hear|see|understand|find out) (?:how|about|that|more|what|why)',
  '(?:for|about) (?:showing|walking|taking) me(?: through| around)?',
  '(?:great|good|nice|lovely|fun) (?:talking|chatting|speaking|discussing) about',
  'as (?:promised|discussed|mentioned)',
]);
const INTEREST = rx([
  '(?:still|remain|very|really|truly|genuinely|even more|highly|super|so) (?:very |really |just as |as |highly |super |so |extremely |incredibly )?(?:interested|keen|excited|enthusiastic|eager|motivated)',
  '(?:my|our) (?:first|top|number one) choice',
  "(?:i'd|i would) (?:much |still )?(?:prefer|rather) (?:to join|join|your)",
  '(?:still|remain|very|really|truly|genuinely|even more|more|highly|keen(?:ly)?) (?:very |really |just as |as |highly )?(?:interested|keen|excited|enthusiastic|eager|motivated)',
  '(?:reaffirm|confirm|reiterate|express) (?:my|our) (?:interest|enthusiasm)',
  '(?:my|strong) (?:interest|enthusiasm) (?:in|for)',
  'look(?:ing)? forward to (?:hearing|the next|next steps|joining|working|speaking|learning)',
  'would (?:love|be (?:thrilled|delighted|glad|happy)) to (?:join|be part|work|contribute|hear)',
]);

/** Where a note thanks the reader, or null. */
export function detectThanks(ctx: CheckContext): Span | null {
  return findAll(THANKS, ctx.lower)[0] ?? null;
}

/** Where a note says something specific to the conversation, or null. */
export function detectSpecific(ctx: CheckContext): Span | null {
  for (const c of ctx.clauses) {
    const hits = findAll(SPECIFIC, c.lower, c.start);
    if (hits.length === 0) continue;
    if (contentWords(blankOut(c.lower, hits, c.start)).length >= 1) return { start: c.start, end: c.end };
  }
  return null;
}

/** Where a check-in reaffirms interest, or null. */
export function detectInterest(ctx: CheckContext): Span | null {
  return findAll(INTEREST, ctx.lower)[0] ?? null;
}
