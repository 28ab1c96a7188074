import type { Queryable } from '../db/db.ts';
import { planForTheseParameters } from '../db/sql.ts';

/** The filter every report takes. */
export interface ReportFilter {
  from: Date;
  to: Date;
  now: Date;
  jobId?: string | undefined;
  ownerId?: string | undefined;
}

/** One row of a report: the whole organization, or one group (a job, an owner, a week, a month). */
export interface ReportRow {
  key: string | null;
  label: string | null;
  interviewed: number;
  outcomeDelivered: number;
  medianHoursToOutcome: number | null;
  p90HoursToOutcome: number | null;
  promisesKept: number;
  promisesBroken: number;
  updatesSent: number;
  overdueNow: number;
  statusInquiries: number;
  averageRating: number | null;
}

/** How rows are grouped. */
export type ReportGroup = 'none' | 'job' | 'owner' | 'week' | 'month';

interface Row {
  key: string | null;
  label: string | null;
  interviewed: number;
  delivered: number;
  median_hours: number | null;
  p90_hours: number | null;
  kept: number;
  broken: number;
  updates: number;
  overdue: number;
  inquiries: number;
  rating: number | null;
}

/** The grouping key of each report row, as an SQL expression over the cohort. */
const REPORT_KEY_SQL: Record<ReportGroup, string> = {
  none: `NULL::text`,
  job: `a.job_id::text`,
  owner: `fo.owner_id::text`,
  week: `to_char(date_trunc('week', fi.first_closed), 'YYYY-MM-DD')`,
  month: `to_char(date_trunc('month', fi.first_closed), 'YYYY-MM')`,
};

/** The report's cohort: applications first interviewed in the period, with outcome and owner. */
const REPORT_COHORT_SQL = `WITH first_interview AS (
       SELECT i.application_id, min(i.closed_at) AS first_closed
         FROM interviews i
        WHERE i.org_id = $1 AND i.closed_at >= $2 AND i.closed_at < $3
          -- Interviews at a client (agency submissions) owe no outcome from the team; the desk tracks them.
          AND i.submission_id IS NULL
        GROUP BY i.application_id
     ),
     -- Only the period's applications: aggregating every follow-up of the organization first
     -- made a year's report of a large organization take seconds (BENCHMARKS.md, finding F4).
     -- Each application's outcome follow-ups are read once, for the outcome and its promises both
     -- (they were read twice: BENCHMARKS.md, F11).
     -- Promises are the candidate's: kept and broken go by what they were promised
     -- (promised_due_at when a decision pulled the team's due time forward); overdue by the team's.
     outcome AS (
       SELECT f.application_id, min(f.done_at) FILTER (WHERE f.status = 'done') AS delivered_at,
              (array_agg(f.owner_id ORDER BY f.created_at DESC))[1] AS owner_id,
              count(*) FILTER (WHERE f.status = 'done' AND f.done_at <= coalesce(f.promised_due_at, f.due_at)) AS kept,
              count(*) FILTER (WHERE (f.status = 'done' AND f.done_at > coalesce(f.promised_due_at, f.due_at))
                                  OR (f.status = 'cancelled' AND f.cancel_reason = 'extended')
                                  OR (f.status = 'open' AND coalesce(f.promised_due_at, f.due_at) < $4)) AS broken,
              count(*) FILTER (WHERE f.status = 'open' AND f.due_at < $4) AS overdue
         FROM first_interview fi
         JOIN follow_ups f ON f.org_id = $1 AND f.application_id = fi.application_id AND f.kind = 'outcome'
        GROUP BY f.application_id
     ),
     base AS (
       SELECT a.id AS application_id, a.job_id, fi.first_closed, fo.delivered_at, fo.owner_id,
              fo.kept, fo.broken, fo.overdue, `;

