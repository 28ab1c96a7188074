/**
 * SQL of what stops a double submission: candidates' declarations that another agency submitted
 * them to a client, and the agency's own earlier submissions of a candidate to a client.
 */
import type { Queryable } from '../db/db.ts';
import type { SubmissionStage } from '../domain/agency.ts';
import { isUniqueViolation, keysetPage, type KeysetPage } from '../db/sql.ts';
import { errors } from '../errors.ts';

/** A candidate's declaration: another agency already submitted them to this client. */
export interface ClientDeclaration {
  id: string;
  candidateId: string;
  clientId: string;
  otherAgency: string;
  /** The day the other agency submitted them (YYYY-MM-DD), when the candidate knows it. */
  submittedOn: string | null;
  note: string;
  recordedBy: string;
  createdAt: Date;
}

interface Row {
  id: string;
  candidate_id: string;
  client_id: string;
  other_agency: string;
  submitted_on: string | null;
  note: string;
  recorded_by: string;
  created_at: Date;
}

const COLUMNS = `id, candidate_id, client_id, other_agency, to_char(submitted_on, 'YYYY-MM-DD') AS submitted_on,
                 note, recorded_by, created_at`;

const toDeclaration = (r: Row): ClientDeclaration => ({
  id: r.id,
  candidateId: r.candidate_id,
  clientId: r.client_id,
  otherAgency: r.other_agency,
  submittedOn: r.submitted_on,
  note: r.note,
  recordedBy: r.recorded_by,
  createdAt: r.created_at,
});

/** Record a declaration; a second one for the same candidate and client is a conflict. */
export async function insertClientDeclaration(
  q: Queryable,
  orgId: string,
  d: Omit<ClientDeclaration, 'id'>,
): Promise<ClientDeclaration> {
  try {
    const [row] = await q.query<Row>(
      `INSERT INTO candidate_client_declarations
              (org_id, candidate_id, client_id, other_agency, submitted_on, note, recorded_by, created_at)
       VALUES ($1, $2, $3, $4, $5::date, $6, $7, $8) RETURNING ${COLUMNS}`,
      [orgId, d.candidateId, d.clientId, d.otherAgency, d.submittedOn, d.note, d.recordedBy, d.createdAt],
    );
    return toDeclaration(row!);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw errors.conflict('This candidate already has a declaration for this client.', {
        field: 'clientId',
      });
    }
    throw error;
  }
}

/** A candidate's declarations in creation order after a keyset position. */
export async function listClientDeclarations(
  q: Queryable,
  orgId: string,
  candidateId: string,
  page: KeysetPage,
): Promise<ClientDeclaration[]> {
  const k = keysetPage(page, { by: 'created_at', firstParam: 3 });
  const rows = await q.query<Row>(
    `SELECT ${COLUMNS} FROM candidate_client_declarations
      WHERE org_id = $1 AND candidate_id = $2
        AND ${k.where}
      ${k.orderLimit}`,
    [orgId, candidateId, ...k.params],
  );
  return rows.map(toDeclaration);
}

/** The declaration of this candidate for this client, if any. */
export async function findClientDeclaration(
  q: Queryable,
  orgId: string,
  candidateId: string,
  clientId: string,
): Promise<ClientDeclaration | null> {
  const [row] = await q.query<Row>(
    `SELECT ${COLUMNS} FROM candidate_client_declarations WHERE org_id = $1 AND candidate_id = $2 AND client_id = $3`,
    [orgId, candidateId, clientId],
  );
  return row ? toDeclaration(row) : null;
}

/** Delete a declaration of a candidate (recorded by mistake); whether it existed. */
export async function deleteClientDeclaration(
  q: Queryable,
  orgId: string,
  candidateId: string,
  id: string,
): Promise<boolean> {
  const rows = await q.query(
    `DELETE FROM candidate_client_declarations WHERE org_id = $1 AND candidate_id = $2 AND id = $3 RETURNING id`,
    [orgId, candidateId, id],
  );
  return rows.length > 0;
}

/** An earlier submission of a candidate to a client, with who submitted it. */
export interface EarlierSubmission {
  id: string;
  jobId: string;
  jobTitle: string;
  contactId: string;
  stage: SubmissionStage;
  submittedAt: Date;
  recruiterId: string;
  recruiterName: string;
}

/** The agency's submissions of this candidate to this client, newest first. */
export async function listSubmissionsToClient(
  q: Queryable,
  orgId: string,
  clientId: string,
  candidateId: string,
): Promise<EarlierSubmission[]> {
  const rows = await q.query<Record<string, unknown>>(
    `SELECT s.id, s.job_id, j.title AS job_title, s.contact_id, s.stage, s.submitted_at, s.recruiter_id,
            m.name AS recruiter_name
       FROM submissions s
       JOIN jobs j ON j.org_id = s.org_id AND j.id = s.job_id
       JOIN members m ON m.org_id = s.org_id AND m.id = s.recruiter_id
      WHERE s.org_id = $1 AND s.client_id = $2 AND s.candidate_id = $3
      ORDER BY s.submitted_at DESC, s.id`,
    [orgId, clientId, candidateId],
  );
  return rows.map((r) => ({
    id: r.id as string,
    jobId: r.job_id as string,
    jobTitle: r.job_title as string,
    contactId: r.contact_id as string,
    stage: r.stage as SubmissionStage,
    submittedAt: r.submitted_at as Date,
    recruiterId: r.recruiter_id as string,
    recruiterName: r.recruiter_name as string,
  }));
}

/** Lock a client row for the rest of the transaction: submissions to one client take turns. */
export async function lockClientRow(q: Queryable, orgId: string, clientId: string): Promise<void> {
  await q.query(`SELECT id FROM clients WHERE org_id = $1 AND id = $2 FOR UPDATE`, [orgId, clientId]);
}
