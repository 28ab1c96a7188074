/**
 * The candidate side of the agency desk: an interview at the client recorded with the client's
 * promise (resolved by the same promise engine as the team's own interviews, in the contact's
 * business time), the debrief with the candidate that follows it (it sets the next contact, and
 * suggests the candidate's thank-you note) and the client nudge drafted from what is new. The
 * candidate told honestly when the client's feedback keeps slipping is escalation-updates.ts.
 */
import {
  canMoveSubmission,
  clientFeedbackDue,
  submissionEnded,
  type ClientLogChannel,
} from '../domain/agency.ts';
import {
  dueTimeOf,
  instantOf,
  isTrackedInstant,
  localDateOf,
  type BusinessCalendar,
  type DateOrInstant,
} from '../domain/business-time.ts';
import {
  clientFeedbackDueAfterInterview,
  debriefDue,
  draftNudge,
  suggestThankYou,
  type NudgeDraft,
  type ThankYouSuggestion,
} from '../domain/debrief.ts';
import { checkMessage, type MessageCheck } from '../domain/message-check/index.ts';
import { resolvePromise } from '../domain/promise.ts';
import { errors } from '../errors.ts';
import type { Queryable } from '../db/db.ts';
import {
  closeDeskFollowUps,
  findClient,
  findClientContact,
  findSubmission,
  updateSubmissionStage,
  type Submission,
} from '../repositories/agency.repository.ts';
import { findCandidate } from '../repositories/candidate.repository.ts';
import {
  countNewSubmissionsToJob,
  insertCandidateSideFollowUp,
  insertClientInterview,
  insertDebrief,
  lastClientContactAt,
  listClientInterviews,
  listDebriefs,
  listOtherProcesses,
  lockOpenCandidateFollowUp,
  lockOpenFollowUpsOf,
  type ClientInterview,
  type Debrief,
} from '../repositories/debrief.repository.ts';
import { findJob } from '../repositories/job.repository.ts';
import { insertTouchpoint } from '../repositories/touchpoint.repository.ts';
import type { Actor, ServiceDeps } from './deps.ts';
import { calendarFor } from './escalation-updates.ts';
import { pageOfArray, type Page, type PageQuery } from './pagination.ts';

async function requireSubmission(
  q: Queryable,
  orgId: string,
  id: string,
  forUpdate = false,
): Promise<Submission> {
  const submission = await findSubmission(q, orgId, id, { forUpdate });
  if (!submission) throw errors.notFound('Submission', id);
  return submission;
}

// ---- interviews at the client

/** An interview at the client as the recruiter records it. */
export interface ClientInterviewInput {
  /** When it took place (a plain date: that day's start in the contact's zone). */
  at: DateOrInstant;
  title?: string | undefined;
  /** The client's people who interviewed (names). */
  interviewers: string[];
  /** What the client said about when they will decide, as said ("we'll decide by Friday"). */
  promise: string;
  /** Overrides the statement's date (resolution `explicit`); a plain date is that business day's close. */
  promiseDueAt?: DateOrInstant | undefined;
}

/** What recording an interview at the client did. */
export interface ClientInterviewRecorded {
  interview: ClientInterview;
  submission: Submission;
  /** The client's feedback, owed to the recruiter, due per the terms or the client's promise. */
  clientFeedback: { id: string; dueAt: Date };
  /** The recruiter's debrief with the candidate, due the same business day in the candidate's zone. */
  debrief: { id: string; dueAt: Date };
  /** Feedback the client owed on the submission itself, answered by this interview. */
  closedFollowUpIds: string[];
}

/**
 * Record an interview at the client for a submission, with the client's promise. The promise is
 * resolved in the contact's business time; the client's feedback is then due per the agreed terms
 * after an interview, or by the promise when it is earlier or given as a date. The submission
 * moves to `interviewing`, and the recruiter owes the candidate a debrief the same business day.
 */
