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

/** The grouping key of each report row, as an SQL expression over the cohort `c`. */
const REPORT_KEY_SQL: Record<ReportGroup, string> = {
  none: `NULL::text`,
  job: `c.job_id::text`,
  owner: `c.owner_id::text`,
  week: `to_char(date_trunc('week', c.first_closed), 'YYYY-MM-DD')`,
  month: `to_char(date_trunc('month', c.first_closed), 'YYYY-MM')`,
};

/**
 * The report's cohort: one row per application first interviewed in the period, with its outcome,
 * its owner and its promises.
 *
 * The shape is for ten times the data (BENCHMARKS.md, F13). Every input is read in application
 * order from an index that holds what the report needs (migrations 0028 and 0029), so the joins
 * merge ordered streams and each aggregate takes its rows already grouped: no cohort is hashed,
 * sorted or written to disk on the way. Updates, inquiries and ratings are counted per application
 * before they meet the cohort, so the cohort is read once (it was materialized and read four
 * times, and a year's report of the largest organization sorted and hashed 554,325 rows in each).
 */
const REPORT_COHORT_SQL = `WITH cohort AS (
       SELECT a.id AS application_id, a.job_id, min(fi.first_closed) AS first_closed,
              min(f.done_at) FILTER (WHERE f.status = 'done') AS delivered_at,
              (array_agg(f.owner_id ORDER BY f.created_at DESC))[1] AS owner_id,
              -- Promises are the candidate's: kept and broken go by what they were promised
              -- (promised_due_at when a decision pulled the team's due time forward); overdue by the team's.
              count(*) FILTER (WHERE f.status = 'done' AND f.done_at <= coalesce(f.promised_due_at, f.due_at)) AS kept,
              count(*) FILTER (WHERE (f.status = 'done' AND f.done_at > coalesce(f.promised_due_at, f.due_at))
                                  OR (f.status = 'cancelled' AND f.cancel_reason = 'extended')
                                  OR (f.status = 'open' AND coalesce(f.promised_due_at, f.due_at) < $4)) AS broken,
              count(*) FILTER (WHERE f.status = 'open' AND f.due_at < $4) AS overdue
         FROM (SELECT i.application_id, min(i.closed_at) AS first_closed
                 FROM interviews i
                WHERE i.org_id = $1 AND i.closed_at >= $2 AND i.closed_at < $3
                  -- Interviews at a client (agency submissions) owe no outcome from the team; the desk tracks them.
                  AND i.submission_id IS NULL
                GROUP BY i.application_id) fi
         JOIN applications a ON a.org_id = $1 AND a.id = fi.application_id
         LEFT JOIN follow_ups f ON f.org_id = $1 AND f.application_id = a.id AND f.kind = 'outcome'
        GROUP BY a.id
     ),
     base AS (
       SELECT `;

/** Each application's measures after its key, then the per-group totals. */
const REPORT_MEASURES_SQL = ` AS key, c.first_closed, c.delivered_at, c.kept, c.broken, c.overdue,
              u.n AS updates, t.n AS inquiries, r.total AS rating_total, r.n AS ratings
         FROM cohort c
         LEFT JOIN (SELECT m.application_id, count(*) AS n FROM messages m
                     WHERE m.org_id = $1 AND m.kind = 'update' AND m.status = 'sent'
                     GROUP BY m.application_id) u ON u.application_id = c.application_id
         LEFT JOIN (SELECT t.application_id, count(*) AS n FROM touchpoints t
                     WHERE t.org_id = $1 AND t.kind = 'check_in' AND t.from_party = 'candidate'
                     GROUP BY t.application_id) t ON t.application_id = c.application_id
         LEFT JOIN (SELECT r.application_id, sum(r.rating) AS total, count(*) AS n FROM candidate_ratings r
                     WHERE r.org_id = $1
                     GROUP BY r.application_id) r ON r.application_id = c.application_id
        WHERE ($5::uuid IS NULL OR c.job_id = $5) AND ($6::uuid IS NULL OR c.owner_id = $6)
     ),
     totals AS (
       SELECT key, count(*)::int AS interviewed, count(delivered_at)::int AS delivered,
              (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - first_closed) / 3600))::float8 AS median_hours,
              (percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - first_closed) / 3600))::float8 AS p90_hours,
              coalesce(sum(kept), 0)::int AS kept, coalesce(sum(broken), 0)::int AS broken,
              coalesce(sum(overdue), 0)::int AS overdue, coalesce(sum(updates), 0)::int AS updates,
              coalesce(sum(inquiries), 0)::int AS inquiries,
              -- The mean of every rating of the group's applications, as avg() over them gives it.
              (sum(rating_total)::numeric / nullif(sum(ratings), 0))::float8 AS rating
         FROM base GROUP BY key
     )
`;

/** One row per group, labelled. */
const REPORT_ROWS_SQL = `     SELECT t.key,
            -- Compare ids, not text: id::text cannot use the primary key, and with thousands of jobs
            -- the labels alone took three seconds (F4). The key is a uuid in these two branches.
            CASE WHEN $7 = 'job' THEN (SELECT j.title FROM jobs j WHERE j.org_id = $1 AND j.id = t.key::uuid)
                 WHEN $7 = 'owner' THEN (SELECT m.name FROM members m WHERE m.org_id = $1 AND m.id = t.key::uuid)
                 ELSE t.key END AS label,
            t.interviewed, t.delivered, t.median_hours, t.p90_hours,
            t.kept, t.broken, t.updates, t.overdue, t.inquiries, t.rating
       FROM totals t
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
