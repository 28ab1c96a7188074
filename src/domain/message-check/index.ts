/**
 * Message checks: before a message goes out, the composer checks it against the practice Hearback
 * encodes (DESIGN.md, principles 4, 5 and 7). A rejection says (1) you were not selected, (2) why,
 * specifically, (3) a recommendation, (4) thanks and good luck — and invites the candidate to stay
 * in touch when they opted in. An advance gives the next step, who, and when; an update says the
 * decision is still being made, by when, and why; feedback names strengths, gaps and one
 * actionable suggestion; an agency's nudge to a client brings news. A candidate's thank-you is
 * prompt, brief and specific, a check-in reaffirms interest; neither offers gifts, social-media
 * requests or ultimatums. Every message is checked for protected characteristics and their
 * proxies, naming or ranking other candidates, promises the team cannot keep, blame, unfilled
 * placeholders and length.
 *
 * How it works: compromise splits the text into sentences and clauses and tags every word
 * (language/analyze.ts); each element (elements/*.ts) and each finding (findings/*.ts) is one small
 * module that decides per clause from its meaning — negation, subject (us, the candidate, another
 * person, the role), tense, modality — with its own table of examples beside it. Findings carry
 * the span they refer to (offsets into the text as given) and one suggested rewrite.
 * Pure: no I/O, no clock (the thank-you window comes in through the options).
 */
import { buildContext } from './context.ts';
import { detectGoodLuck } from './elements/good-luck.ts';
import { detectGaps, detectStrengths } from './elements/feedback.ts';
import { detectNews } from './elements/news.ts';
import { detectNextSteps, detectWho } from './elements/next-steps.ts';
import { detectNotSelected } from './elements/not-selected.ts';
import { detectInterest, detectSpecific, detectThanks } from './elements/note.ts';
import { detectReason } from './elements/reason.ts';
import { detectRecommendation } from './elements/recommendation.ts';
import { detectStayInTouch } from './elements/stay-in-touch.ts';
import { detectTimeline } from './elements/timeline.ts';
import { detectStillDeciding, detectUpdateReason } from './elements/update.ts';
import { findBlame } from './findings/blame.ts';
import { findComparisons } from './findings/comparison.ts';
import { findFlood } from './findings/flood.ts';
import { findFriendRequests } from './findings/friend-request.ts';
import { findGifts } from './findings/gift.ts';
import { findLateThankYou } from './findings/late-thank-you.ts';
import { findLength } from './findings/length.ts';
import { findNoNews } from './findings/no-news.ts';
import { findPlaceholders } from './findings/placeholder.ts';
import { findProtectedCharacteristics } from './findings/protected-characteristic.ts';
import { findUltimatums } from './findings/ultimatum.ts';
import { findUnkeepablePromises } from './findings/unkeepable-promise.ts';
import { findVagueReasons } from './findings/vague-reason.ts';
import { countWords } from './text.ts';
import {
  MESSAGE_ELEMENTS,
  CHECK_KINDS,
  type CheckContext,
  type CheckMessageOptions,
  type Finding,
  type FindingCode,
  type MessageCheck,
  type CheckKind,
  type Severity,
  type Span,
} from './types.ts';

export { MESSAGE_ELEMENTS, CHECK_KINDS };
export type { CheckMessageOptions, Finding, FindingCode, MessageCheck, CheckKind, Severity };
export { MIN_REASON_CONTENT_WORDS } from './elements/reason.ts';
export { REJECTION_SHORT_WORDS, NOTE_MAX_WORDS } from './findings/length.ts';

