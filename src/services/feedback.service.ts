import type { Feedback } from '../domain/model.ts';
import { AppError, errors } from '../errors.ts';
import {
  findFeedbackForUpdate,
  listFeedbackOfInterview,
  listFeedbackVersions,
  saveFeedbackVersion,
} from '../repositories/feedback.repository.ts';
import { findInterview } from '../repositories/interview.repository.ts';
import { recordAudit } from './audit.service.ts';
import type { Actor, ServiceDeps } from './deps.ts';
import { decodeCursor, toPage, type Page, type PageQuery } from './pagination.ts';
import { settleScorecard } from './internal-deadlines.ts';

/** One interviewer's scorecard. */
export type FeedbackInput = Pick<Feedback, 'recommendation'> & {
  ratings?: Record<string, number> | undefined;
  notes?: string | undefined;
  /**
   * The version the author edited (from the form they loaded). When another save came in between,
   * the save is refused with a 409 naming the current version, instead of overwriting it unseen.
   */
  baseVersion?: number | undefined;
};

/**
 * Save `actor`'s scorecard for an interview: the interviewer is whoever submits. A resubmission
 * becomes the next version; earlier versions are kept. When the interview lists its interviewers,
 * only they can give feedback on it.
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
    const current = await findFeedbackForUpdate(tx, orgId, interviewId, actor.memberId);
    if (input.baseVersion !== undefined && input.baseVersion !== (current?.version ?? 0)) {
      throw errors.conflict(
        current
          ? `Your feedback was saved again elsewhere (version ${current.version}); reload it before saving.`
          : 'You have no saved feedback on this interview yet; save without a base version.',
        { currentVersion: current?.version ?? 0 },
      );
    }
    const saved = await saveFeedbackVersion(tx, {
      orgId,
      interviewId,
      interviewerId: actor.memberId,
      recommendation: input.recommendation,
      ratings: input.ratings ?? {},
      notes: input.notes ?? '',
      submittedAt: deps.clock.now(),
    });
    await settleScorecard(tx, orgId, interviewId, actor.memberId, deps.clock.now());
    return saved;
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

/** Every saved version of one interviewer's scorecard on an interview, the newest first. */
export async function listFeedbackVersionsPage(
  deps: ServiceDeps,
  orgId: string,
  interviewId: string,
  interviewerId: string,
  query: PageQuery,
): Promise<Page<Feedback>> {
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const interview = await findInterview(tx, orgId, interviewId);
    if (!interview) throw errors.notFound('Interview', interviewId);
    await recordAudit(tx, orgId, deps.clock.now(), 'feedback_read', { type: 'interview', id: interviewId });
    const rows = await listFeedbackVersions(tx, orgId, interviewId, interviewerId, {
      after: decodeCursor(query.cursor),
      limit: query.limit + 1,
    });
    // Pages are cut by the version rows' own ids; each item is named by its scorecard's id.
    const page = toPage(
      rows.map(({ versionId, ...f }) => ({ id: versionId, feedback: f })),
      query.limit,
      (r) => r.feedback.submittedAt,
    );
    return { items: page.items.map((r) => r.feedback), nextCursor: page.nextCursor };
  });
}
