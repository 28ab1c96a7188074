/**
 * Finding — a social-media friend request or follow in a candidate's note (blocking): "I've sent
 * you a friend request on Facebook", "add me on Instagram", "let's connect on LinkedIn". Mentioning
 * a public post ("I read your LinkedIn article on pricing") is not a request.
 */
import { excerptOf, findAll, rx } from '../text.ts';
import type { CheckContext, Finding } from '../types.ts';

const NETWORK =
  '(?:facebook|fb|instagram|insta|ig|snapchat|snap|tiktok|twitter|x|linkedin|whatsapp|threads|bluesky)';
const REQUEST = rx([
  'friend(?:ed)? (?:request|you)',
  `(?:sent|send|sending) you (?:a |an )?(?:${NETWORK} )?(?:friend|connection|follow|contact) ?(?:request|invite|invitation)?`,
  `(?:add|added|adding|follow|followed|following|friend|friended|connect|connected|connecting|dm|message) (?:with )?(?:you |me |each other )?(?:on|via|over) ${NETWORK}`,
  `(?:add|follow|friend) me`,
  `(?:let'?s|we should|would love to|happy to|feel free to) (?:connect|be friends|follow each other|stay connected) (?:on|via) ${NETWORK}`,
  `my ${NETWORK} (?:handle|is|page|profile|account)`,
  `${NETWORK} (?:friend|connection|follow) request`,
  `(?:look|looked) you up on ${NETWORK}`,
  'slid(?:e|ing)? into your dms',
  'your personal (?:number|phone|mobile|instagram|email)',
]);

/** Social-media requests in a candidate's note, each distinct excerpt once. */
export function findFriendRequests(ctx: CheckContext): Finding[] {
  if (ctx.kind !== 'thank_you' && ctx.kind !== 'check_in') return [];
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const span of findAll(REQUEST, ctx.lower)) {
    const excerpt = excerptOf(ctx.text, span);
    if (seen.has(excerpt.toLowerCase())) continue;
    seen.add(excerpt.toLowerCase());
    out.push({
      code: 'friend_request',
      severity: 'error',
      message: 'Leave social-media requests out: keep the contact professional until the process ends.',
      excerpt,
      ...span,
      suggestion: 'Remove the request; reply by email, the channel the team uses with you.',
    });
  }
  return out;
}
