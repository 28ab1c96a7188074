/**
 * Finalists and backfill inside the transaction of a change (a decision, a withdrawal, a stage or
 * status edit, a job closing): a lower module the services that change applications call, so
 * they need not call each other. The rule is pure (src/domain/finalists.ts); this reads the counts
 * and opens or settles the job's `backfill` follow-up.
 */
import type { Queryable } from '../db/db.ts';
import { endOfBusinessDaysAfter } from '../domain/business-time.ts';
import { backfillStep, isFinalist } from '../domain/finalists.ts';
import type { Application, FollowUp } from '../domain/model.ts';
import { calendarOf, effectivePolicy } from '../domain/policy.ts';
import { countFinalists, listEarlierInTheRunning } from '../repositories/application.repository.ts';
import { insertEvent } from '../repositories/event.repository.ts';
import {
  cancelFollowUps,
  insertFollowUp,
  lockOpenBackfillOfJob,
} from '../repositories/follow-up.repository.ts';
import { findJob } from '../repositories/job.repository.ts';
import { listActiveMembersByRole } from '../repositories/member.repository.ts';
import { findOrganization } from '../repositories/organization.repository.ts';
import { listPoolCandidatesForJob } from '../repositories/placement.repository.ts';

/** How many earlier-stage candidates the backfill names. */
const EARLIER_SHOWN = 10;

/**
 * After `before` became `after` (or, with both null, after the job itself changed): open the
 * job's backfill follow-up when a finalist just left an open job and the final stage is under its
 * target, or settle an open one when the job closed or the final stage is back at its target.
 * Returns the follow-up opened, if any.
 */
export async function reviewFinalists(
  tx: Queryable,
  orgId: string,
  jobId: string,
  change: { before: Application; after: Application } | null,
  now: Date,
  /** Who owns a backfill opened here when the job names no recruiter (a client job: the submitting recruiter). */
  options: { ownerId?: string | undefined } = {},
): Promise<FollowUp | null> {
  const job = await findJob(tx, orgId, jobId);
  if (!job) return null;
  const org = (await findOrganization(tx, orgId))!;
  const policy = effectivePolicy(org.policy, job.policyOverrides);
  const finalists = await countFinalists(tx, orgId, jobId);
  const left = change && isFinalist(change.before) && !isFinalist(change.after) ? change.after.status : null;
  const step = backfillStep({
    jobOpen: job.status === 'open',
    target: policy.finalistTarget,
    finalists,
    leftAs: left,
  });
  const open = await lockOpenBackfillOfJob(tx, orgId, jobId);
  if (step === 'settle') {
    if (open) {
      const reason = job.status !== 'open' ? `the job is ${job.status}` : `${finalists} finalists again`;
      await cancelFollowUps(tx, orgId, [open.id], reason, now);
    }
    return null;
  }
  if (step !== 'open' || open || !change) return null;
  const ownerId =
    job.recruiterId ??
    options.ownerId ??
    job.hiringManagerId ??
    (await listActiveMembersByRole(tx, orgId, 'admin'))[0]?.id;
  if (!ownerId) return null;
  const dueAt = endOfBusinessDaysAfter(now, 1, calendarOf(policy));
  const followUp = await insertFollowUp(tx, {
    orgId,
    applicationId: change.after.id,
    interviewId: null,
    kind: 'backfill',
    owedBy: 'team',
    owedTo: 'team',
    ownerId,
    dueAt,
    // The owned ladder reminds at the due time and escalates after.
    nextActionAt: dueAt,
    createdAt: now,
  });
  const earlier = await listEarlierInTheRunning(tx, orgId, jobId, EARLIER_SHOWN);
  // Beyond the job's own earlier stages: opted-in talent-pool candidates not yet in it.
  const pool = await listPoolCandidatesForJob(tx, orgId, jobId, EARLIER_SHOWN);
  await insertEvent(tx, {
    orgId,
    type: 'backfill_needed',
    applicationId: change.after.id,
    followUpId: followUp.id,
    data: { jobId, finalists, target: policy.finalistTarget, leftAs: left, earlier, pool },
    at: now,
  });
  return followUp;
}
