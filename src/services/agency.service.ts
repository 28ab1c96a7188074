/**
 * The agency desk's use cases: clients and their contacts, job orders, submissions, the client's
 * answers, logged contacts that each set the next one, nudges that must bring news, and the desk
 * itself. Deadlines a client agreed to run in the client contact's business time.
 */
import {
  canMoveSubmission,
  clientFeedbackDue,
  stageAfterAnswer,
  submissionEnded,
  type ClientAnswer,
  type ClientLogChannel,
  type ContactChannel,
  type SubmissionStage,
} from '../domain/agency.ts';
import {
  dueTimeOf,
  endOfBusinessDaysAfter,
  instantOf,
  type BusinessCalendar,
  type DateOrInstant,
} from '../domain/business-time.ts';
import type { Channel } from '../domain/follow-up.ts';
import { checkMessage, hasBlockingFindings, type MessageCheck } from '../domain/message-check/index.ts';
import type { Application, Candidate, Job } from '../domain/model.ts';
import { calendarOf } from '../domain/policy.ts';
import { AppError, errors } from '../errors.ts';
import {
  closeDeskFollowUps,
  closeOpenNextContacts,
  findClient,
  findClientContact,
  findJobOrder,
  findSubmission,
  insertClient,
  insertClientContact,
  insertClientContactLog,
  insertDeskFollowUp,
  insertJobOrder,
  insertSubmission,
  listAllJobOrders,
  listClientContacts,
  listClients,
  listDeskFollowUps,
  listJobOrders,
  listSubmissions,
  listWaitingSubmissions,
  lockOpenSubmissionFollowUps,
  updateClient,
  updateClientContact,
  updateSubmissionStage,
  type Client,
  type ClientContact,
  type ClientContactLog,
  type DeskFollowUp,
  type JobOrder,
  type Submission,
  type WaitingSubmission,
} from '../repositories/agency.repository.ts';
import { insertApplication } from '../repositories/application.repository.ts';
import { findCandidate } from '../repositories/candidate.repository.ts';
import { findOrganization } from '../repositories/organization.repository.ts';
import { insertTouchpoint } from '../repositories/touchpoint.repository.ts';
import type { Queryable } from '../db/db.ts';
import { enqueueSubmissionEmail, type SubmissionMailDeps } from './client-answer-links.ts';
import { checkSubmissionAllowed, earlierSubmissionView } from './double-submissions.ts';
import type { Actor, ServiceDeps } from './deps.ts';
import { fetchPage, type Page, type PageQuery } from './pagination.ts';
import { requireActiveMember, requireCandidateRef } from './references.ts';
import { endClientFeedback, followSubmissionStage } from './submission-finalists.ts';

// ---- clients and contacts

/** A client's name and agreed terms. */
export interface ClientInput {
  name: string;
  feedbackDaysAfterSubmission?: number | undefined;
  feedbackDaysAfterInterview?: number | undefined;
  updateCadenceDays?: number | undefined;
  guaranteeDays?: number | undefined;
  ownershipDays?: number | undefined;
}

/** Add a client with the terms agreed up front (defaults: 2 and 1 business days, weekly, 90 days, 180 days' ownership). */
export async function createClient(deps: ServiceDeps, orgId: string, input: ClientInput): Promise<Client> {
  return insertClient(deps.db.tenant(orgId), {
    orgId,
    name: input.name,
    feedbackDaysAfterSubmission: input.feedbackDaysAfterSubmission ?? 2,
    feedbackDaysAfterInterview: input.feedbackDaysAfterInterview ?? 1,
    updateCadenceDays: input.updateCadenceDays ?? 5,
    guaranteeDays: input.guaranteeDays ?? 90,
    ownershipDays: input.ownershipDays ?? 180,
    createdAt: deps.clock.now(),
  });
}

/** One client. */
export async function getClient(deps: ServiceDeps, orgId: string, id: string): Promise<Client> {
  const client = await findClient(deps.db.tenant(orgId), orgId, id);
  if (!client) throw errors.notFound('Client', id);
  return client;
}

/** Clients, a page at a time. */
export async function listClientsPage(
  deps: ServiceDeps,
  orgId: string,
  query: PageQuery,
): Promise<Page<Client>> {
  return fetchPage(
    query,
    (page) => listClients(deps.db.tenant(orgId), orgId, page),
    (c) => c.createdAt,
  );
}

