/**
 * Finding — blame or condescension: telling the candidate off ("you clearly didn't prepare",
 * "you failed to"), belittling ("frankly, you were out of your depth", "obviously", "no offence"),
 * or lecturing ("you need to learn to"). Feedback can be critical without being personal.
 */
import { excerptOf, findAll, rx } from '../text.ts';
import type { CheckContext, Finding } from '../types.ts';

const BLAME = rx([
  "(?:you )?(?:clearly|obviously|evidently) (?:didn't|did not|hadn't|had not|weren't|were not|don't|do not|lack|lacked|have no|had no|couldn't|could not)",
  'you failed (?:to|at|the)',
  'failed miserably',
  '(?:your|the) (?:own )?fault',
  'you should have known',
  'as anyone (?:would|could|should) know',
  'any (?:competent|decent|good|serious) (?:engineer|candidate|professional|designer|developer|person)',
  'frankly',
  'to be (?:brutally )?honest,? (?:you|your|it was)',
  'no offen[cs]e',
  'with (?:all )?due respect',
  'out of your depth',
  "(?:simply |just )?(?:not|isn't|wasn't|weren't) (?:good|smart|bright|sharp|clever) enough",
  'not cut out for',
  '(?:lazy|arrogant|sloppy|careless|clueless|incompetent|unprofessional|rude|a mess|embarrassing|painful to watch|a waste of)',
  'wasted (?:our|my) time',
  'you need to (?:learn|understand|grow up|realise|realize)',
  '(?:surprised|amazed|shocked) (?:that )?you (?:even )?(?:applied|thought)',
  "don't take (?:it|this) personally",
  'nervous wreck',
  'should (?:never|not) have (?:applied|bothered)',
  'basic (?:stuff|things) (?:like|that)',
  'even a (?:junior|graduate|student|child)',
  'honestly shocked',
]);

/** Blame or condescension, each distinct excerpt once. */
export function findBlame(ctx: CheckContext): Finding[] {
  if (ctx.kind === 'thank_you' || ctx.kind === 'check_in') return [];
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const span of findAll(BLAME, ctx.lower)) {
    const excerpt = excerptOf(ctx.text, span);
    if (seen.has(excerpt.toLowerCase())) continue;
    seen.add(excerpt.toLowerCase());
    out.push({
      code: 'blame_or_condescension',
      severity: 'warning',
      message: `"${excerpt}" reads as blame or talking down; describe what happened instead.`,
      excerpt,
      ...span,
      suggestion:
        'Say what you observed and what would help, e.g. "In the exercise the tests did not cover the retry path; practising that would strengthen a future interview."',
    });
  }
  return out;
}
