import type { Queryable } from '../db/db.ts';
import { keysetPage, type KeysetPage } from '../db/sql.ts';
import type { Interview, InterviewPromise } from '../domain/model.ts';
import type { PromiseWarning } from '../domain/promise.ts';

interface InterviewRow {
  id: string;
  org_id: string;
  application_id: string;
  title: string;
  scheduled_at: Date | null;
  ends_at: Date | null;
  closed_at: Date | null;
  promise_statement: string | null;
  promise_due_at: Date | null;
  promise_owner_id: string | null;
  promise_resolution: InterviewPromise['resolution'] | null;
  promise_rule: string | null;
  promise_warnings: string[];
  created_at: Date;
  location: string;
  cancelled_at: Date | null;
  ics_sequence: number;
  invitations_sent: boolean;
  external_id: string | null;
  interviewer_ids: string[] | null;
}

const toInterview = (r: InterviewRow): Interview => ({
  id: r.id,
  orgId: r.org_id,
  applicationId: r.application_id,
  title: r.title,
  scheduledAt: r.scheduled_at,
  endsAt: r.ends_at,
  closedAt: r.closed_at,
  interviewerIds: r.interviewer_ids ?? [],
  promise:
    r.promise_due_at && r.promise_owner_id && r.promise_resolution
      ? {
          statement: r.promise_statement ?? '',
          dueAt: r.promise_due_at,
          ownerId: r.promise_owner_id,
          resolution: r.promise_resolution,
          rule: r.promise_rule ?? '',
          warnings: r.promise_warnings as PromiseWarning[],
        }
      : null,
  location: r.location,
  cancelledAt: r.cancelled_at,
  icsSequence: r.ics_sequence,
  invitationsSent: r.invitations_sent,
  externalId: r.external_id,
  createdAt: r.created_at,
});

const SELECT_INTERVIEW = `
  SELECT i.*,
         (SELECT coalesce(array_agg(ii.member_id ORDER BY ii.member_id), '{}')
            FROM interview_interviewers ii
           WHERE ii.org_id = i.org_id AND ii.interview_id = i.id) AS interviewer_ids
    FROM interviews i`;

/** Insert an interview with its interviewers. */
export async function insertInterview(
  q: Queryable,
  i: Pick<
    Interview,
    'orgId' | 'applicationId' | 'title' | 'scheduledAt' | 'endsAt' | 'interviewerIds' | 'createdAt'
  > & { location?: string },
): Promise<Interview> {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO interviews (org_id, application_id, title, scheduled_at, ends_at, location, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [i.orgId, i.applicationId, i.title, i.scheduledAt, i.endsAt, i.location ?? '', i.createdAt],
  );
  const id = row!.id;
  if (i.interviewerIds.length > 0) {
    await q.query(
      `INSERT INTO interview_interviewers (org_id, interview_id, member_id)
       SELECT $1, $2, m FROM unnest($3::uuid[]) AS m ON CONFLICT DO NOTHING`,
      [i.orgId, id, i.interviewerIds],
    );
  }
  return (await findInterview(q, i.orgId, id))!;
}

