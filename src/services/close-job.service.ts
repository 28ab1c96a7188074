/**
 * Closing a job (DESIGN.md, principle 3: closing a job notifies everyone still in it). The team
 * first sees who is still in it, grouped by stage; closing names who was hired (or nobody), and
 * drafts a rejection for everyone else, worded for how far their stage got. The drafts wait in
 * the organization's "to send" list (`GET /messages?status=draft`) until someone reviews them.
 */
import { candidateTemplateContext } from '../domain/candidate-context.ts';
import { endOfBusinessDaysAfter } from '../domain/business-time.ts';
import { groupByStage, IN_PROCESS_STATUSES, type CloseOutReach } from '../domain/close-out.ts';
import type { Application, DecisionOutcome, FollowUp, Job, Member } from '../domain/model.ts';
import { calendarOf, effectivePolicy } from '../domain/policy.ts';
import { renderTemplate } from '../domain/template-engine.ts';
import { AppError, errors } from '../errors.ts';
import type { Queryable } from '../db/db.ts';
import { listApplications, updateApplication } from '../repositories/application.repository.ts';
import { findCandidate } from '../repositories/candidate.repository.ts';
import { listDecisionsOfApplication } from '../repositories/decision.repository.ts';
import { insertEvent } from '../repositories/event.repository.ts';
import {
  listFollowUpsOfApplication,
  lockOpenFollowUpsOfApplication,
} from '../repositories/follow-up.repository.ts';
import { listInterviewsOfApplication } from '../repositories/interview.repository.ts';
import { findJob, updateJob } from '../repositories/job.repository.ts';
import { findMember } from '../repositories/member.repository.ts';
import { findOrganization } from '../repositories/organization.repository.ts';
import { statusLinkPlaceholder } from './candidate-links.ts';
import type { Actor, ServiceDeps } from './deps.ts';
import { openOutcomeFollowUp } from './follow-up-ledger.ts';
import { viewMessage, type MessageView } from './message-view.ts';
import { linkBase, loadTemplate, type MessagingDeps } from './message-templates.ts';
import { buildMessage } from './message-builder.ts';
import { enqueueMessage } from './outbox.service.ts';
import { cancelInternalDeadlinesOfJob } from './internal-deadlines.ts';

/** One candidate still in process, as the close-out shows them. */
export interface CloseOutApplication {
  applicationId: string;
  candidateId: string;
  candidateName: string;
  /** Without one, the candidate is called instead of written to. */
  hasEmail: boolean;
  stage: string;
  status: Application['status'];
  finalStage: boolean;
  interviewed: boolean;
  /** The open outcome follow-up, if any: closing opens one for those without. */
  openOutcomeFollowUpId: string | null;
  latestDecision: { outcome: DecisionOutcome; decidedAt: Date } | null;
}

/** A stage of the job, with everyone still in it. */
export interface CloseOutStage {
  stage: string;
  reach: CloseOutReach;
  applications: CloseOutApplication[];
}

/** What closing the job would decide: everyone still in process, by stage. */
export interface CloseOutPreview {
  job: Pick<Job, 'id' | 'title' | 'status'>;
  stages: CloseOutStage[];
  total: number;
}

async function requireJob(q: Queryable, orgId: string, jobId: string, forUpdate = false): Promise<Job> {
  const job = await findJob(q, orgId, jobId, { forUpdate });
  if (!job) throw errors.notFound('Job', jobId);
  return job;
}

async function inProcessApplications(q: Queryable, orgId: string, jobId: string): Promise<Application[]> {
  const all: Application[] = [];
  for (let after = null as { key: string; id: string } | null; ;) {
    const batch = await listApplications(q, orgId, { after, limit: 200, jobId });
    all.push(...batch.filter((a) => IN_PROCESS_STATUSES.includes(a.status)));
    const last = batch.at(-1);
    if (batch.length < 200 || !last) break;
    after = { key: last.createdAt.toISOString(), id: last.id };
  }
  return all;
}

async function describeApplication(
  q: Queryable,
  orgId: string,
  application: Application,
  openFollowUps: FollowUp[],
): Promise<CloseOutApplication> {
  const candidate = (await findCandidate(q, orgId, application.candidateId))!;
  const interviews = await listInterviewsOfApplication(q, orgId, application.id, { after: null, limit: 1 });
  const decision = (await listDecisionsOfApplication(q, orgId, application.id)).at(-1) ?? null;
  return {
    applicationId: application.id,
    candidateId: candidate.id,
    candidateName: candidate.name,
    hasEmail: candidate.email !== null,
    stage: application.stage,
    status: application.status,
    finalStage: application.finalStage,
    interviewed: interviews.length > 0,
    openOutcomeFollowUpId: openFollowUps.find((f) => f.kind === 'outcome')?.id ?? null,
    latestDecision: decision ? { outcome: decision.outcome, decidedAt: decision.decidedAt } : null,
  };
}

