import type { Queryable } from '../db/db.ts';
import { keysetPage, type KeysetPage } from '../db/sql.ts';
import type { ImportRow } from '../domain/csv-import.ts';

type Inserted = { id: string; inserted: boolean };

/**
 * Find or create the job a row names: by its external id (updating the title and kind), else by
 * title among jobs without one. `(xmax = 0)` tells an insert from an update in PostgreSQL.
 */
export async function upsertImportedJob(
  q: Queryable,
  orgId: string,
  job: ImportRow['job'],
  at: Date,
): Promise<Inserted> {
  if (job.externalId) {
    const [row] = await q.query<Inserted>(
      `INSERT INTO jobs (org_id, external_id, title, role_kind, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $5)
       ON CONFLICT (org_id, external_id) WHERE external_id IS NOT NULL
       DO UPDATE SET title = EXCLUDED.title, role_kind = EXCLUDED.role_kind, updated_at = EXCLUDED.updated_at
       RETURNING id, (xmax = 0) AS inserted`,
      [orgId, job.externalId, job.title, job.roleKind, at],
    );
    return row!;
  }
  const [found] = await q.query<{ id: string }>(
    `SELECT id FROM jobs WHERE org_id = $1 AND external_id IS NULL AND lower(title) = lower($2)
      ORDER BY created_at, id LIMIT 1`,
    [orgId, job.title],
  );
  if (found) return { id: found.id, inserted: false };
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO jobs (org_id, title, role_kind, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) RETURNING id`,
    [orgId, job.title, job.roleKind, at],
  );
  return { id: row!.id, inserted: true };
}

/**
 * Find or create the candidate a row names: by external id, else by email. A candidate already
 * in Hearback with that email (and no external id) is adopted, not duplicated.
 */
export async function upsertImportedCandidate(
  q: Queryable,
  orgId: string,
  c: ImportRow['candidate'],
  at: Date,
): Promise<Inserted> {
  if (c.externalId) {
    if (c.email) {
      await q.query(
        `UPDATE candidates SET external_id = $3 WHERE org_id = $1 AND lower(email) = lower($2) AND external_id IS NULL`,
        [orgId, c.email, c.externalId],
      );
    }
    const [row] = await q.query<Inserted>(
      `INSERT INTO candidates (org_id, external_id, name, email, phone, time_zone, created_at, updated_at, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8)
       ON CONFLICT (org_id, external_id) WHERE external_id IS NOT NULL
       DO UPDATE SET name = EXCLUDED.name, email = coalesce(EXCLUDED.email, candidates.email),
                     phone = coalesce(EXCLUDED.phone, candidates.phone),
                     time_zone = coalesce(EXCLUDED.time_zone, candidates.time_zone),
                     source = coalesce(EXCLUDED.source, candidates.source), updated_at = EXCLUDED.updated_at
       WHERE candidates.erased_at IS NULL
       RETURNING id, (xmax = 0) AS inserted`,
      [orgId, c.externalId, c.name, c.email, c.phone, c.timeZone, at, c.source],
    );
    if (row) return row;
    throw new Error('the candidate was erased; they are not imported again');
  }
  const [row] = await q.query<Inserted>(
    `INSERT INTO candidates (org_id, name, email, phone, time_zone, created_at, updated_at, source)
     VALUES ($1, $2, $3, $4, $5, $6, $6, $7)
     ON CONFLICT (org_id, lower(email)) WHERE email IS NOT NULL
     DO UPDATE SET name = EXCLUDED.name, phone = coalesce(EXCLUDED.phone, candidates.phone),
                   time_zone = coalesce(EXCLUDED.time_zone, candidates.time_zone),
                   source = coalesce(EXCLUDED.source, candidates.source), updated_at = EXCLUDED.updated_at
     RETURNING id, (xmax = 0) AS inserted`,
    [orgId, c.name, c.email, c.phone, c.timeZone, at, c.source],
  );
  return row!;
}

/** Find or create the application of a candidate in a job (one per pair), updating stage and status. */
export async function upsertImportedApplication(
  q: Queryable,
  orgId: string,
  jobId: string,
  candidateId: string,
  a: ImportRow['application'],
  at: Date,
): Promise<Inserted> {
  const [row] = await q.query<Inserted>(
    `INSERT INTO applications (org_id, job_id, candidate_id, external_id, stage, status, created_at, updated_at)
     VALUES ($1, $2, $3, $4, coalesce($5, 'applied'), coalesce($6, 'active'), $7, $7)
     ON CONFLICT (org_id, job_id, candidate_id)
     DO UPDATE SET stage = coalesce($5, applications.stage), status = coalesce($6, applications.status),
                   external_id = coalesce(applications.external_id, EXCLUDED.external_id), updated_at = EXCLUDED.updated_at
     RETURNING id, (xmax = 0) AS inserted`,
    [orgId, jobId, candidateId, a.externalId, a.stage, a.status, at],
  );
  return row!;
}

/** Find or create an interview: by external id, else by application, title and start time. */
export async function upsertImportedInterview(
  q: Queryable,
  orgId: string,
  applicationId: string,
  i: NonNullable<ImportRow['interview']>,
  at: Date,
): Promise<Inserted> {
  if (i.externalId) {
    const [row] = await q.query<Inserted>(
      `INSERT INTO interviews (org_id, application_id, external_id, title, scheduled_at, ends_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (org_id, external_id) WHERE external_id IS NOT NULL
       DO UPDATE SET title = EXCLUDED.title, scheduled_at = EXCLUDED.scheduled_at, ends_at = EXCLUDED.ends_at,
                     updated_at = $7
       RETURNING id, (xmax = 0) AS inserted`,
      [orgId, applicationId, i.externalId, i.title, i.scheduledAt, i.endsAt, at],
    );
    return row!;
  }
  const [found] = await q.query<{ id: string }>(
    `SELECT id FROM interviews WHERE org_id = $1 AND application_id = $2 AND title = $3
        AND scheduled_at IS NOT DISTINCT FROM $4::timestamptz LIMIT 1`,
    [orgId, applicationId, i.title, i.scheduledAt],
  );
  if (found) return { id: found.id, inserted: false };
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO interviews (org_id, application_id, title, scheduled_at, ends_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [orgId, applicationId, i.title, i.scheduledAt, i.endsAt, at],
  );
  return { id: row!.id, inserted: true };
}

/** An import of one file. */
export interface ImportRun {
  id: string;
  orgId: string;
  fileName: string;
  mapping: Record<string, string>;
  status: 'running' | 'done' | 'failed';
  rowsTotal: number;
  rowsDone: number;
  rowsImported: number;
  rowsRejected: number;
  created: Record<string, number>;
  errors: { line: number; errors: string[] }[];
  error: string | null;
  createdBy: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

interface RunRow {
  id: string;
  org_id: string;
  file_name: string;
  mapping: Record<string, string>;
  status: ImportRun['status'];
  rows_total: number;
  rows_done: number;
  rows_imported: number;
  rows_rejected: number;
  created: Record<string, number>;
  errors: ImportRun['errors'];
  error: string | null;
  created_by: string | null;
  created_at: Date;
  finished_at: Date | null;
}

const toRun = (r: RunRow): ImportRun => ({
  id: r.id,
  orgId: r.org_id,
  fileName: r.file_name,
  mapping: r.mapping,
  status: r.status,
  rowsTotal: r.rows_total,
  rowsDone: r.rows_done,
  rowsImported: r.rows_imported,
  rowsRejected: r.rows_rejected,
  created: r.created,
  errors: r.errors,
  error: r.error,
  createdBy: r.created_by,
  createdAt: r.created_at,
  finishedAt: r.finished_at,
});

/** Start recording an import. */
export async function insertImportRun(
  q: Queryable,
  r: {
    orgId: string;
    fileName: string;
    mapping: Record<string, string>;
    rowsTotal: number;
    createdBy: string | null;
    at: Date;
  },
): Promise<ImportRun> {
  const [row] = await q.query<RunRow>(
    `INSERT INTO import_runs (org_id, file_name, mapping, status, rows_total, created_by, created_at)
     VALUES ($1, $2, $3::jsonb, 'running', $4, $5, $6) RETURNING *`,
    [r.orgId, r.fileName.slice(0, 200), JSON.stringify(r.mapping), r.rowsTotal, r.createdBy, r.at],
  );
  return toRun(row!);
}

/** Record progress (and, at the end, the outcome) of an import. */
export async function updateImportRun(
  q: Queryable,
  orgId: string,
  id: string,
  p: {
    rowsDone: number;
    rowsImported: number;
    rowsRejected: number;
    created: Record<string, number>;
    errors?: ImportRun['errors'];
    rejectedCsv?: string;
    status?: ImportRun['status'];
    error?: string | null;
    finishedAt?: Date | null;
  },
): Promise<void> {
  await q.query(
    `UPDATE import_runs SET rows_done = $3, rows_imported = $4, rows_rejected = $5, created = $6::jsonb,
                            errors = coalesce($7::jsonb, errors), rejected_csv = coalesce($8, rejected_csv),
                            status = coalesce($9, status), error = coalesce($10, error),
                            finished_at = coalesce($11, finished_at),
                            rows_total = greatest(rows_total, $3)
      WHERE org_id = $1 AND id = $2`,
    [
      orgId,
      id,
      p.rowsDone,
      p.rowsImported,
      p.rowsRejected,
      JSON.stringify(p.created),
      p.errors === undefined ? null : JSON.stringify(p.errors),
      p.rejectedCsv ?? null,
      p.status ?? null,
      p.error ?? null,
      p.finishedAt ?? null,
    ],
  );
}

/** One import. */
export async function findImportRun(q: Queryable, orgId: string, id: string): Promise<ImportRun | null> {
  const [row] = await q.query<RunRow>(
    `SELECT id, org_id, file_name, mapping, status, rows_total, rows_done, rows_imported, rows_rejected, created,
            errors, error, created_by, created_at, finished_at
       FROM import_runs WHERE org_id = $1 AND id = $2`,
    [orgId, id],
  );
  return row ? toRun(row) : null;
}

/** The rows an import refused, as CSV. */
export async function rejectedCsvOf(q: Queryable, orgId: string, id: string): Promise<string | null> {
  const [row] = await q.query<{ rejected_csv: string }>(
    `SELECT rejected_csv FROM import_runs WHERE org_id = $1 AND id = $2`,
    [orgId, id],
  );
  return row ? row.rejected_csv : null;
}

/** Imports, newest first. */
export async function listImportRuns(q: Queryable, orgId: string, page: KeysetPage): Promise<ImportRun[]> {
  const k = keysetPage(page, { by: 'created_at', firstParam: 2, descending: true });
  const rows = await q.query<RunRow>(
    `SELECT id, org_id, file_name, mapping, status, rows_total, rows_done, rows_imported, rows_rejected, created,
            '[]'::jsonb AS errors, error, created_by, created_at, finished_at
       FROM import_runs
      WHERE org_id = $1 AND ${k.where}
      ${k.orderLimit}`,
    [orgId, ...k.params],
  );
  return rows.map(toRun);
}

/**
 * {@link upsertImportedJob} for many jobs with external ids, in one statement. Returns each
 * external id's job id and whether it was created.
 */
export async function upsertImportedJobsByExternalId(
  q: Queryable,
  orgId: string,
  jobs: { externalId: string; title: string; roleKind: string }[],
  at: Date,
): Promise<Map<string, Inserted>> {
  if (jobs.length === 0) return new Map();
  const rows = await q.query<Inserted & { external_id: string }>(
    `INSERT INTO jobs (org_id, external_id, title, role_kind, created_at, updated_at)
     SELECT $1, x.external_id, x.title, x.role_kind, $3, $3
       FROM jsonb_to_recordset($2::jsonb) AS x(external_id text, title text, role_kind text)
     ON CONFLICT (org_id, external_id) WHERE external_id IS NOT NULL
     DO UPDATE SET title = EXCLUDED.title, role_kind = EXCLUDED.role_kind, updated_at = EXCLUDED.updated_at
     RETURNING id, external_id, (xmax = 0) AS inserted`,
    [
      orgId,
      JSON.stringify(jobs.map((j) => ({ external_id: j.externalId, title: j.title, role_kind: j.roleKind }))),
      at,
    ],
  );
  return new Map(rows.map((r) => [r.external_id, { id: r.id, inserted: r.inserted }]));
}

/**
 * {@link upsertImportedCandidate} for many candidates with external ids, in two statements (adopt
 * existing candidates by email, then upsert). Keys of the result are the external ids.
 */
export async function upsertImportedCandidatesByExternalId(
  q: Queryable,
  orgId: string,
  candidates: ImportRow['candidate'][],
  at: Date,
): Promise<Map<string, Inserted>> {
  if (candidates.length === 0) return new Map();
  const json = JSON.stringify(
    candidates.map((c) => ({
      external_id: c.externalId,
      name: c.name,
      email: c.email,
      phone: c.phone,
      time_zone: c.timeZone,
      source: c.source,
    })),
  );
  await q.query(
    `UPDATE candidates c SET external_id = x.external_id
       FROM jsonb_to_recordset($2::jsonb) AS x(external_id text, email text)
      WHERE c.org_id = $1 AND x.email IS NOT NULL AND lower(c.email) = lower(x.email) AND c.external_id IS NULL`,
    [orgId, json],
  );
  const rows = await q.query<Inserted & { external_id: string }>(
    `INSERT INTO candidates (org_id, external_id, name, email, phone, time_zone, created_at, updated_at, source)
     SELECT $1, x.external_id, x.name, x.email, x.phone, x.time_zone, $3, $3, x.source
       FROM jsonb_to_recordset($2::jsonb)
         AS x(external_id text, name text, email text, phone text, time_zone text, source text)
     ON CONFLICT (org_id, external_id) WHERE external_id IS NOT NULL
     DO UPDATE SET name = EXCLUDED.name, email = coalesce(EXCLUDED.email, candidates.email),
                   phone = coalesce(EXCLUDED.phone, candidates.phone),
                   time_zone = coalesce(EXCLUDED.time_zone, candidates.time_zone),
                   source = coalesce(EXCLUDED.source, candidates.source), updated_at = EXCLUDED.updated_at
       WHERE candidates.erased_at IS NULL
     RETURNING id, external_id, (xmax = 0) AS inserted`,
    [orgId, json, at],
  );
  if (rows.length !== candidates.length) throw new Error('an erased candidate is not imported again');
  return new Map(rows.map((r) => [r.external_id, { id: r.id, inserted: r.inserted }]));
}

/** {@link upsertImportedApplication} for many, in one statement; keys are `jobId:candidateId`. */
export async function upsertImportedApplications(
  q: Queryable,
  orgId: string,
  applications: { jobId: string; candidateId: string; a: ImportRow['application'] }[],
  at: Date,
  /** Whether the file has stage and status columns: without them, existing values stay. */
  columns: { stage: boolean; status: boolean },
): Promise<Map<string, Inserted>> {
  if (applications.length === 0) return new Map();
  const rows = await q.query<Inserted & { job_id: string; candidate_id: string }>(
    `INSERT INTO applications (org_id, job_id, candidate_id, external_id, stage, status, created_at, updated_at)
     SELECT $1, x.job_id, x.candidate_id, x.external_id, coalesce(x.stage, 'applied'), coalesce(x.status, 'active'), $3, $3
       FROM jsonb_to_recordset($2::jsonb) AS x(job_id uuid, candidate_id uuid, external_id text, stage text, status text)
     ON CONFLICT (org_id, job_id, candidate_id)
     DO UPDATE SET stage = CASE WHEN $4 THEN EXCLUDED.stage ELSE applications.stage END,
                   status = CASE WHEN $5 THEN EXCLUDED.status ELSE applications.status END,
                   external_id = coalesce(applications.external_id, EXCLUDED.external_id), updated_at = EXCLUDED.updated_at
     RETURNING id, job_id, candidate_id, (xmax = 0) AS inserted`,
    [
      orgId,
      JSON.stringify(
        applications.map((x) => ({
          job_id: x.jobId,
          candidate_id: x.candidateId,
          external_id: x.a.externalId,
          stage: x.a.stage,
          status: x.a.status,
        })),
      ),
      at,
      columns.stage,
      columns.status,
    ],
  );
  return new Map(rows.map((r) => [`${r.job_id}:${r.candidate_id}`, { id: r.id, inserted: r.inserted }]));
}

/**
 * {@link upsertImportedInterview} for many, in two statements: those with external ids are
 * upserted; the others are inserted unless the application already has one with that title and
 * start. Returns how many were created.
 */
export async function upsertImportedInterviews(
  q: Queryable,
  orgId: string,
  interviews: { applicationId: string; i: NonNullable<ImportRow['interview']> }[],
  at: Date,
): Promise<number> {
  const json = (list: typeof interviews) =>
    JSON.stringify(
      list.map((x) => ({
        application_id: x.applicationId,
        external_id: x.i.externalId,
        title: x.i.title,
        scheduled_at: x.i.scheduledAt,
        ends_at: x.i.endsAt,
      })),
    );
  const withId = interviews.filter((x) => x.i.externalId);
  const without = interviews.filter((x) => !x.i.externalId);
  let created = 0;
  if (withId.length > 0) {
    const rows = await q.query<{ inserted: boolean }>(
      `INSERT INTO interviews (org_id, application_id, external_id, title, scheduled_at, ends_at, created_at)
       SELECT $1, x.application_id, x.external_id, x.title, x.scheduled_at, x.ends_at, $3
         FROM jsonb_to_recordset($2::jsonb) AS x(application_id uuid, external_id text, title text,
                                                 scheduled_at timestamptz, ends_at timestamptz)
       ON CONFLICT (org_id, external_id) WHERE external_id IS NOT NULL
       DO UPDATE SET title = EXCLUDED.title, scheduled_at = EXCLUDED.scheduled_at, ends_at = EXCLUDED.ends_at,
                     updated_at = $3
       RETURNING (xmax = 0) AS inserted`,
      [orgId, json(withId), at],
    );
    created += rows.filter((r) => r.inserted).length;
  }
  if (without.length > 0) {
    const rows = await q.query(
      `INSERT INTO interviews (org_id, application_id, title, scheduled_at, ends_at, created_at)
       SELECT DISTINCT ON (x.application_id, x.title, x.scheduled_at) $1, x.application_id, x.title, x.scheduled_at, x.ends_at, $3::timestamptz
         FROM jsonb_to_recordset($2::jsonb) AS x(application_id uuid, title text, scheduled_at timestamptz,
                                                 ends_at timestamptz)
        WHERE NOT EXISTS (SELECT 1 FROM interviews i
                           WHERE i.org_id = $1 AND i.application_id = x.application_id AND i.title = x.title
                             AND i.scheduled_at IS NOT DISTINCT FROM x.scheduled_at)
       RETURNING id`,
      [orgId, json(without), at],
    );
    created += rows.length;
  }
  return created;
}
