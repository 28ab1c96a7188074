import type { Queryable } from '../db/db.ts';

/** A sign-in session (the cookie value is never stored, only its hash). */
export interface SessionRecord {
  id: string;
  orgId: string;
  memberId: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

interface SessionRow {
  id: string;
  org_id: string;
  member_id: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
}

const toSession = (r: SessionRow): SessionRecord => ({
  id: r.id,
  orgId: r.org_id,
  memberId: r.member_id,
  createdAt: r.created_at,
  lastSeenAt: r.last_seen_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
});

/** Store a new session. */
export async function insertSession(
  q: Queryable,
  s: {
    orgId: string;
    memberId: string;
    tokenHash: string;
    createdAt: Date;
    expiresAt: Date;
    userAgent: string;
  },
): Promise<SessionRecord> {
  const [row] = await q.query<SessionRow>(
    `INSERT INTO sessions (org_id, member_id, token_hash, created_at, last_seen_at, expires_at, user_agent)
     VALUES ($1, $2, $3, $4, $4, $5, $6)
     RETURNING id, org_id, member_id, created_at, last_seen_at, expires_at, revoked_at`,
    [s.orgId, s.memberId, s.tokenHash, s.createdAt, s.expiresAt, s.userAgent.slice(0, 300)],
  );
  return toSession(row!);
}

/** The session with this token hash, in any organization (the lookup that establishes the tenant). */
export async function findSessionByHash(q: Queryable, tokenHash: string): Promise<SessionRecord | null> {
  const [row] = await q.query<SessionRow>(
    `SELECT id, org_id, member_id, created_at, last_seen_at, expires_at, revoked_at
       FROM sessions WHERE token_hash = $1`,
    [tokenHash],
  );
  return row ? toSession(row) : null;
}

/** Record activity on a session (for the idle timeout). */
export async function touchSession(q: Queryable, orgId: string, id: string, at: Date): Promise<void> {
  await q.query(`UPDATE sessions SET last_seen_at = $3 WHERE org_id = $1 AND id = $2`, [orgId, id, at]);
}

/** Revoke one session, or every live session of a member. */
export async function revokeSessions(
  q: Queryable,
  orgId: string,
  where: { id?: string; memberId?: string },
  reason: string,
  at: Date,
): Promise<number> {
  const rows = await q.query(
    `UPDATE sessions SET revoked_at = $4, revoke_reason = $5
      WHERE org_id = $1 AND revoked_at IS NULL
        AND ($2::uuid IS NULL OR id = $2) AND ($3::uuid IS NULL OR member_id = $3)
      RETURNING id`,
    [orgId, where.id ?? null, where.memberId ?? null, at, reason],
  );
  return rows.length;
}
