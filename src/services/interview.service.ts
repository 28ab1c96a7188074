import { recordAudit } from './audit.service.ts';
import { DateTime } from 'luxon';
import {
  dueTimeOf,
  instantOf,
  isTrackedInstant,
  localDateOf,
  nextBusinessSlot,
  TRACKED_YEARS,
  type BusinessCalendar,
  type DateOrInstant,
} from '../domain/business-time.ts';
import type {
  Application,
  Candidate,
  FollowUp,
  Interview,
  InterviewPromise,
  Job,
  Member,
} from '../domain/model.ts';
import { calendarOf, effectivePolicy, type Policy } from '../domain/policy.ts';
import { scheduleSend, type ScheduleReason } from '../domain/schedule.ts';
import { renderTemplate } from '../domain/template-engine.ts';
import {
  contactHow,
  describeWrittenPromiseSend,
  describeWrittenPromiseSkipped,
  writtenPromiseContext,
} from '../domain/written-promise.ts';
import { insertEvent } from '../repositories/event.repository.ts';
import { resolvePromise, type PromiseWarning } from '../domain/promise.ts';
import { AppError, errors } from '../errors.ts';
import {
  closeInterviewRow,
  findInterview,
  insertInterview,
  listInterviewsOfApplication,
  listInterviewsOfOrganization,
} from '../repositories/interview.repository.ts';
import { findCandidate } from '../repositories/candidate.repository.ts';
import { findJob } from '../repositories/job.repository.ts';
import { findMember, listMembersByIds } from '../repositories/member.repository.ts';
import { findOrganization } from '../repositories/organization.repository.ts';
import { invitationsDue, queueInvitations } from './interview-invitations.ts';
import { buildMessage } from './message-builder.ts';
import { enqueueMessage, type MailIdentity } from './outbox.service.ts';
import { statusLinkPlaceholder } from './candidate-links.ts';
import { linkBase, loadTemplate } from './message-templates.ts';
import { emitEvent } from './webhook.service.ts';
import type { Queryable, ScopedTx } from '../db/db.ts';
import type { Actor, ServiceDeps } from './deps.ts';
import { fetchPage, type Page, type PageQuery } from './pagination.ts';
import { previewPromise, type PromisePreview } from './promise-preview.ts';
import { openOutcomeFollowUp } from './follow-up-ledger.ts';
import {
  activeMemberIn,
  requireActiveMember,
  requireApplication,
  requireApplicationRef,
} from './references.ts';
import { openInternalDeadlines } from './internal-deadlines.ts';

/**
 * Schedule (or record) an interview on an application. Scheduled in the future with an end time
 * (and the policy's `calendarInvitations` on), it sends calendar invitations to the candidate
 * and the interviewers — when the deps carry a mail identity (the API's do).
 * Plain dates for its times mean the start of that day in the organization's time zone.
 */
export async function createInterview(
  deps: ServiceDeps & { identity?: MailIdentity; publicUrl?: string },
  orgId: string,
  input: {
    applicationId: string;
    title: string;
    scheduledAt?: DateOrInstant | undefined;
    endsAt?: DateOrInstant | undefined;
    location?: string | undefined;
    interviewerIds?: string[] | undefined;
    /** Send calendar invitations. Default true. */
    sendInvitations?: boolean | undefined;
  },
): Promise<Interview> {
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const zone = await zoneFor(tx, orgId, [input.scheduledAt, input.endsAt]);
    const scheduledAt = input.scheduledAt && instantOf(input.scheduledAt, zone);
    const endsAt = input.endsAt && instantOf(input.endsAt, zone);
    if (scheduledAt && endsAt && endsAt.getTime() < scheduledAt.getTime()) {
      throw errors.validation('endsAt must not be before scheduledAt.', { field: 'endsAt' });
    }
    const application = await requireApplicationRef(tx, orgId, input.applicationId, 'applicationId');
    if (application.status === 'withdrawn') throw errors.invalidState('The candidate has withdrawn.');
    const interviewerIds = [...new Set(input.interviewerIds ?? [])];
    for (const id of interviewerIds) await requireActiveMember(tx, orgId, id, 'interviewerIds');
    const interview = await insertInterview(tx, {
      orgId,
      applicationId: application.id,
      title: input.title,
      scheduledAt: scheduledAt ?? null,
      endsAt: endsAt ?? null,
      location: input.location ?? '',
      interviewerIds,
      createdAt: deps.clock.now(),
    });
    const identity = deps.identity;
    if (
      identity &&
      input.sendInvitations !== false &&
      (await invitationsDue(tx, orgId, interview, deps.clock.now()))
    ) {
      await queueInvitations(tx, { ...deps, identity }, orgId, interview, 'REQUEST', deps.clock.now());
      return (await findInterview(tx, orgId, interview.id))!;
    }
    return interview;
  });
}

