/**
 * Finding — an ultimatum or pressure in a candidate's note (blocking): a threat ("if I don't hear
 * by Friday I'll accept the other offer"), a demand ("I need an answer by tomorrow", "I expect a
 * decision today"), or alarm words ("ASAP", "urgent", "unacceptable").
 * Not pressure: telling the team politely about another offer and its deadline ("I have an offer
 * elsewhere that I need to answer by Friday; I'd be grateful to know where I stand") is
 * information they need, and is allowed.
 */
import { excerptOf, findAll, rx } from '../text.ts';
import type { CheckContext, Finding, Span } from '../types.ts';

const THREAT = rx([
  "(?:if|unless) (?:i|we) (?:don't|do not|haven't|have not|can't|cannot) (?:hear|get|receive|have)[^.;!?]{0,80}(?:i'll|i will|i shall|i am going to|i'm going to|i have no choice but to|i must) (?:accept|take|sign|withdraw|assume|go with|move on|pull out|look elsewhere)",
  "(?:otherwise|or else|if not),? (?:i'll|i will|i shall|i am going to|i'm going to|i have no choice but to) (?:accept|take|sign|withdraw|assume|go with|move on|pull out|look elsewhere)",
  '(?:final|last) chance',
  'you have until',
  'i (?:demand|insist)',
  'this is unacceptable',
  'unacceptable',
  "why (?:haven't|have not|hasn't|didn't) (?:you|i|anyone)",
  'asap',
  'urgent(?:ly)?',
  'immediately',
  'i expect (?:an answer|a decision|a reply|a response|to hear)',
  "i'?m (?:tired|fed up) of waiting",
  'waiting (?:for|this) long',
]);
const DEMAND = rx([
  '(?:i|we) (?:need|must have|require|want) (?:an|your|a) (?:answer|decision|response|reply|offer)(?: from you)?(?: by| before| within| today| tomorrow| this week| now)',
  '(?:need|must) (?:to )?(?:know|hear)(?: from you)? (?:by|before|within|today|tomorrow|now)',
  'give me (?:an|your|a) (?:answer|decision)',
  'decide (?:by|before|today|now)',
]);
// Softeners that turn a deadline into information.
const POLITE =
  /\b(?:if (?:at all )?possible|would (?:be )?(?:grateful|appreciate|love)|i'?d (?:be grateful|appreciate|love)|is there any (?:chance|way)|would it be possible|could you|understand (?:if|that|completely)|no pressure|happy to wait|of course|completely understand|i realise|i realize|i know (?:these|you)|let me know if)\b/;

/** Ultimatums and pressure in a candidate's note, each distinct excerpt once. */
export function findUltimatums(ctx: CheckContext): Finding[] {
  if (ctx.kind !== 'thank_you' && ctx.kind !== 'check_in') return [];
  const spans: Span[] = [...findAll(THREAT, ctx.lower)];
  for (const s of ctx.sentences) {
    if (POLITE.test(s.lower)) continue;
    spans.push(...findAll(DEMAND, s.lower, s.start));
  }
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const span of spans.sort((a, b) => a.start - b.start)) {
    if (out.some((f) => f.start! < span.end && span.start < f.end!)) continue;
    const excerpt = excerptOf(ctx.text, span);
    if (seen.has(excerpt.toLowerCase())) continue;
    seen.add(excerpt.toLowerCase());
    out.push({
      code: 'ultimatum',
      severity: 'error',
      message:
        'This reads as pressure. A deadline you really have is fine to share — as information, politely.',
      excerpt,
      ...span,
      suggestion:
        'Share the fact and ask, e.g. "I have another offer I need to answer by Friday; I would be grateful to know where I stand before then, if possible."',
    });
  }
  return out;
}