export async function recordClientInterview(
  deps: ServiceDeps,
  orgId: string,
  submissionId: string,
  input: ClientInterviewInput,
  actor: Actor,
): Promise<ClientInterviewRecorded> {
  const now = deps.clock.now();
  const interviewers = input.interviewers.map((n) => n.trim()).filter(Boolean);
  if (interviewers.length === 0) {
    throw errors.validation("Name at least one of the client's interviewers.", { field: 'interviewers' });
  }
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const submission = await requireSubmission(tx, orgId, submissionId, true);
    if (submissionEnded(submission.stage) || submission.stage === 'offered') {
      throw errors.invalidState(
        `The submission is ${submission.stage}; it takes no more client interviews.`,
        {
          field: 'stage',
        },
      );
    }
    const contact = (await findClientContact(tx, orgId, submission.contactId))!;
    const client = (await findClient(tx, orgId, submission.clientId))!;
    const candidate = (await findCandidate(tx, orgId, submission.candidateId))!;
    const contactCal = await calendarFor(tx, orgId, contact.timeZone);
    const at = instantOf(input.at, contactCal.timeZone);
    if (at.getTime() > now.getTime() + 5 * 60_000) {
      throw errors.validation('Record an interview at the client once it has taken place.', { field: 'at' });
    }
    if (at.getTime() < submission.submittedAt.getTime()) {
      throw errors.validation('The interview cannot be before the submission.', { field: 'at' });
    }
    const promise = clientPromiseOf(input, at, contactCal, {
      defaultBusinessDays: client.feedbackDaysAfterInterview,
      ownerId: submission.recruiterId,
    });
    const interview = await insertClientInterview(tx, {
      orgId,
      submissionId,
      applicationId: submission.applicationId,
      title: input.title?.trim() || `Interview at ${client.name}`,
      at,
      interviewers,
      closedAt: now,
      promise,
      createdAt: now,
    });
    // The interview is the client's answer to the submission: what they owed on it is answered.
    const touchpoint = await insertTouchpoint(tx, {
      orgId,
      applicationId: submission.applicationId,
      direction: 'inbound',
      channel: 'in_person',
      kind: 'interview',
      fromParty: 'client',
      toParty: 'recruiter',
      connected: true,
      memberId: actor.memberId,
      occurredAt: at,
      summary: `${interview.title} with ${interviewers.join(', ')}. The client said: “${input.promise}”`,
      createdAt: now,
    });
    const answered = await lockOpenFollowUpsOf(tx, orgId, submissionId, 'client_feedback');
    await closeDeskFollowUps(tx, orgId, answered, touchpoint.id, now);
    const moved = canMoveSubmission(submission.stage, 'interviewing')
      ? await updateSubmissionStage(tx, orgId, submissionId, { stage: 'interviewing' }, now)
      : submission;
    const termsDue = clientFeedbackDue(at, 'interview', client, contactCal);
    const { clientFeedback, debrief } = await openInterviewFollowUps(tx, orgId, submission, {
      interviewId: interview.id,
      clientFeedbackDueAt: clientFeedbackDueAfterInterview(promise, termsDue),
      debriefDueAt: debriefDue(at, await calendarFor(tx, orgId, candidate.timeZone)),
      now,
    });
    return { interview, submission: moved, clientFeedback, debrief, closedFollowUpIds: answered };
  });
}

/**
 * The client's promise at an interview: an explicit date (after the interview), else the
 * statement resolved in the contact's business time with the terms' default; refused when it
 * resolves to a date that cannot be tracked.
 */
