import type { Queryable } from '../db/db.ts';

/** Revoke a member's live calendar feed, if any: its URL stops working. */
export async function revokeCalendarFeedRow(
  q: Queryable,
  orgId: string,
  memberId: string,
  at: Date,
): Promise<void> {
  await q.query(
    `UPDATE calendar_feeds SET revoked_at = $3 WHERE org_id = $1 AND member_id = $2 AND revoked_at IS NULL`,
    [orgId, memberId, at],
  );
}

/** Store a member's new calendar feed by its token's hash. */
export async function insertCalendarFeed(
  q: Queryable,
  orgId: string,
  memberId: string,
  tokenHash: string,
  at: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO calendar_feeds (org_id, member_id, token_hash, created_at) VALUES ($1, $2, $3, $4)`,
    [orgId, memberId, tokenHash, at],
  );
}

/** The live feed behind a token's hash (a cross-tenant look-up: the system scope). */
export async function findLiveCalendarFeed(
  q: Queryable,
  tokenHash: string,
): Promise<{ orgId: string; memberId: string } | null> {
  const [row] = await q.query<{ org_id: string; member_id: string }>(
    `SELECT org_id, member_id FROM calendar_feeds WHERE token_hash = $1 AND revoked_at IS NULL`,
    [tokenHash],
  );
  return row ? { orgId: row.org_id, memberId: row.member_id } : null;
}
