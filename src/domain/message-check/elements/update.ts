/**
 * Update elements — the decision is still being made ("we are still interviewing", "we haven't
 * reached a decision yet", "it is taking longer than we hoped") and why ("the hiring manager is
 * travelling", "two more candidates interview on Monday", "budget sign-off moved"). The new date
 * is elements/timeline.ts.
 */
import { findAll, rx } from '../text.ts';
import type { CheckContext, Span } from '../types.ts';
import { findProtectedCharacteristics } from '../findings/protected-characteristic.ts';

const STILL = rx([
  'still (?:deciding|reviewing|interviewing|considering|finali[sz]ing|working|waiting|in (?:the )?(?:process|middle)|meeting|talking|discussing|gathering|collecting|assessing|evaluating|comparing|completing|going through|speaking|have|need)',
  "(?:haven't|have not|hasn't|has not|not) (?:yet )?(?:made|reached|taken|finali[sz]ed|come to) (?:a|our|the|any) (?:final )?decision",
  'no (?:final )?decision (?:yet|has been made)',
  '(?:decision|process|timeline|hiring) (?:is|has been|was) (?:delayed|taking|pushed|postponed|running|on hold|slower|moving)',
  'taking (?:a bit |a little |slightly |much )?longer than',
  '(?:need|needs|needed) (?:a bit |a little |a few more days |some )?(?:more )?time',
  'running (?:a bit |a little )?(?:late|behind)',
  'still (?:under consideration|being considered|in the running|in contention)',
  "(?:haven't|have not) (?:yet )?(?:decided|finished|completed|concluded)",
  'not (?:quite )?(?:there yet|ready to (?:decide|make)|in a position to decide)',
  'delay(?:ed)?',
  '(?:are|is|were) (?:on hold|paused)',
  '(?:is|are|remains?) pending',
  '(?:is|are) yet to (?:finali[sz]e|make|reach|take|decide|complete|conclude)',
  '(?:need|needs|needed) (?:a few|a couple of|some|a little|a bit|a few more|two|three) (?:more )?(?:days|time|weeks)',
]);

const WHY = rx([
  'because',
  'due to',
  'as (?:the|we|our|one|two|a|some)',
  'since (?:the|we|our|one|two|a)',
  '(?:the|our) (?:hiring manager|ceo|cto|founder|director|panel|team|client|vp|head|md|manager|recruiter)\\p{L}* (?:is|was|has been|are|were|had|got|fell|needs?|wants?)',
  '(?:one|two|three|a few|several|some) (?:more|other|remaining|final) (?:candidates?|interviews?|applicants?|people|conversations?)',
  '(?:is|are|was|were|has been|have been) (?:away|out|off|travelling|traveling|on leave|off sick|unwell)',
  '(?:budget|headcount|approval|sign-?off|reorg\\p{L}*|restructur\\p{L}*|references?|background check|board|holiday|illness|sick|leave|travel\\p{L}*|conference|offsite|quarter-end|year-end|audit|funding)',
  'reason (?:is|for)',
  'waiting (?:on|for)',
]);

/** Where the message says the decision is still being made, or null. */
export function detectStillDeciding(ctx: CheckContext): Span | null {
  return findAll(STILL, ctx.lower)[0] ?? null;
}

/** Where the message says why the decision is taking longer, or null. */
export function detectUpdateReason(ctx: CheckContext): Span | null {
  const protectedSpans = findProtectedCharacteristics(ctx);
  for (const c of ctx.clauses) {
    if (
      protectedSpans.some((p) =>
        ctx.sentences.some(
          (s) => s.start <= c.start && c.end <= s.end && p.start! < s.end && s.start < p.end!,
        ),
      )
    )
      continue;
    if (/\b(?:thank|thanks)\b/.test(c.lower) && !/\bbecause\b/.test(c.lower)) continue;
    const hit = findAll(WHY, c.lower, c.start)[0];
    if (hit) return hit;
  }
  return null;
}
