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
import { findProtectedCharacteristics } from '../findings/protected-characteristic.ts';
import { RANKING_OR_GENERIC } from '../findings/comparison.ts';

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
  "(?:the|this|our) (?:role|role's|position|job|team|client|post|vacancy|programme|program|kitchen|territory|product|work|shifts?|site) (?:\\p{L}+ )?(?:requires|required|needs|needed|calls for|called for|demands|involves|involved|relies on|relied on|depends on|is (?:mostly|heavily|largely|primarily|focused|about)|will (?:present|own|lead|run|manage|involve))",
  '(?:your|the) (?:score|solution|submission|code|cv|placements?|projects?|examples?|answers?|work|budgets?) (?:\\p{L}+ ){0,3}(?:was|were|is|are|had|used|did|showed|focused|covered|stayed)',
  "you (?:told|mentioned|said|explained) (?:us |me )?(?:that )?(?:you|your) (?:can|can't|cannot|could|couldn't|only|don't|do not|haven't|have not|hadn't|didn't|were|weren't|are|aren't|had|lapsed|have only)",
  "(?:doesn't|does not|didn't|did not) (?:quite )?match",
  "(?:test cases?|tests?|build|solution|code|integration) (?:\\p{L}+ )?(?:failed|timed out|crashed|did not run|didn't run)",
  '(?:below|under) the (?:threshold|bar|level|pass mark)',
  "(?:you|you've|you have) (?:haven't|have not|hadn't|not) (?:yet )?(?:shipped|worked|used|led|managed|run|done|held|built|owned)",
  "you (?:haven't|have not|hadn't|don't|do not) (?:yet )?(?:shipped|worked|used|led|managed|run|done|hold|held|built|owned|have)",
  "which you (?:don't|do not|haven't|have not|are still)",
  '(?:we|i|the panel|the team|the interviewers|the hiring manager|the client) (?:felt|found|noticed|saw|observed|noted|thought|were concerned|was concerned)',
  'feedback',
  'your (?:answers?|responses?|examples?|portfolio|take-home|solution|presentation|exercise|case study|code|design|pitch|approach|submission|test|assignment|walkthrough|demo|references?)',
  'your (?:experience|background|skills?) (?:with|in|on|of|is|was|has been)',
  '(?:less|limited|little|not enough|no|insufficient|more) (?:hands-on |direct |practical |recent |commercial |production |relevant )?(?:experience|exposure|depth|background|examples)',
  'depth (?:in|of|on|with)',
  "(?:did not|didn't|was not able to|were not able to|wasn't able to|weren't able to|could not|couldn't|did not quite|didn't quite|were unable to|was unable to) (?:yet )?(?:demonstrate|show|see|cover|explain|address|answer|walk|get|reach|complete|finish|give|write|solve|build|describe|name|include|hear|discuss|weigh)",
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

const ADVICE_OR_RANKING =
  /\b(?:recommend|suggest|encourage|advise|advice|tip|next time|you (?:might|could|may) (?:want|consider|find))\b/;

function reasonIn(c: Clause): { specific: boolean } | null {
  if (c.question || c.conditional) return null;
  const triggers = findAll(TRIGGERS, c.lower, c.start);
  const vague = findAll(VAGUE_REASONS, c.lower, c.start);
  // A vague phrase with specifics beside it is a reason: "more closely matched our need for Terraform".
  if (triggers.length === 0 && vague.length === 0) return null;
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
  // A protected characteristic is never a legitimate reason, however specific.
  const protectedSpans = findProtectedCharacteristics(ctx);
  const tainted = (span: Span) => protectedSpans.some((p) => p.start! < span.end && span.start < p.end!);
  for (const s of ctx.sentences) {
    if (tainted(s)) continue;
    // Advice and rankings are judged as sentences: "bring printed copies next time, since …".
    if (ADVICE_OR_RANKING.test(s.lower) || findAll(RANKING_OR_GENERIC, s.lower).length > 0) continue;
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