/** One interview. */
export async function getInterview(deps: ServiceDeps, orgId: string, id: string): Promise<Interview> {
  const interview = await findInterview(deps.db.tenant(orgId), orgId, id);
  if (!interview) throw errors.notFound('Interview', id);
  return interview;
}

/** An application's interviews, oldest first, a page at a time. */
export async function listInterviewsPage(
  deps: ServiceDeps,
  orgId: string,
  applicationId: string,
  query: PageQuery,
): Promise<Page<Interview>> {
  return deps.db.tenant(orgId).transaction(async (tx) => {
    await requireApplication(tx, orgId, applicationId);
    return fetchPage(
      query,
      (page) => listInterviewsOfApplication(tx, orgId, applicationId, page),
      (i) => i.createdAt,
    );
  });
}

/** The organization's interviews (those the member may see), oldest first, a page at a time. */
export async function listOrganizationInterviewsPage(
  deps: ServiceDeps,
  orgId: string,
  query: PageQuery & { applicationId?: string | undefined; closed?: boolean | undefined },
): Promise<Page<Interview>> {
  const filter = { applicationId: query.applicationId, closed: query.closed };
  return fetchPage(
    query,
    (page) => listInterviewsOfOrganization(deps.db.tenant(orgId), orgId, filter, page),
    (i) => i.createdAt,
  );
}

/** The organization's time zone, read only when one of `values` is a plain date that needs it. */
async function zoneFor(q: Queryable, orgId: string, values: (DateOrInstant | undefined)[]): Promise<string> {
  if (values.every((v) => v === undefined || v instanceof Date)) return 'UTC';
  return (await findOrganization(q, orgId))!.policy.timeZone;
}

/** What the interviewer said at the end, and optionally an explicit due time and owner. */
export interface CloseInterviewInput {
  statement: string;
  /** Overrides the statement's date: resolution `explicit`. A plain date: the close of that business day. */
  dueAt?: DateOrInstant | undefined;
  /** The member who owes the candidate the outcome. Default: the job's recruiter, else its hiring manager. */
  ownerId?: string | undefined;
  /** When the interview ended. Default: the interview's endsAt, else now. A plain date: the start of that day. */
  endedAt?: DateOrInstant | undefined;
}

/** The promise as resolved, with its local due date for people to read. */
export interface ResolvedInterviewPromise extends InterviewPromise {
  dueDate: string;
  timeZone: string;
}

/**
 * What happens to the written promise (the note to the candidate right after the interview):
 * `scheduled` (it goes at `sendAt`, in the candidate's business hours), `off` (the job does not
 * send one: `reason`), `no_email` (the candidate has no working address) or `not_sent` (this
 * server sends no mail from here: only service calls without a mail identity).
 */
export interface WrittenPromisePlan {
  status: 'scheduled' | 'off' | 'no_email' | 'not_sent';
  /** The queued message (after closing, when scheduled). */
  messageId: string | null;
  sendAt: Date | null;
  scheduledBecause: ScheduleReason | null;
  /** The candidate's zone, else the organization's: the zone the note is written in. */
  candidateTimeZone: string;
  /** The zone of the person closing (their own, else the organization's). */
  yourTimeZone: string;
  /** The job's reason for not sending it (`off`). */
  reason: string | null;
  /** What will happen, in one sentence for the person closing. */
  summary: string;
}

/** The result of closing an interview. */
export interface ClosedInterview {
  interview: Interview;
  promise: ResolvedInterviewPromise;
  followUp: FollowUp;
  superseded: FollowUp[];
  writtenPromise: WrittenPromisePlan;
}

/** What closing needs to queue the written promise: the mail identity and the links' base URL. */
export type InterviewDeps = ServiceDeps & { identity?: MailIdentity; publicUrl?: string };

