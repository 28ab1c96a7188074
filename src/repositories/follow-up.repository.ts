import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/db.ts';
import { keysetPage, type KeysetPage } from '../db/sql.ts';
import type { FollowUpKind, FollowUpStatus } from '../domain/follow-up.ts';
import type { FollowUp } from '../domain/model.ts';

/** A follow-up with what a person needs to act on it: who, which job, what was promised. */
export interface FollowUpWithContext extends FollowUp {
  /** `timeZone`: the candidate's own, if known. */
  candidate: { id: string; name: string; timeZone: string | null };
  job: {
    id: string;
    title: string;
    policyOverrides: Record<string, unknown>;
    hiringManagerId: string | null;
    recruiterId: string | null;
  };
  /** The interview it comes from (a scorecard is owed on it), or null. */
  interview: { id: string; title: string; scheduledAt: Date | null; endsAt: Date | null } | null;
  promiseStatement: string | null;
  /**
   * An open outcome follow-up whose application's latest decision (not a hold) has not reached
   * the candidate yet: no outcome follow-up was closed after it.
   */
  decidedNotTold: boolean;
  /** Steps its owned ladder has taken (agency kinds, updates, debriefs; see OWNED_LADDERS). */
  ladderSteps: number;
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
  promised_due_at: Date | null;
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
  snoozed_until: Date | null;
  snooze_reason: string | null;
  created_at: Date;
  updated_at: Date;
}

