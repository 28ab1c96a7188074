/**
 * Shapes shared by the message-check modules: the kinds of message, the elements each kind must
 * contain, the findings, and the context every rule reads.
 */
import type { Analysis, Clause, Sentence } from '../language/analyze.ts';

/**
 * What kind of text a message check reads (`messages.check_kind`) — not the outbox's
 * `MessageKind` (domain/model.ts), which says why a message was sent. The first three are a hiring team's messages to a candidate; `feedback`
 * is interview feedback to a candidate; `nudge` an agency recruiter's follow-up to a client;
 * `thank_you` and `check_in` a candidate's notes to the team.
 */
export const CHECK_KINDS = [
  'rejection',
  'advance',
  'update',
  'feedback',
  'nudge',
  'thank_you',
  'check_in',
] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

/** The elements each kind of message must contain, in the order they are reported. */
export const MESSAGE_ELEMENTS = {
  rejection: ['not_selected', 'reason', 'recommendation', 'good_luck', 'stay_in_touch'],
  advance: ['next_steps', 'who', 'timeline'],
  update: ['still_deciding', 'new_date', 'reason'],
  feedback: ['strengths', 'gaps', 'suggestion'],
  nudge: ['news'],
  thank_you: ['thanks', 'specific'],
  check_in: ['interest'],
} as const satisfies Record<CheckKind, readonly string[]>;

export type ElementCode = (typeof MESSAGE_ELEMENTS)[CheckKind][number];

export type Severity = 'error' | 'warning' | 'info';

/** Stable codes of what a check can find. */
export type FindingCode =
  | 'missing_not_selected'
  | 'missing_reason'
  | 'missing_recommendation'
  | 'missing_good_luck'
  | 'missing_stay_in_touch'
  | 'missing_next_steps'
  | 'missing_who'
  | 'missing_timeline'
  | 'missing_still_deciding'
  | 'missing_new_date'
  | 'missing_update_reason'
  | 'missing_strengths'
  | 'missing_gaps'
  | 'missing_suggestion'
  | 'missing_thanks'
  | 'missing_interest'
  | 'no_news'
  | 'not_specific'
  | 'vague_reason'
  | 'protected_characteristic'
  | 'comparison_with_other'
  | 'unkeepable_promise'
  | 'blame_or_condescension'
  | 'unfilled_placeholder'
  | 'gift'
  | 'friend_request'
  | 'ultimatum'
  | 'late_thank_you'
  | 'flood'
  | 'too_long'
  | 'too_short'
  | 'empty';

/**
 * One problem (or hint) in a message. `start`/`end` are offsets into the text as given (UTF-16,
 * end exclusive) when the finding is about a span; `excerpt` quotes that span; `suggestion` is
 * one thing to write instead (or to add, for a missing element).
 */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  message: string;
  excerpt?: string;
  start?: number;
  end?: number;
  suggestion?: string;
}

/** The result of checking one message. */
export interface MessageCheck {
  kind: CheckKind;
  /** Each element the kind requires ({@link MESSAGE_ELEMENTS}), and whether the text has it. */
  elements: Record<string, boolean>;
  /** Errors first, then warnings, then info; within a severity, in the order found. */
  findings: Finding[];
  wordCount: number;
}

/** Options of `checkMessage`. */
export interface CheckMessageOptions {
  /** Above this many words the message gets `too_long` (a warning; an error for candidate notes). Default 400; 250 for notes. */
  maxWords?: number;
  /** The candidate opted in to hear about future roles: a rejection should then invite them to stay in touch. Default false. */
  stayInTouchOptIn?: boolean;
  /** When the interview ended and when the note is written: a thank-you after 48 hours gets `late_thank_you`. */
  interviewEndedAt?: Date;
  writtenAt?: Date;
  /** Check-ins already sent, and the most allowed (the policy's caps): at the cap a check-in gets `flood`. */
  previousCheckIns?: number;
  maxCheckIns?: number;
}

/** A span of the text. */
export interface Span {
  start: number;
  end: number;
}

/** What every element and finding rule reads. */
export interface CheckContext {
  kind: CheckKind;
  /** As given. */
  text: string;
  /** Same length as `text`, lower case, quotes and dashes plain. */
  lower: string;
  analysis: Analysis;
  sentences: Sentence[];
  clauses: Clause[];
  options: CheckMessageOptions;
}