/**
 * Whether and when the written promise goes: at once after the undo window (the policy's
 * `undoWindowMinutes`, so a slip can still be cancelled), moved into the candidate's business
 * hours in their zone (the organization's when theirs is unknown).
 */
function planWrittenPromise(input: {
  now: Date;
  policy: Policy;
  candidate: Candidate;
  yourTimeZone: string;
  mails: boolean;
}): WrittenPromisePlan {
  const { now, policy, candidate } = input;
  const candidateTimeZone = candidate.timeZone ?? policy.timeZone;
  const base = {
    messageId: null,
    sendAt: null,
    scheduledBecause: null,
    candidateTimeZone,
    yourTimeZone: input.yourTimeZone,
    reason: null,
  };
  if (!policy.writtenPromise.send) {
    const reason = policy.writtenPromise.reason ?? '';
    return {
      ...base,
      status: 'off',
      reason,
      summary: describeWrittenPromiseSkipped({ kind: 'off', reason }),
    };
  }
  if (!candidate.email || candidate.emailBouncedAt) {
    return {
      ...base,
      status: 'no_email',
      summary: describeWrittenPromiseSkipped({ kind: 'no_email', candidateName: candidate.name }),
    };
  }
  const constraints: { at: Date; because: ScheduleReason }[] = [];
  if (policy.undoWindowMinutes > 0) {
    constraints.push({
      at: new Date(now.getTime() + policy.undoWindowMinutes * 60_000),
      because: 'undo_window',
    });
  }
  constraints.push({ at: now, because: 'immediately' });
  const calendar = { ...calendarOf(policy), timeZone: candidateTimeZone };
  const { at, because } = scheduleSend(constraints, (t) => nextBusinessSlot(t, calendar));
  if (!input.mails) {
    return { ...base, status: 'not_sent', summary: 'No written note is queued: no mail is sent from here.' };
  }
  return {
    ...base,
    status: 'scheduled',
    sendAt: at,
    scheduledBecause: because,
    summary: describeWrittenPromiseSend({
      candidateName: candidate.name,
      sendAt: at,
      candidateTimeZone,
      yourTimeZone: input.yourTimeZone,
    }),
  };
}

/** The zone of the member closing: their own, else the organization's. */
async function yourTimeZoneOf(q: Queryable, orgId: string, actor: Actor | undefined, policy: Policy) {
  const member = actor ? await findMember(q, orgId, actor.memberId) : null;
  return member?.timeZone ?? policy.timeZone;
}

/** The written promise in the organization's template, addressed to the candidate in their zone. */
async function renderWrittenPromise(
  tx: Queryable,
  deps: InterviewDeps,
  orgId: string,
  ctx: Parameters<typeof queueWrittenPromise>[3],
) {
  const { plan, application, candidate, owner } = ctx;
  return renderTemplate(
    await loadTemplate(tx, orgId, 'written_promise'),
    writtenPromiseContext({
      organizationName: ctx.organizationName,
      candidateName: candidate.name,
      jobTitle: ctx.job.title,
      interviewTitle: ctx.interview.title,
      ownerName: owner.name,
      ownerEmail: owner.email,
      statement: ctx.promise.statement,
      dueAt: ctx.promise.dueAt,
      timeZone: plan.candidateTimeZone,
      contactWords: contactHow({
        finalStage: application.finalStage,
        phoneFirstBusinessDays: ctx.policy.phoneFirstBusinessDays,
        hasPhone: !!candidate.phone,
      }).words,
      statusLink: statusLinkPlaceholder(linkBase(deps)),
    }),
  );
}

/**
 * Queue the written promise in the closing transaction and record on the application's timeline
 * what happened to it (queued, or why not).
 */
