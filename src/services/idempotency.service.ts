import { createHash } from 'node:crypto';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  deleteIdempotencyKeysBefore,
  releaseIdempotencyKey,
} from '../repositories/idempotency.repository.ts';
import type { ServiceDeps } from './deps.ts';

/** What to do with a request that carries an Idempotency-Key. */
export type IdempotencyVerdict =
  | { action: 'proceed' }
  | { action: 'replay'; statusCode: number; response: unknown }
  | { action: 'reused' }
  | { action: 'in_progress' };

// How long a request may hold its key; a holder that crashed loses it after this, so a retry can run.
const LOCK_MS = 60_000;

/**
 * A stored response is replayed for 24 hours, then forgotten (and purged by the worker): responses
 * quote people, and a retry comes within minutes, not days.
 */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

/** The fingerprint of a request: same key with a different fingerprint is a client bug. */
export function fingerprintRequest(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${JSON.stringify(body ?? null)}`)
    .digest('hex');
}

/** Claim a key for a request, or say why not. */
export async function beginIdempotentRequest(
  deps: ServiceDeps,
  orgId: string,
  key: string,
  fingerprint: string,
): Promise<IdempotencyVerdict> {
  const now = deps.clock.now();
  const existing = await claimIdempotencyKey(
    deps.db.tenant(orgId),
    orgId,
    key,
    fingerprint,
    now,
    new Date(now.getTime() + LOCK_MS),
    new Date(now.getTime() - IDEMPOTENCY_TTL_MS),
  );
  if (!existing) return { action: 'proceed' };
  if (existing.requestHash !== fingerprint) return { action: 'reused' };
  if (existing.statusCode === null) return { action: 'in_progress' };
  return { action: 'replay', statusCode: existing.statusCode, response: existing.response };
}

/** Store the response of a request that held its key; server errors release the key instead. */
export async function finishIdempotentRequest(
  deps: ServiceDeps,
  orgId: string,
  key: string,
  statusCode: number,
  response: unknown,
): Promise<void> {
  if (statusCode >= 500) await releaseIdempotencyKey(deps.db.tenant(orgId), orgId, key);
  else await completeIdempotencyKey(deps.db.tenant(orgId), orgId, key, statusCode, response);
}

/** Delete stored Idempotency-Key responses older than {@link IDEMPOTENCY_TTL_MS} (the worker calls this). */
export async function purgeExpiredIdempotencyKeys(deps: ServiceDeps): Promise<number> {
  return deleteIdempotencyKeysBefore(
    deps.db.system(),
    new Date(deps.clock.now().getTime() - IDEMPOTENCY_TTL_MS),
  );
}