interface FollowUpContextRow extends FollowUpRow {
  candidate_id: string;
  candidate_name: string;
  candidate_time_zone: string | null;
  job_id: string;
  job_title: string;
  job_policy_overrides: Record<string, unknown> | null;
  job_hiring_manager_id: string | null;
  job_recruiter_id: string | null;
  promise_statement: string | null;
  interview_title: string | null;
  interview_scheduled_at: Date | null;
  interview_ends_at: Date | null;
  decided_not_told: boolean;
  ladder_steps: number;
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
  promisedDueAt: r.promised_due_at,
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
  snoozedUntil: r.snoozed_until ?? null,
  snoozeReason: r.snooze_reason ?? null,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toFollowUpWithContext = (r: FollowUpContextRow): FollowUpWithContext => ({
  ...toFollowUp(r),
  candidate: { id: r.candidate_id, name: r.candidate_name, timeZone: r.candidate_time_zone },
  job: {
    id: r.job_id,
    title: r.job_title,
    policyOverrides: r.job_policy_overrides ?? {},
    hiringManagerId: r.job_hiring_manager_id,
    recruiterId: r.job_recruiter_id,
  },
  interview:
    r.interview_id && r.interview_title !== null
      ? {
          id: r.interview_id,
          title: r.interview_title,
          scheduledAt: r.interview_scheduled_at,
          endsAt: r.interview_ends_at,
        }
      : null,
  promiseStatement: r.promise_statement,
  decidedNotTold: r.decided_not_told,
  ladderSteps: r.ladder_steps,
});

// The context of follow-ups `f` (joined by CONTEXT_JOINS). "Decided, not told" compares the
// application's latest decision with the last outcome delivered (candidate-truth's rule), looked up
// only for open outcome follow-ups.
const CONTEXT_COLUMNS = `
  c.id AS candidate_id, c.name AS candidate_name, c.time_zone AS candidate_time_zone,
  j.id AS job_id, j.title AS job_title, j.policy_overrides AS job_policy_overrides,
  j.hiring_manager_id AS job_hiring_manager_id, j.recruiter_id AS job_recruiter_id, i.promise_statement,
  i.title AS interview_title, i.scheduled_at AS interview_scheduled_at, i.ends_at AS interview_ends_at,
  coalesce(ld.outcome <> 'hold' AND (lt.told_at IS NULL OR lt.told_at < ld.decided_at), false) AS decided_not_told`;
const CONTEXT_JOINS = `
  JOIN applications a ON a.org_id = f.org_id AND a.id = f.application_id
  JOIN candidates c ON c.org_id = a.org_id AND c.id = a.candidate_id
  JOIN jobs j ON j.org_id = a.org_id AND j.id = a.job_id
  LEFT JOIN interviews i ON i.org_id = f.org_id AND i.id = f.interview_id
  LEFT JOIN LATERAL (
    SELECT d.outcome, d.decided_at FROM decisions d
     WHERE f.status = 'open' AND f.kind = 'outcome' AND d.org_id = f.org_id AND d.application_id = f.application_id
     ORDER BY d.decided_at DESC, d.id DESC LIMIT 1
  ) ld ON true
  LEFT JOIN LATERAL (
    SELECT max(t.done_at) AS told_at FROM follow_ups t
     WHERE ld.outcome IS NOT NULL AND t.org_id = f.org_id AND t.application_id = f.application_id
       AND t.kind = 'outcome' AND t.status = 'done'
  ) lt ON true`;

const SELECT_WITH_CONTEXT = `SELECT f.*, ${CONTEXT_COLUMNS} FROM follow_ups f ${CONTEXT_JOINS}`;

/** What a new follow-up needs; ladder fields default to a fresh promise. */
export type NewFollowUp = Pick<
  FollowUp,
  'orgId' | 'applicationId' | 'interviewId' | 'kind' | 'owedBy' | 'owedTo' | 'ownerId' | 'dueAt' | 'createdAt'
> &
  Partial<Pick<FollowUp, 'breachedAt' | 'escalationLevel' | 'updatesSent' | 'remindedAt' | 'nextActionAt'>>;

/** Open a follow-up. */
export async function insertFollowUp(q: Queryable, f: NewFollowUp): Promise<FollowUp> {
  return (await insertFollowUps(q, [f]))[0]!;
}

/** Open follow-ups in one statement; returns them in the order given. */
export async function insertFollowUps(q: Queryable, followUps: NewFollowUp[]): Promise<FollowUp[]> {
  if (followUps.length === 0) return [];
  const input = followUps.map((f) => ({
    id: randomUUID(),
    org_id: f.orgId,
    application_id: f.applicationId,
    interview_id: f.interviewId,
    kind: f.kind,
    owed_by: f.owedBy,
    owed_to: f.owedTo,
    owner_id: f.ownerId,
    due_at: f.dueAt,
    created_at: f.createdAt,
    // Outcome follow-ups enter the sweep at once unless the caller planned their ladder already.
    next_action_at: f.nextActionAt !== undefined ? f.nextActionAt : f.kind === 'outcome' ? f.createdAt : null,
    breached_at: f.breachedAt ?? null,
    escalation_level: f.escalationLevel ?? 0,
    updates_sent: f.updatesSent ?? 0,
    reminded_at: f.remindedAt ?? null,
  }));
  const rows = await q.query<FollowUpRow>(
    `INSERT INTO follow_ups (id, org_id, application_id, interview_id, kind, owed_by, owed_to, owner_id, due_at,
                             created_at, updated_at, next_action_at, breached_at, escalation_level,
                             updates_sent, reminded_at)
     SELECT id, org_id, application_id, interview_id, kind, owed_by, owed_to, owner_id, due_at, created_at,
            created_at, next_action_at, breached_at, escalation_level, updates_sent, reminded_at
       FROM jsonb_to_recordset($1::jsonb) AS x(
              id uuid, org_id uuid, application_id uuid, interview_id uuid, kind text, owed_by text,
              owed_to text, owner_id uuid, due_at timestamptz, created_at timestamptz,
              next_action_at timestamptz, breached_at timestamptz, escalation_level int, updates_sent int,
              reminded_at timestamptz)
     RETURNING *`,
    [JSON.stringify(input)],
  );
  const byId = new Map(rows.map((r) => [r.id, toFollowUp(r)]));
  return input.map((f) => byId.get(f.id)!);
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
  return lockOpenFollowUpsOfApplications(q, orgId, [applicationId]);
}

/** Open follow-ups of several applications, locked for the caller's transaction, by due time. */
export async function lockOpenFollowUpsOfApplications(
  q: Queryable,
  orgId: string,
  applicationIds: string[],
): Promise<FollowUp[]> {
  if (applicationIds.length === 0) return [];
  const rows = await q.query<FollowUpRow>(
    `SELECT * FROM follow_ups WHERE org_id = $1 AND application_id = ANY($2::uuid[]) AND status = 'open'
      ORDER BY due_at, id FOR UPDATE`,
    [orgId, applicationIds],
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
  return (await markFollowUpsDone(q, orgId, [{ id, doneAt, touchpointId }], at))[0] ?? null;
}

/** Mark open follow-ups done, each by its touchpoint, in one statement. Returns those that were open. */
export async function markFollowUpsDone(
  q: Queryable,
  orgId: string,
  done: { id: string; doneAt: Date; touchpointId: string }[],
  at: Date,
): Promise<FollowUp[]> {
  if (done.length === 0) return [];
  const rows = await q.query<FollowUpRow>(
    `UPDATE follow_ups f SET status = 'done', done_at = x.done_at, done_by_touchpoint_id = x.touchpoint_id,
                             updated_at = $3
       FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, done_at timestamptz, touchpoint_id uuid)
      WHERE f.org_id = $1 AND f.id = x.id AND f.status = 'open' RETURNING f.*`,
    [
      orgId,
      JSON.stringify(done.map((d) => ({ id: d.id, done_at: d.doneAt, touchpoint_id: d.touchpointId }))),
      at,
    ],
  );
  return rows.map(toFollowUp);
}

/** Reopen the follow-ups a touchpoint closed (its logging was undone). Returns them. */
export async function reopenFollowUpsDoneBy(
  q: Queryable,
  orgId: string,
  touchpointId: string,
  at: Date,
): Promise<FollowUp[]> {
  const rows = await q.query<FollowUpRow>(
    `UPDATE follow_ups SET status = 'open', done_at = NULL, done_by_touchpoint_id = NULL, updated_at = $3,
                           next_action_at = coalesce(next_action_at, $3)
      WHERE org_id = $1 AND done_by_touchpoint_id = $2 AND status = 'done' RETURNING *`,
    [orgId, touchpointId, at],
  );
  return rows.map(toFollowUp);
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
  /** Only those on jobs this member is the hiring manager of. */
  hiringManagerId?: string | undefined;
  /** Only those escalated to this member and not handed to another owner since. */
  escalatedTo?: string | undefined;
}

/** Follow-ups by due time (then id), after a keyset position. */
export async function listFollowUps(
  q: Queryable,
  orgId: string,
  filter: FollowUpFilter,
  page: KeysetPage,
): Promise<FollowUpWithContext[]> {
  // The page is cut from follow_ups alone, then dressed with its context: joining first made the
  // planner (misled by row-level security's estimates) walk every application of a large
  // organization before sorting — 2.7 s against 13 ms (BENCHMARKS.md, finding F3).
  const k = keysetPage(page, { by: 'f.due_at', id: 'f.id', firstParam: 2 });
  const rows = await q.query<FollowUpContextRow>(
    `WITH page AS (
       SELECT f.* FROM follow_ups f
        WHERE f.org_id = $1
          AND ${k.where}
          AND ($5::text IS NULL OR f.status = $5)
          AND ($6::uuid IS NULL OR f.owner_id = $6)
          AND ($7::text IS NULL OR f.kind = $7)
          AND ($8::uuid IS NULL OR f.application_id = $8)
          AND ($9::boolean IS NULL OR (f.status = 'open' AND f.due_at < $11::timestamptz) = $9)
          AND ($10::timestamptz IS NULL OR f.due_at < $10)
          AND ($12::uuid IS NULL OR EXISTS (
                SELECT 1 FROM applications ha JOIN jobs hj ON hj.org_id = ha.org_id AND hj.id = ha.job_id
                 WHERE ha.org_id = f.org_id AND ha.id = f.application_id AND hj.hiring_manager_id = $12))
          -- Escalated to the member: an 'escalated' event naming them among its recipients, on this
          -- follow-up or a predecessor it extended (an automatic update carries the ladder on to a new
          -- row), with no hand-over to another owner since.
          AND ($13::uuid IS NULL OR (f.escalation_level > 0 AND EXISTS (
                SELECT 1 FROM events e
                 WHERE e.org_id = f.org_id AND e.application_id = f.application_id AND e.type = 'escalated'
                   AND e.data->'recipients' @> jsonb_build_array($13::text)
                   AND (e.follow_up_id = f.id OR e.follow_up_id IN (
                         SELECT p.id FROM follow_ups p
                          WHERE p.org_id = f.org_id AND p.application_id = f.application_id
                            AND p.kind = f.kind AND p.superseded_by_id IS NOT NULL))
                   AND NOT EXISTS (
                         SELECT 1 FROM events r
                          WHERE r.org_id = f.org_id AND r.application_id = f.application_id
                            AND r.follow_up_id = f.id AND r.type = 'follow_up_reassigned' AND r.at >= e.at))))
        ${k.orderLimit}
     )
     SELECT f.*, ${CONTEXT_COLUMNS}
       FROM page f ${CONTEXT_JOINS}
      ORDER BY f.due_at, f.id`,
    [
      orgId,
      ...k.params,
      filter.status ?? null,
      filter.ownerId ?? null,
      filter.kind ?? null,
      filter.applicationId ?? null,
      filter.overdue?.value ?? null,
      filter.dueBefore ?? null,
      filter.overdue?.now ?? null,
      filter.hiringManagerId ?? null,
      filter.escalatedTo ?? null,
    ],
  );
  return rows.map(toFollowUpWithContext);
}

/** Hand an open follow-up to another owner. Returns it, or null when it was not open. */
export async function setFollowUpOwner(
  q: Queryable,
  orgId: string,
  id: string,
  ownerId: string,
  at: Date,
): Promise<FollowUp | null> {
  const [row] = await q.query<FollowUpRow>(
    `UPDATE follow_ups SET owner_id = $3, updated_at = $4 WHERE org_id = $1 AND id = $2 AND status = 'open'
     RETURNING *`,
    [orgId, id, ownerId, at],
  );
  return row ? toFollowUp(row) : null;
}

/**
 * Claim open outcome follow-ups whose next ladder step is due, locked for the caller's
 * transaction; SKIP LOCKED lets several workers sweep side by side. One claim takes one
 * organization: the one whose step has waited longest, and then its due follow-ups, oldest first.
 * That keeps the sweep's statements per batch, not per follow-up (each organization is handled in
 * its own tenant scope), and it is fair enough: a backlog is drained in the same worker tick.
 */
export async function claimDueFollowUps(
  q: Queryable,
  now: Date,
  limit: number,
  onlyOrgId: string | null = null,
): Promise<FollowUp[]> {
  const rows = await q.query<FollowUpRow>(
    `WITH first AS (
       SELECT org_id FROM follow_ups
        WHERE status = 'open' AND kind = 'outcome' AND next_action_at <= $1
          AND ($3::uuid IS NULL OR org_id = $3)
          -- A snoozed follow-up waits for its snooze to end (never past a candidate's promise).
          AND (snoozed_until IS NULL OR snoozed_until <= $1)
        ORDER BY next_action_at
        LIMIT 1
        FOR UPDATE SKIP LOCKED
     )
     SELECT f.* FROM follow_ups f
      WHERE f.org_id = (SELECT org_id FROM first)
        AND f.status = 'open' AND f.kind = 'outcome' AND f.next_action_at <= $1
        AND (f.snoozed_until IS NULL OR f.snoozed_until <= $1)
      ORDER BY f.next_action_at
      LIMIT $2
      FOR UPDATE OF f SKIP LOCKED`,
    [now, limit, onlyOrgId],
  );
  return rows.map(toFollowUp);
}

/** What the sweep needs to know about a follow-up beyond the row itself. */
export interface LadderContext {
  followUpId: string;
  /** `awaitingReplySince`: the candidate wrote and nobody has answered yet (automatic updates wait). */
  application: { status: string; jobId: string; candidateId: string; awaitingReplySince: Date | null };
  job: {
    title: string;
    policyOverrides: Record<string, unknown>;
    hiringManagerId: string | null;
    recruiterId: string | null;
  };
  candidate: { name: string; email: string | null; timeZone: string | null; emailBounced: boolean };
  promiseStatement: string | null;
}

/** The context of each follow-up (of one organization) in one statement, by follow-up id. */
export async function loadLadderContexts(
  q: Queryable,
  orgId: string,
  followUpIds: string[],
): Promise<Map<string, LadderContext>> {
  const rows = await q.query<{
    follow_up_id: string;
    application_status: string;
    awaiting_reply_since: Date | null;
    job_id: string;
    candidate_id: string;
    job_title: string;
    policy_overrides: Record<string, unknown> | null;
    hiring_manager_id: string | null;
    recruiter_id: string | null;
    candidate_name: string;
    candidate_email: string | null;
    candidate_time_zone: string | null;
    candidate_email_bounced: boolean;
    promise_statement: string | null;
  }>(
    `SELECT f.id AS follow_up_id, a.status AS application_status, a.awaiting_reply_since, a.job_id, a.candidate_id,
            j.title AS job_title, j.policy_overrides, j.hiring_manager_id, j.recruiter_id,
            c.name AS candidate_name, c.email AS candidate_email, c.time_zone AS candidate_time_zone,
            c.email_bounced_at IS NOT NULL AS candidate_email_bounced, i.promise_statement
       FROM follow_ups f
       JOIN applications a ON a.org_id = f.org_id AND a.id = f.application_id
       JOIN jobs j ON j.org_id = a.org_id AND j.id = a.job_id
       JOIN candidates c ON c.org_id = a.org_id AND c.id = a.candidate_id
       LEFT JOIN interviews i ON i.org_id = f.org_id AND i.id = f.interview_id
      WHERE f.org_id = $1 AND f.id = ANY($2::uuid[])`,
    [orgId, followUpIds],
  );
  return new Map(
    rows.map((r) => [
      r.follow_up_id,
      {
        followUpId: r.follow_up_id,
        application: {
          status: r.application_status,
          jobId: r.job_id,
          candidateId: r.candidate_id,
          awaitingReplySince: r.awaiting_reply_since,
        },
        job: {
          title: r.job_title,
          policyOverrides: r.policy_overrides ?? {},
          hiringManagerId: r.hiring_manager_id,
          recruiterId: r.recruiter_id,
        },
        candidate: {
          name: r.candidate_name,
          email: r.candidate_email,
          timeZone: r.candidate_time_zone,
          emailBounced: r.candidate_email_bounced,
        },
        promiseStatement: r.promise_statement,
      },
    ]),
  );
}

/** A follow-up's ladder progress, as the sweep records it. */
export type LadderUpdate = Pick<
  FollowUp,
  'id' | 'nextActionAt' | 'breachedAt' | 'remindedAt' | 'escalationLevel'
>;

/** Record the ladder's progress on a follow-up. */
export async function updateFollowUpLadder(
  q: Queryable,
  orgId: string,
  id: string,
  ladder: Omit<LadderUpdate, 'id'>,
  at: Date,
): Promise<void> {
  await updateFollowUpLadders(q, orgId, [{ ...ladder, id }], at);
}

/** Record the ladder's progress on many follow-ups of one organization in one statement. */
export async function updateFollowUpLadders(
  q: Queryable,
  orgId: string,
  ladders: LadderUpdate[],
  at: Date,
): Promise<void> {
  if (ladders.length === 0) return;
  await q.query(
    `UPDATE follow_ups f
        SET next_action_at = x.next_action_at, breached_at = x.breached_at, reminded_at = x.reminded_at,
            escalation_level = x.escalation_level, updated_at = $3
       FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, next_action_at timestamptz, breached_at timestamptz,
                                               reminded_at timestamptz, escalation_level int)
      WHERE f.org_id = $1 AND f.id = x.id`,
    [
      orgId,
      JSON.stringify(
        ladders.map((l) => ({
          id: l.id,
          next_action_at: l.nextActionAt,
          breached_at: l.breachedAt,
          reminded_at: l.remindedAt,
          escalation_level: l.escalationLevel,
        })),
      ),
      at,
    ],
  );
}

/** Point each superseded follow-up at the one that replaced it, in one statement. */
export async function setSupersededByEach(
  q: Queryable,
  orgId: string,
  pairs: { id: string; by: string }[],
): Promise<void> {
  if (pairs.length === 0) return;
  await q.query(
    `UPDATE follow_ups f SET superseded_by_id = x.by_id
       FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, by_id uuid)
      WHERE f.org_id = $1 AND f.id = x.id`,
    [orgId, JSON.stringify(pairs.map((p) => ({ id: p.id, by_id: p.by })))],
  );
}

/**
 * Move an open follow-up's due time forward to `dueAt`, keeping what was promised in
 * `promised_due_at` (the first promise, if it was pulled before), and let the sweep re-plan it now.
 * Returns the row when it moved; null when it is not open or already due no later.
 */
export async function pullFollowUpForward(
  q: Queryable,
  orgId: string,
  id: string,
  dueAt: Date,
  now: Date,
): Promise<FollowUp | null> {
  const [row] = await q.query<FollowUpRow>(
    `UPDATE follow_ups
        SET promised_due_at = coalesce(promised_due_at, due_at), due_at = $3, next_action_at = $4, updated_at = $4
      WHERE org_id = $1 AND id = $2 AND status = 'open' AND due_at > $3
      RETURNING *`,
    [orgId, id, dueAt, now],
  );
  return row ? toFollowUp(row) : null;
}

/**
 * Put a pulled-forward follow-up back on the time the candidate was promised, and let the sweep
 * re-plan it now. Returns the row when it moved back; null when it was not pulled forward.
 */
export async function restorePromisedDue(
  q: Queryable,
  orgId: string,
  id: string,
  now: Date,
): Promise<FollowUp | null> {
  const [row] = await q.query<FollowUpRow>(
    `UPDATE follow_ups
        SET due_at = promised_due_at, promised_due_at = NULL, next_action_at = $3, updated_at = $3
      WHERE org_id = $1 AND id = $2 AND status = 'open' AND promised_due_at IS NOT NULL
      RETURNING *`,
    [orgId, id, now],
  );
  return row ? toFollowUp(row) : null;
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

/**
 * The team answered the candidate's reply: automatic updates may run again, and the sweep looks
 * at each application's open outcome promise now (an update it skipped while paused is due).
 */
export async function resumeAfterReply(
  q: Queryable,
  orgId: string,
  applicationIds: string[],
  now: Date,
): Promise<void> {
  await q.query(
    `WITH resumed AS (
       UPDATE applications SET awaiting_reply_since = NULL
        WHERE org_id = $1 AND id = ANY($2::uuid[]) AND awaiting_reply_since IS NOT NULL
       RETURNING id
     )
     UPDATE follow_ups SET next_action_at = $3
      WHERE org_id = $1 AND application_id IN (SELECT id FROM resumed) AND kind = 'outcome' AND status = 'open'`,
    [orgId, applicationIds, now],
  );
}

/** The open backfill follow-up of a job, if any, locked for the caller's transaction. */
export async function lockOpenBackfillOfJob(
  q: Queryable,
  orgId: string,
  jobId: string,
): Promise<FollowUp | null> {
  const [row] = await q.query<FollowUpRow>(
    `SELECT f.* FROM follow_ups f JOIN applications a ON a.org_id = f.org_id AND a.id = f.application_id
      WHERE f.org_id = $1 AND a.job_id = $2 AND f.kind = 'backfill' AND f.status = 'open'
      ORDER BY f.created_at, f.id LIMIT 1 FOR UPDATE OF f`,
    [orgId, jobId],
  );
  return row ? toFollowUp(row) : null;
}

/**
 * Open the scorecards owed on an interview: one `feedback_due` follow-up owed to the team per
 * interviewer, skipping any already open (a partial unique index settles a race).
 */
export async function insertScorecardsOwed(
  q: Queryable,
  s: {
    orgId: string;
    applicationId: string;
    interviewId: string;
    interviewerIds: string[];
    dueAt: Date;
    at: Date;
  },
): Promise<FollowUp[]> {
  if (s.interviewerIds.length === 0) return [];
  const rows = await q.query<FollowUpRow>(
    `INSERT INTO follow_ups (org_id, application_id, interview_id, kind, owed_by, owed_to, owner_id, due_at,
                             next_action_at, created_at, updated_at)
     SELECT $1, $2, $3, 'feedback_due', 'team', 'team', owner_id, $5, $5, $6, $6
       FROM unnest($4::uuid[]) AS owner_id
     ON CONFLICT (org_id, interview_id, owner_id)
        WHERE kind = 'feedback_due' AND owed_to = 'team' AND status = 'open' DO NOTHING
     RETURNING *`,
    [s.orgId, s.applicationId, s.interviewId, s.interviewerIds, s.dueAt, s.at],
  );
  return rows.map(toFollowUp);
}

/** Close an interviewer's open scorecard follow-up on an interview: their feedback is in. */
export async function closeScorecardOwed(
  q: Queryable,
  orgId: string,
  interviewId: string,
  interviewerId: string,
  at: Date,
): Promise<FollowUp[]> {
  const rows = await q.query<FollowUpRow>(
    `UPDATE follow_ups SET status = 'done', done_at = $4, next_action_at = NULL, updated_at = $4
      WHERE org_id = $1 AND interview_id = $2 AND owner_id = $3 AND kind = 'feedback_due' AND owed_to = 'team'
        AND status = 'open' RETURNING *`,
    [orgId, interviewId, interviewerId, at],
  );
  return rows.map(toFollowUp);
}

/** The open decide-by (`decision_due`) of an application, locked for the caller's transaction. */
export async function lockOpenDecisionDue(
  q: Queryable,
  orgId: string,
  applicationId: string,
): Promise<FollowUp | null> {
  const [row] = await q.query<FollowUpRow>(
    `SELECT * FROM follow_ups WHERE org_id = $1 AND application_id = $2 AND kind = 'decision_due' AND status = 'open'
      FOR UPDATE`,
    [orgId, applicationId],
  );
  return row ? toFollowUp(row) : null;
}

/** Move an owned follow-up to a new due time, its ladder starting again from there. */
export async function retimeOwnedFollowUp(
  q: Queryable,
  orgId: string,
  id: string,
  dueAt: Date,
  at: Date,
): Promise<FollowUp | null> {
  const [row] = await q.query<FollowUpRow>(
    `UPDATE follow_ups SET due_at = $3, next_action_at = $3, ladder_steps = 0, updated_at = $4
      WHERE org_id = $1 AND id = $2 AND status = 'open' RETURNING *`,
    [orgId, id, dueAt, at],
  );
  return row ? toFollowUp(row) : null;
}

/** Close the open decide-by of an application: the decision is recorded. */
export async function closeDecisionDue(
  q: Queryable,
  orgId: string,
  applicationId: string,
  at: Date,
): Promise<FollowUp[]> {
  const rows = await q.query<FollowUpRow>(
    `UPDATE follow_ups SET status = 'done', done_at = $3, next_action_at = NULL, updated_at = $3
      WHERE org_id = $1 AND application_id = $2 AND kind = 'decision_due' AND status = 'open' RETURNING *`,
    [orgId, applicationId, at],
  );
  return rows.map(toFollowUp);
}

/** Cancel the open follow-ups owed inside the team (scorecards, decide-by, backfill) of a job. */
export async function cancelOpenInternalOfJob(
  q: Queryable,
  orgId: string,
  jobId: string,
  reason: string,
  at: Date,
): Promise<number> {
  const rows = await q.query<{ id: string }>(
    `UPDATE follow_ups f SET status = 'cancelled', cancel_reason = $3, next_action_at = NULL, updated_at = $4
       FROM applications a
      WHERE f.org_id = $1 AND a.org_id = f.org_id AND a.id = f.application_id AND a.job_id = $2
        AND f.owed_by = 'team' AND f.owed_to = 'team' AND f.status = 'open' RETURNING f.id`,
    [orgId, jobId, reason, at],
  );
  return rows.length;
}
