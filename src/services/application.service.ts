import type {
  Application,
  Candidate,
  Decision,
  Feedback,
  FollowUp,
  Interview,
  Job,
  Message,
  Touchpoint,
} from '../domain/model.ts';
import type { Queryable } from '../db/db.ts';
import { errors } from '../errors.ts';
import {
  deleteApplicationWithoutHistory,
  insertApplication,
  listApplications,
  updateApplication,
} from '../repositories/application.repository.ts';
import { findCandidate } from '../repositories/candidate.repository.ts';
import { listDecisionsOfApplication } from '../repositories/decision.repository.ts';
import { listFeedbackOfApplication } from '../repositories/feedback.repository.ts';
import {
  cancelFollowUps,
  listFollowUpsOfApplication,
  lockOpenFollowUpsOfApplication,
} from '../repositories/follow-up.repository.ts';
import { listInterviewsOfApplication } from '../repositories/interview.repository.ts';
import { findJob } from '../repositories/job.repository.ts';
import { listEventsOfApplication, type EventRecord } from '../repositories/event.repository.ts';
import { cancelPendingMessages, findMessage } from '../repositories/message.repository.ts';
import { listTouchpointsOfApplication } from '../repositories/touchpoint.repository.ts';
import { recordAudit } from './audit.service.ts';
import type { ServiceDeps } from './deps.ts';
import { emitEvent } from './webhook.service.ts';
import { fetchPage, type Page, type PageQuery } from './pagination.ts';
import { requireApplication, requireCandidateRef, requireJobRef } from './references.ts';
import { reviewFinalists } from './finalists.ts';

/** Put a candidate into a job (final stage, or through an agency recruiter, from the start if so). */
export async function createApplication(
  deps: ServiceDeps,
  orgId: string,
  input: NewApplication,
): Promise<Application> {
  return deps.db.tenant(orgId).transaction((tx) => addApplication(tx, orgId, input, deps.clock.now()));
}

/** What a new application names. */
export interface NewApplication {
  jobId: string;
  candidateId: string;
  stage?: string | undefined;
  finalStage?: boolean | undefined;
  agencyRecruiter?: Application['agencyRecruiter'] | undefined;
}

/** `createApplication` inside a caller's transaction (a use case that records more with it). */
export async function addApplication(
  tx: Queryable,
  orgId: string,
  input: NewApplication,
  now: Date,
): Promise<Application> {
  const job = await requireJobRef(tx, orgId, input.jobId, 'jobId');
  await requireCandidateRef(tx, orgId, input.candidateId, 'candidateId');
  if (job.status === 'closed' || job.status === 'filled') {
    throw errors.invalidState(`The job is ${job.status}; it takes no new applications.`, {
      field: 'jobId',
    });
  }
  return insertApplication(tx, {
    orgId,
    jobId: input.jobId,
    candidateId: input.candidateId,
    // Without a stage a candidate starts where the job's process does.
    stage: input.stage ?? job.stages[0] ?? 'applied',
    status: 'active',
    finalStage: input.finalStage,
    agencyRecruiter: input.agencyRecruiter,
    createdAt: now,
  });
}

/** One application. */
export async function getApplication(deps: ServiceDeps, orgId: string, id: string): Promise<Application> {
  return requireApplication(deps.db.tenant(orgId), orgId, id);
}

/** Applications, a page at a time. */
export async function listApplicationsPage(
  deps: ServiceDeps,
  orgId: string,
  query: {
    cursor?: string | undefined;
    limit: number;
    jobId?: string | undefined;
    candidateId?: string | undefined;
    status?: Application['status'] | undefined;
  },
): Promise<Page<Application>> {
  const { jobId, candidateId, status } = query;
  return fetchPage(
    query,
    (page) => listApplications(deps.db.tenant(orgId), orgId, { ...page, jobId, candidateId, status }),
    (a) => a.createdAt,
  );
}

/**
 * Change an application's stage or status. Withdrawal is final and cancels every open follow-up
 * on the application, both ways: nothing is owed to or by someone who left the process.
 */