/** Short human explanation of each finding, with how to fix it. */
export const FINDING_TEXT: Record<FindingCode, string> = {
  missing_not_selected:
    'The message never says the candidate was not selected. Say it plainly, early: "We have decided not to move forward with your application."',
  missing_reason:
    'Say why, specifically and respectfully: what the role needed and what the candidate showed. It is the part of a rejection a candidate can use.',
  missing_recommendation:
    'Give one recommendation for the future: a skill to build, an experience to gain, when to apply again. A closing wish is not advice.',
  missing_good_luck: 'Close with thanks and good wishes.',
  missing_stay_in_touch: 'The candidate asked to hear about future roles: invite them to stay in touch.',
  missing_next_steps: 'Say what happens next: the next round, an exercise, references.',
  missing_who: 'Say whom the candidate will meet or hear from.',
  missing_timeline:
    'Give an estimated timeline a candidate can hold you to: "by Friday 14 June", "within 5 business days". "Soon" is not a date.',
  missing_still_deciding: 'Say plainly that the decision is still being made.',
  missing_new_date:
    'An update must name the new date the candidate will hear by: "You will hear from us by Tuesday 18 June."',
  missing_update_reason: 'Say briefly why it is taking longer; candidates take silence personally.',
  missing_strengths: 'Name a specific strength the candidate showed.',
  missing_gaps: 'Name a specific gap, tied to what the role needs.',
  missing_suggestion: 'Give at least one actionable suggestion.',
  missing_thanks: 'Thank the interviewer for their time.',
  missing_interest: 'Reaffirm your interest in the role.',
  no_news:
    'A nudge must bring news — the candidate’s other interviews or offers, new availability, a new candidate, market facts — not ask for status.',
  not_specific: 'Mention one thing from the conversation, so the note is clearly about this interview.',
  vague_reason:
    'Phrases like "not the right fit" or "went in a different direction" tell the candidate nothing. Name the skill or experience the role needed and what was missing.',
  protected_characteristic:
    'Mentions a protected characteristic or a proxy for one (age, sex, pregnancy, marital status, religion, race, national origin, disability, sexual orientation, genetic information). It is never a reason and does not belong in the message.',
  comparison_with_other:
    'Names or ranks other candidates. Describe what the role needed and what this candidate showed instead; other candidates are not theirs to know about.',
  unkeepable_promise: 'Promises something the team cannot be sure to keep. Promise only what you control.',
  blame_or_condescension: 'Reads as blame or talking down. Describe what happened and what would help.',
  unfilled_placeholder:
    'A template placeholder was left in the text. Fill it in or remove it before sending.',
  gift: 'Offers a gift. It puts interviewers in an awkward spot; warm words are enough.',
  friend_request: 'Asks to connect on social media. Keep contact professional until the process ends.',
  ultimatum: 'Reads as pressure or an ultimatum. A real deadline is fine to share, politely, as information.',
  late_thank_you: 'More than 48 hours after the interview; still worth sending, sooner is better.',
  flood: 'The check-in limit is reached; the team owes the answer now.',
  too_long: 'The message is long. Keep to what it is for.',
  too_short: 'The message is too short to carry its parts.',
  empty: 'The message is empty.',
};

interface ElementRule {
  detect: (ctx: CheckContext) => Span | null;
  missing: FindingCode;
  severity: Severity | ((ctx: CheckContext) => Severity | null);
  message: string;
  suggestion: string;
}

const ELEMENT_RULES: Record<string, ElementRule> = {
  not_selected: {
    detect: detectNotSelected,
    missing: 'missing_not_selected',
    severity: 'error',
    message: 'Say plainly that the candidate was not selected; nothing else in a rejection matters more.',
    suggestion: 'We have decided not to move forward with your application.',
  },
  reason: {
    detect: detectReason,
    missing: 'missing_reason',
    severity: 'warning',
    message: 'Say why, specifically: the candidate can use it.',
    suggestion: 'The role needs …; in the interview we did not yet see … .',
  },
  recommendation: {
    detect: detectRecommendation,
    missing: 'missing_recommendation',
    severity: 'warning',
    message: 'Give one recommendation for the future: what would make their next application stronger.',
    suggestion: 'One thing that would strengthen a future application: … .',
  },
  good_luck: {
    detect: detectGoodLuck,
    missing: 'missing_good_luck',
    severity: 'warning',
    message: 'Thank the candidate and wish them well.',
    suggestion: 'Thank you for the time you gave us, and good luck with your search.',
  },
  stay_in_touch: {
    detect: detectStayInTouch,
    missing: 'missing_stay_in_touch',
    severity: (ctx) => (ctx.options.stayInTouchOptIn ? 'warning' : null),
    message: 'The candidate opted in to hear about future roles: invite them to stay in touch.',
    suggestion: 'We would like to keep your details and let you know when a similar role opens.',
  },
  next_steps: {
    detect: detectNextSteps,
    missing: 'missing_next_steps',
    severity: 'error',
    message: 'Say what happens next: the next round, whom they will meet, how it is scheduled.',
    suggestion: 'The next step is a … with … .',
  },
  who: {
    detect: detectWho,
    missing: 'missing_who',
    severity: 'info',
    message: 'Say whom the candidate will meet or hear from.',
    suggestion: 'You will meet … , our … .',
  },
  timeline: {
    detect: detectTimeline,
    missing: 'missing_timeline',
    severity: 'warning',
    message: 'Give an estimated timeline with a date or a number of days; "soon" is not one.',
    suggestion: 'You will hear from us by … with times to choose from.',
  },
  still_deciding: {
    detect: detectStillDeciding,
    missing: 'missing_still_deciding',
    severity: 'warning',
    message: 'Say plainly that the decision is still being made.',
    suggestion: 'We have not made our decision yet.',
  },
  new_date: {
    detect: detectTimeline,
    missing: 'missing_new_date',
    severity: 'error',
    message: 'Name the new date the candidate will hear by; an update without one is not a promise.',
    suggestion: 'You will hear from us by … .',
  },
  update_reason: {
    detect: detectUpdateReason,
    missing: 'missing_update_reason',
    severity: 'info',
    message: 'Say briefly why it is taking longer.',
    suggestion: 'It is taking longer because … .',
  },
  strengths: {
    detect: detectStrengths,
    missing: 'missing_strengths',
    severity: 'warning',
    message: 'Name a specific strength the candidate showed.',
    suggestion: 'What worked well: … .',
  },
  gaps: {
    detect: detectGaps,
    missing: 'missing_gaps',
    severity: 'warning',
    message: 'Name a specific gap, tied to what the role needs.',
    suggestion: 'Where it fell short of what the role needs: … .',
  },
  suggestion: {
    detect: detectRecommendation,
    missing: 'missing_suggestion',
    severity: 'warning',
    message: 'Give at least one actionable suggestion.',
    suggestion: 'One thing to practise before your next interview: … .',
  },
  news: { detect: detectNews, missing: 'no_news', severity: () => null, message: '', suggestion: '' },
  thanks: {
    detect: detectThanks,
    missing: 'missing_thanks',
    severity: 'warning',
    message: 'Thank the interviewer for their time.',
    suggestion: 'Thank you for your time on … .',
  },
  specific: {
    detect: detectSpecific,
    missing: 'not_specific',
    severity: 'warning',
    message: 'Mention one thing from the conversation you valued; it shows the note is about this interview.',
    suggestion: 'I especially enjoyed hearing about … .',
  },
  interest: {
    detect: detectInterest,
    missing: 'missing_interest',
    severity: 'info',
    message: 'Reaffirm your interest in the role.',
    suggestion: 'I remain very interested in the role.',
  },
};