async function queueWrittenPromise(
  tx: Queryable,
  deps: InterviewDeps,
  orgId: string,
  ctx: {
    plan: WrittenPromisePlan;
    application: Application;
    job: Job;
    candidate: Candidate;
    owner: Member;
    interview: Interview;
    promise: InterviewPromise;
    organizationName: string;
    policy: Policy;
    actor: Actor | undefined;
    now: Date;
  },
): Promise<WrittenPromisePlan> {
  const { plan, application, candidate, owner, now } = ctx;
  const event = (type: string, data: Record<string, unknown>, messageId?: string) =>
    insertEvent(tx, {
      orgId,
      type,
      applicationId: application.id,
      memberId: ctx.actor?.memberId ?? null,
      ...(messageId && { messageId }),
      data: { interviewId: ctx.interview.id, ...data },
      at: now,
    });
  if (plan.status === 'off') {
    await event('written_promise_off', { reason: plan.reason });
    return plan;
  }
  if (plan.status === 'no_email') {
    await event('written_promise_no_email', {});
    return plan;
  }
  if (plan.status !== 'scheduled' || !deps.identity) return plan;
  const rendered = await renderWrittenPromise(tx, deps, orgId, ctx);
  const message = await enqueueMessage(
    tx,
    deps.identity,
    buildMessage({
      orgId,
      applicationId: application.id,
      kind: 'written_promise',
      to: { audience: 'candidate', name: candidate.name, email: candidate.email! },
      replyTo: owner.email,
      content: rendered,
      send: { at: plan.sendAt, because: plan.scheduledBecause },
      automatic: true,
      checkKind: 'advance',
      createdBy: ctx.actor?.memberId ?? null,
    }),
    now,
  );
  await event(
    'message_scheduled',
    { sendAt: plan.sendAt!.toISOString(), because: plan.scheduledBecause, writtenPromise: true },
    message.id,
  );
  return { ...plan, messageId: message.id };
}

// Clocks drift and forms are slow to submit: an end time this far ahead of "now" is still accepted.
const END_TIME_SLACK_MS = 5 * 60_000;

/** When the interview ended, who owns the promise, and the promise resolved in the organization's calendar. */
async function resolvePromiseAtClose(
  tx: Queryable,
  orgId: string,
  ctx: {
    input: CloseInterviewInput;
    interview: Interview;
    job: Job;
    policy: Policy;
    calendar: ReturnType<typeof calendarOf>;
    actor: Actor | undefined;
    now: Date;
  },
) {
  const { input, interview, job, policy, calendar, actor, now } = ctx;
  const endedAt = input.endedAt ? instantOf(input.endedAt, calendar.timeZone) : (interview.endsAt ?? now);
  if (endedAt.getTime() > now.getTime() + END_TIME_SLACK_MS) {
    throw errors.validation('The interview cannot have ended in the future.', { field: 'endedAt' });
  }
  const ownerId = input.ownerId ?? job.recruiterId ?? job.hiringManagerId;
  if (!ownerId) {
    throw new AppError(
      'owner_required',
      'Name an owner: the job has neither a recruiter nor a hiring manager to default to.',
      { field: 'ownerId' },
    );
  }
  // The owner and the member closing (whose zone the summary uses) in one round trip.
  const people = await listMembersByIds(tx, orgId, actor ? [ownerId, actor.memberId] : [ownerId]);
  const owner = activeMemberIn(people, ownerId, 'ownerId');
  const yourTimeZone = (actor && people.find((m) => m.id === actor.memberId)?.timeZone) ?? policy.timeZone;
  const promise = promiseAtClose(input, ownerId, endedAt, calendar, policy.defaultPromiseBusinessDays);
  return { endedAt, ownerId, owner, yourTimeZone, promise };
}

/**
 * Close an interview with the promise made at its end (principle 1): resolve the statement to a
 * due time in the organization's calendar, name an owner, and open the outcome follow-up owed to
 * the candidate — superseding any earlier open outcome promise on the application. In the same
 * transaction the written promise is queued to the candidate, for their next business slot (when
 * the deps carry a mail identity, as the API's do; unless the job turned it off, with a reason).
 * `actor` is who closes: the summary gives the send time in their zone too.
 */