/** Change a client's name or terms. */
export async function changeClient(
  deps: ServiceDeps,
  orgId: string,
  id: string,
  patch: Partial<ClientInput>,
): Promise<Client> {
  const client = await updateClient(deps.db.tenant(orgId), orgId, id, patch, deps.clock.now());
  if (!client) throw errors.notFound('Client', id);
  return client;
}

/** A contact's details. */
export interface ClientContactInput {
  name: string;
  title?: string | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  preferredChannel?: ContactChannel | undefined;
  timeZone?: string | null | undefined;
}

/** Add a hiring authority to a client. */
export async function createClientContact(
  deps: ServiceDeps,
  orgId: string,
  clientId: string,
  input: ClientContactInput,
): Promise<ClientContact> {
  return deps.db.tenant(orgId).transaction(async (tx) => {
    if (!(await findClient(tx, orgId, clientId))) throw errors.notFound('Client', clientId);
    return insertClientContact(tx, {
      orgId,
      clientId,
      name: input.name,
      title: input.title ?? '',
      email: input.email ?? null,
      phone: input.phone ?? null,
      preferredChannel: input.preferredChannel ?? 'email',
      timeZone: input.timeZone ?? null,
      createdAt: deps.clock.now(),
    });
  });
}

/** A client's contacts, a page at a time. */
export async function listClientContactsPage(
  deps: ServiceDeps,
  orgId: string,
  clientId: string,
  query: PageQuery,
): Promise<Page<ClientContact>> {
  return deps.db.tenant(orgId).transaction(async (tx) => {
    if (!(await findClient(tx, orgId, clientId))) throw errors.notFound('Client', clientId);
    return fetchPage(
      query,
      (page) => listClientContacts(tx, orgId, clientId, page),
      (c) => c.createdAt,
    );
  });
}

/** Change a contact. */
export async function changeClientContact(
  deps: ServiceDeps,
  orgId: string,
  id: string,
  patch: Partial<ClientContactInput>,
): Promise<ClientContact> {
  const contact = await updateClientContact(deps.db.tenant(orgId), orgId, id, patch, deps.clock.now());
  if (!contact) throw errors.notFound('Client contact', id);
  return contact;
}

// ---- job orders

/** A job order's fields. */
export interface JobOrderInput {
  title: string;
  roleKind: Job['roleKind'];
  hiringAuthorityId?: string | null | undefined;
  recruiterId?: string | null | undefined;
}

/** Open a job for a client (a job order), with the hiring authority who gave it. */
export async function createJobOrder(
  deps: ServiceDeps,
  orgId: string,
  clientId: string,
  input: JobOrderInput,
): Promise<JobOrder> {
  return deps.db.tenant(orgId).transaction(async (tx) => {
    if (!(await findClient(tx, orgId, clientId))) throw errors.notFound('Client', clientId);
    if (input.hiringAuthorityId) {
      const contact = await findClientContact(tx, orgId, input.hiringAuthorityId);
      if (!contact || contact.clientId !== clientId) {
        throw errors.invalidReference('hiringAuthorityId', 'contact of this client', input.hiringAuthorityId);
      }
    }
    if (input.recruiterId) await requireActiveMember(tx, orgId, input.recruiterId, 'recruiterId');
    return insertJobOrder(tx, orgId, {
      clientId,
      title: input.title,
      roleKind: input.roleKind,
      hiringAuthorityId: input.hiringAuthorityId ?? null,
      recruiterId: input.recruiterId ?? null,
      createdAt: deps.clock.now(),
    });
  });
}

/** A client's job orders, a page at a time. */
export async function listJobOrdersPage(
  deps: ServiceDeps,
  orgId: string,
  clientId: string,
  query: PageQuery,
): Promise<Page<JobOrder>> {
  return deps.db.tenant(orgId).transaction(async (tx) => {
    if (!(await findClient(tx, orgId, clientId))) throw errors.notFound('Client', clientId);
    return fetchPage(
      query,
      (page) => listJobOrders(tx, orgId, clientId, page),
      (j) => j.createdAt,
    );
  });
}

// ---- submissions

