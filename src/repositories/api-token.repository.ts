import type { Queryable } from '../db/db.ts';

/** An API token's record (never the token itself). */
export interface ApiTokenRecord {
  id: string;
  orgId: string;
  name: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

interface ApiTokenRow {
  id: string;
  org_id: string;
  name: string;
  scopes: string[];
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const toRecord = (r: ApiTokenRow): ApiTokenRecord => ({
  id: r.id,
  orgId: r.org_id,
  name: r.name,
  scopes: r.scopes,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

/** Store a token by its hash. */
export async function insertApiToken(
  q: Queryable,
  t: { orgId: string; name: string; tokenHash: string; scopes: string[]; createdAt: Date },
): Promise<ApiTokenRecord> {
  const [row] = await q.query<ApiTokenRow>(
    `INSERT INTO api_tokens (org_id, name, token_hash, scopes, created_at)
     VALUES ($1, $2, $3, $4, $5)
     RETURNING id, org_id, name, scopes, created_at, last_used_at, revoked_at`,
    [t.orgId, t.name, t.tokenHash, t.scopes, t.createdAt],
  );
  return toRecord(row!);
}

/**
 * The live token with this hash, in any organization: this is the one lookup that *establishes*
 * the tenant, so it cannot filter by one.
 */
export async function findApiTokenByHash(q: Queryable, tokenHash: string): Promise<ApiTokenRecord | null> {
  const [row] = await q.query<ApiTokenRow>(
    `SELECT id, org_id, name, scopes, created_at, last_used_at, revoked_at
       FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL`,
    [tokenHash],
  );
  return row ? toRecord(row) : null;
}

/** Record that a token was used. */
export async function touchApiToken(q: Queryable, orgId: string, id: string, at: Date): Promise<void> {
  await q.query(`UPDATE api_tokens SET last_used_at = $3 WHERE org_id = $1 AND id = $2`, [orgId, id, at]);
}

/** An organization's tokens, newest first, revoked ones included (their history stays). */
export async function listApiTokens(q: Queryable, orgId: string): Promise<ApiTokenRecord[]> {
  const rows = await q.query<ApiTokenRow>(
    `SELECT id, org_id, name, scopes, created_at, last_used_at, revoked_at
       FROM api_tokens WHERE org_id = $1 ORDER BY created_at DESC, id DESC`,
    [orgId],
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
      RETURNING id, org_id, name, scopes, created_at, last_used_at, revoked_at`,
    [orgId, id, at],
  );
  return row ? toRecord(row) : null;
}