export async function closeInterview(
  deps: InterviewDeps,
  orgId: string,
  interviewId: string,
  input: CloseInterviewInput,
  actor?: Actor,
): Promise<ClosedInterview> {
  const now = deps.clock.now();
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const { interview, application, job, organization, policy } = await loadInterviewToClose(
      tx,
      orgId,
      interviewId,
    );
    const calendar = calendarOf(policy);
    const { endedAt, ownerId, owner, yourTimeZone, promise } = await resolvePromiseAtClose(tx, orgId, {
      input,
      interview,
      job,
      policy,
      calendar,
      actor,
      now,
    });
    const closed = (await closeInterviewRow(tx, orgId, interviewId, now, promise))!;
    const { followUp, superseded } = await openOutcomeFollowUp(tx, orgId, {
      applicationId: application.id,
      interviewId,
      ownerId,
      dueAt: promise.dueAt,
      now,
    });
    // The chain inside the team: scorecards by each interviewer, then the decision by decide-by.
    await openInternalDeadlines(tx, orgId, {
      applicationId: application.id,
      interviewId,
      interviewerIds: interview.interviewerIds,
      interviewEnd: endedAt,
      promisedAt: promise.dueAt,
      job,
      promiseOwnerId: ownerId,
      policy,
      now,
    });
    await announceClose(tx, orgId, closed, application.id, promise, followUp.id, calendar.timeZone, now);
    const writtenPromise = await queueWrittenPromiseAtClose(tx, deps, orgId, yourTimeZone, {
      application,
      job,
      owner,
      interview: closed,
      promise,
      organizationName: organization.name,
      policy,
      actor,
      now,
    });
    return {
      interview: closed,
      promise: {
        ...promise,
        dueDate: localDateOf(promise.dueAt, calendar.timeZone),
        timeZone: calendar.timeZone,
      },
      followUp,
      superseded,
      writtenPromise,
    };
  });
}

/** Plan the written promise for the candidate and queue it, as the organization, in the closing transaction. */
async function queueWrittenPromiseAtClose(
  tx: ScopedTx,
  deps: InterviewDeps,
  orgId: string,
  yourTimeZone: string,
  ctx: Omit<Parameters<typeof queueWrittenPromise>[3], 'plan' | 'candidate'>,
): Promise<WrittenPromisePlan> {
  const { application, policy, now } = ctx;
  const candidate = (await findCandidate(tx, orgId, application.candidateId))!;
  const plan = planWrittenPromise({
    now,
    policy,
    candidate,
    yourTimeZone,
    mails: deps.identity !== undefined,
  });
  // Hearback writes the note, whoever closes: an interviewer may close an interview but may
  // not read the candidate's messages (row-level security), so it is queued as the organization.
  return tx.asOrganization(() =>
    queueWrittenPromise(tx, deps, orgId, {
      ...ctx,
      plan,
      candidate,
    }),
  );
}

/** The interview to close, locked, with its application, job and the policy in force; refused when no outcome is owed. */
async function loadInterviewToClose(tx: Queryable, orgId: string, interviewId: string) {
  const interview = await findInterview(tx, orgId, interviewId, { forUpdate: true });
  if (!interview) throw errors.notFound('Interview', interviewId);
  if (interview.closedAt) {
    throw errors.invalidState('This interview is already closed; its promise is on record.', {
      closedAt: interview.closedAt.toISOString(),
    });
  }
  const application = await requireApplication(tx, orgId, interview.applicationId, { forUpdate: true });
  if (application.status === 'withdrawn' || application.status === 'hired') {
    throw errors.invalidState(`The application is ${application.status}; no outcome is owed.`);
  }
  const job = (await findJob(tx, orgId, application.jobId))!;
  // The job's overrides count: its calendar and its default promise are the ones in force.
  const organization = (await findOrganization(tx, orgId))!;
  const policy = effectivePolicy(organization.policy, job.policyOverrides);
  return { interview, application, job, organization, policy };
}

/** The promise made at the end of an interview: an explicit due time, else the statement resolved. */
function promiseAtClose(
  input: CloseInterviewInput,
  ownerId: string,
  endedAt: Date,
  calendar: BusinessCalendar,
  defaultBusinessDays: number,
): InterviewPromise {
  if (input.dueAt) {
    const dueAt = dueTimeOf(input.dueAt, calendar);
    if (dueAt.getTime() <= endedAt.getTime()) {
      throw errors.validation('dueAt must be after the interview ended.', { field: 'dueAt' });
    }
    const warnings: PromiseWarning[] = [];
    return { statement: input.statement, dueAt, ownerId, resolution: 'explicit', rule: 'explicit', warnings };
  }
  const resolved = resolvePromise({ statement: input.statement, at: endedAt, calendar, defaultBusinessDays });
  // "By 31 December 9999" parses, but no follow-up can be kept (or stored) that far out.
  if (!isTrackedInstant(resolved.dueAt)) {
    throw errors.validation(
      `The statement promises ${localDateOf(resolved.dueAt, calendar.timeZone)}, outside the years Hearback tracks (${TRACKED_YEARS.min}–${TRACKED_YEARS.max}): say a date the team can keep, or give dueAt.`,
      { field: 'statement' },
    );
  }
  return {
    statement: input.statement,
    dueAt: resolved.dueAt,
    ownerId,
    resolution: resolved.resolution,
    rule: resolved.rule,
    warnings: resolved.warnings,
  };
}

