import type { Queryable } from '../db/db.ts';
import type { AttemptCounter } from '../domain/sign-in-backoff.ts';

interface AttemptRow {
  key: string;
  failures: number;
  last_failure_at: Date;
  blocked_until: Date | null;
}

/** The counters stored under `keys`, locked until the transaction ends (several processes count). */
export async function lockAttemptCounters(
  q: Queryable,
  keys: string[],
): Promise<Map<string, AttemptCounter>> {
  const rows = await q.query<AttemptRow>(
    `SELECT key, failures, last_failure_at, blocked_until FROM sign_in_attempts
      WHERE key = ANY($1::text[]) ORDER BY key FOR UPDATE`,
    [keys],
  );
  return new Map(
    rows.map((r) => [
      r.key,
      { failures: r.failures, lastFailureAt: r.last_failure_at, blockedUntil: r.blocked_until },
    ]),
  );
}

/** Store a key's counter. */
export async function saveAttemptCounter(q: Queryable, key: string, counter: AttemptCounter): Promise<void> {
  await q.query(
    `INSERT INTO sign_in_attempts (key, failures, last_failure_at, blocked_until) VALUES ($1, $2, $3, $4)
     ON CONFLICT (key) DO UPDATE
        SET failures = excluded.failures, last_failure_at = excluded.last_failure_at,
            blocked_until = excluded.blocked_until`,
    [key, counter.failures, counter.lastFailureAt, counter.blockedUntil],
  );
}

/** Forget a key (a successful sign-in from that address). */
export async function deleteAttemptCounter(q: Queryable, key: string): Promise<void> {
  await q.query(`DELETE FROM sign_in_attempts WHERE key = $1`, [key]);
}

/** Forget every key whose last failure is older than `before`; returns how many. */
export async function purgeAttemptCounters(q: Queryable, before: Date): Promise<number> {
  const rows = await q.query(`DELETE FROM sign_in_attempts WHERE last_failure_at < $1 RETURNING key`, [
    before,
  ]);
  return rows.length;
}

/**
 * Take one failure back from a key (it was counted before the password proved right); the key's
 * block lifts if the count is back within its free failures.
 */
export async function releaseAttemptCounter(q: Queryable, key: string, freeFailures: number): Promise<void> {
  await q.query(`DELETE FROM sign_in_attempts WHERE key = $1 AND failures <= 1`, [key]);
  await q.query(
    `UPDATE sign_in_attempts
        SET failures = failures - 1,
            blocked_until = CASE WHEN failures - 1 <= $2 THEN NULL ELSE blocked_until END
      WHERE key = $1`,
    [key, freeFailures],
  );
}
