import type { Queryable } from '../db/db.ts';
import { containsPattern, isUniqueViolation, keysetPage, patchSet, type KeysetPage } from '../db/sql.ts';
import type { Candidate } from '../domain/model.ts';
import { errors } from '../errors.ts';

interface CandidateRow {
  id: string;
  org_id: string;
  name: string;
  email: string | null;
  phone: string | null;
  time_zone: string | null;
  email_bounced_at: Date | null;
  email_bounce_reason: string | null;
  external_id: string | null;
  source: string | null;
  created_at: Date;
  updated_at: Date;
}

const toCandidate = (r: CandidateRow): Candidate => ({
  id: r.id,
  orgId: r.org_id,
  name: r.name,
  email: r.email,
  phone: r.phone,
  timeZone: r.time_zone,
  emailBouncedAt: r.email_bounced_at,
  emailBounceReason: r.email_bounce_reason,
  externalId: r.external_id,
  source: r.source,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const duplicateEmail = (email: string | null | undefined) =>
  errors.conflict(`A candidate with email ${email ?? ''} already exists.`, { field: 'email' });

/** Insert a candidate. Throws conflict on a duplicate email in the organization. */
export async function insertCandidate(
  q: Queryable,
  c: Pick<Candidate, 'orgId' | 'name' | 'email' | 'phone' | 'timeZone' | 'createdAt'> & {
    source?: string | null | undefined;
  },
): Promise<Candidate> {
  try {
    const [row] = await q.query<CandidateRow>(
      `INSERT INTO candidates (org_id, name, email, phone, time_zone, created_at, updated_at, source)
       VALUES ($1, $2, $3, $4, $5, $6, $6, $7) RETURNING *`,
      [c.orgId, c.name, c.email, c.phone, c.timeZone, c.createdAt, c.source ?? null],
    );
    return toCandidate(row!);
  } catch (error) {
    if (isUniqueViolation(error, 'candidates_email_idx')) throw duplicateEmail(c.email);
    throw error;
  }
}

/** The candidate with this id in this organization. */
export async function findCandidate(q: Queryable, orgId: string, id: string): Promise<Candidate | null> {
  const [row] = await q.query<CandidateRow>(`SELECT * FROM candidates WHERE org_id = $1 AND id = $2`, [
    orgId,
    id,
  ]);
  return row ? toCandidate(row) : null;
}

/** Candidates in creation order after a keyset position, optionally by exact email or by text in name or email. */
export async function listCandidates(
  q: Queryable,
  orgId: string,
  page: KeysetPage & { email?: string | undefined; contains?: string | undefined },
): Promise<Candidate[]> {
  const pattern = page.contains === undefined ? null : containsPattern(page.contains);
  const k = keysetPage(page, { by: 'created_at', firstParam: 2 });
  const rows = await q.query<CandidateRow>(
    `SELECT * FROM candidates
      WHERE org_id = $1
        AND ${k.where}
        AND ($5::text IS NULL OR lower(email) = lower($5))
        AND ($6::text IS NULL OR name ILIKE $6 ESCAPE '\\' OR email ILIKE $6 ESCAPE '\\')
      ${k.orderLimit}`,
    [orgId, ...k.params, page.email ?? null, pattern],
  );
  return rows.map(toCandidate);
}

/** Apply a patch to a candidate. */
export async function updateCandidate(
  q: Queryable,
  orgId: string,
  id: string,
  patch: Partial<Pick<Candidate, 'name' | 'email' | 'phone' | 'timeZone' | 'source'>>,
  at: Date,
): Promise<Candidate | null> {
  const set = patchSet(
    patch,
    { name: 'name', email: 'email', phone: 'phone', timeZone: 'time_zone', source: 'source' },
    at,
  );
  // A new address is a fresh start: the old one's bounce no longer applies (the right-hand side
  // of SET reads the row as it was).
  const emailParam = 3 + set.params.length;
  const clearBounce =
    patch.email !== undefined
      ? `, email_bounced_at = CASE WHEN lower(email) IS DISTINCT FROM lower($${emailParam}::text) THEN NULL ELSE email_bounced_at END`
      : '';
  try {
    const [row] = await q.query<CandidateRow>(
      `UPDATE candidates SET ${set.sql}${clearBounce} WHERE org_id = $1 AND id = $2 RETURNING *`,
      [orgId, id, ...set.params, ...(patch.email !== undefined ? [patch.email] : [])],
    );
    return row ? toCandidate(row) : null;
  } catch (error) {
    if (isUniqueViolation(error, 'candidates_email_idx')) throw duplicateEmail(patch.email);
    throw error;
  }
}