/** What a submission records. */
export interface SubmissionInput {
  jobId: string;
  candidateId: string;
  contactId?: string | undefined;
  pitch: string;
  /** When the candidate agreed to be sent to this client; default now. */
  consentAt?: DateOrInstant | undefined;
  consentNote?: string | undefined;
}

/** A submission and the client-feedback follow-up it opened. */
export interface SubmissionCreated {
  submission: Submission;
  feedbackFollowUp: { id: string; dueAt: Date };
  /** Earlier submissions of the candidate to this client, outside its ownership window: history. */
  earlierSubmissions: ReturnType<typeof earlierSubmissionView>[];
}

/** The organization's calendar in a person's zone (the zone alone changes; days and holidays are the agency's). */
async function calendarFor(q: Queryable, orgId: string, timeZone: string | null): Promise<BusinessCalendar> {
  const cal = calendarOf((await findOrganization(q, orgId))!.policy);
  return timeZone ? { ...cal, timeZone } : cal;
}

/**
 * Submit a candidate to a client's job, through a contact (default the job's hiring authority),
 * as `actor`, with the candidate's consent. A candidate goes to a client once inside the client's
 * ownership window, and not against their declaration that another agency submitted them there: a
 * second submission is refused with the earlier one. The client's feedback is owed from now, due per the
 * client's terms in the contact's business time, and owned by the submitting recruiter.
 */
export async function createSubmission(
  deps: ServiceDeps & Partial<SubmissionMailDeps>,
  orgId: string,
  input: SubmissionInput,
  actor: Actor,
): Promise<SubmissionCreated> {
  const now = deps.clock.now();
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const { job, candidate, contactId, contact } = await resolveSubmissionTarget(tx, orgId, input);
    const client = (await findClient(tx, orgId, job.clientId))!;
    const orgCal = await calendarFor(tx, orgId, null);
    // No double submission: refused inside the client's ownership window or against the
    // candidate's declaration; older ones come back as history.
    const history = await checkSubmissionAllowed(tx, orgId, client, candidate, now, orgCal.timeZone);
    const consentAt = input.consentAt === undefined ? now : instantOf(input.consentAt, orgCal.timeZone);
    if (consentAt.getTime() > now.getTime()) {
      throw errors.validation('Consent cannot be given in the future.', { field: 'consentAt' });
    }
    // The check above holds the client's row: two submissions racing take turns, the second is a 409.
    const { application, submission } = await fileSubmission(
      tx,
      orgId,
      job,
      contactId,
      input,
      actor,
      consentAt,
      now,
    );
    const dueAt = clientFeedbackDue(
      now,
      'submission',
      client,
      await calendarFor(tx, orgId, contact.timeZone),
    );
    const feedbackFollowUp = await insertDeskFollowUp(tx, {
      orgId,
      applicationId: application.id,
      submissionId: submission.id,
      clientContactId: contactId,
      kind: 'client_feedback',
      owedBy: 'client',
      owedTo: 'recruiter',
      ownerId: actor.memberId,
      dueAt,
      createdAt: now,
    });
    // The submission email with the client's one-click answers (when mail is configured).
    if (deps.identity && deps.publicUrl) {
      await enqueueSubmissionEmail(
        tx,
        { identity: deps.identity, publicUrl: deps.publicUrl },
        { submission, contact, job, feedbackDueAt: dueAt },
        now,
      );
    }
    return { submission, feedbackFollowUp, earlierSubmissions: history.map(earlierSubmissionView) };
  });
}

/** The open job order, the candidate and the client contact a submission goes to, or the refusal. */
async function resolveSubmissionTarget(
  tx: Queryable,
  orgId: string,
  input: SubmissionInput,
): Promise<{ job: JobOrder; candidate: Candidate; contactId: string; contact: ClientContact }> {
  const job = await findJobOrder(tx, orgId, input.jobId);
  if (!job) throw errors.invalidReference('jobId', 'job order (a job of a client)', input.jobId);
  if (job.status === 'closed' || job.status === 'filled') {
    throw errors.invalidState(`The job is ${job.status}; it takes no new submissions.`, { field: 'jobId' });
  }
  const candidate = await requireCandidateRef(tx, orgId, input.candidateId, 'candidateId');
  const contactId = input.contactId ?? job.hiringAuthorityId;
  if (!contactId) {
    throw errors.validation('Name the client contact (contactId): the job order has no hiring authority.', {
      field: 'contactId',
    });
  }
  const contact = await findClientContact(tx, orgId, contactId);
  if (!contact || contact.clientId !== job.clientId) {
    throw errors.invalidReference('contactId', 'contact of this client', contactId);
  }
  return { job, candidate, contactId, contact };
}

