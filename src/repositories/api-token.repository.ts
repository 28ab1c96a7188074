import type { Queryable } from '../db/db.ts';
import { keysetPage, type KeysetPage } from '../db/sql.ts';
import type { MemberRole } from '../domain/model.ts';

/** An API token's record (never the token itself). */
export interface ApiTokenRecord {
  id: string;
  orgId: string;
  /** The member the token acts as: the one who created it. */
  memberId: string;
  name: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** A live token with the role of the member it acts as. */
export interface LiveApiToken extends ApiTokenRecord {
  memberRole: MemberRole;
}

interface ApiTokenRow {
  id: string;
  org_id: string;
  member_id: string;
  name: string;
  scopes: string[];
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const COLUMNS = 'id, org_id, member_id, name, scopes, created_at, last_used_at, revoked_at';

const toRecord = (r: ApiTokenRow): ApiTokenRecord => ({
  id: r.id,
  orgId: r.org_id,
  memberId: r.member_id,
  name: r.name,
  scopes: r.scopes,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

/** Store a token by its hash. */
export async function insertApiToken(
  q: Queryable,
  t: { orgId: string; memberId: string; name: string; tokenHash: string; scopes: string[]; createdAt: Date },
): Promise<ApiTokenRecord> {
  const [row] = await q.query<ApiTokenRow>(
    `INSERT INTO api_tokens (org_id, member_id, name, token_hash, scopes, created_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING ${COLUMNS}`,
    [t.orgId, t.memberId, t.name, t.tokenHash, t.scopes, t.createdAt],
  );
  return toRecord(row!);
}

/**
 * The live token with this hash, in any organization, if its member is active: this is the one
 * lookup that *establishes* the tenant, so it cannot filter by one.
 */
export async function findApiTokenByHash(q: Queryable, tokenHash: string): Promise<LiveApiToken | null> {
  const [row] = await q.query<ApiTokenRow & { member_role: MemberRole }>(
    `SELECT t.id, t.org_id, t.member_id, t.name, t.scopes, t.created_at, t.last_used_at, t.revoked_at,
            m.role AS member_role
       FROM api_tokens t
       JOIN members m ON m.org_id = t.org_id AND m.id = t.member_id
      WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND m.active`,
    [tokenHash],
  );
  return row ? { ...toRecord(row), memberRole: row.member_role } : null;
}

/** Record that a token was used. */
export async function touchApiToken(q: Queryable, orgId: string, id: string, at: Date): Promise<void> {
  await q.query(`UPDATE api_tokens SET last_used_at = $3 WHERE org_id = $1 AND id = $2`, [orgId, id, at]);
}

/** An organization's tokens, newest first, revoked ones included (their history stays), a page at a time. */
export async function listApiTokens(
  q: Queryable,
  orgId: string,
  page: KeysetPage,
): Promise<ApiTokenRecord[]> {
  const k = keysetPage(page, { by: 'created_at', firstParam: 2, descending: true });
  const rows = await q.query<ApiTokenRow>(
    `SELECT ${COLUMNS} FROM api_tokens
      WHERE org_id = $1
        AND ${k.where}
      ${k.orderLimit}`,
    [orgId, ...k.params],
  );
  return rows.map(toRecord);
}

/** Revoke a token (a second revocation keeps the first time); null when it is not this organization's. */
export async function revokeApiToken(
  q: Queryable,
  orgId: string,
  id: string,
  at: Date,
): Promise<ApiTokenRecord | null> {
  const [row] = await q.query<ApiTokenRow>(
    `UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, $3)
      WHERE org_id = $1 AND id = $2
      RETURNING ${COLUMNS}`,
    [orgId, id, at],
  );
  return row ? toRecord(row) : null;
}
