import type { Queryable } from '../db/db.ts';
import { endOfBusinessDaysAfter } from '../domain/business-time.ts';
import { decidedDueTime } from '../domain/follow-up-ladder.ts';
import type { Application, ApplicationStatus, Decision, DecisionOutcome, FollowUp } from '../domain/model.ts';
import { calendarOf, effectivePolicy, type Policy } from '../domain/policy.ts';
import { errors } from '../errors.ts';
import { updateApplication } from '../repositories/application.repository.ts';
import { insertDecision, listDecisionsOfApplication } from '../repositories/decision.repository.ts';
import { findCandidate } from '../repositories/candidate.repository.ts';
import { insertEvent } from '../repositories/event.repository.ts';
import {
  lockOpenFollowUpsOfApplication,
  pullFollowUpForward,
  restorePromisedDue,
} from '../repositories/follow-up.repository.ts';
import { findJob } from '../repositories/job.repository.ts';
import { findOrganization } from '../repositories/organization.repository.ts';
import { recordAudit } from './audit.service.ts';
import type { Actor, ServiceDeps } from './deps.ts';
import { emitEvent } from './webhook.service.ts';
import { reviewFinalists } from './finalists.ts';
import { openOutcomeFollowUp } from './follow-up-ledger.ts';
import { fetchPage, type Page, type PageQuery } from './pagination.ts';
import { requireApplication } from './references.ts';
import { settleDecideBy } from './internal-deadlines.ts';

const STATUS_AFTER: Record<DecisionOutcome, ApplicationStatus> = {
  advance: 'active',
  reject: 'rejected',
  hold: 'on_hold',
  offer: 'offered',
};

/** What a decision says: its outcome, with reasons, a recommendation and notes. */
interface DecisionInput {
  outcome: DecisionOutcome;
  reasons?: string[] | undefined;
  recommendation?: string | undefined;
  notes?: string | undefined;
}

/** A decision and the follow-up that now carries the duty to tell the candidate. */
export interface RecordedDecision {
  decision: Decision;
  /** The open outcome follow-up: the decision does not close it — telling the candidate does. */
  outcomeFollowUp: FollowUp | null;
}

/**
 * Record a decision on an application (principle 3: deciding is not telling). The application's
 * status follows the decision; the open outcome follow-up stays open until a touchpoint delivers
 * the outcome. If none is open — say the candidate was never interviewed, or an earlier outcome
 * was already delivered — one is opened, due by the end of the next business day, because the
 * candidate must hear this decision too. The decision is recorded as `actor`'s.
 */
export async function recordDecision(
  deps: ServiceDeps,
  orgId: string,
  applicationId: string,
  input: DecisionInput,
  actor: Actor,
): Promise<RecordedDecision> {
  const now = deps.clock.now();
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const application = await requireApplication(tx, orgId, applicationId, { forUpdate: true });
    if (application.status === 'withdrawn' || application.status === 'hired') {
      throw errors.invalidState(`The application is ${application.status}; it takes no more decisions.`);
    }
    const decision = await insertDecisionInOrder(tx, orgId, applicationId, input, actor, now);
    const after = (await updateApplication(
      tx,
      orgId,
      applicationId,
      { status: STATUS_AFTER[input.outcome] },
      now,
    ))!;
    await reviewFinalists(tx, orgId, application.jobId, { before: application, after }, now);
    // Decided: the decide-by is met (a hold is still deciding).
    if (input.outcome !== 'hold') await settleDecideBy(tx, orgId, applicationId, now);

    const outcomeFollowUp = await outcomeFollowUpAfterDecision(tx, orgId, application, decision, actor, now);
    await emitEvent(
      tx,
      orgId,
      {
        type: 'decision.recorded',
        applicationId,
        data: { decision: { id: decision.id, outcome: decision.outcome, decidedAt: now.toISOString() } },
        memberIds: outcomeFollowUp?.ownerId ? [outcomeFollowUp.ownerId] : [],
      },
      now,
    );
    return { decision, outcomeFollowUp };
  });
}

/** Record the decision strictly after the application's previous one. */
async function insertDecisionInOrder(
  tx: Queryable,
  orgId: string,
  applicationId: string,
  input: DecisionInput,
  actor: Actor,
  now: Date,
): Promise<Decision> {
  // Decisions are ordered by their time, and "the latest" is what a draft tells: two recorded
  // within the same millisecond (a double submit, a frozen test clock) tied, and the tie fell
  // either way. A decision is kept strictly after the one before it (the row lock above
  // serialises them), by a millisecond at most.
  const previous = (await listDecisionsOfApplication(tx, orgId, applicationId)).at(-1);
  const decidedAt =
    previous && previous.decidedAt.getTime() >= now.getTime()
      ? new Date(previous.decidedAt.getTime() + 1)
      : now;
  return insertDecision(tx, {
    orgId,
    applicationId,
    outcome: input.outcome,
    reasons: input.reasons ?? [],
    recommendation: input.recommendation ?? '',
    notes: input.notes ?? '',
    decidedBy: actor.memberId,
    decidedAt,
  });
}

