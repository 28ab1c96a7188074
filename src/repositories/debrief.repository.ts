/**
 * SQL of the candidate side of the agency desk: interviews at the client (rows of `interviews`
 * with their submission and the client's interviewers), debriefs, and what a nudge draft reads.
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/db.ts';
import type { ClientLogChannel } from '../domain/agency.ts';
import type { FollowUpKind, Party } from '../domain/follow-up.ts';
import type { InterviewPromise } from '../domain/model.ts';

// Rows come back snake_case; these records map one-to-one to camelCase fields.
const camel = <T>(row: Record<string, unknown>): T =>
  Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase()), v]),
  ) as T;

/** An interview at the client, as the desk shows it. */
export interface ClientInterview {
  id: string;
  orgId: string;
  submissionId: string;
  applicationId: string;
  title: string;
  /** When it took place. */
  at: Date;
  /** The client's people (names, not members). */
  interviewers: string[];
  /** When it was recorded (the interview's close). */
  closedAt: Date;
  promise: InterviewPromise;
  createdAt: Date;
}

interface ClientInterviewRow {
  id: string;
  org_id: string;
  submission_id: string;
  application_id: string;
  title: string;
  scheduled_at: Date;
  client_interviewers: string[];
  closed_at: Date;
  promise_statement: string;
  promise_due_at: Date;
  promise_owner_id: string;
  promise_resolution: InterviewPromise['resolution'];
  promise_rule: string;
  promise_warnings: string[];
  created_at: Date;
}

const toClientInterview = (r: ClientInterviewRow): ClientInterview => ({
  id: r.id,
  orgId: r.org_id,
  submissionId: r.submission_id,
  applicationId: r.application_id,
  title: r.title,
  at: r.scheduled_at,
  interviewers: r.client_interviewers,
  closedAt: r.closed_at,
  promise: {
    statement: r.promise_statement,
    dueAt: r.promise_due_at,
    ownerId: r.promise_owner_id,
    resolution: r.promise_resolution,
    rule: r.promise_rule,
    warnings: r.promise_warnings as InterviewPromise['warnings'],
  },
  createdAt: r.created_at,
});

/** Record an interview at the client, closed at once with the client's promise. */
export async function insertClientInterview(
  q: Queryable,
  i: Omit<ClientInterview, 'id'>,
): Promise<ClientInterview> {
  const [row] = await q.query<ClientInterviewRow>(
    `INSERT INTO interviews (org_id, application_id, submission_id, title, scheduled_at, ends_at, client_interviewers,
                             closed_at, promise_statement, promise_due_at, promise_owner_id, promise_resolution,
                             promise_rule, promise_warnings, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)
     RETURNING *`,
    [
      i.orgId,
      i.applicationId,
      i.submissionId,
      i.title,
      i.at,
      i.interviewers,
      i.closedAt,
      i.promise.statement,
      i.promise.dueAt,
      i.promise.ownerId,
      i.promise.resolution,
      i.promise.rule,
      i.promise.warnings,
      i.createdAt,
    ],
  );
  return toClientInterview(row!);
}

/** The interviews at the client of a submission, oldest first. */
export async function listClientInterviews(
  q: Queryable,
  orgId: string,
  submissionId: string,
): Promise<ClientInterview[]> {
  const rows = await q.query<ClientInterviewRow>(
    `SELECT * FROM interviews WHERE org_id = $1 AND submission_id = $2 ORDER BY scheduled_at, id`,
    [orgId, submissionId],
  );
  return rows.map(toClientInterview);
}

/** A follow-up the candidate side opens, tied to an interview at the client when there is one. */
export interface NewCandidateSideFollowUp {
  orgId: string;
  applicationId: string;
  submissionId: string;
  interviewId: string | null;
  clientContactId: string | null;
  kind: FollowUpKind;
  owedBy: Party;
  owedTo: Party;
  ownerId: string;
  dueAt: Date;
  createdAt: Date;
}

