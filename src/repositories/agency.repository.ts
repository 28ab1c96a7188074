/**
 * SQL of the agency desk: clients, their contacts, job orders, submissions, logged client contacts
 * and the follow-ups that hang off them. Every statement filters by org_id (row-level security
 * does too).
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/db.ts';
import { isUniqueViolation, keysetPage, patchSet, type KeysetPage } from '../db/sql.ts';
import { errors } from '../errors.ts';
import type { ClientLogChannel, ContactChannel, SubmissionStage } from '../domain/agency.ts';
import type { FollowUpKind, Party } from '../domain/follow-up.ts';
import type { Job } from '../domain/model.ts';

/** A client company of an agency, with the terms it agreed. */
export interface Client {
  id: string;
  orgId: string;
  name: string;
  feedbackDaysAfterSubmission: number;
  feedbackDaysAfterInterview: number;
  updateCadenceDays: number;
  guaranteeDays: number;
  /** How long a submission keeps the candidate the agency's at this client (calendar days). */
  ownershipDays: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A hiring authority at a client. */
export interface ClientContact {
  id: string;
  orgId: string;
  clientId: string;
  name: string;
  title: string;
  email: string | null;
  phone: string | null;
  preferredChannel: ContactChannel;
  timeZone: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A candidate sent to a client's job. */
export interface Submission {
  id: string;
  orgId: string;
  clientId: string;
  jobId: string;
  candidateId: string;
  applicationId: string;
  contactId: string;
  recruiterId: string;
  pitch: string;
  consentAt: Date;
  consentNote: string;
  stage: SubmissionStage;
  declinedBy: 'client' | 'candidate' | null;
  declineReason: string | null;
  submittedAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

/** A logged contact with a client contact, and the next one it set. */
export interface ClientContactLog {
  id: string;
  orgId: string;
  contactId: string;
  submissionId: string | null;
  memberId: string;
  channel: ClientLogChannel;
  direction: 'inbound' | 'outbound';
  summary: string;
  occurredAt: Date;
  nextContactAt: Date | null;
  noNextContactReason: string | null;
  nextFollowUpId: string | null;
  createdAt: Date;
}

// Rows come back snake_case; the agency's records map one-to-one to camelCase fields.
const camel = <T>(row: Record<string, unknown>): T =>
  Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), v]),
  ) as T;

// ---- clients

/** Insert a client. */
export async function insertClient(q: Queryable, c: Omit<Client, 'id' | 'updatedAt'>): Promise<Client> {
  const [row] = await q.query(
    `INSERT INTO clients (org_id, name, feedback_days_after_submission, feedback_days_after_interview,
                          update_cadence_days, guarantee_days, created_at, updated_at, ownership_days)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8) RETURNING *`,
    [
      c.orgId,
      c.name,
      c.feedbackDaysAfterSubmission,
      c.feedbackDaysAfterInterview,
      c.updateCadenceDays,
      c.guaranteeDays,
      c.createdAt,
      c.ownershipDays,
    ],
  );
  return camel<Client>(row!);
}

/** The client with this id in this organization. */
export async function findClient(q: Queryable, orgId: string, id: string): Promise<Client | null> {
  const [row] = await q.query(`SELECT * FROM clients WHERE org_id = $1 AND id = $2`, [orgId, id]);
  return row ? camel<Client>(row) : null;
}

/** Clients in creation order after a keyset position. */
export async function listClients(q: Queryable, orgId: string, page: KeysetPage): Promise<Client[]> {
  const k = keysetPage(page, { by: 'created_at', firstParam: 2 });
  const rows = await q.query(`SELECT * FROM clients WHERE org_id = $1 AND ${k.where} ${k.orderLimit}`, [
    orgId,
    ...k.params,
  ]);
  return rows.map((r) => camel<Client>(r));
}

// The client fields a patch may change, and their columns.
const CLIENT_COLUMNS = {
  name: 'name',
  feedbackDaysAfterSubmission: 'feedback_days_after_submission',
  feedbackDaysAfterInterview: 'feedback_days_after_interview',
  updateCadenceDays: 'update_cadence_days',
  guaranteeDays: 'guarantee_days',
  ownershipDays: 'ownership_days',
};