/** The interview with this id in this organization; `forUpdate` locks the row. */
export async function findInterview(
  q: Queryable,
  orgId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Interview | null> {
  const [row] = await q.query<InterviewRow>(
    `${SELECT_INTERVIEW} WHERE i.org_id = $1 AND i.id = $2${options.forUpdate ? ' FOR UPDATE OF i' : ''}`,
    [orgId, id],
  );
  return row ? toInterview(row) : null;
}

/** An application's interviews, oldest first. */
export async function listInterviewsOfApplication(
  q: Queryable,
  orgId: string,
  applicationId: string,
  page?: KeysetPage,
): Promise<Interview[]> {
  const k = keysetPage(page, { by: 'i.created_at', id: 'i.id', firstParam: 3 });
  const rows = await q.query<InterviewRow>(
    `${SELECT_INTERVIEW} WHERE i.org_id = $1 AND i.application_id = $2
        AND ${k.where}
      ${k.orderLimit}`,
    [orgId, applicationId, ...k.params],
  );
  return rows.map(toInterview);
}

/**
 * The organization's interviews, oldest first, a page at a time (the export): optionally only
 * those of one application, or only closed / only open ones.
 */
export async function listInterviewsOfOrganization(
  q: Queryable,
  orgId: string,
  filter: { applicationId?: string | undefined; closed?: boolean | undefined },
  page: KeysetPage,
): Promise<Interview[]> {
  const k = keysetPage(page, { by: 'i.created_at', id: 'i.id', firstParam: 4 });
  const rows = await q.query<InterviewRow>(
    `${SELECT_INTERVIEW} WHERE i.org_id = $1
        AND ($2::uuid IS NULL OR i.application_id = $2)
        AND ($3::boolean IS NULL OR (i.closed_at IS NOT NULL) = $3)
        AND ${k.where}
      ${k.orderLimit}`,
    [orgId, filter.applicationId ?? null, filter.closed ?? null, ...k.params],
  );
  return rows.map(toInterview);
}

/** Record the close of an interview and the promise made at it. */
export async function closeInterviewRow(
  q: Queryable,
  orgId: string,
  id: string,
  closedAt: Date,
  promise: InterviewPromise,
): Promise<Interview | null> {
  const rows = await q.query<InterviewRow>(
    `UPDATE interviews
        SET closed_at = $3, promise_statement = $4, promise_due_at = $5, promise_owner_id = $6,
            promise_resolution = $7, promise_rule = $8, promise_warnings = $9
      WHERE org_id = $1 AND id = $2
      RETURNING interviews.*,
                (SELECT coalesce(array_agg(ii.member_id ORDER BY ii.member_id), '{}')
                   FROM interview_interviewers ii
                  WHERE ii.org_id = interviews.org_id AND ii.interview_id = interviews.id) AS interviewer_ids`,
    [
      orgId,
      id,
      closedAt,
      promise.statement,
      promise.dueAt,
      promise.ownerId,
      promise.resolution,
      promise.rule,
      promise.warnings,
    ],
  );
  return rows.length === 1 ? toInterview(rows[0]!) : null;
}

/** Move an interview (time, title, place, interviewers); raises the calendar SEQUENCE. */
export async function rescheduleInterviewRow(
  q: Queryable,
  orgId: string,
  id: string,
  patch: {
    title: string;
    scheduledAt: Date | null;
    endsAt: Date | null;
    location: string;
    interviewerIds: string[];
  },
  at: Date,
): Promise<Interview> {
  await q.query(
    `UPDATE interviews SET title = $3, scheduled_at = $4, ends_at = $5, location = $6,
                           ics_sequence = ics_sequence + 1, updated_at = $7
      WHERE org_id = $1 AND id = $2`,
    [orgId, id, patch.title, patch.scheduledAt, patch.endsAt, patch.location, at],
  );
  await q.query(
    `DELETE FROM interview_interviewers WHERE org_id = $1 AND interview_id = $2 AND NOT (member_id = ANY($3::uuid[]))`,
    [orgId, id, patch.interviewerIds],
  );
  await q.query(
    `INSERT INTO interview_interviewers (org_id, interview_id, member_id)
     SELECT $1, $2, m FROM unnest($3::uuid[]) AS m ON CONFLICT DO NOTHING`,
    [orgId, id, patch.interviewerIds],
  );
  return (await findInterview(q, orgId, id))!;
}

/** Cancel an interview; raises the calendar SEQUENCE. */
export async function cancelInterviewRow(
  q: Queryable,
  orgId: string,
  id: string,
  at: Date,
): Promise<Interview> {
  await q.query(
    `UPDATE interviews SET cancelled_at = $3, ics_sequence = ics_sequence + 1, updated_at = $3
      WHERE org_id = $1 AND id = $2`,
    [orgId, id, at],
  );
  return (await findInterview(q, orgId, id))!;
}

/** Remember that invitations went out (so later changes send updates). */
export async function markInvitationsSent(q: Queryable, orgId: string, id: string): Promise<void> {
  await q.query(`UPDATE interviews SET invitations_sent = true WHERE org_id = $1 AND id = $2`, [orgId, id]);
}

/** A member's interviews in a window (as interviewer), for their calendar feed. */
export async function listInterviewsOfMember(
  q: Queryable,
  orgId: string,
  memberId: string,
  from: Date,
  to: Date,
): Promise<(Interview & { candidateName: string; jobTitle: string })[]> {
  const rows = await q.query<InterviewRow & { candidate_name: string; job_title: string }>(
    `${SELECT_INTERVIEW.replace(
      'FROM interviews i',
      `FROM interviews i
       JOIN applications a ON a.org_id = i.org_id AND a.id = i.application_id
       JOIN candidates c ON c.org_id = a.org_id AND c.id = a.candidate_id
       JOIN jobs j ON j.org_id = a.org_id AND j.id = a.job_id`,
    ).replace('SELECT i.*,', 'SELECT i.*, c.name AS candidate_name, j.title AS job_title,')}
      WHERE i.org_id = $1 AND i.scheduled_at >= $3 AND i.scheduled_at < $4
        AND EXISTS (SELECT 1 FROM interview_interviewers ii
                     WHERE ii.org_id = i.org_id AND ii.interview_id = i.id AND ii.member_id = $2)
      ORDER BY i.scheduled_at, i.id LIMIT 500`,
    [orgId, memberId, from, to],
  );
  return rows.map((r) => ({ ...toInterview(r), candidateName: r.candidate_name, jobTitle: r.job_title }));
}
