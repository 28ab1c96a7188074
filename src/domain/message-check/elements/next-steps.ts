/**
 * Advance elements "next step" and "who" — what happens next (the next round, an exercise, a
 * call, references) and whom the candidate will meet or hear from (a named person or a role:
 * "our CTO", "Priya from the data team", "the hiring manager").
 */
import { findAll, rx } from '../text.ts';
import type { CheckContext, Span } from '../types.ts';

const NEXT_STEPS = rx([
  'next steps? (?:is|are|will be|would be|:|-|include|involves?)',
  // The templates' own label: "Next step: the written offer and a call about the start date."
  'next steps?:(?= ?\\p{L})',
  'as (?:a|the|your) next step',
  '(?:the|your|our) next step',
  'next (?:rounds?|stage|interview|phase)',
  '(?:final|onsite|on-site|in-person|technical|second|third|2nd|3rd|last|panel|culture|values|team|system design|coding|pairing|case) (?:interviews?|rounds?|stage|conversations?|chats?|calls?|session|meetings?)',
  '(?:to )?invite you',
  'like to invite',
  'like you to (?:meet|come|join|complete|do|present|take)',
  '(?:schedul|arrang|book|set(?:ting)? up|organis|organiz)(?:e|ed|es|ing)? (?:a|an|the|your|some|time)',
  'meet (?:with )?(?:the |our |a few of our )?(?:\\p{L}+ )?(?:team|hiring manager|founders?|cto|ceo|vp|director|lead|manager|head)',
  'panel (?:interview|round|session|discussion|presentation)',
  'next up',
  '(?:design|coding|technical|data|case) challenge',
  'offer (?:call|letter|details|conversation)',
  'references?(?: checks?)?',
  'background check',
  'take-?home',
  '(?:technical|coding|skills|written) (?:assessment|exercise|test|challenge|task)',
  'case study',
  'presentation',
  'book a (?:time|slot|call)',
  'calendar (?:invite|link)',
  'move (?:you )?(?:forward|on) to',
  'moving (?:you )?(?:forward|on) to',
  'progress(?:ing)? (?:you )?to',
]);

const WHO = rx([
  '(?:our|the|your) (?:\\p{L}+ )?(?:cto|ceo|cfo|coo|vp|director|founder|co-founder|head of \\p{L}+|hiring manager|engineering manager|team lead|tech lead|lead|manager|recruiter|coordinator|talent partner|hr|panel|team|interviewers?|designers?|engineers?|partner|principal|president)',
  '(?:meet|speak|talk|chat) (?:with|to) (?:\\p{Lu}|our|the|a|two|three|some)',
  'with (?:our|the)',
  'hiring manager',
  "(?:i|i'll|i will|i am|i'm) (?:send|call|email|be in touch|reach out|schedule|set|book|follow up)",
]);

/** Where the message says what happens next, or null. */
export function detectNextSteps(ctx: CheckContext): Span | null {
  return findAll(NEXT_STEPS, ctx.lower)[0] ?? null;
}

/** Where the message says whom the candidate will meet or hear from, or null. */
export function detectWho(ctx: CheckContext): Span | null {
  for (const c of ctx.clauses) {
    const named = c.tokens.find(
      (t) =>
        (t.tags.has('Person') || t.tags.has('FirstName')) &&
        !t.tags.has('Pronoun') &&
        t.start > ctx.clauses[0]!.end,
    );
    // A name in the greeting or the sign-off is the candidate or the sender, not who they will meet.
    if (
      named &&
      /\b(?:meet|with|from|speak|talk|call|email|send|contact|reach out|schedule|lead|join|run)\b/.test(
        c.lower,
      )
    )
      return { start: named.start, end: named.end };
    const hit = findAll(WHO, c.lower, c.start)[0];
    if (hit && !/\b(?:thank|thanks|enjoyed)\b/.test(c.lower)) return hit;
  }
  return null;
}
