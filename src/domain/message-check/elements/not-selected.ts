/**
 * Rejection element 1 — the candidate was not selected, said plainly or in other words: "we won't
 * be moving forward", "your application was unsuccessful", "we've offered the role to someone
 * else", "the position has been filled", "we're going in a different direction".
 * Decided per clause: a negated progress verb with us or the candidate as subject; a choice of
 * another person; the role filled or gone; never in a condition, a question or a "not yet".
 */
import type { Clause } from '../../language/analyze.ts';
import { rx, matchIn } from '../text.ts';
import type { CheckContext, Span } from '../types.ts';

// Progress verbs that, negated with us as subject, reject: "we will not be progressing your application".
const PROGRESS = rx([
  '(?:move|moving|moved|go|going|take|taking|proceed|proceeding|progress|progressing|continue|continuing|advance|advancing|carry|carrying|push|pushing|put|putting|bring|bringing) (?:you |your application |your candidacy |things |this |it |you )?(?:forward|further|ahead|on|through)',
  '(?:move|moving|invite|inviting|progress|progressing|take|taking|put|putting|bring|bringing|advance|advancing) (?:you )?(?:forward |through |on )?(?:to|into) the (?:next|final|second|third|last) (?:round|stage|step|interview)',
  '(?:proceed|proceeding|progress|progressing|continue|continuing|advance|advancing|pursue|pursuing|take|taking|consider|considering|shortlist|shortlisting)(?: with)? (?:you|your|this|the) (?:application|candidacy|profile|candidature|cv|further)?',
  '(?:proceed|progress|continue|advance|pursue)(?:ing)?',
  '(?:offer|offering|extend|extending|make|making) (?:you )?(?:an? |the )?(?:offer|role|position|job|post)',
  'offer(?:ing)? you',
  '(?:select|selecting|invite|inviting|shortlist|shortlisting) you',
  'invite you (?:back|to)',
  'be (?:able to )?(?:offer|take|move)',
  'take (?:your application|you|this) (?:any )?further',
  '(?:make|making) (?:you )?an offer',
]);
// The candidate (or their application) as subject of a negated outcome: "you were not selected".
const OUTCOME = rx([
  '(?:selected|chosen|successful|shortlisted|progressed|invited|offered|picked|through|advanced|moving forward|going forward|progressing|proceeding)',
  'make it (?:through|to)',
  '(?:be )?(?:moving|going|progressing|proceeding) (?:forward|further|on|ahead)',
]);
const UNSUCCESSFUL = rx(['unsuccessful']);
// Choosing someone else: "we've offered the role to another candidate".
const OTHER_PERSON =
  '(?:(?:an)?other|a different|an internal|an external|the other) (?:candidates?|applicants?|persons?|people|individuals?|finalists?|profiles?|hires?)|(?:someone|somebody)(?: else| (?:\\p{L}+ )?(?:who|whose|with|more|younger|older|better|stronger|closer))?|others|an? (?:candidate|applicant)|candidates? (?:whose|who|with)|internal (?:candidate|applicant|hire)';
const CHOSE_OTHER = rx([
  `(?:chosen|chose|choose|choosing|decided|opted|elected|selected|select|picked|going|gone|went|go|move|moving|moved|proceed|proceeding|proceeded|continue|continuing|progress|progressing|appointed|appoint|hired|hire|offered|offer|extended|made) (?:\\p{L}+ ){0,5}(?:with|to|for)? ?(?:${OTHER_PERSON})`,
  `(?:role|position|job|offer|post|it) (?:to|with) (?:${OTHER_PERSON})`,
  '(?:go|gone|went|going) with them',
  '(?:the |our )?(?:successful|chosen|selected|appointed) (?:candidate|applicant)',
]);
// Choosing a named person: "we hired Rebecca", "we went with Hannah".
const CHOSE_VERB =
  /\b(?:hired|hire|chose|chosen|selected|appointed|went with|gone with|going with|go with|offered (?:it|the role|the position|the job) to)\b/;
