import type { Queryable } from '../db/db.ts';
import type { Keyset } from '../db/sql.ts';
import type { FollowUpKind, FollowUpStatus } from '../domain/follow-up.ts';
import type { FollowUp } from '../domain/model.ts';

/** A follow-up with what a person needs to act on it: who, which job, what was promised. */
export interface FollowUpWithContext extends FollowUp {
  candidate: { id: string; name: string };
  job: { id: string; title: string };
  promiseStatement: string | null;
}

interface FollowUpRow {
  id: string;
  org_id: string;
  application_id: string;
  interview_id: string | null;
  kind: FollowUp['kind'];
  owed_by: FollowUp['owedBy'];
  owed_to: FollowUp['owedTo'];
  owner_id: string | null;
  due_at: Date;
  status: FollowUp['status'];
  done_at: Date | null;
  done_by_touchpoint_id: string | null;
  cancel_reason: string | null;
  superseded_by_id: string | null;
  escalation_level: number;
  breached_at: Date | null;
  reminded_at: Date | null;
  updates_sent: number;
  next_action_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

interface FollowUpContextRow extends FollowUpRow {
  candidate_id: string;
  candidate_name: string;
  job_id: string;
  job_title: string;
  promise_statement: string | null;
}

const toFollowUp = (r: FollowUpRow): FollowUp => ({
  id: r.id,
  orgId: r.org_id,
  applicationId: r.application_id,
  interviewId: r.interview_id,
  kind: r.kind,
  owedBy: r.owed_by,
  owedTo: r.owed_to,
  ownerId: r.owner_id,
  dueAt: r.due_at,
  status: r.status,
  doneAt: r.done_at,
  doneByTouchpointId: r.done_by_touchpoint_id,
  cancelReason: r.cancel_reason,
  supersededById: r.superseded_by_id,
  escalationLevel: r.escalation_level,
  breachedAt: r.breached_at,
  remindedAt: r.reminded_at,
  updatesSent: r.updates_sent,
  nextActionAt: r.next_action_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toFollowUpWithContext = (r: FollowUpContextRow): FollowUpWithContext => ({
  ...toFollowUp(r),
  candidate: { id: r.candidate_id, name: r.candidate_name },
  job: { id: r.job_id, title: r.job_title },
  promiseStatement: r.promise_statement,
});

const SELECT_WITH_CONTEXT = `
  SELECT f.*, c.id AS candidate_id, c.name AS candidate_name, j.id AS job_id, j.title AS job_title,
         i.promise_statement
    FROM follow_ups f
    JOIN applications a ON a.org_id = f.org_id AND a.id = f.application_id
    JOIN candidates c ON c.org_id = a.org_id AND c.id = a.candidate_id
    JOIN jobs j ON j.org_id = a.org_id AND j.id = a.job_id
    LEFT JOIN interviews i ON i.org_id = f.org_id AND i.id = f.interview_id`;

/** Open a follow-up. */
export async function insertFollowUp(
  q: Queryable,
  f: Pick<
    FollowUp,
    | 'orgId'
    | 'applicationId'
    | 'interviewId'
    | 'kind'
    | 'owedBy'
    | 'owedTo'
    | 'ownerId'
    | 'dueAt'
    | 'createdAt'
  > &
    Partial<Pick<FollowUp, 'breachedAt' | 'escalationLevel' | 'updatesSent' | 'remindedAt'>>,
): Promise<FollowUp> {
  // Outcome follow-ups enter the sweep at once; it plans their reminder and escalation times.
  const [row] = await q.query<FollowUpRow>(
    `INSERT INTO follow_ups (org_id, application_id, interview_id, kind, owed_by, owed_to, owner_id, due_at,
                             created_at, updated_at, next_action_at, breached_at, escalation_level,
                             updates_sent, reminded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, CASE WHEN $4 = 'outcome' THEN $9::timestamptz END,
             $10, $11, $12, $13) RETURNING *`,
    [
      f.orgId,
      f.applicationId,
      f.interviewId,
      f.kind,
      f.owedBy,
      f.owedTo,
      f.ownerId,
      f.dueAt,
      f.createdAt,
      f.breachedAt ?? null,
      f.escalationLevel ?? 0,
      f.updatesSent ?? 0,
      f.remindedAt ?? null,
    ],
  );
  return toFollowUp(row!);
}

/** The follow-up with this id, with its context. */
export async function findFollowUp(
  q: Queryable,
  orgId: string,
  id: string,
): Promise<FollowUpWithContext | null> {
  const [row] = await q.query<FollowUpContextRow>(
    `${SELECT_WITH_CONTEXT} WHERE f.org_id = $1 AND f.id = $2`,
    [orgId, id],
  );
  return row ? toFollowUpWithContext(row) : null;
}

/** Open follow-ups of an application, locked for the caller's transaction. */
export async function lockOpenFollowUpsOfApplication(
  q: Queryable,
  orgId: string,
  applicationId: string,
): Promise<FollowUp[]> {
  const rows = await q.query<FollowUpRow>(
    `SELECT * FROM follow_ups WHERE org_id = $1 AND application_id = $2 AND status = 'open'
      ORDER BY due_at, id FOR UPDATE`,
    [orgId, applicationId],
  );
  return rows.map(toFollowUp);
}

/** Every follow-up of an application, oldest first (for the timeline). */
export async function listFollowUpsOfApplication(
  q: Queryable,
  orgId: string,
  applicationId: string,
): Promise<FollowUp[]> {
  const rows = await q.query<FollowUpRow>(
    `SELECT * FROM follow_ups WHERE org_id = $1 AND application_id = $2 ORDER BY created_at, id`,
    [orgId, applicationId],
  );
  return rows.map(toFollowUp);
}

/** Mark an open follow-up done by a touchpoint. Returns null if it was no longer open. */
export async function markFollowUpDone(
  q: Queryable,
  orgId: string,
  id: string,
  doneAt: Date,
  touchpointId: string,
  at: Date,
): Promise<FollowUp | null> {
  const [row] = await q.query<FollowUpRow>(
    `UPDATE follow_ups SET status = 'done', done_at = $3, done_by_touchpoint_id = $4, updated_at = $5
      WHERE org_id = $1 AND id = $2 AND status = 'open' RETURNING *`,
    [orgId, id, doneAt, touchpointId, at],
  );
  return row ? toFollowUp(row) : null;
}

/** Cancel open follow-ups by id. Returns those that were open. */
export async function cancelFollowUps(
  q: Queryable,
  orgId: string,
  ids: string[],
  reason: string,
  at: Date,
  supersededById: string | null = null,
): Promise<FollowUp[]> {
  if (ids.length === 0) return [];
  const rows = await q.query<FollowUpRow>(
    `UPDATE follow_ups SET status = 'cancelled', cancel_reason = $3, superseded_by_id = $5, updated_at = $4
      WHERE org_id = $1 AND id = ANY($2::uuid[]) AND status = 'open' RETURNING *`,
    [orgId, ids, reason, at, supersededById],
  );
  return rows.map(toFollowUp);
}

/** Point superseded follow-ups at the one that replaced them. */
export async function setSupersededBy(q: Queryable, orgId: string, ids: string[], by: string): Promise<void> {
  if (ids.length === 0) return;
  await q.query(`UPDATE follow_ups SET superseded_by_id = $3 WHERE org_id = $1 AND id = ANY($2::uuid[])`, [
    orgId,
    ids,
    by,
  ]);
}

/** Filters for listing follow-ups. */
export interface FollowUpFilter {
  status?: FollowUpStatus | undefined;
  ownerId?: string | undefined;
  kind?: FollowUpKind | undefined;
  applicationId?: string | undefined;
  /** true: only overdue ones (open and past due at `now`); false: only the others. */
  overdue?: { value: boolean; now: Date } | undefined;
  dueBefore?: Date | undefined;
}

/** Follow-ups by due time (then id), after a keyset position. */
export async function listFollowUps(
  q: Queryable,
  orgId: string,
  filter: FollowUpFilter,
  page: { after: Keyset | null; limit: number },
): Promise<FollowUpWithContext[]> {
  // The page is cut from follow_ups alone, then dressed with its context: joining first made the
  // planner (misled by row-level security's estimates) walk every application of a large
  // organization before sorting — 2.7 s against 13 ms (BENCHMARKS.md, finding F3).
  const rows = await q.query<FollowUpContextRow>(
    `WITH page AS (
       SELECT f.* FROM follow_ups f
        WHERE f.org_id = $1
          AND ($2::timestamptz IS NULL OR (f.due_at, f.id) > ($2::timestamptz, $3::uuid))
          AND ($5::text IS NULL OR f.status = $5)
          AND ($6::uuid IS NULL OR f.owner_id = $6)
          AND ($7::text IS NULL OR f.kind = $7)
          AND ($8::uuid IS NULL OR f.application_id = $8)
          AND ($9::boolean IS NULL OR (f.status = 'open' AND f.due_at < $11::timestamptz) = $9)
          AND ($10::timestamptz IS NULL OR f.due_at < $10)
        ORDER BY f.due_at, f.id LIMIT $4
     )
     SELECT f.*, c.id AS candidate_id, c.name AS candidate_name, j.id AS job_id, j.title AS job_title,
            i.promise_statement
       FROM page f
       JOIN applications a ON a.org_id = f.org_id AND a.id = f.application_id
       JOIN candidates c ON c.org_id = a.org_id AND c.id = a.candidate_id
       JOIN jobs j ON j.org_id = a.org_id AND j.id = a.job_id
       LEFT JOIN interviews i ON i.org_id = f.org_id AND i.id = f.interview_id
      ORDER BY f.due_at, f.id`,
    [
      orgId,
      page.after?.key ?? null,
      page.after?.id ?? null,
      page.limit,
      filter.status ?? null,
      filter.ownerId ?? null,
      filter.kind ?? null,
      filter.applicationId ?? null,
      filter.overdue?.value ?? null,
      filter.dueBefore ?? null,
      filter.overdue?.now ?? null,
    ],
  );
  return rows.map(toFollowUpWithContext);
}

/**
 * Claim open outcome follow-ups whose next ladder step is due, across organizations, locked for
 * the caller's transaction; SKIP LOCKED lets several workers sweep side by side.
 */
export async function claimDueFollowUps(
  q: Queryable,
  now: Date,
  limit: number,
  onlyOrgId: string | null = null,
): Promise<FollowUp[]> {
  const rows = await q.query<FollowUpRow>(
    `SELECT * FROM follow_ups
      WHERE status = 'open' AND kind = 'outcome' AND next_action_at <= $1
        AND ($3::uuid IS NULL OR org_id = $3)
      ORDER BY next_action_at
      LIMIT $2
      FOR UPDATE SKIP LOCKED`,
    [now, limit, onlyOrgId],
  );
  return rows.map(toFollowUp);
}

/** Record the ladder's progress on a follow-up. */
export async function updateFollowUpLadder(
  q: Queryable,
  orgId: string,
  id: string,
  ladder: Pick<FollowUp, 'nextActionAt' | 'breachedAt' | 'remindedAt' | 'escalationLevel'>,
  at: Date,
): Promise<void> {
  await q.query(
    `UPDATE follow_ups SET next_action_at = $3, breached_at = $4, reminded_at = $5, escalation_level = $6,
                           updated_at = $7
      WHERE org_id = $1 AND id = $2`,
    [orgId, id, ladder.nextActionAt, ladder.breachedAt, ladder.remindedAt, ladder.escalationLevel, at],
  );
}

/** Ask the sweep to re-plan open outcome follow-ups (after a policy change), of one job or all. */
export async function replanFollowUps(
  q: Queryable,
  orgId: string,
  at: Date,
  jobId: string | null = null,
): Promise<void> {
  await q.query(
    `UPDATE follow_ups f SET next_action_at = $2
      WHERE f.org_id = $1 AND f.status = 'open' AND f.kind = 'outcome'
        AND ($3::uuid IS NULL OR EXISTS (
              SELECT 1 FROM applications a WHERE a.org_id = f.org_id AND a.id = f.application_id AND a.job_id = $3))`,
    [orgId, at, jobId],
  );
}
