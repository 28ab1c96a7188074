import { recordAudit } from './audit.service.ts';
import { DateTime } from 'luxon';
import {
  dueTimeOf,
  instantOf,
  isTrackedInstant,
  localDateOf,
  TRACKED_YEARS,
  type DateOrInstant,
} from '../domain/business-time.ts';
import type { FollowUp, Interview, InterviewPromise } from '../domain/model.ts';
import { calendarOf, effectivePolicy } from '../domain/policy.ts';
import { resolvePromise, type PromiseWarning } from '../domain/promise.ts';
import { AppError, errors } from '../errors.ts';
import {
  closeInterviewRow,
  findInterview,
  insertInterview,
  listInterviewsOfApplication,
} from '../repositories/interview.repository.ts';
import { findCandidate } from '../repositories/candidate.repository.ts';
import { findJob } from '../repositories/job.repository.ts';
import { findMember } from '../repositories/member.repository.ts';
import { findOrganization } from '../repositories/organization.repository.ts';
import { invitationsDue, queueInvitations } from './calendar.service.ts';
import type { MailIdentity } from './outbox.service.ts';
import { emitEvent } from './webhook.service.ts';
import type { Queryable } from '../db/db.ts';
import type { ServiceDeps } from './deps.ts';
import { decodeCursor, toPage, type Page, type PageQuery } from './pagination.ts';
import { previewPromise, type PromisePreview } from './promise.service.ts';
import { openOutcomeFollowUp } from './follow-up.service.ts';
import { requireActiveMember, requireApplication, requireApplicationRef } from './references.ts';

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
    const rows = await listInterviewsOfApplication(tx, orgId, applicationId, {
      after: decodeCursor(query.cursor),
      limit: query.limit + 1,
    });
    return toPage(rows, query.limit, (i) => i.createdAt);
  });
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

/** The result of closing an interview. */
export interface ClosedInterview {
  interview: Interview;
  promise: ResolvedInterviewPromise;
  followUp: FollowUp;
  superseded: FollowUp[];
}

// Clocks drift and forms are slow to submit: an end time this far ahead of "now" is still accepted.
const END_TIME_SLACK_MS = 5 * 60_000;

/**
 * Close an interview with the promise made at its end (principle 1): resolve the statement to a
 * due time in the organization's calendar, name an owner, and open the outcome follow-up owed to
 * the candidate — superseding any earlier open outcome promise on the application.
 */
export async function closeInterview(
  deps: ServiceDeps,
  orgId: string,
  interviewId: string,
  input: CloseInterviewInput,
): Promise<ClosedInterview> {
  const now = deps.clock.now();
  return deps.db.tenant(orgId).transaction(async (tx) => {
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
    const policy = effectivePolicy((await findOrganization(tx, orgId))!.policy, job.policyOverrides);
    const calendar = calendarOf(policy);
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
    await requireActiveMember(tx, orgId, ownerId, 'ownerId');

    let promise: InterviewPromise;
    if (input.dueAt) {
      const dueAt = dueTimeOf(input.dueAt, calendar);
      if (dueAt.getTime() <= endedAt.getTime()) {
        throw errors.validation('dueAt must be after the interview ended.', { field: 'dueAt' });
      }
      const warnings: PromiseWarning[] = [];
      promise = {
        statement: input.statement,
        dueAt,
        ownerId,
        resolution: 'explicit',
        rule: 'explicit',
        warnings,
      };
    } else {
      const resolved = resolvePromise({
        statement: input.statement,
        at: endedAt,
        calendar,
        defaultBusinessDays: policy.defaultPromiseBusinessDays,
      });
      promise = {
        statement: input.statement,
        dueAt: resolved.dueAt,
        ownerId,
        resolution: resolved.resolution,
        rule: resolved.rule,
        warnings: resolved.warnings,
      };
      // "By 31 December 9999" parses, but no follow-up can be kept (or stored) that far out.
      if (!isTrackedInstant(promise.dueAt)) {
        throw errors.validation(
          `The statement promises ${localDateOf(promise.dueAt, calendar.timeZone)}, outside the years Hearback tracks (${TRACKED_YEARS.min}–${TRACKED_YEARS.max}): say a date the team can keep, or give dueAt.`,
          { field: 'statement' },
        );
      }
    }
    const closed = (await closeInterviewRow(tx, orgId, interviewId, now, promise))!;
    const { followUp, superseded } = await openOutcomeFollowUp(tx, orgId, {
      applicationId: application.id,
      interviewId,
      ownerId,
      dueAt: promise.dueAt,
      now,
    });
    await emitEvent(
      tx,
      orgId,
      {
        type: 'interview.closed',
        applicationId: application.id,
        data: {
          interview: { id: interviewId, title: closed.title, closedAt: now.toISOString() },
          promise: {
            statement: promise.statement,
            dueAt: promise.dueAt.toISOString(),
            ownerId,
            resolution: promise.resolution,
          },
          dueText: localDateOf(promise.dueAt, calendar.timeZone),
        },
        memberIds: [ownerId],
      },
      now,
    );
    await recordAudit(
      tx,
      orgId,
      now,
      'interview_closed',
      { type: 'interview', id: interviewId },
      { followUpId: followUp.id, dueAt: promise.dueAt.toISOString(), ownerId },
    );
    return {
      interview: closed,
      promise: {
        ...promise,
        dueDate: localDateOf(promise.dueAt, calendar.timeZone),
        timeZone: calendar.timeZone,
      },
      followUp,
      superseded,
    };
  });
}

/** What closing an interview with a statement would promise, for the close form's live preview. */
export interface InterviewClosePreview extends PromisePreview {
  /** The due time in the candidate's zone; null when the candidate's zone is unknown. */
  candidate: { timeZone: string; dueAt: string } | null;
  /** The due time in the owner's zone (their own, else the organization's). */
  team: { timeZone: string; dueAt: string };
  /** Who will hold the follow-up; null when the job names nobody (closing would then need an owner). */
  owner: { id: string; name: string } | null;
}

/**
 * Preview closing an interview, saving nothing: the statement resolved exactly as
 * `closeInterview` would (the job's policy, the default owner), shown in the candidate's and the
 * team's time zones.
 */
export async function previewCloseInterview(
  deps: ServiceDeps,
  orgId: string,
  interviewId: string,
  input: { statement: string; ownerId?: string | undefined; endedAt?: DateOrInstant | undefined },
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
    };
  });
}
