import type { Queryable } from '../db/db.ts';

/**
 * Snooze an open follow-up until `until`, for `reason`. The promise check is repeated in the
 * statement (a contact owed to a candidate by our side may not be snoozed past
 * coalesce(promised_due_at, due_at)), so a promise moved by a concurrent change cannot slip past
 * the service's check. Returns whether a row changed.
 */
export async function setFollowUpSnooze(
  q: Queryable,
  orgId: string,
  id: string,
  until: Date,
  reason: string,
  now: Date,
): Promise<boolean> {
  const rows = await q.query<{ id: string }>(
    `UPDATE follow_ups SET snoozed_until = $3, snooze_reason = $4, updated_at = $5
      WHERE org_id = $1 AND id = $2 AND status = 'open'
        AND (owed_to <> 'candidate' OR owed_by NOT IN ('team', 'recruiter')
             OR $3 <= coalesce(promised_due_at, due_at))
      RETURNING id`,
    [orgId, id, until, reason, now],
  );
  return rows.length === 1;
}
