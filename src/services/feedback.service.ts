import type { Feedback } from '../domain/model.ts';
import { AppError, errors } from '../errors.ts';
import { listFeedbackOfInterview, upsertFeedback } from '../repositories/feedback.repository.ts';
import { findInterview } from '../repositories/interview.repository.ts';
import { recordAudit } from './audit.service.ts';
import type { Actor, ServiceDeps } from './deps.ts';
import { decodeCursor, toPage, type Page, type PageQuery } from './pagination.ts';

/** One interviewer's scorecard. */
export type FeedbackInput = Pick<Feedback, 'recommendation'> & {
  ratings?: Record<string, number> | undefined;
  notes?: string | undefined;
};

/**
 * Submit (or resubmit) `actor`'s scorecard for an interview: the interviewer is whoever submits.
 * When the interview lists its interviewers, only they can give feedback on it.
 */
export async function submitFeedback(
  deps: ServiceDeps,
  orgId: string,
  interviewId: string,
  input: FeedbackInput,
  actor: Actor,
): Promise<Feedback> {
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const interview = await findInterview(tx, orgId, interviewId);
    if (!interview) throw errors.notFound('Interview', interviewId);
    if (interview.interviewerIds.length > 0 && !interview.interviewerIds.includes(actor.memberId)) {
      throw new AppError('forbidden', "Only this interview's interviewers give feedback on it.");
    }
    return upsertFeedback(tx, {
      orgId,
      interviewId,
      interviewerId: actor.memberId,
      recommendation: input.recommendation,
      ratings: input.ratings ?? {},
      notes: input.notes ?? '',
      submittedAt: deps.clock.now(),
    });
  });
}

/** The scorecards of one interview, a page at a time. */
export async function listFeedbackPage(
  deps: ServiceDeps,
  orgId: string,
  interviewId: string,
  query: PageQuery,
): Promise<Page<Feedback>> {
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const interview = await findInterview(tx, orgId, interviewId);
    if (!interview) throw errors.notFound('Interview', interviewId);
    await recordAudit(tx, orgId, deps.clock.now(), 'feedback_read', { type: 'interview', id: interviewId });
    const rows = await listFeedbackOfInterview(tx, orgId, interviewId, {
      after: decodeCursor(query.cursor),
      limit: query.limit + 1,
    });
    return toPage(rows, query.limit, (f) => f.submittedAt);
  });
}
