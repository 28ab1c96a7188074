/**
 * A client job's finalists run on the same mechanism as an internal job's (src/services/finalists.ts):
 * a submission is also the candidate's application in the job, so when a submission moves, its
 * application follows — an offer puts it in the final stage, a decline or withdrawal takes it out
 * of the running, a placement is a hire — and the job's finalist target is reviewed in the same
 * transaction. A lower module: the agency and placement services call it, not each other.
 */
import type { Queryable } from '../db/db.ts';
import type { SubmissionStage } from '../domain/agency.ts';
import type { Application } from '../domain/model.ts';
import type { FollowUp } from '../domain/model.ts';
import { findApplication, updateApplication } from '../repositories/application.repository.ts';
import { cancelDeskFollowUps, lockOpenSubmissionFollowUps } from '../repositories/agency.repository.ts';
import type { Submission } from '../repositories/agency.repository.ts';
import { reviewFinalists } from './finalists.ts';

/** The application change a submission's new stage makes (null: none). */
function applicationPatch(
  stage: SubmissionStage,
  declinedBy: Submission['declinedBy'],
): Partial<Pick<Application, 'status' | 'finalStage'>> | null {
  switch (stage) {
    case 'offered':
      return { status: 'offered', finalStage: true };
    case 'placed':
      return { status: 'hired' };
    case 'declined':
      return { status: declinedBy === 'candidate' ? 'withdrawn' : 'rejected' };
    case 'withdrawn':
      return { status: 'withdrawn' };
    // Earlier stages leave the application as it is: being in the final interview is the
    // application's own flag (finalStage), set where the recruiter records it.
    case 'submitted':
    case 'client_reviewing':
    case 'interviewing':
      return null;
  }
}

/**
 * After `moved` took its new stage: bring its application along and review the job's finalists.
 * Returns the backfill follow-up opened (the final stage fell under its target), if any; it is
 * owned by the job's recruiter, else the submitting recruiter.
 */
export async function followSubmissionStage(
  tx: Queryable,
  orgId: string,
  moved: Submission,
  now: Date,
): Promise<FollowUp | null> {
  const patch = applicationPatch(moved.stage, moved.declinedBy);
  if (!patch) return null;
  const before = await findApplication(tx, orgId, moved.applicationId, { forUpdate: true });
  if (!before) return null;
  const after = await updateApplication(tx, orgId, before.id, patch, now);
  if (!after) return null;
  return reviewFinalists(tx, orgId, moved.jobId, { before, after }, now, { ownerId: moved.recruiterId });
}

/** A submission that ended (placed, declined, withdrawn) waits on no more client feedback: cancel what was open. */
export async function endClientFeedback(
  tx: Queryable,
  orgId: string,
  submissionId: string,
  now: Date,
): Promise<void> {
  const open = await lockOpenSubmissionFollowUps(tx, orgId, submissionId, 'client_feedback');
  await cancelDeskFollowUps(
    tx,
    orgId,
    open.map((f) => f.id),
    'submission_ended',
    now,
  );
}
