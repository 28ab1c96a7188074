import type { Queryable } from '../db/db.ts';
import type { Keyset } from '../db/sql.ts';
import type { Feedback } from '../domain/model.ts';

interface FeedbackRow {
  id: string;
  org_id: string;
  interview_id: string;
  interviewer_id: string;
  recommendation: Feedback['recommendation'];
  ratings: Record<string, number>;
  notes: string;
  submitted_at: Date;
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
});

/** Save one interviewer's scorecard; a resubmission replaces their earlier one. */
export async function upsertFeedback(q: Queryable, f: Omit<Feedback, 'id'>): Promise<Feedback> {
  const [row] = await q.query<FeedbackRow>(
    `INSERT INTO feedback (org_id, interview_id, interviewer_id, recommendation, ratings, notes, submitted_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7)
     ON CONFLICT (org_id, interview_id, interviewer_id) DO UPDATE
       SET recommendation = excluded.recommendation, ratings = excluded.ratings,
           notes = excluded.notes, submitted_at = excluded.submitted_at
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
  return toFeedback(row!);
}

/** Scorecards for one interview. */
export async function listFeedbackOfInterview(
  q: Queryable,
  orgId: string,
  interviewId: string,
  page?: { after: Keyset | null; limit: number },
): Promise<Feedback[]> {
  const rows = await q.query<FeedbackRow>(
    `SELECT * FROM feedback WHERE org_id = $1 AND interview_id = $2
        AND ($3::timestamptz IS NULL OR (submitted_at, id) > ($3::timestamptz, $4::uuid))
      ORDER BY submitted_at, id LIMIT $5`,
    [orgId, interviewId, page?.after?.key ?? null, page?.after?.id ?? null, page?.limit ?? null],
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