/** Apply a patch to a client. */
export async function updateClient(
  q: Queryable,
  orgId: string,
  id: string,
  patch: Partial<Omit<Client, 'id' | 'orgId' | 'createdAt' | 'updatedAt'>>,
  at: Date,
): Promise<Client | null> {
  const set = patchSet(patch, CLIENT_COLUMNS, at);
  const [row] = await q.query(`UPDATE clients SET ${set.sql} WHERE org_id = $1 AND id = $2 RETURNING *`, [
    orgId,
    id,
    ...set.params,
  ]);
  return row ? camel<Client>(row) : null;
}

// ---- contacts

/** Insert a client contact. */
export async function insertClientContact(
  q: Queryable,
  c: Omit<ClientContact, 'id' | 'updatedAt'>,
): Promise<ClientContact> {
  const [row] = await q.query(
    `INSERT INTO client_contacts (org_id, client_id, name, title, email, phone, preferred_channel, time_zone,
                                  created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING *`,
    [c.orgId, c.clientId, c.name, c.title, c.email, c.phone, c.preferredChannel, c.timeZone, c.createdAt],
  );
  return camel<ClientContact>(row!);
}

/** The contact with this id in this organization. */
export async function findClientContact(
  q: Queryable,
  orgId: string,
  id: string,
): Promise<ClientContact | null> {
  const [row] = await q.query(`SELECT * FROM client_contacts WHERE org_id = $1 AND id = $2`, [orgId, id]);
  return row ? camel<ClientContact>(row) : null;
}

/** A client's contacts (or every client's, when `clientId` is null), in creation order. */
export async function listClientContacts(
  q: Queryable,
  orgId: string,
  clientId: string | null,
  page: KeysetPage,
): Promise<ClientContact[]> {
  const k = keysetPage(page, { by: 'created_at', firstParam: 2 });
  const rows = await q.query(
    `SELECT * FROM client_contacts
      WHERE org_id = $1 AND ($5::uuid IS NULL OR client_id = $5) AND ${k.where}
      ${k.orderLimit}`,
    [orgId, ...k.params, clientId],
  );
  return rows.map((r) => camel<ClientContact>(r));
}

// The contact fields a patch may change, and their columns.
const CONTACT_COLUMNS = {
  name: 'name',
  title: 'title',
  email: 'email',
  phone: 'phone',
  preferredChannel: 'preferred_channel',
  timeZone: 'time_zone',
};

/** Apply a patch to a contact. */
export async function updateClientContact(
  q: Queryable,
  orgId: string,
  id: string,
  patch: Partial<Pick<ClientContact, 'name' | 'title' | 'email' | 'phone' | 'preferredChannel' | 'timeZone'>>,
  at: Date,
): Promise<ClientContact | null> {
  const set = patchSet(patch, CONTACT_COLUMNS, at);
  const [row] = await q.query(
    `UPDATE client_contacts SET ${set.sql} WHERE org_id = $1 AND id = $2 RETURNING *`,
    [orgId, id, ...set.params],
  );
  return row ? camel<ClientContact>(row) : null;
}

// ---- job orders

/** A job order: a job of a client, with its hiring authority. */
export interface JobOrder {
  id: string;
  clientId: string;
  hiringAuthorityId: string | null;
  title: string;
  roleKind: Job['roleKind'];
  status: Job['status'];
  recruiterId: string | null;
  createdAt: Date;
}

/** Open a job for a client. */
export async function insertJobOrder(
  q: Queryable,
  orgId: string,
  j: Omit<JobOrder, 'id' | 'status'>,
): Promise<JobOrder> {
  const [row] = await q.query(
    `INSERT INTO jobs (org_id, title, role_kind, status, recruiter_id, client_id, hiring_authority_id,
                       created_at, updated_at)
     VALUES ($1, $2, $3, 'open', $4, $5, $6, $7, $7)
     RETURNING id, client_id, hiring_authority_id, title, role_kind, status, recruiter_id, created_at`,
    [orgId, j.title, j.roleKind, j.recruiterId, j.clientId, j.hiringAuthorityId, j.createdAt],
  );
  return camel<JobOrder>(row!);
}