/** Put the candidate in the job as submitted: the application and the submission that carries it. */
async function fileSubmission(
  tx: Queryable,
  orgId: string,
  job: JobOrder,
  contactId: string,
  input: SubmissionInput,
  actor: Actor,
  consentAt: Date,
  now: Date,
): Promise<{ application: Application; submission: Submission }> {
  const application = await insertApplication(tx, {
    orgId,
    jobId: job.id,
    candidateId: input.candidateId,
    stage: 'submitted',
    status: 'active',
    createdAt: now,
  });
  const submission = await insertSubmission(tx, {
    orgId,
    clientId: job.clientId,
    jobId: job.id,
    candidateId: input.candidateId,
    applicationId: application.id,
    contactId,
    recruiterId: actor.memberId,
    pitch: input.pitch,
    consentAt,
    consentNote: input.consentNote ?? '',
    submittedAt: now,
    createdAt: now,
  });
  return { application, submission };
}

/** One submission. */
export async function getSubmission(deps: ServiceDeps, orgId: string, id: string): Promise<Submission> {
  const submission = await findSubmission(deps.db.tenant(orgId), orgId, id);
  if (!submission) throw errors.notFound('Submission', id);
  return submission;
}

/** Submissions, a page at a time, optionally of one client or in one stage. */
export async function listSubmissionsPage(
  deps: ServiceDeps,
  orgId: string,
  query: PageQuery & { clientId?: string | undefined; stage?: SubmissionStage | undefined },
): Promise<Page<Submission>> {
  return fetchPage(
    query,
    (page) => listSubmissions(deps.db.tenant(orgId), orgId, query, page),
    (s) => s.createdAt,
  );
}

/**
 * Move a submission along its stages. A decline says by whom; a client's decline says why. When
 * a submission ends, the client no longer owes feedback on it: those follow-ups are cancelled.
 */
export async function moveSubmission(
  deps: ServiceDeps,
  orgId: string,
  id: string,
  change: {
    stage: SubmissionStage;
    declinedBy?: 'client' | 'candidate' | undefined;
    reason?: string | undefined;
  },
): Promise<Submission> {
  const now = deps.clock.now();
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const submission = await findSubmission(tx, orgId, id, { forUpdate: true });
    if (!submission) throw errors.notFound('Submission', id);
    if (!canMoveSubmission(submission.stage, change.stage)) {
      throw errors.invalidState(`A submission cannot move from ${submission.stage} to ${change.stage}.`, {
        field: 'stage',
      });
    }
    if (change.stage === 'declined') {
      if (!change.declinedBy)
        throw errors.validation('Say who declined (declinedBy).', { field: 'declinedBy' });
      if (change.declinedBy === 'client' && !change.reason) {
        throw errors.validation("Record the client's reason for the decline.", { field: 'reason' });
      }
    }
    const moved = await updateSubmissionStage(
      tx,
      orgId,
      id,
      {
        stage: change.stage,
        declinedBy: change.stage === 'declined' ? change.declinedBy! : null,
        declineReason: change.stage === 'declined' ? (change.reason ?? null) : null,
      },
      now,
    );
    // The application follows the submission; a finalist lost under the target opens a backfill.
    await followSubmissionStage(tx, orgId, moved, now);
    if (submissionEnded(change.stage)) await endClientFeedback(tx, orgId, id, now);
    return moved;
  });
}

/** The client's answer as the API takes it: a plain date for more time is that business day's close. */
export type ClientAnswerInput =
  | { answer: 'interview' }
  | { answer: 'decline'; reason: string }
  | { answer: 'more_time'; until: DateOrInstant };

/** What recording a client's answer did. */
export interface ClientAnswerRecorded {
  submission: Submission;
  closedFollowUpIds: string[];
  /** The recruiter now owes the candidate the news, within one business day of theirs. */
  tellCandidate: { id: string; dueAt: Date };
  /** For "more time": the client's new deadline. */
  nextClientFeedback: { id: string; dueAt: Date } | null;
}