function stagesOf(described: CloseOutApplication[]): CloseOutStage[] {
  return groupByStage(described).map((g) => ({ stage: g.stage, reach: g.reach, applications: g.members }));
}

/** Who closing the job would decide, grouped by stage (furthest first); nothing changes. */
export async function previewJobCloseOut(
  deps: ServiceDeps,
  orgId: string,
  jobId: string,
): Promise<CloseOutPreview> {
  const q = deps.db.tenant(orgId);
  const job = await requireJob(q, orgId, jobId);
  const described: CloseOutApplication[] = [];
  for (const application of await inProcessApplications(q, orgId, jobId)) {
    const open = (await listFollowUpsOfApplication(q, orgId, application.id)).filter(
      (f) => f.status === 'open',
    );
    described.push(await describeApplication(q, orgId, application, open));
  }
  return {
    job: { id: job.id, title: job.title, status: job.status },
    stages: stagesOf(described),
    total: described.length,
  };
}

/** How the job ends, and who was hired. */
export interface CloseJobInput {
  status: 'closed' | 'filled';
  /** Applications of this job, still in process, that were hired: required for `filled`, none for `closed`. */
  hiredApplicationIds?: string[] | undefined;
}

/** What closing did, stage by stage. */
export interface CloseJobResult {
  status: 'closed' | 'filled';
  hired: string[];
  stages: (CloseOutStage & { drafts: MessageView[]; withoutEmail: string[] })[];
  /** Every draft, to review and send (also in the "to send" list). */
  drafts: MessageView[];
  /** Applications whose candidate has no email: call them. */
  withoutEmail: string[];
}

/**
 * Close or fill a job, as `actor`, in one transaction. The hires become `hired` and get no
 * message; everyone else still in process becomes `rejected`, gets an outcome follow-up (if none
 * is open) and — with an email address — a drafted rejection worded for how far their stage got,
 * to review before sending. Nothing is sent here.
 */
export async function closeJob(
  deps: MessagingDeps,
  orgId: string,
  jobId: string,
  input: CloseJobInput,
  actor: Actor,
): Promise<CloseJobResult> {
  const now = deps.clock.now();
  const hiredIds = [...new Set(input.hiredApplicationIds ?? [])];
  checkHires(input.status, hiredIds);
  return deps.db.tenant(orgId).transaction(async (tx) => {
    // Locked: two closes at once would otherwise both draft to everyone.
    const job = await requireJob(tx, orgId, jobId, true);
    if (job.status === 'closed' || job.status === 'filled')
      throw errors.invalidState(`The job is already ${job.status}.`);
    const inProcess = await inProcessApplications(tx, orgId, jobId);
    const known = new Set(inProcess.map((a) => a.id));
    for (const id of hiredIds) {
      if (!known.has(id))
        throw errors.invalidReference('hiredApplicationIds', 'application still in process in this job', id);
    }
    await updateJob(tx, orgId, jobId, { status: input.status }, now);
    const org = (await findOrganization(tx, orgId))!;
    const cal = calendarOf(effectivePolicy(org.policy, job.policyOverrides));
    const ownerId = job.recruiterId ?? actor.memberId;
    const owner = (await findMember(tx, orgId, ownerId))!;
    const rejected = await settleApplications(tx, orgId, inProcess, new Set(hiredIds), { ownerId, cal, now });
    const stages = await draftCloseOutMessages(tx, deps, orgId, rejected, {
      organizationName: org.name,
      job,
      owner,
      status: input.status,
      actor,
      now,
    });
    const drafts = stages.flatMap((s) => s.drafts);
    const withoutEmail = stages.flatMap((s) => s.withoutEmail);
    await insertEvent(tx, {
      orgId,
      type: 'job_closed',
      memberId: actor.memberId,
      data: {
        jobId,
        status: input.status,
        hired: hiredIds.length,
        drafts: drafts.length,
        withoutEmail: withoutEmail.length,
      },
      at: now,
    });
    // A closed job owes nothing more inside the team: no scorecards, decide-by or backfill.
    await cancelInternalDeadlinesOfJob(tx, orgId, jobId, `the job is ${input.status}`, now);
    return { status: input.status, hired: hiredIds, stages, drafts, withoutEmail };
  });
}

