/**
 * Nudge element — news. An agency recruiter's follow-up to a client must bring new information
 * (the candidate's other interviews or offers and their deadlines, new availability, a new
 * candidate, market facts, references ready), not only ask for status.
 */
import { findAll, rx } from '../text.ts';
import type { CheckContext, Span } from '../types.ts';

const NEWS = rx([
  '(?:another|other|a second|a competing|competing|a counter|counter|a new|an) ?-?offers?',
  "(?:has|have|he's|she's|they've|they have|has now|just) (?:received|got|been offered|accepted|declined|had|a|an|verbal)",
  '(?:is|are|was|were|been) (?:also |now |currently )?(?:interviewing|in (?:final|late|second|the final) (?:rounds?|stages?)|talking to|in process|in conversations?)',
  '(?:final|second|late|last) (?:round|stage|interview)s? (?:with|at|elsewhere|next)',
  'elsewhere',
  'deadline',
  '(?:available|availability|free|can start|could start|start date|notice period|notice|relocat\\p{L}*|moving to|holiday from|away from|back from)',
  '(?:new|another|additional|fresh|second|two more|three more|a strong) (?:candidates?|profiles?|cvs?|resumes?|shortlist|applicants?)',
  '(?:market|salary|compensation|pay|rate) (?:data|rates?|benchmarks?|survey|facts|expectations|range|trends?)',
  '(?:references?|portfolio|work samples?|case study|assessment results?|test results?) (?:are |is )?(?:back|in|ready|attached|came back|checked|complete)',
  "(?:i've|i have|i) (?:attached|added|included|enclosed|shared)",
  'attached',
  '(?:can|could) (?:now )?(?:interview|meet|talk|start|join)',
  '(?:he|she|they|the candidate|\\p{Lu}\\p{Ll}+) (?:has|have|is|are) (?:now|just|also|since|recently)',
  'competitor',
  'counter-?offer',
  '\\d+ ?(?:%|percent|per cent)',
  'market (?:context|data|rates?|picture|moves?|intel)',
  '(?:dropped|pulled) out',
  'update from (?:the candidate|\\p{L}+)',
]);

/** Where a nudge brings news, or null. */
export function detectNews(ctx: CheckContext): Span | null {
  return findAll(NEWS, ctx.lower)[0] ?? null;
}