/** The per-group measures after the key: updates, inquiries, ratings and totals. */
const REPORT_MEASURES_SQL = ` AS key
         FROM first_interview fi
         JOIN applications a ON a.org_id = $1 AND a.id = fi.application_id
         LEFT JOIN outcome fo ON fo.application_id = a.id
        WHERE ($5::uuid IS NULL OR a.job_id = $5) AND ($6::uuid IS NULL OR fo.owner_id = $6)
     ),
     updates AS (
       SELECT b.key, count(*)::int AS n
         FROM base b JOIN messages m ON m.org_id = $1 AND m.application_id = b.application_id
        WHERE m.kind = 'update' AND m.status = 'sent'
        GROUP BY b.key
     ),
     inquiries AS (
       SELECT b.key, count(*)::int AS n
         FROM base b JOIN touchpoints t ON t.org_id = $1 AND t.application_id = b.application_id
        WHERE t.kind = 'check_in' AND t.from_party = 'candidate'
        GROUP BY b.key
     ),
     ratings AS (
       SELECT b.key, avg(r.rating)::float8 AS rating
         FROM base b JOIN candidate_ratings r ON r.org_id = $1 AND r.application_id = b.application_id
        GROUP BY b.key
     ),
     totals AS (
       SELECT key, count(*)::int AS interviewed, count(delivered_at)::int AS delivered,
              (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - first_closed) / 3600))::float8 AS median_hours,
              (percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - first_closed) / 3600))::float8 AS p90_hours,
              coalesce(sum(kept), 0)::int AS kept, coalesce(sum(broken), 0)::int AS broken,
              coalesce(sum(overdue), 0)::int AS overdue
         FROM base GROUP BY key
     )
`;

/** One row per group, labelled, with every measure joined to the totals. */
const REPORT_ROWS_SQL = `     SELECT t.key,
            -- Compare ids, not text: id::text cannot use the primary key, and with thousands of jobs
            -- the labels alone took three seconds (F4). The key is a uuid in these two branches.
            CASE WHEN $7 = 'job' THEN (SELECT j.title FROM jobs j WHERE j.org_id = $1 AND j.id = t.key::uuid)
                 WHEN $7 = 'owner' THEN (SELECT m.name FROM members m WHERE m.org_id = $1 AND m.id = t.key::uuid)
                 ELSE t.key END AS label,
            t.interviewed, t.delivered, t.median_hours, t.p90_hours,
            t.kept, t.broken, coalesce(u.n, 0) AS updates,
            t.overdue, coalesce(i.n, 0) AS inquiries, r.rating
       FROM totals t
       -- Plain equality (keys are never '') so these can be hash joins: IS NOT DISTINCT FROM
       -- made them nested loops, quadratic in the number of groups (thousands of jobs).
       LEFT JOIN updates u ON coalesce(u.key, '') = coalesce(t.key, '')
       LEFT JOIN inquiries i ON coalesce(i.key, '') = coalesce(t.key, '')
       LEFT JOIN ratings r ON coalesce(r.key, '') = coalesce(t.key, '')
      ORDER BY t.key NULLS FIRST`;

/** A database row of the report in the API's names. */
function toReportRow(r: Row): ReportRow {
  return {
    key: r.key,
    label: r.label,
    interviewed: r.interviewed,
    outcomeDelivered: r.delivered,
    medianHoursToOutcome: r.median_hours,
    p90HoursToOutcome: r.p90_hours,
    promisesKept: r.kept,
    promisesBroken: r.broken,
    updatesSent: r.updates,
    overdueNow: r.overdue,
    statusInquiries: r.inquiries,
    averageRating: r.rating,
  };
}

/**
 * The follow-up report (principle 8). Interviewed = applications with an interview closed in
 * [from, to); delivered = of those, the ones whose outcome follow-up is done (a touchpoint reached
 * the candidate). A promise is kept when done by its due time, broken when done late, extended by
 * an automatic update, or still open past due; promises superseded by a newer one, or ended by a
 * withdrawal, count as neither.
 */
export async function followUpReport(
  q: Queryable,
  orgId: string,
  f: ReportFilter,
  group: ReportGroup,
): Promise<ReportRow[]> {
  const keyExpr = REPORT_KEY_SQL[group];
  await planForTheseParameters(q);
  const rows = await q.query<Row>(`${REPORT_COHORT_SQL}${keyExpr}${REPORT_MEASURES_SQL}${REPORT_ROWS_SQL}`, [
    orgId,
    f.from,
    f.to,
    f.now,
    f.jobId ?? null,
    f.ownerId ?? null,
    group,
  ]);
  return rows.map(toReportRow);
}