/** A job order by its job id (null when the job is not a client's). */
export async function findJobOrder(q: Queryable, orgId: string, jobId: string): Promise<JobOrder | null> {
  const [row] = await q.query(
    `SELECT id, client_id, hiring_authority_id, title, role_kind, status, recruiter_id, created_at
       FROM jobs WHERE org_id = $1 AND id = $2 AND client_id IS NOT NULL`,
    [orgId, jobId],
  );
  return row ? camel<JobOrder>(row) : null;
}

/** Every client's job orders (the desk), in creation order, at most `limit`. */
export async function listAllJobOrders(q: Queryable, orgId: string, limit: number): Promise<JobOrder[]> {
  const rows = await q.query(
    `SELECT id, client_id, hiring_authority_id, title, role_kind, status, recruiter_id, created_at
       FROM jobs WHERE org_id = $1 AND client_id IS NOT NULL ORDER BY created_at, id LIMIT $2`,
    [orgId, limit],
  );
  return rows.map((r) => camel<JobOrder>(r));
}

/** A client's job orders, in creation order. */
export async function listJobOrders(
  q: Queryable,
  orgId: string,
  clientId: string,
  page: KeysetPage,
): Promise<JobOrder[]> {
  const k = keysetPage(page, { by: 'created_at', firstParam: 2 });
  const rows = await q.query(
    `SELECT id, client_id, hiring_authority_id, title, role_kind, status, recruiter_id, created_at
       FROM jobs
      WHERE org_id = $1 AND client_id = $5 AND ${k.where}
      ${k.orderLimit}`,
    [orgId, ...k.params, clientId],
  );
  return rows.map((r) => camel<JobOrder>(r));
}

// ---- submissions

/** Insert a submission. */
export async function insertSubmission(
  q: Queryable,
  s: Omit<Submission, 'id' | 'updatedAt' | 'stage' | 'declinedBy' | 'declineReason'>,
): Promise<Submission> {
  let rows: Record<string, unknown>[];
  try {
    rows = await q.query(
      `INSERT INTO submissions (org_id, client_id, job_id, candidate_id, application_id, contact_id, recruiter_id,
                              pitch, consent_at, consent_note, submitted_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING *`,
      [
        s.orgId,
        s.clientId,
        s.jobId,
        s.candidateId,
        s.applicationId,
        s.contactId,
        s.recruiterId,
        s.pitch,
        s.consentAt,
        s.consentNote,
        s.submittedAt,
        s.createdAt,
      ],
    );
  } catch (error) {
    if (isUniqueViolation(error, 'submissions_once_per_client_idx')) {
      throw errors.conflict('This candidate was already submitted to this client.', { field: 'candidateId' });
    }
    throw error;
  }
  return camel<Submission>(rows[0]!);
}

