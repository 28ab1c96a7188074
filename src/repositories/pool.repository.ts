import type { Queryable } from '../db/db.ts';
import { keysetPage, type KeysetPage } from '../db/sql.ts';

/** A candidate's place in the talent pool. */
export interface PoolMembership {
  id: string;
  orgId: string;
  candidateId: string;
  applicationId: string;
  status: 'invited' | 'opted_in' | 'declined' | 'expired' | 'removed';
  /** What the team offered to keep them posted about. */
  offer: string;
  /** What the candidate said they want to hear about. */
  interests: string;
  tags: string[];
  cadenceDays: number;
  consentMonths: number | null;
  consentUntil: Date | null;
  ownerId: string;
  invitedAt: Date;
  respondedAt: Date | null;
  endedAt: Date | null;
  updatedAt: Date;
}

interface Row {
  id: string;
  org_id: string;
  candidate_id: string;
  application_id: string;
  status: PoolMembership['status'];
  offer: string;
  interests: string;
  tags: string[];
  cadence_days: number;
  consent_months: number | null;
  consent_until: Date | null;
  owner_id: string;
  invited_at: Date;
  responded_at: Date | null;
  ended_at: Date | null;
  updated_at: Date;
}

const toMembership = (r: Row): PoolMembership => ({
  id: r.id,
  orgId: r.org_id,
  candidateId: r.candidate_id,
  applicationId: r.application_id,
  status: r.status,
  offer: r.offer,
  interests: r.interests,
  tags: r.tags,
  cadenceDays: r.cadence_days,
  consentMonths: r.consent_months,
  consentUntil: r.consent_until,
  ownerId: r.owner_id,
  invitedAt: r.invited_at,
  respondedAt: r.responded_at,
  endedAt: r.ended_at,
  updatedAt: r.updated_at,
});

/**
 * Invite a candidate (or invite again after a decline or an expiry): one row per candidate.
 * Returns null when they are already in the pool or have an invitation open.
 */
export async function upsertInvitation(
  q: Queryable,
  m: Pick<
    PoolMembership,
    'orgId' | 'candidateId' | 'applicationId' | 'offer' | 'tags' | 'cadenceDays' | 'consentMonths' | 'ownerId'
  > & {
    at: Date;
  },
): Promise<PoolMembership | null> {
  const [row] = await q.query<Row>(
    `INSERT INTO pool_memberships (org_id, candidate_id, application_id, status, offer, tags, cadence_days, owner_id,
                                   invited_at, updated_at, consent_months)
     VALUES ($1, $2, $3, 'invited', $4, $5, $6, $7, $8, $8, $9)
     ON CONFLICT (org_id, candidate_id) DO UPDATE
        SET application_id = EXCLUDED.application_id, status = 'invited', offer = EXCLUDED.offer,
            tags = EXCLUDED.tags, cadence_days = EXCLUDED.cadence_days, owner_id = EXCLUDED.owner_id,
            interests = '', consent_months = EXCLUDED.consent_months, consent_until = NULL, invited_at = EXCLUDED.invited_at,
            responded_at = NULL, ended_at = NULL, updated_at = EXCLUDED.updated_at
      WHERE pool_memberships.status IN ('declined', 'expired', 'removed')
     RETURNING *`,
    [
      m.orgId,
      m.candidateId,
      m.applicationId,
      m.offer,
      m.tags,
      m.cadenceDays,
      m.ownerId,
      m.at,
      m.consentMonths,
    ],
  );
  return row ? toMembership(row) : null;
}

/** A candidate's membership, if any; `forUpdate` locks it. */
export async function findMembership(
  q: Queryable,
  orgId: string,
  candidateId: string,
  options: { forUpdate?: boolean } = {},
): Promise<PoolMembership | null> {
  const [row] = await q.query<Row>(
    `SELECT * FROM pool_memberships WHERE org_id = $1 AND candidate_id = $2${options.forUpdate ? ' FOR UPDATE' : ''}`,
    [orgId, candidateId],
  );
  return row ? toMembership(row) : null;
}

/** Record the candidate's answer. */
export async function answerInvitation(
  q: Queryable,
  orgId: string,
  candidateId: string,
  answer:
    | { status: 'opted_in'; interests: string; consentMonths: number; consentUntil: Date }
    | { status: 'declined' },
  at: Date,
): Promise<PoolMembership | null> {
  const [row] = await q.query<Row>(
    `UPDATE pool_memberships
        SET status = $3, interests = $4, consent_months = $5, consent_until = $6, responded_at = $7::timestamptz,
            ended_at = CASE WHEN $3 = 'declined' THEN $7::timestamptz END, updated_at = $7::timestamptz
      WHERE org_id = $1 AND candidate_id = $2 AND status = 'invited' RETURNING *`,
    [
      orgId,
      candidateId,
      answer.status,
      answer.status === 'opted_in' ? answer.interests : '',
      answer.status === 'opted_in' ? answer.consentMonths : null,
      answer.status === 'opted_in' ? answer.consentUntil : null,
      at,
    ],
  );
  return row ? toMembership(row) : null;
}

