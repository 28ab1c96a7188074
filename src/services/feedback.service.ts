import type { Feedback } from '../domain/model.ts';
import { errors } from '../errors.ts';
import { listFeedbackOfInterview, upsertFeedback } from '../repositories/feedback.repository.ts';
import { findInterview } from '../repositories/interview.repository.ts';
import { recordAudit } from './audit.service.ts';
import type { ServiceDeps } from './deps.ts';
import { requireActiveMember } from './references.ts';

/** One interviewer's scorecard. */
export type FeedbackInput = Pick<Feedback, 'interviewerId' | 'recommendation'> & {
  ratings?: Record<string, number> | undefined;
  notes?: string | undefined;
};

/**
 * Submit (or resubmit) an interviewer's scorecard. When the interview lists its interviewers,
 * only they can give feedback on it.
 */
export async function submitFeedback(
  deps: ServiceDeps,
  orgId: string,
  interviewId: string,
  input: FeedbackInput,
): Promise<Feedback> {
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const interview = await findInterview(tx, orgId, interviewId);
    if (!interview) throw errors.notFound('Interview', interviewId);
    await requireActiveMember(tx, orgId, input.interviewerId, 'interviewerId');
    if (interview.interviewerIds.length > 0 && !interview.interviewerIds.includes(input.interviewerId)) {
      throw errors.invalidReference('interviewerId', 'interviewer on this interview', input.interviewerId);
    }
    return upsertFeedback(tx, {
      orgId,
      interviewId,
      interviewerId: input.interviewerId,
      recommendation: input.recommendation,
      ratings: input.ratings ?? {},
      notes: input.notes ?? '',
      submittedAt: deps.clock.now(),
    });
  });
}

/** The scorecards of one interview. */
export async function listFeedback(
  deps: ServiceDeps,
  orgId: string,
  interviewId: string,
): Promise<Feedback[]> {
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const interview = await findInterview(tx, orgId, interviewId);
    if (!interview) throw errors.notFound('Interview', interviewId);
    await recordAudit(tx, orgId, deps.clock.now(), 'feedback_read', { type: 'interview', id: interviewId });
    return listFeedbackOfInterview(tx, orgId, interviewId);
  });
}
