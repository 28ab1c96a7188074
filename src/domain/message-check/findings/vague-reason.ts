/**
 * Finding — a vague reason in a rejection: "not the right fit", "culture fit", "other candidates
 * more closely matched our needs", "business needs". A warning when no specific reason was
 * given (the fix: say what the role needed and what was missing), only `info` beside one.
 */
import { excerptOf, findAll, rx } from '../text.ts';
import type { CheckContext, Finding, Span } from '../types.ts';
import { findProtectedCharacteristics } from './protected-characteristic.ts';

/** Reasons that tell the candidate nothing. */
export const VAGUE_REASONS = rx([
  '(?:a |an )?(?:different|other|new) direction',
  '(?:more|most) closely (?:match(?:ed|es)?|align(?:ed|s)?)',
  'align(?:ed|s)? more closely',
  'better align(?:s|ed)?',
  '(?:closer|better|best|stronger|good|great|right) (?:match|fit)',
  "(?:not|wasn't|weren't|isn't|was not|is not|aren't) (?:quite )?(?:the|a) (?:right|good|great|strong|perfect) (?:fit|match)",
  'not (?:quite )?a (?:fit|match)',
  'not (?:the )?right fit',
  'cultur(?:e|al) (?:fit|add)',
  'overall fit',
  'fit (?:for|with) (?:the|our) (?:team|culture|company)',
  '(?:more|better|other|stronger) qualified (?:candidates|applicants|people|profiles)',
  '(?:business|organi[sz]ational|company|current) needs',
  '(?:needs|requirements) of the (?:role|business|team|position|company)',
  '(?:highly|very|extremely|incredibly) competitive',
  '(?:many|several|a number of|lots of|a lot of|so many) (?:strong|exceptional|excellent|talented|qualified|great) (?:applicants|candidates|applications|profiles)',
  'strong (?:field|pool) of (?:candidates|applicants)',
  "(?:didn't|did not|doesn't|does not) (?:quite )?(?:click|gel|feel right|resonate)",
  'just (?:a )?(?:gut feeling|feeling)',
  '(?:simply |just )?(?:stronger|better) than you',
  '(?:stronger|better|more experienced|more suitable) (?:candidates|applicants|profiles)',
  'gut feeling',
]);

/** The vague phrases in a rejection, one finding per distinct phrase. */
export function findVagueReasons(ctx: CheckContext, specificReasonGiven: boolean): Finding[] {
  if (ctx.kind !== 'rejection' && ctx.kind !== 'feedback') return [];
  const out: Finding[] = [];
  const seen = new Set<string>();
  // A wish ("we hope you find a role that's a great match") is no reason; beside a protected
  // characteristic the characteristic is the finding that matters.
  const protectedSpans = findProtectedCharacteristics(ctx);
  const skip = [
    ...ctx.sentences.filter((s) => /\b(?:hope|wish|wishing|luck)\b/.test(s.lower)),
    ...ctx.clauses.filter((c) => protectedSpans.some((p) => p.start! < c.end && c.start < p.end!)),
  ];
  const spans: Span[] = findAll(VAGUE_REASONS, ctx.lower).filter(
    (v) => !skip.some((s) => s.start <= v.start && v.end <= s.end),
  );
  // Vague phrases in one clause are one finding: "more closely matches our current needs".
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    const clause = ctx.clauses.find((c) => c.start <= span.start && span.start < c.end);
    if (last && clause && clause.start <= last.start && span.start < clause.end)
      last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  for (const span of merged) {
    const excerpt = excerptOf(ctx.text, span);
    if (seen.has(excerpt.toLowerCase())) continue;
    seen.add(excerpt.toLowerCase());
    out.push({
      code: 'vague_reason',
      severity: specificReasonGiven ? 'info' : 'warning',
      message: specificReasonGiven
        ? `"${excerpt}" is vague; the specific reason you also gave is what the candidate can use.`
        : `"${excerpt}" is vague: name what the role needed and what was missing.`,
      excerpt,
      ...span,
      suggestion:
        'Name the skill or experience the role needed and what the interview showed, e.g. "The role needs hands-on experience with …, and in the exercise we did not yet see …".',
    });
  }
  return out;
}