/** Tell webhooks and the audit log that an interview closed with its promise. */
async function announceClose(
  tx: Queryable,
  orgId: string,
  closed: Interview,
  applicationId: string,
  promise: InterviewPromise,
  followUpId: string,
  timeZone: string,
  now: Date,
): Promise<void> {
  await emitEvent(
    tx,
    orgId,
    {
      type: 'interview.closed',
      applicationId,
      data: {
        interview: { id: closed.id, title: closed.title, closedAt: now.toISOString() },
        promise: {
          statement: promise.statement,
          dueAt: promise.dueAt.toISOString(),
          ownerId: promise.ownerId,
          resolution: promise.resolution,
        },
        dueText: localDateOf(promise.dueAt, timeZone),
      },
      memberIds: [promise.ownerId],
    },
    now,
  );
  await recordAudit(
    tx,
    orgId,
    now,
    'interview_closed',
    { type: 'interview', id: closed.id },
    { followUpId, dueAt: promise.dueAt.toISOString(), ownerId: promise.ownerId },
  );
}

/** What closing an interview with a statement would promise, for the close form's live preview. */
export interface InterviewClosePreview extends PromisePreview {
  /** The due time in the candidate's zone; null when the candidate's zone is unknown. */
  candidate: { timeZone: string; dueAt: string } | null;
  /** The due time in the owner's zone (their own, else the organization's). */
  team: { timeZone: string; dueAt: string };
  /** Who will hold the follow-up; null when the job names nobody (closing would then need an owner). */
  owner: { id: string; name: string } | null;
  /** What closing now would do about the written promise (no message id: nothing is queued yet). */
  writtenPromise: WrittenPromisePlan;
}

/**
 * Preview closing an interview, saving nothing: the statement resolved exactly as
 * `closeInterview` would (the job's policy, the default owner), shown in the candidate's and the
 * team's time zones.
 */
export async function previewCloseInterview(
  deps: InterviewDeps,
  orgId: string,
  interviewId: string,
  input: { statement: string; ownerId?: string | undefined; endedAt?: DateOrInstant | undefined },
  actor?: Actor,
): Promise<InterviewClosePreview> {
  const now = deps.clock.now();
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const interview = await findInterview(tx, orgId, interviewId);
    if (!interview) throw errors.notFound('Interview', interviewId);
    const application = await requireApplication(tx, orgId, interview.applicationId);
    const job = (await findJob(tx, orgId, application.jobId))!;
    const candidate = await findCandidate(tx, orgId, application.candidateId);
    const ownerId = input.ownerId ?? job.recruiterId ?? job.hiringManagerId;
    const owner = ownerId ? await findMember(tx, orgId, ownerId) : null;
    if (ownerId && !owner) throw errors.invalidReference('ownerId', 'member', ownerId);
    const policy = effectivePolicy((await findOrganization(tx, orgId))!.policy, job.policyOverrides);
    const preview = previewPromise({
      text: input.statement,
      at: input.endedAt ? instantOf(input.endedAt, policy.timeZone) : (interview.endsAt ?? now),
      timeZone: policy.timeZone,
      holidays: policy.holidays,
      workingDays: policy.workingDays,
      businessHours: policy.businessHours,
      defaultBusinessDays: policy.defaultPromiseBusinessDays,
    });
    const due = new Date(preview.dueAt);
    const inZone = (timeZone: string) => ({
      timeZone,
      dueAt: DateTime.fromJSDate(due, { zone: timeZone }).toISO()!,
    });
    return {
      ...preview,
      candidate: candidate?.timeZone ? inZone(candidate.timeZone) : null,
      team: inZone(owner?.timeZone ?? policy.timeZone),
      owner: owner ? { id: owner.id, name: owner.name } : null,
      writtenPromise: planWrittenPromise({
        now,
        policy,
        candidate: candidate!,
        yourTimeZone: await yourTimeZoneOf(tx, orgId, actor, policy),
        mails: deps.identity !== undefined,
      }),
    };
  });
}
