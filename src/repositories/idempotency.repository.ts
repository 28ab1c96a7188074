import type { Queryable } from '../db/db.ts';

/** A stored Idempotency-Key: either still locked by a running request, or holding its response. */
export interface IdempotencyRecord {
  requestHash: string;
  statusCode: number | null;
  response: unknown;
  lockedUntil: Date | null;
}

interface IdempotencyRow {
  request_hash: string;
  status_code: number | null;
  response: unknown;
  locked_until: Date | null;
}

/**
 * Claim a key for a request. Returns null when this caller now holds it; otherwise the existing
 * record. A lock whose holder crashed (locked_until passed, no response) is taken over.
 */
export async function claimIdempotencyKey(
  q: Queryable,
  orgId: string,
  key: string,
  requestHash: string,
  at: Date,
  lockedUntil: Date,
  expiredBefore: Date,
): Promise<IdempotencyRecord | null> {
  // A key stored before `expiredBefore` is forgotten: the key is claimed afresh.
  const inserted = await q.query(
    `INSERT INTO idempotency_keys (org_id, key, request_hash, locked_until, created_at)
     VALUES ($1, $2, $3, $5, $4)
     ON CONFLICT (org_id, key) DO UPDATE
        SET request_hash = excluded.request_hash, locked_until = excluded.locked_until, created_at = excluded.created_at,
            status_code = NULL, response = NULL
      WHERE (idempotency_keys.status_code IS NULL AND idempotency_keys.locked_until < $4)
         OR idempotency_keys.created_at < $6
     RETURNING key`,
    [orgId, key, requestHash, at, lockedUntil, expiredBefore],
  );
  if (inserted.length === 1) return null;
  const [row] = await q.query<IdempotencyRow>(
    `SELECT request_hash, status_code, response, locked_until FROM idempotency_keys WHERE org_id = $1 AND key = $2`,
    [orgId, key],
  );
  if (!row) return null; // deleted in between: treat as claimed-by-nobody; caller proceeds
  return {
    requestHash: row.request_hash,
    statusCode: row.status_code,
    response: row.response,
    lockedUntil: row.locked_until,
  };
}

/** Store the response of the request holding the key. */
export async function completeIdempotencyKey(
  q: Queryable,
  orgId: string,
  key: string,
  statusCode: number,
  response: unknown,
): Promise<void> {
  await q.query(
    `UPDATE idempotency_keys SET status_code = $3, response = $4::jsonb, locked_until = NULL
      WHERE org_id = $1 AND key = $2`,
    [orgId, key, statusCode, JSON.stringify(response ?? null)],
  );
}

/** Forget a key whose request failed on our side, so a retry runs again. */
export async function releaseIdempotencyKey(q: Queryable, orgId: string, key: string): Promise<void> {
  await q.query(`DELETE FROM idempotency_keys WHERE org_id = $1 AND key = $2 AND status_code IS NULL`, [
    orgId,
    key,
  ]);
}

/** Delete stored keys (and their responses) older than `before`, in every organization. */
export async function deleteIdempotencyKeysBefore(q: Queryable, before: Date): Promise<number> {
  const rows = await q.query(`DELETE FROM idempotency_keys WHERE created_at < $1 RETURNING key`, [before]);
  return rows.length;
}
