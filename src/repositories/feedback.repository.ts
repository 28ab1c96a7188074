import type { Queryable } from '../db/db.ts';
import { keysetPage, type KeysetPage } from '../db/sql.ts';
import type { Feedback, FeedbackDraft } from '../domain/model.ts';

interface FeedbackRow {
  id: string;
  org_id: string;
  interview_id: string;
  interviewer_id: string;
  recommendation: Feedback['recommendation'];
  ratings: Record<string, number>;
  notes: string;
  submitted_at: Date;
  version: number;
}

const toFeedback = (r: FeedbackRow): Feedback => ({
  id: r.id,
  orgId: r.org_id,
  interviewId: r.interview_id,
  interviewerId: r.interviewer_id,
  recommendation: r.recommendation,
  ratings: r.ratings,
  notes: r.notes,
  submittedAt: r.submitted_at,
  version: r.version,
});

/** `interviewerId`'s current scorecard for an interview, locked for a new version; null if none. */
export async function findFeedbackForUpdate(
  q: Queryable,
  orgId: string,
  interviewId: string,
  interviewerId: string,
): Promise<Feedback | null> {
  const [row] = await q.query<FeedbackRow>(
    `SELECT * FROM feedback WHERE org_id = $1 AND interview_id = $2 AND interviewer_id = $3 FOR UPDATE`,
    [orgId, interviewId, interviewerId],
  );
  return row ? toFeedback(row) : null;
}

/**
 * Save a new version of one interviewer's scorecard: the current row becomes version
 * `previous + 1` and every version, this one included, is kept in `feedback_versions`.
 */
export async function saveFeedbackVersion(
  q: Queryable,
  f: Omit<Feedback, 'id' | 'version'>,
): Promise<Feedback> {
  const [row] = await q.query<FeedbackRow>(
    `INSERT INTO feedback (org_id, interview_id, interviewer_id, recommendation, ratings, notes, submitted_at, version)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, 1)
     ON CONFLICT (org_id, interview_id, interviewer_id) DO UPDATE
       SET recommendation = excluded.recommendation, ratings = excluded.ratings,
           notes = excluded.notes, submitted_at = excluded.submitted_at, version = feedback.version + 1
     RETURNING *`,
    [
      f.orgId,
      f.interviewId,
      f.interviewerId,
      f.recommendation,
      JSON.stringify(f.ratings),
      f.notes,
      f.submittedAt,
    ],
  );
  const saved = toFeedback(row!);
  await q.query(
    `INSERT INTO feedback_versions (org_id, feedback_id, interview_id, interviewer_id, version, recommendation,
                                    ratings, notes, submitted_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9)`,
    [
      saved.orgId,
      saved.id,
      saved.interviewId,
      saved.interviewerId,
      saved.version,
      saved.recommendation,
      JSON.stringify(saved.ratings),
      saved.notes,
      saved.submittedAt,
    ],
  );
  return saved;
}

/** One saved version of a scorecard; `versionId` names the row (for paging only). */
export type FeedbackVersion = Feedback & { versionId: string };

/** Every saved version of one interviewer's scorecard for an interview, the newest first. */
export async function listFeedbackVersions(
  q: Queryable,
  orgId: string,
  interviewId: string,
  interviewerId: string,
  page: KeysetPage,
): Promise<FeedbackVersion[]> {
  const k = keysetPage(page, { by: 'submitted_at', firstParam: 4, descending: true });
  const rows = await q.query<FeedbackRow & { feedback_id: string }>(
    `SELECT * FROM feedback_versions WHERE org_id = $1 AND interview_id = $2 AND interviewer_id = $3
        AND ${k.where}
      ${k.orderLimit}`,
    [orgId, interviewId, interviewerId, ...k.params],
  );
  // A version is named by its scorecard's id and its number.
  return rows.map((r) => ({ ...toFeedback({ ...r, id: r.feedback_id }), versionId: r.id }));
}

