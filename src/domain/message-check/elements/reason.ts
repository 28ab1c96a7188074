/**
 * Rejection element 2 — why, specifically, about this application: "the role needs hands-on
 * Terraform and we did not see it in the exercise", "another candidate had more concrete examples
 * of their experience". A clause counts when it carries a reason phrase and, once the phrase and
 * boilerplate are removed, still says at least two things about the candidate or the role.
 * Vague phrases ("not the right fit", "other candidates more closely matched our needs") are
 * never enough on their own (see findings/vague-reason.ts).
 */
import type { Clause } from '../../language/analyze.ts';
import { blankOut, contentWords, findAll, rx } from '../text.ts';
import type { CheckContext, Span } from '../types.ts';
import { VAGUE_REASONS } from '../findings/vague-reason.ts';

/** Content words a reason clause needs beyond its stock phrase. */
export const MIN_REASON_CONTENT_WORDS = 2;

const TRIGGERS = rx([
  'because',
  'as (?:the|we|our|your)',
  'since (?:the|we|our|your)',
  'reasons?',
  'due to',
  '(?:mainly|largely|partly|primarily) (?:due|because)',
  "(?:we were|we're|we are|we've been|i was|the team was) (?:specifically |really )?(?:looking for|hoping for|hoping to see|after)",
  '(?:the|this) (?:role|position|job|team|client|post) (?:requires|required|needs|needed|calls for|called for|demands|involves|involved|is|was|will be) ',
  '(?:we|i|the panel|the team|the interviewers|the hiring manager|the client) (?:felt|found|noticed|saw|observed|noted|thought|were concerned|was concerned)',
  'feedback',
  'your (?:answers?|responses?|examples?|portfolio|take-home|solution|presentation|exercise|case study|code|design|pitch|approach|submission|test|assignment|walkthrough|demo|references?)',
  'your (?:experience|background|skills?) (?:with|in|on|of|is|was|has been)',
  '(?:less|limited|little|not enough|no|insufficient|more) (?:hands-on |direct |practical |recent |commercial |production |relevant )?(?:experience|exposure|depth|background|examples)',
  'depth (?:in|of|on|with)',
  "(?:did not|didn't|was not able to|were not able to|wasn't able to|weren't able to|could not|couldn't|did not quite|didn't quite) (?:yet )?(?:demonstrate|show|see|cover|explain|address|answer|walk|get|reach|complete|finish|give)",
  'not (?:yet )?(?:at|quite at) the level',
  '(?:stronger|weaker|more|less) (?:in|at|on|with)',
  'not as strong',
  'lack(?:ed|s|ing)?(?: of)?',
  'gaps? (?:in|around|with)',
  'we need(?:ed)? (?:someone|a person|a candidate|more|to see)',
  '(?:deciding|main|key|biggest|primary|only|decisive) (?:factor|concern|gap|issue|difference|reason)',
  'concern(?:s|ed)? (?:about|around|with|that|was|were)',
  '(?:hoped|hoping|wanted|expected|would have liked) to see',
  '(?:was|were) missing',
  'fell short',
  'struggled (?:with|to)',
  'not (?:yet )?(?:ready|strong enough)',
  '(?:had|has|showed|brought|demonstrated|gave) (?:more|stronger|deeper|broader|clearer|more concrete|more specific)',
  'more (?:concrete|specific|relevant|direct|recent)',
  'came down to',
  'the difference was',
  'we were unable to (?:see|verify|confirm)',
]);

function reasonIn(c: Clause): { specific: boolean } | null {
  if (c.question || c.conditional) return null;
  const triggers = findAll(TRIGGERS, c.lower, c.start);
  const vague = findAll(VAGUE_REASONS, c.lower, c.start);
  if (triggers.length === 0) return null;
  // Advice is a recommendation, not a reason: "we'd suggest more depth in SQL".
  if (
    /\b(?:recommend|suggest|encourage|advise|you (?:might|could|may) (?:want|consider|find))\b/.test(c.lower)
  )
    return null;
  const rest = blankOut(c.lower, [...triggers, ...vague], c.start);
  return { specific: contentWords(rest).length >= MIN_REASON_CONTENT_WORDS };
}

/** The first specific reason about this application, or null. */
export function detectReason(ctx: CheckContext): Span | null {
  for (const s of ctx.sentences) {
    // A reason often spans clauses ("Because X, we felt Y"): judge the sentence as one unit too.
    for (const c of s.clauses) {
      const r = reasonIn(c);
      if (r?.specific) return { start: c.start, end: c.end };
    }
    if (s.clauses.length > 1) {
      const whole = {
        ...s.clauses[0]!,
        start: s.start,
        end: s.end,
        lower: s.lower,
        text: s.text,
        conditional: false,
        question: /\?\s*$/.test(s.lower),
      };
      const r = reasonIn(whole);
      if (r?.specific) return { start: s.start, end: s.end };
    }
  }
  return null;
}