/** The submission with this id; `forUpdate` locks it for the rest of the transaction. */
export async function findSubmission(
  q: Queryable,
  orgId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Submission | null> {
  const [row] = await q.query(
    `SELECT * FROM submissions WHERE org_id = $1 AND id = $2${options.forUpdate ? ' FOR UPDATE' : ''}`,
    [orgId, id],
  );
  return row ? camel<Submission>(row) : null;
}

/** The earlier submission of this candidate to this client, if any. */
export async function findSubmissionToClient(
  q: Queryable,
  orgId: string,
  clientId: string,
  candidateId: string,
): Promise<Submission | null> {
  const [row] = await q.query(
    `SELECT * FROM submissions WHERE org_id = $1 AND client_id = $2 AND candidate_id = $3`,
    [orgId, clientId, candidateId],
  );
  return row ? camel<Submission>(row) : null;
}

/** Submissions in creation order, optionally of one client or in one stage. */
export async function listSubmissions(
  q: Queryable,
  orgId: string,
  filter: { clientId?: string | undefined; stage?: SubmissionStage | undefined },
  page: KeysetPage,
): Promise<Submission[]> {
  const k = keysetPage(page, { by: 'created_at', firstParam: 2 });
  const rows = await q.query(
    `SELECT * FROM submissions
      WHERE org_id = $1 AND ($5::uuid IS NULL OR client_id = $5) AND ($6::text IS NULL OR stage = $6)
        AND ${k.where}
      ${k.orderLimit}`,
    [orgId, ...k.params, filter.clientId ?? null, filter.stage ?? null],
  );
  return rows.map((r) => camel<Submission>(r));
}

/** Move a submission to a stage (with who declined and why, for a decline). */
export async function updateSubmissionStage(
  q: Queryable,
  orgId: string,
  id: string,
  change: {
    stage: SubmissionStage;
    declinedBy?: 'client' | 'candidate' | null;
    declineReason?: string | null;
  },
  at: Date,
): Promise<Submission> {
  const [row] = await q.query(
    `UPDATE submissions SET stage = $3, declined_by = $4, decline_reason = $5, updated_at = $6
      WHERE org_id = $1 AND id = $2 RETURNING *`,
    [orgId, id, change.stage, change.declinedBy ?? null, change.declineReason ?? null, at],
  );
  return camel<Submission>(row!);
}

// ---- follow-ups of the desk

/** A follow-up the desk opens: about a submission (and its application) or a client contact. */
export interface NewDeskFollowUp {
  orgId: string;
  applicationId: string | null;
  submissionId: string | null;
  clientContactId: string | null;
  kind: FollowUpKind;
  owedBy: Party;
  owedTo: Party;
  ownerId: string;
  dueAt: Date;
  createdAt: Date;
}

/** Open a desk follow-up; its first ladder step is at its due time. */
export async function insertDeskFollowUp(
  q: Queryable,
  f: NewDeskFollowUp,
): Promise<{ id: string; dueAt: Date }> {
  const [row] = await q.query<{ id: string; due_at: Date }>(
    `INSERT INTO follow_ups (id, org_id, application_id, submission_id, client_contact_id, kind, owed_by, owed_to,
                             owner_id, due_at, next_action_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11, $11) RETURNING id, due_at`,
    [
      randomUUID(),
      f.orgId,
      f.applicationId,
      f.submissionId,
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

/** Lock and return the open follow-ups of a submission of one kind. */
export async function lockOpenSubmissionFollowUps(
  q: Queryable,
  orgId: string,
  submissionId: string,
  kind: FollowUpKind,
): Promise<{ id: string; dueAt: Date }[]> {
  const rows = await q.query<{ id: string; due_at: Date }>(
    `SELECT id, due_at FROM follow_ups
      WHERE org_id = $1 AND submission_id = $2 AND kind = $3 AND status = 'open' FOR UPDATE`,
    [orgId, submissionId, kind],
  );
  return rows.map((r) => ({ id: r.id, dueAt: r.due_at }));
}

/** Open next-contact follow-ups with a contact: the next contact was this one. */
export async function closeOpenNextContacts(
  q: Queryable,
  orgId: string,
  contactId: string,
  at: Date,
): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    `UPDATE follow_ups SET status = 'done', done_at = $3, next_action_at = NULL, updated_at = $3
      WHERE org_id = $1 AND client_contact_id = $2 AND kind = 'client_update' AND status = 'open'
      RETURNING id`,
    [orgId, contactId, at],
  );
  return rows.map((r) => r.id);
}

/** Mark desk follow-ups done (by a touchpoint when there is one). */
export async function closeDeskFollowUps(
  q: Queryable,
  orgId: string,
  ids: string[],
  touchpointId: string | null,
  at: Date,
): Promise<void> {
  if (ids.length === 0) return;
  await q.query(
    `UPDATE follow_ups SET status = 'done', done_at = $3, done_by_touchpoint_id = $4, next_action_at = NULL,
                           updated_at = $3
      WHERE org_id = $1 AND id = ANY($2::uuid[]) AND status = 'open'`,
    [orgId, ids, at, touchpointId],
  );
}

// ---- contact logs

/** Record a contact with a client contact. */
export async function insertClientContactLog(
  q: Queryable,
  l: Omit<ClientContactLog, 'id'>,
): Promise<ClientContactLog> {
  const [row] = await q.query(
    `INSERT INTO client_contact_logs (org_id, contact_id, submission_id, member_id, channel, direction, summary,
                                      occurred_at, next_contact_at, no_next_contact_reason, next_follow_up_id,
                                      created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING *`,
    [
      l.orgId,
      l.contactId,
      l.submissionId,
      l.memberId,
      l.channel,
      l.direction,
      l.summary,
      l.occurredAt,
      l.nextContactAt,
      l.noNextContactReason,
      l.nextFollowUpId,
      l.createdAt,
    ],
  );
  return camel<ClientContactLog>(row!);
}

// ---- the owned-follow-up sweep

/** An owned follow-up the sweep claimed, with what its messages name. */
export interface ClaimedOwnedFollowUp {
  id: string;
  orgId: string;
  kind: FollowUpKind;
  applicationId: string | null;
  ownerId: string;
  dueAt: Date;
  ladderSteps: number;
  escalationLevel: number;
  /** Who or what it is about, in words: a candidate at a job, or a client contact. */
  subject: string;
  /** The job's hiring manager, when it is about an application (escalations may go to them). */
  hiringManagerId: string | null;
}

/**
 * Claim open owned follow-ups of `kinds` whose next step is due, across organizations (system
 * role), locked for the caller's transaction; rows other workers hold are skipped.
 */
export async function claimDueOwnedFollowUps(
  q: Queryable,
  kinds: readonly FollowUpKind[],
  now: Date,
  limit: number,
  onlyOrgId: string | null,
): Promise<ClaimedOwnedFollowUp[]> {
  const rows = await q.query(
    `WITH due AS (
       SELECT f.org_id, f.id FROM follow_ups f
        WHERE f.status = 'open' AND f.kind <> 'outcome' AND f.owner_id IS NOT NULL
          AND f.kind = ANY($2::text[]) AND f.next_action_at <= $1
          AND ($4::uuid IS NULL OR f.org_id = $4)
          AND (f.snoozed_until IS NULL OR f.snoozed_until <= $1)
        ORDER BY f.next_action_at LIMIT $3
        FOR UPDATE OF f SKIP LOCKED)
     SELECT f.id, f.org_id, f.kind, f.application_id, f.owner_id, f.due_at, f.ladder_steps, f.escalation_level,
            coalesce(c.name || ' — ' || j.title, cc.name || ' (' || cl.name || ')', 'a follow-up') AS subject,
            j.hiring_manager_id
       FROM due JOIN follow_ups f ON f.org_id = due.org_id AND f.id = due.id
       LEFT JOIN applications a ON a.org_id = f.org_id AND a.id = f.application_id
       LEFT JOIN candidates c ON c.org_id = a.org_id AND c.id = a.candidate_id
       LEFT JOIN jobs j ON j.org_id = a.org_id AND j.id = a.job_id
       LEFT JOIN client_contacts cc ON cc.org_id = f.org_id AND cc.id = f.client_contact_id
       LEFT JOIN clients cl ON cl.org_id = cc.org_id AND cl.id = cc.client_id
      ORDER BY f.org_id, f.next_action_at`,
    [now, kinds, limit, onlyOrgId],
  );
  return rows.map((r) => camel<ClaimedOwnedFollowUp>(r));
}

/** Record where an owned follow-up's ladder stands. */
export async function updateOwnedLadder(
  q: Queryable,
  orgId: string,
  id: string,
  state: { ladderSteps: number; escalationLevel: number; remindedAt: Date | null; nextActionAt: Date | null },
  at: Date,
): Promise<void> {
  await q.query(
    `UPDATE follow_ups SET ladder_steps = $3, escalation_level = $4, reminded_at = coalesce($5, reminded_at),
                           next_action_at = $6, breached_at = coalesce(breached_at, due_at), updated_at = $7
      WHERE org_id = $1 AND id = $2`,
    [orgId, id, state.ladderSteps, state.escalationLevel, state.remindedAt, state.nextActionAt, at],
  );
}

// ---- the desk

/** An open follow-up owned by a member, as the desk lists it. */
export interface DeskFollowUp {
  id: string;
  kind: FollowUpKind;
  owedBy: Party;
  owedTo: Party;
  dueAt: Date;
  ladderSteps: number;
  escalationLevel: number;
  nextActionAt: Date | null;
  applicationId: string | null;
  submissionId: string | null;
  clientContactId: string | null;
  candidateName: string | null;
  jobTitle: string | null;
  contactName: string | null;
  clientName: string | null;
}

/** A member's open follow-ups, overdue first (oldest due first), at most `limit`. */
export async function listDeskFollowUps(
  q: Queryable,
  orgId: string,
  ownerId: string,
  limit: number,
): Promise<DeskFollowUp[]> {
  const rows = await q.query(
    `SELECT f.id, f.kind, f.owed_by, f.owed_to, f.due_at, f.ladder_steps, f.escalation_level, f.next_action_at,
            f.application_id, f.submission_id, f.client_contact_id,
            c.name AS candidate_name, j.title AS job_title,
            coalesce(cc.name, scc.name) AS contact_name, coalesce(cl.name, scl.name) AS client_name
       FROM follow_ups f
       LEFT JOIN applications a ON a.org_id = f.org_id AND a.id = f.application_id
       LEFT JOIN candidates c ON c.org_id = a.org_id AND c.id = a.candidate_id
       LEFT JOIN jobs j ON j.org_id = a.org_id AND j.id = a.job_id
       LEFT JOIN client_contacts cc ON cc.org_id = f.org_id AND cc.id = f.client_contact_id
       LEFT JOIN clients cl ON cl.org_id = cc.org_id AND cl.id = cc.client_id
       LEFT JOIN submissions s ON s.org_id = f.org_id AND s.id = f.submission_id
       LEFT JOIN client_contacts scc ON scc.org_id = s.org_id AND scc.id = s.contact_id
       LEFT JOIN clients scl ON scl.org_id = s.org_id AND scl.id = s.client_id
      WHERE f.org_id = $1 AND f.owner_id = $2 AND f.status = 'open'
      ORDER BY f.due_at, f.id LIMIT $3`,
    [orgId, ownerId, limit],
  );
  return rows.map((r) => camel<DeskFollowUp>(r));
}

/** A submission still waiting on its client: since when, and the agreed deadline. */
export interface WaitingSubmission {
  submissionId: string;
  stage: SubmissionStage;
  submittedAt: Date;
  candidateName: string;
  jobTitle: string;
  clientName: string;
  contactName: string;
  contactTimeZone: string | null;
  followUpId: string;
  feedbackDueAt: Date;
  ladderSteps: number;
}

/** Submissions with an open client-feedback follow-up, the longest waiting first. */
export async function listWaitingSubmissions(
  q: Queryable,
  orgId: string,
  limit: number,
): Promise<WaitingSubmission[]> {
  const rows = await q.query(
    `SELECT s.id AS submission_id, s.stage, s.submitted_at, c.name AS candidate_name, j.title AS job_title,
            cl.name AS client_name, cc.name AS contact_name, cc.time_zone AS contact_time_zone,
            f.id AS follow_up_id, f.due_at AS feedback_due_at, f.ladder_steps
       FROM follow_ups f
       JOIN submissions s ON s.org_id = f.org_id AND s.id = f.submission_id
       JOIN candidates c ON c.org_id = s.org_id AND c.id = s.candidate_id
       JOIN jobs j ON j.org_id = s.org_id AND j.id = s.job_id
       JOIN clients cl ON cl.org_id = s.org_id AND cl.id = s.client_id
       JOIN client_contacts cc ON cc.org_id = s.org_id AND cc.id = s.contact_id
      WHERE f.org_id = $1 AND f.kind = 'client_feedback' AND f.status = 'open'
      ORDER BY s.submitted_at, s.id LIMIT $2`,
    [orgId, limit],
  );
  return rows.map((r) => camel<WaitingSubmission>(r));
}

/** Cancel open desk follow-ups that are no longer owed (say, the submission ended). */
export async function cancelDeskFollowUps(
  q: Queryable,
  orgId: string,
  ids: string[],
  reason: string,
  at: Date,
): Promise<void> {
  if (ids.length === 0) return;
  await q.query(
    `UPDATE follow_ups SET status = 'cancelled', cancel_reason = $3, next_action_at = NULL, updated_at = $4
      WHERE org_id = $1 AND id = ANY($2::uuid[]) AND status = 'open'`,
    [orgId, ids, reason, at],
  );
}