function clientPromiseOf(
  input: ClientInterviewInput,
  at: Date,
  contactCal: BusinessCalendar,
  terms: { defaultBusinessDays: number; ownerId: string },
): ClientInterview['promise'] {
  if (input.promiseDueAt !== undefined) {
    const dueAt = dueTimeOf(input.promiseDueAt, contactCal);
    if (dueAt.getTime() <= at.getTime()) {
      throw errors.validation('The promised date must be after the interview.', { field: 'promiseDueAt' });
    }
    return {
      statement: input.promise,
      dueAt,
      ownerId: terms.ownerId,
      resolution: 'explicit',
      rule: 'explicit',
      warnings: [],
    };
  }
  const resolved = resolvePromise({
    statement: input.promise,
    at,
    calendar: contactCal,
    defaultBusinessDays: terms.defaultBusinessDays,
  });
  if (!isTrackedInstant(resolved.dueAt)) {
    throw errors.validation(
      `The promise resolves to ${localDateOf(resolved.dueAt, contactCal.timeZone)}: give promiseDueAt instead.`,
      { field: 'promise' },
    );
  }
  return {
    statement: input.promise,
    dueAt: resolved.dueAt,
    ownerId: terms.ownerId,
    resolution: resolved.resolution,
    rule: resolved.rule,
    warnings: resolved.warnings,
  };
}

/** After an interview at the client: the client owes the recruiter feedback, the recruiter owes the candidate a debrief. */
async function openInterviewFollowUps(
  tx: Queryable,
  orgId: string,
  submission: Submission,
  due: { interviewId: string; clientFeedbackDueAt: Date; debriefDueAt: Date; now: Date },
) {
  const { interviewId, now } = due;
  const clientFeedback = await insertCandidateSideFollowUp(tx, {
    orgId,
    applicationId: submission.applicationId,
    submissionId: submission.id,
    interviewId,
    clientContactId: submission.contactId,
    kind: 'client_feedback',
    owedBy: 'client',
    owedTo: 'recruiter',
    ownerId: submission.recruiterId,
    dueAt: due.clientFeedbackDueAt,
    createdAt: now,
  });
  const debrief = await insertCandidateSideFollowUp(tx, {
    orgId,
    applicationId: submission.applicationId,
    submissionId: submission.id,
    interviewId,
    clientContactId: null,
    kind: 'debrief',
    owedBy: 'recruiter',
    owedTo: 'candidate',
    ownerId: submission.recruiterId,
    dueAt: due.debriefDueAt,
    createdAt: now,
  });
  return { clientFeedback, debrief };
}

/** The interviews at the client of a submission, oldest first, a page at a time (a submission has few). */
export async function listClientInterviewsPage(
  deps: ServiceDeps,
  orgId: string,
  submissionId: string,
  query: PageQuery,
): Promise<Page<ClientInterview>> {
  return deps.db.tenant(orgId).transaction(async (tx) => {
    await requireSubmission(tx, orgId, submissionId);
    return pageOfArray(await listClientInterviews(tx, orgId, submissionId), query);
  });
}

// ---- the debrief

/** A debrief as the guided form gives it. */
export interface DebriefInput {
  /** The interview at the client it is about; default the latest one. */
  interviewId?: string | undefined;
  channel: ClientLogChannel;
  impressions: string;
  surprises?: string | undefined;
  interestLevel: number;
  nextSteps?: string | undefined;
  questionsForClient?: string | undefined;
  availability?: string | undefined;
  mayMentionOtherProcesses?: boolean | undefined;
  occurredAt?: DateOrInstant | undefined;
  /** When to contact the candidate next; a plain date is the close of that business day in their zone. */
  nextContactAt?: DateOrInstant | undefined;
  /** Instead of a next contact: why there is none. */
  noNextContactReason?: string | undefined;
}

/** A contact with the submitted candidate: telling them the client's answer, where things stand, a check-in. */
export interface CandidateContactInput {
  channel: ClientLogChannel;
  /** What was said, as the timeline shows it. */
  summary: string;
  /** The follow-up this contact fulfils (one owed to the candidate); default the open updates. */
  followUpId?: string | undefined;
  occurredAt?: DateOrInstant | undefined;
  /** When to contact the candidate next; a plain date is the close of that business day in their zone. */
  nextContactAt?: DateOrInstant | undefined;
  /** Instead of a next contact: why there is none. */
  noNextContactReason?: string | undefined;
}

