import type { Queryable } from '../db/db.ts';

/** A single-use link: a magic sign-in link or an invitation. */
export interface LoginTokenRecord {
  id: string;
  orgId: string;
  memberId: string;
  purpose: 'magic_link' | 'invite';
  expiresAt: Date;
  usedAt: Date | null;
}

interface LoginTokenRow {
  id: string;
  org_id: string;
  member_id: string;
  purpose: LoginTokenRecord['purpose'];
  expires_at: Date;
  used_at: Date | null;
}

const toToken = (r: LoginTokenRow): LoginTokenRecord => ({
  id: r.id,
  orgId: r.org_id,
  memberId: r.member_id,
  purpose: r.purpose,
  expiresAt: r.expires_at,
  usedAt: r.used_at,
});

/** Store a link by the hash of its token. */
export async function insertLoginToken(
  q: Queryable,
  t: {
    orgId: string;
    memberId: string;
    purpose: LoginTokenRecord['purpose'];
    tokenHash: string;
    expiresAt: Date;
    createdAt: Date;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO login_tokens (org_id, member_id, purpose, token_hash, expires_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [t.orgId, t.memberId, t.purpose, t.tokenHash, t.expiresAt, t.createdAt],
  );
}

/**
 * Use a link: marks it used and returns it, only if it exists, has this purpose, is unused and
 * unexpired — one conditional UPDATE, so two clicks at once cannot both succeed. Cross-tenant
 * by nature (the token is what identifies the organization).
 */
export async function useLoginToken(
  q: Queryable,
  tokenHash: string,
  purpose: LoginTokenRecord['purpose'],
  at: Date,
): Promise<LoginTokenRecord | null> {
  const [row] = await q.query<LoginTokenRow>(
    `UPDATE login_tokens SET used_at = $3
      WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3
      RETURNING id, org_id, member_id, purpose, expires_at, used_at`,
    [tokenHash, purpose, at],
  );
  return row ? toToken(row) : null;
}