/** Open an owned follow-up; its first ladder step is at its due time. */
export async function insertCandidateSideFollowUp(
  q: Queryable,
  f: NewCandidateSideFollowUp,
): Promise<{ id: string; dueAt: Date }> {
  const [row] = await q.query<{ id: string; due_at: Date }>(
    `INSERT INTO follow_ups (id, org_id, application_id, submission_id, interview_id, client_contact_id, kind,
                             owed_by, owed_to, owner_id, due_at, next_action_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12, $12) RETURNING id, due_at`,
    [
      randomUUID(),
      f.orgId,
      f.applicationId,
      f.submissionId,
      f.interviewId,
      f.clientContactId,
      f.kind,
      f.owedBy,
      f.owedTo,
      f.ownerId,
      f.dueAt,
      f.createdAt,
    ],
  );
  return { id: row!.id, dueAt: row!.due_at };
}

/** Lock the open follow-ups of a submission of one kind (of one interview, when given). */
export async function lockOpenFollowUpsOf(
  q: Queryable,
  orgId: string,
  submissionId: string,
  kind: FollowUpKind,
  interviewId: string | null = null,
): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    `SELECT id FROM follow_ups
      WHERE org_id = $1 AND submission_id = $2 AND kind = $3 AND status = 'open'
        AND ($4::uuid IS NULL OR interview_id = $4)
      FOR UPDATE`,
    [orgId, submissionId, kind, interviewId],
  );
  return rows.map((r) => r.id);
}

/** The id of an open follow-up of the submission owed to its candidate, locked; null when there is none. */
export async function lockOpenCandidateFollowUp(
  q: Queryable,
  orgId: string,
  submissionId: string,
  id: string,
): Promise<string | null> {
  const [row] = await q.query<{ id: string }>(
    `SELECT id FROM follow_ups
      WHERE org_id = $1 AND submission_id = $2 AND id = $3 AND status = 'open' AND owed_to = 'candidate'
      FOR UPDATE`,
    [orgId, submissionId, id],
  );
  return row?.id ?? null;
}

/** A debrief with the candidate after an interview at the client. */
export interface Debrief {
  id: string;
  orgId: string;
  submissionId: string;
  interviewId: string;
  memberId: string;
  touchpointId: string;
  channel: ClientLogChannel;
  impressions: string;
  surprises: string;
  interestLevel: number;
  nextSteps: string;
  questionsForClient: string;
  mayMentionOtherProcesses: boolean;
  availability: string;
  occurredAt: Date;
  nextContactAt: Date | null;
  noNextContactReason: string | null;
  nextFollowUpId: string | null;
  createdAt: Date;
}

/** Record a debrief. */
export async function insertDebrief(q: Queryable, d: Omit<Debrief, 'id'>): Promise<Debrief> {
  const [row] = await q.query(
    `INSERT INTO debriefs (org_id, submission_id, interview_id, member_id, touchpoint_id, channel, impressions,
                           surprises, interest_level, next_steps, questions_for_client, may_mention_other_processes,
                           availability, occurred_at, next_contact_at, no_next_contact_reason, next_follow_up_id,
                           created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
     RETURNING *`,
    [
      d.orgId,
      d.submissionId,
      d.interviewId,
      d.memberId,
      d.touchpointId,
      d.channel,
      d.impressions,
      d.surprises,
      d.interestLevel,
      d.nextSteps,
      d.questionsForClient,
      d.mayMentionOtherProcesses,
      d.availability,
      d.occurredAt,
      d.nextContactAt,
      d.noNextContactReason,
      d.nextFollowUpId,
      d.createdAt,
    ],
  );
  return camel<Debrief>(row!);
}

/** The debriefs of a submission, newest first, at most `limit`. */
export async function listDebriefs(
  q: Queryable,
  orgId: string,
  submissionId: string,
  limit: number,
): Promise<Debrief[]> {
  const rows = await q.query(
    `SELECT * FROM debriefs WHERE org_id = $1 AND submission_id = $2 ORDER BY occurred_at DESC, id LIMIT $3`,
    [orgId, submissionId, limit],
  );
  return rows.map((r) => camel<Debrief>(r));
}