/** What logging a contact with the candidate did. */
export interface CandidateContactLogged {
  touchpointId: string;
  closedFollowUpIds: string[];
  nextContact: { id: string; dueAt: Date } | null;
}

/**
 * When a contact with the candidate happened (default now; not in the future) and when the next one
 * is due (a plain date: the close of that business day in their zone; in the future), or null.
 */
function contactTimes(
  input: { occurredAt?: DateOrInstant | undefined; nextContactAt?: DateOrInstant | undefined },
  candidateCal: BusinessCalendar,
  now: Date,
): { occurredAt: Date; nextDue: Date | null } {
  const occurredAt =
    input.occurredAt === undefined ? now : instantOf(input.occurredAt, candidateCal.timeZone);
  if (occurredAt.getTime() > now.getTime() + 5 * 60_000) {
    throw errors.validation('A contact cannot have happened in the future.', { field: 'occurredAt' });
  }
  const nextDue = input.nextContactAt === undefined ? null : dueTimeOf(input.nextContactAt, candidateCal);
  if (nextDue && nextDue.getTime() <= now.getTime()) {
    throw errors.validation('The next contact must be in the future.', { field: 'nextContactAt' });
  }
  return { occurredAt, nextDue };
}

/** The next contact with the submitted candidate: an update owed to them, owned by `actor`. */
function openNextCandidateContact(
  tx: Queryable,
  submission: Submission,
  actor: Actor,
  dueAt: Date,
  now: Date,
): Promise<{ id: string; dueAt: Date }> {
  return insertCandidateSideFollowUp(tx, {
    orgId: submission.orgId,
    applicationId: submission.applicationId,
    submissionId: submission.id,
    interviewId: null,
    clientContactId: null,
    kind: 'update',
    owedBy: 'recruiter',
    owedTo: 'candidate',
    ownerId: actor.memberId,
    dueAt,
    createdAt: now,
  });
}

/** The next contact is one of the two: a date, or the reason there is none. */
function requireNextContactOrReason(input: { nextContactAt?: unknown; noNextContactReason?: unknown }): void {
  if ((input.nextContactAt === undefined) === (input.noNextContactReason === undefined)) {
    throw errors.validation(
      'Set the next contact with the candidate (nextContactAt), or say why there is none (noNextContactReason) — one of the two.',
      { field: 'nextContactAt' },
    );
  }
}

/**
 * Log a contact with a submitted candidate, as `actor` — the recruiter telling them the client's
 * answer, where things stand, or checking in. Like every contact on the desk it sets the next one
 * (a follow-up `actor` owns) or says why there is none. It fulfils the named follow-up owed to the
 * candidate, else every open update owed to them on this submission: the candidate was told.
 */
export async function logCandidateContact(
  deps: ServiceDeps,
  orgId: string,
  submissionId: string,
  input: CandidateContactInput,
  actor: Actor,
): Promise<CandidateContactLogged> {
  const now = deps.clock.now();
  requireNextContactOrReason(input);
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const submission = await requireSubmission(tx, orgId, submissionId, true);
    const candidate = (await findCandidate(tx, orgId, submission.candidateId))!;
    const candidateCal = await calendarFor(tx, orgId, candidate.timeZone);
    const { occurredAt, nextDue } = contactTimes(input, candidateCal, now);
    let owed: string[];
    if (input.followUpId) {
      const one = await lockOpenCandidateFollowUp(tx, orgId, submissionId, input.followUpId);
      if (!one) {
        throw errors.invalidReference(
          'followUpId',
          'open follow-up owed to this candidate',
          input.followUpId,
        );
      }
      owed = [one];
    } else owed = await lockOpenFollowUpsOf(tx, orgId, submissionId, 'update');
    const touchpoint = await insertTouchpoint(tx, {
      orgId,
      applicationId: submission.applicationId,
      direction: 'outbound',
      channel: input.channel,
      kind: 'update',
      fromParty: 'recruiter',
      toParty: 'candidate',
      connected: true,
      memberId: actor.memberId,
      occurredAt,
      summary: input.summary,
      createdAt: now,
    });
    await closeDeskFollowUps(tx, orgId, owed, touchpoint.id, now);
    const nextContact = nextDue ? await openNextCandidateContact(tx, submission, actor, nextDue, now) : null;
    return { touchpointId: touchpoint.id, closedFollowUpIds: owed, nextContact };
  });
}