export async function changeApplication(
  deps: ServiceDeps,
  orgId: string,
  id: string,
  patch: Partial<Pick<Application, 'stage' | 'status' | 'finalStage' | 'agencyRecruiter'>>,
  /** Who withdrew, for the audit log; default the request's member (the candidate page says so). */
  withdrawnBy?: { type: 'anonymous'; id: null; via: 'candidate_page' },
): Promise<{ application: Application; cancelledFollowUps: FollowUp[] }> {
  const now = deps.clock.now();
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const current = await requireApplication(tx, orgId, id, { forUpdate: true });
    if (current.status === 'withdrawn' && patch.status !== undefined && patch.status !== 'withdrawn') {
      throw errors.invalidState('The candidate withdrew; create a new application if they come back.');
    }
    const application = (await updateApplication(tx, orgId, id, patch, now))!;
    let cancelledFollowUps: FollowUp[] = [];
    if (patch.status === 'withdrawn' && current.status !== 'withdrawn') {
      const open = await lockOpenFollowUpsOfApplication(tx, orgId, id);
      cancelledFollowUps = await cancelFollowUps(
        tx,
        orgId,
        open.map((f) => f.id),
        'withdrawn',
        now,
      );
      // Nothing more goes to someone who withdrew, whatever was scheduled.
      await cancelPendingMessages(tx, orgId, { applicationId: id }, 'withdrawn', now);
      await emitEvent(tx, orgId, { type: 'candidate.withdrew', applicationId: id, data: {} }, now);
      await recordAudit(
        tx,
        orgId,
        now,
        'application_withdrawn',
        { type: 'application', id },
        { cancelledFollowUps: cancelledFollowUps.length, ...(withdrawnBy && { via: withdrawnBy.via }) },
        withdrawnBy && { type: withdrawnBy.type, id: withdrawnBy.id },
      );
    }
    await reviewFinalists(tx, orgId, application.jobId, { before: current, after: application }, now);
    return { application, cancelledFollowUps };
  });
}

/** Delete an application with no history (a mistake); anything with history is kept. */
export async function deleteApplication(deps: ServiceDeps, orgId: string, id: string): Promise<void> {
  await deps.db.tenant(orgId).transaction(async (tx) => {
    await requireApplication(tx, orgId, id, { forUpdate: true });
    if (!(await deleteApplicationWithoutHistory(tx, orgId, id))) {
      throw errors.conflict('This application has history; withdraw or decide it instead of deleting it.');
    }
  });
}

/**
 * The steps taken on an application (reminders, updates, escalations, sends, overrides), oldest
 * first, a page at a time.
 */
export async function listApplicationEventsPage(
  deps: ServiceDeps,
  orgId: string,
  id: string,
  query: PageQuery,
): Promise<Page<EventRecord>> {
  return deps.db.tenant(orgId).transaction(async (tx) => {
    await requireApplication(tx, orgId, id);
    return fetchPage(
      query,
      (page) => listEventsOfApplication(tx, orgId, id, page),
      (e) => e.at,
    );
  });
}

/** One entry of an application's timeline. */
export type TimelineEvent =
  | { type: 'application_created'; at: Date; application: Application }
  | { type: 'interview_scheduled'; at: Date; interview: Interview }
  | { type: 'interview_closed'; at: Date; interview: Interview }
  | { type: 'feedback_submitted'; at: Date; feedback: Feedback }
  | { type: 'decision_made'; at: Date; decision: Decision }
  | { type: 'touchpoint'; at: Date; touchpoint: Touchpoint }
  | { type: 'follow_up_opened'; at: Date; followUp: FollowUp }
  | { type: 'follow_up_done'; at: Date; followUp: FollowUp }
  | { type: 'follow_up_cancelled'; at: Date; followUp: FollowUp }
  | { type: 'written_promise'; at: Date; writtenPromise: WrittenPromiseEntry };

/**
 * The written promise of a closed interview as the timeline shows it: the queued message as it
 * stands now (`scheduled` until it goes, `draft` after an undo, `sent`, `cancelled` …), or why none
 * was queued (`off` with the job's reason, `no_email`).
 */
export interface WrittenPromiseEntry {
  interviewId: string | null;
  status: Message['status'] | 'off' | 'no_email';
  messageId: string | null;
  sendAt: Date | null;
  reason: string | null;
}

const WRITTEN_PROMISE_EVENTS = new Set(['written_promise_off', 'written_promise_no_email']);