/** A filled job names its hires; a job closed without hiring names none. */
function checkHires(status: CloseJobInput['status'], hiredIds: string[]): void {
  if (status === 'filled' && hiredIds.length === 0) {
    throw new AppError('hire_required', 'A filled job names who was hired: give hiredApplicationIds.', {
      field: 'hiredApplicationIds',
    });
  }
  if (status === 'closed' && hiredIds.length > 0) {
    throw errors.validation('A job closed without hiring names no hires; use status "filled".', {
      field: 'hiredApplicationIds',
    });
  }
}

/** An application the close rejected: how far it got, and the outcome follow-up its message closes. */
interface RejectedApplication {
  application: Application;
  view: CloseOutApplication;
  followUp: FollowUp;
}

/**
 * The hires become `hired`; everyone else still in process becomes `rejected`, described by how
 * far they got, with an outcome follow-up (the open one, else a new one due the next business day).
 */
async function settleApplications(
  tx: Queryable,
  orgId: string,
  inProcess: Application[],
  hired: Set<string>,
  context: { ownerId: string; cal: ReturnType<typeof calendarOf>; now: Date },
): Promise<RejectedApplication[]> {
  const { ownerId, cal, now } = context;
  const rejected: RejectedApplication[] = [];
  for (const application of inProcess) {
    if (hired.has(application.id)) {
      await updateApplication(tx, orgId, application.id, { status: 'hired' }, now);
      continue;
    }
    const open = await lockOpenFollowUpsOfApplication(tx, orgId, application.id);
    const view = await describeApplication(tx, orgId, application, open);
    await updateApplication(tx, orgId, application.id, { status: 'rejected' }, now);
    let followUp = open.find((f) => f.kind === 'outcome');
    if (!followUp) {
      ({ followUp } = await openOutcomeFollowUp(tx, orgId, {
        applicationId: application.id,
        interviewId: null,
        ownerId,
        dueAt: endOfBusinessDaysAfter(now, 1, cal),
        now,
      }));
    }
    rejected.push({ application, view, followUp });
  }
  return rejected;
}

/** Who and what a close-out message is written from. */
interface CloseOutAuthor {
  organizationName: string;
  job: Job;
  owner: Member;
  status: CloseJobInput['status'];
  actor: Actor;
  now: Date;
}

/**
 * Group the rejected by stage and draft each one's close-out message, worded for how far their
 * stage got; candidates without an email are listed to call instead.
 */
async function draftCloseOutMessages(
  tx: Queryable,
  deps: MessagingDeps,
  orgId: string,
  rejected: RejectedApplication[],
  author: CloseOutAuthor,
): Promise<CloseJobResult['stages']> {
  const template = await loadTemplate(tx, orgId, 'job_closed');
  const stages: CloseJobResult['stages'] = [];
  for (const group of stagesOf(rejected.map((r) => r.view))) {
    const drafts: MessageView[] = [];
    const withoutEmail: string[] = [];
    for (const view of group.applications) {
      const { application, followUp } = rejected.find((r) => r.view === view)!;
      const candidate = (await findCandidate(tx, orgId, application.candidateId))!;
      if (!candidate.email) {
        withoutEmail.push(application.id);
        continue;
      }
      // One wording per stage (its reach); each candidate's copy carries their own name and link.
      const rendered = renderTemplate(template, {
        ...candidateTemplateContext({
          organizationName: author.organizationName,
          candidateName: candidate.name,
          jobTitle: author.job.title,
          owner: author.owner,
          statusLink: statusLinkPlaceholder(linkBase(deps)),
        }),
        outcome: author.status,
        reach: group.reach,
      });
      const message = await enqueueMessage(
        tx,
        deps.identity,
        buildMessage({
          orgId,
          applicationId: application.id,
          followUpId: followUp.id,
          kind: 'job_closed',
          to: { audience: 'candidate', name: candidate.name, email: candidate.email },
          replyTo: author.owner.email,
          content: rendered,
          send: 'draft',
          automatic: false,
          // A close-out message is a rejection, and is checked as one before it goes.
          checkKind: 'rejection',
          createdBy: author.actor.memberId,
        }),
        author.now,
      );
      drafts.push(viewMessage(message));
    }
    stages.push({ ...group, drafts, withoutEmail });
  }
  return stages;
}