/** What logging a debrief did, and the thank-you note it suggests. */
export interface DebriefLogged {
  debrief: Debrief;
  /** The debrief follow-ups this contact fulfilled. */
  closedFollowUpIds: string[];
  /** The next contact with the candidate: a follow-up owned by the recruiter. */
  nextContact: { id: string; dueAt: Date } | null;
  thankYou: ThankYouSuggestion;
}

/**
 * Log the debrief with the candidate after an interview at the client, as `actor`. Like every
 * contact it sets the next contact with the candidate (a follow-up `actor` owns) or says why there
 * is none. It fulfils the debrief owed for that interview and suggests the candidate's thank-you
 * note from its points; its news feeds the next client nudge.
 */
export async function logDebrief(
  deps: ServiceDeps,
  orgId: string,
  submissionId: string,
  input: DebriefInput,
  actor: Actor,
): Promise<DebriefLogged> {
  const now = deps.clock.now();
  requireNextContactOrReason(input);
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const submission = await requireSubmission(tx, orgId, submissionId, true);
    const interview = await findDebriefedInterview(tx, orgId, submissionId, input);
    const candidate = (await findCandidate(tx, orgId, submission.candidateId))!;
    const candidateCal = await calendarFor(tx, orgId, candidate.timeZone);
    const { occurredAt, nextDue } = contactTimes(input, candidateCal, now);
    if (occurredAt.getTime() < interview.at.getTime()) {
      throw errors.validation('A debrief comes after the interview.', { field: 'occurredAt' });
    }
    const points = {
      impressions: input.impressions,
      surprises: input.surprises ?? '',
      interestLevel: input.interestLevel,
      nextSteps: input.nextSteps ?? '',
      questionsForClient: input.questionsForClient ?? '',
      availability: input.availability ?? '',
    };
    const touchpoint = await insertTouchpoint(tx, {
      orgId,
      applicationId: submission.applicationId,
      direction: 'outbound',
      channel: input.channel,
      kind: 'debrief',
      fromParty: 'recruiter',
      toParty: 'candidate',
      connected: true,
      memberId: actor.memberId,
      occurredAt,
      summary: `Debrief after ${interview.title}: interest ${points.interestLevel} of 5. ${points.impressions}`,
      createdAt: now,
    });
    const owed = await lockOpenFollowUpsOf(tx, orgId, submissionId, 'debrief', interview.id);
    await closeDeskFollowUps(tx, orgId, owed, touchpoint.id, now);
    const nextContact = nextDue ? await openNextCandidateContact(tx, submission, actor, nextDue, now) : null;
    const debrief = await insertDebrief(tx, {
      orgId,
      submissionId,
      interviewId: interview.id,
      memberId: actor.memberId,
      touchpointId: touchpoint.id,
      channel: input.channel,
      ...points,
      mayMentionOtherProcesses: input.mayMentionOtherProcesses ?? false,
      occurredAt,
      nextContactAt: nextDue,
      noNextContactReason: input.noNextContactReason ?? null,
      nextFollowUpId: nextContact?.id ?? null,
      createdAt: now,
    });
    const thankYou = await suggestDebriefThankYou(tx, orgId, submission, candidate, interview, points);
    return { debrief, closedFollowUpIds: owed, nextContact, thankYou };
  });
}

