/**
 * Finding — a promise the team cannot keep: guarantees of a future outcome ("we will definitely
 * find you a role", "you're guaranteed an interview next time"), contact on an event nobody owns
 * ("we'll call you the moment something comes up", "you'll be first in line"), and promises of
 * feedback or timing the writer does not control.
 */
import { excerptOf, findAll, rx } from '../text.ts';
import type { CheckContext, Finding } from '../types.ts';

const UNKEEPABLE = rx([
  '(?:guarantee|guaranteed|promise you|i promise|we promise)',
  "(?:will|'ll|shall) (?:definitely|certainly|surely|absolutely|100%) (?:be|find|get|have|hear|offer|hire|contact|call|reach|come)",
  '(?:first|top) (?:in line|of the list|on the list|to (?:know|hear))',
  "(?:will|'ll) (?:contact|call|email|reach out to|get in touch with|let) you (?:know )?(?:as soon as|the moment|the minute|the second|whenever|when) (?:a|another|any|something|the next|a similar|an?) ?(?:suitable |similar |new |relevant )?(?:role|position|opening|vacancy|opportunity|job|comes up|opens|becomes)",
  "(?:will|'ll) (?:find|get) you (?:a|another|the perfect|your next) (?:role|job|position)",
  'no doubt (?:you|that you) (?:will|would) (?:be|get)',
  "(?:it's|it is) (?:just )?a (?:formality|matter of time)",
  '(?:always|forever) (?:have|keep) a (?:place|spot|seat) for you',
  "(?:will|'ll) (?:hire|take) you (?:next time|in the future|as soon as)",
  "you (?:will|'ll) (?:definitely|certainly) (?:hear|be)",
]);

/** Promises the team cannot keep, each distinct excerpt once. */
export function findUnkeepablePromises(ctx: CheckContext): Finding[] {
  if (ctx.kind === 'thank_you' || ctx.kind === 'check_in' || ctx.kind === 'nudge') return [];
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const span of findAll(UNKEEPABLE, ctx.lower)) {
    const excerpt = excerptOf(ctx.text, span);
    if (seen.has(excerpt.toLowerCase())) continue;
    seen.add(excerpt.toLowerCase());
    out.push({
      code: 'unkeepable_promise',
      severity: 'warning',
      message: `"${excerpt}" promises something the team cannot be sure to keep.`,
      excerpt,
      ...span,
      suggestion:
        'Promise only what you control, with a date, e.g. "We will keep your details for 12 months and email you about similar roles."',
    });
  }
  return out;
}
