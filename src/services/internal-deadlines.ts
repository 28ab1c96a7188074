/**
 * Deadlines inside the team, inside the transaction of the change that sets or settles them: a
 * lower module that closing an interview, submitting feedback, recording a decision and closing a
 * job call, so those services need not call each other. The times are pure
 * (src/domain/internal-deadlines.ts); the owned ladder reminds and escalates (OWNED_LADDERS).
 */
import type { Queryable } from '../db/db.ts';
import { decideByTime, scorecardDueTime } from '../domain/internal-deadlines.ts';
import type { FollowUp, Job } from '../domain/model.ts';
import { calendarOf, type Policy } from '../domain/policy.ts';
import {
  cancelOpenInternalOfJob,
  closeDecisionDue,
  closeScorecardOwed,
  insertFollowUp,
  insertScorecardsOwed,
  lockOpenDecisionDue,
  retimeOwnedFollowUp,
} from '../repositories/follow-up.repository.ts';

/**
 * When an interview closes with a promise: each interviewer owes their scorecard (by the policy's
 * business days after the interview), and the hiring manager owes the decision by the decide-by
 * time before the promise (an open decide-by moves to the new promise). Returns what it opened.
 */
export async function openInternalDeadlines(
  tx: Queryable,
  orgId: string,
  s: {
    applicationId: string;
    interviewId: string;
    interviewerIds: string[];
    interviewEnd: Date;
    promisedAt: Date;
    job: Pick<Job, 'hiringManagerId' | 'recruiterId'>;
    /** Who owns the promise: owes the decision when the job names no hiring manager. */
    promiseOwnerId: string;
    policy: Policy;
    now: Date;
  },
): Promise<{ scorecards: FollowUp[]; decideBy: FollowUp | null }> {
  const cal = calendarOf(s.policy);
  const { feedbackDueBusinessDays, decideByBusinessDaysBefore } = s.policy;
  const scorecards =
    feedbackDueBusinessDays === null
      ? []
      : await insertScorecardsOwed(tx, {
          orgId,
          applicationId: s.applicationId,
          interviewId: s.interviewId,
          interviewerIds: s.interviewerIds,
          dueAt: scorecardDueTime(s.interviewEnd, feedbackDueBusinessDays, cal),
          at: s.now,
        });
  if (decideByBusinessDaysBefore === null) return { scorecards, decideBy: null };
  const dueAt = decideByTime(s.promisedAt, decideByBusinessDaysBefore, cal, s.now);
  const open = await lockOpenDecisionDue(tx, orgId, s.applicationId);
  const decideBy = open
    ? await retimeOwnedFollowUp(tx, orgId, open.id, dueAt, s.now)
    : await insertFollowUp(tx, {
        orgId,
        applicationId: s.applicationId,
        interviewId: s.interviewId,
        kind: 'decision_due',
        owedBy: 'team',
        owedTo: 'team',
        ownerId: s.job.hiringManagerId ?? s.promiseOwnerId,
        dueAt,
        nextActionAt: dueAt,
        createdAt: s.now,
      });
  return { scorecards, decideBy };
}

/** An interviewer's feedback is in: their scorecard follow-up on that interview is done. */
export async function settleScorecard(
  tx: Queryable,
  orgId: string,
  interviewId: string,
  interviewerId: string,
  now: Date,
): Promise<void> {
  await closeScorecardOwed(tx, orgId, interviewId, interviewerId, now);
}

/** A decision (not a hold) is recorded: the decide-by is done. */
export async function settleDecideBy(
  tx: Queryable,
  orgId: string,
  applicationId: string,
  now: Date,
): Promise<void> {
  await closeDecisionDue(tx, orgId, applicationId, now);
}

/** The job closed: nothing more is owed inside the team for it (scorecards, decide-by, backfill). */
export async function cancelInternalDeadlinesOfJob(
  tx: Queryable,
  orgId: string,
  jobId: string,
  reason: string,
  now: Date,
): Promise<void> {
  await cancelOpenInternalOfJob(tx, orgId, jobId, reason, now);
}