/** Change what the team keeps about a member of the pool. */
export async function updateMembership(
  q: Queryable,
  orgId: string,
  candidateId: string,
  patch: { tags?: string[]; cadenceDays?: number; ownerId?: string },
  at: Date,
): Promise<PoolMembership | null> {
  const [row] = await q.query<Row>(
    `UPDATE pool_memberships
        SET tags = coalesce($3, tags), cadence_days = coalesce($4, cadence_days), owner_id = coalesce($5, owner_id),
            updated_at = $6
      WHERE org_id = $1 AND candidate_id = $2 RETURNING *`,
    [orgId, candidateId, patch.tags ?? null, patch.cadenceDays ?? null, patch.ownerId ?? null, at],
  );
  return row ? toMembership(row) : null;
}

/** End memberships (removed by the team, or expired): the interests they gave are cleared. */
export async function endMemberships(
  q: Queryable,
  orgId: string,
  candidateIds: string[],
  status: 'removed' | 'expired',
  at: Date,
): Promise<PoolMembership[]> {
  const rows = await q.query<Row>(
    `UPDATE pool_memberships SET status = $3, interests = '', ended_at = $4, updated_at = $4
      WHERE org_id = $1 AND candidate_id = ANY($2::uuid[]) AND status IN ('invited', 'opted_in') RETURNING *`,
    [orgId, candidateIds, status, at],
  );
  return rows.map(toMembership);
}

/** A pool member as the search lists them. */
export interface PoolEntry extends PoolMembership {
  candidate: { name: string; email: string | null };
  job: { id: string; title: string };
  /** When the next stay-in-touch contact is due (the open follow-up), if one is. */
  nextContactAt: Date | null;
}

/** Opted-in candidates, by tag (all of them) and free text (name, interests, tags, job), by invitation time. */
export async function searchPool(
  q: Queryable,
  orgId: string,
  filter: { tags: string[]; text: string | null },
  page: KeysetPage,
): Promise<PoolEntry[]> {
  const k = keysetPage(page, { by: 'p.invited_at', id: 'p.id', firstParam: 4 });
  const rows = await q.query<
    Row & {
      candidate_name: string;
      candidate_email: string | null;
      job_id: string;
      job_title: string;
      next_contact_at: Date | null;
    }
  >(
    `SELECT p.*, c.name AS candidate_name, c.email AS candidate_email, j.id AS job_id, j.title AS job_title,
            (SELECT min(f.due_at) FROM follow_ups f
              WHERE f.org_id = p.org_id AND f.application_id = p.application_id
                AND f.kind = 'stay_in_touch' AND f.status = 'open') AS next_contact_at
       FROM pool_memberships p
       JOIN candidates c ON c.org_id = p.org_id AND c.id = p.candidate_id
       JOIN applications a ON a.org_id = p.org_id AND a.id = p.application_id
       JOIN jobs j ON j.org_id = a.org_id AND j.id = a.job_id
      WHERE p.org_id = $1 AND p.status = 'opted_in'
        AND p.tags @> $2::text[]
        AND ($3::text IS NULL OR c.name ILIKE '%' || $3 || '%' OR p.interests ILIKE '%' || $3 || '%'
             OR j.title ILIKE '%' || $3 || '%' OR EXISTS (SELECT 1 FROM unnest(p.tags) t WHERE t ILIKE '%' || $3 || '%'))
        AND ${k.where}
      ${k.orderLimit}`,
    [orgId, filter.tags, filter.text, ...k.params],
  );
  return rows.map((r) => ({
    ...toMembership(r),
    candidate: { name: r.candidate_name, email: r.candidate_email },
    job: { id: r.job_id, title: r.job_title },
    nextContactAt: r.next_contact_at,
  }));
}

/** Opted-in memberships whose consent has run out, across organizations (the worker's claim). */
export async function claimExpiredMemberships(
  q: Queryable,
  now: Date,
  limit: number,
): Promise<{ orgId: string; candidateId: string }[]> {
  const rows = await q.query<{ org_id: string; candidate_id: string }>(
    `SELECT org_id, candidate_id FROM pool_memberships
      WHERE status = 'opted_in' AND consent_until <= $1
      ORDER BY consent_until LIMIT $2 FOR UPDATE SKIP LOCKED`,
    [now, limit],
  );
  return rows.map((r) => ({ orgId: r.org_id, candidateId: r.candidate_id }));
}
