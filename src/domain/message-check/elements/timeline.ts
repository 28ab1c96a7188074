/**
 * Advance element "when" and update element "new date" — a time a deadline can be computed from:
 * a weekday, a date, "tomorrow", "next week", "within 5 business days", "by end of day".
 * "Soon", "shortly", "in due course" and "in the coming days" are not dates: a promise is a
 * deadline. Times about the past or the conversation ("thanks for your time today") do not count.
 */
import { countWords, findAll, rx } from '../text.ts';
import type { CheckContext, Span } from '../types.ts';

const WEEKDAY =
  '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri)s?\\.?';
const MONTH_ANY =
  '(?:january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?';
const ORD = '(?:st|nd|rd|th)?';
const NUM =
  '(?:\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty|a couple of|a couple|couple of|a few more|a few)';
const UNIT = '(?:(?:business |working |calendar )?(?:days?|weeks?|hours?|months?)|fortnight|hrs?)';

const TIMELINE = rx([
  `(?<!(?:last|past|this past) )${WEEKDAY}`,
  `\\d{1,2}${ORD} (?:of )?(?:${MONTH_ANY}|may)`,
  `${MONTH_ANY} \\d{1,2}${ORD}`,
  `(?:by|before|in|until|till|during|early|mid|late|end of|of|on) (?:the )?(?:may|${MONTH_ANY})`,
  '\\d{4}-\\d{2}-\\d{2}',
  '(?!24/7)\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?',
  '\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}',
  `the \\d{1,2}(?:st|nd|rd|th)`,
  `(?:within|in|over|during|after|for) (?:the )?(?:next )?(?:${NUM} (?:to|or|-) )?${NUM} ${UNIT}`,
  `(?:${NUM} ?(?:to|or|-) ?)${NUM} ${UNIT}`,
  '(?:next|this|the following|coming) (?:week|month|weekend)',
  'the week after next',
  `(?:next|this|the following|coming) ${WEEKDAY}`,
  'later today|by (?:the end of )?today|tomorrow|tonight|day after tomorrow',
  'end of (?:the )?(?:business )?(?:day|week|month)',
  'eod|eow|cob|close of (?:business|play)',
  'by (?:noon|midday|midnight)',
  '\\d{1,2}(?::\\d{2})? ?(?:am|pm|a\\.m\\.|p\\.m\\.)',
  '\\d{1,2}:\\d{2}',
  'w/c \\d',
  'week (?:of|commencing|beginning)',
]);

// Times that name the conversation or the past.
const NOT_A_PROMISE =
  /\b(?:thank|thanks|appreciate|enjoyed|pleasure|great to|good to|lovely to|nice to)\b|\b(?:last|ago|yesterday|earlier)\b/;

const STRICT_CONTACT =
  /\b(?:hear|answer|decision for you|call|email|ring|write|send|back to you|in touch|let you know|revert|update you|expect|inform you|get back)\b/;

/** The first time in the message a deadline can be computed from, or null. */
export function detectTimeline(ctx: CheckContext): Span | null {
  for (const c of ctx.clauses) {
    let hits = findAll(TIMELINE, c.lower, c.start);
    // An update's date is when the candidate hears: "by Friday", or a clause about hearing back —
    // not "the hiring manager is travelling this week".
    if (ctx.kind === 'update' && !STRICT_CONTACT.test(c.lower))
      hits = hits.filter(
        (h) =>
          // A clause that is only the time ("Next week.") is the date.
          countWords(ctx.lower.slice(c.start, h.start) + ' ' + ctx.lower.slice(h.end, c.end)) <= 2 ||
          /\b(?:by|before|on|until|till|within|in|no later than|after|for)\s+(?:the\s+)?$/.test(
            ctx.lower.slice(Math.max(c.start, h.start - 16), h.start),
          ) ||
          /^(?:within|in|over|during|after|for)\b/.test(ctx.lower.slice(h.start)),
      );
    if (hits.length === 0) continue;
    if (
      NOT_A_PROMISE.test(c.lower) &&
      !/\b(?:will|'ll|by|expect|hear|call|email|send|schedule)\b/.test(c.lower)
    )
      continue;
    return hits[0]!;
  }
  return null;
}