/** The last logged contact with a client contact, if any. */
export async function lastClientContactAt(
  q: Queryable,
  orgId: string,
  contactId: string,
): Promise<Date | null> {
  const [row] = await q.query<{ at: Date | null }>(
    `SELECT max(occurred_at) AS at FROM client_contact_logs WHERE org_id = $1 AND contact_id = $2`,
    [orgId, contactId],
  );
  return row?.at ?? null;
}

/**
 * The candidate's other interviews (at other clients, or in the organization's own jobs) since
 * `since`, and their other submissions offered since then — never which client.
 */
export async function listOtherProcesses(
  q: Queryable,
  orgId: string,
  candidateId: string,
  excludeApplicationId: string,
  since: Date,
): Promise<{ kind: 'interview' | 'offer'; at: Date }[]> {
  const rows = await q.query<{ kind: 'interview' | 'offer'; at: Date }>(
    `SELECT 'interview' AS kind, coalesce(i.ends_at, i.closed_at) AS at
       FROM interviews i JOIN applications a ON a.org_id = i.org_id AND a.id = i.application_id
      WHERE i.org_id = $1 AND a.candidate_id = $2 AND a.id <> $3 AND i.cancelled_at IS NULL
        AND i.closed_at IS NOT NULL AND coalesce(i.ends_at, i.closed_at) > $4
     UNION ALL
     SELECT 'offer' AS kind, s.updated_at AS at
       FROM submissions s
      WHERE s.org_id = $1 AND s.candidate_id = $2 AND s.application_id <> $3 AND s.stage IN ('offered', 'placed')
        AND s.updated_at > $4
     ORDER BY at`,
    [orgId, candidateId, excludeApplicationId, since],
  );
  return rows;
}

/** How many other candidates were submitted to a job since `since`. */
export async function countNewSubmissionsToJob(
  q: Queryable,
  orgId: string,
  jobId: string,
  excludeSubmissionId: string,
  since: Date,
): Promise<number> {
  const [row] = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM submissions
      WHERE org_id = $1 AND job_id = $2 AND id <> $3 AND submitted_at > $4 AND stage NOT IN ('declined', 'withdrawn')`,
    [orgId, jobId, excludeSubmissionId, since],
  );
  return row?.n ?? 0;
}

/** The submission a follow-up is about, for the sweep (system role, inside the tenant). */
export async function findFollowUpSubmission(
  q: Queryable,
  orgId: string,
  followUpId: string,
): Promise<{ submissionId: string; applicationId: string; candidateTimeZone: string | null } | null> {
  const [row] = await q.query<{ submission_id: string; application_id: string; time_zone: string | null }>(
    `SELECT s.id AS submission_id, s.application_id, c.time_zone
       FROM follow_ups f
       JOIN submissions s ON s.org_id = f.org_id AND s.id = f.submission_id
       JOIN candidates c ON c.org_id = s.org_id AND c.id = s.candidate_id
      WHERE f.org_id = $1 AND f.id = $2`,
    [orgId, followUpId],
  );
  return row
    ? { submissionId: row.submission_id, applicationId: row.application_id, candidateTimeZone: row.time_zone }
    : null;
}

/** Whether a submission has an open follow-up of `kind` owed to the candidate, due by `dueBy`. */
export async function hasOpenCandidateFollowUp(
  q: Queryable,
  orgId: string,
  submissionId: string,
  kind: FollowUpKind,
  dueBy: Date,
): Promise<boolean> {
  const rows = await q.query(
    `SELECT 1 FROM follow_ups
      WHERE org_id = $1 AND submission_id = $2 AND kind = $3 AND owed_to = 'candidate' AND status = 'open'
        AND due_at <= $4
      LIMIT 1`,
    [orgId, submissionId, kind, dueBy],
  );
  return rows.length > 0;
}