/**
 * Record the client's answer to a submission (interview, decline with a reason, or more time
 * until a date), as a touchpoint from the client. It closes the feedback the client owed, moves
 * the submission, and opens the recruiter's follow-up to tell the candidate within one business
 * day; more time opens the client's next deadline. `actor` is null when the client answered
 * through their own link.
 */
export async function recordClientAnswer(
  deps: ServiceDeps,
  orgId: string,
  id: string,
  input: ClientAnswerInput & { channel: Channel; summary?: string | undefined },
  actor: Actor | null,
  /** The caller's transaction, when the answer is part of a larger change (a client's link). */
  within?: Queryable,
): Promise<ClientAnswerRecorded> {
  const now = deps.clock.now();
  const run = <T>(fn: (tx: Queryable) => Promise<T>) =>
    within ? fn(within) : deps.db.tenant(orgId).transaction(fn);
  return run(async (tx) => {
    const { submission, answer } = await readClientAnswer(tx, orgId, id, input, now);
    const touchpoint = await insertTouchpoint(tx, {
      orgId,
      applicationId: submission.applicationId,
      direction: 'inbound',
      channel: input.channel,
      kind: 'client_feedback',
      fromParty: 'client',
      toParty: 'recruiter',
      connected: true,
      // Null when the client answered through their link: no member recorded it.
      memberId: actor?.memberId ?? null,
      occurredAt: now,
      summary: input.summary ?? answerSummary(answer),
      createdAt: now,
    });
    const open = await lockOpenSubmissionFollowUps(tx, orgId, id, 'client_feedback');
    await closeDeskFollowUps(
      tx,
      orgId,
      open.map((f) => f.id),
      touchpoint.id,
      now,
    );
    const moved = await moveSubmissionOnAnswer(tx, orgId, id, submission, answer, now);
    const { tellCandidate, nextClientFeedback } = await openAnswerFollowUps(
      tx,
      orgId,
      id,
      submission,
      answer,
      now,
    );
    return { submission: moved, closedFollowUpIds: open.map((f) => f.id), tellCandidate, nextClientFeedback };
  });
}

/** Lock the submission the client answered and read their answer in the contact's business time. */
async function readClientAnswer(
  tx: Queryable,
  orgId: string,
  id: string,
  input: ClientAnswerInput,
  now: Date,
): Promise<{ submission: Submission; answer: ClientAnswer }> {
  const submission = await findSubmission(tx, orgId, id, { forUpdate: true });
  if (!submission) throw errors.notFound('Submission', id);
  if (submissionEnded(submission.stage)) {
    throw errors.invalidState(`The submission is ${submission.stage}; it takes no more answers.`);
  }
  const contact = (await findClientContact(tx, orgId, submission.contactId))!;
  const contactCal = await calendarFor(tx, orgId, contact.timeZone);
  let answer: ClientAnswer;
  if (input.answer === 'more_time') {
    const until = dueTimeOf(input.until, contactCal);
    if (until.getTime() <= now.getTime()) {
      throw errors.validation('The new date must be in the future.', { field: 'until' });
    }
    answer = { answer: 'more_time', until };
  } else {
    answer = input;
  }
  return { submission, answer };
}

/** Move the submission to the stage the client's answer leads to (more time puts it in review). */
async function moveSubmissionOnAnswer(
  tx: Queryable,
  orgId: string,
  id: string,
  submission: Submission,
  answer: ClientAnswer,
  now: Date,
): Promise<Submission> {
  let moved = submission;
  const stage = stageAfterAnswer(answer.answer);
  if (stage && canMoveSubmission(submission.stage, stage)) {
    moved = await updateSubmissionStage(
      tx,
      orgId,
      id,
      answer.answer === 'decline' ? { stage, declinedBy: 'client', declineReason: answer.reason } : { stage },
      now,
    );
    await followSubmissionStage(tx, orgId, moved, now);
  } else if (answer.answer === 'more_time' && submission.stage === 'submitted') {
    moved = await updateSubmissionStage(tx, orgId, id, { stage: 'client_reviewing' }, now);
  }
  return moved;
}

