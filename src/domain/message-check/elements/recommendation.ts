/**
 * Rejection element 3 (and feedback's actionable suggestion) — something the candidate can do:
 * "we'd suggest building a small project around replication", "next time, bring metrics",
 * "you might find our graduate programme a better first step", "please apply again next year".
 * A closing wish is not advice: "we wish you every success", "we hope you find a great role",
 * "all the best in your future endeavours" are thanks and good luck (elements/good-luck.ts).
 * Decided per clause: advice verbs with us as subject, modal advice to the candidate, an
 * imperative or an "it would help" clause — never past tense, never a wish.
 */
import type { Clause } from '../../language/analyze.ts';
import { matchIn, rx } from '../text.ts';
import type { CheckContext, Span } from '../types.ts';

const ADVICE_VERB = rx([
  "(?:would |we'd |i'd |we |i |strongly |really |also )*(?:recommend|suggest|encourage|advise|urge)(?:s|ed|ing)?",
  '(?:my|our|one|a|some) (?:piece of |bit of |small )?(?:advice|tip|suggestion|recommendation|pointer)s?',
  '(?:recommendation|suggestion|tip|advice)s? (?:would be|is|for)',
]);
// Modal advice to the candidate: "you might want to", "you could", "it would help to".
const MODAL_ADVICE = rx([
  "(?:you|you'd) (?:might|could|may|should|would) (?:want to|wish to|find it|benefit|consider|look|try|also|gain|build|spend|focus|work|practi[cs]e|brush|take|get|aim|prepare|bring|use|add|lead|join|reach|apply|explore|read|think|start|collect|keep|share)",
  '(?:it|this|that) (?:would|could|might|will|may) (?:help|be worth|be useful|be valuable|strengthen|make|pay off|give you|serve you)',
  'would (?:really )?(?:help|strengthen|make (?:a |you a )?strong)',
  'would (?:be|look) (?:great|good|valuable|useful|a plus|a strong addition) (?:on|for|in) (?:your|a future)',
  '(?:is|are|would be) (?:a )?(?:great|good|useful) (?:place|way|resource|programme|program|event|course|first step)',
  'worth (?:looking|considering|exploring|trying|reading|a look)',
  '(?:is|are|would be) (?:well )?worth(?:while| it| doing| the (?:time|effort))',
  'would make (?:a |your |you a |any )?(?:future |next )?(?:application|candidate|case|profile)? ?(?:much |far |a lot |even |a bit )?strong(?:er)?',
  'would (?:close|fill|address|bridge|narrow) (?:that|the|this|those) gaps?',
  '(?:would|could|will) (?:give|get|put|set|bring) you',
  '(?:would|could) (?:change the picture|make (?:a|all the|a real|a big) difference|go a long way)',
  '(?:would|could|will) be (?:a )?(?:great|good|useful|natural|logical|valuable|sensible) (?:next )?(?:step|start|place to start|way|first step|move)',
]);
// A clause that opens with an action as its subject: "Building a small project would help".
const ACTION_SUBJECT =
  /^[\s,;:-]*(?:and\s+|but\s+|also\s+|even\s+)?(?:\w+ing|an?\s+(?:short\s+|free\s+|online\s+|small\s+)?(?:course|certificate|certification|qualification|placement|project|programme|program|tutorial|book|workshop|bootcamp|internship|stint|mentor|side project|portfolio))\b[^.]*\b(?:would|could|will|should|might)\b/;
const IMPERATIVE = rx([
  '(?:consider|try|focus on|work on|practi[cs]e|build|gain|get more|take|collect|bring|prepare|read|join|attend|contribute|brush up|look into|spend|keep an eye on|keep|apply|reapply|re-apply|think about|make sure|aim|start|lead|document|quantify|record|add|include|sign up|explore|revisit|use|learn|study|pick up|develop|seek|look for|reach out)',
]);
const FUTURE_HOOK = rx([
  'next time',
  'in (?:your |a )?(?:next|future) (?:interviews?|applications?|round|role)',
  'going forward',
  '(?:before|for|in) your next (?:interview|application|role|search)',
  'for (?:the|your) future',
  'in the future',
  '(?:re-?apply|apply again)',
  'welcome to (?:re-?apply|apply|reach out)',
  'would make (?:a |you a |your )?strong(?:er)? (?:application|candidate|case)',
]);
// Wishes and thanks: never a recommendation on their own.
const WISH = rx([
  'take care',
  'stay (?:safe|well)',
  'wish(?:es|ing)?',
  'good luck',
  'best of luck',
  'all the best',
  'best wishes',
  'every success',
  'hope (?:you|that you) (?:find|land|get|have|enjoy|succeed|do)',
  'success in (?:your|the)',
  'endeavou?rs',
  'thank',
  'thanks',
  "(?:i'm|we're|i am|we are) (?:sure|confident|certain) (?:you'll|you will)",
]);
const ACTION_AFTER_WISH = rx([
  'recommend',
  'suggest',
  'encourage',
  'advise',
  '(?:re-?apply|apply again|applying)',
  'keep an eye',
  'next time',
  'in your next',
  'practi[cs]e',
  'focus on',
  'work on',
]);

function isRecommendation(c: Clause): Span | null {
  if (c.question && !/\b(?:why not|have you considered)\b/.test(c.lower)) return null;
  // "We considered your application" and "we'll consider you for other roles" are about us.
  if (c.tense === 'past' && c.subject !== 'none' && !/\b(?:would|could|might)\b/.test(c.lower)) return null;
  if (matchIn(WISH, c) && !matchIn(ACTION_AFTER_WISH, c)) return null;
  const advice = matchIn(ADVICE_VERB, c);
  if (advice && (c.subject === 'we' || c.subject === 'none' || c.subject === 'other' || c.subject === 'it'))
    return { start: c.start, end: c.end };
  if (matchIn(MODAL_ADVICE, c)) return { start: c.start, end: c.end };
  if (ACTION_SUBJECT.test(c.lower) && !/^\s*(?:thank|hoping|wishing|looking)/.test(c.lower))
    return { start: c.start, end: c.end };
  const hook = matchIn(FUTURE_HOOK, c);
  if (hook && (c.subject === 'you' || c.subject === 'none' || c.subject === 'it' || c.subject === 'other'))
    return { start: c.start, end: c.end };
  // An imperative: the clause opens (after an adverb or "please") with an action verb.
  const lead = c.lower.replace(
    /^[\s,;:-]*(?:and\s+|but\s+|so\s+|also\s+|please\s+|do\s+|perhaps\s+|maybe\s+|meanwhile,?\s+|for the future,?\s+|in the meantime,?\s+|next time,?\s+)*/,
    '',
  );
  const offset = c.lower.length - lead.length;
  const imperative = matchIn(IMPERATIVE, { ...c, lower: lead, start: c.start + offset });
  if (imperative && imperative.start === c.start + offset && c.subject === 'none')
    return { start: c.start, end: c.end };
  return null;
}

/** The first recommendation (something the candidate can do), or null. */
export function detectRecommendation(ctx: CheckContext): Span | null {
  for (const c of ctx.clauses) {
    const hit = isRecommendation(c);
    if (hit) return hit;
  }
  return null;
}