/** The interview at the client a debrief follows: the one named, else the latest. */
async function findDebriefedInterview(
  tx: Queryable,
  orgId: string,
  submissionId: string,
  input: DebriefInput,
) {
  const interviews = await listClientInterviews(tx, orgId, submissionId);
  const interview = input.interviewId
    ? interviews.find((i) => i.id === input.interviewId)
    : interviews.at(-1);
  if (!interview) {
    if (input.interviewId) {
      throw errors.invalidReference(
        'interviewId',
        'interview at the client of this submission',
        input.interviewId,
      );
    }
    throw errors.invalidState('Record the interview at the client first; a debrief follows an interview.');
  }
  return interview;
}

/** The candidate's thank-you note, suggested from the debrief's points. */
async function suggestDebriefThankYou(
  tx: Queryable,
  orgId: string,
  submission: Awaited<ReturnType<typeof requireSubmission>>,
  candidate: { name: string },
  interview: Awaited<ReturnType<typeof findDebriefedInterview>>,
  points: Parameters<typeof suggestThankYou>[0]['points'],
): Promise<ThankYouSuggestion> {
  const client = (await findClient(tx, orgId, submission.clientId))!;
  const job = (await findJob(tx, orgId, submission.jobId))!;
  return suggestThankYou({
    candidateName: candidate.name,
    interviewers: interview.interviewers,
    jobTitle: job.title,
    clientName: client.name,
    points,
  });
}

/** The debriefs of a submission, newest first, a page at a time (a submission has few). */
export async function listDebriefsPage(
  deps: ServiceDeps,
  orgId: string,
  submissionId: string,
  query: PageQuery,
): Promise<Page<Debrief>> {
  return deps.db.tenant(orgId).transaction(async (tx) => {
    await requireSubmission(tx, orgId, submissionId);
    return pageOfArray(await listDebriefs(tx, orgId, submissionId, 1000), query);
  });
}

// ---- the nudge drafted from news

/** A nudge draft with the check it passes (or not), and since when news counts. */
export interface NudgeDraftResult extends NudgeDraft {
  since: Date;
  /** The check of the text (null when there is no text). */
  check: MessageCheck | null;
}

/**
 * Draft the next client nudge about a submission from what is new since the last contact with its
 * contact (or the submission): the candidate's other interviews and offers in this organization
 * (only when the candidate said in a debrief they may be mentioned), the latest debrief's interest,
 * questions and availability, other candidates submitted to the same job, and `facts` the
 * recruiter adds. With nothing new there is no text, only what could be added.
 */
export async function draftSubmissionNudge(
  deps: ServiceDeps,
  orgId: string,
  submissionId: string,
  input: { facts?: string[] | undefined },
): Promise<NudgeDraftResult> {
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const submission = await requireSubmission(tx, orgId, submissionId);
    const contact = (await findClientContact(tx, orgId, submission.contactId))!;
    const candidate = (await findCandidate(tx, orgId, submission.candidateId))!;
    const job = (await findJob(tx, orgId, submission.jobId))!;
    const lastContact = await lastClientContactAt(tx, orgId, submission.contactId);
    const since =
      lastContact && lastContact.getTime() > submission.submittedAt.getTime()
        ? lastContact
        : submission.submittedAt;
    const debriefs = await listDebriefs(tx, orgId, submissionId, 20);
    const latest = debriefs[0] ?? null;
    const fresh = latest && latest.occurredAt.getTime() > since.getTime() ? latest : null;
    const draft = draftNudge({
      contactName: contact.name,
      candidateName: candidate.name,
      jobTitle: job.title,
      otherProcesses: await listOtherProcesses(tx, orgId, candidate.id, submission.applicationId, since),
      // The candidate's say-so stands until a later debrief takes it back.
      mayMentionOtherProcesses: latest?.mayMentionOtherProcesses ?? false,
      debrief: fresh,
      newCandidates: await countNewSubmissionsToJob(tx, orgId, submission.jobId, submissionId, since),
      facts: input.facts ?? [],
    });
    return { ...draft, since, check: draft.text === null ? null : checkMessage('nudge', draft.text) };
  });
}