/** Open the recruiter's follow-up to tell the candidate and, for more time, the client's next deadline. */
async function openAnswerFollowUps(
  tx: Queryable,
  orgId: string,
  id: string,
  submission: Submission,
  answer: ClientAnswer,
  now: Date,
): Promise<Pick<ClientAnswerRecorded, 'tellCandidate' | 'nextClientFeedback'>> {
  const candidate = (await findCandidate(tx, orgId, submission.candidateId))!;
  const tellCandidate = await insertDeskFollowUp(tx, {
    orgId,
    applicationId: submission.applicationId,
    submissionId: id,
    clientContactId: null,
    kind: 'update',
    owedBy: 'recruiter',
    owedTo: 'candidate',
    ownerId: submission.recruiterId,
    dueAt: endOfBusinessDaysAfter(now, 1, await calendarFor(tx, orgId, candidate.timeZone)),
    createdAt: now,
  });
  const nextClientFeedback =
    answer.answer === 'more_time'
      ? await insertDeskFollowUp(tx, {
          orgId,
          applicationId: submission.applicationId,
          submissionId: id,
          clientContactId: submission.contactId,
          kind: 'client_feedback',
          owedBy: 'client',
          owedTo: 'recruiter',
          ownerId: submission.recruiterId,
          dueAt: answer.until,
          createdAt: now,
        })
      : null;
  return { tellCandidate, nextClientFeedback };
}

function answerSummary(a: ClientAnswer): string {
  switch (a.answer) {
    case 'interview':
      return 'The client wants to interview.';
    case 'decline':
      return `The client declined: ${a.reason}`;
    case 'more_time':
      return `The client asked for more time, until ${a.until.toISOString()}.`;
  }
}

// ---- contacts with clients: every one sets the next

/** A contact with a client contact that happened. */
export interface ClientContactLogInput {
  channel: ClientLogChannel;
  direction: 'inbound' | 'outbound';
  summary: string;
  occurredAt?: DateOrInstant | undefined;
  submissionId?: string | undefined;
  /** When to contact them next; a plain date is the close of that business day in their zone. */
  nextContactAt?: DateOrInstant | undefined;
  /** Instead of a next contact: why there is none. */
  noNextContactReason?: string | undefined;
}

/** The logged contact and the next-contact follow-up it opened. */
export interface ClientContactLogged {
  log: ClientContactLog;
  nextContact: { id: string; dueAt: Date } | null;
  /** Earlier next-contact follow-ups with this contact that this contact fulfilled. */
  closedFollowUpIds: string[];
}

/**
 * Log a contact with a client contact, as `actor`. Every contact sets the next one, or says why
 * there is none: the date becomes a follow-up owned by `actor`. The contact fulfils any earlier
 * next-contact follow-up with the same person.
 */
export async function logClientContact(
  deps: ServiceDeps,
  orgId: string,
  contactId: string,
  input: ClientContactLogInput,
  actor: Actor,
): Promise<ClientContactLogged> {
  const now = deps.clock.now();
  if ((input.nextContactAt === undefined) === (input.noNextContactReason === undefined)) {
    throw errors.validation(
      'Set the next contact (nextContactAt), or say why there is none (noNextContactReason) — one of the two.',
      { field: 'nextContactAt' },
    );
  }
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const contact = await findClientContact(tx, orgId, contactId);
    if (!contact) throw errors.notFound('Client contact', contactId);
    let submission: Submission | null = null;
    if (input.submissionId) {
      submission = await findSubmission(tx, orgId, input.submissionId);
      if (!submission || submission.clientId !== contact.clientId) {
        throw errors.invalidReference('submissionId', 'submission to this client', input.submissionId);
      }
    }
    const cal = await calendarFor(tx, orgId, contact.timeZone);
    const occurredAt = input.occurredAt === undefined ? now : instantOf(input.occurredAt, cal.timeZone);
    if (occurredAt.getTime() > now.getTime() + 5 * 60_000) {
      throw errors.validation('A contact cannot have happened in the future.', { field: 'occurredAt' });
    }
    const nextDue = input.nextContactAt === undefined ? null : dueTimeOf(input.nextContactAt, cal);
    if (nextDue && nextDue.getTime() <= now.getTime()) {
      throw errors.validation('The next contact must be in the future.', { field: 'nextContactAt' });
    }
    const closedFollowUpIds = await closeOpenNextContacts(tx, orgId, contactId, now);
    const nextContact = nextDue
      ? await insertDeskFollowUp(tx, {
          orgId,
          applicationId: submission?.applicationId ?? null,
          submissionId: submission?.id ?? null,
          clientContactId: contactId,
          kind: 'client_update',
          owedBy: 'recruiter',
          owedTo: 'client',
          ownerId: actor.memberId,
          dueAt: nextDue,
          createdAt: now,
        })
      : null;
    const log = await insertClientContactLog(tx, {
      orgId,
      contactId,
      submissionId: submission?.id ?? null,
      memberId: actor.memberId,
      channel: input.channel,
      direction: input.direction,
      summary: input.summary,
      occurredAt,
      nextContactAt: nextDue,
      noNextContactReason: input.noNextContactReason ?? null,
      nextFollowUpId: nextContact?.id ?? null,
      createdAt: now,
    });
    return { log, nextContact, closedFollowUpIds };
  });
}

