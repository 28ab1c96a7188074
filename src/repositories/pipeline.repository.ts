import type { Queryable } from '../db/db.ts';

/** One application still in the running on a job, with the open follow-up the team owes on it soonest. */
export interface PipelineCardRow {
  applicationId: string;
  stage: string;
  status: string;
  finalStage: boolean;
  /** When it entered its stage (its creation, if it never moved). */
  stageSince: Date;
  candidate: { id: string; name: string };
  followUp: { id: string; kind: string; dueAt: Date; snoozedUntil: Date | null } | null;
}

interface Row {
  application_id: string;
  stage: string;
  status: string;
  final_stage: boolean;
  stage_since: Date;
  candidate_id: string;
  candidate_name: string;
  follow_up_id: string | null;
  follow_up_kind: string | null;
  follow_up_due_at: Date | null;
  follow_up_snoozed_until: Date | null;
}

/** The most cards a board shows (a job with more is a search, not a board). */
export const PIPELINE_LIMIT = 500;

/**
 * A job's applications still in the running (active, on hold, offered), oldest first, each with
 * the open follow-up our side owes on it that is due soonest.
 */
export async function listPipelineCards(
  q: Queryable,
  orgId: string,
  jobId: string,
): Promise<PipelineCardRow[]> {
  const rows = await q.query<Row>(
    `SELECT a.id AS application_id, a.stage, a.status, a.final_stage,
            coalesce(a.stage_changed_at, a.created_at) AS stage_since,
            c.id AS candidate_id, c.name AS candidate_name,
            f.id AS follow_up_id, f.kind AS follow_up_kind, f.due_at AS follow_up_due_at,
            f.snoozed_until AS follow_up_snoozed_until
       FROM applications a
       JOIN candidates c ON c.org_id = a.org_id AND c.id = a.candidate_id
       LEFT JOIN LATERAL (
         SELECT o.id, o.kind, o.due_at, o.snoozed_until FROM follow_ups o
          WHERE o.org_id = a.org_id AND o.application_id = a.id AND o.status = 'open'
            AND o.owed_by IN ('team', 'recruiter')
          ORDER BY o.due_at, o.id LIMIT 1
       ) f ON true
      WHERE a.org_id = $1 AND a.job_id = $2 AND a.status IN ('active', 'on_hold', 'offered')
      ORDER BY a.created_at, a.id
      LIMIT ${PIPELINE_LIMIT}`,
    [orgId, jobId],
  );
  return rows.map((r) => ({
    applicationId: r.application_id,
    stage: r.stage,
    status: r.status,
    finalStage: r.final_stage,
    stageSince: r.stage_since,
    candidate: { id: r.candidate_id, name: r.candidate_name },
    followUp:
      r.follow_up_id && r.follow_up_kind && r.follow_up_due_at
        ? {
            id: r.follow_up_id,
            kind: r.follow_up_kind,
            dueAt: r.follow_up_due_at,
            snoozedUntil: r.follow_up_snoozed_until,
          }
        : null,
  }));
}