/** The element rule behind an element key (the update's reason is its own rule). */
function ruleFor(kind: CheckKind, element: string): ElementRule {
  const key = kind === 'update' && element === 'reason' ? 'update_reason' : element;
  return ELEMENT_RULES[key]!;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Checks a message.
 *
 * @throws RangeError for an unknown kind or a `maxWords` that is not a positive number.
 * @example
 * const check = checkMessage('update', 'We are still deciding; you will hear from us by Friday.');
 * check.elements.new_date; // true
 */
export function checkMessage(kind: CheckKind, text: string, options: CheckMessageOptions = {}): MessageCheck {
  if (!(CHECK_KINDS as readonly string[]).includes(kind)) {
    throw new RangeError(`Unknown message kind: ${String(kind)}`);
  }
  if (options.maxWords !== undefined && (!(options.maxWords > 0) || !Number.isFinite(options.maxWords))) {
    throw new RangeError(`maxWords must be a positive number, got ${options.maxWords}`);
  }
  const original = typeof text === 'string' ? text : '';
  const elements: Record<string, boolean> = {};
  for (const key of MESSAGE_ELEMENTS[kind]) elements[key] = false;
  const wordCount = countWords(original);
  if (wordCount === 0) {
    return {
      kind,
      elements,
      wordCount,
      findings: [{ code: 'empty', severity: 'error', message: 'The message is empty.' }],
    };
  }

  const ctx = buildContext(kind, original, options);

  const findings: Finding[] = [];
  const vague = findVagueReasons(ctx, false);
  for (const key of MESSAGE_ELEMENTS[kind]) {
    const rule = ruleFor(kind, key);
    elements[key] = rule.detect(ctx) !== null;
    if (elements[key]) continue;
    const severity = typeof rule.severity === 'function' ? rule.severity(ctx) : rule.severity;
    if (severity === null) continue;
    // A vague reason is its own finding, with the same fix: no separate "missing reason".
    if (rule.missing === 'missing_reason' && vague.length > 0) continue;
    findings.push({ code: rule.missing, severity, message: rule.message, suggestion: rule.suggestion });
  }

  if (kind === 'rejection') findings.push(...findVagueReasons(ctx, elements.reason === true));
  if (kind === 'feedback')
    findings.push(...findVagueReasons(ctx, elements.strengths === true || elements.gaps === true));
  if (kind === 'nudge') findings.push(...findNoNews(ctx, elements.news === true));
  findings.push(
    ...findProtectedCharacteristics(ctx),
    ...findComparisons(ctx),
    ...findUnkeepablePromises(ctx),
    ...findBlame(ctx),
    ...findPlaceholders(ctx),
    ...findGifts(ctx),
    ...findFriendRequests(ctx),
    ...findUltimatums(ctx),
    ...findLateThankYou(ctx),
    ...findFlood(ctx),
    ...findLength(ctx, wordCount),
  );

  // Array.prototype.sort is stable, so each severity keeps the order the checks found.
  findings.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  return { kind, elements, findings, wordCount };
}

/** Whether the check found anything that must be fixed before sending (any `error`). */
export function hasBlockingFindings(check: MessageCheck): boolean {
  return check.findings.some((f) => f.severity === 'error');
}