// ---- nudges

/** A nudge sent, with its check and the contact it was logged as. */
export interface NudgeSent extends ClientContactLogged {
  check: MessageCheck;
}

/**
 * Nudge the client about a submission. The text is checked as a `nudge`: one that only asks for
 * status is refused (`message_check_failed` with the `no_news` finding) and nothing is recorded.
 * A nudge that brings news is logged as an outbound contact with the submission's contact, with
 * its next contact — it does not close the feedback the client still owes.
 */
export async function sendNudge(
  deps: ServiceDeps,
  orgId: string,
  submissionId: string,
  input: {
    text: string;
    channel: ClientLogChannel;
    nextContactAt?: DateOrInstant | undefined;
    noNextContactReason?: string | undefined;
  },
  actor: Actor,
): Promise<NudgeSent> {
  const submission = await getSubmission(deps, orgId, submissionId);
  const check = checkMessage('nudge', input.text);
  if (hasBlockingFindings(check)) {
    throw new AppError(
      'message_check_failed',
      'This nudge brings no news; add something new before sending.',
      {
        findings: check.findings.filter((f) => f.severity === 'error'),
      },
    );
  }
  const logged = await logClientContact(
    deps,
    orgId,
    submission.contactId,
    {
      channel: input.channel,
      direction: 'outbound',
      summary: input.text,
      submissionId,
      nextContactAt: input.nextContactAt,
      noNextContactReason: input.noNextContactReason,
    },
    actor,
  );
  return { ...logged, check };
}

// ---- the desk

/** What the agency recruiter's desk shows. */
export interface Desk {
  /** The actor's open follow-ups, overdue first. */
  followUps: (DeskFollowUp & { overdue: boolean })[];
  /** Submissions waiting on their client, longest first, with whole days waited. */
  waiting: (WaitingSubmission & { daysWaiting: number; pastDeadline: boolean })[];
  clients: (Client & { contacts: ClientContact[]; jobOrders: JobOrder[] })[];
}

/** The agency recruiter's desk for `actor`, at most 200 rows per list. */
export async function getDesk(deps: ServiceDeps, orgId: string, actor: Actor): Promise<Desk> {
  const now = deps.clock.now().getTime();
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const followUps = await listDeskFollowUps(tx, orgId, actor.memberId, 200);
    const waiting = await listWaitingSubmissions(tx, orgId, 200);
    const clients = await listClients(tx, orgId, { after: null, limit: 200 });
    const contacts = await listClientContacts(tx, orgId, null, { after: null, limit: 1000 });
    const jobOrders = await listAllJobOrders(tx, orgId, 1000);
    return {
      followUps: followUps.map((f) => ({ ...f, overdue: f.dueAt.getTime() < now })),
      waiting: waiting.map((w) => ({
        ...w,
        daysWaiting: Math.floor((now - w.submittedAt.getTime()) / 86_400_000),
        pastDeadline: w.feedbackDueAt.getTime() < now,
      })),
      clients: clients.map((c) => ({
        ...c,
        contacts: contacts.filter((k) => k.clientId === c.id),
        jobOrders: jobOrders.filter((j) => j.clientId === c.id),
      })),
    };
  });
}