/** Scorecards for one interview. */
export async function listFeedbackOfInterview(
  q: Queryable,
  orgId: string,
  interviewId: string,
  page?: KeysetPage,
): Promise<Feedback[]> {
  const k = keysetPage(page, { by: 'submitted_at', firstParam: 3 });
  const rows = await q.query<FeedbackRow>(
    `SELECT * FROM feedback WHERE org_id = $1 AND interview_id = $2
        AND ${k.where}
      ${k.orderLimit}`,
    [orgId, interviewId, ...k.params],
  );
  return rows.map(toFeedback);
}

/** Scorecards for every interview of an application. */
export async function listFeedbackOfApplication(
  q: Queryable,
  orgId: string,
  applicationId: string,
): Promise<Feedback[]> {
  const rows = await q.query<FeedbackRow>(
    `SELECT f.* FROM feedback f
       JOIN interviews i ON i.org_id = f.org_id AND i.id = f.interview_id
      WHERE f.org_id = $1 AND i.application_id = $2 ORDER BY f.submitted_at, f.id`,
    [orgId, applicationId],
  );
  return rows.map(toFeedback);
}

interface FeedbackDraftRow {
  id: string;
  org_id: string;
  interview_id: string;
  interviewer_id: string;
  recommendation: FeedbackDraft['recommendation'];
  ratings: Record<string, number>;
  notes: string;
  base_version: number;
  saved_at: Date;
}

const toDraft = (r: FeedbackDraftRow): FeedbackDraft => ({
  id: r.id,
  orgId: r.org_id,
  interviewId: r.interview_id,
  interviewerId: r.interviewer_id,
  recommendation: r.recommendation,
  ratings: r.ratings,
  notes: r.notes,
  baseVersion: r.base_version,
  savedAt: r.saved_at,
});

/** `interviewerId`'s current scorecard for an interview (no lock); null if none. */
export async function findFeedback(
  q: Queryable,
  orgId: string,
  interviewId: string,
  interviewerId: string,
): Promise<Feedback | null> {
  const [row] = await q.query<FeedbackRow>(
    `SELECT * FROM feedback WHERE org_id = $1 AND interview_id = $2 AND interviewer_id = $3`,
    [orgId, interviewId, interviewerId],
  );
  return row ? toFeedback(row) : null;
}

/** `interviewerId`'s draft scorecard for an interview; null if none (or not theirs to see). */
export async function findFeedbackDraft(
  q: Queryable,
  orgId: string,
  interviewId: string,
  interviewerId: string,
): Promise<FeedbackDraft | null> {
  const [row] = await q.query<FeedbackDraftRow>(
    `SELECT * FROM feedback_drafts WHERE org_id = $1 AND interview_id = $2 AND interviewer_id = $3`,
    [orgId, interviewId, interviewerId],
  );
  return row ? toDraft(row) : null;
}

/** Write an author's draft for an interview, replacing the one they saved before. */
export async function upsertFeedbackDraft(
  q: Queryable,
  d: Omit<FeedbackDraft, 'id'>,
): Promise<FeedbackDraft> {
  const [row] = await q.query<FeedbackDraftRow>(
    `INSERT INTO feedback_drafts (org_id, interview_id, interviewer_id, recommendation, ratings, notes,
                                  base_version, saved_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8)
     ON CONFLICT (org_id, interview_id, interviewer_id) DO UPDATE
       SET recommendation = excluded.recommendation, ratings = excluded.ratings, notes = excluded.notes,
           base_version = excluded.base_version, saved_at = excluded.saved_at
     RETURNING *`,
    [
      d.orgId,
      d.interviewId,
      d.interviewerId,
      d.recommendation,
      JSON.stringify(d.ratings),
      d.notes,
      d.baseVersion,
      d.savedAt,
    ],
  );
  return toDraft(row!);
}

/** Remove an author's draft for an interview (it was submitted). */
export async function deleteFeedbackDraft(
  q: Queryable,
  orgId: string,
  interviewId: string,
  interviewerId: string,
): Promise<void> {
  await q.query(
    `DELETE FROM feedback_drafts WHERE org_id = $1 AND interview_id = $2 AND interviewer_id = $3`,
    [orgId, interviewId, interviewerId],
  );
}
