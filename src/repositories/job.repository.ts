import type { Queryable } from '../db/db.ts';
import { containsPattern, keysetPage, patchSet, type KeysetPage } from '../db/sql.ts';
import { DEFAULT_JOB_STAGES } from '../domain/job-stages.ts';
import type { Job } from '../domain/model.ts';

interface JobRow {
  id: string;
  org_id: string;
  title: string;
  role_kind: Job['roleKind'];
  status: Job['status'];
  hiring_manager_id: string | null;
  recruiter_id: string | null;
  policy_overrides: Record<string, unknown>;
  stages: string[];
  created_at: Date;
  updated_at: Date;
}

const toJob = (r: JobRow): Job => ({
  id: r.id,
  orgId: r.org_id,
  title: r.title,
  roleKind: r.role_kind,
  status: r.status,
  hiringManagerId: r.hiring_manager_id,
  recruiterId: r.recruiter_id,
  policyOverrides: r.policy_overrides,
  stages: r.stages,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Insert a job (without stages, it gets the default list). */
export async function insertJob(
  q: Queryable,
  j: Pick<
    Job,
    'orgId' | 'title' | 'roleKind' | 'status' | 'hiringManagerId' | 'recruiterId' | 'createdAt'
  > & {
    stages?: string[] | undefined;
  },
): Promise<Job> {
  const [row] = await q.query<JobRow>(
    `INSERT INTO jobs (org_id, title, role_kind, status, hiring_manager_id, recruiter_id, created_at, updated_at, stages)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8::text[]) RETURNING *`,
    [
      j.orgId,
      j.title,
      j.roleKind,
      j.status,
      j.hiringManagerId,
      j.recruiterId,
      j.createdAt,
      j.stages ?? [...DEFAULT_JOB_STAGES],
    ],
  );
  return toJob(row!);
}

/** The job with this id in this organization. */
export async function findJob(
  q: Queryable,
  orgId: string,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<Job | null> {
  const [row] = await q.query<JobRow>(
    `SELECT * FROM jobs WHERE org_id = $1 AND id = $2${opts.forUpdate ? ' FOR UPDATE' : ''}`,
    [orgId, id],
  );
  return row ? toJob(row) : null;
}

/** Jobs in creation order after a keyset position, optionally by status. */
export async function listJobs(
  q: Queryable,
  orgId: string,
  page: KeysetPage & {
    status?: Job['status'] | undefined;
    contains?: string | undefined;
  },
): Promise<Job[]> {
  const k = keysetPage(page, { by: 'created_at', firstParam: 2 });
  const rows = await q.query<JobRow>(
    `SELECT * FROM jobs
      WHERE org_id = $1
        AND ${k.where}
        AND ($5::text IS NULL OR status = $5)
        AND ($6::text IS NULL OR title ILIKE $6 ESCAPE '\\')
      ${k.orderLimit}`,
    [
      orgId,
      ...k.params,
      page.status ?? null,
      page.contains === undefined ? null : containsPattern(page.contains),
    ],
  );
  return rows.map(toJob);
}

// The job fields a patch may change, and their columns.
const JOB_COLUMNS = {
  title: 'title',
  roleKind: 'role_kind',
  status: 'status',
  hiringManagerId: 'hiring_manager_id',
  recruiterId: 'recruiter_id',
  policyOverrides: 'policy_overrides',
  stages: 'stages',
};

/** Apply a patch to a job. */
export async function updateJob(
  q: Queryable,
  orgId: string,
  id: string,
  patch: Partial<
    Pick<Job, 'title' | 'roleKind' | 'status' | 'hiringManagerId' | 'recruiterId' | 'stages'>
  > & {
    policyOverrides?: Record<string, unknown> | undefined;
  },
  at: Date,
): Promise<Job | null> {
  const set = patchSet(
    {
      ...patch,
      // jsonb goes over the wire as text: objects must not be left to the driver's array handling.
      policyOverrides:
        patch.policyOverrides === undefined ? undefined : JSON.stringify(patch.policyOverrides),
    },
    JOB_COLUMNS,
    at,
  );
  const [row] = await q.query<JobRow>(
    `UPDATE jobs SET ${set.sql} WHERE org_id = $1 AND id = $2 RETURNING *`,
    [orgId, id, ...set.params],
  );
  return row ? toJob(row) : null;
}
