import type { Queryable } from '../db/db.ts';
import { isUniqueViolation, keysetPage, patchSet, type KeysetPage } from '../db/sql.ts';
import type { Application } from '../domain/model.ts';
import { errors } from '../errors.ts';

interface ApplicationRow {
  id: string;
  org_id: string;
  job_id: string;
  candidate_id: string;
  stage: string;
  status: Application['status'];
  final_stage: boolean;
  interest_confirmed_at: Date | null;
  agency_recruiter_name: string | null;
  agency_recruiter_email: string | null;
  awaiting_reply_since: Date | null;
  external_id: string | null;
  created_at: Date;
  updated_at: Date;
}

const toApplication = (r: ApplicationRow): Application => ({
  id: r.id,
  orgId: r.org_id,
  jobId: r.job_id,
  candidateId: r.candidate_id,
  stage: r.stage,
  status: r.status,
  finalStage: r.final_stage,
  interestConfirmedAt: r.interest_confirmed_at,
  agencyRecruiter:
    r.agency_recruiter_name && r.agency_recruiter_email
      ? { name: r.agency_recruiter_name, email: r.agency_recruiter_email }
      : null,
  awaitingReplySince: r.awaiting_reply_since,
  externalId: r.external_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Insert an application. Throws conflict when the candidate is already in the job. */
export async function insertApplication(
  q: Queryable,
  a: Pick<Application, 'orgId' | 'jobId' | 'candidateId' | 'stage' | 'status' | 'createdAt'> &
    Partial<Pick<Application, 'finalStage' | 'agencyRecruiter'>>,
): Promise<Application> {
  try {
    const [row] = await q.query<ApplicationRow>(
      `INSERT INTO applications (org_id, job_id, candidate_id, stage, status, final_stage,
                                 agency_recruiter_name, agency_recruiter_email, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING *`,
      [
        a.orgId,
        a.jobId,
        a.candidateId,
        a.stage,
        a.status,
        a.finalStage ?? false,
        a.agencyRecruiter?.name ?? null,
        a.agencyRecruiter?.email ?? null,
        a.createdAt,
      ],
    );
    return toApplication(row!);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw errors.conflict('This candidate already has an application for this job.', {
        field: 'candidateId',
      });
    }
    throw error;
  }
}

/** The application with this id in this organization; `forUpdate` locks the row. */
export async function findApplication(
  q: Queryable,
  orgId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Application | null> {
  const [row] = await q.query<ApplicationRow>(
    `SELECT * FROM applications WHERE org_id = $1 AND id = $2${options.forUpdate ? ' FOR UPDATE' : ''}`,
    [orgId, id],
  );
  return row ? toApplication(row) : null;
}

/** Applications in creation order after a keyset position, filtered. */
export async function listApplications(
  q: Queryable,
  orgId: string,
  page: KeysetPage & {
    jobId?: string | undefined;
    candidateId?: string | undefined;
    status?: Application['status'] | undefined;
  },
): Promise<Application[]> {
  const k = keysetPage(page, { by: 'created_at', firstParam: 2 });
  const rows = await q.query<ApplicationRow>(
    `SELECT * FROM applications
      WHERE org_id = $1
        AND ${k.where}
        AND ($5::uuid IS NULL OR job_id = $5)
        AND ($6::uuid IS NULL OR candidate_id = $6)
        AND ($7::text IS NULL OR status = $7)
      ${k.orderLimit}`,
    [orgId, ...k.params, page.jobId ?? null, page.candidateId ?? null, page.status ?? null],
  );
  return rows.map(toApplication);
}

/** Apply a patch to an application. */
export async function updateApplication(
  q: Queryable,
  orgId: string,
  id: string,
  patch: Partial<Pick<Application, 'stage' | 'status' | 'finalStage' | 'agencyRecruiter'>>,
  at: Date,
): Promise<Application | null> {
  const flat = {
    ...patch,
    ...(patch.agencyRecruiter !== undefined && {
      agencyName: patch.agencyRecruiter?.name ?? null,
      agencyEmail: patch.agencyRecruiter?.email ?? null,
    }),
  };
  const set = patchSet(
    flat,
    {
      stage: 'stage',
      status: 'status',
      finalStage: 'final_stage',
      agencyName: 'agency_recruiter_name',
      agencyEmail: 'agency_recruiter_email',
    },
    at,
  );
  const [row] = await q.query<ApplicationRow>(
    `UPDATE applications SET ${set.sql} WHERE org_id = $1 AND id = $2 RETURNING *`,
    [orgId, id, ...set.params],
  );
  return row ? toApplication(row) : null;
}

// What an application points at, and the column it points with (a closed list, never input).
const APPLIED_BY = { candidates: 'candidate_id', jobs: 'job_id' } as const;

/**
 * Delete a candidate or a job that no application names; false when one does (its history is kept)
 * or the row does not exist.
 */
export async function deleteWithoutApplications(
  q: Queryable,
  orgId: string,
  table: keyof typeof APPLIED_BY,
  id: string,
): Promise<boolean> {
  const rows = await q.query(
    `DELETE FROM ${table} WHERE org_id = $1 AND id = $2
        AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.org_id = $1 AND a.${APPLIED_BY[table]} = $2)
      RETURNING id`,
    [orgId, id],
  );
  return rows.length === 1;
}

/** Delete an application that has no interviews, decisions, touchpoints or follow-ups. */
export async function deleteApplicationWithoutHistory(
  q: Queryable,
  orgId: string,
  id: string,
): Promise<boolean> {
  const rows = await q.query(
    `DELETE FROM applications a WHERE a.org_id = $1 AND a.id = $2
        AND NOT EXISTS (SELECT 1 FROM interviews i WHERE i.org_id = $1 AND i.application_id = $2)
        AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.org_id = $1 AND d.application_id = $2)
        AND NOT EXISTS (SELECT 1 FROM touchpoints t WHERE t.org_id = $1 AND t.application_id = $2)
        AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.org_id = $1 AND f.application_id = $2)
      RETURNING a.id`,
    [orgId, id],
  );
  return rows.length === 1;
}

/** How many of a job's applications are finalists (final stage, still in the running). */
export async function countFinalists(q: Queryable, orgId: string, jobId: string): Promise<number> {
  const [row] = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM applications
      WHERE org_id = $1 AND job_id = $2 AND final_stage AND status IN ('active', 'on_hold', 'offered')`,
    [orgId, jobId],
  );
  return row?.n ?? 0;
}

/** Who of a job is still in the running in an earlier stage (the backfill's candidates), oldest first. */
export async function listEarlierInTheRunning(
  q: Queryable,
  orgId: string,
  jobId: string,
  limit: number,
): Promise<{ applicationId: string; candidateName: string; stage: string }[]> {
  return q.query<{ applicationId: string; candidateName: string; stage: string }>(
    `SELECT a.id AS "applicationId", c.name AS "candidateName", a.stage
       FROM applications a JOIN candidates c ON c.org_id = a.org_id AND c.id = a.candidate_id
      WHERE a.org_id = $1 AND a.job_id = $2 AND NOT a.final_stage AND a.status IN ('active', 'on_hold')
      ORDER BY a.created_at, a.id LIMIT $3`,
    [orgId, jobId, limit],
  );
}