/** The timeline entry of a written-promise event, or null for any other event. */
async function writtenPromiseEntry(
  q: Queryable,
  orgId: string,
  e: EventRecord,
): Promise<WrittenPromiseEntry | null> {
  const interviewId = typeof e.data.interviewId === 'string' ? e.data.interviewId : null;
  if (WRITTEN_PROMISE_EVENTS.has(e.type)) {
    return {
      interviewId,
      status: e.type === 'written_promise_off' ? 'off' : 'no_email',
      messageId: null,
      sendAt: null,
      reason: typeof e.data.reason === 'string' ? e.data.reason : null,
    };
  }
  if (e.type !== 'message_scheduled' || e.data.writtenPromise !== true || !e.messageId) return null;
  const message = await findMessage(q, orgId, e.messageId);
  if (!message) return null;
  return { interviewId, status: message.status, messageId: message.id, sendAt: message.sendAt, reason: null };
}

/** Everything that happened on an application, in order, and what is still owed. */
export interface Timeline {
  application: Application;
  candidate: Candidate;
  job: Job;
  events: TimelineEvent[];
  openFollowUps: FollowUp[];
}

// Same-instant events keep a causal order: an interview closes before its follow-up opens, a
// touchpoint happens before the follow-up it completes.
const EVENT_ORDER: Record<TimelineEvent['type'], number> = {
  application_created: 0,
  interview_scheduled: 1,
  interview_closed: 2,
  feedback_submitted: 3,
  decision_made: 4,
  follow_up_cancelled: 5,
  follow_up_opened: 6,
  // Queued as the interview closed, after its follow-up opened.
  written_promise: 6.5,
  touchpoint: 7,
  follow_up_done: 8,
};

/** The written promises of an application's closed interviews, as the timeline shows them. */
async function writtenPromisesOf(
  q: Queryable,
  orgId: string,
  applicationId: string,
): Promise<{ at: Date; entry: WrittenPromiseEntry }[]> {
  const found: { at: Date; entry: WrittenPromiseEntry }[] = [];
  for (const e of await listEventsOfApplication(q, orgId, applicationId)) {
    const entry = await writtenPromiseEntry(q, orgId, e);
    if (entry) found.push({ at: e.at, entry });
  }
  return found;
}

/** The application's timeline. */
export async function getApplicationTimeline(
  deps: ServiceDeps,
  orgId: string,
  id: string,
): Promise<Timeline> {
  // One transaction: one consistent snapshot, one scope set-up.
  const { application, candidate, job, interviews, feedback, decisions, touchpoints, followUps, written } =
    await deps.db.tenant(orgId).transaction(async (q) => {
      const application = await requireApplication(q, orgId, id);
      // The timeline carries feedback and decisions (rejection reasons): reading it is recorded.
      await recordAudit(q, orgId, deps.clock.now(), 'timeline_read', { type: 'application', id });
      return {
        application,
        candidate: await findCandidate(q, orgId, application.candidateId),
        job: await findJob(q, orgId, application.jobId),
        interviews: await listInterviewsOfApplication(q, orgId, id),
        feedback: await listFeedbackOfApplication(q, orgId, id),
        decisions: await listDecisionsOfApplication(q, orgId, id),
        touchpoints: await listTouchpointsOfApplication(q, orgId, id),
        followUps: await listFollowUpsOfApplication(q, orgId, id),
        written: await writtenPromisesOf(q, orgId, id),
      };
    });
  const events: TimelineEvent[] = [{ type: 'application_created', at: application.createdAt, application }];
  for (const interview of interviews) {
    if (interview.scheduledAt)
      events.push({ type: 'interview_scheduled', at: interview.scheduledAt, interview });
    if (interview.closedAt) events.push({ type: 'interview_closed', at: interview.closedAt, interview });
  }
  for (const f of feedback) events.push({ type: 'feedback_submitted', at: f.submittedAt, feedback: f });
  for (const d of decisions) events.push({ type: 'decision_made', at: d.decidedAt, decision: d });
  for (const t of touchpoints) events.push({ type: 'touchpoint', at: t.occurredAt, touchpoint: t });
  for (const f of followUps) {
    events.push({ type: 'follow_up_opened', at: f.createdAt, followUp: f });
    if (f.status === 'done' && f.doneAt) events.push({ type: 'follow_up_done', at: f.doneAt, followUp: f });
    if (f.status === 'cancelled') events.push({ type: 'follow_up_cancelled', at: f.updatedAt, followUp: f });
  }
  for (const w of written) events.push({ type: 'written_promise', at: w.at, writtenPromise: w.entry });
  events.sort((a, b) => a.at.getTime() - b.at.getTime() || EVENT_ORDER[a.type] - EVENT_ORDER[b.type]);
  return {
    application,
    candidate: candidate!,
    job: job!,
    events,
    openFollowUps: followUps.filter((f) => f.status === 'open'),
  };
}
