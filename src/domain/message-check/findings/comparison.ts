/**
 * Finding — naming or comparing other candidates. Flagged: naming or identifying the person
 * chosen ("we hired Sarah", "the successful candidate had led a team", "an internal candidate
 * who"), ranking people ("they were stronger than you", "you came second", "compared to the other
 * finalists"), and generic superiority that says nothing about the role ("other applicants were
 * stronger", "another candidate had more experience").
 * Not flagged: what another application showed on a specific, job-related point, without naming
 * or ranking anyone — "another candidate had more concrete examples of their experience" is a
 * specific reason the candidate can use (the point is what the role needed, not who won).
 */
import type { Clause } from '../../language/analyze.ts';
import { blankOut, contentWords, excerptOf, findAll, rx } from '../text.ts';
import type { CheckContext, Finding, Span } from '../types.ts';

const RANKING = rx([
  '(?<!(?:rather|other|longer|more|less|faster|sooner|later|earlier|better than what|more than what) )than you(?:rs)?(?! (?:expected|were told|might|may|would|hoped|anticipated|think|thought|imagined?|deserve|can|could|planned|had hoped|realise|realize))',
  'outperform(?:ed|s)? you',
  'ranked (?:you )?(?:second|third|lower|below|behind|last|fourth|higher|above)',
  '(?:our |a close |the )?(?:second|third|next) (?:choice|best|place)',
  'runner-?up',
  'came (?:a close )?(?:second|third|last)',
  'compar(?:ed|ing|ison) (?:to|with) (?:the )?(?:an)?other',
  'in comparison (?:to|with) (?:the )?other',
  '(?:relative|next) to (?:the )?other (?:candidates?|applicants?|finalists?)',
  "(?:not|weren't|wasn't) (?:as strong|as good|as experienced|as qualified) as (?:the )?(?:other|another|them|the rest)",
  '(?:the )?(?:weakest|strongest|best|top) (?:of the|among the|of our) (?:candidates|applicants|finalists|group|shortlist)',
  'top (?:candidate|choice|pick)',
  'beat you',
]);
/** Ranking and generic superiority, for the reason rule to leave alone. */
export const RANKING_OR_GENERIC = rx([
  'than you(?:rs)?(?! (?:expected|were told|might|may|would|hoped|anticipated|think|thought|imagined?|deserve|can|could|planned|had hoped|realise|realize))',
  'compar(?:ed|ing|ison) (?:to|with) (?:the )?(?:an)?other',
  'ranked (?:higher|lower|above|below)',
  '(?:stronger|better|more qualified|more experienced) (?:candidates|applicants|profiles)',
  '(?:second|third) choice',
]);
const IDENTIFIED =
  "(?:the |our )?(?:successful|chosen|selected|hired|winning|preferred|new|appointed|internal|external) (?:candidate|applicant|person|hire|finalist|colleague)(?:'s)?";
const ATTRIBUTE =
  '(?:had|has|have|was|were|is|are|did|showed|demonstrated|brought|came|offered|performed|scored|possessed|displayed|already|worked|used to|knows?|holds?|led|built|spent|graduated)';
const IDENTIFIED_ATTRIBUTE = rx([
  `${IDENTIFIED} (?:who |that |whose )?(?:\\p{L}+ )?${ATTRIBUTE}`,
  `${IDENTIFIED} from`,
  'someone from (?:\\p{Lu}|[a-z]+ (?:inc|ltd|labs|corp))',
]);
// Generic superiority: "other candidates were stronger", "another applicant had more experience".
const GENERIC = rx([
  "(?:an)?other (?:candidates?|applicants?|finalists?|persons?|people|individuals?|profiles?)(?:'s)? (?:who |that |whose )?(?:\\p{L}+ )?(?:had|has|have|was|were|is|are|showed|demonstrated|brought|came across|performed|scored|possessed|displayed|simply)",
  '(?:stronger|better|more (?:qualified|experienced|senior|suitable)) (?:candidates?|applicants?|profiles?|people)',
]);
const SUPERIORITY =
  /\b(?:strong|stronger|better|best|more|superior|ahead|edge|qualified|experienced|senior|suitable|impressive)\b/;

function genericComparison(c: Clause): Span | null {
  const hit = findAll(GENERIC, c.lower, c.start)[0];
  if (!hit) return null;
  if (!SUPERIORITY.test(c.lower)) return null;
  // What is left once the comparison is removed: a specific job-related point makes it a reason.
  const rest = contentWords(blankOut(c.lower, [hit], c.start)).filter(
    (w) =>
      !/^(?:had|has|have|was|were|is|are|overall|bit|slightly|much|simply|just|candidates?|applicants?|finalists?|picked|chose|chosen|hired|went|selected|offered|appointed|preferred)$/.test(
        w,
      ),
  );
  return rest.length >= 2 ? null : hit;
}

function namedPerson(ctx: CheckContext, c: Clause): Span | null {
  if (
    !/\b(?:hired|hire|chose|chosen|selected|offered|appointed|went to|stronger|better|more|than|candidate)\b/.test(
      c.lower,
    )
  )
    return null;
  const first = ctx.clauses[0];
  const last = ctx.clauses.at(-1);
  for (const t of c.tokens) {
    if (!(t.tags.has('Person') || t.tags.has('FirstName')) || t.tags.has('Pronoun')) continue;
    // Greetings and sign-offs name the candidate and the sender.
    if (c === first || c === last || /^(?:hi|dear|hello|thanks|regards|best)\b/.test(c.lower.trim()))
      continue;
    if (
      /\b(?:i|we|our|my)\b/.test(c.lower.slice(0, t.start - c.start)) &&
      !/\b(?:hired|hire|chose|chosen|selected|offered|appointed|went to)\b/.test(c.lower)
    )
      continue;
    return { start: t.start, end: t.end };
  }
  return null;
}

/** Naming, identifying or ranking other candidates; each distinct excerpt once. */
export function findComparisons(ctx: CheckContext): Finding[] {
  // To a client (a nudge) or from a candidate, naming candidates is the point, not a disclosure.
  if (ctx.kind === 'nudge' || ctx.kind === 'thank_you' || ctx.kind === 'check_in') return [];
  const spans: Span[] = [...findAll(RANKING, ctx.lower), ...findAll(IDENTIFIED_ATTRIBUTE, ctx.lower)];
  for (const c of ctx.clauses) {
    const g = genericComparison(c);
    if (g) spans.push(g);
    const n = namedPerson(ctx, c);
    if (n) spans.push(n);
  }
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const span of spans.sort((a, b) => a.start - b.start)) {
    const excerpt = excerptOf(ctx.text, span);
    if (seen.has(excerpt.toLowerCase())) continue;
    if (
      out.some(
        (f) => f.start !== undefined && f.end !== undefined && span.start < f.end && f.start < span.end,
      )
    )
      continue;
    seen.add(excerpt.toLowerCase());
    out.push({
      code: 'comparison_with_other',
      severity: 'warning',
      message: `"${excerpt}" names or ranks other candidates; say what the role needed instead.`,
      excerpt,
      ...span,
      suggestion:
        'Describe what the role needed and what this candidate showed, e.g. "The role needs …; in the interview we did not yet see …". Other candidates are not theirs to know about.',
    });
  }
  return out;
}
