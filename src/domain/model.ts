/**
 * The shapes of Hearback's records as the services and the API see them (camelCase, Dates).
 * Vocabulary follows DESIGN.md.
 */
import type { Channel, FollowUpKind, FollowUpStatus, Party, TouchpointKind } from './follow-up.ts';
import type { Policy } from './policy.ts';
import type { PromiseWarning } from './promise.ts';
import type { ScheduleReason } from './schedule.ts';

export const MEMBER_ROLES = ['admin', 'recruiter', 'hiring_manager', 'interviewer'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const ROLE_KINDS = ['sales', 'client_facing', 'technical', 'other'] as const;
export type RoleKind = (typeof ROLE_KINDS)[number];

export const JOB_STATUSES = ['open', 'on_hold', 'closed', 'filled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const APPLICATION_STATUSES = [
  'active',
  'on_hold',
  'offered',
  'hired',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const DECISION_OUTCOMES = ['advance', 'reject', 'hold', 'offer'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export const RECOMMENDATIONS = ['strong_yes', 'yes', 'no', 'strong_no'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export const PROMISE_RESOLUTIONS = ['explicit', 'parsed', 'policy_default'] as const;
export type PromiseResolutionKind = (typeof PROMISE_RESOLUTIONS)[number];

export interface Organization {
  id: string;
  name: string;
  policy: Policy;
  createdAt: Date;
}

export interface Member {
  id: string;
  orgId: string;
  email: string;
  name: string;
  role: MemberRole;
  timeZone: string | null;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface Job {
  id: string;
  orgId: string;
  title: string;
  roleKind: RoleKind;
  status: JobStatus;
  hiringManagerId: string | null;
  recruiterId: string | null;
  /** Policy fields this job overrides. */
  policyOverrides: Record<string, unknown>;
  /** Its stages in order: the pipeline's columns, left to right. */
  stages: string[];
  createdAt: Date;
  updatedAt: Date;
}

export interface Candidate {
  id: string;
  orgId: string;
  name: string;
  email: string | null;
  phone: string | null;
  timeZone: string | null;
  /** A hard bounce came back for this address; changing the address clears it. */
  emailBouncedAt: Date | null;
  emailBounceReason: string | null;
  /** The record's id in the system it was imported from. */
  externalId: string | null;
  /** Where they came from (a referral, a job board, an agency …), as the team writes it. */
  source: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface Application {
  id: string;
  orgId: string;
  jobId: string;
  candidateId: string;
  stage: string;
  status: ApplicationStatus;
  /** Final-stage candidates hear the outcome by phone first. */
  finalStage: boolean;
  /** When the candidate last confirmed they are still interested (status page). */
  interestConfirmedAt: Date | null;
  /** The agency recruiter the candidate came through, if any: their contact for everything. */
  agencyRecruiter: { name: string; email: string } | null;
  /** The candidate replied and nobody has answered yet: automatic updates wait for a person. */
  awaitingReplySince: Date | null;
  /** The record's id in the system it was imported from. */
  externalId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The promise captured when an interview is closed. */
export interface InterviewPromise {
  statement: string;
  dueAt: Date;
  ownerId: string;
  resolution: PromiseResolutionKind;
  rule: string;
  warnings: PromiseWarning[];
}

export interface Interview {
  id: string;
  orgId: string;
  applicationId: string;
  title: string;
  scheduledAt: Date | null;
  endsAt: Date | null;
  closedAt: Date | null;
  interviewerIds: string[];
  promise: InterviewPromise | null;
  /** Where it happens (an address or a video link), for the invitation. */
  location: string;
  cancelledAt: Date | null;
  /** The calendar SEQUENCE of its invitations: raised on every change (RFC 5545). */
  icsSequence: number;
  invitationsSent: boolean;
  /** The record's id in the system it was imported from. */
  externalId: string | null;
  createdAt: Date;
}

export interface Feedback {
  id: string;
  orgId: string;
  interviewId: string;
  interviewerId: string;
  recommendation: Recommendation;
  ratings: Record<string, number>;
  notes: string;
  submittedAt: Date;
  /** 1 for the first save; each later save by the author adds one (earlier versions are kept). */
  version: number;
}

/**
 * A scorecard its author saved without submitting: seen by them alone, never counted as feedback
 * given, replaced on each save; submitting it makes it the next version of their `Feedback`.
 */
export interface FeedbackDraft {
  id: string;
  orgId: string;
  interviewId: string;
  interviewerId: string;
  /** Not chosen yet is allowed in a draft. */
  recommendation: Recommendation | null;
  ratings: Record<string, number>;
  notes: string;
  /** The submitted version the draft was written over; 0 when there was none. */
  baseVersion: number;
  savedAt: Date;
}

export interface Decision {
  id: string;
  orgId: string;
  applicationId: string;
  outcome: DecisionOutcome;
  reasons: string[];
  /** Advice for the future, for the candidate. */
  recommendation: string;
  notes: string;
  decidedBy: string;
  decidedAt: Date;
}

export interface Touchpoint {
  id: string;
  orgId: string;
  applicationId: string;
  direction: 'inbound' | 'outbound';
  channel: Channel;
  kind: TouchpointKind;
  fromParty: Party;
  toParty: Party;
  connected: boolean;
  memberId: string | null;
  occurredAt: Date;
  summary: string;
  createdAt: Date;
  /** For an outcome told by hand (a call, a meeting): the decision it delivered. */
  decisionId?: string | null;
  /** Set when the member undid the logged contact: it stays on record and closes nothing. */
  undoneAt?: Date | null;
}

export interface FollowUp {
  id: string;
  orgId: string;
  applicationId: string;
  interviewId: string | null;
  kind: FollowUpKind;
  owedBy: Party;
  owedTo: Party;
  ownerId: string | null;
  dueAt: Date;
  /**
   * What the candidate was promised, when a decision pulled `dueAt` forward (null otherwise): the
   * candidate's page, automatic updates and "kept" go by it; the team's queue by `dueAt`.
   */
  promisedDueAt: Date | null;
  status: FollowUpStatus;
  doneAt: Date | null;
  doneByTouchpointId: string | null;
  cancelReason: string | null;
  supersededById: string | null;
  escalationLevel: number;
  /** When the first promise on this application broke; carried across automatic updates. */
  breachedAt: Date | null;
  remindedAt: Date | null;
  /** Automatic "still deciding" updates sent on this application so far. */
  updatesSent: number;
  /** When the sweep looks at this follow-up again (reminder, breach, escalation). */
  nextActionAt: Date | null;
  /** Its reminders wait until then (the sweep skips it), for `snoozeReason`; null when not snoozed. */
  snoozedUntil: Date | null;
  snoozeReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const MESSAGE_KINDS = [
  'outcome',
  'update',
  'reminder',
  'escalation',
  'digest',
  'job_closed',
  'status_link',
  'failure_alert',
  'sign_in',
  'invite',
  'candidate_note',
  'invitation',
  'reply_notice',
  'pool_invite',
  /** The note right after an interview: thanks, what happens next, who, how and by when. */
  'written_promise',
  /** A submission to a client contact, with one-click answers (interview, decline, more time). */
  'client_submission',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const MESSAGE_STATUSES = ['draft', 'scheduled', 'sending', 'sent', 'failed', 'cancelled'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** An email in the outbox. */
export interface Message {
  id: string;
  orgId: string;
  applicationId: string | null;
  followUpId: string | null;
  decisionId: string | null;
  kind: MessageKind;
  audience: 'candidate' | 'member';
  toMemberId: string | null;
  toAddress: string;
  toName: string;
  replyTo: string | null;
  subject: string;
  bodyText: string;
  bodyHtml: string;
  automatic: boolean;
  status: MessageStatus;
  /** When it goes out (drafts: null). */
  sendAt: Date | null;
  /** Why it goes out then; null for drafts and for messages scheduled before reasons were kept. */
  scheduledBecause: ScheduleReason | null;
  attempts: number;
  leaseUntil: Date | null;
  lastError: string | null;
  messageId: string;
  /** SHA-256 of the reply token in this message's reply address (null when inbound mail is off). */
  replyTokenHash: string | null;
  /** A calendar invitation carried as a text/calendar part. */
  calendar: { method: 'REQUEST' | 'CANCEL'; ics: string } | null;
  inReplyTo: string | null;
  references: string[];
  /** Which message check applies (rejection, advance, update), if any. */
  checkKind: 'rejection' | 'advance' | 'update' | null;
  overrideReason: string | null;
  cancelReason: string | null;
  createdBy: string | null;
  sentAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}
