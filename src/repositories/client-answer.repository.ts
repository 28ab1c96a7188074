/**
 * SQL of the client's answer links (stored by the hash of their token) and of what the client's
 * page shows about its one submission.
 */
import type { Queryable } from '../db/db.ts';
import type { SubmissionStage } from '../domain/agency.ts';

/** A link to store, by the hash of its token. */
export interface NewClientAnswerLink {
  orgId: string;
  submissionId: string;
  tokenHash: string;
  createdAt: Date;
  expiresAt: Date;
}

/** A stored link and the stage of its submission. */
export interface ClientAnswerLink {
  id: string;
  orgId: string;
  submissionId: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  usedAt: Date | null;
  submissionStage: SubmissionStage;
}

interface LinkRow {
  id: string;
  org_id: string;
  submission_id: string;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  used_at: Date | null;
  stage: SubmissionStage;
}

const toLink = (r: LinkRow): ClientAnswerLink => ({
  id: r.id,
  orgId: r.org_id,
  submissionId: r.submission_id,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
  usedAt: r.used_at,
  submissionStage: r.stage,
});

/** Store a link by the hash of its token. */
export async function insertClientAnswerLink(q: Queryable, l: NewClientAnswerLink): Promise<void> {
  await q.query(
    `INSERT INTO client_answer_links (org_id, submission_id, token_hash, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [l.orgId, l.submissionId, l.tokenHash, l.createdAt, l.expiresAt],
  );
}

/** The link with this token hash, in any organization (the caller reads it in system scope). */
export async function findClientAnswerLinkByHash(
  q: Queryable,
  tokenHash: string,
): Promise<ClientAnswerLink | null> {
  const [row] = await q.query<LinkRow>(
    `SELECT l.id, l.org_id, l.submission_id, l.created_at, l.expires_at, l.revoked_at, l.used_at, s.stage
       FROM client_answer_links l
       JOIN submissions s ON s.org_id = l.org_id AND s.id = l.submission_id
      WHERE l.token_hash = $1`,
    [tokenHash],
  );
  return row ? toLink(row) : null;
}

/** The link with this id, locked for the rest of the transaction. */
export async function lockClientAnswerLink(
  q: Queryable,
  orgId: string,
  id: string,
): Promise<ClientAnswerLink | null> {
  const [row] = await q.query<LinkRow>(
    `SELECT l.id, l.org_id, l.submission_id, l.created_at, l.expires_at, l.revoked_at, l.used_at, s.stage
       FROM client_answer_links l
       JOIN submissions s ON s.org_id = l.org_id AND s.id = l.submission_id
      WHERE l.org_id = $1 AND l.id = $2
      FOR UPDATE OF l`,
    [orgId, id],
  );
  return row ? toLink(row) : null;
}

/** Mark a link used: it answered once. */
export async function markClientAnswerLinkUsed(
  q: Queryable,
  orgId: string,
  id: string,
  at: Date,
): Promise<void> {
  await q.query(`UPDATE client_answer_links SET used_at = $3 WHERE org_id = $1 AND id = $2`, [orgId, id, at]);
}

/** Revoke every link of a submission not yet revoked or used; how many. */
export async function revokeClientAnswerLinks(
  q: Queryable,
  orgId: string,
  submissionId: string,
  at: Date,
): Promise<number> {
  const rows = await q.query(
    `UPDATE client_answer_links SET revoked_at = $3
      WHERE org_id = $1 AND submission_id = $2 AND revoked_at IS NULL AND used_at IS NULL
      RETURNING id`,
    [orgId, submissionId, at],
  );
  return rows.length;
}

/** The submission of an application, if it is one. */
export async function findSubmissionIdOfApplication(
  q: Queryable,
  orgId: string,
  applicationId: string,
): Promise<string | null> {
  const [row] = await q.query<{ id: string }>(
    `SELECT id FROM submissions WHERE org_id = $1 AND application_id = $2`,
    [orgId, applicationId],
  );
  return row?.id ?? null;
}

/** What the client's page shows of its submission: nothing about other submissions, no contact details. */
export interface ClientPageFacts {
  organizationName: string;
  candidateName: string;
  jobTitle: string;
  clientName: string;
  contactName: string;
  contactTimeZone: string | null;
  recruiterName: string;
  pitch: string;
  stage: SubmissionStage;
  submittedAt: Date;
  /** The agreed deadline: the open client-feedback follow-up's due time (null once answered). */
  feedbackDueAt: Date | null;
}

/** The page's facts about one submission. */
export async function findClientPageFacts(
  q: Queryable,
  orgId: string,
  submissionId: string,
): Promise<ClientPageFacts | null> {
  const [row] = await q.query<Record<string, unknown>>(
    `SELECT o.name AS organization_name, c.name AS candidate_name, j.title AS job_title, cl.name AS client_name,
            cc.name AS contact_name, cc.time_zone AS contact_time_zone, m.name AS recruiter_name, s.pitch,
            s.stage, s.submitted_at,
            (SELECT min(f.due_at) FROM follow_ups f
              WHERE f.org_id = s.org_id AND f.submission_id = s.id AND f.kind = 'client_feedback'
                AND f.status = 'open') AS feedback_due_at
       FROM submissions s
       JOIN organizations o ON o.id = s.org_id
       JOIN candidates c ON c.org_id = s.org_id AND c.id = s.candidate_id
       JOIN jobs j ON j.org_id = s.org_id AND j.id = s.job_id
       JOIN clients cl ON cl.org_id = s.org_id AND cl.id = s.client_id
       JOIN client_contacts cc ON cc.org_id = s.org_id AND cc.id = s.contact_id
       JOIN members m ON m.org_id = s.org_id AND m.id = s.recruiter_id
      WHERE s.org_id = $1 AND s.id = $2`,
    [orgId, submissionId],
  );
  if (!row) return null;
  return {
    organizationName: row.organization_name as string,
    candidateName: row.candidate_name as string,
    jobTitle: row.job_title as string,
    clientName: row.client_name as string,
    contactName: row.contact_name as string,
    contactTimeZone: (row.contact_time_zone as string | null) ?? null,
    recruiterName: row.recruiter_name as string,
    pitch: row.pitch as string,
    stage: row.stage as SubmissionStage,
    submittedAt: row.submitted_at as Date,
    feedbackDueAt: (row.feedback_due_at as Date | null) ?? null,
  };
}
