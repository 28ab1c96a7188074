/**
 * The sign-in attempt counters (docs/SECURITY.md): keys, the check before a password is tried, the
 * release after a right one, and the worker's purge of quiet ones. A lower module, like
 * secret-tokens.ts: password sign-in counts its attempts here rather than calling a service.
 */
import { createHash } from 'node:crypto';
import {
  afterFailure,
  blockedForMs,
  FORGET_FAILURES_AFTER_MS,
  SIGN_IN_BACKOFF,
  type AttemptScope,
} from '../domain/sign-in-backoff.ts';
import { AppError } from '../errors.ts';
import {
  deleteAttemptCounter,
  lockAttemptCounters,
  purgeAttemptCounters,
  releaseAttemptCounter,
  saveAttemptCounter,
} from '../repositories/sign-in-attempt.repository.ts';
import type { ServiceDeps } from './deps.ts';

/** The keys one sign-in attempt is counted under, by scope (digests: no email or address stored). */
export type AttemptKeys = Record<AttemptScope, string>;

const digest = (...parts: string[]) => createHash('sha256').update(parts.join('\n')).digest('hex');

/** The keys of an attempt on `email` from `address` (the client address, after TRUST_PROXY). */
export function attemptKeys(email: string, address: string): AttemptKeys {
  const account = email.trim().toLowerCase();
  return {
    account_address: digest('account_address', account, address),
    address: digest('address', address),
    account: digest('account', account),
  };
}

const SCOPES = Object.keys(SIGN_IN_BACKOFF) as AttemptScope[];

/**
 * Refuse the attempt while any of its keys is blocked; otherwise count it as a failure before the
 * password is checked, so that guesses sent in parallel are all counted. A correct password then
 * takes its count back (`attemptSucceeded`).
 */
export async function beginSignInAttempt(deps: ServiceDeps, keys: AttemptKeys): Promise<void> {
  const now = deps.clock.now();
  await deps.db.system().transaction(async (tx) => {
    const counters = await lockAttemptCounters(tx, Object.values(keys));
    const waitMs = Math.max(...SCOPES.map((s) => blockedForMs(counters.get(keys[s]) ?? null, now)));
    if (waitMs > 0) {
      const retryAfterSeconds = Math.ceil(waitMs / 1000);
      throw new AppError(
        'rate_limited',
        `Too many failed sign-ins; try again in ${retryAfterSeconds < 90 ? `${retryAfterSeconds} s` : `${Math.ceil(retryAfterSeconds / 60)} min`}.`,
        { retryAfterSeconds },
      );
    }
    for (const s of SCOPES) {
      await saveAttemptCounter(
        tx,
        keys[s],
        afterFailure(counters.get(keys[s]) ?? null, SIGN_IN_BACKOFF[s], now),
      );
    }
  });
}

/**
 * The password was right: this address's failures on the account are forgotten, and the count
 * taken in advance leaves the address and account keys (an office signing in all day behind one
 * address must not trip its own limit).
 */
export async function attemptSucceeded(deps: ServiceDeps, keys: AttemptKeys): Promise<void> {
  await deps.db.system().transaction(async (tx) => {
    await deleteAttemptCounter(tx, keys.account_address);
    await releaseAttemptCounter(tx, keys.address, SIGN_IN_BACKOFF.address.freeFailures);
    await releaseAttemptCounter(tx, keys.account, SIGN_IN_BACKOFF.account.freeFailures);
  });
}

/** Forget counters after a quiet day (the worker's slow cadence); returns how many. */
export function purgeSignInAttempts(deps: ServiceDeps): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - FORGET_FAILURES_AFTER_MS);
  return purgeAttemptCounters(deps.db.system(), before);
}
