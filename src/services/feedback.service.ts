import type { Feedback, FeedbackDraft, Recommendation } from '../domain/model.ts';
import { AppError, errors } from '../errors.ts';
import {
  deleteFeedbackDraft,
  findFeedback,
  findFeedbackDraft,
  findFeedbackForUpdate,
  listFeedbackOfInterview,
  listFeedbackVersions,
  saveFeedbackVersion,
  upsertFeedbackDraft,
} from '../repositories/feedback.repository.ts';
import type { Queryable } from '../db/db.ts';
import { findInterview } from '../repositories/interview.repository.ts';
import { recordAudit } from './audit.service.ts';
import type { Actor, ServiceDeps } from './deps.ts';
import { fetchPage, type Page, type PageQuery } from './pagination.ts';
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
    await requireOwnInterview(tx, orgId, interviewId, actor);
    const current = await findFeedbackForUpdate(tx, orgId, interviewId, actor.memberId);
    if (input.baseVersion !== undefined) requireBase(current, input.baseVersion);
    const saved = await saveFeedbackVersion(tx, {
      orgId,
      interviewId,
      interviewerId: actor.memberId,
      recommendation: input.recommendation,
      ratings: input.ratings ?? {},
      notes: input.notes ?? '',
      submittedAt: deps.clock.now(),
    });
    // The draft became this version; only a submission settles the scorecard owed.
    await deleteFeedbackDraft(tx, orgId, interviewId, actor.memberId);
    await settleScorecard(tx, orgId, interviewId, actor.memberId, deps.clock.now());
    return saved;
  });
}

/** A draft scorecard as its author saves it: everything may still be missing but the base. */
export interface FeedbackDraftInput {
  recommendation: Recommendation | null;
  ratings?: Record<string, number> | undefined;
  notes: string;
  /** The submitted version the form loaded (0 if none): a draft over an unseen one is refused. */
  baseVersion: number;
}

/**
 * Save `actor`'s draft scorecard for an interview they gave, replacing their earlier draft. A
 * draft is theirs alone (row-level security), is not feedback given, and settles nothing.
 */
export async function saveFeedbackDraft(
  deps: ServiceDeps,
  orgId: string,
  interviewId: string,
  input: FeedbackDraftInput,
  actor: Actor,
): Promise<FeedbackDraft> {
  return deps.db.tenant(orgId).transaction(async (tx) => {
    await requireOwnInterview(tx, orgId, interviewId, actor);
    // Locking the submitted scorecard orders this save against a submission in another tab.
    requireBase(await findFeedbackForUpdate(tx, orgId, interviewId, actor.memberId), input.baseVersion);
    return upsertFeedbackDraft(tx, {
      orgId,
      interviewId,
      interviewerId: actor.memberId,
      recommendation: input.recommendation,
      ratings: input.ratings ?? {},
      notes: input.notes,
      baseVersion: input.baseVersion,
      savedAt: deps.clock.now(),
    });
  });
}

/** What the scorecard form opens with: the actor's draft, if any, and their latest submitted version. */
export interface MyFeedback {
  draft: FeedbackDraft | null;
  submitted: Feedback | null;
}

/** `actor`'s own scorecard on an interview: their draft and their latest submitted version. */
export async function getMyFeedback(
  deps: ServiceDeps,
  orgId: string,
  interviewId: string,
  actor: Actor,
): Promise<MyFeedback> {
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const interview = await findInterview(tx, orgId, interviewId);
    if (!interview) throw errors.notFound('Interview', interviewId);
    return {
      draft: await findFeedbackDraft(tx, orgId, interviewId, actor.memberId),
      submitted: await findFeedback(tx, orgId, interviewId, actor.memberId),
    };
  });
}

/** The interview exists (for this member) and, when it lists its interviewers, the actor is one. */
async function requireOwnInterview(
  tx: Queryable,
  orgId: string,
  interviewId: string,
  actor: Actor,
): Promise<void> {
  const interview = await findInterview(tx, orgId, interviewId);
  if (!interview) throw errors.notFound('Interview', interviewId);
  if (interview.interviewerIds.length > 0 && !interview.interviewerIds.includes(actor.memberId)) {
    throw new AppError('forbidden', "Only this interview's interviewers give feedback on it.");
  }
}

/** Refuse a save made over a version its author has not seen (409 with the current version). */
function requireBase(current: Feedback | null, baseVersion: number): void {
  if (baseVersion === (current?.version ?? 0)) return;
  throw errors.conflict(
    current
      ? `Your feedback was saved again elsewhere (version ${current.version}); reload it before saving.`
      : 'You have no saved feedback on this interview yet; save without a base version.',
    { currentVersion: current?.version ?? 0 },
  );
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
    return fetchPage(
      query,
      (page) => listFeedbackOfInterview(tx, orgId, interviewId, page),
      (f) => f.submittedAt,
    );
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
    // Pages are cut by the version rows' own ids; each item is named by its scorecard's id.
    const versions = await fetchPage(
      query,
      async (page) =>
        (await listFeedbackVersions(tx, orgId, interviewId, interviewerId, page)).map(
          ({ versionId, ...f }) => ({
            id: versionId,
            feedback: f,
          }),
        ),
      (r) => r.feedback.submittedAt,
    );
    return { items: versions.items.map((r) => r.feedback), nextCursor: versions.nextCursor };
  });
}