// The role itself is gone: "the position has been filled", "the role went to someone else".
const ROLE_GONE = rx([
  '(?:has|have|had) (?:now )?been (?:filled|offered to|given to|closed|withdrawn)',
  '(?:was|is|is now|were) (?:now )?(?:filled|offered to (?:another|someone)|closed)',
  '(?:went|gone|going|go) to (?:someone|somebody|another|an internal|a different|one of)',
  'filled the (?:role|position|job|vacancy|post)',
]);
const DIRECTION = rx([
  '(?:go|going|gone|went|move|moving|moved|head|heading|take|taking|took) (?:in )?(?:a |another |a new |a slightly )?different direction',
  '(?:go|going|gone|went) (?:in )?another direction',
  '(?:go|going|gone|went) another way',
]);
// The candidate, or their application, not selected, wherever it sits in the clause.
const YOU_NOT = rx([
  "(?:you|your (?:\\p{L}+ ){0,6}?(?:application|candidacy|candidature|cv|profile|submission))(?: \\p{L}+){0,7}? (?:were|was|have|has|had|are|is|did|will|won't|haven't|hasn't|weren't|wasn't|didn't|aren't|isn't)? ?(?:not|n't|never)? ?(?:been |be |yet |quite )?(?:selected|chosen|successful|shortlisted|progressed|invited|offered|picked|through|advanced|moving forward|progressing|proceeding|going forward|good enough|strong enough|experienced enough)",
]);
const SOFT = rx([
  "(?:not|isn't|is not|wasn't|was not) (?:the )?(?:news|outcome|answer) you (?:were |had )?(?:hop|want|wish)\\p{L}*",
  "(?:weren't|were not|aren't|are not|isn't|is not|wasn't|was not) (?:quite )?(?:the right|a good|the best|a strong) (?:fit|match|person|candidate)",
  "(?:we're|we are|we'll|we will|going to|decided to|we've decided to|have to) pass(?: on)?(?! (?:it|this|that) (?:on|along)| along| on (?:your|the|this|that))",
  "(?:this|that) (?:time )?(?:it'?s|it is) a no",
  "(?:will|won't|will not|cannot|can't) (?:be able to )?(?:take|carry) (?:your application|things) (?:any )?further",
  'no longer (?:be )?(?:considering|considered|in the running|in contention|being considered)',
  '(?:not|no longer) (?:be )?(?:part of|in) the (?:process|running)',
]);

function isNotSelected(c: Clause): Span | null {
  if (c.conditional || c.question) return null;
  // "We haven't moved forward with anyone yet" is still deciding, not a rejection.
  if (/\b(?:yet|so far|at the moment we are still)\b/.test(c.lower) && !/\bunsuccessful\b/.test(c.lower)) {
    if (!/\b(?:filled|someone else|another candidate)\b/.test(c.lower)) return null;
  }
  const soft = matchIn(SOFT, c);
  if (soft) return soft;
  if (
    c.negated &&
    (c.subject === 'we' || c.subject === 'it' || c.subject === 'none' || c.subject === 'other')
  ) {
    const hit = matchIn(PROGRESS, c);
    if (hit) return { start: c.start, end: c.end };
  }
  if (c.negated && matchIn(YOU_NOT, c)) return { start: c.start, end: c.end };
  if (c.subject === 'you' || c.subject === 'none' || c.subject === 'other') {
    if (c.negated && matchIn(OUTCOME, c)) return { start: c.start, end: c.end };
    const unsuccessful = matchIn(UNSUCCESSFUL, c);
    if (unsuccessful && !/\bif\b/.test(c.lower)) return unsuccessful;
  }
  if (!c.negated) {
    const other = matchIn(CHOSE_OTHER, c);
    if (other && c.subject !== 'you') return other;
    const gone = matchIn(ROLE_GONE, c);
    if (
      gone &&
      (c.subject === 'role' ||
        c.subject === 'it' ||
        c.subject === 'we' ||
        /\b(?:role|position|job|vacancy|post|opening)\b/.test(c.lower))
    )
      return gone;
    const direction = matchIn(DIRECTION, c);
    if (direction) return direction;
    if (c.subject === 'we' && CHOSE_VERB.test(c.lower)) {
      const named = c.tokens.find((t) => t.tags.has('Person') && !t.tags.has('Pronoun'));
      if (named) return { start: c.start, end: c.end };
    }
  }
  return null;
}

/** Where the text says the candidate was not selected, or null. */
export function detectNotSelected(ctx: CheckContext): Span | null {
  for (const c of ctx.clauses) {
    const hit = isNotSelected(c);
    if (hit) return hit;
  }
  return null;
}
