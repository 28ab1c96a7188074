/**
 * Feedback elements — specific strengths ("your walkthrough of the retry logic was clear") and
 * specific gaps ("the data model did not cover multi-currency"), each saying something concrete
 * (two content words beyond the stock phrase). The actionable suggestion is
 * elements/recommendation.ts.
 */
import type { Clause } from '../../language/analyze.ts';
import { blankOut, contentWords, findAll, rx } from '../text.ts';
import type { CheckContext, Span } from '../types.ts';

const STRENGTH = rx([
  '(?:strong|strongest|strength|strengths|impressive|impressed|excellent|great|good|well|clear|clearly|solid|thoughtful|thorough|liked|loved|stood out|enjoyed|appreciated|confident|sharp|compelling|creative|structured|strong point|highlight|particularly good|really good|did well|handled|nailed|excelled|strengths?:|punchy|on-brand|spot on|well done|effective|crisp|concise|engaging|polished|rapport|exactly right|accurate|sharp)',
]);
const GAP = rx([
  "(?:gaps?|weaker|weakness|weaknesses|less|lack(?:ed|ing|s)?|missing|struggled|struggle|not yet|not quite|fell short|limited|shallow|thin|unclear|would have liked|wanted more|room to|room for|could (?:have been|be) (?:stronger|clearer|deeper|more)|areas? (?:to|for) (?:improve|develop|grow|work)|improve|concern|not enough|did not|didn't|wasn't|were not|weren't|hard to follow|ran out of time|too (?:high-level|brief|long|general|vague)|held you back|let you down|cost you|gaps?:|weaker:)",
]);
const ADVICE =
  /\b(?:recommend|suggest|next time|you (?:might|could|may|should)|would help|try|practi[cs]e|focus on|work on)\b/;

function specificIn(c: Clause, re: RegExp): boolean {
  const hits = findAll(re, c.lower, c.start);
  if (hits.length === 0) return false;
  // One concrete word ("your SQL was strong") is enough to be about something specific.
  return contentWords(blankOut(c.lower, hits, c.start)).length >= 1;
}

/** A specific strength the candidate showed, or null. */
export function detectStrengths(ctx: CheckContext): Span | null {
  for (const c of ctx.clauses) {
    if (c.question || /\b(?:thank|thanks|luck|wish)\b/.test(c.lower)) continue;
    if (c.negated && !/\b(?:but|although|though|while)\b/.test(c.lower)) continue;
    if (specificIn(c, STRENGTH)) return { start: c.start, end: c.end };
  }
  return null;
}

/** A specific gap, or null. */
export function detectGaps(ctx: CheckContext): Span | null {
  for (const c of ctx.clauses) {
    if (c.question || ADVICE.test(c.lower)) continue;
    if (specificIn(c, GAP)) return { start: c.start, end: c.end };
  }
  return null;
}
