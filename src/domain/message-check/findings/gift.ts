/**
 * Finding — a gift in a candidate's note (blocking): chocolates, flowers, a gift card, wine, a
 * hamper, "coffee on me". It puts interviewers in an awkward spot; warm words are enough.
 * A gift word needs a giving context ("I've sent", "for the team", "a small token"), so "your
 * flower-delivery app" or "the cake analogy" are not gifts.
 */
import { excerptOf, findAll, rx } from '../text.ts';
import type { CheckContext, Finding, Span } from '../types.ts';

const GIFT_NOUN = rx([
  'chocolates?',
  'flowers',
  '(?:a )?bouquet',
  'gift ?(?:cards?|vouchers?|baskets?|box|boxes|hampers?)?',
  'vouchers?',
  'hampers?',
  'bottles? of (?:wine|champagne|whisky|whiskey|bubbly|prosecco)',
  '(?:some |a box of |a few )?(?:cookies|cupcakes|cake|muffins|pastries|biscuits|sweets|donuts|doughnuts|brownies)',
  '(?:amazon|starbucks|uber eats|itunes|visa) (?:card|voucher|credit)',
  'care package',
  '(?:a |some )?(?:wine|champagne)',
  '(?:a )?(?:small |little )?(?:token|something) (?:of|to show) (?:my )?(?:appreciation|gratitude|thanks)',
  'a little something',
]);
const GIVING =
  /\b(?:send|sending|sent|bring|bringing|brought|drop(?:ped|ping)? off|deliver(?:ed|y)?|mail(?:ed)?|post(?:ed)?|leave|left|enclos\w*|attach\w*|for you|for the team|for everyone|on (?:its|their) way|coming your way|hope you (?:all )?enjoy|enjoy (?:the|them|it)|treat|order(?:ed)?|arrive|arriving|courier\w*|a token|a gift|as thanks|to say thanks|my thanks)\b/;
const SPECIAL = rx([
  "coffee(?:'s| is)? on me",
  '(?:buy|get|take) you (?:a |an |out for )?(?:coffee|lunch|drink|drinks|beer|dinner|meal)',
  'treat you (?:all )?to',
  'lunch (?:is )?on me',
  '(?:drinks|dinner) (?:are|is) on me',
]);

/** Gifts offered in a candidate's note, each distinct excerpt once. */
export function findGifts(ctx: CheckContext): Finding[] {
  if (ctx.kind !== 'thank_you' && ctx.kind !== 'check_in') return [];
  const spans: Span[] = [...findAll(SPECIAL, ctx.lower)];
  for (const c of ctx.clauses) {
    if (!GIVING.test(c.lower) && !/\b(?:gift|token of)\b/.test(c.lower)) continue;
    if (c.negated && /\b(?:won't|will not|didn't|not)\s+(?:send|bring)/.test(c.lower)) continue;
    spans.push(...findAll(GIFT_NOUN, c.lower, c.start));
  }
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const span of spans.sort((a, b) => a.start - b.start)) {
    // "a bouquet of flowers" is one gift: a span close to the last one joins it.
    const last = out.at(-1);
    if (last && span.start - last.end! <= 12 && !/[.!?]/.test(ctx.text.slice(last.end, span.start))) {
      last.end = Math.max(last.end!, span.end);
      last.excerpt = excerptOf(ctx.text, { start: last.start!, end: last.end });
      continue;
    }
    if (out.some((f) => f.start! < span.end && span.start < f.end!)) continue;
    const excerpt = excerptOf(ctx.text, span);
    if (seen.has(excerpt.toLowerCase())) continue;
    seen.add(excerpt.toLowerCase());
    out.push({
      code: 'gift',
      severity: 'error',
      message:
        'Please leave out gifts: they put interviewers in an awkward spot. Your words are thanks enough.',
      excerpt,
      ...span,
      suggestion: 'Remove the gift and name one thing from the conversation you valued instead.',
    });
  }
  return out;
}