/** The outcome follow-up after a decision: the open one retimed, or one opened because the candidate must hear it. */
async function outcomeFollowUpAfterDecision(
  tx: Queryable,
  orgId: string,
  application: Application,
  decision: Decision,
  actor: Actor,
  now: Date,
): Promise<FollowUp | null> {
  const applicationId = application.id;
  const open = await lockOpenFollowUpsOfApplication(tx, orgId, applicationId);
  let outcomeFollowUp = open.find((f) => f.kind === 'outcome') ?? null;
  const job = (await findJob(tx, orgId, application.jobId))!;
  const orgPolicy = (await findOrganization(tx, orgId))!.policy;
  if (outcomeFollowUp) {
    outcomeFollowUp = await retimeOutcome(tx, orgId, outcomeFollowUp, decision, {
      policy: effectivePolicy(orgPolicy, job.policyOverrides),
      candidateZone: (await findCandidate(tx, orgId, application.candidateId))?.timeZone ?? null,
      actor,
      now,
    });
  }
  // A hold is internal until it changes; the existing promise (if any) still stands.
  if (!outcomeFollowUp && decision.outcome !== 'hold') {
    const calendar = calendarOf(orgPolicy);
    const dueAt = endOfBusinessDaysAfter(now, 1, calendar);
    ({ followUp: outcomeFollowUp } = await openOutcomeFollowUp(tx, orgId, {
      applicationId,
      interviewId: null,
      ownerId: job.recruiterId ?? actor.memberId,
      dueAt,
      now,
    }));
  }
  return outcomeFollowUp;
}

/**
 * A decision moves the open outcome follow-up's due time (issue 13). Deciding pulls it forward to
 * the candidate's next business slot ({@link decidedDueTime}) — the team knows the answer, so the
 * candidate is owed it now — while `promisedDueAt` keeps what the candidate was told, which is all
 * they see. A hold means the team is still deciding: a promise pulled forward by an earlier
 * decision goes back to the time the candidate was promised. Both are on the timeline.
 */
async function retimeOutcome(
  tx: Queryable,
  orgId: string,
  followUp: FollowUp,
  decision: Decision,
  ctx: { policy: Policy; candidateZone: string | null; actor: Actor; now: Date },
): Promise<FollowUp> {
  const { now } = ctx;
  let moved: FollowUp | null = null;
  if (decision.outcome === 'hold') {
    moved = await restorePromisedDue(tx, orgId, followUp.id, now);
  } else {
    const calendar = { ...calendarOf(ctx.policy), timeZone: ctx.candidateZone ?? ctx.policy.timeZone };
    const dueAt = decidedDueTime(followUp.dueAt, now, calendar);
    if (dueAt) moved = await pullFollowUpForward(tx, orgId, followUp.id, dueAt, now);
  }
  if (!moved) return followUp;
  await insertEvent(tx, {
    orgId,
    type: decision.outcome === 'hold' ? 'outcome_due_restored' : 'outcome_due_pulled_forward',
    applicationId: followUp.applicationId,
    followUpId: followUp.id,
    memberId: ctx.actor.memberId,
    data: {
      decisionId: decision.id,
      outcome: decision.outcome,
      fromDueAt: followUp.dueAt.toISOString(),
      dueAt: moved.dueAt.toISOString(),
      // The time the candidate was told; unchanged either way.
      promisedDueAt: (followUp.promisedDueAt ?? followUp.dueAt).toISOString(),
    },
    at: now,
  });
  return moved;
}

/** An application's decisions, oldest first, a page at a time. */
export async function listDecisionsPage(
  deps: ServiceDeps,
  orgId: string,
  applicationId: string,
  query: PageQuery,
): Promise<Page<Decision>> {
  return deps.db.tenant(orgId).transaction(async (tx) => {
    await requireApplication(tx, orgId, applicationId);
    // Decisions carry rejection reasons: reading them is recorded.
    await recordAudit(tx, orgId, deps.clock.now(), 'decisions_read', {
      type: 'application',
      id: applicationId,
    });
    return fetchPage(
      query,
      (page) => listDecisionsOfApplication(tx, orgId, applicationId, page),
      (d) => d.decidedAt,
    );
  });
}
