/**
 * The agency desk's rules (pure): where a submission may go next, when a client's feedback is due
 * in the contact's business time, and the small ladder that keeps every owned follow-up other
 * than an outcome from slipping silently (an outcome has its own, in follow-up-ladder.ts).
 */
import { endOfBusinessDaysAfter, type BusinessCalendar } from './business-time.ts';
import type { FollowUpKind } from './follow-up.ts';

/** A submission's stages, in order; `declined` and `withdrawn` end it early. */
export const SUBMISSION_STAGES = [
  'submitted',
  'client_reviewing',
  'interviewing',
  'offered',
  'placed',
  'declined',
  'withdrawn',
] as const;
export type SubmissionStage = (typeof SUBMISSION_STAGES)[number];

/** How a client contact prefers to be reached. */
export const CONTACT_CHANNELS = ['email', 'phone', 'sms'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** Channels a logged contact with a client can use. */
export const CLIENT_LOG_CHANNELS = ['email', 'phone', 'in_person', 'sms'] as const;
export type ClientLogChannel = (typeof CLIENT_LOG_CHANNELS)[number];

const ENDED: ReadonlySet<SubmissionStage> = new Set(['placed', 'declined', 'withdrawn']);

/** Whether a submission has ended (nothing more is owed on it by the client). */
export function submissionEnded(stage: SubmissionStage): boolean {
  return ENDED.has(stage);
}

/**
 * Whether a submission may move from `from` to `to`. Forward along the pipeline (a client may skip
 * straight to an interview or an offer), or out by a decline or a withdrawal while it is open;
 * never back, never out of an ended one.
 */
export function canMoveSubmission(from: SubmissionStage, to: SubmissionStage): boolean {
  if (ENDED.has(from) || from === to) return false;
  if (to === 'declined' || to === 'withdrawn') return true;
  return SUBMISSION_STAGES.indexOf(to) > SUBMISSION_STAGES.indexOf(from);
}

/** The terms a client agreed up front, as far as deadlines go. */
export interface ClientTerms {
  feedbackDaysAfterSubmission: number;
  feedbackDaysAfterInterview: number;
}

/**
 * When the client's feedback is due: close of business on the Nth business day after `at`, in
 * the contact's business time (their zone, the agency's working days and holidays). Telling a
 * client "two business days" means their days, not the recruiter's.
 */
export function clientFeedbackDue(
  at: Date,
  after: 'submission' | 'interview',
  terms: ClientTerms,
  contactCalendar: BusinessCalendar,
): Date {
  const n = after === 'submission' ? terms.feedbackDaysAfterSubmission : terms.feedbackDaysAfterInterview;
  return endOfBusinessDaysAfter(at, n, contactCalendar);
}

/** The client's answer to a submission, recorded by the recruiter. */
export type ClientAnswer =
  { answer: 'interview' } | { answer: 'decline'; reason: string } | { answer: 'more_time'; until: Date };

/** The stage a client's answer moves a submission to (null: it stays where it is). */
export function stageAfterAnswer(answer: ClientAnswer['answer']): SubmissionStage | null {
  return answer === 'interview' ? 'interviewing' : answer === 'decline' ? 'declined' : null;
}

/** One step of an owned follow-up's ladder, counted in business days after the due time. */
export interface OwnedStep {
  afterBusinessDays: number;
  /** `remind`: the owner is prompted; `escalate`: someone above hears it slipped. */
  action: 'remind' | 'escalate';
  /** Who hears an escalation: the job's hiring manager (the admins when there is none), else the admins. */
  to?: 'hiring_manager' | 'admins';
}

/**
 * The one table of owned follow-up kinds the sweep walks, and each one's ladder. A kind not here
 * is not swept (outcomes have their own ladder). For client feedback the owner is prompted to
 * nudge when it is due and again two days on; after two unanswered nudges, escalation.
 */
export const OWNED_LADDERS: Partial<Record<FollowUpKind, readonly OwnedStep[]>> = {
  client_feedback: [
    { afterBusinessDays: 0, action: 'remind' },
    { afterBusinessDays: 2, action: 'remind' },
    { afterBusinessDays: 4, action: 'escalate' },
  ],
  client_update: [
    { afterBusinessDays: 0, action: 'remind' },
    { afterBusinessDays: 2, action: 'escalate' },
  ],
  update: [
    { afterBusinessDays: 0, action: 'remind' },
    { afterBusinessDays: 1, action: 'escalate' },
  ],
  debrief: [
    { afterBusinessDays: 0, action: 'remind' },
    { afterBusinessDays: 1, action: 'escalate' },
  ],
  // An interviewer's scorecard (owed to the team): reminded when due, the hiring manager told a day on.
  feedback_due: [
    { afterBusinessDays: 0, action: 'remind' },
    { afterBusinessDays: 1, action: 'escalate', to: 'hiring_manager' },
  ],
  // The hiring manager's decide-by: reminded when due, the admins told a day on (the promise is near).
  decision_due: [
    { afterBusinessDays: 0, action: 'remind' },
    { afterBusinessDays: 1, action: 'escalate' },
  ],
  // A final stage under its target: the recruiter is reminded, and the admins hear two days on.
  backfill: [
    { afterBusinessDays: 0, action: 'remind' },
    { afterBusinessDays: 2, action: 'escalate' },
  ],
  // A placement's check-in (first day, 30 days, before the guarantee ends): reminded, then the admins.
  placement_check_in: [
    { afterBusinessDays: 0, action: 'remind' },
    { afterBusinessDays: 2, action: 'escalate' },
  ],
};

/** The kinds {@link OWNED_LADDERS} sweeps. */
export const OWNED_LADDER_KINDS = Object.keys(OWNED_LADDERS) as FollowUpKind[];

/** What the owned ladder does now for one follow-up, and when to look again. */
export interface OwnedPlan {
  actions: OwnedStep['action'][];
  /** Steps taken after this plan. */
  stepsTaken: number;
  nextActionAt: Date | null;
}

/**
 * Plan the owned ladder at `now` for a follow-up due at `dueAt` that has taken `stepsTaken`
 * steps. Steps whose time has come are taken together (a sweep that was down for a week does
 * the lot once, not one per pass); nothing happens before the due time.
 */
export function planOwnedLadder(
  kind: FollowUpKind,
  dueAt: Date,
  stepsTaken: number,
  calendar: BusinessCalendar,
  now: Date,
): OwnedPlan {
  const steps = OWNED_LADDERS[kind] ?? [];
  const actions: OwnedStep['action'][] = [];
  let taken = stepsTaken;
  for (let i = stepsTaken; i < steps.length; i++) {
    const at = ownedStepTime(dueAt, steps[i]!.afterBusinessDays, calendar);
    if (at.getTime() > now.getTime()) return { actions, stepsTaken: taken, nextActionAt: at };
    actions.push(steps[i]!.action);
    taken = i + 1;
  }
  return { actions, stepsTaken: taken, nextActionAt: null };
}

/** When a step `afterBusinessDays` after the due time comes: the due time itself, or close of business N days on. */
export function ownedStepTime(dueAt: Date, afterBusinessDays: number, calendar: BusinessCalendar): Date {
  return afterBusinessDays === 0 ? dueAt : endOfBusinessDaysAfter(dueAt, afterBusinessDays, calendar);
}

const WHAT: Partial<Record<FollowUpKind, { owed: string; next: string }>> = {
  client_feedback: {
    owed: 'The client owes feedback on',
    next: 'Nudge the client with something new (another interview, availability, a new candidate, a market fact); the desk drafts one.',
  },
  client_update: {
    owed: 'You set a next contact with',
    next: 'Contact them, and set the next contact when you log it.',
  },
  update: {
    owed: 'The candidate is waiting to hear the client’s answer:',
    next: 'Tell the candidate, then log the contact.',
  },
  debrief: {
    owed: 'A debrief is owed to',
    next: 'Call the candidate while the interview is fresh.',
  },
  feedback_due: {
    owed: 'A scorecard is owed on the interview of',
    next: 'Give your feedback in Hearback (Follow-ups → Give feedback): the decision, and what the candidate is told, wait on it.',
  },
  decision_due: {
    owed: 'A decision is owed (decide-by) on',
    next: 'Record the decision in Hearback, or a hold with a new date, so the candidate can be told what was promised.',
  },
  backfill: {
    owed: 'The final stage is under its finalist target since this finalist left:',
    next: 'Move a candidate from an earlier stage into the final stage (the job’s timeline names who is still in the running), or cancel this follow-up with the reason there is no backfill.',
  },
  placement_check_in: {
    owed: 'A placement check-in is owed:',
    next: 'Call them while there is time to fix what is going wrong inside the guarantee, then log the contact.',
  },
};

/** The subject and text of an owned ladder step's email, to the owner or to an admin. */
export function ownedStepMessage(
  kind: FollowUpKind,
  action: OwnedStep['action'],
  facts: { recipient: string; owner: string; about: string; due: string },
): { subject: string; text: string } {
  const what = WHAT[kind] ?? { owed: 'A follow-up is owed on', next: 'Do it, or hand it on.' };
  if (action === 'remind') {
    return {
      subject: `Due: ${facts.about}`,
      text: `Hello ${facts.recipient},\n\n${what.owed} ${facts.about} — due ${facts.due}.\n\n${what.next}`,
    };
  }
  return {
    subject: `Slipping: ${facts.about}`,
    text:
      `Hello ${facts.recipient},\n\n${what.owed} ${facts.about} — it was due ${facts.due} and is still open ` +
      `after reminders to ${facts.owner}.\n\n${what.next}`,
  };
}
