/**
 * How failed sign-ins slow down guessing without letting a stranger lock a member out.
 *
 * Failures are counted under three keys: the account from one address (the guesser's own door),
 * one address over every account (spraying one password at many accounts), and the account from
 * everywhere (guessing from many addresses). Each key has its free failures; past them every
 * failure blocks that key for twice as long as the last, up to a ceiling. A stranger who guesses
 * a member's password from their own address blocks only themself: the member, from another
 * address, still signs in. Only the account-wide key can reach the member, and it takes a hundred
 * failures an hour from many addresses to trip it, for minutes at a time.
 */

/** The three scopes failures are counted in. */
export type AttemptScope = 'account_address' | 'address' | 'account';

/** The free failures and the longest block of each scope. */
export interface BackoffRule {
  freeFailures: number;
  firstBlockMs: number;
  maxBlockMs: number;
}

const MINUTE = 60_000;

/** The rules in force (docs/SECURITY.md quotes them). */
export const SIGN_IN_BACKOFF: Record<AttemptScope, BackoffRule> = {
  account_address: { freeFailures: 5, firstBlockMs: MINUTE, maxBlockMs: 15 * MINUTE },
  address: { freeFailures: 20, firstBlockMs: MINUTE, maxBlockMs: 15 * MINUTE },
  account: { freeFailures: 100, firstBlockMs: MINUTE, maxBlockMs: 5 * MINUTE },
};

/** Failures counted under one key are forgotten after a quiet day. */
export const FORGET_FAILURES_AFTER_MS = 24 * 60 * MINUTE;

/** The stored state of one key. */
export interface AttemptCounter {
  failures: number;
  lastFailureAt: Date;
  blockedUntil: Date | null;
}

/** How long the key stays blocked from `now` (0 when it may try). */
export function blockedForMs(counter: AttemptCounter | null, now: Date): number {
  if (!counter?.blockedUntil) return 0;
  return Math.max(0, counter.blockedUntil.getTime() - now.getTime());
}

/** The key's state after one more failure at `now`. */
export function afterFailure(counter: AttemptCounter | null, rule: BackoffRule, now: Date): AttemptCounter {
  const fresh = !counter || now.getTime() - counter.lastFailureAt.getTime() >= FORGET_FAILURES_AFTER_MS;
  const failures = fresh ? 1 : counter.failures + 1;
  const over = failures - rule.freeFailures;
  const blockMs = over <= 0 ? 0 : Math.min(rule.firstBlockMs * 2 ** Math.min(over - 1, 30), rule.maxBlockMs);
  return {
    failures,
    lastFailureAt: now,
    blockedUntil: blockMs > 0 ? new Date(now.getTime() + blockMs) : null,
  };
}
