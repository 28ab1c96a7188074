/**
 * Follow-up rules (pure). A follow-up is one party owing another a contact by a time. It is done
 * only by a touchpoint that actually reached the other party — deciding in the system is not
 * telling the candidate (principle 3). Overdue and kept are derived, never stored.
 */

/** What is owed. */
export const FOLLOW_UP_KINDS = [
  'outcome',
  'update',
  'feedback_due',
  'thank_you',
  'check_in',
  'debrief',
  'client_feedback',
  'client_update',
  // The candidate wrote; the team owes an answer (any contact that reaches them is one).
  'reply',
  // Their email bounced; the team owes them a contact by another way.
  'reach_another_way',
  // A talent-pool candidate is due a periodic word from the team.
  'stay_in_touch',
  // The final stage fell under the job's finalist target: the recruiter owes the team a new finalist.
  'backfill',
  // Inside the team: the hiring manager owes a decision by the decide-by time, before the promise.
  // (Its sibling inside the team is `feedback_due` owed to the team: an interviewer's scorecard.)
  'decision_due',
  // A placement's check-in: the recruiter owes the placed candidate or the client a call.
  'placement_check_in',
] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

/** Who owes or is owed. */
export const PARTIES = ['team', 'candidate', 'recruiter', 'client'] as const;
export type Party = (typeof PARTIES)[number];

export const FOLLOW_UP_STATUSES = ['open', 'done', 'cancelled'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const CHANNELS = ['email', 'phone', 'in_person', 'letter', 'sms', 'portal'] as const;
export type Channel = (typeof CHANNELS)[number];

/** What a touchpoint was about: a follow-up kind it may fulfil, or anything else. */
export const TOUCHPOINT_KINDS = [...FOLLOW_UP_KINDS, 'interview', 'note', 'other'] as const;
export type TouchpointKind = (typeof TOUCHPOINT_KINDS)[number];

/** The facts about a follow-up that the rules need. */
export interface FollowUpFacts {
  kind: FollowUpKind;
  owedBy: Party;
  owedTo: Party;
  status: FollowUpStatus;
  dueAt: Date;
  /** What the candidate was promised when a decision pulled `dueAt` forward; null or absent otherwise. */
  promisedDueAt?: Date | null | undefined;
  doneAt: Date | null;
  createdAt: Date;
}

/**
 * The time the other party was promised: `promisedDueAt` when a decision pulled the team's due
 * time forward, else the due time. What the candidate sees and "kept" go by it.
 */
export function promisedTimeOf(fu: Pick<FollowUpFacts, 'dueAt' | 'promisedDueAt'>): Date {
  return fu.promisedDueAt ?? fu.dueAt;
}

/** The facts about a touchpoint that the rules need. */
export interface TouchpointFacts {
  kind: TouchpointKind;
  channel: Channel;
  fromParty: Party;
  toParty: Party;
  /** For a call: the person picked up (not a voicemail, not no-answer). */
  connected: boolean;
  occurredAt: Date;
}

/** Why a touchpoint cannot close a follow-up; null when it can. */
export type CloseRefusal =
  'not_open' | 'did_not_reach' | 'wrong_parties' | 'wrong_kind' | 'predates_follow_up';

/**
 * Did this contact reach its recipient? A call or a meeting reaches only when it connected (a
 * voicemail or no-answer did not); a written message counts once it was sent to them — the
 * delivery status of Hearback's own emails is checked before they become touchpoints.
 */
export function touchpointReached(tp: Pick<TouchpointFacts, 'channel' | 'connected'>): boolean {
  switch (tp.channel) {
    case 'phone':
    case 'in_person':
      return tp.connected;
    case 'email':
    case 'letter':
    case 'sms':
    case 'portal':
      return true;
  }
}

/** Check whether `tp` fulfils `fu`; returns the reason it does not, or null. */
export function refuseClose(fu: FollowUpFacts, tp: TouchpointFacts): CloseRefusal | null {
  if (fu.status !== 'open') return 'not_open';
  if (tp.fromParty !== fu.owedBy || tp.toParty !== fu.owedTo) return 'wrong_parties';
  if (!touchpointKindFulfils(tp.kind, fu.kind)) return 'wrong_kind';
  if (!touchpointReached(tp)) return 'did_not_reach';
  // A call logged late is fine, but a contact from before the promise was made cannot keep it.
  if (tp.occurredAt.getTime() < fu.createdAt.getTime()) return 'predates_follow_up';
  return null;
}

/**
 * Which touchpoint kinds fulfil which follow-ups. Delivering the outcome also answers an owed
 * "still deciding" update: once the candidate knows, there is nothing left to update them on.
 * A reply owed to the candidate, or a contact by another way after a bounce, is fulfilled by any
 * contact that reaches them (the parties and the reach are still checked).
 */
export function touchpointKindFulfils(tpKind: TouchpointKind, fuKind: FollowUpKind): boolean {
  if (tpKind === fuKind) return true;
  // Whatever the team says next answers a reply; any contact that reaches them is "another way".
  if (fuKind === 'reply' || fuKind === 'reach_another_way') return true;
  return tpKind === 'outcome' && fuKind === 'update';
}

/** Past its due time and still open. */
export function isOverdue(fu: Pick<FollowUpFacts, 'status' | 'dueAt'>, now: Date): boolean {
  return fu.status === 'open' && fu.dueAt.getTime() < now.getTime();
}

/** Done no later than was promised: the promise was kept (a pulled-forward due time is the team's own aim). */
export function isKept(fu: Pick<FollowUpFacts, 'status' | 'dueAt' | 'promisedDueAt' | 'doneAt'>): boolean {
  return fu.status === 'done' && fu.doneAt !== null && fu.doneAt.getTime() <= promisedTimeOf(fu).getTime();
}

/** Where a follow-up stands, for lists and the timeline. */
export type FollowUpState = 'upcoming' | 'due_today' | 'overdue' | 'kept' | 'late' | 'cancelled';

/** Classify a follow-up at `now`; `todayEnd` is the end of the viewer's local day. */
export function followUpState(
  fu: Pick<FollowUpFacts, 'status' | 'dueAt' | 'promisedDueAt' | 'doneAt'>,
  now: Date,
  todayEnd: Date,
): FollowUpState {
  switch (fu.status) {
    case 'cancelled':
      return 'cancelled';
    case 'done':
      return isKept(fu) ? 'kept' : 'late';
    case 'open':
      if (isOverdue(fu, now)) return 'overdue';
      return fu.dueAt.getTime() <= todayEnd.getTime() ? 'due_today' : 'upcoming';
  }
}
