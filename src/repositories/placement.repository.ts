/**
 * SQL of placements and the agency desk's views built on them: a placement and its check-ins, a
 * client's open submissions and the feedback it owed, job orders' final-stage coverage, and
 * contacts with no next contact. Every statement filters by org_id (row-level security does too).
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/db.ts';
import { keysetPage, type KeysetPage } from '../db/sql.ts';
import type { SubmissionStage } from '../domain/agency.ts';
import type { FollowUpKind, Party } from '../domain/follow-up.ts';
import type { PlacementFee } from '../domain/placement.ts';

/** A placement: a submission that ended in a start, with its fee and guarantee. */
export interface Placement {
  id: string;
  orgId: string;
  submissionId: string;
  clientId: string;
  jobId: string;
  candidateId: string;
  applicationId: string;
  recruiterId: string;
  /** YYYY-MM-DD. */
  startDate: string;
  fee: PlacementFee;
  feeNote: string;
  guaranteeDays: number;
  /** YYYY-MM-DD: the last day the guarantee covers. */
  guaranteeEndsOn: string;
  fellThroughOn: string | null;
  fallThroughReason: string | null;
  fellWithinGuarantee: boolean | null;
  replacementFollowUpId: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

interface PlacementRow {
  id: string;
  org_id: string;
  submission_id: string;
  client_id: string;
  job_id: string;
  candidate_id: string;
  application_id: string;
  recruiter_id: string;
  start_date: string;
  fee: PlacementFee;
  fee_note: string;
  guarantee_days: number;
  guarantee_ends_on: string;
  fell_through_on: string | null;
  fall_through_reason: string | null;
  fell_within_guarantee: boolean | null;
  replacement_follow_up_id: string | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

// Dates come back as text (the columns are cast), so both backends give YYYY-MM-DD.
const COLUMNS = `id, org_id, submission_id, client_id, job_id, candidate_id, application_id, recruiter_id,
  start_date::text AS start_date, fee, fee_note, guarantee_days, guarantee_ends_on::text AS guarantee_ends_on,
  fell_through_on::text AS fell_through_on, fall_through_reason, fell_within_guarantee, replacement_follow_up_id,
  created_by, created_at, updated_at`;

const toPlacement = (r: PlacementRow): Placement => ({
  id: r.id,
  orgId: r.org_id,
  submissionId: r.submission_id,
  clientId: r.client_id,
  jobId: r.job_id,
  candidateId: r.candidate_id,
  applicationId: r.application_id,
  recruiterId: r.recruiter_id,
  startDate: r.start_date,
  fee: typeof r.fee === 'string' ? (JSON.parse(r.fee) as PlacementFee) : r.fee,
  feeNote: r.fee_note,
  guaranteeDays: r.guarantee_days,
  guaranteeEndsOn: r.guarantee_ends_on,
  fellThroughOn: r.fell_through_on,
  fallThroughReason: r.fall_through_reason,
  fellWithinGuarantee: r.fell_within_guarantee,
  replacementFollowUpId: r.replacement_follow_up_id,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Insert a placement. */
export async function insertPlacement(
  q: Queryable,
  p: Omit<
    Placement,
    | 'id'
    | 'updatedAt'
    | 'fellThroughOn'
    | 'fallThroughReason'
    | 'fellWithinGuarantee'
    | 'replacementFollowUpId'
  >,
): Promise<Placement> {
  const [row] = await q.query<PlacementRow>(
    `INSERT INTO placements (org_id, submission_id, client_id, job_id, candidate_id, application_id, recruiter_id,
                             start_date, fee, fee_note, guarantee_days, guarantee_ends_on, created_by,
                             created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::date, $9::jsonb, $10, $11, $12::date, $13, $14, $14)
     RETURNING ${COLUMNS}`,
    [
      p.orgId,
      p.submissionId,
      p.clientId,
      p.jobId,
      p.candidateId,
      p.applicationId,
      p.recruiterId,
      p.startDate,
      JSON.stringify(p.fee),
      p.feeNote,
      p.guaranteeDays,
      p.guaranteeEndsOn,
      p.createdBy,
      p.createdAt,
    ],
  );
  return toPlacement(row!);
}

/** The placement with this id; `forUpdate` locks it for the rest of the transaction. */
export async function findPlacement(
  q: Queryable,
  orgId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Placement | null> {
  const [row] = await q.query<PlacementRow>(
    `SELECT ${COLUMNS} FROM placements WHERE org_id = $1 AND id = $2${options.forUpdate ? ' FOR UPDATE' : ''}`,
    [orgId, id],
  );
  return row ? toPlacement(row) : null;
}

/** Placements in creation order after a keyset position, optionally of one client. */
export async function listPlacements(
  q: Queryable,
  orgId: string,
  filter: { clientId?: string | undefined },
  page: KeysetPage,
): Promise<Placement[]> {
  const k = keysetPage(page, { by: 'created_at', firstParam: 2 });
  const rows = await q.query<PlacementRow>(
    `SELECT ${COLUMNS} FROM placements
      WHERE org_id = $1 AND ($5::uuid IS NULL OR client_id = $5) AND ${k.where}
      ${k.orderLimit}`,
    [orgId, ...k.params, filter.clientId ?? null],
  );
  return rows.map(toPlacement);
}

/** Record that a placement fell through (and the replacement search it opened, if any). */
export async function recordFallThrough(
  q: Queryable,
  orgId: string,
  id: string,
  f: { on: string; reason: string; withinGuarantee: boolean; replacementFollowUpId: string | null },
  at: Date,
): Promise<Placement> {
  const [row] = await q.query<PlacementRow>(
    `UPDATE placements SET fell_through_on = $3::date, fall_through_reason = $4, fell_within_guarantee = $5,
                           replacement_follow_up_id = $6, updated_at = $7
      WHERE org_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
    [orgId, id, f.on, f.reason, f.withinGuarantee, f.replacementFollowUpId, at],
  );
  return toPlacement(row!);
}

/** A follow-up a placement opens (a check-in, or the replacement search). */
export interface NewPlacementFollowUp {
  orgId: string;
  applicationId: string;
  submissionId: string;
  placementId: string | null;
  clientContactId: string | null;
  kind: FollowUpKind;
  owedBy: Party;
  owedTo: Party;
  ownerId: string;
  dueAt: Date;
  createdAt: Date;
}

/** Open a placement's follow-up; the owned ladder's first step is at its due time. */
export async function insertPlacementFollowUp(q: Queryable, f: NewPlacementFollowUp): Promise<string> {
  const id = randomUUID();
  await q.query(
    `INSERT INTO follow_ups (id, org_id, application_id, submission_id, placement_id, client_contact_id, kind,
                             owed_by, owed_to, owner_id, due_at, next_action_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12, $12)`,
    [
      id,
      f.orgId,
      f.applicationId,
      f.submissionId,
      f.placementId,
      f.clientContactId,
      f.kind,
      f.owedBy,
      f.owedTo,
      f.ownerId,
      f.dueAt,
      f.createdAt,
    ],
  );
  return id;
}

/** A placement's check-in as the API shows it. */
export interface PlacementCheckIn {
  id: string;
  owedTo: Party;
  status: 'open' | 'done' | 'cancelled';
  dueAt: Date;
}

/** A placement's check-ins, earliest due first. */
export async function listCheckIns(
  q: Queryable,
  orgId: string,
  placementId: string,
): Promise<PlacementCheckIn[]> {
  return q.query<PlacementCheckIn>(
    `SELECT id, owed_to AS "owedTo", status, due_at AS "dueAt" FROM follow_ups
      WHERE org_id = $1 AND placement_id = $2 AND kind = 'placement_check_in'
      ORDER BY due_at, owed_to, id`,
    [orgId, placementId],
  );
}

/** Cancel a placement's open check-ins (it fell through: there is no one to check in on). */
export async function cancelOpenCheckIns(
  q: Queryable,
  orgId: string,
  placementId: string,
  reason: string,
  at: Date,
): Promise<number> {
  const rows = await q.query(
    `UPDATE follow_ups SET status = 'cancelled', cancel_reason = $3, next_action_at = NULL, updated_at = $4
      WHERE org_id = $1 AND placement_id = $2 AND kind = 'placement_check_in' AND status = 'open'
      RETURNING id`,
    [orgId, placementId, reason, at],
  );
  return rows.length;
}

/** A placement as the desk lists it: who, where, the guarantee's end and the next check-in. */
export interface DeskPlacement {
  placementId: string;
  submissionId: string;
  candidateName: string;
  clientName: string;
  jobTitle: string;
  startDate: string;
  guaranteeEndsOn: string;
  fellThroughOn: string | null;
  nextCheckInAt: Date | null;
  nextCheckInWith: Party | null;
}

/** Placements still standing or inside their guarantee, the soonest check-in first. */
export async function listDeskPlacements(
  q: Queryable,
  orgId: string,
  limit: number,
): Promise<DeskPlacement[]> {
  return q.query<DeskPlacement>(
    `SELECT p.id AS "placementId", p.submission_id AS "submissionId", c.name AS "candidateName",
            cl.name AS "clientName", j.title AS "jobTitle", p.start_date::text AS "startDate",
            p.guarantee_ends_on::text AS "guaranteeEndsOn", p.fell_through_on::text AS "fellThroughOn",
            n.due_at AS "nextCheckInAt", n.owed_to AS "nextCheckInWith"
       FROM placements p
       JOIN candidates c ON c.org_id = p.org_id AND c.id = p.candidate_id
       JOIN clients cl ON cl.org_id = p.org_id AND cl.id = p.client_id
       JOIN jobs j ON j.org_id = p.org_id AND j.id = p.job_id
       LEFT JOIN LATERAL (
         SELECT f.due_at, f.owed_to FROM follow_ups f
          WHERE f.org_id = p.org_id AND f.placement_id = p.id AND f.kind = 'placement_check_in'
            AND f.status = 'open'
          ORDER BY f.due_at, f.owed_to LIMIT 1) n ON true
      WHERE p.org_id = $1 AND (p.fell_through_on IS NULL OR n.due_at IS NOT NULL)
      ORDER BY n.due_at NULLS LAST, p.guarantee_ends_on, p.id LIMIT $2`,
    [orgId, limit],
  );
}

// ---- the client view

/** An open submission to a client, as its view lists it. */
export interface ClientOpenSubmission {
  submissionId: string;
  stage: SubmissionStage;
  submittedAt: Date;
  candidateName: string;
  jobTitle: string;
  contactName: string;
  /** The open client-feedback deadline, if the client owes one. */
  feedbackDueAt: Date | null;
}

/** A client's submissions that have not ended, oldest first. */
export async function listOpenSubmissionsOfClient(
  q: Queryable,
  orgId: string,
  clientId: string,
  limit: number,
): Promise<ClientOpenSubmission[]> {
  return q.query<ClientOpenSubmission>(
    `SELECT s.id AS "submissionId", s.stage, s.submitted_at AS "submittedAt", c.name AS "candidateName",
            j.title AS "jobTitle", cc.name AS "contactName",
            (SELECT min(f.due_at) FROM follow_ups f
              WHERE f.org_id = s.org_id AND f.submission_id = s.id AND f.kind = 'client_feedback'
                AND f.status = 'open') AS "feedbackDueAt"
       FROM submissions s
       JOIN candidates c ON c.org_id = s.org_id AND c.id = s.candidate_id
       JOIN jobs j ON j.org_id = s.org_id AND j.id = s.job_id
       JOIN client_contacts cc ON cc.org_id = s.org_id AND cc.id = s.contact_id
      WHERE s.org_id = $1 AND s.client_id = $2 AND s.stage NOT IN ('placed', 'declined', 'withdrawn')
      ORDER BY s.submitted_at, s.id LIMIT $3`,
    [orgId, clientId, limit],
  );
}

/**
 * The feedback a client owed on its submissions (not cancelled): asked, due, answered. A "more
 * time" answer counts as an answer to the first ask and opens a new one.
 */
export async function listClientFeedbackOwed(
  q: Queryable,
  orgId: string,
  clientId: string,
): Promise<{ askedAt: Date; dueAt: Date; answeredAt: Date | null }[]> {
  return q.query<{ askedAt: Date; dueAt: Date; answeredAt: Date | null }>(
    `SELECT f.created_at AS "askedAt", f.due_at AS "dueAt", f.done_at AS "answeredAt"
       FROM follow_ups f JOIN submissions s ON s.org_id = f.org_id AND s.id = f.submission_id
      WHERE f.org_id = $1 AND s.client_id = $2 AND f.kind = 'client_feedback' AND f.status <> 'cancelled'`,
    [orgId, clientId],
  );
}

/** An open job order with what its coverage needs. */
export interface JobOrderForCoverage {
  jobId: string;
  clientId: string;
  clientName: string;
  title: string;
  policyOverrides: Record<string, unknown>;
  finalists: number;
  openBackfillId: string | null;
}

/** Open job orders with their finalist counts and open backfill, by client then creation. */
export async function listJobOrdersForCoverage(
  q: Queryable,
  orgId: string,
  limit: number,
): Promise<JobOrderForCoverage[]> {
  return q.query<JobOrderForCoverage>(
    `SELECT j.id AS "jobId", j.client_id AS "clientId", cl.name AS "clientName", j.title,
            j.policy_overrides AS "policyOverrides",
            (SELECT count(*)::int FROM applications a
              WHERE a.org_id = j.org_id AND a.job_id = j.id AND a.final_stage
                AND a.status IN ('active', 'on_hold', 'offered')) AS finalists,
            (SELECT f.id FROM follow_ups f JOIN applications a ON a.org_id = f.org_id AND a.id = f.application_id
              WHERE f.org_id = j.org_id AND a.job_id = j.id AND f.kind = 'backfill' AND f.status = 'open'
              LIMIT 1) AS "openBackfillId"
       FROM jobs j JOIN clients cl ON cl.org_id = j.org_id AND cl.id = j.client_id
      WHERE j.org_id = $1 AND j.client_id IS NOT NULL AND j.status = 'open'
      ORDER BY cl.name, j.created_at, j.id LIMIT $2`,
    [orgId, limit],
  );
}

/** A client contact with no next contact set (and no reason given for none): a defect to fix. */
export interface ContactWithoutNext {
  contactId: string;
  contactName: string;
  clientId: string;
  clientName: string;
  lastContactAt: Date | null;
}

/**
 * Contacts with no open next-contact follow-up, whose last logged contact (if any) did not say why
 * there is none. Of open clients' contacts: a contact nobody has called yet is one too.
 */
export async function listContactsWithoutNext(
  q: Queryable,
  orgId: string,
  limit: number,
): Promise<ContactWithoutNext[]> {
  return q.query<ContactWithoutNext>(
    `SELECT cc.id AS "contactId", cc.name AS "contactName", cl.id AS "clientId", cl.name AS "clientName",
            last.occurred_at AS "lastContactAt"
       FROM client_contacts cc
       JOIN clients cl ON cl.org_id = cc.org_id AND cl.id = cc.client_id
       LEFT JOIN LATERAL (
         SELECT l.occurred_at, l.no_next_contact_reason FROM client_contact_logs l
          WHERE l.org_id = cc.org_id AND l.contact_id = cc.id
          ORDER BY l.occurred_at DESC, l.created_at DESC LIMIT 1) last ON true
      WHERE cc.org_id = $1
        AND last.no_next_contact_reason IS NULL
        AND NOT EXISTS (SELECT 1 FROM follow_ups f
                         WHERE f.org_id = cc.org_id AND f.client_contact_id = cc.id
                           AND f.kind = 'client_update' AND f.status = 'open')
      ORDER BY last.occurred_at NULLS FIRST, cl.name, cc.name, cc.id LIMIT $2`,
    [orgId, limit],
  );
}

/** A talent-pool candidate who could fill a job: opted in, and not already in it. */
export interface PoolCandidateForJob {
  candidateId: string;
  candidateName: string;
  tags: string[];
}

/** Opted-in pool candidates not already in this job, longest in the pool first, at most `limit`. */
export async function listPoolCandidatesForJob(
  q: Queryable,
  orgId: string,
  jobId: string,
  limit: number,
): Promise<PoolCandidateForJob[]> {
  return q.query<PoolCandidateForJob>(
    `SELECT p.candidate_id AS "candidateId", c.name AS "candidateName", p.tags
       FROM pool_memberships p JOIN candidates c ON c.org_id = p.org_id AND c.id = p.candidate_id
      WHERE p.org_id = $1 AND p.status = 'opted_in'
        AND NOT EXISTS (SELECT 1 FROM applications a
                         WHERE a.org_id = p.org_id AND a.job_id = $2 AND a.candidate_id = p.candidate_id)
      ORDER BY p.invited_at, p.id LIMIT $3`,
    [orgId, jobId, limit],
  );
}
